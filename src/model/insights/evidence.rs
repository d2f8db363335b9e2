//! What each reach-out counts as in the evidence, and which figures it belongs to: the one
//! definition behind every number on Today's week card, in Insights and in the report, so
//! that a figure and the list it opens to can never disagree.
//!
//! The rules, in the words the help text uses:
//! - **Silence** ("no answer") is a reach-out with "no response" recorded; or one still
//!   awaiting whose thread was closed without an answer; or one still awaiting that was
//!   followed by another try on a later day (no answer came before the next try); or the
//!   latest try of a thread that reached the number of tries and whose follow-up date has
//!   passed. A reach-out followed up the same day (an e-mail, then a call) is still waiting
//!   until the one after it is answered or falls silent.
//! - **Settled** answers are a yes (of any strength), a no and silence. A connection accepted
//!   and a reply that is neither yes nor no are answers too, but they settle no prediction.
//! - **A prediction** is the chance of a yes in percent, or the answer expected in words. In
//!   the overall "expected a yes" average a word counts as 100 % (a yes) or 0 % (a no or no
//!   answer); the ranges of "how sure you were" take only the percentages, and words are set
//!   against what came in words ("you expected no answer; they said yes").

use chrono::NaiveDate;

use crate::model::{Book, Channel, Expectation, IdMap, Outcome, ReachOut, ReachOutId, StingGuess};

/// What came of one reach-out, as every figure counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Answer {
    Awaiting,
    Silence,
    Declined,
    Connected,
    Replied,
    Yes,
    Met,
    Opportunity,
}

impl Answer {
    /// In the order charts and tables list them: the good news first.
    pub const ALL: [Answer; 8] = [
        Answer::Yes,
        Answer::Met,
        Answer::Opportunity,
        Answer::Replied,
        Answer::Connected,
        Answer::Declined,
        Answer::Silence,
        Answer::Awaiting,
    ];

    /// The answer an outcome records, before silence is worked out from the thread.
    fn recorded(outcome: Outcome) -> Answer {
        match outcome {
            Outcome::Awaiting => Answer::Awaiting,
            Outcome::NoResponse => Answer::Silence,
            Outcome::Declined => Answer::Declined,
            Outcome::Accepted => Answer::Yes,
            Outcome::Connected => Answer::Connected,
            Outcome::Replied { .. } => Answer::Replied,
            Outcome::Met { .. } => Answer::Met,
            Outcome::Opportunity(_) => Answer::Opportunity,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Answer::Awaiting => "Awaiting",
            Answer::Silence => "No answer",
            Answer::Declined => "A no",
            Answer::Connected => "Connected",
            Answer::Replied => "Replied",
            Answer::Yes => "A yes",
            Answer::Met => "Met",
            Answer::Opportunity => "Opportunity",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Answer::Awaiting => "awaiting",
            Answer::Silence => "no-answer",
            Answer::Declined => "declined",
            Answer::Connected => "connected",
            Answer::Replied => "replied",
            Answer::Yes => "yes",
            Answer::Met => "met",
            Answer::Opportunity => "opportunity",
        }
    }

    /// A yes of any strength: yes, met, or more.
    pub fn is_yes(self) -> bool {
        matches!(self, Answer::Yes | Answer::Met | Answer::Opportunity)
    }

    /// The settled answer, if this is one: what a prediction is set against.
    pub fn settled(self) -> Option<Settled> {
        match self {
            Answer::Silence => Some(Settled::NoAnswer),
            Answer::Declined => Some(Settled::No),
            a if a.is_yes() => Some(Settled::Yes),
            _ => None,
        }
    }
}

/// The answers a prediction is set against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Settled {
    NoAnswer,
    No,
    Yes,
}

impl Settled {
    pub const ALL: [Settled; 3] = [Settled::NoAnswer, Settled::No, Settled::Yes];

