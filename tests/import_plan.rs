//! Planning and applying an import: matches with contacts already there, a choice per
//! person, rows of one file joined or kept apart, the tally, and an import that is whole and
//! repeatable.

mod common;

use chrono::NaiveDate;
use reachout::format::import_files::{self, Kind, Read};
use reachout::model::{Book, Channel, ContactDraft, ImportAction, Incoming, Outcome};

use common::files::{day, draft_named, known, names, now, table_of, today, whole_linkedin_export};

#[test]
fn the_whole_export_imports_once_and_adds_nothing_the_second_time() {
    let plan = Book::default().plan_import(whole_linkedin_export(), today());
    assert_eq!(plan.new_people(), 7);
    assert_eq!(plan.duplicates(), 0);
    // Ada: invitation and first message; Dana: invitation and message; Li: one step (the
    // invitation and the message of the same morning) and the follow-up a week later.
    assert_eq!(plan.reach_outs.len(), 6);
    let (book, summary) = Book::default()
        .apply_import(&plan, &plan.proposed(), now())
        .unwrap();
    assert_eq!((summary.added, summary.reach_outs), (7, 6));
    let li = book.contacts.iter().find(|c| c.name == "Li Wei").unwrap();
    let to_li: Vec<_> = book
        .reach_outs
        .iter()
        .filter(|r| r.contact == li.id)
        .collect();
    assert_eq!(to_li.len(), 2);
    // Connected, not a yes; the unanswered follow-up is not absorbed into it.
    assert_eq!(to_li[0].outcome, Outcome::Connected);
    assert_eq!(to_li[0].outcome_date, Some(day(2025, 11, 30)));
    assert!(to_li[0].note.starts_with("Hi Li, quick question"));
    assert_eq!(to_li[1].follows_up, Some(to_li[0].id));
    assert_eq!(to_li[1].outcome, Outcome::NoResponse);

    let again = book.plan_import(whole_linkedin_export(), today());
    assert_eq!(again.new_people(), 0);
    assert_eq!(again.duplicates(), 7);
    assert!(again
        .people
        .iter()
        .all(|p| p.proposed == ImportAction::Merge));
    assert!(again
        .people
        .iter()
        .all(|p| p.existing.as_ref().unwrap().fills.is_empty()));
    let (twice, summary) = book.apply_import(&again, &again.proposed(), now()).unwrap();
    assert_eq!(twice, book, "a second import changed the book");
    assert_eq!(again.known.len(), 6);
    assert_eq!(again.reach_outs.len(), 6);
    assert_eq!(
        (summary.added, summary.merged, summary.reach_outs),
        (0, 0, 0)
    );
}

#[test]
fn duplicates_by_profile_email_or_name_with_an_action_each() {
    let mut book = Book::default();
    let draft = |name: &str, email: &str, linkedin: &str| ContactDraft {
        name: name.into(),
        email: email.into(),
        linkedin: linkedin.into(),
        ..ContactDraft::default()
    };
    book.add_contact(&draft("Ada O.", "", "linkedin.com/in/ada-okafor/"), now())
        .unwrap();
    book.add_contact(&draft("Priya", "PRIYA@example.com", ""), now())
        .unwrap();
    book.add_contact(&draft("josé núñez", "", ""), now())
        .unwrap();
    book.add_contact(
        &draft("Li Wei", "", "https://www.linkedin.com/in/another-li"),
        now(),
    )
    .unwrap();
    let plan = book.plan_import(known("linkedin/Connections.csv").1, today());
    let same = |name: &str| {
        let p = plan.people.iter().find(|p| p.draft.name == name).unwrap();
        p.existing
            .as_ref()
            .map(|e| (e.name.clone(), format!("{:?}", e.same)))
    };
    assert_eq!(
        same("Ada Okafor"),
        Some(("Ada O.".into(), "Linkedin".into()))
    );
    assert_eq!(same("Priya Raman"), Some(("Priya".into(), "Email".into())));
    assert_eq!(
        same("José Núñez"),
        Some(("josé núñez".into(), "Name".into()))
    );
    // A namesake with another profile is another person.
    assert_eq!(same("Li Wei"), None);
    let ada = plan
        .people
        .iter()
        .find(|p| p.draft.name == "Ada Okafor")
        .unwrap();
    assert_eq!(
        ada.existing.as_ref().unwrap().fills,
        ["Company", "Role", "How we met"]
    );

    // Skip Ada, add José anyway, merge Priya.
    let actions: Vec<ImportAction> = plan
        .people
        .iter()
        .map(|p| match p.draft.name.as_str() {
            "Ada Okafor" => ImportAction::Skip,
            "José Núñez" => ImportAction::Add,
            _ => p.proposed,
        })
        .collect();
    let (after, summary) = book.apply_import(&plan, &actions, now()).unwrap();
    assert_eq!((summary.added, summary.merged, summary.left_out), (4, 1, 1));
    assert_eq!(
        after
            .contacts
            .iter()
            .filter(|c| c.name.to_lowercase().contains("núñez"))
            .count(),
        2
    );
    let ada = after.contacts.iter().find(|c| c.name == "Ada O.").unwrap();
    assert_eq!(ada.company, "", "a skipped person changed");
    let priya = after.contacts.iter().find(|c| c.name == "Priya").unwrap();
    // A merge fills what is empty and keeps what the person wrote.
    assert_eq!(
        (priya.email.as_str(), priya.company.as_str()),
        ("PRIYA@example.com", "City Hospital")
    );
    // The book the import started from is untouched.
    assert_eq!(book.contacts.len(), 4);
}

