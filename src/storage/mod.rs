//! The one module that touches the browser's localStorage.
//!
//! It never writes over data it could not read: unreadable text is first copied to a
//! quarantine key, and data from a newer Reachout is left alone (the app runs read-only).
//! Every failure comes back as a [`StorageNotice`] for the user to see.
//!
//! Above [`parts::SPLIT_ABOVE`] records the document is stored in parts, so that a save
//! rewrites only the parts that changed (see [`crate::format::parts`]): the parts first, each
//! under a new key, then the manifest under the document's key. Parts no longer listed are
//! removed a minute later (another tab may still be reading them), and parts that no manifest
//! lists (a save cut short, a closed tab) are swept when the app opens.
//!
//! `gloo-storage` gives the handle to localStorage ([`LocalStorage::raw`], called only after
//! checking that the browser has storage, since it panics where storage is blocked) and reads
//! and writes the small values beside the document as typed JSON (`side.rs`: the backup mark,
//! remembered choices). The document, its parts, the restore snapshot and quarantine copies
//! bypass its JSON layer: they are text that must be kept byte for byte (a lone surrogate in a
//! copy of unreadable data stays one), and the document is already JSON with its own encoding.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsCast;

use crate::format::document;
use crate::format::parts;
use crate::model::Book;

mod lock;
mod notice;
mod opening;
use opening::{keep_aside, read_stored};
mod quota;
mod raw;
mod records;
mod relock;
mod side;
mod stored_parts;
pub use lock::{
    confirm, forget, is_unlocked, lock_is_on, open_backup, prepare, seal_backup, stored_header,
    unlock, UnlockError, Unlocked,
};
pub use notice::StorageNotice;
pub use quota::{estimate, is_persistent, request_persistence, usage, QUOTA_UNITS};
pub use records::{
    erase_everything, quarantined, read, read_raw, remove, size_of, snapshot_changes_key,
    snapshot_key,
};
use records::{read_in, write};
pub use side::{
    backup_key, backup_mark, exchange_copy, exchanges, preference, preference_key, remember,
    SideError, EXCHANGE_BUDGET_UNITS,
};
pub use stored_parts::part_keys;
use stored_parts::{part_prefix, Ahead, PartKeys, PartsWritten};

/// Every key starts with this namespace: all GitHub Pages sites of one account share an origin,
/// and so one localStorage.
pub const APP_NAMESPACE: &str = "reachout";

/// How the app may use storage after opening it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Load and save as usual.
    ReadWrite,
    /// Stored data must not be replaced (it came from a newer Reachout, or could not be set aside).
    ReadOnly,
    /// No storage at all; nothing will be kept after the tab closes.
    InMemory,
}

/// What opening storage found.
pub struct Opened {
    pub store: Store,
    pub book: Book,
    pub notice: Option<StorageNotice>,
}

/// The handle to the stored document. It keeps no browser object, only where and how to save.
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    namespace: String,
    mode: Mode,
    revision: u64,
    /// The stored text as this tab last read or wrote it; a difference means another tab saved.
    seen: Option<String>,
    /// When the document is stored in parts and they hold exactly the book last read or
    /// written: each part's number and key. `None` makes the next save write every part.
    parts: Option<PartKeys>,
    /// Part keys no longer listed, and since when: removed once they are a minute old.
    retired: Vec<(String, DateTime<Utc>)>,
    /// Parts written ahead in idle time while the document is stored whole, so that the
    /// first save into parts writes only what changed ([`Store::split_ahead`]).
    ahead: Option<Box<Ahead>>,
}

/// Writes `text` under `key`, sealed while the lock is on, and checks that it was kept;
/// returns what was stored.
fn put(storage: &web_sys::Storage, key: &str, text: &str) -> Result<String, StorageNotice> {
    let stored = lock::sealed_for(key, text)?;
    put_raw(storage, key, &stored)?;
    Ok(stored.into_owned())
}

/// Writes `text` under `key` as it is, and checks that it was kept.
fn put_raw(storage: &web_sys::Storage, key: &str, text: &str) -> Result<(), StorageNotice> {
    let value = wasm_bindgen::JsValue::from_str(text);
    match raw::set(storage, key, &value) {
        Ok(()) if !raw::holds(storage, key, &value) => Err(StorageNotice::SaveNotKept),
        Ok(()) => Ok(()),
        Err(error) => Err(StorageNotice::SaveFailed {
            quota_exceeded: is_quota_error(&error),
        }),
    }
}

