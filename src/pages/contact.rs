//! One contact: details, the log-a-reach-out form and the timeline, newest first.

use crate::links::href;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::clock;
use crate::components::reach_out_form::ReachOutForm;
use crate::model::dates::{long_day, relative_day};
use crate::model::{Contact, ContactId};
use crate::state::use_app_state;

/// The contact id in the current URL, if it is a number.
pub fn use_contact_id() -> Memo<Option<ContactId>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse().ok())))
}

#[component]
pub fn ContactPage() -> impl IntoView {
    let state = use_app_state();
    let id = use_contact_id();
    let contact = Memo::new(move |_| {
        id.get()
            .and_then(|id| state.book.with(|b| b.contact(id).cloned()))
    });

    move || match contact.get() {
        Some(contact) => view! { <ContactView contact/> }.into_any(),
        None => view! { <MissingContact/> }.into_any(),
    }
}

#[component]
fn ContactView(contact: Contact) -> impl IntoView {
    let state = use_app_state();
    let id = contact.id;
    let today = clock::today();
    let timeline = move || {
        state.book.with(|book| {
            book.timeline(id)
                .into_iter()
                .map(|r| {
                    (
                        r.id,
                        r.channel.label(),
                        long_day(r.date),
                        relative_day(r.date, today),
                        r.note.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let subtitle = [contact.role.as_str(), contact.company.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" at ");

    view! {
        <section class="page">
            <p><a href=href("/contacts")>"← All contacts"</a></p>
            <header class="page-header">
                <div>
                    <h1>{contact.name.clone()}</h1>
                    {(!subtitle.is_empty()).then(|| view! { <p class="muted">{subtitle}</p> })}
                </div>
                <a class="button" href=href(&format!("/contacts/{id}/edit"))>"Edit contact"</a>
            </header>
            <div class="columns">
                <div>
                    <Details contact=contact.clone()/>
                    <ReachOutForm contact=id/>
                </div>
                <div class="card">
                    <h2>"Timeline"</h2>
                    <Show when=move || !timeline().is_empty()
                        fallback=|| view! { <p class="muted">"No reach-outs yet. The first one is the bravest."</p> }>
                        <ol class="timeline" aria-label="Reach-outs, newest first">
                            <For each=timeline key=|item| item.0 let:item>
                                <li>
                                    <strong>{item.1}</strong>
                                    " · " <time>{item.2}</time>
                                    <span class="muted">" (" {item.3} ")"</span>
                                    {(!item.4.is_empty()).then(|| view! { <p class="note">{item.4}</p> })}
                                </li>
                            </For>
                        </ol>
                    </Show>
                </div>
            </div>
        </section>
    }
}

#[component]
fn Details(contact: Contact) -> impl IntoView {
    let has_any = !(contact.email.is_empty()
        && contact.linkedin.is_empty()
        && contact.tags.is_empty()
        && contact.notes.is_empty());
    view! {
        <div class="card">
            <h2>"Details"</h2>
            {(!has_any).then(|| view! { <p class="muted">"No details yet. Edit the contact to add some."</p> })}
            <dl class="details">
                {(!contact.email.is_empty()).then(|| view! {
                    <dt>"Email"</dt>
                    <dd><a href=format!("mailto:{}", contact.email)>{contact.email.clone()}</a></dd>
                })}
                {(!contact.linkedin.is_empty()).then(|| view! {
                    // The model only stores http(s) links, so this can never run script.
                    <dt>"LinkedIn"</dt>
                    <dd><a href=contact.linkedin.clone() rel="noopener noreferrer" target="_blank">
                        {contact.linkedin.clone()}
                    </a></dd>
                })}
                {(!contact.tags.is_empty()).then(|| view! {
                    <dt>"Tags"</dt>
                    <dd><ul class="tags">
                        {contact.tags.iter().map(|t| view! { <li class="tag">{t.clone()}</li> }).collect_view()}
                    </ul></dd>
                })}
                {(!contact.notes.is_empty()).then(|| view! {
                    <dt>"Notes"</dt>
                    <dd class="note">{contact.notes.clone()}</dd>
                })}
            </dl>
        </div>
    }
}

#[component]
pub fn MissingContact() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Contact not found"</h1>
            <div class="card">
                <p>"There is no contact at this address. It may have been removed, or the link is mistyped."</p>
                <a class="button" href=href("/contacts")>"Go to contacts"</a>
            </div>
        </section>
    }
}
