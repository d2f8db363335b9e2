//! How a check names a record in its messages: "Contact 'Ana'", "Reach-out 12 to 'Ana'",
//! "Settings", put together only when there is something to report.

use std::cell::OnceCell;

use crate::model::validate::{check_name, is_invisible};
use crate::model::{Contact, ContactId, IdMap};

/// A short, safe quotation of user text for a message: at most 40 characters, with direction
/// and invisible characters left out so that the message itself reads in order.
pub(super) fn quoted(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|c| !is_invisible(*c) || *c == ' ')
        .take(41)
        .collect();
    if visible.chars().count() > 40 {
        format!("'{}…'", visible.chars().take(40).collect::<String>())
    } else {
        format!("'{visible}'")
    }
}

fn contact_label(id: ContactId, name: &str) -> String {
    if check_name(name).is_ok() {
        format!("Contact {}", quoted(name))
    } else {
        format!("Contact {id}")
    }
}

/// How a record is named in a message, put together only when there is something to report:
/// naming 60,000 records on every opening would cost more than checking them.
pub(super) enum Label<'a> {
    Text(&'static str),
    /// "Near miss 3", "Template 2".
    Numbered(&'static str, u64),
    /// A contact, by its name as it was read.
    Contact {
        id: ContactId,
        name: &'a str,
    },
    ReachOut {
        id: u64,
        contact: ContactId,
        names: &'a Names<'a>,
    },
}

/// The names reach-outs are reported under: each contact's name as it was read.
pub(super) struct Names<'a> {
    pub(super) contacts: &'a [Contact],
    /// Names the checks changed, as they were read.
    pub(super) renamed: IdMap<ContactId, String>,
    /// Each contact's label, made the first time a reach-out needs one.
    pub(super) labels: OnceCell<IdMap<ContactId, String>>,
}

impl Names<'_> {
    fn label(&self, contact: ContactId) -> String {
        if let Some(original) = self.renamed.get(&contact) {
            return contact_label(contact, original);
        }
        self.labels
            .get_or_init(|| {
                self.contacts
                    .iter()
                    .map(|c| (c.id, contact_label(c.id, &c.name)))
                    .collect()
            })
            .get(&contact)
            .cloned()
            .unwrap_or_default()
    }
}

impl Label<'_> {
    pub(super) fn text(&self) -> String {
        match self {
            Label::Text(text) => (*text).to_string(),
            Label::Numbered(kind, id) => format!("{kind} {id}"),
            Label::Contact { id, name } => contact_label(*id, name),
            Label::ReachOut { id, contact, names } => {
                match names.label(*contact).strip_prefix("Contact '") {
                    Some(name) => format!("Reach-out {id} to '{name}"),
                    None => format!("Reach-out {id} to contact {contact}"),
                }
            }
        }
    }
}
