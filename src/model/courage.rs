//! The courage loop on one reach-out: what the person feared and expected before, how it felt
//! after, and whether a no still stings a day and a week later. Every part is optional; a
//! reach-out counts the moment it is logged, whatever is filled in here.
//!
//! All scales run the same way, 0 (at ease) to 10 (very afraid, it hurts), so fear before,
//! feeling right after and the sting later can be set side by side.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::validate::{check_length, parse_in_range, FieldErrors, Limits};
use super::{Book, ModelError, Outcome, ReachOutField, ReachOutId};

/// What the person expected to hear.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expectation {
    Ignored,
    No,
    Yes,
}

impl Expectation {
    pub const ALL: [Expectation; 3] = [Expectation::Ignored, Expectation::No, Expectation::Yes];

    pub fn label(self) -> &'static str {
        match self {
            Expectation::Ignored => "No answer",
            Expectation::No => "A no",
            Expectation::Yes => "A yes",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Expectation::Ignored => "ignored",
            Expectation::No => "no",
            Expectation::Yes => "yes",
        }
    }
}

/// How long the person thinks a no would bother them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StingGuess {
    Hour,
    Day,
    FewDays,
    WeekOrMore,
}

impl StingGuess {
    pub const ALL: [StingGuess; 4] = [
        StingGuess::Hour,
        StingGuess::Day,
        StingGuess::FewDays,
        StingGuess::WeekOrMore,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StingGuess::Hour => "An hour",
            StingGuess::Day => "A day",
            StingGuess::FewDays => "A few days",
            StingGuess::WeekOrMore => "A week or more",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            StingGuess::Hour => "hour",
            StingGuess::Day => "day",
            StingGuess::FewDays => "few_days",
            StingGuess::WeekOrMore => "week",
        }
    }
}

/// One "does it still sting?" check-in: answered on the 0–10 scale, or put away unanswered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckIn {
    Felt(u32),
    Skipped,
}

impl CheckIn {
    pub fn felt(self) -> Option<u32> {
        match self {
            CheckIn::Felt(level) => Some(level),
            CheckIn::Skipped => None,
        }
    }
}

/// Before reaching out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Before {
    /// How afraid, 0–10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fear: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<Expectation>,
    /// The chance of a yes, in percent; when given it is the prediction, finer than `expect`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yes_chance: Option<u32>,
    /// If it is a no, how long it will bother them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sting: Option<StingGuess>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub gain: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub worst: String,
}

impl Before {
    pub fn is_empty(&self) -> bool {
        *self == Before::default()
    }

    /// The predicted chance of a yes in percent, if any prediction was made: the chance when
    /// given, else 100 for "a yes" and 0 for "a no" or "no answer".
    pub fn predicted_yes(&self) -> Option<u32> {
        self.yes_chance.or(self.expect.map(|e| match e {
            Expectation::Yes => 100,
            Expectation::No | Expectation::Ignored => 0,
        }))
    }
}

/// After the answer came.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct After {
    /// How it feels now, 0 (at ease) to 10 (it hurts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feeling: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reflection: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_a_day: Option<CheckIn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_a_week: Option<CheckIn>,
}

impl After {
    pub fn is_empty(&self) -> bool {
        *self == After::default()
    }
}

/// What the "before" step of the log form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BeforeDraft {
    /// "" for not answered, else a number 0–10.
    pub fear: String,
    pub expect: Option<Expectation>,
    /// "" or a percentage.
    pub yes_chance: String,
    pub sting: Option<StingGuess>,
    pub gain: String,
    pub worst: String,
}

/// The message for a 0–10 answer out of range.
pub const LEVEL_MESSAGE: &str = "Pick a number from 0 to 10, or leave it empty.";
/// The message for a chance out of range.
pub const CHANCE_MESSAGE: &str = "Enter a chance from 0 to 100 %, or leave it empty.";

/// A 0–10 answer typed or picked into a form: "" is no answer.
pub(crate) fn parse_level(text: &str) -> Result<Option<u32>, &'static str> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_in_range(text, Limits::LEVEL, "points")
        .map(Some)
        .map_err(|_| LEVEL_MESSAGE)
}

impl BeforeDraft {
    pub(crate) fn validate(&self, errors: &mut FieldErrors<ReachOutField>) -> Before {
        let fear = parse_level(&self.fear)
            .map_err(|e| errors.add(ReachOutField::Fear, e))
            .unwrap_or_default();
        let yes_chance = if self.yes_chance.trim().is_empty() {
            None
        } else {
            parse_in_range(
                self.yes_chance.trim().trim_end_matches('%'),
                Limits::PERCENT,
                "percent",
            )
            .map_err(|_| errors.add(ReachOutField::YesChance, CHANCE_MESSAGE))
            .ok()
        };
        let mut text = |field, value: &str| {
            let value = value.trim().to_string();
            if let Err(message) = check_length(&value, Limits::SHORT_TEXT) {
                errors.add(field, message);
            }
            value
        };
        Before {
            fear,
            expect: self.expect,
            yes_chance,
            sting: self.sting,
            gain: text(ReachOutField::Gain, &self.gain),
            worst: text(ReachOutField::Worst, &self.worst),
        }
    }
}

