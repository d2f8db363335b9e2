//! Backups, restores and the unreadable copies set aside: the actions of the Data page.

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;

use super::AppState;
use crate::format::backup::{self, BackupMark};
use crate::format::document::{self, Document};
use crate::format::exchange;
use crate::model::words::plural;
use crate::model::{two_tabs, Book};
use crate::storage::{self, StorageNotice, Store};
use crate::{clock, download};

/// The data as it was just before a restore.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub book: Book,
    pub taken_at: DateTime<Utc>,
    /// False only where the app runs without storage: then it lasts as long as this tab.
    pub stored: bool,
    /// What it was taken before.
    pub cause: Cause,
    /// For an import, the data as the import left it: undoing takes back only what the import
    /// did (see [`crate::model::two_tabs::take_back`]). `None` when it could not be kept.
    pub after: Option<Book>,
}

/// What a snapshot of the data was taken before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    Restore,
    Merge,
    Import,
}

impl Cause {
    /// "the restore": how the Data page names it ("Undo the restore").
    pub fn words(self) -> &'static str {
        match self {
            Cause::Restore => "the restore",
            Cause::Merge => "the merge",
            Cause::Import => "the import",
        }
    }

    /// The cause remembered in storage; anything else (an older build wrote none) is a restore.
    fn from_words(words: Option<&str>) -> Cause {
        [Cause::Merge, Cause::Import]
            .into_iter()
            .find(|c| Some(c.words()) == words)
            .unwrap_or(Cause::Restore)
    }
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.words())
    }
}

/// The preference that remembers what the stored snapshot was taken before.
const SNAPSHOT_CAUSE: &str = "snapshot-cause";

/// No room was left in storage for the safety copy of the current data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct NoRoom;

/// Why a backup or the copy of unreadable data was not downloaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("{0}")]
    Backup(#[from] backup::BackupError),
    #[error("{0}")]
    Download(#[from] crate::download::DownloadError),
    #[error("That copy is no longer in storage.")]
    CopyGone,
    #[error("The backup could not be locked (this browser gave no random numbers), so it was not downloaded.")]
    NotLocked,
}

/// Why a restore did not happen. Nothing was changed in either case.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    #[error("Nothing was restored: there is no room in this browser's storage for a safety copy of your current data, so the restore could not be undone. Download a backup of your current data first, then remove the copy of an earlier restore (\u{201c}Undo the restore\u{201d} or delete unneeded contacts) and try again.")]
    NoRoomForSafetyCopy,
    #[error("Nothing was imported: there is no room in this browser's storage for a safety copy of your current data, so the import could not be undone. Download a backup first, then remove the copy kept by an earlier restore or import (\u{201c}Undo\u{201d} it, or delete unneeded contacts) and try again.")]
    NoRoomForImportCopy,
    #[error("Nothing was merged: {0}")]
    CannotMerge(String),
}

impl Snapshot {
    /// The snapshot kept in storage, if there is a readable one.
    pub fn load(namespace: &str) -> Option<Snapshot> {
        let text = storage::read(&storage::snapshot_key(namespace))?;
        let document = document::open(&text).ok()?.document;
        let cause =
            Cause::from_words(storage::preference::<String>(namespace, SNAPSHOT_CAUSE).as_deref());
        // What the import changed, checked as any stored data is; unreadable, the undo puts
        // back the whole snapshot (and says so).
        let after = (cause == Cause::Import)
            .then(|| storage::read(&storage::snapshot_changes_key(namespace)))
            .flatten()
            .and_then(|text| document::open(&text).ok())
            .map(|changes| two_tabs::with_changes(&document.data, &changes.document.data));
        Some(Snapshot {
            book: document.data,
            taken_at: document.saved_at,
            stored: true,
            cause,
            after,
        })
    }
}

impl AppState {
    pub(super) fn namespace(&self) -> String {
        self.store.with_value(|s| s.namespace().to_string())
    }

    /// Reads the snapshot kept in storage, unless it is in memory already.
    pub fn load_snapshot(&self) {
        if self.snapshot.with_untracked(Option::is_none) {
            if let Some(snapshot) = Snapshot::load(&self.namespace()) {
                self.snapshot.set(Some(snapshot));
            }
        }
    }

