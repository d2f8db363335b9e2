//! A contact's timeline: each reach-out, newest first, with what it counts as (the same answer
//! Insights counts) and a picker to record or change its answer.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::outcome_picker::{icon, tone, OutcomePicker};
use crate::model::courage_words;
use crate::model::insights::Answer;
use crate::model::words::{long_day, relative_day};
use crate::model::{Book, ContactId, Outcome, ReachOut, ReachOutId};
use crate::state::use_app_state;

#[component]
pub(super) fn Timeline(contact: ContactId, today: NaiveDate) -> impl IntoView {
    let state = use_app_state();
    let timeline = move || state.book().with(|book| items(book, contact, today));
    view! {
        <div class="card">
            <h2>"Timeline"</h2>
            <Show when=move || !timeline().is_empty()
                fallback=|| view! { <p class="muted">"No reach-outs yet. The first one is the bravest."</p> }>
                <ol class="timeline" aria-label="Reach-outs, newest first">
                    <For each=timeline key=|item| item.clone() let:item>
                        <li>
                            <strong>{item.channel}</strong>
                            {item.follow_up.then_some(" (follow-up)")}
                            " · " <time>{item.day}</time>
                            {item.ago.map(|ago| view! { <span class="muted">" (" {ago} ")"</span> })}
                            {(!item.note.is_empty()).then(|| view! { <p class="note">{item.note}</p> })}
                            <p class="outcome">
                                <span class=format!("badge answer-{}", item.tone)>
                                    <span class="answer-icon" aria-hidden="true">{item.icon}</span>
                                    {item.outcome.clone()}
                                </span>
                            </p>
                            {(!item.outcome_note.is_empty()).then(|| view! { <p class="note">{item.outcome_note}</p> })}
                            {item.courage.map(|line| view! { <p class="muted small courage-line">{line}</p> })}
                            {(!item.reflection.is_empty()).then(|| view! { <p class="note reflection">{item.reflection}</p> })}
                            // The open thread's answer is recorded in the card at the top.
                            {(!item.open).then(|| view! {
                                <div class="row-actions">
                                    <OutcomePicker reach_out=item.id change=item.answered late=item.late/>
                                </div>
                            })}
                        </li>
                    </For>
                </ol>
            </Show>
        </div>
    }
}

/// The contact's reach-outs as the timeline shows them, newest first.
fn items(book: &Book, contact: ContactId, today: NaiveDate) -> Vec<TimelineItem> {
    // What each reach-out counts as, and which threads are still open.
    let (answers, open_threads) = book.answers_and_open_threads(today);
    let open: Vec<ReachOutId> = open_threads
        .into_iter()
        .filter(|t| t.contact == contact)
        .map(|t| t.latest)
        .collect();
    book.timeline(contact)
        .into_iter()
        .map(|r| {
            let answer = answers.get(&r.id).copied().unwrap_or(Answer::Awaiting);
            TimelineItem::of(r, answer, open.contains(&r.id), today)
        })
        .collect()
}

/// One reach-out as the timeline shows it; its own `<For/>` key, so a changed item is redrawn.
#[derive(Clone, PartialEq, Eq, Hash)]
struct TimelineItem {
    id: ReachOutId,
    channel: &'static str,
    day: String,
    ago: Option<String>,
    note: String,
    follow_up: bool,
    /// An answer is recorded: the picker offers to change it.
    answered: bool,
    /// It counts as no answer: the picker offers to record a late one.
    late: bool,
    outcome: String,
    tone: &'static str,
    icon: &'static str,
    outcome_note: String,
    courage: Option<String>,
    reflection: String,
    open: bool,
}

impl TimelineItem {
    fn of(r: &ReachOut, answer: Answer, open: bool, today: NaiveDate) -> Self {
        let silent_unrecorded = answer == Answer::Silence && r.outcome.is_awaiting();
        TimelineItem {
            id: r.id,
            channel: r.channel.label(),
            day: long_day(r.date),
            // "3 days ago" beside the date; nothing for older ones, whose relative form would
            // only repeat the date.
            ago: Some(relative_day(r.date, today)).filter(|ago| *ago != long_day(r.date)),
            note: r.note.clone(),
            follow_up: r.follows_up.is_some(),
            answered: !r.outcome.is_awaiting(),
            late: answer == Answer::Silence,
            outcome: outcome_words(r, answer),
            tone: if silent_unrecorded {
                "silent"
            } else {
                tone(r.outcome)
            },
            icon: icon(if silent_unrecorded {
                Outcome::NoResponse
            } else {
                r.outcome
            }),
            outcome_note: r.outcome_note.clone(),
            courage: courage_words::timeline_line(r),
            reflection: r.after.reflection.clone(),
            open,
        }
    }
}

/// "Awaiting a reply", "No answer · loop closed", "Yes · 3 March 2026".
fn outcome_words(r: &ReachOut, answer: Answer) -> String {
    match (answer, r.loop_closed) {
        (Answer::Awaiting, _) => "Awaiting a reply".to_string(),
        (Answer::Silence, true) => "No answer · loop closed".to_string(),
        (Answer::Silence, false) if r.outcome.is_awaiting() => "No answer".to_string(),
        _ => {
            let when = r
                .outcome_date
                .map(|d| format!(" · {}", long_day(d)))
                .unwrap_or_default();
            format!("{}{when}", r.outcome.label())
        }
    }
}
