//! A 0–10 scale as a row of radio buttons with both ends named: how afraid, how it feels, how
//! much it still stings. Arrow keys move along it; "Clear" takes an answer back.

use leptos::prelude::*;

#[component]
pub fn Scale(
    legend: &'static str,
    /// Unique on the page; used for the element ids and the radio group's name.
    #[prop(into)]
    name: String,
    /// "" for no answer, else "0" to "10".
    value: RwSignal<String>,
    /// What 0 means ("not at all") and what 10 means ("very").
    low: &'static str,
    high: &'static str,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let ends_id = format!("scale-{name}-ends");
    let error_id = format!("scale-{name}-error");
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let options = (0..=10)
        .map(|level| {
            let id = format!("scale-{name}-{level}");
            let label_for = id.clone();
            let text = level.to_string();
            let checked = text.clone();
            view! {
                <label class="scale-point" for=label_for>
                    <input type="radio" id=id name=format!("scale-{name}") value=text.clone()
                        prop:checked=move || value.with(|v| *v == checked)
                        on:change=move |_| value.set(text.clone()) />
                    <span>{level}</span>
                </label>
            }
        })
        .collect_view();
    let described = {
        let (ends_id, error_id) = (ends_id.clone(), error_id.clone());
        move || {
            if error.with(Option::is_some) {
                format!("{ends_id} {error_id}")
            } else {
                ends_id.clone()
            }
        }
    };
    view! {
        <fieldset class="choices scale" class:field-invalid=move || error.with(Option::is_some)
            aria-describedby=described>
            <legend>{legend}</legend>
            <div class="scale-points">{options}</div>
            <p class="scale-ends hint" id=ends_id>
                <span>{format!("0: {low}")}</span>
                <span>{format!("10: {high}")}</span>
            </p>
            <Show when=move || value.with(|v| !v.is_empty())>
                <button type="button" class="link-button" on:click=move |_| value.set(String::new())>
                    {format!("Clear: {legend}")}
                </button>
            </Show>
            {move || error.get().map(|message| view! {
                <p class="field-error" id=error_id.clone()>{message}</p>
            })}
        </fieldset>
    }
}
