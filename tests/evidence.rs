//! Evidence a scared person can believe: the cases that once made Insights contradict itself,
//! each pinned down, and a property test over generated books that every figure agrees with
//! itself, with the records it opens to, and with Today's week card.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashSet;

use proptest::prelude::*;
use reachout::model::courage_words::{against_prediction, week_lead};
use reachout::model::insights::{Answer, Figure, Period, Settled, BUCKETS};
use reachout::model::{
    BeforeDraft, Book, Channel, Expectation, Outcome, OutcomeDraft, ReachOutDraft, ReachOutId,
    StingGuess,
};

use common::{at, day, person};

fn log(
    book: &mut Book,
    contact: reachout::model::ContactId,
    date: &str,
    before: BeforeDraft,
    channel: Channel,
    follows_up: Option<ReachOutId>,
) -> ReachOutId {
    let draft = ReachOutDraft {
        channel: Some(channel),
        date: date.into(),
        note: String::new(),
        follows_up,
        before,
    };
    book.log_reach_out(contact, &draft, day(date), at(date))
        .unwrap()
}

fn answer(book: &mut Book, id: ReachOutId, outcome: Outcome, date: &str) {
    let draft = OutcomeDraft {
        outcome: Some(outcome),
        date: date.into(),
        note: String::new(),
    };
    book.record_outcome(id, &draft, day(date)).unwrap();
}

fn expecting(expect: Expectation) -> BeforeDraft {
    BeforeDraft {
        expect: Some(expect),
        ..BeforeDraft::default()
    }
}

fn chance(percent: &str) -> BeforeDraft {
    BeforeDraft {
        yes_chance: percent.into(),
        ..BeforeDraft::default()
    }
}

fn all_time(today: &str) -> Period {
    Period::all_time(day(today))
}

