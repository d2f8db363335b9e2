//! Insights: the person's own numbers, computed exactly from the log. What they feared against
//! what happened, how long a no stung against how long they thought it would, fear before
//! against feeling after, reach-outs per week against the goal, and where reaching out led.
//!
//! Every figure is a whole-number count; shares and averages are kept as their parts and
//! rounded only for display, so that tests can compare them with sums worked out by hand.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Book, Channel, ContactId, ReachOut, ReachOutId, StingGuess};

mod evidence;
mod habit;
mod period;
pub use evidence::{figures_of, step_of, Answer, Figure, Settled, BUCKETS, STEPS};
pub use habit::{strength, GoalRecord, Ladder, Rung, ThisWeek, Week};
pub use period::{parse_day, Period, PeriodError};

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

/// Predicted against actual for one group of settled reach-outs with a prediction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Calibration {
    /// The predicted chances of a yes, in percent.
    pub expected: Mean,
    /// How many got a yes, of how many.
    pub got: Share,
}

/// How the sting of a no or of silence faded, for one group of such answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fade {
    /// Declines and silences in the group.
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

/// How many reach-outs count towards each [`Figure`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts(HashMap<Figure, usize, rustc_hash::FxBuildHasher>);

impl Counts {
    pub fn of(&self, figure: Figure) -> usize {
        self.0.get(&figure).copied().unwrap_or(0)
    }

    /// `part` of `whole`, both figures.
    pub fn share(&self, part: Figure, whole: Figure) -> Share {
        Share {
            part: self.of(part),
            whole: self.of(whole),
        }
    }

    /// Every figure with at least one reach-out.
    pub fn figures(&self) -> impl Iterator<Item = (Figure, usize)> + '_ {
        self.0.iter().map(|(f, n)| (*f, *n))
    }

    /// The funnel: each step's name and how many got at least that far.
    pub fn funnel(&self) -> [(&'static str, usize); 5] {
        std::array::from_fn(|i| {
            let figure = if i == 0 { Figure::All } else { Figure::Step(i) };
            (STEPS[i], self.of(figure))
        })
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

/// Everything Insights shows for one period. Every count is in [`Insights::counts`], made by
/// [`figures_of`], the function [`Book::records_of`] lists them with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Insights {
    pub period: Option<Period>,
    /// Reach-outs in the period (none dated after today).
    pub reach_outs: usize,
    pub counts: Counts,
    /// Settled, with a prediction (words or a chance).
    pub predicted: Calibration,
    pub by_channel: Vec<(Channel, Calibration)>,
    /// One per [`BUCKETS`] entry: predictions given as a chance only.
    pub buckets: [Calibration; 5],
    /// Declines and silences, by how long the person guessed it would bother them
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
    /// The channels used in the period, in [`Channel::ALL`] order.
    pub channels: Vec<Channel>,
    pub wall: Vec<GoodReply>,
    pub near_misses: usize,
    pub near_misses_reached: usize,
}

impl Insights {
    pub fn count(&self, figure: Figure) -> usize {
        self.counts.of(figure)
    }

    /// How many reach-outs got `answer`.
    pub fn answered(&self, answer: Answer) -> usize {
        self.counts.of(Figure::Answer(answer))
    }
}

impl Book {
    /// The figures of Insights for `period`; anything dated after `today` is left out.
    pub fn insights(&self, period: Period, today: NaiveDate) -> Insights {
        let period = period.up_to(today);
        let answers = self.answers(today);
        let mut out = Insights {
            period: Some(period),
            ..Insights::default()
        };
        let mut fades: HashMap<Option<StingGuess>, Fade> = HashMap::new();
        let mut fear_by_week: HashMap<NaiveDate, Mean> = HashMap::new();
        let mut expected: HashMap<Option<usize>, Mean> = HashMap::new();
        let mut expected_by_channel: HashMap<Channel, Mean> = HashMap::new();
        let week_start = self.settings.week_start;
        let names: HashMap<ContactId, &str> = self
            .contacts
            .iter()
            .map(|c| (c.id, c.name.as_str()))
            .collect();

        let mut figures = Vec::with_capacity(24);
        for r in self.reach_outs.iter().filter(|r| period.contains(r.date)) {
            let answer = answers.get(&r.id).copied().unwrap_or(Answer::Awaiting);
            evidence::figures_into(r, answer, &mut figures);
            for figure in &figures {
                *out.counts.0.entry(*figure).or_default() += 1;
            }
            out.reach_outs += 1;

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

            if figures.contains(&Figure::Predicted) {
                let predicted = r.before.predicted_yes().unwrap_or_default();
                expected.entry(None).or_default().add(predicted);
                expected_by_channel
                    .entry(r.channel)
                    .or_default()
                    .add(predicted);
                if let Some(i) = figures.iter().find_map(|f| match f {
                    Figure::Bucket(i) => Some(*i),
                    _ => None,
                }) {
                    expected.entry(Some(i)).or_default().add(predicted);
                }
            }

            if let Some(Figure::Noes(guess)) = figures
                .iter()
                .find(|f| matches!(f, Figure::Noes(_)))
                .copied()
            {
                for fade in [fades.entry(guess).or_default(), &mut out.all_fades] {
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
            }

            let words = [r.outcome_note.trim(), r.after.reflection.trim()]
                .into_iter()
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" — ");
            if answer.is_yes() && !words.is_empty() {
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

        let counts = &out.counts;
        out.faded_sooner = counts.share(Figure::FadedSooner, Figure::FadeMeasured);
        out.predicted = Calibration {
            expected: expected.get(&None).copied().unwrap_or_default(),
            got: counts.share(Figure::PredictedYes, Figure::Predicted),
        };
        for (i, bucket) in out.buckets.iter_mut().enumerate() {
            *bucket = Calibration {
                expected: expected.get(&Some(i)).copied().unwrap_or_default(),
                got: counts.share(Figure::BucketYes(i), Figure::Bucket(i)),
            };
        }
        out.channels = Channel::ALL
            .into_iter()
            .filter(|c| counts.of(Figure::Channel(*c)) > 0)
            .collect();
        out.by_channel = Channel::ALL
            .into_iter()
            .filter_map(|c| {
                expected_by_channel.get(&c).map(|mean| {
                    (
                        c,
                        Calibration {
                            expected: *mean,
                            got: counts
                                .share(Figure::ChannelPredictedYes(c), Figure::ChannelPredicted(c)),
                        },
                    )
                })
            })
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

    /// The day of the first reach-out, if there is one.
    pub fn first_reach_out(&self) -> Option<NaiveDate> {
        self.reach_outs.iter().map(|r| r.date).min()
    }
}
