use super::*;

#[test]
fn folding_ignores_case_and_accents() {
    assert_eq!(fold("José Núñez"), "jose nunez");
    assert_eq!(fold("ÅSA Øberg"), "asa oberg");
    assert_eq!(fold("Straße"), "strasse");
    assert_eq!(fold("Łukasz Żak"), "lukasz zak");
    assert_eq!(fold("李 小龙"), "李 小龙");
}

#[test]
fn a_query_round_trips_through_url_parameters() {
    let query = ContactQuery {
        text: "jose".into(),
        stage: Some(Stage::Waiting),
        tag: Some("mentor".into()),
        channel: Some(Channel::InPerson),
        due_only: true,
        archived: true,
        sort: SortKey::NextFollowUp,
    };
    let params = query.to_params();
    let back = ContactQuery::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(back, query);
    assert!(ContactQuery::default().to_params().is_empty());
}

#[test]
fn malformed_parameters_are_ignored() {
    let query = ContactQuery::from_params([
        ("stage", "nope"),
        ("sort", "<script>"),
        ("due", "yes"),
        ("x", "1"),
    ]);
    assert_eq!(query, ContactQuery::default());
}

#[test]
fn the_count_above_the_list_says_whether_a_search_is_on() {
    let all = ContactQuery::default();
    assert_eq!(all.count_words(1), "1 contact");
    assert_eq!(all.count_words(12_000), "12,000 contacts");
    let searching = ContactQuery {
        text: "ana".into(),
        ..ContactQuery::default()
    };
    assert_eq!(searching.count_words(0), "No contacts match.");
    assert_eq!(searching.count_words(1), "1 contact matches");
    assert_eq!(searching.count_words(3), "3 contacts match");
}