fn remove_all(storage: &web_sys::Storage, keys: &[String]) {
    for key in keys {
        let _ = storage.remove_item(key);
    }
}

/// localStorage, when this browser lets the page have it.
///
/// A blocked storage can fail at any step: the `localStorage` property itself, `getItem`,
/// `setItem`, or `length` and `key` may throw a `SecurityError` (Safari with "Block all
/// cookies", a managed policy, some privacy extensions). The property is checked here, on every
/// use, because gloo-storage's `raw()` panics when it throws; every other call goes through
/// web-sys, which returns the exception as an error, and each caller handles it. [`Store::open`]
/// probes the rest once ([`readable`], [`writable`]) to decide to run in memory.
fn local_storage() -> Option<web_sys::Storage> {
    let usable = matches!(web_sys::window()?.local_storage(), Ok(Some(_)));
    usable.then(LocalStorage::raw)
}

/// The key [`readable`] reads and [`writable`] writes to find out what storage allows.
const PROBE_KEY: &str = "reachout:probe";

/// True when storage can be read: `getItem`, `length` and `key` do not throw.
fn readable(storage: &web_sys::Storage) -> bool {
    storage.get_item(PROBE_KEY).is_ok() && storage.length().is_ok() && storage.key(0).is_ok()
}

/// True when storage takes a write: `setItem` may throw where reading works. A full storage
/// counts as writable (the data is there and readable; saving says that it is full).
fn writable(storage: &web_sys::Storage) -> bool {
    match storage.set_item(PROBE_KEY, "1") {
        Ok(()) => {
            let _ = storage.remove_item(PROBE_KEY);
            true
        }
        Err(error) => is_quota_error(&error),
    }
}

impl Store {
    /// A handle on `namespace` in `mode`, having read (or written) `seen` at `revision`.
    fn new(
        namespace: &str,
        mode: Mode,
        revision: u64,
        seen: Option<String>,
        parts: Option<PartKeys>,
    ) -> Store {
        Store {
            namespace: namespace.into(),
            mode,
            revision,
            seen,
            parts,
            retired: Vec::new(),
            ahead: None,
        }
    }

    pub fn document_key(namespace: &str) -> String {
        format!("{namespace}:document")
    }

