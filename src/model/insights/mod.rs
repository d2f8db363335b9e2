//! Insights: the person's own numbers, computed exactly from the log. What they feared against
//! what happened, how long a no stung against how long they thought it would, fear before
//! against feeling after, reach-outs per week against the goal, and where reaching out led.
//!
//! Every figure is a whole-number count; shares and averages are kept as their parts and
//! rounded only for display, so that tests can compare them with sums worked out by hand.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::{Book, Channel, ContactId, Outcome, ReachOut, ReachOutId, StingGuess};

mod habit;
pub use habit::{strength, Ladder, Rung, ThisWeek, Week};

/// A share: `part` of `whole`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub part: usize,
    pub whole: usize,
}

impl Share {
    /// Rounded to a whole percent, half up; none of nothing.
    pub fn percent(self) -> Option<u32> {
        (self.whole > 0).then(|| {
            let (part, whole) = (self.part as u64, self.whole as u64);
            u32::try_from((part * 200 + whole) / (whole * 2)).unwrap_or(100)
        })
    }
}

/// An average of 0–10 answers (or of percentages), kept as its sum and count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mean {
    pub sum: u64,
    pub count: usize,
}

impl Mean {
    fn add(&mut self, value: u32) {
        self.sum += u64::from(value);
        self.count += 1;
    }

    /// The average in tenths, rounded half up: 52 for 5.2.
    pub fn tenths(self) -> Option<u64> {
        (self.count > 0).then(|| {
            let n = self.count as u64;
            (self.sum * 20 + n) / (n * 2)
        })
    }

    /// The average rounded to a whole number, half up.
    pub fn rounded(self) -> Option<u64> {
        (self.count > 0).then(|| {
            let n = self.count as u64;
            (self.sum * 2 + n) / (n * 2)
        })
    }

    /// "5.2", or "–" with nothing to average.
    pub fn text(self) -> String {
        match self.tenths() {
            Some(t) => format!("{}.{}", t / 10, t % 10),
            None => "–".into(),
        }
    }
}

/// Days from `from` to `to`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The last `weeks` weeks up to `today`.
    pub fn last_weeks(weeks: u64, today: NaiveDate) -> Period {
        Period {
            from: today
                .checked_sub_days(Days::new(weeks * 7 - 1))
                .unwrap_or(today),
            to: today,
        }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        (self.from..=self.to).contains(&day)
    }
}

/// Predicted against actual for one group of answered reach-outs with a prediction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Calibration {
    /// The predicted chances of a yes, in percent.
    pub expected: Mean,
    /// How many got a yes, of how many.
    pub got: Share,
}

impl Calibration {
    fn add(&mut self, predicted: u32, yes: bool) {
        self.expected.add(predicted);
        self.got.whole += 1;
        self.got.part += usize::from(yes);
    }
}

/// The buckets of the calibration view, by predicted chance of a yes.
pub const BUCKETS: [(u32, u32); 5] = [(0, 20), (21, 40), (41, 60), (61, 80), (81, 100)];

/// How the sting of a no or of silence faded, for one group of such answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fade {
    /// Declines and unanswered reach-outs in the group.
    pub count: usize,
    pub right_after: Mean,
    pub after_a_day: Mean,
    pub after_a_week: Mean,
}

/// How long a no actually bothered the person, from their answers: it counts as gone once it
/// is at 2 or below.
pub fn measured_sting(reach_out: &ReachOut) -> Option<StingGuess> {
    const GONE: u32 = 2;
    let after = &reach_out.after;
    let points = [
        (after.feeling, StingGuess::Hour),
        (after.after_a_day.and_then(|c| c.felt()), StingGuess::Day),
        (
            after.after_a_week.and_then(|c| c.felt()),
            StingGuess::FewDays,
        ),
    ];
    for (level, gone_within) in points {
        match level {
            Some(level) if level <= GONE => return Some(gone_within),
            Some(_) => {}
            // Unanswered at this point: how long it lasted is not known.
            None => return None,
        }
    }
    Some(StingGuess::WeekOrMore)
}

/// The broad kinds of answer the charts count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Answer {
    Awaiting,
    NoResponse,
    Declined,
    Yes,
    Met,
    Opportunity,
}