    /// Takes in another tab's backup, restore or removal of an unreadable copy.
    pub fn reread_records_beside_the_document(&self) {
        let namespace = self.namespace();
        let mark = storage::backup_mark(&namespace);
        if mark != self.backup.get_untracked() {
            self.backup.set(mark);
        }
        // A snapshot only this tab holds (storage was full) is kept.
        let snapshot = Snapshot::load(&namespace);
        if snapshot.is_some()
            || self
                .snapshot
                .with_untracked(|s| s.as_ref().is_some_and(|s| s.stored))
        {
            self.snapshot.set(snapshot);
        }
        let quarantined = storage::quarantined(&namespace);
        let gone = |notice: &Option<StorageNotice>| {
            notice
                .as_ref()
                .and_then(StorageNotice::copy_key)
                .is_some_and(|key| !quarantined.iter().any(|k| k == key))
        };
        if self.notice.with_untracked(gone) {
            self.notice.set(None);
        }
        if quarantined != self.quarantined.get_untracked() {
            self.quarantined.set(quarantined);
        }
    }

    /// Downloads a full backup, checked by reading it back first, and remembers when; while
    /// the data is locked, the backup is locked with the same passphrase.
    /// Returns what was backed up, for the confirmation.
    pub fn download_backup(&self) -> Result<String, DataError> {
        self.download_backup_as(storage::is_unlocked())
    }

    /// A backup anyone can read, even while the data is locked (after the person confirmed).
    pub fn download_unlocked_backup(&self) -> Result<String, DataError> {
        self.download_backup_as(false)
    }

    fn download_backup_as(&self, locked: bool) -> Result<String, DataError> {
        self.flush();
        let now = clock::now();
        let book = self.book.get_untracked();
        let revision = self.revision.get_untracked();
        let mut exchanges = self.exchanges();
        let text = backup::export(&book, revision, now, &exchanges.head())?;
        let name = backup::file_name(clock::today());
        // The fingerprint of the backup's own text (a locked one opens to it).
        let hash = exchange::fingerprint(&text);
        let (name, file) = if locked {
            let sealed = storage::seal_backup(&text).ok_or(DataError::NotLocked)?;
            (name.replace(".json", "-locked.json"), sealed)
        } else {
            (name, text)
        };
        download::offer(&name, &file, "application/json")?;
        // A copy of what was written, for when the other device's backup comes back.
        let dropped = exchanges.wrote(hash.clone(), now);
        let copy = document::encode_packed(&book, revision, now);
        self.store
            .with_value(|s| s.keep_exchanges(&mut exchanges, Some((&hash, &copy)), &dropped));
        self.keep_backup_mark(BackupMark {
            backed_up_at: Some(now),
            revision: self.revision.get_untracked(),
            remind_after: None,
        });
        let unlocked_while_locked = !locked && storage::lock_is_on();
        Ok(format!(
            "{} downloaded: {} and {}, {} KB. {}",
            if locked {
                "Locked backup"
            } else if unlocked_while_locked {
                "Unlocked backup"
            } else {
                "Backup"
            },
            plural(book.contacts.len(), "contact", "contacts"),
            plural(book.reach_outs.len(), "reach-out", "reach-outs"),
            file.len().div_ceil(1000),
            if locked {
                "It opens only with your passphrase. Keep the file somewhere safe."
            } else if unlocked_while_locked {
                "Anyone who gets the file can read it: keep it somewhere safe."
            } else {
                "Keep the file somewhere safe."
            }
        ))
    }

    /// "Not now" on the backup reminder: asks again in a week.
    pub fn postpone_backup_reminder(&self) {
        let mut mark = self.backup.get_untracked();
        mark.remind_after = Some(clock::now() + Duration::days(7));
        self.keep_backup_mark(mark);
    }

    fn keep_backup_mark(&self, mark: BackupMark) {
        // Not kept (storage full or read-only), the mark lasts this visit: the reminder then
        // comes back on the next visit, which errs on the safe side.
        let _ = self.store.with_value(|s| s.keep_backup_mark(&mark));
        self.backup.set(mark);
    }

    /// Replaces the data with a backup's, after keeping a snapshot of the current data in
    /// storage. When the snapshot cannot be stored, nothing is restored: a restore that could
    /// not be undone after a reload would put the current data at risk.
    pub fn restore(&self, backup: Document) -> Result<(), RestoreError> {
        // Ids nearly used up (a backup of such data, or one edited by hand): renumbered, so
        // that the app's advice "download a backup and restore it to renumber" holds.
        let book = if backup.data.ids_left() < crate::model::FEW_IDS {
            backup.data.renumbered()
        } else {
            backup.data
        };
        self.replace_undoably(book, Cause::Restore)
            .map_err(|NoRoom| RestoreError::NoRoomForSafetyCopy)?;
        self.start_exchanges_again();
        Ok(())
    }

