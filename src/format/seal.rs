//! Sealed records: what the passphrase lock stores in place of readable text, and the locked
//! backup file.
//!
//! **Keys.** A random 256-bit *data key* seals every record. The passphrase opens it: the
//! *passphrase key* is derived from the passphrase and a random 16-byte salt with
//! PBKDF2-HMAC-SHA-256 (in the browser's WebCrypto, `crate::crypto`; 600,000 iterations) and
//! seals the data key (the key is "wrapped"). A new passphrase brings a new data key, and every
//! record is sealed again; until that is done the data key before it stays wrapped under the
//! new passphrase key as a *previous* key, so a tab closed half-way leaves nothing that the new
//! passphrase cannot open.
//!
//! **Sealing** is AES-256-GCM with a fresh random 96-bit nonce for every write (from the
//! browser's `crypto.getRandomValues`, passed in), and the associated data names the format
//! and its version, the form of the plaintext and the data key's id.
//!
//! A **sealed record** (every stored record but the small preferences):
//! `reachout-sealed1:<key id>:<form><byte count>:<characters>`, where the characters carry
//! nonce ‖ ciphertext ‖ tag in 15-bit characters as in [`super::compact`]. `<form>` is `p` when
//! the plaintext was packed text (its compressed bytes are sealed and packed again when opened,
//! so sealing adds only the nonce and the tag), `u` for any other text (its UTF-16 code units,
//! little-endian, so a copy of unreadable text kept aside stays exactly what it was).
//!
//! The **document's key** holds the lock itself while it is on:
//! `reachout-locked1:<header>\n<sealed record>`, the header being
//!
//! ```json
//! {"format":"reachout-lock","version":1,"kdf":"PBKDF2-SHA-256","iterations":600000,
//!  "salt":"<base64>","keys":[{"id":"1a2b3c4d","wrapped":"<base64 nonce ‖ key ‖ tag>"}]}
//! ```
//!
//! The first key seals what is written; any after it are previous keys. Being one value, the
//! lock is turned on or off, or its passphrase changed, by one write.
//!
//! The locked backup file is described in [`super::locked_backup`].
//!
//! AES-GCM comes from the RustCrypto `aes-gcm` crate rather than WebCrypto because WebCrypto
//! answers only later (a promise): a save made as the page goes away must be sealed and written
//! before the page is gone.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::Aes256Gcm;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::compact;

pub const SEAL_PREFIX: &str = "reachout-sealed1:";
pub const LOCK_PREFIX: &str = "reachout-locked1:";
const LOCK_FORMAT: &str = "reachout-lock";
const LOCK_VERSION: u64 = 1;
pub const KDF_NAME: &str = "PBKDF2-SHA-256";
/// OWASP's figure for PBKDF2-HMAC-SHA-256 (2023).
pub const ITERATIONS: u32 = 600_000;
/// A header asking for fewer (a weakened copy) or far more (a page that never answers) is refused.
pub const MIN_ITERATIONS: u32 = 100_000;
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const KEY_BYTES: usize = 32;
pub const NONCE_BYTES: usize = 12;
const TAG_BYTES: usize = 16;
const MAX_KEYS: usize = 4;

pub type Nonce = [u8; NONCE_BYTES];
/// Key bytes, cleared from memory when dropped.
pub type KeyBytes = Zeroizing<[u8; KEY_BYTES]>;

/// Why a locked record, header or backup could not be opened; meant to be shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("that passphrase does not open it")]
    WrongPassphrase,
    #[error("it was changed or damaged after it was locked")]
    Tampered,
    #[error("it was locked with a key this tab does not have")]
    UnknownKey,
    #[error("it was locked by a newer Reachout (lock version {0}; this one reads version 1)")]
    Newer(u64),
    #[error("its lock settings are not valid ({0})")]
    Header(String),
    #[error("it is not locked Reachout data")]
    NotSealed,
    #[error("it does not open to text")]
    NotText,
}

/// A data key and its id (8 hex digits, chosen at random with the key).
#[derive(Clone)]
pub struct DataKey {
    id: String,
    raw: KeyBytes,
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DataKey({})", self.id)
    }
}

