//! Bringing people in from another place: what a file holds ([`Incoming`], filled by the
//! readers in `format::import_files`), what importing it would do to the book ([`ImportPlan`]: new
//! people, the ones already there with a proposed action each, the rows left out and why), and
//! applying it in one step ([`Book::apply_import`]), which returns a new book or nothing.
//!
//! Every value goes through the same checks as the contact form: text longer than a field
//! holds is cut (and the preview says so), a link that is not a web link or an address that is
//! not an email is left out with a word, and a row without a usable name is not imported.
//! Importing the same file twice adds nothing: people are matched by LinkedIn profile, email
//! or name, a match is merged by filling only the fields that are empty, and a reach-out on
//! the same day, on the same channel, to the same person is already there.

mod draft;
mod incoming;
mod plan;
mod summary;

pub use incoming::{Incoming, IncomingPerson, IncomingReachOut, Joined, Skipped};
pub use summary::ImportSummary;

use chrono::NaiveDate;

use super::{ContactDraft, ContactId, SameAs};

/// Unanswered imported reach-outs older than this are counted as "no response" with the loop
/// closed: years of history must not fill Today with follow-ups of long-gone messages.
pub const STALE_AFTER_DAYS: i64 = 90;

/// What to do with one imported person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportAction {
    /// A new contact.
    Add,
    /// Fill the empty fields of the contact already there, and add the reach-outs to them.
    Merge,
    /// Leave them out, with their reach-outs.
    Skip,
}

impl ImportAction {
    pub const ALL: [ImportAction; 3] = [ImportAction::Merge, ImportAction::Add, ImportAction::Skip];

    pub fn label(self) -> &'static str {
        match self {
            ImportAction::Add => "Add as a new contact",
            ImportAction::Merge => "Merge into the one you have",
            ImportAction::Skip => "Skip",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ImportAction::Add => "add",
            ImportAction::Merge => "merge",
            ImportAction::Skip => "skip",
        }
    }

    pub fn from_key(key: &str) -> Option<ImportAction> {
        ImportAction::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// A contact already in the book that an imported person matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existing {
    pub id: ContactId,
    pub name: String,
    pub same: SameAs,
    /// The fields a merge would fill, in the form's words; empty when it would change nothing.
    pub fills: Vec<&'static str>,
}

/// One imported person, checked and compared with the book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub place: String,
    pub draft: ContactDraft,
    /// What was cut or left out of their row.
    pub warnings: Vec<String>,
    pub existing: Option<Existing>,
    pub proposed: ImportAction,
    /// How many of the imported reach-outs are theirs.
    pub reach_outs: usize,
    /// Among the LinkedIn connections, and since when if known.
    pub connected: Option<Option<NaiveDate>>,
}

/// What importing would do, for the preview; nothing changes until it is applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub people: Vec<Planned>,
    pub reach_outs: Vec<IncomingReachOut>,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<String>,
    /// The reach-outs (indices into `reach_outs`) that the matched contact has already (the
    /// same channel and day): a merge leaves them out, "Add as a new contact" keeps them.
    pub known: Vec<usize>,
    /// Rows joined with another row of the same file, and those kept apart.
    pub joined: Vec<Joined>,
}

impl ImportPlan {
    /// The actions proposed for each person, in order: what the preview starts from.
    pub fn proposed(&self) -> Vec<ImportAction> {
        self.people.iter().map(|p| p.proposed).collect()
    }

    /// People not in the book yet.
    pub fn new_people(&self) -> usize {
        self.people.iter().filter(|p| p.existing.is_none()).count()
    }

    /// People matched with a contact already there.
    pub fn duplicates(&self) -> usize {
        self.people.iter().filter(|p| p.existing.is_some()).count()
    }
}
