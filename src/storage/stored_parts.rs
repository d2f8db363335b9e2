//! The document stored in parts (see `format::parts` for the layout): writing the parts a
//! save changed, retiring the parts a manifest no longer lists, and sweeping what a save cut
//! short left behind. The rest of storage (opening, the manifest, quarantine) is in `mod.rs`.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::{keys_with_prefix, local_storage, put, quarantined, remove_all, StorageNotice, Store};
use crate::format::parts;
use crate::model::Book;

/// How long a part stays after its manifest stopped listing it, in seconds: enough for another
/// tab that read the previous manifest to read its parts.
const RETIRE_AFTER_SECONDS: i64 = 60;
/// How old an unlisted part must be before the sweep at opening removes it, in seconds.
const SWEEP_AFTER_SECONDS: i64 = 600;

/// How long parts written ahead may be listed by a save, in seconds: well before the sweep at
/// opening (in this tab or another) may take them for parts a save cut short.
const AHEAD_FOR_SECONDS: i64 = SWEEP_AFTER_SECONDS / 2;
/// How long one step of writing parts ahead may take, in milliseconds: well under a frame of
/// a long task's 50 ms.
const AHEAD_STEP_MS: f64 = 12.0;

/// Parts of the book as last read, written in idle time while the document is stored whole
/// and should be split: the first save then lists each part that did not change since, instead
/// of writing every part in one long task. Listed by nothing until a save lists them.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Ahead {
    /// The store's revision when they were written; any other save or read makes them stale.
    revision: u64,
    started: DateTime<Utc>,
    stamp: String,
    /// The book they were made from; a part is listed only where it holds the same records.
    book: Book,
    pub(super) written: PartKeys,
    complete: bool,
}

/// Part numbers with the keys their text is stored under, as a manifest lists them.
pub(super) type PartKeys = Vec<(u64, String)>;

/// What a save wrote in parts: every part with its key, the keys written, and (when the book
/// was compared with its base) the parts where the two differ.
pub(super) struct PartsWritten {
    pub(super) listed: PartKeys,
    pub(super) written: Vec<String>,
    pub(super) differ: Option<BTreeSet<u64>>,
}

/// The key prefix of the parts of the document stored under `namespace`.
pub(super) fn part_prefix(namespace: &str) -> String {
    format!("{namespace}:part:")
}

/// When the part under `key` was written, from its key (`…:part:REVISION-MILLIS-RANDOM:NUMBER`).
fn written_at(key: &str) -> Option<i64> {
    let stamp = key.rsplit(':').nth(1)?;
    stamp.split('-').nth(1)?.parse().ok()
}

/// The stamp in the keys of parts written at `revision` and `now`: the revision, the time and
/// a random number, so that two tabs saving the same revision in the same millisecond still
/// write different keys.
fn stamp(revision: u64, now: DateTime<Utc>) -> String {
    format!(
        "{revision}-{}-{}",
        now.timestamp_millis(),
        (js_sys::Math::random() * 1e9) as u64
    )
}

impl Store {
    /// Writes parts of `book` (the book as this store last read it) ahead of the first save,
    /// for at most a few milliseconds, when the document is stored whole but should be split.
    /// Returns true while parts are left to write: call it again when the page is idle. Parts
    /// written ahead are listed by the next save only if it comes soon, at the same revision,
    /// and only where they hold what the book then holds; otherwise they are retired.
    pub fn split_ahead(&mut self, book: &Book, now: DateTime<Utc>) -> bool {
        let stale = self
            .ahead
            .as_ref()
            .is_some_and(|a| a.revision != self.revision);
        if stale || self.parts.is_some() || !self.saves() || !parts::should_split(book) {
            self.drop_ahead(now);
            return false;
        }
        let Some(storage) = local_storage() else {
            return false;
        };
        let revision = self.revision;
        let ahead = self.ahead.get_or_insert_with(|| {
            Box::new(Ahead {
                revision,
                started: now,
                stamp: stamp(revision.saturating_add(1), now),
                book: book.clone(),
                written: Vec::new(),
                complete: false,
            })
        });
        let prefix = part_prefix(&self.namespace);
        let begin = js_sys::Date::now();
        let layout = parts::Layout::of(&ahead.book);
        let mut written = Vec::new();
        let mut left = false;
        let mut failed = false;
        for number in layout.numbers() {
            if ahead.written.iter().any(|(n, _)| *n == number) {
                continue;
            }
            if js_sys::Date::now() - begin > AHEAD_STEP_MS {
                left = true;
                break;
            }
            let key = format!("{prefix}{}:{number}", ahead.stamp);
            let part = layout.part(number).unwrap_or_default();
            let text = parts::encode_part(&part, revision.saturating_add(1), now);
            if put(&storage, &key, &text).is_err() {
                // No room now: the first save will write every part, and say so if it cannot.
                remove_all(&storage, &[key]);
                failed = true;
                break;
            }
            written.push((number, key));
        }
        drop(layout);
        ahead.written.extend(written);
        ahead.complete = !left && !failed;
        left
    }

    /// Retires whatever was written ahead.
    pub(super) fn drop_ahead(&mut self, now: DateTime<Utc>) {
        if let Some(ahead) = self.ahead.take() {
            self.retired
                .extend(ahead.written.into_iter().map(|(_, key)| (key, now)));
        }
    }

