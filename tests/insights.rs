//! The courage loop's numbers, each against a figure worked out by hand: predicted against
//! actual, the sting, fear before and after, weeks against the goal, the strength score, the
//! ladder, and the funnel. Also the near misses and templates the loop relies on.

mod common;

use reachout::model::insights::{strength, Answer, Figure, Period, Settled, Week};
use reachout::model::{
    BeforeDraft, Book, Channel, CheckIn, CheckInDue, ContactDraft, ContactId, Expectation,
    ModelError, Outcome, OutcomeDraft, ReachOutDraft, ReachOutId, StingGuess, WeekStart,
};

use common::{all_time, answer, at, chance, day, expecting, named, person};

/// Logs a first reach-out on `date` by `channel`.
fn log(
    book: &mut Book,
    contact: ContactId,
    date: &str,
    channel: Channel,
    before: BeforeDraft,
) -> ReachOutId {
    common::reach_with(book, contact, date, before, channel, None)
}

/// A before-step with a yes `percent` per cent likely and a fear from 0 to 10.
fn chance_and_fear(percent: &str, fear: &str) -> BeforeDraft {
    BeforeDraft {
        fear: fear.into(),
        ..chance(percent)
    }
}

#[test]
fn an_empty_record_has_no_numbers_and_no_divisions_by_zero() {
    let book = Book::default();
    let today = day("2026-11-27");
    let insights = book.insights(all_time("2026-11-27"), today);
    assert_eq!(insights.reach_outs, 0);
    assert_eq!(insights.predicted.got.percent(), None);
    assert_eq!(insights.paired_fear.tenths(), None);
    assert_eq!(insights.paired_fear.text(), "–");
    assert_eq!(insights.counts.funnel()[0], ("Reached out", 0));
    assert!(insights.wall.is_empty() && insights.fades.is_empty());
    // No goal chosen: no strength either.
    assert_eq!(book.strength(today), None);
    assert!(book.weeks(today).is_empty());
    let week = book.this_week(today);
    assert_eq!(
        (week.count, week.noes, week.goal, week.strength),
        (0, 0, None, None)
    );
    assert_eq!(book.ladder(today).easiest, None);
}

#[test]
fn one_prediction_and_one_answer() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-11-01");
    let id = log(
        &mut book,
        ana,
        "2026-11-20",
        Channel::Email,
        chance_and_fear("30", "7"),
    );
    answer(&mut book, id, Outcome::Accepted, "2026-11-21");
    let i = book.insights(all_time("2026-11-27"), day("2026-11-27"));
    assert_eq!(i.predicted.expected.rounded(), Some(30));
    assert_eq!(i.predicted.got.percent(), Some(100));
    // 30 % falls in the 21–40 bucket, the second.
    assert_eq!(i.buckets[1].got.whole, 1);
    assert_eq!(i.buckets.iter().map(|b| b.got.whole).sum::<usize>(), 1);
    assert_eq!(i.by_channel.len(), 1);
    assert_eq!(i.by_channel[0].0, Channel::Email);
    assert_eq!(i.fear_before.tenths(), Some(70));
    assert_eq!(i.paired, 0, "no feeling after yet");
}

