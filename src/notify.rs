//! The daily notification's browser half (issue 25): the permission, the periodic background
//! sync that wakes the service worker about once a day (installed Chromium-family browsers),
//! and the digest the worker reads, kept in Cache Storage because a worker cannot read
//! localStorage. What the digest says is decided by the model (`Book::reminder_digest`) and
//! written by `format::digest`; the worker only looks up its day (`assets/sw.js`).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the reminder choices are remembered in this browser (as preferences).
pub const REMIND_NOTIFY: &str = "remind-notify";
pub const REMIND_HIDE_NAMES: &str = "remind-hide-names";

/// The periodic sync's tag; the worker answers only this one.
pub const SYNC_TAG: &str = "reachout-digest";
/// Where the worker looks for the digest, under the app's scope; named as in sw.js.
const DIGEST_FILE: &str = "reachout-digest.json";
/// About once a day: the browser decides when, and never more often than this.
const MIN_INTERVAL_MS: f64 = 12.0 * 60.0 * 60.0 * 1000.0;

/// The remembered choices, shared by Settings and the shell.
#[derive(Clone, Copy)]
pub struct Reminders {
    pub notify: RwSignal<bool>,
    pub hide_names: RwSignal<bool>,
}

/// What this browser can do for the daily notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Support {
    /// Notifications and a periodic wake-up: reminders come even when Reachout is closed.
    Daily,
    /// Notifications, but no periodic wake-up here (not installed, or not this browser).
    NoDailyWakeUp,
    /// No notifications at all (iOS without install, an insecure page).
    None,
}

fn has(target: &JsValue, name: &str) -> bool {
    js_sys::Reflect::has(target, &JsValue::from_str(name)).unwrap_or(false)
}

/// What this browser offers, checked without asking anything of the person.
pub fn support() -> Support {
    let window = window();
    let navigator = window.navigator();
    if !has(&window, "Notification") || !has(&navigator, "serviceWorker") {
        return Support::None;
    }
    if has(&window, "PeriodicSyncManager") {
        Support::Daily
    } else {
        Support::NoDailyWakeUp
    }
}

fn scope_url(file: &str) -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(file, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| file.to_string())
}

/// The cache the digest lives in, named as in sw.js: one per copy of the app.
fn digest_cache() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    format!("reachout-digest {base}")
}

async fn promise(value: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(value?).await
}

/// Asks for the permission (only here, when the person turns reminders on) and for the daily
/// wake-up. `Err` says in plain words why not.
pub async fn turn_on() -> Result<Support, String> {
    if support() == Support::None {
        return Err(
            "This browser cannot show notifications; the calendar reminder works here.".into(),
        );
    }
    let asked = promise(web_sys::Notification::request_permission()).await;
    if asked.ok().and_then(|p| p.as_string()).as_deref() != Some("granted") {
        return Err("Notifications are not allowed for Reachout in this browser; the calendar reminder still works.".into());
    }
    renew().await
}

/// Asks for the daily wake-up (the permission already given): `Daily` when the browser grants
/// it, else `NoDailyWakeUp`.
pub async fn renew() -> Result<Support, String> {
    let registration = promise(worker_ready()).await.map_err(|_| {
        "The app's offline helper is not running here, so it cannot remind you.".to_string()
    })?;
    let Ok(periodic) = js_sys::Reflect::get(&registration, &JsValue::from_str("periodicSync"))
    else {
        return Ok(Support::NoDailyWakeUp);
    };
    let Some(register) = js_sys::Reflect::get(&periodic, &JsValue::from_str("register"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return Ok(Support::NoDailyWakeUp);
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"minInterval".into(), &MIN_INTERVAL_MS.into());
    let registered = register
        .call2(&periodic, &JsValue::from_str(SYNC_TAG), &options)
        .and_then(|p| p.dyn_into::<js_sys::Promise>());
    // Refused when the app is not installed: notifications then come only while it runs.
    match promise(registered).await {
        Ok(_) => Ok(Support::Daily),
        Err(_) => Ok(Support::NoDailyWakeUp),
    }
}

/// The worker's registration once it is active, or a refusal after 5 seconds: where no worker
/// runs (a private window, an insecure page) the browser's own promise never settles.
fn worker_ready() -> Result<js_sys::Promise, JsValue> {
    let ready = window().navigator().service_worker().ready()?;
    let late = js_sys::Promise::new(&mut |_, refuse| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&refuse, 5_000);
    });
    Ok(js_sys::Promise::race(&js_sys::Array::of2(&ready, &late)))
}

/// Removes the digest and the daily wake-up: nothing of the person's stays for the worker.
pub async fn turn_off() {
    if let Ok(caches) = window().caches() {
        let _ = promise(Ok(caches.delete(&digest_cache()))).await;
    }
    if let Ok(registration) = promise(worker_ready()).await {
        if let Ok(periodic) =
            js_sys::Reflect::get(&registration, &JsValue::from_str("periodicSync"))
        {
            if let Some(unregister) =
                js_sys::Reflect::get(&periodic, &JsValue::from_str("unregister"))
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            {
                let _ = unregister.call1(&periodic, &JsValue::from_str(SYNC_TAG));
            }
        }
    }
}

/// Writes the digest where the worker reads it. Quiet on failure: the next save tries again.
pub async fn write_digest(json: String) {
    let Ok(caches) = window().caches() else {
        return;
    };
    let Ok(cache) = promise(Ok(caches.open(&digest_cache()))).await else {
        return;
    };
    let cache: web_sys::Cache = cache.unchecked_into();
    let Ok(response) = web_sys::Response::new_with_opt_str(Some(&json)) else {
        return;
    };
    let _ = promise(Ok(cache.put_with_str(&scope_url(DIGEST_FILE), &response))).await;
}
