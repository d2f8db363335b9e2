//! How days and numbers are worded for people: "today", "3 days ago", "12 Mar 2026",
//! "1 contact", "4,294,967,295", "2.4". Counts come in whatever type the caller has.

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

/// A whole number of things, as any of the unsigned types the app counts in.
pub trait Count: Copy {
    fn whole(self) -> u64;
}

impl Count for u64 {
    fn whole(self) -> u64 {
        self
    }
}

impl Count for u32 {
    fn whole(self) -> u64 {
        u64::from(self)
    }
}

impl Count for usize {
    fn whole(self) -> u64 {
        // usize is at most 64 bits on every target Rust builds this app for.
        self as u64
    }
}

/// `1 contact`, `3 contacts`: a count with its noun.
pub fn plural(count: impl Count, one: &str, many: &str) -> String {
    let count = count.whole();
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// `4294967295` as `4,294,967,295`: long numbers are read in groups.
pub fn grouped(number: impl Count) -> String {
    let digits = number.whole().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `2.36` as `2.4`: one decimal, rounded half away from zero, from whole numbers (formatting an `f64` would bring
/// the float printing code, about 10 KB, into the download for a storage meter).
pub fn one_decimal(value: f64) -> String {
    // Saturating: no measure here comes near the ends of the range.
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
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