impl DataKey {
    pub fn new(id: [u8; 4], raw: [u8; KEY_BYTES]) -> DataKey {
        DataKey {
            id: id.iter().map(|b| format!("{b:02x}")).collect(),
            raw: Zeroizing::new(raw),
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }
}

fn cipher(key: &[u8; KEY_BYTES]) -> Aes256Gcm {
    Aes256Gcm::new(key.into())
}

/// AES-256-GCM as every sealed thing here uses it: nonce ‖ ciphertext ‖ tag (public so that
/// the tests check it against published vectors and the browser's own AES-GCM).
pub fn seal_bytes(key: &[u8; KEY_BYTES], nonce: Nonce, plain: &[u8], aad: &[u8]) -> Vec<u8> {
    let sealed = cipher(key)
        .encrypt(&nonce.into(), Payload { msg: plain, aad })
        // Encrypting fails only beyond 64 GB of plaintext.
        .unwrap_or_default();
    let mut out = Vec::with_capacity(NONCE_BYTES + sealed.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    out
}

/// Undoes [`seal_bytes`]; a changed byte anywhere, or another key or associated data, is
/// [`SealError::Tampered`].
pub fn open_bytes(key: &[u8; KEY_BYTES], sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, SealError> {
    if sealed.len() < NONCE_BYTES + TAG_BYTES {
        return Err(SealError::Tampered);
    }
    let (nonce, body) = sealed.split_at(NONCE_BYTES);
    let nonce: Nonce = nonce.try_into().map_err(|_| SealError::Tampered)?;
    cipher(key)
        .decrypt(&nonce.into(), Payload { msg: body, aad })
        .map_err(|_| SealError::Tampered)
}

fn record_aad(id: &str, form: char) -> Vec<u8> {
    format!("{SEAL_PREFIX}{id}:{form}").into_bytes()
}

fn record(id: &str, form: char, sealed: &[u8]) -> String {
    let mut out = String::with_capacity(SEAL_PREFIX.len() + 24 + sealed.len() * 3 * 8 / 15 + 3);
    out.push_str(SEAL_PREFIX);
    out.push_str(id);
    out.push(':');
    out.push(form);
    out.push_str(&sealed.len().to_string());
    out.push(':');
    compact::push_chars(sealed, &mut out);
    out
}

/// Seals `text` with `key`: packed text as its compressed bytes, other text as UTF-16.
pub fn seal_text(key: &DataKey, nonce: Nonce, text: &str) -> String {
    match compact::packed_bytes(text) {
        Some(bytes) => {
            let sealed = seal_bytes(&key.raw, nonce, &bytes, &record_aad(&key.id, 'p'));
            record(&key.id, 'p', &sealed)
        }
        None => {
            let units: Vec<u16> = text.encode_utf16().collect();
            seal_units(key, nonce, &units)
        }
    }
}

/// Seals UTF-16 code units exactly as they are (lone surrogates included).
pub fn seal_units(key: &DataKey, nonce: Nonce, units: &[u16]) -> String {
    let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
    let sealed = seal_bytes(&key.raw, nonce, &bytes, &record_aad(&key.id, 'u'));
    record(&key.id, 'u', &sealed)
}

/// What a sealed record opens to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Plain {
    Text(String),
    /// UTF-16 that is not valid Unicode (a copy of unreadable text kept aside).
    Units(Vec<u16>),
}

impl Plain {
    pub fn into_text(self) -> Result<String, SealError> {
        match self {
            Plain::Text(text) => Ok(text),
            Plain::Units(_) => Err(SealError::NotText),
        }
    }
}

/// True when `text` is a sealed record.
pub fn is_sealed(text: &str) -> bool {
    text.starts_with(SEAL_PREFIX)
}

/// The id of the key that sealed `text`, when it is a sealed record.
pub fn sealed_with(text: &str) -> Option<&str> {
    text.strip_prefix(SEAL_PREFIX)?
        .split_once(':')
        .map(|(id, _)| id)
}

/// Opens a sealed record with whichever of `keys` sealed it.
pub fn open(keys: &[DataKey], text: &str) -> Result<Plain, SealError> {
    let rest = text.strip_prefix(SEAL_PREFIX).ok_or(SealError::NotSealed)?;
    let (id, rest) = rest.split_once(':').ok_or(SealError::Tampered)?;
    let (head, body) = rest.split_once(':').ok_or(SealError::Tampered)?;
    let mut head = head.chars();
    let form = head.next().ok_or(SealError::Tampered)?;
    let count: usize = head.as_str().parse().map_err(|_| SealError::Tampered)?;
    let key = keys
        .iter()
        .find(|k| k.id == id)
        .ok_or(SealError::UnknownKey)?;
    let sealed = compact::read_chars(body, count).map_err(|_| SealError::Tampered)?;
    if !matches!(form, 'p' | 'u') {
        return Err(SealError::Tampered);
    }
    let plain = open_bytes(&key.raw, &sealed, &record_aad(id, form))?;
    Ok(match form {
        'p' => Plain::Text(compact::packed_from_bytes(&plain)),
        _ => {
            let units: Vec<u16> = plain
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
                .collect();
            match String::from_utf16(&units) {
                Ok(text) => Plain::Text(text),
                Err(_) => Plain::Units(units),
            }
        }
    })
}

/// The key derivation's settings: PBKDF2-HMAC-SHA-256 with this salt and count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kdf {
    pub iterations: u32,
    pub salt: Vec<u8>,
}

impl Kdf {
    pub(super) fn checked(name: &str, iterations: u32, salt: &str) -> Result<Kdf, SealError> {
        if name != KDF_NAME {
            return Err(SealError::Header(format!(
                "unknown key derivation \"{name}\""
            )));
        }
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
            return Err(SealError::Header(format!(
                "{iterations} iterations is outside {MIN_ITERATIONS}–{MAX_ITERATIONS}"
            )));
        }
        let salt = decode(salt)?;
        if !(SALT_BYTES..=64).contains(&salt.len()) {
            return Err(SealError::Header("the salt has the wrong length".into()));
        }
        Ok(Kdf { iterations, salt })
    }
}

