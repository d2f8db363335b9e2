//! Finding contacts: search as you type, filters and sort, all pure so the Contacts page only
//! renders the result. The query round-trips through the URL, so a view can be bookmarked.
//!
//! Accent folding is hand-written for the Latin letters people type in names ("jose" finds
//! "José"): a full Unicode normalisation crate would add its tables to the download for little gain.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};

use super::{grouped, Book, Channel, ContactId, IdMap, IdSet, Stage};

mod index;

use index::channel_bit;
pub use index::{ContactIndex, IndexEntry, NextFollowUp};

/// Lower case with accents removed, for comparing what people type with what they stored.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Most text is ASCII: lower-cased as bytes, without the Unicode tables.
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        return out;
    }
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à'..='å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => out.push('c'),
            'ď' | 'đ' => out.push('d'),
            'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => out.push('g'),
            'ĥ' | 'ħ' => out.push('h'),
            'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => out.push('i'),
            'ĵ' => out.push('j'),
            'ķ' => out.push('k'),
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => out.push('l'),
            'ñ' | 'ń' | 'ņ' | 'ň' => out.push('n'),
            'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => out.push('o'),
            'œ' => out.push_str("oe"),
            'ŕ' | 'ŗ' | 'ř' => out.push('r'),
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => out.push('s'),
            'ß' => out.push_str("ss"),
            'ţ' | 'ť' | 'ŧ' | 'ț' => out.push('t'),
            'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => out.push('u'),
            'ŵ' => out.push('w'),
            'ý' | 'ÿ' | 'ŷ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            other => out.push(other),
        }
    }
    out
}

/// How the contact list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    Name,
    /// Most recently contacted first; never contacted last.
    LastContact,
    /// Soonest follow-up first; none last.
    NextFollowUp,
    /// Newest first.
    Added,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Name,
        SortKey::LastContact,
        SortKey::NextFollowUp,
        SortKey::Added,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::LastContact => "last",
            SortKey::NextFollowUp => "next",
            SortKey::Added => "added",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "Name",
            SortKey::LastContact => "Last contact",
            SortKey::NextFollowUp => "Next follow-up",
            SortKey::Added => "Date added",
        }
    }

    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|s| s.key() == key)
    }
}

impl Stage {
    pub fn key(self) -> &'static str {
        match self {
            Stage::New => "new",
            Stage::Waiting => "waiting",
            Stage::Replied => "replied",
            Stage::Met => "met",
            Stage::Opportunity => "opportunity",
            Stage::Declined => "declined",
            Stage::GoneQuiet => "quiet",
            Stage::Archived => "archived",
        }
    }

    pub fn from_key(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// What the Contacts page shows: search text, filters and sort.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ContactQuery {
    pub text: String,
    pub stage: Option<Stage>,
    pub tag: Option<String>,
    pub channel: Option<Channel>,
    /// Only contacts with a follow-up or stay-in-touch due today or earlier.
    pub due_only: bool,
    /// Show archived contacts instead of the active ones.
    pub archived: bool,
    pub sort: SortKey,
}

impl ContactQuery {
    /// Reads a query from URL parameters; unknown or malformed values are ignored.
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = ContactQuery::default();
        for (key, value) in params {
            match key {
                "q" => query.text = value.to_string(),
                "stage" => query.stage = Stage::from_key(value),
                "tag" if !value.is_empty() => query.tag = Some(value.to_string()),
                "channel" => query.channel = Channel::from_key(value),
                "due" => query.due_only = value == "1",
                "archived" => query.archived = value == "1",
                "sort" => query.sort = SortKey::from_key(value).unwrap_or_default(),
                _ => {}
            }
        }
        query
    }

    /// "12 contacts", or with a search or a filter on, "3 contacts match" and "No contacts
    /// match.": the count above the list of the `shown` contacts.
    pub fn count_words(&self, shown: usize) -> String {
        match (shown, *self == ContactQuery::default()) {
            (1, true) => "1 contact".to_string(),
            (n, true) => format!("{} contacts", grouped(n)),
            (0, false) => "No contacts match.".to_string(),
            (1, false) => "1 contact matches".to_string(),
            (n, false) => format!("{} contacts match", grouped(n)),
        }
    }

    /// The URL parameters for this query, leaving defaults out.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if !self.text.is_empty() {
            params.push(("q", self.text.clone()));
        }
        if let Some(stage) = self.stage {
            params.push(("stage", stage.key().to_string()));
        }
        if let Some(tag) = &self.tag {
            params.push(("tag", tag.clone()));
        }
        if let Some(channel) = self.channel {
            params.push(("channel", channel.key().to_string()));
        }
        if self.due_only {
            params.push(("due", "1".into()));
        }
        if self.archived {
            params.push(("archived", "1".into()));
        }
        if self.sort != SortKey::Name {
            params.push(("sort", self.sort.key().to_string()));
        }
        params
    }
}

