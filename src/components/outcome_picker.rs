//! "Record the outcome": one click on what happened, with an optional day and note.
//! From a closed picker that is two actions: open it, pick the answer.

use leptos::prelude::*;

use crate::clock;
use crate::components::after_prompt::ask_how_it_felt;
use crate::components::disclosure::Disclosure;
use crate::components::field::follow_the_day;
use crate::components::field::{error_for, Field, FieldKind};
use crate::model::dates::form_day;
use crate::model::{FieldErrors, ModelError, Outcome, OutcomeDraft, OutcomeField, ReachOutId};
use crate::state::use_app_state;

#[component]
pub fn OutcomePicker(reach_out: ReachOutId) -> impl IntoView {
    let state = use_app_state();
    let open = RwSignal::new(false);
    let drawn_on = StoredValue::new(clock::today());
    let date = RwSignal::new(OutcomeDraft::new(drawn_on.get_value()).date);
    follow_the_day(date, drawn_on);
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::<OutcomeField>::default());
    let general = RwSignal::new(None::<String>);
    let key = reach_out.0;

    let record = move |outcome: Outcome| {
        let today = clock::today();
        let draft = OutcomeDraft {
            outcome: Some(outcome),
            date: form_day(&date.get_untracked(), drawn_on.get_value(), today),
            note: note.get_untracked(),
        };
        match state.change(|book| book.record_outcome(reach_out, &draft, today)) {
            Ok(()) => {
                errors.set(FieldErrors::default());
                general.set(None);
                note.set(String::new());
                open.set(false);
                if !outcome.is_awaiting() {
                    ask_how_it_felt(reach_out);
                }
            }
            Err(ModelError::InvalidOutcome(found)) => errors.set(found),
            Err(other) => general.set(Some(other.to_string())),
        }
    };

    let choices = Outcome::CHOICES
        .into_iter()
        .filter(|o| !o.is_awaiting())
        .chain([Outcome::Awaiting])
        .map(|outcome| {
            let text = if outcome.is_awaiting() { "Still awaiting a reply" } else { outcome.label() };
            view! {
                <button type="button" class="button small choice-button" on:click=move |_| record(outcome)>
                    {text}
                </button>
            }
        })
        .collect_view();

    view! {
        <Disclosure label="Record outcome".to_string() open=open>
            <div role="group" aria-label="What happened?" class="picker">
                <p class="picker-title">"What happened?"</p>
                <div class="choice-buttons">{choices.clone()}</div>
                <div class="field-row">
                    <Field label="When" name=format!("outcome-date-{key}") value=date
                        error=error_for(errors, OutcomeField::Date) kind=FieldKind::Date />
                    <Field label="Note (optional)" name=format!("outcome-note-{key}") value=note
                        error=error_for(errors, OutcomeField::Note) />
                </div>
                {move || errors.get().get(OutcomeField::Outcome).map(|m| view! { <p class="field-error">{m.to_string()}</p> })}
                {move || general.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            </div>
        </Disclosure>
    }
}
