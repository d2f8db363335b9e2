//! `getItem` and `setItem` on JavaScript values. Text copied this way stays exactly what it was
//! (a lone surrogate stays one), and checking that a write was kept is one string comparison in
//! the browser (`===`), with nothing converted into Rust.

use wasm_bindgen::{JsCast, JsValue};

fn call(storage: &web_sys::Storage, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let function = js_sys::Reflect::get(storage, &JsValue::from_str(method))?
        .dyn_into::<js_sys::Function>()?;
    match args {
        [key] => function.call1(storage, key),
        [key, value] => function.call2(storage, key, value),
        _ => Err(JsValue::from_str("unexpected arguments")),
    }
}

/// The text under `key` as a JavaScript string; `None` when absent or unreadable.
pub fn get(storage: &web_sys::Storage, key: &str) -> Option<JsValue> {
    call(storage, "getItem", &[&JsValue::from_str(key)])
        .ok()
        .filter(JsValue::is_string)
}

/// Stores `value` under `key`; the error is the browser's (a full quota, say).
pub fn set(storage: &web_sys::Storage, key: &str, value: &JsValue) -> Result<(), JsValue> {
    call(storage, "setItem", &[&JsValue::from_str(key), value]).map(|_| ())
}

/// True when `key` holds exactly `value`: read back after every write, because a browser
/// (or an extension) can accept a write and keep nothing.
pub fn holds(storage: &web_sys::Storage, key: &str, value: &JsValue) -> bool {
    get(storage, key).is_some_and(|stored| stored == *value)
}
