//! The app state shared through context, and the single place where changes are saved:
//! every change to the book goes through [`AppState::change`], the way Elm wraps `update`.
//!
//! Saves are gathered: the first change after a save starts a 300 ms timer and the book is
//! saved when it fires, so typing never waits on compression. [`AppState::flush`] saves at
//! once; the shell calls it when the page is hidden or unloaded. Before every change and save,
//! what another tab saved is merged in (see [`crate::model::sync`]), so no edit is lost.

mod backups;

/// What pages show of storage: its notices, its quota and the app's namespace.
pub use crate::storage::{StorageNotice, APP_NAMESPACE, QUOTA_UNITS};
pub use backups::{Cause, DataError, RestoreError, Snapshot};

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::clock;
use crate::format::backup::BackupMark;
use crate::format::parts;
use crate::model::sync::{merge_noting_moves, Clash, Merged};
use crate::model::{Book, ContactIndex, ModelError, Undo};
use crate::storage::{self, Changed, Store};

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
            store: StoredValue::new(opened.store),
            sync: StoredValue::new(sync),
            contact_index,
        };
        if adjusted {
            state.schedule_save();
        }
        // After the first page is drawn (its frame comes first), not before.
        request_animation_frame(move || state.prepare_contact_index());
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

    /// Checks the clock: a new local day moves Today on. Called when the page is shown again
    /// and by the midnight timer.
    pub fn check_the_day(&self) {
        let today = clock::today();
        if self.today.get_untracked() != today {
            self.today.set(today);
        }
    }

    /// Keeps [`AppState::today`] right while the tab stays open: a timer to the next local
    /// midnight (then again), and a check whenever the page becomes visible, since timers
    /// sleep in hidden tabs and on a locked phone.
    pub fn follow_the_clock(&self) {
        let state = *self;
        let wait = clock::until_next_midnight();
        set_timeout(
            move || {
                state.check_the_day();
                state.follow_the_clock();
            },
            wait,
        );
    }

    /// Takes in what another tab changed, given the key of a `storage` event.
    pub fn other_tab_changed(&self, key: Option<&str>) {
        let namespace = self.store.with_value(|s| s.namespace().to_string());
        match storage::changed(&namespace, key) {
            Changed::Document => self.sync_from_storage(),
            Changed::Beside => self.reread_records_beside_the_document(),
            Changed::All => {
                self.sync_from_storage();
                self.reread_records_beside_the_document();
            }
            Changed::Elsewhere => {}
        }
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

    /// Closes the undo toast without undoing.
    pub fn dismiss_undo(&self) {
        self.undo.set(None);
    }

    /// Takes in what another tab saved: its changes are merged with this tab's unsaved ones.
    pub fn sync_from_storage(&self) {
        let theirs = match self
            .store
            .try_update_value(|store| store.refresh(clock::now()))
            .flatten()
        {
            Some(Ok(theirs)) => theirs,
            Some(Err(notice)) => return self.notice.set(Some(notice)),
            None => return,
        };
        let (theirs, revision) = theirs;
        let mine = self.book.get_untracked();
        let merged = self.sync.try_update_value(|sync| {
            // A higher revision was written on top of ours; an equal or lower one was written
            // by a tab that had not seen our last save, so it shares our previous base.
            let ancestor = if revision > sync.base_revision {
                &sync.base
            } else {
                &sync.parent
            };
            let Merged {
                book: merged,
                moves,
                clashes,
            } = merge_noting_moves(ancestor, &mine, &theirs);
            if !moves.is_empty() {
                show_for(self.moved, moves, MOVED_FOR_MS);
            }
            if !clashes.is_empty() {
                self.clashes.update(|c| c.extend(clashes));
            }
            sync.dirty = merged != theirs;
            sync.parent = std::mem::replace(&mut sync.base, theirs);
            sync.apart = None;
            sync.base_revision = revision;
            merged
        });
        self.note_revision();
        if let Some(merged) = merged {
            if merged != mine {
                self.book.set(merged);
            }
            if self.sync.with_value(|s| s.dirty) {
                self.schedule_save();
            }
        }
    }

    /// Applies `operation` to the book; when it succeeds, a save follows within 300 ms.
    /// A refused operation changes nothing and notifies no one.
    pub fn change<T>(
        &self,
        operation: impl FnOnce(&mut Book) -> Result<T, ModelError>,
    ) -> Result<T, ModelError> {
        // Another tab may have saved since; the change applies on top of that, so both are kept.
        self.sync_from_storage();
        let mut outcome = None;
        self.book.maybe_update(|book| {
            let result = operation(book);
            let changed = result.is_ok();
            outcome = Some(result);
            changed
        });
        let outcome = outcome.unwrap_or(Err(ModelError::Unavailable));
        if outcome.is_ok() {
            self.sync.update_value(|s| s.dirty = true);
            self.schedule_save();
        }
        outcome
    }

    /// Replaces the whole book (a restore), saved at once rather than after the usual delay.
    pub fn replace(&self, book: Book) {
        let _ = self.change(move |current| {
            *current = book;
            Ok(())
        });
        self.flush();
    }

    fn schedule_save(&self) {
        let already = self
            .sync
            .try_update_value(|s| std::mem::replace(&mut s.pending, true));
        if already == Some(false) {
            let state = *self;
            set_timeout(
                move || state.flush(),
                std::time::Duration::from_millis(SAVE_AFTER_MS),
            );
        }
    }

    /// Saves now if anything is unsaved. Safe to call at any time, as often as wanted.
    pub fn flush(&self) {
        // After a bug stopped the app, nothing more is written: what is stored stays as it was.
        if crate::recovery::has_failed() {
            return;
        }
        let Some(dirty) = self.sync.try_update_value(|s| {
            s.pending = false;
            s.dirty
        }) else {
            return;
        };
        if dirty {
            self.sync_from_storage();
            self.save();
        }
    }

    /// Publishes the store's revision when it moved, and returns it.
    fn note_revision(&self) -> u64 {
        let revision = self.store.with_value(Store::revision);
        if self.revision.get_untracked() != revision {
            self.revision.set(revision);
        }
        revision
    }

    /// After the first real save, asks the browser to keep the data (once per page load; the
    /// answer does not change the app, it is shown on the Data page).
    fn ask_to_persist(&self) {
        let asked = self
            .sync
            .try_update_value(|s| std::mem::replace(&mut s.asked_to_persist, true));
        let saving = self.store.with_value(Store::saves);
        if asked == Some(false) && saving {
            let persistent = self.persistent;
            wasm_bindgen_futures::spawn_local(async move {
                let granted = storage::request_persistence().await;
                persistent.try_set(granted);
            });
        }
    }

    /// True while a change waits to be saved.
    pub fn has_unsaved_changes(&self) -> bool {
        self.sync.try_with_value(|s| s.dirty).unwrap_or(false)
    }

    /// The records of this tab that a merge gave new ids in the last few seconds, as (old id,
    /// new id): a page that shows one follows it, even one drawn just after the merge.
    pub fn moved(&self) -> Signal<Vec<(u64, u64)>> {
        let moved = self.moved;
        Signal::derive(move || {
            moved.with(|m| {
                m.as_ref()
                    .map(|(_, moves)| moves.clone())
                    .unwrap_or_default()
            })
        })
    }

    /// Contact fields another tab changed at the same moment as this one (this tab's kept).
    pub fn clashes(&self) -> ReadSignal<Vec<Clash>> {
        self.clashes.read_only()
    }

    /// Settles a clash: keeps this tab's text, or puts the other tab's back (as an edit of
    /// that one field, checked as the form checks it).
    pub fn settle_clash(&self, clash: &Clash, use_theirs: bool) -> Result<(), ModelError> {
        if use_theirs {
            let field = clash.conflict.field;
            let theirs = clash.conflict.theirs.clone();
            self.change(|book| {
                let contact = book
                    .contact(clash.contact)
                    .ok_or(ModelError::UnknownContact(clash.contact))?;
                let before = crate::model::ContactDraft::from_contact(contact);
                let mut after = before.clone();
                *after.field_mut(field) = theirs;
                book.edit_contact(clash.contact, &before, &after, clock::now())
            })?;
        }
        self.clashes.update(|c| c.retain(|c| c != clash));
        Ok(())
    }

    /// The confirmation being shown, if any.
    pub fn said(&self) -> Signal<Option<String>> {
        let said = self.said;
        Signal::derive(move || said.with(|s| s.as_ref().map(|(_, text)| text.clone())))
    }

    /// Confirms a change in the page's status line for a few seconds: for a change whose own
    /// place on the page is gone, so that each save confirms itself.
    pub fn say(&self, text: impl Into<String>) {
        show_for(self.said, text.into(), SAID_FOR_MS);
    }

    /// Shows the undo toast for `undo`; it goes away by itself after 15 seconds.
    pub fn offer_undo(&self, undo: Undo) {
        show_for(self.undo, undo, UNDO_FOR_MS);
    }

    /// Takes back the change the toast offers, and saves.
    pub fn apply_undo(&self) {
        if let Some((_, undo)) = self.undo.get_untracked() {
            self.undo.set(None);
            let _ = self.change(|book| {
                book.undo(undo);
                Ok(())
            });
        }
    }

    fn save(&self) {
        // Stored in parts, only the parts that differ from the base are written again.
        let saved = self.book.with_untracked(|book| {
            self.sync.with_value(|sync| {
                self.store
                    .try_update_value(|store| store.save_over(book, Some(&sync.base), clock::now()))
            })
        });
        match saved {
            Some(Ok(differ)) => {
                let revision = self.note_revision();
                self.book.with_untracked(|book| {
                    self.sync.update_value(|sync| {
                        // The base becomes the parent, and the parent catches up with what
                        // was saved: no whole copy of the book on every save, and when the
                        // parts that differ are known, only those are copied.
                        std::mem::swap(&mut sync.parent, &mut sync.base);
                        let patched = match (sync.apart.take(), &differ) {
                            (Some(mut apart), Some(differ)) => {
                                apart.extend(differ);
                                parts::patch(&mut sync.base, book, &apart)
                            }
                            _ => false,
                        };
                        if !patched {
                            sync.base.catch_up(book);
                        }
                        sync.apart = differ;
                        sync.base_revision = revision;
                        sync.dirty = false;
                    })
                });
                self.ask_to_persist();
                // A save that works again clears an earlier failure; other notices stay.
                if matches!(
                    self.notice.get_untracked(),
                    Some(StorageNotice::SaveFailed { .. })
                ) {
                    self.notice.set(None);
                }
            }
            Some(Err(notice)) => self.notice.set(Some(notice)),
            None => self.notice.set(Some(StorageNotice::SaveFailed {
                quota_exceeded: false,
            })),
        }
    }
}

/// Runs `work` when the browser has nothing else to do (`requestIdleCallback`), or on the
/// next turn where there is no such thing (Safari).
fn when_idle(work: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request) => {
            let work = wasm_bindgen::closure::Closure::once_into_js(work);
            let _ = request.call1(&window, &work);
        }
        None => set_timeout(work, std::time::Duration::from_millis(0)),
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
