//! Reminders without a server (issue 25): the weekly calendar event, one contact's date, the
//! digest the service worker reads, the count on the icon, coming back after a gap and "Start
//! fresh" with its undo.

mod common;

use chrono::{NaiveTime, TimeZone, Utc, Weekday};
use common::{day, person, reach};
use reachout::format::export::{calendar_ics, calendar_one_ics, weekly_nudge_ics};
use reachout::model::{coming_back, notification_text, Book, ModelError, WeeklyNudge};

const APP: &str = "https://ana.github.io/reachout/";

fn stamp() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap()
}

/// The content lines of an iCalendar text, unfolded (RFC 5545 3.1).
fn unfolded(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_weekly_reminder_is_one_recurring_event_in_floating_time() {
    // Saturday 5 December 2026; the default is Monday at 9:00.
    let ics = weekly_nudge_ics(
        &WeeklyNudge::default(),
        Some(2),
        APP,
        day("2026-12-05"),
        stamp(),
    );
    let lines = unfolded(&ics);
    for wanted in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "UID:weekly-reminder@ana.github.io",
        "DTSTAMP:20261205T100000Z",
        "DTSTART:20261207T090000",
        "DURATION:PT15M",
        "RRULE:FREQ=WEEKLY;BYDAY=MO",
        "SUMMARY:Reachout: 2 brave asks this week",
        "URL:https://ana.github.io/reachout/",
        "TRIGGER:PT0M",
        "END:VCALENDAR",
    ] {
        assert!(
            lines.iter().any(|l| l == wanted),
            "missing {wanted} in {lines:?}"
        );
    }
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
    assert!(!lines.iter().any(|l| l.starts_with("DTSTART;TZID") || l.starts_with("DTSTART:") && l.ends_with('Z')),
        "floating time: no zone, no UTC");
    let description = lines
        .iter()
        .find(|l| l.starts_with("DESCRIPTION:Open Reachout"))
        .unwrap();
    assert!(description.contains(APP));
    assert!(
        description.contains("\\, whatever the answer"),
        "commas escaped: {description}"
    );
    // Every line ends with CRLF and none is longer than 75 octets.
    assert!(ics.ends_with("\r\n"));
    assert!(
        ics.split("\r\n").all(|l| l.len() <= 75),
        "folded at 75 octets"
    );
    assert!(!ics.replace("\r\n", "").contains('\n'), "no bare line feed");
}

#[test]
fn the_weekly_reminder_falls_on_the_chosen_day_and_keeps_its_uid() {
    let nudge = WeeklyNudge::from_texts("Saturday", "18:30").unwrap();
    assert_eq!(nudge.weekday, Weekday::Sat);
    assert_eq!(nudge.time, NaiveTime::from_hms_opt(18, 30, 0).unwrap());
    // On the day itself, the first one is today.
    assert_eq!(nudge.first_day(day("2026-12-05")), day("2026-12-05"));
    assert_eq!(nudge.first_day(day("2026-12-06")), day("2026-12-12"));
    let one = weekly_nudge_ics(&nudge, None, APP, day("2026-12-06"), stamp());
    let lines = unfolded(&one);
    assert!(lines.contains(&"DTSTART:20261212T183000".to_string()));
    assert!(lines.contains(&"RRULE:FREQ=WEEKLY;BYDAY=SA".to_string()));
    assert!(lines.contains(&"SUMMARY:Reachout: one brave ask this week".to_string()));
    let later = weekly_nudge_ics(&nudge, None, APP, day("2026-12-20"), stamp());
    let uid = |ics: &str| {
        unfolded(ics)
            .into_iter()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
    };
    assert_eq!(uid(&one), uid(&later), "the same UID in every download");
    // A later download is a newer version of the same event.
    let sequence = |ics: &str| -> i64 {
        let line = unfolded(ics)
            .into_iter()
            .find(|l| l.starts_with("SEQUENCE:"))
            .unwrap();
        line["SEQUENCE:".len()..].parse().unwrap()
    };
    let next = weekly_nudge_ics(
        &nudge,
        None,
        APP,
        day("2026-12-20"),
        stamp() + chrono::Duration::hours(1),
    );
    assert!(sequence(&next) > sequence(&later));
    let anywhere = weekly_nudge_ics(&nudge, None, "", day("2026-12-20"), stamp());
    assert_eq!(uid(&anywhere), "UID:weekly-reminder@reachout");
}

