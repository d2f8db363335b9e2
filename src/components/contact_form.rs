//! The form that adds a contact or edits one; it calls the model and shows its messages. While
//! the person types, it says which contacts they may already have; what they typed is kept (in
//! memory, while the tab is open) when they leave the page before saving; and a new contact can
//! be saved with the form left open for the next one. A new contact needs only a name: the
//! fields beyond name and company fold under "More details", so that on a phone the form's
//! first screen is enough, and its buttons stay in reach while it is longer than the screen.

use std::collections::HashMap;

use crate::links::href;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::clock;
use crate::components::disclosure::Disclosure;
use crate::components::field::{error_for, focus_first_invalid, Field, FieldKind};
use crate::components::focus::focus_selector;
use crate::components::scale::Scale;
use crate::model::{
    ContactDraft, ContactField, ContactId, EditConflict, FieldErrors, ModelError, SameAs,
};
use crate::state::use_app_state;

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

/// The signals behind the form's fields.
#[derive(Clone, Copy)]
struct Fields {
    name: RwSignal<String>,
    company: RwSignal<String>,
    role: RwSignal<String>,
    email: RwSignal<String>,
    linkedin: RwSignal<String>,
    tags: RwSignal<String>,
    notes: RwSignal<String>,
    stay_in_touch: RwSignal<String>,
    phone: RwSignal<String>,
    other_link: RwSignal<String>,
    how_we_met: RwSignal<String>,
    expected_fear: RwSignal<String>,
}

impl Fields {
    fn new(draft: ContactDraft) -> Self {
        Fields {
            name: RwSignal::new(draft.name),
            company: RwSignal::new(draft.company),
            role: RwSignal::new(draft.role),
            email: RwSignal::new(draft.email),
            linkedin: RwSignal::new(draft.linkedin),
            tags: RwSignal::new(draft.tags),
            notes: RwSignal::new(draft.notes),
            stay_in_touch: RwSignal::new(draft.stay_in_touch_days),
            phone: RwSignal::new(draft.phone),
            other_link: RwSignal::new(draft.other_link),
            how_we_met: RwSignal::new(draft.how_we_met),
            expected_fear: RwSignal::new(draft.expected_fear),
        }
    }

    /// The draft as typed; tracked when read inside an effect.
    fn draft(self) -> ContactDraft {
        ContactDraft {
            name: self.name.get(),
            company: self.company.get(),
            role: self.role.get(),
            email: self.email.get(),
            linkedin: self.linkedin.get(),
            tags: self.tags.get(),
            notes: self.notes.get(),
            stay_in_touch_days: self.stay_in_touch.get(),
            phone: self.phone.get(),
            other_link: self.other_link.get(),
            how_we_met: self.how_we_met.get(),
            expected_fear: self.expected_fear.get(),
        }
    }

    /// The signal behind one field.
    fn signal(self, field: ContactField) -> RwSignal<String> {
        match field {
            ContactField::Name => self.name,
            ContactField::Company => self.company,
            ContactField::Role => self.role,
            ContactField::Email => self.email,
            ContactField::Linkedin => self.linkedin,
            ContactField::Tags => self.tags,
            ContactField::Notes => self.notes,
            ContactField::StayInTouch => self.stay_in_touch,
            ContactField::Phone => self.phone,
            ContactField::OtherLink => self.other_link,
            ContactField::HowWeMet => self.how_we_met,
            ContactField::ExpectedFear => self.expected_fear,
        }
    }

    fn set(self, draft: ContactDraft) {
        self.name.set(draft.name);
        self.company.set(draft.company);
        self.role.set(draft.role);
        self.email.set(draft.email);
        self.linkedin.set(draft.linkedin);
        self.tags.set(draft.tags);
        self.notes.set(draft.notes);
        self.stay_in_touch.set(draft.stay_in_touch_days);
        self.phone.set(draft.phone);
        self.other_link.set(draft.other_link);
        self.how_we_met.set(draft.how_we_met);
        self.expected_fear.set(draft.expected_fear);
    }
}

