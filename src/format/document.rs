//! The stored document: the user's [`Book`] inside a versioned envelope.
//!
//! ```json
//! {"format":"reachout","version":1,"revision":3,"saved_at":"2026-11-27T10:00:00Z",
//!  "data":{"next_id":3,"contacts":[…],"reach_outs":[…]}}
//! ```
//! `format` tells our data from anything else stored on the same origin; `version` is the
//! schema version, raised whenever the shape of `data` changes; `revision` counts saves.
//!
//! [`encode`] writes the record lists as columns and [`encode_packed`] also compresses the text
//! for localStorage (both described in [`super::compact`]); [`decode`] reads every form: packed
//! or plain, columns or an array of records.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::columns::{self, BookColumns};
use super::compact::{self, UnpackError};
use super::exchange::Head;
pub use super::{FORMAT_NAME, SCHEMA_VERSION};
use crate::model::{Adjustment, Book, Limits};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u64,
    pub revision: u64,
    pub saved_at: DateTime<Utc>,
    pub data: Book,
}

/// Why stored text could not be opened. Each message is meant to be shown to the user.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the saved text is not valid JSON ({0})")]
    NotJson(String),
    #[error("the text ends early, as if it was cut off")]
    Truncated,
    #[error("the text is nested far too deeply to be Reachout data")]
    TooDeep,
    #[error("the saved text is compressed but {0}")]
    Unpack(UnpackError),
    #[error("the saved text is not Reachout data")]
    NotReachout,
    #[error("it was saved by a newer Reachout (schema version {found}; this one reads up to {SCHEMA_VERSION})")]
    NewerVersion { found: u64 },
    #[error("it has an unknown schema version ({0})")]
    UnknownVersion(String),
    #[error("its contents are damaged ({0})")]
    Damaged(String),
    #[error("it is locked, and {0}")]
    Sealed(super::seal::SealError),
}

impl DecodeError {
    /// Newer data is readable in principle; a later version of the app will open it.
    pub fn is_newer_version(&self) -> bool {
        matches!(
            self,
            DecodeError::NewerVersion { .. }
                | DecodeError::Sealed(super::seal::SealError::Newer(_))
        )
    }
}

pub fn encode(book: &Book, revision: u64, saved_at: DateTime<Utc>) -> String {
    encode_headed(book, revision, saved_at, &Head::default())
}

/// [`encode`] with what a backup says about the devices it was exchanged with
/// ([`super::exchange`]), written before `data` so that it is read without reading the rest.
pub fn encode_headed(book: &Book, revision: u64, saved_at: DateTime<Utc>, head: &Head) -> String {
    #[derive(Serialize)]
    struct Envelope<'a> {
        format: &'a str,
        version: u64,
        revision: u64,
        saved_at: DateTime<Utc>,
        #[serde(skip_serializing_if = "Option::is_none")]
        device: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        seen: Option<&'a std::collections::BTreeMap<String, String>>,
        data: BookColumns<'a>,
    }
    let envelope = Envelope {
        format: FORMAT_NAME,
        version: SCHEMA_VERSION,
        revision,
        saved_at,
        device: head.device.as_deref(),
        seen: Some(&head.seen).filter(|seen| !seen.is_empty()),
        data: BookColumns(book),
    };
    // Serialising plain structs with string keys cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// [`encode`], compressed and packed into few UTF-16 code units for localStorage.
pub fn encode_packed(book: &Book, revision: u64, saved_at: DateTime<Utc>) -> String {
    compact::pack(&encode(book, revision, saved_at))
}

/// A document opened from stored text, with the values that had to be brought into range
/// (see [`Book::bring_into_range`]); empty when it kept every limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub document: Document,
    pub adjusted: Vec<Adjustment>,
}

/// Reads stored text: every value out of range is brought into range and listed, so the
/// caller can keep the original text aside and tell the person.
pub fn open(text: &str) -> Result<Opened, DecodeError> {
    open_as(text, "The saved data")
}

/// [`open`], naming the document `whose` in the message about its own date.
pub(crate) fn open_as(text: &str, whose: &str) -> Result<Opened, DecodeError> {
    open_decoded(decode(text)?, whose)
}

