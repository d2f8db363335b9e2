//! "Try again… and again": outcomes, follow-ups, stay-in-touch, snoozes, stages and the agenda
//! of the Today page, with the clock passed in so days can be moved at will.

mod common;

use chrono::Days;
use common::{at, day, person, reach};
use reachout::model::{
    Book, Channel, Degree, ModelError, Opportunity, Outcome, OutcomeDraft, OutcomeField,
    ReachOutDraft, ReachOutField, ReachOutId, Stage,
};

fn answer(book: &mut Book, id: ReachOutId, outcome: Outcome, date: &str) {
    let draft = OutcomeDraft {
        outcome: Some(outcome),
        date: date.into(),
        note: "noted".into(),
    };
    book.record_outcome(id, &draft, day(date)).unwrap();
}

#[test]
fn a_follow_up_falls_due_after_the_set_number_of_days() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-02", None);

    let agenda = book.agenda(day("2026-11-08"));
    assert!(agenda.follow_ups.is_empty());
    assert_eq!(agenda.awaiting.len(), 1);
    assert_eq!(agenda.awaiting[0].due, day("2026-11-09"));

    let agenda = book.agenda(day("2026-11-09"));
    assert_eq!(agenda.follow_ups.len(), 1);
    assert_eq!(
        (agenda.follow_ups[0].latest, agenda.follow_ups[0].tries),
        (first, 1)
    );
    assert!(agenda.awaiting.is_empty());

    book.settings.follow_up_days = 3;
    assert_eq!(book.agenda(day("2026-11-05")).follow_ups.len(), 1);
}

#[test]
fn due_items_show_how_late_they_are() {
    let due = day("2026-11-09");
    assert_eq!(Degree::of(due, due), Degree::Due);
    assert_eq!(Degree::of(due, day("2026-11-10")), Degree::Overdue);
    assert_eq!(Degree::of(due, day("2026-11-15")), Degree::Overdue);
    assert_eq!(Degree::of(due, day("2026-11-16")), Degree::LongOverdue);
    // The badge leads gently; the precise lateness is still said beside it.
    assert_eq!(Degree::Overdue.headline(), "Ready for a gentle nudge");
    assert_eq!(Degree::LongOverdue.headline(), "Ready for a gentle nudge");
    assert_eq!(Degree::Due.headline(), "Due today");
    assert_eq!(Degree::precise(due, due), "due today");
    assert_eq!(
        Degree::precise(due, day("2026-11-10")),
        "1 day past the date you planned"
    );
    assert_eq!(
        Degree::precise(due, day("2026-11-16")),
        "7 days past the date you planned"
    );
}

#[test]
fn the_follow_up_ladder_climbs_then_suggests_closing_the_loop() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-02", None);
    let second = reach(&mut book, ana, "2026-11-09", Some(first));

    // Following up records that the first got no answer, and the thread goes on from the second.
    let original = book.reach_outs.iter().find(|r| r.id == first).unwrap();
    assert_eq!(
        (original.outcome, original.outcome_date),
        (Outcome::NoResponse, Some(day("2026-11-09")))
    );
    assert_eq!(book.thread_root(second), first);
    let agenda = book.agenda(day("2026-11-16"));
    assert_eq!(
        (agenda.follow_ups[0].latest, agenda.follow_ups[0].tries),
        (second, 2)
    );

    let third = reach(&mut book, ana, "2026-11-16", Some(second));
    let agenda = book.agenda(day("2026-11-23"));
    assert!(
        agenda.follow_ups.is_empty(),
        "after three tries the app stops nagging"
    );
    assert_eq!(agenda.close_the_loop.len(), 1);
    assert_eq!(
        (
            agenda.close_the_loop[0].latest,
            agenda.close_the_loop[0].tries
        ),
        (third, 3)
    );
    assert_eq!(book.stages()[&ana], Stage::Waiting);

    // The user may still go on.
    let fourth = reach(&mut book, ana, "2026-11-23", Some(third));
    assert_eq!(
        book.agenda(day("2026-11-30")).close_the_loop[0].latest,
        fourth
    );

    book.close_loop(fourth).unwrap();
    let agenda = book.agenda(day("2026-12-30"));
    assert!(
        agenda.follow_ups.is_empty()
            && agenda.close_the_loop.is_empty()
            && agenda.awaiting.is_empty()
    );
    assert_eq!(book.stages()[&ana], Stage::GoneQuiet);
}

