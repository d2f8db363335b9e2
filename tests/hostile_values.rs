//! Values at the edges, through every door: a backup with one is refused with a message that
//! names the record and the field; stored text with one is opened with it brought into range;
//! and whatever opens, every query the pages make returns without panicking.
//!
//! The property test `prop_hostile_documents_are_refused_or_open_safely` generates thousands
//! of documents biased toward those edges.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use reachout::clock::local_day;
use reachout::format::backup::{self, BackupError, BackupMark};
use reachout::format::compact::{self, UnpackError};
use reachout::format::document::{self, DecodeError};
use reachout::model::insights::Period;
use reachout::model::words::{long_day, relative_day};
use reachout::model::{
    After, Before, Book, Channel, CheckIn, CheckInDue, Contact, ContactDraft, ContactField,
    ContactId, ContactQuery, Degree, Expectation, Limits, ModelError, NearMiss, Opportunity,
    Outcome, ReachOut, ReachOutDraft, ReachOutField, ReachOutId, Settings, SettingsDraft, SortKey,
    Stage, StingGuess, Template,
};

use common::{at, day, fixture, named, person, reach};

fn values(name: &str) -> (String, u64) {
    fixture(&format!("hostile/values/{name}"))
}

fn refused(name: &str) -> String {
    let (text, size) = values(name);
    match backup::read(&text, size) {
        Err(error @ BackupError::OutOfRange(_)) => error.to_string(),
        other => panic!("{name}: expected a refusal for values out of range, got {other:?}"),
    }
}

#[test]
fn a_backup_with_a_value_out_of_range_is_refused_naming_record_and_field() {
    let cases = [
        (
            "rhythm-max.json",
            "Contact 'Evil Rhythm': stay in touch every 4,294,967,295 days; at most 365.",
        ),
        (
            "rhythm-96000000.json",
            "Contact 'Evil Rhythm': stay in touch every 96,000,000 days; at most 365.",
        ),
        (
            "follow-up-days-max.json",
            "Settings: a follow-up after 4,294,967,295 days; at most 90.",
        ),
        (
            "follow-up-days-zero.json",
            "Settings: a follow-up after 0 days; at least 1.",
        ),
        (
            "reach-out-far-future.json",
            "Reach-out 2 to 'Ana Lima': dated +262142-12-31; dates run from 1900 to 2200.",
        ),
        (
            "created-far-future.json",
            "Contact 'Ana Lima': added on +262142-12-31; dates run from 1900 to 2200.",
        ),
        (
            "saved-far-future.json",
            "The backup: saved on +262142-12-31; dates run from 1900 to 2200.",
        ),
        (
            "saved-far-past.json",
            "The backup: saved on -262143-01-01; dates run from 1900 to 2200.",
        ),
        (
            "next-id-max.json",
            "The id counter: the next id is 18,446,744,073,709,551,615; at most 9,007,199,254,740,991.",
        ),
        (
            "empty-name.json",
            "Contact 1: a name with no visible character; a name needs one.",
        ),
        (
            "invisible-name.json",
            "Contact 1: a name with no visible character; a name needs one.",
        ),
        (
            "outcome-before-reach-out.json",
            "Reach-out 2 to 'Ana Lima': answered on 2026-10-01; an answer can't come before the reach-out (2026-11-01).",
        ),
        (
            "javascript-link.json",
            "Contact 'Ana Lima': the LinkedIn link 'javascript:alert(document.domain)'; only http:// and https:// links are kept.",
        ),
        (
            "data-link.json",
            "Contact 'Ana Lima': the LinkedIn link 'data:text/html,<script>alert(1)</script>'; only http:// and https:// links are kept.",
        ),
        (
            "fear-max.json",
            "Reach-out 3 to 'Ana Lima': fear of 4,294,967,295; at most 10.",
        ),
        (
            "yes-chance-max.json",
            "Reach-out 3 to 'Ana Lima': a 4,294,967,295 % chance of a yes; at most 100.",
        ),
        (
            "sting-check-in-max.json",
            "Reach-out 4 to 'Ben Okafor': a sting after a day of 4,294,967,295; at most 10.",
        ),
        (
            "weekly-goal-max.json",
            "Settings: a weekly goal of 4,294,967,295 reach-outs; at most 50.",
        ),
        (
            "ladder-fear-max.json",
            "Contact 'Ben Okafor': a difficulty of 4,294,967,295; at most 10.",
        ),
        (
            "near-miss-far-future.json",
            "Near miss 1: dated +262142-12-31; dates run from 1900 to 2200.",
        ),
        (
            "phone-letters.json",
            "Contact 'Ana Lima': the phone number 'call me maybe'; a phone number is digits, with + - ( ) . / or spaces.",
        ),
    ];
    for (name, fault) in cases {
        let message = refused(name);
        assert_eq!(
            message,
            format!("This backup holds values that Reachout does not accept: {fault}"),
            "{name}"
        );
    }
}

