//! Merging two records of the same person: both histories are kept, and where both contacts
//! have a different value for a field, the user's choice wins. A merge can be undone.

use chrono::{DateTime, Utc};

use super::{Book, Contact, ContactField, ContactId, ModelError, ReachOut, ReachOutId, Removed};

/// Which contact's value wins a conflicting field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Kept,
    Merged,
}

/// A field where both contacts hold a different, non-empty value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub field: ContactField,
    pub kept: String,
    pub merged: String,
}

/// How to take a merge back.
#[derive(Clone, Debug, PartialEq)]
pub struct Unmerge {
    kept_before: Contact,
    merged: Contact,
    moved: Vec<ReachOutId>,
    moved_near_misses: Vec<u64>,
}

/// How to take back closing a loop: the thread's latest reach-out as it was, and the last note
/// logged with the closing, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Reopen {
    pub(super) name: String,
    pub(super) before: ReachOut,
    pub(super) logged: Option<ReachOutId>,
    pub(super) snoozed_until: Option<chrono::NaiveDate>,
}

/// A change that can be taken back from the undo toast.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    Restore(Removed),
    Unmerge(Box<Unmerge>),
    Reopen(Box<Reopen>),
    /// "Start fresh" moved the overdue follow-ups to the next days.
    Reschedule(super::Rescheduled),
}

impl Undo {
    pub fn describe(&self) -> String {
        match self {
            Undo::Restore(removed) => format!("Deleted {}.", removed.describe()),
            Undo::Unmerge(u) => format!("Merged {} into {}.", u.merged.name, u.kept_before.name),
            Undo::Reopen(r) if r.logged.is_some() => {
                format!("Logged your last note to {} and closed the loop.", r.name)
            }
            Undo::Reopen(r) => format!("Closed the loop with {}.", r.name),
            Undo::Reschedule(r) => r.describe(),
        }
    }
}

fn text_of(contact: &Contact, field: ContactField) -> String {
    match field {
        ContactField::Name => contact.name.clone(),
        ContactField::Company => contact.company.clone(),
        ContactField::Role => contact.role.clone(),
        ContactField::Email => contact.email.clone(),
        ContactField::Linkedin => contact.linkedin.clone(),
        ContactField::Notes => contact.notes.clone(),
        ContactField::StayInTouch => contact
            .stay_in_touch_days
            .map(|d| format!("every {d} days"))
            .unwrap_or_default(),
        ContactField::Phone => contact.phone.clone(),
        ContactField::OtherLink => contact.other_link.clone(),
        ContactField::HowWeMet => contact.how_we_met.clone(),
        ContactField::ExpectedFear => contact
            .expected_fear
            .map(|level| format!("{level} of 10"))
            .unwrap_or_default(),
        ContactField::Tags => String::new(),
    }
}

const MERGED_FIELDS: [ContactField; 11] = [
    ContactField::Name,
    ContactField::Company,
    ContactField::Role,
    ContactField::Email,
    ContactField::Phone,
    ContactField::Linkedin,
    ContactField::OtherLink,
    ContactField::HowWeMet,
    ContactField::Notes,
    ContactField::StayInTouch,
    ContactField::ExpectedFear,
];

impl Book {
    /// The fields the user must choose between when merging `merged` into `kept`.
    pub fn merge_conflicts(
        &self,
        kept: ContactId,
        merged: ContactId,
    ) -> Result<Vec<Conflict>, ModelError> {
        let a = self.contact(kept).ok_or(ModelError::UnknownContact(kept))?;
        let b = self
            .contact(merged)
            .ok_or(ModelError::UnknownContact(merged))?;
        Ok(MERGED_FIELDS
            .into_iter()
            .map(|field| Conflict {
                field,
                kept: text_of(a, field),
                merged: text_of(b, field),
            })
            .filter(|c| !c.kept.is_empty() && !c.merged.is_empty() && c.kept != c.merged)
            .collect())
    }

