//! Two devices, no server: a backup from another device merged into this one's data with the
//! same per-record, per-field merge that keeps two tabs in step ([`super::sync::merge`]).
//!
//! Two tabs know their common ancestor (the data both read); two devices do not. It is
//! rebuilt from what both hold: a record with the same id and the same creation time on both
//! sides is one record (both devices got it from the same backup); where the two versions
//! differ, the older one stands in for the ancestor, so the newer edit is kept (for a contact,
//! the later `updated`; for a reach-out, the one with an answer over one still awaiting, else
//! this device's). Records with the same id but another creation time were made on each device
//! separately: both are kept, this device's under a new id. Records only one side has are kept,
//! so a contact deleted on one device comes back from the other; the preview says so.

use std::collections::HashMap;

use super::{sync, Book, Contact, Limits, ModelError, ReachOut};

/// What merging a backup from another device would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeviceMerge {
    /// Contacts and reach-outs only the backup has: they are added.
    pub contacts_added: usize,
    pub reach_outs_added: usize,
    /// Contacts both have in different versions: the newer edit is kept.
    pub contacts_changed: usize,
    /// Contacts only this device has: they stay.
    pub contacts_kept: usize,
    pub contacts_after: usize,
    pub reach_outs_after: usize,
}

/// The versions both sides share, as the ancestor of a three-way merge.
fn common_ancestor(mine: &Book, theirs: &Book) -> Book {
    let their_contacts: HashMap<_, &Contact> = theirs.contacts.iter().map(|c| (c.id, c)).collect();
    let their_reach_outs: HashMap<_, &ReachOut> =
        theirs.reach_outs.iter().map(|r| (r.id, r)).collect();
    let contacts = mine
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
    let reach_outs = mine
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
    }
}

/// This device's data with the backup's merged in, and what that changes. Refused when the
/// records made on both devices under the same ids cannot all be given ids within range.
pub fn merge_devices(mine: &Book, theirs: &Book) -> Result<(Book, DeviceMerge), ModelError> {
    let merged = sync::merge(&common_ancestor(mine, theirs), mine, theirs);
    if merged.highest_id() > Limits::MAX_ID || merged.next_id > Limits::MAX_ID.saturating_add(1) {
        return Err(ModelError::OutOfIds);
    }
    // A merge whose ids reach the top would leave every later import and form refused.
    if merged.ids_left() < super::book::FEW_IDS {
        return Err(ModelError::FewIdsLeft);
    }
    let their_contacts: HashMap<_, &Contact> = theirs.contacts.iter().map(|c| (c.id, c)).collect();
    let preview = DeviceMerge {
        contacts_added: merged.contacts.len().saturating_sub(mine.contacts.len()),
        reach_outs_added: merged
            .reach_outs
            .len()
            .saturating_sub(mine.reach_outs.len()),
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
            .filter(|m| !their_contacts.contains_key(&m.id))
            .count(),
        contacts_after: merged.contacts.len(),
        reach_outs_after: merged.reach_outs.len(),
    };
    Ok((merged, preview))
}
