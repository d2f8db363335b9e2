//! The rows of the Today page. Each acts in place: log the follow-up, record the outcome,
//! snooze, or mark it done, without leaving the page.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;

use crate::clock;
use crate::components::add_to_calendar::AddToCalendar;
use crate::components::disclosure::Disclosure;
use crate::components::focus::focus_selector;
use crate::components::outcome_picker::OutcomePicker;
use crate::components::reach_out_form::ReachOutForm;
use crate::components::snooze_menu::{SnoozeMenu, SnoozeTarget};
use crate::components::template_picker::copy_or_select;
use crate::links::href;
use crate::model::words::relative_day;
use crate::model::{ContactId, Degree, OpenThread, ReachOutId, StayInTouchDue, Tone};
use crate::state::use_app_state;

fn contact_name(contact: ContactId) -> String {
    use_app_state()
        .book()
        .with_untracked(|b| b.contact(contact).map(|c| c.name.clone()))
        .unwrap_or_default()
}

/// When a reach-out happened, in words ("3 days ago").
fn reached_on(id: ReachOutId, today: NaiveDate) -> String {
    use_app_state()
        .book()
        .with_untracked(|b| b.reach_out(id).map(|r| r.date))
        .map(|day| relative_day(day, today))
        .unwrap_or_default()
}

/// "Due today", or for a late one "Ready for a gentle nudge": lateness is not a failure. The
/// precise word ("3 days past the date you planned") is in the row's details for those who look.
fn degree_badge(degree: Degree) -> impl IntoView {
    let class = match degree.tone() {
        Tone::Due => "badge due",
        Tone::Nudge => "badge nudge",
        Tone::Calm => "badge",
    };
    view! { <span class=class>{degree.headline()}</span> }
}

/// " · 3 days past the date you planned" for a late item; nothing when it is due today (its badge says so).
fn lateness(due: NaiveDate, today: NaiveDate) -> String {
    match Degree::of(due, today) {
        Degree::Due => String::new(),
        _ => format!(" · {}", Degree::precise(due, today)),
    }
}

/// A follow-up that is due: try again.
#[component]
pub fn FollowUpRow(thread: OpenThread) -> impl IntoView {
    let state = use_app_state();
    let today = use_app_state().today().get_untracked();
    let max_tries = state.book().with_untracked(|b| b.settings.max_tries);
    let last = reached_on(thread.latest, today);
    let name = contact_name(thread.contact);
    let latest = thread.latest;
    view! {
        <li class="due-row">
            <div class="due-head">
                <a class="contact-name" href=href(&format!("/contacts/{}", thread.contact))>{name.clone()}</a>
                {degree_badge(Degree::of(thread.due, today))}
            </div>
            <p class="muted small">
                {format!("Try {} of {max_tries} · last reached out {last}{}", thread.tries + 1,
                    lateness(thread.due, today))}
            </p>
            <div class="row-actions">
                <Disclosure label="Log follow-up".to_string()>
                    <ReachOutForm contact=thread.contact follows_up=latest compact=true/>
                </Disclosure>
                <OutcomePicker reach_out=latest/>
                <SnoozeMenu target=SnoozeTarget::FollowUp(latest)/>
                <AddToCalendar contact=thread.contact/>
                <button type="button" class="button small"
                    on:click=move |_| {
                        let closed = state.change(|b| {
                            b.close_loop_with_note(latest, None, clock::today(), clock::now())
                        });
                        if let Ok(undo) = closed {
                            state.offer_undo(undo);
                        }
                    }>
                    "Done, stop reminding me"
                </button>
            </div>
        </li>
    }
}

/// A thread that reached the most tries: suggest closing the loop politely.
#[component]
pub fn CloseLoopRow(thread: OpenThread) -> impl IntoView {
    let name = contact_name(thread.contact);
    let latest = thread.latest;
    view! {
        <li class="due-row">
            <div class="due-head">
                <a class="contact-name" href=href(&format!("/contacts/{}", thread.contact))>{name}</a>
                <span class="badge">{format!("{} tries", thread.tries)}</span>
            </div>
            <p class="small">
                "No answer after " {thread.tries} " tries. A short, kind last note closes the loop; \
                 then let it rest. Reaching out was the win."
            </p>
            <div class="row-actions">
                <Disclosure label="Close the loop".to_string()>
                    <LastNote latest contact=thread.contact/>
                </Disclosure>
                <Disclosure label="Try once more".to_string()>
                    <ReachOutForm contact=thread.contact follows_up=latest compact=true/>
                </Disclosure>
                <OutcomePicker reach_out=latest/>
            </div>
        </li>
    }
}

