//! Deleting, with undo: what a delete removed is handed back whole, so restoring it puts every
//! record back with its own id. Bulk changes to several contacts at once live here too.
//!
//! A deleted contact leaves a [`Deleted`] mark in the book, which backups carry, so that a
//! merge with another device's backup can tell "deleted here" from "added there" (see
//! [`super::two_devices`]). Marks are kept for [`Limits::DELETIONS_KEPT_DAYS`] days and at
//! most [`Limits::DELETIONS`] of them, the newest.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::validate::Limits;
use super::words::plural;
use super::{Book, Contact, ContactId, IdSet, ModelError, ReachOut, ReachOutId};

/// A contact deleted on this device: its id and creation time (which tell it from a contact
/// made under the same id on another device) and when it was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deleted {
    pub id: ContactId,
    pub created: DateTime<Utc>,
    pub on: DateTime<Utc>,
}

impl Deleted {
    /// True when `contact` is the one deleted and nothing was done with it after the delete.
    pub fn covers(&self, contact: &Contact, last_touched: DateTime<Utc>) -> bool {
        self.id == contact.id && self.created == contact.created && last_touched <= self.on
    }
}

/// What a delete took out of the book; [`Book::restore`] puts it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub contacts: Vec<Contact>,
    pub reach_outs: Vec<ReachOut>,
    /// Near misses that named a deleted contact: their id, whom, and the reach-out they became.
    /// They stay, without the name and the link.
    pub near_misses: Vec<(u64, ContactId, Option<ReachOutId>)>,
}

impl Removed {
    /// "Ana Lima and 3 reach-outs", "2 contacts".
    pub fn describe(&self) -> String {
        let who = match self.contacts.as_slice() {
            [one] => one.name.clone(),
            many => format!("{} contacts", many.len()),
        };
        match self.reach_outs.len() {
            0 => who,
            1 => format!("{who} and 1 reach-out"),
            n => format!("{who} and {n} reach-outs"),
        }
    }
}

/// What tagging several contacts did: how many gained the tag, had it already, or were
/// skipped because they hold the most tags a contact can have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tagged {
    pub added: usize,
    pub already: usize,
    pub full: usize,
}

impl Tagged {
    /// "Tagged 3 contacts with "mentor" (1 already had it; 2 have the most tags a contact can have)."
    pub fn describe(&self, tag: &str) -> String {
        let mut notes = Vec::new();
        if self.already > 0 {
            notes.push(format!("{} already had it", self.already));
        }
        if self.full > 0 {
            notes.push(format!(
                "{} skipped: {} tags is the most a contact can have",
                self.full,
                Limits::TAGS
            ));
        }
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", notes.join("; "))
        };
        format!(
            "Tagged {} with \"{tag}\"{notes}.",
            plural(self.added, "contact", "contacts")
        )
    }
}

impl Book {
    /// How many reach-outs the given contacts have, so the user can be asked before a delete.
    pub fn reach_out_count(&self, ids: &[ContactId]) -> usize {
        // A set, so that selecting every one of 10,000 contacts stays one pass.
        let ids: IdSet<ContactId> = ids.iter().copied().collect();
        self.reach_outs
            .iter()
            .filter(|r| ids.contains(&r.contact))
            .count()
    }

    /// "Delete 3 contacts and their 12 reach-outs?": what deleting `ids` asks first.
    pub fn delete_question(&self, ids: &[ContactId]) -> String {
        let contacts = plural(ids.len(), "contact", "contacts");
        match self.reach_out_count(ids) {
            0 => format!("Delete {contacts}?"),
            n => format!(
                "Delete {contacts} and {} {}?",
                if ids.len() == 1 { "its" } else { "their" },
                plural(n, "reach-out", "reach-outs")
            ),
        }
    }

