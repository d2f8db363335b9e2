//! Opening the stored document: whole or in parts, with values out of range brought into
//! range after the original is copied aside, unreadable text kept aside untouched, and data
//! from a newer Reachout left alone (read-only).

use chrono::{DateTime, Utc};

use super::notice::ADJUSTMENTS_SHOWN;
use super::stored_parts::{sweep, PartKeys};
use super::{
    local_storage, lock, quarantined, raw, read_in, readable, writable, Mode, Opened,
    StorageNotice, Store,
};
use crate::format::document::{self, DecodeError};
use crate::format::{parts, seal};
use crate::model::Book;

impl Store {
    /// Opens the document stored under `namespace`, setting aside what it cannot read.
    pub fn open(namespace: &str, now: DateTime<Utc>) -> Opened {
        let in_memory = |notice| Opened {
            store: Store::new(namespace, Mode::InMemory, 0, None, None),
            book: Book::default(),
            notice,
        };
        let Some(storage) = local_storage().filter(|s| readable(s) && writable(s)) else {
            return in_memory(Some(StorageNotice::Unavailable));
        };
        let key = Store::document_key(namespace);
        let raw = match storage.get_item(&key) {
            Ok(raw) => raw,
            Err(_) => return in_memory(Some(StorageNotice::Unavailable)),
        };
        let seen = raw.clone();
        let store =
            |mode, revision, parts| Store::new(namespace, mode, revision, seen.clone(), parts);
        let Some(raw) = raw else {
            // Nothing stored, nothing locked.
            let _ = lock::follow("");
            sweep(&storage, namespace, &[], now);
            return Opened {
                store: store(Mode::ReadWrite, 0, None),
                book: Book::default(),
                notice: None,
            };
        };
        if let Err(notice) = lock::follow(&raw) {
            // Locked, and this tab holds no key for it: nothing is read or written.
            return Opened {
                store: store(Mode::ReadOnly, 0, None),
                book: Book::default(),
                notice: Some(notice),
            };
        }
        match read_stored(&storage, &raw) {
            Ok((opened, parts)) if opened.adjusted.is_empty() => {
                sweep(
                    &storage,
                    namespace,
                    parts.as_deref().unwrap_or_default(),
                    now,
                );
                let mut store = store(Mode::ReadWrite, opened.document.revision, parts);
                if lock::is_unlocked() {
                    // A change of the lock that a closed tab left half-done is finished now.
                    store.finish_relock(now);
                }
                Opened {
                    store,
                    book: opened.document.data,
                    notice: None,
                }
            }
            Ok((opened, _)) => Store::adjust(&storage, namespace, &raw, opened, now),
            Err(error) if error.is_newer_version() => Opened {
                store: store(Mode::ReadOnly, 0, None),
                book: Book::default(),
                notice: Some(StorageNotice::NewerVersion {
                    reason: error.to_string(),
                }),
            },
            Err(error) => Store::quarantine(&storage, namespace, &raw, &error, now),
        }
    }

    /// Keeps the raw text aside, then opens the book with its values brought into range. If
    /// the copy cannot be made, the adjusted book is shown but never saved over the original.
    fn adjust(
        storage: &web_sys::Storage,
        namespace: &str,
        raw: &str,
        opened: document::Opened,
        now: DateTime<Utc>,
    ) -> Opened {
        let copy = keep_aside(storage, namespace, &Store::document_key(namespace), now);
        let count = opened.adjusted.len();
        let changes = opened
            .adjusted
            .iter()
            .take(ADJUSTMENTS_SHOWN)
            .map(ToString::to_string)
            .collect();
        let (mode, notice) = match copy {
            Some(key) => (
                Mode::ReadWrite,
                StorageNotice::Adjusted {
                    key,
                    changes,
                    count,
                },
            ),
            None => (
                Mode::ReadOnly,
                StorageNotice::UnreadableKept {
                    reason:
                        "some values are out of range and the original could not be copied aside"
                            .into(),
                },
            ),
        };
        Opened {
            // The stored parts hold the values before they were brought into range.
            store: Store::new(
                namespace,
                mode,
                opened.document.revision,
                Some(raw.to_string()),
                None,
            ),
            book: opened.document.data,
            notice: Some(notice),
        }
    }

