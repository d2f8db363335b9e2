//! A button that shows and hides a panel of actions in place, announcing its state.

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
    view! {
        <div class="disclosure">
            <button
                type="button"
                class="button small"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {label}
            </button>
            <Show when=move || open.get()>
                <div class="disclosure-panel">{children.read_value()()}</div>
            </Show>
        </div>
    }
}
