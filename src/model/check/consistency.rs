//! The rules that make a book whole: ids in range and used once, every reach-out's contact
//! there, every follow-up after the reach-out it follows up. One predicate, that every door
//! data comes in by (stored text, a backup, its parts) runs.

use crate::model::{Book, IdMap, IdSet, Limits};

impl Book {
    /// Refuses a book whose records contradict each other (an id out of range or used twice, a
    /// reach-out of a missing contact, a follow-up out of its thread's order), saying how; and
    /// repairs the id counter, which is derivable, so that a new record can never take an
    /// existing id. Every reader of stored text and backups runs it.
    pub fn check_consistency(&mut self) -> Result<(), String> {
        let mut ids = IdSet::default();
        if let Some(id) = self
            .contacts
            .iter()
            .map(|c| c.id.0)
            .chain(self.reach_outs.iter().map(|r| r.id.0))
            .find(|id| *id == 0 || *id > Limits::MAX_ID)
        {
            return Err(format!(
                "the id {id} is outside the range of ids (1 to {})",
                Limits::MAX_ID
            ));
        }
        for id in self
            .contacts
            .iter()
            .map(|c| c.id.0)
            .chain(self.reach_outs.iter().map(|r| r.id.0))
        {
            if !ids.insert(id) {
                return Err(format!("the id {id} is used twice"));
            }
        }
        let contacts: IdSet<_> = self.contacts.iter().map(|c| c.id).collect();
        if let Some(orphan) = self
            .reach_outs
            .iter()
            .find(|r| !contacts.contains(&r.contact))
        {
            return Err(format!(
                "reach-out {} belongs to contact {}, which is missing",
                orphan.id.0, orphan.contact.0
            ));
        }
        let reach_outs: IdMap<_, _> = self.reach_outs.iter().map(|r| (r.id, r)).collect();
        for reach_out in &self.reach_outs {
            if let Some(earlier) = reach_out.follows_up {
                let linked = reach_outs.get(&earlier);
                if linked.is_none_or(|r| !reach_out.place().may_follow(r.place())) {
                    return Err(format!(
                        "reach-out {} follows up {}, which is missing, of another contact, or not earlier",
                        reach_out.id.0, earlier.0
                    ));
                }
            }
        }
        // Near misses and templates are numbered on their own; the same rules hold.
        let templates = self.templates.iter().flatten().map(|t| ("template", t.id));
        let near_misses = self.near_misses.iter().map(|n| ("near miss", n.id));
        let mut own = std::collections::HashSet::new();
        for (kind, id) in templates.chain(near_misses) {
            if id == 0 || id > Limits::MAX_ID {
                return Err(format!(
                    "the {kind} id {id} is outside the range of ids (1 to {})",
                    Limits::MAX_ID
                ));
            }
            if !own.insert((kind, id)) {
                return Err(format!("the {kind} id {id} is used twice"));
            }
        }
        // Ids are at most MAX_ID, checked above, so this cannot overflow; a deleted contact's id
        // is never handed out again either.
        let highest = ids
            .into_iter()
            .chain(self.deleted.iter().map(|d| d.id.0.min(Limits::MAX_ID)))
            .max()
            .unwrap_or(0);
        self.next_id = self.next_id.max(highest + 1);
        Ok(())
    }
}
