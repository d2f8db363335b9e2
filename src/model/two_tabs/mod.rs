//! Merging two tabs' versions of the book, so that neither tab's edit is lost.
//!
//! A three-way merge per record and per field: `ancestor` is the version both started from,
//! `mine` and `theirs` are what each made of it. A record changed on one side only takes that
//! side; a record changed on both sides takes, field by field, whichever side changed the
//! field (this tab's value when both changed the same field). An edit beats a delete of the
//! same record, and a record that a kept record points to is brought back, so the merged book is
//! always consistent. Records both tabs created under the same id are told apart by giving this
//! tab's record a new id.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

mod import_changes;

pub use import_changes::{changes, take_back, with_changes};

use super::contact::edit_conflicts;
use super::{
    Book, Contact, ContactDraft, ContactId, Deleted, EditConflict, NearMiss, ReachOut, ReachOutId,
    Template,
};

/// Something merged record by record under an id.
trait Record: Clone + PartialEq + Serialize + DeserializeOwned {
    fn key(&self) -> u64;
}

impl Record for Contact {
    fn key(&self) -> u64 {
        self.id.0
    }
}

impl Record for ReachOut {
    fn key(&self) -> u64 {
        self.id.0
    }
}

impl Record for NearMiss {
    fn key(&self) -> u64 {
        self.id
    }
}

impl Record for Deleted {
    fn key(&self) -> u64 {
        self.id.0
    }
}

impl Record for Template {
    fn key(&self) -> u64 {
        self.id
    }
}

/// Templates, merged one by one like records when both tabs changed them (each side starting
/// from the starters if it had not changed them before); a template both tabs added under the
/// same number is kept twice, this tab's under a new number.
fn merge_templates(ancestor: &Book, mine: &Book, theirs: &Book) -> Option<Vec<Template>> {
    if mine.templates == ancestor.templates {
        return theirs.templates.clone();
    }
    if theirs.templates == ancestor.templates || theirs.templates == mine.templates {
        return mine.templates.clone();
    }
    let (old, mut mine_list, their_list) =
        (ancestor.templates(), mine.templates(), theirs.templates());
    let old_ids: HashSet<u64> = old.iter().map(|t| t.id).collect();
    let their_ids: HashSet<u64> = their_list.iter().map(|t| t.id).collect();
    let mut next = mine_list
        .iter()
        .chain(&their_list)
        .map(|t| t.id)
        .max()
        .unwrap_or(0);
    for template in &mut mine_list {
        if !old_ids.contains(&template.id) && their_ids.contains(&template.id) {
            next = (next + 1).min(super::Limits::MAX_ID);
            template.id = next;
        }
    }
    Some(merge_lists(&old, &mine_list, &their_list))
}

/// The book that holds both `mine` and `theirs` changes since `ancestor`.
pub fn merge(ancestor: &Book, mine: &Book, theirs: &Book) -> Book {
    merge_noting_moves(ancestor, mine, theirs).book
}

/// A field of a contact that both tabs changed, to different texts, before either saved: the
/// merge keeps this tab's text; the other tab's is offered back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub contact: ContactId,
    /// The contact's name as this tab has it.
    pub name: String,
    pub conflict: EditConflict,
}

/// What [`merge_noting_moves`] made.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merged {
    pub book: Book,
    /// The records of this tab given a new id because the other tab had used theirs, as (old
    /// id, new id): a page showing one of them follows it.
    pub moves: Vec<(u64, u64)>,
    /// The contact fields both tabs changed: this tab's text was kept.
    pub clashes: Vec<Clash>,
}

/// [`merge`], and what a person should know of it: the records renumbered, and the fields
/// both tabs changed.
pub fn merge_noting_moves(ancestor: &Book, mine: &Book, theirs: &Book) -> Merged {
    if mine == ancestor {
        return Merged {
            book: theirs.clone(),
            ..Merged::default()
        };
    }
    if theirs == ancestor || theirs == mine {
        return Merged {
            book: mine.clone(),
            ..Merged::default()
        };
    }
    let clashes = contact_clashes(ancestor, mine, theirs);
    let (mine, moves) = renumber_new_records(ancestor, mine, theirs);
    let mut merged = Book {
        next_id: 0,
        contacts: merge_lists(&ancestor.contacts, &mine.contacts, &theirs.contacts),
        reach_outs: merge_lists(&ancestor.reach_outs, &mine.reach_outs, &theirs.reach_outs),
        settings: merge_one(&ancestor.settings, &mine.settings, &theirs.settings),
        near_misses: merge_lists(
            &ancestor.near_misses,
            &mine.near_misses,
            &theirs.near_misses,
        ),
        templates: merge_templates(ancestor, &mine, theirs),
        deleted: merge_lists(&ancestor.deleted, &mine.deleted, &theirs.deleted),
    };
    bring_back_referenced(&mut merged, [&mine, theirs, ancestor]);
    // An edit beats a delete: a contact that stays is no longer marked deleted.
    let here: HashSet<ContactId> = merged.contacts.iter().map(|c| c.id).collect();
    merged.deleted.retain(|d| !here.contains(&d.id));
    merged.next_id = mine
        .next_id
        .max(theirs.next_id)
        .max(merged.highest_id() + 1);
    Merged {
        book: merged,
        moves,
        clashes,
    }
}

