//! Helpers shared by the native test files: days and times from text, drafts, reach-outs and
//! their answers, fixtures.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use reachout::model::insights::Period;
use reachout::model::{
    BeforeDraft, Book, Channel, ContactDraft, ContactId, Expectation, Outcome, OutcomeDraft,
    ReachOutDraft, ReachOutId,
};

/// The moment most tests happen at: Friday 27 November 2026, 9:30 UTC.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).unwrap()
}

/// The day of [`now`].
pub fn today() -> NaiveDate {
    now().date_naive()
}

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

/// A book of contacts with these names, created [`now`].
pub fn book_with(names: &[&str]) -> Book {
    let mut book = Book::default();
    for name in names {
        book.add_contact(&named(name), now()).unwrap();
    }
    book
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
    reach_with(
        book,
        contact,
        date,
        BeforeDraft::default(),
        Channel::Email,
        follows_up,
    )
}

/// Logs a reach-out on `date` by `channel`, with the before-step `before`.
pub fn reach_with(
    book: &mut Book,
    contact: ContactId,
    date: &str,
    before: BeforeDraft,
    channel: Channel,
    follows_up: Option<ReachOutId>,
) -> ReachOutId {
    let draft = ReachOutDraft {
        channel: Some(channel),
        date: date.into(),
        note: String::new(),
        follows_up,
        before,
    };
    book.log_reach_out(contact, &draft, day(date), at(date))
        .unwrap()
}

/// Records `outcome` for reach-out `id`, dated and entered on `date`.
pub fn answer(book: &mut Book, id: ReachOutId, outcome: Outcome, date: &str) {
    let draft = OutcomeDraft {
        outcome: Some(outcome),
        date: date.into(),
        note: String::new(),
    };
    book.record_outcome(id, &draft, day(date)).unwrap();
}

/// A before-step that expects `expect`.
pub fn expecting(expect: Expectation) -> BeforeDraft {
    BeforeDraft {
        expect: Some(expect),
        ..BeforeDraft::default()
    }
}

/// A before-step that gives a yes `percent` per cent.
pub fn chance(percent: &str) -> BeforeDraft {
    BeforeDraft {
        yes_chance: percent.into(),
        ..BeforeDraft::default()
    }
}

/// Everything up to `today`.
pub fn all_time(today: &str) -> Period {
    Period::all_time(day(today))
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

/// For the import tests: files read as tables, and the people read from them.
pub mod files {
    use chrono::{DateTime, NaiveDate, Utc};
    use reachout::format::import_files::{self, table::Table, Kind, Read};
    use reachout::model::{ContactDraft, Incoming};

    /// The bytes of a fixture under `tests/fixtures/`.
    pub fn fixture(path: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/tests/fixtures/{path}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The day the import tests run on.
    pub fn today() -> NaiveDate {
        day(2026, 11, 29)
    }

    pub fn now() -> DateTime<Utc> {
        today().and_hms_opt(12, 0, 0).unwrap().and_utc()
    }

    /// A known export among the fixtures, read, or the test fails saying what it was.
    pub fn known(path: &str) -> (Kind, Incoming) {
        let name = path.rsplit('/').next().unwrap();
        match import_files::read(name, &fixture(path)) {
            Ok(Read::Known(kind, incoming)) => (kind, incoming),
            other => panic!("{path}: {other:?}"),
        }
    }

    /// LinkedIn's connections, invitations and messages, put together.
    pub fn whole_linkedin_export() -> Incoming {
        let mut all = Incoming::default();
        for path in [
            "linkedin/Connections.csv",
            "linkedin/Invitations.csv",
            "linkedin/messages.csv",
        ] {
            all.extend(known(path).1);
        }
        all
    }

    /// A file read as a table of columns (not a known export), or the test fails saying what
    /// it was.
    pub fn table_of(name: &str, bytes: &[u8]) -> Table {
        match import_files::read(name, bytes) {
            Ok(Read::Table(table)) => table,
            other => panic!("{name} not read as a table: {other:?}"),
        }
    }

    /// The names of the people read, in order.
    pub fn names(incoming: &Incoming) -> Vec<&str> {
        incoming
            .people
            .iter()
            .map(|p| p.draft.name.as_str())
            .collect()
    }

    /// The draft of the person read with exactly this name.
    pub fn draft_named<'a>(incoming: &'a Incoming, name: &str) -> &'a ContactDraft {
        &incoming
            .people
            .iter()
            .find(|p| p.draft.name == name)
            .unwrap_or_else(|| panic!("{name} not among {:?}", names(incoming)))
            .draft
    }
}