    /// As the end of a sentence: "they said yes".
    pub fn words(self) -> &'static str {
        match self {
            Settled::NoAnswer => "no answer came",
            Settled::No => "they said no",
            Settled::Yes => "they said yes",
        }
    }

    /// What expecting `expect` would have been right about.
    pub fn of_expectation(expect: Expectation) -> Settled {
        match expect {
            Expectation::Ignored => Settled::NoAnswer,
            Expectation::No => Settled::No,
            Expectation::Yes => Settled::Yes,
        }
    }
}

/// The steps of the funnel, each counting the reach-outs that got at least that far.
pub const STEPS: [&str; 5] = ["Reached out", "Replied", "Yes", "Met", "Opportunity"];

/// How far along the funnel an answer got: 0 reached out, 1 replied (any answer in words: a no,
/// a reply, a yes), 2 a yes, 3 met, 4 an opportunity. A connection accepted is not a reply.
pub fn step_of(answer: Answer) -> usize {
    match answer {
        Answer::Awaiting | Answer::Silence | Answer::Connected => 0,
        Answer::Declined | Answer::Replied => 1,
        Answer::Yes => 2,
        Answer::Met => 3,
        Answer::Opportunity => 4,
    }
}

/// The buckets of "how sure you were", by the predicted chance of a yes in percent.
pub const BUCKETS: [(u32, u32); 5] = [(0, 20), (21, 40), (41, 60), (61, 80), (81, 100)];

/// One number that can be opened: every reach-out that counts towards it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    /// Every reach-out in the period.
    All,
    Answer(Answer),
    Channel(Channel),
    ChannelAnswer(Channel, Answer),
    /// A funnel step (index into [`STEPS`]; 0 is [`Figure::All`]).
    Step(usize),
    /// Settled, with a prediction (words or a chance).
    Predicted,
    PredictedYes,
    ChannelPredicted(Channel),
    ChannelPredictedYes(Channel),
    /// Settled, with a chance in [`BUCKETS`]`[i]`.
    Bucket(usize),
    BucketYes(usize),
    /// Settled, expected in words.
    Expected(Expectation),
    ExpectedGot(Expectation, Settled),
    /// A no or silence, by how long the person guessed it would sting (`None`: no guess).
    Noes(Option<StingGuess>),
    /// A no or silence with a guess of how long it would sting and a measured fade.
    FadeMeasured,
    /// Of those, the ones that faded sooner than guessed.
    FadedSooner,
    /// With how afraid the person was before.
    FearNoted,
    /// With both fear before and feeling after.
    FearAndFeeling,
}

/// Every figure one reach-out counts towards, given what it counts as.
pub fn figures_of(r: &ReachOut, answer: Answer) -> Vec<Figure> {
    let mut out = Vec::new();
    figures_into(r, answer, &mut out);
    out
}

/// [`figures_of`] into a list the caller keeps, so that counting a whole history allocates once.
pub(crate) fn figures_into(r: &ReachOut, answer: Answer, out: &mut Vec<Figure>) {
    out.clear();
    out.extend([
        Figure::All,
        Figure::Answer(answer),
        Figure::Channel(r.channel),
        Figure::ChannelAnswer(r.channel, answer),
    ]);
    out.extend((1..=step_of(answer)).map(Figure::Step));
    if r.before.fear.is_some() {
        out.push(Figure::FearNoted);
        if r.after.feeling.is_some() {
            out.push(Figure::FearAndFeeling);
        }
    }
    if let Some(settled) = answer.settled() {
        let yes = settled == Settled::Yes;
        if r.before.predicted_yes().is_some() {
            out.push(Figure::Predicted);
            out.push(Figure::ChannelPredicted(r.channel));
            if yes {
                out.push(Figure::PredictedYes);
                out.push(Figure::ChannelPredictedYes(r.channel));
            }
        }
        if let Some(chance) = r.before.yes_chance {
            if let Some(i) = BUCKETS
                .iter()
                .position(|(low, high)| (*low..=*high).contains(&chance))
            {
                out.push(Figure::Bucket(i));
                if yes {
                    out.push(Figure::BucketYes(i));
                }
            }
        } else if let Some(expect) = r.before.expect {
            out.push(Figure::Expected(expect));
            out.push(Figure::ExpectedGot(expect, settled));
        }
        if settled != Settled::Yes {
            out.push(Figure::Noes(r.before.sting));
            if let (Some(guess), Some(measured)) = (r.before.sting, super::measured_sting(r)) {
                out.push(Figure::FadeMeasured);
                if measured < guess {
                    out.push(Figure::FadedSooner);
                }
            }
        }
    }
}

