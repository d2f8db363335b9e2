//! Restoring a backup, or merging one from another device: the file, what it would change,
//! and the undo of the last restore, merge or import.

use leptos::prelude::*;

use crate::clock;
use crate::format::backup::{self, Preview, MAX_BACKUP_BYTES};
use crate::format::document::Document;
use crate::format::exchange::{self, Head};
use crate::format::locked_backup::LockedBackup;
use crate::model::words::{long_day, plural};
use crate::model::{DeviceMerge, ModelError};
use crate::state::{use_app_state, AppState, Snapshot};
use crate::storage::{self, UnlockError};

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

/// The card's state. Copy, so that its handlers take it whole.
#[derive(Clone, Copy)]
struct Restore {
    state: AppState,
    pending: RwSignal<Option<Pending>>,
    error: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
    input: NodeRef<leptos::html::Input>,
    /// A locked backup chosen, waiting for its passphrase, with the file's name.
    locked: RwSignal<Option<(LockedBackup, String)>>,
    passphrase: RwSignal<String>,
    opening: RwSignal<bool>,
}

impl Restore {
    fn clear_input(self) {
        if let Some(input) = self.input.get_untracked() {
            input.set_value("");
        }
    }

    /// Reads and checks the file chosen, and works out what restoring or merging it would do.
    fn choose(self) {
        self.error.set(None);
        self.done.set(None);
        self.pending.set(None);
        self.locked.set(None);
        let Some(file) = self
            .input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        let size = file.size() as u64;
        if size > MAX_BACKUP_BYTES {
            // Refused before reading: a huge file is never loaded into memory.
            let why = backup::read("", size).err().map(|e| e.to_string());
            self.refuse(why.unwrap_or_default());
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            let Some(text) = text else {
                self.refuse("The browser could not read that file.".into());
                return;
            };
            match LockedBackup::read(&text) {
                Some(Ok(locked)) => {
                    self.locked.set(Some((locked, file.name())));
                    crate::components::focus::focus_next_frame(&["#backup-passphrase"]);
                }
                Some(Err(e)) => self.refuse(format!("This locked backup cannot be opened: {e}.")),
                None => self.check(&text, size, file.name()),
            }
        });
    }

    /// Checks a plain backup's text and works out what restoring or merging it would do.
    fn check(self, text: &str, size: u64, name: String) {
        match backup::read(text, size) {
            Ok(document) => self
                .pending
                .set(Some(self.pending_of(document, text, name))),
            Err(e) => self.refuse(e.to_string()),
        }
    }

    /// Opens the locked backup chosen with the passphrase typed.
    fn open_locked(self) {
        let Some((locked, name)) = self.locked.get_untracked() else {
            return;
        };
        if self.opening.get_untracked() {
            return;
        }
        let typed = self.passphrase.get_untracked();
        self.error.set(None);
        self.opening.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            match storage::open_backup(&locked, &typed).await {
                Ok(text) => {
                    self.locked.set(None);
                    self.passphrase.set(String::new());
                    self.check(&text, text.len() as u64, name);
                }
                Err(UnlockError::Wrong) => {
                    self.error.set(Some(
                        "That passphrase does not open this backup. Nothing was changed.".into(),
                    ));
                    self.passphrase.set(String::new());
                    crate::components::focus::focus_next_frame(&["#backup-passphrase"]);
                }
                Err(other) => self.refuse(other.to_string()),
            }
            self.opening.set(false);
        });
    }

    fn refuse(self, why: String) {
        self.error.set(Some(format!("{why} Nothing was changed.")));
    }

    fn pending_of(self, document: Document, text: &str, file: String) -> Pending {
        let head = Head::of(text);
        let preview = self
            .state
            .book()
            .with_untracked(|b| backup::preview(b, &document.data));
        let merge = self.state.preview_merge(&document, &head);
        Pending {
            document,
            preview,
            merge,
            file,
            head,
            hash: exchange::fingerprint(text),
        }
    }

    /// Takes the backup waiting for the go-ahead, and puts the file away.
    fn take(self) -> Option<Pending> {
        let p = self.pending.get_untracked()?;
        self.pending.set(None);
        self.clear_input();
        self.locked.set(None);
        Some(p)
    }

    fn report(self, result: Result<(), impl std::fmt::Display>, done: String) {
        match result {
            Ok(()) => self.done.set(Some(done)),
            Err(refused) => self.error.set(Some(refused.to_string())),
        }
    }

    /// Replaces the data with the backup's.
    fn apply(self) {
        let Some(p) = self.take() else { return };
        let restored = format!(
            "Restored {} and {} from {}.",
            plural(p.preview.contacts_after, "contact", "contacts"),
            plural(p.preview.reach_outs_after, "reach-out", "reach-outs"),
            p.file
        );
        self.report(self.state.restore(p.document), restored);
    }

    /// Merges the backup into the data.
    fn merge(self) {
        let Some(Ok(after)) = self
            .pending
            .with_untracked(|p| p.as_ref().map(|p| p.merge.clone()))
        else {
            return;
        };
        let Some(p) = self.take() else { return };
        let merged = format!(
            "Merged {}: you now have {} and {}.",
            p.file,
            plural(after.contacts_after, "contact", "contacts"),
            plural(after.reach_outs_after, "reach-out", "reach-outs"),
        );
        self.report(
            self.state.merge_backup(p.document, &p.head, &p.hash),
            merged,
        );
    }
}

#[component]
pub(super) fn RestoreCard() -> impl IntoView {
    let state = use_app_state();
    state.load_snapshot();
    let restore = Restore {
        state,
        pending: RwSignal::new(None),
        error: RwSignal::new(None),
        done: RwSignal::new(None),
        input: NodeRef::new(),
        locked: RwSignal::new(None),
        passphrase: RwSignal::new(String::new()),
        opening: RwSignal::new(false),
    };
    let Restore {
        pending,
        error,
        done,
        ..
    } = restore;
    let cancel = move |_| drop(restore.take());
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
                    node_ref=restore.input on:change=move |_| restore.choose()/>
                <p class="hint">"A .json file from \u{201c}Download a backup\u{201d}, at most 10 MB."</p>
            </div>
            {move || restore.locked.get().map(|(_, name)| locked_view(restore, name))}
            {move || error.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            {move || pending.get().map(|p| pending_view(p, move |_| restore.merge(), move |_| restore.apply(), cancel))}
            <p class="status" role="status">{move || done.get().unwrap_or_default()}</p>
            {move || state.snapshot().get().map(|s| snapshot_undo(s, undo))}
        </div>
    }
}

/// The passphrase of a locked backup, asked before anything else is read from it.
fn locked_view(restore: Restore, name: String) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        restore.open_locked();
    };
    view! {
        <form class="confirm" novalidate on:submit=submit aria-labelledby="locked-backup">
            <p id="locked-backup"><strong>{name}</strong>" is locked. Type the passphrase it was made with."</p>
            <div class="field">
                <label for="backup-passphrase">"Backup's passphrase"</label>
                <input id="backup-passphrase" type="password" autocomplete="current-password"
                    prop:value=move || restore.passphrase.get()
                    on:input=move |ev| restore.passphrase.set(event_target_value(&ev))/>
            </div>
            <div class="actions">
                <button type="submit" class="button primary" disabled=move || restore.opening.get()>
                    {move || if restore.opening.get() { "Opening…" } else { "Open the backup" }}
                </button>
                <button type="button" class="button" on:click=move |_| {
                    restore.locked.set(None);
                    restore.clear_input();
                }>"Cancel"</button>
            </div>
        </form>
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
                        {m.lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
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
