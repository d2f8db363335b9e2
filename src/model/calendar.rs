//! The dates ahead, for a calendar: each open thread's next follow-up and each stay-in-touch
//! rhythm's next turn. What is overdue is put on today, so a calendar shows it as something to
//! do now rather than as a day already gone.

use chrono::NaiveDate;

use super::{Book, ContactId, IdSet, OpenThread};

/// Why a day is on the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dated {
    /// A follow-up of this thread.
    FollowUp(OpenThread),
    /// The stay-in-touch rhythm comes round; the last day of contact, if any.
    StayInTouch { every: u32, last: Option<NaiveDate> },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEntry {
    pub contact: ContactId,
    pub day: NaiveDate,
    pub what: Dated,
}

impl Book {
    /// Upcoming follow-ups (threads that have not reached the most tries) and stay-in-touch
    /// dates of contacts not archived, soonest first; one entry per contact at most.
    pub fn calendar(&self, today: NaiveDate) -> Vec<CalendarEntry> {
        let mut entries: Vec<CalendarEntry> = self
            .open_threads()
            .into_iter()
            .filter(|t| t.tries < self.settings.max_tries)
            .map(|t| CalendarEntry {
                contact: t.contact,
                day: t.due.max(today),
                what: Dated::FollowUp(t),
            })
            .collect();
        let following_up: IdSet<ContactId> = entries.iter().map(|e| e.contact).collect();
        let last_reached = self.last_reached_by_contact();
        for contact in self.contacts.iter().filter(|c| !c.archived) {
            let Some(every) = contact.stay_in_touch_days else {
                continue;
            };
            if following_up.contains(&contact.id) {
                continue;
            }
            let last = last_reached.get(&contact.id).copied();
            let due = super::follow_up::stay_in_touch_due(contact, every, last);
            entries.push(CalendarEntry {
                contact: contact.id,
                day: due.max(today),
                what: Dated::StayInTouch { every, last },
            });
        }
        entries.sort_by_key(|e| (e.day, e.contact));
        entries
    }
}
