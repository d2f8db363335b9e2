//! Two devices, no server: a backup from another device merged into this one's data with the
//! same per-record, per-field merge that keeps two tabs in step ([`super::two_tabs::merge`]).
//!
//! Two tabs know their common ancestor (the data both read). Two devices know one when they
//! have exchanged backups before: the last backup this device wrote, once the other device's
//! backup says it merged it, or the last backup merged from that device, while that device's
//! data still descends from it (the caller finds it; see `format::exchange`). Then the merge
//! is field by field against it, exactly as between tabs: each side's edits are kept, a field
//! changed on both keeps this device's value, and a contact deleted on one side and untouched
//! on the other goes.
//!
//! Without one (the first exchange, or one side restored a backup since), the ancestor is
//! rebuilt from what both hold: a record with the same id and the same creation time on both
//! sides is one record; where the two versions differ, the older one stands in for the
//! ancestor, so the newer edit is kept whole (for a contact, the later `updated`; for a
//! reach-out, the one with an answer over one still awaiting, else this device's). Records
//! with the same id but another creation time were made on each device separately: both are
//! kept, this device's under a new id. A record only one side has is kept, unless the other
//! side marked it deleted ([`super::Deleted`]) and nothing was done with it after the delete.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::words::plural;
use super::{two_tabs, Book, Contact, ContactId, Deleted, Limits, ModelError, ReachOut};

/// What merging a backup from another device would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeviceMerge {
    /// True when the merge goes field by field from the last backup both devices exchanged;
    /// false when no such backup is known here, so changed contacts are kept whole.
    pub from_ancestor: bool,
    /// Contacts and reach-outs only the backup has: they are added.
    pub contacts_added: usize,
    pub reach_outs_added: usize,
    /// Contacts both have in different versions.
    pub contacts_changed: usize,
    /// Contacts only this device has: they stay.
    pub contacts_kept: usize,
    /// Contacts here that the other device deleted: they go.
    pub contacts_removed: usize,
    pub contacts_after: usize,
    pub reach_outs_after: usize,
}

impl DeviceMerge {
    /// What the merge would do, one sentence per line of the preview.
    pub fn lines(&self) -> Vec<String> {
        let m = self;
        let mut lines = vec![format!(
            "{} and {} come from the backup.",
            plural(m.contacts_added, "contact", "contacts"),
            plural(m.reach_outs_added, "reach-out", "reach-outs")
        )];
        if m.from_ancestor {
            lines.push(format!(
                "{} both devices changed since you last passed a backup between them: each change is kept, field by field (where both changed one field, this device's is kept).",
                plural(m.contacts_changed, "contact", "contacts")
            ));
        } else {
            lines.push(format!(
                "{} both have in different versions: the newer version of each is kept whole. (This browser knows of no earlier backup passed between the two devices, for example because it is the first, or one of them was restored since, so their changes can't be matched field by field.)",
                plural(m.contacts_changed, "contact", "contacts")
            ));
        }
        lines.push(format!(
            "{} that only this browser has stay as they are.",
            plural(m.contacts_kept, "contact", "contacts")
        ));
        if m.contacts_removed > 0 {
            lines.push(match m.contacts_removed {
                1 => "1 contact you deleted on the other device is deleted here too.".to_string(),
                n => format!("{n} contacts you deleted on the other device are deleted here too."),
            });
        }
        lines.push(format!(
            "After the merge: {} and {}.",
            plural(m.contacts_after, "contact", "contacts"),
            plural(m.reach_outs_after, "reach-out", "reach-outs")
        ));
        lines
    }
}

/// The last time anything was done with `contact` on the side that holds it: its last edit or
/// the last reach-out logged to it.
fn last_touched(contact: &Contact, reach_outs: &[&ReachOut]) -> DateTime<Utc> {
    reach_outs
        .iter()
        .map(|r| r.created)
        .fold(contact.updated, DateTime::max)
}

