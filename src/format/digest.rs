//! The reminder digest as the service worker reads it (`assets/sw.js`): a small JSON object
//! with the notification's words for each day ahead that has follow-ups due, and nothing else
//! (no ids, no notes, no contact details):
//!
//! ```json
//! {"format":"reachout-digest","version":1,"days":{"2026-12-10":"1 follow-up today: Chiara Rossi"},
//!  "counts":{"2026-12-10":1}}
//! ```
//! Days are the person's own calendar days; the worker looks up its own local day, shows the
//! words and puts the count on the app's icon.

use serde_json::{json, Map, Value};

use crate::model::Digest;

/// The digest as the text the worker reads.
pub fn digest_json(digest: &Digest) -> String {
    let days: Map<String, Value> = digest
        .days
        .iter()
        .map(|(day, due)| {
            (
                day.format("%Y-%m-%d").to_string(),
                Value::from(due.text.clone()),
            )
        })
        .collect();
    let counts: Map<String, Value> = digest
        .days
        .iter()
        .map(|(day, due)| (day.format("%Y-%m-%d").to_string(), Value::from(due.count)))
        .collect();
    json!({ "format": "reachout-digest", "version": 1, "days": days, "counts": counts }).to_string()
}