#[test]
fn a_bad_day_or_time_is_refused_with_a_message() {
    for (weekday, time) in [
        ("Someday", "09:00"),
        ("Monday", "25:00"),
        ("Monday", "9"),
        ("", ""),
    ] {
        let refused = WeeklyNudge::from_texts(weekday, time);
        assert!(
            matches!(refused, Err(ModelError::InvalidReminder(_))),
            "{weekday} {time}"
        );
        assert!(!refused.unwrap_err().to_string().is_empty());
    }
}

#[test]
fn an_address_with_a_line_break_cannot_add_a_line() {
    let ics = weekly_nudge_ics(
        &WeeklyNudge::default(),
        Some(3),
        "https://x.test/\r\nATTACH:evil",
        day("2026-12-05"),
        stamp(),
    );
    assert!(!unfolded(&ics).iter().any(|l| l.starts_with("ATTACH")));
}

#[test]
fn one_contacts_date_is_the_same_event_as_in_the_whole_calendar() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana Lima", "2026-11-01");
    let bram = person(&mut book, "Bram de Vries, Jr.", "2026-11-01");
    reach(&mut book, ana, "2026-11-20", None);
    reach(&mut book, bram, "2026-11-25", None);
    let today = day("2026-11-27");
    let one = calendar_one_ics(&book, bram, today, stamp()).unwrap();
    let lines = unfolded(&one);
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
    assert!(
        lines.contains(&"SUMMARY:Follow up with Bram de Vries\\, Jr.".to_string()),
        "{lines:?}"
    );
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20261202".to_string()));
    let whole = unfolded(&calendar_ics(&book, today, stamp()));
    let uid = lines.iter().find(|l| l.starts_with("UID:")).unwrap();
    assert!(whole.contains(uid), "the same UID as in the whole file");
    let nobody = person(&mut book, "Cleo", "2026-11-01");
    assert_eq!(calendar_one_ics(&book, nobody, today, stamp()), None);
}

/// Ana overdue since 27 Nov, Bram due on 2 Dec, Cleo due on 25 Dec (past the 14 days).
fn waiting_book() -> Book {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana Lima", "2026-11-01");
    let bram = person(&mut book, "Bram de Vries", "2026-11-01");
    let cleo = person(&mut book, "Cleo", "2026-11-01");
    reach(&mut book, ana, "2026-11-20", None);
    reach(&mut book, bram, "2026-11-25", None);
    reach(&mut book, cleo, "2026-12-18", None);
    book
}

#[test]
fn the_digest_holds_exactly_what_is_due_each_day_ahead() {
    let book = waiting_book();
    let today = day("2026-11-30");
    let digest = book.reminder_digest(today, false);
    let days: Vec<_> = digest.days.keys().copied().collect();
    // Ana is due from today; Bram joins on 2 December; nothing is due before 30 Nov's window
    // ends that is not listed; Cleo's 25 December is past the 14 days.
    assert_eq!(days.first(), Some(&today));
    assert_eq!(days.last(), Some(&day("2026-12-14")));
    assert_eq!(days.len(), 15);
    assert_eq!(digest.days[&today].text, "1 follow-up today: Ana Lima");
    assert_eq!(digest.days[&day("2026-12-01")].count, 1);
    assert_eq!(
        digest.days[&day("2026-12-02")].text,
        "2 follow-ups today: Ana Lima, Bram de Vries"
    );
    // Hidden names: the count only.
    let hidden = book.reminder_digest(today, true);
    assert_eq!(hidden.days[&day("2026-12-02")].text, "2 follow-ups today");
    assert!(hidden.days.values().all(|d| !d.text.contains("Ana")));
    // The icon's count is what Today lists as due.
    assert_eq!(book.due_today_count(today), 1);
    assert_eq!(book.due_today_count(day("2026-12-02")), 2);
    assert_eq!(book.due_today_count(day("2026-11-26")), 0);
}

#[test]
fn nothing_due_means_an_empty_digest() {
    let mut book = Book::default();
    person(&mut book, "Ana", "2026-11-01");
    assert!(book
        .reminder_digest(day("2026-11-30"), false)
        .days
        .is_empty());
    assert_eq!(notification_text(&[], false), "0 follow-ups today");
}

