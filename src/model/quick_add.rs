//! Adding people quickly and without doubles: a pasted list of names ("Name" or
//! "Name, Company" per line, or two columns pasted from a spreadsheet) becomes a preview, then
//! contacts in one step; and while a person types a contact, the ones they may already have
//! (same name, email or LinkedIn profile) are found so the form can say so.

use chrono::{DateTime, Utc};

use super::search::fold;
use super::validate::Limits;
use super::{Book, Contact, ContactDraft, ContactId, ModelError};

/// The most names one paste adds; a longer list is an import, not a paste.
pub const MAX_PASTED: usize = 500;

/// One line of a pasted list, as the preview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// Its line in the pasted text, from 1.
    pub line: usize,
    pub name: String,
    pub company: String,
    /// Why it would not be added; `None` when it will be.
    pub problem: Option<String>,
    /// A contact already there with the same name: the line is left out, so pasting the same
    /// list twice adds nothing the second time (the form adds a namesake one by one).
    pub existing: Option<(ContactId, String)>,
}

impl Listed {
    pub fn draft(&self) -> ContactDraft {
        ContactDraft {
            name: self.name.clone(),
            company: self.company.clone(),
            ..ContactDraft::default()
        }
    }
}

/// What a pasted list holds: its lines (blank ones left out), and a message when it is longer
/// than one paste may be.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameList {
    pub lines: Vec<Listed>,
    pub too_long: Option<String>,
}

impl NameList {
    /// The drafts of the lines that will be added.
    pub fn addable(&self) -> Vec<ContactDraft> {
        self.lines
            .iter()
            .filter(|l| l.problem.is_none())
            .map(Listed::draft)
            .collect()
    }
}

/// Why a contact looks like one already there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SameAs {
    Name,
    Email,
    Linkedin,
}

/// A contact that may be the one being typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Similar {
    pub id: ContactId,
    pub name: String,
    pub same: SameAs,
}

/// A name compared as people mean it: case, accents and spacing ignored.
pub(crate) fn name_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A profile address compared as a place: no scheme, no `www.`, no query, no trailing slash.
pub(crate) fn link_key(link: &str) -> String {
    let link = link.trim().to_lowercase();
    let link = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))
        .unwrap_or(&link);
    let link = link.strip_prefix("www.").unwrap_or(link);
    let link = link.split(['?', '#']).next().unwrap_or_default();
    link.trim_end_matches('/').to_string()
}

/// Splits a pasted line into a name and a company: the first two columns pasted from a
/// spreadsheet (further columns are left out), or else at the first comma.
fn split_line(line: &str) -> (&str, &str) {
    if line.contains('\t') {
        let mut columns = line.split('\t');
        let name = columns.next().unwrap_or_default();
        return (name.trim(), columns.next().unwrap_or_default().trim());
    }
    line.split_once(',')
        .map_or((line.trim(), ""), |(name, company)| {
            (name.trim(), company.trim())
        })
}

impl Book {
    /// The preview of a pasted list of names.
    pub fn parse_name_list(&self, text: &str) -> NameList {
        let by_name: std::collections::HashMap<String, &Contact> = self
            .contacts
            .iter()
            .map(|c| (name_key(&c.name), c))
            .collect();
        let mut seen = std::collections::HashSet::new();
        let mut list = NameList::default();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            if list.lines.len() == MAX_PASTED {
                list.too_long = Some(format!(
                    "Only the first {MAX_PASTED} names are shown; add the rest in a second paste."
                ));
                break;
            }
            let (name, company) = split_line(line);
            let mut listed = Listed {
                line: index + 1,
                name: name.to_string(),
                company: company.to_string(),
                problem: None,
                existing: None,
            };
            let key = name_key(name);
            if let Err(errors) = listed.draft().validate() {
                listed.problem = errors
                    .first_message()
                    .map(String::from)
                    .or(Some("This line can't be added.".into()));
            } else if let Some(existing) = by_name.get(&key) {
                listed.problem = Some("you already have them".into());
                listed.existing = Some((existing.id, existing.name.clone()));
            } else if !seen.insert(key) {
                listed.problem = Some("already in this list".into());
            }
            list.lines.push(listed);
        }
        list
    }

    /// Adds every draft, or none: all are checked before the first is added.
    pub fn add_contacts(
        &mut self,
        drafts: &[ContactDraft],
        now: DateTime<Utc>,
    ) -> Result<Vec<ContactId>, ModelError> {
        for draft in drafts {
            draft.validate().map_err(ModelError::InvalidContact)?;
        }
        let needed = u64::try_from(drafts.len()).unwrap_or(u64::MAX);
        if self.next_id.max(1).saturating_add(needed) > Limits::MAX_ID.saturating_add(1) {
            return Err(ModelError::OutOfIds);
        }
        drafts
            .iter()
            .map(|draft| self.add_contact(draft, now))
            .collect()
    }

    /// Contacts that may be the one being typed: the same name (case, accents and spacing
    /// aside), the same email, or the same LinkedIn profile. `except` is the contact being
    /// edited. At most five, so a common name cannot fill the form.
    pub fn similar_contacts(
        &self,
        draft: &ContactDraft,
        except: Option<ContactId>,
    ) -> Vec<Similar> {
        let name = name_key(&draft.name);
        let email = draft.email.trim().to_lowercase();
        let linkedin = link_key(&draft.linkedin);
        self.contacts
            .iter()
            .filter(|c| Some(c.id) != except)
            .filter_map(|c| {
                let same = if !name.is_empty() && name_key(&c.name) == name {
                    SameAs::Name
                } else if !email.is_empty() && c.email.trim().to_lowercase() == email {
                    SameAs::Email
                } else if !linkedin.is_empty() && link_key(&c.linkedin) == linkedin {
                    SameAs::Linkedin
                } else {
                    return None;
                };
                Some(Similar {
                    id: c.id,
                    name: c.name.clone(),
                    same,
                })
            })
            .take(5)
            .collect()
    }
}
