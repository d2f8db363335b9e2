//! Reading a file's bytes as text and as a table: the encodings people's files come in
//! (UTF-8 with stray bytes, UTF-16 with or without a mark, Windows-1252), delimiters, headers
//! in other languages, quotes that never close, and bytes that are not text at all.

use reachout::format::import_files::{self, ImportError};

mod common;

use common::files::{draft_named, table_of};

#[test]
fn windows_1252_text_is_read_and_said() {
    let bytes = b"Name,Company\r\nJos\xe9 Nu\xf1ez,Caf\xe9 \x93Sol\x94\r\n";
    let table = table_of("export.csv", bytes);
    assert!(table.notes[0].contains("Windows-1252"));
    let incoming = table.people(&table.guess());
    assert_eq!(draft_named(&incoming, "José Nuñez").company, "Café “Sol”");
}

#[test]
fn the_delimiter_is_detected() {
    use import_files::csv_rows::delimiter;
    assert_eq!(delimiter("Name;Firma;\"E-Mail, privat\"\nA;B;C"), b';');
    assert_eq!(delimiter("Name\tCompany\n"), b'\t');
    assert_eq!(delimiter("Name|Company|Email"), b'|');
    assert_eq!(delimiter("Name"), b',');
    let table = table_of("de.csv", "Name;Company\nJürgen;Müller & Söhne\n".as_bytes());
    assert_eq!(
        draft_named(&table.people(&table.guess()), "Jürgen").company,
        "Müller & Söhne"
    );
}

#[test]
fn any_text_in_any_script_is_read_without_a_fault() {
    // The 11th byte falls inside a character: the vCard sniff must not cut it.
    for text in [
        "氏名,メールアドレス\n山田,yamada@example.jp\n",
        "Prénom;Numéro\nZoë;1\n",
    ] {
        let table = table_of("x.csv", text.as_bytes());
        assert_eq!(table.rows.rows.len(), 1);
    }
}

#[test]
fn headers_in_other_languages_are_guessed_and_a_missing_name_column_is_said_once() {
    for (csv, name) in [
        (
            "Vorname,Nachname,Firma,E-Mail-Adresse\nJürgen,Weber,Müller & Söhne,j@example.de\n",
            "Jürgen Weber",
        ),
        (
            "Prénom,Nom,Entreprise,Poste\nZoë,Martin,Acme,Designer\n",
            "Zoë Martin",
        ),
        (
            "氏名,メールアドレス,会社名\n山田 太郎,yamada@example.jp,山田商事\n",
            "山田 太郎",
        ),
    ] {
        let table = table_of("people.csv", csv.as_bytes());
        let people = table.people(&table.guess());
        assert_eq!(people.people.len(), 1, "{csv}");
        assert_eq!(people.people[0].draft.name, name);
        assert!(!people.people[0].draft.company.is_empty(), "{csv}");
    }
    let csv = "Spitzname,Stadt\nJo,Berlin\nMo,Köln\n";
    let table = table_of("people.csv", csv.as_bytes());
    let people = table.people(&table.guess());
    assert!(people.skipped.is_empty(), "{:?}", people.skipped);
    assert!(people
        .notes
        .iter()
        .any(|n| n.contains("No column of people.csv is set to the name")));
}

#[test]
fn an_unclosed_quote_leaves_out_its_line_only() {
    let text = "Name,Email\nAna Quote,ana.q@example.com\n\"Ben Quote,ben.q@example.com\nCy Quote,cy.q@example.com\nDee Quote,dee.q@example.com\n";
    let table = table_of("people.csv", text.as_bytes());
    let people = table.people(&table.guess());
    let names: Vec<&str> = people
        .people
        .iter()
        .map(|p| p.draft.name.as_str())
        .collect();
    assert_eq!(names, ["Ana Quote", "Cy Quote", "Dee Quote"]);
    assert_eq!(people.people[2].place, "people.csv, line 5");
    assert_eq!(people.skipped.len(), 1);
    assert_eq!(people.skipped[0].place, "people.csv, line 3");
}

#[test]
fn utf16_without_a_mark_and_utf8_with_a_stray_byte_are_read_as_text() {
    let csv = "Name,Company\nZoë Martin,Acme\nJosé Núñez,Estudio\n";
    for (order, unit) in [
        ("le", u16::to_le_bytes as fn(u16) -> [u8; 2]),
        ("be", u16::to_be_bytes),
    ] {
        let bytes: Vec<u8> = csv.encode_utf16().flat_map(unit).collect();
        let table = table_of(&format!("utf-16-{order}.csv"), &bytes);
        assert_eq!(
            table.people(&table.guess()).people[0].draft.name,
            "Zoë Martin"
        );
        assert!(
            table.notes.iter().any(|n| n.contains("UTF-16")),
            "{:?}",
            table.notes
        );
    }
    // One stray Latin-1 byte (é as 0xE9) in a UTF-8 file, with and without a byte-order mark.
    for bom in [&b"\xEF\xBB\xBF"[..], &b""[..]] {
        let mut bytes = bom.to_vec();
        bytes.extend_from_slice("Name,Company\nZoë Martin,Acme\nRen".as_bytes());
        bytes.push(0xE9);
        bytes.extend_from_slice(b" Roux,Caf\xC3\xA9 Noir\n");
        let table = table_of("people.csv", &bytes);
        let people = table.people(&table.guess());
        assert_eq!(people.people[0].draft.name, "Zoë Martin");
        assert_eq!(people.people[1].draft.name, "René Roux");
        assert_eq!(people.people[1].draft.company, "Café Noir");
        assert!(
            table
                .notes
                .iter()
                .any(|n| n.contains("UTF-8 with 1 byte that is not")),
            "{:?}",
            table.notes
        );
    }
}

#[test]
fn binary_bytes_are_still_refused_as_not_text() {
    let bytes: Vec<u8> = (0u8..=255).cycle().take(4_000).collect();
    assert!(matches!(
        import_files::read("photo.csv", &bytes),
        Err(ImportError::NotText(_))
    ));
}
