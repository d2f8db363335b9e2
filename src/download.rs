//! Offers text to the user as a real file download, the way a link with `download` does.

use wasm_bindgen::JsCast;

/// Why the browser did not start a download.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DownloadError {
    #[error("The browser refused to prepare the file.")]
    Prepare,
    #[error("The browser refused to start the download.")]
    Start,
}

/// Starts a download of `text` as `name`. The error says why the browser refused.
pub fn offer(name: &str, text: &str, mime: &str) -> Result<(), DownloadError> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadError::Prepare)?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError::Prepare)?;
    let document = leptos::prelude::document();
    let link = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or(DownloadError::Start)?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has handed the file to the browser; the address is no longer needed after it.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}
