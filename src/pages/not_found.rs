//! Shown for any address the app does not know.

use crate::links::href;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <div class="card">
                <p>"There is nothing at this address. Your data is safe; this is only a wrong turn."</p>
                <a class="button primary" href=href("/")>"Go to Today"</a>
            </div>
        </section>
    }
}
