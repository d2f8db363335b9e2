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
pub fn focus_first_invalid() {
    request_animation_frame(|| {
        focus_selector("[aria-invalid='true']");
    });
}
