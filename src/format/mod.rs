//! File and storage formats. Each takes and returns strings, so it is tested natively.

pub mod backup;
pub mod columns;
pub mod compact;
pub mod digest;
pub mod document;
pub mod exchange;
pub mod export;
pub mod import_files;
pub mod locked_backup;
pub mod parts;
#[cfg(any(test, feature = "sample"))]
pub mod sample;
pub mod seal;

/// Marks our data among everything else stored on the same origin.
pub const FORMAT_NAME: &str = "reachout";
/// The schema version this build writes and the newest it can read.
/// - 1: contacts and reach-outs.
/// - 2: outcomes, follow-up links, snoozes and closed loops on reach-outs; stay-in-touch rhythm
///   and archiving on contacts; follow-up settings. Every new field is optional, so version 1
///   data needs no rewriting, only the new number.
/// - 3: the courage loop. On reach-outs, `before` (fear, expectation, chance of a yes, how long
///   a no would sting, what could be gained, the worst case) and `after` (feeling, reflection,
///   the check-ins a day and a week later); on contacts, phone, another link, how we met and
///   how hard reaching out feels; near misses, message templates, the weekly goal and the
///   week's first day. Again all optional: version 2 data reads as it is.
/// - 4: answers that say what happened: `"connected"` (a request to connect accepted, not a yes)
///   and `{"replied":{"sorted":…}}` (an answer that is neither yes nor no; `sorted` false for an
///   imported reply the person has not sorted yet); the weekly goal is optional until the person
///   chooses one, and `goal_question_skipped` remembers that they put the question away. The
///   migration from 3 drops a weekly goal of exactly 3, the old default that was written
///   whether or not the person chose it, so they are asked once; any other goal is kept.
/// - 5: `deleted`, the marks of contacts deleted in the last 180 days (id, creation time and
///   when), so that merging another device's backup lets them go instead of bringing them back.
///   Optional: version 4 data reads as it is.
pub const SCHEMA_VERSION: u64 = 5;
