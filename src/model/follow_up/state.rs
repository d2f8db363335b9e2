//! Where an open thread stands for a person looking at it: how late it is ([`Degree`]), how that
//! should feel ([`Tone`]), and the words every page uses for it ([`ThreadState`]).

use chrono::NaiveDate;

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
                format!(
                    "follow-up {}",
                    crate::model::words::relative_day(due, today)
                )
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
