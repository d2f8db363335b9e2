//! Evidence that agrees with itself: a property test over generated books (every outcome,
//! predictions in words and percentages, closed loops, follow-ups and same-day reach-outs)
//! that every figure agrees with itself, with the records it opens to, and with Today's week
//! card.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashSet;

use proptest::prelude::*;
use reachout::model::insights::{Answer, Figure, Period, Settled, BUCKETS};
use reachout::model::{
    BeforeDraft, Book, Channel, Expectation, Outcome, OutcomeDraft, ReachOutDraft, ReachOutId,
    StingGuess,
};

use common::{at, day, person};

fn ids(book: &Book, figure: Figure, period: Period, today: &str) -> Vec<ReachOutId> {
    book.records_of(figure, period, day(today))
        .into_iter()
        .map(|(r, _)| r.id)
        .collect()
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
