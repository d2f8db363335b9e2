//! The checks of one contact and of one reach-out: each value moved to the nearest allowed
//! one, with an [`Adjustment`] naming what changed.

use super::*;

/// Checks one contact. Returns its name as it was read when the checks changed it, so that
/// the messages about its reach-outs name it the way the file does.
pub(super) fn check_contact(contact: &mut Contact, out: &mut Vec<Adjustment>) -> Option<String> {
    let Contact {
        id,
        name,
        company,
        role,
        email,
        linkedin,
        tags,
        notes,
        created,
        updated,
        stay_in_touch_days,
        stay_in_touch_snoozed_until,
        archived: _,
        phone,
        other_link,
        how_we_met,
        expected_fear,
    } = contact;
    let id = *id;
    let too_long =
        name.len() > Limits::NAME && name.chars().take(Limits::NAME + 1).count() > Limits::NAME;
    let broken = check_one_line(name).is_err();
    let original = (too_long || broken || check_name(name).is_err()).then(|| {
        let read = name.clone();
        let mut audit = Audit {
            record: Label::Contact { id, name: &read },
            out: &mut *out,
        };
        audit.one_line(name, "the name");
        audit.length(name, "a name", Limits::NAME);
        if check_name(name).is_err() {
            audit.note(
                "a name with no visible character".into(),
                "a name needs one".into(),
            );
            *name = format!("Contact {id}");
        }
        read
    });
    let mut audit = Audit {
        record: Label::Contact {
            id,
            name: original.as_deref().unwrap_or(name),
        },
        out,
    };
    for (text, what) in [
        (&mut *company, "the company"),
        (&mut *role, "the role"),
        (&mut *email, "the e-mail address"),
        (&mut *phone, "the phone number"),
        (&mut *how_we_met, "how we met"),
    ] {
        audit.one_line(text, what);
    }
    audit.length(company, "a company", Limits::SHORT_TEXT);
    audit.length(role, "a role", Limits::SHORT_TEXT);
    audit.length(email, "an e-mail address", Limits::SHORT_TEXT);
    audit.clear_unless(
        email,
        |e| check_email(e).is_ok(),
        "the e-mail address",
        EMAIL_RULE,
    );
    audit.clear_unless(linkedin, is_web_link, "the LinkedIn link", LINK_RULE);
    audit.length(phone, "a phone number", Limits::SHORT_TEXT);
    audit.clear_unless(
        phone,
        |p| check_phone(p).is_ok(),
        "the phone number",
        PHONE_RULE,
    );
    audit.length(other_link, "a link", Limits::URL);
    audit.clear_unless(other_link, is_web_link, "the link", LINK_RULE);
    audit.length(how_we_met, "how we met", Limits::SHORT_TEXT);
    audit.level(expected_fear, "a difficulty");
    if tags.len() > Limits::TAGS {
        audit.note(
            format!("{} tags", grouped(tags.len())),
            format!("at most {}", Limits::TAGS),
        );
        tags.truncate(Limits::TAGS);
    }
    for tag in tags.iter_mut() {
        audit.length(tag, "a tag", Limits::TAG);
    }
    let before = tags.len();
    tags.retain(|tag| {
        !tag.contains(',') && !tag.contains(breaks_line) && !tag.chars().all(char::is_whitespace)
    });
    if tags.len() != before {
        audit.note(
            "an empty tag or one with a comma".into(),
            "tags are words without commas".into(),
        );
    }
    audit.length(notes, "notes", Limits::NOTES);
    audit.time(created, "added on");
    audit.time(updated, "changed on");
    if let Some(days) = stay_in_touch_days {
        audit.number(days, Limits::STAY_IN_TOUCH_DAYS, |n| {
            format!("stay in touch every {n} days")
        });
    }
    audit.optional_day(stay_in_touch_snoozed_until, "a reminder snoozed until");
    original
}

pub(super) fn check_reach_out(
    reach_out: &mut ReachOut,
    record: Label<'_>,
    out: &mut Vec<Adjustment>,
) {
    let mut audit = Audit { record, out };
    let ReachOut {
        id: _,
        contact: _,
        channel: _,
        date,
        note,
        created,
        follows_up: _,
        outcome,
        outcome_date,
        outcome_note,
        snoozed_until,
        loop_closed: _,
        before,
        after,
    } = reach_out;
    audit.day(date, "dated");
    audit.length(note, "a note", Limits::REACH_OUT_NOTE);
    audit.time(created, "logged on");
    if outcome.is_awaiting() {
        if let Some(answered) = outcome_date.take() {
            audit.note(
                format!("answered on {} while awaiting a reply", day_text(answered)),
                "an answer day comes with an answer".into(),
            );
        }
    }
    if let Some(answered) = outcome_date {
        audit.day(answered, "answered on");
        if *answered < *date {
            audit.note(
                format!("answered on {}", day_text(*answered)),
                format!(
                    "an answer can't come before the reach-out ({})",
                    day_text(*date)
                ),
            );
            *answered = *date;
        }
    }
    audit.length(outcome_note, "an outcome note", Limits::REACH_OUT_NOTE);
    audit.optional_day(snoozed_until, "a follow-up snoozed until");
    audit.level(&mut before.fear, "fear");
    if let Some(chance) = &mut before.yes_chance {
        audit.number(chance, Limits::PERCENT, |n| {
            format!("a {n} % chance of a yes")
        });
    }
    audit.length(&mut before.gain, "what could be gained", Limits::SHORT_TEXT);
    audit.length(&mut before.worst, "the worst case", Limits::SHORT_TEXT);
    audit.level(&mut after.feeling, "a feeling");
    audit.length(
        &mut after.reflection,
        "a reflection",
        Limits::REACH_OUT_NOTE,
    );
    for (check_in, what) in [
        (&mut after.after_a_day, "a sting after a day"),
        (&mut after.after_a_week, "a sting after a week"),
    ] {
        if let Some(CheckIn::Felt(level)) = check_in {
            audit.number(level, Limits::LEVEL, |n| format!("{what} of {n}"));
        }
    }
}
