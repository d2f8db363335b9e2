//! "Try again… and again": which follow-ups and stay-in-touch contacts are due, how late they are,
//! when to suggest closing the loop, and each contact's stage, all derived from the history.
//!
//! A *thread* is a first reach-out and the follow-ups linked to it. Its latest reach-out decides:
//! while it is unanswered (awaiting or no response) and the loop is not closed, a follow-up falls
//! due `follow_up_days` after it (or on the day it was snoozed to). After `max_tries` reach-outs in a
//! thread, the app stops asking and suggests closing the loop instead.

use chrono::NaiveDate;

use super::{Book, Contact, ContactId, IdMap, IdSet, Outcome, ReachOut, ReachOutId};

/// How late a due item is: due today, overdue by up to a week, or longer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Degree {
    Due,
    Overdue,
    LongOverdue,
}

/// How a state should feel on screen: calm, due now, or a gentle nudge (never a failure).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    Calm,
    Due,
    Nudge,
}

/// Where an open thread stands for a person looking at it, with the words every page uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ThreadState {
    /// Awaiting a reply; the follow-up is planned for `due`, after today.
    Waiting { due: NaiveDate },
    /// The follow-up is due (today or earlier).
    FollowUp(Degree),
    /// Every try is used: a kind last note, or letting it rest, closes the loop.
    TriedOut,
}

impl ThreadState {
    /// The state of a thread whose follow-up is due on `due`, seen on `today`.
    pub fn of(due: NaiveDate, tried_out: bool, today: NaiveDate) -> ThreadState {
        match (tried_out, due <= today) {
            (true, _) => ThreadState::TriedOut,
            (false, true) => ThreadState::FollowUp(Degree::of(due, today)),
            (false, false) => ThreadState::Waiting { due },
        }
    }

    /// The phrase of a contact's row in the list: "follow-up in 5 days", "follow-up ready for a
    /// gentle nudge", "time to close the loop".
    pub fn phrase(self, today: NaiveDate) -> String {
        match self {
            ThreadState::TriedOut => "time to close the loop".into(),
            ThreadState::FollowUp(_) => "follow-up ready for a gentle nudge".into(),
            ThreadState::Waiting { due } => {
                format!("follow-up {}", super::words::relative_day(due, today))
            }
        }
    }

    /// The heading of the thread's card on a contact's page.
    pub fn heading(self) -> &'static str {
        match self {
            ThreadState::TriedOut => "Time to close the loop",
            _ => "Waiting for an answer",
        }
    }

    pub fn tone(self) -> Tone {
        match self {
            ThreadState::Waiting { .. } => Tone::Calm,
            ThreadState::FollowUp(degree) => degree.tone(),
            ThreadState::TriedOut => Tone::Nudge,
        }
    }
}

impl Degree {
    /// Due today is due; anything later is a gentle nudge.
    pub fn tone(self) -> Tone {
        match self {
            Degree::Due => Tone::Due,
            Degree::Overdue | Degree::LongOverdue => Tone::Nudge,
        }
    }

    /// The degree of an item due on `due`, seen on `today` (which is on or after `due`).
    pub fn of(due: NaiveDate, today: NaiveDate) -> Degree {
        match (today - due).num_days() {
            ..=0 => Degree::Due,
            1..=6 => Degree::Overdue,
            _ => Degree::LongOverdue,
        }
    }

    /// What the row's badge says: a late follow-up is ready for a gentle nudge, not a failure.
    pub fn headline(self) -> &'static str {
        match self {
            Degree::Due => "Due today",
            Degree::Overdue | Degree::LongOverdue => "Ready for a gentle nudge",
        }
    }

    /// The precise word, for those who look, without guilt: "due today", "3 days past the
    /// date you planned".
    pub fn precise(due: NaiveDate, today: NaiveDate) -> String {
        match (today - due).num_days() {
            ..=0 => "due today".into(),
            1 => "1 day past the date you planned".into(),
            days => format!("{days} days past the date you planned"),
        }
    }
}

