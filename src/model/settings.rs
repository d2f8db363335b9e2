//! The user's rules: when to try again, and the weekly goal the courage loop counts against.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::validate::{parse_in_range, FieldErrors, Invalid, Limits};
use super::{Book, ModelError};

/// The day a week starts on, for the weekly goal and the charts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekStart {
    #[default]
    Monday,
    Sunday,
    Saturday,
}

impl WeekStart {
    pub const ALL: [WeekStart; 3] = [WeekStart::Monday, WeekStart::Sunday, WeekStart::Saturday];

    pub fn label(self) -> &'static str {
        match self {
            WeekStart::Monday => "Monday",
            WeekStart::Sunday => "Sunday",
            WeekStart::Saturday => "Saturday",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            WeekStart::Monday => "monday",
            WeekStart::Sunday => "sunday",
            WeekStart::Saturday => "saturday",
        }
    }

    pub fn from_key(key: &str) -> Option<WeekStart> {
        WeekStart::ALL.into_iter().find(|w| w.key() == key)
    }

    fn weekday(self) -> Weekday {
        match self {
            WeekStart::Monday => Weekday::Mon,
            WeekStart::Sunday => Weekday::Sun,
            WeekStart::Saturday => Weekday::Sat,
        }
    }

    /// The first day of the week that holds `day`.
    pub fn week_of(self, day: NaiveDate) -> NaiveDate {
        let back = day.weekday().days_since(self.weekday());
        day.checked_sub_days(chrono::Days::new(u64::from(back)))
            .unwrap_or(day)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Days without an answer before a follow-up is due.
    pub follow_up_days: u32,
    /// Unanswered tries (the first reach-out included) before the app suggests closing the loop.
    pub max_tries: u32,
    /// Reach-outs a week the person aims for; `None` until they choose one. No goal and no
    /// strength score is shown before they do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekly_goal: Option<u32>,
    /// The one-time "what weekly goal feels right?" question was put away without an answer:
    /// Today does not ask again (Settings still can set a goal).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub goal_question_skipped: bool,
    pub week_start: WeekStart,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            follow_up_days: 7,
            max_tries: 3,
            weekly_goal: None,
            goal_question_skipped: false,
            week_start: WeekStart::Monday,
        }
    }
}

/// The goal the one-time question suggests: small enough to meet in a hard week.
pub const SUGGESTED_GOAL: u32 = 2;

impl Settings {
    /// The goal the person chose, checked: 1 to 50 reach-outs a week.
    pub fn choose_goal(&mut self, text: &str) -> Result<(), Invalid> {
        self.weekly_goal = Some(parse_in_range(text, Limits::WEEKLY_GOAL, "reach-outs")?);
        Ok(())
    }
}

impl Book {
    /// Takes the settings form as typed, or refuses it with a message per field out of range.
    pub fn change_settings(&mut self, draft: &SettingsDraft) -> Result<(), ModelError> {
        self.settings = draft
            .parse(&self.settings)
            .map_err(ModelError::InvalidSettings)?;
        Ok(())
    }

    /// Sets the weekly goal from Today's question: 1 to 50 reach-outs a week.
    pub fn choose_goal(&mut self, text: &str) -> Result<(), ModelError> {
        self.settings
            .choose_goal(text)
            .map_err(ModelError::InvalidGoal)
    }

    /// Puts Today's goal question away; Settings can still set a goal.
    pub fn skip_goal_question(&mut self) {
        self.settings.goal_question_skipped = true;
    }
}

/// The fields of the settings form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SettingsField {
    FollowUpDays,
    MaxTries,
    WeeklyGoal,
}

/// The settings form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingsDraft {
    pub follow_up_days: String,
    pub max_tries: String,
    /// Empty for no goal.
    pub weekly_goal: String,
    pub week_start: WeekStart,
}

