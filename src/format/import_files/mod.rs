//! Reading the files people bring: LinkedIn's data export (`Connections.csv`,
//! `Invitations.csv`, `messages.csv`), vCards, and any other CSV with a column mapping. Each
//! reader turns bytes into [`Incoming`]; the model compares that with the book
//! (`Book::plan_import`) for the preview. Nothing here touches the browser.
//!
//! A file is recognised by what it holds, not by its name; the name only serves to say "this
//! is named .vcf but is not a vCard". Text is UTF-8 (a byte-order mark is dropped); UTF-16
//! with its mark is read too, and text that is not UTF-8 is read as Windows-1252 (Latin-1 with
//! the curly quotes), which the preview says.

pub mod csv_rows;
pub mod linkedin;
pub mod table;
pub mod vcard;

use crate::model::grouped;
pub use crate::model::Incoming;

/// The largest file that is read, in bytes.
pub const MAX_IMPORT_BYTES: u64 = 10_000_000;
/// The most rows (or cards) one file may hold.
pub const MAX_ROWS: usize = 50_000;
/// A message or reply keeps at most this many lines and characters as its note.
pub const NOTE_LINES: usize = 3;
pub const NOTE_CHARS: usize = 280;

/// Why a file cannot be imported. Nothing was changed in any case.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{name} is {size} bytes; an import file may be at most 10,000,000 bytes (10 MB).")]
    TooLarge { name: String, size: String },
    #[error("{0} is empty.")]
    Empty(String),
    #[error("{0} is not text: it holds binary data, so it is neither a CSV file nor a vCard.")]
    NotText(String),
    #[error("{name} is named like a {claimed}, but it is not one: {why}.")]
    NotWhatItClaims {
        name: String,
        claimed: &'static str,
        why: &'static str,
    },
    #[error("{0} is a JSON file. To bring back a Reachout backup, use \u{201c}Restore a backup\u{201d} on the Data page.")]
    Json(String),
    #[error("{0} has a header line but no rows below it.")]
    NoRows(String),
    #[error("{name} has {rows} rows; one import takes at most {max}. Split the file and import it in parts.")]
    TooManyRows {
        name: String,
        rows: String,
        max: String,
    },
}

/// What kind of file a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Connections,
    Invitations,
    Messages,
    VCard,
    /// Reachout's own reach-outs CSV.
    ReachOuts,
    /// Any other table: it needs a column mapping.
    Table,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Connections => "LinkedIn connections",
            Kind::Invitations => "LinkedIn invitations",
            Kind::Messages => "LinkedIn messages",
            Kind::VCard => "vCard contacts",
            Kind::ReachOuts => "Reachout reach-outs",
            Kind::Table => "a table of contacts",
        }
    }
}

/// A file read: either what it holds, or a table waiting for its column mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read {
    Known(Kind, Incoming),
    Table(table::Table),
}

/// Turns a file's bytes into text; the second value is a note for the preview when the text
/// was not UTF-8.
pub fn text_of(name: &str, bytes: &[u8]) -> Result<(String, Option<String>), ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty(name.to_string()));
    }
    let (text, note) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let read = read_utf8(rest);
        (read.text, strays_note(name, read.strays))
    } else if let Some(unit) = utf16_without_mark(bytes) {
        (
            utf16(bytes, unit).ok_or_else(|| not_text(name))?,
            Some(format!(
                "{name} is UTF-16 text without a byte-order mark; it was read as such. Check that the names look right."
            )),
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (
            utf16(rest, u16::from_le_bytes).ok_or_else(|| not_text(name))?,
            None,
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (
            utf16(rest, u16::from_be_bytes).ok_or_else(|| not_text(name))?,
            None,
        )
    } else {
        // UTF-8, perhaps with a few stray bytes pasted from elsewhere (it holds at least as
        // many valid accented letters as strays): read as UTF-8, the strays as Windows-1252.
        // Otherwise the whole file is Windows-1252.
        let read = read_utf8(bytes);
        if read.letters >= read.strays {
            (read.text, strays_note(name, read.strays))
        } else {
            (
                bytes.iter().map(|b| windows_1252(*b)).collect(),
                Some(format!(
                    "{name} is not UTF-8; it was read as Western European text (Windows-1252). \
                     Check that accented letters look right."
                )),
            )
        }
    };
    // Text has few control characters; binary data has many (and NUL bytes).
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    if text.contains('\0') || controls * 100 > text.chars().count().max(1) {
        return Err(not_text(name));
    }
    Ok((text, note))
}

/// UTF-8 as read in one pass: the text with its stray bytes (those not part of valid UTF-8)
/// read as Windows-1252, how many strays there were, and how many characters beyond ASCII
/// the valid parts hold.
struct Utf8Read {
    text: String,
    strays: usize,
    letters: usize,
}

fn read_utf8(bytes: &[u8]) -> Utf8Read {
    let mut read = Utf8Read {
        text: String::with_capacity(bytes.len()),
        strays: 0,
        letters: 0,
    };
    let mut rest = bytes;
    loop {
        let (valid, bad) = match std::str::from_utf8(rest) {
            Ok(valid) => (valid, None),
            // Valid up to here by the error's own word.
            Err(error) => (
                std::str::from_utf8(&rest[..error.valid_up_to()]).unwrap_or_default(),
                Some(error),
            ),
        };
        read.text.push_str(valid);
        read.letters += valid.chars().filter(|c| !c.is_ascii()).count();
        let Some(error) = bad else { return read };
        let after = &rest[error.valid_up_to()..];
        let bad = error.error_len().unwrap_or(after.len()).max(1);
        read.text
            .extend(after.iter().take(bad).map(|b| windows_1252(*b)));
        read.strays += bad;
        rest = after.get(bad..).unwrap_or_default();
    }
}

/// The note for UTF-8 text of which `strays` bytes were read as Windows-1252.
fn strays_note(name: &str, strays: usize) -> Option<String> {
    (strays > 0).then(|| {
        format!(
            "{name} is UTF-8 with {} that {} not; {} read as Western European (Windows-1252). \
             Check the accented letters near them.",
            crate::model::words::plural(strays, "byte", "bytes"),
            if strays == 1 { "is" } else { "are" },
            if strays == 1 { "it was" } else { "they were" },
        )
    })
}

/// UTF-16 without a byte-order mark: text whose every other byte is mostly zero (Latin text).
/// Which half holds the zeros says the byte order.
fn utf16_without_mark(bytes: &[u8]) -> Option<fn([u8; 2]) -> u16> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zeros = |at: usize| {
        bytes
            .iter()
            .skip(at)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 7 && even * 20 <= pairs {
        Some(u16::from_le_bytes)
    } else if even * 10 >= pairs * 7 && odd * 20 <= pairs {
        Some(u16::from_be_bytes)
    } else {
        None
    }
}

fn not_text(name: &str) -> ImportError {
    ImportError::NotText(name.to_string())
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair[0], pair[1]]))
        .collect();
    String::from_utf16(&units).ok()
}