/// The fields of contacts that both sides changed since `ancestor`, to different texts.
fn contact_clashes(ancestor: &Book, mine: &Book, theirs: &Book) -> Vec<Clash> {
    let index = |book: &Book| -> HashMap<ContactId, Contact> {
        book.contacts.iter().map(|c| (c.id, c.clone())).collect()
    };
    let (old, their) = (index(ancestor), index(theirs));
    mine.contacts
        .iter()
        .filter_map(|m| {
            let (a, t) = (old.get(&m.id)?, their.get(&m.id)?);
            (a != m && a != t && m != t).then_some((a, m, t))
        })
        .flat_map(|(a, m, t)| {
            edit_conflicts(
                &ContactDraft::from_contact(a),
                &ContactDraft::from_contact(t),
                &ContactDraft::from_contact(m),
            )
            .into_iter()
            .map(|conflict| Clash {
                contact: m.id,
                name: m.name.clone(),
                conflict,
            })
        })
        .collect()
}

/// Gives a new id to each record this tab created whose id the other tab also used.
fn renumber_new_records(ancestor: &Book, mine: &Book, theirs: &Book) -> (Book, Vec<(u64, u64)>) {
    let old: HashSet<u64> = ancestor_ids(ancestor);
    let taken: HashSet<u64> = ancestor_ids(theirs);
    let mut next = mine
        .next_id
        .max(theirs.next_id)
        .max(taken.iter().copied().max().unwrap_or(0) + 1);
    let mut moved: HashMap<u64, u64> = HashMap::new();
    for id in ancestor_ids(mine) {
        if !old.contains(&id) && taken.contains(&id) {
            moved.insert(id, next);
            next += 1;
        }
    }
    let mut mine = mine.clone();
    // Near misses are numbered on their own: one this tab noted under a number the other tab
    // also used moves past both tabs' numbers.
    let old_misses: HashSet<u64> = ancestor.near_misses.iter().map(|n| n.id).collect();
    let their_misses: HashSet<u64> = theirs.near_misses.iter().map(|n| n.id).collect();
    let mut next_miss = mine
        .near_misses
        .iter()
        .chain(&theirs.near_misses)
        .map(|n| n.id)
        .max()
        .unwrap_or(0);
    for near_miss in &mut mine.near_misses {
        // Numbers stay within the id range (far beyond any real count), as the reader requires.
        if !old_misses.contains(&near_miss.id) && their_misses.contains(&near_miss.id) {
            next_miss = (next_miss + 1).min(super::Limits::MAX_ID);
            near_miss.id = next_miss;
        }
    }
    if moved.is_empty() {
        return (mine, Vec::new());
    }
    let map = |id: u64| moved.get(&id).copied().unwrap_or(id);
    for contact in &mut mine.contacts {
        contact.id = ContactId(map(contact.id.0));
    }
    for reach_out in &mut mine.reach_outs {
        reach_out.id = ReachOutId(map(reach_out.id.0));
        reach_out.contact = ContactId(map(reach_out.contact.0));
        reach_out.follows_up = reach_out.follows_up.map(|r| ReachOutId(map(r.0)));
    }
    for near_miss in &mut mine.near_misses {
        near_miss.contact = near_miss.contact.map(|c| ContactId(map(c.0)));
        near_miss.reached = near_miss.reached.map(|r| ReachOutId(map(r.0)));
    }
    mine.next_id = next;
    let mut moves: Vec<(u64, u64)> = moved.into_iter().collect();
    moves.sort_unstable();
    (mine, moves)
}

fn ancestor_ids(book: &Book) -> HashSet<u64> {
    book.contacts
        .iter()
        .map(|c| c.id.0)
        .chain(book.reach_outs.iter().map(|r| r.id.0))
        .collect()
}