#[test]
fn an_answer_ends_the_follow_ups() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-02", None);
    answer(&mut book, first, Outcome::Accepted, "2026-11-03");
    let agenda = book.agenda(day("2026-12-01"));
    assert!(agenda.follow_ups.is_empty() && agenda.awaiting.is_empty());

    // "No response" keeps the thread open: trying again makes sense.
    let ben = person(&mut book, "Ben", "2026-11-01");
    let to_ben = reach(&mut book, ben, "2026-11-02", None);
    answer(&mut book, to_ben, Outcome::NoResponse, "2026-11-05");
    assert_eq!(book.agenda(day("2026-11-09")).follow_ups.len(), 1);
}

#[test]
fn snoozing_moves_a_follow_up_and_must_point_ahead() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-02", None);
    let today = day("2026-11-10");
    assert!(matches!(
        book.snooze_follow_up(first, today, today),
        Err(ModelError::SnoozeDay)
    ));
    book.snooze_follow_up(first, day("2026-11-17"), today)
        .unwrap();
    assert!(book.agenda(today).follow_ups.is_empty());
    assert_eq!(book.agenda(today).awaiting[0].due, day("2026-11-17"));
    assert_eq!(book.agenda(day("2026-11-17")).follow_ups.len(), 1);
}

#[test]
fn stay_in_touch_is_due_when_the_last_contact_is_older_than_the_rhythm() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    book.set_stay_in_touch(ana, Some(30)).unwrap();
    // Never contacted: counted from the day she was added.
    assert!(book.agenda(day("2026-10-30")).stay_in_touch.is_empty());
    let due = book.agenda(day("2026-10-31")).stay_in_touch;
    assert_eq!(
        (due[0].contact, due[0].due, due[0].last),
        (ana, day("2026-10-31"), None)
    );

    let talk = reach(&mut book, ana, "2026-11-02", None);
    answer(
        &mut book,
        talk,
        Outcome::Met { clicked: true },
        "2026-11-02",
    );
    assert!(
        book.agenda(day("2026-11-20")).stay_in_touch.is_empty(),
        "logging resets the rhythm"
    );
    let due = book.agenda(day("2026-12-02")).stay_in_touch;
    assert_eq!(due[0].last, Some(day("2026-11-02")));

    book.snooze_stay_in_touch(ana, day("2026-12-09"), day("2026-12-02"))
        .unwrap();
    assert!(book.agenda(day("2026-12-08")).stay_in_touch.is_empty());
    assert_eq!(book.agenda(day("2026-12-09")).stay_in_touch.len(), 1);

    assert!(book.set_stay_in_touch(ana, Some(0)).is_err());
    assert!(book.set_stay_in_touch(ana, Some(366)).is_err());
    book.set_stay_in_touch(ana, None).unwrap();
    assert!(book.agenda(day("2027-06-01")).stay_in_touch.is_empty());
}

#[test]
fn archived_contacts_leave_the_agenda() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    reach(&mut book, ana, "2026-11-02", None);
    book.contacts[0].archived = true;
    assert_eq!(book.agenda(day("2026-12-01")), Default::default());
    assert_eq!(book.stages()[&ana], Stage::Archived);
}

#[test]
fn the_suggestion_is_the_longest_waiting_contact_never_reached() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    let ben = person(&mut book, "Ben", "2026-10-01");
    let carla = person(&mut book, "Carla", "2026-09-01");
    reach(&mut book, carla, "2026-11-02", None);
    assert_eq!(book.agenda(day("2026-11-03")).suggestion, Some(ben));
    reach(&mut book, ben, "2026-11-02", None);
    assert_eq!(book.agenda(day("2026-11-03")).suggestion, Some(ana));
    reach(&mut book, ana, "2026-11-02", None);
    assert_eq!(book.agenda(day("2026-11-03")).suggestion, None);
}

