//! "Log a reach-out": pick the channel, the day, and say what it was about. A follow-up starts
//! on the channel used last time and shows what was said then; the full form can also say the
//! answer already came ("they said yes"), logging both in one step.

mod choices;

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
use crate::state::{use_app_state, AppState};
use choices::{AlreadyAnswered, ChannelChoice};

/// The form's state. Copy, so that its handlers take it whole.
#[derive(Clone, Copy)]
struct LogForm {
    state: AppState,
    contact: ContactId,
    follows_up: Option<ReachOutId>,
    near_miss: Option<u64>,
    compact: bool,
    /// The channel a fresh form starts on: a follow-up's is the one used last time.
    start_channel: Option<Channel>,
    channel: RwSignal<Option<Channel>>,
    answered: RwSignal<Option<Outcome>>,
    date: RwSignal<String>,
    /// The day the date field was drawn with; see [`follow_the_day`].
    drawn_on: StoredValue<chrono::NaiveDate>,
    note: RwSignal<String>,
    before: BeforeFields,
    errors: RwSignal<FieldErrors<ReachOutField>>,
    status: RwSignal<Option<String>>,
    /// Counts saves, so the template picker starts again after each.
    saves: RwSignal<u32>,
}

impl LogForm {
    fn new(
        contact: ContactId,
        follows_up: Option<ReachOutId>,
        near_miss: Option<u64>,
        compact: bool,
    ) -> Self {
        let state = use_app_state();
        let drawn_on = clock::today();
        let mut form = LogForm {
            state,
            contact,
            follows_up,
            near_miss,
            compact,
            start_channel: None,
            channel: RwSignal::new(None),
            answered: RwSignal::new(None),
            date: RwSignal::new(ReachOutDraft::new(drawn_on).date),
            drawn_on: StoredValue::new(drawn_on),
            note: RwSignal::new(String::new()),
            before: BeforeFields::new(),
            errors: RwSignal::new(FieldErrors::default()),
            status: RwSignal::new(None),
            saves: RwSignal::new(0),
        };
        // A follow-up starts on the channel used last time.
        form.start_channel = form.last_time().map(|(channel, _, _)| channel);
        form.channel.set(form.start_channel);
        form
    }

    /// The reach-out this one follows up: its channel, day and note.
    fn last_time(self) -> Option<(Channel, chrono::NaiveDate, String)> {
        let earlier = self.follows_up?;
        self.state.book().with_untracked(|b| {
            b.reach_out(earlier)
                .map(|r| (r.channel, r.date, r.note.clone()))
        })
    }

    /// Logs the reach-out (and the answer, and the near miss it turns real) in one change.
    fn submit(self) {
        let today = clock::today();
        let draft = ReachOutDraft {
            channel: self.channel.get_untracked(),
            date: form_day(&self.date.get_untracked(), self.drawn_on.get_value(), today),
            note: self.note.get_untracked(),
            follows_up: self.follows_up,
            before: self.before.draft(),
        };
        let also = LogAlso {
            near_miss: self.near_miss,
            answered: self.answered.get_untracked(),
        };
        let logged = self.state.change(|book| {
            book.log_reach_out_with(self.contact, &draft, also, today, clock::now())
        });
        match logged {
            Ok(id) => {
                if self.answered.get_untracked().is_some() {
                    ask_how_it_felt(id);
                }
                self.start_again(today);
                self.status
                    .set(Some("Logged. That reach-out counts.".into()));
                // On Today the row leaves with its form once followed up: the page says it.
                if self.compact {
                    self.say_logged();
                }
            }
            Err(ModelError::InvalidReachOut(found)) => {
                self.errors.set(found);
                self.status.set(None);
                focus_first_invalid();
            }
            Err(other) => self.status.set(Some(other.to_string())),
        }
    }

    /// Empties the form for the next reach-out, dated `today`.
    fn start_again(self, today: chrono::NaiveDate) {
        self.answered.set(None);
        self.errors.set(FieldErrors::default());
        self.channel.set(self.start_channel);
        self.note.set(String::new());
        self.before.clear();
        self.date.set(ReachOutDraft::new(today).date);
        self.drawn_on.set_value(today);
        self.saves.update(|n| *n = n.wrapping_add(1));
    }

    fn say_logged(self) {
        let name = self
            .state
            .book()
            .with_untracked(|b| b.contact(self.contact).map(|c| c.name.clone()))
            .unwrap_or_default();
        self.state.say(match self.follows_up {
            Some(_) => format!("Logged your follow-up to {name}."),
            None => format!("Logged your reach-out to {name}."),
        });
    }
}

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
    // Ids stay unique when several forms are open on one page.
    let form_key = format!(
        "{}-{}{}",
        contact.0,
        follows_up.map_or(0, |r| r.0),
        near_miss.map(|n| format!("-n{n}")).unwrap_or_default()
    );
    let heading_id = format!("log-heading-{form_key}");
    let form = LogForm::new(contact, follows_up, near_miss, compact);
    form.note.set(note_text.unwrap_or_default());
    let last_time = form.last_time();
    let LogForm {
        date,
        note,
        errors,
        saves,
        ..
    } = form;
    follow_the_day(date, form.drawn_on);
    let asks_answer = follows_up.is_none() && !compact && near_miss.is_none();
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
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.submit();
    };
    view! {
        <form class="form" class:card=!compact class:main-log=asks_answer novalidate on:submit=on_submit aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone() class:visually-hidden=compact>{title}</h2>
            {last_said}
            <ChannelChoice form_key=form_key.clone() channel=form.channel error=error_for(errors, ReachOutField::Channel) />
            <BeforeStep form_key=form_key.clone() fields=form.before errors />
            <div class=if compact { "field-row" } else { "stack" }>
                <Field label="Date" name=format!("reach-out-date-{form_key}") value=date error=error_for(errors, ReachOutField::Date)
                    kind=FieldKind::Date required=true />
                <Field label="What was it about?" name=format!("reach-out-note-{form_key}") value=note
                    error=error_for(errors, ReachOutField::Note)
                    kind=if compact { FieldKind::Text } else { FieldKind::Multiline }
                    hint="Optional: a line to remind you later." />
            </div>
            <TemplatePicker contact form_key=form_key.clone() note saves />
            {asks_answer.then(|| view! { <AlreadyAnswered form_key=form_key.clone() answered=form.answered /> })}
            <div class="actions sticky-actions">
                <button type="submit" class="button primary">{submit}</button>
            </div>
            <p class="status" role="status">{move || form.status.get()}</p>
        </form>
    }
}
