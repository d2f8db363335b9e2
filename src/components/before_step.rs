//! The "before" step of logging a reach-out, the heart of the courage loop: how afraid, and
//! what you expect, shown open (one compact line each) until the person closes the step once;
//! then it stays as they last left it. How long a no would bother you, the chance of a yes in
//! per cent, what you could gain and the worst that could realistically happen fold under
//! "More questions". Every answer is optional: logging stays three actions for those who skip.

use leptos::prelude::*;

use crate::components::field::{error_for, Field, FieldKind};
use crate::components::scale::Scale;
use crate::model::{BeforeDraft, Expectation, FieldErrors, ReachOutField, StingGuess};
use crate::state::use_app_state;

/// The remembered choice: "open" or "closed".
const PREFERENCE: &str = "before-step";

/// The step's fields, as signals the log form reads when it saves.
#[derive(Clone, Copy)]
pub struct BeforeFields {
    pub fear: RwSignal<String>,
    pub expect: RwSignal<Option<Expectation>>,
    pub yes_chance: RwSignal<String>,
    pub sting: RwSignal<Option<StingGuess>>,
    pub gain: RwSignal<String>,
    pub worst: RwSignal<String>,
}

impl Default for BeforeFields {
    fn default() -> Self {
        Self::new()
    }
}

impl BeforeFields {
    pub fn new() -> Self {
        BeforeFields {
            fear: RwSignal::new(String::new()),
            expect: RwSignal::new(None),
            yes_chance: RwSignal::new(String::new()),
            sting: RwSignal::new(None),
            gain: RwSignal::new(String::new()),
            worst: RwSignal::new(String::new()),
        }
    }

    pub fn draft(&self) -> BeforeDraft {
        BeforeDraft {
            fear: self.fear.get_untracked(),
            expect: self.expect.get_untracked(),
            yes_chance: self.yes_chance.get_untracked(),
            sting: self.sting.get_untracked(),
            gain: self.gain.get_untracked(),
            worst: self.worst.get_untracked(),
        }
    }

    pub fn clear(&self) {
        self.fear.set(String::new());
        self.expect.set(None);
        self.yes_chance.set(String::new());
        self.sting.set(None);
        self.gain.set(String::new());
        self.worst.set(String::new());
    }
}

/// A radio group over a few named options, none picked at first.
fn options<T: Copy + PartialEq + Send + Sync + 'static>(
    legend: &'static str,
    group: String,
    all: &[T],
    label: fn(T) -> &'static str,
    value: RwSignal<Option<T>>,
) -> impl IntoView {
    let choices = all
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let option = *option;
            let id = format!("{group}-{i}");
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input type="radio" id=id name=group.clone()
                        prop:checked=move || value.get() == Some(option)
                        on:change=move |_| value.set(Some(option)) />
                    <span>{label(option)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            <div class="choice-grid">{choices}</div>
        </fieldset>
    }
}

#[component]
pub fn BeforeStep(
    /// Unique on the page.
    form_key: String,
    fields: BeforeFields,
    errors: RwSignal<FieldErrors<ReachOutField>>,
) -> impl IntoView {
    let state = use_app_state();
    // Open until the person closes it once.
    let open = RwSignal::new(state.preference::<String>(PREFERENCE).as_deref() != Some("closed"));
    let more = RwSignal::new(false);
    let toggle = move |_| {
        let now_open = !open.get_untracked();
        open.set(now_open);
        state.remember(PREFERENCE, if now_open { "open" } else { "closed" });
    };
    // A message in a closed part would be hidden: open it.
    Effect::new(move |_| {
        let (fear, others) = errors.with(|e| {
            (
                e.fields().any(|f| f == ReachOutField::Fear),
                e.fields().any(|f| {
                    matches!(
                        f,
                        ReachOutField::YesChance | ReachOutField::Gain | ReachOutField::Worst
                    )
                }),
            )
        });
        if fear || others {
            open.set(true);
        }
        if others {
            more.set(true);
        }
    });
    let panel_id = format!("before-{form_key}");
    let more_id = format!("before-more-{form_key}");
    let key = StoredValue::new(form_key);
    view! {
        <div class="before-step">
            <button type="button" class="button small" aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.clone() on:click=toggle>
                "Before you reach out (optional)"
            </button>
            <Show when=move || open.get()>
                <div class="before-panel stack" id=panel_id.clone()>
                    <Scale legend="How afraid are you?" name=format!("fear-{}", key.get_value())
                        value=fields.fear low="not at all" high="terrified"
                        error=error_for(errors, ReachOutField::Fear) />
                    {options("What do you expect?", format!("expect-{}", key.get_value()),
                        &Expectation::ALL, Expectation::label, fields.expect)}
                    <p class="hint">
                        "Noting what you fear lets Insights show you, later, how it really went. \
                         Most people expect fewer yeses than they get."
                    </p>
                    <div>
                        <button type="button" class="link-button" aria-expanded=move || more.get().to_string()
                            aria-controls=more_id.clone() on:click=move |_| more.update(|m| *m = !*m)>
                            "More questions (optional)"
                        </button>
                    </div>
                    <div class="stack" id=more_id.clone() hidden=move || !more.get()>
                        <Field label="Or: the chance of a yes, in %" name=format!("yes-chance-{}", key.get_value())
                            value=fields.yes_chance kind=FieldKind::Text hint="A number from 0 to 100."
                            error=error_for(errors, ReachOutField::YesChance) />
                        {options("If it is a no, how long will it bother you?", format!("sting-{}", key.get_value()),
                            &StingGuess::ALL, StingGuess::label, fields.sting)}
                        <Field label="What could you gain?" name=format!("gain-{}", key.get_value())
                            value=fields.gain error=error_for(errors, ReachOutField::Gain) />
                        <Field label="What is the worst that could realistically happen?"
                            name=format!("worst-{}", key.get_value())
                            value=fields.worst error=error_for(errors, ReachOutField::Worst) />
                    </div>
                </div>
            </Show>
        </div>
    }
}
