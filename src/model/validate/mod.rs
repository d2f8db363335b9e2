//! The limits every value must keep, and the checks shared by every door data comes in by:
//! the forms, the stored-text reader, the backup reader (and the importers to come) all use
//! these constants and functions, so a limit and its message cannot drift apart.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::{DateTime, NaiveDate, Utc};

/// Length limits, in characters, and the ranges of numbers and dates. Generous for people,
/// small enough that one runaway paste cannot fill the browser's storage quota, and far from
/// any value where date or id arithmetic could overflow.
pub struct Limits;

impl Limits {
    pub const NAME: usize = 200;
    pub const SHORT_TEXT: usize = 300;
    pub const URL: usize = 2_000;
    pub const TAG: usize = 50;
    pub const TAGS: usize = 30;
    pub const NOTES: usize = 10_000;
    pub const REACH_OUT_NOTE: usize = 2_000;
    /// Days without an answer before a follow-up is due.
    pub const FOLLOW_UP_DAYS: RangeInclusive<u32> = 1..=90;
    /// Unanswered tries before the app suggests closing the loop.
    pub const MAX_TRIES: RangeInclusive<u32> = 1..=10;
    /// "Stay in touch every N days".
    pub const STAY_IN_TOUCH_DAYS: RangeInclusive<u32> = 1..=365;
    /// Fear, feeling and sting: 0 (at ease) to 10.
    pub const LEVEL: RangeInclusive<u32> = 0..=10;
    /// The chance of a yes.
    pub const PERCENT: RangeInclusive<u32> = 0..=100;
    /// Reach-outs a week the person aims for.
    pub const WEEKLY_GOAL: RangeInclusive<u32> = 1..=50;
    /// A message template's text.
    pub const TEMPLATE: usize = 5_000;
    /// Message templates kept.
    pub const TEMPLATES: usize = 100;
    /// Every date and time lies in these years (inclusive).
    pub const FIRST_YEAR: i32 = 1900;
    pub const LAST_YEAR: i32 = 2200;
    /// The largest id: the largest integer JavaScript and JSON readers hold exactly, and
    /// billions of years of records away from overflowing a `u64`.
    pub const MAX_ID: u64 = 9_007_199_254_740_991;
    /// How long the mark of a deleted contact is kept for merging with another device.
    pub const DELETIONS_KEPT_DAYS: i64 = 180;
    /// The most marks of deleted contacts kept.
    pub const DELETIONS: usize = 10_000;

    pub const fn first_day() -> NaiveDate {
        FIRST_DAY
    }

    pub const fn last_day() -> NaiveDate {
        LAST_DAY
    }

    /// True when `day` lies within [`Limits::FIRST_YEAR`]..=[`Limits::LAST_YEAR`].
    pub fn day_in_range(day: NaiveDate) -> bool {
        (Self::first_day()..=Self::last_day()).contains(&day)
    }

    pub fn time_in_range(at: DateTime<Utc>) -> bool {
        Self::day_in_range(at.date_naive())
    }

    /// `day`, moved to the nearest day in range.
    pub fn clamp_day(day: NaiveDate) -> NaiveDate {
        day.clamp(Self::first_day(), Self::last_day())
    }

    pub fn clamp_time(at: DateTime<Utc>) -> DateTime<Utc> {
        let first = Self::first_day().and_hms_opt(0, 0, 0).map(|t| t.and_utc());
        let last = Self::last_day()
            .and_hms_opt(23, 59, 59)
            .map(|t| t.and_utc());
        match (first, last) {
            (Some(first), Some(last)) => at.clamp(first, last),
            _ => at,
        }
    }
}

// Worked out once, at compile time: every date read is compared with them.
const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(Limits::FIRST_YEAR, 1, 1) {
    Some(day) => day,
    None => NaiveDate::MIN,
};
const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(Limits::LAST_YEAR, 12, 31) {
    Some(day) => day,
    None => NaiveDate::MAX,
};

