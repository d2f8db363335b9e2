//! The model behind fewer steps (issue 10): a pasted list of names, the duplicate warning,
//! closing a loop with a last note (and undoing it), and the week card's kinder lead.

mod common;

use common::{at, day, named, person, reach};
use reachout::model::courage_words::week_lead;
use reachout::model::{
    Book, Channel, ContactDraft, ModelError, Outcome, OutcomeDraft, SameAs, Stage, MAX_PASTED,
};

#[test]
fn a_pasted_list_becomes_a_preview_of_names_and_companies() {
    let mut book = Book::default();
    let anna = person(&mut book, "Anna Meyer", "2026-11-01");
    let text =
        "Ben Okafor, Northwind\n\n  Chiara Rossi  \nanna  meyer\nDmitri\tAcme Ltd\tBerlin\nBen Okafor\n";
    let list = book.parse_name_list(text);
    let shown: Vec<(usize, &str, &str, Option<&str>)> = list
        .lines
        .iter()
        .map(|l| {
            (
                l.line,
                l.name.as_str(),
                l.company.as_str(),
                l.problem.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (1, "Ben Okafor", "Northwind", None),
            (3, "Chiara Rossi", "", None),
            (4, "anna  meyer", "", Some("you already have them")),
            (5, "Dmitri", "Acme Ltd", None),
            (6, "Ben Okafor", "", Some("already in this list")),
        ]
    );
    // A name already kept (case and spacing aside) is left out, with a link to them.
    assert_eq!(
        list.lines[2].existing,
        Some((anna, "Anna Meyer".to_string()))
    );
    assert_eq!(list.addable().len(), 3);

    let ids = book
        .add_contacts(&list.addable(), at("2026-11-02"))
        .unwrap();
    assert_eq!(ids.len(), 3);
    assert_eq!(book.contacts.len(), 4);
    // Pasting the same list again adds nothing.
    assert!(book.parse_name_list(text).addable().is_empty());
    let dmitri = book.contact(ids[2]).unwrap();
    assert_eq!(
        (dmitri.name.as_str(), dmitri.company.as_str()),
        ("Dmitri", "Acme Ltd")
    );
}

#[test]
fn a_pasted_list_refuses_bad_lines_and_stops_at_its_limit() {
    let book = Book::default();
    let long = format!(", Acme\n{}\n", "x".repeat(5_000));
    let list = book.parse_name_list(&long);
    assert_eq!(list.lines.len(), 2);
    assert!(list.lines.iter().all(|l| l.problem.is_some()), "{list:?}");
    assert!(list.addable().is_empty());

    let many: String = (0..MAX_PASTED + 20)
        .map(|i| format!("Person {i}\n"))
        .collect();
    let list = book.parse_name_list(&many);
    assert_eq!(list.lines.len(), MAX_PASTED);
    assert!(list
        .too_long
        .as_deref()
        .unwrap()
        .contains("first 500 names"));
}

#[test]
fn adding_many_is_all_or_nothing() {
    let mut book = Book::default();
    person(&mut book, "Anna Meyer", "2026-11-01");
    let before = book.clone();
    let drafts = [named("Ben"), named(""), named("Chiara")];
    assert!(matches!(
        book.add_contacts(&drafts, at("2026-11-02")),
        Err(ModelError::InvalidContact(_))
    ));
    assert_eq!(book, before, "nothing was added");
}

#[test]
fn a_contact_being_typed_is_matched_by_name_email_or_linkedin() {
    let mut book = Book::default();
    let anna = book
        .add_contact(
            &ContactDraft {
                name: "Anna Meyer".into(),
                email: "Anna@Example.com".into(),
                linkedin: "https://www.linkedin.com/in/anna-meyer/".into(),
                ..Default::default()
            },
            at("2026-11-01"),
        )
        .unwrap();
    let typed = |name: &str, email: &str, linkedin: &str| ContactDraft {
        name: name.into(),
        email: email.into(),
        linkedin: linkedin.into(),
        ..Default::default()
    };
    let same = |draft: ContactDraft| {
        book.similar_contacts(&draft, None)
            .into_iter()
            .map(|s| (s.id, s.same))
            .collect::<Vec<_>>()
    };
    // Case, accents and spacing aside.
    assert_eq!(
        same(typed("  ANNA   méyer ", "", "")),
        [(anna, SameAs::Name)]
    );
    assert_eq!(
        same(typed("A. M.", " anna@example.COM ", "")),
        [(anna, SameAs::Email)]
    );
    assert_eq!(
        same(typed("", "", "linkedin.com/in/anna-meyer?trk=x")),
        [(anna, SameAs::Linkedin)]
    );
    assert_eq!(same(typed("Anna", "", "")), []);
    // Editing Anna herself is no duplicate.
    assert!(book
        .similar_contacts(&typed("Anna Meyer", "", ""), Some(anna))
        .is_empty());
}

#[test]
fn closing_a_loop_with_a_last_note_logs_it_on_the_same_channel_and_can_be_undone() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana Lima", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-02", None);
    let second = reach(&mut book, ana, "2026-11-09", Some(first));
    let third = reach(&mut book, ana, "2026-11-16", Some(second));
    let before = book.clone();

    let note = book.last_note_for(ana);
    assert!(note.starts_with("Hi Ana,"), "{note}");
    let undo = book
        .close_loop_with_note(third, Some(&note), day("2026-11-30"), at("2026-11-30"))
        .unwrap();
    assert_eq!(
        undo.describe(),
        "Logged your last note to Ana Lima and closed the loop."
    );
    let last = book.reach_outs.last().unwrap();
    assert_eq!(
        (last.channel, last.date, last.follows_up, last.loop_closed),
        (Channel::Email, day("2026-11-30"), Some(third), true)
    );
    assert_eq!(last.note, note.trim());
    assert_eq!(book.stages()[&ana], Stage::GoneQuiet);
    let agenda = book.agenda(day("2026-12-30"));
    assert!(agenda.close_the_loop.is_empty() && agenda.follow_ups.is_empty());

    book.undo(undo);
    assert_eq!(
        book.reach_outs, before.reach_outs,
        "the note and the closing are gone"
    );
    assert_eq!(book.agenda(day("2026-11-30")).close_the_loop.len(), 1);

    // Without a note: the thread's latest is closed as it is.
    let undo = book
        .close_loop_with_note(third, None, day("2026-11-30"), at("2026-11-30"))
        .unwrap();
    assert_eq!(undo.describe(), "Closed the loop with Ana Lima.");
    assert_eq!(book.reach_outs.len(), 3);
    book.undo(undo);
    assert_eq!(book.reach_outs, before.reach_outs);
}

