//! The passphrase lock's keys, held in this tab's memory only (never stored, cleared when the
//! tab locks), and what they do on the way to localStorage and back: while the lock is on,
//! every record but the preferences is sealed as it is written ([`sealed_for`]) and opened as
//! it is read ([`open_text`]); the document's own value carries the lock's header
//! ([`crate::format::seal`]). Turning the lock on or off and changing the passphrase are
//! [`Store::relock`]: one write of the document flips from the old state to the new, and
//! whatever a closed tab left half-done is finished at the next unlock ([`Store::finish_relock`]).

use std::borrow::Cow;
use std::cell::RefCell;

use chrono::{DateTime, Utc};
use wasm_bindgen::{JsCast, JsValue};

use super::{keys_with_prefix, local_storage, raw, StorageNotice, Store};
use crate::format::seal::{
    self, DataKey, Kdf, KeyBytes, LockHeader, LockedBackup, Plain, SealError,
};
use crate::model::Book;

/// The keys of an unlocked tab: the header they belong to, the passphrase key and the data
/// keys (the current one first).
pub struct Unlocked {
    header: LockHeader,
    kdf: Kdf,
    kek: KeyBytes,
    keys: Vec<DataKey>,
}

thread_local! {
    static KEYS: RefCell<Option<Unlocked>> = const { RefCell::new(None) };
    /// The stored data is locked, as far as this tab knows: with no keys held, nothing but
    /// the preferences is written (never readable text beside a locked document).
    static LOCKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True while the data is locked with a passphrase, whether or not this tab holds the keys
/// (after "Lock now", until the page has loaded again, it does not).
pub fn lock_is_on() -> bool {
    LOCKED.get()
}

fn with_keys<T>(f: impl FnOnce(&Unlocked) -> T) -> Option<T> {
    KEYS.with_borrow(|keys| keys.as_ref().map(f))
}

/// Replaces the keys in memory, returning those before. Holding keys means locked.
fn set_keys(keys: Option<Unlocked>) -> Option<Unlocked> {
    if keys.is_some() {
        LOCKED.set(true);
    }
    KEYS.with_borrow_mut(|held| std::mem::replace(held, keys))
}

/// Drops the keys from memory (they are zeroed as they go): the tab is locked, and writes
/// nothing more until it has the keys again.
pub fn forget() {
    if set_keys(None).is_some() {
        LOCKED.set(true);
    }
}

/// True when this tab holds the keys of a lock.
pub fn is_unlocked() -> bool {
    with_keys(|_| ()).is_some()
}

/// Why unlocking, or a step that needs the passphrase, did not work; meant to be shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnlockError {
    #[error("That passphrase is not the right one.")]
    Wrong,
    #[error("{0}")]
    NoCrypto(String),
    #[error("The data is not locked (the lock was turned off in another tab).")]
    NotLocked,
    #[error("The lock cannot be opened: {0}.")]
    Unreadable(SealError),
}

impl From<SealError> for UnlockError {
    fn from(error: SealError) -> Self {
        match error {
            SealError::WrongPassphrase => UnlockError::Wrong,
            other => UnlockError::Unreadable(other),
        }
    }
}

/// The lock as stored in `namespace`: `None` when it is off.
pub fn stored_header(namespace: &str) -> Option<Result<LockHeader, SealError>> {
    let text = local_storage()?
        .get_item(&Store::document_key(namespace))
        .ok()??;
    seal::read_envelope(&text).map(|read| read.map(|(header, _)| header))
}

/// Derives the passphrase key for `kdf` in the browser.
async fn derive(passphrase: &str, kdf: &Kdf) -> Result<KeyBytes, UnlockError> {
    crate::crypto::derive(passphrase, kdf)
        .await
        .map_err(|e| UnlockError::NoCrypto(e.to_string()))
}

/// Opens the lock stored in `namespace` with `passphrase`; the keys stay in this tab's memory.
pub async fn unlock(namespace: &str, passphrase: &str) -> Result<(), UnlockError> {
    let header = stored_header(namespace).ok_or(UnlockError::NotLocked)??;
    let kdf = header.kdf()?;
    let kek = derive(passphrase, &kdf).await?;
    // Read again: another tab may have changed the lock while the key was derived.
    let now = stored_header(namespace).ok_or(UnlockError::NotLocked)??;
    if now != header {
        return Box::pin(unlock(namespace, passphrase)).await;
    }
    let keys = header.unwrap(&kek)?;
    set_keys(Some(Unlocked {
        header,
        kdf,
        kek,
        keys,
    }));
    Ok(())
}

