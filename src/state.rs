//! The app state shared through context, and the single place where changes are saved:
//! every change to the book goes through [`AppState::change`], which saves right after it,
//! the way Elm wraps `update`.

use leptos::prelude::*;

use crate::clock;
use crate::model::{Book, ModelError, Undo};
use crate::storage::{StorageNotice, Store};

#[derive(Clone, Copy)]
pub struct AppState {
    pub book: RwSignal<Book>,
    /// The storage problem to show, if any; cleared by the next successful save.
    pub notice: RwSignal<Option<StorageNotice>>,
    /// The last change that can be taken back, with a number that tells offers apart.
    pub undo: RwSignal<Option<(u64, Undo)>>,
    store: StoredValue<Store>,
}

/// How long the undo toast stays, in milliseconds.
const UNDO_FOR_MS: u64 = 15_000;

impl AppState {
    /// Opens storage and builds the state; call once, at the root.
    pub fn open(namespace: &str) -> Self {
        let opened = Store::open(namespace, clock::now());
        AppState {
            book: RwSignal::new(opened.book),
            notice: RwSignal::new(opened.notice),
            undo: RwSignal::new(None),
            store: StoredValue::new(opened.store),
        }
    }

    /// Applies `operation` to the book; when it succeeds, the book is saved at once.
    /// A refused operation changes nothing and notifies no one.
    /// Adopts what another tab saved, so that this tab builds on it and never writes over it.
    pub fn sync_from_storage(&self) {
        match self
            .store
            .try_update_value(|store| store.refresh())
            .flatten()
        {
            Some(Ok(book)) => self.book.set(book),
            Some(Err(notice)) => self.notice.set(Some(notice)),
            None => {}
        }
    }

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
            self.save();
        }
        outcome
    }

    /// Shows the undo toast for `undo`; it goes away by itself after 15 seconds.
    pub fn offer_undo(&self, undo: Undo) {
        let number = self
            .undo
            .with_untracked(|u| u.as_ref().map_or(0, |(n, _)| n + 1));
        self.undo.set(Some((number, undo)));
        let offer = self.undo;
        set_timeout(
            move || {
                if offer.with_untracked(|u| u.as_ref().is_some_and(|(n, _)| *n == number)) {
                    offer.set(None);
                }
            },
            std::time::Duration::from_millis(UNDO_FOR_MS),
        );
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
        let saved = self.book.with_untracked(|book| {
            self.store
                .try_update_value(|store| store.save(book, clock::now()))
        });
        match saved {
            Some(Ok(())) => {
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

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
