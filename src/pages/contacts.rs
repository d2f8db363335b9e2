//! The list of contacts, by name.

use crate::links::href;
use leptos::prelude::*;

use crate::clock;
use crate::model::dates::relative_day;
use crate::state::use_app_state;

/// One line of the list. It is its own `<For/>` key: a row is rebuilt only when something it
/// shows changed, and an unchanged row keeps its DOM node (and focus).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: crate::model::ContactId,
    name: String,
    detail: String,
    tags: Vec<String>,
    last: String,
    stage: &'static str,
    archived: bool,
}

#[component]
pub fn ContactsPage() -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let rows = Memo::new(move |_| {
        state.book.with(|book| {
            let stages = book.stages();
            book.contacts_by_name()
                .into_iter()
                .map(|c| Row {
                    id: c.id,
                    name: c.name.clone(),
                    detail: [c.role.as_str(), c.company.as_str()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" at "),
                    tags: c.tags.clone(),
                    last: match book.last_reached(c.id) {
                        Some(day) => format!("Last reached out {}", relative_day(day, today)),
                        None => "Not reached out yet".into(),
                    },
                    stage: stages.get(&c.id).map_or("", |s| s.label()),
                    archived: c.archived,
                })
                .collect::<Vec<_>>()
        })
    });
    let count = move || state.book.with(|b| b.contacts.len());
    let active = move |archived: bool| {
        rows.get()
            .into_iter()
            .filter(|r| r.archived == archived)
            .collect::<Vec<_>>()
    };

    view! {
        <section class="page">
            <header class="page-header">
                <h1>"Contacts"</h1>
                <a class="button primary" href=href("/contacts/new")>"Add contact"</a>
            </header>
            <Show when=move || { count() > 0 }
                fallback=|| view! {
                    <div class="card empty">
                        <p>"No contacts yet. Who would you like to talk to?"</p>
                        <a class="button primary" href=href("/contacts/new")>"Add your first contact"</a>
                    </div>
                }>
                <p class="muted">{move || match count() { 1 => "1 contact".to_string(), n => format!("{n} contacts") }}</p>
                <ul class="contact-list" aria-label="Contacts">
                    <For each=move || active(false) key=|row| row.clone() let:row>
                        <ContactRow row/>
                    </For>
                </ul>
                <Show when=move || !active(true).is_empty()>
                    <h2 id="archived-heading">"Archived"</h2>
                    <ul class="contact-list" aria-labelledby="archived-heading">
                        <For each=move || active(true) key=|row| row.clone() let:row>
                            <ContactRow row/>
                        </For>
                    </ul>
                </Show>
            </Show>
        </section>
    }
}

#[component]
fn ContactRow(row: Row) -> impl IntoView {
    view! {
        <li class="contact-row">
            <div class="due-head">
                <a class="contact-name" href=href(&format!("/contacts/{}", row.id))>{row.name}</a>
                <span class="badge">{row.stage}</span>
            </div>
            {(!row.detail.is_empty()).then(|| view! { <span class="muted">{row.detail}</span> })}
            <span class="muted small">{row.last}</span>
            {(!row.tags.is_empty()).then(|| view! {
                <ul class="tags" aria-label="Tags">
                    {row.tags.into_iter().map(|t| view! { <li class="tag">{t}</li> }).collect_view()}
                </ul>
            })}
        </li>
    }
}