/// Checks `passphrase` against the keys this tab holds (before it changes or removes the lock).
pub async fn confirm(passphrase: &str) -> Result<(), UnlockError> {
    let kdf = with_keys(|u| u.kdf.clone()).ok_or(UnlockError::NotLocked)?;
    let kek = derive(passphrase, &kdf).await?;
    match with_keys(|u| *u.kek == *kek) {
        Some(true) => Ok(()),
        Some(false) => Err(UnlockError::Wrong),
        None => Err(UnlockError::NotLocked),
    }
}

/// New keys for `passphrase`: a fresh salt and data key. The keys this tab holds now stay
/// as previous ones, so that what they sealed still opens until it is sealed again.
pub async fn prepare(passphrase: &str) -> Result<Unlocked, UnlockError> {
    let no_random = || UnlockError::NoCrypto("this browser gives no random numbers".into());
    let salt = crate::crypto::random::<{ seal::SALT_BYTES }>().ok_or_else(no_random)?;
    let kdf = Kdf {
        iterations: seal::ITERATIONS,
        salt: salt.to_vec(),
    };
    let kek = derive(passphrase, &kdf).await?;
    let id = crate::crypto::random::<4>().ok_or_else(no_random)?;
    let raw = zeroize::Zeroizing::new(
        crate::crypto::random::<{ seal::KEY_BYTES }>().ok_or_else(no_random)?,
    );
    let mut keys = vec![DataKey::new(id, *raw)];
    with_keys(|u| keys.extend(u.keys.iter().cloned()));
    keys.truncate(3);
    Unlocked::with(kdf, kek, keys).ok_or_else(no_random)
}

impl Unlocked {
    /// The header wrapping `keys` under `kek`, each with a fresh nonce.
    fn with(kdf: Kdf, kek: KeyBytes, keys: Vec<DataKey>) -> Option<Unlocked> {
        let nonces = keys
            .iter()
            .map(|_| crate::crypto::random::<{ seal::NONCE_BYTES }>())
            .collect::<Option<Vec<_>>>()?;
        let wrapped: Vec<_> = keys.iter().zip(nonces).collect();
        let header = LockHeader::new(&kdf, &kek, &wrapped);
        Some(Unlocked {
            header,
            kdf,
            kek,
            keys,
        })
    }

    /// The same keys without the previous ones.
    fn current_only(&self) -> Option<Unlocked> {
        let keys = self.keys.first().cloned().into_iter().collect();
        Unlocked::with(self.kdf.clone(), self.kek.clone(), keys)
    }
}

/// Records that stay readable while locked: the preferences (a theme, a reminder time), the
/// backup mark (dates) and the probe. They hold nothing about anyone.
fn stays_plain(key: &str) -> bool {
    key.contains(":pref:") || key.ends_with(":backup") || key.ends_with(":probe")
}

fn is_document(key: &str) -> bool {
    key.ends_with(":document")
}

/// `text` as it is stored under `key`: sealed while this tab holds the keys of a lock (the
/// document with the lock's header in front), else as it is.
pub(super) fn sealed_for<'a>(key: &str, text: &'a str) -> Result<Cow<'a, str>, StorageNotice> {
    if stays_plain(key) {
        return Ok(Cow::Borrowed(text));
    }
    let sealed = with_keys(|u| {
        let nonce = crate::crypto::random::<{ seal::NONCE_BYTES }>()?;
        let sealed = seal::seal_text(u.keys.first()?, nonce, text);
        Some(if is_document(key) {
            seal::envelope(&u.header, &sealed)
        } else {
            sealed
        })
    });
    match sealed {
        // Locked without the keys: refused rather than written readable.
        None if LOCKED.get() => Err(StorageNotice::SaveFailed {
            quota_exceeded: false,
        }),
        None => Ok(Cow::Borrowed(text)),
        Some(Some(sealed)) => Ok(Cow::Owned(sealed)),
        // Never written unsealed while locked.
        Some(None) => Err(StorageNotice::SaveFailed {
            quota_exceeded: false,
        }),
    }
}

