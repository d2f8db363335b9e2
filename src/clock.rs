//! The edge where the app learns the time; the model only ever receives it.

use chrono::{DateTime, Local, NaiveDate, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today in the user's own time zone, which the browser knows.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The day `at` falls on in the user's own time zone.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Local).date_naive()
}
