//! Acting on the history: recording what came of a reach-out, snoozing a due item, and closing
//! a loop. Each operation validates first and changes nothing when it refuses.

use chrono::{DateTime, NaiveDate, Utc};

use super::duplicates::Reopen;
use super::validate::{check_length, FieldErrors, Limits};
use super::words::long_day;
use super::{Book, ContactId, ModelError, Outcome, ReachOutDraft, ReachOutId, Undo};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OutcomeField {
    Outcome,
    Date,
    Note,
}

/// What the user entered in the "record the outcome" form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeDraft {
    pub outcome: Option<Outcome>,
    /// As typed into a date input: `YYYY-MM-DD`.
    pub date: String,
    pub note: String,
}

impl OutcomeDraft {
    /// A fresh form: nothing picked yet, dated today.
    pub fn new(today: NaiveDate) -> Self {
        OutcomeDraft {
            outcome: None,
            date: today.format("%Y-%m-%d").to_string(),
            note: String::new(),
        }
    }
}

/// What the "Log a reach-out" form can carry besides the reach-out itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LogAlso {
    /// The near miss this reach-out turns into the real thing.
    pub near_miss: Option<u64>,
    /// The answer that came already ("they said yes"), recorded as of today.
    pub answered: Option<Outcome>,
}

impl Book {
    /// Logs a reach-out together with what the form carried ([`LogAlso`]): the near miss it
    /// came from is marked reached and an answer that already came is recorded, dated today.
    /// All or nothing: when a step is refused, the book is left exactly as it was.
    pub fn log_reach_out_with(
        &mut self,
        contact: ContactId,
        draft: &ReachOutDraft,
        also: LogAlso,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ReachOutId, ModelError> {
        if also
            .near_miss
            .is_some_and(|n| !self.near_misses.iter().any(|m| m.id == n))
        {
            return Err(ModelError::UnknownNearMiss);
        }
        // What logging changes besides the new reach-out, kept to be put back.
        let next_id = self.next_id;
        let near_misses = self.near_misses.clone();
        let earlier = draft
            .follows_up
            .and_then(|e| self.reach_outs.iter().position(|r| r.id == e))
            .map(|at| (at, self.reach_outs[at].clone()));
        let person = self
            .contacts
            .iter()
            .position(|c| c.id == contact)
            .map(|at| (at, self.contacts[at].stay_in_touch_snoozed_until));
        let id = self.log_reach_out(contact, draft, today, now)?;
        let mut rest = || -> Result<(), ModelError> {
            if let Some(near_miss) = also.near_miss {
                self.near_miss_reached(near_miss, id)?;
            }
            if let Some(outcome) = also.answered {
                let answer = OutcomeDraft {
                    outcome: Some(outcome),
                    ..OutcomeDraft::new(today)
                };
                self.record_outcome(id, &answer, today)?;
            }
            Ok(())
        };
        if let Err(refused) = rest() {
            self.reach_outs.retain(|r| r.id != id);
            self.near_misses = near_misses;
            if let Some((at, before)) = earlier {
                self.reach_outs[at] = before;
            }
            if let Some((at, snoozed)) = person {
                self.contacts[at].stay_in_touch_snoozed_until = snoozed;
            }
            self.next_id = next_id;
            return Err(refused);
        }
        Ok(id)
    }

    /// Records (or corrects) what came of a reach-out. Choosing "awaiting a reply" again clears
    /// the date and note of an earlier answer.
    pub fn record_outcome(
        &mut self,
        id: ReachOutId,
        draft: &OutcomeDraft,
        today: NaiveDate,
    ) -> Result<(), ModelError> {
        let reached_on = self
            .reach_outs
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.date)
            .ok_or(ModelError::UnknownReachOut(id))?;
        let mut errors = FieldErrors::default();
        let Some(outcome) = draft.outcome else {
            errors.add(OutcomeField::Outcome, "Please pick what happened.");
            return Err(ModelError::InvalidOutcome(errors));
        };
        let date = if outcome.is_awaiting() {
            None
        } else {
            match NaiveDate::parse_from_str(draft.date.trim(), "%Y-%m-%d") {
                Ok(date) if date < reached_on => {
                    errors.add(
                        OutcomeField::Date,
                        format!(
                            "The answer can't come before you reached out ({}).",
                            long_day(reached_on)
                        ),
                    );
                    None
                }
                Ok(date) if date > today => {
                    errors.add(
                        OutcomeField::Date,
                        "That date is in the future; record the outcome once it has happened.",
                    );
                    None
                }
                Ok(date) => Some(date),
                Err(_) => {
                    errors.add(
                        OutcomeField::Date,
                        "Please enter the day it happened (YYYY-MM-DD).",
                    );
                    None
                }
            }
        };
        let note = if outcome.is_awaiting() {
            String::new()
        } else {
            draft.note.trim().to_string()
        };
        if let Err(message) = check_length(&note, Limits::REACH_OUT_NOTE) {
            errors.add(OutcomeField::Note, message);
        }
        if !errors.is_empty() {
            return Err(ModelError::InvalidOutcome(errors));
        }
        if let Some(reach_out) = self.reach_outs.iter_mut().find(|r| r.id == id) {
            reach_out.outcome = outcome;
            reach_out.outcome_date = date;
            reach_out.outcome_note = note;
        }
        Ok(())
    }

