//! Data: where the user's record lives. Backups and imports come with the storage work.

use leptos::prelude::*;

use crate::state::use_app_state;
use crate::storage::{Store, APP_NAMESPACE};

#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_app_state();
    let contacts = move || state.book.with(|b| b.contacts.len());
    let reach_outs = move || state.book.with(|b| b.reach_outs.len());
    view! {
        <section class="page">
            <h1>"Your data"</h1>
            <div class="card">
                <p>
                    <strong>{contacts}</strong> " contacts and " <strong>{reach_outs}</strong>
                    " reach-outs are stored in this browser only, under the key "
                    <code>{Store::document_key(APP_NAMESPACE)}</code> ". Nothing is sent anywhere."
                </p>
                <p class="muted">
                    "Coming next: download a full backup and restore it, import from LinkedIn, a phone's \
                     vCard file or a spreadsheet, and a printable progress report."
                </p>
            </div>
        </section>
    }
}
