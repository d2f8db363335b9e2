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
//! {"format":"reachout","version":1000,"layout":"parts","schema":3,"revision":7,
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

use std::collections::BTreeMap;

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

/// Every part of `book` that holds a record, by number.
pub fn split(book: &Book) -> BTreeMap<u64, Part<'_>> {
    let mut parts: BTreeMap<u64, Part<'_>> = BTreeMap::new();
    for contact in &book.contacts {
        parts
            .entry(part_of(contact.id.0))
            .or_default()
            .contacts
            .push(contact);
    }
    for reach_out in &book.reach_outs {
        parts
            .entry(part_of(reach_out.id.0))
            .or_default()
            .reach_outs
            .push(reach_out);
    }
    parts
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
