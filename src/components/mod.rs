//! Reusable pieces of the interface.

pub mod after_prompt;
pub mod backup_reminder;
pub mod before_step;
pub mod bulk_actions;
pub mod chart;
pub mod check_ins;
pub mod contact_actions;
pub mod contact_form;
pub mod disclosure;
pub mod drill;
pub mod due_rows;
pub mod field;
pub mod focus;
pub mod list_window;
pub mod near_miss;
pub mod outcome_picker;
pub mod paste_list;
pub mod reach_out_form;
pub mod scale;
pub mod shortcuts;
pub mod snooze_menu;
pub mod storage_banner;
pub mod template_picker;
pub mod undo_toast;
pub mod update_notice;
pub mod user_text;
