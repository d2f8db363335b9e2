//! The storage module against the real localStorage of headless Chromium.
//! Each test uses its own namespace, so tests cannot see each other's keys.
#![cfg(target_arch = "wasm32")]

use reachout::format::{compact, document};
use reachout::model::Book;
use reachout::storage::{self, Mode, StorageNotice, Store};
use wasm_bindgen_test::*;

mod common;
use common::browser::{clear, local};
use common::{book_with, now};

wasm_bindgen_test_configure!(run_in_browser);

/// Fills localStorage with filler keys until it refuses more, leaving less than `room` chars free.
fn fill_storage(room: usize) -> Vec<String> {
    let storage = local();
    let mut keys = Vec::new();
    let mut chunk = 1 << 20;
    while chunk >= room.max(1) {
        let key = format!("filler:{}", keys.len());
        if storage.set_item(&key, &"f".repeat(chunk)).is_ok() {
            keys.push(key);
        } else {
            chunk /= 2;
        }
    }
    keys
}

fn unfill(keys: Vec<String>) {
    for key in keys {
        local().remove_item(&key).unwrap();
    }
}

#[wasm_bindgen_test]
fn an_empty_store_opens_empty_and_writable() {
    clear("t-empty");
    let opened = Store::open("t-empty", now());
    assert_eq!(opened.book, Book::default());
    assert_eq!(opened.notice, None);
    assert_eq!(opened.store.mode(), Mode::ReadWrite);
}

#[wasm_bindgen_test]
fn what_is_saved_is_what_opens_next_time() {
    clear("t-save");
    let book = book_with(&["Ana", "<b>Ben</b>", "José"]);
    let mut store = Store::open("t-save", now()).store;
    store.save(&book, now()).unwrap();
    store.save(&book, now()).unwrap();

    let reopened = Store::open("t-save", now());
    assert_eq!(reopened.book, book);
    let raw = local().get_item("t-save:document").unwrap().unwrap();
    assert_eq!(document::decode(&raw).unwrap().revision, 2);
}

#[wasm_bindgen_test]
fn unreadable_data_is_copied_aside_byte_for_byte_and_never_lost() {
    clear("t-corrupt");
    let raw = "{\"format\":\"reachout\",\"version\":1,\"data\":{\"contacts\":[{\"name\":\"Ana\"";
    local().set_item("t-corrupt:document", raw).unwrap();

    let opened = Store::open("t-corrupt", now());
    let Some(StorageNotice::Quarantined { key, reason }) = opened.notice.clone() else {
        panic!("expected a quarantine notice, got {:?}", opened.notice);
    };
    assert!(key.starts_with("t-corrupt:quarantine:"), "{key}");
    assert!(reason.contains("ends early"), "{reason}");
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(raw));
    // Opening alone writes nothing over the original.
    assert_eq!(
        local().get_item("t-corrupt:document").unwrap().as_deref(),
        Some(raw)
    );
    assert_eq!(opened.book, Book::default());

    // New work is saved, and the quarantined copy stays.
    let mut store = opened.store;
    store.save(&book_with(&["Carla"]), now()).unwrap();
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(raw));
    assert_eq!(Store::open("t-corrupt", now()).book, book_with(&["Carla"]));

    // Opening again while the original is unreadable makes no second copy.
    local().set_item("t-corrupt:document", raw).unwrap();
    let later = now() + chrono::Duration::minutes(5);
    assert!(matches!(Store::open("t-corrupt", later).notice,
        Some(StorageNotice::Quarantined { key: ref again, .. }) if *again == key));

    // The copy is listed for the Data page, and goes only when the user removes it.
    assert_eq!(storage::quarantined("t-corrupt"), vec![key.clone()]);
    assert!(storage::remove(&key));
    assert!(storage::quarantined("t-corrupt").is_empty());
    clear("t-corrupt");
}

