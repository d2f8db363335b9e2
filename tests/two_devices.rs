//! Two devices brought in step by passing one backup each way.

mod common;
use common::named;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use reachout::model::{merge_devices, Book, Channel, ContactDraft, Outcome, ReachOutDraft};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn hours_in(hours: i64) -> DateTime<Utc> {
    today().and_hms_opt(8, 0, 0).unwrap().and_utc() + Duration::hours(hours)
}

fn names(book: &Book) -> Vec<String> {
    let mut names: Vec<String> = book.contacts.iter().map(|c| c.name.clone()).collect();
    names.sort();
    names
}

/// The data both devices started from (one restored the other's backup), and each one's edits.
fn two_devices() -> (Book, Book) {
    let mut shared = Book::default();
    let ana = shared.add_contact(&named("Ana Lima"), hours_in(0)).unwrap();
    shared
        .add_contact(&named("Ben Okafor"), hours_in(0))
        .unwrap();
    let draft = ReachOutDraft {
        channel: Some(Channel::Email),
        ..ReachOutDraft::new(today())
    };
    shared
        .log_reach_out(ana, &draft, today(), hours_in(0))
        .unwrap();

    let mut laptop = shared.clone();
    let mut edit = ContactDraft::from_contact(laptop.contact(ana).unwrap());
    edit.company = "Acme".into();
    laptop.update_contact(ana, &edit, hours_in(2)).unwrap();
    laptop
        .add_contact(&named("Laptop New"), hours_in(3))
        .unwrap();

    let mut phone = shared.clone();
    phone.add_contact(&named("Phone New"), hours_in(4)).unwrap();
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
    let (merged, preview) = merge_devices(&laptop, &phone, None).unwrap();
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
    let (again, preview) = merge_devices(&merged, &phone, None).unwrap();
    assert_eq!(again, merged);
    assert_eq!((preview.contacts_added, preview.reach_outs_added), (0, 0));
}

#[test]
fn one_file_each_way_brings_both_devices_in_step() {
    let (laptop, phone) = two_devices();
    let (laptop_after, _) = merge_devices(&laptop, &phone, None).unwrap();
    let (phone_after, _) = merge_devices(&phone, &laptop_after, None).unwrap();
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
    phone.update_contact(ana, &on_phone, hours_in(6)).unwrap();
    let (merged, preview) = merge_devices(&laptop, &phone, None).unwrap();
    assert_eq!(preview.contacts_changed, 1);
    let merged_ana = merged.contact(ana).unwrap();
    assert_eq!(merged_ana.role, "Designer");
    laptop.contacts.retain(|c| c.id != ana);
    let (back, _) = merge_devices(&laptop, &phone, None).unwrap();
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
    last.created = hours_in(9);
    phone.contacts.push(last);
    phone.next_id = reachout::model::Limits::MAX_ID + 1;
    assert_eq!(
        merge_devices(&laptop, &phone, None).unwrap_err(),
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

    let merged = reachout::model::merge_devices(&Book::default(), &high, None);
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

/// One device: its data, its record of exchanges, and the copies that record names.
struct Device {
    book: Book,
    exchanges: reachout::format::exchange::Exchanges,
    copies: std::collections::HashMap<String, Book>,
}

impl Device {
    fn new(id: u64, book: Book) -> Device {
        Device {
            book,
            exchanges: reachout::format::exchange::Exchanges {
                device: reachout::format::exchange::device_id(id),
                ..Default::default()
            },
            copies: Default::default(),
        }
    }

    /// "Download a backup": the file's text, and a copy kept of what it holds.
    fn write_backup(&mut self, now: DateTime<Utc>) -> String {
        use reachout::format::{backup, exchange};
        let text = backup::export(&self.book, 1, now, &self.exchanges.head()).unwrap();
        let hash = exchange::fingerprint(&text);
        for gone in self.exchanges.wrote(hash.clone(), now) {
            self.copies.remove(&gone);
        }
        self.copies.insert(hash, self.book.clone());
        text
    }

    /// "Merge it with your data", as the Data page does it; returns the preview.
    fn merge(&mut self, text: &str) -> reachout::model::DeviceMerge {
        use reachout::format::{backup, exchange};
        let document = backup::read(text, text.len() as u64).unwrap();
        let head = exchange::Head::of(text);
        let ancestor = self
            .exchanges
            .ancestor(&head)
            .and_then(|held| self.copies.get(&held.hash));
        let (merged, preview) = merge_devices(&self.book, &document.data, ancestor).unwrap();
        self.book = merged;
        let device = head.device.unwrap();
        let hash = exchange::fingerprint(text);
        for gone in self
            .exchanges
            .merged_from(&device, hash.clone(), document.saved_at)
        {
            self.copies.remove(&gone);
        }
        self.copies.insert(hash, document.data);
        preview
    }
}

fn contact_named<'a>(book: &'a Book, name: &str) -> &'a reachout::model::Contact {
    book.contacts.iter().find(|c| c.name == name).unwrap()
}

fn edit(book: &mut Book, name: &str, change: impl FnOnce(&mut ContactDraft), now: DateTime<Utc>) {
    let id = contact_named(book, name).id;
    let mut draft = ContactDraft::from_contact(book.contact(id).unwrap());
    change(&mut draft);
    book.update_contact(id, &draft, now).unwrap();
}