#[test]
fn out_of_range_values_never_reach_the_book() {
    let mut incoming = Incoming::default();
    let who = incoming.add_person(reachout::model::IncomingPerson {
        place: "x, line 2".into(),
        draft: ContactDraft {
            name: "Far Future".into(),
            email: "not an email".into(),
            ..ContactDraft::default()
        },
        connected: Some(Some(NaiveDate::MAX)),
    });
    for date in [NaiveDate::MAX, day(1800, 1, 1), day(2026, 12, 25)] {
        incoming.reach_outs.push(reachout::model::IncomingReachOut {
            person: who,
            channel: Channel::Email,
            date,
            note: String::new(),
            outcome: Outcome::Accepted,
            outcome_date: Some(NaiveDate::MAX),
            outcome_note: String::new(),
            invitation: false,
            closed: false,
            follow_up: false,
        });
    }
    incoming.reach_outs.push(reachout::model::IncomingReachOut {
        person: who,
        channel: Channel::Email,
        date: day(2026, 11, 1),
        note: "n".repeat(5_000),
        outcome: Outcome::Accepted,
        outcome_date: Some(NaiveDate::MAX),
        outcome_note: String::new(),
        invitation: true,
        closed: false,
        follow_up: false,
    });
    let plan = Book::default().plan_import(incoming, today());
    assert_eq!(plan.skipped.len(), 3, "{:?}", plan.skipped);
    assert_eq!(plan.reach_outs.len(), 1);
    assert_eq!(plan.reach_outs[0].outcome_date, Some(day(2026, 11, 1)));
    assert_eq!(plan.reach_outs[0].note.chars().count(), 2_000);
    assert_eq!(plan.people[0].draft.email, "");
    let (book, _) = Book::default()
        .apply_import(&plan, &plan.proposed(), now())
        .unwrap();
    assert!(book
        .reach_outs
        .iter()
        .all(|r| r.date <= today() && r.outcome_date.is_none_or(|d| d <= today())));
}

#[test]
fn messages_listed_newest_first_are_put_in_order() {
    let text = "\"CONVERSATION ID\",\"FROM\",\"SENDER PROFILE URL\",\"TO\",\"RECIPIENT PROFILE URLS\",\"DATE\",\"CONTENT\"\n\
        \"c1\",\"Ana\",\"https://www.linkedin.com/in/ana\",\"Sam\",\"https://www.linkedin.com/in/sam\",\"2026-03-02 17:00:00 UTC\",\"Yes, gladly\"\n\
        \"c1\",\"Sam\",\"https://www.linkedin.com/in/sam\",\"Ana\",\"https://www.linkedin.com/in/ana\",\"2026-03-02 09:00:00 UTC\",\"Coffee?\"\n\
        \"c2\",\"Sam\",\"https://www.linkedin.com/in/sam\",\"Ben\",\"https://www.linkedin.com/in/ben\",\"2026-03-01 09:00:00 UTC\",\"Hello Ben\"\n";
    let Ok(Read::Known(Kind::Messages, incoming)) =
        import_files::read("messages.csv", text.as_bytes())
    else {
        panic!("not read as messages");
    };
    assert_eq!(names(&incoming), ["Ana", "Ben"]);
    assert_eq!(incoming.reach_outs[0].note, "Coffee?");
    assert_eq!(
        incoming.reach_outs[0].outcome,
        Outcome::Replied { sorted: false }
    );
    assert_eq!(incoming.reach_outs[0].outcome_date, Some(day(2026, 3, 2)));
}

