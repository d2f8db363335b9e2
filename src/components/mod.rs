//! Reusable pieces of the interface.

pub mod contact_form;
pub mod field;
pub mod reach_out_form;
pub mod storage_banner;
