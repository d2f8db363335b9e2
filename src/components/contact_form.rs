//! The form that adds a contact or edits one; it calls the model and shows its messages.

use crate::links::href;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::clock;
use crate::components::field::{error_for, focus_first_invalid, Field, FieldKind};
use crate::components::scale::Scale;
use crate::model::{ContactDraft, ContactField, ContactId, FieldErrors, ModelError};
use crate::state::use_app_state;

#[component]
pub fn ContactForm(
    /// The contact being edited; `None` adds a new one.
    editing: Option<ContactId>,
    initial: ContactDraft,
) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();

    // The form as it opened: an edit saves only the fields that differ from it.
    let before = StoredValue::new(initial.clone());
    let name = RwSignal::new(initial.name);
    let company = RwSignal::new(initial.company);
    let role = RwSignal::new(initial.role);
    let email = RwSignal::new(initial.email);
    let linkedin = RwSignal::new(initial.linkedin);
    let tags = RwSignal::new(initial.tags);
    let notes = RwSignal::new(initial.notes);
    let stay_in_touch = RwSignal::new(initial.stay_in_touch_days);
    let phone = RwSignal::new(initial.phone);
    let other_link = RwSignal::new(initial.other_link);
    let how_we_met = RwSignal::new(initial.how_we_met);
    let expected_fear = RwSignal::new(initial.expected_fear);

    let errors = RwSignal::new(FieldErrors::<ContactField>::default());
    let general_error = RwSignal::new(None::<String>);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ContactDraft {
            name: name.get_untracked(),
            company: company.get_untracked(),
            role: role.get_untracked(),
            email: email.get_untracked(),
            linkedin: linkedin.get_untracked(),
            tags: tags.get_untracked(),
            notes: notes.get_untracked(),
            stay_in_touch_days: stay_in_touch.get_untracked(),
            phone: phone.get_untracked(),
            other_link: other_link.get_untracked(),
            how_we_met: how_we_met.get_untracked(),
            expected_fear: expected_fear.get_untracked(),
        };
        let now = clock::now();
        let saved = state.change(|book| match editing {
            Some(id) => before
                .with_value(|before| book.edit_contact(id, before, &draft, now))
                .map(|()| id),
            None => book.add_contact(&draft, now),
        });
        match saved {
            Ok(id) => {
                errors.set(FieldErrors::default());
                navigate(&format!("/contacts/{id}"), Default::default());
            }
            Err(ModelError::InvalidContact(found)) => {
                errors.set(found);
                general_error.set(None);
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
            <Field label="Name" name="name" value=name error=error_for(errors, ContactField::Name) required=true
                autocomplete="off" />
            <div class="field-row">
                <Field label="Company" name="company" value=company error=error_for(errors, ContactField::Company)
                    autocomplete="off" />
                <Field label="Role" name="role" value=role error=error_for(errors, ContactField::Role)
                    autocomplete="off" />
            </div>
            <div class="field-row">
                <Field label="Email" name="email" value=email error=error_for(errors, ContactField::Email)
                    kind=FieldKind::Email autocomplete="off" />
                <Field label="Phone" name="phone" value=phone error=error_for(errors, ContactField::Phone)
                    kind=FieldKind::Tel autocomplete="off" />
            </div>
            <Field label="LinkedIn profile" name="linkedin" value=linkedin error=error_for(errors, ContactField::Linkedin)
                kind=FieldKind::Url hint="A web address, like https://www.linkedin.com/in/their-name" />
            <Field label="Other link" name="other-link" value=other_link error=error_for(errors, ContactField::OtherLink)
                kind=FieldKind::Url hint="Their site, portfolio or a profile elsewhere." />
            <Field label="How we met" name="how-we-met" value=how_we_met error=error_for(errors, ContactField::HowWeMet)
                hint="Like: the design meetup in March. Message templates can use it (“since the design meetup in March”)." />
            <Field label="Tags" name="tags" value=tags error=error_for(errors, ContactField::Tags)
                hint="Separate tags with commas, like: mentor, design, Berlin" />
            <Field label="Notes" name="notes" value=notes error=error_for(errors, ContactField::Notes)
                kind=FieldKind::Multiline hint="What you have in common, what you could ask." />
            <Field
                label="Stay in touch every … days"
                name="stay-in-touch"
                value=stay_in_touch
                error=error_for(errors, ContactField::StayInTouch)
                kind=FieldKind::Number
                hint="Optional. Today reminds you when it has been longer than this since you were last in touch."
            />
            <Scale legend="How hard does reaching out to them feel?" name="expected-fear" value=expected_fear
                low="easy" high="very hard" error=error_for(errors, ContactField::ExpectedFear) />
            <p class="hint">"Optional. Your courage ladder on Today suggests the easiest step first, and a harder one after a good week."</p>
            {move || general_error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            {move || (errors.with(|e| !e.is_empty())).then(|| view! {
                <p class="form-error" role="alert">"Nothing was saved. Please check the fields marked above."</p>
            })}
            <div class="actions">
                <button type="submit" class="button primary">{submit_label}</button>
                <a class="button" href=cancel_href>"Cancel"</a>
            </div>
        </form>
    }
}
