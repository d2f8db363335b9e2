//! The user's rules for trying again.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Days without an answer before a follow-up is due.
    pub follow_up_days: u32,
    /// Unanswered tries (the first reach-out included) before the app suggests closing the loop.
    pub max_tries: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            follow_up_days: 7,
            max_tries: 3,
        }
    }
}