    fn quarantine(
        storage: &web_sys::Storage,
        namespace: &str,
        raw: &str,
        error: &DecodeError,
        now: DateTime<Utc>,
    ) -> Opened {
        let reason = error.to_string();
        let (mode, notice) =
            match keep_aside(storage, namespace, &Store::document_key(namespace), now) {
                Some(key) => (Mode::ReadWrite, StorageNotice::Quarantined { key, reason }),
                None => (Mode::ReadOnly, StorageNotice::UnreadableKept { reason }),
            };
        Opened {
            store: Store::new(namespace, mode, 0, Some(raw.to_string()), None),
            book: Book::default(),
            notice: Some(notice),
        }
    }
}

/// A document read from storage: whole, or put together from its parts; opened first when
/// it is locked.
pub(super) fn read_stored(
    storage: &web_sys::Storage,
    raw: &str,
) -> Result<(document::Opened, Option<PartKeys>), DecodeError> {
    let text = lock::open_text(raw.to_string()).map_err(DecodeError::Sealed)?;
    match parts::read_manifest(&text) {
        None => document::open(&text).map(|opened| (opened, None)),
        Some(manifest) => {
            let manifest = manifest?;
            let texts = part_texts(storage, &manifest)?;
            let opened = parts::open(&manifest, texts)?;
            Ok((opened, Some(manifest.parts)))
        }
    }
}

/// The text of each part `manifest` lists (`None` where it is missing), opened when sealed.
fn part_texts(
    storage: &web_sys::Storage,
    manifest: &parts::Manifest,
) -> Result<Vec<Option<String>>, DecodeError> {
    manifest
        .parts
        .iter()
        .map(|(_, key)| {
            storage
                .get_item(key)
                .ok()
                .flatten()
                .map(lock::open_text)
                .transpose()
                .map_err(DecodeError::Sealed)
        })
        .collect()
}

/// The whole document a manifest stands for, with the values as stored; `None` when `text`
/// is not a readable manifest or its parts cannot be read.
pub(super) fn whole_from_manifest(storage: &web_sys::Storage, text: &str) -> Option<String> {
    let manifest = parts::read_manifest(text)?.ok()?;
    let texts = manifest
        .parts
        .iter()
        .map(|(_, key)| read_in(storage, key))
        .collect();
    parts::whole_original(&manifest, texts)
}

/// Copies the text under `source` to a quarantine key, as a JavaScript string (unit for unit,
/// whatever it holds), and checks the copy; the key, or `None` when it could not be kept.
/// Opening again while the original is unchanged reuses the copy made before.
///
/// A manifest whose parts can be read is kept aside as the whole document it stands for (the
/// values as stored), so that the copy never depends on parts that later saves replace. A
/// locked document that opens is kept aside the same way, sealed as a record of its own;
/// one that does not open (changed after it was locked) is copied as it is.
pub(super) fn keep_aside(
    storage: &web_sys::Storage,
    namespace: &str,
    source: &str,
    now: DateTime<Utc>,
) -> Option<String> {
    let mut original = raw::get(storage, source)?;
    match original.as_string() {
        Some(text) if seal::is_locked(&text) => {
            if let Ok(plain) = lock::open_text(text) {
                let whole = whole_from_manifest(storage, &plain).unwrap_or(plain);
                // Sealed copies differ by their nonces: an earlier one is found by what it holds.
                if let Some(earlier) = quarantined(namespace)
                    .into_iter()
                    .find(|key| read_in(storage, key).as_deref() == Some(whole.as_str()))
                {
                    return Some(earlier);
                }
                let copy = format!("{namespace}:quarantine:");
                if let Ok(sealed) = lock::sealed_for(&copy, &whole) {
                    original = wasm_bindgen::JsValue::from_str(&sealed);
                }
            }
        }
        Some(text) => {
            if let Some(whole) = whole_from_manifest(storage, &text) {
                original = wasm_bindgen::JsValue::from_str(&whole);
            }
        }
        None => {}
    }
    let earlier = quarantined(namespace)
        .into_iter()
        .find(|key| raw::holds(storage, key, &original));
    let key = earlier.unwrap_or_else(|| Store::quarantine_key(namespace, now));
    (raw::holds(storage, &key, &original)
        || (raw::set(storage, &key, &original).is_ok() && raw::holds(storage, &key, &original)))
    .then_some(key)
}
