//! The index the Contacts page searches: every contact's folded search text and row facts,
//! built once per change of the book, so that a keystroke costs one pass over short strings
//! and typing on narrows the last result instead of searching all.

use super::*;

/// When a contact's open thread next needs them, and whether it has had all its tries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextFollowUp {
    pub due: NaiveDate,
    pub tried_out: bool,
}

/// What one contact's row needs besides the contact itself.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexEntry {
    pub id: ContactId,
    pub(super) archived: bool,
    pub stage: Option<Stage>,
    /// Name, company, role, email, notes and tags, folded, for search as you type.
    pub(super) haystack: String,
    pub(super) tags: Vec<String>,
    /// One bit per [`Channel`] ever used with them.
    pub(super) channels: u8,
    /// A follow-up or stay-in-touch is due today or earlier.
    pub(super) due: bool,
    pub last: Option<NaiveDate>,
    pub next: Option<NextFollowUp>,
    pub(super) created: DateTime<Utc>,
}

/// Every contact's search text and row facts, built once per change of the book
/// ([`Book::contact_index`]), so that a query costs one pass over short strings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContactIndex {
    /// In the book's order.
    pub(super) entries: Vec<IndexEntry>,
    /// Positions in `entries`, by folded name then id: the default order, sorted once.
    pub(super) by_name: Vec<usize>,
    pub(super) positions: IdMap<ContactId, usize>,
}

/// True when every contact that `later` finds is also found by `earlier`, in the same order:
/// the same filters and sort, and search text that only grew at its end.
fn narrows(earlier: &ContactQuery, later: &ContactQuery) -> bool {
    let same_filters = ContactQuery {
        text: String::new(),
        ..earlier.clone()
    } == ContactQuery {
        text: String::new(),
        ..later.clone()
    };
    same_filters && fold(&later.text).starts_with(&fold(&earlier.text))
}

pub(super) fn channel_bit(channel: Channel) -> u8 {
    let at = Channel::ALL.iter().position(|c| *c == channel).unwrap_or(0);
    1 << at
}

impl ContactIndex {
    /// The row facts of one contact.
    pub fn entry(&self, id: ContactId) -> Option<&IndexEntry> {
        self.entries.get(*self.positions.get(&id)?)
    }

    /// The contacts matching `query`, in its order.
    pub fn find(&self, query: &ContactQuery) -> Vec<ContactId> {
        self.find_after(query, None)
    }

    /// [`ContactIndex::find`], given the query and result before this one: when only the
    /// search text grew (the person typed on), the new result is the old one narrowed, already
    /// in order, and only those contacts are looked at.
    pub fn find_after(
        &self,
        query: &ContactQuery,
        before: Option<(&ContactQuery, &[ContactId])>,
    ) -> Vec<ContactId> {
        let words: Vec<String> = fold(&query.text)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let tag = query.tag.as_deref().map(fold);
        let channel = query.channel.map(channel_bit);
        let matches = |e: &IndexEntry| {
            e.archived == query.archived
                && query.stage.is_none_or(|s| e.stage == Some(s))
                && tag.as_ref().is_none_or(|t| e.tags.contains(t))
                && channel.is_none_or(|bit| e.channels & bit != 0)
                && (!query.due_only || e.due)
                && words.iter().all(|w| e.haystack.contains(w.as_str()))
        };
        if let Some((_, found)) = before.filter(|(earlier, _)| narrows(earlier, query)) {
            return found
                .iter()
                .filter(|id| self.entry(**id).is_some_and(matches))
                .copied()
                .collect();
        }
        let mut found: Vec<&IndexEntry> = self
            .by_name
            .iter()
            .map(|at| &self.entries[*at])
            .filter(|e| matches(e))
            .collect();
        // Already in name order; the other orders are stable sorts on top of it, by id last.
        match query.sort {
            SortKey::Name => {}
            SortKey::LastContact => {
                found.sort_unstable_by_key(|e| (std::cmp::Reverse(e.last), e.id))
            }
            SortKey::NextFollowUp => {
                found.sort_unstable_by_key(|e| (e.next.is_none(), e.next.map(|n| n.due), e.id))
            }
            SortKey::Added => found.sort_unstable_by_key(|e| (std::cmp::Reverse(e.created), e.id)),
        }
        found.into_iter().map(|e| e.id).collect()
    }
}
