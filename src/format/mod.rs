//! File and storage formats. Each takes and returns strings, so it is tested natively.

pub mod backup;
pub mod columns;
pub mod compact;
pub mod document;
pub mod sample;
