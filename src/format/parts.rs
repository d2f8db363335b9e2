//! A large record stored in parts, so that a save rewrites only what changed.
//!
//! Saving 10,000 contacts and 50,000 reach-outs as one document takes hundreds of milliseconds
//! (encoding and compressing 12 MB of text), during which the page cannot answer. Above
//! [`SPLIT_ABOVE`] records, storage keeps the document in parts instead:
//!
//! - each **part** holds the contacts and reach-outs whose ids fall in one range of
//!   [`PART_IDS`] ids, written as an ordinary packed document (see [`super::compact`]) with
//!   only those records; its key names the save that wrote it, so a part is never rewritten,
//!   only replaced by a new key;
//! - the **manifest**, under the document's own key and written last, lists the parts and holds
//!   everything else (settings, templates, near misses, the id counter) as a small document:
//!
//! ```json
//! {"format":"reachout","version":1000,"layout":"parts","schema":5,"revision":7,
//!  "saved_at":"2026-11-27T10:00:00Z","head":"{…a document without records…}",
//!  "parts":[[0,"reachout:part:7-lz1k2:0"],[1,"reachout:part:6-lz1j0:1"]]}
//! ```
//!
//! A save writes the parts that changed, then the manifest: until the manifest is written,
//! the previous manifest and its parts are intact, so a half-finished save is never read.
//! `version` is above every schema version an earlier Reachout reads, so an earlier build opens
//! it read-only instead of taking it for damaged data; `schema` is the version of the records.
//!
//! Smaller records stay one document, as readable as before.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::document::{self, DecodeError, Document, Opened};
use super::{FORMAT_NAME, SCHEMA_VERSION};
use crate::model::{Book, Contact, ReachOut};

/// Records (contacts and reach-outs together) above which the document is stored in parts.
/// Below it, a whole save takes less than a frame on a laptop.
pub const SPLIT_ABOVE: usize = 1_000;
/// Ids per part: about 40 contacts and 200 reach-outs, 50 KB of text before compression.
pub const PART_IDS: u64 = 256;
/// The manifest's `version`: above every schema version (see [`SCHEMA_VERSION`]).
pub const MANIFEST_VERSION: u64 = 1000;
const LAYOUT: &str = "parts";
/// A manifest is plain JSON starting with these fields in this order.
const MANIFEST_START: &str = "{\"format\":\"reachout\",\"version\":1000,\"layout\":\"parts\"";

/// True when `book` is large enough to be stored in parts.
pub fn should_split(book: &Book) -> bool {
    book.contacts.len() + book.reach_outs.len() > SPLIT_ABOVE
}

/// The part an id belongs to.
pub fn part_of(id: u64) -> u64 {
    id / PART_IDS
}

/// The records of one part, in the book's order.
#[derive(Debug, Default, PartialEq)]
pub struct Part<'a> {
    pub contacts: Vec<&'a Contact>,
    pub reach_outs: Vec<&'a ReachOut>,
}

/// Every part of `book` that holds a record, by number. Records are mostly in the order of
/// their ids, so they are gathered in runs of one part and each run is filed once.
pub fn split(book: &Book) -> BTreeMap<u64, Part<'_>> {
    fn runs<T>(records: &[T], id: impl Fn(&T) -> u64) -> Vec<(u64, Vec<&T>)> {
        let mut runs: Vec<(u64, Vec<&T>)> = Vec::new();
        for record in records {
            let number = part_of(id(record));
            match runs.last_mut() {
                Some((last, run)) if *last == number => run.push(record),
                _ => runs.push((number, vec![record])),
            }
        }
        runs
    }
    let mut parts: BTreeMap<u64, Part<'_>> = BTreeMap::new();
    for (number, run) in runs(&book.contacts, |c| c.id.0) {
        parts.entry(number).or_default().contacts.extend(run);
    }
    for (number, run) in runs(&book.reach_outs, |r| r.id.0) {
        parts.entry(number).or_default().reach_outs.extend(run);
    }
    parts
}

/// Where each part's records are in a book: ranges of its lists when they are in the order of
/// their ids (as the app keeps them), else every part gathered by [`split`]. Comparing two
/// books part by part then compares slices, without gathering 60,000 references first.
pub enum Layout<'a> {
    Sorted {
        book: &'a Book,
        ranges: BTreeMap<u64, (Range<usize>, Range<usize>)>,
    },
    Loose(BTreeMap<u64, Part<'a>>),
}

