//! The colour theme: the system's light or dark setting, or the person's own choice from
//! Settings. The choice is a remembered preference of this browser, not data.
//!
//! The page's colours are `light-dark()` pairs in style/main.css; this module only says which
//! side to use, through `data-theme` on `<html>` (none: follow the system), and sets the
//! browser's `theme-color` to match the header.

use serde::{Deserialize, Serialize};

/// The preference name under which the choice is remembered.
pub const PREFERENCE: &str = "theme";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// The header's colour in each theme, as in style/main.css (`--surface`).
const LIGHT_HEADER: &str = "#ffffff";
const DARK_HEADER: &str = "#1c1f24";

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Follow my system",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    /// Shows the page in this theme.
    pub fn apply(self) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(root) = document.document_element() {
            let _ = match self {
                Theme::System => root.remove_attribute("data-theme"),
                chosen => root.set_attribute("data-theme", chosen.key()),
            };
        }
        // Both theme-color tags (one per system scheme) take the chosen header colour; with
        // the system's setting each keeps its own.
        let Ok(tags) = document.query_selector_all("meta[name=theme-color]") else {
            return;
        };
        for i in 0..tags.length() {
            let Some(tag) = tags
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            else {
                continue;
            };
            let dark_tag = tag
                .get_attribute("media")
                .is_some_and(|m| m.contains("dark"));
            let colour = match self {
                Theme::Light => LIGHT_HEADER,
                Theme::Dark => DARK_HEADER,
                Theme::System if dark_tag => DARK_HEADER,
                Theme::System => LIGHT_HEADER,
            };
            let _ = tag.set_attribute("content", colour);
        }
    }
}
