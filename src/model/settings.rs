//! The user's rules for trying again.

use serde::{Deserialize, Serialize};

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

impl Settings {
    /// Settings from what the user typed, or a message for each field that is out of range.
    pub fn parse(
        follow_up_days: &str,
        max_tries: &str,
    ) -> Result<Settings, (Option<String>, Option<String>)> {
        let days = match follow_up_days.trim().parse::<u32>() {
            Ok(days @ 1..=90) => Ok(days),
            _ => Err("Enter a number of days from 1 to 90.".to_string()),
        };
        let tries = match max_tries.trim().parse::<u32>() {
            Ok(tries @ 1..=10) => Ok(tries),
            _ => Err("Enter a number of tries from 1 to 10.".to_string()),
        };
        match (days, tries) {
            (Ok(follow_up_days), Ok(max_tries)) => Ok(Settings {
                follow_up_days,
                max_tries,
            }),
            (days, tries) => Err((days.err(), tries.err())),
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
        let (days, tries) = Settings::parse("0", "11").unwrap_err();
        assert!(days.is_some() && tries.is_some());
        let (days, tries) = Settings::parse("7", "lots").unwrap_err();
        assert!(days.is_none() && tries.is_some());
    }
}
