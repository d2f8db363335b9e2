//! Saving and taking in other tabs' saves: every change goes through [`AppState::change`], is
//! saved after a short pause (at once before the page goes away), and merged with what another
//! tab saved meanwhile, field by field.

use leptos::prelude::*;

use super::{show_for, AppState, MOVED_FOR_MS, SAVE_AFTER_MS};
use crate::clock;
use crate::format::parts;
use crate::model::two_tabs::{merge_noting_moves, Clash, Merged};
use crate::model::{Book, ModelError};
use crate::storage::{self, Changed, StorageNotice, Store};

impl AppState {
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
        // The lock turned off in another tab: this one stores readable text from now on too.
        let unlocked = storage::is_unlocked();
        if self.lock_on.get_untracked() != unlocked {
            self.lock_on.set(unlocked);
        }
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

    pub(super) fn schedule_save(&self) {
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
    pub(super) fn note_revision(&self) -> u64 {
        let revision = self.store.with_value(Store::revision);
        if self.revision.get_untracked() != revision {
            self.revision.set(revision);
        }
        revision
    }

    /// After the first real save, asks the browser to keep the data (once per page load; the
    /// answer does not change the app, it is shown on the Data page).
    pub(super) fn ask_to_persist(&self) {
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

    pub(super) fn save(&self) {
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

impl AppState {
    /// While the document is stored whole but should be in parts (data from before parts,
    /// or grown past the line), writes its parts ahead a few milliseconds at a time when the
    /// page is idle, so that the first save is no longer one long task that writes them all.
    pub(super) fn split_ahead(&self) {
        let state = *self;
        when_idle(move || {
            // After a failure nothing more is written (see `recovery`).
            if crate::recovery::has_failed() {
                return;
            }
            let more = state
                .sync
                .try_with_value(|sync| {
                    state
                        .store
                        .try_update_value(|store| store.split_ahead(&sync.base, clock::now()))
                })
                .flatten()
                .unwrap_or(false);
            if more {
                state.split_ahead();
            } else {
                crate::marks::mark("reachout:split-ahead");
            }
        });
    }
}

/// Runs `work` when the browser has nothing else to do (`requestIdleCallback`), or on the
/// next turn where there is no such thing (Safari).
pub fn when_idle(work: impl FnOnce() + 'static) {
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
