//! What the app says for a moment: the undo toast and the short confirmations read out to
//! screen readers.

use leptos::prelude::*;

use super::{show_for, AppState, SAID_FOR_MS, UNDO_FOR_MS};
use crate::model::Undo;

impl AppState {
    /// Closes the undo toast without undoing.
    pub fn dismiss_undo(&self) {
        self.undo.set(None);
    }

    /// The confirmation being shown, if any.
    pub fn said(&self) -> Signal<Option<String>> {
        let said = self.said;
        Signal::derive(move || said.with(|s| s.as_ref().map(|(_, text)| text.clone())))
    }

    /// Confirms a change in the page's status line for a few seconds: for a change whose own
    /// place on the page is gone, so that each save confirms itself.
    pub fn say(&self, text: impl Into<String>) {
        show_for(self.said, text.into(), SAID_FOR_MS);
    }

    /// Shows the undo toast for `undo`; it goes away by itself after 15 seconds.
    pub fn offer_undo(&self, undo: Undo) {
        show_for(self.undo, undo, UNDO_FOR_MS);
    }

    /// Takes back the change the toast offers, and saves.
    pub fn apply_undo(&self) {
        if let Some((_, undo)) = self.undo.get_untracked() {
            self.undo.set(None);
            let _ = self.change(|book| {
                book.undo(undo);
                Ok(())
            });
        }
    }
}
