//! LinkedIn's data export ("Get a copy of your data"): the connections, the invitations sent
//! and received, and the messages. Columns are found by their header names, never by position:
//! LinkedIn adds and drops columns between exports (older ones have no `URL`, newer message
//! files have `IS MESSAGE DRAFT` and more).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::csv_rows::{rows, Columns, Rows};
use super::{first_lines, one_line, place, ImportError};
use crate::model::words::long_day;
use crate::model::{
    fold, Channel, ContactDraft, Incoming, IncomingPerson, IncomingReachOut, Outcome, Skipped,
};

/// Reads the table that starts at the first line containing `first_column`, after any
/// preamble (`Notes:` and a sentence, in today's connections file).
fn table_after_preamble(name: &str, text: &str, first_column: &str) -> Result<Rows, ImportError> {
    let mut offset = 0;
    let mut skipped_lines = 0;
    for line in text.split_inclusive('\n') {
        if line.to_lowercase().contains(first_column) {
            break;
        }
        offset += line.len();
        skipped_lines += 1;
    }
    rows(name, &text[offset..], b',', skipped_lines)
}

/// "12 Mar 2024", or "01-Jul-25" where a spreadsheet saved the file again.
pub fn connected_on(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%d %B %Y"]
        .into_iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

/// "1/29/26, 2:37 PM" (the time, and its kind of space, do not matter).
pub fn sent_at(text: &str) -> Option<NaiveDate> {
    let day = text.split([',', ' ']).next().unwrap_or_default().trim();
    ["%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d"]
        .into_iter()
        .find_map(|format| NaiveDate::parse_from_str(day, format).ok())
}

/// Turns a moment into the day it fell on for the person: the edge passes the browser's own
/// time zone in (`clock::local_day`), tests pass a fixed one.
pub type LocalDay = fn(DateTime<Utc>) -> NaiveDate;

/// The day in UTC: for tests, and the day when no time zone is known.
pub fn utc_day(at: DateTime<Utc>) -> NaiveDate {
    at.date_naive()
}

/// "2023-06-11 15:33:58 UTC": the day it was in the person's time zone. A message sent at
/// 23:00 in New York is dated in UTC the next day; `local_day` puts it back on its own day.
/// A date without a readable time keeps the day it names.
pub fn message_day(text: &str, local_day: LocalDay) -> Option<NaiveDate> {
    let text = text.trim();
    let moment = text.strip_suffix("UTC").unwrap_or(text).trim();
    match NaiveDateTime::parse_from_str(moment, "%Y-%m-%d %H:%M:%S") {
        Ok(naive) => Some(local_day(naive.and_utc())),
        Err(_) => NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok(),
    }
}

/// `Connections.csv`: each row a person, "how we met: LinkedIn, connected on …".
pub fn connections(name: &str, text: &str) -> Result<Incoming, ImportError> {
    let table = table_after_preamble(name, text, "first name")?;
    let columns = Columns::new(&table.header);
    let mut incoming = Incoming::default();
    incoming.skipped.clone_from(&table.skipped);
    for (line, row) in &table.rows {
        let here = place(name, *line);
        if row.len() != table.header.len() {
            incoming.skipped.push(Skipped {
                place: here,
                reason: cells_reason(row.len(), table.header.len()),
            });
            continue;
        }
        let full_name = one_line(&format!(
            "{} {}",
            columns.get(row, "first name"),
            columns.get(row, "last name")
        ));
        if full_name.is_empty() {
            incoming.skipped.push(Skipped {
                place: here,
                reason: "it has no name (LinkedIn leaves out members who hide their name)".into(),
            });
            continue;
        }
        let since = columns.get(row, "connected on");
        let day = connected_on(since);
        let how_we_met = match day {
            Some(day) => format!("LinkedIn, connected on {}", long_day(day)),
            None => "LinkedIn".into(),
        };
        if day.is_none() && !since.is_empty() {
            incoming.notes.push(format!(
                "{here}: \u{201c}{}\u{201d} is not a date, so the day you connected was left out.",
                since.chars().take(30).collect::<String>()
            ));
        }
        incoming.add_contact_row(IncomingPerson {
            place: here,
            draft: ContactDraft {
                name: full_name,
                company: one_line(columns.get(row, "company")),
                role: one_line(columns.get(row, "position")),
                email: columns.get(row, "email address").to_string(),
                linkedin: columns.get(row, "url").to_string(),
                how_we_met,
                ..ContactDraft::default()
            },
            connected: Some(day),
        });
    }
    Ok(incoming)
}

fn cells_reason(found: usize, expected: usize) -> String {
    format!(
        "it has {found} cells where the header has {expected}, so its columns can't be told apart"
    )
}

/// `Invitations.csv`: each invitation the person sent is a LinkedIn reach-out on its day, with
/// its message; it counts as accepted when the invitee is among the connections.
pub fn invitations(name: &str, text: &str) -> Result<Incoming, ImportError> {
    let table = table_after_preamble(name, text, "direction")?;
    let columns = Columns::new(&table.header);
    let mut incoming = Incoming::default();
    incoming.skipped.clone_from(&table.skipped);
    let mut received = 0usize;
    for (line, row) in &table.rows {
        let here = place(name, *line);
        if !columns
            .get(row, "direction")
            .eq_ignore_ascii_case("outgoing")
        {
            received += 1;
            continue;
        }
        let to = one_line(columns.get(row, "to"));
        if to.is_empty() {
            incoming.skipped.push(Skipped {
                place: here,
                reason: "it does not say whom the invitation went to".into(),
            });
            continue;
        }
        let Some(date) = sent_at(columns.get(row, "sent at")) else {
            incoming.skipped.push(Skipped {
                place: here,
                reason: format!(
                    "\u{201c}{}\u{201d} is not a date",
                    columns
                        .get(row, "sent at")
                        .chars()
                        .take(30)
                        .collect::<String>()
                ),
            });
            continue;
        };
        let person = incoming.add_person(IncomingPerson {
            place: here,
            draft: ContactDraft {
                name: to,
                linkedin: columns.get(row, "inviteeprofileurl").to_string(),
                how_we_met: "LinkedIn".into(),
                ..ContactDraft::default()
            },
            connected: None,
        });
        incoming.reach_outs.push(IncomingReachOut {
            person,
            channel: Channel::Linkedin,
            date,
            note: first_lines(columns.get(row, "message")),
            outcome: Outcome::Awaiting,
            outcome_date: None,
            outcome_note: String::new(),
            invitation: true,
            closed: false,
            follow_up: false,
        });
    }
    if received > 0 {
        incoming.notes.push(format!(
            "{name}: {} you received left out (they reached out to you, not you to them).",
            crate::model::words::plural(received, "invitation", "invitations")
        ));
    }
    Ok(incoming)
}

/// One message of `messages.csv`.
struct Message {
    line: u64,
    conversation: String,
    from_key: String,
    to: Vec<(String, String)>,
    day: NaiveDate,
    /// The time it was sent, to order a conversation (exports list the newest first).
    at: String,
    content: String,
}

/// Who a person is in the messages: their profile address, else their name.
fn who(url: &str, name: &str) -> String {
    let url = url.trim().trim_end_matches('/').to_lowercase();
    if url.is_empty() {
        fold(name.trim())
    } else {
        url
    }
}

/// `messages.csv`: in each conversation the owner of the export started with one person, the
/// first message is a reach-out, and a later message from the other person marks it answered.
/// The owner is the person found in the most conversations.
pub fn messages(name: &str, text: &str, local_day: LocalDay) -> Result<Incoming, ImportError> {
    let table = table_after_preamble(name, text, "conversation id")?;
    let columns = Columns::new(&table.header);
    let mut incoming = Incoming::default();
    incoming.skipped.clone_from(&table.skipped);
    let mut list = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        if columns
            .get(row, "is message draft")
            .eq_ignore_ascii_case("yes")
        {
            continue;
        }
        let Some(day) = message_day(columns.get(row, "date"), local_day) else {
            incoming.skipped.push(Skipped {
                place: place(name, *line),
                reason: format!(
                    "\u{201c}{}\u{201d} is not a date",
                    columns
                        .get(row, "date")
                        .chars()
                        .take(30)
                        .collect::<String>()
                ),
            });
            continue;
        };
        let names: Vec<&str> = columns.get(row, "to").split(',').map(str::trim).collect();
        let urls: Vec<&str> = columns
            .get(row, "recipient profile urls")
            .split(',')
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .collect();
        let count = names.len().max(urls.len());
        let to = (0..count)
            .map(|i| {
                let n = names.get(i).copied().unwrap_or_default();
                let u = urls.get(i).copied().unwrap_or_default();
                (one_line(n), u.to_string())
            })
            .collect();
        list.push(Message {
            line: *line,
            conversation: columns.get(row, "conversation id").to_string(),
            from_key: who(
                columns.get(row, "sender profile url"),
                columns.get(row, "from"),
            ),
            to,
            day,
            at: columns.get(row, "date").to_string(),
            content: columns.get(row, "content").to_string(),
        });
    }
    // Conversations in the order they first appear; messages in each by day (stable).
    let mut order: Vec<String> = Vec::new();
    let mut by_conversation: HashMap<String, Vec<&Message>> = HashMap::new();
    for message in &list {
        by_conversation
            .entry(message.conversation.clone())
            .or_insert_with(|| {
                order.push(message.conversation.clone());
                Vec::new()
            })
            .push(message);
    }
    let mut presence: HashMap<String, (usize, usize)> = HashMap::new();
    for messages in by_conversation.values() {
        let mut here: Vec<String> = Vec::new();
        for m in messages {
            here.push(m.from_key.clone());
            presence.entry(m.from_key.clone()).or_default().1 += 1;
            here.extend(m.to.iter().map(|(n, u)| who(u, n)));
        }
        here.sort();
        here.dedup();
        for key in here {
            presence.entry(key).or_default().0 += 1;
        }
    }
    let Some(owner) = presence
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(key, _)| key.clone())
    else {
        return Ok(incoming);
    };
    let (mut theirs, mut groups) = (0usize, 0usize);
    for id in order {
        let mut messages = by_conversation.remove(&id).unwrap_or_default();
        // `2023-06-11 15:33:58 UTC` sorts as text in time order.
        messages.sort_by(|a, b| (a.day, &a.at).cmp(&(b.day, &b.at)));
        let Some(first) = messages.first() else {
            continue;
        };
        if first.from_key != owner {
            theirs += 1;
            continue;
        }
        let [(to_name, to_url)] = first.to.as_slice() else {
            groups += 1;
            continue;
        };
        if to_name.is_empty() && to_url.is_empty() {
            continue;
        }
        let other = who(to_url, to_name);
        let person = incoming.add_person(IncomingPerson {
            place: place(name, first.line),
            draft: ContactDraft {
                name: if to_name.is_empty() {
                    to_url.clone()
                } else {
                    to_name.clone()
                },
                linkedin: to_url.clone(),
                how_we_met: "LinkedIn".into(),
                ..ContactDraft::default()
            },
            connected: None,
        });
        // The other person's first message answers the reach-out: a reply, which the person
        // sorts into a yes, a no or "not yet" (it is never counted as a yes on its own).
        // The owner's messages before it are follow-ups, each a try of its own.
        let reply_at = messages
            .iter()
            .skip(1)
            .position(|m| m.from_key == other)
            .map(|i| i + 1);
        let tries = &messages[..reply_at.unwrap_or(messages.len())];
        let owner_tries: Vec<&&Message> = tries.iter().filter(|m| m.from_key == owner).collect();
        let reply = reply_at.and_then(|i| messages.get(i));
        let last = owner_tries.len().saturating_sub(1);
        for (n, message) in owner_tries.into_iter().enumerate() {
            let answered = if n == last { reply } else { None };
            incoming.reach_outs.push(IncomingReachOut {
                person,
                channel: Channel::Linkedin,
                date: message.day,
                note: first_lines(&message.content),
                outcome: match answered {
                    Some(_) => Outcome::Replied { sorted: false },
                    None => Outcome::Awaiting,
                },
                outcome_date: answered.map(|m| m.day),
                outcome_note: answered
                    .map(|m| first_lines(&m.content))
                    .unwrap_or_default(),
                invitation: false,
                closed: false,
                follow_up: n > 0,
            });
        }
    }
    let plural = crate::model::words::plural;
    if theirs > 0 {
        incoming.notes.push(format!(
            "{name}: {} that others started left out (they reached out to you).",
            plural(theirs, "conversation", "conversations")
        ));
    }
    if groups > 0 {
        incoming.notes.push(format!(
            "{name}: {} left out.",
            plural(groups, "group conversation", "group conversations")
        ));
    }
    Ok(incoming)
}
