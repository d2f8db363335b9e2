//! The gentle reminder on Today when the last backup is old and the data changed since.

use leptos::prelude::*;

use crate::clock;
use crate::state::{use_app_state, DataError};

#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_app_state();
    let status = RwSignal::new(None::<Result<String, DataError>>);
    let due = move || {
        let revision = state.revision().get();
        state
            .book()
            .with(|b| state.backup().get().reminder_due(b, revision, clock::now()))
    };
    view! {
        <Show when=move || due() || status.get().is_some()>
            <div class="card highlight" role="region" aria-labelledby="backup-reminder">
                <h2 id="backup-reminder">"Time for a backup"</h2>
                {move || match status.get() {
                    Some(Ok(message)) => view! { <p role="status">{message}</p> }.into_any(),
                    Some(Err(message)) => view! { <p class="form-error" role="alert">{message.to_string()}</p> }.into_any(),
                    None => view! {
                        <p>{move || if state.backup().with(|b| b.backed_up_at.is_some()) {
                            "Your record has changed since your last backup, more than 30 days ago. \
                             One file keeps it safe if this browser's data is ever cleared."
                        } else {
                            "You have been keeping your record for over 30 days without a backup. \
                             One file keeps it safe if this browser's data is ever cleared."
                        }}</p>
                        <div class="actions">
                            <button type="button" class="button primary"
                                on:click=move |_| status.set(Some(state.download_backup()))>
                                "Download a backup"
                            </button>
                            <button type="button" class="button"
                                on:click=move |_| state.postpone_backup_reminder()>
                                "Not now"
                            </button>
                        </div>
                    }.into_any(),
                }}
            </div>
        </Show>
    }
}
