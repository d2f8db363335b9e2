//! Finding contacts: search as you type, filters and sort, all pure so the Contacts page only
//! renders the result. The query round-trips through the URL, so a view can be bookmarked.
//!
//! Accent folding is hand-written for the Latin letters people type in names ("jose" finds
//! "José"): a full Unicode normalisation crate would add its tables to the download for little gain.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Book, Channel, ContactId, Stage};

/// Lower case with accents removed, for comparing what people type with what they stored.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
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
        let mut tags: Vec<String> = Vec::new();
        for tag in self.contacts.iter().flat_map(|c| &c.tags) {
            if !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
                tags.push(tag.clone());
            }
        }
        tags.sort_by_key(|t| fold(t));
        tags
    }

    /// The contacts matching `query`, in its order.
    pub fn find_contacts(&self, query: &ContactQuery, today: NaiveDate) -> Vec<ContactId> {
        let words: Vec<String> = fold(&query.text)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let stages = self.stages();
        let agenda = self.agenda(today);
        // The agenda already holds every open thread (due, closing, awaiting): no second pass.
        let mut next_follow_up: HashMap<ContactId, NaiveDate> = HashMap::new();
        for t in agenda
            .follow_ups
            .iter()
            .chain(&agenda.close_the_loop)
            .chain(&agenda.awaiting)
        {
            let day = next_follow_up.entry(t.contact).or_insert(t.due);
            *day = (*day).min(t.due);
        }
        let due: Vec<ContactId> = agenda
            .follow_ups
            .iter()
            .chain(&agenda.close_the_loop)
            .map(|t| t.contact)
            .chain(agenda.stay_in_touch.iter().map(|s| s.contact))
            .collect();
        let mut last: HashMap<ContactId, NaiveDate> = HashMap::new();
        let mut channels: HashMap<ContactId, Vec<Channel>> = HashMap::new();
        for r in &self.reach_outs {
            let day = last.entry(r.contact).or_insert(r.date);
            *day = (*day).max(r.date);
            channels.entry(r.contact).or_default().push(r.channel);
        }
        let tag = query.tag.as_deref().map(fold);

        let mut found: Vec<_> = self
            .contacts
            .iter()
            .filter(|c| c.archived == query.archived)
            .filter(|c| query.stage.is_none_or(|s| stages.get(&c.id) == Some(&s)))
            .filter(|c| {
                tag.as_ref()
                    .is_none_or(|t| c.tags.iter().any(|ct| fold(ct) == *t))
            })
            .filter(|c| {
                query
                    .channel
                    .is_none_or(|ch| channels.get(&c.id).is_some_and(|list| list.contains(&ch)))
            })
            .filter(|c| !query.due_only || due.contains(&c.id))
            .filter(|c| {
                if words.is_empty() {
                    return true;
                }
                let haystack = fold(
                    &[
                        c.name.as_str(),
                        &c.company,
                        &c.role,
                        &c.email,
                        &c.notes,
                        &c.tags.join(" "),
                    ]
                    .join("\n"),
                );
                words.iter().all(|w| haystack.contains(w.as_str()))
            })
            .collect();

        match query.sort {
            SortKey::Name => found.sort_by_cached_key(|c| (fold(&c.name), c.id)),
            SortKey::LastContact => {
                found.sort_by_key(|c| (std::cmp::Reverse(last.get(&c.id).copied()), c.id))
            }
            SortKey::NextFollowUp => found.sort_by_key(|c| {
                (
                    !next_follow_up.contains_key(&c.id),
                    next_follow_up.get(&c.id).copied(),
                    c.id,
                )
            }),
            SortKey::Added => found.sort_by_key(|c| (std::cmp::Reverse(c.created), c.id)),
        }
        found.into_iter().map(|c| c.id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("José Núñez"), "jose nunez");
        assert_eq!(fold("ÅSA Øberg"), "asa oberg");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łukasz Żak"), "lukasz zak");
        assert_eq!(fold("李 小龙"), "李 小龙");
    }

    #[test]
    fn a_query_round_trips_through_url_parameters() {
        let query = ContactQuery {
            text: "jose".into(),
            stage: Some(Stage::Waiting),
            tag: Some("mentor".into()),
            channel: Some(Channel::InPerson),
            due_only: true,
            archived: true,
            sort: SortKey::NextFollowUp,
        };
        let params = query.to_params();
        let back = ContactQuery::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, query);
        assert!(ContactQuery::default().to_params().is_empty());
    }

    #[test]
    fn malformed_parameters_are_ignored() {
        let query = ContactQuery::from_params([
            ("stage", "nope"),
            ("sort", "<script>"),
            ("due", "yes"),
            ("x", "1"),
        ]);
        assert_eq!(query, ContactQuery::default());
    }
}