#[wasm_bindgen_test]
fn damaged_compressed_data_is_set_aside_too() {
    clear("t-packed");
    let mut store = Store::open("t-packed", now()).store;
    store.save(&book_with(&["Ana", "Ben"]), now()).unwrap();
    let raw = local().get_item("t-packed:document").unwrap().unwrap();
    assert!(raw.starts_with(compact::PACK_PREFIX), "stored compressed");
    // Lose the end, as a crash in the middle of a copy by hand would.
    let cut: String = raw.chars().take(raw.chars().count() - 5).collect();
    local().set_item("t-packed:document", &cut).unwrap();

    let opened = Store::open("t-packed", now());
    let Some(StorageNotice::Quarantined { key, reason }) = opened.notice.clone() else {
        panic!("expected a quarantine notice, got {:?}", opened.notice);
    };
    assert!(reason.contains("compressed"), "{reason}");
    assert_eq!(local().get_item(&key).unwrap(), Some(cut));
    clear("t-packed");
}

#[wasm_bindgen_test]
fn data_from_a_newer_reachout_is_left_untouched() {
    clear("t-newer");
    let newer = document::encode(&book_with(&["Ana"]), 5, now()).replace(
        &format!("\"version\":{}", document::SCHEMA_VERSION),
        &format!("\"version\":{}", document::SCHEMA_VERSION + 1),
    );
    local().set_item("t-newer:document", &newer).unwrap();

    let opened = Store::open("t-newer", now());
    assert!(
        matches!(opened.notice, Some(StorageNotice::NewerVersion { .. })),
        "{:?}",
        opened.notice
    );
    assert_eq!(opened.store.mode(), Mode::ReadOnly);
    let mut store = opened.store;
    store.save(&book_with(&["Someone else"]), now()).unwrap();
    assert_eq!(local().get_item("t-newer:document").unwrap(), Some(newer));
}