/// A backup built from `book` as the app would write it, then edited as an attacker would.
fn crafted(book: &Book, edit: impl Fn(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&document::encode(book, 1, at("2026-11-27"))).unwrap();
    compact::from_columns(&mut value).unwrap();
    edit(&mut value);
    value.to_string()
}

#[test]
fn oversized_text_and_tag_lists_in_a_backup_are_refused() {
    let mut book = Book::default();
    person(&mut book, "Ana Lima", "2026-11-01");
    let tags = crafted(&book, |v| {
        v["data"]["contacts"][0]["tags"] = (0..5000).map(|i| format!("t{i}")).collect();
    });
    let message = backup::read(&tags, tags.len() as u64)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("Contact 'Ana Lima': 5,000 tags; at most 30."),
        "{message}"
    );
    let note = crafted(&book, |v| {
        v["data"]["contacts"][0]["notes"] = "x".repeat(1_000_000).into();
    });
    let message = backup::read(&note, note.len() as u64)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("Contact 'Ana Lima': notes of 1,000,000 characters; at most 10,000."),
        "{message}"
    );
}

#[test]
fn a_message_lists_five_faults_and_counts_the_rest() {
    let mut book = Book::default();
    for i in 0..8 {
        person(&mut book, &format!("P{i}"), "2026-11-01");
    }
    let text = crafted(&book, |v| {
        for contact in v["data"]["contacts"].as_array_mut().unwrap() {
            contact["stay_in_touch_days"] = 0.into();
        }
    });
    let message = backup::read(&text, 10).unwrap_err().to_string();
    assert!(message.ends_with(" And 3 more."), "{message}");
    assert_eq!(message.matches("at least 1.").count(), 5, "{message}");
}

#[test]
fn stored_text_with_values_out_of_range_opens_with_them_brought_into_range() {
    let (text, _) = values("rhythm-max.json");
    let opened = document::open(&text).unwrap();
    assert_eq!(opened.adjusted.len(), 1);
    assert_eq!(
        opened.document.data.contacts[0].stay_in_touch_days,
        Some(365)
    );

    let (text, _) = values("reach-out-far-future.json");
    let opened = document::open(&text).unwrap();
    assert_eq!(opened.document.data.reach_outs[0].date, Limits::last_day());

    let (text, _) = values("saved-far-future.json");
    let opened = document::open(&text).unwrap();
    assert!(Limits::time_in_range(opened.document.saved_at));
    assert_eq!(opened.adjusted[0].record, "The saved data");

    let (text, _) = values("javascript-link.json");
    let opened = document::open(&text).unwrap();
    assert_eq!(opened.document.data.contacts[0].linkedin, "");

    let (text, _) = values("invisible-name.json");
    let opened = document::open(&text).unwrap();
    assert_eq!(opened.document.data.contacts[0].name, "Contact 1");

    // A document that keeps every limit opens unchanged, with nothing to report.
    let (text, _) = fixture("document-v2.json");
    let opened = document::open(&text).unwrap();
    assert!(opened.adjusted.is_empty(), "{:?}", opened.adjusted);
}

