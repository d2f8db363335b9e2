//! Insights: the evidence of what reaching out brings. The charts come with the tracker.

use leptos::prelude::*;

use crate::state::use_app_state;

#[component]
pub fn InsightsPage() -> impl IntoView {
    let state = use_app_state();
    let total = move || state.book().with(|b| b.reach_outs.len());
    view! {
        <section class="page">
            <h1>"Insights"</h1>
            <div class="card">
                <p>"You have logged " <strong>{total}</strong> " reach-outs so far."</p>
                <p class="muted">
                    "Coming next: reach-outs per week against your goal, outcomes by channel, what you feared \
                     against what happened, and how your fear falls over time."
                </p>
            </div>
        </section>
    }
}
