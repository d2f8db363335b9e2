//! vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350, and what phones really write), read leniently.
//!
//! Written here rather than taken from a crate: the vCard crates we looked at either refuse
//! the 2.1 files Android still writes (quoted-printable with soft line breaks, bare type words)
//! or decode text before unfolding, which breaks a fold that splits a multi-byte character.
//! This reader works on bytes: lines are unfolded first, quoted-printable is decoded, and only
//! then is a value read as UTF-8 (or as the charset it names). It keeps only what a contact
//! holds: names, organisation, title, email, telephone, links (a LinkedIn profile found among
//! `URL`, `X-SOCIALPROFILE`, `SOCIALPROFILE` or an `itemN.` group labelled LinkedIn), notes
//! and categories. Photos are dropped (they would eat the storage quota), group cards
//! (`KIND:group`) are not people, and lines that are not `NAME:value` are skipped and counted.
//!
//! Kept in one file of about 400 lines: the reader is one pass (unfold, decode, read a card),
//! and its steps read best in the order they run.

use super::{check_rows, one_line, place, windows_1252, ImportError};
use crate::model::words::plural;
use crate::model::{ContactDraft, Incoming, IncomingPerson, Skipped};

/// True when the bytes (after a byte-order mark and blank space) begin a vCard.
pub fn starts_a_vcard(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes
        .get(start..start + 11)
        .is_some_and(|head| head.eq_ignore_ascii_case(b"BEGIN:VCARD"))
}

/// One property: `item1.EMAIL;TYPE=work:value`.
struct Property {
    group: String,
    name: String,
    /// Parameters, lower case: `("type", "work")`; a bare word (`CELL`) is `("type", "cell")`.
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn has(&self, key: &str, value: &str) -> bool {
        self.params.iter().any(|(k, v)| {
            k == key
                && v.split(',')
                    .any(|part| part.trim().trim_matches('"') == value)
        })
    }

    fn preferred(&self) -> bool {
        self.has("type", "pref") || self.params.iter().any(|(k, _)| k == "pref")
    }
}

/// Logical lines: folded lines joined (a line starting with a space or tab continues the one
/// before), and quoted-printable values ending in `=` joined with the next line.
fn unfold(bytes: &[u8]) -> Vec<(u64, Vec<u8>)> {
    let mut lines: Vec<(u64, Vec<u8>)> = Vec::new();
    let mut soft_break = false;
    for (index, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let number = index as u64 + 1;
        match lines.last_mut() {
            Some((_, last)) if soft_break => last.extend_from_slice(raw),
            Some((_, last)) if raw.first().is_some_and(|b| *b == b' ' || *b == b'\t') => {
                last.extend_from_slice(&raw[1..]);
            }
            _ => lines.push((number, raw.to_vec())),
        }
        let last = &lines.last().map(|(_, l)| l.as_slice()).unwrap_or_default();
        soft_break = is_quoted_printable(last) && last.ends_with(b"=");
        if soft_break {
            if let Some((_, last)) = lines.last_mut() {
                last.pop();
            }
        }
    }
    lines
}

fn is_quoted_printable(line: &[u8]) -> bool {
    let head = match line.iter().position(|b| *b == b':') {
        Some(at) => &line[..at],
        None => return false,
    };
    String::from_utf8_lossy(head)
        .to_ascii_uppercase()
        .contains("QUOTED-PRINTABLE")
}

/// `=C3=BC` and the like as bytes.
fn quoted_printable(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    let mut at = 0;
    while at < value.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if value[at] == b'=' && at + 2 < value.len() + 1 {
            if let (Some(h), Some(l)) = (
                value.get(at + 1).copied().and_then(hex),
                value.get(at + 2).copied().and_then(hex),
            ) {
                out.push((h * 16 + l) as u8);
                at += 3;
                continue;
            }
        }
        out.push(value[at]);
        at += 1;
    }
    out
}

/// Reads bytes as text in `charset` (UTF-8 unless it names a Latin one); `None` from a UTF-8
/// value that is not UTF-8 (then Windows-1252 is used and the caller notes it).
fn decode(bytes: &[u8], charset: Option<&str>) -> (String, bool) {
    let latin = charset.is_some_and(|c| {
        let c = c.to_ascii_lowercase();
        c.contains("8859") || c.contains("1252") || c.contains("latin")
    });
    if !latin {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return (text.to_string(), false);
        }
    }
    (bytes.iter().map(|b| windows_1252(*b)).collect(), !latin)
}

