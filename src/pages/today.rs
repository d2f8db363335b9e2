//! Today, the home page: what is due, who to stay in touch with, what awaits an answer, one
//! suggested next step, and the week's progress. A first visit gets an invitation instead.

use crate::components::backup_reminder::BackupReminder;
use leptos::prelude::*;

use crate::components::check_ins::CheckIns;
use crate::components::drill::{provide_drill, DrillDialog, FigureButton};
use crate::components::due_rows::{AwaitingRow, CloseLoopRow, FollowUpRow, StayInTouchRow};
use crate::components::field::{Field, FieldKind};
use crate::components::near_miss::NearMissRows;
use crate::links::href;
use crate::model::courage_words;
use crate::model::courage_words::STRENGTH_SENTENCE;
use crate::model::insights::{Answer, Figure, Ladder, Rung};
use crate::model::words::plural;
use crate::model::words::{long_day, relative_day};
use crate::model::{grouped, Agenda, ContactId, Outcome, ReachOutId, SUGGESTED_GOAL};
use crate::state::use_app_state;
use chrono::NaiveDate;

#[component]
pub fn TodayPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    provide_drill();
    let state = use_app_state();
    // Drawn again when the day changes (a tab left open past midnight).
    move || {
        let today = state.today().get();
        view! { <TodayOn today/> }
    }
}

#[component]
fn TodayOn(today: NaiveDate) -> impl IntoView {
    let state = use_app_state();
    let has_contacts = move || state.book().with(|b| !b.contacts.is_empty());
    // The goal question comes once, before any goal or strength is shown.
    let ask_goal = move || {
        state
            .book()
            .with(|b| b.settings.weekly_goal.is_none() && !b.settings.goal_question_skipped)
    };
    let agenda = Memo::new(move |_| state.book().with(|b| b.agenda(today)));
    let has_due = move || agenda.with(|a| !a.follow_ups.is_empty());
    let nothing_due = move || {
        agenda.with(|a| {
            a.follow_ups.is_empty() && a.close_the_loop.is_empty() && a.stay_in_touch.is_empty()
        })
    };
    let suggestion = move || {
        agenda.with(|a| a.suggestion).and_then(|id| {
            state
                .book()
                .with(|b| b.contact(id).map(|c| (id, c.name.clone())))
        })
    };

    view! {
        <section class="page">
            <header class="page-header">
                <div>
                    <h1>"Today"</h1>
                    <p class="muted">{long_day(today)}</p>
                </div>
                <Show when=has_contacts>
                    <a class="button" href=href("/contacts/new")>"Add a contact"</a>
                </Show>
            </header>
            <Show when=has_contacts fallback=|| view! { <FirstStep/> }>
                <DrillDialog/>
                // What is due comes first; the week card follows it when anything is.
                <Show when=move || !has_due()>
                    <WeekOrGoal today ask_goal=Signal::derive(ask_goal)/>
                </Show>
                <SortReplies/>
                <CheckIns/>

                {agenda_list(agenda, |a| &a.follow_ups,
                    ("due-heading", "Follow-ups due", Some("No answer yet. Trying again is normal, and often works.")),
                    |thread| view! { <FollowUpRow thread/> }.into_any())}

                {agenda_list(agenda, |a| &a.stay_in_touch, ("touch-heading", "Stay in touch", None),
                    |due| view! { <StayInTouchRow due/> }.into_any())}

                {agenda_list(agenda, |a| &a.close_the_loop, ("loop-heading", "Time to close the loop", None),
                    |thread| view! { <CloseLoopRow thread/> }.into_any())}

                <Show when=has_due>
                    <WeekOrGoal today ask_goal=Signal::derive(ask_goal)/>
                </Show>

                <Show when=nothing_due>
                    <p class="card quiet">"Nothing is due today. A good day to reach out to someone new."</p>
                </Show>

                <SuggestedNext today suggestion=Signal::derive(suggestion)/>
                <NearMissRows/>

                {agenda_list(agenda, |a| &a.awaiting, ("awaiting-heading", "Awaiting a reply", None),
                    |thread| view! { <AwaitingRow thread/> }.into_any())}

                <RecentWins/>
                <BackupReminder/>
            </Show>
        </section>
    }
}

/// Rows drawn at first, and added by each "Show more".
const PAGE: usize = 25;

/// One of Today's lists: its heading, a line under it, its first rows and "Show more", drawn
/// only while the list has rows. A long list starts with its first [`PAGE`] rows and grows by
/// as many with each "Show more", so thousands of due follow-ups stay quick.
fn agenda_list<T>(
    agenda: Memo<Agenda>,
    list: fn(&Agenda) -> &Vec<T>,
    (id, heading, intro): (&'static str, &'static str, Option<&'static str>),
    row: fn(T) -> AnyView,
) -> impl IntoView
where
    T: Clone + Eq + std::hash::Hash + Send + Sync + 'static,
{
    let shown = RwSignal::new(PAGE);
    let total = Signal::derive(move || agenda.with(|a| list(a).len()));
    view! {
        <Show when=move || { total.get() > 0 }>
            <section class="card" aria-labelledby=id>
                <h2 id=id>{heading}</h2>
                {intro.map(|text| view! { <p class="muted small">{text}</p> })}
                <ul class="due-list" aria-labelledby=id>
                    <For each=move || first(agenda, list, shown) key=|t| t.clone() let:item>
                        {row(item)}
                    </For>
                </ul>
                <ShowMore total shown/>
            </section>
        </Show>
    }
}

/// The first `shown` entries of one of the agenda's lists.
fn first<T: Clone + Send + Sync + 'static>(
    agenda: Memo<Agenda>,
    list: impl Fn(&Agenda) -> &Vec<T>,
    shown: RwSignal<usize>,
) -> Vec<T> {
    let shown = shown.get();
    agenda.with(|a| list(a).iter().take(shown).cloned().collect())
}