#[test]
fn a_last_note_that_is_too_long_changes_nothing() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana Lima", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-02", None);
    let before = book.clone();
    let long = "x".repeat(20_000);
    assert!(matches!(
        book.close_loop_with_note(first, Some(&long), day("2026-11-30"), at("2026-11-30")),
        Err(ModelError::InvalidReachOut(_))
    ));
    assert_eq!(book, before);
}

#[test]
fn the_last_note_is_the_persons_own_when_they_kept_one_by_that_name() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana Lima", "2026-11-01");
    book.save_template(
        Some(5),
        "A kind last note",
        "Dear {first name}, thanks anyway.",
    )
    .unwrap();
    assert_eq!(book.last_note_for(ana), "Dear Ana, thanks anyway.");
}

#[test]
fn the_week_card_speaks_of_this_week_only() {
    let mut book = Book::default();
    book.settings.weekly_goal = Some(2);
    let ana = person(&mut book, "Ana", "2026-11-01");
    // Monday weeks: 2 Nov, 9 Nov, 16 Nov, 23 Nov.
    let first = reach(&mut book, ana, "2026-11-03", None);
    let answer = OutcomeDraft {
        outcome: Some(Outcome::Accepted),
        date: "2026-11-04".into(),
        note: String::new(),
    };
    book.record_outcome(first, &answer, day("2026-11-04"))
        .unwrap();
    reach(&mut book, ana, "2026-11-17", None);

    // Week of 23 Nov: nothing yet. Last week's ask and the all-time yes are not mixed in
    // under "This week".
    let week = book.this_week(day("2026-11-24"));
    assert_eq!(week.count, 0);
    assert_eq!(week_lead(&week), "This week's first ask is ahead");
    assert_eq!(
        reachout::model::courage_words::this_week(week.count, week.noes),
        "No reach-outs yet this week. One message is enough to start."
    );
    let week = book.this_week(day("2026-12-08"));
    assert_eq!(week_lead(&week), "This week's first ask is ahead");
    // Under the goal: the plain count; past it: said so, never "3 of 2".
    reach(&mut book, ana, "2026-12-07", None);
    assert_eq!(week_lead(&book.this_week(day("2026-12-08"))), "1 of 2");
    reach(&mut book, ana, "2026-12-08", None);
    reach(&mut book, ana, "2026-12-08", None);
    assert_eq!(
        week_lead(&book.this_week(day("2026-12-08"))),
        "3 this week: goal of 2 met"
    );
    // Without a goal: the count alone.
    book.settings.weekly_goal = None;
    assert_eq!(week_lead(&book.this_week(day("2026-12-08"))), "3 this week");
    // Before the first reach-out ever: no zeros, the step ahead.
    let empty = Book::default();
    assert_eq!(
        week_lead(&empty.this_week(day("2026-12-08"))),
        "Your first brave ask is ahead"
    );
}

