//! Reading: documents of the current version in column form, straight into the model (see the
//! parent module).

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

use crate::model::{
    After, Before, Book, Channel, Contact, ContactId, Deleted, NearMiss, Outcome, ReachOut,
    ReachOutId, Settings, Template,
};

/// The reading side for documents of the current version in column form: straight into the
/// model, again without a JSON tree. `None` for anything else (older versions, the record
/// form, damage), which the general reader in [`super::document`] then handles and explains.
pub fn read_current(text: &str) -> Option<(u64, DateTime<Utc>, Book)> {
    let document: Current = serde_json::from_str(text).ok()?;
    if document.format != crate::format::FORMAT_NAME
        || document.version != crate::format::SCHEMA_VERSION
    {
        return None;
    }
    let data = document.data;
    let book = Book {
        next_id: data.next_id,
        contacts: data.contacts.rows()?,
        reach_outs: data.reach_outs.rows()?,
        settings: data.settings,
        near_misses: data.near_misses,
        templates: data.templates,
        deleted: data.deleted,
    };
    Some((document.revision, document.saved_at, book))
}

#[derive(Deserialize)]
struct Current {
    format: String,
    version: u64,
    revision: u64,
    saved_at: DateTime<Utc>,
    data: CurrentBook,
}

#[derive(Deserialize)]
struct CurrentBook {
    next_id: u64,
    contacts: ContactColumnsIn,
    reach_outs: ReachOutColumnsIn,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    near_misses: Vec<NearMiss>,
    #[serde(default)]
    templates: Option<Vec<Template>>,
    #[serde(default)]
    deleted: Vec<Deleted>,
}

/// Dates as the app writes them (`2026-11-27`, `2026-11-27T10:00:00.5Z`), read by hand: chrono's
/// general parser was a fifth of the time to open 10,000 contacts. Anything else is left to
/// chrono, so what it accepts is still accepted and what it refuses is still refused.
fn quick_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(digits(&b[0..4])?).ok()?,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    )
}

/// A time in UTC as the app writes it, read by hand; see [`quick_date`].
fn quick_time(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[b.len() - 1] != b'Z' {
        return None;
    }
    let fraction = &b[19..b.len() - 1];
    let nanos = match fraction {
        [] => 0,
        [b'.', rest @ ..] if (1..=9).contains(&rest.len()) => {
            digits(rest)? * 10u32.pow(9 - u32::try_from(rest.len()).ok()?)
        }
        _ => return None,
    };
    let time = chrono::NaiveTime::from_hms_nano_opt(
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
        nanos,
    )?;
    Some(quick_date(text.get(..10)?)?.and_time(time).and_utc())
}

/// ASCII digits as a number; `None` for anything else.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// Reads a string with `quick`, else with the type's own parser (chrono's).
struct Quick<T>(fn(&str) -> Option<T>);

impl<T: std::str::FromStr> serde::de::Visitor<'_> for Quick<T>
where
    T::Err: std::fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a date or a time")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        (self.0)(text).map_or_else(|| text.parse().map_err(E::custom), Ok)
    }
}

struct Day(NaiveDate);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Quick(quick_date)).map(Day)
    }
}

struct Time(DateTime<Utc>);

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Quick(quick_time)).map(Time)
    }
}

fn days<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Cells<NaiveDate>, D::Error> {
    let cells = Vec::<Option<Day>>::deserialize(d)?;
    Ok(cells.into_iter().map(|c| c.map(|d| d.0)).collect())
}

fn times<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Cells<DateTime<Utc>>, D::Error> {
    let cells = Vec::<Option<Time>>::deserialize(d)?;
    Ok(cells.into_iter().map(|c| c.map(|t| t.0)).collect())
}

/// A column as read: absent (empty) or one cell per record.
type Cells<T> = Vec<Option<T>>;