#[test]
fn reach_outs_name_their_contact_as_the_file_does_even_when_the_name_was_repaired() {
    let (text, _) = values("invisible-name.json");
    let text = text.replace("\"date\": \"2026-11-01\"", "\"date\": \"+262142-12-31\"");
    let opened = document::open(&text).unwrap();
    let messages: Vec<String> = opened.adjusted.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "Contact 1: a name with no visible character; a name needs one.",
            "Reach-out 2 to contact 1: dated +262142-12-31; dates run from 1900 to 2200.",
        ]
    );
}

#[test]
fn an_id_counter_at_the_end_of_the_range_is_repaired_and_never_wraps() {
    let (text, _) = values("next-id-max.json");
    let mut book = document::open(&text).unwrap().document.data;
    assert_eq!(book.next_id, 3);
    let id = book.add_contact(&named("Ben"), at("2026-11-27")).unwrap();
    assert_eq!(id, ContactId(3));

    // Ids stop at the limit: refused, never wrapped onto an existing record.
    let mut full = Book {
        next_id: Limits::MAX_ID,
        ..Book::default()
    };
    full.add_contact(&named("Last"), at("2026-11-27")).unwrap();
    assert_eq!(
        full.add_contact(&named("One too many"), at("2026-11-27")),
        Err(ModelError::OutOfIds)
    );
    // Ids beyond the range in a file make it damaged, not a book.
    let (text, _) = values("rhythm-max.json");
    let huge = text.replace("\"id\": 1,", "\"id\": 18446744073709551615,");
    assert!(matches!(
        document::decode(&huge),
        Err(DecodeError::Damaged(_))
    ));
}

#[test]
fn a_deflate_bomb_is_refused_quickly_instead_of_inflating() {
    // 90 MB of spaces compresses to about 90 KB; unpacking stops at the cap.
    let bomb = compact::pack(&" ".repeat(90_000_000));
    assert!(bomb.chars().count() < 100_000);
    let started = std::time::Instant::now();
    assert_eq!(compact::unpack(&bomb), Err(UnpackError::TooLarge));
    assert!(matches!(
        document::decode(&bomb),
        Err(DecodeError::Unpack(UnpackError::TooLarge))
    ));
    assert!(matches!(
        backup::read(&bomb, bomb.len() as u64),
        Err(BackupError::Damaged(_))
    ));
    let took = started.elapsed();
    println!("three refusals of a 90 MB bomb took {took:?}");
    // Inflating it whole would take many seconds and 90 MB; the cap stops well before.
    assert!(took < std::time::Duration::from_secs(30), "{took:?}");
}

#[test]
fn forms_refuse_what_the_readers_refuse() {
    let mut book = Book::default();
    let invisible = ContactDraft {
        name: "\u{200B}\u{202E}".into(),
        ..Default::default()
    };
    match book.add_contact(&invisible, at("2026-11-27")) {
        Err(ModelError::InvalidContact(errors)) => assert_eq!(
            errors.get(ContactField::Name),
            Some("Please enter a name with at least one visible character.")
        ),
        other => panic!("{other:?}"),
    }
    let ana = person(&mut book, "Ana", "2026-11-01");
    for (date, message) in [
        ("1899-12-31", "Use a date between 1900 and 2200."),
        (
            "+262142-12-31",
            "That date is in the future; log a reach-out once it has happened.",
        ),
        (
            "13/11/2026",
            "That is not a date (use the form YYYY-MM-DD).",
        ),
    ] {
        let draft = ReachOutDraft {
            channel: Some(Channel::Email),
            date: date.into(),
            note: String::new(),
            follows_up: None,
            before: Default::default(),
        };
        match book.log_reach_out(ana, &draft, day("2026-11-27"), at("2026-11-27")) {
            Err(ModelError::InvalidReachOut(errors)) => {
                assert_eq!(errors.get(ReachOutField::Date), Some(message), "{date}")
            }
            other => panic!("{date}: {other:?}"),
        }
    }
    let first = reach(&mut book, ana, "2026-11-02", None);
    assert_eq!(
        book.snooze_follow_up(first, NaiveDate::MAX, day("2026-11-27")),
        Err(ModelError::SnoozeDay)
    );
    assert_eq!(
        book.set_stay_in_touch(ana, Some(u32::MAX)),
        Err(ModelError::RhythmOutOfRange)
    );
    let settings = |days: &str, goal: &str| SettingsDraft {
        follow_up_days: days.into(),
        max_tries: "3".into(),
        weekly_goal: goal.into(),
        ..SettingsDraft::default()
    };
    assert!(settings("4294967295", "3")
        .parse(&Settings::default())
        .is_err());
    assert!(settings("7", "4294967295")
        .parse(&Settings::default())
        .is_err());
    assert!(settings("7", "3").parse(&Settings::default()).is_ok());
}