/// Why a value was refused, worded for the person who typed it or whose file held it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("This is {} characters long; the most it can hold is {}.", super::words::grouped(*length), super::words::grouped(*max))]
    TooLong { length: usize, max: usize },
    #[error("Please enter a name with at least one visible character.")]
    NoVisibleName,
    #[error("That doesn't look like an e-mail address (like name@example.com).")]
    NotEmail,
    #[error("Only web links starting with http:// or https:// can be saved here.")]
    NotWebLink,
    #[error("That doesn't look like a phone number: use digits, and + - ( ) . / or spaces.")]
    NotPhone,
    #[error("A web link can't contain spaces.")]
    LinkWithSpaces,
    #[error("That web link has no site name (like https://www.linkedin.com/in/…).")]
    LinkWithoutSite,
    #[error("This field holds one line: remove the line break or control character in it.")]
    NotOneLine,
    #[error("A web link can't hold a user name or password (the part before an @ in the site name): it can lead somewhere else than it shows.")]
    LinkWithUser,
    #[error("Enter a number of {unit} from {} to {}.", range.start(), range.end())]
    OutOfRange {
        unit: &'static str,
        range: RangeInclusive<u32>,
    },
    #[error("Use a date between {} and {}.", Limits::FIRST_YEAR, Limits::LAST_YEAR)]
    DateOutOfRange,
}

/// A phone number as people write them: digits with `+ - ( ) . /` and spaces, at least three
/// digits. Letters (a mistyped name, an e-mail address) are refused.
pub fn check_phone(phone: &str) -> Result<(), Invalid> {
    let allowed = |c: char| c.is_ascii_digit() || " +-().//".contains(c);
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if digits >= 3 && phone.chars().all(allowed) {
        Ok(())
    } else {
        Err(Invalid::NotPhone)
    }
}

/// Parses a whole number typed into a form and checks it against `range`.
pub fn parse_in_range(
    text: &str,
    range: RangeInclusive<u32>,
    unit: &'static str,
) -> Result<u32, Invalid> {
    match text.trim().parse::<u32>() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(Invalid::OutOfRange { unit, range }),
    }
}

/// Characters that take no room on screen: white space, controls, zero-width and
/// direction marks, and the like. A name made only of them would be an invisible name.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{1D173}'..='\u{1D17A}'
            | '\u{2800}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{E0000}'..='\u{E0FFF}')
        || is_combining_mark(c)
}

/// Combining marks show only on a character before them; a name of marks alone shows nothing
/// (or "Zalgo" noise). The main blocks, without a Unicode table.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// A name must show at least one character.
/// A character that breaks a line or steers a terminal or reader: every control character
/// (C0, DEL, C1: tab, VT, FF, NEL, ESC, the file separators …) and the Unicode line and
/// paragraph separators. A reader of a `.vcf` or `.ics` file may split a card on any of them.
pub fn breaks_line(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A single-line field (a name, a company, an address, a link) holds no [`breaks_line`]
/// character.
pub fn check_one_line(text: &str) -> Result<(), Invalid> {
    if text.contains(breaks_line) {
        Err(Invalid::NotOneLine)
    } else {
        Ok(())
    }
}

/// `text` with each run of [`breaks_line`] characters made one space: how an import and
/// stored text bring a single-line field into line.
pub fn to_one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if breaks_line(c) {
            gap = true;
        } else {
            if gap && !out.is_empty() && !c.is_whitespace() && !out.ends_with(' ') {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        }
    }
    out
}

pub fn check_name(name: &str) -> Result<(), Invalid> {
    if name.chars().all(is_invisible) {
        Err(Invalid::NoVisibleName)
    } else {
        check_length(name, Limits::NAME)
    }
}

/// Checks a day that came from a form or a file against the supported range of years.
pub fn check_day(day: NaiveDate) -> Result<(), Invalid> {
    if Limits::day_in_range(day) {
        Ok(())
    } else {
        Err(Invalid::DateOutOfRange)
    }
}

