//! What this browser stores for the app: its size, whether the browser keeps it, and the
//! unreadable copies set aside, which the Data page offers to download or remove.

use super::{AppState, DataError};
use crate::download;
use crate::storage::{self, StorageNotice};
use leptos::prelude::*;

impl AppState {
    /// The size of the text under one of this app's keys, in UTF-16 code units.
    pub fn stored_size(&self, key: &str) -> usize {
        storage::size_of(key)
    }

    /// How many UTF-16 code units this origin's storage holds; measured again after every save.
    pub fn storage_used(&self) -> Memo<u64> {
        let revision = self.revision;
        Memo::new(move |_| {
            revision.track();
            storage::usage().unwrap_or(0)
        })
    }

    /// Asks the browser whether it keeps this site's data, and for its own estimate of usage.
    pub fn check_persistence(&self, estimate: RwSignal<Option<(f64, f64)>>) {
        let persistent = self.persistent;
        wasm_bindgen_futures::spawn_local(async move {
            if persistent.get_untracked().is_none() {
                let persisted = storage::is_persistent().await;
                persistent.try_set(persisted);
            }
            estimate.try_set(storage::estimate().await);
        });
    }

    /// Downloads the unreadable text kept under `key`, byte for byte.
    pub fn download_quarantined(&self, key: &str) -> Result<(), DataError> {
        // A copy that cannot be opened (sealed with a key no longer held, or changed since)
        // is downloaded as it is stored.
        let mut text = storage::read(key)
            .or_else(|| storage::read_raw(key))
            .ok_or(DataError::CopyGone)?;
        // A damaged manifest names the parts that hold the records: the file takes them along.
        if crate::format::parts::looks_like_manifest(&text) {
            let parts: serde_json::Map<String, serde_json::Value> =
                storage::part_keys(&self.namespace())
                    .into_iter()
                    .filter_map(|part| Some((part.clone(), storage::read(&part)?.into())))
                    .collect();
            text = serde_json::json!({ "manifest": text, "parts": parts }).to_string();
        }
        let stamp: String = key
            .split_once(":quarantine:")
            .map_or("", |(_, time)| time)
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        Ok(download::offer(
            &format!("reachout-unreadable-{stamp}.txt"),
            &text,
            "text/plain",
        )?)
    }

    /// Removes the unreadable copy under `key` for good, as the user asked.
    pub fn remove_quarantined(&self, key: &str) {
        if storage::remove(key) {
            self.quarantined.update(|keys| keys.retain(|k| k != key));
            if self
                .notice
                .with_untracked(|n| n.as_ref().and_then(StorageNotice::copy_key) == Some(key))
            {
                self.notice.set(None);
            }
        }
    }
}