/// A laptop and a phone that passed one backup each way, so that each knows the other's.
fn in_step() -> (Device, Device) {
    let (laptop, phone) = two_devices();
    let mut laptop = Device::new(0x1a, laptop);
    let mut phone = Device::new(0x2b, phone);
    let text = laptop.write_backup(hours_in(10));
    assert!(
        !phone.merge(&text).from_ancestor,
        "the first exchange has none"
    );
    let text = phone.write_backup(hours_in(11));
    let preview = laptop.merge(&text);
    assert!(
        preview.from_ancestor,
        "the phone merged the laptop's backup"
    );
    assert_eq!(names(&laptop.book), names(&phone.book));
    (laptop, phone)
}

#[test]
fn after_one_exchange_each_way_two_devices_merge_field_by_field() {
    let (mut laptop, mut phone) = in_step();
    // Different fields of one contact, the phone's edit the later one.
    edit(
        &mut laptop.book,
        "Ana Lima",
        |d| d.notes = "Met at the fair".into(),
        hours_in(20),
    );
    edit(
        &mut phone.book,
        "Ana Lima",
        |d| d.role = "Designer".into(),
        hours_in(21),
    );
    // The same field on both: each device keeps its own value.
    edit(
        &mut laptop.book,
        "Phone New",
        |d| d.company = "Laptop's".into(),
        hours_in(20),
    );
    edit(
        &mut phone.book,
        "Phone New",
        |d| d.company = "Phone's".into(),
        hours_in(21),
    );

    let without = merge_devices(&laptop.book, &phone.book, None).unwrap().0;
    assert_eq!(
        contact_named(&without, "Ana Lima").notes,
        "",
        "without an ancestor the newer version is kept whole (today's behaviour)"
    );

    let text = phone.write_backup(hours_in(22));
    let preview = laptop.merge(&text);
    assert!(preview.from_ancestor);
    let ana = contact_named(&laptop.book, "Ana Lima");
    assert_eq!(
        (ana.notes.as_str(), ana.role.as_str()),
        ("Met at the fair", "Designer")
    );
    assert_eq!(contact_named(&laptop.book, "Phone New").company, "Laptop's");

    // Back the other way, the phone finds its own last backup named in the laptop's.
    let text = laptop.write_backup(hours_in(23));
    assert!(phone.merge(&text).from_ancestor);
    let ana = contact_named(&phone.book, "Ana Lima");
    assert_eq!(
        (ana.notes.as_str(), ana.role.as_str()),
        ("Met at the fair", "Designer")
    );
    assert_eq!(names(&phone.book), names(&laptop.book));
}

#[test]
fn a_contact_deleted_on_one_device_stays_deleted_after_a_merge() {
    let (mut laptop, mut phone) = in_step();
    let laptop_new = contact_named(&phone.book, "Laptop New").id;
    phone
        .book
        .delete_contacts(&[laptop_new], hours_in(20))
        .unwrap();
    let text = phone.write_backup(hours_in(21));
    let preview = laptop.merge(&text);
    assert_eq!(preview.contacts_removed, 1);
    assert!(!names(&laptop.book).contains(&"Laptop New".to_string()));
    assert_eq!(laptop.book.deleted.len(), 1, "the mark travels on");
}

#[test]
fn without_an_ancestor_the_marks_of_deleted_contacts_still_count() {
    let (mut laptop, mut phone) = two_devices();
    // Both have Ana from the shared start; the phone deletes her.
    let ana = contact_named(&phone, "Ana Lima").id;
    phone.delete_contacts(&[ana], hours_in(20)).unwrap();
    let (merged, preview) = merge_devices(&laptop, &phone, None).unwrap();
    assert!(!preview.from_ancestor);
    assert_eq!(preview.contacts_removed, 1);
    assert!(merged.contact(ana).is_none());
    assert!(
        merged.reach_outs.iter().all(|r| r.contact != ana),
        "her reach-outs go with her"
    );

    // Edited on the laptop after the phone deleted her: the edit wins, and the mark goes.
    edit(
        &mut laptop,
        "Ana Lima",
        |d| d.notes = "Still keen".into(),
        hours_in(21),
    );
    let (merged, preview) = merge_devices(&laptop, &phone, None).unwrap();
    assert_eq!(preview.contacts_removed, 0);
    assert_eq!(merged.contact(ana).unwrap().notes, "Still keen");
    assert!(merged.deleted.iter().all(|d| d.id != ana));

    // The other way round: the phone merging the laptop's backup lets its own delete stand.
    let (laptop, _) = two_devices();
    let (merged, _) = merge_devices(&phone, &laptop, None).unwrap();
    assert!(merged.contact(ana).is_none());
}

#[test]
fn an_ancestor_that_a_side_did_not_grow_from_is_set_aside() {
    let (laptop, phone) = two_devices();
    // An "ancestor" holding a contact the laptop never had and never deleted.
    let mut stale = laptop.clone();
    stale
        .add_contact(&named("Never Here"), hours_in(1))
        .unwrap();
    let mut phone = phone;
    phone
        .contacts
        .push(contact_named(&stale, "Never Here").clone());
    let (merged, preview) = merge_devices(&laptop, &phone, Some(&stale)).unwrap();
    assert!(!preview.from_ancestor);
    assert!(
        names(&merged).contains(&"Never Here".to_string()),
        "a record is never lost to a stale ancestor"
    );
}

#[test]
fn a_device_that_restored_a_backup_starts_its_exchanges_again() {
    let (mut laptop, phone) = in_step();
    let before = laptop.exchanges.device.clone();
    let gone = laptop
        .exchanges
        .start_again(reachout::format::exchange::device_id(0x3c));
    assert_eq!(gone.len(), 2, "the copies of both backups are let go");
    assert_ne!(laptop.exchanges.device, before);
    let mut phone = phone;
    let text = laptop.write_backup(hours_in(30));
    assert!(
        !phone.merge(&text).from_ancestor,
        "the phone knows nothing of the laptop's new id"
    );
}
