//! A large record stored in parts (`format::parts`): split, written, read back whole, and
//! every way the parts can disagree with their manifest refused with a message.

mod common;
use common::now;

use reachout::format::document::{DecodeError, SCHEMA_VERSION};
use reachout::format::parts::{self, Manifest, PART_IDS};
use reachout::format::sample;
use reachout::model::Book;

/// Stores `book` the way storage does: each part's text under a key, then the manifest.
fn store(book: &Book) -> (String, Vec<(String, String)>) {
    let mut listed = Vec::new();
    let mut texts = Vec::new();
    for (number, part) in parts::split(book) {
        let key = format!("t:part:1-0:{number}");
        texts.push((key.clone(), parts::encode_part(&part, 1, now())));
        listed.push((number, key));
    }
    (parts::encode_manifest(book, 1, now(), &listed), texts)
}

fn manifest(text: &str) -> Manifest {
    parts::read_manifest(text)
        .expect("a manifest")
        .expect("readable")
}

#[test]
fn a_large_book_is_split_by_id_range_and_read_back_exactly() {
    let book = sample::book(400, 5, now());
    assert!(parts::should_split(&book));
    assert!(!parts::should_split(&sample::book(100, 5, now())));
    let split = parts::split(&book);
    // Every record is in exactly one part, the part of its id.
    let records: usize = split
        .values()
        .map(|p| p.contacts.len() + p.reach_outs.len())
        .sum();
    assert_eq!(records, book.contacts.len() + book.reach_outs.len());
    for (number, part) in &split {
        assert!(part.contacts.iter().all(|c| c.id.0 / PART_IDS == *number));
        assert!(part.reach_outs.iter().all(|r| r.id.0 / PART_IDS == *number));
    }

    let (text, texts) = store(&book);
    let manifest = manifest(&text);
    assert_eq!(manifest.revision, 1);
    assert_eq!(manifest.parts.len(), split.len());
    let opened = parts::open(&manifest, texts.into_iter().map(|(_, t)| Some(t)).collect()).unwrap();
    assert!(opened.adjusted.is_empty());
    assert_eq!(opened.document.data, book);
    assert_eq!(opened.document.revision, 1);
    // An earlier Reachout reading the manifest as a document sees a newer version and opens
    // read-only, rather than taking it for damaged data.
    assert!(reachout::format::document::decode(&text)
        .unwrap_err()
        .is_newer_version());
    // The manifest itself is small: the records live in the parts.
    assert!(text.len() < 20_000, "manifest of {} bytes", text.len());
}

#[test]
fn one_changed_contact_changes_one_part() {
    let book = sample::book(400, 5, now());
    let mut changed = book.clone();
    changed.contacts[7].notes = "Met at the meetup".into();
    let before = parts::split(&book);
    let after = parts::split(&changed);
    let differing: Vec<u64> = after
        .iter()
        .filter(|(n, p)| before.get(n) != Some(p))
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(differing, [changed.contacts[7].id.0 / PART_IDS]);
}

#[test]
fn whole_documents_and_other_text_are_not_manifests() {
    let small = sample::book(3, 1, now());
    let whole = reachout::format::document::encode_packed(&small, 1, now());
    assert!(parts::read_manifest(&whole).is_none());
    assert!(parts::read_manifest(&reachout::format::document::encode(&small, 1, now())).is_none());
    assert!(parts::read_manifest("not json").is_none());
}

#[test]
fn parts_that_disagree_with_their_manifest_are_refused_with_a_reason() {
    let book = sample::book(400, 5, now());
    let (text, texts) = store(&book);
    let manifest = manifest(&text);
    let all = || {
        texts
            .iter()
            .map(|(_, t)| Some(t.clone()))
            .collect::<Vec<_>>()
    };

    // A part missing from storage.
    let mut missing = all();
    missing[2] = None;
    let error = parts::open(&manifest, missing).unwrap_err();
    assert!(
        matches!(&error, DecodeError::Damaged(m) if m.contains("is missing")),
        "{error}"
    );

    // A part stored under the wrong number.
    let mut swapped = all();
    swapped.swap(0, 1);
    let error = parts::open(&manifest, swapped).unwrap_err();
    assert!(
        matches!(&error, DecodeError::Damaged(m) if m.contains("another part")),
        "{error}"
    );

    // A part that is not ours at all, or cut short.
    let mut broken = all();
    broken[0] = Some("{\"format\":\"reachout\",".into());
    assert!(parts::open(&manifest, broken).is_err());

    // Written by a newer schema.
    let newer = text.replace(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":9");
    assert!(matches!(
        parts::read_manifest(&newer),
        Some(Err(DecodeError::NewerVersion { found: 9 }))
    ));

    // A list of parts out of order, or naming a part twice.
    let twice = text.replacen("[1,", "[0,", 1);
    assert!(matches!(
        parts::read_manifest(&twice),
        Some(Err(DecodeError::Damaged(_)))
    ));
}