#[test]
fn predicted_against_actual_by_channel_and_bucket() {
    // Six answered predictions: email (a no, a no, 20 %) and in person (a yes, 70 %, 90 %).
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    let plan = [
        (
            Channel::Email,
            expecting(Expectation::No),
            Outcome::Declined,
        ),
        (
            Channel::Email,
            expecting(Expectation::No),
            Outcome::Accepted,
        ),
        (
            Channel::Email,
            chance_and_fear("20", ""),
            Outcome::NoResponse,
        ),
        (
            Channel::InPerson,
            expecting(Expectation::Yes),
            Outcome::Accepted,
        ),
        (
            Channel::InPerson,
            chance_and_fear("70", ""),
            Outcome::Met { clicked: true },
        ),
        (
            Channel::InPerson,
            chance_and_fear("90", ""),
            Outcome::Declined,
        ),
    ];
    for (channel, before, outcome) in plan {
        let id = log(&mut book, ana, "2026-11-02", channel, before);
        answer(&mut book, id, outcome, "2026-11-03");
    }
    // Predictions missing on some reach-outs: counted in the outcomes, not in the calibration.
    let plain = log(
        &mut book,
        ana,
        "2026-11-04",
        Channel::Email,
        BeforeDraft::default(),
    );
    answer(&mut book, plain, Outcome::Accepted, "2026-11-05");
    // One still awaiting, with a prediction: not answered, so not compared.
    log(
        &mut book,
        ana,
        "2026-11-06",
        Channel::Email,
        expecting(Expectation::No),
    );

    let i = book.insights(all_time("2026-11-27"), day("2026-11-27"));
    assert_eq!(i.reach_outs, 8);
    // Expected: (0 + 0 + 20 + 100 + 70 + 90) / 6 = 46.67 → 47 %. Got: 3 of 6 = 50 %.
    assert_eq!(i.predicted.expected.rounded(), Some(47));
    assert_eq!((i.predicted.got.part, i.predicted.got.whole), (3, 6));
    assert_eq!(i.predicted.got.percent(), Some(50));
    // Email: expected (0 + 0 + 20) / 3 = 6.67 → 7 %, got 1 of 3 = 33 %.
    let email = i
        .by_channel
        .iter()
        .find(|(c, _)| *c == Channel::Email)
        .unwrap()
        .1;
    assert_eq!(email.expected.rounded(), Some(7));
    assert_eq!(email.got.percent(), Some(33));
    // In person: expected (100 + 70 + 90) / 3 = 86.67 → 87 %, got 2 of 3 = 67 %.
    let in_person = i
        .by_channel
        .iter()
        .find(|(c, _)| *c == Channel::InPerson)
        .unwrap()
        .1;
    assert_eq!(in_person.expected.rounded(), Some(87));
    assert_eq!(in_person.got.percent(), Some(67));
    // How sure you were takes the chances only: 0–20 holds 20 (no answer); 61–80 holds 70
    // (a yes); 81–100 holds 90 (a no).
    assert_eq!((i.buckets[0].got.part, i.buckets[0].got.whole), (0, 1));
    assert_eq!(i.buckets[0].expected.rounded(), Some(20));
    assert_eq!((i.buckets[3].got.part, i.buckets[3].got.whole), (1, 1));
    assert_eq!((i.buckets[4].got.part, i.buckets[4].got.whole), (0, 1));
    assert_eq!(i.buckets[4].expected.rounded(), Some(90));
    // Words are set against words: "a no" twice (a no, a yes), "a yes" once (a yes).
    assert_eq!(i.count(Figure::Expected(Expectation::No)), 2);
    assert_eq!(
        i.count(Figure::ExpectedGot(Expectation::No, Settled::No)),
        1
    );
    assert_eq!(
        i.count(Figure::ExpectedGot(Expectation::No, Settled::Yes)),
        1
    );
    assert_eq!(
        i.count(Figure::ExpectedGot(Expectation::Yes, Settled::Yes)),
        1
    );
    assert_eq!(i.count(Figure::Expected(Expectation::Ignored)), 0);
    // Outcomes and the funnel over all 8.
    assert_eq!(i.answered(Answer::Yes), 3);
    assert_eq!(i.answered(Answer::Met), 1);
    assert_eq!(i.answered(Answer::Declined), 2);
    assert_eq!(i.answered(Answer::Silence), 1);
    assert_eq!(i.answered(Answer::Awaiting), 1);
    assert_eq!(
        i.counts.funnel(),
        [
            ("Reached out", 8),
            ("Replied", 6),
            ("Yes", 4),
            ("Met", 1),
            ("Opportunity", 0)
        ]
    );
}

