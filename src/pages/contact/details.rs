//! A contact's details: how to reach them, how hard it feels, their tags and notes.

use leptos::prelude::*;

use crate::components::user_text::web_link;
use crate::model::Contact;

#[component]
pub(super) fn Details(contact: Contact) -> impl IntoView {
    let has_any = !(contact.email.is_empty()
        && contact.phone.is_empty()
        && contact.linkedin.is_empty()
        && contact.other_link.is_empty()
        && contact.how_we_met.is_empty()
        && contact.expected_fear.is_none()
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
                {(!contact.phone.is_empty()).then(|| view! {
                    <dt>"Phone"</dt>
                    <dd><a href=format!("tel:{}", contact.phone.replace(' ', ""))>{contact.phone.clone()}</a></dd>
                })}
                {(!contact.linkedin.is_empty()).then(|| view! {
                    <dt>"LinkedIn"</dt>
                    <dd>{web_link(contact.linkedin.clone())}</dd>
                })}
                {(!contact.other_link.is_empty()).then(|| view! {
                    <dt>"Link"</dt>
                    <dd>{web_link(contact.other_link.clone())}</dd>
                })}
                {(!contact.how_we_met.is_empty()).then(|| view! {
                    <dt>"How we met"</dt>
                    <dd>{contact.how_we_met.clone()}</dd>
                })}
                {contact.expected_fear.map(|level| view! {
                    <dt>"How hard"</dt>
                    <dd>{format!("Reaching out feels {level} of 10")}</dd>
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
