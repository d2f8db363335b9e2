//! Keyboard shortcuts for the whole app, and the `?` panel that lists them. No shortcut fires
//! while the user types in a field or holds Ctrl, Alt or Meta.
//!
//! The listener is installed while the app's view is built, in the same task that mounts the
//! first page: by the time anything of the app is on screen, a key pressed is heard.

use leptos::prelude::*;

use crate::components::focus::focus_selector;
use crate::components::modal::{closed_now, keep_modal_open_while};
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

const SHORTCUTS: [(&str, &str); 8] = [
    ("n", "Add a new contact"),
    ("l", "Log a reach-out (on a contact's page)"),
    ("/", "Search contacts"),
    ("g then t", "Go to Today"),
    ("g then c", "Go to Contacts"),
    ("g then i", "Go to Insights"),
    ("?", "Show or hide this list"),
    ("Esc", "Close a panel or dialog"),
];

/// True when the key press belongs to a field the user is typing in.
fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select") || element.is_content_editable()
}

#[component]
pub fn Shortcuts() -> impl IntoView {
    let navigate = StoredValue::new_local(use_navigate());
    let go = move |path: &str| navigate.with_value(|n| n(path, Default::default()));
    let help_open = RwSignal::new(false);
    let pending_g = StoredValue::new(false);

    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
            return;
        }
        let key = ev.key();
        if key == "Escape" {
            help_open.set(false);
            return;
        }
        if typing_in_field(&ev) {
            return;
        }
        // While the list is open, only `?` (and Esc) act: nothing moves behind the dialog.
        if help_open.get_untracked() && key != "?" {
            return;
        }
        let after_g = pending_g.get_value();
        pending_g.set_value(false);
        let handled = act(&key, after_g, pending_g, help_open, go);
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());

    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let close_button = NodeRef::<leptos::html::Button>::new();
    keep_modal_open_while(dialog, close_button, move || help_open.get());
    view! {
        <dialog class="shortcuts card" aria-labelledby="shortcuts-title" node_ref=dialog
            on:close=move |_| if closed_now(dialog) { help_open.set(false) }>
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <dl class="details">
                {SHORTCUTS.map(|(keys, what)| view! { <dt><kbd>{keys}</kbd></dt><dd>{what}</dd> }).collect_view()}
            </dl>
            <p class="muted small">"Arrow keys move along the contact list; Enter opens a contact."</p>
            <button type="button" class="button small" node_ref=close_button
                on:click=move |_| help_open.set(false)>"Close"</button>
        </dialog>
    }
}

/// Acts on one key (after `g` when `after_g`): goes to a page, moves the focus, or opens the
/// list of shortcuts. Returns false for a key that is no shortcut.
fn act(
    key: &str,
    after_g: bool,
    pending_g: StoredValue<bool>,
    help_open: RwSignal<bool>,
    go: impl Fn(&str),
) -> bool {
    let go_to = |path: &str| {
        go(path);
        true
    };
    match (after_g, key) {
        (true, "t") => go_to("/"),
        (true, "c") => go_to("/contacts"),
        (true, "i") => go_to("/insights"),
        (false, "g") => {
            pending_g.set_value(true);
            true
        }
        (false, "n") => {
            go("/contacts/new");
            // Already on the page, there is no navigation to move the focus: move it here.
            request_animation_frame(|| {
                focus_selector("main [data-autofocus]");
            });
            true
        }
        (false, "l") => focus_selector("form.main-log input[type='radio']"),
        (false, "/") => {
            if !focus_selector("#contact-search") {
                go("/contacts");
                request_animation_frame(|| {
                    focus_selector("#contact-search");
                });
            }
            true
        }
        (false, "?") => {
            help_open.update(|o| *o = !*o);
            true
        }
        _ => false,
    }
}
