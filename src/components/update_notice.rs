//! Offline and updates: registers the service worker (assets/sw.js, filled in by
//! scripts/finish-build.mjs), and once a new version of Reachout is in place, says so quietly:
//! "Updated: Reload".
//!
//! The worker installs a new version when the browser sees a changed sw.js (on a visit) and
//! takes over at once, deleting the old version's cache (its built files are kept aside as
//! "previous", for tabs still running it); this page keeps running the version it
//! loaded until reloaded. A new version is in place when the worker's caches for this site hold
//! none of this page's version (its `<meta name="reachout-version">`): checked at start, since
//! the new worker may have taken over before the app ran, and whenever a new worker has taken
//! over and finished activating (which removes the old version's cache).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// True once a new version is in place; provided by [`register`] (not in component tests).
#[derive(Clone, Copy)]
pub struct UpdateReady(RwSignal<bool>);

impl UpdateReady {
    /// True once a new version is in place (tracked).
    pub fn is_ready(self) -> bool {
        self.0.get()
    }
}

/// Registers the service worker where the browser has them (secure pages: https and
/// 127.0.0.1), and provides [`UpdateReady`].
pub fn register() {
    let ready = RwSignal::new(false);
    provide_context(UpdateReady(ready));
    let navigator = window().navigator();
    // Absent on insecure pages and in some private modes; the app then simply runs online.
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    // Set both ways: a page loaded past the worker (a hard reload) may be newer than what the
    // worker keeps until the worker catches up.
    let check = move || spawn_local(async move { ready.set(newer_version_in_place().await) });
    // A new worker takes over while still activating, before it has removed the old version's
    // cache: the check waits until it is activated.
    let worker_container = container.clone();
    let changed = Closure::<dyn Fn()>::new(move || {
        let Some(worker) = worker_container.controller() else {
            return;
        };
        if worker.state() == web_sys::ServiceWorkerState::Activated {
            check();
            return;
        }
        let watched = worker.clone();
        let activated = Closure::<dyn Fn()>::new(move || {
            if watched.state() == web_sys::ServiceWorkerState::Activated {
                watched.set_onstatechange(None);
                check();
            }
        });
        worker.set_onstatechange(Some(activated.as_ref().unchecked_ref()));
        // Kept alive by the worker's handler until it is activated (then released by the
        // browser with the handler), once per new worker.
        activated.forget();
    });
    container.set_oncontrollerchange(Some(changed.as_ref().unchecked_ref()));
    changed.forget();
    // A page the worker did not serve (a first visit, a hard reload) has no update waiting.
    if container.controller().is_some() {
        check();
    }
    // `sw.js` is resolved against <base>, so under /REPO/ too the worker's scope is the site.
    let registering = container.register("sw.js");
    spawn_local(async move {
        // A failed registration leaves the app working online; there is nothing to tell.
        let _ = JsFuture::from(registering).await;
    });
}

/// True when the worker keeps another version of this site and not this page's.
async fn newer_version_in_place() -> bool {
    let document = document();
    let Some(version) = document
        .query_selector("meta[name=reachout-version]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
    else {
        return false;
    };
    let Ok(Some(scope)) = document.base_uri() else {
        return false;
    };
    // Named as in sw.js: "reachout SCOPE VERSION".
    let prefix = format!("reachout {scope} ");
    let Ok(caches) = window().caches() else {
        return false;
    };
    let Ok(names) = JsFuture::from(caches.keys()).await else {
        return false;
    };
    let ours: Vec<String> = js_sys::Array::from(&names)
        .iter()
        .filter_map(|name| name.as_string())
        .filter_map(|name| name.strip_prefix(&prefix).map(str::to_string))
        // The files kept of the version before (see sw.js), not a version of their own.
        .filter(|version| version != "previous")
        .collect();
    !ours.is_empty() && !ours.contains(&version)
}

/// The quiet notice, once a new version is in place.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ready = use_context::<UpdateReady>().map(|UpdateReady(ready)| ready);
    let shown = move || ready.is_some_and(|r| r.get());
    let reload = move |_| {
        // Saves are written first by the page's own pagehide handler.
        let _ = window().location().reload();
    };
    view! {
        <div class="update-notice" role="status">
            <Show when=shown>
                <p>
                    "Updated: "
                    <button type="button" class="button small" on:click=reload>"Reload"</button>
                </p>
            </Show>
        </div>
    }
}
