//! Two devices brought in step by passing one backup each way.

mod common;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use reachout::model::{merge_devices, Book, Channel, ContactDraft, Outcome, ReachOutDraft};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn at(hours: i64) -> DateTime<Utc> {
    today().and_hms_opt(8, 0, 0).unwrap().and_utc() + Duration::hours(hours)
}

fn named(name: &str) -> ContactDraft {
    ContactDraft {
        name: name.into(),
        ..ContactDraft::default()
    }
}

fn names(book: &Book) -> Vec<String> {
    let mut names: Vec<String> = book.contacts.iter().map(|c| c.name.clone()).collect();
    names.sort();
    names
}

/// The data both devices started from (one restored the other's backup), and each one's edits.
fn two_devices() -> (Book, Book) {
    let mut shared = Book::default();
    let ana = shared.add_contact(&named("Ana Lima"), at(0)).unwrap();
    shared.add_contact(&named("Ben Okafor"), at(0)).unwrap();
    let draft = ReachOutDraft {
        channel: Some(Channel::Email),
        ..ReachOutDraft::new(today())
    };
    shared.log_reach_out(ana, &draft, today(), at(0)).unwrap();

    let mut laptop = shared.clone();
    let mut edit = ContactDraft::from_contact(laptop.contact(ana).unwrap());
    edit.company = "Acme".into();
    laptop.update_contact(ana, &edit, at(2)).unwrap();
    laptop.add_contact(&named("Laptop New"), at(3)).unwrap();

    let mut phone = shared.clone();
    phone.add_contact(&named("Phone New"), at(4)).unwrap();
    let reach_out = &mut phone.reach_outs[0];
    reach_out.outcome = Outcome::Accepted;
    reach_out.outcome_date = Some(today());
    let ben = phone
        .contacts
        .iter()
        .position(|c| c.name == "Ben Okafor")
        .unwrap();
    phone.contacts.remove(ben);
    (laptop, phone)
}

#[test]
fn a_backup_from_the_other_device_merges_record_by_record() {
    let (laptop, phone) = two_devices();
    let (merged, preview) = merge_devices(&laptop, &phone).unwrap();
    // Both new contacts, made under the same id on each device, are kept.
    assert_eq!(
        names(&merged),
        ["Ana Lima", "Ben Okafor", "Laptop New", "Phone New"]
    );
    let ana = merged
        .contacts
        .iter()
        .find(|c| c.name == "Ana Lima")
        .unwrap();
    assert_eq!(ana.company, "Acme", "the laptop's edit is kept");
    assert_eq!(merged.reach_outs.len(), 1);
    assert_eq!(
        merged.reach_outs[0].outcome,
        Outcome::Accepted,
        "the phone's answer is kept"
    );
    assert_eq!(
        (
            preview.contacts_added,
            preview.contacts_after,
            preview.reach_outs_after
        ),
        (1, 4, 1)
    );
    assert_eq!(
        preview.contacts_changed, 1,
        "Ana differs: the newer version is kept"
    );
    let mut ids: Vec<u64> = merged
        .contacts
        .iter()
        .map(|c| c.id.0)
        .chain(merged.reach_outs.iter().map(|r| r.id.0))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 5, "ids are unique");
    assert!(merged.next_id > *ids.last().unwrap());

    // The same backup merged again changes nothing.
    let (again, preview) = merge_devices(&merged, &phone).unwrap();
    assert_eq!(again, merged);
    assert_eq!((preview.contacts_added, preview.reach_outs_added), (0, 0));
}

#[test]
fn one_file_each_way_brings_both_devices_in_step() {
    let (laptop, phone) = two_devices();
    let (laptop_after, _) = merge_devices(&laptop, &phone).unwrap();
    let (phone_after, _) = merge_devices(&phone, &laptop_after).unwrap();
    assert_eq!(names(&laptop_after), names(&phone_after));
    let company = |b: &Book| {
        b.contacts
            .iter()
            .find(|c| c.name == "Ana Lima")
            .unwrap()
            .company
            .clone()
    };
    assert_eq!(company(&phone_after), "Acme");
    assert_eq!(phone_after.reach_outs[0].outcome, Outcome::Accepted);
}