#[wasm_bindgen_test]
fn a_save_over_the_quota_reports_it_and_keeps_the_last_good_copy() {
    clear("t-quota");
    let mut store = Store::open("t-quota", now()).store;
    store.save(&book_with(&["Ana"]), now()).unwrap();
    let good = local().get_item("t-quota:document").unwrap();

    let names: Vec<String> = (0..2_000)
        .map(|i| format!("Contact number {i} with a longer name"))
        .collect();
    let big = book_with(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let filler = fill_storage(1_000);
    let result = store.save(&big, now());
    let after = local().get_item("t-quota:document").unwrap();
    unfill(filler);

    assert_eq!(
        result,
        Err(StorageNotice::SaveFailed {
            quota_exceeded: true
        })
    );
    assert_eq!(after, good);
    // Once there is room again, the next save goes through.
    store.save(&big, now()).unwrap();
    assert_eq!(Store::open("t-quota", now()).book, big);
}

#[wasm_bindgen_test]
fn unreadable_data_that_cannot_be_copied_aside_blocks_all_saving() {
    clear("t-full");
    let raw = format!("not json {}", "x".repeat(200_000));
    local().set_item("t-full:document", &raw).unwrap();
    let filler = fill_storage(1_000);
    let opened = Store::open("t-full", now());
    unfill(filler);

    assert!(
        matches!(opened.notice, Some(StorageNotice::UnreadableKept { .. })),
        "{:?}",
        opened.notice
    );
    assert_eq!(opened.store.mode(), Mode::ReadOnly);
    let mut store = opened.store;
    store.save(&book_with(&["Ana"]), now()).unwrap();
    assert_eq!(local().get_item("t-full:document").unwrap(), Some(raw));
    clear("t-full");
}

#[wasm_bindgen_test]
fn a_store_sees_what_another_tab_saved_and_never_writes_over_newer_data() {
    clear("t-tabs");
    let mut first = Store::open("t-tabs", now()).store;
    let mut second = Store::open("t-tabs", now()).store;
    assert_eq!(second.refresh(now()), None, "nothing changed yet");

    first.save(&book_with(&["Ana"]), now()).unwrap();
    assert_eq!(second.refresh(now()), Some(Ok((book_with(&["Ana"]), 1))));
    assert_eq!(second.refresh(now()), None, "each change is taken once");
    second.save(&book_with(&["Ana", "Ben"]), now()).unwrap();
    assert_eq!(
        first.refresh(now()),
        Some(Ok((book_with(&["Ana", "Ben"]), 2)))
    );
    let raw = local().get_item("t-tabs:document").unwrap().unwrap();
    assert_eq!(
        document::decode(&raw).unwrap().revision,
        2,
        "revisions count on across tabs"
    );

    let newer = document::encode(&book_with(&["Ana", "Ben"]), 3, now()).replace(
        &format!("\"version\":{}", document::SCHEMA_VERSION),
        &format!("\"version\":{}", document::SCHEMA_VERSION + 1),
    );
    local().set_item("t-tabs:document", &newer).unwrap();
    assert!(matches!(
        first.refresh(now()),
        Some(Err(StorageNotice::NewerVersion { .. }))
    ));
    assert_eq!(first.mode(), Mode::ReadOnly);
    first.save(&book_with(&["Carla"]), now()).unwrap();
    assert_eq!(local().get_item("t-tabs:document").unwrap(), Some(newer));
    clear("t-tabs");
}

#[wasm_bindgen_test]
fn a_save_the_browser_accepts_but_does_not_keep_is_reported() {
    clear("t-silent");
    let mut store = Store::open("t-silent", now()).store;
    store.save(&book_with(&["Ana"]), now()).unwrap();
    // Like a broken extension or browser: setItem returns without storing anything.
    js_sys::eval(
        "window.__keptSetItem = Storage.prototype.setItem; Storage.prototype.setItem = function () {};",
    )
    .unwrap();
    let saved = store.save(&book_with(&["Ana", "Ben"]), now());
    js_sys::eval("Storage.prototype.setItem = window.__keptSetItem;").unwrap();
    assert_eq!(saved, Err(StorageNotice::SaveNotKept));
    // The revision did not move: the next save writes revision 2 again, over what is stored.
    assert_eq!(store.revision(), 1);
    store.save(&book_with(&["Ana", "Ben"]), now()).unwrap();
    assert_eq!(store.revision(), 2);
    clear("t-silent");
}

#[wasm_bindgen_test]
fn stored_values_out_of_range_are_kept_aside_then_opened_in_range() {
    clear("t-range");
    let raw = include_str!("fixtures/hostile/values/rhythm-max.json");
    local().set_item("t-range:document", raw).unwrap();
    let opened = Store::open("t-range", now());
    let Some(StorageNotice::Adjusted {
        key,
        changes,
        count,
    }) = opened.notice
    else {
        panic!("expected the adjusted notice, got {:?}", opened.notice);
    };
    assert_eq!(count, 1);
    assert_eq!(
        changes,
        ["Contact 'Evil Rhythm': stay in touch every 4,294,967,295 days; at most 365."]
    );
    // The original is kept byte for byte, and the document is not rewritten until a change.
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(raw));
    assert_eq!(opened.book.contacts[0].stay_in_touch_days, Some(365));
    assert_eq!(opened.store.mode(), Mode::ReadWrite);
    // Opening again reuses the same copy.
    let again = Store::open("t-range", now());
    assert!(matches!(again.notice, Some(StorageNotice::Adjusted { key: k, .. }) if k == key));
    assert_eq!(storage::quarantined("t-range").len(), 1);
    clear("t-range");
}

#[wasm_bindgen_test]
fn a_stored_deflate_bomb_is_set_aside_and_the_app_opens() {
    clear("t-bomb");
    let bomb = include_str!("fixtures/hostile/bomb.txt");
    local().set_item("t-bomb:document", bomb).unwrap();
    let started = js_sys::Date::now();
    let opened = Store::open("t-bomb", now());
    let took = js_sys::Date::now() - started;
    assert!(
        matches!(&opened.notice, Some(StorageNotice::Quarantined { reason, .. }) if reason.contains("more than 80 MB")),
        "{:?}",
        opened.notice
    );
    assert_eq!(opened.book, Book::default());
    web_sys::console::log_1(&format!("opening an 81 MB deflate bomb took {took} ms").into());
    clear("t-bomb");
}

/// The keys of `namespace`'s parts.
fn part_keys(namespace: &str) -> Vec<String> {
    let storage = local();
    let mut keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(&format!("{namespace}:part:")))
        .collect();
    keys.sort();
    keys
}

