//! Taking data out: contacts and reach-outs as CSV for spreadsheets, contacts as vCard 4.0 for
//! a phone or another CRM, and the dates ahead as an iCalendar file (all of them, or one
//! contact's), with the weekly reminder as a recurring event. The JSON backup stays
//! the lossless format; these are for other programs.
//!
//! CSV is written with the `csv` crate. Every cell that a spreadsheet would take as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or CR: OWASP's list) gets a leading `'`, and
//! Reachout's importer takes that mark off again, so our own CSV reads back as it was. The
//! vCard and iCalendar writers are a few lines each (escaping, folding at 75 octets, CRLF), so
//! they are written here rather than pulled in as crates.

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::words::long_day;
use crate::model::{Book, CalendarEntry, Channel, ContactId, Dated, Outcome, WeeklyNudge};

/// The header of the contacts CSV; the importer's first guess maps each of these back.
pub const CONTACT_COLUMNS: [&str; 12] = [
    "Name",
    "Company",
    "Role",
    "Email",
    "Phone",
    "LinkedIn",
    "Other link",
    "Tags",
    "How we met",
    "Notes",
    "Stay in touch (days)",
    "Archived",
];

/// The header of the reach-outs CSV.
pub const REACH_OUT_COLUMNS: [&str; 11] = [
    "Contact",
    "Contact LinkedIn",
    "Contact email",
    "Channel",
    "Date",
    "Note",
    "Outcome",
    "Outcome date",
    "Outcome note",
    "Follow-up of (date)",
    "Loop closed",
];

