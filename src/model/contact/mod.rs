//! A contact: someone the user reaches out to, and the form that creates or edits one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

mod conflicts;

pub use conflicts::{edit_conflicts, EditConflict};

use super::courage::parse_level;
use super::validate::{
    check_email, check_length, check_name, check_one_line, check_phone, normalize_web_url,
    parse_in_range, FieldErrors, Limits,
};
use super::words::grouped;
use super::ContactId;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub linkedin: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// "Stay in touch every N days", if the user set a rhythm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stay_in_touch_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stay_in_touch_snoozed_until: Option<chrono::NaiveDate>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// A web link besides LinkedIn: a site, a portfolio, a profile elsewhere.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub other_link: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub how_we_met: String,
    /// How hard reaching out to them feels, 0–10: their rung on the courage ladder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_fear: Option<u32>,
}

impl Contact {
    /// "Designer at Acme" in parts: the role and the company that are filled in, in that
    /// order; a view joins them with " at ", each part isolated for direction.
    pub fn role_at_company(&self) -> Vec<&str> {
        [self.role.as_str(), self.company.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// The fields of the contact form, for attaching a message to the right input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContactField {
    Name,
    Company,
    Role,
    Email,
    Linkedin,
    Tags,
    Notes,
    StayInTouch,
    Phone,
    OtherLink,
    HowWeMet,
    ExpectedFear,
}

impl ContactField {
    pub const ALL: [ContactField; 12] = [
        ContactField::Name,
        ContactField::Company,
        ContactField::Role,
        ContactField::Email,
        ContactField::Linkedin,
        ContactField::Tags,
        ContactField::Notes,
        ContactField::StayInTouch,
        ContactField::Phone,
        ContactField::OtherLink,
        ContactField::HowWeMet,
        ContactField::ExpectedFear,
    ];

    /// The field's name as the form shows it.
    pub fn label(self) -> &'static str {
        match self {
            ContactField::Name => "Name",
            ContactField::Company => "Company",
            ContactField::Role => "Role",
            ContactField::Email => "Email",
            ContactField::Linkedin => "LinkedIn profile",
            ContactField::Tags => "Tags",
            ContactField::Notes => "Notes",
            ContactField::StayInTouch => "Stay in touch",
            ContactField::Phone => "Phone",
            ContactField::OtherLink => "Other link",
            ContactField::HowWeMet => "How we met",
            ContactField::ExpectedFear => "How hard it feels",
        }
    }
}

/// What the user typed into the contact form, before validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactDraft {
    pub name: String,
    pub company: String,
    pub role: String,
    pub email: String,
    pub linkedin: String,
    /// Comma-separated, as typed.
    pub tags: String,
    pub notes: String,
    /// "Stay in touch every N days": empty for none.
    pub stay_in_touch_days: String,
    pub phone: String,
    pub other_link: String,
    pub how_we_met: String,
    /// "How hard does it feel?" 0–10, empty for not said.
    pub expected_fear: String,
}

/// A draft that passed validation: trimmed, links normalised, tags split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ValidContact {
    pub name: String,
    pub company: String,
    pub role: String,
    pub email: String,
    pub linkedin: String,
    pub tags: Vec<String>,
    pub notes: String,
    pub stay_in_touch_days: Option<u32>,
    pub phone: String,
    pub other_link: String,
    pub how_we_met: String,
    pub expected_fear: Option<u32>,
}

impl ValidContact {
    /// The one place a checked form reaches a contact: writes each field for which `touched`
    /// holds. A new stay-in-touch rhythm lets go of its snooze. True when anything was written.
    pub(crate) fn apply(
        self,
        contact: &mut Contact,
        touched: impl Fn(ContactField) -> bool,
    ) -> bool {
        let ValidContact {
            name,
            company,
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
        } = self;
        let mut changed = false;
        let mut text = |field: ContactField, slot: &mut String, value: String| {
            if touched(field) {
                *slot = value;
                changed = true;
            }
        };
        text(ContactField::Name, &mut contact.name, name);
        text(ContactField::Company, &mut contact.company, company);
        text(ContactField::Role, &mut contact.role, role);
        text(ContactField::Email, &mut contact.email, email);
        text(ContactField::Linkedin, &mut contact.linkedin, linkedin);
        text(ContactField::Notes, &mut contact.notes, notes);
        text(ContactField::Phone, &mut contact.phone, phone);
        text(ContactField::OtherLink, &mut contact.other_link, other_link);
        text(ContactField::HowWeMet, &mut contact.how_we_met, how_we_met);
        if touched(ContactField::Tags) {
            contact.tags = tags;
            changed = true;
        }
        if touched(ContactField::ExpectedFear) {
            contact.expected_fear = expected_fear;
            changed = true;
        }
        if touched(ContactField::StayInTouch) && contact.stay_in_touch_days != stay_in_touch_days {
            contact.stay_in_touch_days = stay_in_touch_days;
            contact.stay_in_touch_snoozed_until = None;
            changed = true;
        }
        changed
    }
}

impl ContactDraft {
    /// The form pre-filled from a saved contact, for editing.
    pub fn from_contact(contact: &Contact) -> Self {
        ContactDraft {
            name: contact.name.clone(),
            company: contact.company.clone(),
            role: contact.role.clone(),
            email: contact.email.clone(),
            linkedin: contact.linkedin.clone(),
            tags: contact.tags.join(", "),
            notes: contact.notes.clone(),
            stay_in_touch_days: contact
                .stay_in_touch_days
                .map(|days| days.to_string())
                .unwrap_or_default(),
            phone: contact.phone.clone(),
            other_link: contact.other_link.clone(),
            how_we_met: contact.how_we_met.clone(),
            expected_fear: contact
                .expected_fear
                .map(|level| level.to_string())
                .unwrap_or_default(),
        }
    }

