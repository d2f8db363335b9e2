//! The app's day: Today follows the clock past midnight and when the page is shown again.

use leptos::prelude::*;

use super::AppState;
use crate::clock;

impl AppState {
    /// Checks the clock: a new local day moves Today on. Called when the page is shown again
    /// and by the midnight timer.
    pub fn check_the_day(&self) {
        let today = clock::today();
        if self.today.get_untracked() != today {
            self.today.set(today);
        }
    }

    /// Keeps [`AppState::today`] right while the tab stays open: a timer to the next local
    /// midnight (then again), and a check whenever the page becomes visible, since timers
    /// sleep in hidden tabs and on a locked phone.
    pub fn follow_the_clock(&self) {
        let state = *self;
        let wait = clock::until_next_midnight();
        set_timeout(
            move || {
                state.check_the_day();
                state.follow_the_clock();
            },
            wait,
        );
    }
}