/// The checks of [`open`] on a document already decoded and checked for consistency.
pub(crate) fn open_decoded(mut document: Document, whose: &str) -> Result<Opened, DecodeError> {
    let mut adjusted = document.data.bring_into_range();
    if !Limits::time_in_range(document.saved_at) {
        adjusted.push(Adjustment {
            record: whose.into(),
            found: format!("saved on {}", document.saved_at.date_naive()),
            rule: format!(
                "dates run from {} to {}",
                Limits::FIRST_YEAR,
                Limits::LAST_YEAR
            ),
        });
        document.saved_at = Limits::clamp_time(document.saved_at);
    }
    Ok(Opened { document, adjusted })
}

/// Reads the shape of stored or backed-up text: the envelope, the records, the ids and the
/// links between records. The values in it are checked by [`open`] (stored text) and
/// [`super::backup::read`] (files): the app reads through those two, never through this.
pub fn decode(text: &str) -> Result<Document, DecodeError> {
    let mut document = decode_records(text)?;
    check_consistency(&mut document.data)?;
    Ok(document)
}

/// [`decode`] without checking that the records agree with each other: for a part of a
/// document stored in parts, whose reach-outs may belong to contacts in another part.
pub(crate) fn decode_records(text: &str) -> Result<Document, DecodeError> {
    let unpacked;
    let text = if compact::is_packed(text) {
        unpacked = compact::unpack(text).map_err(DecodeError::Unpack)?;
        unpacked.as_str()
    } else {
        text
    };
    if let Some((revision, saved_at, data)) = columns::read_current(text) {
        return Ok(Document {
            format: FORMAT_NAME.into(),
            version: SCHEMA_VERSION,
            revision,
            saved_at,
            data,
        });
    }
    // serde_json refuses nesting deeper than 128 levels, so hostile input cannot exhaust the stack.
    let mut value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() && !text.trim().is_empty() {
            DecodeError::Truncated
        } else if e.to_string().starts_with("recursion limit exceeded") {
            DecodeError::TooDeep
        } else {
            DecodeError::NotJson(e.to_string())
        }
    })?;
    let Value::Object(fields) = &value else {
        return Err(DecodeError::NotReachout);
    };
    if fields.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(DecodeError::NotReachout);
    }
    let version = match fields.get("version") {
        Some(Value::Number(n)) => n
            .as_u64()
            .ok_or_else(|| DecodeError::UnknownVersion(n.to_string()))?,
        Some(other) => return Err(DecodeError::UnknownVersion(other.to_string())),
        None => return Err(DecodeError::UnknownVersion("missing".into())),
    };
    if version > SCHEMA_VERSION {
        return Err(DecodeError::NewerVersion { found: version });
    }
    if version == 0 {
        return Err(DecodeError::UnknownVersion("0".into()));
    }
    compact::from_columns(&mut value).map_err(|e| DecodeError::Damaged(e.to_string()))?;
    let value = migrate(value, version)?;
    serde_json::from_value(value).map_err(|e| DecodeError::Damaged(e.to_string()))
}

/// Brings a document of an earlier schema version up to [`SCHEMA_VERSION`], one step at a time.
fn migrate(mut value: Value, from: u64) -> Result<Value, DecodeError> {
    let mut version = from;
    while version < SCHEMA_VERSION {
        match version {
            // 1 → 2, 2 → 3 and 4 → 5 only added optional fields, which read as their defaults.
            1 | 2 | 4 => {}
            // 3 → 4: a goal of 3 was the old default, written whether chosen or not.
            3 => {
                if let Some(settings) = value
                    .get_mut("data")
                    .and_then(|d| d.get_mut("settings"))
                    .and_then(Value::as_object_mut)
                {
                    if settings.get("weekly_goal") == Some(&Value::from(3)) {
                        settings.remove("weekly_goal");
                    }
                }
            }
            other => return Err(DecodeError::UnknownVersion(other.to_string())),
        }
        version += 1;
    }
    value["version"] = Value::from(SCHEMA_VERSION);
    Ok(value)
}

/// Refuses data whose records contradict each other ([`Book::check_consistency`]), and
/// repairs the id counter.
pub(crate) fn check_consistency(book: &mut Book) -> Result<(), DecodeError> {
    book.check_consistency().map_err(DecodeError::Damaged)
}