    /// Writes the parts of `book` that changed since `base` under new keys; the list of every
    /// part with its key, the keys written, and (when `base` was compared) the parts where
    /// `book` and `base` differ. On failure, nothing written is left behind.
    pub(super) fn write_parts(
        &self,
        storage: &web_sys::Storage,
        book: &Book,
        base: Option<&Book>,
        revision: u64,
        now: DateTime<Utc>,
    ) -> Result<PartsWritten, StorageNotice> {
        let stamp = stamp(revision, now);
        let known: std::collections::HashMap<u64, &str> = self
            .parts
            .iter()
            .flatten()
            .map(|(number, key)| (*number, key.as_str()))
            .collect();
        let before = base.filter(|_| self.parts.is_some()).map(parts::Layout::of);
        // Parts written ahead, complete, at this revision and fresh: listed where they hold
        // what the book holds.
        let ahead = self.ahead.as_deref().filter(|a| {
            a.complete
                && a.revision == self.revision
                && self.parts.is_none()
                && (now - a.started).num_seconds() < AHEAD_FOR_SECONDS
        });
        let ahead_layout = ahead.map(|a| parts::Layout::of(&a.book));
        // Each one still there: storage may have been cleared since (another page of this
        // origin, or the person), and a manifest must never list a missing part.
        let ahead_keys: std::collections::HashMap<u64, &str> = ahead
            .iter()
            .flat_map(|a| a.written.iter())
            .filter(|(_, key)| storage.get_item(key).ok().flatten().is_some())
            .map(|(number, key)| (*number, key.as_str()))
            .collect();
        let layout = parts::Layout::of(book);
        let mut listed = Vec::new();
        let mut written = Vec::new();
        // Parts of the base that the book no longer has differ too.
        let mut differ: BTreeSet<u64> = before.iter().flat_map(|b| b.numbers()).collect();
        for number in layout.numbers() {
            let unchanged = before.as_ref().is_some_and(|b| layout.same(b, number));
            if unchanged {
                differ.remove(&number);
            } else {
                differ.insert(number);
            }
            let ready = ahead_layout
                .as_ref()
                .filter(|ahead| layout.same(ahead, number))
                .and_then(|_| ahead_keys.get(&number));
            let key = match (known.get(&number), ready) {
                (Some(key), _) if unchanged => key.to_string(),
                (_, Some(key)) => key.to_string(),
                _ => {
                    let key = format!("{}{stamp}:{number}", part_prefix(&self.namespace));
                    let part = layout.part(number).unwrap_or_default();
                    let text = parts::encode_part(&part, revision, now);
                    if let Err(notice) = put(storage, &key, &text) {
                        written.push(key);
                        remove_all(storage, &written);
                        return Err(notice);
                    }
                    written.push(key.clone());
                    key
                }
            };
            listed.push((number, key));
        }
        Ok(PartsWritten {
            listed,
            written,
            differ: before.map(|_| differ),
        })
    }

    /// Retires the parts `before` listed that the manifest now stored no longer lists, and
    /// removes the retired parts that are old enough and still not listed.
    pub(super) fn retire(
        &mut self,
        before: Option<PartKeys>,
        storage: &web_sys::Storage,
        now: DateTime<Utc>,
    ) {
        let listed = listed_keys(&self.parts);
        for (_, key) in before.into_iter().flatten() {
            if !listed.contains(key.as_str()) {
                self.retired.push((key, now));
            }
        }
        for (key, since) in std::mem::take(&mut self.retired) {
            if listed.contains(key.as_str()) {
                continue;
            }
            if (now - since).num_seconds() >= RETIRE_AFTER_SECONDS {
                let _ = storage.remove_item(&key);
            } else {
                self.retired.push((key, since));
            }
        }
    }
}

/// The keys `parts` lists, to look each up at once (a manifest lists hundreds).
fn listed_keys(parts: &Option<PartKeys>) -> std::collections::HashSet<&str> {
    parts
        .iter()
        .flatten()
        .map(|(_, key)| key.as_str())
        .collect()
}

/// Removes the parts of `namespace` that neither `listed` (the stored manifest's) nor a copy
/// kept aside lists, once they are ten minutes old: left by a save cut short or a tab closed
/// before it removed what it retired.
pub(super) fn sweep(
    storage: &web_sys::Storage,
    namespace: &str,
    listed: &[(u64, String)],
    now: DateTime<Utc>,
) {
    let stored = keys_with_prefix(storage, &part_prefix(namespace));
    if stored.is_empty() {
        return;
    }
    let Some(mut kept) = listed_by_copies(storage, namespace) else {
        return;
    };
    kept.extend(listed.iter().map(|(_, key)| key.clone()));
    let cutoff = now.timestamp_millis() - SWEEP_AFTER_SECONDS * 1000;
    for key in stored {
        if !kept.contains(&key) && written_at(&key).is_some_and(|at| at < cutoff) {
            let _ = storage.remove_item(&key);
        }
    }
}

/// The parts that the copies kept aside list; `None` when one of them may list any (a damaged
/// manifest, or a copy that cannot be opened), and so every part must stay.
pub(super) fn listed_by_copies(
    storage: &web_sys::Storage,
    namespace: &str,
) -> Option<std::collections::HashSet<String>> {
    let mut kept = std::collections::HashSet::new();
    for copy in quarantined(namespace) {
        let Some(raw) = storage.get_item(&copy).ok().flatten() else {
            continue;
        };
        let text = super::lock::open_text(raw).ok()?;
        match parts::read_manifest(&text) {
            Some(Ok(manifest)) => kept.extend(manifest.parts.into_iter().map(|(_, key)| key)),
            Some(Err(_)) => return None,
            None => {}
        }
    }
    Some(kept)
}

/// Every part key stored under `namespace`, in order.
pub fn part_keys(namespace: &str) -> Vec<String> {
    local_storage().map_or_else(Vec::new, |storage| {
        keys_with_prefix(&storage, &part_prefix(namespace))
    })
}
