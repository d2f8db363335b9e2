//! A reach-out: one attempt to contact someone, on a channel, on a day.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::courage::{After, Before, BeforeDraft};
use super::validate::{check_day, check_length, FieldErrors, Limits};
use super::{ContactId, Outcome, ReachOutId};

/// Where a reach-out stands in its person's history: who, which day, and its id (which grows
/// with time, so it orders reach-outs of one day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ThreadPlace {
    pub contact: ContactId,
    pub date: NaiveDate,
    pub id: ReachOutId,
}

impl ThreadPlace {
    /// The one rule of a thread's order, used by every door: a follow-up is to the same person
    /// and comes after what it follows, by day and then by id.
    pub fn may_follow(self, earlier: ThreadPlace) -> bool {
        self.contact == earlier.contact && (earlier.date, earlier.id) < (self.date, self.id)
    }
}

/// How the user reached out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Phone,
    Linkedin,
    InPerson,
    Text,
    Video,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 7] = [
        Channel::Email,
        Channel::Phone,
        Channel::Linkedin,
        Channel::InPerson,
        Channel::Text,
        Channel::Video,
        Channel::Other,
    ];

    /// The words shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Email => "Email",
            Channel::Phone => "Phone",
            Channel::Linkedin => "LinkedIn",
            Channel::InPerson => "In person",
            Channel::Text => "Text message",
            Channel::Video => "Video call",
            Channel::Other => "Other",
        }
    }

    /// A stable short name, used as a form value.
    pub fn key(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Linkedin => "linkedin",
            Channel::InPerson => "in_person",
            Channel::Text => "text",
            Channel::Video => "video",
            Channel::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReachOut {
    pub id: ReachOutId,
    pub contact: ContactId,
    pub channel: Channel,
    /// The day it happened, in the user's local calendar.
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub created: DateTime<Utc>,
    /// The earlier reach-out this one follows up, if it is a follow-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows_up: Option<ReachOutId>,
    #[serde(default, skip_serializing_if = "Outcome::is_awaiting")]
    pub outcome: Outcome,
    /// The day the outcome came; none while awaiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outcome_note: String,
    /// A follow-up is not due before this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snoozed_until: Option<NaiveDate>,
    /// The user closed this thread: no more follow-ups are suggested for it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub loop_closed: bool,
    /// Fear and expectation before reaching out.
    #[serde(default, skip_serializing_if = "Before::is_empty")]
    pub before: Before,
    /// How it felt after the answer, and the check-ins later.
    #[serde(default, skip_serializing_if = "After::is_empty")]
    pub after: After,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReachOutField {
    Channel,
    Date,
    Note,
    Fear,
    YesChance,
    Gain,
    Worst,
}

/// What the user entered in the "log a reach-out" form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReachOutDraft {
    pub channel: Option<Channel>,
    /// As typed into a date input: `YYYY-MM-DD`.
    pub date: String,
    pub note: String,
    /// Set when this reach-out follows up an earlier one.
    pub follows_up: Option<ReachOutId>,
    /// The optional "before" step: fear and expectation.
    pub before: BeforeDraft,
}

impl ReachOutDraft {
    /// A fresh form: no channel picked yet, dated today.
    pub fn new(today: NaiveDate) -> Self {
        ReachOutDraft {
            channel: None,
            date: today.format("%Y-%m-%d").to_string(),
            note: String::new(),
            follows_up: None,
            before: BeforeDraft::default(),
        }
    }

    pub(crate) fn validate(
        &self,
        today: NaiveDate,
    ) -> Result<(Channel, NaiveDate, String, Before), FieldErrors<ReachOutField>> {
        let mut errors = FieldErrors::default();
        if self.channel.is_none() {
            errors.add(ReachOutField::Channel, "Please pick how you reached out.");
        }
        let date = match NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d") {
            Ok(date) if date > today => {
                errors.add(
                    ReachOutField::Date,
                    "That date is in the future; log a reach-out once it has happened.",
                );
                None
            }
            Ok(date) => match check_day(date) {
                Ok(()) => Some(date),
                Err(invalid) => {
                    errors.add(ReachOutField::Date, invalid);
                    None
                }
            },
            Err(_) if self.date.trim().is_empty() => {
                errors.add(
                    ReachOutField::Date,
                    "Please enter the date you reached out.",
                );
                None
            }
            Err(_) => {
                errors.add(
                    ReachOutField::Date,
                    "That is not a date (use the form YYYY-MM-DD).",
                );
                None
            }
        };
        let note = self.note.trim().to_string();
        if let Err(message) = check_length(&note, Limits::REACH_OUT_NOTE) {
            errors.add(ReachOutField::Note, message);
        }
        let before = self.before.validate(&mut errors);
        match (self.channel, date) {
            (Some(channel), Some(date)) if errors.is_empty() => Ok((channel, date, note, before)),
            _ => Err(errors),
        }
    }
}

impl ReachOut {
    /// Where this reach-out stands in its person's history.
    pub fn place(&self) -> ThreadPlace {
        ThreadPlace {
            contact: self.contact,
            date: self.date,
            id: self.id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_keys_round_trip() {
        for channel in Channel::ALL {
            assert_eq!(Channel::from_key(channel.key()), Some(channel));
        }
        assert_eq!(Channel::from_key("pigeon"), None);
    }

    #[test]
    fn a_new_draft_is_dated_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(ReachOutDraft::new(today).date, "2026-11-27");
    }
}