    /// Sorts a reply an import brought in, as the person judges it: a yes, a no, or "not yet"
    /// (a reply that is neither, kept as such). The reply's day and words stay. Anything else
    /// is refused with nothing changed.
    pub fn sort_reply(&mut self, id: ReachOutId, answer: Outcome) -> Result<(), ModelError> {
        if !matches!(
            answer,
            Outcome::Accepted | Outcome::Declined | Outcome::Replied { sorted: true }
        ) {
            return Err(ModelError::NotAnUnsortedReply);
        }
        let reach_out = self.reach_out_mut(id)?;
        if !reach_out.outcome.is_unsorted_reply() {
            return Err(ModelError::NotAnUnsortedReply);
        }
        reach_out.outcome = answer;
        Ok(())
    }

    /// Puts off the follow-up of the thread whose latest reach-out is `latest` until `until`.
    pub fn snooze_follow_up(
        &mut self,
        latest: ReachOutId,
        until: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), ModelError> {
        check_snooze(until, today)?;
        let reach_out = self.reach_out_mut(latest)?;
        reach_out.snoozed_until = Some(until);
        Ok(())
    }

    /// Puts off a contact's stay-in-touch reminder until `until`.
    pub fn snooze_stay_in_touch(
        &mut self,
        contact: ContactId,
        until: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), ModelError> {
        check_snooze(until, today)?;
        let person = self.contact_mut(contact)?;
        person.stay_in_touch_snoozed_until = Some(until);
        Ok(())
    }

    /// Marks a thread done: no more follow-ups are suggested for it. Logging a new follow-up to
    /// it later still works.
    pub fn close_loop(&mut self, latest: ReachOutId) -> Result<(), ModelError> {
        let reach_out = self.reach_out_mut(latest)?;
        reach_out.loop_closed = true;
        Ok(())
    }

    /// Closes the loop on an unanswered thread, first logging `last_note` (a short, kind last
    /// message, on the channel used last) when given, so the thread ends on it. Refused, with
    /// nothing changed, when the note is too long or the thread is unknown. Can be undone.
    pub fn close_loop_with_note(
        &mut self,
        latest: ReachOutId,
        last_note: Option<&str>,
        today: NaiveDate,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Undo, ModelError> {
        let before = self
            .reach_outs
            .iter()
            .find(|r| r.id == latest)
            .cloned()
            .ok_or(ModelError::UnknownReachOut(latest))?;
        let person = self.contact(before.contact);
        let name = person.map(|c| c.name.clone()).unwrap_or_default();
        let snoozed_until = person.and_then(|c| c.stay_in_touch_snoozed_until);
        let closed = match last_note {
            Some(note) => {
                let draft = ReachOutDraft {
                    channel: Some(before.channel),
                    date: today.format("%Y-%m-%d").to_string(),
                    note: note.trim().to_string(),
                    follows_up: Some(latest),
                    before: Default::default(),
                };
                self.log_reach_out(before.contact, &draft, today, now)?
            }
            None => latest,
        };
        self.close_loop(closed)?;
        Ok(Undo::Reopen(Box::new(Reopen {
            name,
            logged: last_note.map(|_| closed),
            before,
            snoozed_until,
        })))
    }

    /// Archives a contact (it leaves lists and the agenda, its history stays) or brings it back.
    pub fn set_archived(
        &mut self,
        contact: ContactId,
        archived: bool,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), ModelError> {
        let person = self.contact_mut(contact)?;
        person.archived = archived;
        person.updated = now;
        Ok(())
    }

    /// Sets or clears a contact's "stay in touch every N days" rhythm (1 to 365 days).
    pub fn set_stay_in_touch(
        &mut self,
        contact: ContactId,
        days: Option<u32>,
    ) -> Result<(), ModelError> {
        if days.is_some_and(|days| !Limits::STAY_IN_TOUCH_DAYS.contains(&days)) {
            return Err(ModelError::RhythmOutOfRange);
        }
        let person = self.contact_mut(contact)?;
        person.stay_in_touch_days = days;
        person.stay_in_touch_snoozed_until = None;
        Ok(())
    }
}

impl Book {
    pub(super) fn contact_mut(&mut self, id: ContactId) -> Result<&mut super::Contact, ModelError> {
        self.contacts
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(ModelError::UnknownContact(id))
    }

    pub(super) fn reach_out_mut(
        &mut self,
        id: ReachOutId,
    ) -> Result<&mut super::ReachOut, ModelError> {
        self.reach_outs
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or(ModelError::UnknownReachOut(id))
    }
}

fn check_snooze(until: NaiveDate, today: NaiveDate) -> Result<(), ModelError> {
    if until <= today || !Limits::day_in_range(until) {
        Err(ModelError::SnoozeDay)
    } else {
        Ok(())
    }
}
