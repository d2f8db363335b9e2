//! The last line of defence: if the app ever panics (a bug; a release build then stops), the
//! page is replaced by a plain recovery screen that offers the stored data as it is and a way
//! to the Data page. Built with the DOM directly, because the app's own rendering has stopped.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsCast;

use crate::links::href;
use crate::storage::{self, Store, APP_NAMESPACE};

/// Set by the panic hook: from then on the app saves nothing.
static FAILED: AtomicBool = AtomicBool::new(false);

/// True once the app has hit a bug; saving checks it.
pub fn has_failed() -> bool {
    FAILED.load(Ordering::Relaxed)
}

/// Installs the panic hook; call once, before mounting the app.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        FAILED.store(true, Ordering::Relaxed);
        let details = info.to_string();
        web_sys::console::error_1(&details.as_str().into());
        show(&details);
    }));
}

/// Replaces the page with the recovery screen. `details` is shown as text, for a bug report.
pub fn show(details: &str) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        show_in(&body, details);
    }
}

/// Replaces what `container` holds with the recovery screen.
pub fn show_in(body: &web_sys::Element, details: &str) {
    // Every step may fail (a browser refusing a Blob, say): then the screen simply has fewer
    // parts, and nothing here may panic again.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    body.set_inner_html("");
    let element = |tag: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        Some(element)
    };
    let Some(main) = document.create_element("main").ok() else {
        return;
    };
    main.set_class_name("recovery");
    main.set_id("main");
    let mut parts = vec![
        element(
            "h1",
            "Reachout hit a bug. Your data is safe in this browser.",
        ),
        element(
            "p",
            "Nothing was lost: everything you saved is still in this browser's storage, and \
             nothing has been changed since the bug. Download the stored data as it is to keep a \
             copy, or open the Data page to make a backup or restore one.",
        ),
    ];
    let actions = document.create_element("p").ok();
    if let Some(actions) = &actions {
        actions.set_class_name("actions");
        if let Some(link) = raw_download_link(&document) {
            let _ = actions.append_child(&link);
        }
        if let Some(link) = element("a", "Open the Data page") {
            let _ = link.set_attribute("href", &href("/data"));
            link.set_class_name("button");
            let _ = actions.append_child(&link);
        }
    }
    parts.push(actions);
    parts.push(element(
        "p",
        "If it happens again, the details below help to find the bug:",
    ));
    parts.push(element("pre", details));
    for part in parts.into_iter().flatten() {
        let _ = main.append_child(&part);
    }
    let _ = body.append_child(&main);
}

/// A link that downloads the stored document's text byte for byte, if there is one.
fn raw_download_link(document: &web_sys::Document) -> Option<web_sys::Element> {
    let raw = storage::read(&Store::document_key(APP_NAMESPACE))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&raw));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link = document
        .create_element("a")
        .ok()?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    link.set_href(&url);
    link.set_download("reachout-stored-data.txt");
    link.set_text_content(Some("Download the stored data"));
    link.set_class_name("button primary");
    Some(link.into())
}