/// A thread whose latest reach-out is still unanswered.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OpenThread {
    pub contact: ContactId,
    /// The reach-out a new follow-up would follow up.
    pub latest: ReachOutId,
    /// Reach-outs in the thread so far.
    pub tries: u32,
    /// When a follow-up is (or was) due.
    pub due: NaiveDate,
}

impl OpenThread {
    /// True when the thread has had every try `max_tries` allows.
    pub fn tried_out(&self, max_tries: u32) -> bool {
        self.tries >= max_tries
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StayInTouchDue {
    pub contact: ContactId,
    pub due: NaiveDate,
    /// The last day of contact, if there was one.
    pub last: Option<NaiveDate>,
}

/// Everything the Today page shows, in the order it shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda {
    /// Follow-ups due today or earlier, most overdue first.
    pub follow_ups: Vec<OpenThread>,
    /// Threads that reached the most tries: time to close the loop politely.
    pub close_the_loop: Vec<OpenThread>,
    /// Contacts whose stay-in-touch rhythm has come round, most overdue first.
    pub stay_in_touch: Vec<StayInTouchDue>,
    /// Reach-outs waiting for an answer whose follow-up is not due yet, soonest first.
    pub awaiting: Vec<OpenThread>,
    /// A contact never reached out to, oldest first: the suggested next step.
    pub suggestion: Option<ContactId>,
}

/// Where a contact stands, derived from its history and never stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    New,
    Waiting,
    Replied,
    Met,
    Opportunity,
    Declined,
    GoneQuiet,
    Archived,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::New,
        Stage::Waiting,
        Stage::Replied,
        Stage::Met,
        Stage::Opportunity,
        Stage::Declined,
        Stage::GoneQuiet,
        Stage::Archived,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::New => "New",
            Stage::Waiting => "Reached out",
            Stage::Replied => "Replied",
            Stage::Met => "Met",
            Stage::Opportunity => "Opportunity",
            Stage::Declined => "Declined",
            Stage::GoneQuiet => "Gone quiet",
            Stage::Archived => "Archived",
        }
    }
}

/// The reach-outs of one thread, oldest first.
pub(crate) struct Thread<'a> {
    pub(crate) members: Vec<&'a ReachOut>,
}

impl<'a> Thread<'a> {
    pub(crate) fn latest(&self) -> &'a ReachOut {
        self.members[self.members.len() - 1]
    }

    fn is_open(&self) -> bool {
        let latest = self.latest();
        latest.outcome.is_unanswered() && !latest.loop_closed
    }
}

/// When `contact`'s rhythm of `days` comes round: that many days after the last contact (or
/// after they were added), and not before a snooze ends.
pub(super) fn stay_in_touch_due(
    contact: &Contact,
    days: u32,
    last: Option<NaiveDate>,
) -> NaiveDate {
    let since = last.unwrap_or(contact.created.date_naive());
    let due = since
        .checked_add_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX);
    contact
        .stay_in_touch_snoozed_until
        .map_or(due, |snoozed| due.max(snoozed))
}

impl Book {
    /// The first reach-out of the thread that `id` belongs to.
    pub fn thread_root(&self, id: ReachOutId) -> ReachOutId {
        let by_id: IdMap<ReachOutId, &ReachOut> =
            self.reach_outs.iter().map(|r| (r.id, r)).collect();
        root_of(&by_id, id)
    }

