use super::*;

#[test]
fn tags_are_trimmed_and_deduplicated_ignoring_case() {
    assert_eq!(
        split_tags(" mentor, Design ,, design,MENTOR , "),
        ["mentor", "Design"]
    );
    assert!(split_tags(" , ").is_empty());
}

#[test]
fn one_message_per_field_even_with_several_problems() {
    let draft = ContactDraft {
        email: "not an email".into(),
        ..Default::default()
    };
    let errors = draft.validate().unwrap_err();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors.get(ContactField::Name), Some("Please enter a name."));
    assert!(errors.get(ContactField::Email).is_some());
}
