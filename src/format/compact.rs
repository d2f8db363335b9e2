//! The compact forms of a document, for localStorage and for backup files.
//!
//! Two independent steps, each undone by hand if ever needed:
//!
//! 1. **Columns.** In `data`, each list of records (`contacts`, `reach_outs`) is written as an
//!    object of columns instead of an array of objects: every field name once, with one value per
//!    record, `null` where that record has no value for the field. Keys are no longer repeated
//!    per record and like values sit side by side, which also helps step 2.
//!    `[{"id":1,"name":"Ada"},{"id":2,"name":"Bo","company":"X"}]` becomes
//!    `{"id":[1,2],"name":["Ada","Bo"],"company":[null,"X"]}`.
//! 2. **Packing** (storage only). The JSON text, as UTF-8, is compressed with raw DEFLATE
//!    (RFC 1951) and the bytes are read as a stream of bits, most significant first, 15 bits at
//!    a time; each 15-bit number `n` becomes the character U+4E00 + n (always one UTF-16 code
//!    unit, never a surrogate). The stored text is `PACK_PREFIX`, the byte count in decimal, `:`,
//!    then those characters; the last one is padded with zero bits.
//!
//! Measured with `cargo run --release --example storage_bench` on the sample of 10,000 contacts
//! and 50,000 reach-outs: see the README's "Storage" section for the figures.
//!
//! The bit packing is written here because no crate packs into a safe UTF-16 range (base64 would
//! waste half of every code unit); DEFLATE itself comes from `miniz_oxide`, which is pure Rust.

use serde_json::{Map, Value};

/// Marks packed text; the JSON form always starts with `{`.
pub const PACK_PREFIX: &str = "reachout-deflate15:";
/// The first of the 32,768 characters that carry 15 bits each.
const BASE: u32 = 0x4E00;
/// Fast on a phone and already small; the higher levels gain a few percent for much more time.
const LEVEL: u8 = 2;
/// Records lists that are written as columns.
const TABLES: [&str; 2] = ["contacts", "reach_outs"];

/// The most text unpacking produces, in bytes: 16 times localStorage's 5 million-unit quota.
/// Real data compresses about tenfold; a "bomb" that inflates to gigabytes stops here, quickly.
pub const MAX_UNPACKED_BYTES: usize = 80_000_000;

/// Why a list written as columns could not be read back as records.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ColumnsError {
    #[error("the {table} column \"{key}\" is not a list")]
    NotAList { table: &'static str, key: String },
    #[error("the {table} columns have different lengths")]
    UnevenLengths { table: &'static str },
}

/// Why packed text could not be unpacked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnpackError {
    #[error("its compressed header is damaged")]
    Header,
    #[error("it holds a character that compressed data never contains")]
    Character,
    #[error("it ends early")]
    Short,
    #[error("it does not decompress ({0})")]
    Inflate(String),
    #[error("it does not decompress to text")]
    NotText,
    #[error("it would decompress to more than {} MB, far more than Reachout ever stores", MAX_UNPACKED_BYTES / 1_000_000)]
    TooLarge,
}

/// Turns each list written as columns back into an array of records ([`super::columns`] writes
/// them); record lists already written as arrays are left as they are.
pub fn from_columns(document: &mut Value) -> Result<(), ColumnsError> {
    let Some(data) = document.get_mut("data").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    for table in TABLES {
        if let Some(Value::Object(columns)) = data.get_mut(table) {
            let columns = std::mem::take(columns);
            data.insert(table.into(), Value::Array(rows_of(table, columns)?));
        }
    }
    Ok(())
}

fn rows_of(table: &'static str, columns: Map<String, Value>) -> Result<Vec<Value>, ColumnsError> {
    let mut rows: Option<Vec<Map<String, Value>>> = None;
    for (key, column) in columns {
        let Value::Array(cells) = column else {
            return Err(ColumnsError::NotAList { table, key });
        };
        let rows = rows.get_or_insert_with(|| vec![Map::new(); cells.len()]);
        if cells.len() != rows.len() {
            return Err(ColumnsError::UnevenLengths { table });
        }
        for (row, cell) in rows.iter_mut().zip(cells) {
            if !cell.is_null() {
                row.insert(key.clone(), cell);
            }
        }
    }
    Ok(rows
        .unwrap_or_default()
        .into_iter()
        .map(Value::Object)
        .collect())
}

/// Compresses `text` and packs it into 15-bit characters behind [`PACK_PREFIX`].
pub fn pack(text: &str) -> String {
    let bytes = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), LEVEL);
    let mut packed = String::with_capacity(PACK_PREFIX.len() + 12 + bytes.len() * 3 * 8 / 15 + 3);
    packed.push_str(PACK_PREFIX);
    packed.push_str(&bytes.len().to_string());
    packed.push(':');
    push_chars(&bytes, &mut packed);
    packed
}

/// Appends `bytes` to `out` as 15-bit characters (the packing described above).
pub fn push_chars(bytes: &[u8], out: &mut String) {
    let (mut buffer, mut bits) = (0u32, 0u32);
    let push = |n: u32, out: &mut String| {
        // BASE + n ≤ U+CDFF: below the surrogates, so always a valid character.
        out.push(char::from_u32(BASE + n).unwrap_or('\u{4E00}'));
    };
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push((buffer >> bits) & 0x7FFF, out);
        }
    }
    if bits > 0 {
        push((buffer << (15 - bits)) & 0x7FFF, out);
    }
}