#[test]
fn a_merge_stores_links_and_tags_as_the_form_would() {
    let mut book = Book::default();
    book.add_contact(
        &ContactDraft {
            name: "Ada Okafor".into(),
            ..ContactDraft::default()
        },
        now(),
    )
    .unwrap();
    let mut incoming = Incoming::default();
    for tags in ["Friends", "friends, Work"] {
        incoming.add_person(reachout::model::IncomingPerson {
            place: "x".into(),
            draft: ContactDraft {
                name: "Ada Okafor".into(),
                other_link: "www.example.com".into(),
                linkedin: "linkedin.com/in/ada".into(),
                tags: tags.into(),
                ..ContactDraft::default()
            },
            connected: None,
        });
    }
    let plan = book.plan_import(incoming, today());
    let (after, _) = book.apply_import(&plan, &plan.proposed(), now()).unwrap();
    let ada = &after.contacts[0];
    assert_eq!(ada.other_link, "https://www.example.com");
    assert_eq!(ada.linkedin, "https://linkedin.com/in/ada");
    assert_eq!(ada.tags, ["Friends", "Work"]);
}

#[test]
fn different_people_in_one_file_stay_different_people() {
    let csv = "Name,Email,Company\n\
        John Smith,john@one.example,One\n\
        John Smith,john@two.example,Two\n\
        John Smith,,Three\n\
        Ana Lima,info@acme.example,Acme\n\
        Ben Okafor,info@acme.example,Acme\n\
        Ana Lima,info@acme.example,Acme Inc\n";
    let table = table_of("people.csv", csv.as_bytes());
    let people = table.people(&table.guess());
    let names: Vec<&str> = people
        .people
        .iter()
        .map(|p| p.draft.name.as_str())
        .collect();
    // The same name and the same e-mail are one person; anything less is not.
    assert_eq!(
        names,
        [
            "John Smith",
            "John Smith",
            "John Smith",
            "Ana Lima",
            "Ben Okafor"
        ]
    );
    let cards = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Lee\r\nEMAIL:sam@one.example\r\nNOTE:first\r\nEND:VCARD\r\n\
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Lee\r\nEMAIL:sam@two.example\r\nNOTE:second\r\nEND:VCARD\r\n";
    let Ok(Read::Known(_, incoming)) = import_files::read("cards.vcf", cards.as_bytes()) else {
        panic!("not read as vCards");
    };
    assert_eq!(incoming.people.len(), 2);
    assert_eq!(incoming.people[1].draft.email, "sam@two.example");
    // Across the files of one export, a name still finds the same person.
    let all = whole_linkedin_export();
    assert_eq!(
        all.people
            .iter()
            .filter(|p| p.draft.name == "Ada Okafor")
            .count(),
        1
    );
}