/// Opens stored text: a locked document or a sealed record with the keys this tab holds;
/// any other text is returned as it is.
pub(super) fn open_text(text: String) -> Result<String, SealError> {
    open_plain(&text).map_or(Ok(text), |plain| plain?.into_text())
}

/// What sealed `text` (a locked document or a sealed record) holds; `None` when it is not sealed.
fn open_plain(text: &str) -> Option<Result<Plain, SealError>> {
    let sealed = match seal::read_envelope(text) {
        Some(Ok((_, sealed))) => sealed,
        Some(Err(error)) => return Some(Err(error)),
        None if seal::is_sealed(text) => text,
        None => return None,
    };
    Some(with_keys(|u| seal::open(&u.keys, sealed)).unwrap_or(Err(SealError::UnknownKey)))
}

/// When the stored document is locked: whether this tab can write to it, given its header.
/// A lock this tab holds no keys for (turned on, or its passphrase changed, in another tab)
/// is an error; a document no longer locked drops the keys (turned off in another tab).
pub(super) fn follow(stored: &str) -> Result<(), StorageNotice> {
    match seal::read_envelope(stored) {
        None => {
            set_keys(None);
            LOCKED.set(false);
            Ok(())
        }
        Some(Ok((header, _))) => {
            let ours = with_keys(|u| u.keys.iter().any(|k| k.id() == header.current()));
            match ours {
                Some(true) => {
                    KEYS.with_borrow_mut(|held| {
                        if let Some(held) = held {
                            if held.keys.first().map(DataKey::id) == Some(header.current()) {
                                held.header = header;
                            }
                        }
                    });
                    Ok(())
                }
                _ => {
                    LOCKED.set(true);
                    Err(StorageNotice::LockChanged)
                }
            }
        }
        // A damaged header is read as damaged data, by the caller.
        Some(Err(_)) => Ok(()),
    }
}

/// A locked backup of `text` (a plain backup), sealed with this tab's passphrase key; `None`
/// when the lock is off.
pub fn seal_backup(text: &str) -> Option<String> {
    let nonce = crate::crypto::random::<{ seal::NONCE_BYTES }>()?;
    with_keys(|u| seal::seal_backup(&u.kdf, &u.kek, nonce, text))
}

/// Opens a locked backup file with its passphrase.
pub async fn open_backup(file: &LockedBackup, passphrase: &str) -> Result<String, UnlockError> {
    let kek = derive(passphrase, &file.kdf()?).await?;
    Ok(file.open(&kek)?)
}

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
    let current = if plain {
        None
    } else {
        Some(with_keys(|u| u.keys.first().map(|k| k.id().to_string())).flatten()?)
    };
    if !js.is_valid_utf16() {
        // Plain text that is not valid Unicode: sealed as it is when locking.
        return current.map(|_| Plain::Units(js.iter().collect()));
    }
    let text = String::from(js);
    match (open_plain(&text), current) {
        (None, None) => None,
        (None, Some(_)) => Some(Plain::Text(text)),
        (Some(_), Some(id)) if seal::sealed_with(&text) == Some(&id) => None,
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
            LOCKED.set(false);
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
        let Some(Some(current)) = with_keys(|u| u.keys.first().map(|k| k.id().to_string())) else {
            return;
        };
        // A copy that cannot be read may list any part: then they all stay.
        let Some(mut listed) = super::stored_parts::listed_by_copies(storage, &self.namespace)
        else {
            return;
        };
        listed.extend(self.parts.iter().flatten().map(|(_, key)| key.clone()));
        let prefix = super::stored_parts::part_prefix(&self.namespace);
        for key in keys_with_prefix(storage, &prefix) {
            let sealed_now = storage
                .get_item(&key)
                .ok()
                .flatten()
                .is_some_and(|text| seal::sealed_with(&text) == Some(current.as_str()));
            if !listed.contains(&key) && !sealed_now {
                let _ = storage.remove_item(&key);
            }
        }
    }
}