impl Answer {
    pub const ALL: [Answer; 6] = [
        Answer::Yes,
        Answer::Met,
        Answer::Opportunity,
        Answer::Declined,
        Answer::NoResponse,
        Answer::Awaiting,
    ];

    pub fn of(outcome: Outcome) -> Answer {
        match outcome {
            Outcome::Awaiting => Answer::Awaiting,
            Outcome::NoResponse => Answer::NoResponse,
            Outcome::Declined => Answer::Declined,
            Outcome::Accepted => Answer::Yes,
            Outcome::Met { .. } => Answer::Met,
            Outcome::Opportunity(_) => Answer::Opportunity,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Answer::Awaiting => "Awaiting",
            Answer::NoResponse => "No response",
            Answer::Declined => "Declined",
            Answer::Yes => "Yes",
            Answer::Met => "Met",
            Answer::Opportunity => "Opportunity",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Answer::Awaiting => "awaiting",
            Answer::NoResponse => "no-response",
            Answer::Declined => "declined",
            Answer::Yes => "yes",
            Answer::Met => "met",
            Answer::Opportunity => "opportunity",
        }
    }
}

/// How many of each answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    counts: HashMap<Answer, usize>,
}

impl Tally {
    fn add(&mut self, answer: Answer) {
        self.total += 1;
        *self.counts.entry(answer).or_default() += 1;
    }

    pub fn count(&self, answer: Answer) -> usize {
        self.counts.get(&answer).copied().unwrap_or(0)
    }

    /// The funnel: reached out → replied → yes → met → opportunity. Each step counts every
    /// reach-out that got at least that far.
    pub fn funnel(&self) -> [(&'static str, usize); 5] {
        let at_least = |answers: &[Answer]| answers.iter().map(|a| self.count(*a)).sum();
        [
            ("Reached out", self.total),
            (
                "Replied",
                at_least(&[
                    Answer::Declined,
                    Answer::Yes,
                    Answer::Met,
                    Answer::Opportunity,
                ]),
            ),
            (
                "Yes",
                at_least(&[Answer::Yes, Answer::Met, Answer::Opportunity]),
            ),
            ("Met", at_least(&[Answer::Met, Answer::Opportunity])),
            ("Opportunity", at_least(&[Answer::Opportunity])),
        ]
    }
}

/// A good reply on the wall: a yes, a meeting or an opportunity, with the person's words.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GoodReply {
    pub day: NaiveDate,
    pub reach_out: ReachOutId,
    pub contact: ContactId,
    pub name: String,
    pub outcome: &'static str,
    pub words: String,
}

/// Everything Insights shows for one period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Insights {
    /// Reach-outs in the period (none dated after today).
    pub reach_outs: usize,
    /// With a prediction, answered.
    pub predicted: Calibration,
    pub by_channel: Vec<(Channel, Calibration)>,
    /// One per [`BUCKETS`] entry.
    pub buckets: [Calibration; 5],
    /// Predicted "no answer": how often silence was expected, and how often it came.
    pub expected_silence: Share,
    pub got_silence: Share,
    /// Declines and no responses, by how long the person guessed it would bother them
    /// (`None`: no guess), in [`StingGuess::ALL`] order, then the no-guess row.
    pub fades: Vec<(Option<StingGuess>, Fade)>,
    pub all_fades: Fade,
    /// Of the noes with both a guess and a measured fade: how many faded sooner than feared.
    pub faded_sooner: Share,
    pub fear_before: Mean,
    /// Reach-outs with both fear before and feeling after.
    pub paired: usize,
    pub paired_fear: Mean,
    pub paired_feeling: Mean,
    /// The mean fear per week (weeks with an answer only), oldest first.
    pub fear_by_week: Vec<(NaiveDate, Mean)>,
    pub outcomes: Tally,
    pub outcomes_by_channel: Vec<(Channel, Tally)>,
    pub wall: Vec<GoodReply>,
    pub near_misses: usize,
    pub near_misses_reached: usize,
}

