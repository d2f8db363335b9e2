//! The week card on Today: the week so far against the goal, and the strength score; before a
//! goal is chosen, the question that sets one.

use leptos::prelude::*;

use crate::components::drill::FigureButton;
use crate::components::field::{Field, FieldKind};
use crate::model::courage_words;
use crate::model::courage_words::STRENGTH_SENTENCE;
use crate::model::insights::{Answer, Figure};
use crate::model::words::plural;
use crate::model::SUGGESTED_GOAL;
use crate::state::use_app_state;
use chrono::NaiveDate;

/// The week so far, this week only: every ask counted whatever the answer, against the goal
/// once the person has chosen one, and the strength score that a missed week only dents. The
/// count opens to the week's reach-outs, as Insights does.
#[component]
pub(super) fn ThisWeekCard(today: NaiveDate) -> impl IntoView {
    let state = use_app_state();
    let week = Memo::new(move |_| state.book().with(|b| b.this_week(today)));
    let lead = move || courage_words::week_lead(&week.get());
    let meter = move || {
        let w = week.get();
        w.goal.map(|goal| {
            let progress = format!("{} of {goal}", w.count);
            view! {
                <progress class="meter goal-meter" aria-label=format!("Weekly goal: {progress}")
                    max=goal value=w.count.min(goal as usize)>{progress.clone()}</progress>
            }
        })
    };
    let counts = move || {
        let w = week.get();
        (w.count > 0).then(|| {
            let noes = (w.noes > 0).then(|| view! {
                ", "
                <FigureButton text=plural(w.noes, "no", "noes") title="Noes this week" figure=Figure::Answer(Answer::Declined) period=w.period/>
            });
            view! {
                <p class="small">"This week: "
                    <FigureButton text=plural(w.count, "reach-out", "reach-outs") title="Reach-outs this week" figure=Figure::All period=w.period/>
                    {noes}
                </p>
            }
        })
    };
    view! {
        <div class="card highlight this-week">
            <h2>"This week"</h2>
            <p class="big-number" class:lead-words=move || week.with(|w| w.count == 0 || w.goal.is_none_or(|g| w.count >= g as usize))>{lead}</p>
            {meter}
            <p>{move || {
                let w = week.get();
                courage_words::this_week(w.count, w.noes)
            }}</p>
            {counts}
            {move || match week.get().strength {
                None => None,
                // A score of 0 is not shown as a number: it only says how to grow one.
                Some(0) => Some(view! {
                    <p class="strength muted small">"Your strength score starts with the first week you meet your goal; a missed week only dents it."</p>
                }.into_any()),
                Some(strength) => Some(view! {
                    <p class="strength">
                        "Strength " <strong>{strength}</strong> " of 100"
                        <span class="muted small">{format!(" · {STRENGTH_SENTENCE}")}</span>
                    </p>
                }.into_any()),
            }}
        </div>
    }
}

/// The week card, or before a goal is chosen, the question that sets one.
#[component]
pub(super) fn WeekOrGoal(today: NaiveDate, ask_goal: Signal<bool>) -> impl IntoView {
    view! {
        <Show when=move || ask_goal.get() fallback=move || view! { <ThisWeekCard today/> }>
            <GoalQuestion/>
        </Show>
    }
}

/// Asked once, before any goal or strength is shown: how many reach-outs a week feel right.
/// Skippable; Settings can set a goal later.
#[component]
pub(super) fn GoalQuestion() -> impl IntoView {
    let state = use_app_state();
    let value = RwSignal::new(SUGGESTED_GOAL.to_string());
    let error = RwSignal::new(None::<String>);
    let set = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = value.get_untracked();
        if let Err(e) = state.change(|b| b.choose_goal(&text)) {
            error.set(Some(e.to_string()));
        }
    };
    let skip = move |_| {
        if let Err(e) = state.change(|b| {
            b.skip_goal_question();
            Ok(())
        }) {
            error.set(Some(e.to_string()));
        }
    };
    let field_error = Signal::derive(move || error.get());
    view! {
        <form class="card goal-question form" novalidate on:submit=set aria-labelledby="goal-heading">
            <h2 id="goal-heading">"How many reach-outs a week feel right?"</h2>
            <p class="small">"A small goal you meet beats a big one you dread. Most people start with 2. You can change it any time in Settings."</p>
            <Field label="Reach-outs a week (1 to 50)" name="goal-question" value kind=FieldKind::Number error=field_error />
            <div class="actions">
                <button type="submit" class="button primary">"Set my goal"</button>
                <button type="button" class="button" on:click=skip>"Skip for now"</button>
            </div>
        </form>
    }
}
