//! The app state shared through context, and the single place where changes are saved:
//! every change to the book goes through [`AppState::change`], the way Elm wraps `update`.
//!
//! Saves are gathered: the first change after a save starts a 300 ms timer and the book is
//! saved when it fires, so typing never waits on compression. [`AppState::flush`] saves at
//! once; the shell calls it when the page is hidden or unloaded. Before every change and save,
//! what another tab saved is merged in (see [`crate::model::sync`]), so no edit is lost.

mod backups;
mod day;
mod exchanges;
mod lock;
mod said;
mod saving;
mod stored;

/// What pages show of storage: its notices, its quota and the app's namespace.
pub use crate::storage::{StorageNotice, APP_NAMESPACE, QUOTA_UNITS};
pub use backups::{Cause, DataError, RestoreError, Snapshot};
pub use lock::{LockError, LOCK_AFTER, LOCK_AFTER_CHOICES, LOCK_AFTER_DEFAULT};

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::clock;
use crate::format::backup::BackupMark;
use crate::model::two_tabs::Clash;
use crate::model::{Book, ContactIndex, Undo};
use crate::storage::{self, Store};
pub use saving::when_idle;

/// Pages and components read the fields through read-only signals and change the book only
/// through [`AppState::change`], so every change is saved, and saved in one place.
#[derive(Clone, Copy)]
pub struct AppState {
    book: RwSignal<Book>,
    /// The storage problem to show, if any; cleared by the next successful save.
    notice: RwSignal<Option<StorageNotice>>,
    /// The last change that can be taken back, with a number that tells offers apart.
    undo: RwSignal<Option<(u64, Undo)>>,
    /// A short confirmation for a change whose own place on the page has gone (a row on Today
    /// that left once it was followed up), with a number so a newer one is not cut short.
    said: RwSignal<Option<(u64, String)>>,
    /// The records of this tab that the last merge with another tab's save gave new ids, as
    /// (old id, new id): both tabs had taken the same id in the same moment. Numbered, and
    /// gone after a few seconds, like a confirmation.
    moved: RwSignal<Option<(u64, Moves)>>,
    /// Contact fields that this tab and another changed at the same moment: this tab's text
    /// was kept, the other's waits here to be offered back until the person chooses.
    clashes: RwSignal<Vec<Clash>>,
    /// Whether the browser agreed to keep the data under storage pressure; asked after the
    /// first save, `None` until it answers.
    persistent: RwSignal<Option<bool>>,
    /// The revision of the stored document as this tab last read or wrote it; changes after
    /// every save, so what measures storage follows it.
    revision: RwSignal<u64>,
    /// When the last backup was made.
    backup: RwSignal<BackupMark>,
    /// The data as it was before the last restore, for one-click undo; see `load_snapshot`.
    snapshot: RwSignal<Option<Snapshot>>,
    /// Storage keys holding unreadable data set aside, for the user to download or remove.
    quarantined: RwSignal<Vec<String>>,
    /// The local day; moves on at midnight and when the page is shown again.
    today: RwSignal<NaiveDate>,
    /// The data is locked with a passphrase (this tab holds the keys).
    lock_on: RwSignal<bool>,
    store: StoredValue<Store>,
    sync: StoredValue<Sync>,
    /// Every contact's row facts for the Contacts list, with the number of the build: made
    /// once per change of the data (or of the day) and kept between visits to the list, so
    /// that opening it does not wait for 10,000 contacts to be looked at again.
    contact_index: Memo<(u64, ContactIndex)>,
}

/// What this tab knows about the stored document, to merge another tab's save with its own.
struct Sync {
    /// The book as last read from or written to storage, and its revision.
    base: Book,
    base_revision: u64,
    /// The base before that: the common ancestor when another tab wrote without seeing ours.
    parent: Book,
    /// The parts (see `format::parts`) outside which `parent` and `base` agree, when known:
    /// after a save, the parent catches up by copying only those parts and the saved ones.
    apart: Option<BTreeSet<u64>>,
    /// The book has changes that are not stored yet.
    dirty: bool,
    /// A save is scheduled.
    pending: bool,
    /// Persistent storage was asked for in this page's life.
    asked_to_persist: bool,
}

/// At most this long passes between a change and its save, in milliseconds.
const SAVE_AFTER_MS: u64 = 300;

/// How long the undo toast stays, in milliseconds.
const UNDO_FOR_MS: u64 = 15_000;
/// How long a confirmation stays in the status line.
const SAID_FOR_MS: u64 = 6_000;

/// How long a page may still follow a record that a merge renumbered: long enough for a page
/// being drawn as the merge happens, short enough that a later visit to the old id is not
/// taken for it.
const MOVED_FOR_MS: u64 = 5_000;

/// Records given new ids, as (old id, new id).
type Moves = Vec<(u64, u64)>;