    pub fn quarantine_key(namespace: &str, now: DateTime<Utc>) -> String {
        format!(
            "{namespace}:quarantine:{}",
            now.format("%Y-%m-%dT%H:%M:%S%.3fZ")
        )
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    /// True when this store writes: not read-only, not in memory.
    pub fn saves(&self) -> bool {
        self.mode == Mode::ReadWrite
    }

    /// Stores `text` under `key`, beside the document, under the same rule as the document:
    /// nothing is written unless this store saves. False when nothing was written.
    pub fn write_beside(&self, key: &str, text: &str) -> bool {
        self.saves() && write(key, text)
    }

    /// The revision of the document as this tab last read or wrote it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Reads what another tab saved since this one last read or wrote. `None` when nothing
    /// changed (or the document was removed: the next save writes this tab's copy back); else
    /// the newer book, or a notice when it cannot be read, and then this tab stops saving so it
    /// never writes over it.
    ///
    /// Values out of range (another tab running an earlier build) are brought into range like
    /// at opening, after their raw text is kept aside; if it cannot be, this tab stops saving.
    pub fn refresh(&mut self, now: DateTime<Utc>) -> Option<Result<(Book, u64), StorageNotice>> {
        if self.mode == Mode::InMemory {
            return None;
        }
        let raw = local_storage()?
            .get_item(&Store::document_key(&self.namespace))
            .ok()?;
        if raw == self.seen {
            return None;
        }
        self.seen.clone_from(&raw);
        // Whatever is stored now, the parts this tab knew (or wrote ahead) no longer describe it.
        self.parts = None;
        self.drop_ahead(now);
        let raw = raw?;
        if let Err(notice) = lock::follow(&raw) {
            // Locked with keys this tab does not hold: it reads and writes nothing more.
            self.mode = Mode::ReadOnly;
            return Some(Err(notice));
        }
        let storage = local_storage()?;
        match read_stored(&storage, &raw) {
            Ok((opened, _))
                if !opened.adjusted.is_empty()
                    && local_storage()
                        .and_then(|storage| {
                            let key = Store::document_key(&self.namespace);
                            keep_aside(&storage, &self.namespace, &key, now)
                        })
                        .is_none() =>
            {
                self.mode = Mode::ReadOnly;
                Some(Err(StorageNotice::UnreadableKept {
                    reason: "another tab saved values out of range, and the original could not \
                             be copied aside"
                        .into(),
                }))
            }
            Ok((opened, parts)) => {
                let theirs = opened.document.revision;
                self.revision = self.revision.max(theirs);
                if opened.adjusted.is_empty() {
                    self.parts = parts;
                }
                Some(Ok((opened.document.data, theirs)))
            }
            Err(error) => {
                self.mode = Mode::ReadOnly;
                let reason = error.to_string();
                Some(Err(if error.is_newer_version() {
                    StorageNotice::NewerVersion { reason }
                } else {
                    StorageNotice::UnreadableKept { reason }
                }))
            }
        }
    }

    /// Saves the whole book, every part of it. On failure the stored copy is unchanged
    /// (localStorage writes are all-or-nothing, and a manifest is written last) and the caller
    /// keeps the book in memory.
    pub fn save(&mut self, book: &Book, now: DateTime<Utc>) -> Result<(), StorageNotice> {
        self.save_over(book, None, now).map(|_| ())
    }

    /// Saves `book`, given `base`, the book as this store last read or wrote it: when the
    /// document is stored in parts, only the parts whose records differ from `base` are
    /// written again. Returns the parts outside which `book` and `base` agree, when that was
    /// found out on the way (`None` when the document was written whole).
    pub fn save_over(
        &mut self,
        book: &Book,
        base: Option<&Book>,
        now: DateTime<Utc>,
    ) -> Result<Option<BTreeSet<u64>>, StorageNotice> {
        if !self.saves() {
            // The banner shown at opening already says nothing is being saved.
            return Ok(None);
        }
        let Some(storage) = local_storage() else {
            return Err(StorageNotice::SaveFailed {
                quota_exceeded: false,
            });
        };
        let revision = self.revision.saturating_add(1);
        let (text, listed, written, differ) = if parts::should_split(book) {
            let PartsWritten {
                listed,
                written,
                differ,
            } = self.write_parts(&storage, book, base, revision, now)?;
            let text = parts::encode_manifest(book, revision, now, &listed);
            (text, Some(listed), written, differ)
        } else {
            let text = document::encode_packed(book, revision, now);
            (text, None, Vec::new(), None)
        };
        let text = match put(&storage, &Store::document_key(&self.namespace), &text) {
            Ok(stored) => stored,
            Err(notice) => {
                // The parts just written are listed nowhere; the previous manifest is intact.
                remove_all(&storage, &written);
                return Err(notice);
            }
        };
        let before = std::mem::replace(&mut self.parts, listed);
        // Parts written ahead that this save did not list go the way of unlisted parts.
        let ahead = self.ahead.take().map(|a| a.written);
        let unlisted: PartKeys = before
            .into_iter()
            .flatten()
            .chain(ahead.into_iter().flatten())
            .collect();
        self.retire(Some(unlisted), &storage, now);
        self.revision = revision;
        self.seen = Some(text);
        Ok(differ)
    }
}

fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22)
}

/// Every key that starts with `prefix`, in order (so quarantine copies come oldest first).
fn keys_with_prefix(storage: &web_sys::Storage, prefix: &str) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect();
    keys.sort();
    keys
}

/// Which of our records a `storage` event from another tab is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    /// The document itself.
    Document,
    /// A record kept beside it: the backup mark, the restore snapshot, a quarantine copy.
    Beside,
    /// Everything (the other tab cleared storage).
    All,
    /// Another app's key on the same origin, or a part of the document (the manifest, written
    /// after its parts, says when they are complete).
    Elsewhere,
}

/// Sorts the key of a `storage` event (`None` when storage was cleared).
pub fn changed(namespace: &str, key: Option<&str>) -> Changed {
    match key {
        None => Changed::All,
        Some(key) if key == Store::document_key(namespace) => Changed::Document,
        Some(key) if key.starts_with(&part_prefix(namespace)) => Changed::Elsewhere,
        Some(key)
            if key
                .strip_prefix(namespace)
                .is_some_and(|rest| rest.starts_with(':')) =>
        {
            Changed::Beside
        }
        Some(_) => Changed::Elsewhere,
    }
}
