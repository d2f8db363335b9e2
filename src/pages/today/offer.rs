//! Offered once, gently, once the first reach-out is logged: a reminder that reaches the person
//! when Reachout is closed. Either answer puts it away for good in this browser.

use leptos::prelude::*;

use crate::links::href;
use crate::state::use_app_state;

/// Remembered once the offer was answered.
const ANSWERED: &str = "reminder-offer-answered";

#[component]
pub(super) fn ReminderOffer() -> impl IntoView {
    let state = use_app_state();
    let answered = RwSignal::new(state.preference::<bool>(ANSWERED).unwrap_or(false));
    let logged = move || state.book().with(|b| !b.reach_outs.is_empty());
    let answer = move || {
        answered.set(true);
        state.remember(ANSWERED, &true);
    };
    view! {
        <Show when=move || logged() && !answered.get()>
            <section class="card quiet reminder-offer" aria-labelledby="offer-heading">
                <h2 id="offer-heading">"A nudge each week?"</h2>
                <p>"Your calendar can remind you to reach out, even on days you do not open Reachout."</p>
                <div class="actions">
                    <a class="button small" href=href("/settings#reminders-heading")
                        on:click=move |_| answer()>"Set up a reminder"</a>
                    <button type="button" class="button small" on:click=move |_| {
                        answer();
                        crate::components::focus::focus_next_frame(&["main h1"]);
                    }>"No thanks"</button>
                </div>
            </section>
        </Show>
    }
}
