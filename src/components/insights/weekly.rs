//! Reach-outs per week against the goal, and the strength score.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::chart::Columns;
use crate::components::disclosure::Disclosure;
use crate::model::courage_words::{STRENGTH_FORMULA, STRENGTH_SENTENCE};
use crate::model::insights::{Figure, GoalRecord, Period, Week};
use crate::model::words::{long_day, plural};
use crate::state::use_app_state;

use super::table::{empty, short_day, table, Cell};

/// Reach-outs per week against the goal over 12, 26 or 52 weeks, and the strength score.
#[component]
pub fn WeeklySection() -> impl IntoView {
    let state = use_app_state();
    let weeks_shown = RwSignal::new(12usize);
    let data = Memo::new(move |_| {
        let today = state.today().get();
        state
            .book()
            .with(|b| (b.last_weeks(weeks_shown.get(), today), b.strength(today)))
    });
    view! {
        <section class="card" aria-labelledby="weekly-heading">
            <h2 id="weekly-heading">"Reach-outs per week"</h2>
            <div class="field period">
                <label for="weeks-shown">"Weeks shown"</label>
                <select id="weeks-shown" on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() { weeks_shown.set(n) }
                }>
                    <option value="12">"12 weeks"</option>
                    <option value="26">"26 weeks"</option>
                    <option value="52">"52 weeks"</option>
                </select>
            </div>
            {move || {
                let (weeks, strength) = data.get();
                weekly_view(weeks, strength, false)
            }}
        </section>
    }
}

/// The weekly chart, table and strength score. No goal and no score before the person
/// chooses a goal.
pub fn weekly_view(weeks: Vec<Week>, strength: Option<u32>, open_tables: bool) -> impl IntoView {
    if weeks.iter().all(|w| w.count == 0) {
        return empty("Log a reach-out to see your weeks here.").into_any();
    }
    let goal = weeks.first().and_then(|w| w.goal);
    let record = GoalRecord::of(&weeks);
    let (met, counted) = (record.met, record.counted);
    let headline = match (goal, strength) {
        (Some(_), Some(strength)) if !record.since_first => {
            format!("Strength {strength} of 100. Goal met in {met} of the last {counted} weeks.")
        }
        (Some(_), Some(strength)) => format!(
            "Strength {strength} of 100. Goal met in {met} of {} since your first reach-out.",
            plural(counted, "week", "weeks")
        ),
        _ => "No weekly goal chosen yet: Today asks once, and Settings can set one.".to_string(),
    };
    let columns = weeks
        .iter()
        .map(|w| (short_day(w.start), w.count as u64))
        .collect();
    let current = weeks.last().map(|w| w.start);
    let rows = weeks
        .iter()
        .rev()
        .map(|w| {
            let met = match (goal, w.met(), Some(w.start) == current) {
                (None, _, _) => "–",
                (_, true, _) => "Yes",
                (_, false, true) => "Not yet",
                (_, false, false) => "No",
            };
            let week = Period {
                from: w.start,
                to: w
                    .start
                    .checked_add_days(chrono::Days::new(6))
                    .unwrap_or(w.start),
            };
            vec![
                Cell::Text(long_day(w.start)),
                Cell::CountIn(
                    w.count,
                    format!("The week of {}", long_day(w.start)),
                    Figure::All,
                    week,
                ),
                met.to_string().into(),
            ]
        })
        .collect::<Vec<_>>();
    let caption = match goal {
        Some(goal) => format!("Reach-outs each week; the dashed line is your goal of {goal}"),
        None => "Reach-outs each week".to_string(),
    };
    view! {
        <p class="headline">{headline}</p>
        {strength.map(|_| view! {
            <p>{STRENGTH_SENTENCE}</p>
            <Disclosure label="How it's worked out".to_string()>
                <p class="small">{STRENGTH_FORMULA}</p>
            </Disclosure>
        })}
        <Columns caption columns goal=u64::from(goal.unwrap_or(0))/>
        {table("Weeks", &["Week of", "Reach-outs", "Goal met"], rows, open_tables, Period { from: NaiveDate::MIN, to: NaiveDate::MAX })}
    }
    .into_any()
}
