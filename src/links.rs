//! Addresses inside the app. When it is hosted under a sub-path (GitHub Pages serves
//! `/REPO/`), trunk writes that path into `<base href>`; every internal link carries it.

use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// The path the app is served under, without a trailing slash: `""` at the root, `"/reachout"` on Pages.
pub fn base() -> &'static str {
    BASE.get_or_init(|| {
        let href = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("base[href]").ok().flatten())
            .and_then(|base| base.get_attribute("href"))
            .unwrap_or_default();
        base_from_href(&href)
    })
}

/// `"/reachout/"` → `"/reachout"`; anything that is not a plain absolute path → `""`.
pub fn base_from_href(href: &str) -> String {
    if href.starts_with('/') && !href.starts_with("//") {
        href.trim_end_matches('/').to_string()
    } else {
        String::new()
    }
}

/// An in-app path made into an address: `href("/contacts")` → `"/reachout/contacts"`.
pub fn href(path: &str) -> String {
    format!("{}{path}", base())
}

#[cfg(test)]
mod tests {
    use super::base_from_href;

    #[test]
    fn base_paths_lose_their_trailing_slash() {
        assert_eq!(base_from_href("/"), "");
        assert_eq!(base_from_href("/reachout/"), "/reachout");
        assert_eq!(base_from_href("https://elsewhere.example/"), "");
        assert_eq!(base_from_href("//elsewhere.example/"), "");
    }
}
