//! The locked backup file, with everything needed to derive its key again from the
//! passphrase (the keys and the sealing are described in [`super::seal`]).
//!
//! A **locked backup** is a JSON file, the plain backup's text (UTF-8, compressed with raw
//! DEFLATE) sealed with the passphrase key itself:
//!
//! ```json
//! {"format":"reachout-backup-locked","version":1,"kdf":"PBKDF2-SHA-256","iterations":600000,
//!  "salt":"…","nonce":"…","compression":"deflate-raw","ciphertext":"…"}
//! ```

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::compact;
use super::seal::{
    decode, open_bytes, seal_bytes, Kdf, Nonce, SealError, KDF_NAME, KEY_BYTES, NONCE_BYTES,
};

const BACKUP_FORMAT: &str = "reachout-backup-locked";
const BACKUP_VERSION: u64 = 1;
/// The most a locked backup opens to: as much as an unlocked backup may hold.
const MAX_BACKUP_BYTES: usize = compact::MAX_UNPACKED_BYTES;

/// A locked backup file, as read (not yet opened).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockedBackup {
    pub format: String,
    pub version: u64,
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub nonce: String,
    pub compression: String,
    pub ciphertext: String,
}

const BACKUP_AAD: &[u8] = b"reachout-backup-locked/1";

/// A locked backup of `text` (a plain backup), sealed with the passphrase key `kek`.
pub fn seal_backup(kdf: &Kdf, kek: &[u8; KEY_BYTES], nonce: Nonce, text: &str) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 2);
    let sealed = seal_bytes(kek, nonce, &compressed, BACKUP_AAD);
    let (nonce, ciphertext) = sealed.split_at(NONCE_BYTES);
    let file = LockedBackup {
        format: BACKUP_FORMAT.into(),
        version: BACKUP_VERSION,
        kdf: KDF_NAME.into(),
        iterations: kdf.iterations,
        salt: STANDARD.encode(&kdf.salt),
        nonce: STANDARD.encode(nonce),
        compression: "deflate-raw".into(),
        ciphertext: STANDARD.encode(ciphertext),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

impl LockedBackup {
    /// A locked backup, when `text` is one (`None` for any other file); checked.
    pub fn read(text: &str) -> Option<Result<LockedBackup, SealError>> {
        // Only a file that names the format is taken for one: a plain backup is left to its reader.
        if !text.contains(BACKUP_FORMAT) {
            return None;
        }
        #[derive(Deserialize)]
        struct Format {
            format: Option<String>,
        }
        let named = serde_json::from_str::<Format>(text).ok()?.format;
        if named.as_deref() != Some(BACKUP_FORMAT) {
            return None;
        }
        Some(
            serde_json::from_str::<LockedBackup>(text)
                .map_err(|e| SealError::Header(e.to_string()))
                .and_then(LockedBackup::checked),
        )
    }

    fn checked(self) -> Result<LockedBackup, SealError> {
        if self.version > BACKUP_VERSION {
            return Err(SealError::Newer(self.version));
        }
        if self.version != BACKUP_VERSION || self.compression != "deflate-raw" {
            return Err(SealError::Header("unknown version or compression".into()));
        }
        self.kdf()?;
        Ok(self)
    }

    /// The key derivation's settings.
    pub fn kdf(&self) -> Result<Kdf, SealError> {
        Kdf::checked(&self.kdf, self.iterations, &self.salt)
    }

    /// The plain backup's text, with the passphrase key derived from this file's settings.
    pub fn open(&self, kek: &[u8; KEY_BYTES]) -> Result<String, SealError> {
        let mut sealed = decode(&self.nonce)?;
        if sealed.len() != NONCE_BYTES {
            return Err(SealError::Header("the nonce has the wrong length".into()));
        }
        sealed.extend(decode(&self.ciphertext)?);
        let compressed = open_bytes(kek, &sealed, BACKUP_AAD).map_err(|error| match error {
            // Nothing else in the file says which: a wrong passphrase is far the likelier.
            SealError::Tampered => SealError::WrongPassphrase,
            other => other,
        })?;
        let text =
            miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_BACKUP_BYTES)
                .map_err(|_| SealError::NotText)?;
        String::from_utf8(text).map_err(|_| SealError::NotText)
    }
}
