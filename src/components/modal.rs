//! A modal `<dialog>` kept in step with a signal: the page behind is inert (Tab stays inside),
//! a backdrop dims it, Esc closes it, and the focus goes back where it was.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True when `dialog` is closed now. A dialog's `close` event comes in a task of its own after
/// the dialog closed: a key that opens it again in between (Esc, then `?` at once) would be
/// undone by that late event. Handlers of `close` check this before setting their signal back.
pub fn closed_now(dialog: NodeRef<leptos::html::Dialog>) -> bool {
    dialog.get_untracked().is_none_or(|d| !d.open())
}

/// Opens `dialog` as a modal, focusing `first`, while `is_open` says so, and closes it when
/// it no longer does. The dialog's own `close` event must set the signal behind `is_open` back
/// (when [`closed_now`]).
pub fn keep_modal_open_while<E>(
    dialog: NodeRef<leptos::html::Dialog>,
    first: NodeRef<E>,
    is_open: impl Fn() -> bool + Send + std::marker::Sync + 'static,
) where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let open = is_open();
        let Some(dialog) = dialog.get() else { return };
        if open && !dialog.open() {
            let _ = dialog.show_modal();
            if let Some(element) = first.get_untracked() {
                let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        } else if !open && dialog.open() {
            dialog.close();
        }
    });
}
