//! Why an operation on the book was refused: each message is meant to be shown to the person.

use super::book::FEW_IDS;
use super::contact::ContactField;
use super::reach_out::ReachOutField;
use super::settings::SettingsField;
use super::template::TemplateField;
use super::tracking::OutcomeField;
use super::validate::{FieldErrors, Invalid, Limits};
use super::{ContactId, ReachOutId};

/// Why an operation on the book was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ModelError {
    #[error("That contact no longer exists.")]
    UnknownContact(ContactId),
    #[error("Some fields need another look.")]
    InvalidContact(FieldErrors<ContactField>),
    #[error("Some fields need another look.")]
    InvalidReachOut(FieldErrors<ReachOutField>),
    #[error("That reach-out no longer exists.")]
    UnknownReachOut(ReachOutId),
    #[error("Some fields need another look.")]
    InvalidOutcome(FieldErrors<OutcomeField>),
    #[error("This record has used up its ids; download a backup and restore it to renumber.")]
    OutOfIds,
    #[error(
        "Pick a day after today to snooze until, at most until {}.",
        Limits::LAST_YEAR
    )]
    SnoozeDay,
    #[error("Pick a rhythm between {} and {} days.", Limits::STAY_IN_TOUCH_DAYS.start(), Limits::STAY_IN_TOUCH_DAYS.end())]
    RhythmOutOfRange,
    #[error("Pick another contact to merge with.")]
    MergeWithItself,
    #[error("A tag needs one to {} characters and no comma.", Limits::TAG)]
    BadTag,
    #[error("Some fields need another look.")]
    InvalidTemplate(FieldErrors<TemplateField>),
    #[error("That template no longer exists.")]
    UnknownTemplate,
    #[error("That near miss no longer exists.")]
    UnknownNearMiss,
    #[error("{0}")]
    NoteTooLong(Invalid),
    #[error("Some fields need another look.")]
    InvalidSettings(FieldErrors<SettingsField>),
    #[error("{0}")]
    InvalidGoal(Invalid),
    #[error("Please pick a number from 0 to 10.")]
    LevelOutOfRange,
    #[error("The app's state is no longer available; please reload the page.")]
    Unavailable,
    #[error("That reply was sorted already.")]
    NotAnUnsortedReply,
    #[error("{0}")]
    InvalidReminder(String),
    #[error("No follow-up is overdue.")]
    NothingOverdue,
    #[error("After this merge fewer than {} new records could be added: the backup's ids reach the top of their range. Restore it instead (a restore renumbers them), then add again what only this browser has.", crate::model::grouped(FEW_IDS))]
    FewIdsLeft,
}
