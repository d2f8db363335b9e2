//! The choices of the reach-out form: its channel, and (on the full form) whether the answer
//! already came.

use leptos::prelude::*;

use crate::model::{Channel, Outcome};

/// The answers the full form offers for a reach-out whose answer already came.
const ALREADY: [(Option<Outcome>, &str); 4] = [
    (None, "Not yet"),
    (Some(Outcome::Accepted), "They said yes"),
    (Some(Outcome::Declined), "They declined"),
    (Some(Outcome::Met { clicked: true }), "We met"),
];

/// "Channel (required)": one radio button per channel, with the form's message about it.
#[component]
pub(super) fn ChannelChoice(
    form_key: String,
    channel: RwSignal<Option<Channel>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("channel-error-{form_key}");
    let options = Channel::ALL.map(|option| {
        let id = format!("channel-{form_key}-{}", option.key());
        let label_for = id.clone();
        let error_id = error_id.clone();
        view! {
            <label class="choice" for=label_for>
                <input
                    type="radio"
                    name=format!("channel-{form_key}")
                    id=id
                    value=option.key()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                    prop:checked=move || channel.get() == Some(option)
                    on:change=move |_| channel.set(Some(option))
                />
                <span>{option.label()}</span>
            </label>
        }
    });
    view! {
        <fieldset class="choices" class:field-invalid=move || error.with(Option::is_some)>
            <legend>"Channel" <span class="required">" (required)"</span></legend>
            <div class="choice-grid">{options}</div>
            {move || error.get().map(|message| view! {
                <p class="field-error" id=error_id.clone()>{message}</p>
            })}
        </fieldset>
    }
}

/// "Have they answered already?": not yet, yes, declined, or we met.
#[component]
pub(super) fn AlreadyAnswered(
    form_key: String,
    answered: RwSignal<Option<Outcome>>,
) -> impl IntoView {
    let group = format!("answered-{form_key}");
    view! {
        <fieldset class="choices">
            <legend>"Have they answered already?"</legend>
            <div class="choice-grid">
                {ALREADY.map(|(outcome, text)| view! {
                    <label class="choice">
                        <input type="radio" name=group.clone()
                            prop:checked=move || answered.get() == outcome
                            on:change=move |_| answered.set(outcome)/>
                        <span>{text}</span>
                    </label>
                }).collect_view()}
            </div>
        </fieldset>
    }
}
