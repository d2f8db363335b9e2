//! Exports: CSV safe for spreadsheets that reads back as it was, vCard that our importer (and a
//! phone) takes, and an iCalendar file that keeps RFC 5545's rules.

use chrono::{DateTime, NaiveDate, Utc};
use reachout::format::export;
use reachout::format::import_files::{self, Kind, Read};
use reachout::model::{Book, Channel, ContactDraft, ImportAction, Outcome, ReachOutDraft};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 11, 29)
}

fn now() -> DateTime<Utc> {
    today().and_hms_opt(9, 30, 0).unwrap().and_utc()
}

/// A book with awkward values: formulas, quotes, commas, line breaks, accents, long text.
fn awkward_book() -> Book {
    let mut book = Book::default();
    let contacts = [
        ContactDraft {
            name: "=HYPERLINK(\"http://x\")".into(),
            company: "+SUM(1,2)".into(),
            role: "-2 \"Lead\", Growth".into(),
            email: "ana@example.com".into(),
            tags: "mentor, @home".into(),
            notes: "Line one\nLine two; with \\ and , marks".into(),
            how_we_met: "\tTabbed meetup".into(),
            ..ContactDraft::default()
        },
        ContactDraft {
            name: "Zoë Núñez-Çelik".into(),
            company: "Café \"Sol\"".into(),
            linkedin: "https://www.linkedin.com/in/zoe".into(),
            other_link: "https://zoe.example".into(),
            phone: "+44 7700 900123".into(),
            notes: "ü".repeat(120),
            stay_in_touch_days: "30".into(),
            ..ContactDraft::default()
        },
    ];
    for draft in &contacts {
        book.add_contact(draft, now()).unwrap();
    }
    let ids: Vec<_> = book.contacts.iter().map(|c| c.id).collect();
    let log = |book: &mut Book, who, channel, date: NaiveDate, note: &str| {
        let draft = ReachOutDraft {
            channel: Some(channel),
            date: date.format("%Y-%m-%d").to_string(),
            note: note.into(),
            ..ReachOutDraft::new(today())
        };
        book.log_reach_out(who, &draft, today(), now()).unwrap()
    };
    log(
        &mut book,
        ids[0],
        Channel::Email,
        day(2026, 11, 20),
        "=cmd|' /C calc'!A0",
    );
    let answered = log(
        &mut book,
        ids[1],
        Channel::Linkedin,
        day(2026, 10, 1),
        "Hi, \"quick\" one",
    );
    let r = book
        .reach_outs
        .iter_mut()
        .find(|r| r.id == answered)
        .unwrap();
    r.outcome = Outcome::Accepted;
    r.outcome_date = Some(day(2026, 10, 3));
    r.outcome_note = "Said yes, coffee".into();
    book
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let text = export::contacts_csv(&awkward_book());
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("\r\n"));
    for cell in [
        "'=HYPERLINK(\"\"http://x\"\")",
        "'+SUM(1,2)",
        "'-2 \"\"Lead\"\", Growth",
    ] {
        assert!(text.contains(cell), "{cell} not in {text}");
    }
    let reach_outs = export::reach_outs_csv(&awkward_book());
    assert!(reach_outs.contains("'=cmd|' /C calc'!A0"));
    assert_eq!(export::spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(export::spreadsheet_safe("\rx"), "'\rx");
    assert_eq!(export::spreadsheet_safe("\tx"), "'\tx");
    assert_eq!(export::spreadsheet_safe("plain"), "plain");
}

#[test]
fn our_own_csv_files_import_back_as_they_were() {
    let book = awkward_book();
    let Ok(Read::Table(table)) =
        import_files::read("contacts.csv", export::contacts_csv(&book).as_bytes())
    else {
        panic!("not a table");
    };
    let mut incoming = table.people(&table.guess());
    let Ok(Read::Known(Kind::ReachOuts, reach_outs)) =
        import_files::read("reach-outs.csv", export::reach_outs_csv(&book).as_bytes())
    else {
        panic!("not our reach-outs");
    };
    incoming.extend(reach_outs);
    let plan = Book::default().plan_import(incoming, today());
    assert!(plan.skipped.is_empty(), "{:?}", plan.skipped);
    let (back, _) = Book::default()
        .apply_import(&plan, &plan.proposed(), now())
        .unwrap();
    assert_eq!(back.contacts.len(), 2);
    for original in &book.contacts {
        let copy = back
            .contacts
            .iter()
            .find(|c| c.name == original.name)
            .unwrap();
        assert_eq!(
            (
                &copy.company,
                &copy.role,
                &copy.email,
                &copy.phone,
                &copy.linkedin,
                &copy.other_link,
                &copy.tags,
                &copy.notes,
                &copy.how_we_met
            ),
            (
                &original.company,
                &original.role,
                &original.email,
                &original.phone,
                &original.linkedin,
                &original.other_link,
                &original.tags,
                &original.notes,
                &original.how_we_met.trim().to_string()
            ),
        );
    }
    let zoe = back
        .contacts
        .iter()
        .find(|c| c.name.starts_with("Zoë"))
        .unwrap();
    assert_eq!(zoe.stay_in_touch_days, Some(30), "the rhythm comes back");
    assert_eq!(back.reach_outs.len(), 2);
    for original in &book.reach_outs {
        let name = &book.contact(original.contact).unwrap().name;
        let copy = back
            .reach_outs
            .iter()
            .find(|r| &back.contact(r.contact).unwrap().name == name)
            .unwrap();
        assert_eq!(
            (
                copy.channel,
                copy.date,
                &copy.note,
                copy.outcome,
                copy.outcome_date,
                &copy.outcome_note
            ),
            (
                original.channel,
                original.date,
                &original.note,
                original.outcome,
                original.outcome_date,
                &original.outcome_note
            )
        );
    }
    // And once more: nothing new.
    let again =
        import_files::read("reach-outs.csv", export::reach_outs_csv(&book).as_bytes()).unwrap();
    let Read::Known(_, again) = again else {
        panic!()
    };
    let plan = back.plan_import(again, today());
    let (twice, summary) = back.apply_import(&plan, &plan.proposed(), now()).unwrap();
    assert_eq!((twice, summary.reach_outs), (back, 0));
}

