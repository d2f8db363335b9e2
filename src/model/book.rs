//! The user's whole record: every contact and reach-out, and the operations that change them.
//! It is plain data so that it can be saved, tested and compared without a browser.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::contact::{edit_conflicts, Contact, ContactDraft, EditConflict};
use super::courage::After;
use super::reach_out::{ReachOut, ReachOutDraft, ReachOutField};
use super::validate::{FieldErrors, Limits};
use super::{ContactId, IdMap, ModelError, NearMiss, Outcome, ReachOutId, Settings, Template};

/// Everything a person keeps: contacts, reach-outs and what sits beside them.
///
/// The fields stay public for the readers and writers in `format/` (which build a book field by
/// field, then run [`Book::check_consistency`] and [`Book::bring_into_range`] on it) and for the
/// tests that build damaged books on purpose. Pages, components and the state never write a
/// field: they change a book only through its methods, each of which checks its input before it
/// changes anything, and look records up through [`Book::contact`], [`Book::reach_out`] and
/// friends.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Book {
    /// The next id to hand out, shared by contacts and reach-outs; it only grows, so an id
    /// is never reused, even after a delete.
    pub next_id: u64,
    pub contacts: Vec<Contact>,
    pub reach_outs: Vec<ReachOut>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub near_misses: Vec<NearMiss>,
    /// The person's message templates; `None` while they use the starters unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub templates: Option<Vec<Template>>,
    /// Contacts deleted lately, for merging with another device's backup.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<super::Deleted>,
}

/// Below this many ids left, a restored book is renumbered and a merge is refused.
pub const FEW_IDS: u64 = 100_000;

impl Book {
    /// How many new records can still be given an id.
    pub fn ids_left(&self) -> u64 {
        Limits::MAX_ID
            .saturating_add(1)
            .saturating_sub(self.next_id)
    }

    /// The same book with contacts and reach-outs numbered from 1 in their order, every link
    /// (a reach-out's contact and the one it follows up, a near miss's contact and reach-out)
    /// following its record: what a restore does when the ids are nearly used up, so that
    /// "download a backup and restore it" gives room again.
    pub fn renumbered(&self) -> Book {
        let mut book = self.clone();
        let mut next = 1u64;
        let mut contacts = IdMap::default();
        for c in &mut book.contacts {
            contacts.insert(c.id, ContactId(next));
            c.id = ContactId(next);
            next += 1;
        }
        let mut reach_outs = IdMap::default();
        for r in &mut book.reach_outs {
            reach_outs.insert(r.id, ReachOutId(next));
            r.id = ReachOutId(next);
            next += 1;
        }
        for r in &mut book.reach_outs {
            if let Some(c) = contacts.get(&r.contact) {
                r.contact = *c;
            }
            r.follows_up = r.follows_up.and_then(|f| reach_outs.get(&f).copied());
        }
        for n in &mut book.near_misses {
            n.contact = n.contact.and_then(|c| contacts.get(&c).copied());
            n.reached = n.reached.and_then(|r| reach_outs.get(&r).copied());
        }
        // The marks name the old ids, which no other device will see again.
        book.deleted.clear();
        book.next_id = next;
        book
    }
}

impl Book {
    /// Hands out the next id. Ids start at 1 so that 0 is never a real record, and stop at
    /// [`Limits::MAX_ID`]: refused, never wrapped round onto an existing record.
    pub(super) fn take_id(&mut self) -> Result<u64, ModelError> {
        let id = self.next_id.max(1);
        if id > Limits::MAX_ID {
            return Err(ModelError::OutOfIds);
        }
        self.next_id = id + 1;
        Ok(id)
    }

    /// Makes this book equal to `other`, cloning only the records that differ at the same
    /// place: after a save, the copy kept for merging with other tabs catches up in a few
    /// milliseconds at 60,000 records instead of being cloned whole.
    pub fn catch_up(&mut self, other: &Book) {
        fn records<T: Clone + PartialEq>(mine: &mut Vec<T>, theirs: &[T]) {
            mine.truncate(theirs.len());
            for (slot, record) in mine.iter_mut().zip(theirs) {
                if slot != record {
                    *slot = record.clone();
                }
            }
            let have = mine.len();
            mine.extend(theirs[have..].iter().cloned());
        }
        records(&mut self.contacts, &other.contacts);
        records(&mut self.reach_outs, &other.reach_outs);
        self.catch_up_head(other);
    }

    /// [`Book::catch_up`] for everything but the two lists of records: the id counter,
    /// settings, near misses and templates.
    pub fn catch_up_head(&mut self, other: &Book) {
        self.next_id = other.next_id;
        if self.settings != other.settings {
            self.settings = other.settings.clone();
        }
        if self.near_misses != other.near_misses {
            self.near_misses = other.near_misses.clone();
        }
        if self.templates != other.templates {
            self.templates = other.templates.clone();
        }
        if self.deleted != other.deleted {
            self.deleted = other.deleted.clone();
        }
    }

    /// The reach-out with this id. Like contacts, reach-outs are mostly in the order of their
    /// ids, so a binary search finds one at once; else every one is looked at.
    pub fn reach_out(&self, id: ReachOutId) -> Option<&ReachOut> {
        match self.reach_outs.binary_search_by_key(&id, |r| r.id) {
            Ok(at) => self.reach_outs.get(at),
            Err(_) => self.reach_outs.iter().find(|r| r.id == id),
        }
    }

    /// Contacts are mostly kept in the order they were added, which is the order of their ids,
    /// so a binary search finds one at once; when it misses (another order, or no such contact)
    /// every contact is looked at.
    pub fn contact(&self, id: ContactId) -> Option<&Contact> {
        match self.contacts.binary_search_by_key(&id, |c| c.id) {
            Ok(at) => self.contacts.get(at),
            Err(_) => self.contacts.iter().find(|c| c.id == id),
        }
    }

