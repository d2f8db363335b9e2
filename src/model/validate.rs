//! Field validation shared by the contact and reach-out forms: one message per field,
//! worded for the person filling the form in.

use std::collections::BTreeMap;

/// Length limits, in characters. Generous for people, small enough that one runaway paste
/// cannot fill the browser's storage quota.
pub struct Limits;

impl Limits {
    pub const NAME: usize = 200;
    pub const SHORT_TEXT: usize = 300;
    pub const URL: usize = 2_000;
    pub const TAG: usize = 50;
    pub const TAGS: usize = 30;
    pub const NOTES: usize = 10_000;
    pub const REACH_OUT_NOTE: usize = 2_000;
}

/// Messages keyed by the field they belong to; empty means the input is valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldErrors<F: Ord>(BTreeMap<F, String>);

impl<F: Ord> Default for FieldErrors<F> {
    fn default() -> Self {
        FieldErrors(BTreeMap::new())
    }
}

impl<F: Ord + Copy> FieldErrors<F> {
    pub fn add(&mut self, field: F, message: impl Into<String>) {
        // The first problem found in a field is the one worth telling.
        self.0.entry(field).or_insert_with(|| message.into());
    }

    pub fn get(&self, field: F) -> Option<&str> {
        self.0.get(&field).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn fields(&self) -> impl Iterator<Item = F> + '_ {
        self.0.keys().copied()
    }

    /// `Ok(value)` when no field has a message.
    pub fn into_result<T>(self, value: T) -> Result<T, Self> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

pub(crate) fn check_length(text: &str, max: usize) -> Result<(), String> {
    let count = text.chars().count();
    if count > max {
        Err(format!(
            "This is {count} characters long; the most it can hold is {max}."
        ))
    } else {
        Ok(())
    }
}

/// A practical e-mail check: one `@`, something before it, a dotted domain after it, no spaces.
/// It is a typo catcher, not RFC 5322; the mail client is the real judge.
pub(crate) fn check_email(email: &str) -> Result<(), String> {
    const MESSAGE: &str = "That doesn't look like an e-mail address (like name@example.com).";
    let Some((local, domain)) = email.split_once('@') else {
        return Err(MESSAGE.into());
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    let local_ok =
        !local.is_empty() && !local.contains(char::is_whitespace) && !local.contains('@');
    if local_ok && domain_ok {
        Ok(())
    } else {
        Err(MESSAGE.into())
    }
}

/// Accepts http(s) links only, so a stored link can never run script (`javascript:`) or open
/// something unexpected. A bare address such as `linkedin.com/in/ana` is taken as `https://`.
pub(crate) fn normalize_web_url(input: &str) -> Result<String, String> {
    const NOT_WEB: &str = "Only web links starting with http:// or https:// can be saved here.";
    let url = input.trim();
    if url.contains(char::is_whitespace) {
        return Err("A web link can't contain spaces.".into());
    }
    let lower = url.to_ascii_lowercase();
    let (with_scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (url.to_string(), rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (url.to_string(), rest)
    } else if has_scheme(url) {
        return Err(NOT_WEB.into());
    } else {
        (format!("https://{url}"), lower.as_str())
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    let host_name = host.split(':').next().unwrap_or_default();
    if host_name.is_empty() || !host_name.contains('.') && host_name != "localhost" {
        return Err("That web link has no site name (like https://www.linkedin.com/in/…).".into());
    }
    Ok(with_scheme)
}

/// True when the text starts with `letters:` before any `/`, like `javascript:` or `mailto:`.
fn has_scheme(text: &str) -> bool {
    match text.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && !scheme.contains('/')
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                // `example.com:8080/path` has a port, not a scheme.
                && !scheme.contains('.')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_that_people_type_are_accepted() {
        for email in [
            "ana@example.com",
            "a.b+tag@mail.example.co.uk",
            "jo@exämple.de",
        ] {
            assert_eq!(check_email(email), Ok(()), "{email}");
        }
    }

    #[test]
    fn malformed_emails_are_refused() {
        for email in [
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "ana@@example.com",
            "ana @example.com",
            "ana@example..com",
            "ana@.example.com",
            "ana@example.com.",
        ] {
            assert!(check_email(email).is_err(), "{email}");
        }
    }

    #[test]
    fn web_links_keep_their_scheme_or_gain_https() {
        assert_eq!(
            normalize_web_url("https://www.linkedin.com/in/ana").unwrap(),
            "https://www.linkedin.com/in/ana"
        );
        assert_eq!(
            normalize_web_url("HTTP://Example.com").unwrap(),
            "HTTP://Example.com"
        );
        assert_eq!(
            normalize_web_url("linkedin.com/in/ana").unwrap(),
            "https://linkedin.com/in/ana"
        );
        assert_eq!(
            normalize_web_url("example.com:8080/x").unwrap(),
            "https://example.com:8080/x"
        );
    }

    #[test]
    fn links_that_are_not_http_are_refused() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,hi",
            "ftp://example.com",
            "mailto:ana@example.com",
            "https://",
            "https:///path",
            "not a link",
            "localhost-ish",
        ] {
            assert!(normalize_web_url(url).is_err(), "{url}");
        }
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        assert!(check_length("ééé", 3).is_ok());
        assert!(check_length("éééé", 3).is_err());
    }
}
