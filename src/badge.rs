//! The count on the installed app's icon (the Badging API): how many follow-ups are due today.
//! Where the browser has no such thing, nothing happens; the calendar reminder works anyway.

use wasm_bindgen::{JsCast, JsValue};

/// True when this browser can put a count on the app's icon.
pub fn supported() -> bool {
    let navigator = leptos::prelude::window().navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("setAppBadge")).unwrap_or(false)
}

/// Shows `count` on the icon, or clears it at 0. A refusal (not installed, not allowed) is
/// quiet: the badge is a courtesy, never a place where something could be lost.
pub fn show(count: usize) {
    if !supported() {
        return;
    }
    let navigator = leptos::prelude::window().navigator();
    let (name, argument) = if count == 0 {
        ("clearAppBadge", None)
    } else {
        ("setAppBadge", Some(JsValue::from_f64(count as f64)))
    };
    let Some(method) = js_sys::Reflect::get(&navigator, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let called = match argument {
        Some(value) => method.call1(&navigator, &value),
        None => method.call0(&navigator),
    };
    // Awaited only so that a refusal is not reported as unhandled: it means "not now".
    if let Ok(promise) = called.and_then(|p| p.dyn_into::<js_sys::Promise>()) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}