    /// The text of one field, as typed.
    pub fn field(&self, field: ContactField) -> &str {
        match field {
            ContactField::Name => &self.name,
            ContactField::Company => &self.company,
            ContactField::Role => &self.role,
            ContactField::Email => &self.email,
            ContactField::Linkedin => &self.linkedin,
            ContactField::Tags => &self.tags,
            ContactField::Notes => &self.notes,
            ContactField::StayInTouch => &self.stay_in_touch_days,
            ContactField::Phone => &self.phone,
            ContactField::OtherLink => &self.other_link,
            ContactField::HowWeMet => &self.how_we_met,
            ContactField::ExpectedFear => &self.expected_fear,
        }
    }

    /// The text of one field, to change it.
    pub fn field_mut(&mut self, field: ContactField) -> &mut String {
        match field {
            ContactField::Name => &mut self.name,
            ContactField::Company => &mut self.company,
            ContactField::Role => &mut self.role,
            ContactField::Email => &mut self.email,
            ContactField::Linkedin => &mut self.linkedin,
            ContactField::Tags => &mut self.tags,
            ContactField::Notes => &mut self.notes,
            ContactField::StayInTouch => &mut self.stay_in_touch_days,
            ContactField::Phone => &mut self.phone,
            ContactField::OtherLink => &mut self.other_link,
            ContactField::HowWeMet => &mut self.how_we_met,
            ContactField::ExpectedFear => &mut self.expected_fear,
        }
    }

    pub(crate) fn validate(&self) -> Result<ValidContact, FieldErrors<ContactField>> {
        let mut errors = FieldErrors::default();
        let mut short = |field, text: &str, max| {
            let text = text.trim();
            if let Err(message) = check_length(text, max) {
                errors.add(field, message);
            } else if let Err(message) = check_one_line(text) {
                errors.add(field, message);
            }
            text.to_string()
        };
        let name = short(ContactField::Name, &self.name, Limits::NAME);
        let company = short(ContactField::Company, &self.company, Limits::SHORT_TEXT);
        let role = short(ContactField::Role, &self.role, Limits::SHORT_TEXT);
        let email = short(ContactField::Email, &self.email, Limits::SHORT_TEXT);
        let linkedin_input = short(ContactField::Linkedin, &self.linkedin, Limits::URL);
        let phone = short(ContactField::Phone, &self.phone, Limits::SHORT_TEXT);
        let other_input = short(ContactField::OtherLink, &self.other_link, Limits::URL);
        let how_we_met = short(ContactField::HowWeMet, &self.how_we_met, Limits::SHORT_TEXT);

        if name.is_empty() {
            errors.add(ContactField::Name, "Please enter a name.");
        } else if let Err(invalid) = check_name(&name) {
            errors.add(ContactField::Name, invalid);
        }
        if !email.is_empty() {
            if let Err(message) = check_email(&email) {
                errors.add(ContactField::Email, message);
            }
        }
        if !phone.is_empty() {
            if let Err(message) = check_phone(&phone) {
                errors.add(ContactField::Phone, message);
            }
        }
        let mut link = |field, input: &str| {
            if input.is_empty() {
                return String::new();
            }
            // `https://` may have been added: the stored link must fit the limit too.
            match normalize_web_url(input)
                .and_then(|url| check_length(&url, Limits::URL).map(|()| url))
            {
                Ok(url) => url,
                Err(message) => {
                    errors.add(field, message);
                    String::new()
                }
            }
        };
        let linkedin = link(ContactField::Linkedin, &linkedin_input);
        let other_link = link(ContactField::OtherLink, &other_input);
        let expected_fear = parse_level(&self.expected_fear)
            .map_err(|e| errors.add(ContactField::ExpectedFear, e))
            .unwrap_or_default();

        let tags = split_tags(&self.tags);
        if tags.len() > Limits::TAGS {
            errors.add(
                ContactField::Tags,
                format!(
                    "That is {} tags; the most a contact can have is {}.",
                    grouped(tags.len()),
                    Limits::TAGS
                ),
            );
        }
        if let Some(long) = tags.iter().find(|tag| tag.chars().count() > Limits::TAG) {
            errors.add(
                ContactField::Tags,
                format!(
                    "The tag \"{}…\" is too long; a tag holds at most {} characters.",
                    long.chars().take(20).collect::<String>(),
                    Limits::TAG
                ),
            );
        }

        // Notes keep their inner line breaks; only the ends are trimmed.
        let notes = self.notes.trim().to_string();
        if let Err(message) = check_length(&notes, Limits::NOTES) {
            errors.add(ContactField::Notes, message);
        }

        let rhythm = self.stay_in_touch_days.trim();
        let stay_in_touch_days = if rhythm.is_empty() {
            None
        } else {
            match parse_in_range(rhythm, Limits::STAY_IN_TOUCH_DAYS, "days") {
                Ok(days) => Some(days),
                Err(invalid) => {
                    errors.add(
                        ContactField::StayInTouch,
                        format!("{invalid} Or leave it empty."),
                    );
                    None
                }
            }
        };

        errors.into_result(ValidContact {
            name,
            company,
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
        })
    }
}

/// Splits "a, b ,,B" into ["a", "b"]: trimmed, empty ones dropped, duplicates (ignoring case) once.
fn split_tags(input: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in input.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags
            .iter()
            .any(|seen| seen.to_lowercase() == tag.to_lowercase())
        {
            tags.push(tag.to_string());
        }
    }
    tags
}

#[cfg(test)]
mod tests;
