//! A period of days that Insights and the report count over, and the report's two date fields
//! read as one.

use chrono::{Days, NaiveDate};

use crate::model::Limits;

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

    /// Everything up to `today`: from the first day Reachout keeps.
    pub fn all_time(today: NaiveDate) -> Period {
        Period {
            from: crate::model::Limits::first_day(),
            to: today,
        }
    }

    /// The week that holds `today`, as Today's week card counts it: from its first day to today.
    pub fn this_week(week_start: crate::model::WeekStart, today: NaiveDate) -> Period {
        Period {
            from: week_start.week_of(today),
            to: today,
        }
    }

    /// The period without anything after `today`.
    pub fn up_to(self, today: NaiveDate) -> Period {
        Period {
            from: self.from,
            to: self.to.min(today),
        }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        (self.from..=self.to).contains(&day)
    }
}

/// Why the report's two days make no period, and which field the message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// The first day is not a date Reachout keeps.
    First,
    /// The last day is not a date Reachout keeps.
    Last,
    /// The first day comes after the last.
    Backwards,
}

impl PeriodError {
    /// True when the message belongs to the first day's field; else to the last day's.
    pub fn on_first(self) -> bool {
        self == PeriodError::First
    }

    pub fn message(self) -> &'static str {
        match self {
            PeriodError::Backwards => "The first day must come before the last.",
            PeriodError::First | PeriodError::Last => {
                "Enter a date (YYYY-MM-DD) between 1900 and 2200."
            }
        }
    }
}

/// A day typed as YYYY-MM-DD, if it is one Reachout keeps.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| Limits::day_in_range(*d))
}

impl Period {
    /// The period from the two days typed, both included.
    pub fn from_texts(from: &str, to: &str) -> Result<Period, PeriodError> {
        match (parse_day(from), parse_day(to)) {
            (Some(from), Some(to)) if from <= to => Ok(Period { from, to }),
            (Some(_), Some(_)) => Err(PeriodError::Backwards),
            (None, _) => Err(PeriodError::First),
            (_, None) => Err(PeriodError::Last),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn two_typed_days_make_a_period_or_say_which_field_is_wrong() {
        assert_eq!(
            Period::from_texts(" 2026-03-01", "2026-03-31 "),
            Ok(Period {
                from: day(2026, 3, 1),
                to: day(2026, 3, 31)
            })
        );
        let first = Period::from_texts("2026-13-01", "2026-03-31").unwrap_err();
        assert!(first.on_first());
        let last = Period::from_texts("2026-03-01", "9999-12-31").unwrap_err();
        assert_eq!(last, PeriodError::Last);
        assert!(!last.on_first());
        let backwards = Period::from_texts("2026-04-01", "2026-03-31").unwrap_err();
        assert_eq!(
            backwards.message(),
            "The first day must come before the last."
        );
        assert!(!backwards.on_first());
    }
}
