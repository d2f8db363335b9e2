//! The small values beside the document (the backup mark and remembered choices), read and
//! written through gloo-storage against the real localStorage of headless Chromium.
#![cfg(target_arch = "wasm32")]

use reachout::format::backup::BackupMark;
use reachout::format::document;
use reachout::model::Book;
use reachout::storage::{self, SideError, Store};
use reachout::theme::Theme;
use wasm_bindgen_test::*;

mod common;
use common::browser::{clear, local};
use common::now;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_choice_is_kept_as_json_and_read_back_typed() {
    clear("t-choice");
    assert_eq!(storage::preference::<Theme>("t-choice", "theme"), None);
    storage::remember("t-choice", "theme", &Theme::Dark).unwrap();
    assert_eq!(
        local().get_item("t-choice:pref:theme").unwrap().as_deref(),
        Some("\"dark\"")
    );
    assert_eq!(
        storage::preference::<Theme>("t-choice", "theme"),
        Some(Theme::Dark)
    );
    clear("t-choice");
}

#[wasm_bindgen_test]
fn a_choice_stored_as_plain_text_by_an_earlier_reachout_is_still_read() {
    clear("t-plain");
    local()
        .set_item("t-plain:pref:before-step", "open")
        .unwrap();
    assert_eq!(
        storage::preference::<String>("t-plain", "before-step").as_deref(),
        Some("open")
    );
    // Text that is neither JSON of the type nor a string of it reads as never chosen.
    local().set_item("t-plain:pref:theme", "{broken").unwrap();
    assert_eq!(storage::preference::<Theme>("t-plain", "theme"), None);
    local().set_item("t-plain:pref:theme", "purple").unwrap();
    assert_eq!(storage::preference::<Theme>("t-plain", "theme"), None);
    clear("t-plain");
}

#[wasm_bindgen_test]
fn the_backup_mark_is_kept_and_a_bad_one_counts_as_no_backup() {
    clear("t-mark");
    let store = Store::open("t-mark", now()).store;
    assert_eq!(storage::backup_mark("t-mark"), BackupMark::default());
    let mark = BackupMark {
        backed_up_at: Some(now()),
        revision: 4,
        remind_after: None,
    };
    store.keep_backup_mark(&mark).unwrap();
    assert_eq!(storage::backup_mark("t-mark"), mark);
    // Written by hand: a date past the supported years, and text that is no mark at all.
    local()
        .set_item(
            "t-mark:backup",
            r#"{"backed_up_at":"+262142-12-31T23:59:59Z","revision":4}"#,
        )
        .unwrap();
    assert_eq!(storage::backup_mark("t-mark"), BackupMark::default());
    local().set_item("t-mark:backup", "not json").unwrap();
    assert_eq!(storage::backup_mark("t-mark"), BackupMark::default());
    local()
        .set_item("t-mark:backup", r#"{"revision":4294967296000000000000}"#)
        .unwrap();
    assert_eq!(storage::backup_mark("t-mark"), BackupMark::default());
    clear("t-mark");
}

#[wasm_bindgen_test]
fn a_read_only_store_keeps_no_backup_mark() {
    clear("t-ro-mark");
    let newer = document::encode(&Book::default(), 5, now()).replace(
        &format!("\"version\":{}", document::SCHEMA_VERSION),
        &format!("\"version\":{}", document::SCHEMA_VERSION + 1),
    );
    local().set_item("t-ro-mark:document", &newer).unwrap();
    let store = Store::open("t-ro-mark", now()).store;
    let mark = BackupMark {
        backed_up_at: Some(now()),
        revision: 1,
        remind_after: None,
    };
    assert_eq!(store.keep_backup_mark(&mark), Err(SideError::NotKept));
    assert_eq!(local().get_item("t-ro-mark:backup").unwrap(), None);
    clear("t-ro-mark");
}

#[wasm_bindgen_test]
fn a_full_storage_or_a_write_not_kept_is_reported_not_panicked_on() {
    clear("t-side-full");
    // Fill storage until it refuses even a short value.
    let storage = local();
    let mut fillers = Vec::new();
    let mut chunk = 1 << 20;
    while chunk >= 1 {
        let key = format!("side-filler:{}", fillers.len());
        if storage.set_item(&key, &"f".repeat(chunk)).is_ok() {
            fillers.push(key);
        } else {
            chunk /= 2;
        }
    }
    let full = storage::remember("t-side-full", "theme", &Theme::Light);
    for key in fillers {
        storage.remove_item(&key).unwrap();
    }
    assert_eq!(full, Err(SideError::Full));
    assert_eq!(storage::preference::<Theme>("t-side-full", "theme"), None);

    // Like a broken extension: setItem returns without storing anything.
    js_sys::eval(
        "window.__keptSetItem = Storage.prototype.setItem; Storage.prototype.setItem = function () {};",
    )
    .unwrap();
    let dropped = storage::remember("t-side-full", "theme", &Theme::Light);
    js_sys::eval("Storage.prototype.setItem = window.__keptSetItem;").unwrap();
    assert_eq!(dropped, Err(SideError::NotKept));
    clear("t-side-full");
}