/// The records `side` has that the other side marked deleted, untouched since the delete.
fn deleted_by_other<'a>(side: &'a Book, other: &Book) -> (Vec<&'a Contact>, Vec<&'a ReachOut>) {
    let marks: HashMap<ContactId, &Deleted> = other.deleted.iter().map(|d| (d.id, d)).collect();
    if marks.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut by_contact: HashMap<ContactId, Vec<&ReachOut>> = HashMap::new();
    for reach_out in &side.reach_outs {
        by_contact
            .entry(reach_out.contact)
            .or_default()
            .push(reach_out);
    }
    let contacts: Vec<&Contact> = side
        .contacts
        .iter()
        .filter(|c| {
            let own = by_contact.get(&c.id).map(Vec::as_slice).unwrap_or(&[]);
            marks
                .get(&c.id)
                .is_some_and(|mark| mark.covers(c, last_touched(c, own)))
        })
        .collect();
    let gone: HashSet<ContactId> = contacts.iter().map(|c| c.id).collect();
    let reach_outs = side
        .reach_outs
        .iter()
        .filter(|r| gone.contains(&r.contact))
        .collect();
    (contacts, reach_outs)
}

/// The versions both sides share, as the ancestor of a three-way merge, when no backup both
/// exchanged is known.
fn rebuilt_ancestor(mine: &Book, theirs: &Book) -> Book {
    let their_contacts: HashMap<_, &Contact> = theirs.contacts.iter().map(|c| (c.id, c)).collect();
    let their_reach_outs: HashMap<_, &ReachOut> =
        theirs.reach_outs.iter().map(|r| (r.id, r)).collect();
    let mut contacts: Vec<Contact> = mine
        .contacts
        .iter()
        .filter_map(|m| {
            let t = their_contacts
                .get(&m.id)
                .filter(|t| t.created == m.created)?;
            Some(if t.updated > m.updated {
                m.clone()
            } else {
                (*t).clone()
            })
        })
        .collect();
    let mut reach_outs: Vec<ReachOut> = mine
        .reach_outs
        .iter()
        .filter_map(|m| {
            let t = their_reach_outs
                .get(&m.id)
                .filter(|t| t.created == m.created)?;
            let theirs_answered = m.outcome.is_awaiting() && !t.outcome.is_awaiting();
            Some(if theirs_answered {
                m.clone()
            } else {
                (*t).clone()
            })
        })
        .collect();
    // A record one side deleted is in the ancestor as the other side holds it: the merge then
    // sees it deleted on one side and unchanged on the other, and lets it go.
    for (side, other) in [(mine, theirs), (theirs, mine)] {
        let (gone, their_reach_outs) = deleted_by_other(side, other);
        contacts.extend(gone.into_iter().cloned());
        reach_outs.extend(their_reach_outs.into_iter().cloned());
    }
    Book {
        next_id: mine.next_id.min(theirs.next_id),
        contacts,
        reach_outs,
        // This device's settings and templates stay; near misses shared unchanged are one.
        settings: theirs.settings.clone(),
        near_misses: mine
            .near_misses
            .iter()
            .filter(|n| theirs.near_misses.contains(n))
            .cloned()
            .collect(),
        templates: theirs.templates.clone(),
        deleted: Vec::new(),
    }
}

/// True when `book` can have grown from `ancestor`: every contact and reach-out of the
/// ancestor is still there (a contact under the same id and creation time) or went with a
/// contact marked deleted. A book that lost records without a mark (data set aside as
/// unreadable, a restore, marks past their retention) does not qualify, so that a stale
/// ancestor can never make a record look deleted.
fn descends_from(book: &Book, ancestor: &Book) -> bool {
    let contacts: HashMap<ContactId, DateTime<Utc>> =
        book.contacts.iter().map(|c| (c.id, c.created)).collect();
    let marked: HashMap<ContactId, DateTime<Utc>> =
        book.deleted.iter().map(|d| (d.id, d.created)).collect();
    let reach_outs: HashSet<u64> = book.reach_outs.iter().map(|r| r.id.0).collect();
    let contact_ok = |c: &Contact| {
        contacts.get(&c.id) == Some(&c.created) || marked.get(&c.id) == Some(&c.created)
    };
    ancestor.contacts.iter().all(contact_ok)
        && ancestor
            .reach_outs
            .iter()
            .all(|r| reach_outs.contains(&r.id.0) || marked.contains_key(&r.contact))
}

