//! Writing: a book's lists as columns (see the parent module).

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::model::{Book, Contact, Outcome, ReachOut};

/// The whole of `data` with its lists as columns.
pub struct BookColumns<'a>(pub &'a Book);

impl Serialize for BookColumns<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let book = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("next_id", &book.next_id)?;
        map.serialize_entry("contacts", &ContactColumns(&book.contacts))?;
        map.serialize_entry("reach_outs", &ReachOutColumns(&book.reach_outs))?;
        map.serialize_entry("settings", &book.settings)?;
        // Short lists, written as records.
        if !book.near_misses.is_empty() {
            map.serialize_entry("near_misses", &book.near_misses)?;
        }
        if let Some(templates) = &book.templates {
            map.serialize_entry("templates", templates)?;
        }
        if !book.deleted.is_empty() {
            map.serialize_entry("deleted", &book.deleted)?;
        }
        map.end()
    }
}

/// One column: a cell per record, `null` where the record has no value.
struct Column<'a, T, F>(&'a [T], F);

impl<'a, T, V, F> Serialize for Column<'a, T, F>
where
    V: Serialize,
    F: Fn(&'a T) -> Option<V>,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for row in self.0 {
            match (self.1)(row) {
                Some(value) => seq.serialize_element(&value)?,
                None => seq.serialize_element(&())?,
            }
        }
        seq.end()
    }
}

/// Writes the column `name` unless no record has a value for it.
fn column<'a, M, T, V, F>(map: &mut M, name: &str, rows: &'a [T], cell: F) -> Result<(), M::Error>
where
    M: SerializeMap,
    V: Serialize,
    F: Fn(&'a T) -> Option<V>,
{
    if rows.iter().any(|row| cell(row).is_some()) {
        map.serialize_entry(name, &Column(rows, cell))?;
    }
    Ok(())
}

fn text(value: &str) -> Option<&str> {
    (!value.is_empty()).then_some(value)
}

fn flag(value: bool) -> Option<bool> {
    value.then_some(true)
}

struct ContactColumns<'a>(&'a [Contact]);

impl Serialize for ContactColumns<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let _every_field_has_a_column = |c: &Contact| {
            let Contact {
                id: _,
                name: _,
                company: _,
                role: _,
                email: _,
                linkedin: _,
                tags: _,
                notes: _,
                created: _,
                updated: _,
                stay_in_touch_days: _,
                stay_in_touch_snoozed_until: _,
                archived: _,
                phone: _,
                other_link: _,
                how_we_met: _,
                expected_fear: _,
            } = c;
        };
        let rows = self.0;
        let mut map = serializer.serialize_map(None)?;
        column(&mut map, "id", rows, |c| Some(c.id))?;
        column(&mut map, "name", rows, |c| Some(&c.name))?;
        column(&mut map, "company", rows, |c| text(&c.company))?;
        column(&mut map, "role", rows, |c| text(&c.role))?;
        column(&mut map, "email", rows, |c| text(&c.email))?;
        column(&mut map, "linkedin", rows, |c| text(&c.linkedin))?;
        column(&mut map, "tags", rows, |c| {
            (!c.tags.is_empty()).then_some(&c.tags)
        })?;
        column(&mut map, "notes", rows, |c| text(&c.notes))?;
        column(&mut map, "created", rows, |c| Some(c.created))?;
        column(&mut map, "updated", rows, |c| Some(c.updated))?;
        column(&mut map, "stay_in_touch_days", rows, |c| {
            c.stay_in_touch_days
        })?;
        column(&mut map, "stay_in_touch_snoozed_until", rows, |c| {
            c.stay_in_touch_snoozed_until
        })?;
        column(&mut map, "archived", rows, |c| flag(c.archived))?;
        column(&mut map, "phone", rows, |c| text(&c.phone))?;
        column(&mut map, "other_link", rows, |c| text(&c.other_link))?;
        column(&mut map, "how_we_met", rows, |c| text(&c.how_we_met))?;
        column(&mut map, "expected_fear", rows, |c| c.expected_fear)?;
        map.end()
    }
}

struct ReachOutColumns<'a>(&'a [ReachOut]);

impl Serialize for ReachOutColumns<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let _every_field_has_a_column = |r: &ReachOut| {
            let ReachOut {
                id: _,
                contact: _,
                channel: _,
                date: _,
                note: _,
                created: _,
                follows_up: _,
                outcome: _,
                outcome_date: _,
                outcome_note: _,
                snoozed_until: _,
                loop_closed: _,
                before: _,
                after: _,
            } = r;
        };
        let rows = self.0;
        let mut map = serializer.serialize_map(None)?;
        column(&mut map, "id", rows, |r| Some(r.id))?;
        column(&mut map, "contact", rows, |r| Some(r.contact))?;
        column(&mut map, "channel", rows, |r| Some(r.channel))?;
        column(&mut map, "date", rows, |r| Some(r.date))?;
        column(&mut map, "note", rows, |r| text(&r.note))?;
        column(&mut map, "created", rows, |r| Some(r.created))?;
        column(&mut map, "follows_up", rows, |r| r.follows_up)?;
        column(&mut map, "outcome", rows, |r| {
            (r.outcome != Outcome::Awaiting).then_some(r.outcome)
        })?;
        column(&mut map, "outcome_date", rows, |r| r.outcome_date)?;
        column(&mut map, "outcome_note", rows, |r| text(&r.outcome_note))?;
        column(&mut map, "snoozed_until", rows, |r| r.snoozed_until)?;
        column(&mut map, "loop_closed", rows, |r| flag(r.loop_closed))?;
        column(&mut map, "before", rows, |r| {
            (!r.before.is_empty()).then_some(&r.before)
        })?;
        column(&mut map, "after", rows, |r| {
            (!r.after.is_empty()).then_some(&r.after)
        })?;
        map.end()
    }
}