/// The cells of a column for `n` records, `None` where it has the wrong length.
fn cells<T>(column: Cells<T>, n: usize) -> Option<std::vec::IntoIter<Option<T>>> {
    match column.len() {
        0 => Some(
            std::iter::repeat_with(|| None)
                .take(n)
                .collect::<Vec<_>>()
                .into_iter(),
        ),
        len if len == n => Some(column.into_iter()),
        _ => None,
    }
}

/// The next cell of a column that every record must fill.
fn required<T>(cells: &mut std::vec::IntoIter<Option<T>>) -> Option<T> {
    cells.next().flatten()
}

/// The next cell of an optional column, with the field's empty value where it is `null`.
fn optional<T: Default>(cells: &mut std::vec::IntoIter<Option<T>>) -> T {
    cells.next().flatten().unwrap_or_default()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContactColumnsIn {
    #[serde(default)]
    id: Cells<ContactId>,
    #[serde(default)]
    name: Cells<String>,
    #[serde(default)]
    company: Cells<String>,
    #[serde(default)]
    role: Cells<String>,
    #[serde(default)]
    email: Cells<String>,
    #[serde(default)]
    linkedin: Cells<String>,
    #[serde(default)]
    tags: Cells<Vec<String>>,
    #[serde(default)]
    notes: Cells<String>,
    #[serde(default, deserialize_with = "times")]
    created: Cells<DateTime<Utc>>,
    #[serde(default, deserialize_with = "times")]
    updated: Cells<DateTime<Utc>>,
    #[serde(default)]
    stay_in_touch_days: Cells<u32>,
    #[serde(default, deserialize_with = "days")]
    stay_in_touch_snoozed_until: Cells<NaiveDate>,
    #[serde(default)]
    archived: Cells<bool>,
    #[serde(default)]
    phone: Cells<String>,
    #[serde(default)]
    other_link: Cells<String>,
    #[serde(default)]
    how_we_met: Cells<String>,
    #[serde(default)]
    expected_fear: Cells<u32>,
}

impl ContactColumnsIn {
    fn rows(self) -> Option<Vec<Contact>> {
        let n = self.id.len();
        let (mut id, mut name, mut company) = (
            cells(self.id, n)?,
            cells(self.name, n)?,
            cells(self.company, n)?,
        );
        let (mut role, mut email, mut linkedin) = (
            cells(self.role, n)?,
            cells(self.email, n)?,
            cells(self.linkedin, n)?,
        );
        let (mut tags, mut notes, mut created) = (
            cells(self.tags, n)?,
            cells(self.notes, n)?,
            cells(self.created, n)?,
        );
        let mut updated = cells(self.updated, n)?;
        let mut days = cells(self.stay_in_touch_days, n)?;
        let mut snoozed = cells(self.stay_in_touch_snoozed_until, n)?;
        let mut archived = cells(self.archived, n)?;
        let (mut phone, mut other_link, mut how_we_met) = (
            cells(self.phone, n)?,
            cells(self.other_link, n)?,
            cells(self.how_we_met, n)?,
        );
        let mut expected_fear = cells(self.expected_fear, n)?;
        (0..n)
            .map(|_| {
                Some(Contact {
                    id: required(&mut id)?,
                    name: required(&mut name)?,
                    company: optional(&mut company),
                    role: optional(&mut role),
                    email: optional(&mut email),
                    linkedin: optional(&mut linkedin),
                    tags: optional(&mut tags),
                    notes: optional(&mut notes),
                    created: required(&mut created)?,
                    updated: required(&mut updated)?,
                    stay_in_touch_days: days.next().flatten(),
                    stay_in_touch_snoozed_until: snoozed.next().flatten(),
                    archived: optional(&mut archived),
                    phone: optional(&mut phone),
                    other_link: optional(&mut other_link),
                    how_we_met: optional(&mut how_we_met),
                    expected_fear: expected_fear.next().flatten(),
                })
            })
            .collect()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReachOutColumnsIn {
    #[serde(default)]
    id: Cells<ReachOutId>,
    #[serde(default)]
    contact: Cells<ContactId>,
    #[serde(default)]
    channel: Cells<Channel>,
    #[serde(default, deserialize_with = "days")]
    date: Cells<NaiveDate>,
    #[serde(default)]
    note: Cells<String>,
    #[serde(default, deserialize_with = "times")]
    created: Cells<DateTime<Utc>>,
    #[serde(default)]
    follows_up: Cells<ReachOutId>,
    #[serde(default)]
    outcome: Cells<Outcome>,
    #[serde(default, deserialize_with = "days")]
    outcome_date: Cells<NaiveDate>,
    #[serde(default)]
    outcome_note: Cells<String>,
    #[serde(default, deserialize_with = "days")]
    snoozed_until: Cells<NaiveDate>,
    #[serde(default)]
    loop_closed: Cells<bool>,
    #[serde(default)]
    before: Cells<Before>,
    #[serde(default)]
    after: Cells<After>,
}

impl ReachOutColumnsIn {
    fn rows(self) -> Option<Vec<ReachOut>> {
        let n = self.id.len();
        let (mut id, mut contact, mut channel) = (
            cells(self.id, n)?,
            cells(self.contact, n)?,
            cells(self.channel, n)?,
        );
        let (mut date, mut note, mut created) = (
            cells(self.date, n)?,
            cells(self.note, n)?,
            cells(self.created, n)?,
        );
        let (mut follows_up, mut outcome, mut outcome_date) = (
            cells(self.follows_up, n)?,
            cells(self.outcome, n)?,
            cells(self.outcome_date, n)?,
        );
        let (mut outcome_note, mut snoozed, mut closed) = (
            cells(self.outcome_note, n)?,
            cells(self.snoozed_until, n)?,
            cells(self.loop_closed, n)?,
        );
        let (mut before, mut after) = (cells(self.before, n)?, cells(self.after, n)?);
        (0..n)
            .map(|_| {
                Some(ReachOut {
                    id: required(&mut id)?,
                    contact: required(&mut contact)?,
                    channel: required(&mut channel)?,
                    date: required(&mut date)?,
                    note: optional(&mut note),
                    created: required(&mut created)?,
                    follows_up: follows_up.next().flatten(),
                    outcome: optional(&mut outcome),
                    outcome_date: outcome_date.next().flatten(),
                    outcome_note: optional(&mut outcome_note),
                    snoozed_until: snoozed.next().flatten(),
                    loop_closed: optional(&mut closed),
                    before: optional(&mut before),
                    after: optional(&mut after),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_dates_agree_with_chrono_and_leave_the_rest_to_it() {
        let mut checked = 0;
        for year in ["0000", "1970", "2024", "2026", "9999"] {
            for month in ["00", "01", "02", "12", "13", "1a"] {
                for day in ["00", "01", "28", "29", "30", "31", "32"] {
                    let date = format!("{year}-{month}-{day}");
                    let quick = quick_date(&date);
                    assert_eq!(quick, date.parse::<NaiveDate>().ok(), "{date}");
                    for time in ["00:00:00", "23:59:59", "24:00:00", "12:60:00", "10:00:60"] {
                        for fraction in ["", ".5", ".123456789", ".1234567891", "."] {
                            let text = format!("{date}T{time}{fraction}Z");
                            let chrono = text.parse::<DateTime<Utc>>().ok();
                            match quick_time(&text) {
                                Some(quick) => assert_eq!(Some(quick), chrono, "{text}"),
                                // Only what chrono reads some other way is left to it.
                                None => assert!(
                                    chrono.is_none()
                                        || time.ends_with(":60")
                                        || fraction.len() > 10,
                                    "{text}"
                                ),
                            }
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 5_000);
        // Other shapes chrono accepts are not taken by the quick path.
        for text in [
            "2026-11-27 10:00:00Z",
            "2026-11-27T10:00:00+02:00",
            "+2026-11-27",
        ] {
            assert_eq!(quick_time(text), None);
            assert_eq!(quick_date(text), None);
        }
    }
}
