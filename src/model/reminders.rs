//! Reminders that reach a person who does not open the app (issue 25): the weekly nudge for
//! their calendar, the count of follow-ups due for the app's icon, the digest a service worker
//! reads to say "2 follow-ups today" once a day, and welcoming someone back after a gap without
//! a wall of overdue rows.
//!
//! Everything here is pure: today and the person's choices are passed in.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

use super::words::plural;
use super::{Book, ModelError, ReachOutId};

/// How many days ahead the digest looks.
pub const DIGEST_DAYS: u64 = 14;
/// A person away this many days or more is welcomed back (see [`coming_back`]).
pub const AWAY_DAYS: i64 = 14;
/// "Start fresh" puts at most this many overdue follow-ups on one day.
pub const FRESH_PER_DAY: usize = 3;

/// When the weekly calendar nudge comes: a day of the week and a time of day, in the person's
/// own time, wherever they are (the calendar file uses floating time, see
/// `format::reminder_ics`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeeklyNudge {
    pub weekday: Weekday,
    pub time: NaiveTime,
}

impl Default for WeeklyNudge {
    /// Monday, 9:00: the start of the working week.
    fn default() -> Self {
        WeeklyNudge {
            weekday: Weekday::Mon,
            time: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
        }
    }
}

impl WeeklyNudge {
    /// Reads the form's two fields: a weekday as `Monday`…`Sunday` (or `Mon`…) and a time as
    /// `HH:MM`. Refuses anything else, saying which field.
    pub fn from_texts(weekday: &str, time: &str) -> Result<WeeklyNudge, ModelError> {
        let weekday = weekday
            .trim()
            .parse::<Weekday>()
            .map_err(|_| ModelError::InvalidReminder("Choose a day of the week.".into()))?;
        let time = NaiveTime::parse_from_str(time.trim(), "%H:%M")
            .map_err(|_| ModelError::InvalidReminder("Enter a time like 09:00.".into()))?;
        Ok(WeeklyNudge { weekday, time })
    }

    /// The first day on or after `today` that falls on the nudge's weekday.
    pub fn first_day(&self, today: NaiveDate) -> NaiveDate {
        let ahead =
            (7 + self.weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        today
            .checked_add_days(Days::new(u64::from(ahead)))
            .unwrap_or(today)
    }

    /// "Reachout: 2 brave asks this week", from the weekly goal.
    pub fn title(goal: Option<u32>) -> String {
        match goal {
            Some(n) if n > 1 => format!("Reachout: {n} brave asks this week"),
            _ => "Reachout: one brave ask this week".to_string(),
        }
    }
}

/// What a reminder shows on one day: the follow-ups due by then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueOn {
    pub count: usize,
    /// The words of the notification: "2 follow-ups today: Ana Lima, Bram de Vries".
    pub text: String,
}

/// The days ahead that have follow-ups due, with the notification's words for each: what the
/// service worker reads (it cannot read localStorage), nothing more. Days with nothing due are
/// absent: no notification on them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Digest {
    pub days: BTreeMap<NaiveDate, DueOn>,
}

impl Book {
    /// How many follow-ups are due today or earlier: the count on the app's icon.
    pub fn due_today_count(&self, today: NaiveDate) -> usize {
        self.agenda(today).follow_ups.len()
    }

    /// The digest for `today` and the [`DIGEST_DAYS`] after it. On each day, every follow-up
    /// due by then that the app would list (not of an archived contact, not past the most
    /// tries), most overdue first; with `hide_names`, only the count.
    pub fn reminder_digest(&self, today: NaiveDate, hide_names: bool) -> Digest {
        let mut due: Vec<(NaiveDate, ReachOutId, &str)> = self
            .open_threads()
            .into_iter()
            .filter(|t| !t.tried_out(self.settings.max_tries))
            .filter_map(|t| {
                let person = self.contact(t.contact)?;
                Some((t.due, t.latest, person.name.as_str()))
            })
            .collect();
        due.sort();
        let mut days = BTreeMap::new();
        for ahead in 0..=DIGEST_DAYS {
            let Some(day) = today.checked_add_days(Days::new(ahead)) else {
                break;
            };
            let names: Vec<&str> = due
                .iter()
                .take_while(|(on, _, _)| *on <= day)
                .map(|(_, _, name)| *name)
                .collect();
            if names.is_empty() {
                continue;
            }
            let text = notification_text(&names, hide_names);
            days.insert(
                day,
                DueOn {
                    count: names.len(),
                    text,
                },
            );
        }
        Digest { days }
    }

