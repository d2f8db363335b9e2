//! Each contact's stage ("Reached out", "Replied", "Gone quiet"…), derived from its history in
//! one pass over the threads and never stored.

use chrono::NaiveDate;

use super::{Agenda, Thread};
use crate::model::{Book, ContactId, IdMap, Outcome, ReachOutId};

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

impl Book {
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

/// The stronger of two answers: an opportunity, then a meeting, then a reply.
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
