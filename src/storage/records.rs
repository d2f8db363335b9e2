//! The records beside the document, read and written one key at a time: opened and sealed
//! as the lock says, checked after every write.

use super::{keys_with_prefix, local_storage, lock, put, remove_all};
use crate::format::parts;

/// Every quarantine key in `namespace`, oldest first.
pub fn quarantined(namespace: &str) -> Vec<String> {
    local_storage().map_or_else(Vec::new, |storage| {
        keys_with_prefix(&storage, &format!("{namespace}:quarantine:"))
    })
}

/// The text stored under `key`, if storage can be read and holds it (opened when sealed;
/// `None` when it cannot be opened).
pub fn read(key: &str) -> Option<String> {
    read_in(&local_storage()?, key)
}

/// The text stored under `key` exactly as it is (sealed or not).
pub fn read_raw(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// [`read`] in `storage`.
pub(super) fn read_in(storage: &web_sys::Storage, key: &str) -> Option<String> {
    lock::open_text(storage.get_item(key).ok().flatten()?).ok()
}

/// Removes every record of `namespace` (a forgotten passphrase: the person starts again) and
/// the keys in memory; true when nothing of it is left.
pub fn erase_everything(namespace: &str) -> bool {
    let Some(storage) = local_storage() else {
        return false;
    };
    let prefix = format!("{namespace}:");
    remove_all(&storage, &keys_with_prefix(&storage, &prefix));
    lock::forget();
    keys_with_prefix(&storage, &prefix).is_empty()
}

/// Removes `key`; true when it is gone afterwards.
pub fn remove(key: &str) -> bool {
    local_storage().is_some_and(|s| s.remove_item(key).is_ok() && read(key).is_none())
}

/// Writes (sealed while the lock is on) and reads back; true only when the text is really there.
pub(super) fn write(key: &str, text: &str) -> bool {
    local_storage().is_some_and(|s| put(&s, key, text).is_ok())
}

/// The size of the text under `key`, in UTF-16 code units (0 when absent); for a manifest,
/// with the parts it lists.
pub fn size_of(key: &str) -> usize {
    let Some(text) = read(key) else {
        return 0;
    };
    let listed = match parts::read_manifest(&text) {
        Some(Ok(manifest)) => manifest
            .parts
            .iter()
            .map(|(_, part)| read(part).map_or(0, |t| t.encode_utf16().count()))
            .sum(),
        _ => 0,
    };
    text.encode_utf16().count() + listed
}

/// The key holding a copy of the data as it was before the last restore.
pub fn snapshot_key(namespace: &str) -> String {
    format!("{namespace}:snapshot")
}

/// Where an import keeps what it changed, beside the snapshot, for its undo.
pub fn snapshot_changes_key(namespace: &str) -> String {
    format!("{namespace}:snapshot-changes")
}
