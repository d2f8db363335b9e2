//! What an import changed, kept as a book of its own ([`changes`]), so that undoing the import
//! takes out only that ([`take_back`]) while what was done since stays, by the same three-way
//! merge as two tabs.

use super::*;

/// What changed from `before` to `after` (an import), as a book of its own: the contacts and
/// reach-outs `after` added or changed, the contacts those reach-outs name (so that it is a
/// whole book that can be stored and checked like any other), and `after`'s id counter.
pub fn changes(before: &Book, after: &Book) -> Book {
    let old_contacts: HashMap<ContactId, &Contact> =
        before.contacts.iter().map(|c| (c.id, c)).collect();
    let old_reach_outs: HashMap<ReachOutId, &ReachOut> =
        before.reach_outs.iter().map(|r| (r.id, r)).collect();
    let reach_outs: Vec<ReachOut> = after
        .reach_outs
        .iter()
        .filter(|r| old_reach_outs.get(&r.id) != Some(r))
        .cloned()
        .collect();
    let named: HashSet<ContactId> = reach_outs.iter().map(|r| r.contact).collect();
    let contacts = after
        .contacts
        .iter()
        .filter(|c| old_contacts.get(&c.id) != Some(c) || named.contains(&c.id))
        .cloned()
        .collect();
    Book {
        next_id: after.next_id,
        contacts,
        reach_outs,
        ..Book::default()
    }
}

/// `before` with the records of `changes` (made by [`changes`]) put in: the book as the
/// change left it.
pub fn with_changes(before: &Book, changes: &Book) -> Book {
    let mut after = before.clone();
    for contact in &changes.contacts {
        match after.contacts.iter_mut().find(|c| c.id == contact.id) {
            Some(slot) => *slot = contact.clone(),
            None => after.contacts.push(contact.clone()),
        }
    }
    let at: HashMap<ReachOutId, usize> = after
        .reach_outs
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id, i))
        .collect();
    for reach_out in &changes.reach_outs {
        match at.get(&reach_out.id) {
            Some(i) => after.reach_outs[*i] = reach_out.clone(),
            None => after.reach_outs.push(reach_out.clone()),
        }
    }
    after.next_id = after.next_id.max(changes.next_id);
    after
}

/// Takes back a change (an import) that turned `before` into `after`, keeping everything done
/// since in `now`: a three-way merge in which `after` is the common ancestor. Records the
/// change added go, and fields it filled in are emptied again, unless they were changed
/// since; a contact the change added that has been edited or reached out to since stays.
/// The second value names those contacts, for the person to be told.
pub fn take_back(before: &Book, after: &Book, now: &Book) -> (Book, Vec<String>) {
    let taken_back = merge(after, now, before);
    let had: HashSet<ContactId> = before.contacts.iter().map(|c| c.id).collect();
    let added: HashSet<ContactId> = after
        .contacts
        .iter()
        .map(|c| c.id)
        .filter(|id| !had.contains(id))
        .collect();
    let kept = taken_back
        .contacts
        .iter()
        .filter(|c| added.contains(&c.id))
        .map(|c| c.name.clone())
        .collect();
    (taken_back, kept)
}
