//! Backup files: writing one that is checked before it is offered, reading one back with a
//! message for everything that can be wrong with it, and what restoring it would change.
//!
//! A backup is the stored document in its plain JSON form (see [`super::document`] and
//! [`super::compact`]): `{"format":"reachout","version":2,"revision":…,"saved_at":…,"data":…}`
//! with the record lists written as columns. A backup from any earlier version is migrated
//! like stored data.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::document::{self, DecodeError, Document, SCHEMA_VERSION};
use super::exchange::Head;
use crate::model::{Adjustment, Book, Limits};

/// At most this many faults are listed in a message; the rest are counted.
const FAULTS_LISTED: usize = 5;

/// "Contact 'Evil Rhythm': stay in touch every 4,294,967,295 days; at most 365." and so on.
fn list_of(faults: &[Adjustment]) -> String {
    let mut text = faults
        .iter()
        .take(FAULTS_LISTED)
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    if faults.len() > FAULTS_LISTED {
        text.push_str(&format!(
            " And {} more.",
            crate::model::grouped(faults.len() - FAULTS_LISTED)
        ));
    }
    text
}

/// The largest file that is read as a backup, in bytes.
pub const MAX_BACKUP_BYTES: u64 = 10_000_000;
/// Remind after this many days without a backup.
pub const REMIND_AFTER_DAYS: i64 = 30;

/// Why a file cannot be restored. Each message says what is wrong in the user's words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("This file is {0} bytes; a Reachout backup is at most 10,000,000 bytes (10 MB), so this is not one.")]
    TooLarge(String),
    #[error("This file is empty.")]
    Empty,
    #[error("This is not a Reachout backup: the file is not JSON text. A backup is the .json file that \"Download a backup\" saves.")]
    NotJson,
    #[error("This backup is incomplete: the file ends early, as if it was cut off while being copied or downloaded. Try another copy.")]
    Truncated,
    #[error("This is not a Reachout backup: its contents are nested far too deeply.")]
    TooDeep,
    #[error("This is not a Reachout backup: it is JSON, but of another kind.")]
    NotReachout,
    #[error("This backup was made by a newer Reachout (schema version {found}; this one reads up to {SCHEMA_VERSION}). Restore it with the newer version.")]
    NewerVersion { found: u64 },
    #[error("This backup has a schema version this Reachout does not know ({0}).")]
    UnknownVersion(String),
    #[error("This backup is damaged: {0}.")]
    Damaged(String),
    #[error("This backup holds values that Reachout does not accept: {}", list_of(.0))]
    OutOfRange(Vec<Adjustment>),
    #[error("The backup could not be checked after writing it, so it was not offered: {0}.")]
    CheckFailed(String),
}

impl From<DecodeError> for BackupError {
    fn from(error: DecodeError) -> Self {
        match error {
            DecodeError::NotJson(_) => BackupError::NotJson,
            DecodeError::Truncated => BackupError::Truncated,
            DecodeError::TooDeep => BackupError::TooDeep,
            DecodeError::NotReachout => BackupError::NotReachout,
            DecodeError::NewerVersion { found } => BackupError::NewerVersion { found },
            DecodeError::UnknownVersion(v) => BackupError::UnknownVersion(v),
            DecodeError::Damaged(detail) => BackupError::Damaged(detail),
            DecodeError::Unpack(e) => BackupError::Damaged(format!("it is compressed but {e}")),
            DecodeError::Sealed(e) => BackupError::Damaged(format!("it is locked and {e}")),
        }
    }
}

/// The backup file's text, read back and compared with `book` before it is returned. `head`
/// names this device and what it merged from others ([`super::exchange`]).
pub fn export(
    book: &Book,
    revision: u64,
    now: DateTime<Utc>,
    head: &Head,
) -> Result<String, BackupError> {
    let text = document::encode_headed(book, revision, now, head);
    let back = document::decode(&text).map_err(|e| BackupError::CheckFailed(e.to_string()))?;
    if back.data != *book {
        return Err(BackupError::CheckFailed(
            "it read back different from your data".into(),
        ));
    }
    Ok(text)
}

