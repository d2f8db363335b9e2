//! The passphrase lock as the pages use it: turning it on, changing the passphrase, turning
//! it off, locking now and after a while unused. The keys and the sealing are the storage
//! module's (`storage::lock`); here the book is saved under the new state and the rest of the
//! app hears of it.

use leptos::prelude::*;

use super::AppState;
use crate::clock;
use crate::model::passphrase;
use crate::storage::{self, StorageNotice, UnlockError, Unlocked};

/// Remembered in this browser: minutes unused before the app locks itself (0: never).
pub const LOCK_AFTER: &str = "lock-after";
pub const LOCK_AFTER_DEFAULT: u32 = 15;
/// Remembered when "Lock now" is pressed, so that every other tab of this browser locks too.
pub const LOCKED_AT: &str = "locked-at";
/// The choices offered, in minutes.
pub const LOCK_AFTER_CHOICES: [u32; 6] = [1, 5, 15, 30, 60, 0];

/// Why a change of the lock did not happen; nothing was changed in any case.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LockError {
    /// The new passphrase is too short or too long.
    #[error("{0}")]
    New(&'static str),
    #[error("The two passphrases are not the same.")]
    NotRepeated,
    #[error("Type your current passphrase.")]
    NoCurrent,
    #[error("That is the passphrase you have now.")]
    Unchanged,
    #[error("{0}")]
    Passphrase(#[from] UnlockError),
    #[error("Nothing was changed: {}", .0.message())]
    NotSaved(StorageNotice),
}

/// A new passphrase, typed twice, checked as the model says.
fn check_new(new: &str, repeated: &str) -> Result<(), LockError> {
    if let Some(why) = passphrase::refused(new, new) {
        return Err(LockError::New(why));
    }
    if new != repeated {
        return Err(LockError::NotRepeated);
    }
    Ok(())
}

impl AppState {
    /// True while the data is locked with a passphrase (and this tab holds its keys).
    pub fn lock_on(&self) -> ReadSignal<bool> {
        self.lock_on.read_only()
    }

    /// Locks everything with `new` (typed twice: `repeated`).
    pub async fn turn_lock_on(&self, new: &str, repeated: &str) -> Result<(), LockError> {
        check_new(new, repeated)?;
        let keys = storage::prepare(new).await?;
        self.relock(Some(keys))
    }

    /// A new passphrase, after the current one is confirmed; everything is sealed again.
    pub async fn change_passphrase(
        &self,
        current: &str,
        new: &str,
        repeated: &str,
    ) -> Result<(), LockError> {
        if current.is_empty() {
            return Err(LockError::NoCurrent);
        }
        check_new(new, repeated)?;
        if new == current {
            return Err(LockError::Unchanged);
        }
        storage::confirm(current).await?;
        let keys = storage::prepare(new).await?;
        self.relock(Some(keys))
    }

    /// Turns the lock off after the current passphrase is confirmed: stored readable again.
    pub async fn turn_lock_off(&self, current: &str) -> Result<(), LockError> {
        if current.is_empty() {
            return Err(LockError::NoCurrent);
        }
        storage::confirm(current).await?;
        self.relock(None)
    }

    fn relock(&self, to: Option<Unlocked>) -> Result<(), LockError> {
        // What another tab saved is taken in first, so that the new state holds it.
        self.sync_from_storage();
        let book = self.book.get_untracked();
        let result = self
            .store
            .try_update_value(|store| store.relock(&book, to, clock::now()))
            .unwrap_or(Err(StorageNotice::SaveFailed {
                quota_exceeded: false,
            }));
        let finished = result.map_err(LockError::NotSaved)?;
        if !finished {
            self.notice.set(Some(StorageNotice::SealingUnfinished));
        }
        let revision = self.note_revision();
        self.sync.update_value(|sync| {
            sync.parent = std::mem::replace(&mut sync.base, book);
            sync.apart = None;
            sync.base_revision = revision;
            sync.dirty = false;
        });
        let on = storage::is_unlocked();
        if self.lock_on.get_untracked() != on {
            self.lock_on.set(on);
        }
        Ok(())
    }

    /// "Lock now": this tab and every other tab of this browser lock (a person walking away
    /// expects all of them to), each as [`AppState::lock_here`].
    pub fn lock_now(&self) {
        if storage::is_unlocked() {
            self.remember(LOCKED_AT, &js_sys::Date::now());
        }
        self.lock_here();
    }

    /// Another tab pressed "Lock now" (a `storage` event for `key`): this one locks too.
    pub fn lock_with_other_tabs(&self, key: Option<&str>) {
        if key.is_some() && self.preference_changed(key, LOCKED_AT) {
            self.lock_here();
        }
    }

    /// Saves what is unsaved, drops the keys and starts again at the unlock screen: nothing
    /// of the data stays on the page or in its memory. Only this tab: locking after a while
    /// unused leaves a tab in use open.
    pub fn lock_here(&self) {
        if !storage::is_unlocked() {
            return;
        }
        self.flush();
        storage::forget();
        let _ = window().location().reload();
    }

    /// Minutes unused before the app locks itself; 0 for never.
    pub fn lock_after(&self) -> u32 {
        self.preference::<u32>(LOCK_AFTER)
            .filter(|m| LOCK_AFTER_CHOICES.contains(m))
            .unwrap_or(LOCK_AFTER_DEFAULT)
    }

    /// Locks the app once it has been unused for the chosen time: every key press, click or
    /// touch counts as use; checked every 15 seconds and when the page is shown again.
    pub fn lock_when_unused(&self) {
        let state = *self;
        let last_used = StoredValue::new(js_sys::Date::now());
        let used = move || last_used.set_value(js_sys::Date::now());
        let keys = window_event_listener(leptos::ev::keydown, move |_| used());
        let pointer = window_event_listener(leptos::ev::pointerdown, move |_| used());
        let check = move || {
            let minutes = state.lock_after();
            let idle = js_sys::Date::now() - last_used.get_value();
            if state.lock_on.get_untracked() && minutes > 0 && idle >= f64::from(minutes) * 60_000.0
            {
                state.lock_now();
            }
        };
        let shown = window_event_listener(leptos::ev::visibilitychange, move |_| check());
        let timer = set_interval_with_handle(check, std::time::Duration::from_secs(15)).ok();
        on_cleanup(move || {
            keys.remove();
            pointer.remove();
            shown.remove();
            if let Some(timer) = timer {
                timer.clear();
            }
        });
    }
}
