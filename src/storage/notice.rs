//! What the storage module tells the person: one notice per kind of problem, in their words.

/// A problem the user must know about, shown as a banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    Unavailable,
    /// Unreadable data was copied to `key`; the app started empty.
    Quarantined {
        key: String,
        reason: String,
    },
    /// Unreadable data that could not even be copied aside: nothing is saved, to keep it intact.
    UnreadableKept {
        reason: String,
    },
    NewerVersion {
        reason: String,
    },
    SaveFailed {
        quota_exceeded: bool,
    },
    /// The browser said it stored the data, but reading it back found something else.
    SaveNotKept,
    /// The lock was turned on, or its passphrase changed, in another tab: this tab holds no
    /// key for what is stored now, so it reads and writes nothing more until it is unlocked.
    LockChanged,
    /// The lock is in place, but a record beside the data (a restore's snapshot, a copy kept
    /// aside) could not be sealed yet.
    SealingUnfinished,
    /// Stored data held values out of range (written by an earlier build or by hand): the raw
    /// text was copied to `key`, and the data opened with those values brought into range.
    Adjusted {
        key: String,
        /// The first few adjustments, worded for people, and how many there were in all.
        changes: Vec<String>,
        count: usize,
    },
}

/// At most this many adjustments are spelled out in the banner.
pub(super) const ADJUSTMENTS_SHOWN: usize = 3;

impl StorageNotice {
    /// The key of the raw copy this notice is about, if it made one.
    pub fn copy_key(&self) -> Option<&str> {
        match self {
            StorageNotice::Quarantined { key, .. } | StorageNotice::Adjusted { key, .. } => {
                Some(key)
            }
            _ => None,
        }
    }

    /// The banner's opening words.
    pub fn title(&self) -> &'static str {
        match self {
            StorageNotice::Adjusted { .. } => "Saved data adjusted.",
            _ => "Storage problem.",
        }
    }

    pub fn message(&self) -> String {
        match self {
            StorageNotice::Unavailable => "This browser is not letting Reachout keep anything. \
                Nothing you add will be kept after you close this tab; download a backup before you \
                leave, or allow storage for this site."
                .into(),
            StorageNotice::Quarantined { key, reason } => format!(
                "Your saved data could not be read: {reason}. It has been kept unchanged under the \
                 storage key \"{key}\", and Reachout started with an empty record."
            ),
            StorageNotice::UnreadableKept { reason } => format!(
                "Your saved data could not be read: {reason}. To keep it intact, Reachout will not \
                 save anything in this browser until it is dealt with."
            ),
            StorageNotice::NewerVersion { reason } => format!(
                "Your data could not be opened: {reason}. It is left untouched; changes made here \
                 will not be saved. Open it with the newer Reachout."
            ),
            StorageNotice::SaveFailed { quota_exceeded: true } => "Not saved: this browser's storage is full. \
                Download a backup on the Data page, or free some space. Your changes are kept in this \
                tab and will be saved with your next change once there is room."
                .into(),
            StorageNotice::SaveFailed { quota_exceeded: false } => "Not saved: the browser refused to store your data. \
                Your changes are kept in this tab for now and will be saved with your next change."
                .into(),
            StorageNotice::SaveNotKept => "Not saved: the browser accepted your data but did not keep it \
                (reading it back found something else). Your changes are kept in this tab; download a \
                backup on the Data page to be safe."
                .into(),
            StorageNotice::LockChanged => "The lock was changed in another tab. This tab saves \
                nothing more; reload it and unlock with the passphrase now in use."
                .into(),
            StorageNotice::SealingUnfinished => "The lock is on, but a copy kept beside your data \
                (a restore's snapshot or a copy set aside) could not be sealed yet: this browser's \
                storage may be full. Reachout tries again each time it is unlocked."
                .into(),
            StorageNotice::Adjusted { key, changes, count } => {
                let more = count.saturating_sub(changes.len());
                let more = if more > 0 {
                    format!(" And {more} more.")
                } else {
                    String::new()
                };
                format!(
                    "Some saved values were outside what Reachout accepts, so they were brought into \
                     range: {}{more} The data as it was is kept unchanged under the storage key \"{key}\".",
                    changes.join(" ")
                )
            }
        }
    }
}