#[test]
fn the_stage_follows_the_history() {
    let mut book = Book::default();
    let stage_after = |book: &mut Book, outcome: Option<Outcome>| {
        let id = person(book, "Someone", "2026-11-01");
        let first = reach(book, id, "2026-11-02", None);
        if let Some(outcome) = outcome {
            answer(book, first, outcome, "2026-11-04");
        }
        book.stages()[&id]
    };
    assert_eq!(stage_after(&mut book, None), Stage::Waiting);
    assert_eq!(
        stage_after(&mut book, Some(Outcome::Accepted)),
        Stage::Replied
    );
    assert_eq!(
        stage_after(&mut book, Some(Outcome::Met { clicked: false })),
        Stage::Met
    );
    assert_eq!(
        stage_after(&mut book, Some(Outcome::Opportunity(Opportunity::Client))),
        Stage::Opportunity
    );
    assert_eq!(
        stage_after(&mut book, Some(Outcome::Declined)),
        Stage::Declined
    );
    let new = person(&mut book, "New", "2026-11-01");
    assert_eq!(book.stages()[&new], Stage::New);
}

#[test]
fn a_yes_outranks_a_later_no() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-02", None);
    answer(
        &mut book,
        first,
        Outcome::Met { clicked: true },
        "2026-11-05",
    );
    let later = reach(&mut book, ana, "2026-11-20", None);
    answer(&mut book, later, Outcome::Declined, "2026-11-21");
    assert_eq!(book.stages()[&ana], Stage::Met);
}

#[test]
fn an_outcome_cannot_come_before_its_reach_out_or_in_the_future() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-10", None);
    let before = book.clone();
    let today = day("2026-11-12");
    let refused = |book: &mut Book, outcome: Option<Outcome>, date: &str| {
        let draft = OutcomeDraft {
            outcome,
            date: date.into(),
            note: String::new(),
        };
        match book.record_outcome(first, &draft, today) {
            Err(ModelError::InvalidOutcome(errors)) => errors.fields().collect::<Vec<_>>(),
            other => panic!("expected a refusal, got {other:?}"),
        }
    };
    assert_eq!(
        refused(&mut book, Some(Outcome::Declined), "2026-11-09"),
        [OutcomeField::Date]
    );
    assert_eq!(
        refused(&mut book, Some(Outcome::Declined), "2026-11-13"),
        [OutcomeField::Date]
    );
    assert_eq!(
        refused(&mut book, Some(Outcome::Declined), "soon"),
        [OutcomeField::Date]
    );
    assert_eq!(
        refused(&mut book, None, "2026-11-11"),
        [OutcomeField::Outcome]
    );
    assert_eq!(book, before, "a refused outcome changes nothing");

    let message = {
        let draft = OutcomeDraft {
            outcome: Some(Outcome::Accepted),
            date: "2026-11-09".into(),
            note: String::new(),
        };
        book.record_outcome(first, &draft, today).unwrap_err()
    };
    let ModelError::InvalidOutcome(errors) = message else {
        unreachable!()
    };
    assert_eq!(
        errors.get(OutcomeField::Date),
        Some("The answer can't come before you reached out (10 Nov 2026).")
    );
}

#[test]
fn going_back_to_awaiting_clears_the_answer() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-02", None);
    answer(&mut book, first, Outcome::Declined, "2026-11-03");
    let draft = OutcomeDraft {
        outcome: Some(Outcome::Awaiting),
        date: String::new(),
        note: "x".into(),
    };
    book.record_outcome(first, &draft, day("2026-11-04"))
        .unwrap();
    let r = &book.reach_outs[0];
    assert_eq!(
        (r.outcome, r.outcome_date, r.outcome_note.as_str()),
        (Outcome::Awaiting, None, "")
    );
}