#[test]
fn when_every_answer_is_a_no_the_sting_is_measured_against_the_guess() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    let guesses = [StingGuess::WeekOrMore, StingGuess::Day, StingGuess::Hour];
    let mut ids = Vec::new();
    for guess in guesses {
        let before = BeforeDraft {
            expect: Some(Expectation::No),
            sting: Some(guess),
            fear: "8".into(),
            ..BeforeDraft::default()
        };
        let id = log(&mut book, ana, "2026-11-02", Channel::Email, before);
        answer(&mut book, id, Outcome::Declined, "2026-11-03");
        ids.push(id);
    }
    // Feared a week or more: 6 right after, 1 a day later → gone within a day: sooner.
    book.record_feeling(ids[0], Some(6), "").unwrap();
    book.answer_check_in(ids[0], CheckInDue::AfterADay, CheckIn::Felt(1))
        .unwrap();
    // Feared a day: 5, then 4, then 3 a week later → a week or more: not sooner.
    book.record_feeling(ids[1], Some(5), "").unwrap();
    book.answer_check_in(ids[1], CheckInDue::AfterADay, CheckIn::Felt(4))
        .unwrap();
    book.answer_check_in(ids[1], CheckInDue::AfterAWeek, CheckIn::Felt(3))
        .unwrap();
    // Feared an hour: 2 right after → gone within the hour: as feared, not sooner.
    book.record_feeling(ids[2], Some(2), "shrug").unwrap();

    let i = book.insights(all_time("2026-11-27"), day("2026-11-27"));
    assert_eq!(i.predicted.got.percent(), Some(0));
    assert_eq!(i.predicted.expected.rounded(), Some(0));
    assert_eq!((i.faded_sooner.part, i.faded_sooner.whole), (1, 3));
    assert_eq!(i.all_fades.count, 3);
    // Right after: (6 + 5 + 2) / 3 = 4.33 → 4.3; after a day (1 + 4) / 2 = 2.5; a week 3.0.
    assert_eq!(i.all_fades.right_after.text(), "4.3");
    assert_eq!(i.all_fades.after_a_day.text(), "2.5");
    assert_eq!(i.all_fades.after_a_week.text(), "3.0");
    // Rows in the order of the guesses, each with its own numbers.
    let guessed: Vec<_> = i.fades.iter().map(|(g, f)| (*g, f.count)).collect();
    assert_eq!(
        guessed,
        [
            (Some(StingGuess::Hour), 1),
            (Some(StingGuess::Day), 1),
            (Some(StingGuess::WeekOrMore), 1)
        ]
    );
    // Fear before against feeling after, over the three with both: 8.0 against 4.3.
    assert_eq!(i.paired, 3);
    assert_eq!(i.paired_fear.text(), "8.0");
    assert_eq!(i.paired_feeling.text(), "4.3");
    assert!(i.wall.is_empty());
}

#[test]
fn entries_after_today_and_outside_the_period_are_left_out() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    let early = log(
        &mut book,
        ana,
        "2026-10-05",
        Channel::Email,
        chance_and_fear("50", "5"),
    );
    answer(&mut book, early, Outcome::Accepted, "2026-10-06");
    let inside = log(
        &mut book,
        ana,
        "2026-11-20",
        Channel::Email,
        chance_and_fear("10", "3"),
    );
    answer(&mut book, inside, Outcome::Declined, "2026-11-21");
    // A reach-out dated after today (a clock that was wrong when it was logged).
    let future = log(
        &mut book,
        ana,
        "2026-12-20",
        Channel::Email,
        chance_and_fear("90", "9"),
    );
    answer(&mut book, future, Outcome::Accepted, "2026-12-21");

    let today = day("2026-11-27");
    let all = book.insights(all_time("2030-01-01"), today);
    assert_eq!(all.reach_outs, 2);
    assert_eq!(all.predicted.expected.rounded(), Some(30));
    let last_four = book.insights(Period::last_weeks(4, today), today);
    assert_eq!(Period::last_weeks(4, today).from, day("2026-10-31"));
    assert_eq!(last_four.reach_outs, 1);
    assert_eq!(last_four.fear_before.text(), "3.0");
    // Weeks and the week's count also stop at today.
    assert_eq!(book.weeks(today).iter().map(|w| w.count).sum::<usize>(), 2);
    assert_eq!(book.this_week(today).count, 0);
}

#[test]
fn weeks_start_on_the_chosen_day() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    // Sunday 22 and Monday 23 November 2026.
    log(
        &mut book,
        ana,
        "2026-11-22",
        Channel::Email,
        BeforeDraft::default(),
    );
    log(
        &mut book,
        ana,
        "2026-11-23",
        Channel::Email,
        BeforeDraft::default(),
    );
    let today = day("2026-11-23");
    assert_eq!(book.this_week(today).count, 1, "Monday weeks: only Monday");
    let weeks: Vec<_> = book
        .weeks(today)
        .iter()
        .map(|w| (w.start, w.count))
        .collect();
    assert_eq!(weeks, [(day("2026-11-16"), 1), (day("2026-11-23"), 1)]);
    book.settings.week_start = WeekStart::Sunday;
    assert_eq!(book.this_week(today).count, 2, "Sunday weeks: both");
    let weeks: Vec<_> = book
        .weeks(today)
        .iter()
        .map(|w| (w.start, w.count))
        .collect();
    assert_eq!(weeks, [(day("2026-11-22"), 2)]);
    // The fear trend groups by the same weeks.
    book.settings.week_start = WeekStart::Saturday;
    assert_eq!(book.last_weeks(2, today)[1].start, day("2026-11-21"));
}