/// Undoes [`push_chars`]: the first `count` bytes carried by `body`.
pub fn read_chars(body: &str, count: usize) -> Result<Vec<u8>, UnpackError> {
    // Each character carries 15 bits; a count the body cannot hold is refused before allocating.
    if count > body.len() / 3 * 15 / 8 + 2 {
        return Err(UnpackError::Short);
    }
    let mut bytes = Vec::with_capacity(count);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in body.chars() {
        let n = u32::from(c)
            .checked_sub(BASE)
            .filter(|n| *n <= 0x7FFF)
            .ok_or(UnpackError::Character)?;
        buffer = ((buffer << 15) | n) & 0x3F_FFFF;
        bits += 15;
        while bits >= 8 && bytes.len() < count {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
        }
    }
    if bytes.len() < count {
        return Err(UnpackError::Short);
    }
    Ok(bytes)
}

/// The compressed bytes of packed text, without inflating them; `None` unless `text` is in the
/// form [`pack`] writes (so that [`packed_from_bytes`] gives back exactly `text`).
pub fn packed_bytes(text: &str) -> Option<Vec<u8>> {
    let rest = text.strip_prefix(PACK_PREFIX)?;
    let (count, body) = rest.split_once(':')?;
    let bytes = read_chars(body, count.parse().ok()?).ok()?;
    (packed_from_bytes(&bytes) == text).then_some(bytes)
}

/// Packed text from its compressed bytes: the inverse of [`packed_bytes`].
pub fn packed_from_bytes(bytes: &[u8]) -> String {
    let mut packed = String::with_capacity(PACK_PREFIX.len() + 12 + bytes.len() * 3 * 8 / 15 + 3);
    packed.push_str(PACK_PREFIX);
    packed.push_str(&bytes.len().to_string());
    packed.push(':');
    push_chars(bytes, &mut packed);
    packed
}

/// True when `text` is in the packed form rather than JSON.
pub fn is_packed(text: &str) -> bool {
    text.starts_with(PACK_PREFIX)
}

/// Undoes [`pack`].
pub fn unpack(text: &str) -> Result<String, UnpackError> {
    let rest = text.strip_prefix(PACK_PREFIX).ok_or(UnpackError::Header)?;
    let (count, body) = rest.split_once(':').ok_or(UnpackError::Header)?;
    let count: usize = count.parse().map_err(|_| UnpackError::Header)?;
    let bytes = read_chars(body, count)?;
    String::from_utf8(inflate(&bytes)?).map_err(|_| UnpackError::NotText)
}

/// The most an unpacking sets aside before it has read anything: 10,000 contacts need 12 MB.
const FIRST_GUESS_BYTES: usize = 16_000_000;

/// Inflates `bytes` into a buffer sized for the usual ratio of our JSON (about 5 to 1) at once,
/// doubled only when that is not enough: growing from twice the input, as
/// `decompress_to_vec` does, copied 12 MB four times over at 10,000 contacts.
fn inflate(bytes: &[u8]) -> Result<Vec<u8>, UnpackError> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let size = bytes.len().saturating_mul(6).clamp(1024, FIRST_GUESS_BYTES);
    let mut out = vec![0u8; size];
    let mut state = Box::<DecompressorOxide>::default();
    let (mut input, mut written) = (bytes, 0);
    loop {
        let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
        let (status, read, wrote) = decompress(&mut state, input, &mut out, written, flags);
        written += wrote;
        input = input.get(read..).unwrap_or_default();
        match status {
            TINFLStatus::Done => {
                out.truncate(written);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput if out.len() < MAX_UNPACKED_BYTES => {
                let grown = out.len().saturating_mul(2).min(MAX_UNPACKED_BYTES);
                out.resize(grown, 0);
            }
            TINFLStatus::HasMoreOutput => return Err(UnpackError::TooLarge),
            status => return Err(UnpackError::Inflate(format!("{status:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn columns_become_records_with_missing_fields_left_out() {
        let mut doc = json!({"format":"reachout","data":{
            "contacts":{"id":[1,2],"name":["Ada","Bo"],"company":[null,"X"]},
            "reach_outs":[]}});
        from_columns(&mut doc).unwrap();
        assert_eq!(
            doc,
            json!({"format":"reachout","data":{
                "contacts":[{"id":1,"name":"Ada"},{"id":2,"name":"Bo","company":"X"}],
                "reach_outs":[]}})
        );
    }

    #[test]
    fn uneven_columns_are_refused() {
        let mut doc = json!({"data":{"contacts":{"id":[1,2],"name":["Ada"]}}});
        assert!(from_columns(&mut doc).is_err());
    }

    #[test]
    fn pack_round_trips_and_stays_in_its_range() {
        for text in ["", "a", "{\"x\":\"é ünïcode ✓\"}", &"abc".repeat(1000)] {
            let packed = pack(text);
            assert!(is_packed(&packed));
            let body = packed.split_once(':').unwrap().1;
            let body = body.split_once(':').unwrap().1;
            assert!(body.chars().all(|c| ('\u{4E00}'..='\u{CDFF}').contains(&c)));
            assert_eq!(unpack(&packed).unwrap(), text);
        }
    }

    #[test]
    fn damaged_packs_are_refused() {
        let packed = pack(&"hello world ".repeat(50));
        let short: String = packed.chars().take(packed.chars().count() - 3).collect();
        assert_eq!(unpack(&short), Err(UnpackError::Short));
        assert_eq!(unpack("reachout-deflate15:x:"), Err(UnpackError::Header));
        assert_eq!(
            unpack("reachout-deflate15:2:ab"),
            Err(UnpackError::Character)
        );
        assert!(unpack(&format!("{PACK_PREFIX}99999999999:")).is_err());
    }
}
