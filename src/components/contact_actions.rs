//! The weightier actions on a contact page: delete (asking what happens to its reach-outs, with
//! undo) and merge with a duplicate (choosing the winning value where the two differ, with undo).

use leptos::prelude::*;

use crate::components::disclosure::close_on_escape;
use crate::components::focus::focus_when_drawn;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::clock;
use crate::model::{Conflict, ContactField, ContactId, Side, Undo};
use crate::state::use_app_state;

/// Opens or closes a panel; an opened panel takes the focus, so the keyboard lands in it.
fn toggle_and_focus<E>(open: RwSignal<bool>, first: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    open.update(|o| *o = !*o);
    if open.get_untracked() {
        focus_when_drawn(first);
    }
}

#[component]
pub fn DeleteContact(contact: ContactId, name: String) -> impl IntoView {
    let state = use_app_state();
    let navigate = StoredValue::new_local(use_navigate());
    let open = RwSignal::new(false);
    let count = move || state.book().with(|b| b.reach_out_count(&[contact]));
    let delete = move |_| {
        if let Ok(removed) = state.change(|b| b.delete_contacts(&[contact], crate::clock::now())) {
            state.offer_undo(Undo::Restore(removed));
            navigate.with_value(|go| go("/contacts", Default::default()));
        }
    };
    let archive_instead = move |_| {
        let _ = state.change(|b| b.set_archived(contact, true, clock::now()));
        open.set(false);
    };
    // The name sits in its own `<bdi>`: direction marks in it cannot reorder the question.
    let question = {
        let name = name.clone();
        move || {
            let name = name.clone();
            match count() {
                0 => view! { "Delete " <bdi>{name}</bdi> "?" }.into_any(),
                1 => view! { <bdi>{name}</bdi> " has 1 reach-out. What should happen to it?" }
                    .into_any(),
                n => view! {
                    <bdi>{name}</bdi>
                    {format!(" has {n} reach-outs. What should happen to them?")}
                }
                .into_any(),
            }
        }
    };
    let delete_label = move || match count() {
        0 => "Delete".to_string(),
        1 => "Delete the contact and its reach-out".to_string(),
        _ => "Delete the contact and its reach-outs".to_string(),
    };
    let first = NodeRef::<leptos::html::Button>::new();
    let toggle = NodeRef::<leptos::html::Button>::new();
    view! {
        <div class="action-group" on:keydown=close_on_escape(open, toggle)>
        <button type="button" class="button danger" node_ref=toggle aria-expanded=move || open.get().to_string()
            on:click=move |_| toggle_and_focus(open, first)>
            "Delete…"
        </button>
        <Show when=move || open.get()>
            <div class="card confirm" role="alertdialog" aria-labelledby="delete-question">
                <p id="delete-question"><strong>{question.clone()}</strong></p>
                <p class="muted small">"You can undo a delete for a few seconds afterwards."</p>
                <div class="actions">
                    <button type="button" class="button danger" on:click=delete node_ref=first>{delete_label}</button>
                    <Show when=move || { count() > 0 }>
                        <button type="button" class="button" on:click=archive_instead>"Archive instead, keeping the history"</button>
                    </Show>
                    <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </div>
        </Show>
        </div>
    }
}

#[component]
pub fn MergeContact(contact: ContactId) -> impl IntoView {
    let state = use_app_state();
    let open = RwSignal::new(false);
    let other = RwSignal::new(None::<ContactId>);
    let choices = RwSignal::new(Vec::<(ContactField, Side)>::new());
    let error = RwSignal::new(None::<String>);
    let candidates = move || {
        state.book().with(|b| {
            b.contacts_by_name()
                .into_iter()
                .filter(|c| c.id != contact)
                .map(|c| (c.id, c.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let conflicts = move || {
        other
            .get()
            .and_then(|o| state.book().with(|b| b.merge_conflicts(contact, o).ok()))
            .unwrap_or_default()
    };
    let merge = move |_| {
        let Some(merged) = other.get_untracked() else {
            error.set(Some(
                "Pick the duplicate to merge into this contact.".into(),
            ));
            return;
        };
        let chosen = choices.get_untracked();
        match state.change(|b| b.merge_contacts(contact, merged, &chosen, clock::now())) {
            Ok(undo) => {
                state.offer_undo(undo);
                open.set(false);
                other.set(None);
                choices.set(Vec::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let first = NodeRef::<leptos::html::Select>::new();
    let toggle = NodeRef::<leptos::html::Button>::new();
    view! {
        <div class="action-group" on:keydown=close_on_escape(open, toggle)>
        <button type="button" class="button" node_ref=toggle aria-expanded=move || open.get().to_string()
            on:click=move |_| toggle_and_focus(open, first)>
            "Merge with a duplicate…"
        </button>
        <Show when=move || open.get()>
            <div class="card confirm form" role="dialog" aria-labelledby="merge-title">
                <h2 id="merge-title">"Merge a duplicate into this contact"</h2>
                <p class="muted small">"Both histories are kept. The duplicate's record is removed."</p>
                <div class="field">
                    <label for="merge-other">"Duplicate to merge"</label>
                    <select id="merge-other" node_ref=first on:change=move |ev| {
                        choices.set(Vec::new());
                        other.set(event_target_value(&ev).parse().ok());
                    }>
                        <option value="">"Pick a contact"</option>
                        {move || candidates().into_iter().map(|(id, name)| view! {
                            <option value=id.to_string()>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                {move || conflicts().into_iter().map(|conflict| view! { <WhichStays conflict choices/> }).collect_view()}
                {move || error.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                <div class="actions">
                    <button type="button" class="button primary" on:click=merge>"Merge"</button>
                    <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </div>
        </Show>
        </div>
    }
}

/// "Company: which value stays?": one field the two contacts hold differently, this contact's
/// value chosen until the other is picked.
#[component]
fn WhichStays(conflict: Conflict, choices: RwSignal<Vec<(ContactField, Side)>>) -> impl IntoView {
    let field = conflict.field;
    let group = format!("merge-{field:?}");
    let pick = move |side| {
        choices.update(|c| {
            c.retain(|(f, _)| *f != field);
            c.push((field, side));
        })
    };
    view! {
        <fieldset class="choices">
            <legend>{format!("{}: which value stays?", ContactField::label(field))}</legend>
            <label class="check">
                <input type="radio" name=group.clone() checked=true on:change=move |_| pick(Side::Kept)/>
                {conflict.kept}
            </label>
            <label class="check">
                <input type="radio" name=group on:change=move |_| pick(Side::Merged)/>
                {conflict.merged}
            </label>
        </fieldset>
    }
}
