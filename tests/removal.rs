//! Deleting with undo, bulk changes, and merging duplicates with undo.

mod common;
use common::named;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use reachout::model::{
    Book, Channel, ContactDraft, ContactField, ContactId, ModelError, ReachOutDraft, Side, Undo,
};

fn on_day(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
}

fn add(book: &mut Book, draft: ContactDraft, day: u32) -> ContactId {
    book.add_contact(&draft, on_day(day)).unwrap()
}

fn reach(book: &mut Book, contact: ContactId, day: u32) {
    let date = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
    let draft = ReachOutDraft {
        channel: Some(Channel::Email),
        date: date.to_string(),
        note: String::new(),
        follows_up: None,
        before: Default::default(),
    };
    book.log_reach_out(contact, &draft, date, on_day(day))
        .unwrap();
}

#[test]
fn deleting_takes_the_reach_outs_along_and_undo_puts_everything_back() {
    let mut book = Book::default();
    let ana = add(&mut book, named("Ana"), 1);
    let ben = add(&mut book, named("Ben"), 1);
    reach(&mut book, ana, 2);
    reach(&mut book, ana, 3);
    reach(&mut book, ben, 3);
    let before = book.clone();
    assert_eq!(book.reach_out_count(&[ana]), 2);
    assert_eq!(
        book.delete_question(&[ana]),
        "Delete 1 contact and its 2 reach-outs?"
    );
    assert_eq!(
        book.delete_question(&[ana, ben]),
        "Delete 2 contacts and their 3 reach-outs?"
    );

    let removed = book.delete_contacts(&[ana], on_day(5)).unwrap();
    assert_eq!(removed.describe(), "Ana and 2 reach-outs");
    assert!(book.contact(ana).is_none());
    assert!(
        book.reach_outs.iter().all(|r| r.contact == ben),
        "nothing is orphaned"
    );

    // Work done after the delete survives the undo.
    let carla = add(&mut book, named("Carla"), 4);
    book.undo(Undo::Restore(removed));
    assert_eq!(book.contact(ana), before.contact(ana));
    assert_eq!(book.timeline(ana), before.timeline(ana));
    assert!(book.contact(carla).is_some());
    assert_eq!(book.reach_outs.len(), 3);
}

#[test]
fn deleting_an_unknown_contact_changes_nothing() {
    let mut book = Book::default();
    let ana = add(&mut book, named("Ana"), 1);
    let before = book.clone();
    assert_eq!(
        book.delete_contacts(&[ana, ContactId(77)], on_day(5)),
        Err(ModelError::UnknownContact(ContactId(77)))
    );
    assert_eq!(book, before);
}

#[test]
fn bulk_archive_and_tag() {
    let mut book = Book::default();
    let ana = add(
        &mut book,
        ContactDraft {
            tags: "Mentor".into(),
            ..named("Ana")
        },
        1,
    );
    let ben = add(&mut book, named("Ben"), 1);
    book.tag_many(&[ana, ben], " mentor ", on_day(5)).unwrap();
    assert_eq!(book.contact(ana).unwrap().tags, ["Mentor"]);
    assert_eq!(book.contact(ben).unwrap().tags, ["mentor"]);
    assert!(book.tag_many(&[ana], "a,b", on_day(5)).is_err());
    assert!(book.tag_many(&[ana], "  ", on_day(5)).is_err());
    book.set_archived_many(&[ana, ben], true, on_day(6));
    assert!(book.contacts.iter().all(|c| c.archived));
    let removed = book.delete_contacts(&[ana, ben], on_day(5)).unwrap();
    assert_eq!(removed.describe(), "2 contacts");
}

#[test]
fn merging_keeps_both_histories_and_the_chosen_values() {
    let mut book = Book::default();
    let kept = add(
        &mut book,
        ContactDraft {
            email: "ana@old.example".into(),
            company: "Acme".into(),
            tags: "mentor".into(),
            ..named("Ana Lima")
        },
        3,
    );
    let dup = add(
        &mut book,
        ContactDraft {
            email: "ana@new.example".into(),
            role: "Designer".into(),
            tags: "design, Mentor".into(),
            ..named("Ana L.")
        },
        1,
    );
    reach(&mut book, kept, 4);
    reach(&mut book, dup, 5);
    let before = book.clone();

    let conflicts = book.merge_conflicts(kept, dup).unwrap();
    let fields: Vec<ContactField> = conflicts.iter().map(|c| c.field).collect();
    assert_eq!(fields, [ContactField::Name, ContactField::Email]);

    let undo = book
        .merge_contacts(kept, dup, &[(ContactField::Email, Side::Merged)], on_day(6))
        .unwrap();
    let merged = book.contact(kept).unwrap();
    assert_eq!(
        merged.name, "Ana Lima",
        "an unchosen conflict keeps the kept value"
    );
    assert_eq!(merged.email, "ana@new.example");
    assert_eq!(merged.company, "Acme");
    assert_eq!(
        merged.role, "Designer",
        "an empty field is filled from the other"
    );
    assert_eq!(merged.tags, ["mentor", "design"]);
    assert_eq!(merged.created, on_day(1));
    assert!(book.contact(dup).is_none());
    assert_eq!(book.timeline(kept).len(), 2, "both histories are kept");
    assert_eq!(undo.describe(), "Merged Ana L. into Ana Lima.");

    book.undo(undo);
    assert_eq!(book.contact(kept), before.contact(kept));
    assert_eq!(book.contact(dup), before.contact(dup));
    assert_eq!(book.timeline(dup), before.timeline(dup));
    assert!(book.merge_contacts(kept, kept, &[], on_day(7)).is_err());
}

#[test]
fn a_delete_leaves_a_mark_that_undo_takes_away_and_time_forgets() {
    use reachout::model::Limits;
    let mut book = Book::default();
    let ana = add(&mut book, named("Ana"), 1);
    let ben = add(&mut book, named("Ben"), 1);
    let removed = book.delete_contacts(&[ana], on_day(5)).unwrap();
    assert_eq!(book.deleted.len(), 1);
    assert_eq!(
        (
            book.deleted[0].id,
            book.deleted[0].created,
            book.deleted[0].on
        ),
        (ana, on_day(1), on_day(5))
    );
    book.undo(Undo::Restore(removed));
    assert!(book.deleted.is_empty(), "an undone delete leaves no mark");

    // Merging two contacts marks the one merged away; undoing the merge takes the mark back.
    let undo = book.merge_contacts(ana, ben, &[], on_day(6)).unwrap();
    assert_eq!(book.deleted.iter().map(|d| d.id).collect::<Vec<_>>(), [ben]);
    book.undo(undo);
    assert!(book.deleted.is_empty());

    // Marks older than the retention go with the next delete.
    book.delete_contacts(&[ana], on_day(6)).unwrap();
    let later = on_day(6) + chrono::Duration::days(Limits::DELETIONS_KEPT_DAYS + 1);
    book.delete_contacts(&[ben], later).unwrap();
    assert_eq!(book.deleted.iter().map(|d| d.id).collect::<Vec<_>>(), [ben]);
}