impl Book {
    /// The figures of Insights for `period`; anything dated after `today` is left out.
    pub fn insights(&self, period: Period, today: NaiveDate) -> Insights {
        let period = Period {
            from: period.from,
            to: period.to.min(today),
        };
        let mut out = Insights::default();
        let mut by_channel: HashMap<Channel, Calibration> = HashMap::new();
        let mut tally_by_channel: HashMap<Channel, Tally> = HashMap::new();
        let mut fades: HashMap<Option<StingGuess>, Fade> = HashMap::new();
        let mut fear_by_week: HashMap<NaiveDate, Mean> = HashMap::new();
        let week_start = self.settings.week_start;
        let names: HashMap<ContactId, &str> = self
            .contacts
            .iter()
            .map(|c| (c.id, c.name.as_str()))
            .collect();

        for r in self.reach_outs.iter().filter(|r| period.contains(r.date)) {
            out.reach_outs += 1;
            let answer = Answer::of(r.outcome);
            out.outcomes.add(answer);
            tally_by_channel.entry(r.channel).or_default().add(answer);

            if let Some(fear) = r.before.fear {
                out.fear_before.add(fear);
                fear_by_week
                    .entry(week_start.week_of(r.date))
                    .or_default()
                    .add(fear);
                if let Some(feeling) = r.after.feeling {
                    out.paired += 1;
                    out.paired_fear.add(fear);
                    out.paired_feeling.add(feeling);
                }
            }

            if let (Some(predicted), false) = (r.before.predicted_yes(), r.outcome.is_awaiting()) {
                let yes = r.outcome.is_yes();
                out.predicted.add(predicted, yes);
                by_channel.entry(r.channel).or_default().add(predicted, yes);
                if let Some(i) = BUCKETS
                    .iter()
                    .position(|(low, high)| (*low..=*high).contains(&predicted))
                {
                    out.buckets[i].add(predicted, yes);
                }
            }
            if r.before.expect.is_some() && !r.outcome.is_awaiting() {
                let silent = r.outcome == Outcome::NoResponse;
                let feared_silence = r.before.expect == Some(super::Expectation::Ignored);
                out.expected_silence.whole += 1;
                out.expected_silence.part += usize::from(feared_silence);
                out.got_silence.whole += 1;
                out.got_silence.part += usize::from(silent);
            }

            if matches!(r.outcome, Outcome::Declined | Outcome::NoResponse) {
                for fade in [fades.entry(r.before.sting).or_default(), &mut out.all_fades] {
                    fade.count += 1;
                    if let Some(feeling) = r.after.feeling {
                        fade.right_after.add(feeling);
                    }
                    if let Some(level) = r.after.after_a_day.and_then(|c| c.felt()) {
                        fade.after_a_day.add(level);
                    }
                    if let Some(level) = r.after.after_a_week.and_then(|c| c.felt()) {
                        fade.after_a_week.add(level);
                    }
                }
                if let (Some(guess), Some(measured)) = (r.before.sting, measured_sting(r)) {
                    out.faded_sooner.whole += 1;
                    out.faded_sooner.part += usize::from(measured < guess);
                }
            }

            let words = [r.outcome_note.trim(), r.after.reflection.trim()]
                .into_iter()
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" — ");
            if r.outcome.is_yes() && !words.is_empty() {
                out.wall.push(GoodReply {
                    day: r.outcome_date.unwrap_or(r.date),
                    reach_out: r.id,
                    contact: r.contact,
                    name: names.get(&r.contact).copied().unwrap_or_default().into(),
                    outcome: r.outcome.label(),
                    words,
                });
            }
        }

        out.by_channel = Channel::ALL
            .into_iter()
            .filter_map(|c| by_channel.remove(&c).map(|cal| (c, cal)))
            .collect();
        out.outcomes_by_channel = Channel::ALL
            .into_iter()
            .filter_map(|c| tally_by_channel.remove(&c).map(|t| (c, t)))
            .collect();
        out.fades = StingGuess::ALL
            .into_iter()
            .map(Some)
            .chain([None])
            .filter_map(|g| fades.remove(&g).map(|f| (g, f)))
            .collect();
        let mut weeks: Vec<(NaiveDate, Mean)> = fear_by_week.into_iter().collect();
        weeks.sort_unstable_by_key(|(week, _)| *week);
        out.fear_by_week = weeks;
        out.wall
            .sort_unstable_by_key(|w| std::cmp::Reverse((w.day, w.reach_out)));
        for near_miss in self.near_misses.iter().filter(|n| period.contains(n.date)) {
            out.near_misses += 1;
            out.near_misses_reached += usize::from(near_miss.reached.is_some());
        }
        out
    }
}
