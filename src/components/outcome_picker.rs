//! "Record the outcome": an optional day and note first, then one tap on what happened (the
//! four common answers shown, the rest behind "More answers"). From a closed picker that is two
//! actions: open it, pick the answer; a note typed first is saved with it.

use leptos::prelude::*;

use crate::clock;
use crate::components::after_prompt::ask_how_it_felt;
use crate::components::disclosure::Disclosure;
use crate::components::field::follow_the_day;
use crate::components::field::{error_for, Field, FieldKind};
use crate::model::words::form_day;
use crate::model::{FieldErrors, ModelError, Outcome, OutcomeDraft, OutcomeField, ReachOutId};
use crate::state::use_app_state;

/// The answers most reach-outs get, shown first.
const COMMON: [Outcome; 4] = [
    Outcome::NoResponse,
    Outcome::Declined,
    Outcome::Accepted,
    Outcome::Met { clicked: true },
];

/// How an answer looks: a yes is green, silence grey, a no a calm violet (never red: a no is
/// part of the work), waiting blue.
pub fn tone(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Awaiting => "waiting",
        Outcome::NoResponse => "silent",
        Outcome::Declined => "no",
        Outcome::Connected | Outcome::Replied { .. } => "waiting",
        _ => "yes",
    }
}

/// A mark beside the answer's words, so colour is never the only difference.
pub fn icon(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Awaiting => "◷",
        Outcome::NoResponse => "…",
        Outcome::Declined => "○",
        Outcome::Met { .. } => "★",
        Outcome::Opportunity(_) => "★",
        Outcome::Accepted => "✓",
        Outcome::Connected => "⇄",
        Outcome::Replied { .. } => "✉",
    }
}

#[component]
pub fn OutcomePicker(
    reach_out: ReachOutId,
    /// An answer is recorded already: the button says "Change outcome".
    #[prop(optional)]
    change: bool,
    /// The reach-out counts as no answer already (closed, or tried again since): the button
    /// offers to record an answer that came late.
    #[prop(optional)]
    late: bool,
) -> impl IntoView {
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

    let button = move |outcome| answer_button(outcome, record);
    // Built inside the panel's children, which may be drawn more than once.
    let common = move || COMMON.map(button).collect_view();
    let rest = move || {
        Outcome::CHOICES
            .into_iter()
            .filter(|o| !COMMON.contains(o) && !o.is_awaiting())
            .chain([Outcome::Awaiting])
            .map(button)
            .collect_view()
    };
    let more = RwSignal::new(false);
    let picker = NodeRef::<leptos::html::Div>::new();
    keep_in_view(open, picker);

    view! {
        <Disclosure label=match (change, late) {
            (true, _) => "Change outcome",
            (false, true) => "Record a late answer",
            (false, false) => "Record outcome",
        }.to_string() open=open>
            <div role="group" aria-label="What happened?" class="picker" node_ref=picker>
                <div class="field-row">
                    <Field label="Note (optional)" name=format!("outcome-note-{key}") value=note
                        error=error_for(errors, OutcomeField::Note) />
                    <Field label="When" name=format!("outcome-date-{key}") value=date
                        error=error_for(errors, OutcomeField::Date) kind=FieldKind::Date />
                </div>
                <p class="picker-title">"What happened? One tap saves it."</p>
                <div class="choice-buttons">{common()}</div>
                <button type="button" class="button small more-answers"
                    aria-expanded=move || more.get().to_string()
                    on:click=move |_| more.update(|m| *m = !*m)>
                    "More answers"
                </button>
                <div class="choice-buttons" hidden=move || !more.get()>{rest()}</div>
                {move || errors.get().get(OutcomeField::Outcome).map(|m| view! { <p class="field-error">{m.to_string()}</p> })}
                {move || general.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            </div>
        </Disclosure>
    }
}

/// One answer's button: its mark, its words, and one tap records it.
fn answer_button(outcome: Outcome, record: impl Fn(Outcome) + 'static) -> impl IntoView {
    let text = if outcome.is_awaiting() {
        "Still awaiting a reply"
    } else {
        outcome.label()
    };
    view! {
        <button type="button" class=format!("button small choice-button answer-{}", tone(outcome))
            on:click=move |_| record(outcome)>
            <span class="answer-icon" aria-hidden="true">{icon(outcome)}</span>
            {text}
        </button>
    }
}

/// Opened near the bottom of a phone's screen, the choices would fall below it and nothing
/// would seem to happen: when `open` turns true, `node` is scrolled into view if it ends
/// below the screen.
fn keep_in_view(open: RwSignal<bool>, node: NodeRef<leptos::html::Div>) {
    Effect::new(move |was: Option<bool>| {
        let now = open.get();
        if now && was == Some(false) {
            request_animation_frame(move || {
                if let Some(el) = node.get_untracked() {
                    let bottom = el.get_bounding_client_rect().bottom();
                    let height = window()
                        .inner_height()
                        .ok()
                        .and_then(|h| h.as_f64())
                        .unwrap_or(0.0);
                    if bottom > height {
                        el.scroll_into_view_with_bool(false);
                    }
                }
            });
        }
        now
    });
}
