//! Evidence a scared person can believe: the cases that once made Insights contradict itself,
//! each pinned down. The property test over generated books is in `evidence_properties.rs`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use reachout::model::courage_words::{against_prediction, week_lead};
use reachout::model::insights::{Answer, Figure, Period, Settled};
use reachout::model::{BeforeDraft, Book, Channel, Expectation, Outcome, ReachOutId};

use common::{all_time, answer, at, chance, day, expecting, person, reach_with as log};

/// Case 1: "no answer came 0 %" beside "No response 2", and a never-answered one called answered.
#[test]
fn expected_and_got_are_counted_over_the_same_reach_outs() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    let ben = person(&mut book, "Ben", "2026-10-01");
    let cy = person(&mut book, "Cy", "2026-10-01");
    let a = log(
        &mut book,
        ana,
        "2026-11-02",
        expecting(Expectation::Ignored),
        Channel::Email,
        None,
    );
    answer(&mut book, a, Outcome::Accepted, "2026-11-03");
    let b = log(
        &mut book,
        ben,
        "2026-11-02",
        expecting(Expectation::No),
        Channel::Email,
        None,
    );
    answer(&mut book, b, Outcome::Declined, "2026-11-03");
    // A 30 % guess that never got an answer: tried three times, past the last try.
    let c1 = log(
        &mut book,
        cy,
        "2026-11-02",
        chance("30"),
        Channel::Email,
        None,
    );
    let c2 = log(
        &mut book,
        cy,
        "2026-11-09",
        BeforeDraft::default(),
        Channel::Email,
        Some(c1),
    );
    let c3 = log(
        &mut book,
        cy,
        "2026-11-16",
        BeforeDraft::default(),
        Channel::Email,
        Some(c2),
    );
    let today = "2026-11-30";
    let i = book.insights(all_time(today), day(today));
    let answers = book.answers(day(today));
    assert_eq!(
        answers[&c3],
        Answer::Silence,
        "past the last try is no answer"
    );
    assert_eq!(answers[&c1], Answer::Silence);
    // "You expected no answer 1 time: they said yes 1 time"; no "50 % / 0 %" pair.
    assert_eq!(i.count(Figure::Expected(Expectation::Ignored)), 1);
    assert_eq!(
        i.count(Figure::ExpectedGot(Expectation::Ignored, Settled::Yes)),
        1
    );
    assert_eq!(
        i.count(Figure::ExpectedGot(Expectation::Ignored, Settled::NoAnswer)),
        0
    );
    assert_eq!(
        i.count(Figure::ExpectedGot(Expectation::No, Settled::No)),
        1
    );
    // The silent one counts as no answer wherever silence is counted, and is not "answered"
    // as a yes or a no.
    assert_eq!(i.answered(Answer::Silence), 3);
    assert_eq!(i.count(Figure::Bucket(1)), 1);
    assert_eq!(i.count(Figure::BucketYes(1)), 0);
    assert_eq!(i.predicted.got.whole, 3);
    assert_eq!(i.predicted.got.part, 1);
}

/// Case 2: a loop closed without a note still counted as awaiting.
#[test]
fn a_loop_closed_without_a_note_is_no_answer() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    let first = log(
        &mut book,
        ana,
        "2026-11-02",
        BeforeDraft::default(),
        Channel::Email,
        None,
    );
    book.close_loop_with_note(first, None, day("2026-11-20"), at("2026-11-20"))
        .unwrap();
    let i = book.insights(all_time("2026-11-20"), day("2026-11-20"));
    assert_eq!(i.answered(Answer::Awaiting), 0);
    assert_eq!(i.answered(Answer::Silence), 1);
}

/// Case 3: an e-mail, then a call, the same day: the e-mail is not "no reply" yet.
#[test]
fn a_second_reach_out_the_same_day_leaves_the_first_waiting() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    let mail = log(
        &mut book,
        ana,
        "2026-11-20",
        BeforeDraft::default(),
        Channel::Email,
        None,
    );
    let call = log(
        &mut book,
        ana,
        "2026-11-20",
        BeforeDraft::default(),
        Channel::Phone,
        None,
    );
    let answers = book.answers(day("2026-11-21"));
    assert_eq!(answers[&mail], Answer::Awaiting);
    assert_eq!(answers[&call], Answer::Awaiting);
    // A reach-out on a later day does mean the first went unanswered.
    let later = log(
        &mut book,
        ana,
        "2026-11-23",
        BeforeDraft::default(),
        Channel::Text,
        None,
    );
    let answers = book.answers(day("2026-11-23"));
    assert_eq!(answers[&mail], Answer::Silence);
    assert_eq!(answers[&later], Answer::Awaiting);
}

