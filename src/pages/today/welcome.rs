//! Coming back after a gap: a person who has not opened Reachout for two weeks or more is met
//! with one small step, not a wall of overdue rows. The overdue follow-ups wait behind a count;
//! "Start fresh" spreads them over the next days (undoable), "Show them" lists them as usual.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::focus::focus_next_frame;
use crate::model::words::plural;
use crate::model::{coming_back, Agenda, Limits, Undo};
use crate::state::{use_app_state, AppState};

/// Where the day of the last visit is remembered in this browser.
const LAST_SEEN: &str = "last-seen";

/// Whether this visit is a return after a gap, until the person acts on the welcome.
#[derive(Clone, Copy)]
pub struct ComingBack(RwSignal<bool>);

/// Reads the day of the last visit, remembers today's, and provides [`ComingBack`]. A stored day
/// that is not a date (or one ahead of today) is no return.
pub fn provide_coming_back(state: AppState) {
    let today = state.today().get_untracked();
    // Checked like every stored day: one outside the years Reachout keeps counts as never seen.
    let seen = state
        .preference::<NaiveDate>(LAST_SEEN)
        .filter(|day| Limits::day_in_range(*day));
    provide_context(ComingBack(RwSignal::new(coming_back(seen, today))));
    // Remembered now and whenever the day changes, so a tab left open for weeks is no return.
    Effect::new(move |_| state.remember(LAST_SEEN, &state.today().get()));
}

/// The welcome's count: follow-ups due before today.
pub(super) fn overdue(agenda: Memo<Agenda>, today: NaiveDate) -> Signal<usize> {
    Signal::derive(move || agenda.with(|a| a.follow_ups.iter().filter(|t| t.due < today).count()))
}

/// True while the welcome is shown: a return after a gap, with something overdue.
pub(super) fn welcoming(overdue: Signal<usize>) -> Signal<bool> {
    let back = use_context::<ComingBack>();
    Signal::derive(move || back.is_some_and(|ComingBack(b)| b.get()) && overdue.get() > 0)
}

#[component]
pub(super) fn WelcomeBack(today: NaiveDate, overdue: Signal<usize>) -> impl IntoView {
    let state = use_app_state();
    let done = move || {
        if let Some(ComingBack(back)) = use_context::<ComingBack>() {
            back.set(false);
        }
    };
    let fresh = move |_| match state.change(|b| b.start_fresh(today)) {
        Ok(moved) => {
            state.offer_undo(Undo::Reschedule(moved));
            done();
            // The toast's Undo is where the next step is; else the page's heading.
            focus_next_frame(&[".toast-region .toast button", "main h1"]);
        }
        Err(error) => state.say(error.to_string()),
    };
    let waited = move || {
        let count = plural(overdue.get(), "follow-up", "follow-ups");
        format!("{count} waited for you while you were away.")
    };
    view! {
        <section class="card welcome-back" aria-labelledby="welcome-heading">
            <h2 id="welcome-heading">"Welcome back"</h2>
            <p>
                "It has been a while, and that is fine. One small step is enough today: pick one "
                "person to say hello to."
            </p>
            <p class="muted">{waited}</p>
            <div class="actions">
                <button type="button" class="button primary" on:click=fresh>"Start fresh"</button>
                <button type="button" class="button" on:click=move |_| {
                    done();
                    focus_next_frame(&["#due-heading", "main h1"]);
                }>"Show them"</button>
            </div>
            <p class="hint">"Start fresh moves them to the next few days, three a day. You can undo it."</p>
        </section>
    }
}
