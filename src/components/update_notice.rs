//! Offline and updates: registers the service worker (assets/sw.js, filled in by
//! scripts/finish-build.mjs), and when a new version of Reachout has taken over in the
//! background, says so quietly: "Updated: Reload".
//!
//! The worker installs a new version as soon as the browser sees a changed sw.js (on a visit)
//! and takes over at once; this page keeps running the version it loaded until reloaded.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// True once a new version is in place; provided by [`register`] (not in component tests).
#[derive(Clone, Copy)]
pub struct UpdateReady(RwSignal<bool>);

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
    // The first worker taking over a page that had none is not an update.
    let had_one = container.controller().is_some();
    let changed = Closure::<dyn Fn()>::new(move || {
        if had_one {
            ready.set(true);
        }
    });
    container.set_oncontrollerchange(Some(changed.as_ref().unchecked_ref()));
    changed.forget();
    // `sw.js` is resolved against <base>, so under /REPO/ too the worker's scope is the site.
    let registering = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // A failed registration leaves the app working online; there is nothing to tell.
        let _ = wasm_bindgen_futures::JsFuture::from(registering).await;
    });
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
