//! The signals behind the contact form's fields, one per field of a `ContactDraft`.

use leptos::prelude::*;

use crate::model::{ContactDraft, ContactField};

/// The signals behind the form's fields.
#[derive(Clone, Copy)]
pub(super) struct Fields {
    pub(super) name: RwSignal<String>,
    pub(super) company: RwSignal<String>,
    pub(super) role: RwSignal<String>,
    pub(super) email: RwSignal<String>,
    pub(super) linkedin: RwSignal<String>,
    pub(super) tags: RwSignal<String>,
    pub(super) notes: RwSignal<String>,
    pub(super) stay_in_touch: RwSignal<String>,
    pub(super) phone: RwSignal<String>,
    pub(super) other_link: RwSignal<String>,
    pub(super) how_we_met: RwSignal<String>,
    pub(super) expected_fear: RwSignal<String>,
}

impl Fields {
    pub(super) fn new(draft: ContactDraft) -> Self {
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
    pub(super) fn draft(self) -> ContactDraft {
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
    pub(super) fn signal(self, field: ContactField) -> RwSignal<String> {
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

    pub(super) fn set(self, draft: ContactDraft) {
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

/// True when `draft` holds anything beyond a name and a company.
pub(super) fn has_details(draft: &ContactDraft) -> bool {
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