impl Book {
    /// Every tag in use, ignoring case, in alphabetical order.
    pub fn all_tags(&self) -> Vec<String> {
        let mut seen: HashSet<String> = HashSet::new();
        let mut tags: Vec<String> = Vec::new();
        for tag in self.contacts.iter().flat_map(|c| &c.tags) {
            if seen.insert(tag.to_lowercase()) {
                tags.push(tag.clone());
            }
        }
        tags.sort_by_key(|t| fold(t));
        tags
    }

    /// The contacts matching `query`, in its order. Builds the index for one query; a view
    /// that searches as the person types keeps a [`ContactIndex`] and calls [`ContactIndex::find`].
    pub fn find_contacts(&self, query: &ContactQuery, today: NaiveDate) -> Vec<ContactId> {
        self.contact_index(today).find(query)
    }

    /// What the Contacts page needs to filter, sort and draw every row, worked out in one pass
    /// over the history. Rebuilt when the book (or the day) changes, never per keystroke.
    pub fn contact_index(&self, today: NaiveDate) -> ContactIndex {
        let (stages, agenda) = self.stages_and_agenda(today);
        let max_tries = self.settings.max_tries;
        // The agenda already holds every open thread (due, closing, awaiting): no second pass.
        let mut next: IdMap<ContactId, NextFollowUp> = IdMap::default();
        for t in agenda
            .follow_ups
            .iter()
            .chain(&agenda.close_the_loop)
            .chain(&agenda.awaiting)
        {
            let entry = next.entry(t.contact).or_insert(NextFollowUp {
                due: t.due,
                tried_out: t.tried_out(max_tries),
            });
            if t.due < entry.due {
                *entry = NextFollowUp {
                    due: t.due,
                    tried_out: t.tried_out(max_tries),
                };
            }
        }
        let due: IdSet<ContactId> = agenda
            .follow_ups
            .iter()
            .chain(&agenda.close_the_loop)
            .map(|t| t.contact)
            .chain(agenda.stay_in_touch.iter().map(|s| s.contact))
            .collect();
        let mut last: IdMap<ContactId, NaiveDate> = IdMap::default();
        let mut channels: IdMap<ContactId, u8> = IdMap::default();
        for r in &self.reach_outs {
            let day = last.entry(r.contact).or_insert(r.date);
            *day = (*day).max(r.date);
            *channels.entry(r.contact).or_default() |= channel_bit(r.channel);
        }
        let entries: Vec<IndexEntry> = self
            .contacts
            .iter()
            .map(|c| IndexEntry {
                id: c.id,
                archived: c.archived,
                stage: stages.get(&c.id).copied(),
                haystack: fold(
                    &[
                        c.name.as_str(),
                        &c.company,
                        &c.role,
                        &c.email,
                        &c.notes,
                        &c.tags.join(" "),
                    ]
                    .join("\n"),
                ),
                tags: c.tags.iter().map(|t| fold(t)).collect(),
                channels: channels.get(&c.id).copied().unwrap_or(0),
                due: due.contains(&c.id),
                last: last.get(&c.id).copied(),
                next: next.get(&c.id).copied(),
                created: c.created,
            })
            .collect();
        let mut by_name: Vec<(String, ContactId, usize)> = self
            .contacts
            .iter()
            .enumerate()
            .map(|(at, c)| (fold(&c.name), c.id, at))
            .collect();
        by_name.sort_unstable();
        let by_name = by_name.into_iter().map(|(_, _, at)| at).collect();
        let positions = entries
            .iter()
            .enumerate()
            .map(|(at, e)| (e.id, at))
            .collect();
        ContactIndex {
            entries,
            by_name,
            positions,
        }
    }
}

#[cfg(test)]
mod tests;