#[test]
fn a_stale_edit_form_changes_only_the_fields_the_person_changed() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    let opened = ContactDraft::from_contact(book.contact(ana).unwrap());
    // Another tab saves a new company meanwhile.
    let mut other = opened.clone();
    other.company = "Globex".into();
    book.edit_contact(ana, &opened, &other, at("2026-11-02"))
        .unwrap();
    // This tab, still showing the old company, changes only the role.
    let mut mine = opened.clone();
    mine.role = "Designer".into();
    book.edit_contact(ana, &opened, &mine, at("2026-11-03"))
        .unwrap();
    let saved = book.contact(ana).unwrap();
    assert_eq!(
        (saved.company.as_str(), saved.role.as_str()),
        ("Globex", "Designer")
    );
    // Saving an untouched form changes nothing, not even the time of the last change.
    book.edit_contact(ana, &opened, &opened, at("2026-11-04"))
        .unwrap();
    assert_eq!(book.contact(ana).unwrap().updated, at("2026-11-03"));
}

#[test]
fn a_backup_mark_with_a_date_out_of_range_counts_as_none() {
    let far = r#"{"backed_up_at":"+262142-12-31T23:59:59Z","revision":3}"#;
    assert_eq!(BackupMark::parse(Some(far)), BackupMark::default());
}

// ---- The property test ----

fn edge_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        4 => (0i64..3000).prop_map(|d| day("2024-01-01") + Days::new(d as u64)),
        1 => Just(NaiveDate::MIN),
        1 => Just(NaiveDate::MAX),
        1 => Just(day("1899-12-31")),
        1 => Just(day("1900-01-01")),
        1 => Just(day("2200-12-31")),
        1 => Just(NaiveDate::from_ymd_opt(2201, 1, 1).unwrap()),
    ]
}

fn edge_time() -> impl Strategy<Value = DateTime<Utc>> {
    prop_oneof![
        4 => edge_day().prop_map(|d| d.and_hms_opt(12, 0, 0).unwrap().and_utc()),
        1 => Just(DateTime::<Utc>::MIN_UTC),
        1 => Just(DateTime::<Utc>::MAX_UTC),
    ]
}

fn edge_u32() -> impl Strategy<Value = u32> {
    prop_oneof![
        3 => 1u32..30,
        1 => Just(0u32),
        1 => Just(90u32),
        1 => Just(91u32),
        1 => Just(365u32),
        1 => Just(366u32),
        1 => Just(96_000_000u32),
        1 => Just(u32::MAX),
    ]
}

fn edge_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-zé ]{0,12}",
        1 => Just(String::new()),
        1 => Just("\u{200B}\u{202E}\u{2066}".to_string()),
        1 => Just("Ana \u{202E}Lima".to_string()),
        1 => Just("javascript:alert(1)".to_string()),
        1 => Just("https://www.linkedin.com/in/ana".to_string()),
        1 => Just("data:text/html,x".to_string()),
        1 => Just("<script>alert(1)</script>".to_string()),
        1 => (2_001usize..12_000).prop_map(|n| "y".repeat(n)),
    ]
}

