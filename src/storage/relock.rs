//! Turning the lock on or off and changing its passphrase ([`Store::relock`]): one write of
//! the document flips from the old state to the new, and whatever a closed tab left half-done
//! is finished at the next unlock ([`Store::finish_relock`]). The keys and the sealing are in
//! `lock.rs`.

use chrono::{DateTime, Utc};
use wasm_bindgen::{JsCast, JsValue};

use super::lock::{
    current_key, is_document, mark_unlocked, open_plain, set_keys, stays_plain, with_keys, Unlocked,
};
use super::{keys_with_prefix, local_storage, raw, StorageNotice, Store};
use crate::format::seal::{self, DataKey, Plain};
use crate::model::Book;

/// The records beside the document and its parts that a lock seals: the restore snapshot,
/// quarantine copies, the exchanged backups.
fn beside(storage: &web_sys::Storage, namespace: &str) -> Vec<String> {
    let parts = super::stored_parts::part_prefix(namespace);
    keys_with_prefix(storage, &format!("{namespace}:"))
        .into_iter()
        .filter(|k| !stays_plain(k) && !is_document(k) && !k.starts_with(&parts))
        .collect()
}

/// The stored value under `key`, opened when sealed with keys this tab holds, when it is not
/// as it should be: sealed with the current key, or plain when `plain`. `None` when it is,
/// or when it cannot be opened (sealed with a key no longer held, or damaged: left as it is).
fn needs_resealing(storage: &web_sys::Storage, key: &str, plain: bool) -> Option<Plain> {
    let value = raw::get(storage, key)?;
    let js: &js_sys::JsString = value.unchecked_ref();
    let current = if plain { None } else { Some(current_key()?) };
    if !js.is_valid_utf16() {
        // Plain text that is not valid Unicode: sealed as it is when locking.
        return current.map(|_| Plain::Units(js.iter().collect()));
    }
    let text = String::from(js);
    // Already sealed with the current key: nothing to open (this runs at every unlock).
    if current.is_some() && seal::sealed_with(&text) == current.as_deref() {
        return None;
    }
    match (open_plain(&text), current) {
        (None, None) => None,
        (None, Some(_)) => Some(Plain::Text(text)),
        (Some(Ok(opened)), _) => Some(opened),
        (Some(Err(_)), _) => None,
    }
}

/// Writes `opened` under `key`, sealed with the current key or plain, and checks it.
fn rewrite(storage: &web_sys::Storage, key: &str, opened: &Plain, plain: bool) -> bool {
    let seal_with = |seal: &dyn Fn(&DataKey, seal::Nonce) -> String| {
        with_keys(|u| {
            let nonce = crate::crypto::random::<{ seal::NONCE_BYTES }>()?;
            Some(seal(u.keys.first()?, nonce))
        })
        .flatten()
    };
    let stored: Option<JsValue> = match (opened, plain) {
        (Plain::Text(text), true) => Some(JsValue::from_str(text)),
        (Plain::Units(units), true) => Some(js_sys::JsString::from_char_code(units).into()),
        (Plain::Text(text), false) => {
            seal_with(&|k, n| seal::seal_text(k, n, text)).map(|s| JsValue::from_str(&s))
        }
        (Plain::Units(units), false) => {
            seal_with(&|k, n| seal::seal_units(k, n, units)).map(|s| JsValue::from_str(&s))
        }
    };
    stored.is_some_and(|stored| {
        raw::set(storage, key, &stored).is_ok() && raw::holds(storage, key, &stored)
    })
}

/// Every record beside the document brought to the state wanted: sealed with the current
/// key, or plain when `plain` (read with the keys held). True when none is left behind.
fn reseal_beside(storage: &web_sys::Storage, namespace: &str, plain: bool) -> bool {
    beside(storage, namespace).iter().all(|key| {
        needs_resealing(storage, key, plain).is_none_or(|opened| {
            // A manifest kept aside is sealed as the whole document it stands for, so that
            // no readable part stays behind for it.
            let opened = match opened {
                Plain::Text(text) if !plain => {
                    Plain::Text(super::opening::whole_from_manifest(storage, &text).unwrap_or(text))
                }
                other => other,
            };
            rewrite(storage, key, &opened, plain)
        })
    })
}

