//! Small values kept beside the document: the backup mark, the backups exchanged with other
//! devices (with their copies), and remembered choices (the import
//! column mapping, whether the "before" step is left open, the theme, what the last safety copy
//! was made for). They are read and written as JSON through gloo-storage's typed `get`/`set`;
//! a remembered choice is not data and is never part of a backup.
//!
//! Values stored as plain text by Reachout before gloo-storage came in are still read: text that
//! is not JSON is taken as the JSON string it was meant to be.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{local_storage, Store};
use crate::format::backup::BackupMark;
use crate::format::exchange::Exchanges;

/// Why a side value could not be read or kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SideError {
    #[error("This browser keeps nothing for this site: its storage is blocked or missing.")]
    Unavailable,
    #[error("This site's storage in the browser is full.")]
    Full,
    #[error("The browser accepted the value but did not keep it.")]
    NotKept,
    #[error("The stored value could not be read: {0}")]
    Unreadable(String),
}

impl From<StorageError> for SideError {
    fn from(error: StorageError) -> Self {
        match error {
            StorageError::KeyNotFound(key) => SideError::Unreadable(format!("{key} is missing")),
            StorageError::SerdeError(error) => SideError::Unreadable(error.to_string()),
            // Firefox before 2020 named it NS_ERROR_DOM_QUOTA_REACHED.
            StorageError::JsError(error)
                if error.name == "QuotaExceededError"
                    || error.name == "NS_ERROR_DOM_QUOTA_REACHED" =>
            {
                SideError::Full
            }
            StorageError::JsError(_) => SideError::Unavailable,
        }
    }
}

/// The value under `key`: `Ok(None)` when nothing is stored there.
///
/// Read with `getItem` through web-sys, which returns the browser's exception as an error,
/// and parsed here: gloo-storage's own `get` panics ("get_item does not throw") when a
/// blocked storage throws between the probe and the read.
pub fn get<T: DeserializeOwned>(key: &str) -> Result<Option<T>, SideError> {
    let storage = local_storage().ok_or(SideError::Unavailable)?;
    let Some(text) = storage.get_item(key).map_err(|_| SideError::Unavailable)? else {
        return Ok(None);
    };
    match serde_json::from_str::<T>(&text) {
        Ok(value) => Ok(Some(value)),
        // Plain text from before gloo-storage: read it as the string it is.
        Err(error) => serde_json::from_value(serde_json::Value::String(text))
            .map(Some)
            .map_err(|_| SideError::Unreadable(error.to_string())),
    }
}

/// Stores `value` under `key` and reads it back: a browser (or an extension) can accept a
/// write and keep nothing.
pub fn set<T: Serialize + ?Sized>(key: &str, value: &T) -> Result<(), SideError> {
    local_storage().ok_or(SideError::Unavailable)?;
    LocalStorage::set(key, value)?;
    let kept = serde_json::to_string(value).ok();
    if LocalStorage::raw().get_item(key).ok().flatten() == kept {
        Ok(())
    } else {
        Err(SideError::NotKept)
    }
}

/// The key of a small remembered choice, such as whether the "before" step of the log form
/// was left open. A choice is not data: it is never part of a backup.
pub fn preference_key(namespace: &str, name: &str) -> String {
    format!("{namespace}:pref:{name}")
}

/// A remembered choice; `None` when never made, or when storage or the value cannot be read.
pub fn preference<T: DeserializeOwned>(namespace: &str, name: &str) -> Option<T> {
    get(&preference_key(namespace, name)).ok().flatten()
}

/// Remembers a choice; an error when storage did not keep it (the choice then lasts this visit).
pub fn remember<T: Serialize + ?Sized>(
    namespace: &str,
    name: &str,
    value: &T,
) -> Result<(), SideError> {
    set(&preference_key(namespace, name), value)
}

/// When the last backup was made; a mark that is missing, unreadable or dated outside the
/// supported years counts as no backup yet.
pub fn backup_mark(namespace: &str) -> BackupMark {
    get::<BackupMark>(&backup_key(namespace))
        .ok()
        .flatten()
        .map(BackupMark::in_range)
        .unwrap_or_default()
}

/// The key holding when the last backup was made.
pub fn backup_key(namespace: &str) -> String {
    format!("{namespace}:backup")
}

impl Store {
    /// Keeps when the last backup was made, under the same rule as the document.
    pub fn keep_backup_mark(&self, mark: &BackupMark) -> Result<(), SideError> {
        if !self.saves() {
            return Err(SideError::NotKept);
        }
        set(&backup_key(&self.namespace), mark)
    }
}

/// The key of the record of backups exchanged with other devices ([`Exchanges`]).
fn exchanges_key(namespace: &str) -> String {
    format!("{namespace}:exchange")
}

/// The key of the copy of one exchanged backup, by its fingerprint.
fn exchange_copy_key(namespace: &str, hash: &str) -> String {
    format!("{namespace}:exchange:{hash}")
}

/// The backups this device exchanged with others; none when missing or unreadable.
pub fn exchanges(namespace: &str) -> Exchanges {
    Exchanges::parse(super::read(&exchanges_key(namespace)).as_deref())
}

/// The stored copy of an exchanged backup, packed as the document is.
pub fn exchange_copy(namespace: &str, hash: &str) -> Option<String> {
    super::read(&exchange_copy_key(namespace, hash))
}

/// Copies of exchanged backups are kept only while everything this origin stores stays under
/// this many UTF-16 code units: half of the smallest quota a browser gives (Safari's 2.5
/// million), so that the copies, which only make merges finer, never take the room a save of
/// the data itself needs. Larger data is merged as without a known ancestor.
pub const EXCHANGE_BUDGET_UNITS: u64 = super::QUOTA_UNITS / 4;

impl Store {
    /// Removes the copies in `dropped`, keeps the copy `copy` (fingerprint, packed text) if it
    /// fits [`EXCHANGE_BUDGET_UNITS`], and then `exchanges`. A copy that is not kept is not
    /// named: the record never promises an ancestor it cannot produce, and the next merge
    /// rebuilds one instead.
    pub fn keep_exchanges(
        &self,
        exchanges: &mut Exchanges,
        copy: Option<(&str, &str)>,
        dropped: &[String],
    ) {
        for hash in dropped {
            super::remove(&exchange_copy_key(&self.namespace, hash));
        }
        if let Some((hash, text)) = copy {
            let key = exchange_copy_key(&self.namespace, hash);
            let after = super::usage()
                .unwrap_or(u64::MAX)
                .saturating_add((key.len() + text.encode_utf16().count()) as u64);
            if after > EXCHANGE_BUDGET_UNITS || !self.write_beside(&key, text) {
                exchanges.forget(hash);
            }
        }
        let _ = self.write_beside(&exchanges_key(&self.namespace), &exchanges.to_text());
    }
}