#[wasm_bindgen_test]
fn a_large_record_is_stored_in_parts_and_a_change_rewrites_one_part() {
    clear("t-parts");
    let book = reachout::format::sample::book(400, 5, now());
    let mut store = Store::open("t-parts", now()).store;
    store.save(&book, now()).unwrap();
    let first = part_keys("t-parts");
    assert!(first.len() > 5, "{first:?}");
    let manifest = local().get_item("t-parts:document").unwrap().unwrap();
    assert!(manifest.starts_with("{\"format\":\"reachout\",\"version\":1000,\"layout\":\"parts\""));
    assert_eq!(Store::open("t-parts", now()).book, book);

    // One contact changes: one new part, and the manifest lists it instead of the old one.
    let mut changed = book.clone();
    changed.contacts[5].notes = "Said yes to coffee".into();
    let later = now() + chrono::Duration::seconds(5);
    store.save_over(&changed, Some(&book), later).unwrap();
    let second = part_keys("t-parts");
    let new: Vec<&String> = second.iter().filter(|k| !first.contains(k)).collect();
    assert_eq!(new.len(), 1, "{new:?}");
    // The replaced part stays a minute for other tabs, then goes with a later save.
    assert_eq!(second.len(), first.len() + 1);
    assert_eq!(Store::open("t-parts", later).book, changed);
    store
        .save_over(
            &changed,
            Some(&changed),
            later + chrono::Duration::seconds(61),
        )
        .unwrap();
    assert_eq!(part_keys("t-parts").len(), first.len());
    assert_eq!(Store::open("t-parts", later).book, changed);

    // Another tab sees the change; a part that goes missing is reported, never written over.
    let mut other = Store::open("t-parts", later).store;
    assert_eq!(other.refresh(later), None);
    let listed = part_keys("t-parts");
    local().remove_item(&listed[0]).unwrap();
    let opened = Store::open("t-parts", later);
    assert!(
        matches!(&opened.notice, Some(StorageNotice::Quarantined { reason, .. }) if reason.contains("is missing")),
        "{:?}",
        opened.notice
    );
    // The manifest was copied aside and the other parts are still there for it.
    assert_eq!(part_keys("t-parts").len(), listed.len() - 1);
    clear("t-parts");
}

#[wasm_bindgen_test]
fn a_save_in_parts_over_the_quota_leaves_the_last_good_copy_and_no_stray_parts() {
    clear("t-partquota");
    let book = reachout::format::sample::book(400, 5, now());
    let mut store = Store::open("t-partquota", now()).store;
    store.save(&book, now()).unwrap();
    let good = local().get_item("t-partquota:document").unwrap();
    let parts_before = part_keys("t-partquota");

    let bigger = reachout::format::sample::book(1_500, 5, now());
    let filler = fill_storage(1_000);
    let result = store.save_over(&bigger, Some(&book), now());
    let after = local().get_item("t-partquota:document").unwrap();
    let parts_after = part_keys("t-partquota");
    unfill(filler);
    assert_eq!(
        result,
        Err(StorageNotice::SaveFailed {
            quota_exceeded: true
        })
    );
    assert_eq!(after, good);
    assert_eq!(
        parts_after, parts_before,
        "the parts written before the quota ran out are removed"
    );
    assert_eq!(Store::open("t-partquota", now()).book, book);
    store.save_over(&bigger, Some(&book), now()).unwrap();
    assert_eq!(Store::open("t-partquota", now()).book, bigger);
    clear("t-partquota");
}

#[wasm_bindgen_test]
fn parts_no_manifest_lists_are_swept_at_opening_once_they_are_old() {
    clear("t-sweep");
    let book = reachout::format::sample::book(400, 5, now());
    let mut store = Store::open("t-sweep", now()).store;
    store.save(&book, now()).unwrap();
    let listed = part_keys("t-sweep");
    let old = format!(
        "t-sweep:part:9-{}:3",
        (now() - chrono::Duration::hours(1)).timestamp_millis()
    );
    let fresh = format!("t-sweep:part:9-{}:4", now().timestamp_millis());
    local().set_item(&old, "left by a save cut short").unwrap();
    local().set_item(&fresh, "another tab is writing").unwrap();
    let opened = Store::open("t-sweep", now());
    assert_eq!(opened.book, book);
    let mut expected = listed.clone();
    expected.push(fresh);
    expected.sort();
    assert_eq!(part_keys("t-sweep"), expected);
    clear("t-sweep");
}

