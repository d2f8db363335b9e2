//! "Log a reach-out": pick the channel, the day, and say what it was about. A follow-up starts
//! on the channel used last time and shows what was said then; the full form can also say the
//! answer already came ("they said yes"), logging both in one step.

use leptos::prelude::*;

use crate::clock;
use crate::components::after_prompt::ask_how_it_felt;
use crate::components::before_step::{BeforeFields, BeforeStep};
use crate::components::field::follow_the_day;
use crate::components::field::{error_for, focus_first_invalid, Field, FieldKind};
use crate::components::template_picker::TemplatePicker;
use crate::model::words::{form_day, long_day};
use crate::model::{
    Channel, ContactId, FieldErrors, LogAlso, ModelError, Outcome, ReachOutDraft, ReachOutField,
    ReachOutId,
};

/// The answers the full form offers for a reach-out whose answer already came.
const ALREADY: [(Option<Outcome>, &str); 4] = [
    (None, "Not yet"),
    (Some(Outcome::Accepted), "They said yes"),
    (Some(Outcome::Declined), "They declined"),
    (Some(Outcome::Met { clicked: true }), "We met"),
];
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
    // A follow-up starts on the channel used last time, and recalls what was said then.
    let last_time = follows_up.and_then(|earlier| {
        state.book().with_untracked(|b| {
            b.reach_out(earlier)
                .map(|r| (r.channel, r.date, r.note.clone()))
        })
    });
    let start_channel = last_time.as_ref().map(|(channel, _, _)| *channel);
    let channel = RwSignal::new(start_channel);
    let answered = RwSignal::new(None::<Outcome>);
    let asks_answer = follows_up.is_none() && !compact && near_miss.is_none();
    let date = RwSignal::new(fresh.date);
    let note = RwSignal::new(note_text.unwrap_or_default());
    let before = BeforeFields::new();
    let errors = RwSignal::new(FieldErrors::<ReachOutField>::default());
    let status = RwSignal::new(None::<String>);
    let saves = RwSignal::new(0u32);
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
        let also = LogAlso {
            near_miss,
            answered: answered.get_untracked(),
        };
        let logged = state
            .change(|book| book.log_reach_out_with(contact, &draft, also, today, clock::now()));
        match logged {
            Ok(id) => {
                if answered.get_untracked().is_some() {
                    ask_how_it_felt(id);
                }
                answered.set(None);
                errors.set(FieldErrors::default());
                channel.set(start_channel);
                note.set(String::new());
                before.clear();
                date.set(ReachOutDraft::new(today).date);
                drawn_on.set_value(today);
                saves.update(|n| *n = n.wrapping_add(1));
                status.set(Some("Logged. That reach-out counts.".into()));
                // On Today the row leaves with its form once followed up: the page says it.
                if compact {
                    let name = state
                        .book()
                        .with_untracked(|b| b.contact(contact).map(|c| c.name.clone()))
                        .unwrap_or_default();
                    state.say(match follows_up {
                        Some(_) => format!("Logged your follow-up to {name}."),
                        None => format!("Logged your reach-out to {name}."),
                    });
                }
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

    let (title, submit) = match follows_up {
        Some(_) => ("Log a follow-up", "Save follow-up"),
        None => ("Log a reach-out", "Save reach-out"),
    };
    let last_said = last_time.map(|(channel, day, note)| {
        view! {
            <p class="last-time muted small">
                {format!("Last time: {}, {}", channel.label(), long_day(day))}
                {(!note.is_empty()).then(|| view! { ": " <q class="note">{note}</q> })}
            </p>
        }
    });
    let answer_group = format!("answered-{form_key}");
    let already = asks_answer.then(|| {
        view! {
            <fieldset class="choices">
                <legend>"Have they answered already?"</legend>
                <div class="choice-grid">
                    {ALREADY.map(|(outcome, text)| view! {
                        <label class="choice">
                            <input type="radio" name=answer_group.clone()
                                prop:checked=move || answered.get() == outcome
                                on:change=move |_| answered.set(outcome)/>
                            <span>{text}</span>
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
        }
    });
    view! {
        <form class="form" class:card=!compact class:main-log=asks_answer novalidate on:submit=on_submit aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone() class:visually-hidden=compact>{title}</h2>
            {last_said}
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
            <TemplatePicker contact form_key=form_key.clone() note saves />
            {already}
            <div class="actions sticky-actions">
                <button type="submit" class="button primary">{submit}</button>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
        </form>
    }
}
