//! A person from the files brought within the contact form's rules before the import plans
//! with them ([`checked`]), and what they fill in a contact already there ([`fills`],
//! [`merge_into`]): a merge fills only what is empty, and adds only new tags.

use chrono::{DateTime, Utc};

use crate::model::validate::{check_one_line, to_one_line, Limits};
use crate::model::{grouped, Contact, ContactDraft, ContactField};

/// Cuts `text` to `max` characters; says so in `warnings` under `label`.
pub(super) fn cut(text: &mut String, max: usize, label: &str, warnings: &mut Vec<String>) {
    let trimmed = text.trim();
    if trimmed.chars().count() > max {
        *text = trimmed
            .chars()
            .take(max)
            .collect::<String>()
            .trim_end()
            .to_string();
        warnings.push(format!("{label} cut to {} characters", grouped(max)));
    } else if trimmed.len() != text.len() {
        *text = trimmed.to_string();
    }
}

/// The person's draft brought within the form's rules: long text cut, an unusable email,
/// phone or link left out. `Err` with the reason when no usable name is left.
pub(super) fn checked(mut draft: ContactDraft) -> Result<(ContactDraft, Vec<String>), String> {
    let mut warnings = Vec::new();
    draft.notes = draft.notes.replace("\r\n", "\n").replace('\r', "\n");
    // Single-line fields hold one line: a break or control character becomes a space.
    for (text, label) in [
        (&mut draft.name, "the name"),
        (&mut draft.company, "the company"),
        (&mut draft.role, "the role"),
        (&mut draft.email, "the e-mail"),
        (&mut draft.phone, "the phone number"),
        (&mut draft.linkedin, "the LinkedIn profile"),
        (&mut draft.other_link, "the link"),
        (&mut draft.how_we_met, "how we met"),
        (&mut draft.tags, "the tags"),
    ] {
        if check_one_line(text).is_err() {
            *text = to_one_line(text);
            warnings.push(format!(
                "line breaks and control characters in {label} removed"
            ));
        }
    }
    cut(&mut draft.name, Limits::NAME, "The name", &mut warnings);
    cut(
        &mut draft.company,
        Limits::SHORT_TEXT,
        "The company",
        &mut warnings,
    );
    cut(
        &mut draft.role,
        Limits::SHORT_TEXT,
        "The role",
        &mut warnings,
    );
    cut(
        &mut draft.how_we_met,
        Limits::SHORT_TEXT,
        "How we met",
        &mut warnings,
    );
    cut(&mut draft.notes, Limits::NOTES, "The notes", &mut warnings);
    // Tags: at most as many as a contact holds, each cut to a tag's length.
    let tags: Vec<String> = draft
        .tags
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().take(Limits::TAG).collect())
        .collect();
    if tags.len() > Limits::TAGS {
        warnings.push(format!("only the first {} tags kept", Limits::TAGS));
    }
    draft.tags = tags
        .into_iter()
        .take(Limits::TAGS)
        .collect::<Vec<_>>()
        .join(", ");
    if draft.name.trim().is_empty() {
        return Err("it has no name".into());
    }
    // Each field the form would refuse is left out, with the form's own reason.
    for _ in 0..ContactField::ALL.len() {
        let errors = match draft.validate() {
            // The values as the form stores them: links with their scheme, tags split and
            // without doubles, text trimmed.
            Ok(valid) => {
                draft.name = valid.name;
                draft.company = valid.company;
                draft.role = valid.role;
                draft.email = valid.email;
                draft.linkedin = valid.linkedin;
                draft.tags = valid.tags.join(", ");
                draft.notes = valid.notes;
                draft.phone = valid.phone;
                draft.other_link = valid.other_link;
                draft.how_we_met = valid.how_we_met;
                return Ok((draft, warnings));
            }
            Err(errors) => errors,
        };
        let Some(field) = errors.fields().next() else {
            break;
        };
        let message = errors.get(field).unwrap_or_default().to_string();
        let slot = match field {
            ContactField::Name => return Err(format!("its name can't be used: {message}")),
            ContactField::Email => &mut draft.email,
            ContactField::Linkedin => &mut draft.linkedin,
            ContactField::Phone => &mut draft.phone,
            ContactField::OtherLink => &mut draft.other_link,
            ContactField::Company => &mut draft.company,
            ContactField::Role => &mut draft.role,
            ContactField::Tags => &mut draft.tags,
            ContactField::Notes => &mut draft.notes,
            ContactField::StayInTouch => &mut draft.stay_in_touch_days,
            ContactField::HowWeMet => &mut draft.how_we_met,
            ContactField::ExpectedFear => &mut draft.expected_fear,
        };
        let shown: String = slot.chars().take(40).collect();
        warnings.push(format!(
            "{} \u{201c}{shown}\u{201d} left out: {}",
            field.label(),
            message.trim_end_matches('.')
        ));
        slot.clear();
    }
    Err("its details can't be used".into())
}

/// The fields of `existing` that `draft` would fill.
pub(super) fn fills(existing: &Contact, draft: &ContactDraft) -> Vec<&'static str> {
    let pairs = [
        (&existing.company, &draft.company, ContactField::Company),
        (&existing.role, &draft.role, ContactField::Role),
        (&existing.email, &draft.email, ContactField::Email),
        (&existing.linkedin, &draft.linkedin, ContactField::Linkedin),
        (&existing.phone, &draft.phone, ContactField::Phone),
        (
            &existing.other_link,
            &draft.other_link,
            ContactField::OtherLink,
        ),
        (
            &existing.how_we_met,
            &draft.how_we_met,
            ContactField::HowWeMet,
        ),
        (&existing.notes, &draft.notes, ContactField::Notes),
    ];
    let mut filled: Vec<&'static str> = pairs
        .into_iter()
        .filter(|(mine, theirs, _)| mine.is_empty() && !theirs.trim().is_empty())
        .map(|(_, _, field)| field.label())
        .collect();
    if new_tags(existing, draft).next().is_some() {
        filled.push(ContactField::Tags.label());
    }
    filled
}

/// The tags of `draft` that `existing` does not have yet (case aside).
pub(super) fn new_tags<'a>(
    existing: &'a Contact,
    draft: &'a ContactDraft,
) -> impl Iterator<Item = &'a str> {
    draft
        .tags
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .filter(move |t| {
            !existing
                .tags
                .iter()
                .any(|have| have.eq_ignore_ascii_case(t))
        })
}

/// Fills the empty fields of `contact` from `draft` (already checked); true if anything changed.
pub(super) fn merge_into(contact: &mut Contact, draft: &ContactDraft, now: DateTime<Utc>) -> bool {
    let mut changed = false;
    for (mine, theirs) in [
        (&mut contact.company, &draft.company),
        (&mut contact.role, &draft.role),
        (&mut contact.email, &draft.email),
        (&mut contact.linkedin, &draft.linkedin),
        (&mut contact.phone, &draft.phone),
        (&mut contact.other_link, &draft.other_link),
        (&mut contact.how_we_met, &draft.how_we_met),
        (&mut contact.notes, &draft.notes),
    ] {
        let theirs = theirs.trim();
        if mine.is_empty() && !theirs.is_empty() {
            *mine = theirs.to_string();
            changed = true;
        }
    }
    let tags: Vec<String> = new_tags(contact, draft).map(String::from).collect();
    for tag in tags {
        if contact.tags.len() < Limits::TAGS {
            contact.tags.push(tag);
            changed = true;
        }
    }
    if changed {
        contact.updated = now;
    }
    changed
}
