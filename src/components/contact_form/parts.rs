//! The parts of the contact form below its first two fields: the folded details, the choice
//! between this form's text and another tab's, and the contacts the one being typed may
//! duplicate.

use leptos::prelude::*;

use super::fields::Fields;
use crate::components::field::{error_for, Field, FieldKind};
use crate::components::scale::Scale;
use crate::links::href;
use crate::model::{ContactField, EditConflict, FieldErrors, SameAs};

/// The fields under "More details".
#[component]
pub(super) fn DetailFields(
    fields: Fields,
    errors: RwSignal<FieldErrors<ContactField>>,
) -> impl IntoView {
    let error = move |field| error_for(errors, field);
    view! {
        <div class="stack details-fields">
        <Field label="Role" name="role" value=fields.role error=error(ContactField::Role)
            autocomplete="off" />
        <Scale legend="How hard does reaching out to them feel?" name="expected-fear" value=fields.expected_fear
            low="easy" high="very hard" error=error(ContactField::ExpectedFear) />
        <p class="hint">"Optional. Your courage ladder on Today suggests the easiest step first, and a harder one after a good week."</p>
        <div class="field-row">
            <Field label="Email" name="email" value=fields.email error=error(ContactField::Email)
                kind=FieldKind::Email autocomplete="off" />
            <Field label="Phone" name="phone" value=fields.phone error=error(ContactField::Phone)
                kind=FieldKind::Tel autocomplete="off" />
        </div>
        <Field label="LinkedIn profile" name="linkedin" value=fields.linkedin error=error(ContactField::Linkedin)
            kind=FieldKind::Url hint="A web address, like https://www.linkedin.com/in/their-name" />
        <Field label="Other link" name="other-link" value=fields.other_link error=error(ContactField::OtherLink)
            kind=FieldKind::Url hint="Their site, portfolio or a profile elsewhere." />
        <Field label="How we met" name="how-we-met" value=fields.how_we_met error=error(ContactField::HowWeMet)
            hint="Like: the design meetup in March. Message templates can use it (“since the design meetup in March”)." />
        <Field label="Tags" name="tags" value=fields.tags error=error(ContactField::Tags)
            hint="Separate tags with commas, like: mentor, design, Berlin" />
        <Field label="Notes" name="notes" value=fields.notes error=error(ContactField::Notes)
            kind=FieldKind::Multiline hint="What you have in common, what you could ask." />
        <Field
            label="Stay in touch every … days"
            name="stay-in-touch"
            value=fields.stay_in_touch
            error=error(ContactField::StayInTouch)
            kind=FieldKind::Number
            hint="Optional. Today reminds you when it has been longer than this since you were last in touch."
        />
        </div>
    }
}

/// Fields another tab changed while this edit was open, each with "Use mine" and "Keep theirs";
/// `resolve(field, keep_mine)` answers one.
#[component]
pub(super) fn Conflicts(
    conflicts: RwSignal<Vec<EditConflict>>,
    resolve: impl Fn(ContactField, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
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
    }
}

/// "You already have Anna Meyer": the contacts the one being typed may duplicate, each a link.
/// Saving is still allowed: two people can share a name.
#[component]
pub(super) fn Similar(similar: Signal<Vec<crate::model::Similar>>) -> impl IntoView {
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
