//! "Log a reach-out": pick the channel, the day, and say what it was about.

use leptos::prelude::*;

use crate::clock;
use crate::components::before_step::{BeforeFields, BeforeStep};
use crate::components::field::follow_the_day;
use crate::components::field::{error_for, focus_first_invalid, Field, FieldKind};
use crate::components::template_picker::TemplatePicker;
use crate::model::dates::form_day;
use crate::model::{
    Channel, ContactId, FieldErrors, ModelError, ReachOutDraft, ReachOutField, ReachOutId,
};
use crate::state::use_app_state;

/// The full form on a contact's page; with `compact`, the short in-place form of Today's rows
/// (no heading), where logging takes three actions: open, pick the channel, save.
#[component]
pub fn ReachOutForm(
    contact: ContactId,
    /// Set when logging a follow-up to this earlier reach-out.
    #[prop(optional)]
    follows_up: Option<ReachOutId>,
    #[prop(optional)] compact: bool,
    /// Set when this reach-out turns a near miss into the real thing.
    #[prop(optional)]
    near_miss: Option<u64>,
    /// A note to start from (a near miss's).
    #[prop(optional, into)]
    note_text: Option<String>,
) -> impl IntoView {
    let state = use_app_state();
    // Ids stay unique when several forms are open on one page.
    let form_key = format!(
        "{}-{}{}",
        contact.0,
        follows_up.map_or(0, |r| r.0),
        near_miss.map(|n| format!("-n{n}")).unwrap_or_default()
    );
    let heading_id = format!("log-heading-{form_key}");
    let channel_error_id = format!("channel-error-{form_key}");
    let drawn_on = StoredValue::new(clock::today());
    let fresh = ReachOutDraft::new(drawn_on.get_value());
    let channel = RwSignal::new(None::<Channel>);
    let date = RwSignal::new(fresh.date);
    let note = RwSignal::new(note_text.unwrap_or_default());
    let before = BeforeFields::new();
    let errors = RwSignal::new(FieldErrors::<ReachOutField>::default());
    let status = RwSignal::new(None::<String>);
    let channel_error = error_for(errors, ReachOutField::Channel);
    follow_the_day(date, drawn_on);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let today = clock::today();
        let draft = ReachOutDraft {
            channel: channel.get_untracked(),
            date: form_day(&date.get_untracked(), drawn_on.get_value(), today),
            note: note.get_untracked(),
            follows_up,
            before: before.draft(),
        };
        let logged = state.change(|book| {
            // Checked first: a refused step after the log would leave it half done.
            if near_miss.is_some_and(|n| !book.near_misses.iter().any(|m| m.id == n)) {
                return Err(ModelError::UnknownNearMiss);
            }
            let id = book.log_reach_out(contact, &draft, today, clock::now())?;
            if let Some(near_miss) = near_miss {
                book.near_miss_reached(near_miss, id)?;
            }
            Ok(id)
        });
        match logged {
            Ok(_) => {
                errors.set(FieldErrors::default());
                channel.set(None);
                note.set(String::new());
                before.clear();
                date.set(ReachOutDraft::new(today).date);
                drawn_on.set_value(today);
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
        let id = format!("channel-{form_key}-{}", option.key());
        let label_for = id.clone();
        let error_id = channel_error_id.clone();
        view! {
            <label class="choice" for=label_for>
                <input
                    type="radio"
                    name=format!("channel-{form_key}")
                    id=id
                    value=option.key()
                    aria-invalid=move || channel_error.with(Option::is_some).then_some("true")
                    aria-describedby=move || channel_error.with(Option::is_some).then(|| error_id.clone())
                    prop:checked=move || channel.get() == Some(option)
                    on:change=move |_| channel.set(Some(option))
                />
                <span>{option.label()}</span>
            </label>
        }
    });

    let (title, submit) = match (follows_up, compact) {
        (Some(_), _) => ("Log a follow-up", "Save follow-up"),
        (None, true) => ("Log a reach-out", "Save reach-out"),
        (None, false) => ("Log a reach-out", "Log reach-out"),
    };
    view! {
        <form class="form" class:card=!compact novalidate on:submit=on_submit aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone() class:visually-hidden=compact>{title}</h2>
            <fieldset class="choices" class:field-invalid=move || channel_error.with(Option::is_some)>
                <legend>"Channel" <span class="required">" (required)"</span></legend>
                <div class="choice-grid">{channel_options}</div>
                {move || channel_error.get().map(|message| view! {
                    <p class="field-error" id=channel_error_id.clone()>{message}</p>
                })}
            </fieldset>
            <BeforeStep form_key=form_key.clone() fields=before errors />
            <div class=if compact { "field-row" } else { "stack" }>
                <Field label="Date" name=format!("reach-out-date-{form_key}") value=date error=error_for(errors, ReachOutField::Date)
                    kind=FieldKind::Date required=true />
                <Field label="What was it about?" name=format!("reach-out-note-{form_key}") value=note
                    error=error_for(errors, ReachOutField::Note)
                    kind=if compact { FieldKind::Text } else { FieldKind::Multiline }
                    hint="Optional: a line to remind you later." />
            </div>
            <TemplatePicker contact form_key=form_key.clone() note />
            <div class="actions">
                <button type="submit" class="button primary">{submit}</button>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
        </form>
    }
}