impl<'a> Layout<'a> {
    pub fn of(book: &'a Book) -> Self {
        fn runs<T>(records: &[T], id: impl Fn(&T) -> u64) -> Option<Vec<(u64, Range<usize>)>> {
            let mut runs: Vec<(u64, Range<usize>)> = Vec::new();
            let mut last_id = None;
            for (at, record) in records.iter().enumerate() {
                let id = id(record);
                if last_id.is_some_and(|last| last >= id) {
                    return None;
                }
                last_id = Some(id);
                match runs.last_mut() {
                    Some((number, run)) if *number == part_of(id) => run.end = at + 1,
                    _ => runs.push((part_of(id), at..at + 1)),
                }
            }
            Some(runs)
        }
        let (Some(contacts), Some(reach_outs)) = (
            runs(&book.contacts, |c| c.id.0),
            runs(&book.reach_outs, |r| r.id.0),
        ) else {
            return Layout::Loose(split(book));
        };
        let mut ranges: BTreeMap<u64, (Range<usize>, Range<usize>)> = BTreeMap::new();
        for (number, run) in contacts {
            ranges.entry(number).or_insert((0..0, 0..0)).0 = run;
        }
        for (number, run) in reach_outs {
            ranges.entry(number).or_insert((0..0, 0..0)).1 = run;
        }
        Layout::Sorted { book, ranges }
    }

    /// The numbers of the parts that hold a record, in order.
    pub fn numbers(&self) -> Vec<u64> {
        match self {
            Layout::Sorted { ranges, .. } => ranges.keys().copied().collect(),
            Layout::Loose(parts) => parts.keys().copied().collect(),
        }
    }

    /// The records of part `number`.
    pub fn part(&self, number: u64) -> Option<Part<'a>> {
        match self {
            Layout::Sorted { book, ranges } => {
                let (contacts, reach_outs) = ranges.get(&number)?;
                Some(Part {
                    contacts: book.contacts[contacts.clone()].iter().collect(),
                    reach_outs: book.reach_outs[reach_outs.clone()].iter().collect(),
                })
            }
            Layout::Loose(parts) => parts.get(&number).map(|part| Part {
                contacts: part.contacts.clone(),
                reach_outs: part.reach_outs.clone(),
            }),
        }
    }

    /// True when part `number` holds the same records, in the same order, in both books.
    pub fn same(&self, other: &Layout<'_>, number: u64) -> bool {
        match (self, other) {
            (
                Layout::Sorted { book, ranges },
                Layout::Sorted {
                    book: theirs,
                    ranges: their_ranges,
                },
            ) => match (ranges.get(&number), their_ranges.get(&number)) {
                (Some((c, r)), Some((their_c, their_r))) => {
                    book.contacts[c.clone()] == theirs.contacts[their_c.clone()]
                        && book.reach_outs[r.clone()] == theirs.reach_outs[their_r.clone()]
                }
                (None, None) => true,
                _ => false,
            },
            _ => self.part(number) == other.part(number),
        }
    }
}

/// Makes `base` equal to `book`, given the parts outside which they already agree: only the
/// records of those parts are copied, not the whole book. False (and `base` unchanged) when
/// either book's records are not in the order of their ids; the caller then compares them all.
pub fn patch(base: &mut Book, book: &Book, parts: &BTreeSet<u64>) -> bool {
    fn in_order<T>(records: &[T], id: impl Fn(&T) -> u64) -> bool {
        records.windows(2).all(|pair| id(&pair[0]) < id(&pair[1]))
    }
    fn copy<T: Clone>(
        base: &mut Vec<T>,
        book: &[T],
        parts: &BTreeSet<u64>,
        id: impl Fn(&T) -> u64,
    ) {
        // From the last part to the first, so that the places still to patch do not move.
        for &number in parts.iter().rev() {
            let (low, high) = (
                number.saturating_mul(PART_IDS),
                number.saturating_add(1).saturating_mul(PART_IDS),
            );
            let range = |records: &[T]| {
                records.partition_point(|r| id(r) < low)..records.partition_point(|r| id(r) < high)
            };
            let (mine, theirs) = (range(base), range(book));
            base.splice(mine, book[theirs].iter().cloned());
        }
    }
    let contact_id = |c: &Contact| c.id.0;
    let reach_out_id = |r: &ReachOut| r.id.0;
    if !(in_order(&base.contacts, contact_id)
        && in_order(&book.contacts, contact_id)
        && in_order(&base.reach_outs, reach_out_id)
        && in_order(&book.reach_outs, reach_out_id))
    {
        return false;
    }
    copy(&mut base.contacts, &book.contacts, parts, contact_id);
    copy(&mut base.reach_outs, &book.reach_outs, parts, reach_out_id);
    base.catch_up_head(book);
    true
}

/// One part's stored text: a packed document holding only its records.
pub fn encode_part(part: &Part<'_>, revision: u64, saved_at: DateTime<Utc>) -> String {
    let records = Book {
        contacts: part.contacts.iter().map(|c| (*c).clone()).collect(),
        reach_outs: part.reach_outs.iter().map(|r| (*r).clone()).collect(),
        ..Book::default()
    };
    document::encode_packed(&records, revision, saved_at)
}