#[wasm_bindgen_test]
fn values_out_of_range_in_parts_are_kept_aside_as_one_whole_document() {
    clear("t-partrange");
    let mut book = reachout::format::sample::book(400, 5, now());
    book.contacts[3].stay_in_touch_days = Some(u32::MAX);
    let mut store = Store::open("t-partrange", now()).store;
    store.save(&book, now()).unwrap();
    let opened = Store::open("t-partrange", now());
    let Some(StorageNotice::Adjusted { key, .. }) = opened.notice else {
        panic!("expected the adjusted notice, got {:?}", opened.notice);
    };
    assert_eq!(opened.book.contacts[3].stay_in_touch_days, Some(365));
    // The copy holds the records themselves, as stored, not a list of parts a save replaces.
    let copy = local().get_item(&key).unwrap().unwrap();
    assert!(reachout::format::parts::read_manifest(&copy).is_none());
    let kept = document::decode(&copy).unwrap();
    assert_eq!(kept.data, book);
    clear("t-partrange");
}

#[wasm_bindgen_test]
fn a_damaged_manifest_kept_aside_keeps_every_part_from_the_sweep() {
    clear("t-partdamage");
    let book = reachout::format::sample::book(400, 5, now());
    let mut store = Store::open("t-partdamage", now()).store;
    store.save(&book, now()).unwrap();
    let parts = part_keys("t-partdamage");
    let manifest = local().get_item("t-partdamage:document").unwrap().unwrap();
    let damaged = format!("{}…cut", &manifest[..80]);
    local().set_item("t-partdamage:document", &damaged).unwrap();
    let opened = Store::open("t-partdamage", now());
    assert!(
        matches!(opened.notice, Some(StorageNotice::Quarantined { .. })),
        "{:?}",
        opened.notice
    );
    // An hour later, with a new save in place, the parts the damaged copy may list are all there.
    let later = now() + chrono::Duration::hours(1);
    let mut store = opened.store;
    store.save(&book_with(&["Ana"]), later).unwrap();
    let _ = Store::open("t-partdamage", later);
    assert_eq!(part_keys("t-partdamage"), parts);
    clear("t-partdamage");
}

#[wasm_bindgen_test]
fn exchanged_backups_are_kept_beside_the_data_and_let_go_when_replaced() {
    use reachout::format::exchange::{device_id, fingerprint, Exchanges};
    clear("t-exchange");
    let store = Store::open("t-exchange", now()).store;
    let mut exchanges = Exchanges {
        device: device_id(1),
        ..Exchanges::default()
    };
    let first = fingerprint("first");
    let dropped = exchanges.wrote(first.clone(), now());
    store.keep_exchanges(&mut exchanges, Some((&first, "copy one")), &dropped);
    assert_eq!(storage::exchanges("t-exchange"), exchanges);
    assert_eq!(
        storage::exchange_copy("t-exchange", &first).as_deref(),
        Some("copy one")
    );

    // A newer backup written here replaces the copy of the older one.
    let second = fingerprint("second");
    let dropped = exchanges.wrote(second.clone(), now());
    store.keep_exchanges(&mut exchanges, Some((&second, "copy two")), &dropped);
    assert_eq!(storage::exchange_copy("t-exchange", &first), None);
    assert_eq!(
        storage::exchanges("t-exchange").written.map(|w| w.hash),
        Some(second.clone())
    );

    // A copy over the budget (which leaves room for the data's own saves) is not kept, and
    // not named in the record.
    let third = fingerprint("third");
    let dropped = exchanges.merged_from(&device_id(2), third.clone(), now());
    let big = "x".repeat(storage::EXCHANGE_BUDGET_UNITS as usize);
    store.keep_exchanges(&mut exchanges, Some((&third, &big)), &dropped);
    assert!(exchanges.merged.is_empty(), "not kept, not named");
    assert_eq!(storage::exchange_copy("t-exchange", &third), None);
    assert!(storage::exchanges("t-exchange").merged.is_empty());

    // Starting again lets every copy go.
    let dropped = exchanges.start_again(device_id(3));
    store.keep_exchanges(&mut exchanges, None, &dropped);
    assert_eq!(storage::exchange_copy("t-exchange", &second), None);
    assert_eq!(storage::exchanges("t-exchange").device, device_id(3));
    clear("t-exchange");
}

