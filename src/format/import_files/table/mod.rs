//! Any table of contacts (a Google Contacts or Outlook export, a spreadsheet saved as CSV, or
//! Reachout's own contacts CSV): the delimiter is detected, the header and the first rows are
//! shown, and each column is mapped to a field, with a first guess from the header's words that
//! the person can change. The rows come from [`super::csv_rows`].

mod field;

pub use field::Field;

use chrono::NaiveDate;

use super::csv_rows::{delimiter, rows, Columns, Rows};
use super::{one_line, place, ImportError};
use crate::format::export::{channel_named, outcome_named};
use crate::model::{ContactDraft, Incoming, IncomingPerson, IncomingReachOut, Outcome, Skipped};

/// A table waiting for its column mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    pub rows: Rows,
    /// Things the preview should say about the file ("read as Windows-1252").
    pub notes: Vec<String>,
}

impl Table {
    pub fn read(name: &str, text: &str) -> Result<Table, ImportError> {
        let text = text.trim_start_matches('\u{feff}');
        Ok(Table {
            name: name.to_string(),
            rows: rows(name, text, delimiter(text), 0)?,
            notes: Vec::new(),
        })
    }

    /// The first guess: each column's field from its header; a field already taken by an
    /// earlier column is left out ("E-mail 2 - Value" after "E-mail 1 - Value").
    pub fn guess(&self) -> Vec<Field> {
        let mut taken = Vec::new();
        self.rows
            .header
            .iter()
            .map(|header| {
                let field = Field::guess(header);
                if field == Field::Ignore || field == Field::Tags || !taken.contains(&field) {
                    taken.push(field);
                    field
                } else {
                    Field::Ignore
                }
            })
            .collect()
    }

    /// Names the header, so that a mapping can be remembered for files shaped alike.
    pub fn signature(&self) -> String {
        self.rows.header.join("\u{1f}").to_lowercase()
    }

    /// A remembered mapping (`key,key,…`), if it fits this table.
    pub fn mapping_from(&self, text: &str) -> Option<Vec<Field>> {
        let fields: Option<Vec<Field>> = text.split(',').map(Field::from_key).collect();
        fields.filter(|f| f.len() == self.rows.header.len())
    }

    pub fn mapping_text(mapping: &[Field]) -> String {
        mapping
            .iter()
            .map(|f| f.key())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The people of the table under `mapping` (one field per column).
    pub fn people(&self, mapping: &[Field]) -> Incoming {
        let mut incoming = Incoming::default();
        incoming.skipped.clone_from(&self.rows.skipped);
        incoming.notes.clone_from(&self.notes);
        // Without a name column no row has a name: one message, not one per row.
        let names = [
            Field::Name,
            Field::FirstName,
            Field::MiddleName,
            Field::LastName,
        ];
        if !mapping.iter().any(|f| names.contains(f)) {
            incoming.notes.push(format!(
                "No column of {} is set to the name, so no row can be imported yet: choose the \
                 column that holds the name above.",
                self.name
            ));
            return incoming;
        }
        let width = self.rows.header.len();
        for (line, row) in &self.rows.rows {
            let here = place(&self.name, *line);
            if row.len() > width {
                incoming.skipped.push(Skipped {
                    place: here,
                    reason: format!("it has {} cells where the header has {width}", row.len()),
                });
                continue;
            }
            let mut draft = ContactDraft::default();
            let (mut first, mut middle, mut last) = (String::new(), String::new(), String::new());
            let mut tags: Vec<String> = Vec::new();
            for (cell, field) in row.iter().zip(mapping) {
                let cell = neutral(cell.trim());
                if cell.is_empty() {
                    continue;
                }
                let slot = match field {
                    Field::Ignore => continue,
                    Field::Tags => {
                        tags.extend(split_tags(&cell));
                        continue;
                    }
                    Field::Notes => {
                        add_to(&mut draft.notes, &cell, "\n");
                        continue;
                    }
                    Field::Name => &mut draft.name,
                    Field::FirstName => &mut first,
                    Field::MiddleName => &mut middle,
                    Field::LastName => &mut last,
                    Field::Company => &mut draft.company,
                    Field::Role => &mut draft.role,
                    Field::Email => &mut draft.email,
                    Field::Phone => &mut draft.phone,
                    Field::Linkedin => &mut draft.linkedin,
                    Field::OtherLink => &mut draft.other_link,
                    Field::HowWeMet => &mut draft.how_we_met,
                    Field::StayInTouch => &mut draft.stay_in_touch_days,
                };
                if slot.is_empty() {
                    *slot = one_line(&cell);
                }
            }
            if draft.name.is_empty() {
                draft.name = one_line(&format!("{first} {middle} {last}"));
            }
            if draft.linkedin.is_empty()
                && draft.other_link.to_lowercase().contains("linkedin.com/")
            {
                draft.linkedin = std::mem::take(&mut draft.other_link);
            }
            draft.tags = tags.join(", ");
            if draft.name.is_empty() {
                incoming.skipped.push(Skipped {
                    place: here,
                    reason: "it has no name".into(),
                });
                continue;
            }
            incoming.add_contact_row(IncomingPerson {
                place: here,
                draft,
                connected: None,
            });
        }
        incoming
    }
}

fn add_to(text: &mut String, more: &str, between: &str) {
    if !text.is_empty() {
        text.push_str(between);
    }
    text.push_str(more);
}

/// Tags from a cell: `a, b`, `a;b`, or Google's `* myContacts ::: Friends` (its system
/// groups, starting with `*`, left out).
fn split_tags(cell: &str) -> Vec<String> {
    cell.split([',', ';'])
        .flat_map(|part| part.split(":::"))
        .map(str::trim)
        .filter(|t| !t.is_empty() && !t.starts_with('*'))
        .map(String::from)
        .collect()
}

/// A cell as it was before a spreadsheet-safe export neutralised it: Reachout's own CSV
/// writes `'=…` for a cell starting with `=`, `+`, `-`, `@`, tab or CR.
pub fn neutral(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// Reachout's own reach-outs CSV (`format::export::reach_outs_csv`): each row a reach-out to
/// the contact it names (by name, LinkedIn profile and email, so that it finds them again).
pub fn reach_outs(name: &str, text: &str) -> Result<Incoming, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let table = rows(name, text, b',', 0)?;
    let columns = Columns::new(&table.header);
    let cell = |row: &[String], column: &str| neutral(columns.get(row, column));
    let day = |text: String| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    let mut incoming = Incoming::default();
    incoming.skipped.clone_from(&table.skipped);
    for (line, row) in &table.rows {
        let here = place(name, *line);
        let (Some(channel), Some(date)) =
            (channel_named(&cell(row, "channel")), day(cell(row, "date")))
        else {
            incoming.skipped.push(Skipped {
                place: here,
                reason: "its channel or date can't be read".into(),
            });
            continue;
        };
        let person = incoming.add_person(IncomingPerson {
            place: here,
            draft: ContactDraft {
                name: one_line(&cell(row, "contact")),
                linkedin: cell(row, "contact linkedin"),
                email: cell(row, "contact email"),
                ..ContactDraft::default()
            },
            connected: None,
        });
        let outcome = outcome_named(&cell(row, "outcome")).unwrap_or(Outcome::Awaiting);
        incoming.reach_outs.push(IncomingReachOut {
            person,
            channel,
            date,
            note: cell(row, "note"),
            outcome,
            outcome_date: day(cell(row, "outcome date")),
            outcome_note: cell(row, "outcome note"),
            invitation: false,
            closed: !cell(row, "loop closed").trim().is_empty(),
            follow_up: false,
        });
    }
    Ok(incoming)
}
