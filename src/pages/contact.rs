//! One contact: what the person came to do first (record the answer they are waiting for, log a
//! reach-out), then the details and the timeline, newest first. Editing is one link; archive,
//! merge and delete wait behind "More".

use crate::links::href;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::clock;
use crate::components::contact_actions::{DeleteContact, MergeContact};
use crate::components::contact_form::Drafts;
use crate::components::disclosure::Disclosure;
use crate::components::due_rows::LastNote;
use crate::components::focus::focus_selector;
use crate::components::outcome_picker::{icon, tone, OutcomePicker};
use crate::components::reach_out_form::ReachOutForm;
use crate::components::user_text::{role_at_company, web_link};
use crate::model::courage_words;
use crate::model::insights::Answer;
use crate::model::words::{long_day, relative_day};
use crate::model::{Contact, ContactId, Outcome, ReachOutId, ThreadState};
use crate::state::use_app_state;

/// The contact id in the current URL, if it is a number.
pub fn use_contact_id() -> Memo<Option<ContactId>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse().ok())))
}

/// Follows the contact at `/contacts/{id}{rest}` to its new id when a merge with another tab's
/// save renumbers it (both tabs took the same id in the same moment): without this, the page
/// would show the other tab's record under the old id. A form's unsaved draft goes along.
pub fn follow_moved_contact(id: Memo<Option<ContactId>>, rest: &'static str) {
    let state = use_app_state();
    let navigate = StoredValue::new_local(use_navigate());
    let moved = state.moved();
    // Moves are kept for a few seconds only: one this page acts on was made while it was
    // drawn, or just before.
    Effect::new(move |_| {
        let moves = moved.get();
        let Some(current) = id.get_untracked() else {
            return;
        };
        if let Some((_, to)) = moves.iter().find(|(from, _)| *from == current.0) {
            let to = ContactId(*to);
            if let Some(drafts) = use_context::<Drafts>() {
                drafts.move_draft(current, to);
            }
            navigate.with_value(|n| {
                n(
                    &format!("/contacts/{to}{rest}"),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                )
            });
        }
    });
}

#[component]
pub fn ContactPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    let id = use_contact_id();
    follow_moved_contact(id, "");
    // From one contact to another the page stays; the tab's title and the focus still follow.
    Effect::new(move |shown: Option<Option<ContactId>>| {
        let now = id.get();
        if shown.is_some_and(|shown| shown != now) {
            crate::components::focus::page_drawn();
        }
        now
    });
    let contact = Memo::new(move |_| {
        id.get()
            .and_then(|id| state.book().with(|b| b.contact(id).cloned()))
    });

    move || match contact.get() {
        Some(contact) => view! { <ContactView contact/> }.into_any(),
        None => view! { <MissingContact/> }.into_any(),
    }
}

