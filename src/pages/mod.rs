//! One component per page of the app.

pub mod contact;
pub mod contacts;
pub mod data;
pub mod import;
pub mod insights;
pub mod later;
pub mod lock;
pub mod not_found;
pub mod reminders;
pub mod report;
pub mod settings;
pub mod templates;
pub mod today;
pub mod unlock;
