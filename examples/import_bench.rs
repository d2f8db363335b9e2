//! Native figures for importing LinkedIn's Connections.csv: reading, planning and applying
//! 5,000 rows; the import preview's rebuild when a joined row is kept apart, at 50,000 rows;
//! undoing an import into 10,000 contacts with 50,000 reach-outs; and merging another device's
//! backup of that size, with and without the last backup both exchanged.
//! `cargo run --release --example import_bench`; `make bench` runs it too.

use std::time::Instant;

use reachout::format::import_files::{self, Read};
use reachout::format::sample;
use reachout::model::two_tabs::{changes, take_back, with_changes};
use reachout::model::{Book, Incoming};

fn main() {
    let rows = 5_000;
    let mut csv = String::from(
        "\u{feff}Notes:\r\n\"A sentence.\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n",
    );
    for i in 0..rows {
        let email = if i % 7 == 0 {
            format!("p{i}@example.com")
        } else {
            String::new()
        };
        csv.push_str(&format!(
            "Person,Number {i},https://www.linkedin.com/in/person-{i},{email},\"Company {}, Inc.\",Role {},{:02} Mar 2024\r\n",
            i % 300,
            i % 40,
            1 + i % 28
        ));
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    let now = today.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    let start = Instant::now();
    let Ok(Read::Known(_, incoming)) = import_files::read("Connections.csv", csv.as_bytes()) else {
        panic!("not read as connections");
    };
    let read = start.elapsed();
    let start = Instant::now();
    let plan = Book::default().plan_import(incoming, today);
    let planned = start.elapsed();
    let start = Instant::now();
    let (book, summary) = Book::default()
        .apply_import(&plan, &plan.proposed(), now)
        .unwrap_or_else(|e| panic!("{e}"));
    let applied = start.elapsed();
    let start = Instant::now();
    let again = book.plan_import(
        match import_files::read("Connections.csv", csv.as_bytes()) {
            Ok(Read::Known(_, incoming)) => incoming,
            _ => panic!("not read"),
        },
        today,
    );
    let replanned = start.elapsed();
    println!(
        "import of {rows} LinkedIn connections (native, release): read {read:.1?}, plan {planned:.1?}, \
         apply {applied:.1?} ({} added); the same file again: read and plan {replanned:.1?} ({} already there)",
        summary.added,
        again.duplicates()
    );
    preview_rebuild(today);
    undo_at_scale(&csv, today, now);
    merge_at_scale(now);
}

/// Merging a backup from another device into 10,000 contacts with 50,000 reach-outs: each side
/// edited 500 contacts and the other deleted 100 since the backup both exchanged. Also the
/// copy of a backup kept beside the data when it is written (the packed text).
fn merge_at_scale(now: chrono::DateTime<chrono::Utc>) {
    let shared = sample::book(10_000, 5, now);
    let later = now + chrono::Duration::hours(1);
    let mut mine = shared.clone();
    let mut theirs = shared.clone();
    for i in 0..500 {
        mine.contacts[i * 2].notes = format!("mine {i}");
        mine.contacts[i * 2].updated = later;
        theirs.contacts[i * 2 + 1].role = format!("theirs {i}");
        theirs.contacts[i * 2 + 1].updated = later;
    }
    let gone: Vec<reachout::model::ContactId> =
        theirs.contacts[5_000..5_100].iter().map(|c| c.id).collect();
    theirs
        .delete_contacts(&gone, later)
        .unwrap_or_else(|e| panic!("{e}"));
    let start = Instant::now();
    let (merged, preview) = reachout::model::merge_devices(&mine, &theirs, Some(&shared))
        .unwrap_or_else(|e| panic!("{e}"));
    let with_ancestor = start.elapsed();
    assert!(preview.from_ancestor && preview.contacts_removed == 100);
    assert_eq!(merged.contacts.len(), 9_900);
    let start = Instant::now();
    let _ = reachout::model::merge_devices(&mine, &theirs, None).unwrap_or_else(|e| panic!("{e}"));
    let without = start.elapsed();
    let start = Instant::now();
    let copy = reachout::format::document::encode_packed(&mine, 1, now);
    let packed = start.elapsed();
    println!(
        "merge of another device's backup, {} contacts and {} reach-outs (native, release): with the last exchanged backup {with_ancestor:.1?}, without {without:.1?}; the copy kept on writing a backup packed in {packed:.1?} ({} UTF-16 units)",
        mine.contacts.len(),
        mine.reach_outs.len(),
        copy.encode_utf16().count()
    );
}

/// What the import page does when a person unticks a joined row: the file's people again,
/// with the row kept apart, put together and planned. 50,000 rows, one in ten a second row of
/// the same person.
fn preview_rebuild(today: chrono::NaiveDate) {
    let rows = 50_000;
    let mut csv = String::from("Name,Email,Company\n");
    for i in 0..rows {
        let person = if i % 10 == 9 { i - 1 } else { i };
        csv.push_str(&format!(
            "Person {person},p{person}@example.com,Company {}\n",
            i % 300
        ));
    }
    let Ok(Read::Table(table)) = import_files::read("people.csv", csv.as_bytes()) else {
        panic!("not read as a table");
    };
    let mapping = table.guess();
    let read = table.people(&mapping);
    let apart: std::collections::HashSet<String> = read
        .joined
        .iter()
        .take(100)
        .map(|j| j.place.clone())
        .collect();
    let start = Instant::now();
    let mut incoming = Incoming::default();
    incoming.extend(table.people(&mapping).keep_apart(&apart));
    let plan = Book::default().plan_import(incoming, today);
    let rebuilt = start.elapsed();
    println!(
        "import preview of {rows} rows ({} joined, 100 kept apart), rebuilt after a choice (native, release): {rebuilt:.1?} ({} people)",
        read.joined.len(),
        plan.people.len()
    );
}

/// Undoing an import of 5,000 connections into 10,000 contacts with 50,000 reach-outs, after
/// one more change: what the stored changes rebuild, and the three-way merge that takes the
/// import back.
fn undo_at_scale(csv: &str, today: chrono::NaiveDate, now: chrono::DateTime<chrono::Utc>) {
    let before = sample::book(10_000, 5, now);
    let Ok(Read::Known(_, incoming)) = import_files::read("Connections.csv", csv.as_bytes()) else {
        panic!("not read as connections");
    };
    let plan = before.plan_import(incoming, today);
    let (after, _) = before
        .apply_import(&plan, &plan.proposed(), now)
        .unwrap_or_else(|e| panic!("{e}"));
    let start = Instant::now();
    let kept = changes(&before, &after);
    let rebuilt = with_changes(&before, &kept);
    let kept_time = start.elapsed();
    assert_eq!(rebuilt, after);
    let mut since = after.clone();
    since.settings.follow_up_days = 5;
    let start = Instant::now();
    let (undone, _) = take_back(&before, &after, &since);
    let undo_time = start.elapsed();
    println!(
        "undo of an import of {} contacts into {} contacts and {} reach-outs (native, release): changes kept and rebuilt {kept_time:.1?}, taken back {undo_time:.1?} ({} contacts after)",
        after.contacts.len() - before.contacts.len(),
        before.contacts.len(),
        before.reach_outs.len(),
        undone.contacts.len()
    );
}
