//! Two tabs changing the same book: the merge keeps both edits.

mod common;
use common::{named, now, today};

use reachout::model::two_tabs::merge;
use reachout::model::{Book, Channel, ContactDraft, ContactId, ReachOutDraft};

fn email() -> ReachOutDraft {
    ReachOutDraft {
        channel: Some(Channel::Email),
        date: "2026-11-27".into(),
        note: String::new(),
        follows_up: None,
        before: Default::default(),
    }
}

fn ancestor() -> (Book, ContactId) {
    let mut book = Book::default();
    let ada = book.add_contact(&named("Ada"), now()).unwrap();
    (book, ada)
}

fn names(book: &Book) -> Vec<String> {
    book.contacts_by_name()
        .iter()
        .map(|c| c.name.clone())
        .collect()
}

#[test]
fn contacts_added_in_both_tabs_are_both_kept_under_different_ids() {
    let (base, _) = ancestor();
    let mut mine = base.clone();
    let bo = mine.add_contact(&named("Bo"), now()).unwrap();
    mine.log_reach_out(bo, &email(), today(), now()).unwrap();
    let mut theirs = base.clone();
    let cy = theirs.add_contact(&named("Cy"), now()).unwrap();
    assert_eq!(bo, cy, "both tabs handed out the same id");

    let merged = merge(&base, &mine, &theirs);
    assert_eq!(names(&merged), ["Ada", "Bo", "Cy"]);
    let bo = merged.contacts.iter().find(|c| c.name == "Bo").unwrap();
    assert_ne!(bo.id, cy);
    assert_eq!(merged.reach_outs.len(), 1);
    assert_eq!(
        merged.reach_outs[0].contact, bo.id,
        "the reach-out followed its contact"
    );
    let ids: Vec<u64> = merged
        .contacts
        .iter()
        .map(|c| c.id.0)
        .chain(merged.reach_outs.iter().map(|r| r.id.0))
        .collect();
    assert!(ids.iter().all(|id| *id < merged.next_id));
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

#[test]
fn different_fields_of_one_contact_are_merged_field_by_field() {
    let (base, ada) = ancestor();
    let mut mine = base.clone();
    let mut draft = named("Ada");
    draft.company = "Northwind".into();
    mine.update_contact(ada, &draft, now()).unwrap();
    let mut theirs = base.clone();
    let mut draft = named("Ada");
    draft.notes = "Met at the meetup".into();
    theirs.update_contact(ada, &draft, now()).unwrap();

    let merged = merge(&base, &mine, &theirs);
    let ada = merged.contact(ada).unwrap();
    assert_eq!(ada.company, "Northwind");
    assert_eq!(ada.notes, "Met at the meetup");
}

#[test]
fn an_edit_in_one_tab_beats_a_delete_in_the_other() {
    let (base, ada) = ancestor();
    let mut mine = base.clone();
    mine.delete_contacts(&[ada], now()).unwrap();
    let mut theirs = base.clone();
    let mut draft = named("Ada Lovelace");
    draft.role = "Engineer".into();
    theirs.update_contact(ada, &draft, now()).unwrap();

    let merged = merge(&base, &mine, &theirs);
    assert_eq!(names(&merged), ["Ada Lovelace"]);
}

#[test]
fn a_contact_deleted_elsewhere_comes_back_when_this_tab_logged_a_reach_out_to_it() {
    let (base, ada) = ancestor();
    let mut mine = base.clone();
    mine.log_reach_out(ada, &email(), today(), now()).unwrap();
    let mut theirs = base.clone();
    theirs.delete_contacts(&[ada], now()).unwrap();

    let merged = merge(&base, &mine, &theirs);
    assert_eq!(names(&merged), ["Ada"]);
    assert_eq!(merged.reach_outs.len(), 1);
}

#[test]
fn a_change_on_one_side_only_is_taken_as_it_is() {
    let (base, ada) = ancestor();
    let mut theirs = base.clone();
    theirs.delete_contacts(&[ada], now()).unwrap();
    assert_eq!(merge(&base, &base, &theirs), theirs);
    assert_eq!(merge(&base, &theirs, &base), theirs);
    let mut settings_changed = base.clone();
    settings_changed.settings.max_tries = 5;
    let merged = merge(&base, &settings_changed, &theirs);
    assert_eq!(merged.settings.max_tries, 5);
    assert!(merged.contacts.is_empty());
}

#[test]
fn templates_changed_in_both_tabs_keep_both_changes() {
    let (base, _) = ancestor();
    let mut mine = base.clone();
    mine.save_template(Some(1), "My first note", "Hi {first name}")
        .unwrap();
    let added_here = mine.save_template(None, "Coffee", "Coffee soon?").unwrap();
    let mut theirs = base.clone();
    theirs.delete_template(5).unwrap();
    let added_there = theirs.save_template(None, "Thanks", "Thank you!").unwrap();
    assert_eq!(added_here, added_there, "both tabs used number 6");
    let merged = merge(&base, &mine, &theirs);
    let names: Vec<_> = merged.templates().into_iter().map(|t| t.name).collect();
    assert_eq!(
        names,
        [
            "My first note",
            "A gentle follow-up",
            "A thank-you",
            "Reconnecting after years",
            "Thanks",
            "Coffee"
        ]
    );
    let ids: std::collections::HashSet<_> = merged.templates().iter().map(|t| t.id).collect();
    assert_eq!(ids.len(), 6, "distinct numbers");
}

#[test]
fn near_misses_from_both_tabs_are_kept_and_their_contact_comes_back() {
    let (base, ada) = ancestor();
    let mut mine = base.clone();
    mine.note_near_miss(Some(ada), "almost", today(), now())
        .unwrap();
    let mut theirs = base.clone();
    theirs
        .note_near_miss(None, "froze", today(), now())
        .unwrap();
    theirs.delete_contacts(&[ada], now()).unwrap();
    let merged = merge(&base, &mine, &theirs);
    let notes: Vec<_> = merged
        .near_misses
        .iter()
        .map(|n| (n.id, n.note.as_str()))
        .collect();
    assert_eq!(notes, [(1, "froze"), (2, "almost")]);
    assert_eq!(merged.near_misses[1].contact, Some(ada));
    assert!(merged.contact(ada).is_some(), "an edit beats a delete");
}

/// Undoing an import takes back only what it did: what it added and filled in goes, what was
/// done since stays (an imported contact reached out to since stays with that reach-out).
#[test]
fn undoing_an_import_keeps_what_was_done_since() {
    use reachout::model::two_tabs::{changes, take_back, with_changes};
    use reachout::model::{Incoming, IncomingPerson};
    let mut before = Book::default();
    let priya = before.add_contact(&named("Priya"), now()).unwrap();
    let mut incoming = Incoming::default();
    for (name, company) in [
        ("Priya", "City Hospital"),
        ("Ada Okafor", "Acme"),
        ("Li Wei", ""),
    ] {
        incoming.add_person(IncomingPerson {
            place: format!("people.csv, {name}"),
            draft: ContactDraft {
                name: name.into(),
                company: company.into(),
                ..Default::default()
            },
            connected: None,
        });
    }
    let plan = before.plan_import(incoming, today());
    let (after, _) = before.apply_import(&plan, &plan.proposed(), now()).unwrap();
    assert_eq!(after.contacts.len(), 3);
    assert_eq!(after.contact(priya).unwrap().company, "City Hospital");
    // What is kept beside the snapshot rebuilds the book as the import left it.
    assert_eq!(with_changes(&before, &changes(&before, &after)), after);

    // Nothing done since: the book comes back exactly.
    assert_eq!(take_back(&before, &after, &after), (before.clone(), vec![]));

    // Since the import: a new contact, and a reach-out to an imported one.
    let mut since = after.clone();
    since.add_contact(&named("Zoe Later"), now()).unwrap();
    let ada = since
        .contacts
        .iter()
        .find(|c| c.name == "Ada Okafor")
        .unwrap()
        .id;
    let draft = ReachOutDraft {
        channel: Some(Channel::Email),
        date: "2026-11-27".into(),
        note: String::new(),
        follows_up: None,
        before: Default::default(),
    };
    since.log_reach_out(ada, &draft, today(), now()).unwrap();
    let (undone, kept) = take_back(&before, &after, &since);
    let mut names: Vec<&str> = undone.contacts.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Ada Okafor", "Priya", "Zoe Later"]);
    assert_eq!(kept, ["Ada Okafor"]);
    assert_eq!(
        undone.contact(priya).unwrap().company,
        "",
        "filled in by the import"
    );
    assert_eq!(undone.reach_outs.len(), 1);
}

/// Both tabs changed the notes of one contact before either saved: the merge keeps this tab's
/// text and reports the other's, so that it can be offered back; a field only one side
/// changed is no clash.
#[test]
fn a_field_both_tabs_changed_at_once_is_reported_with_the_other_text() {
    use reachout::model::two_tabs::merge_noting_moves;
    let mut ancestor = Book::default();
    let ana = ancestor.add_contact(&named("Ana Lima"), now()).unwrap();
    let edit = |book: &Book, change: &dyn Fn(&mut ContactDraft)| {
        let mut book = book.clone();
        let before = ContactDraft::from_contact(book.contact(ana).unwrap());
        let mut after = before.clone();
        change(&mut after);
        book.edit_contact(ana, &before, &after, now()).unwrap();
        book
    };
    let mine = edit(&ancestor, &|d| d.notes = "Mine.".into());
    let theirs = edit(&ancestor, &|d| {
        d.notes = "Theirs.".into();
        d.company = "Globex".into();
    });
    let merged = merge_noting_moves(&ancestor, &mine, &theirs);
    let kept = merged.book.contact(ana).unwrap();
    assert_eq!(kept.notes, "Mine.");
    assert_eq!(kept.company, "Globex");
    assert_eq!(merged.clashes.len(), 1);
    let clash = &merged.clashes[0];
    assert_eq!(clash.name, "Ana Lima");
    assert_eq!(clash.conflict.field, reachout::model::ContactField::Notes);
    assert_eq!(
        (clash.conflict.theirs.as_str(), clash.conflict.mine.as_str()),
        ("Theirs.", "Mine.")
    );
    // Only one side changed the notes: nothing to report.
    let quiet = merge_noting_moves(
        &ancestor,
        &mine,
        &edit(&ancestor, &|d| d.role = "Designer".into()),
    );
    assert!(quiet.clashes.is_empty());
}
