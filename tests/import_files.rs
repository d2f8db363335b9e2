//! Reading files to import: each fixture in `../shared/fixtures` (LinkedIn's exports, vCards,
//! any CSV) reads to exactly the expected people and reach-outs, and each hostile one gets its
//! message.

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use reachout::format::import_files::{self, table::Field, table::Table, ImportError, Kind, Read};
use reachout::model::{Book, Channel, Outcome};

use common::files::{
    day, draft_named, fixture, known, names, now, table_of, today, whole_linkedin_export,
};

#[test]
fn linkedin_connections_read_by_header_name() {
    let (kind, incoming) = known("linkedin/Connections.csv");
    assert_eq!(kind, Kind::Connections);
    assert_eq!(
        names(&incoming),
        [
            "Ada Okafor",
            "José Núñez",
            "Zoë van der Berg",
            "Li Wei",
            "Marcus O'Neil",
            "Priya Raman"
        ]
    );
    let ada = draft_named(&incoming, "Ada Okafor");
    assert_eq!(ada.company, "Brightline Analytics, Inc.");
    assert_eq!(ada.role, "Head of \"Growth\"");
    assert_eq!(ada.email, "");
    assert_eq!(ada.linkedin, "https://www.linkedin.com/in/ada-okafor");
    assert_eq!(ada.how_we_met, "LinkedIn, connected on 12 Mar 2024");
    let jose = draft_named(&incoming, "José Núñez");
    assert_eq!(jose.email, "jose.nunez@example.org");
    assert_eq!(jose.company, "Estudio Núñez");
    assert_eq!(
        draft_named(&incoming, "Li Wei").role,
        "Senior Engineer, Platform"
    );
    assert_eq!(incoming.skipped.len(), 1);
    assert_eq!(incoming.skipped[0].place, "Connections.csv, line 8");
    assert_eq!(incoming.people[0].place, "Connections.csv, line 5");
    assert!(incoming.skipped[0].reason.contains("no name"));
    assert_eq!(incoming.people[0].connected, Some(Some(day(2024, 3, 12))));
}

#[test]
fn an_older_export_without_the_url_column_and_a_resaved_date() {
    let text = "First Name,Last Name,Email Address,Company,Position,Connected On\r\n\
                Ana,Lima,,Acme,Designer,01-Jul-25\r\n";
    let Ok(Read::Known(Kind::Connections, incoming)) =
        import_files::read("Connections.csv", text.as_bytes())
    else {
        panic!("not read as connections");
    };
    let ana = draft_named(&incoming, "Ana Lima");
    assert_eq!(
        (
            ana.company.as_str(),
            ana.role.as_str(),
            ana.linkedin.as_str()
        ),
        ("Acme", "Designer", "")
    );
    assert_eq!(ana.how_we_met, "LinkedIn, connected on 1 Jul 2025");
    assert_eq!(incoming.people[0].place, "Connections.csv, line 2");
}

#[test]
fn linkedin_invitations_become_reach_outs_accepted_when_connected() {
    let (kind, incoming) = known("linkedin/Invitations.csv");
    assert_eq!(kind, Kind::Invitations);
    assert_eq!(names(&incoming), ["Ada Okafor", "Dana Whitfield", "Li Wei"]);
    let dates: Vec<NaiveDate> = incoming.reach_outs.iter().map(|r| r.date).collect();
    assert_eq!(
        dates,
        [day(2024, 3, 10), day(2026, 1, 29), day(2025, 11, 28)]
    );
    assert!(incoming
        .reach_outs
        .iter()
        .all(|r| r.channel == Channel::Linkedin && r.invitation));
    assert_eq!(
        incoming.reach_outs[0].note,
        "Hi Ada, I enjoyed your talk on pricing experiments, would love to connect."
    );
    assert!(incoming
        .notes
        .iter()
        .any(|n| n.contains("1 invitation you received")));

    let plan = Book::default().plan_import(whole_linkedin_export(), today());
    let ada = plan
        .people
        .iter()
        .position(|p| p.draft.name == "Ada Okafor")
        .unwrap();
    let invitation = plan
        .reach_outs
        .iter()
        .find(|r| r.person == ada && r.date == day(2024, 3, 10))
        .unwrap();
    // Accepting an invitation is not a yes to anything asked: connected.
    assert_eq!(invitation.outcome, Outcome::Connected);
    assert!(!invitation.outcome.is_yes());
    assert_eq!(invitation.outcome_date, Some(day(2024, 3, 12)));
    // Dana is not among the connections: her invitation was not (yet) accepted, and it is old.
    let dana = plan
        .people
        .iter()
        .position(|p| p.draft.name == "Dana Whitfield")
        .unwrap();
    let to_dana = plan
        .reach_outs
        .iter()
        .find(|r| r.person == dana && r.date == day(2026, 1, 29))
        .unwrap();
    assert_eq!(to_dana.outcome, Outcome::NoResponse);
}