impl AppState {
    /// Opens storage and builds the state; call once, at the root.
    pub fn open(namespace: &str) -> Self {
        crate::marks::mark("reachout:open-storage-start");
        let opened = Store::open(namespace, clock::now());
        crate::marks::measure("reachout:open-storage", "reachout:open-storage-start");
        // Values brought into range are saved as such at once (the original is kept aside), so
        // the next opening finds nothing to adjust and the banner does not come back.
        let adjusted = matches!(opened.notice, Some(StorageNotice::Adjusted { .. }));
        let sync = Sync {
            base: opened.book.clone(),
            base_revision: opened.store.revision(),
            parent: opened.book.clone(),
            apart: Some(BTreeSet::new()),
            dirty: adjusted,
            pending: false,
            asked_to_persist: false,
        };
        let book = RwSignal::new(opened.book);
        let today = RwSignal::new(clock::today());
        let builds = StoredValue::new(0u64);
        let contact_index = Memo::new(move |_| {
            builds.update_value(|n| *n += 1);
            let index = book.with(|book| book.contact_index(today.get()));
            (builds.get_value(), index)
        });
        let state = AppState {
            book,
            notice: RwSignal::new(opened.notice),
            undo: RwSignal::new(None),
            said: RwSignal::new(None),
            moved: RwSignal::new(None),
            clashes: RwSignal::new(Vec::new()),
            persistent: RwSignal::new(None),
            revision: RwSignal::new(opened.store.revision()),
            backup: RwSignal::new(storage::backup_mark(namespace)),
            // Read when the Data page first needs it: decoding it would slow every start.
            snapshot: RwSignal::new(None),
            quarantined: RwSignal::new(storage::quarantined(namespace)),
            today,
            lock_on: RwSignal::new(storage::is_unlocked()),
            store: StoredValue::new(opened.store),
            sync: StoredValue::new(sync),
            contact_index,
        };
        if adjusted {
            state.schedule_save();
        }
        // After the first page is drawn (its frame comes first), not before.
        request_animation_frame(move || {
            state.prepare_contact_index();
            state.split_ahead();
        });
        state
    }

    /// Every contact, reach-out and setting, as this tab holds them.
    pub fn book(&self) -> ReadSignal<Book> {
        self.book.read_only()
    }

    pub fn notice(&self) -> ReadSignal<Option<StorageNotice>> {
        self.notice.read_only()
    }

    pub fn undo(&self) -> ReadSignal<Option<(u64, Undo)>> {
        self.undo.read_only()
    }

    pub fn persistent(&self) -> ReadSignal<Option<bool>> {
        self.persistent.read_only()
    }

    pub fn backup(&self) -> ReadSignal<BackupMark> {
        self.backup.read_only()
    }

    pub fn snapshot(&self) -> ReadSignal<Option<Snapshot>> {
        self.snapshot.read_only()
    }

    pub fn quarantined(&self) -> ReadSignal<Vec<String>> {
        self.quarantined.read_only()
    }

    /// The revision of the stored document; it moves with every save, this tab's or another's.
    pub fn revision(&self) -> ReadSignal<u64> {
        self.revision.read_only()
    }

    /// The Contacts list's index, with the number of its build.
    pub fn contact_index(&self) -> Memo<(u64, ContactIndex)> {
        self.contact_index
    }

    /// Builds the Contacts list's index ahead, when the page has nothing else to do after
    /// opening, so that the list opens at once at any size. After a change it is built again
    /// when the list is next shown (not after every save: at 10,000 contacts that is a long
    /// task, on every page, for a list that may not be opened).
    fn prepare_contact_index(&self) {
        let index = self.contact_index;
        // `try_`: a state mounted and dropped again (as the component tests do) may be gone
        // by the time the browser is idle.
        when_idle(move || {
            let _ = index.try_with_untracked(|_| ());
        });
    }

    /// Today in the user's time zone; it follows the clock past midnight.
    pub fn today(&self) -> ReadSignal<NaiveDate> {
        self.today.read_only()
    }

    /// The storage key of the document, to tell the person where their data lives.
    pub fn document_key(&self) -> String {
        self.store
            .with_value(|s| Store::document_key(s.namespace()))
    }

    /// A small remembered choice (not data: never in a backup), like a panel left open.
    pub fn preference<T: serde::de::DeserializeOwned>(&self, name: &str) -> Option<T> {
        self.store
            .with_value(|s| storage::preference(s.namespace(), name))
    }

    /// Whether a `storage` event (`None`: storage cleared) is about the preference `name`.
    pub fn preference_changed(&self, key: Option<&str>, name: &str) -> bool {
        key.is_none_or(|key| {
            self.store
                .with_value(|s| key == storage::preference_key(s.namespace(), name))
        })
    }

    /// Remembers a choice for the next visit; if storage refuses, it lasts this visit only
    /// (a choice is not data, so the person is not interrupted about it).
    pub fn remember<T: serde::Serialize + ?Sized>(&self, name: &str, value: &T) {
        let _ = self
            .store
            .with_value(|s| storage::remember(s.namespace(), name, value));
    }

    /// Hides the banner about values brought into range; the copy of the original stays
    /// listed on the Data page.
    pub fn dismiss_adjusted_notice(&self) {
        if self
            .notice
            .with_untracked(|n| matches!(n, Some(StorageNotice::Adjusted { .. })))
        {
            self.notice.set(None);
        }
    }
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

/// Shows `value` in `slot` for `ms` milliseconds. Each showing is numbered, so that the timer
/// of an earlier one never takes away a later one.
fn show_for<T: Send + std::marker::Sync + 'static>(
    slot: RwSignal<Option<(u64, T)>>,
    value: T,
    ms: u64,
) {
    let number = slot.with_untracked(|s| s.as_ref().map_or(0, |(n, _)| n + 1));
    slot.set(Some((number, value)));
    set_timeout(
        move || {
            if slot.with_untracked(|s| s.as_ref().is_some_and(|(n, _)| *n == number)) {
                slot.set(None);
            }
        },
        std::time::Duration::from_millis(ms),
    );
}