/// Which check-in is due for a reach-out on `today`: a day after a decline or no response
/// (until the week is up), then a week after it (for one more week). Nothing older: opening
/// the app after a long pause does not ask about answers from months ago.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckInDue {
    AfterADay,
    AfterAWeek,
}

impl CheckInDue {
    pub fn label(self) -> &'static str {
        match self {
            CheckInDue::AfterADay => "a day",
            CheckInDue::AfterAWeek => "a week",
        }
    }
}

pub(crate) fn check_in_due(
    outcome: Outcome,
    answered: Option<NaiveDate>,
    after: &After,
    today: NaiveDate,
) -> Option<CheckInDue> {
    if !matches!(outcome, Outcome::Declined | Outcome::NoResponse) {
        return None;
    }
    let answered = answered?;
    let at = |days| answered.checked_add_days(Days::new(days));
    let (day, week, gone) = (at(1)?, at(7)?, at(14)?);
    if today >= week && today < gone {
        after
            .after_a_week
            .is_none()
            .then_some(CheckInDue::AfterAWeek)
    } else if today >= day && today < week {
        after.after_a_day.is_none().then_some(CheckInDue::AfterADay)
    } else {
        None
    }
}

impl Book {
    /// Records how the answer feels now (0–10, or none) and a line of reflection.
    pub fn record_feeling(
        &mut self,
        id: ReachOutId,
        feeling: Option<u32>,
        reflection: &str,
    ) -> Result<(), ModelError> {
        if feeling.is_some_and(|f| !Limits::LEVEL.contains(&f)) {
            return Err(ModelError::LevelOutOfRange);
        }
        let reflection = reflection.trim().to_string();
        check_length(&reflection, Limits::REACH_OUT_NOTE).map_err(ModelError::NoteTooLong)?;
        let reach_out = self.reach_out_mut(id)?;
        reach_out.after.feeling = feeling;
        reach_out.after.reflection = reflection;
        Ok(())
    }

    /// Answers (or puts away) a "does it still sting?" check-in.
    pub fn answer_check_in(
        &mut self,
        id: ReachOutId,
        which: CheckInDue,
        answer: CheckIn,
    ) -> Result<(), ModelError> {
        if answer.felt().is_some_and(|f| !Limits::LEVEL.contains(&f)) {
            return Err(ModelError::LevelOutOfRange);
        }
        let after = &mut self.reach_out_mut(id)?.after;
        match which {
            CheckInDue::AfterADay => after.after_a_day = Some(answer),
            CheckInDue::AfterAWeek => after.after_a_week = Some(answer),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn check_ins_come_a_day_then_a_week_after_a_no_and_then_stop() {
        let none = After::default();
        let due = |today| check_in_due(Outcome::Declined, Some(day(10)), &none, today);
        assert_eq!(due(day(10)), None);
        assert_eq!(due(day(11)), Some(CheckInDue::AfterADay));
        assert_eq!(due(day(16)), Some(CheckInDue::AfterADay));
        assert_eq!(due(day(17)), Some(CheckInDue::AfterAWeek));
        assert_eq!(due(day(23)), Some(CheckInDue::AfterAWeek));
        assert_eq!(due(day(24)), None);
        let answered = After {
            after_a_day: Some(CheckIn::Skipped),
            ..After::default()
        };
        assert_eq!(
            check_in_due(Outcome::NoResponse, Some(day(10)), &answered, day(12)),
            None
        );
        assert_eq!(
            check_in_due(Outcome::Accepted, Some(day(10)), &none, day(12)),
            None
        );
    }

    #[test]
    fn a_chance_is_finer_than_an_expectation() {
        let before = Before {
            expect: Some(Expectation::No),
            yes_chance: Some(30),
            ..Before::default()
        };
        assert_eq!(before.predicted_yes(), Some(30));
        let plain = Before {
            expect: Some(Expectation::Yes),
            ..Before::default()
        };
        assert_eq!(plain.predicted_yes(), Some(100));
        assert_eq!(Before::default().predicted_yes(), None);
    }

    #[test]
    fn the_before_step_checks_its_numbers() {
        let mut errors = FieldErrors::default();
        let draft = BeforeDraft {
            fear: "11".into(),
            yes_chance: "4294967295".into(),
            ..BeforeDraft::default()
        };
        draft.validate(&mut errors);
        assert!(errors.get(ReachOutField::Fear).is_some());
        assert!(errors.get(ReachOutField::YesChance).is_some());
        let mut errors = FieldErrors::default();
        let before = BeforeDraft {
            fear: "7".into(),
            yes_chance: "40 %".into(),
            ..BeforeDraft::default()
        };
        let got = before.validate(&mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!((got.fear, got.yes_chance), (Some(7), Some(40)));
    }
}