/// One byte of Windows-1252 text as a character.
pub(crate) fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// What kind of file `text` is, checked against what its name claims.
pub fn kind_of(name: &str, text: &str) -> Result<Kind, ImportError> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let lower_name = name.to_lowercase();
    let claims_vcard = lower_name.ends_with(".vcf") || lower_name.ends_with(".vcard");
    if start
        .as_bytes()
        .get(..11)
        .is_some_and(|head| head.eq_ignore_ascii_case(b"BEGIN:VCARD"))
    {
        return Ok(Kind::VCard);
    }
    if claims_vcard {
        return Err(ImportError::NotWhatItClaims {
            name: name.to_string(),
            claimed: "vCard",
            why: "it does not start with BEGIN:VCARD",
        });
    }
    if start.starts_with(['{', '[']) {
        return Err(ImportError::Json(name.to_string()));
    }
    for line in text.lines().take(30) {
        let lower = line.to_lowercase();
        if lower.contains("first name")
            && lower.contains("last name")
            && lower.contains("connected on")
        {
            return Ok(Kind::Connections);
        }
        if lower.contains("direction") && lower.contains("sent at") {
            return Ok(Kind::Invitations);
        }
        if lower.contains("conversation id") && lower.contains("content") {
            return Ok(Kind::Messages);
        }
        if lower.starts_with("contact,contact linkedin,contact email,channel,date") {
            return Ok(Kind::ReachOuts);
        }
    }
    Ok(Kind::Table)
}

/// Reads one file, dating LinkedIn messages by their UTC day; the app uses [`read_in`].
pub fn read(name: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    read_in(name, bytes, linkedin::utc_day)
}

/// Reads one file; `local_day` gives the day a moment fell on in the person's time zone.
pub fn read_in(
    name: &str,
    bytes: &[u8],
    local_day: linkedin::LocalDay,
) -> Result<Read, ImportError> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            name: name.to_string(),
            size: grouped(bytes.len()),
        });
    }
    // A vCard is unfolded before it is decoded: a fold may split a multi-byte character.
    if vcard::starts_a_vcard(bytes) {
        return Ok(Read::Known(Kind::VCard, vcard::read(name, bytes)?));
    }
    let (text, note) = text_of(name, bytes)?;
    let kind = kind_of(name, &text)?;
    let mut incoming = match kind {
        Kind::Connections => linkedin::connections(name, &text)?,
        Kind::Invitations => linkedin::invitations(name, &text)?,
        Kind::Messages => linkedin::messages(name, &text, local_day)?,
        Kind::VCard => vcard::read(name, text.as_bytes())?,
        Kind::ReachOuts => table::reach_outs(name, &text)?,
        Kind::Table => {
            let mut table = table::Table::read(name, &text)?;
            table.notes.extend(note);
            return Ok(Read::Table(table));
        }
    };
    incoming.notes.extend(note);
    Ok(Read::Known(kind, incoming))
}

/// Too many rows: refused with a message.
pub(crate) fn check_rows(name: &str, rows: usize) -> Result<(), ImportError> {
    if rows > MAX_ROWS {
        return Err(ImportError::TooManyRows {
            name: name.to_string(),
            rows: grouped(rows),
            max: grouped(MAX_ROWS),
        });
    }
    Ok(())
}

/// The first lines of a message, as a note: at most [`NOTE_LINES`] lines and [`NOTE_CHARS`]
/// characters, with "…" when more was left out.
pub fn first_lines(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut kept = lines
        .iter()
        .take(NOTE_LINES)
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    let mut more = lines.len() > NOTE_LINES;
    if kept.chars().count() > NOTE_CHARS {
        kept = kept
            .chars()
            .take(NOTE_CHARS)
            .collect::<String>()
            .trim_end()
            .to_string();
        more = true;
    }
    if more {
        kept.push('…');
    }
    kept
}

/// One line of a single-line field: line breaks and runs of spaces become one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Connections.csv, line 5".
pub(crate) fn place(name: &str, line: u64) -> String {
    format!("{name}, line {line}")
}