    /// Puts in the book an import made, after the same safety copy as a restore: one click
    /// ("Undo the import") puts back the data from before, even after a reload.
    pub fn import(&self, book: Book) -> Result<(), RestoreError> {
        self.replace_undoably(book, Cause::Import)
            .map_err(|NoRoom| RestoreError::NoRoomForImportCopy)
    }

    pub(super) fn replace_undoably(&self, book: Book, cause: Cause) -> Result<(), NoRoom> {
        self.flush();
        let now = clock::now();
        let current = self.book.get_untracked();
        let saves = self.store.with_value(Store::saves);
        let namespace = self.namespace();
        // An import keeps what it changed beside the snapshot, so that undoing it can keep
        // what was done since.
        let after = (cause == Cause::Import).then(|| book.clone());
        let stored = if saves {
            let text = document::encode_packed(&current, self.revision.get_untracked(), now);
            let key = storage::snapshot_key(&namespace);
            if !self.store.with_value(|s| s.write_beside(&key, &text)) {
                return Err(NoRoom);
            }
            let changes_key = storage::snapshot_changes_key(&namespace);
            storage::remove(&changes_key);
            if let Some(after) = &after {
                let changes = two_tabs::changes(&current, after);
                let text = document::encode_packed(&changes, self.revision.get_untracked(), now);
                // Without room for it, the undo puts back the whole snapshot, as it says.
                let _ = self
                    .store
                    .with_value(|s| s.write_beside(&changes_key, &text));
            }
            self.remember(SNAPSHOT_CAUSE, cause.words());
            true
        } else {
            false
        };
        self.snapshot.set(Some(Snapshot {
            book: current,
            taken_at: now,
            stored,
            cause,
            after,
        }));
        self.replace(book);
        // If the save of the new data fails, the banner says so; the stored snapshot still
        // undoes it.
        Ok(())
    }

    /// Puts back the data from before the last restore, and forgets the snapshot.
    pub fn undo_restore(&self) {
        let Some(snapshot) = self.snapshot.get_untracked() else {
            return;
        };
        self.replace(snapshot.book);
        self.forget_snapshot();
        self.start_exchanges_again();
    }

    /// Undoes what the snapshot was taken before (an import only as far as it goes, see
    /// [`AppState::undo_import`]), and says what happened.
    pub fn undo_snapshot(&self) -> String {
        let Some(cause) = self
            .snapshot
            .with_untracked(|s| s.as_ref().map(|s| s.cause))
        else {
            return String::new();
        };
        if cause == Cause::Import {
            return self.undo_import();
        }
        self.undo_restore();
        format!("The data from before {cause} is back.")
    }

    /// Takes back what the last import did and nothing else: contacts and reach-outs added
    /// since, and edits made since, stay (as do imported contacts worked with since, named in
    /// the message). Without what the import changed (no room was left to keep it), the data
    /// from before the import comes back whole, and the message says so.
    fn undo_import(&self) -> String {
        let Some(snapshot) = self.snapshot.get_untracked() else {
            return String::new();
        };
        let Some(after) = snapshot.after else {
            self.undo_restore();
            return "The data from before the import is back (what was changed since the import \
                    could not be told apart, so it was undone too)."
                .into();
        };
        // What every tab has saved since is part of what stays.
        self.flush();
        self.sync_from_storage();
        let now = self.book.get_untracked();
        let (taken_back, kept) = two_tabs::take_back(&snapshot.book, &after, &now);
        self.replace(taken_back);
        self.forget_snapshot();
        if kept.is_empty() {
            "The import is undone; what you did since is kept.".into()
        } else {
            let shown: Vec<String> = kept.iter().take(5).cloned().collect();
            let more = kept.len().saturating_sub(shown.len());
            format!(
                "The import is undone; what you did since is kept, and so {} you changed or reached out to since: {}{}.",
                if kept.len() == 1 { "is the imported contact" } else { "are the imported contacts" },
                shown.join(", "),
                if more > 0 { format!(" and {more} more") } else { String::new() }
            )
        }
    }

    /// Forgets the snapshot and what it was kept for, once the data in use is stored: storage
    /// is left as it was before the restore or import.
    fn forget_snapshot(&self) {
        if !self.has_unsaved_changes() {
            let namespace = self.namespace();
            storage::remove(&storage::snapshot_key(&namespace));
            storage::remove(&storage::snapshot_changes_key(&namespace));
            storage::remove(&storage::preference_key(&namespace, SNAPSHOT_CAUSE));
            self.snapshot.set(None);
        }
    }
}