#[component]
fn ContactView(contact: Contact) -> impl IntoView {
    let state = use_app_state();
    let id = contact.id;
    let archived = contact.archived;
    let today = state.today().get_untracked();
    let stage = move || {
        state
            .book()
            .with(|b| b.stages().get(&id).copied())
            .map(|s| s.label())
    };
    let timeline = move || {
        state.book().with(|book| {
            // What each reach-out counts as (the same answer Insights counts), and which
            // threads are still open.
            let (answers, open_threads) = book.answers_and_open_threads(today);
            let open: Vec<ReachOutId> = open_threads
                .into_iter()
                .filter(|t| t.contact == id)
                .map(|t| t.latest)
                .collect();
            book.timeline(id)
                .into_iter()
                .map(|r| {
                    let answer = answers.get(&r.id).copied().unwrap_or(Answer::Awaiting);
                    let silent_unrecorded = answer == Answer::Silence && r.outcome.is_awaiting();
                    TimelineItem {
                        id: r.id,
                        channel: r.channel.label(),
                        day: long_day(r.date),
                        // "3 days ago" beside the date; nothing for older ones, whose relative
                        // form would only repeat the date.
                        ago: Some(relative_day(r.date, today))
                            .filter(|ago| *ago != long_day(r.date)),
                        note: r.note.clone(),
                        follow_up: r.follows_up.is_some(),
                        answered: !r.outcome.is_awaiting(),
                        late: answer == Answer::Silence,
                        outcome: match (answer, r.loop_closed) {
                            (Answer::Awaiting, _) => "Awaiting a reply".to_string(),
                            (Answer::Silence, true) => "No answer · loop closed".to_string(),
                            (Answer::Silence, false) if r.outcome.is_awaiting() => {
                                "No answer".to_string()
                            }
                            _ => {
                                let when = r
                                    .outcome_date
                                    .map(|d| format!(" · {}", long_day(d)))
                                    .unwrap_or_default();
                                format!("{}{when}", r.outcome.label())
                            }
                        },
                        tone: if silent_unrecorded {
                            "silent"
                        } else {
                            tone(r.outcome)
                        },
                        icon: if silent_unrecorded {
                            icon(Outcome::NoResponse)
                        } else {
                            icon(r.outcome)
                        },
                        outcome_note: r.outcome_note.clone(),
                        courage: courage_words::timeline_line(r),
                        reflection: r.after.reflection.clone(),
                        open: open.contains(&r.id),
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let subtitle: Vec<String> = contact
        .role_at_company()
        .into_iter()
        .map(String::from)
        .collect();
    let toggle_archive = move |_| {
        let _ = state.change(|b| b.set_archived(id, !archived, clock::now()));
    };

    let name = contact.name.clone();
    let card_drawn = StoredValue::new(false);
    let waiting = Memo::new(move |_| {
        state.book().with(|book| {
            let max_tries = book.settings.max_tries;
            book.open_threads()
                .into_iter()
                .find(|t| t.contact == id)
                .and_then(|t| {
                    let r = book.reach_out(t.latest)?;
                    // After the last try, the card offers to close the loop, as Today does.
                    let tries_done = t.tried_out(max_tries).then_some(t.tries);
                    let heading = ThreadState::of(t.due, tries_done.is_some(), today).heading();
                    Some((r.id, r.channel.label(), r.date, tries_done, heading))
                })
        })
    });

    view! {
        <section class="page">
            <header class="page-header contact-header">
                <div>
                    <p class="back"><a href=href("/contacts")>"← All contacts"</a></p>
                    <h1>{contact.name.clone()}</h1>
                    {(!subtitle.is_empty()).then(|| view! { <p class="muted">{role_at_company(subtitle)}</p> })}
                    <p class="stage-line">"Stage: " <span class="badge">{stage}</span></p>
                </div>
                <div class="actions">
                    <a class="button small" href=href(&format!("/contacts/{id}/edit"))>"Edit contact"</a>
                    <Disclosure label="More".to_string()>
                        <div class="actions more-actions">
                            <button type="button" class="button" on:click=toggle_archive>
                                {if archived { "Unarchive" } else { "Archive" }}
                            </button>
                            <MergeContact contact=id/>
                            <DeleteContact contact=id name=name.clone()/>
                        </div>
                    </Disclosure>
                </div>
            </header>
            {archived.then(|| view! {
                <p class="banner">"This contact is archived: it is left out of Today and the contact list. Its history is kept."</p>
            })}
            <div class="columns">
                <div>
                    {move || waiting.get().map(|(latest, channel, day, tries_done, heading)| {
                        // Drawn again after a follow-up from inside it: the focus stays in it.
                        let again = card_drawn.get_value();
                        card_drawn.set_value(true);
                        if again {
                            request_animation_frame(|| {
                                focus_selector("#waiting-heading");
                            });
                        }
                        view! {
                        <section class="card highlight" aria-labelledby="waiting-heading">
                            <h2 id="waiting-heading" tabindex="-1">
                                {heading}
                            </h2>
                            <p class="muted small">{format!("You reached out by {}, {}.", channel.to_lowercase(), relative_day(day, today))}</p>
                            {tries_done.map(|tries| view! {
                                <p class="small">{format!("No answer after {tries} tries. A short, kind last note closes the loop; then let it rest. Reaching out was the win.")}</p>
                            })}
                            <div class="row-actions">
                                {tries_done.map(|_| view! {
                                    <Disclosure label="Close the loop".to_string()>
                                        <LastNote latest contact=id/>
                                    </Disclosure>
                                })}
                                <OutcomePicker reach_out=latest/>
                                <Disclosure label=if tries_done.is_some() { "Try once more" } else { "Log follow-up" }.to_string()>
                                    <ReachOutForm contact=id follows_up=latest compact=true/>
                                </Disclosure>
                            </div>
                        </section>
                        }
                    })}
                    <ReachOutForm contact=id/>
                    <Details contact=contact.clone()/>
                </div>
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
            </div>
        </section>
    }
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

#[component]
fn Details(contact: Contact) -> impl IntoView {
    let has_any = !(contact.email.is_empty()
        && contact.phone.is_empty()
        && contact.linkedin.is_empty()
        && contact.other_link.is_empty()
        && contact.how_we_met.is_empty()
        && contact.expected_fear.is_none()
        && contact.tags.is_empty()
        && contact.notes.is_empty());
    view! {
        <div class="card">
            <h2>"Details"</h2>
            {(!has_any).then(|| view! { <p class="muted">"No details yet. Edit the contact to add some."</p> })}
            <dl class="details">
                {(!contact.email.is_empty()).then(|| view! {
                    <dt>"Email"</dt>
                    <dd><a href=format!("mailto:{}", contact.email)>{contact.email.clone()}</a></dd>
                })}
                {(!contact.phone.is_empty()).then(|| view! {
                    <dt>"Phone"</dt>
                    <dd><a href=format!("tel:{}", contact.phone.replace(' ', ""))>{contact.phone.clone()}</a></dd>
                })}
                {(!contact.linkedin.is_empty()).then(|| view! {
                    <dt>"LinkedIn"</dt>
                    <dd>{web_link(contact.linkedin.clone())}</dd>
                })}
                {(!contact.other_link.is_empty()).then(|| view! {
                    <dt>"Link"</dt>
                    <dd>{web_link(contact.other_link.clone())}</dd>
                })}
                {(!contact.how_we_met.is_empty()).then(|| view! {
                    <dt>"How we met"</dt>
                    <dd>{contact.how_we_met.clone()}</dd>
                })}
                {contact.expected_fear.map(|level| view! {
                    <dt>"How hard"</dt>
                    <dd>{format!("Reaching out feels {level} of 10")}</dd>
                })}
                {(!contact.tags.is_empty()).then(|| view! {
                    <dt>"Tags"</dt>
                    <dd><ul class="tags">
                        {contact.tags.iter().map(|t| view! { <li class="tag">{t.clone()}</li> }).collect_view()}
                    </ul></dd>
                })}
                {(!contact.notes.is_empty()).then(|| view! {
                    <dt>"Notes"</dt>
                    <dd class="note">{contact.notes.clone()}</dd>
                })}
            </dl>
        </div>
    }
}

#[component]
pub fn MissingContact() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Contact not found"</h1>
            <div class="card">
                <p>"There is no contact at this address. It may have been removed, or the link is mistyped."</p>
                <a class="button" href=href("/contacts")>"Go to contacts"</a>
            </div>
        </section>
    }
}
