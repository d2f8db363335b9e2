//! The user's rules for trying again.

use serde::{Deserialize, Serialize};

use super::validate::{parse_in_range, FieldErrors, Limits};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Days without an answer before a follow-up is due.
    pub follow_up_days: u32,
    /// Unanswered tries (the first reach-out included) before the app suggests closing the loop.
    pub max_tries: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            follow_up_days: 7,
            max_tries: 3,
        }
    }
}

/// The fields of the settings form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SettingsField {
    FollowUpDays,
    MaxTries,
}

impl Settings {
    /// Settings from what the user typed, or a message for each field that is out of range.
    pub fn parse(
        follow_up_days: &str,
        max_tries: &str,
    ) -> Result<Settings, FieldErrors<SettingsField>> {
        let mut errors = FieldErrors::default();
        let days = parse_in_range(follow_up_days, Limits::FOLLOW_UP_DAYS, "days")
            .map_err(|e| errors.add(SettingsField::FollowUpDays, e));
        let tries = parse_in_range(max_tries, Limits::MAX_TRIES, "tries")
            .map_err(|e| errors.add(SettingsField::MaxTries, e));
        match (days, tries) {
            (Ok(follow_up_days), Ok(max_tries)) => Ok(Settings {
                follow_up_days,
                max_tries,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_up_rules_are_checked_before_they_are_taken() {
        assert_eq!(
            Settings::parse(" 3 ", "5"),
            Ok(Settings {
                follow_up_days: 3,
                max_tries: 5
            })
        );
        let errors = Settings::parse("0", "11").unwrap_err();
        assert_eq!(
            errors.get(SettingsField::FollowUpDays),
            Some("Enter a number of days from 1 to 90.")
        );
        assert_eq!(
            errors.get(SettingsField::MaxTries),
            Some("Enter a number of tries from 1 to 10.")
        );
        let errors = Settings::parse("7", "lots").unwrap_err();
        assert_eq!(
            errors.fields().collect::<Vec<_>>(),
            [SettingsField::MaxTries]
        );
        assert!(Settings::parse("4294967295", "3").is_err());
    }
}