fn week(count: usize) -> Week {
    Week {
        start: day("2026-01-05"),
        count,
        goal: Some(3),
    }
}

#[test]
fn strength_grows_with_good_weeks_and_a_missed_week_only_dents_it() {
    assert_eq!(strength(&[]), 0);
    // 0 → 200 → 360 → 488 (each good week closes a fifth of the gap to 1,000).
    assert_eq!(strength(&[week(3), week(5), week(3)]), 488);
    // An empty week then takes a tenth, rounded up: 488 − 49 = 439.
    assert_eq!(strength(&[week(3), week(5), week(3), week(0)]), 439);
    // A week with some reach-outs but under the goal takes a twentieth: 488 − 25 = 463.
    assert_eq!(strength(&[week(3), week(5), week(3), week(1)]), 463);
    // Six months of good weeks, then one missed: still far above half.
    let mut months = vec![week(3); 26];
    let before = strength(&months);
    months.push(week(0));
    let after = strength(&months);
    assert!(before >= 995 && after >= 895, "{before} → {after}");
    // A long pause does reach 0.
    months.extend(vec![week(0); 100]);
    assert_eq!(strength(&months), 0);
}

#[test]
fn the_book_counts_strength_over_its_weeks_and_not_the_week_in_progress() {
    let mut book = Book::default();
    book.settings.weekly_goal = Some(3);
    let ana = person(&mut book, "Ana", "2026-10-01");
    // Three weeks meeting the goal of 3: Mondays 2, 9 and 16 November.
    for monday in ["2026-11-02", "2026-11-09", "2026-11-16"] {
        for _ in 0..3 {
            log(
                &mut book,
                ana,
                monday,
                Channel::Email,
                BeforeDraft::default(),
            );
        }
    }
    // The week of 23 November so far has one: it does not count yet (a Monday never lowers it).
    log(
        &mut book,
        ana,
        "2026-11-23",
        Channel::Email,
        BeforeDraft::default(),
    );
    assert_eq!(book.strength(day("2026-11-24")), Some(49));
    let w = book.this_week(day("2026-11-24"));
    assert!(w.good_week, "last week met the goal");
    // Two weeks later the week of 23 November (1 of 3) and the empty week of 30 count:
    // 488 − 25 = 463, then 463 − 47 = 416.
    assert_eq!(book.strength(day("2026-12-08")), Some(42));
    assert!(!book.this_week(day("2026-12-08")).good_week);
    // Years later, the score has faded to 0, quickly.
    assert_eq!(book.strength(day("2030-01-01")), Some(0));
    let strength_far = book.strength(day("2200-12-31"));
    assert_eq!(strength_far, Some(0));
}

#[test]
fn a_no_counts_as_progress_on_today() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    for _ in 0..3 {
        log(
            &mut book,
            ana,
            "2026-11-24",
            Channel::Email,
            BeforeDraft::default(),
        );
    }
    let no = log(
        &mut book,
        ana,
        "2026-11-25",
        Channel::Phone,
        BeforeDraft::default(),
    );
    answer(&mut book, no, Outcome::Declined, "2026-11-25");
    let w = book.this_week(day("2026-11-26"));
    assert_eq!((w.count, w.noes), (4, 1));
    assert_eq!(
        reachout::model::courage_words::this_week(w.count, w.noes),
        "4 brave asks this week, 1 no: that no is part of the work."
    );
}

