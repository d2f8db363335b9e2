//! Finding contacts: search over every text field ignoring case and accents, filters and sort.

use reachout::model::{
    Book, Channel, ContactDraft, ContactId, ContactQuery, Outcome, OutcomeDraft, ReachOutDraft,
    SortKey, Stage,
};

mod common;

use common::{at, day};

fn add(book: &mut Book, draft: ContactDraft, created: &str) -> ContactId {
    book.add_contact(&draft, at(created)).unwrap()
}

fn reach(book: &mut Book, contact: ContactId, channel: Channel, date: &str) {
    let draft = ReachOutDraft {
        channel: Some(channel),
        date: date.into(),
        note: String::new(),
        follows_up: None,
        before: Default::default(),
    };
    book.log_reach_out(contact, &draft, day(date), at(date))
        .unwrap();
}

/// José (met), Ana (waiting, tagged mentor), Ben (new, archived), Carla (new).
fn sample() -> (Book, [ContactId; 4]) {
    let mut book = Book::default();
    let jose = add(
        &mut book,
        ContactDraft {
            name: "José Núñez".into(),
            company: "Café Ñandú".into(),
            ..Default::default()
        },
        "2026-10-01",
    );
    let ana = add(
        &mut book,
        ContactDraft {
            name: "Ana Lima".into(),
            tags: "Mentor, design".into(),
            notes: "Loves PÂTISSERIE".into(),
            ..Default::default()
        },
        "2026-10-02",
    );
    let ben = add(
        &mut book,
        ContactDraft {
            name: "ben okafor".into(),
            role: "Founder".into(),
            ..Default::default()
        },
        "2026-10-03",
    );
    let carla = add(
        &mut book,
        ContactDraft {
            name: "Carla Ruiz".into(),
            email: "carla@example.com".into(),
            ..Default::default()
        },
        "2026-10-04",
    );
    reach(&mut book, jose, Channel::InPerson, "2026-11-01");
    let draft = OutcomeDraft {
        outcome: Some(Outcome::Met { clicked: true }),
        date: "2026-11-02".into(),
        note: String::new(),
    };
    let first = book.reach_outs[0].id;
    book.record_outcome(first, &draft, day("2026-11-02"))
        .unwrap();
    reach(&mut book, ana, Channel::Email, "2026-11-05");
    book.set_archived(ben, true, at("2026-11-06")).unwrap();
    (book, [jose, ana, ben, carla])
}

fn find(book: &Book, query: ContactQuery) -> Vec<ContactId> {
    book.find_contacts(&query, day("2026-11-20"))
}

fn text(t: &str) -> ContactQuery {
    ContactQuery {
        text: t.into(),
        ..Default::default()
    }
}

#[test]
fn search_ignores_case_and_accents_across_fields() {
    let (book, [jose, ana, ben, carla]) = sample();
    assert_eq!(find(&book, text("jose")), [jose]);
    assert_eq!(find(&book, text("CAFE nandu")), [jose]);
    assert_eq!(find(&book, text("mentor")), [ana]);
    assert_eq!(find(&book, text("patisserie")), [ana]);
    assert_eq!(find(&book, text("example.com")), [carla]);
    assert_eq!(
        find(&book, text("founder")),
        Vec::<ContactId>::new(),
        "archived contacts are not in the active list"
    );
    assert_eq!(
        find(
            &book,
            ContactQuery {
                archived: true,
                ..text("founder")
            }
        ),
        [ben]
    );
    assert_eq!(find(&book, text("  ")), [ana, carla, jose]);
}

#[test]
fn filters_combine() {
    let (book, [jose, ana, _, carla]) = sample();
    assert_eq!(
        find(
            &book,
            ContactQuery {
                stage: Some(Stage::Met),
                ..Default::default()
            }
        ),
        [jose]
    );
    assert_eq!(
        find(
            &book,
            ContactQuery {
                stage: Some(Stage::New),
                ..Default::default()
            }
        ),
        [carla]
    );
    assert_eq!(
        find(
            &book,
            ContactQuery {
                tag: Some("MENTOR".into()),
                ..Default::default()
            }
        ),
        [ana]
    );
    assert_eq!(
        find(
            &book,
            ContactQuery {
                channel: Some(Channel::InPerson),
                ..Default::default()
            }
        ),
        [jose]
    );
    // Ana's follow-up fell due on the 12th.
    assert_eq!(
        find(
            &book,
            ContactQuery {
                due_only: true,
                ..Default::default()
            }
        ),
        [ana]
    );
    assert_eq!(book.all_tags(), ["design", "Mentor"]);
}

#[test]
fn sorting_by_each_key() {
    let (book, [jose, ana, _, carla]) = sample();
    let sorted = |sort| {
        find(
            &book,
            ContactQuery {
                sort,
                ..Default::default()
            },
        )
    };
    assert_eq!(sorted(SortKey::Name), [ana, carla, jose]);
    assert_eq!(sorted(SortKey::LastContact), [ana, jose, carla]);
    assert_eq!(sorted(SortKey::NextFollowUp), [ana, jose, carla]);
    assert_eq!(sorted(SortKey::Added), [carla, ana, jose]);
}

#[test]
fn typing_on_narrows_the_last_result_to_what_a_full_search_finds() {
    // The sample data at 300 contacts, typed letter by letter, with a sort and a filter, then
    // backspaced: every step equals a search from scratch.
    let book = reachout::format::sample::book(300, 3, at("2026-11-20"));
    let index = book.contact_index(day("2026-11-20"));
    for (typed, sort, stage) in [
        ("ada ha", SortKey::Name, None),
        ("chiara  ro", SortKey::LastContact, None),
        ("e", SortKey::NextFollowUp, Some(Stage::Met)),
        ("Straße mü", SortKey::Added, None),
    ] {
        let mut before: Option<(ContactQuery, Vec<ContactId>)> = None;
        let steps: Vec<&str> = (1..=typed.chars().count())
            .chain((0..typed.chars().count()).rev())
            .map(|n| {
                let end = typed.char_indices().nth(n).map_or(typed.len(), |(i, _)| i);
                &typed[..end]
            })
            .collect();
        for step in steps {
            let query = ContactQuery {
                text: step.into(),
                sort,
                stage,
                ..Default::default()
            };
            let narrowed =
                index.find_after(&query, before.as_ref().map(|(q, ids)| (q, ids.as_slice())));
            assert_eq!(narrowed, index.find(&query), "typed {step:?}");
            assert_eq!(narrowed, book.find_contacts(&query, day("2026-11-20")));
            before = Some((query, narrowed));
        }
    }
    // A changed filter is never a narrowing of the last result.
    let all = index.find(&ContactQuery::default());
    let archived = ContactQuery {
        archived: true,
        ..Default::default()
    };
    assert_eq!(
        index.find_after(&archived, Some((&ContactQuery::default(), &all))),
        index.find(&archived)
    );
}
