//! Every value of a book checked against [`Limits`], the rules the forms apply, for data that
//! came in by another door: stored text, a backup, an import.
//!
//! [`Book::bring_into_range`] moves each value that breaks a limit to the nearest allowed one
//! and names what it changed. A backup reader refuses the file when the list is not empty; the
//! stored-text reader keeps the raw text aside first, then opens the adjusted book and says so.
//! Either way no value out of range reaches the rest of the model, so date and count
//! arithmetic there stays far from overflow.

use chrono::{DateTime, NaiveDate, Utc};

use super::validate::{
    breaks_line, check_email, check_name, check_one_line, check_phone, is_web_link, to_one_line,
    Limits,
};
use super::words::grouped;

mod beside;
mod consistency;
mod label;
mod records;
use beside::{check_deletions, check_near_misses, check_templates};
use label::{quoted, Label, Names};
use records::{check_contact, check_reach_out};
use std::cell::OnceCell;

use super::{Book, CheckIn, Contact, IdMap, ReachOut};

/// One value that broke a limit, named so that a person can find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adjustment {
    /// "Contact 'Ana Meyer'", "Reach-out 12 to 'Ana Meyer'", "Settings".
    pub record: String,
    /// What was found: "stay in touch every 4,294,967,295 days".
    pub found: String,
    /// The rule it broke: "at most 365".
    pub rule: String,
}

impl std::fmt::Display for Adjustment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}; {}.", self.record, self.found, self.rule)
    }
}

const EMAIL_RULE: &str = "it must look like name@example.com";
const LINK_RULE: &str = "only http:// and https:// links are kept";
const PHONE_RULE: &str = "a phone number is digits, with + - ( ) . / or spaces";

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn years_rule() -> String {
    format!(
        "dates run from {} to {}",
        Limits::FIRST_YEAR,
        Limits::LAST_YEAR
    )
}

/// Collects adjustments for one record.
struct Audit<'a, 'b> {
    record: Label<'b>,
    out: &'a mut Vec<Adjustment>,
}

impl Audit<'_, '_> {
    fn note(&mut self, found: String, rule: String) {
        self.out.push(Adjustment {
            record: self.record.text(),
            found,
            rule,
        });
    }

    /// Makes a single-line field one line: each run of line breaks and control characters
    /// becomes one space.
    fn one_line(&mut self, text: &mut String, what: &str) {
        if check_one_line(text).is_err() {
            self.note(
                format!("a line break or control character in {what}"),
                "it holds one line".into(),
            );
            *text = to_one_line(text);
        }
    }

    /// Cuts `text` to `max` characters.
    fn length(&mut self, text: &mut String, what: &str, max: usize) {
        // No more bytes than the limit means no more characters: most text stops here.
        if text.len() > max && text.chars().take(max + 1).count() > max {
            let length = text.chars().count();
            self.note(
                format!("{what} of {} characters", grouped(length)),
                format!("at most {}", grouped(max)),
            );
            *text = text.chars().take(max).collect();
        }
    }

    fn day(&mut self, day: &mut NaiveDate, what: &str) {
        if !Limits::day_in_range(*day) {
            self.note(format!("{what} {}", day_text(*day)), years_rule());
            *day = Limits::clamp_day(*day);
        }
    }

    /// An optional day out of range is dropped (a snooze, a reminder).
    fn optional_day(&mut self, day: &mut Option<NaiveDate>, what: &str) {
        if let Some(found) = *day {
            if !Limits::day_in_range(found) {
                self.note(format!("{what} {}", day_text(found)), years_rule());
                *day = None;
            }
        }
    }

    fn time(&mut self, at: &mut DateTime<Utc>, what: &str) {
        if !Limits::time_in_range(*at) {
            self.note(
                format!("{what} {}", day_text(at.date_naive())),
                years_rule(),
            );
            *at = Limits::clamp_time(*at);
        }
    }

    /// Empties a non-empty `text` that fails `valid`, naming it as `what 'text'`.
    fn clear_unless(
        &mut self,
        text: &mut String,
        valid: impl Fn(&str) -> bool,
        what: &str,
        rule: &str,
    ) {
        if !text.is_empty() && !valid(text) {
            self.note(format!("{what} {}", quoted(text)), rule.into());
            text.clear();
        }
    }

