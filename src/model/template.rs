//! Message templates: a few good starters the person can edit, delete or add to, with
//! placeholders filled from the contact. Until the person changes one, the book stores none
//! and the starters below are shown, so a new version of the starters reaches everyone who
//! kept them as they were.

use serde::{Deserialize, Serialize};

use super::validate::{check_length, FieldErrors, Limits};
use super::{Book, Contact, ContactId, ModelError, ReachOutId};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Template {
    /// Numbered on their own, 1 and up.
    pub id: u64,
    pub name: String,
    pub body: String,
}

/// The placeholders a template can hold, and what each is filled with.
pub const PLACEHOLDERS: [(&str, &str); 3] = [
    ("{first name}", "first name"),
    ("{company}", "company"),
    ("{how we met}", "how we met"),
];

const STARTERS: [(&str, &str); 5] = [
    (
        "A first note",
        "Hi {first name},\n\nI have been following your work at {company} and would love to hear \
         how you got into it. Would you have fifteen minutes for a short call in the next few \
         weeks? If now is not a good time, no worries at all.\n\nThank you,",
    ),
    (
        "A gentle follow-up",
        "Hi {first name},\n\nI am bringing my earlier note back to the top of your inbox, as I \
         know how busy things get. If a call does not suit you, a one-line answer would help me \
         just as much.\n\nThanks again,",
    ),
    (
        "A thank-you",
        "Hi {first name},\n\nThank you for your time. What you told me stayed with me, and I am \
         already putting it to use. If I can ever return the favour, please say so.\n\nWith \
         thanks,",
    ),
    (
        "Reconnecting after years",
        "Hi {first name},\n\nIt has been a long time since {how we met}. You came to mind today \
         and I wondered how you are. No agenda: I just wanted to say hello. What are you working \
         on these days?\n\nWarmly,",
    ),
    (
        "A kind last note",
        "Hi {first name},\n\nI have not heard back, and I understand: timing is everything. I \
         will not write again about this, but my door stays open, and I would be glad to hear \
         from you if things change.\n\nAll the best,",
    ),
];

/// The starter templates, numbered 1 to 5.
pub fn starters() -> Vec<Template> {
    STARTERS
        .iter()
        .zip(1..)
        .map(|((name, body), id)| Template {
            id,
            name: (*name).into(),
            body: (*body).into(),
        })
        .collect()
}

/// A template's text for one contact: the placeholders filled, and the ones left as
/// `[company]` because the contact has no value for them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filled {
    pub text: String,
    pub missing: Vec<&'static str>,
}

/// Titles and honorifics that come before a name and are not a first name ("Dr. Helen Park"
/// is greeted "Hi Helen"), compared without case and a trailing full stop.
const TITLES: [&str; 22] = [
    "dr",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "fr",
    "sr",
    "sra",
    "herr",
    "frau",
    "mme",
    "mlle",
    "m",
    "dott",
];

/// The first name in a full name: the first word that is not a title. A name of titles alone
/// ("Dr.") is its own first name.
pub fn first_name(name: &str) -> &str {
    let is_title = |word: &str| {
        let bare = word.trim_end_matches('.').to_lowercase();
        TITLES.contains(&bare.as_str())
    };
    let mut words = name.split_whitespace();
    let first = words.clone().next().unwrap_or_default();
    words.find(|w| !is_title(w)).unwrap_or(first)
}

