//! The form that adds a contact or edits one; it calls the model and shows its messages. While
//! the person types, it says which contacts they may already have; what they typed is kept (in
//! memory, while the tab is open) when they leave the page before saving; and a new contact can
//! be saved with the form left open for the next one. A new contact needs only a name: the
//! fields beyond name and company fold under "More details", so that on a phone the form's
//! first screen is enough, and its buttons stay in reach while it is longer than the screen.

use std::collections::HashMap;

mod fields;
mod parts;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::clock;
use crate::components::disclosure::Disclosure;
use crate::components::field::{error_for, focus_first_invalid, Field};
use crate::components::focus::focus_selector;
use crate::links::href;
use crate::model::{ContactDraft, ContactField, ContactId, EditConflict, FieldErrors, ModelError};
use crate::state::{use_app_state, AppState};
use fields::{has_details, Fields};
use parts::{Conflicts, DetailFields, Similar};

/// Contact forms left unsaved, by the contact they edit (`None`: a new one): the form as it
/// opened, and what was typed. Kept for the life of the tab, never stored.
#[derive(Clone, Copy)]
pub struct Drafts(StoredValue<HashMap<Option<ContactId>, (ContactDraft, ContactDraft)>>);

impl Drafts {
    /// Moves the unsaved draft of contact `from` to `to`, when a merge renumbered it.
    pub fn move_draft(&self, from: ContactId, to: ContactId) {
        self.0.update_value(|d| {
            if let Some(draft) = d.remove(&Some(from)) {
                d.insert(Some(to), draft);
            }
        });
    }
}

impl Default for Drafts {
    fn default() -> Self {
        Drafts(StoredValue::new(HashMap::new()))
    }
}

/// The form's state: what was typed, the form as it opened, and what saving said. Copy, so
/// that each handler takes it whole.
#[derive(Clone, Copy)]
struct Form {
    state: AppState,
    editing: Option<ContactId>,
    drafts: Drafts,
    fields: Fields,
    /// The form as it opened (an edit saves only the fields that differ from it).
    before: StoredValue<ContactDraft>,
    /// The contact as it is now (or an empty form): what "Discard it" goes back to.
    fresh: StoredValue<ContactDraft>,
    /// True while the form shows a draft kept from earlier in the tab.
    restored: RwSignal<bool>,
    details_open: RwSignal<bool>,
    errors: RwSignal<FieldErrors<ContactField>>,
    general_error: RwSignal<Option<String>>,
    added: RwSignal<Option<(ContactId, String)>>,
    /// Set by the button that submitted: "Save and add another" keeps the form open.
    another: StoredValue<bool>,
    /// Fields another tab changed while this edit was open, and this form changed too: nothing
    /// is saved until the person chooses, for each, their text or the other tab's.
    conflicts: RwSignal<Vec<EditConflict>>,
}

impl Form {
    fn new(editing: Option<ContactId>, initial: ContactDraft) -> Self {
        let drafts = use_context::<Drafts>().unwrap_or_default();
        // A draft left on this form earlier in the tab comes back, with the form as it opened
        // then.
        let kept = drafts.0.with_value(|d| d.get(&editing).cloned());
        let restored = RwSignal::new(kept.is_some());
        let fresh = StoredValue::new(initial.clone());
        let (opened, typed) = kept.unwrap_or_else(|| (initial.clone(), initial));
        // Open when editing, and when what was typed before holds a detail.
        let details_open = RwSignal::new(editing.is_some() || has_details(&typed));
        Form {
            state: use_app_state(),
            editing,
            drafts,
            fields: Fields::new(typed),
            before: StoredValue::new(opened),
            fresh,
            restored,
            details_open,
            errors: RwSignal::new(FieldErrors::default()),
            general_error: RwSignal::new(None),
            added: RwSignal::new(None),
            another: StoredValue::new(false),
            conflicts: RwSignal::new(Vec::new()),
        }
    }

    /// Keeps what was typed for the life of the tab, or forgets it once it is the form as it
    /// opened. Run in an effect: it tracks every field.
    fn keep_draft(self) {
        let typed = self.fields.draft();
        let editing = self.editing;
        self.drafts.0.update_value(|d| {
            if self.before.with_value(|b| *b == typed) {
                d.remove(&editing);
            } else {
                d.insert(editing, (self.before.get_value(), typed));
            }
        });
    }

    fn forget_draft(self) {
        self.drafts
            .0
            .update_value(|d| drop(d.remove(&self.editing)));
    }

    /// Back to the contact as it is now (or an empty form), not as it was when the draft began.
    fn discard(self) {
        self.before.set_value(self.fresh.get_value());
        self.fields.set(self.fresh.get_value());
        self.forget_draft();
        self.restored.set(false);
    }

