//! The rows of the Today page. Each acts in place: log the follow-up, record the outcome,
//! snooze, or mark it done, without leaving the page.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;

use crate::components::disclosure::Disclosure;
use crate::components::outcome_picker::OutcomePicker;
use crate::components::reach_out_form::ReachOutForm;
use crate::components::snooze_menu::{SnoozeMenu, SnoozeTarget};
use crate::links::href;
use crate::model::dates::relative_day;
use crate::model::{ContactId, Degree, OpenThread, ReachOutId, StayInTouchDue};
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
        .with_untracked(|b| b.reach_outs.iter().find(|r| r.id == id).map(|r| r.date))
        .map(|day| relative_day(day, today))
        .unwrap_or_default()
}

fn degree_badge(degree: Degree) -> impl IntoView {
    let class = match degree {
        Degree::Due => "badge due",
        Degree::Overdue => "badge overdue",
        Degree::LongOverdue => "badge long-overdue",
    };
    view! { <span class=class>{degree.label()}</span> }
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
                {format!("Try {} of {max_tries} · last reached out {last}", thread.tries + 1)}
            </p>
            <div class="row-actions">
                <Disclosure label="Log follow-up".to_string()>
                    <ReachOutForm contact=thread.contact follows_up=latest compact=true/>
                </Disclosure>
                <OutcomePicker reach_out=latest/>
                <SnoozeMenu target=SnoozeTarget::FollowUp(latest)/>
                <button type="button" class="button small"
                    on:click=move |_| { let _ = state.change(|b| b.close_loop(latest)); }>
                    "Done, stop reminding me"
                </button>
            </div>
        </li>
    }
}

/// A thread that reached the most tries: suggest closing the loop politely.
#[component]
pub fn CloseLoopRow(thread: OpenThread) -> impl IntoView {
    let state = use_app_state();
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
                <button type="button" class="button small primary"
                    on:click=move |_| { let _ = state.change(|b| b.close_loop(latest)); }>
                    "Close the loop"
                </button>
                <Disclosure label="Try once more".to_string()>
                    <ReachOutForm contact=thread.contact follows_up=latest compact=true/>
                </Disclosure>
                <OutcomePicker reach_out=latest/>
            </div>
        </li>
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
            <p class="muted small">{format!("Every {every} days · {last}")}</p>
            <div class="row-actions">
                <Disclosure label="Log reach-out".to_string()>
                    <ReachOutForm contact=contact compact=true/>
                </Disclosure>
                <SnoozeMenu target=SnoozeTarget::StayInTouch(contact)/>
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
