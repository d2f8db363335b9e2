//! Reading CSV text into rows, each with its line in the file, and finding columns by their
//! header names; used by every CSV reader here (LinkedIn's files, any table, our own exports).
//! CSV is read with the `csv` crate.

use super::{check_rows, place, ImportError};
use crate::model::Skipped;

use std::collections::HashMap;

/// The header cells of a table, by lower-case name, so that columns are found by name.
pub(crate) struct Columns(HashMap<String, usize>);

impl Columns {
    pub(crate) fn new(header: &[String]) -> Columns {
        Columns(
            header
                .iter()
                .enumerate()
                .map(|(at, name)| (name.trim().to_lowercase(), at))
                .collect(),
        )
    }

    /// The cell under `name` in `row`, trimmed; empty when the file has no such column.
    pub(crate) fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.0
            .get(name)
            .and_then(|at| row.get(*at))
            .map_or("", |cell| cell.trim())
    }
}

/// A table read from text: its header and its rows, each with its line in the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rows {
    pub header: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
    /// Lines left out while reading (a quote that never closes), for the preview.
    pub skipped: Vec<Skipped>,
}

/// Where a quote opens that never closes: the byte range of its line. A CSV reader would
/// otherwise take the whole rest of the file into that one cell.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    // As the reader does: a quote opens a quoted cell only as the cell's first character;
    // inside one, `""` is a quote and a lone `"` closes it.
    let (mut quoted, mut at_cell_start, mut opened_at) = (false, true, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if quoted {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                quoted = false;
            }
        } else if b == b'"' && at_cell_start {
            quoted = true;
            opened_at = i;
            at_cell_start = false;
        } else if b == delimiter || b == b'\n' {
            at_cell_start = true;
        } else if b != b'\r' {
            at_cell_start = false;
        }
        i += 1;
    }
    quoted.then(|| {
        let start = text[..opened_at].rfind('\n').map_or(0, |n| n + 1);
        let end = text[opened_at..]
            .find('\n')
            .map_or(text.len(), |n| opened_at + n + 1);
        start..end
    })
}

/// Reads CSV text with `delimiter`; the first non-empty row is the header. `lines_before` is
/// how many lines of the file came before `text`, so that lines are numbered as in the file.
pub fn rows(name: &str, text: &str, delimiter: u8, lines_before: u64) -> Result<Rows, ImportError> {
    // A quote that never closes would swallow the rest of the file: its line is left out,
    // said so, and the lines after it are read as usual.
    if let Some(broken) = unclosed_quote(text, delimiter) {
        let line = lines_before + 1 + text[..broken.start].matches('\n').count() as u64;
        let mut before = rows_of(name, &text[..broken.start], delimiter, lines_before, None)?;
        let after = rows_of(
            name,
            &text[broken.end..],
            delimiter,
            line,
            Some(before.header.clone()),
        )?;
        before.rows.extend(after.rows);
        check_rows(name, before.rows.len())?;
        before.skipped.push(Skipped {
            place: place(name, line),
            reason: "a quote opens on this line and never closes, so the line was left out \
                     (the lines after it were read)"
                .into(),
        });
        if before.rows.is_empty() {
            return Err(ImportError::NoRows(name.to_string()));
        }
        return Ok(before);
    }
    let table = rows_of(name, text, delimiter, lines_before, None)?;
    if table.rows.is_empty() {
        return Err(ImportError::NoRows(name.to_string()));
    }
    Ok(table)
}

/// [`rows`] without the check for a quote left open; `header` when the table's header was
/// read before `text` began.
fn rows_of(
    name: &str,
    text: &str,
    delimiter: u8,
    lines_before: u64,
    header: Option<Vec<String>>,
) -> Result<Rows, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Rows::default();
    let mut header_seen = header.is_some();
    table.header = header.unwrap_or_default();
    let (mut counted_to, mut newlines) = (0usize, 0u64);
    for record in reader.records() {
        // The text is valid UTF-8 already; a record the reader can't take is left out.
        let Ok(record) = record else { continue };
        // Counted from the record's first byte, so a quoted line break inside a cell counts.
        // With CRLF line ends the reader's position may sit on the `\n` before the record.
        let mut start = (record.position().map_or(0, |p| p.byte()) as usize).min(text.len());
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        // Line breaks counted since the last record only: once over the text in all.
        if start > counted_to {
            newlines += text.as_bytes()[counted_to..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            counted_to = start;
        }
        let line = newlines + 1 + lines_before;
        let cells: Vec<String> = record.iter().map(|cell| cell.to_string()).collect();
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if !header_seen {
            table.header = cells.iter().map(|c| c.trim().to_string()).collect();
            header_seen = true;
            continue;
        }
        table.rows.push((line, cells));
        check_rows(name, table.rows.len())?;
    }
    Ok(table)
}

/// The delimiter of a table: whichever of `,` `;` tab `|` its header line holds most of,
/// outside quotes (a European spreadsheet writes `;`).
pub fn delimiter(text: &str) -> u8 {
    let header = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            '|' if !quoted => counts[3] += 1,
            _ => {}
        }
    }
    let best = (0..4).max_by_key(|i| (counts[*i], 4 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t', b'|'][best]
    }
}
