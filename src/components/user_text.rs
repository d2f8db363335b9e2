//! Text that came from the person (or a file), drawn so that it cannot misbehave: links only
//! when they are web links, and direction isolated part by part.

use leptos::prelude::*;

use crate::model::is_web_link;

/// A stored link drawn as a link only when it is `http(s)`, checked again here: whatever
/// reached storage, no other scheme ever becomes an `href`. Anything else shows as text.
pub fn web_link(url: String) -> AnyView {
    if is_web_link(&url) {
        let text = url.clone();
        view! { <a href=url rel="noopener noreferrer" target="_blank">{text}</a> }.into_any()
    } else {
        view! { <span>{url}</span> }.into_any()
    }
}

/// "Designer at Acme", each part in its own `<bdi>` so that direction marks in one part
/// cannot reorder the rest of the line.
pub fn role_at_company(parts: Vec<String>) -> impl IntoView {
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| view! { {(i > 0).then_some(" at ")}<bdi>{part}</bdi> })
        .collect_view()
}