/// This device's data with the backup's merged in, and what that changes. `ancestor` is the
/// last backup both devices exchanged, when one is known (see the module's opening comment);
/// it is set aside when either side's data cannot have grown from it.
/// Refused when the records made on both devices under the same ids cannot all be given ids
/// within range.
pub fn merge_devices(
    mine: &Book,
    theirs: &Book,
    ancestor: Option<&Book>,
) -> Result<(Book, DeviceMerge), ModelError> {
    let ancestor = ancestor.filter(|a| descends_from(mine, a) && descends_from(theirs, a));
    let from_ancestor = ancestor.is_some();
    let rebuilt;
    let ancestor = match ancestor {
        Some(ancestor) => ancestor,
        None => {
            rebuilt = rebuilt_ancestor(mine, theirs);
            &rebuilt
        }
    };
    let two_tabs::Merged {
        book: merged,
        moves,
        ..
    } = two_tabs::merge_noting_moves(ancestor, mine, theirs);
    if merged.highest_id() > Limits::MAX_ID || merged.next_id > Limits::MAX_ID.saturating_add(1) {
        return Err(ModelError::OutOfIds);
    }
    // A merge whose ids reach the top would leave every later import and form refused.
    if merged.ids_left() < super::book::FEW_IDS {
        return Err(ModelError::FewIdsLeft);
    }
    let moved_from: HashSet<u64> = moves.iter().map(|(old, _)| *old).collect();
    let moved_to: HashSet<u64> = moves.iter().map(|(_, new)| *new).collect();
    let merged_contacts: HashSet<ContactId> = merged.contacts.iter().map(|c| c.id).collect();
    let my_contacts: HashSet<ContactId> = mine.contacts.iter().map(|c| c.id).collect();
    let my_reach_outs: HashSet<u64> = mine.reach_outs.iter().map(|r| r.id.0).collect();
    let their_contacts: HashMap<_, &Contact> = theirs.contacts.iter().map(|c| (c.id, c)).collect();
    // A record of the merged book is this device's when it kept its id here, or moved to a
    // new one; any other came from the backup.
    let is_new = |id: u64, here: &HashSet<u64>| {
        !moved_to.contains(&id) && (!here.contains(&id) || moved_from.contains(&id))
    };
    let my_contact_ids: HashSet<u64> = my_contacts.iter().map(|c| c.0).collect();
    let preview = DeviceMerge {
        from_ancestor,
        contacts_added: merged
            .contacts
            .iter()
            .filter(|c| is_new(c.id.0, &my_contact_ids))
            .count(),
        reach_outs_added: merged
            .reach_outs
            .iter()
            .filter(|r| is_new(r.id.0, &my_reach_outs))
            .count(),
        contacts_changed: mine
            .contacts
            .iter()
            .filter(|m| {
                their_contacts
                    .get(&m.id)
                    .is_some_and(|t| t.created == m.created && *t != *m)
            })
            .count(),
        contacts_kept: mine
            .contacts
            .iter()
            .filter(|m| !their_contacts.contains_key(&m.id) && merged_contacts.contains(&m.id))
            .count(),
        contacts_removed: mine
            .contacts
            .iter()
            .filter(|m| !merged_contacts.contains(&m.id) && !moved_from.contains(&m.id.0))
            .count(),
        contacts_after: merged.contacts.len(),
        reach_outs_after: merged.reach_outs.len(),
    };
    Ok((merged, preview))
}