/// Case 4: a prediction in words is said back in words, never as "a 0 % chance".
#[test]
fn the_after_card_says_what_the_person_said() {
    let before = reachout::model::Before {
        expect: Some(Expectation::Ignored),
        ..Default::default()
    };
    assert_eq!(
        against_prediction(Outcome::Accepted, &before).as_deref(),
        Some("You expected no answer; they said yes.")
    );
    let chance = reachout::model::Before {
        yes_chance: Some(0),
        ..Default::default()
    };
    assert_eq!(
        against_prediction(Outcome::Declined, &chance).as_deref(),
        Some("You gave it a 0 % chance of a yes; they said no.")
    );
}

/// Case 5: the job seeker's LinkedIn history has no yes until the replies are sorted.
#[test]
fn an_imported_history_shows_no_yes_until_the_person_sorts_the_replies() {
    let mut all = reachout::model::Incoming::default();
    for path in [
        "linkedin/Connections.csv",
        "linkedin/Invitations.csv",
        "linkedin/messages.csv",
    ] {
        let (text, _) = common::fixture(path);
        let name = path.rsplit('/').next().unwrap();
        let Ok(reachout::format::import_files::Read::Known(_, incoming)) =
            reachout::format::import_files::read(name, text.as_bytes())
        else {
            panic!("{path} not read");
        };
        all.extend(incoming);
    }
    let today = day("2026-11-29");
    let plan = Book::default().plan_import(all, today);
    let (mut book, _) = Book::default()
        .apply_import(&plan, &plan.proposed(), at("2026-11-29"))
        .unwrap();
    let i = book.insights(Period::all_time(today), today);
    assert_eq!(i.reach_outs, 6);
    assert_eq!(i.count(Figure::Step(2)), 0, "no yes before sorting");
    assert_eq!(i.answered(Answer::Connected), 2);
    assert_eq!(i.answered(Answer::Replied), 2);
    assert!(
        i.wall.is_empty(),
        "no acceptance on the wall of good replies"
    );
    // Sorting: Ada's "happy to!" was a yes; Dana's "maybe in spring" is not yet either.
    let replies: Vec<ReachOutId> = book
        .reach_outs
        .iter()
        .filter(|r| r.outcome.is_unsorted_reply())
        .map(|r| r.id)
        .collect();
    assert_eq!(replies.len(), 2);
    book.sort_reply(replies[0], Outcome::Accepted).unwrap();
    book.sort_reply(replies[1], Outcome::Replied { sorted: true })
        .unwrap();
    assert!(
        book.sort_reply(replies[1], Outcome::Declined).is_err(),
        "sorted once"
    );
    let i = book.insights(Period::all_time(today), today);
    assert_eq!(i.count(Figure::Step(2)), 1);
    assert_eq!(i.answered(Answer::Replied), 1);
    assert_eq!(i.wall.len(), 1);
}

/// Case 6: the week card never mixes last week or all time under "This week".
#[test]
fn the_week_card_is_this_week_only() {
    let mut book = Book::default();
    book.settings.weekly_goal = Some(2);
    let ana = person(&mut book, "Ana", "2026-10-01");
    for date in ["2026-11-17", "2026-11-18", "2026-11-19"] {
        let id = log(
            &mut book,
            ana,
            date,
            BeforeDraft::default(),
            Channel::Email,
            None,
        );
        answer(&mut book, id, Outcome::Accepted, date);
    }
    let week = book.this_week(day("2026-11-24"));
    let lead = week_lead(&week);
    assert!(
        !lead.contains("Last week") && !lead.contains("so far"),
        "{lead}"
    );
    assert_eq!(week.count, 0);
    assert_eq!(
        week.period,
        Period {
            from: day("2026-11-23"),
            to: day("2026-11-24")
        }
    );
}

/// Case 7: no goal and no strength the person never chose; the strength in one plain sentence.
#[test]
fn no_goal_or_strength_before_the_person_chooses_a_goal() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    for date in ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-10"] {
        log(
            &mut book,
            ana,
            date,
            BeforeDraft::default(),
            Channel::Email,
            None,
        );
    }
    let week = book.this_week(day("2026-11-12"));
    assert_eq!((week.goal, week.strength), (None, None));
    assert_eq!(book.strength(day("2026-11-12")), None);
    assert!(book
        .last_weeks(4, day("2026-11-12"))
        .iter()
        .all(|w| w.goal.is_none() && !w.met()));
    book.settings.choose_goal("2").unwrap();
    assert!(book.strength(day("2026-11-12")).is_some());
    let sentence = reachout::model::courage_words::STRENGTH_SENTENCE;
    assert!(!sentence.contains("fifth") && sentence.split(". ").count() == 1);
}
