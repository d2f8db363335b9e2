//! Near misses: "I almost reached out, but didn't". Avoidance made visible without shame, and
//! a near miss can still become a reach-out later.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::validate::{check_length, Limits};
use super::{Book, ContactId, ModelError, ReachOutId};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NearMiss {
    /// Numbered on their own, 1 and up: nothing else refers to a near miss.
    pub id: u64,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<ContactId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub created: DateTime<Utc>,
    /// The reach-out it became.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached: Option<ReachOutId>,
    /// Put away without reaching out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub let_go: bool,
}

impl NearMiss {
    /// Still waiting to become a reach-out.
    pub fn is_open(&self) -> bool {
        self.reached.is_none() && !self.let_go
    }
}

impl Book {
    /// Notes a near miss on `today`, with an optional contact and note.
    pub fn note_near_miss(
        &mut self,
        contact: Option<ContactId>,
        note: &str,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<u64, ModelError> {
        if let Some(id) = contact {
            self.contact(id).ok_or(ModelError::UnknownContact(id))?;
        }
        let note = note.trim().to_string();
        check_length(&note, Limits::REACH_OUT_NOTE).map_err(ModelError::NoteTooLong)?;
        let id = self.near_misses.iter().map(|n| n.id).max().unwrap_or(0) + 1;
        if id > Limits::MAX_ID {
            return Err(ModelError::OutOfIds);
        }
        self.near_misses.push(NearMiss {
            id,
            date: today,
            contact,
            note,
            created: now,
            reached: None,
            let_go: false,
        });
        Ok(id)
    }

    fn near_miss_mut(&mut self, id: u64) -> Result<&mut NearMiss, ModelError> {
        self.near_misses
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or(ModelError::UnknownNearMiss)
    }

    /// Marks a near miss as done: it became the reach-out `reached`.
    pub fn near_miss_reached(&mut self, id: u64, reached: ReachOutId) -> Result<(), ModelError> {
        if self.reach_out(reached).is_none() {
            return Err(ModelError::UnknownReachOut(reached));
        }
        self.near_miss_mut(id)?.reached = Some(reached);
        Ok(())
    }

    /// Puts a near miss away without reaching out; `false` brings it back.
    /// A near miss about someone not in the contacts: adds them (checked as the contact form
    /// checks) and makes the near miss about them, in one step, so that reaching out is the
    /// next tap. Nothing changes when the near miss is unknown or already about someone, or
    /// the draft is refused.
    pub fn add_contact_for_near_miss(
        &mut self,
        id: u64,
        draft: &super::ContactDraft,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<ContactId, ModelError> {
        if !self
            .near_misses
            .iter()
            .any(|n| n.id == id && n.contact.is_none())
        {
            return Err(ModelError::UnknownNearMiss);
        }
        let contact = self.add_contact(draft, now)?;
        self.near_miss_mut(id)?.contact = Some(contact);
        Ok(contact)
    }

    pub fn let_go_near_miss(&mut self, id: u64, let_go: bool) -> Result<(), ModelError> {
        self.near_miss_mut(id)?.let_go = let_go;
        Ok(())
    }

    /// Near misses still open, newest first.
    pub fn open_near_misses(&self) -> Vec<&NearMiss> {
        let mut open: Vec<&NearMiss> = self.near_misses.iter().filter(|n| n.is_open()).collect();
        open.sort_by_key(|n| std::cmp::Reverse((n.date, n.id)));
        open
    }
}