    /// Moves every overdue follow-up (due before today, as listed on Today) to one of the next
    /// days, at most [`FRESH_PER_DAY`] a day, the most overdue first; returns what it moved, for
    /// the undo. Nothing is logged or closed: the threads stay as they were, only later.
    pub fn start_fresh(&mut self, today: NaiveDate) -> Result<Rescheduled, ModelError> {
        let overdue: Vec<ReachOutId> = self
            .agenda(today)
            .follow_ups
            .into_iter()
            .filter(|t| t.due < today)
            .map(|t| t.latest)
            .collect();
        if overdue.is_empty() {
            return Err(ModelError::NothingOverdue);
        }
        // Every new day is found first, so a refusal (at the end of time) changes nothing.
        let mut days = Vec::with_capacity(overdue.len());
        for at in 0..overdue.len() {
            let ahead = 1 + (at / FRESH_PER_DAY) as u64;
            let day = today
                .checked_add_days(Days::new(ahead))
                .filter(|day| super::Limits::day_in_range(*day))
                .ok_or(ModelError::SnoozeDay)?;
            days.push(day);
        }
        let mut moved = Vec::with_capacity(overdue.len());
        for (latest, day) in overdue.into_iter().zip(days) {
            let before = self.reach_out(latest).and_then(|r| r.snoozed_until);
            self.snooze_follow_up(latest, day, today)?;
            moved.push((latest, before));
        }
        Ok(Rescheduled { moved })
    }

    /// Takes back [`Book::start_fresh`]: each follow-up due again when it was.
    pub fn undo_start_fresh(&mut self, rescheduled: Rescheduled) {
        for (latest, before) in rescheduled.moved {
            if let Some(reach_out) = self.reach_outs.iter_mut().find(|r| r.id == latest) {
                reach_out.snoozed_until = before;
            }
        }
    }
}

/// Follow-ups "Start fresh" moved, with the snooze each had before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rescheduled {
    pub moved: Vec<(ReachOutId, Option<NaiveDate>)>,
}

impl Rescheduled {
    pub fn describe(&self) -> String {
        format!(
            "Moved {} to the next days.",
            plural(self.moved.len(), "overdue follow-up", "overdue follow-ups")
        )
    }
}

/// The most names a notification lists; the rest are counted.
pub const NAMES_SHOWN: usize = 3;

/// "2 follow-ups today: Ana Lima, Bram de Vries"; "5 follow-ups today: Ana, Bram, Cleo and 2
/// more"; "1 follow-up today" with names hidden.
pub fn notification_text(names: &[&str], hide_names: bool) -> String {
    let count = plural(names.len(), "follow-up today", "follow-ups today");
    if hide_names || names.is_empty() {
        return count;
    }
    let shown = names[..names.len().min(NAMES_SHOWN)].join(", ");
    match names.len().saturating_sub(NAMES_SHOWN) {
        0 => format!("{count}: {shown}"),
        more => format!("{count}: {shown} and {more} more"),
    }
}

/// True when the person last opened the app [`AWAY_DAYS`] or more days before `today`: Today
/// then welcomes them back with one small step instead of the overdue list. A first visit
/// (never seen) is not a return.
pub fn coming_back(last_seen: Option<NaiveDate>, today: NaiveDate) -> bool {
    last_seen.is_some_and(|seen| (today - seen).num_days() >= AWAY_DAYS)
}
