//! A book's record lists as columns, written and read straight from and into the model,
//! without building a JSON tree first: the tree for 60,000 records costs more time than the
//! rest of a save together. The output is the column form that [`super::compact`] describes
//! and reads back; cells are `null` exactly where the record form leaves a field out.
//!
//! Each writer names every field of its record in a pattern without `..`, so that a field
//! added to the model fails to compile here until it has its column.

mod read;
mod write;

pub use read::read_current;
pub use write::BookColumns;
