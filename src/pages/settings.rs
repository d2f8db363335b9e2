//! Settings: the weekly goal, follow-up rules, templates and theme, once they exist.

use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Settings"</h1>
            <div class="card">
                <p>"The colours follow your system's light or dark setting."</p>
                <p class="muted">
                    "Coming next: your weekly goal, how many days to wait before a follow-up and how many \
                     tries to make, message templates, and a choice of theme."
                </p>
            </div>
        </section>
    }
}
