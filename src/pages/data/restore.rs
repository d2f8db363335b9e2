//! Restoring a backup, or merging one from another device: the file, what it would change,
//! and the undo of the last restore, merge or import.

use leptos::prelude::*;

use crate::clock;
use crate::format::backup::{self, Preview, MAX_BACKUP_BYTES};
use crate::format::document::Document;
use crate::format::exchange::{self, Head};
use crate::model::words::{long_day, plural};
use crate::model::{DeviceMerge, ModelError};
use crate::state::{use_app_state, Snapshot};

/// A checked backup waiting for the user's go-ahead.
#[derive(Clone)]
struct Pending {
    document: Document,
    preview: Preview,
    /// What merging would do, or why it can't be merged.
    merge: Result<DeviceMerge, ModelError>,
    file: String,
    /// What the file says of the devices it was exchanged with, and its fingerprint.
    head: Head,
    hash: String,
}

/// What a merge would do, one sentence per line of the preview.
fn merge_lines(m: &DeviceMerge) -> Vec<String> {
    let mut lines = vec![format!(
        "{} and {} come from the backup.",
        plural(m.contacts_added, "contact", "contacts"),
        plural(m.reach_outs_added, "reach-out", "reach-outs")
    )];
    if m.from_ancestor {
        lines.push(format!(
            "{} both devices changed since you last passed a backup between them: each change is kept, field by field (where both changed one field, this device's is kept).",
            plural(m.contacts_changed, "contact", "contacts")
        ));
    } else {
        lines.push(format!(
            "{} both have in different versions: the newer version of each is kept whole. (This browser knows of no earlier backup passed between the two devices, for example because it is the first, or one of them was restored since, so their changes can't be matched field by field.)",
            plural(m.contacts_changed, "contact", "contacts")
        ));
    }
    lines.push(format!(
        "{} that only this browser has stay as they are.",
        plural(m.contacts_kept, "contact", "contacts")
    ));
    if m.contacts_removed > 0 {
        lines.push(match m.contacts_removed {
            1 => "1 contact you deleted on the other device is deleted here too.".to_string(),
            n => format!("{n} contacts you deleted on the other device are deleted here too."),
        });
    }
    lines.push(format!(
        "After the merge: {} and {}.",
        plural(m.contacts_after, "contact", "contacts"),
        plural(m.reach_outs_after, "reach-out", "reach-outs")
    ));
    lines
}

