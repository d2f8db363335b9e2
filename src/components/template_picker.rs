//! "Start from a template" while logging: pick one, read it filled in with the contact's first
//! name, company and how you met, change it if you like, and copy it in one click.

use leptos::prelude::*;

use crate::links::href;
use crate::model::ContactId;
use crate::state::{use_app_state, AppState};

/// What the picker shows: the template picked (its id as text), the message filled in, what
/// is left to fill in, and what copying said.
#[derive(Clone, Copy)]
struct Picked {
    state: AppState,
    picked: RwSignal<String>,
    text: RwSignal<String>,
    missing: RwSignal<Vec<&'static str>>,
    status: RwSignal<Option<String>>,
}

impl Picked {
    fn new() -> Self {
        Picked {
            state: use_app_state(),
            picked: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
            missing: RwSignal::new(Vec::new()),
            status: RwSignal::new(None),
        }
    }

    /// No template, no message, no "Copied.".
    fn clear(self) {
        self.picked.set(String::new());
        self.text.set(String::new());
        self.missing.set(Vec::new());
        self.status.set(None);
    }

    /// Picks the template `value` (its id), filled in for `contact`; a picked template names
    /// the reach-out's `note` when it is still empty.
    fn pick(self, value: String, contact: ContactId, note: RwSignal<String>) {
        let chosen = value.parse::<u64>().ok().and_then(|id| {
            self.state
                .book()
                .with_untracked(|b| b.filled_template(id, contact))
        });
        self.picked.set(value);
        self.status.set(None);
        let Some((name, filled)) = chosen else {
            self.text.set(String::new());
            self.missing.set(Vec::new());
            return;
        };
        self.text.set(filled.text);
        self.missing.set(filled.missing);
        if note.with_untracked(String::is_empty) {
            note.set(name);
        }
    }
}

#[component]
pub fn TemplatePicker(
    contact: ContactId,
    /// Unique on the page.
    form_key: String,
    /// The note of the reach-out: a picked template names it when it is still empty.
    note: RwSignal<String>,
    /// Counts the form's saves: after each, the picker starts afresh (no template, no
    /// message, no "Copied."), as the rest of the form does.
    #[prop(optional)]
    saves: Option<RwSignal<u32>>,
) -> impl IntoView {
    let state = use_app_state();
    let shown = Picked::new();
    let Picked {
        picked,
        text,
        missing,
        status,
        ..
    } = shown;
    let select_id = format!("template-{form_key}");
    let text_id = format!("template-text-{form_key}");
    let area = NodeRef::<leptos::html::Textarea>::new();
    if let Some(saves) = saves {
        Effect::new(move |seen: Option<u32>| {
            let now = saves.get();
            if seen.is_some_and(|seen| seen != now) {
                shown.clear();
            }
            now
        });
    }
    let options = move || {
        state.book().with(|b| {
            b.templates()
                .into_iter()
                .map(|t| view! { <option value=t.id.to_string()>{t.name}</option> })
                .collect_view()
        })
    };

    view! {
        <div class="template-picker stack">
            <div class="field">
                <label for=select_id.clone()>"Start from a message template"</label>
                <select id=select_id prop:value=move || picked.get()
                    on:change=move |ev| shown.pick(event_target_value(&ev), contact, note)>
                    <option value="">"No template"</option>
                    {options}
                </select>
            </div>
            <Show when=move || !picked.with(String::is_empty)>
                <div class="field">
                    <label for=text_id.clone()>"Message to send"</label>
                    <textarea id=text_id.clone() rows="7" node_ref=area
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    {move || (!missing.with(Vec::is_empty)).then(|| view! {
                        <p class="hint">{format!("Fill in before sending: {}.", missing.get().join(", "))}</p>
                    })}
                </div>
                <div class="actions">
                    <button type="button" class="button small"
                        on:click=move |_| copy_or_select(text.get_untracked(), area, status)>"Copy message"</button>
                    <a class="button small" href=href("/templates") target="_blank">
                        "Edit templates (new tab)"
                    </a>
                </div>
                <p class="status" role="status">{move || status.get()}</p>
            </Show>
        </div>
    }
}

/// Copies `message` to the clipboard and says so in `status`; where copying is blocked, selects
/// the text in `area` and says how to copy it by hand.
pub fn copy_or_select(
    message: String,
    area: NodeRef<leptos::html::Textarea>,
    status: RwSignal<Option<String>>,
) {
    let fallback = move || {
        if let Some(area) = area.get_untracked() {
            area.select();
        }
        status.set(Some(
            "Copying is blocked here: the text is selected, so press Ctrl+C (⌘C on a Mac).".into(),
        ));
    };
    // `navigator.clipboard` is missing outside secure contexts (plain http on a LAN).
    let navigator = web_sys::window().map(|w| w.navigator());
    let has_clipboard = navigator.as_ref().is_some_and(|n| {
        js_sys::Reflect::get(n, &"clipboard".into()).is_ok_and(|c| !c.is_undefined())
    });
    let Some(clipboard) = navigator.filter(|_| has_clipboard).map(|n| n.clipboard()) else {
        fallback();
        return;
    };
    let promise = clipboard.write_text(&message);
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => status.set(Some("Copied. Paste it where you write to them.".into())),
            Err(_) => fallback(),
        }
    });
}
