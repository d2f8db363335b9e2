//! What the browser grants this origin: how much of localStorage's quota is used, and whether
//! the data is kept under storage pressure (the Storage API's persist, persisted, estimate).

use super::local_storage;

/// What this origin's localStorage holds, in UTF-16 code units (keys and values, every app on
/// the origin), which is what browsers count against its quota.
pub fn usage() -> Option<u64> {
    let storage = local_storage()?;
    let count = storage.length().ok()?;
    let mut units = 0u64;
    for i in 0..count {
        let key = storage.key(i).ok()??;
        let value = storage.get_item(&key).ok()?.unwrap_or_default();
        units += (key.encode_utf16().count() + value.encode_utf16().count()) as u64;
    }
    Some(units)
}

/// localStorage's limit per origin, in UTF-16 code units: Chromium and Firefox allow about five
/// million (Chromium 10 MiB at two bytes each); Safari at least 2.5 million.
pub const QUOTA_UNITS: u64 = 5_000_000;

fn storage_manager() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

async fn ask(
    call: impl FnOnce(&web_sys::StorageManager) -> Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Option<wasm_bindgen::JsValue> {
    let manager = storage_manager()?;
    let promise = call(&manager).ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// Asks the browser not to clear this origin's data under storage pressure; `Some(granted)`.
pub async fn request_persistence() -> Option<bool> {
    ask(|m| m.persist()).await?.as_bool()
}

/// Whether the browser has agreed to keep this origin's data.
pub async fn is_persistent() -> Option<bool> {
    ask(|m| m.persisted()).await?.as_bool()
}

/// The browser's estimate for the whole origin, in bytes: `(usage, quota)`.
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate = ask(|m| m.estimate()).await?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &wasm_bindgen::JsValue::from_str(name))
            .ok()?
            .as_f64()
    };
    Some((number("usage")?, number("quota")?))
}
