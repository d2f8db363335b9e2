//! "Log a reach-out": pick the channel, the day, and say what it was about.

use leptos::prelude::*;

use crate::clock;
use crate::components::field::{focus_first_invalid, Field, FieldKind};
use crate::model::{Channel, ContactId, FieldErrors, ModelError, ReachOutDraft, ReachOutField};
use crate::state::use_app_state;

#[component]
pub fn ReachOutForm(contact: ContactId) -> impl IntoView {
    let state = use_app_state();
    let fresh = ReachOutDraft::new(clock::today());
    let channel = RwSignal::new(None::<Channel>);
    let date = RwSignal::new(fresh.date);
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::<ReachOutField>::default());
    let status = RwSignal::new(None::<String>);
    let error_for =
        move |field| Signal::derive(move || errors.with(|e| e.get(field).map(str::to_string)));
    let channel_error = error_for(ReachOutField::Channel);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ReachOutDraft {
            channel: channel.get_untracked(),
            date: date.get_untracked(),
            note: note.get_untracked(),
            follows_up: None,
        };
        let today = clock::today();
        match state.change(|book| book.log_reach_out(contact, &draft, today, clock::now())) {
            Ok(_) => {
                errors.set(FieldErrors::default());
                channel.set(None);
                note.set(String::new());
                date.set(ReachOutDraft::new(today).date);
                status.set(Some(
                    "Logged. Reaching out is the win, whatever the answer.".into(),
                ));
            }
            Err(ModelError::InvalidReachOut(found)) => {
                errors.set(found);
                status.set(None);
                focus_first_invalid();
            }
            Err(other) => status.set(Some(other.to_string())),
        }
    };

    let channel_options = Channel::ALL.map(|option| {
        let id = format!("channel-{}", option.key());
        let label_for = id.clone();
        view! {
            <label class="choice" for=label_for>
                <input
                    type="radio"
                    name="channel"
                    id=id
                    value=option.key()
                    aria-invalid=move || channel_error.with(Option::is_some).then_some("true")
                    aria-describedby=move || channel_error.with(Option::is_some).then_some("channel-error")
                    prop:checked=move || channel.get() == Some(option)
                    on:change=move |_| channel.set(Some(option))
                />
                <span>{option.label()}</span>
            </label>
        }
    });

    view! {
        <form class="card form" novalidate on:submit=on_submit aria-labelledby="log-heading">
            <h2 id="log-heading">"Log a reach-out"</h2>
            <fieldset class="choices" class:field-invalid=move || channel_error.with(Option::is_some)>
                <legend>"Channel" <span class="required">" (required)"</span></legend>
                <div class="choice-grid">{channel_options}</div>
                {move || channel_error.get().map(|message| view! {
                    <p class="field-error" id="channel-error">{message}</p>
                })}
            </fieldset>
            <Field label="Date" name="reach-out-date" value=date error=error_for(ReachOutField::Date)
                kind=FieldKind::Date required=true />
            <Field label="What was it about?" name="reach-out-note" value=note error=error_for(ReachOutField::Note)
                kind=FieldKind::Multiline hint="Optional: a line to remind you later." />
            <div class="actions">
                <button type="submit" class="button primary">"Log reach-out"</button>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
        </form>
    }
}
