//! The stored document: what is written, what is read back, and what is refused.

mod common;
use common::now;

use chrono::NaiveDate;
use reachout::format::compact;
use reachout::format::document::{decode, encode, DecodeError, FORMAT_NAME, SCHEMA_VERSION};
use reachout::model::{Book, Channel, ContactDraft, Outcome, ReachOutDraft};

/// The document with each record written out whole, as older versions stored it, for tests
/// that damage one record's text.
fn plain(book: &Book) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&encode(book, 1, now())).unwrap();
    compact::from_columns(&mut value).unwrap();
    value.to_string()
}

fn sample_book() -> Book {
    let mut book = Book::default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let draft = ContactDraft {
        name: "José \"Pepe\" <b>Núñez</b>".into(),
        email: "jose@example.com".into(),
        tags: "friend, 🌱".into(),
        notes: "line one\nline two".into(),
        ..Default::default()
    };
    let id = book.add_contact(&draft, now()).unwrap();
    book.add_contact(
        &ContactDraft {
            name: "Ben".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    let reach = ReachOutDraft {
        channel: Some(Channel::InPerson),
        date: "2026-11-20".into(),
        note: "coffee".into(),
        follows_up: None,
        before: Default::default(),
    };
    book.log_reach_out(id, &reach, today, now()).unwrap();
    book
}

#[test]
fn a_document_round_trips_exactly() {
    let book = sample_book();
    let text = encode(&book, 7, now());
    let document = decode(&text).unwrap();
    assert_eq!(document.data, book);
    assert_eq!(
        (
            document.format.as_str(),
            document.version,
            document.revision
        ),
        (FORMAT_NAME, SCHEMA_VERSION, 7)
    );
    assert_eq!(document.saved_at, now());
}

#[test]
fn the_version_one_fixture_still_opens() {
    let text = std::fs::read_to_string("tests/fixtures/document-v1.json").unwrap();
    let document = decode(&text).unwrap();
    assert_eq!(document.data.contacts.len(), 2);
    assert_eq!(document.data.reach_outs[0].channel, Channel::Linkedin);
    assert_eq!(
        document
            .data
            .contact(document.data.reach_outs[0].contact)
            .unwrap()
            .name,
        "Ana Lima"
    );
}

#[test]
fn empty_fields_are_left_out_to_keep_the_document_small() {
    let text = encode(&sample_book(), 1, now());
    assert!(!text.contains("\"company\""));
    assert!(text.contains("\"email\":[\"jose@example.com\",null]"));
    let text = plain(&sample_book());
    assert!(!text.contains("\"company\""));
    assert!(text.contains("\"email\":\"jose@example.com\""));
}

#[test]
fn text_that_is_not_json_is_refused() {
    assert_eq!(
        decode("{\"format\": \"reachout\", "),
        Err(DecodeError::Truncated)
    );
    assert!(matches!(decode("{]"), Err(DecodeError::NotJson(_))));
    assert!(matches!(decode(""), Err(DecodeError::NotJson(_))));
}

#[test]
fn json_of_another_kind_is_refused() {
    for text in [
        "[]",
        "42",
        "{}",
        "{\"format\":\"other\",\"version\":1}",
        "{\"contacts\":[]}",
    ] {
        assert_eq!(decode(text), Err(DecodeError::NotReachout), "{text}");
    }
}

#[test]
fn a_newer_schema_is_recognised_as_such() {
    let text = encode(&sample_book(), 1, now())
        .replace(&format!("\"version\":{SCHEMA_VERSION}"), "\"version\":99");
    let error = decode(&text).unwrap_err();
    assert_eq!(error, DecodeError::NewerVersion { found: 99 });
    assert!(error.is_newer_version());
}

#[test]
fn strange_versions_are_refused() {
    for version in ["0", "-1", "\"1\"", "1.5", "null"] {
        let text = format!("{{\"format\":\"reachout\",\"version\":{version},\"data\":{{}}}}");
        assert!(
            matches!(decode(&text), Err(DecodeError::UnknownVersion(_))),
            "{version}"
        );
    }
}

#[test]
fn contradicting_records_are_refused() {
    let good = plain(&sample_book());
    assert!(decode(&good).is_ok());
    let orphan = good.replace("\"contact\":1", "\"contact\":42");
    assert!(matches!(decode(&orphan), Err(DecodeError::Damaged(m)) if m.contains("42")));
    let duplicate = good.replace("\"id\":2", "\"id\":1");
    assert!(matches!(decode(&duplicate), Err(DecodeError::Damaged(m)) if m.contains("used twice")));
    let wrong_type = good.replace("\"name\":\"Ben\"", "\"name\":7");
    assert!(matches!(decode(&wrong_type), Err(DecodeError::Damaged(_))));
}

#[test]
fn a_stale_id_counter_is_repaired_so_ids_stay_unique() {
    let good = plain(&sample_book());
    let stale = good.replace("\"next_id\":4", "\"next_id\":1");
    assert_ne!(good, stale);
    assert_eq!(decode(&stale).unwrap().data.next_id, 4);
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(decode(&deep), Err(DecodeError::TooDeep));
}

#[test]
fn version_one_data_is_migrated_to_the_current_version() {
    let text = std::fs::read_to_string("tests/fixtures/document-v1.json").unwrap();
    let document = decode(&text).unwrap();
    assert_eq!(document.version, SCHEMA_VERSION);
    let reach_out = &document.data.reach_outs[0];
    assert_eq!(reach_out.outcome, reachout::model::Outcome::Awaiting);
    assert_eq!(document.data.settings, reachout::model::Settings::default());
    // Saving it again and reading it back loses nothing.
    let again = decode(&encode(&document.data, 13, now())).unwrap();
    assert_eq!(again.data, document.data);
}

#[test]
fn broken_follow_up_links_are_refused() {
    let mut book = sample_book();
    let first = book.reach_outs[0].id;
    let contact = book.reach_outs[0].contact;
    let follow = ReachOutDraft {
        channel: Some(Channel::Email),
        date: "2026-11-25".into(),
        note: String::new(),
        follows_up: Some(first),
        before: Default::default(),
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    book.log_reach_out(contact, &follow, today, now()).unwrap();
    let good = plain(&book);
    assert!(decode(&good).is_ok());
    let follows = format!("\"follows_up\":{}", first.0);
    for broken in ["\"follows_up\":99", "\"follows_up\":4"] {
        let text = good.replace(&follows, broken);
        assert!(
            matches!(decode(&text), Err(DecodeError::Damaged(m)) if m.contains("follows up")),
            "{broken}"
        );
    }
}

#[test]
fn the_version_four_fixture_holds_connections_replies_and_no_goal() {
    let text = std::fs::read_to_string("tests/fixtures/document-v4.json").unwrap();
    let document = decode(&text).unwrap();
    assert_eq!(
        document.version, SCHEMA_VERSION,
        "read as the current version"
    );
    let outcomes: Vec<Outcome> = document.data.reach_outs.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        [
            Outcome::Accepted,
            Outcome::Declined,
            Outcome::Connected,
            Outcome::Replied { sorted: false }
        ]
    );
    assert_eq!(document.data.settings.weekly_goal, None);
    assert!(document.data.settings.goal_question_skipped);
    let again = decode(&encode(&document.data, 13, now())).unwrap();
    assert_eq!(again.data, document.data);
}

#[test]
fn every_earlier_version_migrates_to_four_and_only_the_old_default_goal_is_dropped() {
    for (fixture, goal) in [
        ("document-v1.json", None),
        ("document-v2.json", None),
        ("document-v2-packed.txt", None),
        ("document-v3.json", Some(4)),
        ("document-v3-packed.txt", Some(4)),
    ] {
        let text = std::fs::read_to_string(format!("tests/fixtures/{fixture}")).unwrap();
        let document = decode(&text).unwrap();
        assert_eq!(document.version, SCHEMA_VERSION, "{fixture}");
        assert_eq!(document.data.settings.weekly_goal, goal, "{fixture}");
    }
    let v3 = std::fs::read_to_string("tests/fixtures/document-v3.json").unwrap();
    // A goal of 3 was written whether chosen or not: the person is asked once.
    let default_goal = v3.replace("\"weekly_goal\":4", "\"weekly_goal\":3");
    assert_eq!(
        decode(&default_goal).unwrap().data.settings.weekly_goal,
        None
    );
    // In version 4 a goal of 3 was chosen, and is kept.
    let v4 = std::fs::read_to_string("tests/fixtures/document-v4.json").unwrap();
    let chosen = v4.replace(
        "\"goal_question_skipped\":true",
        "\"weekly_goal\":3,\"goal_question_skipped\":true",
    );
    assert_eq!(decode(&chosen).unwrap().data.settings.weekly_goal, Some(3));
}

#[test]
fn the_version_five_fixture_holds_the_mark_of_a_deleted_contact() {
    let text = std::fs::read_to_string("tests/fixtures/document-v5.json").unwrap();
    let document = decode(&text).unwrap();
    assert_eq!(document.version, 5);
    assert_eq!(document.data.deleted.len(), 1);
    assert_eq!(document.data.deleted[0].id.0, 7);
    let again = decode(&encode(&document.data, 13, now())).unwrap();
    assert_eq!(again.data, document.data);
    // A mark's id is never handed out again, whatever the counter says.
    let behind = text.replace("\"next_id\":8,", "\"next_id\":2,");
    assert_eq!(decode(&behind).unwrap().data.next_id, 8);
}