    /// Answers one conflict: the form now starts from the other tab's text, so an unchanged
    /// field keeps it and a changed one replaces it.
    fn resolve(self, field: ContactField, keep_mine: bool) {
        let Some(found) = self
            .conflicts
            .with_untracked(|c| c.iter().find(|c| c.field == field).cloned())
        else {
            return;
        };
        self.before
            .update_value(|b| *b.field_mut(field) = found.theirs.clone());
        if !keep_mine {
            self.fields.signal(field).set(found.theirs);
        }
        self.conflicts.update(|c| c.retain(|c| c.field != field));
    }

    /// Saves the form. Returns the contact to open, or `None` to stay (a message, or the form
    /// cleared for the next contact).
    fn submit(self) -> Option<ContactId> {
        let draft = self.fields.draft();
        let now = clock::now();
        if let Some(id) = self.editing {
            // Takes in what another tab saved before comparing with it.
            self.state.sync_from_storage();
            let found = self.state.book().with_untracked(|b| {
                self.before
                    .with_value(|before| b.edit_conflicts(id, before, &draft))
            });
            if !found.is_empty() {
                self.conflicts.set(found);
                return None;
            }
        }
        self.conflicts.set(Vec::new());
        let saved = self.state.change(|book| match self.editing {
            Some(id) => self
                .before
                .with_value(|before| book.edit_contact(id, before, &draft, now))
                .map(|()| id),
            None => book.add_contact(&draft, now),
        });
        match saved {
            Ok(id) => {
                self.errors.set(FieldErrors::default());
                self.general_error.set(None);
                self.forget_draft();
                self.restored.set(false);
                if !(self.another.get_value() && self.editing.is_none()) {
                    return Some(id);
                }
                self.fields.set(ContactDraft::default());
                self.forget_draft();
                self.added.set(Some((id, draft.name.trim().to_string())));
                focus_selector("#field-name");
            }
            Err(ModelError::InvalidContact(found)) => {
                // A message on a folded field would be hidden: unfold it first.
                if found
                    .fields()
                    .any(|f| !matches!(f, ContactField::Name | ContactField::Company))
                {
                    self.details_open.set(true);
                }
                self.errors.set(found);
                self.general_error.set(None);
                self.added.set(None);
                focus_first_invalid();
            }
            Err(other) => self.general_error.set(Some(other.to_string())),
        }
        None
    }
}

#[component]
pub fn ContactForm(
    /// The contact being edited; `None` adds a new one.
    editing: Option<ContactId>,
    initial: ContactDraft,
) -> impl IntoView {
    let navigate = use_navigate();
    let form = Form::new(editing, initial);
    let Form { fields, errors, .. } = form;
    Effect::new(move |_| form.keep_draft());
    let similar = Memo::new(move |_| {
        let typed = ContactDraft {
            name: fields.name.get(),
            email: fields.email.get(),
            linkedin: fields.linkedin.get(),
            ..ContactDraft::default()
        };
        form.state
            .book()
            .with(|b| b.similar_contacts(&typed, editing))
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(id) = form.submit() {
            navigate(&format!("/contacts/{id}"), Default::default());
        }
    };
    let submit_label = if editing.is_some() {
        "Save changes"
    } else {
        "Add contact"
    };
    let cancel_href =
        href(&editing.map_or("/contacts".to_string(), |id| format!("/contacts/{id}")));

    view! {
        <form class="card form" novalidate on:submit=on_submit>
            <Show when=move || form.restored.get()>
                <div class="banner draft-note" role="status">
                    <p>"We kept what you were typing here before."</p>
                    <button type="button" class="button small" on:click=move |_| form.discard()>"Discard it"</button>
                </div>
            </Show>
            <p class="status" role="status">{move || form.added.get().map(|(id, name)| view! {
                "Added " <a href=href(&format!("/contacts/{id}"))>{name}</a> ". Type the next one."
            })}</p>
            <Field label="Name" name="name" value=fields.name error=error_for(errors, ContactField::Name) required=true
                autocomplete="off" autofocus=true />
            <Similar similar=similar.into() />
            <Field label="Company" name="company" value=fields.company error=error_for(errors, ContactField::Company)
                autocomplete="off" />
            <Disclosure label="More details".to_string() open=form.details_open>
                <DetailFields fields errors />
            </Disclosure>
            <Conflicts conflicts=form.conflicts resolve=move |field, mine| form.resolve(field, mine) />
            {move || form.general_error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            {move || (errors.with(|e| !e.is_empty())).then(|| view! {
                <p class="form-error" role="alert">"Nothing was saved. Please check the fields marked above."</p>
            })}
            // The main button and Cancel stay in reach (one line on a phone); "Save and add
            // another" follows them.
            <div class="actions sticky-actions">
                <button type="submit" class="button primary" on:click=move |_| form.another.set_value(false)>{submit_label}</button>
                <a class="button" href=cancel_href on:click=move |_| form.forget_draft()>"Cancel"</a>
            </div>
            {editing.is_none().then(|| view! {
                <div class="actions">
                    <button type="submit" class="button" on:click=move |_| form.another.set_value(true)>"Save and add another"</button>
                </div>
            })}
        </form>
    }
}