pub(super) fn decode(text: &str) -> Result<Vec<u8>, SealError> {
    STANDARD
        .decode(text)
        .map_err(|_| SealError::Header("a field is not base64".into()))
}

/// One wrapped data key in a lock header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKey {
    pub id: String,
    pub wrapped: String,
}

/// The lock's header, stored in front of the sealed document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHeader {
    pub format: String,
    pub version: u64,
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub keys: Vec<WrappedKey>,
}

fn wrap_aad(id: &str) -> Vec<u8> {
    format!("{LOCK_FORMAT}/{LOCK_VERSION}/{id}").into_bytes()
}

impl LockHeader {
    /// A header for `kdf` whose passphrase key `kek` wraps `keys`, each with its nonce; the
    /// first seals what is written.
    pub fn new(kdf: &Kdf, kek: &[u8; KEY_BYTES], keys: &[(&DataKey, Nonce)]) -> LockHeader {
        LockHeader {
            format: LOCK_FORMAT.into(),
            version: LOCK_VERSION,
            kdf: KDF_NAME.into(),
            iterations: kdf.iterations,
            salt: STANDARD.encode(&kdf.salt),
            keys: keys
                .iter()
                .map(|(key, nonce)| WrappedKey {
                    id: key.id.clone(),
                    wrapped: STANDARD.encode(seal_bytes(
                        kek,
                        *nonce,
                        key.raw.as_slice(),
                        &wrap_aad(&key.id),
                    )),
                })
                .collect(),
        }
    }

    /// The key derivation's settings, checked.
    pub fn kdf(&self) -> Result<Kdf, SealError> {
        if self.format != LOCK_FORMAT {
            return Err(SealError::NotSealed);
        }
        if self.version > LOCK_VERSION {
            return Err(SealError::Newer(self.version));
        }
        if self.version != LOCK_VERSION {
            return Err(SealError::Header(format!(
                "unknown version {}",
                self.version
            )));
        }
        if self.keys.is_empty() || self.keys.len() > MAX_KEYS {
            return Err(SealError::Header("it lists no key or too many".into()));
        }
        let good_id = |id: &str| id.len() == 8 && id.bytes().all(|b| b.is_ascii_hexdigit());
        if !self.keys.iter().all(|k| good_id(&k.id)) {
            return Err(SealError::Header("a key id is not valid".into()));
        }
        Kdf::checked(&self.kdf, self.iterations, &self.salt)
    }

    /// The id of the key that seals what is written.
    pub fn current(&self) -> &str {
        self.keys.first().map_or("", |k| k.id.as_str())
    }

    /// The data keys, the current one first, with the passphrase key `kek`. A passphrase key
    /// that does not open the current one is the wrong passphrase; a previous key that does not
    /// open is left out (its records will say they cannot be opened).
    pub fn unwrap(&self, kek: &[u8; KEY_BYTES]) -> Result<Vec<DataKey>, SealError> {
        self.kdf()?;
        let open = |wrapped: &WrappedKey| -> Result<DataKey, SealError> {
            let bytes = decode(&wrapped.wrapped)?;
            let raw = Zeroizing::new(open_bytes(kek, &bytes, &wrap_aad(&wrapped.id))?);
            let raw: [u8; KEY_BYTES] = raw
                .as_slice()
                .try_into()
                .map_err(|_| SealError::Header("a key has the wrong length".into()))?;
            Ok(DataKey {
                id: wrapped.id.clone(),
                raw: Zeroizing::new(raw),
            })
        };
        let mut keys = Vec::with_capacity(self.keys.len());
        for (i, wrapped) in self.keys.iter().enumerate() {
            match open(wrapped) {
                Ok(key) => keys.push(key),
                Err(SealError::Tampered) if i == 0 => return Err(SealError::WrongPassphrase),
                Err(error) if i == 0 => return Err(error),
                Err(_) => {}
            }
        }
        Ok(keys)
    }
}

/// The document's stored value while the lock is on.
pub fn envelope(header: &LockHeader, sealed: &str) -> String {
    let header = serde_json::to_string(header).unwrap_or_default();
    format!("{LOCK_PREFIX}{header}\n{sealed}")
}

/// True when the document's stored value is locked.
pub fn is_locked(text: &str) -> bool {
    text.starts_with(LOCK_PREFIX)
}

/// The header and the sealed record of a locked document; `None` when `text` is not locked.
pub fn read_envelope(text: &str) -> Option<Result<(LockHeader, &str), SealError>> {
    let rest = text.strip_prefix(LOCK_PREFIX)?;
    let Some((header, sealed)) = rest.split_once('\n') else {
        return Some(Err(SealError::Tampered));
    };
    Some(
        serde_json::from_str::<LockHeader>(header)
            .map_err(|e| SealError::Header(e.to_string()))
            .and_then(|h| h.kdf().map(|_| (h, sealed))),
    )
}
