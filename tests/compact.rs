//! The compact storage encoding: every book survives it, and a heavy user's book fits.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use reachout::format::document::{decode, encode, encode_packed};
use reachout::format::sample;
use reachout::model::{
    After, Before, Book, Channel, CheckIn, Contact, ContactId, Opportunity, Outcome, ReachOut,
    ReachOutId, Settings,
};

fn seconds_in(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_600_000_000 + seconds, 0).unwrap() + Duration::milliseconds(seconds % 997)
}

fn days_in(days: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Duration::days(days)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "\\PC{1,30}", "[a-z \"\\\\\n<>]{1,12}"]
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        Just(Outcome::Awaiting),
        Just(Outcome::NoResponse),
        Just(Outcome::Declined),
        Just(Outcome::Accepted),
        any::<bool>().prop_map(|clicked| Outcome::Met { clicked }),
        Just(Outcome::Opportunity(Opportunity::Collaboration)),
    ]
}

prop_compose! {
    fn contact()(name in "\\PC{1,40}", company in text(), role in text(), email in text(),
                 linkedin in text(), tags in prop::collection::vec("\\PC{1,10}", 0..3),
                 notes in text(), created in 0i64..200_000_000, rhythm in prop::option::of(1u32..400),
                 snoozed in prop::option::of(0i64..3000), archived in any::<bool>(),
                 more in (text(), text(), prop::option::of(0u32..=10)))
                -> Contact {
        let (phone, how_we_met, expected_fear) = more;
        Contact {
            id: ContactId(0), name, company, role, email, linkedin, tags, notes,
            created: seconds_in(created), updated: seconds_in(created + 60), stay_in_touch_days: rhythm,
            stay_in_touch_snoozed_until: snoozed.map(days_in), archived, phone,
            other_link: String::new(), how_we_met, expected_fear,
        }
    }
}

prop_compose! {
    fn reach_out()(owner in any::<prop::sample::Index>(), channel in 0usize..7, date in 0i64..3000,
                   note in text(), outcome in outcome(), answered in prop::option::of(0i64..3000),
                   outcome_note in text(), snoozed in prop::option::of(0i64..3000),
                   closed in any::<bool>(), follows in any::<bool>(),
                   courage in (prop::option::of(0u32..=10), prop::option::of(0u32..=100),
                               text(), prop::option::of(0u32..=10)))
                  -> (prop::sample::Index, ReachOut, bool) {
        let (fear, yes_chance, reflection, felt) = courage;
        let before = Before { fear, yes_chance, ..Before::default() };
        let after = After { feeling: felt, reflection, after_a_day: felt.map(CheckIn::Felt),
                            ..After::default() };
        (owner, ReachOut {
            id: ReachOutId(0), contact: ContactId(0), channel: Channel::ALL[channel], date: days_in(date),
            note, created: seconds_in(date * 86_400), follows_up: None, outcome, outcome_date: answered.map(days_in),
            outcome_note, snoozed_until: snoozed.map(days_in), loop_closed: closed, before, after,
        }, follows)
    }
}

prop_compose! {
    fn book()(contacts in prop::collection::vec(contact(), 1..12),
              reach_outs in prop::collection::vec(reach_out(), 0..30),
              days in 1u32..90, tries in 1u32..10) -> Book {
        let mut book = Book { next_id: 1, contacts, reach_outs: Vec::new(), deleted: Vec::new(),
                              settings: Settings { follow_up_days: days, max_tries: tries,
                                                   ..Settings::default() },
                              near_misses: Vec::new(), templates: None };
        for contact in &mut book.contacts {
            contact.id = ContactId(book.next_id);
            book.next_id += 1;
        }
        for (owner, mut reach_out, follows) in reach_outs {
            reach_out.contact = book.contacts[owner.index(book.contacts.len())].id;
            reach_out.id = ReachOutId(book.next_id);
            book.next_id += 1;
            // A follow-up links to the same contact's latest earlier reach-out, as the app does.
            let earlier = book.reach_outs.iter()
                .filter(|r| r.contact == reach_out.contact && r.date < reach_out.date)
                .max_by_key(|r| (r.date, r.id));
            reach_out.follows_up = earlier.filter(|_| follows).map(|r| r.id);
            book.reach_outs.push(reach_out);
        }
        book
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_book_survives_the_packed_encoding(book in book(), revision in 1u64..1_000_000) {
        let packed = encode_packed(&book, revision, seconds_in(5));
        let document = decode(&packed).unwrap();
        prop_assert_eq!(document.revision, revision);
        prop_assert_eq!(&document.data, &book);
        // The plain (backup) form reads back the same.
        prop_assert_eq!(decode(&encode(&book, revision, seconds_in(5))).unwrap().data, book);
    }

    #[test]
    fn damaged_packed_text_is_refused_not_misread(book in book(), cut in 1usize..40) {
        let packed = encode_packed(&book, 1, seconds_in(5));
        let kept = packed.chars().count().saturating_sub(cut);
        let damaged: String = packed.chars().take(kept).collect();
        prop_assert!(decode(&damaged).is_err());
    }
}

#[test]
fn ten_thousand_contacts_and_fifty_thousand_reach_outs_fit_in_safaris_quota() {
    let book = sample::book(10_000, 5, seconds_in(0));
    let packed = encode_packed(&book, 1, seconds_in(0));
    let units = packed.encode_utf16().count();
    assert!(units <= 2_500_000, "{units} UTF-16 code units");
    assert_eq!(decode(&packed).unwrap().data, book);
}

#[test]
fn the_direct_column_writer_matches_the_generic_column_rule() {
    // The generic rule (records → columns through a JSON tree) is the documented one; the
    // direct writer must produce the same columns for a book that uses every field.
    let mut book = sample::book(300, 5, seconds_in(0));
    book.contacts[0].stay_in_touch_snoozed_until = Some(days_in(3));
    book.reach_outs[0].snoozed_until = Some(days_in(4));
    let direct: serde_json::Value = serde_json::from_str(&encode(&book, 1, seconds_in(0))).unwrap();
    let generic = serde_json::to_value(&book).unwrap();
    for table in ["contacts", "reach_outs"] {
        assert_eq!(
            direct["data"][table],
            columns_of(&generic[table]),
            "{table}"
        );
    }
}

/// The column rule of `src/format/compact.rs`, applied to a JSON array of records: each field
/// once, a value per record, `null` where the record leaves the field out.
fn columns_of(records: &serde_json::Value) -> serde_json::Value {
    let rows = records.as_array().unwrap();
    let mut columns = serde_json::Map::new();
    for (index, row) in rows.iter().enumerate() {
        for (key, value) in row.as_object().unwrap() {
            let column = columns.entry(key.clone()).or_insert_with(|| {
                serde_json::Value::Array(vec![serde_json::Value::Null; rows.len()])
            });
            column[index] = value.clone();
        }
    }
    serde_json::Value::Object(columns)
}