/// Opens `namespace` holding `book` stored whole, as data from before parts (or a record that
/// just grew past the line) is, and writes its parts ahead until none are left.
fn opened_whole_and_split_ahead(namespace: &str, book: &Book) -> (Store, Vec<String>) {
    clear(namespace);
    let whole = document::encode_packed(book, 1, now());
    local()
        .set_item(&format!("{namespace}:document"), &whole)
        .unwrap();
    let mut store = Store::open(namespace, now()).store;
    assert!(part_keys(namespace).is_empty());
    let mut steps = 1;
    while store.split_ahead(book, now()) {
        steps += 1;
        assert!(steps < 1_000, "writing ahead never ends");
    }
    // Written ahead, listed by nothing: what is stored is still the whole document.
    assert_eq!(
        local().get_item(&format!("{namespace}:document")).unwrap(),
        Some(whole)
    );
    assert_eq!(Store::open(namespace, now()).book, *book);
    (store, part_keys(namespace))
}

#[wasm_bindgen_test]
fn parts_written_ahead_make_the_first_save_write_only_what_changed() {
    let book = reachout::format::sample::book(400, 5, now());
    let (mut store, ahead) = opened_whole_and_split_ahead("t-ahead", &book);
    assert!(ahead.len() > 5, "{ahead:?}");

    let mut changed = book.clone();
    changed.contacts[5].notes = "Said yes to coffee".into();
    let later = now() + chrono::Duration::seconds(5);
    store.save_over(&changed, Some(&book), later).unwrap();
    let after = part_keys("t-ahead");
    let new: Vec<&String> = after.iter().filter(|k| !ahead.contains(k)).collect();
    assert_eq!(new.len(), 1, "only the changed part is written: {new:?}");
    assert_eq!(Store::open("t-ahead", later).book, changed);
    // The part written ahead that the save did not list goes a minute later, like any other.
    store
        .save_over(
            &changed,
            Some(&changed),
            later + chrono::Duration::seconds(61),
        )
        .unwrap();
    assert_eq!(part_keys("t-ahead").len(), ahead.len());
    assert_eq!(Store::open("t-ahead", later).book, changed);
    clear("t-ahead");
}

#[wasm_bindgen_test]
fn parts_written_ahead_too_long_ago_are_not_listed_and_go() {
    let book = reachout::format::sample::book(400, 5, now());
    let (mut store, ahead) = opened_whole_and_split_ahead("t-ahead-old", &book);
    // Long enough that the sweep at opening (in another tab) may have taken them.
    let later = now() + chrono::Duration::seconds(400);
    store.save_over(&book, Some(&book), later).unwrap();
    let after = part_keys("t-ahead-old");
    let new = after.iter().filter(|k| !ahead.contains(k)).count();
    assert_eq!(new, ahead.len(), "every part written again");
    assert_eq!(Store::open("t-ahead-old", later).book, book);
    store
        .save_over(&book, Some(&book), later + chrono::Duration::seconds(61))
        .unwrap();
    assert!(
        part_keys("t-ahead-old").iter().all(|k| !ahead.contains(k)),
        "the parts written ahead are gone"
    );
    clear("t-ahead-old");
}

#[wasm_bindgen_test]
fn parts_written_ahead_and_then_cleared_away_are_written_again_never_listed_missing() {
    let book = reachout::format::sample::book(400, 5, now());
    let mut changed = book.clone();
    changed.contacts[5].notes = "Said yes to coffee".into();
    let later = now() + chrono::Duration::seconds(5);

    // Storage cleared under the tab (another page of this origin, or "clear site data"), the
    // tab saving without having looked: every part is written again.
    let (mut store, _) = opened_whole_and_split_ahead("t-ahead-gone", &book);
    clear("t-ahead-gone");
    store.save_over(&changed, Some(&book), later).unwrap();
    let opened = Store::open("t-ahead-gone", later);
    assert_eq!(opened.notice, None);
    assert_eq!(opened.book, changed);

    // The same after the tab saw the document go: the parts written ahead are let go.
    let (mut store, _) = opened_whole_and_split_ahead("t-ahead-gone", &book);
    clear("t-ahead-gone");
    assert_eq!(store.refresh(later), None);
    store.save_over(&changed, Some(&book), later).unwrap();
    let opened = Store::open("t-ahead-gone", later);
    assert_eq!(opened.notice, None);
    assert_eq!(opened.book, changed);
    clear("t-ahead-gone");
}
