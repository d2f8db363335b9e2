//! The cards around Today's lists: replies an import brought in to sort, the suggested next
//! step, the latest good answers, and the first step for someone with no contacts yet.

use leptos::prelude::*;

use super::PAGE;
use crate::links::href;
use crate::model::insights::{Ladder, Rung};
use crate::model::words::relative_day;
use crate::model::{ContactId, Outcome, ReachOutId};
use crate::state::use_app_state;
use chrono::NaiveDate;

/// Replies an import brought in, waiting for the person's own judgement: one tap each says
/// what the answer was, so the evidence is theirs and not a guess.
#[component]
pub(super) fn SortReplies() -> impl IntoView {
    let state = use_app_state();
    let replies = Memo::new(move |_| {
        state.book().with(|b| {
            b.reach_outs
                .iter()
                .filter(|r| r.outcome.is_unsorted_reply())
                .map(|r| {
                    let name = b
                        .contact(r.contact)
                        .map(|c| c.name.clone())
                        .unwrap_or_default();
                    (r.id, name, r.outcome_note.clone())
                })
                .collect::<Vec<_>>()
        })
    });
    let error = RwSignal::new(None::<String>);
    let sort =
        move |id: ReachOutId, outcome: Outcome| match state.change(|b| b.sort_reply(id, outcome)) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(e.to_string())),
        };
    view! {
        <Show when=move || replies.with(|r| !r.is_empty())>
            <section class="card sort-replies" aria-labelledby="sort-heading">
                <h2 id="sort-heading">"Sort the replies"</h2>
                <p class="muted small">"Imported replies count as neither yes nor no until you say what they were."</p>
                {move || error.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                <ul class="due-list">
                    <For each=move || replies.get().into_iter().take(PAGE) key=|r| r.clone() let:reply>
                        {
                            let (id, name, words) = reply;
                            let said = if words.is_empty() { format!("{name} replied") } else { format!("{name}: \u{201c}{words}\u{201d}") };
                            view! {
                                <li class="sort-reply">
                                    <p>{said}</p>
                                    <div class="row-actions" role="group" aria-label=format!("What was {name}'s answer?")>
                                        <button type="button" class="button small" on:click=move |_| sort(id, Outcome::Accepted)>"Yes"</button>
                                        <button type="button" class="button small" on:click=move |_| sort(id, Outcome::Declined)>"No"</button>
                                        <button type="button" class="button small" on:click=move |_| sort(id, Outcome::Replied { sorted: true })>"Not yet"</button>
                                    </div>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// The next step: from the courage ladder when contacts carry how hard they feel (the easiest
/// first, a harder one after a good week), else the contact waiting longest to be reached.
#[component]
pub(super) fn SuggestedNext(
    today: NaiveDate,
    suggestion: Signal<Option<(ContactId, String)>>,
) -> impl IntoView {
    let state = use_app_state();
    let ladder = Memo::new(move |_| state.book().with(|b| b.ladder(today)));
    let step = |rung: Rung, why: &'static str| {
        view! {
            <p>{why} " " <strong>{rung.name.clone()}</strong>
                {format!(" (feels {} of 10)", rung.level)}</p>
            <a class="button primary" href=href(&format!("/contacts/{}", rung.contact))>
                {format!("Reach out to {}", rung.name)}
            </a>
        }
    };
    move || {
        let Ladder { easiest, harder } = ladder.get();
        match (easiest, suggestion.get()) {
            (Some(easiest), _) => Some(view! {
                <section class="card" aria-labelledby="next-heading">
                    <h2 id="next-heading">"Suggested next"</h2>
                    {step(easiest, "The easiest step on your ladder:")}
                    {harder.map(|h| view! {
                        <div class="harder">{step(h, "After a good week, ready for a bigger one?")}</div>
                    })}
                </section>
            }.into_any()),
            (None, Some((id, name))) => Some(view! {
                <section class="card" aria-labelledby="next-heading">
                    <h2 id="next-heading">"Suggested next"</h2>
                    <p>"You haven't reached out to " <strong>{name.clone()}</strong> " yet."</p>
                    <a class="button primary" href=href(&format!("/contacts/{id}"))>
                        {format!("Reach out to {name}")}
                    </a>
                </section>
            }.into_any()),
            (None, None) => None,
        }
    }
}

/// The latest good answers: the evidence that reaching out works.
#[component]
pub(super) fn RecentWins() -> impl IntoView {
    let state = use_app_state();
    let today = state.today().get_untracked();
    let wins = move || state.book().with(|book| book.recent_wins(5));
    view! {
        <Show when=move || !wins().is_empty()>
            <section class="card" aria-labelledby="wins-heading">
                <h2 id="wins-heading">"Recent wins"</h2>
                <ul class="timeline" aria-labelledby="wins-heading">
                    <For each=wins key=|w| w.clone() let:win>
                        <li>
                            <a class="tap" href=href(&format!("/contacts/{}", win.contact))>{win.name}</a>
                            " · " {win.outcome} " · " <span class="muted">{relative_day(win.day, today)}</span>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
pub(super) fn FirstStep() -> impl IntoView {
    view! {
        <div class="card empty">
            <h2>"Every connection starts with one message"</h2>
            <p>
                "Add someone you would like to reach out to: a former colleague, a person whose work you admire, \
                 someone who could answer a question. Then log it when you reach out. The reaching out is the win, \
                 whatever the answer."
            </p>
            <a class="button primary" href=href("/contacts/new")>"Add your first contact"</a>
        </div>
    }
}
