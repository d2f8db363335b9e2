//! "Snooze": put a due item off until tomorrow, next week, or a chosen day.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;

use crate::clock;
use crate::components::disclosure::Disclosure;
use crate::components::field::{Field, FieldKind};
use crate::model::{ContactId, ReachOutId};
use crate::state::use_app_state;

/// What a snooze puts off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnoozeTarget {
    FollowUp(ReachOutId),
    StayInTouch(ContactId),
}

impl SnoozeTarget {
    fn key(self) -> String {
        match self {
            SnoozeTarget::FollowUp(id) => format!("f{}", id.0),
            SnoozeTarget::StayInTouch(id) => format!("s{}", id.0),
        }
    }
}

#[component]
pub fn SnoozeMenu(target: SnoozeTarget) -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let chosen = RwSignal::new(
        today
            .checked_add_days(Days::new(3))
            .unwrap_or(today)
            .format("%Y-%m-%d")
            .to_string(),
    );
    let error = RwSignal::new(None::<String>);

    let snooze = move |until: NaiveDate| {
        let today = clock::today();
        let result = state.change(|book| match target {
            SnoozeTarget::FollowUp(id) => book.snooze_follow_up(id, until, today),
            SnoozeTarget::StayInTouch(id) => book.snooze_stay_in_touch(id, until, today),
        });
        error.set(result.err().map(|e| e.to_string()));
    };
    let snooze_chosen =
        move |_| match NaiveDate::parse_from_str(chosen.get_untracked().trim(), "%Y-%m-%d") {
            Ok(day) => snooze(day),
            Err(_) => error.set(Some(
                "Please enter a day to snooze until (YYYY-MM-DD).".into(),
            )),
        };

    view! {
        <Disclosure label="Snooze".to_string()>
            <div role="group" aria-label="Snooze until" class="picker">
                <div class="choice-buttons">
                    <button type="button" class="button small" on:click=move |_| snooze(in_days(1))>
                        "Until tomorrow"
                    </button>
                    <button type="button" class="button small" on:click=move |_| snooze(in_days(7))>
                        "Until next week"
                    </button>
                </div>
                <div class="inline-form">
                    <Field label="Or until" name=format!("snooze-{}", target.key()) value=chosen
                        error=Signal::derive(move || error.get()) kind=FieldKind::Date />
                    <button type="button" class="button small" on:click=snooze_chosen>"Snooze until this day"</button>
                </div>
            </div>
        </Disclosure>
    }
}

/// The day `days` after today; today itself at the very end of the calendar.
fn in_days(days: u64) -> chrono::NaiveDate {
    let today = clock::today();
    today.checked_add_days(Days::new(days)).unwrap_or(today)
}