#[component]
pub fn ContactForm(
    /// The contact being edited; `None` adds a new one.
    editing: Option<ContactId>,
    initial: ContactDraft,
) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let drafts = use_context::<Drafts>().unwrap_or_default();

    // A draft left on this form earlier in the tab comes back, with the form as it opened then
    // (an edit saves only the fields that differ from it).
    let kept = drafts.0.with_value(|d| d.get(&editing).cloned());
    let restored = RwSignal::new(kept.is_some());
    let fresh = StoredValue::new(initial.clone());
    let (opened, typed) = kept.unwrap_or_else(|| (initial.clone(), initial));
    let before = StoredValue::new(opened);
    // Open when editing, and when what was typed before holds a detail.
    let details_open = RwSignal::new(editing.is_some() || has_details(&typed));
    let fields = Fields::new(typed);
    Effect::new(move |_| {
        let typed = fields.draft();
        drafts.0.update_value(|d| {
            if before.with_value(|b| *b == typed) {
                d.remove(&editing);
            } else {
                d.insert(editing, (before.get_value(), typed));
            }
        });
    });
    let forget_draft = move || drafts.0.update_value(|d| drop(d.remove(&editing)));
    // Back to the contact as it is now (or an empty form), not as it was when the draft began.
    let discard = move |_| {
        before.set_value(fresh.get_value());
        fields.set(fresh.get_value());
        forget_draft();
        restored.set(false);
    };

    let errors = RwSignal::new(FieldErrors::<ContactField>::default());
    let general_error = RwSignal::new(None::<String>);
    let added = RwSignal::new(None::<(ContactId, String)>);
    // Set by the button that submitted: "Save and add another" keeps the form open.
    let another = StoredValue::new(false);

    let similar = Memo::new(move |_| {
        let typed = ContactDraft {
            name: fields.name.get(),
            email: fields.email.get(),
            linkedin: fields.linkedin.get(),
            ..ContactDraft::default()
        };
        state.book().with(|b| b.similar_contacts(&typed, editing))
    });

    // Fields another tab changed while this edit was open, and this form changed too: nothing
    // is saved until the person chooses, for each, their text or the other tab's.
    let conflicts = RwSignal::new(Vec::<EditConflict>::new());
    let resolve = move |field: ContactField, keep_mine: bool| {
        let Some(found) =
            conflicts.with_untracked(|c| c.iter().find(|c| c.field == field).cloned())
        else {
            return;
        };
        // The form now starts from the other tab's text: an unchanged field keeps it, a
        // changed one replaces it.
        before.update_value(|b| *b.field_mut(field) = found.theirs.clone());
        if !keep_mine {
            fields.signal(field).set(found.theirs);
        }
        conflicts.update(|c| c.retain(|c| c.field != field));
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = fields.draft();
        let now = clock::now();
        if let Some(id) = editing {
            // Takes in what another tab saved before comparing with it.
            state.sync_from_storage();
            let found = state.book().with_untracked(|b| {
                before.with_value(|before| b.edit_conflicts(id, before, &draft))
            });
            if !found.is_empty() {
                conflicts.set(found);
                return;
            }
        }
        conflicts.set(Vec::new());
        let saved = state.change(|book| match editing {
            Some(id) => before
                .with_value(|before| book.edit_contact(id, before, &draft, now))
                .map(|()| id),
            None => book.add_contact(&draft, now),
        });
        match saved {
            Ok(id) => {
                errors.set(FieldErrors::default());
                general_error.set(None);
                forget_draft();
                restored.set(false);
                if another.get_value() && editing.is_none() {
                    fields.set(ContactDraft::default());
                    forget_draft();
                    added.set(Some((id, draft.name.trim().to_string())));
                    focus_selector("#field-name");
                } else {
                    navigate(&format!("/contacts/{id}"), Default::default());
                }
            }
            Err(ModelError::InvalidContact(found)) => {
                // A message on a folded field would be hidden: unfold it first.
                if found
                    .fields()
                    .any(|f| !matches!(f, ContactField::Name | ContactField::Company))
                {
                    details_open.set(true);
                }
                errors.set(found);
                general_error.set(None);
                added.set(None);
                focus_first_invalid();
            }
            Err(other) => general_error.set(Some(other.to_string())),
        }
    };

    let submit_label = if editing.is_some() {
        "Save changes"
    } else {
        "Add contact"
    };
    let cancel_href = match editing {
        Some(id) => href(&format!("/contacts/{id}")),
        None => href("/contacts"),
    };

    view! {
        <form class="card form" novalidate on:submit=on_submit>
            <Show when=move || restored.get()>
                <div class="banner draft-note" role="status">
                    <p>"We kept what you were typing here before."</p>
                    <button type="button" class="button small" on:click=discard>"Discard it"</button>
                </div>
            </Show>
            <p class="status" role="status">{move || added.get().map(|(id, name)| view! {
                "Added " <a href=href(&format!("/contacts/{id}"))>{name}</a> ". Type the next one."
            })}</p>
            <Field label="Name" name="name" value=fields.name error=error_for(errors, ContactField::Name) required=true
                autocomplete="off" autofocus=true />
            <Similar similar=similar.into() />
            <Field label="Company" name="company" value=fields.company error=error_for(errors, ContactField::Company)
                autocomplete="off" />
            <Disclosure label="More details".to_string() open=details_open>
                <div class="stack details-fields">
                <Field label="Role" name="role" value=fields.role error=error_for(errors, ContactField::Role)
                    autocomplete="off" />
                <Scale legend="How hard does reaching out to them feel?" name="expected-fear" value=fields.expected_fear
                    low="easy" high="very hard" error=error_for(errors, ContactField::ExpectedFear) />
                <p class="hint">"Optional. Your courage ladder on Today suggests the easiest step first, and a harder one after a good week."</p>
                <div class="field-row">
                    <Field label="Email" name="email" value=fields.email error=error_for(errors, ContactField::Email)
                        kind=FieldKind::Email autocomplete="off" />
                    <Field label="Phone" name="phone" value=fields.phone error=error_for(errors, ContactField::Phone)
                        kind=FieldKind::Tel autocomplete="off" />
                </div>
                <Field label="LinkedIn profile" name="linkedin" value=fields.linkedin error=error_for(errors, ContactField::Linkedin)
                    kind=FieldKind::Url hint="A web address, like https://www.linkedin.com/in/their-name" />
                <Field label="Other link" name="other-link" value=fields.other_link error=error_for(errors, ContactField::OtherLink)
                    kind=FieldKind::Url hint="Their site, portfolio or a profile elsewhere." />
                <Field label="How we met" name="how-we-met" value=fields.how_we_met error=error_for(errors, ContactField::HowWeMet)
                    hint="Like: the design meetup in March. Message templates can use it (“since the design meetup in March”)." />
                <Field label="Tags" name="tags" value=fields.tags error=error_for(errors, ContactField::Tags)
                    hint="Separate tags with commas, like: mentor, design, Berlin" />
                <Field label="Notes" name="notes" value=fields.notes error=error_for(errors, ContactField::Notes)
                    kind=FieldKind::Multiline hint="What you have in common, what you could ask." />
                <Field
                    label="Stay in touch every … days"
                    name="stay-in-touch"
                    value=fields.stay_in_touch
                    error=error_for(errors, ContactField::StayInTouch)
                    kind=FieldKind::Number
                    hint="Optional. Today reminds you when it has been longer than this since you were last in touch."
                />
                </div>
            </Disclosure>
            <Show when=move || conflicts.with(|c| !c.is_empty())>
                <div class="banner conflict" role="alert">
                    <p><strong>"Another tab changed this contact while you were editing. Nothing was saved yet: choose which text to keep, then save."</strong></p>
                    <ul class="plain-list">
                        {move || conflicts.get().into_iter().map(|c| {
                            let field = c.field;
                            let label = field.label();
                            view! {
                                <li class="stack">
                                    <p>{format!("{label}: the other tab saved ")}<q class="note">{c.theirs.clone()}</q>
                                        {"; your text is "}<q class="note">{c.mine.clone()}</q></p>
                                    <div class="actions">
                                        <button type="button" class="button small" on:click=move |_| resolve(field, true)>
                                            {format!("Use mine: {label}")}
                                        </button>
                                        <button type="button" class="button small" on:click=move |_| resolve(field, false)>
                                            {format!("Keep theirs: {label}")}
                                        </button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            {move || general_error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            {move || (errors.with(|e| !e.is_empty())).then(|| view! {
                <p class="form-error" role="alert">"Nothing was saved. Please check the fields marked above."</p>
            })}
            // The main button and Cancel stay in reach (one line on a phone); "Save and add
            // another" follows them.
            <div class="actions sticky-actions">
                <button type="submit" class="button primary" on:click=move |_| another.set_value(false)>{submit_label}</button>
                <a class="button" href=cancel_href on:click=move |_| forget_draft()>"Cancel"</a>
            </div>
            {editing.is_none().then(|| view! {
                <div class="actions">
                    <button type="submit" class="button" on:click=move |_| another.set_value(true)>"Save and add another"</button>
                </div>
            })}
        </form>
    }
}

/// True when `draft` holds anything beyond a name and a company.
fn has_details(draft: &ContactDraft) -> bool {
    let ContactDraft {
        name: _,
        company: _,
        role,
        email,
        linkedin,
        tags,
        notes,
        stay_in_touch_days,
        phone,
        other_link,
        how_we_met,
        expected_fear,
    } = draft;
    [
        role,
        email,
        linkedin,
        tags,
        notes,
        stay_in_touch_days,
        phone,
        other_link,
        how_we_met,
        expected_fear,
    ]
    .iter()
    .any(|field| !field.trim().is_empty())
}

/// "You already have Anna Meyer": the contacts the one being typed may duplicate, each a link.
/// Saving is still allowed: two people can share a name.
#[component]
fn Similar(similar: Signal<Vec<crate::model::Similar>>) -> impl IntoView {
    view! {
        <div class="similar" aria-live="polite">
            {move || similar.get().into_iter().map(|s| {
                let why = match s.same {
                    SameAs::Name => "",
                    SameAs::Email => " with this email",
                    SameAs::Linkedin => " with this LinkedIn profile",
                };
                view! {
                    <p class="similar-note">
                        "You already have "
                        <a href=href(&format!("/contacts/{}", s.id))>{s.name}</a>
                        {why} ". Is it the same person? You can still save this one, and what you typed here waits if you open theirs."
                    </p>
                }
            }).collect_view()}
        </div>
    }
}