    /// Contacts in the order a person looks for them: by name, ignoring case.
    pub fn contacts_by_name(&self) -> Vec<&Contact> {
        let mut contacts: Vec<&Contact> = self.contacts.iter().collect();
        contacts.sort_by_cached_key(|c| (c.name.to_lowercase(), c.id));
        contacts
    }

    pub fn add_contact(
        &mut self,
        draft: &ContactDraft,
        now: DateTime<Utc>,
    ) -> Result<ContactId, ModelError> {
        let valid = draft.validate().map_err(ModelError::InvalidContact)?;
        let id = ContactId(self.take_id()?);
        let mut contact = Contact {
            id,
            name: String::new(),
            company: String::new(),
            role: String::new(),
            email: String::new(),
            linkedin: String::new(),
            tags: Vec::new(),
            notes: String::new(),
            created: now,
            updated: now,
            stay_in_touch_days: None,
            stay_in_touch_snoozed_until: None,
            archived: false,
            phone: String::new(),
            other_link: String::new(),
            how_we_met: String::new(),
            expected_fear: None,
        };
        valid.apply(&mut contact, |_| true);
        self.contacts.push(contact);
        Ok(id)
    }

    pub fn update_contact(
        &mut self,
        id: ContactId,
        draft: &ContactDraft,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        // Validate before looking the contact up mutably, so a refused edit changes nothing.
        let valid = draft.validate().map_err(ModelError::InvalidContact)?;
        let contact = self
            .contacts
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(ModelError::UnknownContact(id))?;
        valid.apply(contact, |_| true);
        contact.updated = now;
        Ok(())
    }

    /// Saves an edit form: only the fields the person changed (`after` differs from `before`,
    /// the form as it opened) are written, so a form left open while another tab saved other
    /// fields never writes its stale values over theirs.
    /// The fields another tab changed while the edit form of contact `id` was open (it
    /// opened as `before`) that the form changed too: what [`Book::edit_contact`] would
    /// overwrite. Ask before saving.
    pub fn edit_conflicts(
        &self,
        id: ContactId,
        before: &ContactDraft,
        after: &ContactDraft,
    ) -> Vec<EditConflict> {
        self.contact(id).map_or_else(Vec::new, |contact| {
            edit_conflicts(before, &ContactDraft::from_contact(contact), after)
        })
    }

    pub fn edit_contact(
        &mut self,
        id: ContactId,
        before: &ContactDraft,
        after: &ContactDraft,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        let valid = after.validate().map_err(ModelError::InvalidContact)?;
        let contact = self
            .contacts
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(ModelError::UnknownContact(id))?;
        let changed = valid.apply(contact, |field| before.field(field) != after.field(field));
        if changed {
            contact.updated = now;
        }
        Ok(())
    }

    pub fn log_reach_out(
        &mut self,
        contact: ContactId,
        draft: &ReachOutDraft,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ReachOutId, ModelError> {
        if self.contact(contact).is_none() {
            return Err(ModelError::UnknownContact(contact));
        }
        let (channel, date, note, before) =
            draft.validate(today).map_err(ModelError::InvalidReachOut)?;
        if let Some(earlier) = draft.follows_up {
            self.check_follow_up(contact, earlier, date)?;
        }
        // Taken before anything changes: a refusal leaves the book as it was.
        let id = ReachOutId(self.take_id()?);
        if let Some(earlier) = draft.follows_up {
            // Following up says the earlier one got no answer; the thread goes on from here.
            if let Some(original) = self.reach_outs.iter_mut().find(|r| r.id == earlier) {
                if original.outcome == Outcome::Awaiting {
                    original.outcome = Outcome::NoResponse;
                    original.outcome_date = Some(date);
                }
                original.snoozed_until = None;
            }
        }
        // Any contact resets the stay-in-touch rhythm, snooze included.
        if let Some(person) = self.contacts.iter_mut().find(|c| c.id == contact) {
            person.stay_in_touch_snoozed_until = None;
        }
        self.reach_outs.push(ReachOut {
            id,
            contact,
            channel,
            date,
            note,
            created: now,
            follows_up: draft.follows_up,
            outcome: Outcome::Awaiting,
            outcome_date: None,
            outcome_note: String::new(),
            snoozed_until: None,
            loop_closed: false,
            before,
            after: After::default(),
        });
        // An open near miss about this person, from before this day, became this reach-out.
        for near_miss in &mut self.near_misses {
            if near_miss.contact == Some(contact)
                && near_miss.reached.is_none()
                && !near_miss.let_go
                && near_miss.date <= date
            {
                near_miss.reached = Some(id);
            }
        }
        Ok(id)
    }

    /// A follow-up must follow a reach-out of the same contact, and not be dated before it.
    fn check_follow_up(
        &self,
        contact: ContactId,
        earlier: ReachOutId,
        date: NaiveDate,
    ) -> Result<(), ModelError> {
        let original = self
            .reach_outs
            .iter()
            .find(|r| r.id == earlier && r.contact == contact)
            .ok_or(ModelError::UnknownReachOut(earlier))?;
        // The new reach-out's id is the next one, above every id in use.
        let place = super::ThreadPlace {
            contact,
            date,
            id: ReachOutId(self.next_id.max(original.id.0 + 1)),
        };
        if !place.may_follow(original.place()) {
            let mut errors = FieldErrors::default();
            errors.add(
                ReachOutField::Date,
                format!(
                    "A follow-up can't be dated before the reach-out it follows up ({}).",
                    super::words::long_day(original.date)
                ),
            );
            return Err(ModelError::InvalidReachOut(errors));
        }
        Ok(())
    }
}