/// `reachout-backup-2026-11-27.json`.
pub fn file_name(today: NaiveDate) -> String {
    format!("reachout-backup-{}.json", today.format("%Y-%m-%d"))
}

/// Reads a backup file of `size` bytes, refusing anything that is not a whole, valid backup.
pub fn read(text: &str, size: u64) -> Result<Document, BackupError> {
    if size > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge(crate::model::grouped(size)));
    }
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    let text = text.trim_start_matches('\u{feff}');
    // JSON text starts with `{` or `[`; anything else (a CSV, a vCard, binary) is refused
    // before the parser has to explain why. Packed text (a downloaded unreadable copy from
    // storage) is accepted too, so that it can be restored once it reads.
    if !text.trim_start().starts_with(['{', '[']) && !super::compact::is_packed(text) {
        return Err(BackupError::NotJson);
    }
    // The rules of stored data, except that a backup with anything to adjust is refused.
    let opened = document::open_as(text, "The backup")?;
    if opened.adjusted.is_empty() {
        Ok(opened.document)
    } else {
        Err(BackupError::OutOfRange(opened.adjusted))
    }
}

/// What restoring a backup would do to the current data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub contacts_now: usize,
    pub reach_outs_now: usize,
    pub contacts_after: usize,
    pub reach_outs_after: usize,
    /// Contacts in the backup that are not in the current data.
    pub contacts_added: usize,
    /// Current contacts that the backup does not have: they go away.
    pub contacts_removed: usize,
    /// Contacts in both whose details differ: the backup's version is taken.
    pub contacts_changed: usize,
}

pub fn preview(current: &Book, backup: &Book) -> Preview {
    let now: HashMap<_, _> = current.contacts.iter().map(|c| (c.id, c)).collect();
    let then: HashMap<_, _> = backup.contacts.iter().map(|c| (c.id, c)).collect();
    Preview {
        contacts_now: current.contacts.len(),
        reach_outs_now: current.reach_outs.len(),
        contacts_after: backup.contacts.len(),
        reach_outs_after: backup.reach_outs.len(),
        contacts_added: then.keys().filter(|id| !now.contains_key(id)).count(),
        contacts_removed: now.keys().filter(|id| !then.contains_key(id)).count(),
        contacts_changed: then
            .iter()
            .filter(|(id, c)| now.get(id).is_some_and(|n| n != *c))
            .count(),
    }
}

/// When the last backup was made, and of which revision; stored beside the document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupMark {
    pub backed_up_at: Option<DateTime<Utc>>,
    pub revision: u64,
    /// "Not now" on the reminder hides it until then.
    #[serde(default)]
    pub remind_after: Option<DateTime<Utc>>,
}

impl BackupMark {
    /// Reads a stored mark; anything unreadable, or dated outside the supported years,
    /// counts as no backup yet.
    pub fn parse(text: Option<&str>) -> BackupMark {
        text.and_then(|t| serde_json::from_str::<BackupMark>(t).ok())
            .map(BackupMark::in_range)
            .unwrap_or_default()
    }

    /// The mark itself, or no backup yet when a date in it is outside the supported years.
    pub fn in_range(self) -> BackupMark {
        let dated_well = [self.backed_up_at, self.remind_after]
            .into_iter()
            .flatten()
            .all(Limits::time_in_range);
        if dated_well {
            self
        } else {
            BackupMark::default()
        }
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// True when the user should be reminded: data changed since the last backup, and that
    /// backup (or, with none, the oldest record) is more than 30 days old.
    pub fn reminder_due(&self, book: &Book, revision: u64, now: DateTime<Utc>) -> bool {
        if book.contacts.is_empty() || revision <= self.revision {
            return false;
        }
        if self.remind_after.is_some_and(|after| now < after) {
            return false;
        }
        let since = self
            .backed_up_at
            .or_else(|| book.contacts.iter().map(|c| c.created).min());
        since.is_some_and(|since| now - since > Duration::days(REMIND_AFTER_DAYS))
    }
}