impl Template {
    pub fn fill(&self, contact: &Contact) -> Filled {
        let first = first_name(&contact.name);
        let values = [first, contact.company.trim(), contact.how_we_met.trim()];
        let mut text = self.body.clone();
        let mut missing = Vec::new();
        for ((placeholder, what), value) in PLACEHOLDERS.iter().zip(values) {
            if !text.contains(placeholder) {
                continue;
            }
            if value.is_empty() {
                missing.push(*what);
                text = text.replace(placeholder, &format!("[{what}]"));
            } else {
                text = text.replace(placeholder, value);
            }
        }
        Filled { text, missing }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TemplateField {
    Name,
    Body,
}

impl Book {
    /// The templates to offer: the person's own, or the starters while they changed none.
    pub fn templates(&self) -> Vec<Template> {
        self.templates.clone().unwrap_or_else(starters)
    }

    /// The template `id` filled in for `contact`, with its name; `None` when either is gone.
    pub fn filled_template(&self, id: u64, contact: ContactId) -> Option<(String, Filled)> {
        let template = self.templates().into_iter().find(|t| t.id == id)?;
        let person = self.contact(contact)?;
        Some((template.name.clone(), template.fill(person)))
    }

    /// The last note that closes a loop, for one contact: the person's "A kind last note" when
    /// they kept one by that name, else the starter, filled in.
    pub fn last_note_for(&self, contact: ContactId) -> String {
        let starter = starters().swap_remove(4);
        let template = self
            .templates
            .as_ref()
            .and_then(|own| own.iter().find(|t| t.name == starter.name).cloned())
            .unwrap_or(starter);
        match self.contact(contact) {
            Some(person) => template.fill(person).text,
            None => template.body,
        }
    }

    /// True when the reach-out `latest` already carried the kind last note (the person used
    /// the template on their last try): closing the loop then needs no second note. Compared
    /// on the note's words, spacing aside, or on its first line after the greeting.
    pub fn sent_last_note(&self, latest: ReachOutId) -> bool {
        let Some(r) = self.reach_out(latest) else {
            return false;
        };
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let sent = words(&r.note);
        if sent.is_empty() {
            return false;
        }
        let note = self.last_note_for(r.contact);
        let body_start = note
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .nth(1)
            .map(words)
            .unwrap_or_default();
        sent == words(&note) || (body_start.len() >= 20 && sent.contains(&body_start))
    }

    /// Saves a new template (`id` none) or changes one; returns its id.
    pub fn save_template(
        &mut self,
        id: Option<u64>,
        name: &str,
        body: &str,
    ) -> Result<u64, ModelError> {
        let mut errors = FieldErrors::default();
        let (name, body) = (name.trim(), body.trim());
        if name.is_empty() {
            errors.add(TemplateField::Name, "Please give the template a name.");
        } else if let Err(e) = check_length(name, Limits::SHORT_TEXT) {
            errors.add(TemplateField::Name, e);
        }
        if body.is_empty() {
            errors.add(TemplateField::Body, "Please write the message.");
        } else if let Err(e) = check_length(body, Limits::TEMPLATE) {
            errors.add(TemplateField::Body, e);
        }
        let mut templates = self.templates();
        if id.is_none() && templates.len() >= Limits::TEMPLATES {
            errors.add(
                TemplateField::Name,
                format!(
                    "You have {} templates, the most Reachout keeps; delete one first.",
                    Limits::TEMPLATES
                ),
            );
        }
        if !errors.is_empty() {
            return Err(ModelError::InvalidTemplate(errors));
        }
        let id = match id {
            Some(id) => {
                let template = templates
                    .iter_mut()
                    .find(|t| t.id == id)
                    .ok_or(ModelError::UnknownTemplate)?;
                template.name = name.into();
                template.body = body.into();
                id
            }
            None => {
                // A number never used before, even after a delete, so that a template one tab
                // deleted and another added cannot be taken for the same one: past the book's
                // counter, past every template, past the starters.
                let highest = templates.iter().map(|t| t.id).max().unwrap_or(0);
                let id = self
                    .take_id()?
                    .max(highest.saturating_add(1))
                    .max(STARTERS.len() as u64 + 1);
                if id > Limits::MAX_ID {
                    return Err(ModelError::OutOfIds);
                }
                self.next_id = self.next_id.max(id + 1);
                templates.push(Template {
                    id,
                    name: name.into(),
                    body: body.into(),
                });
                id
            }
        };
        self.templates = Some(templates);
        Ok(id)
    }

    /// Deletes a template and returns it, for undo.
    pub fn delete_template(&mut self, id: u64) -> Result<Template, ModelError> {
        let mut templates = self.templates();
        let at = templates
            .iter()
            .position(|t| t.id == id)
            .ok_or(ModelError::UnknownTemplate)?;
        let removed = templates.remove(at);
        self.templates = Some(templates);
        Ok(removed)
    }

    /// Brings the starters back, replacing the person's templates.
    pub fn reset_templates(&mut self) {
        self.templates = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_not_a_first_name() {
        assert_eq!(first_name("Dr. Helen Park"), "Helen");
        assert_eq!(first_name("Prof Dr. Jürgen Weber"), "Jürgen");
        assert_eq!(first_name("Mx. Sam Lee"), "Sam");
        assert_eq!(first_name("Sir"), "Sir");
        assert_eq!(first_name("Drew Barrymore"), "Drew");
        assert_eq!(first_name("Ana Lima"), "Ana");
        assert_eq!(first_name(""), "");
    }
}