#[test]
fn the_ladder_suggests_the_easiest_step_and_a_harder_one_after_a_good_week() {
    let mut book = Book::default();
    book.settings.weekly_goal = Some(3);
    let now = at("2026-11-01");
    let mut add = |name: &str, fear: &str| {
        let draft = ContactDraft {
            name: name.into(),
            expected_fear: fear.into(),
            ..ContactDraft::default()
        };
        book.add_contact(&draft, now).unwrap()
    };
    let easy = add("Easy", "2");
    add("Hard", "8");
    add("Middle", "5");
    add("Also easy", "2");
    add("Unrated", "");
    let ladder = book.ladder(day("2026-11-27"));
    assert_eq!(
        ladder.easiest.as_ref().map(|r| r.name.as_str()),
        Some("Also easy")
    );
    assert_eq!(ladder.harder, None, "no good week yet");
    // A good week: three reach-outs (to the easiest), so the next rung up is offered.
    for _ in 0..3 {
        log(
            &mut book,
            easy,
            "2026-11-24",
            Channel::Email,
            BeforeDraft::default(),
        );
    }
    let ladder = book.ladder(day("2026-11-27"));
    assert_eq!(
        ladder.easiest.as_ref().map(|r| (r.name.as_str(), r.level)),
        Some(("Also easy", 2))
    );
    assert_eq!(
        ladder.harder.as_ref().map(|r| (r.name.as_str(), r.level)),
        Some(("Middle", 5))
    );
}

#[test]
fn good_replies_gather_on_the_wall_newest_first() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    let bo = person(&mut book, "Bo", "2026-10-01");
    for (who, date, outcome, note) in [
        (ana, "2026-11-02", Outcome::Accepted, "Happy to chat!"),
        (
            bo,
            "2026-11-10",
            Outcome::Met { clicked: true },
            "Great coffee",
        ),
        (bo, "2026-11-12", Outcome::Declined, "Not now"),
    ] {
        let id = log(&mut book, who, date, Channel::Email, BeforeDraft::default());
        let draft = OutcomeDraft {
            outcome: Some(outcome),
            date: date.into(),
            note: note.into(),
        };
        book.record_outcome(id, &draft, day("2026-11-27")).unwrap();
    }
    let i = book.insights(all_time("2026-11-27"), day("2026-11-27"));
    let wall: Vec<_> = i
        .wall
        .iter()
        .map(|w| (w.name.as_str(), w.words.as_str()))
        .collect();
    assert_eq!(wall, [("Bo", "Great coffee"), ("Ana", "Happy to chat!")]);
}

#[test]
fn check_ins_are_asked_for_recent_noes_only() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    let old = log(
        &mut book,
        ana,
        "2026-09-01",
        Channel::Email,
        BeforeDraft::default(),
    );
    answer(&mut book, old, Outcome::Declined, "2026-09-02");
    let recent = log(
        &mut book,
        ana,
        "2026-11-20",
        Channel::Email,
        BeforeDraft::default(),
    );
    answer(&mut book, recent, Outcome::NoResponse, "2026-11-25");
    assert_eq!(
        book.check_ins_due(day("2026-11-26")),
        [(recent, CheckInDue::AfterADay)]
    );
    book.answer_check_in(recent, CheckInDue::AfterADay, CheckIn::Skipped)
        .unwrap();
    assert!(book.check_ins_due(day("2026-11-27")).is_empty());
    assert_eq!(
        book.check_ins_due(day("2026-12-02")),
        [(recent, CheckInDue::AfterAWeek)]
    );
    assert_eq!(
        book.answer_check_in(recent, CheckInDue::AfterAWeek, CheckIn::Felt(11)),
        Err(ModelError::LevelOutOfRange)
    );
    assert_eq!(
        book.record_feeling(recent, Some(u32::MAX), ""),
        Err(ModelError::LevelOutOfRange)
    );
}

#[test]
fn near_misses_are_noted_turned_into_reach_outs_or_let_go() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    let today = day("2026-11-27");
    let first = book
        .note_near_miss(Some(ana), " froze at send ", today, at("2026-11-27"))
        .unwrap();
    let second = book
        .note_near_miss(None, "", today, at("2026-11-27"))
        .unwrap();
    assert_eq!((first, second), (1, 2));
    assert_eq!(book.open_near_misses().len(), 2);
    assert_eq!(book.near_misses[0].note, "froze at send");
    assert!(book
        .note_near_miss(None, &"x".repeat(2_001), today, at("2026-11-27"))
        .is_err());
    assert_eq!(
        book.note_near_miss(Some(ContactId(99)), "", today, at("2026-11-27")),
        Err(ModelError::UnknownContact(ContactId(99)))
    );
    let id = log(
        &mut book,
        ana,
        "2026-11-27",
        Channel::Email,
        BeforeDraft::default(),
    );
    book.near_miss_reached(first, id).unwrap();
    book.let_go_near_miss(second, true).unwrap();
    assert!(book.open_near_misses().is_empty());
    let i = book.insights(all_time("2026-11-27"), today);
    assert_eq!((i.near_misses, i.near_misses_reached), (2, 1));

    // Deleting the contact keeps the near miss without the name; undo gives it back.
    let third = book
        .note_near_miss(Some(ana), "again", today, at("2026-11-27"))
        .unwrap();
    let removed = book.delete_contacts(&[ana], at("2026-11-28")).unwrap();
    let kept = book.near_misses.iter().find(|n| n.id == third).unwrap();
    assert_eq!(kept.contact, None);
    book.restore(removed);
    let back = book.near_misses.iter().find(|n| n.id == third).unwrap();
    assert_eq!(back.contact, Some(ana));
}

