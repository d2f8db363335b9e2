//! The edge where the app learns the time; the model only ever receives it.

use chrono::{DateTime, Local, NaiveDate, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today in the user's own time zone, which the browser knows.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}
