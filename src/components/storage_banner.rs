//! The banner that tells the user about any storage problem, at the top of every page.

use leptos::prelude::*;

use crate::state::use_app_state;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.notice.get().map(|notice| {
            view! {
                <div class="banner" role="alert">
                    <strong>"Storage problem. "</strong>
                    {notice.message()}
                </div>
            }
        })
    }
}