/// Splits a logical line into a property; `None` for a line that is not `NAME:value`.
fn property(line: &[u8], guessed: &mut bool) -> Option<Property> {
    // The colon that ends the name and parameters is the first one outside quotes.
    let mut quoted = false;
    let colon = line.iter().position(|b| {
        if *b == b'"' {
            quoted = !quoted;
        }
        *b == b':' && !quoted
    })?;
    let head = String::from_utf8_lossy(&line[..colon]).to_string();
    let mut parts = head.split(';');
    let full_name = parts.next()?.trim();
    let (group, name) = match full_name.rsplit_once('.') {
        Some((group, name)) => (group.to_lowercase(), name),
        None => (String::new(), full_name),
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let params: Vec<(String, String)> = parts
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (
                k.trim().to_lowercase(),
                v.trim().trim_matches('"').to_lowercase(),
            ),
            None if p.eq_ignore_ascii_case("quoted-printable")
                || p.eq_ignore_ascii_case("base64") =>
            {
                ("encoding".into(), p.trim().to_lowercase())
            }
            None => ("type".into(), p.trim().to_lowercase()),
        })
        .collect();
    let raw = &line[colon + 1..];
    let is_qp = params
        .iter()
        .any(|(k, v)| k == "encoding" && v == "quoted-printable");
    let bytes = if is_qp {
        quoted_printable(raw)
    } else {
        raw.to_vec()
    };
    let charset = params
        .iter()
        .find(|(k, _)| k == "charset")
        .map(|(_, v)| v.as_str());
    let (value, latin) = decode(&bytes, charset);
    *guessed |= latin;
    Some(Property {
        group,
        name: name.to_ascii_uppercase(),
        params,
        value,
    })
}

/// Splits a structured value at unescaped `separator`s, then unescapes each part.
fn components(value: &str, separator: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => parts.last_mut().map(|p| p.push('\n')).unwrap_or_default(),
                Some(other) => parts.last_mut().map(|p| p.push(other)).unwrap_or_default(),
                None => {}
            },
            c if c == separator => parts.push(String::new()),
            c => parts.last_mut().map(|p| p.push(c)).unwrap_or_default(),
        }
    }
    parts
}

fn text(value: &str) -> String {
    components(value, '\u{0}').concat()
}

fn is_linkedin(url: &str) -> bool {
    url.to_lowercase().contains("linkedin.com/")
}

/// One card's properties as a draft; `Err` with the reason when it is not a person.
fn card_to_draft(properties: &[Property]) -> Result<ContactDraft, String> {
    let mut draft = ContactDraft::default();
    let mut structured_name = String::new();
    let (mut email_pref, mut phone_pref) = (false, false);
    let labels: std::collections::HashMap<&str, String> = properties
        .iter()
        .filter(|p| !p.group.is_empty() && p.name == "X-ABLABEL")
        .map(|p| (p.group.as_str(), p.value.to_lowercase()))
        .collect();
    let label_of = |group: &str| labels.get(group).cloned().unwrap_or_default();
    let mut tags: Vec<String> = Vec::new();
    for p in properties {
        match p.name.as_str() {
            "KIND" | "X-ADDRESSBOOKSERVER-KIND"
                if text(&p.value).trim().eq_ignore_ascii_case("group") =>
            {
                let name = properties
                    .iter()
                    .find(|p| p.name == "FN")
                    .map(|p| text(&p.value))
                    .unwrap_or_default();
                return Err(format!(
                    "it is a group (\u{201c}{}\u{201d}), not a person",
                    one_line(&name)
                ));
            }
            "FN" => draft.name = one_line(&text(&p.value)),
            "N" => {
                let parts = components(&p.value, ';');
                let get = |i: usize| parts.get(i).map(String::as_str).unwrap_or_default();
                structured_name = one_line(&format!(
                    "{} {} {} {} {}",
                    get(3),
                    get(1),
                    get(2),
                    get(0),
                    get(4)
                ));
            }
            "ORG" => {
                draft.company = one_line(
                    &components(&p.value, ';')
                        .into_iter()
                        .filter(|c| !c.trim().is_empty())
                        .collect::<Vec<_>>()
                        .join(", "),
                );
            }
            "TITLE" => draft.role = one_line(&text(&p.value)),
            "ROLE" if draft.role.is_empty() => draft.role = one_line(&text(&p.value)),
            "EMAIL" => {
                let pref = p.preferred();
                if draft.email.is_empty() || pref && !email_pref {
                    draft.email = text(&p.value).trim().to_string();
                    email_pref = pref;
                }
            }
            "TEL" => {
                let pref = p.preferred();
                if draft.phone.is_empty() || pref && !phone_pref {
                    let number = text(&p.value);
                    let number = number.trim();
                    draft.phone = number.strip_prefix("tel:").unwrap_or(number).to_string();
                    phone_pref = pref;
                }
            }
            "URL" | "X-SOCIALPROFILE" | "SOCIALPROFILE" => {
                let url = text(&p.value).trim().to_string();
                let linkedin = is_linkedin(&url)
                    || p.has("type", "linkedin")
                    || p.has("service-type", "linkedin")
                    || label_of(&p.group).contains("linkedin");
                if linkedin
                    && draft.linkedin.is_empty()
                    && (is_linkedin(&url) || url.starts_with("http"))
                {
                    draft.linkedin = url;
                } else if p.name == "URL" && draft.other_link.is_empty() {
                    draft.other_link = url;
                }
            }
            "NOTE" => {
                let note = text(&p.value);
                let note = note.trim();
                if !note.is_empty() {
                    if !draft.notes.is_empty() {
                        draft.notes.push('\n');
                    }
                    draft.notes.push_str(note);
                }
            }
            "CATEGORIES" => tags.extend(
                components(&p.value, ',')
                    .into_iter()
                    .map(|t| one_line(&t))
                    .filter(|t| !t.is_empty()),
            ),
            _ => {}
        }
    }
    if draft.name.is_empty() {
        draft.name = structured_name;
    }
    if draft.name.is_empty() {
        return Err("it has no name".into());
    }
    draft.tags = tags.join(", ");
    Ok(draft)
}

