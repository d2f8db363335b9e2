//! What an import would do and did: one tally for the preview's button and the message after
//! applying it ([`ImportPlan::summary`]), and the choices per person carried from one plan to
//! the next when the plan is made again (another column mapping, a row kept apart).

use std::collections::{HashMap, HashSet};

use super::{ImportAction, ImportPlan};
use crate::model::ContactId;

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub merged: usize,
    pub left_out: usize,
    pub reach_outs: usize,
    /// Reach-outs already in the book (the same file imported again).
    pub reach_outs_known: usize,
}

impl ImportSummary {
    /// True when applying would add and fill in nothing.
    pub fn changes_nothing(&self) -> bool {
        self.added + self.merged + self.reach_outs == 0
    }

    /// The preview's button: "Import 7 new contacts, 2 merged, 5 reach-outs", or "Nothing new
    /// to import".
    pub fn confirm_label(&self) -> String {
        use crate::model::words::plural;
        if self.changes_nothing() {
            return "Nothing new to import".into();
        }
        let mut parts = vec![plural(self.added, "new contact", "new contacts")];
        if self.merged > 0 {
            parts.push(format!("{} merged", self.merged));
        }
        if self.reach_outs > 0 {
            parts.push(plural(self.reach_outs, "reach-out", "reach-outs"));
        }
        format!("Import {}", parts.join(", "))
    }

    /// The message after applying: "Imported: 7 new contacts and 5 reach-outs. …"
    pub fn describe(&self) -> String {
        use crate::model::words::plural;
        let mut text = format!(
            "Imported: {} and {}.",
            plural(self.added, "new contact", "new contacts"),
            plural(self.reach_outs, "reach-out", "reach-outs")
        );
        if self.merged > 0 {
            text.push_str(&format!(
                " {} you had {} filled in.",
                plural(self.merged, "contact", "contacts"),
                if self.merged == 1 { "was" } else { "were" }
            ));
        }
        if self.left_out > 0 {
            text.push_str(&format!(" {} left out, as you chose.", self.left_out));
        }
        if self.reach_outs_known > 0 {
            text.push_str(&format!(
                " {} you had already.",
                plural(
                    self.reach_outs_known,
                    "reach-out was one",
                    "reach-outs were ones"
                )
            ));
        }
        text
    }
}

/// Whose a reach-out would become: a contact already there, or the new contact made for a
/// person of the plan.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Existing(ContactId),
    New(usize),
}

impl ImportPlan {
    /// The action for the person at `at`: the one chosen, else the one proposed.
    pub fn action(&self, actions: &[ImportAction], at: usize) -> ImportAction {
        actions
            .get(at)
            .copied()
            .unwrap_or_else(|| self.people[at].proposed)
    }

    /// What applying the plan with `actions` does: contacts added, contacts a merge fills in,
    /// people left out, reach-outs added and reach-outs already there. [`crate::model::Book::
    /// apply_import`] returns this same tally.
    pub fn summary(&self, actions: &[ImportAction]) -> ImportSummary {
        let mut summary = ImportSummary::default();
        let targets: Vec<Option<Target>> = self
            .people
            .iter()
            .enumerate()
            .map(
                |(at, person)| match (self.action(actions, at), &person.existing) {
                    (ImportAction::Skip, _) => {
                        summary.left_out += 1;
                        None
                    }
                    (ImportAction::Merge, Some(existing)) => {
                        summary.merged += usize::from(!existing.fills.is_empty());
                        Some(Target::Existing(existing.id))
                    }
                    _ => {
                        summary.added += 1;
                        Some(Target::New(at))
                    }
                },
            )
            .collect();
        let known: HashSet<usize> = self.known.iter().copied().collect();
        let mut seen = HashSet::new();
        for (i, reach_out) in self.reach_outs.iter().enumerate() {
            let Some(Some(target)) = targets.get(reach_out.person).copied() else {
                continue;
            };
            let already = matches!(target, Target::Existing(_)) && known.contains(&i);
            if already || !seen.insert((target, reach_out.channel, reach_out.date)) {
                summary.reach_outs_known += 1;
            } else {
                summary.reach_outs += 1;
            }
        }
        summary
    }

    /// Each person's place in the files, in the plan's order, for [`ImportPlan::carry`].
    pub fn places(&self) -> Vec<String> {
        self.people.iter().map(|p| p.place.clone()).collect()
    }

    /// The actions for this plan: the choice made in an earlier plan for the person at the
    /// same place (`places` and `actions` of that plan), else the one proposed.
    pub fn carry(&self, places: &[String], actions: &[ImportAction]) -> Vec<ImportAction> {
        let earlier: HashMap<&str, ImportAction> = places
            .iter()
            .map(String::as_str)
            .zip(actions.iter().copied())
            .collect();
        self.people
            .iter()
            .map(|p| earlier.get(p.place.as_str()).copied().unwrap_or(p.proposed))
            .collect()
    }
}
