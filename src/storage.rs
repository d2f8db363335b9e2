//! The one module that touches the browser's localStorage.
//!
//! It never writes over data it could not read: unreadable text is first copied to a
//! quarantine key, and data from a newer Reachout is left alone (the app runs read-only).
//! Every failure comes back as a [`StorageNotice`] for the user to see.
//!
//! `gloo-storage` is not used: its `raw()` panics where storage is blocked, and its typed
//! get/set would re-encode the raw text that we must keep byte for byte.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsCast;

use crate::format::document::{self, DecodeError};
use crate::model::Book;

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

/// A problem the user must know about, shown as a banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    Unavailable,
    /// Unreadable data was copied to `key`; the app started empty.
    Quarantined {
        key: String,
        reason: String,
    },
    /// Unreadable data that could not even be copied aside: nothing is saved, to keep it intact.
    UnreadableKept {
        reason: String,
    },
    NewerVersion {
        reason: String,
    },
    SaveFailed {
        quota_exceeded: bool,
    },
}

impl StorageNotice {
    pub fn message(&self) -> String {
        match self {
            StorageNotice::Unavailable => "This browser is not letting Reachout store data (private mode or blocked storage). \
                You can use the app, but nothing will be kept after you close this tab."
                .into(),
            StorageNotice::Quarantined { key, reason } => format!(
                "Your saved data could not be read: {reason}. It has been kept unchanged under the \
                 storage key \"{key}\", and Reachout started with an empty record."
            ),
            StorageNotice::UnreadableKept { reason } => format!(
                "Your saved data could not be read: {reason}. To keep it intact, Reachout will not \
                 save anything in this browser until it is dealt with."
            ),
            StorageNotice::NewerVersion { reason } => format!(
                "Your data could not be opened: {reason}. It is left untouched; changes made here \
                 will not be saved. Open it with the newer Reachout."
            ),
            StorageNotice::SaveFailed { quota_exceeded: true } => "Not saved: this browser's storage is full. \
                Download a backup on the Data page, or free some space. Your changes are kept in this \
                tab and will be saved with your next change once there is room."
                .into(),
            StorageNotice::SaveFailed { quota_exceeded: false } => "Not saved: the browser refused to store your data. \
                Your changes are kept in this tab for now and will be saved with your next change."
                .into(),
        }
    }
}

/// What opening storage found.
pub struct Opened {
    pub store: Store,
    pub book: Book,
    pub notice: Option<StorageNotice>,
}

/// The handle to the stored document. It keeps no browser object, only where and how to save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    namespace: String,
    mode: Mode,
    revision: u64,
    /// The stored text as this tab last read or wrote it; a difference means another tab saved.
    seen: Option<String>,
}

fn local_storage() -> Option<web_sys::Storage> {
    // Both the lookup and its result can fail (blocked storage throws a SecurityError).
    web_sys::window()?.local_storage().ok().flatten()
}

impl Store {
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