#[test]
fn vcard_export_reads_back_through_the_importer() {
    let book = awkward_book();
    let text = export::contacts_vcard(&book);
    assert!(
        text.lines().all(|l| l.len() <= 75),
        "a line is longer than 75 octets"
    );
    assert!(text.contains("VERSION:4.0\r\n"));
    assert!(text.contains("FN:=HYPERLINK(\"http://x\")\r\n"));
    let Ok(Read::Known(Kind::VCard, incoming)) =
        import_files::read("contacts.vcf", text.as_bytes())
    else {
        panic!("not read back");
    };
    assert!(
        incoming.skipped.is_empty() && incoming.notes.is_empty(),
        "{incoming:?}"
    );
    for original in &book.contacts {
        let copy = &incoming
            .people
            .iter()
            .find(|p| p.draft.name == original.name)
            .unwrap()
            .draft;
        assert_eq!(copy.company, original.company);
        assert_eq!(copy.role, original.role);
        assert_eq!(copy.email, original.email);
        assert_eq!(copy.phone, original.phone);
        assert_eq!(copy.linkedin, original.linkedin);
        assert_eq!(copy.other_link, original.other_link);
        assert_eq!(copy.notes, original.notes);
        assert_eq!(copy.tags, original.tags.join(", "));
    }
}

#[test]
fn the_calendar_file_keeps_rfc_5545() {
    let book = awkward_book();
    let text = export::calendar_ics(&book, today(), now());
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "a bare LF");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    for required in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Reachout//Follow-ups//EN",
    ] {
        assert!(text.contains(required), "{required}");
    }
    // Unfolded, one event per follow-up and stay-in-touch turn.
    let unfolded = text.replace("\r\n ", "");
    let events: Vec<&str> = unfolded.split("BEGIN:VEVENT").skip(1).collect();
    assert_eq!(events.len(), 2, "{unfolded}");
    for event in &events {
        for property in [
            "UID:",
            "DTSTAMP:20261129T093000Z",
            "DTSTART;VALUE=DATE:",
            "DTEND;VALUE=DATE:",
            "SUMMARY:",
            "END:VEVENT",
        ] {
            assert!(event.contains(property), "{property} missing in {event}");
        }
    }
    // The email of 20 Nov waits for an answer: a follow-up is due 3 days later (the default),
    // which is past, so it is put on today.
    assert!(events.iter().any(
        |e| e.contains("SUMMARY:Follow up with =HYPERLINK(\"http://x\")")
            && e.contains("DTSTART;VALUE=DATE:20261129")
    ));
    // Zoë's stay-in-touch rhythm: 30 days after the answered reach-out of 1 Oct.
    assert!(
        events
            .iter()
            .any(|e| e.contains("Stay in touch with Zoë")
                && e.contains("DTSTART;VALUE=DATE:20261129"))
    );
    assert!(unfolded.contains("\\,") || !unfolded.contains("DESCRIPTION:,"));
    // Stable UIDs: the same book exported again names the same events.
    let uids = |t: &str| {
        t.replace("\r\n ", "")
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        uids(&text),
        uids(&export::calendar_ics(
            &book,
            today(),
            now() + chrono::Duration::hours(5)
        ))
    );
}

#[test]
fn a_long_line_folds_without_splitting_a_character() {
    let mut book = awkward_book();
    book.contacts[1].notes = "é".repeat(200);
    let text = export::contacts_vcard(&book);
    assert!(std::str::from_utf8(text.as_bytes()).is_ok());
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    let Ok(Read::Known(_, incoming)) = import_files::read("x.vcf", text.as_bytes()) else {
        panic!()
    };
    assert!(incoming
        .people
        .iter()
        .any(|p| p.draft.notes == "é".repeat(200)));
    let _ = ImportAction::Add;
}
