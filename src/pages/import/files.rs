//! The files chosen or dropped on the Import page, read into what the plan is made from.

use std::collections::HashSet;

use crate::format::import_files::table::{Field, Table};
use crate::format::import_files::{self, ImportError, Read, MAX_IMPORT_BYTES};
use crate::model::Incoming;

/// The files read so far, before planning.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Chosen {
    /// File name and what kind of file it is.
    pub files: Vec<(String, &'static str)>,
    /// What each known export read to, file by file: rows a person keeps apart are kept apart
    /// within their file before the files are put together.
    pub known: Vec<Incoming>,
    pub table: Option<Table>,
}

impl Chosen {
    /// Everyone the files hold, each file's rows kept apart where the person chose, the table
    /// read with `mapping`.
    pub fn incoming(&self, apart: &HashSet<String>, mapping: &[Field]) -> Incoming {
        let mut incoming = Incoming::default();
        for file in &self.known {
            incoming.extend(file.clone().keep_apart(apart));
        }
        if let Some(table) = &self.table {
            incoming.extend(table.people(mapping).keep_apart(apart));
        }
        incoming
    }
}

/// The files of a file input or a drop.
pub(super) fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// Reads the bytes of one chosen or dropped file.
async fn bytes_of(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads `files`: what they hold, and a message for each one left out. One table (any CSV)
/// at a time; `remembered` gives the column mapping last used for a table's header.
pub(super) async fn read_files(
    files: Vec<web_sys::File>,
    remembered: impl Fn(&Table) -> Option<Vec<Field>>,
) -> (Chosen, Vec<String>, Option<Vec<Field>>) {
    let mut read = Chosen::default();
    let mut problems = Vec::new();
    let mut mapping = None;
    for file in files {
        let name = file.name();
        let size = file.size() as u64;
        if size > MAX_IMPORT_BYTES {
            // Refused before reading: a huge file is never loaded into memory.
            problems.push(
                ImportError::TooLarge {
                    name,
                    size: crate::model::grouped(size),
                }
                .to_string(),
            );
            continue;
        }
        let Some(bytes) = bytes_of(&file).await else {
            problems.push(format!("The browser could not read {name}."));
            continue;
        };
        match import_files::read_in(&name, &bytes, crate::clock::local_day) {
            Ok(Read::Known(kind, incoming)) => {
                read.files.push((name, kind.label()));
                read.known.push(incoming);
            }
            Ok(Read::Table(table)) if read.table.is_none() => {
                read.files.push((name, import_files::Kind::Table.label()));
                mapping = Some(remembered(&table).unwrap_or_else(|| table.guess()));
                read.table = Some(table);
            }
            Ok(Read::Table(_)) => problems.push(format!(
                "{name} was left out: import one spreadsheet at a time, so that each gets its own columns."
            )),
            Err(e) => problems.push(e.to_string()),
        }
    }
    (read, problems, mapping)
}
