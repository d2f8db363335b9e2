//! Reusable pieces of the interface.

pub mod backup_reminder;
pub mod bulk_actions;
pub mod contact_actions;
pub mod contact_form;
pub mod disclosure;
pub mod due_rows;
pub mod field;
pub mod focus;
pub mod outcome_picker;
pub mod reach_out_form;
pub mod shortcuts;
pub mod snooze_menu;
pub mod storage_banner;
pub mod undo_toast;
pub mod user_text;
