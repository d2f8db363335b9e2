//! The toast that offers to take back a delete or a merge, for 15 seconds.

use leptos::prelude::*;

use crate::state::use_app_state;

#[component]
pub fn UndoToast() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || state.said().get().map(|text| view! {
                <div class="toast said"><span>{text}</span></div>
            })}
            {move || state.undo().get().map(|(_, undo)| view! {
                <div class="toast">
                    <span>{undo.describe()}</span>
                    <button type="button" class="button small primary" on:click=move |_| state.apply_undo()>"Undo"</button>
                    <button type="button" class="button small" on:click=move |_| state.dismiss_undo()>"Dismiss"</button>
                </div>
            })}
        </div>
    }
}