    /// A 0–10 answer: fear, feeling, how hard it feels.
    fn level(&mut self, level: &mut Option<u32>, what: &str) {
        if let Some(value) = level {
            self.number(value, Limits::LEVEL, |n| format!("{what} of {n}"));
        }
    }

    fn number(
        &mut self,
        value: &mut u32,
        range: std::ops::RangeInclusive<u32>,
        found: impl Fn(&str) -> String,
    ) {
        if !range.contains(value) {
            let rule = if *value < *range.start() {
                format!("at least {}", range.start())
            } else {
                format!("at most {}", grouped(u64::from(*range.end())))
            };
            self.note(found(&grouped(u64::from(*value))), rule);
            *value = (*value).clamp(*range.start(), *range.end());
        }
    }
}

impl Book {
    /// Moves every value that breaks a limit into range and returns what it changed, in
    /// record order; an empty list means the book already kept every limit.
    pub fn bring_into_range(&mut self) -> Vec<Adjustment> {
        let mut out = Vec::new();
        let mut audit = Audit {
            record: Label::Text("Settings"),
            out: &mut out,
        };
        audit.number(
            &mut self.settings.follow_up_days,
            Limits::FOLLOW_UP_DAYS,
            |n| format!("a follow-up after {n} days"),
        );
        audit.number(&mut self.settings.max_tries, Limits::MAX_TRIES, |n| {
            format!("{n} tries before closing the loop")
        });
        if let Some(goal) = &mut self.settings.weekly_goal {
            audit.number(goal, Limits::WEEKLY_GOAL, |n| {
                format!("a weekly goal of {n} reach-outs")
            });
        }
        // One past the largest id is where a full book's counter stands; beyond it is damage.
        if self.next_id > Limits::MAX_ID.saturating_add(1) {
            let mut audit = Audit {
                record: Label::Text("The id counter"),
                out: audit.out,
            };
            audit.note(
                format!("the next id is {}", grouped(self.next_id)),
                format!("at most {}", grouped(Limits::MAX_ID)),
            );
            self.next_id = self.highest_id().saturating_add(1);
        }
        let mut renamed = IdMap::default();
        for contact in &mut self.contacts {
            if let Some(original) = check_contact(contact, &mut out) {
                renamed.insert(contact.id, original);
            }
        }
        let names = Names {
            contacts: &self.contacts,
            renamed,
            labels: OnceCell::new(),
        };
        for reach_out in &mut self.reach_outs {
            let record = Label::ReachOut {
                id: reach_out.id.0,
                contact: reach_out.contact,
                names: &names,
            };
            check_reach_out(reach_out, record, &mut out);
        }
        unlink_follow_ups_out_of_order(&mut self.reach_outs, &names, &mut out);
        check_near_misses(self, &mut out);
        check_deletions(self, &mut out);
        if let Some(templates) = &mut self.templates {
            check_templates(templates, &mut out);
        }
        out
    }

    /// The highest id in use, 0 for an empty book.
    pub fn highest_id(&self) -> u64 {
        self.contacts
            .iter()
            .map(|c| c.id.0)
            .chain(self.reach_outs.iter().map(|r| r.id.0))
            .max()
            .unwrap_or(0)
    }
}

/// A follow-up must come after the reach-out it follows, of the same contact (the stored
/// reader refuses anything else). Dates moved into range can put two in the wrong order;
/// such a link is dropped, and both reach-outs stay.
fn unlink_follow_ups_out_of_order(
    reach_outs: &mut [ReachOut],
    names: &Names<'_>,
    out: &mut Vec<Adjustment>,
) {
    let order: IdMap<_, _> = reach_outs.iter().map(|r| (r.id, r.place())).collect();
    for reach_out in reach_outs.iter_mut() {
        let Some(earlier) = reach_out.follows_up else {
            continue;
        };
        let in_order = order
            .get(&earlier)
            .is_some_and(|place| reach_out.place().may_follow(*place));
        if !in_order {
            let record = Label::ReachOut {
                id: reach_out.id.0,
                contact: reach_out.contact,
                names,
            };
            out.push(Adjustment {
                record: record.text(),
                found: format!(
                    "a follow-up of reach-out {}, which is not earlier",
                    earlier.0
                ),
                rule: "a follow-up comes after what it follows".into(),
            });
            reach_out.follows_up = None;
        }
    }
}