/// Rows of one file joined as one person are listed with where and why; kept apart, each is a
/// person of its own and the one they were joined into is made again from its own rows. Put
/// with other files, rows of one file are never joined with each other on weaker keys.
#[test]
fn rows_joined_in_one_file_are_shown_and_can_be_kept_apart() {
    let csv = "Name,Email,Company,Phone\n\
        John Smith,john@one.example,One,\n\
        John Smith,john@two.example,Two,\n\
        Ana Lima,ana@example.com,Acme,\n\
        Ana Lima,ana@example.com,,+49 30 1\n";
    let table = table_of("people.csv", csv.as_bytes());
    let read = table.people(&table.guess());
    assert_eq!(read.joined.len(), 1);
    let joined = &read.joined[0];
    assert_eq!(
        (
            joined.place.as_str(),
            joined.with.as_str(),
            joined.name.as_str()
        ),
        ("people.csv, line 5", "people.csv, line 4", "Ana Lima")
    );
    assert_eq!(joined.same, reachout::model::SameAs::Email);
    assert!(!joined.apart);

    // Put with nothing else (as the import page does), the two John Smiths stay two people.
    let mut all = Incoming::default();
    all.extend(read.clone());
    assert_eq!(names(&all), ["John Smith", "John Smith", "Ana Lima"]);
    assert_eq!(draft_named(&all, "Ana Lima").phone, "+49 30 1");

    // Kept apart: two Ana Limas, the first without the second row's phone.
    let apart: std::collections::HashSet<String> = ["people.csv, line 5".to_string()].into();
    let mut all = Incoming::default();
    all.extend(read.keep_apart(&apart));
    assert_eq!(
        names(&all),
        ["John Smith", "John Smith", "Ana Lima", "Ana Lima"]
    );
    assert_eq!(all.people[2].draft.phone, "");
    assert_eq!(all.people[2].draft.company, "Acme");
    assert_eq!(all.people[3].draft.phone, "+49 30 1");
    assert!(all.joined[0].apart);
    let plan = Book::default().plan_import(all, today());
    assert_eq!(plan.people.len(), 4);
    assert_eq!(plan.joined.len(), 1);
}

/// Files that name the same people again and again (messages, invitations) join rows that
/// name someone by name alone, within the file too; rows with different addresses stay apart.
#[test]
fn rows_naming_someone_by_name_alone_are_one_person_in_their_file() {
    let mut incoming = Incoming::default();
    for (name, email) in [
        ("Dana Whitfield", ""),
        ("Dana Whitfield", ""),
        ("John Smith", "john@one.example"),
        ("John Smith", "john@two.example"),
    ] {
        incoming.add_person(reachout::model::IncomingPerson {
            place: "messages.csv".into(),
            draft: ContactDraft {
                name: name.into(),
                email: email.into(),
                ..Default::default()
            },
            connected: None,
        });
    }
    assert_eq!(
        names(&incoming),
        ["Dana Whitfield", "John Smith", "John Smith"]
    );
}

/// The preview's tally and what applying does agree, for every mix of choices; a plan made
/// again (another mapping) keeps the choices made for the same rows.
#[test]
fn the_preview_tally_is_what_applying_does_and_choices_carry_over() {
    let book = Book::default();
    let first = book.plan_import(whole_linkedin_export(), today());
    let (mut base, _) = book.apply_import(&first, &first.proposed(), now()).unwrap();
    // The same export again, after the companies were cleared: a merge fills them in.
    for contact in &mut base.contacts {
        contact.company.clear();
    }
    let again = base.plan_import(whole_linkedin_export(), today());
    let n = again.people.len();
    let mut merged_some = false;
    for mix in 0..3usize.pow(n.min(6) as u32) {
        let mut code = mix;
        let actions: Vec<ImportAction> = (0..n)
            .map(|_| {
                let action = [ImportAction::Skip, ImportAction::Merge, ImportAction::Add][code % 3];
                code /= 3;
                action
            })
            .collect();
        let tally = again.summary(&actions);
        let (after, applied) = base.apply_import(&again, &actions, now()).unwrap();
        assert_eq!(tally, applied, "{actions:?}");
        assert_eq!(
            after.contacts.len() - base.contacts.len(),
            tally.added,
            "{actions:?}"
        );
        assert_eq!(
            after.reach_outs.len() - base.reach_outs.len(),
            tally.reach_outs,
            "{actions:?}"
        );
        let filled = after
            .contacts
            .iter()
            .filter(|c| base.contact(c.id).is_some_and(|b| b != *c))
            .count();
        assert_eq!(filled, tally.merged, "{actions:?}");
        merged_some |= tally.merged > 0;
    }
    assert!(merged_some, "some mixes fill contacts in");
    // Choices follow their rows into a plan made again.
    let mut chosen = again.proposed();
    chosen[0] = ImportAction::Skip;
    let remade = base.plan_import(whole_linkedin_export(), today());
    let carried = remade.carry(&again.places(), &chosen);
    assert_eq!(carried, chosen);
    assert_eq!(remade.carry(&[], &[]), remade.proposed());
}
