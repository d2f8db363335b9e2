//! "Try again… and again": which follow-ups and stay-in-touch contacts are due, how late they are,
//! when to suggest closing the loop, and each contact's stage, all derived from the history.
//!
//! A *thread* is a first reach-out and the follow-ups linked to it. Its latest reach-out decides:
//! while it is unanswered (awaiting or no response) and the loop is not closed, a follow-up falls
//! due `follow_up_days` after it (or on the day it was snoozed to). After `max_tries` reach-outs in a
//! thread, the app stops asking and suggests closing the loop instead.

mod stage;
mod state;

use chrono::NaiveDate;

use super::{Book, Contact, ContactId, IdMap, IdSet, ReachOut, ReachOutId};
pub use stage::Stage;
pub use state::{Degree, ThreadState, Tone};

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

    /// `contact`'s open thread, if one is open (a contact has at most one).
    pub fn open_thread_of(&self, contact: ContactId) -> Option<OpenThread> {
        self.open_threads()
            .into_iter()
            .find(|t| t.contact == contact)
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
