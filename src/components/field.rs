//! A labelled form field with its hint and error message wired up for screen readers.

use leptos::prelude::*;

pub use super::focus::focus_first_invalid;
use crate::model::FieldErrors;

/// How the field takes its text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Email,
    Url,
    Tel,
    Date,
    Number,
    Multiline,
}

impl FieldKind {
    /// The `type` of the `<input>` it draws (a multiline field draws a `<textarea>`).
    fn input_type(self) -> &'static str {
        match self {
            FieldKind::Email => "email",
            FieldKind::Url => "url",
            FieldKind::Tel => "tel",
            FieldKind::Date => "date",
            FieldKind::Number => "number",
            FieldKind::Text | FieldKind::Multiline => "text",
        }
    }
}

/// The ids a field's control is described by: its hint's, and its message's while it has one.
fn described_by(
    hint_id: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let ids: Vec<&str> = hint_id
            .iter()
            .map(String::as_str)
            .chain(error.with(Option::is_some).then_some(error_id.as_str()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[component]
pub fn Field(
    /// The visible label.
    label: &'static str,
    /// Unique on the page; used for the element ids.
    #[prop(into)]
    name: String,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(default = FieldKind::Text)] kind: FieldKind,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// Takes the focus when its page opens (see `focus::page_drawn`).
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by(hint.map(|_| hint_id.clone()), error_id.clone(), error);
    let invalid = move || error.with(Option::is_some).then_some("true");
    let on_input = move |ev: leptos::ev::Event| value.set(event_target_value(&ev));

    let control = match kind {
        FieldKind::Multiline => view! {
            <textarea
                id=id.clone()
                name=name.clone()
                rows="4"
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=on_input
            ></textarea>
        }
        .into_any(),
        _ => view! {
            <input
                id=id.clone()
                name=name.clone()
                type=kind.input_type()
                autocomplete=autocomplete
                data-autofocus=autofocus.then_some("")
                aria-required=required.then_some("true")
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=on_input
            />
        }
        .into_any(),
    };

    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>
                {label}
                {required.then(|| view! { <span class="required"> " (required)"</span> })}
            </label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            {control}
            {move || error.get().map(|message| view! {
                <p class="field-error" id=error_id.clone()>{message}</p>
            })}
        </div>
    }
}

/// The message for one field out of a form's messages, as the signal a [`Field`] takes.
pub fn error_for<F: Ord + Copy + Send + Sync + 'static>(
    errors: RwSignal<FieldErrors<F>>,
    field: F,
) -> Signal<Option<String>> {
    Signal::derive(move || errors.with(|e| e.get(field).map(str::to_string)))
}

/// Keeps a date field's default right while its form stays open past midnight: when the day
/// changes and the field still shows the day it was drawn with, it moves to the new day. A day
/// the person typed stays as it is.
pub fn follow_the_day(date: RwSignal<String>, drawn_on: StoredValue<chrono::NaiveDate>) {
    let state = crate::state::use_app_state();
    Effect::new(move |_| {
        let today = state.today().get();
        let drawn = drawn_on.get_value();
        if today != drawn {
            if date.get_untracked() == drawn.format("%Y-%m-%d").to_string() {
                date.set(today.format("%Y-%m-%d").to_string());
            }
            drawn_on.set_value(today);
        }
    });
}