#[test]
fn a_follow_up_must_come_after_a_reach_out_of_the_same_contact() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    let ben = person(&mut book, "Ben", "2026-11-01");
    let first = reach(&mut book, ana, "2026-11-10", None);
    let today = day("2026-11-20");
    let early = ReachOutDraft {
        channel: Some(Channel::Phone),
        date: "2026-11-09".into(),
        note: String::new(),
        follows_up: Some(first),
        before: Default::default(),
    };
    match book.log_reach_out(ana, &early, today, at("2026-11-20")) {
        Err(ModelError::InvalidReachOut(errors)) => assert_eq!(
            errors.get(ReachOutField::Date),
            Some("A follow-up can't be dated before the reach-out it follows up (10 Nov 2026).")
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let elsewhere = ReachOutDraft {
        date: "2026-11-12".into(),
        ..early
    };
    assert_eq!(
        book.log_reach_out(ben, &elsewhere, today, at("2026-11-20")),
        Err(ModelError::UnknownReachOut(first))
    );
    assert_eq!(book.reach_outs.len(), 1);
    assert_eq!(
        book.reach_outs[0].outcome,
        Outcome::Awaiting,
        "a refused follow-up changes nothing"
    );
}

#[test]
fn thousands_of_contacts_get_an_agenda_without_quadratic_work() {
    let mut book = Book::default();
    let start = day("2026-01-01");
    for i in 0..3_000u64 {
        let id = person(&mut book, &format!("Person {i}"), "2026-01-01");
        let date = start + Days::new(i % 300);
        let first = reach(&mut book, id, &date.to_string(), None);
        reach(
            &mut book,
            id,
            &(date + Days::new(7)).to_string(),
            Some(first),
        );
    }
    let agenda = book.agenda(day("2026-12-31"));
    assert_eq!(agenda.follow_ups.len(), 3_000);
    assert_eq!(book.stages().len(), 3_000);
}

#[test]
fn a_newer_reach_out_to_the_same_person_supersedes_an_older_unanswered_one() {
    let mut book = Book::default();
    let chiara = person(&mut book, "Chiara", "2026-10-01");
    let old = reach(&mut book, chiara, "2026-11-02", None);
    answer(&mut book, old, Outcome::NoResponse, "2026-11-09");
    // A new conversation, not logged as a follow-up, later declined.
    let newer = reach(&mut book, chiara, "2026-11-20", None);
    let agenda = book.agenda(day("2026-11-25"));
    assert!(agenda.follow_ups.is_empty(), "{:?}", agenda.follow_ups);
    assert_eq!(agenda.awaiting.len(), 1);
    assert_eq!(agenda.awaiting[0].latest, newer);
    answer(&mut book, newer, Outcome::Declined, "2026-11-21");
    let agenda = book.agenda(day("2026-11-27"));
    assert!(agenda.follow_ups.is_empty() && agenda.awaiting.is_empty());
    assert!(agenda.close_the_loop.is_empty());
}

#[test]
fn a_threads_state_has_one_set_of_words_and_tones() {
    use reachout::model::{Degree, ThreadState, Tone};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let in_five = today + chrono::Duration::days(5);
    let waiting = ThreadState::of(in_five, false, today);
    assert_eq!(waiting, ThreadState::Waiting { due: in_five });
    assert_eq!(waiting.phrase(today), "follow-up in 5 days");
    assert_eq!(
        (waiting.heading(), waiting.tone()),
        ("Waiting for an answer", Tone::Calm)
    );
    let late = ThreadState::of(today - chrono::Duration::days(3), false, today);
    assert_eq!(late, ThreadState::FollowUp(Degree::Overdue));
    assert_eq!(late.phrase(today), "follow-up ready for a gentle nudge");
    assert_eq!(late.tone(), Tone::Nudge);
    assert_eq!(ThreadState::of(today, false, today).tone(), Tone::Due);
    let done = ThreadState::of(in_five, true, today);
    assert_eq!(done.phrase(today), "time to close the loop");
    assert_eq!(done.heading(), "Time to close the loop");
}

#[test]
fn one_rule_orders_a_thread_for_every_door() {
    use reachout::model::{ContactId, ReachOutId, ThreadPlace};
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let place = |contact, d, id| ThreadPlace {
        contact: ContactId(contact),
        date: day(d),
        id: ReachOutId(id),
    };
    let first = place(1, 10, 5);
    assert!(place(1, 11, 6).may_follow(first), "a later day");
    assert!(
        place(1, 10, 6).may_follow(first),
        "the same day, a later id"
    );
    assert!(
        !place(1, 10, 4).may_follow(first),
        "the same day, an earlier id"
    );
    assert!(!place(1, 9, 9).may_follow(first), "an earlier day");
    assert!(!place(2, 11, 6).may_follow(first), "another person");
    assert!(!first.may_follow(first), "not itself");
}