fn ids(book: &Book, figure: Figure, period: Period, today: &str) -> Vec<ReachOutId> {
    book.records_of(figure, period, day(today))
        .into_iter()
        .map(|(r, _)| r.id)
        .collect()
}

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
        let Ok(reachout::format::import::Read::Known(_, incoming)) =
            reachout::format::import::read(name, text.as_bytes())
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
    book.sort_reply(replies[0], Outcome::Accepted, today)
        .unwrap();
    book.sort_reply(replies[1], Outcome::Replied { sorted: true }, today)
        .unwrap();
    assert!(
        book.sort_reply(replies[1], Outcome::Declined, today)
            .is_err(),
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

// The property test: generated books with every outcome, predictions in words and
// percentages, closed loops, follow-ups and same-day reach-outs.

#[derive(Clone, Debug)]
struct Step {
    contact: usize,
    day: u64,
    channel: usize,
    outcome: Option<usize>,
    expect: Option<usize>,
    chance: Option<u32>,
    sting: Option<usize>,
    follow: bool,
    close: bool,
}

fn outcomes() -> Vec<Outcome> {
    let mut all: Vec<Outcome> = Outcome::CHOICES.to_vec();
    all.push(Outcome::Replied { sorted: false });
    all
}

fn step() -> impl Strategy<Value = Step> {
    (
        0usize..4,
        0u64..40,
        0usize..7,
        prop::option::of(0usize..14),
        prop::option::of(0usize..3),
        prop::option::of(0u32..=100),
        prop::option::of(0usize..4),
        any::<bool>(),
        prop::bool::weighted(0.15),
    )
        .prop_map(
            |(contact, day, channel, outcome, expect, chance, sting, follow, close)| Step {
                contact,
                day,
                channel,
                outcome,
                expect,
                chance,
                sting,
                follow,
                close,
            },
        )
}

fn build(steps: &[Step], goal: Option<u32>) -> (Book, chrono::NaiveDate) {
    let start = day("2026-09-01");
    let today = day("2026-10-25");
    let mut book = Book::default();
    book.settings.weekly_goal = goal;
    let people: Vec<_> = (0..4)
        .map(|i| person(&mut book, &format!("P{i}"), "2026-08-01"))
        .collect();
    let mut steps = steps.to_vec();
    steps.sort_by_key(|s| s.day);
    let mut last: Vec<Option<(ReachOutId, chrono::NaiveDate)>> = vec![None; 4];
    for s in steps {
        let date = start.checked_add_days(chrono::Days::new(s.day)).unwrap();
        let text = date.format("%Y-%m-%d").to_string();
        let before = BeforeDraft {
            expect: s.expect.map(|i| Expectation::ALL[i]),
            yes_chance: s.chance.map(|c| c.to_string()).unwrap_or_default(),
            sting: s.sting.map(|i| StingGuess::ALL[i]),
            ..BeforeDraft::default()
        };
        let follows = if s.follow {
            last[s.contact].map(|(id, _)| id)
        } else {
            None
        };
        let draft = ReachOutDraft {
            channel: Some(Channel::ALL[s.channel]),
            date: text.clone(),
            note: String::new(),
            follows_up: follows,
            before,
        };
        let id = book
            .log_reach_out(people[s.contact], &draft, today, at(&text))
            .unwrap();
        last[s.contact] = Some((id, date));
        if let Some(o) = s.outcome {
            let outcome = outcomes()[o];
            let draft = OutcomeDraft {
                outcome: Some(outcome),
                date: text.clone(),
                note: "words".into(),
            };
            book.record_outcome(id, &draft, today).unwrap();
        }
        if s.close {
            book.close_loop(id).unwrap();
        }
    }
    (book, today)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_figure_agrees_with_itself_and_with_its_records(
        steps in prop::collection::vec(step(), 0..40),
        goal in prop::option::of(1u32..6),
        weeks in prop::option::of(1u64..8),
    ) {
        let (book, today) = build(&steps, goal);
        let period = match weeks {
            Some(n) => Period::last_weeks(n, today),
            None => Period::all_time(today),
        };
        let i = book.insights(period, today);
        let in_period: Vec<_> = book.reach_outs.iter().filter(|r| period.contains(r.date)).collect();
        // Outcome counts add up to the reach-outs.
        prop_assert_eq!(i.reach_outs, in_period.len());
        prop_assert_eq!(Answer::ALL.iter().map(|a| i.answered(*a)).sum::<usize>(), i.reach_outs);
        // Every drill-down list has exactly the figure's count, and only reach-outs of the period.
        for (figure, n) in i.counts.figures() {
            let list = book.records_of(figure, period, today);
            prop_assert_eq!(list.len(), n, "{:?}", figure);
            prop_assert!(list.iter().all(|(r, _)| period.contains(r.date)));
        }
        // "Expected X, got X" equals the records listed, and the words add up.
        for expect in Expectation::ALL {
            let all = i.count(Figure::Expected(expect));
            let parts: usize = Settled::ALL.iter().map(|g| i.count(Figure::ExpectedGot(expect, *g))).sum();
            prop_assert_eq!(all, parts);
            for got in Settled::ALL {
                let listed = book.records_of(Figure::ExpectedGot(expect, got), period, today);
                prop_assert!(listed.iter().all(|(r, a)| r.before.expect == Some(expect)
                    && r.before.yes_chance.is_none() && a.settled() == Some(got)));
            }
        }
        // Silence as defined appears in every place it is counted.
        let silent: HashSet<ReachOutId> = ids(&book, Figure::Answer(Answer::Silence), period, "2026-10-25")
            .into_iter().collect();
        let no_answer_in_words: usize = Expectation::ALL.iter()
            .map(|e| i.count(Figure::ExpectedGot(*e, Settled::NoAnswer))).sum();
        let silent_with_words = in_period.iter().filter(|r| silent.contains(&r.id)
            && r.before.expect.is_some() && r.before.yes_chance.is_none()).count();
        prop_assert_eq!(no_answer_in_words, silent_with_words);
        let noes: HashSet<ReachOutId> = [None].into_iter().chain(StingGuess::ALL.map(Some))
            .flat_map(|g| ids(&book, Figure::Noes(g), period, "2026-10-25")).collect();
        prop_assert!(silent.is_subset(&noes));
        prop_assert_eq!(i.all_fades.count, noes.len());
        let settled_predicted = in_period.iter().filter(|r| r.before.predicted_yes().is_some()
            && !matches!(book.answers(today)[&r.id], Answer::Awaiting | Answer::Connected | Answer::Replied)).count();
        prop_assert_eq!(i.predicted.got.whole, settled_predicted);
        let buckets: usize = (0..BUCKETS.len()).map(|b| i.count(Figure::Bucket(b))).sum();
        prop_assert!(buckets <= i.predicted.got.whole);
        // The funnel only narrows; nothing connected or awaiting counts as a reply.
        let funnel = i.counts.funnel();
        prop_assert!(funnel.windows(2).all(|w| w[0].1 >= w[1].1));
        prop_assert_eq!(funnel[0].1, i.reach_outs);
        // Today's week card, Insights and the report agree for the same period.
        let week = book.this_week(today);
        let same = book.insights(week.period, today);
        prop_assert_eq!(week.count, same.reach_outs);
        prop_assert_eq!(week.noes, same.answered(Answer::Declined));
        prop_assert_eq!(week.count, book.records_of(Figure::All, week.period, today).len());
        let last = book.last_weeks(1, today);
        prop_assert_eq!(last[0].count, week.count);
        prop_assert_eq!(week.strength.is_some(), goal.is_some());
    }
}