/// Reads every card of a vCard file.
pub fn read(name: &str, bytes: &[u8]) -> Result<Incoming, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut incoming = Incoming::default();
    let mut card: Option<(u64, Vec<Property>)> = None;
    let (mut invalid, mut photos, mut cards) = (0usize, 0usize, 0usize);
    let mut guessed = false;
    for (line, logical) in unfold(bytes) {
        if logical.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Some(p) = property(&logical, &mut guessed) else {
            invalid += 1;
            continue;
        };
        match (p.name.as_str(), &mut card) {
            ("BEGIN", open) if p.value.trim().eq_ignore_ascii_case("vcard") => {
                if let Some((started, _)) = open.take() {
                    incoming.skipped.push(Skipped {
                        place: place(name, started),
                        reason: "its card has no END:VCARD before the next card begins".into(),
                    });
                }
                cards += 1;
                check_rows(name, cards)?;
                card = Some((line, Vec::new()));
            }
            ("END", Some(_)) if p.value.trim().eq_ignore_ascii_case("vcard") => {
                let Some((started, properties)) = card.take() else {
                    continue;
                };
                match card_to_draft(&properties) {
                    Ok(draft) => {
                        incoming.add_contact_row(IncomingPerson {
                            place: place(name, started),
                            draft,
                            connected: None,
                        });
                    }
                    Err(reason) => incoming.skipped.push(Skipped {
                        place: place(name, started),
                        reason,
                    }),
                }
            }
            ("PHOTO" | "LOGO" | "SOUND" | "KEY", Some(_)) => photos += 1,
            (_, Some((_, properties))) => properties.push(p),
            _ => invalid += 1,
        }
    }
    if let Some((started, properties)) = card {
        let who = properties
            .iter()
            .find(|p| p.name == "FN")
            .map(|p| format!(" (\u{201c}{}\u{201d})", one_line(&text(&p.value))))
            .unwrap_or_default();
        incoming.skipped.push(Skipped {
            place: place(name, started),
            reason: format!("the card{who} has no END:VCARD line: the file may have been cut off"),
        });
    }
    if cards == 0 {
        return Err(ImportError::NotWhatItClaims {
            name: name.to_string(),
            claimed: "vCard",
            why: "it holds no BEGIN:VCARD card",
        });
    }
    if invalid > 0 {
        incoming.notes.push(format!(
            "{name}: {} that {} not vCard properties {} skipped.",
            plural(invalid, "line", "lines"),
            if invalid == 1 { "is" } else { "are" },
            if invalid == 1 { "was" } else { "were" }
        ));
    }
    if photos > 0 {
        incoming.notes.push(format!(
            "{name}: {} left out, to spare the browser's storage.",
            plural(photos, "photo", "photos")
        ));
    }
    if guessed {
        incoming.notes.push(format!(
            "{name}: some text is not UTF-8 and was read as Western European (Windows-1252)."
        ));
    }
    Ok(incoming)
}
