//! The limits' own rules, one by one.

use super::*;
use crate::model::words::{grouped, one_decimal};

#[test]
fn single_line_fields_hold_one_line() {
    for bad in [
        "Ana\u{7}",
        "A\u{1b}[31m",
        "A\u{1c}B",
        "A\u{1e}",
        "A\u{b}",
        "A\u{c}",
        "A\u{85}B",
        "A\u{2028}B",
        "A\u{2029}",
        "A\nB",
        "A\tB",
    ] {
        assert_eq!(check_one_line(bad), Err(Invalid::NotOneLine), "{bad:?}");
    }
    assert_eq!(check_one_line("Zoë van der Berg"), Ok(()));
    assert_eq!(to_one_line("Ana\u{2028}Lima\u{7}"), "Ana Lima");
    assert_eq!(to_one_line("\u{1b}Ana"), "Ana");
}

#[test]
fn links_and_addresses_that_lie_are_refused() {
    for email in [
        "x?cc=evil@example.com",
        "a&b@example.com",
        "a%40b@example.com",
        "a#b@example.com",
    ] {
        assert_eq!(check_email(email), Err(Invalid::NotEmail), "{email}");
    }
    assert_eq!(check_email("ana.lima+work@example.com"), Ok(()));
    for link in [
        "https://www.linkedin.com@evil.example/in/five",
        "http://user:pass@host.example/",
        "linkedin.com@evil.example",
    ] {
        assert_eq!(
            normalize_web_url(link),
            Err(Invalid::LinkWithUser),
            "{link}"
        );
        assert!(!is_web_link(link), "{link}");
    }
    assert!(is_web_link("https://www.linkedin.com/in/ana?trk=a@b"));
}

#[test]
fn one_decimal_rounds_to_tenths() {
    for (value, text) in [
        (0.0, "0.0"),
        (2.35, "2.4"),
        (99.96, "100.0"),
        (12.04, "12.0"),
        (-0.5, "-0.5"),
    ] {
        assert_eq!(one_decimal(value), text);
    }
}

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
fn only_saved_web_links_are_drawn_as_links() {
    assert!(is_web_link("https://www.linkedin.com/in/ana"));
    for url in [
        "javascript:alert(1)",
        "data:text/html,x",
        "linkedin.com/in/ana",
        " https://a.b",
        "",
    ] {
        assert!(!is_web_link(url), "{url}");
    }
}

#[test]
fn names_need_a_visible_character() {
    assert_eq!(
        check_name("\u{200B}\u{202E} \u{2066}"),
        Err(Invalid::NoVisibleName)
    );
    assert_eq!(check_name(""), Err(Invalid::NoVisibleName));
    assert_eq!(check_name("\u{202E}Ana"), Ok(()));
    assert_eq!(check_name("\u{2800}\u{2800}"), Err(Invalid::NoVisibleName));
    assert_eq!(check_name("\u{0301}\u{0308}"), Err(Invalid::NoVisibleName));
    assert_eq!(check_name("Jose\u{0301}"), Ok(()));
}

#[test]
fn numbers_in_messages_are_grouped() {
    assert_eq!(grouped(4_294_967_295u64), "4,294,967,295");
    assert_eq!(grouped(365u64), "365");
    assert_eq!(grouped(1000u64), "1,000");
}

#[test]
fn days_outside_the_supported_years_are_refused() {
    assert!(check_day(NaiveDate::MAX).is_err());
    assert!(check_day(NaiveDate::from_ymd_opt(1899, 12, 31).unwrap()).is_err());
    assert!(check_day(NaiveDate::from_ymd_opt(2200, 12, 31).unwrap()).is_ok());
}

#[test]
fn length_is_counted_in_characters_not_bytes() {
    assert!(check_length("ééé", 3).is_ok());
    assert!(check_length("éééé", 3).is_err());
}
