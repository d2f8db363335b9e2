//! The pages that add a contact and edit one.

use leptos::prelude::*;

use super::{follow_moved_contact, use_contact_id, MissingContact};
use crate::components::contact_form::ContactForm;
use crate::components::disclosure::Disclosure;
use crate::components::paste_list::PasteList;
use crate::model::ContactDraft;
use crate::state::use_app_state;

#[component]
pub fn NewContactPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    view! {
        <section class="page narrow">
            <h1>"Add a contact"</h1>
            <ContactForm editing=None initial=ContactDraft::default()/>
            <section class="card" aria-labelledby="several-heading">
                <h2 id="several-heading">"Several people at once"</h2>
                <p class="muted small">"Paste a list of names to add them in one step."</p>
                <Disclosure label="Paste a list of names".to_string()>
                    <PasteList/>
                </Disclosure>
            </section>
        </section>
    }
}

#[component]
pub fn EditContactPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    let id = use_contact_id();
    follow_moved_contact(id, "/edit");
    // Read once: the form keeps its own copy while the user types.
    move || {
        let found = id
            .get()
            .and_then(|id| state.book().with_untracked(|b| b.contact(id).cloned()));
        match found {
            Some(contact) => view! {
                <section class="page narrow">
                    <h1>"Edit " {contact.name.clone()}</h1>
                    <ContactForm editing=Some(contact.id) initial=ContactDraft::from_contact(&contact)/>
                </section>
            }
            .into_any(),
            None => view! { <MissingContact/> }.into_any(),
        }
    }
}