#[test]
fn undoing_a_closed_loop_keeps_what_changed_since() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana Lima", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-02", None);
    let undo = book
        .close_loop_with_note(
            first,
            Some("Thanks anyway"),
            day("2026-11-30"),
            at("2026-11-30"),
        )
        .unwrap();
    let note = book.reach_outs.last().unwrap().id;
    // Meanwhile (in this tab or another), the first message's note was changed.
    book.reach_outs[0].note = "Edited since".into();
    book.undo(undo);
    assert_eq!(book.reach_outs.len(), 1);
    assert_eq!(
        book.reach_outs[0].note, "Edited since",
        "the later change is kept"
    );
    assert_eq!(book.reach_outs[0].outcome, Outcome::Awaiting);
    assert!(!book.reach_outs.iter().any(|r| r.id == note));

    // A last note that has been followed up since stays when the closing is undone.
    let undo = book
        .close_loop_with_note(
            first,
            Some("Thanks anyway"),
            day("2026-11-30"),
            at("2026-11-30"),
        )
        .unwrap();
    let note = book.reach_outs.last().unwrap().id;
    reach(&mut book, ana, "2026-12-01", Some(note));
    book.undo(undo);
    assert!(book.reach_outs.iter().any(|r| r.id == note));
}

#[test]
fn a_refused_log_changes_nothing_even_halfway() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana Lima", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-02", None);
    book.next_id = reachout::model::Limits::MAX_ID + 1;
    let before = book.clone();
    assert!(matches!(
        book.close_loop_with_note(first, Some("Last"), day("2026-11-30"), at("2026-11-30")),
        Err(ModelError::OutOfIds)
    ));
    assert_eq!(
        book, before,
        "the first message is not marked unanswered by a refused follow-up"
    );
}

#[test]
fn reaching_out_after_a_near_miss_closes_it_and_a_followed_up_silence_asks_no_check_in() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana Lima", "2026-11-01");
    book.note_near_miss(Some(ana), "Froze", day("2026-11-02"), at("2026-11-02"))
        .unwrap();
    let first = reach(&mut book, ana, "2026-11-03", None);
    assert!(book.open_near_misses().is_empty());
    assert_eq!(book.near_misses[0].reached, Some(first));

    // The follow-up marks the first as unanswered; the thread goes on, so no "does it sting?".
    reach(&mut book, ana, "2026-11-10", Some(first));
    assert!(book.check_ins_due(day("2026-11-12")).is_empty());
}

#[test]
fn a_last_try_that_was_the_kind_last_note_needs_no_second_one() {
    let mut book = Book::default();
    let ana = person(&mut book, "Dr. Ana Lima", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-02", None);
    assert!(
        !book.sent_last_note(first),
        "an empty note is not the last note"
    );
    let note = book.last_note_for(ana);
    assert!(note.starts_with("Hi Ana,"), "{note}");
    let draft = reachout::model::ReachOutDraft {
        channel: Some(reachout::model::Channel::Email),
        date: "2026-11-10".into(),
        note: note.replace('\n', " \n "),
        follows_up: Some(first),
        before: Default::default(),
    };
    let last = book
        .log_reach_out(ana, &draft, day("2026-11-10"), common::at("2026-11-10"))
        .unwrap();
    assert!(book.sent_last_note(last));
    assert!(!book.sent_last_note(first));
}

#[test]
fn a_near_miss_about_someone_new_adds_them_in_one_step() {
    let mut book = Book::default();
    let id = book
        .note_near_miss(
            None,
            "Froze before writing to the new neighbour",
            day("2026-11-20"),
            at("2026-11-20"),
        )
        .unwrap();
    let refused = book.add_contact_for_near_miss(id, &named("   "), at("2026-11-21"));
    assert!(refused.is_err());
    assert!(
        book.contacts.is_empty(),
        "nothing added when the name is refused"
    );
    let lena = book
        .add_contact_for_near_miss(id, &named("Lena Park"), at("2026-11-21"))
        .unwrap();
    assert_eq!(book.near_misses[0].contact, Some(lena));
    assert!(book.near_misses[0].is_open(), "still to reach out");
    // Once about someone, it is not about someone else.
    assert!(book
        .add_contact_for_near_miss(id, &named("Other"), at("2026-11-21"))
        .is_err());
    assert_eq!(book.contacts.len(), 1);
}
