//! Reachout: a private, browser-only tracker for the people you reach out to.
//!
//! `model` and `format` are pure Rust; `storage` is the one module that touches localStorage;
//! `app`, `pages` and `components` are the thin Leptos shell.

pub mod app;
pub mod badge;
pub mod clock;
pub mod components;
pub mod crypto;
pub mod download;
pub mod format;
pub mod links;
pub mod marks;
pub mod model;
pub mod notify;
pub mod pages;
pub mod recovery;
pub mod state;
pub mod storage;
pub mod theme;

/// Starts the app in the page's `<body>`, with the recovery screen ready should it fail, and
/// takes away the first frame `index.html` showed while the code arrived: in the same task, so
/// the browser never paints both or neither.
pub fn mount() {
    recovery::install();
    leptos::mount::mount_to_body(app::App);
    if let Some(frame) = leptos::prelude::document().get_element_by_id("first-frame") {
        frame.remove();
    }
}