fn edge_outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        Just(Outcome::Awaiting),
        Just(Outcome::NoResponse),
        Just(Outcome::Declined),
        Just(Outcome::Accepted),
        Just(Outcome::Connected),
        any::<bool>().prop_map(|sorted| Outcome::Replied { sorted }),
        any::<bool>().prop_map(|clicked| Outcome::Met { clicked }),
        Just(Outcome::Opportunity(Opportunity::Job)),
    ]
}

fn edge_level() -> impl Strategy<Value = Option<u32>> {
    prop::option::of(prop_oneof![3 => 0u32..=10, 1 => edge_u32()])
}

prop_compose! {
    /// The courage loop's answers, anywhere in `u32`.
    fn edge_courage()(fear in edge_level(), chance in prop::option::of(edge_u32()),
                      expect in prop::option::of(0usize..3), sting in prop::option::of(0usize..4),
                      gain in edge_text(), feeling in edge_level(), reflection in edge_text(),
                      day_after in prop::option::of(edge_level()), week_after in edge_level())
                     -> (Before, After) {
        let check_in = |level: Option<u32>| level.map_or(CheckIn::Skipped, CheckIn::Felt);
        (Before { fear, expect: expect.map(|i| Expectation::ALL[i]), yes_chance: chance,
                  sting: sting.map(|i| StingGuess::ALL[i]), gain, worst: String::new() },
         After { feeling, reflection, after_a_day: day_after.map(check_in),
                 after_a_week: week_after.map(CheckIn::Felt) })
    }
}

prop_compose! {
    /// A contact's newer fields: phone, another link, how we met, how hard it feels.
    fn edge_contact_more()(phone in edge_text(), link in edge_text(), met in edge_text(),
                           fear in edge_level()) -> (String, String, String, Option<u32>) {
        (phone, link, met, fear)
    }
}

prop_compose! {
    fn edge_near_miss()(date in edge_day(), created in edge_time(), note in edge_text(),
                        contact in prop::option::of(0u64..20), reached in prop::option::of(0u64..40),
                        let_go in any::<bool>()) -> NearMiss {
        NearMiss { id: 0, date, contact: contact.map(ContactId), note, created,
                   reached: reached.map(ReachOutId), let_go }
    }
}

prop_compose! {
    fn edge_contact()(name in edge_text(), company in edge_text(), email in edge_text(),
                      linkedin in edge_text(), tags in prop::collection::vec(edge_text(), 0..4),
                      many_tags in prop::bool::weighted(0.05), notes in edge_text(),
                      created in edge_time(), updated in edge_time(),
                      rhythm in prop::option::of(edge_u32()),
                      snoozed in prop::option::of(edge_day()), archived in any::<bool>(),
                      more in edge_contact_more().boxed())
                     -> Contact {
        let tags = if many_tags { (0..40).map(|i| format!("t{i}")).collect() } else { tags };
        let (phone, other_link, how_we_met, expected_fear) = more;
        Contact {
            id: ContactId(0), name, company, role: String::new(), email, linkedin, tags, notes,
            created, updated, stay_in_touch_days: rhythm, stay_in_touch_snoozed_until: snoozed,
            archived, phone, other_link, how_we_met, expected_fear,
        }
    }
}

prop_compose! {
    fn edge_reach_out()(owner in any::<prop::sample::Index>(), channel in 0usize..7,
                        date in edge_day(), note in edge_text(), created in edge_time(),
                        outcome in edge_outcome(), answered in prop::option::of(edge_day()),
                        snoozed in prop::option::of(edge_day()), closed in any::<bool>(),
                        follows in any::<bool>(), courage in edge_courage().boxed())
                       -> (prop::sample::Index, ReachOut, bool) {
        let (before, after) = courage;
        (owner, ReachOut {
            id: ReachOutId(0), contact: ContactId(0), channel: Channel::ALL[channel], date, note,
            created, follows_up: None, outcome, outcome_date: answered, outcome_note: String::new(),
            snoozed_until: snoozed, loop_closed: closed, before, after,
        }, follows)
    }
}

