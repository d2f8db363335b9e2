//! Acting on several selected contacts at once: tag, archive (or unarchive), delete with undo.

use leptos::prelude::*;

use crate::clock;
use crate::model::{ContactId, Undo};
use crate::state::use_app_state;

/// What can be done to several selected contacts at once: tag, archive (or unarchive), delete.
#[component]
pub fn BulkActions(
    selection: Signal<Vec<ContactId>>,
    selected: RwSignal<Vec<ContactId>>,
    archived: Signal<bool>,
) -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let confirm_delete = RwSignal::new(false);
    let count = move || selection.with(Vec::len);
    let archive = move |_| {
        let ids = selection.get_untracked();
        let to = !archived.get_untracked();
        let _ = state.change(|b| {
            b.set_archived_many(&ids, to, clock::now());
            Ok(())
        });
        selected.set(Vec::new());
    };
    let delete = move |_| {
        let ids = selection.get_untracked();
        if let Ok(removed) = state.change(|b| b.delete_contacts(&ids, clock::now())) {
            state.offer_undo(Undo::Restore(removed));
        }
        confirm_delete.set(false);
        selected.set(Vec::new());
    };
    let delete_question =
        move || selection.with(|ids| state.book().with(|b| b.delete_question(ids)));
    view! {
        <div class="card bulk" role="region" aria-label="Selected contacts">
            <p><strong>{move || format!("{} selected", count())}</strong></p>
            <TagForm selection message />
            <div class="actions">
                <button type="button" class="button small" on:click=archive>
                    {move || if archived.get() { "Unarchive selected" } else { "Archive selected" }}
                </button>
                <button type="button" class="button small danger" on:click=move |_| confirm_delete.set(true)>
                    "Delete selected…"
                </button>
            </div>
            <Show when=move || confirm_delete.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="bulk-delete-question">
                    <p id="bulk-delete-question"><strong>{delete_question}</strong></p>
                    <div class="actions">
                        <button type="button" class="button small danger" on:click=delete>"Delete"</button>
                        <button type="button" class="button small" on:click=move |_| confirm_delete.set(false)>"Cancel"</button>
                    </div>
                </div>
            </Show>
            <p class="status" role="status">{move || message.get()}</p>
        </div>
    }
}

/// "Tag to add": one tag added to every selected contact.
#[component]
fn TagForm(selection: Signal<Vec<ContactId>>, message: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let tag = RwSignal::new(String::new());
    let add_tag = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ids = selection.get_untracked();
        let text = tag.get_untracked();
        match state.change(|b| b.tag_many(&ids, &text, clock::now())) {
            Ok(tagged) => {
                message.set(Some(tagged.describe(text.trim())));
                tag.set(String::new());
            }
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="inline-form" on:submit=add_tag>
            <div class="field">
                <label for="bulk-tag">"Tag to add"</label>
                <input id="bulk-tag" type="text" prop:value=move || tag.get()
                    on:input=move |ev| tag.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button small">"Add tag"</button>
        </form>
    }
}
