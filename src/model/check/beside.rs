//! The checks of the short lists beside contacts and reach-outs: near misses, the marks of
//! deleted contacts and message templates.

use super::label::Label;
use super::{Adjustment, Audit};
use crate::model::validate::Limits;
use crate::model::words::grouped;
use crate::model::{Book, IdSet, Template};

/// Near misses keep their note; a link to a contact or reach-out that is gone is dropped.
pub(super) fn check_near_misses(book: &mut Book, out: &mut Vec<Adjustment>) {
    if book.near_misses.is_empty() {
        return;
    }
    let contacts: IdSet<_> = book.contacts.iter().map(|c| c.id).collect();
    let reach_outs: IdSet<_> = book.reach_outs.iter().map(|r| r.id).collect();
    for near_miss in &mut book.near_misses {
        let mut audit = Audit {
            record: Label::Numbered("Near miss", near_miss.id),
            out: &mut *out,
        };
        audit.day(&mut near_miss.date, "dated");
        audit.time(&mut near_miss.created, "noted on");
        audit.length(&mut near_miss.note, "a note", Limits::REACH_OUT_NOTE);
        if let Some(contact) = near_miss.contact.filter(|c| !contacts.contains(c)) {
            audit.note(
                format!("about contact {contact}, who is missing"),
                "the link is dropped, the note kept".into(),
            );
            near_miss.contact = None;
        }
        if let Some(reached) = near_miss.reached.filter(|r| !reach_outs.contains(r)) {
            audit.note(
                format!("became reach-out {}, which is missing", reached.0),
                "the link is dropped, the note kept".into(),
            );
            near_miss.reached = None;
        }
    }
}

/// The marks of deleted contacts: ids in range, dates in range, one per id, none for a contact
/// that is here, and no more than [`Limits::DELETIONS`].
pub(super) fn check_deletions(book: &mut Book, out: &mut Vec<Adjustment>) {
    if book.deleted.is_empty() {
        return;
    }
    let here: IdSet<_> = book.contacts.iter().map(|c| c.id).collect();
    let mut seen = IdSet::default();
    let before = book.deleted.len();
    book.deleted.retain(|d| {
        (1..=Limits::MAX_ID).contains(&d.id.0) && !here.contains(&d.id) && seen.insert(d.id)
    });
    if book.deleted.len() < before {
        out.push(Adjustment {
            record: "Deleted contacts".into(),
            found: format!(
                "{} marks with an id out of range, given twice or of a contact still here",
                grouped(before - book.deleted.len())
            ),
            rule: "they are dropped".into(),
        });
    }
    for mark in &mut book.deleted {
        let mut audit = Audit {
            record: Label::Numbered("The mark of deleted contact", mark.id.0),
            out: &mut *out,
        };
        audit.time(&mut mark.created, "created on");
        audit.time(&mut mark.on, "deleted on");
    }
    if book.deleted.len() > Limits::DELETIONS {
        out.push(Adjustment {
            record: "Deleted contacts".into(),
            found: format!("{} marks", grouped(book.deleted.len())),
            rule: format!("at most {}, the newest", grouped(Limits::DELETIONS)),
        });
        book.deleted.sort_by_key(|d| std::cmp::Reverse(d.on));
        book.deleted.truncate(Limits::DELETIONS);
    }
}

pub(super) fn check_templates(templates: &mut Vec<Template>, out: &mut Vec<Adjustment>) {
    if templates.len() > Limits::TEMPLATES {
        out.push(Adjustment {
            record: "Message templates".into(),
            found: format!("{} templates", grouped(templates.len())),
            rule: format!("at most {}", Limits::TEMPLATES),
        });
        templates.truncate(Limits::TEMPLATES);
    }
    for template in templates.iter_mut() {
        let mut audit = Audit {
            record: Label::Numbered("Template", template.id),
            out: &mut *out,
        };
        audit.length(&mut template.name, "a name", Limits::SHORT_TEXT);
        audit.length(&mut template.body, "a text", Limits::TEMPLATE);
        if template.name.trim().is_empty() {
            audit.note("no name".into(), "a template needs one".into());
            template.name = format!("Template {}", template.id);
        }
    }
    let before = templates.len();
    templates.retain(|t| !t.body.trim().is_empty());
    if templates.len() != before {
        out.push(Adjustment {
            record: "Message templates".into(),
            found: format!("{} without any text", grouped(before - templates.len())),
            rule: "an empty template is left out".into(),
        });
    }
}