#[test]
fn linkedin_messages_started_by_the_owner_are_reach_outs_and_replies_mark_them() {
    let (kind, incoming) = known("linkedin/messages.csv");
    assert_eq!(kind, Kind::Messages);
    // Tomás started his own conversation; the group conversation is left out.
    assert_eq!(names(&incoming), ["Ada Okafor", "Li Wei", "Dana Whitfield"]);
    // Li got a follow-up before any reply: a try of its own, linked to the first.
    let [ada, li, li_again, dana] = incoming.reach_outs.as_slice() else {
        panic!("{:?}", incoming.reach_outs);
    };
    // A reply is a reply, for the person to sort: never a yes on its own.
    let unsorted = Outcome::Replied { sorted: false };
    assert_eq!(
        (ada.date, ada.outcome, ada.outcome_date),
        (day(2024, 3, 12), unsorted, Some(day(2024, 3, 14)))
    );
    assert!(ada.outcome_note.starts_with("Hi Sam, happy to!"));
    assert_eq!(
        (li.date, li.outcome, li.follow_up),
        (day(2025, 11, 28), Outcome::Awaiting, false)
    );
    assert_eq!(
        (li_again.date, li_again.outcome, li_again.follow_up),
        (day(2025, 12, 6), Outcome::Awaiting, true)
    );
    assert_eq!(
        (dana.outcome, dana.outcome_note.as_str()),
        (
            unsorted,
            "Thanks Sam! I'm swamped this month, maybe in spring?"
        )
    );
    assert_eq!(
        li.note,
        "Hi Li, quick question about your platform team, \"on-call\" rotations, and hiring.\nWould you be open to a short call?"
    );
    assert_eq!(dana.outcome_date, Some(day(2026, 2, 9)));
    // A formula in a message stays text.
    assert!(dana.note.contains("=SUM(A1:A3)"));
    assert!(incoming
        .notes
        .iter()
        .any(|n| n.contains("1 group conversation")));
    assert!(incoming.notes.iter().any(|n| n.contains("others started")));
}

#[test]
fn a_long_message_keeps_its_first_lines() {
    let long = format!("one\ntwo\n\nthree\nfour\n{}", "x".repeat(500));
    assert_eq!(import_files::first_lines(&long), "one\ntwo\nthree…");
    let wide = "y".repeat(400);
    assert_eq!(
        import_files::first_lines(&wide).chars().count(),
        import_files::NOTE_CHARS + 1
    );
}

#[test]
fn dates_as_linkedin_writes_them() {
    use import_files::linkedin::{connected_on, message_day, sent_at, utc_day};
    assert_eq!(connected_on("08 Feb 2026"), Some(day(2026, 2, 8)));
    assert_eq!(connected_on("01-Jul-25"), Some(day(2025, 7, 1)));
    assert_eq!(connected_on("31 Feb 2024"), None);
    assert_eq!(sent_at("1/29/26, 2:37 PM"), Some(day(2026, 1, 29)));
    assert_eq!(sent_at("11/2/25, 6:02\u{202f}PM"), Some(day(2025, 11, 2)));
    assert_eq!(
        message_day("2023-06-11 15:33:58 UTC", utc_day),
        Some(day(2023, 6, 11))
    );
    assert_eq!(message_day("soon", utc_day), None);
}

/// New York in winter: five hours behind UTC.
fn new_york(at: DateTime<Utc>) -> NaiveDate {
    (at - chrono::TimeDelta::hours(5)).date_naive()
}

#[test]
fn a_message_sent_late_in_the_evening_west_of_utc_keeps_its_own_day() {
    use import_files::linkedin::message_day;
    // 22:30 in New York on 1 March is 03:30 UTC on 2 March.
    assert_eq!(
        message_day("2026-03-02 03:30:00 UTC", new_york),
        Some(day(2026, 3, 1))
    );
    let text = "\"CONVERSATION ID\",\"FROM\",\"SENDER PROFILE URL\",\"TO\",\"RECIPIENT PROFILE URLS\",\"DATE\",\"CONTENT\"\n\
        \"c1\",\"Sam\",\"https://www.linkedin.com/in/sam\",\"Ana\",\"https://www.linkedin.com/in/ana\",\"2026-11-30 03:30:00 UTC\",\"Coffee?\"\n";
    let Ok(Read::Known(Kind::Messages, incoming)) =
        import_files::read_in("messages.csv", text.as_bytes(), new_york)
    else {
        panic!("not read as messages");
    };
    assert_eq!(incoming.reach_outs[0].date, day(2026, 11, 29));
    // Read as UTC it would be the next day: tomorrow for someone whose today is 29 November,
    // and left out.
    let Ok(Read::Known(_, utc)) = import_files::read("messages.csv", text.as_bytes()) else {
        panic!("not read as messages");
    };
    assert_eq!(utc.reach_outs[0].date, day(2026, 11, 30));
}