#[test]
fn a_person_away_two_weeks_is_coming_back() {
    let today = day("2026-12-05");
    assert!(!coming_back(None, today), "a first visit is not a return");
    assert!(!coming_back(Some(day("2026-11-22")), today), "13 days");
    assert!(coming_back(Some(day("2026-11-21")), today), "14 days");
    assert!(coming_back(Some(day("2026-11-15")), today));
    assert!(
        !coming_back(Some(day("2026-12-06")), today),
        "a clock set back is not a gap"
    );
}

#[test]
fn start_fresh_spreads_the_overdue_follow_ups_over_the_next_days_and_undoes() {
    let mut book = Book::default();
    let names = ["A", "B", "C", "D", "E", "F", "G"];
    for (i, name) in names.iter().enumerate() {
        let id = person(&mut book, name, "2026-10-01");
        reach(&mut book, id, &format!("2026-10-{:02}", 10 + i), None);
    }
    let fresh_one = person(&mut book, "Due today", "2026-10-01");
    reach(&mut book, fresh_one, "2026-11-13", None);
    let today = day("2026-11-20");
    let before = book.clone();
    assert_eq!(book.agenda(today).follow_ups.len(), 8);

    let moved = book.start_fresh(today).unwrap();
    assert_eq!(
        moved.moved.len(),
        7,
        "only the overdue ones, not the one due today"
    );
    assert_eq!(
        moved.describe(),
        "Moved 7 overdue follow-ups to the next days."
    );
    let agenda = book.agenda(today);
    assert_eq!(
        agenda.follow_ups.len(),
        1,
        "today shows only what is due today"
    );
    let mut per_day = std::collections::BTreeMap::new();
    for thread in &agenda.awaiting {
        *per_day.entry(thread.due).or_insert(0) += 1;
    }
    assert_eq!(
        per_day.into_iter().collect::<Vec<_>>(),
        vec![
            (day("2026-11-21"), 3),
            (day("2026-11-22"), 3),
            (day("2026-11-23"), 1)
        ]
    );
    // The most overdue come first.
    let first = agenda
        .awaiting
        .iter()
        .find(|t| t.due == day("2026-11-21"))
        .unwrap();
    assert_eq!(book.contact(first.contact).unwrap().name.len(), 1);

    book.undo_start_fresh(moved);
    assert_eq!(book, before, "undo puts every follow-up back");
    assert!(matches!(
        Book::default().start_fresh(today),
        Err(ModelError::NothingOverdue)
    ));
}

#[test]
fn the_digest_for_the_worker_holds_the_words_of_each_day_and_nothing_else() {
    let book = waiting_book();
    let text =
        reachout::format::digest::digest_json(&book.reminder_digest(day("2026-11-30"), true));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "reachout-digest");
    assert_eq!(value["days"]["2026-11-30"], "1 follow-up today");
    assert_eq!(value["days"]["2026-12-02"], "2 follow-ups today");
    assert_eq!(value["days"].as_object().unwrap().len(), 15);
    assert_eq!(value["counts"]["2026-12-02"], 2);
    assert!(
        !text.contains("Ana") && !text.contains("Bram"),
        "hidden names are nowhere: {text}"
    );
}

#[test]
fn a_notification_names_three_people_at_most() {
    let names = ["Ana", "Bram", "Cleo", "Dan", "Eva"];
    assert_eq!(
        notification_text(&names, false),
        "5 follow-ups today: Ana, Bram, Cleo and 2 more"
    );
    assert_eq!(
        notification_text(&names[..3], false),
        "3 follow-ups today: Ana, Bram, Cleo"
    );
    assert_eq!(notification_text(&names, true), "5 follow-ups today");
}

#[test]
fn an_archived_contact_is_not_in_the_digest() {
    let mut book = waiting_book();
    let dan = person(&mut book, "Dan Archived", "2026-11-01");
    reach(&mut book, dan, "2026-11-20", None);
    let today = day("2026-11-30");
    assert!(book.reminder_digest(today, false).days[&today]
        .text
        .contains("Dan Archived"));
    book.set_archived(dan, true, stamp()).unwrap();
    assert!(!book.reminder_digest(today, false).days[&today]
        .text
        .contains("Dan"));
}