#[component]
pub(super) fn RestoreCard() -> impl IntoView {
    let state = use_app_state();
    state.load_snapshot();
    let pending = RwSignal::new(None::<Pending>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    let clear_input = move || {
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
    };
    let chosen = move |_| {
        error.set(None);
        done.set(None);
        pending.set(None);
        let Some(file) = input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        let name = file.name();
        let size = file.size() as u64;
        if size > MAX_BACKUP_BYTES {
            // Refused before reading: a huge file is never loaded into memory.
            error.set(Some(format!(
                "{} Nothing was changed.",
                backup::read("", size)
                    .err()
                    .map(|e| e.to_string())
                    .unwrap_or_default()
            )));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            let Some(text) = text else {
                error.set(Some(
                    "The browser could not read that file. Nothing was changed.".into(),
                ));
                return;
            };
            match backup::read(&text, size) {
                Ok(document) => {
                    let head = Head::of(&text);
                    let preview = state
                        .book()
                        .with_untracked(|b| backup::preview(b, &document.data));
                    let merge = state.preview_merge(&document, &head);
                    pending.set(Some(Pending {
                        document,
                        preview,
                        merge,
                        file: name,
                        head,
                        hash: exchange::fingerprint(&text),
                    }));
                }
                Err(e) => error.set(Some(format!("{e} Nothing was changed."))),
            }
        });
    };
    let apply = move |_| {
        if let Some(p) = pending.get_untracked() {
            let restored = format!(
                "Restored {} and {} from {}.",
                plural(p.preview.contacts_after, "contact", "contacts"),
                plural(p.preview.reach_outs_after, "reach-out", "reach-outs"),
                p.file
            );
            pending.set(None);
            clear_input();
            match state.restore(p.document) {
                Ok(()) => done.set(Some(restored)),
                Err(refused) => error.set(Some(refused.to_string())),
            }
        }
    };
    let merge = move |_| {
        if let Some(p) = pending.get_untracked() {
            let Ok(after) = &p.merge else { return };
            let merged = format!(
                "Merged {}: you now have {} and {}.",
                p.file,
                plural(after.contacts_after, "contact", "contacts"),
                plural(after.reach_outs_after, "reach-out", "reach-outs"),
            );
            pending.set(None);
            clear_input();
            match state.merge_backup(p.document, &p.head, &p.hash) {
                Ok(()) => done.set(Some(merged)),
                Err(refused) => error.set(Some(refused.to_string())),
            }
        }
    };
    let cancel = move |_| {
        pending.set(None);
        clear_input();
    };
    let undo = move |_| done.set(Some(state.undo_snapshot()));
    view! {
        <div class="card form">
            <h2>"Restore a backup"</h2>
            <p class="muted small">
                "Restoring replaces all data in this browser with the backup's; merging keeps \
                 yours and adds the backup's (to bring a phone and a laptop in step, pass one \
                 backup each way). You see what will change before anything happens, and a copy \
                 of the current data is kept so that one click undoes it."
            </p>
            <div class="field">
                <label for="restore-file">"Backup file"</label>
                <input id="restore-file" type="file" accept=".json,application/json"
                    node_ref=input on:change=chosen/>
                <p class="hint">"A .json file from \u{201c}Download a backup\u{201d}, at most 10 MB."</p>
            </div>
            {move || error.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            {move || pending.get().map(|p| pending_view(p, merge, apply, cancel))}
            <p class="status" role="status">{move || done.get().unwrap_or_default()}</p>
            {move || state.snapshot().get().map(|s| snapshot_undo(s, undo))}
        </div>
    }
}

/// What restoring or merging the chosen backup would change, with the three choices.
fn pending_view(
    p: Pending,
    merge: impl Fn(leptos::ev::MouseEvent) + 'static,
    apply: impl Fn(leptos::ev::MouseEvent) + 'static,
    cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let v = p.preview;
    let saved = long_day(clock::local_day(p.document.saved_at));
    view! {
        <div class="confirm" role="group" aria-labelledby="restore-preview">
            <p id="restore-preview"><strong>{format!("{}, saved on {saved}", p.file)}</strong></p>
            <ul class="preview-list">
                <li>{format!("Now: {} and {}.",
                    plural(v.contacts_now, "contact", "contacts"),
                    plural(v.reach_outs_now, "reach-out", "reach-outs"))}</li>
                <li>{format!("After the restore: {} and {}.",
                    plural(v.contacts_after, "contact", "contacts"),
                    plural(v.reach_outs_after, "reach-out", "reach-outs"))}</li>
                <li>{format!("{} added, {} removed, {} changed.",
                    plural(v.contacts_added, "contact", "contacts"),
                    v.contacts_removed, v.contacts_changed)}</li>
            </ul>
            {match p.merge.clone() {
                Ok(m) => view! {
                    <p><strong>"Or merge it with your data"</strong>
                        " (a backup from your other device): what you did here stays, and"</p>
                    <ul class="preview-list">
                        {merge_lines(&m).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                }.into_any(),
                Err(why) => view! {
                    <p class="muted small">{format!("This backup can't be merged with your data: {why}")}</p>
                }.into_any(),
            }}
            <div class="actions">
                {p.merge.is_ok().then(|| view! {
                    <button type="button" class="button primary" on:click=merge>
                        "Merge with my data"
                    </button>
                })}
                <button type="button" class="button" on:click=apply>
                    "Replace my data with this backup"
                </button>
                <button type="button" class="button" on:click=cancel>"Cancel"</button>
            </div>
        </div>
    }
}

/// "Undo the restore" (or the merge, or the import), with what it puts back.
fn snapshot_undo(s: Snapshot, undo: impl Fn(leptos::ev::MouseEvent) + 'static) -> impl IntoView {
    let when = long_day(clock::local_day(s.taken_at));
    let kept = if s.stored {
        ""
    } else {
        " (kept in this tab only: this browser is not storing data)"
    };
    view! {
        <div class="actions">
            <button type="button" class="button" on:click=undo>{format!("Undo {}", s.cause)}</button>
            <p class="muted small">{if s.after.is_some() {
                format!("Takes out what the import on {when} added and filled in; what you have done since stays{kept}.")
            } else {
                format!(
                    "Puts back the {} and {} you had before {} on {when}{kept}.",
                    plural(s.book.contacts.len(), "contact", "contacts"),
                    plural(s.book.reach_outs.len(), "reach-out", "reach-outs"), s.cause)
            }}</p>
        </div>
    }
}