#[test]
fn vcard_2_1_quoted_printable_and_bare_types() {
    let (kind, incoming) = known("vcard/android-2.1.vcf");
    assert_eq!(kind, Kind::VCard);
    assert_eq!(names(&incoming), ["Jürgen Müller", "Chidi Okoro"]);
    let jurgen = draft_named(&incoming, "Jürgen Müller");
    assert_eq!(jurgen.company, "Müller & Söhne GmbH");
    assert_eq!(jurgen.role, "Procurement Lead");
    assert_eq!(jurgen.email, "juergen@example.de");
    // The preferred number, not the first one.
    assert_eq!(jurgen.phone, "+49 30 1234567");
    assert_eq!(
        jurgen.notes,
        "Met at the trade fair in Hannover, likes cycling and talking about supply chains\r\nAsk about the spring order"
    );
    assert_eq!(draft_named(&incoming, "Chidi Okoro").phone, "0803 555 0199");
    assert!(incoming.skipped.is_empty());
}

#[test]
fn vcard_3_0_as_apple_writes_it() {
    let (_, incoming) = known("vcard/apple-3.0.vcf");
    assert_eq!(names(&incoming), ["Grace Chen", "Omar Haddad"]);
    let grace = draft_named(&incoming, "Grace Chen");
    assert_eq!(grace.company, "Lumen Labs, Research");
    assert_eq!(grace.role, "Principal Scientist");
    assert_eq!(grace.email, "grace.chen@example.com");
    assert_eq!(grace.phone, "(555) 010-2233");
    assert_eq!(grace.linkedin, "https://www.linkedin.com/in/gracechen");
    assert_eq!(grace.other_link, "https://gracechen.example.com");
    assert_eq!(grace.tags, "mentor, research");
    assert_eq!(
        grace.notes,
        "Introduced by Marcus, follow up about the mentoring programme\nShe prefers email; mornings are best."
    );
    let omar = draft_named(&incoming, "Omar Haddad");
    assert_eq!(omar.email, "omar@cedarstreet.example");
    assert_eq!(
        omar.notes,
        "A very long note that an address book has folded over several lines because vCard lines \
         should not be longer than seventy-five octets; the importer must join these pieces back \
         into one piece of text without losing or adding characters."
    );
    assert!(incoming
        .notes
        .iter()
        .any(|n| n.contains("1 photo left out")));
}

#[test]
fn vcard_4_0_with_a_group_card() {
    let (_, incoming) = known("vcard/rfc6350-4.0.vcf");
    assert_eq!(names(&incoming), ["Dr. Amara Nwosu", "Kenji Sato"]);
    let amara = draft_named(&incoming, "Dr. Amara Nwosu");
    assert_eq!(amara.email, "amara@example.net");
    assert_eq!(amara.phone, "+44-7700-900123");
    assert_eq!(amara.linkedin, "https://www.linkedin.com/in/amaranwosu");
    assert_eq!(amara.company, "St Mary's Research Trust");
    assert_eq!(amara.role, "Director");
    assert_eq!(incoming.skipped.len(), 1);
    assert!(incoming.skipped[0].reason.contains("group (“Book club”)"));
}

#[test]
fn a_fold_may_split_a_multi_byte_character() {
    // "Zoë" with the two bytes of "ë" on two lines.
    let mut bytes = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo\xC3".to_vec();
    bytes.extend_from_slice(b"\r\n \xABe Example\r\nEND:VCARD\r\n");
    let Ok(Read::Known(_, incoming)) = import_files::read("zoe.vcf", &bytes) else {
        panic!("not read");
    };
    assert_eq!(names(&incoming), ["Zoëe Example"]);
    assert!(incoming.notes.is_empty(), "{:?}", incoming.notes);
}

