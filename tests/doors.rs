//! Rules the README states, held at every door (a form, stored text, a backup, an import):
//! answers never dated before their reach-out, names with a visible character, links and
//! addresses that do not lie, single-line fields without characters that split lines.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use reachout::format::backup;
use reachout::format::document;
use reachout::model::{Book, Outcome};

use common::{at, day, fixture, person, reach};

/// Stored text (not a backup) that breaks a rule the README states opens with the value brought
/// into range and says what changed, as for any other value: an answer dated before its
/// reach-out, a name empty or of invisible characters only.
#[test]
fn stored_text_that_breaks_a_stated_rule_is_repaired_and_reported() {
    for (file, expect) in [
        (
            "outcome-before-reach-out.json",
            "an answer can't come before the reach-out",
        ),
        ("empty-name.json", "a name with no visible character"),
        ("invisible-name.json", "a name with no visible character"),
    ] {
        let (text, _) = fixture(&format!("hostile/values/{file}"));
        let opened = document::open(&text).unwrap();
        assert!(
            opened
                .adjusted
                .iter()
                .any(|a| format!("{}; {}", a.found, a.rule).contains(expect)),
            "{file}: {:?}",
            opened.adjusted
        );
        let book = opened.document.data;
        assert!(book
            .contacts
            .iter()
            .all(|c| c.name.chars().any(char::is_alphanumeric)));
        assert!(book
            .reach_outs
            .iter()
            .all(|r| r.outcome_date.is_none_or(|d| d >= r.date)));
    }
}

/// The same rules hold for text in today's column form, which is read without a JSON tree.
#[test]
fn stored_columns_that_break_a_stated_rule_are_repaired_and_reported() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana Lima", "2026-10-01");
    let id = reach(&mut book, ana, "2026-11-01", None);
    book.record_outcome(
        id,
        &reachout::model::OutcomeDraft {
            outcome: Some(Outcome::Declined),
            date: "2026-11-02".into(),
            note: String::new(),
        },
        day("2026-11-02"),
    )
    .unwrap();
    book.reach_outs[0].outcome_date = Some(day("2026-10-01"));
    book.contacts[0].name = "\u{200B}\u{2060} ".into();
    let text = document::encode(&book, 1, at("2026-11-03"));
    let opened = document::open(&text).unwrap();
    assert_eq!(opened.adjusted.len(), 2, "{:?}", opened.adjusted);
    assert_eq!(
        opened.document.data.contacts[0].name,
        format!("Contact {}", ana.0)
    );
    assert_eq!(
        opened.document.data.reach_outs[0].outcome_date,
        Some(day("2026-11-01"))
    );
}

/// Links and addresses that lie are refused at every door: stored text drops them with a word,
/// a backup is refused, an import leaves them out.
#[test]
fn links_that_lie_are_refused_at_every_door() {
    let mut book = Book::default();
    person(&mut book, "Ana Lima", "2026-10-01");
    book.contacts[0].linkedin = "https://www.linkedin.com@evil.example/in/five".into();
    book.contacts[0].other_link = "http://user:pass@host.example/".into();
    book.contacts[0].email = "x?cc=evil@example.com".into();
    let text = document::encode(&book, 1, at("2026-11-03"));
    let opened = document::open(&text).unwrap();
    assert_eq!(opened.adjusted.len(), 3, "{:?}", opened.adjusted);
    let ana = &opened.document.data.contacts[0];
    assert_eq!(
        (
            ana.linkedin.as_str(),
            ana.other_link.as_str(),
            ana.email.as_str()
        ),
        ("", "", "")
    );
    assert!(backup::read(&text, text.len() as u64).is_err());
    let csv = "Name,Email,LinkedIn\nAna,x?cc=evil@example.com,https://www.linkedin.com@evil.example/in/five\n";
    let Ok(reachout::format::import_files::Read::Table(table)) =
        reachout::format::import_files::read("people.csv", csv.as_bytes())
    else {
        panic!("not read as a table");
    };
    let incoming = table.people(&table.guess());
    let plan = Book::default().plan_import(incoming, day("2026-11-03"));
    assert_eq!(plan.people[0].draft.email, "");
    assert_eq!(plan.people[0].draft.linkedin, "");
    assert!(
        plan.people[0].warnings.len() >= 2,
        "{:?}",
        plan.people[0].warnings
    );
}

