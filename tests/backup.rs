//! Backup files: what is written, what is refused with which message, and what a restore shows.

mod common;
use common::now;

use chrono::{Duration, NaiveDate};
use reachout::format::backup::{self, BackupError, BackupMark, MAX_BACKUP_BYTES};
use reachout::format::document::{decode, encode_packed, SCHEMA_VERSION};
use reachout::format::sample;
use reachout::model::{Book, CheckIn, ContactDraft, Expectation, StingGuess, WeekStart};

fn hostile(name: &str) -> (String, u64) {
    common::fixture(&format!("hostile/{name}"))
}

#[test]
fn every_hostile_file_is_refused_with_its_own_clear_message() {
    let expected = [
        ("not-a-backup.json", BackupError::NotReachout),
        ("truncated-backup.json", BackupError::Truncated),
        ("deep.json", BackupError::TooDeep),
        ("Connections.csv", BackupError::NotJson),
        ("binary.vcf", BackupError::NotJson),
        ("no-end.vcf", BackupError::NotJson),
    ];
    for (name, error) in expected {
        let (text, size) = hostile(name);
        let refused = backup::read(&text, size).unwrap_err();
        assert_eq!(refused, error, "{name}");
        let message = refused.to_string();
        assert!(
            message.ends_with('.') && message.len() > 30,
            "{name}: {message}"
        );
        assert!(!message.contains("line 1 column"), "{name}: {message}");
    }
}

#[test]
fn wrong_sizes_versions_and_contents_are_refused() {
    let book = sample::book(3, 2, now());
    let good = backup::export(&book, 4, now(), &Default::default()).unwrap();
    assert_eq!(
        backup::read(&good, MAX_BACKUP_BYTES + 1),
        Err(BackupError::TooLarge("10,000,001".into()))
    );
    assert_eq!(backup::read("  \n", 3), Err(BackupError::Empty));
    let newer = good.replace(&format!("\"version\":{SCHEMA_VERSION}"), "\"version\":7");
    assert_eq!(
        backup::read(&newer, 10),
        Err(BackupError::NewerVersion { found: 7 })
    );
    let duplicate = good.replacen("\"id\":[1,", "\"id\":[2,", 1);
    assert!(
        matches!(backup::read(&duplicate, 10), Err(BackupError::Damaged(m)) if m.contains("used twice"))
    );
}

#[test]
fn an_export_reads_back_as_the_same_data_and_so_does_a_byte_order_mark() {
    let book = sample::book(40, 5, now());
    let text = backup::export(&book, 9, now(), &Default::default()).unwrap();
    let document = backup::read(&text, text.len() as u64).unwrap();
    assert_eq!(document.data, book);
    assert_eq!(document.revision, 9);
    let with_bom = format!("\u{feff}{text}");
    assert_eq!(backup::read(&with_bom, 10).unwrap().data, book);
    assert_eq!(
        backup::file_name(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()),
        "reachout-backup-2026-11-27.json"
    );
}

#[test]
fn a_copy_of_packed_storage_text_can_be_restored() {
    let book = sample::book(5, 1, now());
    let packed = encode_packed(&book, 3, now());
    assert_eq!(backup::read(&packed, 100).unwrap().data, book);
}

