//! The edge where the app learns the time; the model only ever receives it.

use chrono::{DateTime, Local, NaiveDate, TimeDelta, TimeZone, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today in the user's own time zone, which the browser knows.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The day `at` falls on in the user's own time zone. Never panics: a time at the edge of
/// what chrono holds (from damaged data) falls back to its UTC day.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    let naive = at.naive_utc();
    let offset = Local.offset_from_utc_datetime(&naive).local_minus_utc();
    naive
        .checked_add_signed(TimeDelta::seconds(i64::from(offset)))
        .unwrap_or(naive)
        .date()
}

/// How long until the next local midnight, plus a second so the new day has surely begun.
pub fn until_next_midnight() -> std::time::Duration {
    let now = Local::now();
    let next = now
        .date_naive()
        .succ_opt()
        .and_then(|day| day.and_hms_opt(0, 0, 1))
        .and_then(|midnight| midnight.and_local_timezone(Local).earliest());
    let millis = next.map_or(60_000, |next| (next - now).num_milliseconds());
    // Never busy-loop, and re-check at least hourly (a clock change, a daylight-saving jump).
    std::time::Duration::from_millis(millis.clamp(1_000, 3_600_000) as u64)
}
