//! Behaviour of the model across modules: adding and editing contacts, logging reach-outs,
//! and the validation rules that keep bad input out.

mod common;
use common::{now, today};

use chrono::NaiveDate;
use reachout::model::{
    Book, Channel, ContactDraft, ContactField, ContactId, ModelError, ReachOutDraft, ReachOutField,
};

fn ana() -> ContactDraft {
    ContactDraft {
        name: "  Ana Lima ".into(),
        company: "Acme".into(),
        role: "Designer".into(),
        email: "ana@example.com".into(),
        linkedin: "linkedin.com/in/ana-lima".into(),
        tags: "mentor, design, Mentor".into(),
        notes: "Met at the meetup.\nAsk about the portfolio.".into(),
        stay_in_touch_days: " 30 ".into(),
        phone: " +49 30 1234567 ".into(),
        other_link: "ana.example".into(),
        how_we_met: "at the design meetup".into(),
        expected_fear: "4".into(),
    }
}

fn reach_out(channel: Channel, date: &str, note: &str) -> ReachOutDraft {
    ReachOutDraft {
        channel: Some(channel),
        date: date.into(),
        note: note.into(),
        follows_up: None,
        before: Default::default(),
    }
}

fn invalid_contact_fields(result: Result<ContactId, ModelError>) -> Vec<ContactField> {
    match result {
        Err(ModelError::InvalidContact(errors)) => errors.fields().collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn adding_a_contact_stores_clean_values_and_timestamps() {
    let mut book = Book::default();
    let id = book.add_contact(&ana(), now()).unwrap();
    let contact = book.contact(id).unwrap();
    assert_eq!(contact.name, "Ana Lima");
    assert_eq!(contact.linkedin, "https://linkedin.com/in/ana-lima");
    assert_eq!(contact.tags, ["mentor", "design"]);
    assert_eq!(
        contact.notes,
        "Met at the meetup.\nAsk about the portfolio."
    );
    assert_eq!((contact.created, contact.updated), (now(), now()));
}

#[test]
fn ids_are_never_reused_and_never_zero() {
    let mut book = Book::default();
    let first = book.add_contact(&ana(), now()).unwrap();
    let reach = book
        .log_reach_out(
            first,
            &reach_out(Channel::Email, "2026-11-27", ""),
            today(),
            now(),
        )
        .unwrap();
    let second = book
        .add_contact(
            &ContactDraft {
                name: "Ben".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    assert_eq!((first.0, reach.0, second.0), (1, 2, 3));
}

#[test]
fn only_a_name_is_required() {
    let mut book = Book::default();
    let draft = ContactDraft {
        name: "Ben".into(),
        ..Default::default()
    };
    assert!(book.add_contact(&draft, now()).is_ok());
}

#[test]
fn an_empty_or_blank_name_is_refused_and_nothing_is_saved() {
    let mut book = Book::default();
    let draft = ContactDraft {
        name: "   ".into(),
        ..ana()
    };
    assert_eq!(
        invalid_contact_fields(book.add_contact(&draft, now())),
        [ContactField::Name]
    );
    assert_eq!(book, Book::default());
}

#[test]
fn a_malformed_email_is_refused() {
    let mut book = Book::default();
    let draft = ContactDraft {
        email: "ana(at)example.com".into(),
        ..ana()
    };
    assert_eq!(
        invalid_contact_fields(book.add_contact(&draft, now())),
        [ContactField::Email]
    );
    assert!(book.contacts.is_empty());
}

#[test]
fn a_link_that_is_not_http_is_refused() {
    let mut book = Book::default();
    for link in [
        "javascript:alert(1)",
        "ftp://example.com/file",
        "data:text/html,<b>x</b>",
    ] {
        let draft = ContactDraft {
            linkedin: link.into(),
            ..ana()
        };
        assert_eq!(
            invalid_contact_fields(book.add_contact(&draft, now())),
            [ContactField::Linkedin],
            "{link}"
        );
    }
    assert!(book.contacts.is_empty());
}

#[test]
fn overlong_fields_get_a_message_instead_of_being_cut() {
    let mut book = Book::default();
    let draft = ContactDraft {
        notes: "x".repeat(50_000),
        name: "n".repeat(201),
        ..ana()
    };
    let fields = invalid_contact_fields(book.add_contact(&draft, now()));
    assert_eq!(fields, [ContactField::Name, ContactField::Notes]);
}

#[test]
fn markup_is_kept_as_plain_text() {
    let mut book = Book::default();
    let draft = ContactDraft {
        name: "<script>alert(1)</script>".into(),
        ..Default::default()
    };
    let id = book.add_contact(&draft, now()).unwrap();
    assert_eq!(book.contact(id).unwrap().name, "<script>alert(1)</script>");
}

#[test]
fn editing_a_contact_changes_its_fields_and_updated_time_only() {
    let mut book = Book::default();
    let id = book.add_contact(&ana(), now()).unwrap();
    let later = now() + chrono::Duration::hours(2);
    let edit = ContactDraft {
        company: "Globex".into(),
        tags: String::new(),
        ..ContactDraft::from_contact(book.contact(id).unwrap())
    };
    book.update_contact(id, &edit, later).unwrap();
    let contact = book.contact(id).unwrap();
    assert_eq!(contact.company, "Globex");
    assert!(contact.tags.is_empty());
    assert_eq!(contact.name, "Ana Lima");
    assert_eq!((contact.created, contact.updated), (now(), later));
}

#[test]
fn a_refused_edit_leaves_the_contact_as_it_was() {
    let mut book = Book::default();
    let id = book.add_contact(&ana(), now()).unwrap();
    let before = book.clone();
    let edit = ContactDraft {
        email: "nope".into(),
        ..ContactDraft::from_contact(book.contact(id).unwrap())
    };
    assert!(matches!(
        book.update_contact(id, &edit, now()),
        Err(ModelError::InvalidContact(_))
    ));
    assert_eq!(book, before);
}

#[test]
fn editing_an_unknown_contact_is_an_error() {
    let mut book = Book::default();
    assert_eq!(
        book.update_contact(ContactId(9), &ana(), now()),
        Err(ModelError::UnknownContact(ContactId(9)))
    );
}

#[test]
fn the_timeline_is_newest_first_and_per_contact() {
    let mut book = Book::default();
    let ana_id = book.add_contact(&ana(), now()).unwrap();
    let ben_id = book
        .add_contact(
            &ContactDraft {
                name: "Ben".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    book.log_reach_out(
        ana_id,
        &reach_out(Channel::Email, "2026-11-20", "first"),
        today(),
        now(),
    )
    .unwrap();
    book.log_reach_out(
        ana_id,
        &reach_out(Channel::Phone, "2026-11-25", "second"),
        today(),
        now(),
    )
    .unwrap();
    book.log_reach_out(
        ben_id,
        &reach_out(Channel::Text, "2026-11-26", "ben"),
        today(),
        now(),
    )
    .unwrap();
    // Logged later but dated the same day as "second": it is newer.
    book.log_reach_out(
        ana_id,
        &reach_out(Channel::Video, "2026-11-25", "third"),
        today(),
        now(),
    )
    .unwrap();

    let notes: Vec<&str> = book
        .timeline(ana_id)
        .iter()
        .map(|r| r.note.as_str())
        .collect();
    assert_eq!(notes, ["third", "second", "first"]);
    assert_eq!(
        book.last_reached(ana_id),
        NaiveDate::from_ymd_opt(2026, 11, 25)
    );
    assert_eq!(
        book.recent_reach_outs(2)
            .iter()
            .map(|r| r.note.as_str())
            .collect::<Vec<_>>(),
        ["ben", "third"]
    );
}

#[test]
fn a_reach_out_needs_a_channel_and_a_real_past_date() {
    let mut book = Book::default();
    let id = book.add_contact(&ana(), now()).unwrap();
    let cases = [
        (
            ReachOutDraft {
                channel: None,
                ..ReachOutDraft::new(today())
            },
            ReachOutField::Channel,
        ),
        (
            reach_out(Channel::Email, "2026-11-28", ""),
            ReachOutField::Date,
        ),
        (
            reach_out(Channel::Email, "2026-02-30", ""),
            ReachOutField::Date,
        ),
        (reach_out(Channel::Email, "", ""), ReachOutField::Date),
        (
            reach_out(Channel::Email, "2026-11-27", &"y".repeat(2_001)),
            ReachOutField::Note,
        ),
    ];
    for (draft, field) in cases {
        match book.log_reach_out(id, &draft, today(), now()) {
            Err(ModelError::InvalidReachOut(errors)) => {
                assert_eq!(errors.fields().collect::<Vec<_>>(), [field], "{draft:?}")
            }
            other => panic!("expected {field:?} to be refused, got {other:?}"),
        }
    }
    assert!(book.reach_outs.is_empty());
}

#[test]
fn a_reach_out_for_an_unknown_contact_is_refused() {
    let mut book = Book::default();
    let result = book.log_reach_out(
        ContactId(4),
        &reach_out(Channel::Email, "2026-11-27", ""),
        today(),
        now(),
    );
    assert_eq!(result, Err(ModelError::UnknownContact(ContactId(4))));
}

#[test]
fn the_week_runs_monday_to_sunday() {
    let mut book = Book::default();
    let id = book.add_contact(&ana(), now()).unwrap();
    // 2026-11-27 is a Friday; its week started on Monday the 23rd.
    for date in ["2026-11-22", "2026-11-23", "2026-11-27"] {
        book.log_reach_out(id, &reach_out(Channel::Email, date, ""), today(), now())
            .unwrap();
    }
    assert_eq!(book.reach_outs_this_week(today()), 2);
}

#[test]
fn contacts_sort_by_name_ignoring_case() {
    let mut book = Book::default();
    for name in ["carla", "Ben", "ana"] {
        book.add_contact(
            &ContactDraft {
                name: name.into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    }
    let names: Vec<&str> = book
        .contacts_by_name()
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["ana", "Ben", "carla"]);
}

#[test]
fn a_stay_in_touch_rhythm_is_a_whole_number_of_days_up_to_a_year() {
    let mut book = Book::default();
    for bad in ["0", "366", "-3", "2.5", "weekly"] {
        let draft = ContactDraft {
            stay_in_touch_days: bad.into(),
            ..ana()
        };
        assert_eq!(
            invalid_contact_fields(book.add_contact(&draft, now())),
            [ContactField::StayInTouch],
            "{bad}"
        );
    }
    let id = book
        .add_contact(
            &ContactDraft {
                stay_in_touch_days: String::new(),
                ..ana()
            },
            now(),
        )
        .unwrap();
    assert_eq!(book.contact(id).unwrap().stay_in_touch_days, None);
}

/// Two tabs, one field: an edit form that opened before another tab changed the same field
/// reports the clash instead of overwriting it; fields only one side changed do not clash.
#[test]
fn an_edit_reports_a_field_another_tab_changed_too() {
    let mut book = Book::default();
    let id = book.add_contact(&ana(), now()).unwrap();
    let before = ContactDraft::from_contact(book.contact(id).unwrap());
    // Another tab changes the notes and the company.
    let mut theirs = before.clone();
    theirs.notes = "Theirs.".into();
    theirs.company = "Globex".into();
    book.edit_contact(id, &before, &theirs, now()).unwrap();
    // This form changed the notes and the role.
    let mut mine = before.clone();
    mine.notes = "Mine.".into();
    mine.role = "Designer".into();
    let clashes = book.edit_conflicts(id, &before, &mine);
    assert_eq!(
        clashes,
        vec![reachout::model::EditConflict {
            field: ContactField::Notes,
            theirs: "Theirs.".into(),
            mine: "Mine.".into(),
        }]
    );
    // The same text on both sides is no clash.
    mine.notes = "Theirs.".into();
    assert!(book.edit_conflicts(id, &before, &mine).is_empty());
}

#[test]
fn logging_with_a_near_miss_and_an_answer_is_one_step_all_or_nothing() {
    use reachout::model::{LogAlso, Outcome};
    let mut book = Book::default();
    let ana = book.add_contact(&ana(), now()).unwrap();
    let near_miss = book
        .note_near_miss(Some(ana), "froze", today(), now())
        .unwrap();
    let draft = ReachOutDraft {
        channel: Some(Channel::Email),
        ..ReachOutDraft::new(today())
    };
    // A near miss that is gone: refused, and nothing changed, not even the id counter.
    let before = book.clone();
    let refused = book.log_reach_out_with(
        ana,
        &draft,
        LogAlso {
            near_miss: Some(near_miss + 99),
            answered: Some(Outcome::Accepted),
        },
        today(),
        now(),
    );
    assert_eq!(refused, Err(ModelError::UnknownNearMiss));
    assert_eq!(book, before);
    // A draft the form would refuse: nothing changed either.
    let no_channel = ReachOutDraft::new(today());
    assert!(book
        .log_reach_out_with(ana, &no_channel, LogAlso::default(), today(), now())
        .is_err());
    assert_eq!(book, before);

    let id = book
        .log_reach_out_with(
            ana,
            &draft,
            LogAlso {
                near_miss: Some(near_miss),
                answered: Some(Outcome::Accepted),
            },
            today(),
            now(),
        )
        .unwrap();
    let logged = book.reach_outs.iter().find(|r| r.id == id).unwrap();
    assert_eq!(
        (logged.outcome, logged.outcome_date),
        (Outcome::Accepted, Some(today()))
    );
    assert_eq!(book.near_misses[0].reached, Some(id));
}

#[test]
fn settings_change_through_the_book_or_not_at_all() {
    use reachout::model::{SettingsDraft, SettingsField};
    let mut book = Book::default();
    let before = book.settings.clone();
    let draft = SettingsDraft {
        follow_up_days: "4294967295".into(),
        max_tries: "3".into(),
        ..SettingsDraft::from_settings(&before)
    };
    match book.change_settings(&draft) {
        Err(ModelError::InvalidSettings(found)) => {
            assert!(found.get(SettingsField::FollowUpDays).is_some());
            assert!(found.get(SettingsField::MaxTries).is_none());
        }
        other => panic!("expected the days to be refused, got {other:?}"),
    }
    assert_eq!(book.settings, before, "a refused form changes nothing");
    let draft = SettingsDraft {
        follow_up_days: "5".into(),
        ..draft
    };
    book.change_settings(&draft).unwrap();
    assert_eq!(
        (book.settings.follow_up_days, book.settings.max_tries),
        (5, 3)
    );

    assert!(matches!(
        book.choose_goal("51"),
        Err(ModelError::InvalidGoal(_))
    ));
    assert_eq!(book.settings.weekly_goal, None);
    book.choose_goal(" 2 ").unwrap();
    assert_eq!(book.settings.weekly_goal, Some(2));
    book.skip_goal_question();
    assert!(book.settings.goal_question_skipped);
}