prop_compose! {
    fn edge_book()(contacts in prop::collection::vec(edge_contact().boxed(), 0..6),
                   reach_outs in prop::collection::vec(edge_reach_out().boxed(), 0..12),
                   days in edge_u32(), tries in edge_u32(), goal in edge_u32(),
                   near_misses in prop::collection::vec(edge_near_miss().boxed(), 0..4),
                   templates in prop::option::of(prop::collection::vec((edge_text(), edge_text()), 0..3)),
                   next_id in prop_oneof![4 => Just(0u64), 1 => Just(Limits::MAX_ID),
                                          1 => Just(u64::MAX)],
                   first_id in prop_oneof![4 => Just(1u64), 1 => Just(Limits::MAX_ID - 20),
                                           1 => Just(u64::MAX - 20)],
                   top in prop::bool::weighted(0.15), reverse in prop::bool::weighted(0.2))
                  -> Book {
        let mut id = first_id;
        let mut take = || { id += 1; id };
        let settings = Settings { follow_up_days: days, max_tries: tries, weekly_goal: Some(goal),
                                  ..Settings::default() };
        let near_misses = near_misses.into_iter().zip(1..)
            .map(|(n, id)| NearMiss { id, ..n }).collect();
        let templates = templates.map(|list| list.into_iter().zip(1..)
            .map(|((name, body), id)| Template { id, name, body }).collect());
        let mut book = Book { next_id, contacts, reach_outs: Vec::new(), settings, near_misses,
                              templates, deleted: Vec::new() };
        for contact in &mut book.contacts {
            contact.id = ContactId(take());
        }
        if !book.contacts.is_empty() {
            for (owner, mut reach_out, follows) in reach_outs {
                reach_out.contact = book.contacts[owner.index(book.contacts.len())].id;
                reach_out.id = ReachOutId(take());
                let earlier = book.reach_outs.iter()
                    .filter(|r| r.contact == reach_out.contact && r.date < reach_out.date)
                    .max_by_key(|r| (r.date, r.id));
                reach_out.follows_up = earlier.filter(|_| follows).map(|r| r.id);
                book.reach_outs.push(reach_out);
            }
        }
        if reverse {
            // Reach-out ids handed out in reverse: a follow-up may have a lower id than its original.
            let ids: Vec<ReachOutId> = book.reach_outs.iter().rev().map(|r| r.id).collect();
            let moved: std::collections::HashMap<_, _> =
                book.reach_outs.iter().map(|r| r.id).zip(ids.iter().copied()).collect();
            for reach_out in &mut book.reach_outs {
                reach_out.id = moved[&reach_out.id];
                reach_out.follows_up = reach_out.follows_up.map(|f| moved[&f]);
            }
        }
        if top {
            // The highest id exactly at the limit, where a full counter stands.
            let highest = book.highest_id();
            if let Some(shift) = Limits::MAX_ID.checked_sub(highest) {
                for contact in &mut book.contacts {
                    contact.id = ContactId(contact.id.0 + shift);
                }
                for reach_out in &mut book.reach_outs {
                    reach_out.id = ReachOutId(reach_out.id.0 + shift);
                    reach_out.contact = ContactId(reach_out.contact.0 + shift);
                    reach_out.follows_up = reach_out.follows_up.map(|f| ReachOutId(f.0 + shift));
                }
            }
        }
        book
    }
}

