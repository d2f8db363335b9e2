//! Fields another tab changed while an edit form was open, and that the form changed too.

use super::{ContactDraft, ContactField};

/// A field of a contact that changed elsewhere (another tab) while an edit form was open, and
/// that the form changed too: saving would drop one of the two texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditConflict {
    pub field: ContactField,
    /// What the contact holds now.
    pub theirs: String,
    /// What the form holds.
    pub mine: String,
}

/// The fields that both `before` → `now` (elsewhere) and `before` → `after` (this form)
/// changed, to different texts.
pub fn edit_conflicts(
    before: &ContactDraft,
    now: &ContactDraft,
    after: &ContactDraft,
) -> Vec<EditConflict> {
    ContactField::ALL
        .into_iter()
        .filter(|f| {
            let (was, theirs, mine) = (before.field(*f), now.field(*f), after.field(*f));
            was != theirs && was != mine && theirs.trim() != mine.trim()
        })
        .map(|f| EditConflict {
            field: f,
            theirs: now.field(f).to_string(),
            mine: after.field(f).to_string(),
        })
        .collect()
}
