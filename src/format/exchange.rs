//! Which backups this device exchanged with other devices, so that merging a backup can find
//! the data both devices last shared and merge field by field against it
//! ([`crate::model::merge_devices`]).
//!
//! Each device has a random id (kept beside the data, never in it). A backup names the device
//! that wrote it and, for each other device, the fingerprint of the last backup from that
//! device merged into it (`"device"` and `"seen"` in the backup's envelope). The device keeps
//! a copy of the last backup it wrote and of the last backup merged from each other device;
//! a backup coming in then has a known common ancestor when
//! - it says it merged the backup this device last wrote (its `seen` holds that fingerprint):
//!   both sides' data descends from that backup; or
//! - it comes from a device whose earlier backup was merged here: that device's data descends
//!   from its own earlier backup, and so does this device's since the merge.
//!
//! Whenever this device's data stops descending from what it holds (a restore, an undone
//! merge or restore), it takes a new id and forgets every copy, so that a stale ancestor can
//! never make a record look deleted.
//!
//! The fingerprint is a 64-bit FNV-1a of the file's text: it only has to tell this device's
//! few backups apart, not resist forgery (a forged backup can hold any data anyway).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::Limits;

/// The most other devices whose last backup is kept; the one merged longest ago goes first.
pub const DEVICES_KEPT: usize = 3;

/// The fingerprint of a backup file's text: 16 hex digits.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// An id of this app's making: 16 lowercase hex digits, as [`fingerprint`] and device ids are.
fn well_formed(id: &str) -> bool {
    id.len() == 16
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A device id from 64 random bits.
pub fn device_id(random: u64) -> String {
    format!("{random:016x}")
}

/// What a backup says about the exchange: who wrote it and what it merged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub seen: BTreeMap<String, String>,
}

impl Head {
    /// The head of a backup's text. Anything missing, malformed or out of range reads as no
    /// head at all: the merge then rebuilds the ancestor, as for a backup of an older version.
    pub fn of(text: &str) -> Head {
        #[derive(Deserialize)]
        struct Envelope {
            #[serde(default)]
            device: Option<String>,
            #[serde(default)]
            seen: Option<BTreeMap<String, String>>,
        }
        let Ok(envelope) = serde_json::from_str::<Envelope>(text.trim_start_matches('\u{feff}'))
        else {
            return Head::default();
        };
        let head = Head {
            device: envelope.device,
            seen: envelope.seen.unwrap_or_default(),
        };
        let good = head.device.as_deref().is_some_and(well_formed)
            && head.seen.len() <= DEVICES_KEPT
            && head
                .seen
                .iter()
                .all(|(device, hash)| well_formed(device) && well_formed(hash));
        if good {
            head
        } else {
            Head::default()
        }
    }
}

/// A backup this device keeps a copy of: whose, its fingerprint and when it was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    pub device: String,
    pub hash: String,
    pub saved_at: DateTime<Utc>,
}

/// The exchanges this device remembers; stored beside the data as a small JSON record, with
/// each held backup's copy under its own key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exchanges {
    /// This device's id; empty until it is first needed.
    pub device: String,
    /// The last backup written here.
    #[serde(default)]
    pub written: Option<Held>,
    /// The last backup merged from each other device, the latest merge first.
    #[serde(default)]
    pub merged: Vec<Held>,
}

impl Exchanges {
    /// A stored record; anything unreadable or out of range reads as none (no ancestor known).
    pub fn parse(text: Option<&str>) -> Exchanges {
        let Some(exchanges) = text.and_then(|t| serde_json::from_str::<Exchanges>(t).ok()) else {
            return Exchanges::default();
        };
        let held_well = |h: &Held| {
            well_formed(&h.device) && well_formed(&h.hash) && Limits::time_in_range(h.saved_at)
        };
        let good = (exchanges.device.is_empty() || well_formed(&exchanges.device))
            && exchanges.written.iter().all(held_well)
            && exchanges.merged.len() <= DEVICES_KEPT
            && exchanges.merged.iter().all(held_well);
        if good {
            exchanges
        } else {
            Exchanges::default()
        }
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The fingerprints of every backup a copy is kept of.
    pub fn held(&self) -> Vec<String> {
        self.written
            .iter()
            .chain(&self.merged)
            .map(|h| h.hash.clone())
            .collect()
    }

    /// What a backup written now says about the exchange.
    pub fn head(&self) -> Head {
        Head {
            device: Some(self.device.clone()).filter(|d| !d.is_empty()),
            seen: self
                .merged
                .iter()
                .map(|h| (h.device.clone(), h.hash.clone()))
                .collect(),
        }
    }

    /// The backup both this device and the one that wrote `head` descend from, if a copy of
    /// it is kept here; of two, the one written later.
    pub fn ancestor(&self, head: &Head) -> Option<&Held> {
        let theirs = head.device.as_deref().filter(|d| *d != self.device)?;
        let mine = self
            .written
            .as_ref()
            .filter(|w| head.seen.get(&self.device) == Some(&w.hash));
        let merged = self.merged.iter().find(|h| h.device == theirs);
        match (mine, merged) {
            (Some(a), Some(b)) => Some(if a.saved_at >= b.saved_at { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    /// Notes the backup just written here; returns the fingerprints no longer kept.
    pub fn wrote(&mut self, hash: String, saved_at: DateTime<Utc>) -> Vec<String> {
        let before = self.held();
        self.written = Some(Held {
            device: self.device.clone(),
            hash,
            saved_at,
        });
        self.dropped_since(before)
    }

    /// Notes a backup from `device` just merged here; returns the fingerprints no longer kept.
    pub fn merged_from(
        &mut self,
        device: &str,
        hash: String,
        saved_at: DateTime<Utc>,
    ) -> Vec<String> {
        let before = self.held();
        self.merged.retain(|h| h.device != device);
        self.merged.insert(
            0,
            Held {
                device: device.to_string(),
                hash,
                saved_at,
            },
        );
        self.merged.truncate(DEVICES_KEPT);
        self.dropped_since(before)
    }

    /// Forgets the backup with fingerprint `hash` (its copy could not be kept).
    pub fn forget(&mut self, hash: &str) {
        if self.written.as_ref().is_some_and(|w| w.hash == hash) {
            self.written = None;
        }
        self.merged.retain(|h| h.hash != hash);
    }

    /// Starts again under the new id `device`: nothing held any more. Returns what was.
    pub fn start_again(&mut self, device: String) -> Vec<String> {
        let before = self.held();
        *self = Exchanges {
            device,
            ..Exchanges::default()
        };
        before
    }

    fn dropped_since(&self, before: Vec<String>) -> Vec<String> {
        let now = self.held();
        before.into_iter().filter(|h| !now.contains(h)).collect()
    }
}