    /// Notes that `contacts` were deleted at `now`, and forgets marks past the retention rule.
    pub(super) fn mark_deleted<'a>(
        &mut self,
        contacts: impl IntoIterator<Item = &'a Contact>,
        now: DateTime<Utc>,
    ) {
        for contact in contacts {
            self.deleted.retain(|d| d.id != contact.id);
            self.deleted.push(Deleted {
                id: contact.id,
                created: contact.created,
                on: now,
            });
        }
        self.forget_old_deletions(now);
    }

    /// Keeps the marks of the last [`Limits::DELETIONS_KEPT_DAYS`] days, at most
    /// [`Limits::DELETIONS`] of them (the newest).
    pub fn forget_old_deletions(&mut self, now: DateTime<Utc>) {
        let since = now - Duration::days(Limits::DELETIONS_KEPT_DAYS);
        self.deleted.retain(|d| d.on >= since);
        if self.deleted.len() > Limits::DELETIONS {
            self.deleted.sort_by_key(|d| std::cmp::Reverse(d.on));
            self.deleted.truncate(Limits::DELETIONS);
        }
    }

    /// Deletes contacts together with their reach-outs, so nothing is left orphaned, and
    /// marks them deleted (see [`Deleted`]).
    pub fn delete_contacts(
        &mut self,
        ids: &[ContactId],
        now: DateTime<Utc>,
    ) -> Result<Removed, ModelError> {
        if let Some(missing) = ids.iter().find(|id| self.contact(**id).is_none()) {
            return Err(ModelError::UnknownContact(*missing));
        }
        let (contacts, kept): (Vec<Contact>, Vec<Contact>) = std::mem::take(&mut self.contacts)
            .into_iter()
            .partition(|c| ids.contains(&c.id));
        self.contacts = kept;
        let (reach_outs, kept): (Vec<ReachOut>, Vec<ReachOut>) =
            std::mem::take(&mut self.reach_outs)
                .into_iter()
                .partition(|r| ids.contains(&r.contact));
        self.reach_outs = kept;
        let mut near_misses = Vec::new();
        for near_miss in &mut self.near_misses {
            if let Some(contact) = near_miss.contact.filter(|c| ids.contains(c)) {
                near_misses.push((near_miss.id, contact, near_miss.reached));
                near_miss.contact = None;
                near_miss.reached = None;
            }
        }
        self.mark_deleted(&contacts, now);
        Ok(Removed {
            contacts,
            reach_outs,
            near_misses,
        })
    }

    /// Puts deleted records back. Records whose id is in use again (which cannot happen, as ids
    /// are never reused) are skipped rather than duplicated.
    pub fn restore(&mut self, removed: Removed) {
        for contact in removed.contacts {
            self.deleted.retain(|d| d.id != contact.id);
            if self.contact(contact.id).is_none() {
                self.contacts.push(contact);
            }
        }
        for reach_out in removed.reach_outs {
            let known = self.contact(reach_out.contact).is_some();
            if known && self.reach_out(reach_out.id).is_none() {
                self.reach_outs.push(reach_out);
            }
        }
        for (id, contact, reached) in removed.near_misses {
            let known = self.contact(contact).is_some();
            let reach_out_back = reached.filter(|r| self.reach_out(*r).is_some());
            if let Some(near_miss) = self.near_misses.iter_mut().find(|n| n.id == id) {
                if known && near_miss.contact.is_none() {
                    near_miss.contact = Some(contact);
                    near_miss.reached = near_miss.reached.or(reach_out_back);
                }
            }
        }
    }

    /// Archives or unarchives several contacts at once.
    pub fn set_archived_many(&mut self, ids: &[ContactId], archived: bool, now: DateTime<Utc>) {
        for contact in self.contacts.iter_mut().filter(|c| ids.contains(&c.id)) {
            contact.archived = archived;
            contact.updated = now;
        }
    }

    /// Adds one tag to several contacts; those that have it already (ignoring case) keep theirs.
    pub fn tag_many(
        &mut self,
        ids: &[ContactId],
        tag: &str,
        now: DateTime<Utc>,
    ) -> Result<Tagged, ModelError> {
        let tag = tag.trim();
        if tag.is_empty() || tag.contains(',') || tag.chars().count() > Limits::TAG {
            return Err(ModelError::BadTag);
        }
        let mut tagged = Tagged::default();
        for contact in self.contacts.iter_mut().filter(|c| ids.contains(&c.id)) {
            if contact
                .tags
                .iter()
                .any(|t| t.to_lowercase() == tag.to_lowercase())
            {
                tagged.already += 1;
            } else if contact.tags.len() >= Limits::TAGS {
                tagged.full += 1;
            } else {
                contact.tags.push(tag.to_string());
                contact.updated = now;
                tagged.added += 1;
            }
        }
        Ok(tagged)
    }
}