/// A cell a spreadsheet will show as text, never run as a formula.
pub fn spreadsheet_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn csv_text(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a refused record is left out rather than stopping here.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|cell| spreadsheet_safe(cell)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // A byte-order mark, so that spreadsheet programs read the text as UTF-8.
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

fn day_text(day: Option<NaiveDate>) -> String {
    day.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Every contact, by name.
pub fn contacts_csv(book: &Book) -> String {
    let rows = book.contacts_by_name().into_iter().map(|c| {
        vec![
            c.name.clone(),
            c.company.clone(),
            c.role.clone(),
            c.email.clone(),
            c.phone.clone(),
            c.linkedin.clone(),
            c.other_link.clone(),
            c.tags.join(", "),
            c.how_we_met.clone(),
            c.notes.clone(),
            c.stay_in_touch_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
            if c.archived {
                "yes".into()
            } else {
                String::new()
            },
        ]
    });
    csv_text(&CONTACT_COLUMNS, rows)
}

/// Every reach-out, oldest first, with whom it went to.
pub fn reach_outs_csv(book: &Book) -> String {
    let mut reach_outs: Vec<_> = book.reach_outs.iter().collect();
    reach_outs.sort_by_key(|r| (r.date, r.id));
    let dates: crate::model::IdMap<_, _> = book.reach_outs.iter().map(|r| (r.id, r.date)).collect();
    let rows = reach_outs.into_iter().map(|r| {
        let contact = book.contact(r.contact);
        let of = |f: fn(&crate::model::Contact) -> &String| {
            contact.map(|c| f(c).clone()).unwrap_or_default()
        };
        vec![
            of(|c| &c.name),
            of(|c| &c.linkedin),
            of(|c| &c.email),
            r.channel.label().to_string(),
            day_text(Some(r.date)),
            r.note.clone(),
            r.outcome.label().to_string(),
            day_text(r.outcome_date),
            r.outcome_note.clone(),
            day_text(r.follows_up.and_then(|id| dates.get(&id).copied())),
            if r.loop_closed {
                "yes".into()
            } else {
                String::new()
            },
        ]
    });
    csv_text(&REACH_OUT_COLUMNS, rows)
}

/// The channel a reach-outs CSV names, by its label.
pub fn channel_named(label: &str) -> Option<Channel> {
    Channel::ALL
        .into_iter()
        .find(|c| c.label().eq_ignore_ascii_case(label.trim()))
}

/// The outcome a reach-outs CSV names, by its label.
pub fn outcome_named(label: &str) -> Option<Outcome> {
    Outcome::CHOICES
        .into_iter()
        .find(|o| o.label().eq_ignore_ascii_case(label.trim()))
}

/// Escapes a vCard or iCalendar text value: backslash, comma, semicolon, line breaks. A line
/// or paragraph separator is a line break too; every other control character is dropped, so a
/// reader that splits on one never sees an extra card or event.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if crate::model::breaks_line(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no line is longer than 75 octets (a fold never splits a
/// character), ended with CRLF.
fn line(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        let size = c.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += size;
    }
    out.push_str("\r\n");
}

/// Every contact not archived, as vCard 4.0 (RFC 6350).
pub fn contacts_vcard(book: &Book) -> String {
    let mut out = String::new();
    for c in book.contacts_by_name().into_iter().filter(|c| !c.archived) {
        line(&mut out, "BEGIN:VCARD");
        line(&mut out, "VERSION:4.0");
        line(&mut out, &format!("FN:{}", escape(&c.name)));
        line(&mut out, &format!("UID:urn:reachout:contact:{}", c.id));
        for (name, value) in [
            ("ORG", &c.company),
            ("TITLE", &c.role),
            ("EMAIL", &c.email),
            ("TEL", &c.phone),
            ("SOCIALPROFILE;SERVICE-TYPE=LinkedIn", &c.linkedin),
            ("URL", &c.other_link),
            ("NOTE", &c.notes),
        ] {
            if !value.is_empty() {
                line(&mut out, &format!("{name}:{}", escape(value)));
            }
        }
        if !c.tags.is_empty() {
            let tags: Vec<String> = c.tags.iter().map(|t| escape(t)).collect();
            line(&mut out, &format!("CATEGORIES:{}", tags.join(",")));
        }
        line(&mut out, "END:VCARD");
    }
    out
}

/// The dates ahead as an iCalendar file (RFC 5545): one all-day event per follow-up or
/// stay-in-touch turn, with a UID that stays the same across exports so that importing the
/// file again updates events instead of doubling them.
pub fn calendar_ics(book: &Book, today: NaiveDate, now: DateTime<Utc>) -> String {
    calendar_of(book, book.calendar(today), now)
}

/// [`calendar_ics`] for one contact: the next date to follow up or stay in touch, if there is
/// one (the "Add to my calendar" beside a follow-up). The same UID as in the whole file, so
/// adding both does not double the event.
pub fn calendar_one_ics(
    book: &Book,
    contact: ContactId,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Option<String> {
    let entries: Vec<CalendarEntry> = book
        .calendar(today)
        .into_iter()
        .filter(|e| e.contact == contact)
        .collect();
    (!entries.is_empty()).then(|| calendar_of(book, entries, now))
}

fn calendar_head(out: &mut String, product: &str) {
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, &format!("PRODID:-//Reachout//{product}//EN"));
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:Reachout");
}

fn calendar_of(book: &Book, entries: Vec<CalendarEntry>, now: DateTime<Utc>) -> String {
    let mut out = String::new();
    calendar_head(&mut out, "Follow-ups");
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for CalendarEntry { contact, day, what } in entries {
        let Some(person) = book.contact(contact) else {
            continue;
        };
        let (uid, summary, description) = match &what {
            Dated::FollowUp(thread) => {
                let latest = book.reach_out(thread.latest);
                let said = latest
                    .map(|r| {
                        format!(
                            "Your {} reach-out on {} has no answer yet.",
                            r.channel.label(),
                            long_day(r.date)
                        )
                    })
                    .unwrap_or_default();
                (
                    format!("follow-up-{}-{}@reachout", contact, thread.latest.0),
                    format!("Follow up with {}", person.name),
                    format!("{said} A short, friendly nudge is normal."),
                )
            }
            Dated::StayInTouch { every, last } => (
                format!("stay-in-touch-{contact}@reachout"),
                format!("Stay in touch with {}", person.name),
                match last {
                    Some(last) => {
                        format!("Every {every} days; last in touch on {}.", long_day(*last))
                    }
                    None => format!("Every {every} days."),
                },
            ),
        };
        let Some(next) = day.succ_opt() else {
            continue;
        };
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{uid}"));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")),
        );
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
        );
        line(&mut out, &format!("SUMMARY:{}", escape(&summary)));
        line(&mut out, &format!("DESCRIPTION:{}", escape(&description)));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// The weekly reminder as one recurring event (RFC 5545 `RRULE`), on the nudge's weekday and
