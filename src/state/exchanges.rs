//! Passing backups between devices: this device's record of the backups it exchanged
//! ([`crate::format::exchange`]), the ancestor it finds there, and merging a backup with it.

use leptos::prelude::*;

use super::backups::NoRoom;
use super::{AppState, Cause, RestoreError};
use crate::format::document::{self, Document};
use crate::format::exchange::{self, Exchanges, Head};
use crate::model::{merge_devices, Book, DeviceMerge, ModelError};
use crate::storage;

impl AppState {
    /// This device's record of exchanged backups, with an id made if it has none yet.
    pub(super) fn exchanges(&self) -> Exchanges {
        let mut exchanges = storage::exchanges(&self.namespace());
        if exchanges.device.is_empty() {
            exchanges.device = new_device_id();
        }
        exchanges
    }

    /// The last backup this device and the writer of `head` both descend from, if a copy of
    /// it is kept here and still reads.
    pub(super) fn common_ancestor(&self, head: &Head) -> Option<Book> {
        let exchanges = storage::exchanges(&self.namespace());
        let held = exchanges.ancestor(head)?;
        let text = storage::exchange_copy(&self.namespace(), &held.hash)?;
        let opened = document::open(&text).ok()?;
        opened.adjusted.is_empty().then_some(opened.document.data)
    }

    /// What merging `backup` (whose file said `head`) would do, or why it cannot be merged.
    pub fn preview_merge(&self, backup: &Document, head: &Head) -> Result<DeviceMerge, ModelError> {
        let ancestor = self.common_ancestor(head);
        self.book
            .with_untracked(|mine| merge_devices(mine, &backup.data, ancestor.as_ref()))
            .map(|(_, merge)| merge)
    }

    /// Merges a backup from another device into the data (see `model::merge_devices`), after
    /// the same safety copy as a restore; `head` and `hash` are its file's head and
    /// fingerprint. Remembers it as the last backup merged from that device.
    pub fn merge_backup(
        &self,
        backup: Document,
        head: &Head,
        hash: &str,
    ) -> Result<(), RestoreError> {
        self.flush();
        let ancestor = self.common_ancestor(head);
        let merged = self
            .book
            .with_untracked(|mine| merge_devices(mine, &backup.data, ancestor.as_ref()))
            .map_err(|e| RestoreError::CannotMerge(e.to_string()))?
            .0;
        self.replace_undoably(merged, Cause::Merge)
            .map_err(|NoRoom| RestoreError::NoRoomForSafetyCopy)?;
        let mut exchanges = self.exchanges();
        if let Some(device) = head.device.as_deref().filter(|d| *d != exchanges.device) {
            let dropped = exchanges.merged_from(device, hash.to_string(), backup.saved_at);
            let copy = document::encode_packed(&backup.data, backup.revision, backup.saved_at);
            self.store
                .with_value(|s| s.keep_exchanges(&mut exchanges, Some((hash, &copy)), &dropped));
        }
        Ok(())
    }

    /// This device's data no longer grows from the backups it exchanged (a restore, an undone
    /// merge): it takes a new id and forgets them.
    pub(super) fn start_exchanges_again(&self) {
        let mut exchanges = storage::exchanges(&self.namespace());
        let dropped = exchanges.start_again(new_device_id());
        self.store
            .with_value(|s| s.keep_exchanges(&mut exchanges, None, &dropped));
    }
}

/// A device id from the browser's random numbers (not a secret: it only tells devices apart).
fn new_device_id() -> String {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    exchange::device_id((half() << 32) | half())
}