#[test]
fn values_out_of_range_in_a_part_are_brought_into_range_and_listed() {
    let mut book = sample::book(400, 5, now());
    book.contacts[3].stay_in_touch_days = Some(u32::MAX);
    let (text, texts) = store(&book);
    let opened = parts::open(
        &manifest(&text),
        texts.into_iter().map(|(_, t)| Some(t)).collect(),
    )
    .unwrap();
    assert_eq!(opened.adjusted.len(), 1, "{:?}", opened.adjusted);
    assert_eq!(
        opened.document.data.contacts[3].stay_in_touch_days,
        Some(365)
    );
}

/// The parts where two books differ, found the way a save finds them.
fn differing(a: &Book, b: &Book) -> std::collections::BTreeSet<u64> {
    let (a, b) = (parts::split(a), parts::split(b));
    a.keys()
        .chain(b.keys())
        .copied()
        .filter(|n| a.get(n) != b.get(n))
        .collect()
}

#[test]
fn patching_only_the_parts_that_differ_makes_the_base_equal_to_the_book() {
    let original = sample::book(600, 5, now());
    let mut book = original.clone();
    // An edit, a deletion in the middle (with the contact's reach-outs), an addition at the end.
    book.contacts[10].name = "Edited Name".into();
    let gone = book.contacts[300].id;
    book.contacts.retain(|c| c.id != gone);
    book.reach_outs.retain(|r| r.contact != gone);
    let mut added = book.contacts[0].clone();
    added.id = reachout::model::ContactId(book.next_id);
    book.next_id += 1;
    book.contacts.push(added);
    book.settings.follow_up_days = 9;

    // Two saves in a row: the parent two saves back catches up through both sets of parts.
    let middle = {
        let mut m = original.clone();
        m.contacts[20].company = "Between".into();
        m
    };
    let mut parent = original.clone();
    let mut apart = differing(&original, &middle);
    apart.extend(differing(&middle, &book));
    assert!(!apart.is_empty() && apart.len() < parts::split(&book).len());
    assert!(parts::patch(&mut parent, &book, &apart));
    assert_eq!(parent, book);

    // Records out of the order of their ids: nothing is patched, the caller compares all.
    let mut shuffled = book.clone();
    shuffled.contacts.swap(0, 1);
    let mut base = original.clone();
    assert!(!parts::patch(&mut base, &shuffled, &apart));
    assert_eq!(base, original);
}

#[test]
fn layouts_in_order_and_out_of_order_find_the_same_parts_and_differences() {
    let original = sample::book(500, 5, now());
    let mut edited = original.clone();
    edited.reach_outs[40].note = "Changed".into();
    let gone = edited.contacts[200].id;
    edited.contacts.retain(|c| c.id != gone);
    edited.reach_outs.retain(|r| r.contact != gone);
    let mut shuffled = edited.clone();
    shuffled.contacts.reverse();
    shuffled.reach_outs.swap(0, 7);
    assert!(matches!(
        parts::Layout::of(&original),
        parts::Layout::Sorted { .. }
    ));
    assert!(matches!(
        parts::Layout::of(&shuffled),
        parts::Layout::Loose(_)
    ));
    for (a, b) in [
        (&original, &edited),
        (&original, &shuffled),
        (&edited, &edited),
    ] {
        let (la, lb) = (parts::Layout::of(a), parts::Layout::of(b));
        let (sa, sb) = (parts::split(a), parts::split(b));
        assert_eq!(la.numbers(), sa.keys().copied().collect::<Vec<_>>());
        for number in sa.keys().chain(sb.keys()) {
            assert_eq!(la.part(*number).as_ref(), sa.get(number));
            assert_eq!(
                la.same(&lb, *number),
                sa.get(number) == sb.get(number),
                "part {number}"
            );
        }
    }
    assert_eq!(
        differing(&original, &edited).len(),
        2,
        "one edited reach-out, one removed contact"
    );
}