    /// Opens the document stored under `namespace`, setting aside what it cannot read.
    pub fn open(namespace: &str, now: DateTime<Utc>) -> Opened {
        let in_memory = |notice| Opened {
            store: Store {
                namespace: namespace.into(),
                mode: Mode::InMemory,
                revision: 0,
                seen: None,
            },
            book: Book::default(),
            notice,
        };
        let Some(storage) = local_storage() else {
            return in_memory(Some(StorageNotice::Unavailable));
        };
        let key = Store::document_key(namespace);
        let raw = match storage.get_item(&key) {
            Ok(raw) => raw,
            Err(_) => return in_memory(Some(StorageNotice::Unavailable)),
        };
        let seen = raw.clone();
        let store = |mode, revision| Store {
            namespace: namespace.into(),
            mode,
            revision,
            seen: seen.clone(),
        };
        let Some(raw) = raw else {
            return Opened {
                store: store(Mode::ReadWrite, 0),
                book: Book::default(),
                notice: None,
            };
        };
        match document::decode(&raw) {
            Ok(doc) => Opened {
                store: store(Mode::ReadWrite, doc.revision),
                book: doc.data,
                notice: None,
            },
            Err(error) if error.is_newer_version() => Opened {
                store: store(Mode::ReadOnly, 0),
                book: Book::default(),
                notice: Some(StorageNotice::NewerVersion {
                    reason: error.to_string(),
                }),
            },
            Err(error) => Store::quarantine(&storage, namespace, &raw, &error, now),
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
        // Opening again while the original is still unreadable reuses the copy made before.
        let earlier = quarantined(namespace)
            .into_iter()
            .find(|key| storage.get_item(key).ok().flatten().as_deref() == Some(raw));
        let key = earlier.unwrap_or_else(|| Store::quarantine_key(namespace, now));
        let copied = (storage.get_item(&key).ok().flatten().as_deref() == Some(raw))
            || (storage.set_item(&key, raw).is_ok()
                && storage.get_item(&key).ok().flatten().as_deref() == Some(raw));
        let (mode, notice) = if copied {
            (Mode::ReadWrite, StorageNotice::Quarantined { key, reason })
        } else {
            (Mode::ReadOnly, StorageNotice::UnreadableKept { reason })
        };
        Opened {
            store: Store {
                namespace: namespace.into(),
                mode,
                revision: 0,
                seen: Some(raw.to_string()),
            },
            book: Book::default(),
            notice: Some(notice),
        }
    }

    /// Reads what another tab saved since this one last read or wrote. `None` when nothing
    /// changed (or the document was removed: the next save writes this tab's copy back); else
    /// the newer book, or a notice when it cannot be read, and then this tab stops saving so it
    /// never writes over it.
    pub fn refresh(&mut self) -> Option<Result<(Book, u64), StorageNotice>> {
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
        match document::decode(&raw?) {
            Ok(doc) => {
                let theirs = doc.revision;
                self.revision = self.revision.max(theirs);
                Some(Ok((doc.data, theirs)))
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

    /// Saves the whole book. On failure the stored copy is unchanged (localStorage writes
    /// are all-or-nothing) and the caller keeps the book in memory.
    pub fn save(&mut self, book: &Book, now: DateTime<Utc>) -> Result<(), StorageNotice> {
        if !self.saves() {
            // The banner shown at opening already says nothing is being saved.
            return Ok(());
        }
        let Some(storage) = local_storage() else {
            return Err(StorageNotice::SaveFailed {
                quota_exceeded: false,
            });
        };
        let text = document::encode_packed(book, self.revision + 1, now);
        match storage.set_item(&Store::document_key(&self.namespace), &text) {
            Ok(()) => {
                self.revision += 1;
                self.seen = Some(text);
                Ok(())
            }
            Err(error) => Err(StorageNotice::SaveFailed {
                quota_exceeded: is_quota_error(&error),
            }),
        }
    }
}

fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22)
}

/// Every quarantine key in `namespace`, oldest first.
pub fn quarantined(namespace: &str) -> Vec<String> {
    let prefix = format!("{namespace}:quarantine:");
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(&prefix))
        .collect();
    keys.sort();
    keys
}

/// The text stored under `key`, if storage can be read and holds it.
pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Removes `key`; true when it is gone afterwards.
pub fn remove(key: &str) -> bool {
    local_storage().is_some_and(|s| s.remove_item(key).is_ok() && read(key).is_none())
}

fn write(key: &str, text: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, text).is_ok())
}

/// The key holding a copy of the data as it was before the last restore.
pub fn snapshot_key(namespace: &str) -> String {
    format!("{namespace}:snapshot")
}

/// The key holding when the last backup was made.
pub fn backup_key(namespace: &str) -> String {
    format!("{namespace}:backup")
}

/// What this origin's localStorage holds, in UTF-16 code units (keys and values, every app on
/// the origin), which is what browsers count against its quota.
pub fn usage() -> Option<u64> {
    let storage = local_storage()?;
    let count = storage.length().ok()?;
    let mut units = 0u64;
    for i in 0..count {
        let key = storage.key(i).ok()??;
        let value = storage.get_item(&key).ok()?.unwrap_or_default();
        units += (key.encode_utf16().count() + value.encode_utf16().count()) as u64;
    }
    Some(units)
}

/// localStorage's limit per origin, in UTF-16 code units: Chromium and Firefox allow about five
/// million (Chromium 10 MiB at two bytes each); Safari at least 2.5 million.
pub const QUOTA_UNITS: u64 = 5_000_000;

fn storage_manager() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

async fn ask(
    call: impl FnOnce(&web_sys::StorageManager) -> Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Option<wasm_bindgen::JsValue> {
    let manager = storage_manager()?;
    let promise = call(&manager).ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// Asks the browser not to clear this origin's data under storage pressure; `Some(granted)`.
pub async fn request_persistence() -> Option<bool> {
    ask(|m| m.persist()).await?.as_bool()
}

/// Whether the browser has agreed to keep this origin's data.
pub async fn is_persistent() -> Option<bool> {
    ask(|m| m.persisted()).await?.as_bool()
}

/// The browser's estimate for the whole origin, in bytes: `(usage, quota)`.
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate = ask(|m| m.estimate()).await?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &wasm_bindgen::JsValue::from_str(name))
            .ok()?
            .as_f64()
    };
    Some((number("usage")?, number("quota")?))
}
