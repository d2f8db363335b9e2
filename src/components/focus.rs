//! Moving the keyboard focus, the one way every component does it: once the element is drawn.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector`; false when there is none.
pub fn focus_selector(selector: &str) -> bool {
    let found = document().query_selector(selector).ok().flatten();
    match found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// On the next frame, once a section that held the focus is gone: focuses the first element
/// `selectors` finds (a heading is made focusable for it), so a keyboard user is not left on
/// the page's body.
pub fn focus_next_frame(selectors: &'static [&'static str]) {
    request_animation_frame(move || {
        for selector in selectors {
            if let Some(element) = document().query_selector(selector).ok().flatten() {
                if element.get_attribute("tabindex").is_none()
                    && element.tag_name().starts_with('H')
                {
                    let _ = element.set_attribute("tabindex", "-1");
                }
                if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                    if element.focus().is_ok() {
                        return;
                    }
                }
            }
        }
    });
}

/// Focuses `node` on the next frame, when a panel that was just opened has been drawn.
pub fn focus_when_drawn<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    request_animation_frame(move || {
        if let Some(element) = node.get_untracked() {
            let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

/// Moves focus to the first field marked invalid, once the messages are on screen.
/// A field in a panel that is closed (hidden, but kept for what was typed) is passed over.
pub fn focus_first_invalid() {
    request_animation_frame(|| {
        let Ok(found) = document().query_selector_all("[aria-invalid='true']") else {
            return;
        };
        let visible = (0..found.length())
            .filter_map(|i| found.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|element| element.offset_parent().is_some());
        if let Some(element) = visible {
            let _ = element.focus();
        }
    });
}

thread_local! {
    /// False once the first page of this visit has been drawn.
    static FIRST_PAGE: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Called by every page as it is drawn: once it is on screen, names the tab after it and, unless
/// it is the first page of the visit, moves the focus to it (see [`settle_page`]).
pub fn page_drawn() {
    let moved = !FIRST_PAGE.with(|first| first.replace(false));
    request_animation_frame(move || settle_page(moved));
}

/// After the page changed: names the tab after the page's heading ("Contacts · Reachout") and,
/// when `move_focus`, moves the keyboard focus to the new page, as a screen reader expects:
/// to a field marked `data-autofocus` (the name on "Add a contact"), else to the heading.
/// Focus the page already placed inside the content (the search box after `/`) stays.
fn settle_page(move_focus: bool) {
    crate::marks::mark("reachout:page-drawn");
    let document = document();
    let Some(heading) = document.query_selector("main h1").ok().flatten() else {
        return;
    };
    let name = heading.text_content().unwrap_or_default();
    let name = name.trim();
    // While locked, the tab's title (kept in the browser's history too) names no one.
    document.set_title(&if name.is_empty() || crate::storage::lock_is_on() {
        "Reachout".to_string()
    } else {
        format!("{name} · Reachout")
    });
    if !move_focus {
        return;
    }
    if focus_selector("main [data-autofocus]") {
        return;
    }
    let placed = document
        .active_element()
        .filter(|active| active.id() != "main")
        .and_then(|active| active.closest("main").ok().flatten())
        .is_some();
    if !placed {
        let _ = heading.set_attribute("tabindex", "-1");
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let _ = heading.focus();
        }
    }
}
