//! Today, the home page: the week's reach-outs and the latest ones, or a first step.

use crate::links::href;
use leptos::prelude::*;

use crate::clock;
use crate::model::dates::{long_day, relative_day};
use crate::state::use_app_state;

#[component]
pub fn TodayPage() -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let has_contacts = move || state.book.with(|b| !b.contacts.is_empty());
    let this_week = move || state.book.with(|b| b.reach_outs_this_week(today));
    let recent = move || {
        state.book.with(|book| {
            book.recent_reach_outs(8)
                .into_iter()
                .map(|r| {
                    let name = book
                        .contact(r.contact)
                        .map(|c| c.name.clone())
                        .unwrap_or_default();
                    (
                        r.id,
                        r.contact,
                        name,
                        r.channel.label(),
                        relative_day(r.date, today),
                        r.note.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <section class="page">
            <header class="page-header">
                <h1>"Today"</h1>
                <p class="muted">{long_day(today)}</p>
            </header>
            <Show when=has_contacts fallback=|| view! { <FirstStep/> }>
                <div class="card highlight">
                    <h2>"This week"</h2>
                    <p class="big-number">{this_week}</p>
                    <p>{move || match this_week() {
                        0 => "No reach-outs yet this week. One message is enough to start.".to_string(),
                        1 => "reach-out so far. It counts, whatever the answer.".to_string(),
                        _ => "reach-outs so far. Each one counts, whatever the answer.".to_string(),
                    }}</p>
                </div>
                <div class="card">
                    <h2>"Recent reach-outs"</h2>
                    <Show when=move || !recent().is_empty()
                        fallback=|| view! { <p class="muted">"Open a contact and log your first reach-out."</p> }>
                        <ul class="timeline">
                            <For each=recent key=|item| item.0 let:item>
                                <li>
                                    <a href=href(&format!("/contacts/{}", item.1))>{item.2}</a>
                                    " · " {item.3} " · " <span class="muted">{item.4}</span>
                                    {(!item.5.is_empty()).then(|| view! { <p class="note">{item.5}</p> })}
                                </li>
                            </For>
                        </ul>
                    </Show>
                </div>
                <p><a class="button" href=href("/contacts/new")>"Add a contact"</a></p>
            </Show>
        </section>
    }
}

#[component]
fn FirstStep() -> impl IntoView {
    view! {
        <div class="card empty">
            <h2>"Every connection starts with one message"</h2>
            <p>
                "Add someone you would like to reach out to: a former colleague, a person whose work you admire, \
                 someone who could answer a question. Then log it when you reach out. The reaching out is the win, \
                 whatever the answer."
            </p>
            <a class="button primary" href=href("/contacts/new")>"Add your first contact"</a>
        </div>
    }
}