/// time from its first day on or after `today`, 15 minutes long, with an alarm at its start.
/// The time is *floating* (no time zone): 9:00 is 9:00 wherever the person is, as a habit's
/// reminder should be, and no zone rules need writing. The UID is the same in every download,
/// so importing a changed reminder replaces the old one where the calendar honours UIDs.
/// `app` is the app's own address, for the description and `URL`.
pub fn weekly_nudge_ics(
    nudge: &WeeklyNudge,
    goal: Option<u32>,
    app: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> String {
    const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    let title = WeeklyNudge::title(goal);
    // An address is a URI, not text: it is written as it is, once any break or control
    // character (never part of one) is taken out.
    let app: String = app
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect();
    let start = nudge.first_day(today).and_time(nudge.time);
    let mut out = String::new();
    calendar_head(&mut out, "Weekly reminder");
    line(&mut out, "BEGIN:VEVENT");
    // One reminder per copy of the app: the UID names the site it is served from.
    let site = app
        .split_once("://")
        .map(|(_, rest)| rest.split('/').next().unwrap_or_default())
        .filter(|host| !host.is_empty())
        .unwrap_or("reachout");
    line(&mut out, &format!("UID:weekly-reminder@{site}"));
    line(
        &mut out,
        &format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
    );
    // Each download is a newer version of the same event (minutes since 2026), so a calendar
    // that already has it takes the change instead of skipping it.
    let sequence = (now.timestamp() - SEQUENCE_FROM).max(0) / 60;
    line(&mut out, &format!("SEQUENCE:{sequence}"));
    line(
        &mut out,
        &format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")),
    );
    line(&mut out, "DURATION:PT15M");
    let day = DAYS[nudge.weekday.num_days_from_monday() as usize];
    line(&mut out, &format!("RRULE:FREQ=WEEKLY;BYDAY={day}"));
    line(&mut out, &format!("SUMMARY:{}", escape(&title)));
    let description = format!(
        "Open Reachout and pick one person to reach out to: {app} \u{2014} reaching out is the win, whatever the answer."
    );
    line(&mut out, &format!("DESCRIPTION:{}", escape(&description)));
    if !app.is_empty() {
        line(&mut out, &format!("URL:{app}"));
    }
    line(&mut out, "TRANSP:TRANSPARENT");
    line(&mut out, "BEGIN:VALARM");
    line(&mut out, "ACTION:DISPLAY");
    line(&mut out, &format!("DESCRIPTION:{}", escape(&title)));
    line(&mut out, "TRIGGER:PT0M");
    line(&mut out, "END:VALARM");
    line(&mut out, "END:VEVENT");
    line(&mut out, "END:VCALENDAR");
    out
}

/// 2026-01-01T00:00:00Z, where the weekly reminder's SEQUENCE counts from.
const SEQUENCE_FROM: i64 = 1_767_225_600;

/// `reachout-contacts-2026-11-29.csv` and the like.
pub fn file_name(what: &str, today: NaiveDate, extension: &str) -> String {
    format!("reachout-{what}-{}.{extension}", today.format("%Y-%m-%d"))
}