/// Every query a page makes, on `book`, as each page would on `today`.
fn every_page(book: &Book, today: NaiveDate) {
    // Today.
    let agenda = book.agenda(today);
    for thread in agenda
        .follow_ups
        .iter()
        .chain(&agenda.close_the_loop)
        .chain(&agenda.awaiting)
    {
        let _ = (Degree::of(thread.due, today), long_day(thread.due));
        let _ = relative_day(thread.due, today);
    }
    for due in &agenda.stay_in_touch {
        let _ = (
            Degree::of(due.due, today),
            due.last.map(|d| relative_day(d, today)),
        );
    }
    let _ = book.reach_outs_this_week(today);
    let _ = (
        book.this_week(today),
        book.ladder(today),
        book.check_ins_due(today),
    );
    for near_miss in book.open_near_misses() {
        let _ = relative_day(near_miss.date, today);
    }
    // Insights and the report, over every period a page offers.
    for weeks in [4, 52] {
        let insights = book.insights(Period::last_weeks(weeks, today), today);
        let _ = (
            insights.predicted.got.percent(),
            insights.paired_fear.text(),
        );
        for (week, mean) in &insights.fear_by_week {
            let _ = (long_day(*week), mean.tenths());
        }
    }
    let _ = book.insights(
        Period {
            from: Limits::first_day(),
            to: today,
        },
        today,
    );
    let _ = (book.last_weeks(52, today), book.strength(today));
    for template in book.templates() {
        for contact in book.contacts.iter().take(2) {
            let _ = template.fill(contact);
        }
    }
    for win in book.recent_wins(5) {
        let _ = relative_day(win.day, today);
    }
    // Contacts, with every filter and sort.
    let tags = book.all_tags();
    let index = book.contact_index(today);
    for sort in SortKey::ALL {
        for stage in [None, Some(Stage::Waiting)] {
            for (due_only, archived) in [(false, false), (true, false), (false, true)] {
                let query = ContactQuery {
                    text: "a".into(),
                    stage,
                    tag: tags.first().cloned(),
                    channel: Some(Channel::Email),
                    due_only,
                    archived,
                    sort,
                };
                let _ = index.find(&query);
                let plain = ContactQuery {
                    sort,
                    due_only,
                    archived,
                    ..ContactQuery::default()
                };
                let _ = index.find(&plain);
            }
        }
    }
    // A contact's page.
    let stages = book.stages();
    for contact in &book.contacts {
        let _ = (stages.get(&contact.id), contact.role_at_company());
        let _ = (
            book.last_reached(contact.id),
            long_day(local_day(contact.created)),
        );
        for reach_out in book.timeline(contact.id) {
            let _ = (
                long_day(reach_out.date),
                relative_day(reach_out.date, today),
            );
            let _ = reach_out.outcome_date.map(long_day);
        }
        for other in &book.contacts {
            let _ = book.merge_conflicts(contact.id, other.id);
        }
        // The edit form opens from the stored contact and saves.
        let form = ContactDraft::from_contact(contact);
        let _ = book
            .clone()
            .edit_contact(contact.id, &form, &form, at("2026-11-27"));
    }
    // Settings and the Data page's summaries.
    let _ = SettingsDraft::from_settings(&book.settings).parse(&book.settings);
    let _ = backup::preview(book, book);
    let _ = BackupMark::default().reminder_due(book, 2, at("2026-11-27"));
    assert!(backup::export(book, 1, at("2026-11-27"), &Default::default()).is_ok());
}

/// A few changes a person makes, which must not panic either.
fn a_few_changes(book: &mut Book, today: NaiveDate) {
    let now = at("2026-11-27");
    if let Some(contact) = book.contacts.first().map(|c| c.id) {
        let draft = ReachOutDraft {
            channel: Some(Channel::Phone),
            date: today.format("%Y-%m-%d").to_string(),
            note: String::new(),
            follows_up: None,
            before: Default::default(),
        };
        let _ = book.log_reach_out(contact, &draft, today, now);
        let _ = book.set_stay_in_touch(contact, Some(365));
        let _ = book.tag_many(&[contact], "x", now);
        let _ = book.note_near_miss(Some(contact), "almost", today, now);
    }
    let _ = book.add_contact(&named("New"), now);
    let _ = book.save_template(None, "Mine", "Hi {first name}");
    let answered: Vec<_> = book.reach_outs.iter().take(2).map(|r| r.id).collect();
    for id in answered {
        let _ = book.record_feeling(id, Some(3), "fine");
        let _ = book.answer_check_in(id, CheckInDue::AfterADay, CheckIn::Felt(2));
    }
    let threads = book.open_threads();
    if let Some(thread) = threads.first() {
        let _ = book.snooze_follow_up(thread.latest, today + Days::new(1), today);
    }
}

