//! The passphrase lock's keys, held in this tab's memory only (never stored, cleared when the
//! tab locks), and what they do on the way to localStorage and back: while the lock is on,
//! every record but the preferences is sealed as it is written ([`sealed_for`]) and opened as
//! it is read ([`open_text`]); the document's own value carries the lock's header
//! ([`crate::format::seal`]). Turning the lock on or off and changing the passphrase are in
//! `relock.rs`.

use std::borrow::Cow;
use std::cell::RefCell;

use super::{local_storage, StorageNotice, Store};
use crate::format::locked_backup::{self, LockedBackup};
use crate::format::seal::{self, DataKey, Kdf, KeyBytes, LockHeader, Plain, SealError};

/// The keys of an unlocked tab: the header they belong to, the passphrase key and the data
/// keys (the current one first).
pub struct Unlocked {
    pub(super) header: LockHeader,
    kdf: Kdf,
    kek: KeyBytes,
    pub(super) keys: Vec<DataKey>,
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

/// Marks the data as not locked (the lock turned off by this tab).
pub(super) fn mark_unlocked() {
    LOCKED.set(false);
}

/// The id of the key that seals what is written now, when this tab holds the keys.
pub(super) fn current_key() -> Option<String> {
    with_keys(|u| u.keys.first().map(|k| k.id().to_string())).flatten()
}

pub(super) fn with_keys<T>(f: impl FnOnce(&Unlocked) -> T) -> Option<T> {
    KEYS.with_borrow(|keys| keys.as_ref().map(f))
}

/// Replaces the keys in memory, returning those before. Holding keys means locked.
pub(super) fn set_keys(keys: Option<Unlocked>) -> Option<Unlocked> {
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
    pub(super) fn current_only(&self) -> Option<Unlocked> {
        let keys = self.keys.first().cloned().into_iter().collect();
        Unlocked::with(self.kdf.clone(), self.kek.clone(), keys)
    }
}

/// Records that stay readable while locked: the preferences (a theme, a reminder time), the
/// backup mark (dates) and the probe. They hold nothing about anyone.
pub(super) fn stays_plain(key: &str) -> bool {
    key.contains(":pref:") || key.ends_with(":backup") || key.ends_with(":probe")
}

pub(super) fn is_document(key: &str) -> bool {
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
pub(super) fn open_plain(text: &str) -> Option<Result<Plain, SealError>> {
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
    with_keys(|u| locked_backup::seal_backup(&u.kdf, &u.kek, nonce, text))
}

/// Opens a locked backup file with its passphrase.
pub async fn open_backup(file: &LockedBackup, passphrase: &str) -> Result<String, UnlockError> {
    let kek = derive(passphrase, &file.kdf()?).await?;
    Ok(file.open(&kek)?)
}