    /// Merges `merged` into `kept`: its reach-outs move over, tags are joined, empty fields are
    /// filled, and each conflict takes the side in `choices` (the kept side when not chosen).
    pub fn merge_contacts(
        &mut self,
        kept: ContactId,
        merged: ContactId,
        choices: &[(ContactField, Side)],
        now: DateTime<Utc>,
    ) -> Result<Undo, ModelError> {
        if kept == merged {
            return Err(ModelError::MergeWithItself);
        }
        let other = self
            .contact(merged)
            .cloned()
            .ok_or(ModelError::UnknownContact(merged))?;
        let before = self
            .contact(kept)
            .cloned()
            .ok_or(ModelError::UnknownContact(kept))?;
        let conflicts = self.merge_conflicts(kept, merged)?;
        let take_other = |field| {
            conflicts.iter().any(|c| c.field == field)
                && choices
                    .iter()
                    .any(|(f, side)| *f == field && *side == Side::Merged)
        };
        let pick = |mine: &str, theirs: &str, field| {
            if mine.is_empty() || take_other(field) {
                theirs.to_string()
            } else {
                mine.to_string()
            }
        };
        let mut result = before.clone();
        result.name = pick(&before.name, &other.name, ContactField::Name);
        result.company = pick(&before.company, &other.company, ContactField::Company);
        result.role = pick(&before.role, &other.role, ContactField::Role);
        result.email = pick(&before.email, &other.email, ContactField::Email);
        result.linkedin = pick(&before.linkedin, &other.linkedin, ContactField::Linkedin);
        result.notes = pick(&before.notes, &other.notes, ContactField::Notes);
        result.phone = pick(&before.phone, &other.phone, ContactField::Phone);
        result.other_link = pick(
            &before.other_link,
            &other.other_link,
            ContactField::OtherLink,
        );
        result.how_we_met = pick(
            &before.how_we_met,
            &other.how_we_met,
            ContactField::HowWeMet,
        );
        if before.expected_fear.is_none() || take_other(ContactField::ExpectedFear) {
            result.expected_fear = other.expected_fear.or(before.expected_fear);
        }
        if before.stay_in_touch_days.is_none() || take_other(ContactField::StayInTouch) {
            result.stay_in_touch_days = other.stay_in_touch_days.or(before.stay_in_touch_days);
        }
        for tag in &other.tags {
            if !result
                .tags
                .iter()
                .any(|t| t.to_lowercase() == tag.to_lowercase())
            {
                result.tags.push(tag.clone());
            }
        }
        result.created = before.created.min(other.created);
        result.updated = now;

        let mut moved = Vec::new();
        for reach_out in self.reach_outs.iter_mut().filter(|r| r.contact == merged) {
            reach_out.contact = kept;
            moved.push(reach_out.id);
        }
        let mut moved_near_misses = Vec::new();
        for near_miss in &mut self.near_misses {
            if near_miss.contact == Some(merged) {
                near_miss.contact = Some(kept);
                moved_near_misses.push(near_miss.id);
            }
        }
        self.contacts.retain(|c| c.id != merged);
        self.mark_deleted([&other], now);
        if let Some(slot) = self.contacts.iter_mut().find(|c| c.id == kept) {
            *slot = result;
        }
        Ok(Undo::Unmerge(Box::new(Unmerge {
            kept_before: before,
            merged: other,
            moved,
            moved_near_misses,
        })))
    }

    /// Takes back closing a loop: only what the closing changed, and only where it still holds
    /// what the closing set, so a change made since (here or in another tab) is kept.
    fn reopen(&mut self, r: Reopen) {
        let before = r.before;
        match r.logged {
            Some(logged) => {
                // The last note goes, unless something has followed it up since.
                if !self.reach_outs.iter().any(|x| x.follows_up == Some(logged)) {
                    self.reach_outs.retain(|x| x.id != logged);
                    for near_miss in &mut self.near_misses {
                        if near_miss.reached == Some(logged) {
                            near_miss.reached = None;
                        }
                    }
                }
                if let Some(slot) = self.reach_outs.iter_mut().find(|x| x.id == before.id) {
                    if before.outcome.is_awaiting() && slot.outcome == super::Outcome::NoResponse {
                        slot.outcome = before.outcome;
                        slot.outcome_date = before.outcome_date;
                    }
                    if slot.snoozed_until.is_none() {
                        slot.snoozed_until = before.snoozed_until;
                    }
                }
                if let Some(person) = self.contacts.iter_mut().find(|c| c.id == before.contact) {
                    if person.stay_in_touch_snoozed_until.is_none() {
                        person.stay_in_touch_snoozed_until = r.snoozed_until;
                    }
                }
            }
            None => {
                if let Some(slot) = self.reach_outs.iter_mut().find(|x| x.id == before.id) {
                    slot.loop_closed = before.loop_closed;
                }
            }
        }
    }

    /// Takes back a delete, a merge or a closed loop.
    pub fn undo(&mut self, undo: Undo) {
        match undo {
            Undo::Restore(removed) => self.restore(removed),
            Undo::Reopen(r) => self.reopen(*r),
            Undo::Reschedule(r) => self.undo_start_fresh(r),
            Undo::Unmerge(u) => {
                let u = *u;
                let merged_id = u.merged.id;
                if let Some(slot) = self.contacts.iter_mut().find(|c| c.id == u.kept_before.id) {
                    *slot = u.kept_before;
                }
                if self.contact(merged_id).is_none() {
                    self.contacts.push(u.merged);
                }
                self.deleted.retain(|d| d.id != merged_id);
                for reach_out in self
                    .reach_outs
                    .iter_mut()
                    .filter(|r| u.moved.contains(&r.id))
                {
                    reach_out.contact = merged_id;
                }
                for near_miss in &mut self.near_misses {
                    if u.moved_near_misses.contains(&near_miss.id) {
                        near_miss.contact = Some(merged_id);
                    }
                }
            }
        }
    }
}
