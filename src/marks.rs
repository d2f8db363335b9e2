//! Marks on the page's performance timeline, for the benchmark (`scripts/bench.mjs`), which
//! reads them with `performance.getEntriesByName`. Nothing leaves the page.
//!
//! - `reachout:page-drawn`: a page has been drawn and can be used (the first one is how long
//!   opening the app took, from navigation start);
//! - `reachout:open-storage` (a measure): reading and decoding the stored data at opening;
//! - `reachout:split-ahead`: the idle work after opening that writes a whole document's parts
//!   ahead of the first save is over (done, or nothing to do).

use wasm_bindgen::{JsCast, JsValue};

fn call(method: &str, args: &[&str]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(performance) = js_sys::Reflect::get(&window, &JsValue::from_str("performance")) else {
        return;
    };
    let Some(function) = js_sys::Reflect::get(&performance, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let list: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
    let _ = function.apply(&performance, &list);
}

/// Marks this moment as `name`.
pub fn mark(name: &str) {
    call("mark", &[name]);
}

/// Records the time from the mark `start` until now as `name`.
pub fn measure(name: &str, start: &str) {
    call("measure", &[name, start]);
}