/// Theirs in their order, then the records only this tab has, in this tab's order.
fn merge_lists<T: Record>(ancestor: &[T], mine: &[T], theirs: &[T]) -> Vec<T> {
    let index =
        |list: &[T]| -> HashMap<u64, T> { list.iter().map(|r| (r.key(), r.clone())).collect() };
    let (a, m, t) = (index(ancestor), index(mine), index(theirs));
    let order = theirs
        .iter()
        .chain(mine.iter().filter(|r| !t.contains_key(&r.key())))
        .chain(ancestor.iter())
        .map(Record::key);
    let mut seen = HashSet::new();
    let mut merged = Vec::new();
    for key in order {
        if !seen.insert(key) {
            continue;
        }
        let kept = match (a.get(&key), m.get(&key), t.get(&key)) {
            (_, Some(m), Some(t)) if m == t => Some(m.clone()),
            (a, m, t) if m == a => t.cloned(),
            (a, m, t) if t == a => m.cloned(),
            // Changed on both sides: an edit is kept over a delete.
            (_, None, Some(t)) => Some(t.clone()),
            (_, Some(m), None) => Some(m.clone()),
            (Some(a), Some(m), Some(t)) => Some(merge_one(a, m, t)),
            (None, Some(m), Some(_)) => Some(m.clone()),
            (_, None, None) => None,
        };
        merged.extend(kept);
    }
    merged
}

/// Field by field: each field from the side that changed it; this tab's when both did.
fn merge_one<T: Serialize + DeserializeOwned + Clone + PartialEq>(a: &T, m: &T, t: &T) -> T {
    if m == a {
        return t.clone();
    }
    if t == a {
        return m.clone();
    }
    let to_value = |x: &T| serde_json::to_value(x).unwrap_or(Value::Null);
    let (Value::Object(av), Value::Object(mut mv), Value::Object(tv)) =
        (to_value(a), to_value(m), to_value(t))
    else {
        return m.clone();
    };
    let mut keys: Vec<String> = mv.keys().chain(tv.keys()).cloned().collect();
    keys.sort();
    keys.dedup();
    let mut merged = serde_json::Map::new();
    for key in keys {
        let value = if mv.get(&key) == av.get(&key) {
            tv.get(&key).cloned()
        } else {
            mv.remove(&key)
        };
        if let Some(value) = value {
            merged.insert(key, value);
        }
    }
    // Fields of one record never depend on each other's types; keep this tab's record if they do.
    serde_json::from_value(Value::Object(merged)).unwrap_or_else(|_| m.clone())
}

/// Brings back the contacts and earlier reach-outs that kept reach-outs point to.
fn bring_back_referenced(book: &mut Book, sources: [&Book; 3]) {
    loop {
        let contacts: HashSet<ContactId> = book.contacts.iter().map(|c| c.id).collect();
        let reach_outs: HashSet<ReachOutId> = book.reach_outs.iter().map(|r| r.id).collect();
        let missing_contact = book
            .reach_outs
            .iter()
            .map(|r| r.contact)
            .chain(book.near_misses.iter().filter_map(|n| n.contact))
            .find(|id| !contacts.contains(id));
        if let Some(id) = missing_contact {
            match sources.iter().find_map(|b| b.contact(id)) {
                Some(contact) => book.contacts.push(contact.clone()),
                None => {
                    book.reach_outs.retain(|r| r.contact != id);
                    for near_miss in &mut book.near_misses {
                        if near_miss.contact == Some(id) {
                            near_miss.contact = None;
                        }
                    }
                }
            }
            continue;
        }
        let missing_link = book
            .reach_outs
            .iter()
            .filter_map(|r| r.follows_up)
            .find(|id| !reach_outs.contains(id));
        if let Some(id) = missing_link {
            let found = sources.iter().find_map(|b| b.reach_out(id));
            match found {
                Some(reach_out) => book.reach_outs.push(reach_out.clone()),
                None => {
                    for r in &mut book.reach_outs {
                        if r.follows_up == Some(id) {
                            r.follows_up = None;
                        }
                    }
                }
            }
            continue;
        }
        break;
    }
    // A near miss keeps its note when its contact or reach-out is gone; only the link goes.
    let contacts: HashSet<ContactId> = book.contacts.iter().map(|c| c.id).collect();
    let reach_outs: HashSet<ReachOutId> = book.reach_outs.iter().map(|r| r.id).collect();
    for near_miss in &mut book.near_misses {
        near_miss.contact = near_miss.contact.filter(|c| contacts.contains(c));
        near_miss.reached = near_miss.reached.filter(|r| reach_outs.contains(r));
    }
}