#[test]
fn the_newer_edit_of_a_contact_changed_on_both_wins() {
    let (mut laptop, mut phone) = two_devices();
    let ana = laptop
        .contacts
        .iter()
        .find(|c| c.name == "Ana Lima")
        .unwrap()
        .id;
    let mut on_phone = ContactDraft::from_contact(phone.contact(ana).unwrap());
    on_phone.role = "Designer".into();
    phone.update_contact(ana, &on_phone, at(6)).unwrap();
    let (merged, preview) = merge_devices(&laptop, &phone).unwrap();
    assert_eq!(preview.contacts_changed, 1);
    let merged_ana = merged.contact(ana).unwrap();
    assert_eq!(merged_ana.role, "Designer");
    laptop.contacts.retain(|c| c.id != ana);
    let (back, _) = merge_devices(&laptop, &phone).unwrap();
    assert!(
        back.contact(ana).is_some(),
        "a contact deleted on one device comes back from the other"
    );
}

#[test]
fn a_backup_whose_ids_leave_no_room_is_not_merged() {
    let (laptop, mut phone) = two_devices();
    // A contact made on the phone under an id the laptop used too, and one at the last id.
    let mut last = phone.contacts[0].clone();
    last.id = reachout::model::ContactId(reachout::model::Limits::MAX_ID);
    last.created = at(9);
    phone.contacts.push(last);
    phone.next_id = reachout::model::Limits::MAX_ID + 1;
    assert_eq!(
        merge_devices(&laptop, &phone).unwrap_err(),
        reachout::model::ModelError::OutOfIds
    );
}

/// Ids at the top of their range: a merge is refused with advice that works, and a restore
/// (which renumbers such data) gives room again with every link kept.
#[test]
fn ids_near_the_top_are_renumbered_by_a_restore_and_refused_by_a_merge() {
    use reachout::model::{Limits, FEW_IDS};
    let mut high = Book {
        next_id: Limits::MAX_ID - 10,
        ..Book::default()
    };
    let ana = high
        .add_contact(&common::named("Ana Lima"), common::at("2026-11-01"))
        .unwrap();
    let draft = |follows_up| ReachOutDraft {
        channel: Some(reachout::model::Channel::Email),
        date: "2026-11-02".into(),
        note: String::new(),
        follows_up,
        before: Default::default(),
    };
    let first = high
        .log_reach_out(
            ana,
            &draft(None),
            common::day("2026-11-02"),
            common::at("2026-11-02"),
        )
        .unwrap();
    let again = high
        .log_reach_out(
            ana,
            &draft(Some(first)),
            common::day("2026-11-02"),
            common::at("2026-11-02"),
        )
        .unwrap();
    high.note_near_miss(
        Some(ana),
        "",
        common::day("2026-11-03"),
        common::at("2026-11-03"),
    )
    .unwrap();
    high.near_misses[0].reached = Some(again);
    assert!(high.ids_left() < FEW_IDS);

    let merged = reachout::model::merge_devices(&Book::default(), &high);
    let message = merged.unwrap_err().to_string();
    assert!(message.contains("Restore it instead"), "{message}");

    let renumbered = high.renumbered();
    assert_eq!(renumbered.contacts[0].id.0, 1);
    assert_eq!(
        renumbered
            .reach_outs
            .iter()
            .map(|r| r.id.0)
            .collect::<Vec<_>>(),
        [2, 3]
    );
    assert!(renumbered.reach_outs.iter().all(|r| r.contact.0 == 1));
    assert_eq!(renumbered.reach_outs[1].follows_up.map(|f| f.0), Some(2));
    assert_eq!(renumbered.near_misses[0].contact.map(|c| c.0), Some(1));
    assert_eq!(renumbered.near_misses[0].reached.map(|r| r.0), Some(3));
    assert_eq!(renumbered.next_id, 4);
    assert!(renumbered.ids_left() > FEW_IDS);
    // It reads back as a whole, consistent document.
    let text = reachout::format::document::encode(&renumbered, 1, common::at("2026-11-04"));
    assert_eq!(
        reachout::format::document::decode(&text).unwrap().data,
        renumbered
    );
}