#[test]
fn templates_start_as_starters_and_fill_in_the_contact() {
    let mut book = Book::default();
    let templates = book.templates();
    assert_eq!(templates.len(), 5);
    assert_eq!(
        book.templates, None,
        "the starters are not stored until changed"
    );
    let draft = ContactDraft {
        name: "Ana Lima".into(),
        company: "Acme".into(),
        ..named("")
    };
    let ana = book.add_contact(&draft, at("2026-11-01")).unwrap();
    let contact = book.contact(ana).unwrap().clone();
    let first = templates[0].fill(&contact);
    assert!(first.text.starts_with("Hi Ana,"), "{}", first.text);
    assert!(first.text.contains("your work at Acme"));
    assert!(first.missing.is_empty());
    // "How we met" is empty: the placeholder becomes a visible gap to fill.
    let reconnect = templates
        .iter()
        .find(|t| t.name == "Reconnecting after years")
        .unwrap();
    let filled = reconnect.fill(&contact);
    assert!(filled.text.contains("since [how we met]"));
    assert_eq!(filled.missing, ["how we met"]);

    // Edit, add, delete: the list is stored from then on; reset brings the starters back.
    book.save_template(Some(2), "Nudge", "Hi {first name}, any news?")
        .unwrap();
    let mine = book.save_template(None, "Mine", "Hello {company}").unwrap();
    assert_eq!(mine, 6);
    assert_eq!(book.delete_template(1).unwrap().name, "A first note");
    let names: Vec<_> = book.templates().into_iter().map(|t| t.name).collect();
    assert_eq!(
        names,
        [
            "Nudge",
            "A thank-you",
            "Reconnecting after years",
            "A kind last note",
            "Mine"
        ]
    );
    assert!(matches!(
        book.save_template(None, " ", ""),
        Err(ModelError::InvalidTemplate(_))
    ));
    assert!(matches!(
        book.save_template(None, "Long", &"x".repeat(5_001)),
        Err(ModelError::InvalidTemplate(_))
    ));
    assert_eq!(book.delete_template(42), Err(ModelError::UnknownTemplate));
    book.reset_templates();
    assert_eq!(book.templates().len(), 5);
}

#[test]
fn the_before_step_is_checked_and_kept_with_the_reach_out() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    let before = BeforeDraft {
        fear: "4294967295".into(),
        ..BeforeDraft::default()
    };
    let draft = ReachOutDraft {
        channel: Some(Channel::Email),
        date: "2026-11-20".into(),
        note: String::new(),
        follows_up: None,
        before,
    };
    assert!(matches!(
        book.log_reach_out(ana, &draft, day("2026-11-27"), at("2026-11-27")),
        Err(ModelError::InvalidReachOut(_))
    ));
    assert!(book.reach_outs.is_empty(), "a refused log changes nothing");
    let full = BeforeDraft {
        fear: "6".into(),
        expect: Some(Expectation::Ignored),
        yes_chance: "25".into(),
        sting: Some(StingGuess::FewDays),
        gain: " an intro ".into(),
        worst: "silence".into(),
    };
    let id = log(&mut book, ana, "2026-11-20", Channel::Email, full);
    let kept = &book.reach_outs.iter().find(|r| r.id == id).unwrap().before;
    assert_eq!(kept.fear, Some(6));
    assert_eq!(kept.yes_chance, Some(25));
    assert_eq!(kept.predicted_yes(), Some(25));
    assert_eq!(kept.gain, "an intro");
}

