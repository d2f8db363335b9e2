//! The pages that add a contact and edit one.

use leptos::prelude::*;

use crate::components::contact_form::ContactForm;
use crate::model::ContactDraft;
use crate::pages::contact::{use_contact_id, MissingContact};
use crate::state::use_app_state;

#[component]
pub fn NewContactPage() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>"Add a contact"</h1>
            <ContactForm editing=None initial=ContactDraft::default()/>
        </section>
    }
}

#[component]
pub fn EditContactPage() -> impl IntoView {
    let state = use_app_state();
    let id = use_contact_id();
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
