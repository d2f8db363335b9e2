//! "Start from a template" while logging: pick one, read it filled in with the contact's first
//! name, company and how you met, change it if you like, and copy it in one click.

use leptos::prelude::*;

use crate::links::href;
use crate::model::ContactId;
use crate::state::use_app_state;

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
    let picked = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let missing = RwSignal::new(Vec::<&'static str>::new());
    let status = RwSignal::new(None::<String>);
    let select_id = format!("template-{form_key}");
    let text_id = format!("template-text-{form_key}");
    let area = NodeRef::<leptos::html::Textarea>::new();
    if let Some(saves) = saves {
        Effect::new(move |seen: Option<u32>| {
            let now = saves.get();
            if seen.is_some_and(|seen| seen != now) {
                picked.set(String::new());
                text.set(String::new());
                missing.set(Vec::new());
                status.set(None);
            }
            now
        });
    }

    let pick = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        picked.set(value.clone());
        status.set(None);
        let chosen = value.parse::<u64>().ok().and_then(|id| {
            state.book().with_untracked(|b| {
                let template = b.templates().into_iter().find(|t| t.id == id)?;
                let person = b.contact(contact)?;
                Some((template.name.clone(), template.fill(person)))
            })
        });
        match chosen {
            Some((name, filled)) => {
                text.set(filled.text);
                missing.set(filled.missing);
                if note.with_untracked(String::is_empty) {
                    note.set(name);
                }
            }
            None => {
                text.set(String::new());
                missing.set(Vec::new());
            }
        }
    };

    let copy = move |_| copy_or_select(text.get_untracked(), area, status);

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
                <select id=select_id on:change=pick prop:value=move || picked.get()>
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
                    <button type="button" class="button small" on:click=copy>"Copy message"</button>
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