impl SettingsDraft {
    pub fn from_settings(settings: &Settings) -> Self {
        SettingsDraft {
            follow_up_days: settings.follow_up_days.to_string(),
            max_tries: settings.max_tries.to_string(),
            weekly_goal: settings
                .weekly_goal
                .map(|g| g.to_string())
                .unwrap_or_default(),
            week_start: settings.week_start,
        }
    }

    /// Settings from what the user typed, or a message for each field that is out of range.
    /// `current` gives what the form does not show (whether the goal question was put away).
    pub fn parse(&self, current: &Settings) -> Result<Settings, FieldErrors<SettingsField>> {
        let mut errors = FieldErrors::default();
        let mut number = |field, text: &str, range, unit| {
            parse_in_range(text, range, unit)
                .map_err(|e| errors.add(field, e))
                .unwrap_or_default()
        };
        let settings = Settings {
            follow_up_days: number(
                SettingsField::FollowUpDays,
                &self.follow_up_days,
                Limits::FOLLOW_UP_DAYS,
                "days",
            ),
            max_tries: number(
                SettingsField::MaxTries,
                &self.max_tries,
                Limits::MAX_TRIES,
                "tries",
            ),
            weekly_goal: (!self.weekly_goal.trim().is_empty()).then(|| {
                number(
                    SettingsField::WeeklyGoal,
                    &self.weekly_goal,
                    Limits::WEEKLY_GOAL,
                    "reach-outs",
                )
            }),
            goal_question_skipped: current.goal_question_skipped,
            week_start: self.week_start,
        };
        errors.into_result(settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(days: &str, tries: &str, goal: &str) -> SettingsDraft {
        SettingsDraft {
            follow_up_days: days.into(),
            max_tries: tries.into(),
            weekly_goal: goal.into(),
            week_start: WeekStart::Sunday,
        }
    }

    #[test]
    fn rules_are_checked_before_they_are_taken() {
        let now = Settings::default();
        assert_eq!(
            draft(" 3 ", "5", "4").parse(&now),
            Ok(Settings {
                follow_up_days: 3,
                max_tries: 5,
                weekly_goal: Some(4),
                goal_question_skipped: false,
                week_start: WeekStart::Sunday,
            })
        );
        assert_eq!(draft("3", "5", " ").parse(&now).unwrap().weekly_goal, None);
        let errors = draft("0", "11", "0").parse(&now).unwrap_err();
        assert_eq!(
            errors.get(SettingsField::FollowUpDays),
            Some("Enter a number of days from 1 to 90.")
        );
        assert_eq!(
            errors.get(SettingsField::MaxTries),
            Some("Enter a number of tries from 1 to 10.")
        );
        assert_eq!(
            errors.get(SettingsField::WeeklyGoal),
            Some("Enter a number of reach-outs from 1 to 50.")
        );
        let errors = draft("7", "lots", "3").parse(&now).unwrap_err();
        assert_eq!(
            errors.fields().collect::<Vec<_>>(),
            [SettingsField::MaxTries]
        );
        assert!(draft("4294967295", "3", "3").parse(&now).is_err());
        assert!(draft("7", "3", "4294967295").parse(&now).is_err());
    }

    #[test]
    fn no_goal_until_one_is_chosen() {
        let mut settings = Settings::default();
        assert_eq!(settings.weekly_goal, None);
        assert!(settings.choose_goal("51").is_err());
        assert!(settings.choose_goal("4294967295").is_err());
        assert_eq!(settings.weekly_goal, None);
        settings.choose_goal(" 2 ").unwrap();
        assert_eq!(settings.weekly_goal, Some(SUGGESTED_GOAL));
    }

    #[test]
    fn a_week_starts_on_the_chosen_day() {
        let thursday = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(WeekStart::Monday.week_of(thursday), day(23));
        assert_eq!(WeekStart::Sunday.week_of(thursday), day(22));
        assert_eq!(WeekStart::Saturday.week_of(thursday), day(21));
        assert_eq!(WeekStart::Monday.week_of(day(23)), day(23));
        assert_eq!(WeekStart::Sunday.week_of(day(29)), day(29));
    }
}