/// Messages keyed by the field they belong to; empty means the input is valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldErrors<F: Ord>(BTreeMap<F, String>);

impl<F: Ord> Default for FieldErrors<F> {
    fn default() -> Self {
        FieldErrors(BTreeMap::new())
    }
}

impl<F: Ord + Copy> FieldErrors<F> {
    pub fn add(&mut self, field: F, message: impl std::fmt::Display) {
        // The first problem found in a field is the one worth telling.
        self.0.entry(field).or_insert_with(|| message.to_string());
    }

    pub fn get(&self, field: F) -> Option<&str> {
        self.0.get(&field).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn fields(&self) -> impl Iterator<Item = F> + '_ {
        self.0.keys().copied()
    }

    /// The message of the first field in order, for a place with room for one.
    pub fn first_message(&self) -> Option<&str> {
        self.0.values().next().map(String::as_str)
    }

    /// `Ok(value)` when no field has a message.
    pub fn into_result<T>(self, value: T) -> Result<T, Self> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

pub fn check_length(text: &str, max: usize) -> Result<(), Invalid> {
    // No more bytes than the limit means no more characters; otherwise counting stops just
    // past the limit, so a megabyte of text costs no more than a line.
    if text.len() > max && text.chars().take(max + 1).count() > max {
        Err(Invalid::TooLong {
            length: text.chars().count(),
            max,
        })
    } else {
        Ok(())
    }
}

/// A practical e-mail check: one `@`, something before it, a dotted domain after it, no spaces.
/// It is a typo catcher, not RFC 5322; the mail client is the real judge.
pub fn check_email(email: &str) -> Result<(), Invalid> {
    let Some((local, domain)) = email.split_once('@') else {
        return Err(Invalid::NotEmail);
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    // `?`, `&`, `%` and `#` would turn a `mailto:` link into one with hidden recipients or
    // headers (`x?cc=someone@example.com`).
    let local_ok = !local.is_empty()
        && !local.contains(char::is_whitespace)
        && !local.contains(['@', '?', '&', '%', '#']);
    if local_ok && domain_ok {
        Ok(())
    } else {
        Err(Invalid::NotEmail)
    }
}

/// Accepts http(s) links only, so a stored link can never run script (`javascript:`) or open
/// something unexpected. A bare address such as `linkedin.com/in/ana` is taken as `https://`.
pub fn normalize_web_url(input: &str) -> Result<String, Invalid> {
    let url = input.trim();
    if url.contains(char::is_whitespace) {
        return Err(Invalid::LinkWithSpaces);
    }
    let lower = url.to_ascii_lowercase();
    let (with_scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (url.to_string(), rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (url.to_string(), rest)
    } else if has_scheme(url) {
        return Err(Invalid::NotWebLink);
    } else {
        (format!("https://{url}"), lower.as_str())
    };
    // Browsers read a backslash as a slash in web links.
    let host = rest.split(['/', '\\', '?', '#']).next().unwrap_or_default();
    // `https://www.linkedin.com@evil.example/…` goes to evil.example: a user or password part
    // only ever hides where a link leads.
    if host.contains('@') {
        return Err(Invalid::LinkWithUser);
    }
    let host_name = host.split(':').next().unwrap_or_default();
    if host_name.is_empty() || !host_name.contains('.') && host_name != "localhost" {
        return Err(Invalid::LinkWithoutSite);
    }
    Ok(with_scheme)
}

/// True when a stored link is one this app would have saved: `http(s)://` and a site name.
/// Checked again when a link is drawn, so only such a link ever becomes an `href`.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.chars().count() <= Limits::URL
        && normalize_web_url(url).is_ok_and(|normal| normal == url)
}

/// True when the text starts with `letters:` before any `/`, like `javascript:` or `mailto:`.
fn has_scheme(text: &str) -> bool {
    match text.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && !scheme.contains('/')
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                // `example.com:8080/path` has a port, not a scheme.
                && !scheme.contains('.')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests;
