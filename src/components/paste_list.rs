//! "Add several at once": paste names, one per line ("Name" or "Name, Company"), see what will
//! be added, then add them all in one step.

use leptos::prelude::*;

use crate::clock;
use crate::components::field::{Field, FieldKind};
use crate::links::href;
use crate::model::words::plural;
use crate::state::use_app_state;

#[component]
pub fn PasteList() -> impl IntoView {
    let state = use_app_state();
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let preview = Memo::new(move |_| {
        let text = text.get();
        state.book().with(|b| b.parse_name_list(&text))
    });
    let add = move |_| {
        let drafts = preview.with_untracked(|p| p.addable());
        if drafts.is_empty() {
            error.set(Some("Paste at least one name to add.".into()));
            return;
        }
        match state.change(|b| b.add_contacts(&drafts, clock::now())) {
            Ok(ids) => {
                text.set(String::new());
                error.set(None);
                status.set(Some(format!(
                    "Added {}. They are on your contact list.",
                    plural(ids.len(), "contact", "contacts")
                )));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let count = move || preview.with(|p| p.addable().len());
    // Drawn when its panel first opens: the keyboard goes straight to the list.
    request_animation_frame(|| {
        crate::components::focus::focus_selector("#field-paste-names");
    });
    view! {
        <div class="paste-list form">
            <Field label="Names, one per line" name="paste-names" value=text error=Signal::derive(move || error.get())
                kind=FieldKind::Multiline hint="Like “Anna Meyer, Northwind”: the company after a comma is optional. Two columns copied from a spreadsheet work too." />
            <Show when=move || preview.with(|p| !p.lines.is_empty())>
                <h3 class="small-heading">"Preview"</h3>
                <ul class="preview-list" aria-label="Names to add">
                    {move || preview.get().lines.into_iter().map(|line| {
                        let company = (!line.company.is_empty()).then(|| format!(" · {}", line.company));
                        let skipped = line.problem.is_some();
                        view! {
                            <li class:skipped=skipped>
                                <strong>{line.name.clone()}</strong>{company}
                                {match (line.existing, line.problem) {
                                    (Some((id, name)), _) => view! {
                                        <span class="muted">{format!(" · line {}, left out: you already have ", line.line)}
                                            <a href=href(&format!("/contacts/{id}"))>{name}</a></span>
                                    }.into_any(),
                                    (None, Some(p)) => view! {
                                        <span class="muted">{format!(" · line {}, left out: {p}", line.line)}</span>
                                    }.into_any(),
                                    (None, None) => ().into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || preview.with(|p| p.too_long.clone()).map(|m| view! { <p class="muted small">{m}</p> })}
            </Show>
            <div class="actions">
                <button type="button" class="button primary" on:click=add>
                    {move || match count() {
                        0 => "Add contacts".to_string(),
                        n => format!("Add {}", plural(n, "contact", "contacts")),
                    }}
                </button>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
        </div>
    }
}
