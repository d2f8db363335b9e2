//! The banner that tells the user about any storage problem, at the top of every page.

use crate::components::focus::focus_when_drawn;
use leptos::prelude::*;

use crate::model::grouped;
use crate::state::{use_app_state, StorageNotice};

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.notice().get().map(|notice| {
            view! {
                <div class="banner" role="alert">
                    <p>
                        <strong>{notice.title()}</strong>" "
                        {notice.message()}
                    </p>
                    {match notice {
                        StorageNotice::Quarantined { key, .. } => {
                            Some(view! { <QuarantinedCopy key=key/> }.into_any())
                        }
                        // The data opened and works; the copy stays listed on the Data page.
                        StorageNotice::Adjusted { key, .. } => Some(view! {
                            <QuarantinedCopy key=key/>
                            <button type="button" class="button small"
                                on:click=move |_| state.dismiss_adjusted_notice()>
                                "Got it"
                            </button>
                        }.into_any()),
                        // Nothing is kept here: the backup is the way to keep this visit's work.
                        StorageNotice::Unavailable => Some(view! { <BackupNow/> }.into_any()),
                        _ => None,
                    }}
                </div>
            }
        })
    }
}

/// "Download a backup" where nothing can be kept, with what it saved or why it could not.
#[component]
fn BackupNow() -> impl IntoView {
    let state = use_app_state();
    let said = RwSignal::new(None::<String>);
    view! {
        <div class="actions">
            <button type="button" class="button small"
                on:click=move |_| said.set(Some(match state.download_backup() {
                    Ok(done) => done,
                    Err(e) => e.to_string(),
                }))>
                "Download a backup"
            </button>
        </div>
        {move || said.get().map(|m| view! { <p class="small" role="status">{m}</p> })}
    }
}

/// One unreadable copy with its two actions; removal asks first.
#[component]
pub fn QuarantinedCopy(key: String) -> impl IntoView {
    let state = use_app_state();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let size = grouped(state.stored_size(&key));
    let download = {
        let key = key.clone();
        move |_| {
            error.set(
                state
                    .download_quarantined(&key)
                    .err()
                    .map(|e| e.to_string()),
            )
        }
    };
    let remove = {
        let key = key.clone();
        move |_| state.remove_quarantined(&key)
    };
    let focus_first = NodeRef::<leptos::html::Button>::new();
    let ask = move |_| {
        confirming.set(true);
        focus_when_drawn(focus_first);
    };
    view! {
        <div class="quarantine">
            <p class="small"><code>{key.clone()}</code>{format!(" ({size} characters)")}</p>
            <div class="actions">
                <button type="button" class="button small" on:click=download>"Download the raw data"</button>
                <button type="button" class="button small danger" on:click=ask>"Remove it…"</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-label="Remove the unreadable data">
                    <p><strong>"Remove this unreadable data for good? It cannot be undone."</strong></p>
                    <div class="actions">
                        <button type="button" class="button small danger" node_ref=focus_first on:click=remove.clone()>
                            "Remove it for good"
                        </button>
                        <button type="button" class="button small" on:click=move |_| confirming.set(false)>"Keep it"</button>
                    </div>
                </div>
            </Show>
            {move || error.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
        </div>
    }
}