/// The days a page may be looked at on: now, and the ends of the supported range.
fn days_to_look_on() -> [NaiveDate; 3] {
    [day("2026-11-27"), Limits::first_day(), Limits::last_day()]
}

/// The stored text of a generated book. A tame one (about a third) first has its values
/// brought into range, as a document written by this app would have them.
fn document_text(mut book: Book, saved: DateTime<Utc>, tame: bool) -> String {
    if tame {
        book.bring_into_range();
        document::encode(&book, 7, Limits::clamp_time(saved))
    } else {
        document::encode(&book, 7, saved)
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 3000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Each document is either refused with a message, or opens into a book on which every
    /// page's queries run without panicking; a backup opens only if it keeps every limit.
    #[test]
    fn prop_hostile_documents_are_refused_or_open_safely(book in edge_book(),
                                                          saved in edge_time(),
                                                          tame in prop::bool::weighted(0.3)) {
        let text = document_text(book, saved, tame);
        match document::open(&text) {
            Ok(opened) => {
                // What opens can be saved, backed up and opened again with nothing to adjust:
                // an adjustment never leaves data this app cannot read back.
                let again = document::encode(&opened.document.data, 8, opened.document.saved_at);
                let reopened = document::open(&again);
                prop_assert!(reopened.is_ok(), "{:?}", reopened.err());
                prop_assert_eq!(reopened.unwrap().adjusted, Vec::new());
                prop_assert!(backup::export(&opened.document.data, 8, at("2026-11-27"), &Default::default()).is_ok());
                let mut opened_book = opened.document.data;
                // After opening, every value is in range: nothing left to adjust.
                prop_assert_eq!(opened_book.clone().bring_into_range(), Vec::new());
                prop_assert!(Limits::time_in_range(opened.document.saved_at));
                for today in days_to_look_on() {
                    every_page(&opened_book, today);
                }
                a_few_changes(&mut opened_book, day("2026-11-27"));
                every_page(&opened_book, day("2026-11-27"));
                // A backup holding the same text is restored only when nothing was adjusted.
                let restored = backup::read(&text, text.len() as u64);
                prop_assert_eq!(restored.is_ok(), opened.adjusted.is_empty());
            }
            Err(error) => {
                // Only ids beyond the range make a document unreadable, never a tame one's values.
                prop_assert!(matches!(error, DecodeError::Damaged(_)), "{}", error);
                prop_assert!(!error.to_string().is_empty());
                let refused = backup::read(&text, text.len() as u64).unwrap_err();
                prop_assert!(refused.to_string().ends_with('.'), "{}", refused);
            }
        }
    }
}

/// The test above counts its cases here, so the note can quote what it found.
#[test]
fn the_property_test_runs_thousands_of_cases() {
    let config = ProptestConfig::default();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 500,
        failure_persistence: None,
        ..config
    });
    use std::cell::Cell;
    let (opened, adjusted, refused) = (Cell::new(0), Cell::new(0), Cell::new(0));
    runner
        .run(
            &(edge_book(), edge_time(), prop::bool::weighted(0.3)),
            |(book, saved, tame)| {
                let text = document_text(book, saved, tame);
                match document::open(&text) {
                    Ok(o) if o.adjusted.is_empty() => opened.set(opened.get() + 1),
                    Ok(_) => adjusted.set(adjusted.get() + 1),
                    Err(_) => refused.set(refused.get() + 1),
                }
                Ok(())
            },
        )
        .unwrap();
    let (opened, adjusted, refused) = (opened.get(), adjusted.get(), refused.get());
    println!("500 generated documents: {opened} opened as they were, {adjusted} opened with values brought into range, {refused} refused");
    assert!(opened > 0 && adjusted > 0 && refused > 0);
}

#[test]
fn the_clock_helpers_never_panic_at_the_ends_of_time() {
    let _ = local_day(DateTime::<Utc>::MAX_UTC);
    let _ = local_day(DateTime::<Utc>::MIN_UTC);
    let _ = relative_day(NaiveDate::MAX, NaiveDate::MIN);
    let _ = long_day(NaiveDate::MAX);
    let _ = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0);
}
