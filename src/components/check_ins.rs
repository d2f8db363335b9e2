//! "Does it still sting?": a day and a week after a no or no answer, Today asks once, answered
//! or put away in one tap. The answers show on Insights beside what the person predicted.

use leptos::prelude::*;

use crate::model::words::relative_day;
use crate::model::{CheckIn, CheckInDue, ReachOutId};
use crate::state::use_app_state;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Asked {
    id: ReachOutId,
    due: CheckInDue,
    name: String,
    outcome: &'static str,
    when: String,
    guess: Option<&'static str>,
}

#[component]
pub fn CheckIns() -> impl IntoView {
    let state = use_app_state();
    let asked = move || {
        let today = state.today().get();
        state.book().with(|b| {
            b.check_ins_due(today)
                .into_iter()
                .take(5)
                .filter_map(|(id, due)| {
                    let r = b.reach_out(id)?;
                    Some(Asked {
                        id,
                        due,
                        name: b
                            .contact(r.contact)
                            .map(|c| c.name.clone())
                            .unwrap_or_default(),
                        outcome: r.outcome.label(),
                        when: relative_day(r.outcome_date.unwrap_or(r.date), today),
                        guess: r.before.sting.map(|g| g.label()),
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !asked().is_empty()>
            <section class="card" aria-labelledby="checkin-heading">
                <h2 id="checkin-heading">"Does it still sting?"</h2>
                <p class="muted small">"One tap: 0 is not at all, 10 is as much as ever; or skip it. Over time this shows how quickly a no fades."</p>
                <ul class="due-list" aria-labelledby="checkin-heading">
                    <For each=asked key=|a| a.clone() let:item>
                        <CheckInRow item/>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn CheckInRow(item: Asked) -> impl IntoView {
    let state = use_app_state();
    let (id, due) = (item.id, item.due);
    let who = StoredValue::new(item.name.clone());
    let answer = move |check_in: CheckIn| {
        let who = who.get_value();
        if state
            .change(|b| b.answer_check_in(id, due, check_in))
            .is_ok()
        {
            // Said in the page's status line for a few seconds: the row leaves, and a line
            // about one person must not stay beside another's.
            state.say(match check_in {
                CheckIn::Felt(level) => {
                    format!("Noted: {level} of 10 about {who}, after {}.", due.label())
                }
                CheckIn::Skipped => format!("Skipped the check-in about {who}."),
            });
        }
    };
    let group = format!("{} ({}), after {}", item.name, item.outcome, due.label());
    let buttons = (0..=10u32)
        .map(|level| {
            view! {
                <button type="button" class="button small level-button"
                    aria-label=format!("{level} of 10") on:click=move |_| answer(CheckIn::Felt(level))>
                    {level}
                </button>
            }
        })
        .collect_view();
    view! {
        <li class="due-row">
            <p>
                <strong>{item.name.clone()}</strong>
                {format!(" · {} {}", item.outcome.to_lowercase(), item.when)}
            </p>
            {item.guess.map(|g| view! {
                <p class="muted small">{format!("You guessed a no would bother you: {}.", g.to_lowercase())}</p>
            })}
            <div class="level-buttons" role="group" aria-label=group>{buttons}</div>
            <div class="row-actions">
                <button type="button" class="button small" on:click=move |_| answer(CheckIn::Skipped)>
                    "Skip" <span class="visually-hidden">{format!(" the check-in about {}", item.name)}</span>
                </button>
            </div>
        </li>
    }
}