impl Book {
    /// What every reach-out counts as on `today` (see the rules at the top of this module).
    pub fn answers(&self, today: NaiveDate) -> IdMap<ReachOutId, Answer> {
        self.answers_in(&self.threads(), today)
    }

    /// [`Book::answers`] and [`Book::open_threads`] together, from one pass over the threads:
    /// what a contact's timeline needs.
    pub fn answers_and_open_threads(
        &self,
        today: NaiveDate,
    ) -> (IdMap<ReachOutId, Answer>, Vec<crate::model::OpenThread>) {
        let threads = self.threads();
        let answers = self.answers_in(&threads, today);
        (answers, self.open_threads_in(threads))
    }

    /// [`Book::answers`] among `threads`, every thread of the book.
    fn answers_in(
        &self,
        threads: &[crate::model::follow_up::Thread<'_>],
        today: NaiveDate,
    ) -> IdMap<ReachOutId, Answer> {
        let days = u64::from(self.settings.follow_up_days);
        let max_tries = self.settings.max_tries as usize;
        let newest = self.newest_reach_outs();
        let mut out: IdMap<ReachOutId, Answer> = IdMap::default();
        out.reserve(self.reach_outs.len());
        for thread in threads {
            let latest = thread.latest();
            let mut after: Option<(NaiveDate, Answer)> = None;
            for (i, r) in thread.members.iter().enumerate().rev() {
                let mut answer = Answer::recorded(r.outcome);
                if answer == Answer::Awaiting {
                    let silent = if i + 1 == thread.members.len() {
                        let due = r.snoozed_until.unwrap_or_else(|| {
                            r.date
                                .checked_add_days(chrono::Days::new(days))
                                .unwrap_or(NaiveDate::MAX)
                        });
                        let superseded = newest
                            .get(&r.contact)
                            .is_some_and(|(day, id)| *id != r.id && *day > r.date);
                        r.loop_closed
                            || superseded
                            || (thread.members.len() >= max_tries && due <= today)
                    } else {
                        // Followed by another try: silent when it came on a later day, or
                        // when the same day's next try fell silent too.
                        let closed = latest.loop_closed && latest.outcome.is_unanswered();
                        closed
                            || after
                                .is_some_and(|(day, next)| day > r.date || next == Answer::Silence)
                    };
                    if silent {
                        answer = Answer::Silence;
                    }
                }
                after = Some((r.date, answer));
                out.insert(r.id, answer);
            }
        }
        out
    }

    /// The reach-outs behind `figure` in `period` (nothing after `today`), oldest first: what
    /// a number opens to. It has exactly as many entries as the figure counts.
    pub fn records_of(
        &self,
        figure: Figure,
        period: super::Period,
        today: NaiveDate,
    ) -> Vec<(&ReachOut, Answer)> {
        let period = period.up_to(today);
        let answers = self.answers(today);
        let mut figures = Vec::new();
        let mut found: Vec<(&ReachOut, Answer)> = self
            .reach_outs
            .iter()
            .filter(|r| period.contains(r.date))
            .filter_map(|r| {
                let answer = answers.get(&r.id).copied().unwrap_or(Answer::Awaiting);
                figures_into(r, answer, &mut figures);
                figures.contains(&figure).then_some((r, answer))
            })
            .collect();
        found.sort_by_key(|(r, _)| (r.date, r.id));
        found
    }
}
