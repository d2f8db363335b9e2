//! Where files come in: the file input (and a drop zone on a computer), what reading them said,
//! and "Undo the import" after one.

use leptos::prelude::*;

use super::files::files_of;
use super::Import;
use crate::links::href;
use crate::model::words::plural;
use crate::state::{use_app_state, Cause};

#[component]
pub(super) fn FilePicker(import: Import) -> impl IntoView {
    let Import {
        errors,
        done,
        reading,
        input,
        ..
    } = import;
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        import.take_files(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let on_change =
        move |_| import.take_files(files_of(input.get_untracked().and_then(|i| i.files())));
    view! {
        <div class="card form">
            <div class="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <div class="field">
                    <label for="import-files">"Files to import"</label>
                    <input id="import-files" type="file" multiple
                        accept=".csv,.vcf,.vcard,.txt,text/csv,text/vcard"
                        node_ref=input on:change=on_change/>
                    <p class="hint">
                        "Choose one file or several (on a computer you can also drop them here). \
                         At most 10 MB each. On LinkedIn: Settings \u{2192} Data privacy \u{2192} \
                         Get a copy of your data; unzip it and choose the CSV files."
                    </p>
                </div>
            </div>
            <p id="import-status" class="status" role="status">
                {move || if reading.get() { "Reading\u{2026}".to_string() } else { done.get().unwrap_or_default() }}
            </p>
            {move || errors.with(|list| (!list.is_empty()).then(|| view! {
                <div class="form-error" role="alert">
                    {list.iter().map(|m| view! { <p>{m.clone()}</p> }).collect_view()}
                    <p>"Nothing was changed."</p>
                </div>
            }))}
            <UndoImport done hidden=Signal::derive(move || import.chosen.with(Option::is_some))/>
        </div>
    }
}

/// "Undo the import", while the snapshot of the last import is kept and no file is chosen.
#[component]
fn UndoImport(done: RwSignal<Option<String>>, hidden: Signal<bool>) -> impl IntoView {
    let state = use_app_state();
    let undo = move |_| done.set(Some(state.undo_snapshot()));
    move || {
        state
            .snapshot()
            .get()
            .filter(|s| s.cause == Cause::Import && !hidden.get())
            .map(|s| {
                let what = if s.after.is_some() {
                    "Undo takes out what the import added and filled in; what you have done since stays.".to_string()
                } else {
                    format!(
                        "Undo puts back the {} and {} you had before the import, and takes back anything done since.",
                        plural(s.book.contacts.len(), "contact", "contacts"),
                        plural(s.book.reach_outs.len(), "reach-out", "reach-outs")
                    )
                };
                view! {
                    <div class="actions">
                        <button type="button" class="button" on:click=undo>"Undo the import"</button>
                        <a class="button" href=href("/contacts")>"See your contacts"</a>
                        <p class="muted small">{what}</p>
                    </div>
                }
            })
    }
}