/// The last note that closes a loop: a starter to edit and copy, logged as the thread's last
/// reach-out when sent; or the loop closed without one. Either can be undone.
#[component]
pub fn LastNote(latest: ReachOutId, contact: ContactId) -> impl IntoView {
    let state = use_app_state();
    let text = RwSignal::new(state.book().with_untracked(|b| b.last_note_for(contact)));
    let status = RwSignal::new(None::<String>);
    let area = NodeRef::<leptos::html::Textarea>::new();
    let id = format!("last-note-{}", latest.0);
    let close = move |with_note: bool| {
        let note = text.get_untracked();
        let today = clock::today();
        let closed = state.change(|b| {
            b.close_loop_with_note(
                latest,
                with_note.then_some(note.as_str()),
                today,
                clock::now(),
            )
        });
        match closed {
            Ok(undo) => {
                state.offer_undo(undo);
                // The row leaves; the keyboard lands on the toast's Undo.
                request_animation_frame(|| {
                    focus_selector(".toast button");
                });
            }
            Err(e) => status.set(Some(e.to_string())),
        }
    };
    let label_for = id.clone();
    // The last try was the kind last note already: closing comes first, no second note.
    let sent_already = state.book().with_untracked(|b| b.sent_last_note(latest));
    view! {
        <div class="picker last-note">
            {sent_already.then(|| view! {
                <p>"Your last try was already your kind last note. Close the loop; you can still reach out again later."</p>
                <div class="actions">
                    <button type="button" class="button small primary" on:click=move |_| close(false)>
                        "Close the loop"
                    </button>
                </div>
                <p class="hint">"Or send another note:"</p>
            })}
            <div class="field">
                <label for=label_for>"Your last note"</label>
                <p class="hint">"Edit it, copy it into your message, send it, then log it here."</p>
                <textarea id=id rows="8" node_ref=area prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
            <div class="actions">
                <button type="button" class="button small" on:click=move |_| copy_or_select(text.get_untracked(), area, status)>
                    "Copy the note"
                </button>
                <button type="button" class="button small primary" on:click=move |_| close(true)>
                    "I sent it: log it and close the loop"
                </button>
                <button type="button" class="button small" on:click=move |_| close(false)>
                    "Close without a note"
                </button>
            </div>
        </div>
    }
}

/// A contact whose stay-in-touch rhythm has come round.
#[component]
pub fn StayInTouchRow(due: StayInTouchDue) -> impl IntoView {
    let state = use_app_state();
    let today = use_app_state().today().get_untracked();
    let name = contact_name(due.contact);
    let contact = due.contact;
    let every = state
        .book()
        .with_untracked(|b| b.contact(contact).and_then(|c| c.stay_in_touch_days))
        .unwrap_or(1);
    let last = match due.last {
        Some(day) => format!("last in touch {}", relative_day(day, today)),
        None => "not in touch yet".to_string(),
    };
    view! {
        <li class="due-row">
            <div class="due-head">
                <a class="contact-name" href=href(&format!("/contacts/{contact}"))>{name}</a>
                {degree_badge(Degree::of(due.due, today))}
            </div>
            <p class="muted small">{format!("Every {every} days · {last}{}", lateness(due.due, today))}</p>
            <div class="row-actions">
                <Disclosure label="Log reach-out".to_string()>
                    <ReachOutForm contact=contact compact=true/>
                </Disclosure>
                <SnoozeMenu target=SnoozeTarget::StayInTouch(contact)/>
                <AddToCalendar contact/>
                <button type="button" class="button small"
                    on:click=move |_| {
                        let today = use_app_state().today().get_untracked();
                        let until = today.checked_add_days(Days::new(u64::from(every))).unwrap_or(today);
                        let _ = state.change(|b| b.snooze_stay_in_touch(contact, until, today));
                    }>
                    "Done, we're in touch"
                </button>
            </div>
        </li>
    }
}

/// A reach-out still waiting for an answer, before its follow-up is due.
#[component]
pub fn AwaitingRow(thread: OpenThread) -> impl IntoView {
    let today = use_app_state().today().get_untracked();
    let name = contact_name(thread.contact);
    let reached = reached_on(thread.latest, today);
    view! {
        <li class="due-row">
            <div class="due-head">
                <a class="contact-name" href=href(&format!("/contacts/{}", thread.contact))>{name}</a>
            </div>
            <p class="muted small">
                {format!("Reached out {reached} · follow-up {}", relative_day(thread.due, today))}
            </p>
            <div class="row-actions">
                <OutcomePicker reach_out=thread.latest/>
            </div>
        </li>
    }
}