/// Characters that split lines: refused in single-line fields by the form, made one line in
/// stored text and imports (with a word), and never written raw into a `.vcf` or `.ics`.
#[test]
fn characters_that_split_lines_never_reach_a_card_or_an_event_raw() {
    let splitters = [
        '\u{7}', '\u{1b}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{b}', '\u{c}', '\u{85}', '\u{2028}',
        '\u{2029}',
    ];
    for c in splitters {
        let draft = reachout::model::ContactDraft {
            name: format!("Ana{c}Lima"),
            ..Default::default()
        };
        let mut book = Book::default();
        assert!(
            book.add_contact(&draft, at("2026-11-01")).is_err(),
            "{c:?} in a name"
        );
    }
    let mut book = Book::default();
    let ana = person(&mut book, "Ana Lima", "2026-10-01");
    book.contacts[0].name = "Ana\u{2028}END:VCARD\u{1e}Lima".into();
    book.contacts[0].company = "Acme\u{b}Inc".into();
    book.contacts[0].notes = "line one\u{2029}line two\u{7}".into();
    book.contacts[0].stay_in_touch_days = Some(7);
    let text = document::encode(&book, 1, at("2026-11-03"));
    let opened = document::open(&text).unwrap();
    assert_eq!(opened.adjusted.len(), 2, "{:?}", opened.adjusted);
    assert_eq!(opened.document.data.contacts[0].name, "Ana END:VCARD Lima");
    assert!(backup::read(&text, text.len() as u64).is_err());
    // Exports, from the book as it was (notes may hold any line break).
    let vcf = reachout::format::export::contacts_vcard(&book);
    let ics = reachout::format::export::calendar_ics(&book, day("2026-11-03"), at("2026-11-03"));
    for file in [&vcf, &ics] {
        let raw: Vec<char> = file
            .chars()
            .filter(|c| reachout::model::breaks_line(*c) && !matches!(c, '\r' | '\n'))
            .collect();
        assert!(raw.is_empty(), "{raw:?} in {file}");
        assert!(!file.contains("\r\nEND:VCARD\u{1e}"));
    }
    assert_eq!(vcf.matches("BEGIN:VCARD").count(), 1);
    assert_eq!(vcf.matches("\r\nEND:VCARD\r\n").count(), 1);
    let _ = ana;
}

#[test]
fn an_import_makes_single_line_fields_one_line_and_says_so() {
    // Long enough that one control character does not make the file look like binary data.
    let csv = format!(
        "Name,Company\n\"Ana\u{2028}Lima\",\"Acme\u{85}Inc\"\n{}",
        "Ben Okafor,Northwind Traders\n".repeat(8)
    );
    let Ok(reachout::format::import_files::Read::Table(table)) =
        reachout::format::import_files::read("people.csv", csv.as_bytes())
    else {
        panic!("not read as a table");
    };
    let plan = Book::default().plan_import(table.people(&table.guess()), day("2026-11-03"));
    assert_eq!(plan.people[0].draft.name, "Ana Lima");
    assert_eq!(plan.people[0].draft.company, "Acme Inc");
    // Any reader's people go through the same check before the preview.
    let mut incoming = reachout::model::Incoming::default();
    incoming.add_person(reachout::model::IncomingPerson {
        place: "x".into(),
        draft: reachout::model::ContactDraft {
            name: "Ana\u{1b}[31mLima".into(),
            how_we_met: "the meetup\u{2029}in March".into(),
            ..Default::default()
        },
        connected: None,
    });
    let plan = Book::default().plan_import(incoming, day("2026-11-03"));
    assert_eq!(plan.people[0].draft.name, "Ana [31mLima");
    assert_eq!(plan.people[0].draft.how_we_met, "the meetup in March");
    assert!(plan.people[0]
        .warnings
        .iter()
        .any(|w| w.contains("control characters in the name")));
}
