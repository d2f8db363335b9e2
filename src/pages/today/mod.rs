//! Today, the home page: what is due, who to stay in touch with, what awaits an answer, one
//! suggested next step, and the week's progress. A first visit gets an invitation instead.

mod cards;
mod offer;
mod week;
pub mod welcome;

use crate::components::backup_reminder::BackupReminder;
use cards::{FirstStep, RecentWins, SortReplies, SuggestedNext};
use leptos::prelude::*;
use week::WeekOrGoal;

use crate::components::check_ins::CheckIns;
use crate::components::drill::{provide_drill, DrillDialog};
use crate::components::due_rows::{AwaitingRow, CloseLoopRow, FollowUpRow, StayInTouchRow};
use crate::components::near_miss::NearMissRows;
use crate::links::href;
use crate::model::words::long_day;
use crate::model::{grouped, Agenda};
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
    let overdue = welcome::overdue(agenda, today);
    let welcoming = welcome::welcoming(overdue);
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
                <Show when=move || welcoming.get()>
                    <welcome::WelcomeBack today overdue/>
                </Show>
                // What is due comes first; the week card follows it when anything is.
                <Show when=move || !has_due()>
                    <WeekOrGoal today ask_goal=Signal::derive(ask_goal)/>
                </Show>
                <SortReplies/>
                <CheckIns/>

                // Folded behind the welcome's count while a person comes back after a gap.
                <Show when=move || !welcoming.get()>
                    {agenda_list(agenda, |a| &a.follow_ups,
                        ("due-heading", "Follow-ups due", Some("No answer yet. Trying again is normal, and often works.")),
                        |thread| view! { <FollowUpRow thread/> }.into_any())}
                </Show>

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
                <offer::ReminderOffer/>
                <BackupReminder/>
            </Show>
        </section>
    }
}

/// Rows drawn at first, and added by each "Show more".
pub(super) const PAGE: usize = 25;

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
