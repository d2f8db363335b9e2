//! Looking back over the history: a contact's timeline, the latest reach-outs, recent wins,
//! when someone was last reached, and this week's count.

use chrono::{Datelike, NaiveDate};

use super::{Book, ContactId, ReachOut, ReachOutId};

/// A good answer, as Today's "Recent wins" shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Win {
    pub day: NaiveDate,
    pub reach_out: ReachOutId,
    pub contact: ContactId,
    pub name: String,
    pub outcome: &'static str,
}

impl Book {
    /// A contact's reach-outs, newest first; on the same day, the one logged last comes first.
    pub fn timeline(&self, contact: ContactId) -> Vec<&ReachOut> {
        let mut items: Vec<&ReachOut> = self
            .reach_outs
            .iter()
            .filter(|r| r.contact == contact)
            .collect();
        items.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
        items
    }

    /// The most recent reach-outs across all contacts, newest first.
    pub fn recent_reach_outs(&self, limit: usize) -> Vec<&ReachOut> {
        let mut items: Vec<&ReachOut> = self.reach_outs.iter().collect();
        items.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
        items.truncate(limit);
        items
    }

    /// The latest good answers (a yes, a meeting, an opportunity), newest first: the day of
    /// the answer (or of the reach-out when the day is not known), then the most recent log.
    pub fn recent_wins(&self, limit: usize) -> Vec<Win> {
        let mut wins: Vec<Win> = self
            .reach_outs
            .iter()
            .filter(|r| r.outcome.is_yes())
            .map(|r| Win {
                day: r.outcome_date.unwrap_or(r.date),
                reach_out: r.id,
                contact: r.contact,
                name: self
                    .contact(r.contact)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                outcome: r.outcome.label(),
            })
            .collect();
        wins.sort_by_key(|w| std::cmp::Reverse((w.day, w.reach_out)));
        wins.truncate(limit);
        wins
    }

    /// The day of a contact's latest reach-out, if any.
    pub fn last_reached(&self, contact: ContactId) -> Option<NaiveDate> {
        self.reach_outs
            .iter()
            .filter(|r| r.contact == contact)
            .map(|r| r.date)
            .max()
    }

    /// Reach-outs dated in the Monday-to-Sunday week that holds `today`.
    pub fn reach_outs_this_week(&self, today: NaiveDate) -> usize {
        let week = today.iso_week();
        self.reach_outs
            .iter()
            .filter(|r| r.date.iso_week() == week)
            .count()
    }
}