/// "Show 25 more (40 not shown)" under a list cut at `shown` rows.
#[component]
fn ShowMore(#[prop(into)] total: Signal<usize>, shown: RwSignal<usize>) -> impl IntoView {
    let rest = move || total.get().saturating_sub(shown.get());
    view! {
        <Show when=move || { rest() > 0 }>
            <button type="button" class="button small show-more"
                on:click=move |_| shown.update(|n| *n = n.saturating_add(PAGE))>
                {move || format!("Show {} more ({} not shown)", rest().min(PAGE), grouped(rest()))}
            </button>
        </Show>
    }
}

/// The week so far, this week only: every ask counted whatever the answer, against the goal
/// once the person has chosen one, and the strength score that a missed week only dents. The
/// count opens to the week's reach-outs, as Insights does.
#[component]
fn ThisWeekCard(today: NaiveDate) -> impl IntoView {
    let state = use_app_state();
    let week = Memo::new(move |_| state.book().with(|b| b.this_week(today)));
    let lead = move || courage_words::week_lead(&week.get());
    let meter = move || {
        let w = week.get();
        w.goal.map(|goal| {
            let progress = format!("{} of {goal}", w.count);
            view! {
                <progress class="meter goal-meter" aria-label=format!("Weekly goal: {progress}")
                    max=goal value=w.count.min(goal as usize)>{progress.clone()}</progress>
            }
        })
    };
    let counts = move || {
        let w = week.get();
        (w.count > 0).then(|| {
            let noes = (w.noes > 0).then(|| view! {
                ", "
                <FigureButton text=plural(w.noes, "no", "noes") title="Noes this week" figure=Figure::Answer(Answer::Declined) period=w.period/>
            });
            view! {
                <p class="small">"This week: "
                    <FigureButton text=plural(w.count, "reach-out", "reach-outs") title="Reach-outs this week" figure=Figure::All period=w.period/>
                    {noes}
                </p>
            }
        })
    };
    view! {
        <div class="card highlight this-week">
            <h2>"This week"</h2>
            <p class="big-number" class:lead-words=move || week.with(|w| w.count == 0 || w.goal.is_none_or(|g| w.count >= g as usize))>{lead}</p>
            {meter}
            <p>{move || {
                let w = week.get();
                courage_words::this_week(w.count, w.noes)
            }}</p>
            {counts}
            {move || match week.get().strength {
                None => None,
                // A score of 0 is not shown as a number: it only says how to grow one.
                Some(0) => Some(view! {
                    <p class="strength muted small">"Your strength score starts with the first week you meet your goal; a missed week only dents it."</p>
                }.into_any()),
                Some(strength) => Some(view! {
                    <p class="strength">
                        "Strength " <strong>{strength}</strong> " of 100"
                        <span class="muted small">{format!(" · {STRENGTH_SENTENCE}")}</span>
                    </p>
                }.into_any()),
            }}
        </div>
    }
}

/// The week card, or before a goal is chosen, the question that sets one.
#[component]
fn WeekOrGoal(today: NaiveDate, ask_goal: Signal<bool>) -> impl IntoView {
    view! {
        <Show when=move || ask_goal.get() fallback=move || view! { <ThisWeekCard today/> }>
            <GoalQuestion/>
        </Show>
    }
}

/// Asked once, before any goal or strength is shown: how many reach-outs a week feel right.
/// Skippable; Settings can set a goal later.
#[component]
fn GoalQuestion() -> impl IntoView {
    let state = use_app_state();
    let value = RwSignal::new(SUGGESTED_GOAL.to_string());
    let error = RwSignal::new(None::<String>);
    let set = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = value.get_untracked();
        let mut settings = state.book().with_untracked(|b| b.settings.clone());
        match settings.choose_goal(&text) {
            Ok(()) => {
                if let Err(e) = state.change(|b| {
                    b.settings.weekly_goal = settings.weekly_goal;
                    Ok(())
                }) {
                    error.set(Some(e.to_string()));
                }
            }
            Err(invalid) => error.set(Some(invalid.to_string())),
        }
    };
    let skip = move |_| {
        if let Err(e) = state.change(|b| {
            b.settings.goal_question_skipped = true;
            Ok(())
        }) {
            error.set(Some(e.to_string()));
        }
    };
    let field_error = Signal::derive(move || error.get());
    view! {
        <form class="card goal-question form" novalidate on:submit=set aria-labelledby="goal-heading">
            <h2 id="goal-heading">"How many reach-outs a week feel right?"</h2>
            <p class="small">"A small goal you meet beats a big one you dread. Most people start with 2. You can change it any time in Settings."</p>
            <Field label="Reach-outs a week (1 to 50)" name="goal-question" value kind=FieldKind::Number error=field_error />
            <div class="actions">
                <button type="submit" class="button primary">"Set my goal"</button>
                <button type="button" class="button" on:click=skip>"Skip for now"</button>
            </div>
        </form>
    }
}

/// Replies an import brought in, waiting for the person's own judgement: one tap each says
/// what the answer was, so the evidence is theirs and not a guess.
#[component]
fn SortReplies() -> impl IntoView {
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
fn SuggestedNext(
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
fn RecentWins() -> impl IntoView {
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
fn FirstStep() -> impl IntoView {
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
