//! Reachout: a private, browser-only tracker for the people you reach out to.
//!
//! `model` and `format` are pure Rust; `storage` is the one module that touches localStorage;
//! `app`, `pages` and `components` are the thin Leptos shell.

pub mod app;
pub mod clock;
pub mod components;
pub mod download;
pub mod format;
pub mod links;
pub mod marks;
pub mod model;
pub mod pages;
pub mod recovery;
pub mod state;
pub mod storage;
pub mod theme;

/// Starts the app in the page's `<body>`, with the recovery screen ready should it fail.
pub fn mount() {
    recovery::install();
    leptos::mount::mount_to_body(app::App);
}