#[test]
fn hostile_files_get_clear_messages() {
    let read = |path: &str| import_files::read(path.rsplit('/').next().unwrap(), &fixture(path));
    assert_eq!(
        read("hostile/binary.vcf"),
        Err(ImportError::NotText("binary.vcf".into()))
    );
    for json in [
        "hostile/not-a-backup.json",
        "hostile/truncated-backup.json",
        "hostile/deep.json",
    ] {
        let message = read(json).unwrap_err().to_string();
        assert!(message.contains("Restore a backup"), "{message}");
    }
    let Ok(Read::Known(_, half)) = read("hostile/no-end.vcf") else {
        panic!("no-end.vcf");
    };
    assert!(half.people.is_empty());
    assert!(half.skipped[0].reason.contains("has no END:VCARD"));
    assert!(half.skipped[0].reason.contains("Half Card"));
    let named_vcf = import_files::read("contacts.vcf", b"Name,Email\nAna,ana@example.com\n");
    assert!(named_vcf
        .unwrap_err()
        .to_string()
        .contains("not one: it does not start with BEGIN:VCARD"));
    assert_eq!(
        import_files::read("empty.csv", b" \r\n"),
        Err(ImportError::Empty("empty.csv".into()))
    );
    let huge = vec![b'a'; 10_000_001];
    assert!(import_files::read("huge.csv", &huge)
        .unwrap_err()
        .to_string()
        .contains("huge.csv is 10,000,001 bytes; an import file may be at most 10,000,000 bytes"));
    let header_only = import_files::read("x.csv", b"Name,Email\r\n");
    assert_eq!(header_only, Err(ImportError::NoRows("x.csv".into())));
}

#[test]
fn hostile_connections_import_safely() {
    let (_, incoming) = known("hostile/Connections.csv");
    let reasons: Vec<(&str, &str)> = incoming
        .skipped
        .iter()
        .map(|s| (s.place.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    // The quote that never closes takes its own line only, and says which.
    assert_eq!(reasons[0].0, "Connections.csv, line 14");
    assert!(reasons[0]
        .1
        .contains("a quote opens on this line and never closes"));
    assert!(reasons[1].1.contains("9 cells where the header has 7"));
    assert!(reasons[2].1.contains("2 cells"));
    let plan = Book::default().plan_import(incoming, today());
    let script = &plan.people[0];
    // Kept as text; the `javascript:` link is left out with a word.
    assert_eq!(
        script.draft.name,
        "<img src=x onerror=alert(1)> <script>alert('x')</script>"
    );
    assert_eq!(script.draft.linkedin, "");
    assert!(
        script
            .warnings
            .iter()
            .any(|w| w.contains("LinkedIn profile") && w.contains("left out")),
        "{:?}",
        script.warnings
    );
    assert_eq!(
        script.draft.company,
        "=HYPERLINK(\"http://attacker.example\",\"click me\")"
    );
    let long = plan
        .people
        .iter()
        .find(|p| p.draft.name == "Long Position")
        .unwrap();
    assert_eq!(long.draft.role.chars().count(), 300);
    assert!(long
        .warnings
        .iter()
        .any(|w| w.contains("The role cut to 300 characters")));
    let multi = plan
        .people
        .iter()
        .find(|p| p.draft.linkedin.ends_with("/multi"))
        .unwrap();
    assert_eq!(
        (multi.draft.name.as_str(), multi.draft.company.as_str()),
        ("Multi Line Name", "Co With Newline")
    );
    assert!(plan.notes.iter().any(|n| n.contains("31 Feb 2024")));
    // Every planned person passes the form's own checks, so applying cannot be refused.
    let (book, summary) = Book::default()
        .apply_import(&plan, &plan.proposed(), now())
        .unwrap();
    assert_eq!(summary.added, plan.people.len());
    assert_eq!(book.contacts.len(), 5);
}

#[test]
fn any_csv_with_a_guessed_mapping() {
    let google = "First Name,Middle Name,Last Name,Organization Name,Organization Title,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Value,Phone 1 - Value,Website 1 - Value,Labels,Notes\n\
                  Ana,,Lima,Acme,Designer,* work,ana@acme.example,ana@home.example,+1 555 0100,https://www.linkedin.com/in/ana-lima,* myContacts ::: Friends,Met at a meetup\n\
                  ,,,,,,,,,,,\n\
                  ,,,NoName Ltd,,,,,,,,\n";
    let table = table_of("contacts.csv", google.as_bytes());
    let guess = table.guess();
    assert_eq!(
        guess,
        [
            Field::FirstName,
            Field::MiddleName,
            Field::LastName,
            Field::Company,
            Field::Role,
            Field::Ignore,
            Field::Email,
            Field::Ignore,
            Field::Phone,
            Field::OtherLink,
            Field::Tags,
            Field::Notes
        ]
    );
    let incoming = table.people(&guess);
    let ana = draft_named(&incoming, "Ana Lima");
    assert_eq!(ana.email, "ana@acme.example");
    assert_eq!(ana.linkedin, "https://www.linkedin.com/in/ana-lima");
    assert_eq!(ana.tags, "Friends");
    assert_eq!(ana.notes, "Met at a meetup");
    assert_eq!(incoming.skipped.len(), 1);
    assert_eq!(incoming.skipped[0].place, "contacts.csv, line 4");
    // A mapping is remembered as text and only fits a table of the same width.
    let text = Table::mapping_text(&guess);
    assert_eq!(table.mapping_from(&text), Some(guess));
    assert_eq!(table.mapping_from("name,email"), None);
}