impl Store {
    /// Turns the lock on (`to` holds new keys and the lock is off), changes its passphrase
    /// (`to` holds new keys, the current ones among its previous), or turns it off (`None`),
    /// saving `book` under the new state. The document's one write is the step from the old
    /// state to the new: until it, the old state is whole (the new parts are listed nowhere
    /// and are swept); after it, the new state opens everything, since the keys before stay
    /// among its previous ones until every record is sealed again. Turning off, the records
    /// beside the document are opened first (readable either way if the tab closes then).
    /// `Ok(false)`: the new state is in place but a record beside the document could not be
    /// sealed yet (storage full); the next unlock tries again.
    pub fn relock(
        &mut self,
        book: &Book,
        to: Option<Unlocked>,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageNotice> {
        if !self.saves() {
            return Err(StorageNotice::SaveFailed {
                quota_exceeded: false,
            });
        }
        let storage = local_storage().ok_or(StorageNotice::SaveFailed {
            quota_exceeded: false,
        })?;
        let turning_off = to.is_none();
        // Turning off, the records beside the document are opened first: readable either way
        // if the tab closes now, and sealed again at the next unlock if it does.
        if turning_off && !reseal_beside(&storage, &self.namespace, true) {
            reseal_beside(&storage, &self.namespace, false);
            return Err(StorageNotice::SaveFailed {
                quota_exceeded: false,
            });
        }
        let before = set_keys(to);
        if turning_off {
            mark_unlocked();
        }
        // Every part is written again, under the new state, at new keys.
        self.parts = None;
        self.drop_ahead(now);
        if let Err(notice) = self.save(book, now) {
            set_keys(before);
            if turning_off {
                // The records opened above are sealed again: the locked state stays whole.
                reseal_beside(&storage, &self.namespace, false);
            }
            return Err(notice);
        }
        drop(before);
        Ok(turning_off || self.finish_relock(now))
    }

    /// Finishes what a change of the lock left (a tab closed half-way does not): the records
    /// beside the document sealed with the current key, readable parts removed, then the
    /// previous keys dropped from the header. Safe to repeat; false when a record could not
    /// be sealed.
    pub fn finish_relock(&mut self, now: DateTime<Utc>) -> bool {
        let _ = now;
        let Some(storage) = local_storage() else {
            return false;
        };
        if !self.saves() {
            return false;
        }
        let sealed = reseal_beside(&storage, &self.namespace, false);
        self.drop_parts_left_readable(&storage);
        if !sealed {
            return false;
        }
        let key = Store::document_key(&self.namespace);
        let Some(stored) = storage.get_item(&key).ok().flatten() else {
            return true;
        };
        let Some(Ok((header, sealed))) = seal::read_envelope(&stored) else {
            return true;
        };
        if header.keys.len() < 2 {
            return true;
        }
        let Some(Some(fresh)) = with_keys(Unlocked::current_only) else {
            return true;
        };
        let text = seal::envelope(&fresh.header, sealed);
        if super::put_raw(&storage, &key, &text).is_ok() {
            set_keys(Some(fresh));
            self.seen = Some(text);
        }
        true
    }

    /// Removes at once the parts that neither the stored manifest nor a copy kept aside lists
    /// and that are not sealed with the current key: parts of the document from before the
    /// lock (readable) or before a new passphrase. Unlisted parts are otherwise kept a while
    /// for another tab that may still be reading them; any such tab no longer holds the keys.
    fn drop_parts_left_readable(&mut self, storage: &web_sys::Storage) {
        let Some(current) = current_key() else {
            return;
        };
        // A copy that cannot be read may list any part: then they all stay.
        let Some(mut listed) = super::stored_parts::listed_by_copies(storage, &self.namespace)
        else {
            return;
        };
        listed.extend(self.parts.iter().flatten().map(|(_, key)| key.clone()));
        let prefix = super::stored_parts::part_prefix(&self.namespace);
        // Listed parts are not read at all: at 10,000 contacts they are hundreds.
        for key in keys_with_prefix(storage, &prefix) {
            if listed.contains(&key) {
                continue;
            }
            let sealed_now = storage
                .get_item(&key)
                .ok()
                .flatten()
                .is_some_and(|text| seal::sealed_with(&text) == Some(current.as_str()));
            if !sealed_now {
                let _ = storage.remove_item(&key);
            }
        }
    }
}
