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
            StorageNotice::SaveFailed { quota_exceeded: true } => "Not saved: this browser's storage for Reachout is full. \
                Your changes are kept in this tab for now and will be saved with your next change \
                once there is room; free some space or export your data."
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
        let key = Store::quarantine_key(namespace, now);
        let reason = error.to_string();
        let copied = storage.set_item(&key, raw).is_ok()
            && storage.get_item(&key).ok().flatten().as_deref() == Some(raw);
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
    pub fn refresh(&mut self) -> Option<Result<Book, StorageNotice>> {
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
                self.revision = doc.revision;
                Some(Ok(doc.data))
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
        match self.mode {
            Mode::ReadWrite => {}
            // The banner shown at opening already says nothing is being saved.
            Mode::ReadOnly | Mode::InMemory => return Ok(()),
        }
        let Some(storage) = local_storage() else {
            return Err(StorageNotice::SaveFailed {
                quota_exceeded: false,
            });
        };
        let text = document::encode(book, self.revision + 1, now);
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
