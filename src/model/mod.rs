//! The pure model of Reachout: contacts, reach-outs and the rules on them.
//! Nothing here touches the browser or a clock; time and ids come in from the edge.

mod book;
mod calendar;
mod check;
mod contact;
mod courage;
pub mod courage_words;
mod duplicates;
mod error;
mod follow_up;
mod history;
mod import_plan;
pub mod insights;
mod near_miss;
mod outcome;
pub mod passphrase;
mod quick_add;
mod reach_out;
mod reminders;
mod removal;
mod search;
mod settings;
mod template;
mod tracking;
mod two_devices;
pub mod two_tabs;
mod validate;
pub mod words;

pub use book::{Book, FEW_IDS};
pub use calendar::{CalendarEntry, Dated};
pub use check::Adjustment;
pub use contact::{Contact, ContactDraft, ContactField, EditConflict};
pub use courage::{After, Before, BeforeDraft, CheckIn, CheckInDue, Expectation, StingGuess};
pub use duplicates::{Conflict, Side, Undo};
pub use error::ModelError;
pub use follow_up::{Agenda, Degree, OpenThread, Stage, StayInTouchDue, ThreadState, Tone};
pub use history::Win;
pub use import_plan::{
    Existing, ImportAction, ImportPlan, ImportSummary, Incoming, IncomingPerson, IncomingReachOut,
    Joined, Planned, Skipped, STALE_AFTER_DAYS,
};
pub use near_miss::NearMiss;
pub use outcome::{Opportunity, Outcome};
pub use quick_add::{Listed, NameList, SameAs, Similar, MAX_PASTED};
pub use reach_out::{Channel, ReachOut, ReachOutDraft, ReachOutField, ThreadPlace};
pub use reminders::{
    coming_back, notification_text, Digest, DueOn, Rescheduled, WeeklyNudge, AWAY_DAYS,
    DIGEST_DAYS, FRESH_PER_DAY, NAMES_SHOWN,
};
pub use removal::{Deleted, Removed, Tagged};
pub use search::{fold, ContactIndex, ContactQuery, IndexEntry, NextFollowUp, SortKey};
pub use settings::{Settings, SettingsDraft, SettingsField, WeekStart, SUGGESTED_GOAL};
pub use template::{starters, Filled, Template, TemplateField, PLACEHOLDERS};
pub use tracking::{LogAlso, OutcomeDraft, OutcomeField};
pub use two_devices::{merge_devices, DeviceMerge};
pub use validate::{breaks_line, is_web_link, FieldErrors, Invalid, Limits};
pub use words::{grouped, one_decimal};

/// A map keyed by record ids, hashed with `rustc-hash` (already in the download through
/// Leptos) rather than the standard SipHash: the history is walked through such maps on every
/// change, and at 50,000 reach-outs SipHash was a quarter of that time. Ids are the person's
/// own data, so hash flooding is no concern here.
pub type IdMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;
/// A set of record ids; see [`IdMap`].
pub type IdSet<K> = std::collections::HashSet<K, rustc_hash::FxBuildHasher>;

use serde::{Deserialize, Serialize};

/// Identifies a contact. Ids come from a counter in [`Book`], never from randomness,
/// so that a saved document and a test are reproducible.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContactId(pub u64);

/// Identifies a reach-out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReachOutId(pub u64);

impl std::fmt::Display for ContactId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for ContactId {
    type Err = std::num::ParseIntError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(ContactId)
    }
}
