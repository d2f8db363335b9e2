//! Helpers shared by the native test files: days and times from text, drafts, fixtures.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use reachout::model::{Book, Channel, ContactDraft, ContactId, ReachOutDraft, ReachOutId};

/// `day("2026-11-27")`.
pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Nine in the morning, UTC, on that day.
pub fn at(text: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day(text).and_hms_opt(9, 0, 0).unwrap())
}

/// A contact form with only the name filled in.
pub fn named(name: &str) -> ContactDraft {
    ContactDraft {
        name: name.into(),
        ..Default::default()
    }
}

/// Adds a contact named `name`, created on `created`.
pub fn person(book: &mut Book, name: &str, created: &str) -> ContactId {
    book.add_contact(&named(name), at(created)).unwrap()
}

/// Logs an e-mail reach-out on `date` (optionally following up an earlier one).
pub fn reach(
    book: &mut Book,
    contact: ContactId,
    date: &str,
    follows_up: Option<ReachOutId>,
) -> ReachOutId {
    let draft = ReachOutDraft {
        channel: Some(Channel::Email),
        date: date.into(),
        note: String::new(),
        follows_up,
        before: Default::default(),
    };
    book.log_reach_out(contact, &draft, day(date), at(date))
        .unwrap()
}

/// A fixture file's text as a browser reads it (UTF-8, replacing what is not) and its size.
pub fn fixture(path: &str) -> (String, u64) {
    let bytes = std::fs::read(format!("tests/fixtures/{path}")).unwrap();
    (
        String::from_utf8_lossy(&bytes).into_owned(),
        bytes.len() as u64,
    )
}

/// For the browser tests: the real localStorage, and clearing one namespace so a test starts clean.
#[cfg(target_arch = "wasm32")]
pub mod browser {
    pub fn local() -> web_sys::Storage {
        web_sys::window().unwrap().local_storage().unwrap().unwrap()
    }

    /// Removes every key of `namespace`.
    pub fn clear(namespace: &str) {
        let storage = local();
        let keys: Vec<String> = (0..storage.length().unwrap())
            .filter_map(|i| storage.key(i).unwrap())
            .filter(|k| k.starts_with(&format!("{namespace}:")))
            .collect();
        for key in keys {
            storage.remove_item(&key).unwrap();
        }
    }
}