#[test]
fn the_preview_counts_what_a_restore_adds_removes_and_changes() {
    let current = sample::book(4, 1, now());
    let mut incoming = current.clone();
    incoming.contacts.remove(0);
    incoming
        .reach_outs
        .retain(|r| r.contact != current.contacts[0].id);
    incoming.contacts[0].name = "Renamed".into();
    incoming
        .add_contact(
            &ContactDraft {
                name: "New".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let preview = backup::preview(&current, &incoming);
    assert_eq!(preview.contacts_now, 4);
    assert_eq!(preview.contacts_after, 4);
    assert_eq!(preview.reach_outs_now, 4);
    assert_eq!(preview.reach_outs_after, 3);
    assert_eq!(
        (
            preview.contacts_added,
            preview.contacts_removed,
            preview.contacts_changed
        ),
        (1, 1, 1)
    );
}

#[test]
fn the_reminder_waits_thirty_days_and_for_a_change() {
    let mut book = Book::default();
    let never = BackupMark::default();
    assert!(!never.reminder_due(&book, 5, now()), "nothing to back up");
    book.add_contact(
        &ContactDraft {
            name: "Ada".into(),
            ..Default::default()
        },
        now() - Duration::days(40),
    )
    .unwrap();
    assert!(
        never.reminder_due(&book, 5, now()),
        "never backed up, data 40 days old"
    );
    assert!(!never.reminder_due(&book, 5, now() - Duration::days(20)));

    let recent = BackupMark {
        backed_up_at: Some(now() - Duration::days(10)),
        revision: 3,
        remind_after: None,
    };
    assert!(!recent.reminder_due(&book, 5, now()));
    let old = BackupMark {
        backed_up_at: Some(now() - Duration::days(31)),
        ..recent.clone()
    };
    assert!(old.reminder_due(&book, 5, now()));
    assert!(!old.reminder_due(&book, 3, now()), "nothing changed since");
    let hidden = BackupMark {
        remind_after: Some(now() + Duration::days(1)),
        ..old.clone()
    };
    assert!(!hidden.reminder_due(&book, 5, now()));
    assert_eq!(BackupMark::parse(Some(&old.to_text())), old);
    assert_eq!(BackupMark::parse(Some("garbage")), BackupMark::default());
}

#[test]
fn every_schema_version_on_file_reads_and_survives_a_round_trip() {
    for fixture in [
        "document-v1.json",
        "document-v2.json",
        "document-v2-packed.txt",
        "document-v3.json",
        "document-v3-packed.txt",
        "backup-v3.json",
    ] {
        let text = std::fs::read_to_string(format!("tests/fixtures/{fixture}")).unwrap();
        let document = decode(&text).unwrap_or_else(|e| panic!("{fixture}: {e}"));
        assert_eq!(document.version, SCHEMA_VERSION, "{fixture}");
        assert!(!document.data.contacts.is_empty(), "{fixture}");
        let again = decode(&encode_packed(&document.data, 2, now())).unwrap();
        assert_eq!(again.data, document.data, "{fixture}");
    }
    let v2 = decode(&std::fs::read_to_string("tests/fixtures/document-v2.json").unwrap()).unwrap();
    let packed =
        decode(&std::fs::read_to_string("tests/fixtures/document-v2-packed.txt").unwrap()).unwrap();
    assert_eq!(v2.data, packed.data);
    assert_eq!(v2.data.settings.max_tries, 4);
    assert!(v2.data.contacts[1].archived);
    // Version 2 data reads with the courage loop's defaults: no goal until one is chosen.
    assert_eq!(v2.data.settings.weekly_goal, None);
    assert!(v2.data.near_misses.is_empty() && v2.data.templates.is_none());
    assert!(v2
        .data
        .reach_outs
        .iter()
        .all(|r| r.before.is_empty() && r.after.is_empty()));
}

#[test]
fn the_version_three_fixtures_hold_the_courage_loop() {
    let read = |name: &str| std::fs::read_to_string(format!("tests/fixtures/{name}")).unwrap();
    let stored = decode(&read("document-v3.json")).unwrap();
    let packed = decode(&read("document-v3-packed.txt")).unwrap();
    assert_eq!(stored.data, packed.data);
    let text = read("backup-v3.json");
    let restored = backup::read(&text, text.len() as u64).unwrap();
    assert_eq!(restored.data, stored.data);
    let book = stored.data;
    assert_eq!(
        (book.settings.weekly_goal, book.settings.week_start),
        (Some(4), WeekStart::Sunday)
    );
    let ana = &book.contacts[0];
    assert_eq!(ana.phone, "+49 30 1234567");
    assert_eq!(ana.other_link, "https://ana.example");
    assert_eq!(ana.how_we_met, "the design meetup in March");
    assert_eq!(ana.expected_fear, Some(3));
    let first = &book.reach_outs[0];
    assert_eq!(first.before.fear, Some(7));
    assert_eq!(first.before.expect, Some(Expectation::No));
    assert_eq!(first.before.yes_chance, Some(20));
    assert_eq!(first.before.sting, Some(StingGuess::FewDays));
    assert_eq!(first.after.feeling, Some(1));
    let second = &book.reach_outs[1];
    assert_eq!(second.after.after_a_day, Some(CheckIn::Felt(2)));
    assert_eq!(second.after.after_a_week, Some(CheckIn::Skipped));
    assert_eq!(book.near_misses.len(), 2);
    assert_eq!(book.near_misses[0].contact, Some(book.contacts[1].id));
    assert_eq!(book.templates.as_ref().map(Vec::len), Some(6));
}

#[test]
fn a_backup_carries_the_marks_of_deleted_contacts_and_refuses_bad_ones() {
    use reachout::model::{ContactDraft, Deleted};
    let mut book = Book::default();
    let draft = ContactDraft {
        name: "Ana Lima".into(),
        ..ContactDraft::default()
    };
    let ana = book.add_contact(&draft, now()).unwrap();
    book.add_contact(&draft, now()).unwrap();
    book.delete_contacts(&[ana], now()).unwrap();
    let text = backup::export(&book, 2, now(), &Default::default()).unwrap();
    assert!(text.contains("\"deleted\":[{"), "{text}");
    assert_eq!(backup::read(&text, text.len() as u64).unwrap().data, book);

    let mut bad = book.clone();
    bad.deleted.push(Deleted {
        id: reachout::model::ContactId(0),
        created: now(),
        on: now(),
    });
    let text = reachout::format::document::encode(&bad, 2, now());
    let refused = backup::read(&text, text.len() as u64)
        .unwrap_err()
        .to_string();
    assert!(refused.contains("Deleted contacts"), "{refused}");
    let late = text.replacen("\"on\":\"2026", "\"on\":\"9999", 1);
    let refused = backup::read(&late, late.len() as u64)
        .unwrap_err()
        .to_string();
    assert!(refused.contains("deleted on 9999"), "{refused}");
    // Stored text with the same marks opens, without them, and says so.
    let opened = reachout::format::document::open(&text).unwrap();
    assert_eq!(opened.document.data.deleted, book.deleted);
    assert_eq!(opened.adjusted.len(), 1);
}

#[test]
fn a_backup_names_its_device_and_what_it_merged_and_odd_heads_read_as_none() {
    use reachout::format::exchange::{device_id, fingerprint, Exchanges, Head};
    let mut exchanges = Exchanges {
        device: device_id(1),
        ..Exchanges::default()
    };
    exchanges.merged_from(&device_id(2), fingerprint("their file"), now());
    let empty = Book {
        next_id: 1,
        ..Book::default()
    };
    let text = backup::export(&empty, 1, now(), &exchanges.head()).unwrap();
    let head = Head::of(&text);
    assert_eq!(head.device.as_deref(), Some("0000000000000001"));
    assert_eq!(
        head.seen.get("0000000000000002"),
        Some(&fingerprint("their file"))
    );
    assert_eq!(fingerprint("their file"), fingerprint("their file"));
    assert_ne!(fingerprint("their file"), fingerprint("their file "));
    for odd in [
        text.replace("0000000000000001", "../../../etc"),
        text.replace("0000000000000001", "00000000000000010"),
        text.replace(&fingerprint("their file"), "not a hash at all"),
        "{\"device\":7}".to_string(),
        "not json".to_string(),
    ] {
        assert_eq!(Head::of(&odd), Head::default(), "{odd}");
    }
    // Every other device beyond the few kept lets the oldest go.
    for n in 3..8 {
        exchanges.merged_from(&device_id(n), fingerprint(&n.to_string()), now());
    }
    assert_eq!(exchanges.merged.len(), 3);
    assert_eq!(exchanges.merged[0].device, device_id(7));
    let stored = Exchanges::parse(Some(&exchanges.to_text()));
    assert_eq!(stored, exchanges);
    let tampered = exchanges.to_text().replace("2026", "9999");
    assert_eq!(Exchanges::parse(Some(&tampered)), Exchanges::default());
}