#[derive(Serialize, Deserialize)]
struct ManifestText {
    format: String,
    version: u64,
    layout: String,
    schema: u64,
    revision: u64,
    saved_at: DateTime<Utc>,
    head: String,
    parts: Vec<(u64, String)>,
}

/// The manifest's text: `book` without its records, and where each part is stored.
pub fn encode_manifest(
    book: &Book,
    revision: u64,
    saved_at: DateTime<Utc>,
    parts: &[(u64, String)],
) -> String {
    let head = Book {
        next_id: book.next_id,
        contacts: Vec::new(),
        reach_outs: Vec::new(),
        settings: book.settings.clone(),
        near_misses: book.near_misses.clone(),
        templates: book.templates.clone(),
        deleted: book.deleted.clone(),
    };
    let text = ManifestText {
        format: FORMAT_NAME.into(),
        version: MANIFEST_VERSION,
        layout: LAYOUT.into(),
        schema: SCHEMA_VERSION,
        revision,
        saved_at,
        head: document::encode(&head, revision, saved_at),
        parts: parts.to_vec(),
    };
    // Plain structs with string keys always serialise.
    serde_json::to_string(&text).unwrap_or_default()
}

/// A manifest read from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    pub revision: u64,
    pub saved_at: DateTime<Utc>,
    /// Part numbers and the keys their text is stored under, in order.
    pub parts: Vec<(u64, String)>,
    head: String,
}

/// Reads a manifest; `None` when `text` is not one (a whole document, or anything else, which
/// the document reader then explains).
pub fn read_manifest(text: &str) -> Option<Result<Manifest, DecodeError>> {
    if !looks_like_manifest(text) {
        return None;
    }
    let read: ManifestText = match serde_json::from_str(text) {
        Ok(read) => read,
        Err(e) => return Some(Err(DecodeError::Damaged(e.to_string()))),
    };
    if read.schema > SCHEMA_VERSION {
        return Some(Err(DecodeError::NewerVersion { found: read.schema }));
    }
    let mut numbers: Vec<u64> = read.parts.iter().map(|(n, _)| *n).collect();
    numbers.dedup();
    if numbers.len() != read.parts.len() || !numbers.is_sorted() {
        return Some(Err(DecodeError::Damaged(
            "its list of stored parts is out of order".into(),
        )));
    }
    Some(Ok(Manifest {
        revision: read.revision,
        saved_at: read.saved_at,
        parts: read.parts,
        head: read.head,
    }))
}

/// Puts a document back together from its manifest and the text of each part (in the
/// manifest's order; `None` where a part is missing), then checks it like any stored document.
pub fn open(manifest: &Manifest, texts: Vec<Option<String>>) -> Result<Opened, DecodeError> {
    let mut document = document::decode_records(&manifest.head)?;
    if !document.data.contacts.is_empty() || !document.data.reach_outs.is_empty() {
        return Err(DecodeError::Damaged(
            "its head holds records that belong in parts".into(),
        ));
    }
    for ((number, key), text) in manifest.parts.iter().zip(texts) {
        let text = text
            .ok_or_else(|| DecodeError::Damaged(format!("its part {number} ({key}) is missing")))?;
        let part = document::decode_records(&text)?;
        let misplaced = part
            .data
            .contacts
            .iter()
            .map(|c| c.id.0)
            .chain(part.data.reach_outs.iter().map(|r| r.id.0))
            .any(|id| part_of(id) != *number);
        if misplaced {
            return Err(DecodeError::Damaged(format!(
                "its part {number} holds a record of another part"
            )));
        }
        document.data.contacts.extend(part.data.contacts);
        document.data.reach_outs.extend(part.data.reach_outs);
    }
    document::check_consistency(&mut document.data)?;
    let whole = Document {
        revision: manifest.revision,
        saved_at: manifest.saved_at,
        ..document
    };
    document::open_decoded(whole, "The saved data")
}

/// The whole document a manifest and its parts stand for, with the values as stored (not
/// brought into range), packed: what storage keeps aside when they need adjusting, so that the
/// copy holds the records themselves and not a list of parts that may later be replaced.
/// `None` when a part is missing or cannot be read.
pub fn whole_original(manifest: &Manifest, texts: Vec<Option<String>>) -> Option<String> {
    let mut document = document::decode_records(&manifest.head).ok()?;
    for text in texts {
        let part = document::decode_records(&text?).ok()?;
        document.data.contacts.extend(part.data.contacts);
        document.data.reach_outs.extend(part.data.reach_outs);
    }
    Some(document::encode_packed(
        &document.data,
        manifest.revision,
        manifest.saved_at,
    ))
}

/// True when `text` starts like a manifest, even if the rest is damaged.
pub fn looks_like_manifest(text: &str) -> bool {
    text.starts_with(MANIFEST_START)
}
