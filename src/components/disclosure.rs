//! A button that shows and hides a panel of actions in place, announcing its state. Esc inside
//! the panel closes it and gives the focus back to the button; what was typed in it is kept
//! until the panel's own form clears it.

use leptos::prelude::*;

#[component]
pub fn Disclosure(
    /// The button's text while the panel is closed.
    label: String,
    /// Opens the panel from the start.
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
    children: ChildrenFn,
) -> impl IntoView {
    let open = open.unwrap_or_else(|| RwSignal::new(false));
    let children = StoredValue::new(children);
    let button = NodeRef::<leptos::html::Button>::new();
    let drawn = RwSignal::new(open.get_untracked());
    Effect::new(move |_| {
        if open.get() {
            drawn.set(true);
        }
    });
    view! {
        <div class="disclosure" on:keydown=close_on_escape(open, button)>
            <button
                type="button"
                node_ref=button
                class="button small"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {label}
            </button>
            // Drawn when first opened, then only hidden: a note typed into it survives closing.
            <Show when=move || drawn.get()>
                <div class="disclosure-panel" hidden=move || !open.get()>{children.read_value()()}</div>
            </Show>
        </div>
    }
}

/// Esc inside an open panel closes it, as it closes a dialog, and gives the focus back to the
/// button that opened it. Only the innermost open panel closes: one inside "More" leaves the
/// menu open.
pub fn close_on_escape(
    open: RwSignal<bool>,
    toggle: NodeRef<leptos::html::Button>,
) -> impl Fn(leptos::ev::KeyboardEvent) {
    move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            ev.stop_propagation();
            open.set(false);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    }
}