#[test]
fn undoing_a_delete_gives_a_near_miss_back_its_contact_and_its_reach_out() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    let near = book
        .note_near_miss(Some(ana), "froze", day("2026-11-20"), at("2026-11-20"))
        .unwrap();
    let id = log(
        &mut book,
        ana,
        "2026-11-21",
        Channel::Email,
        BeforeDraft::default(),
    );
    book.near_miss_reached(near, id).unwrap();
    let removed = book.delete_contacts(&[ana], at("2026-11-28")).unwrap();
    assert_eq!(book.near_misses[0].reached, None);
    book.restore(removed);
    assert_eq!(book.near_misses[0].contact, Some(ana));
    assert_eq!(book.near_misses[0].reached, Some(id));
}

#[test]
fn stored_templates_without_a_name_or_text_are_repaired_or_left_out() {
    let mut book = Book {
        templates: Some(vec![
            reachout::model::Template {
                id: 1,
                name: " ".into(),
                body: "Hi".into(),
            },
            reachout::model::Template {
                id: 2,
                name: "Empty".into(),
                body: "".into(),
            },
        ]),
        ..Book::default()
    };
    let adjusted = book.bring_into_range();
    assert_eq!(adjusted.len(), 2, "{adjusted:?}");
    let names: Vec<_> = book.templates().into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["Template 1"]);
    assert!(book.bring_into_range().is_empty(), "nothing left to adjust");
    // A new template past the last id is refused, never numbered out of range.
    book.templates = Some(vec![reachout::model::Template {
        id: reachout::model::Limits::MAX_ID,
        name: "Last".into(),
        body: "Hi".into(),
    }]);
    assert_eq!(
        book.save_template(None, "One more", "Hi"),
        Err(ModelError::OutOfIds)
    );
}

/// The Insights headline ("goal met in 2 of 4 weeks since your first reach-out") and the
/// strength score count the same weeks: from the week of the first reach-out on.
#[test]
fn the_weekly_headline_and_the_strength_count_the_same_weeks() {
    use reachout::model::insights::GoalRecord;
    let mut book = Book::default();
    book.settings.weekly_goal = Some(2);
    let ana = person(&mut book, "Ana", "2026-10-01");
    // Friday 27 November 2026; weeks start on Monday. Three weeks ago two, two weeks ago one,
    // last week two, this week none yet.
    for date in [
        "2026-11-02",
        "2026-11-03",
        "2026-11-10",
        "2026-11-17",
        "2026-11-18",
    ] {
        common::reach(&mut book, ana, date, None);
    }
    let today = day("2026-11-27");
    let weeks = book.last_weeks(12, today);
    let record = GoalRecord::of(&weeks);
    assert_eq!(
        (record.counted, record.met, record.since_first),
        (4, 2, true)
    );
    // The score over exactly those weeks, the week in progress left out as it has not met
    // the goal yet, is the book's strength.
    let counted = &weeks[weeks.len() - record.counted..weeks.len() - 1];
    assert_eq!(Some((strength(counted) + 5) / 10), book.strength(today));
    // A window that starts after the first reach-out counts every week it shows.
    let last_two = book.last_weeks(2, today);
    assert!(!GoalRecord::of(&last_two).since_first);
}

#[test]
fn the_report_shows_the_whole_weeks_its_period_touches_and_two_years_at_most() {
    let mut book = Book::default();
    let ana = person(&mut book, "Ana", "2026-10-01");
    log(
        &mut book,
        ana,
        "2026-11-18",
        Channel::Email,
        BeforeDraft::default(),
    );
    let today = day("2026-11-25");
    // Wednesday 11 to Wednesday 18 November: the Monday weeks of 9 and 16 November.
    let period = Period {
        from: day("2026-11-11"),
        to: day("2026-11-18"),
    };
    let weeks: Vec<_> = book
        .report_weeks(period, today)
        .iter()
        .map(|w| (w.start, w.count))
        .collect();
    assert_eq!(weeks, [(day("2026-11-09"), 0), (day("2026-11-16"), 1)]);
    // A period running past today stops at this week; a long one at 104 weeks.
    let long = Period {
        from: day("2000-01-01"),
        to: day("2030-01-01"),
    };
    let weeks = book.report_weeks(long, today);
    assert_eq!(weeks.len(), 104);
    assert_eq!(weeks.last().map(|w| w.start), Some(day("2026-11-23")));
}