    /// Every thread, each oldest first; threads in no particular order.
    pub(crate) fn threads(&self) -> Vec<Thread<'_>> {
        let by_id: IdMap<ReachOutId, &ReachOut> =
            self.reach_outs.iter().map(|r| (r.id, r)).collect();
        // A follow-up usually comes after what it follows, so its root is mostly known by the
        // time it is reached; otherwise the chain is walked.
        let mut roots: IdMap<ReachOutId, ReachOutId> = IdMap::default();
        roots.reserve(self.reach_outs.len());
        let mut groups: IdMap<ReachOutId, Vec<&ReachOut>> = IdMap::default();
        for reach_out in &self.reach_outs {
            let root = match reach_out.follows_up.and_then(|parent| roots.get(&parent)) {
                Some(root) => *root,
                None => root_of(&by_id, reach_out.id),
            };
            roots.insert(reach_out.id, root);
            groups.entry(root).or_default().push(reach_out);
        }
        groups
            .into_values()
            .map(|mut members| {
                members.sort_by_key(|r| (r.date, r.id));
                Thread { members }
            })
            .collect()
    }

    /// Threads whose latest reach-out is unanswered, of contacts not archived. Only a contact's
    /// newest thread can be open: a later reach-out to the same person (a new conversation, or
    /// one that they already answered) supersedes an older unanswered one, so Today never asks
    /// to follow up an old message after a newer one.
    pub fn open_threads(&self) -> Vec<OpenThread> {
        self.open_threads_in(self.threads())
    }

    /// Each contact's newest reach-out as (day, id): the latest day, and on one day the one
    /// logged last. A thread that does not end there has been superseded.
    pub(crate) fn newest_reach_outs(&self) -> IdMap<ContactId, (NaiveDate, ReachOutId)> {
        let mut newest: IdMap<ContactId, (NaiveDate, ReachOutId)> = IdMap::default();
        for r in &self.reach_outs {
            let entry = newest.entry(r.contact).or_insert((r.date, r.id));
            *entry = (*entry).max((r.date, r.id));
        }
        newest
    }

    /// [`Book::open_threads`] among `threads`, every thread of the book.
    pub(crate) fn open_threads_in(&self, threads: Vec<Thread<'_>>) -> Vec<OpenThread> {
        let days = u64::from(self.settings.follow_up_days);
        let active: IdSet<ContactId> = self
            .contacts
            .iter()
            .filter(|c| !c.archived)
            .map(|c| c.id)
            .collect();
        let newest = self.newest_reach_outs();
        threads
            .into_iter()
            .filter(|t| t.is_open())
            .filter(|t| {
                let latest = t.latest();
                newest.get(&latest.contact) == Some(&(latest.date, latest.id))
            })
            .filter(|t| active.contains(&t.latest().contact))
            .map(|t| {
                let latest = t.latest();
                // Checked: dates and day counts are in range, but no arithmetic on data may panic.
                let natural = latest
                    .date
                    .checked_add_days(chrono::Days::new(days))
                    .unwrap_or(NaiveDate::MAX);
                OpenThread {
                    contact: latest.contact,
                    latest: latest.id,
                    tries: u32::try_from(t.members.len()).unwrap_or(u32::MAX),
                    due: latest.snoozed_until.unwrap_or(natural),
                }
            })
            .collect()
    }

    pub fn agenda(&self, today: NaiveDate) -> Agenda {
        self.agenda_of(today, self.open_threads())
    }

    /// [`Book::agenda`], given the book's open threads.
    fn agenda_of(&self, today: NaiveDate, open: Vec<OpenThread>) -> Agenda {
        let mut agenda = Agenda::default();
        for thread in open {
            if thread.due > today {
                agenda.awaiting.push(thread);
            } else if thread.tried_out(self.settings.max_tries) {
                agenda.close_the_loop.push(thread);
            } else {
                agenda.follow_ups.push(thread);
            }
        }
        agenda.follow_ups.sort_by_key(|t| (t.due, t.latest));
        agenda.close_the_loop.sort_by_key(|t| (t.due, t.latest));
        agenda.awaiting.sort_by_key(|t| (t.due, t.latest));

        let last_reached = self.last_reached_by_contact();
        let following_up: IdSet<ContactId> = agenda.follow_ups.iter().map(|t| t.contact).collect();
        for contact in self.contacts.iter().filter(|c| !c.archived) {
            let Some(days) = contact.stay_in_touch_days else {
                continue;
            };
            if following_up.contains(&contact.id) {
                continue; // One nudge per contact is enough.
            }
            let last = last_reached.get(&contact.id).copied();
            let due = stay_in_touch_due(contact, days, last);
            if due <= today {
                agenda.stay_in_touch.push(StayInTouchDue {
                    contact: contact.id,
                    due,
                    last,
                });
            }
        }
        agenda.stay_in_touch.sort_by_key(|s| (s.due, s.contact));

        agenda.suggestion = self
            .contacts
            .iter()
            .filter(|c| !c.archived && !last_reached.contains_key(&c.id))
            .min_by_key(|c| (c.created, c.id))
            .map(|c| c.id);
        agenda
    }

    /// The day each contact was last reached, in one pass over the history.
    pub fn last_reached_by_contact(&self) -> IdMap<ContactId, NaiveDate> {
        let mut last: IdMap<ContactId, NaiveDate> = IdMap::default();
        for r in &self.reach_outs {
            let day = last.entry(r.contact).or_insert(r.date);
            *day = (*day).max(r.date);
        }
        last
    }

    /// The stage of every contact, in one pass over the history.
    pub fn stages(&self) -> IdMap<ContactId, Stage> {
        self.stages_in(&self.threads())
    }

    /// The stages and the agenda together, finding the threads once: what the Contacts list's
    /// index needs.
    pub(crate) fn stages_and_agenda(&self, today: NaiveDate) -> (IdMap<ContactId, Stage>, Agenda) {
        let threads = self.threads();
        let stages = self.stages_in(&threads);
        (stages, self.agenda_of(today, self.open_threads_in(threads)))
    }

    /// [`Book::stages`] from `threads`, every thread of the book.
    fn stages_in(&self, threads: &[Thread<'_>]) -> IdMap<ContactId, Stage> {
        // The best answer ever given, and the state of the most recent thread.
        let mut best: IdMap<ContactId, Stage> = IdMap::default();
        let mut latest_thread: IdMap<ContactId, (NaiveDate, ReachOutId, Stage)> = IdMap::default();
        for thread in threads {
            let latest = thread.latest();
            for member in &thread.members {
                let answered = match member.outcome {
                    Outcome::Opportunity(_) => Some(Stage::Opportunity),
                    Outcome::Met { .. } => Some(Stage::Met),
                    Outcome::Accepted | Outcome::Replied { .. } => Some(Stage::Replied),
                    _ => None,
                };
                if let Some(stage) = answered {
                    let entry = best.entry(member.contact).or_insert(stage);
                    *entry = stronger(*entry, stage);
                }
            }
            let state = match latest.outcome {
                Outcome::Declined => Stage::Declined,
                // Connected: they will see the next message; nothing was answered yet.
                Outcome::Connected => Stage::Waiting,
                o if o.is_unanswered()
                    && (latest.loop_closed
                        || thread.members.len() >= self.settings.max_tries as usize
                            && o == Outcome::NoResponse) =>
                {
                    Stage::GoneQuiet
                }
                o if o.is_unanswered() => Stage::Waiting,
                _ => Stage::Replied,
            };
            let key = (latest.date, latest.id, state);
            let entry = latest_thread.entry(latest.contact).or_insert(key);
            if (key.0, key.1) > (entry.0, entry.1) {
                *entry = key;
            }
        }
        self.contacts
            .iter()
            .map(|c| {
                let stage = if c.archived {
                    Stage::Archived
                } else if let Some(stage) = best.get(&c.id) {
                    *stage
                } else if let Some((_, _, state)) = latest_thread.get(&c.id) {
                    *state
                } else {
                    Stage::New
                };
                (c.id, stage)
            })
            .collect()
    }
}

/// Walks `follows_up` links to the first reach-out. Bounded, so a damaged cycle cannot hang.
fn root_of(by_id: &IdMap<ReachOutId, &ReachOut>, id: ReachOutId) -> ReachOutId {
    let mut current = id;
    for _ in 0..=by_id.len() {
        match by_id.get(&current).and_then(|r| r.follows_up) {
            Some(parent) if by_id.contains_key(&parent) => current = parent,
            _ => break,
        }
    }
    current
}

fn stronger(a: Stage, b: Stage) -> Stage {
    let rank = |s| match s {
        Stage::Opportunity => 3,
        Stage::Met => 2,
        Stage::Replied => 1,
        _ => 0,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}
