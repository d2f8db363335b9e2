//! One contact: what the person came to do first (record the answer they are waiting for, log a
//! reach-out), then the details and the timeline, newest first. Editing is one link; archive,
//! merge and delete wait behind "More".

mod details;
pub mod edit;
mod timeline;
mod waiting;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::clock;
use crate::components::contact_actions::{DeleteContact, MergeContact};
use crate::components::contact_form::Drafts;
use crate::components::disclosure::Disclosure;
use crate::components::reach_out_form::ReachOutForm;
use crate::components::user_text::role_at_company;
use crate::links::href;
use crate::model::{Contact, ContactId};
use crate::state::use_app_state;
use details::Details;
use timeline::Timeline;
use waiting::WaitingCard;

/// The contact id in the current URL, if it is a number.
pub fn use_contact_id() -> Memo<Option<ContactId>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse().ok())))
}

/// Follows the contact at `/contacts/{id}{rest}` to its new id when a merge with another tab's
/// save renumbers it (both tabs took the same id in the same moment): without this, the page
/// would show the other tab's record under the old id. A form's unsaved draft goes along.
pub fn follow_moved_contact(id: Memo<Option<ContactId>>, rest: &'static str) {
    let state = use_app_state();
    let navigate = StoredValue::new_local(use_navigate());
    let moved = state.moved();
    // Moves are kept for a few seconds only: one this page acts on was made while it was
    // drawn, or just before.
    Effect::new(move |_| {
        let moves = moved.get();
        let Some(current) = id.get_untracked() else {
            return;
        };
        if let Some((_, to)) = moves.iter().find(|(from, _)| *from == current.0) {
            let to = ContactId(*to);
            if let Some(drafts) = use_context::<Drafts>() {
                drafts.move_draft(current, to);
            }
            navigate.with_value(|n| {
                n(
                    &format!("/contacts/{to}{rest}"),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                )
            });
        }
    });
}

#[component]
pub fn ContactPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    let id = use_contact_id();
    follow_moved_contact(id, "");
    // From one contact to another the page stays; the tab's title and the focus still follow.
    Effect::new(move |shown: Option<Option<ContactId>>| {
        let now = id.get();
        if shown.is_some_and(|shown| shown != now) {
            crate::components::focus::page_drawn();
        }
        now
    });
    let contact = Memo::new(move |_| {
        id.get()
            .and_then(|id| state.book().with(|b| b.contact(id).cloned()))
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
    let archived = contact.archived;
    let today = state.today().get_untracked();
    let stage = move || {
        state
            .book()
            .with(|b| b.stages().get(&id).copied())
            .map(|s| s.label())
    };
    let subtitle: Vec<String> = contact
        .role_at_company()
        .into_iter()
        .map(String::from)
        .collect();
    let toggle_archive = move |_| {
        let _ = state.change(|b| b.set_archived(id, !archived, clock::now()));
    };
    let name = contact.name.clone();

    view! {
        <section class="page">
            <header class="page-header contact-header">
                <div>
                    <p class="back"><a href=href("/contacts")>"← All contacts"</a></p>
                    <h1>{contact.name.clone()}</h1>
                    {(!subtitle.is_empty()).then(|| view! { <p class="muted">{role_at_company(subtitle)}</p> })}
                    <p class="stage-line">"Stage: " <span class="badge">{stage}</span></p>
                </div>
                <div class="actions">
                    <a class="button small" href=href(&format!("/contacts/{id}/edit"))>"Edit contact"</a>
                    <Disclosure label="More".to_string()>
                        <div class="actions more-actions">
                            <button type="button" class="button" on:click=toggle_archive>
                                {if archived { "Unarchive" } else { "Archive" }}
                            </button>
                            <MergeContact contact=id/>
                            <DeleteContact contact=id name=name.clone()/>
                        </div>
                    </Disclosure>
                </div>
            </header>
            {archived.then(|| view! {
                <p class="banner">"This contact is archived: it is left out of Today and the contact list. Its history is kept."</p>
            })}
            <div class="columns">
                <div>
                    <WaitingCard contact=id today/>
                    <ReachOutForm contact=id/>
                    <Details contact=contact.clone()/>
                </div>
                <Timeline contact=id today/>
            </div>
        </section>
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
