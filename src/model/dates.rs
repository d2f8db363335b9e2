//! How days (and counts) are worded for people: "today", "3 days ago", "12 Mar 2026", "1 contact".

use chrono::NaiveDate;

/// A short, human form of `date` as seen from `today`.
pub fn relative_day(date: NaiveDate, today: NaiveDate) -> String {
    match (today - date).num_days() {
        0 => "today".into(),
        1 => "yesterday".into(),
        -1 => "tomorrow".into(),
        days @ 2..=13 => format!("{days} days ago"),
        days @ -13..=-2 => format!("in {} days", -days),
        _ => long_day(date),
    }
}

/// `27 Nov 2026`.
pub fn long_day(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// What a date field sends: what the person typed, or today when the field still holds the
/// default it was drawn with on an earlier day (a form left open overnight means "today").
pub fn form_day(typed: &str, drawn_on: NaiveDate, today: NaiveDate) -> String {
    let default = drawn_on.format("%Y-%m-%d").to_string();
    if typed.trim() == default && drawn_on != today {
        today.format("%Y-%m-%d").to_string()
    } else {
        typed.to_string()
    }
}

/// `1 contact`, `3 contacts`: a count with its noun.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_default_day_left_overnight_becomes_today_a_typed_one_stays() {
        let (drawn, next) = (day(2026, 11, 27), day(2026, 11, 28));
        assert_eq!(form_day("2026-11-27", drawn, next), "2026-11-28");
        assert_eq!(form_day("2026-11-27", drawn, drawn), "2026-11-27");
        assert_eq!(form_day("2026-11-20", drawn, next), "2026-11-20");
    }

    #[test]
    fn recent_days_are_relative_older_ones_are_dates() {
        let today = day(2026, 11, 27);
        assert_eq!(relative_day(today, today), "today");
        assert_eq!(relative_day(day(2026, 11, 26), today), "yesterday");
        assert_eq!(relative_day(day(2026, 11, 20), today), "7 days ago");
        assert_eq!(relative_day(day(2026, 11, 1), today), "1 Nov 2026");
        assert_eq!(relative_day(day(2026, 11, 30), today), "in 3 days");
    }
}
