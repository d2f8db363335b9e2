//! Components mounted in headless Chromium, used the way a person would: type, click, read.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use reachout::app::Shell;
use reachout::components::contact_form::ContactForm;
use reachout::format::document;
use reachout::model::{Book, ContactDraft};
use reachout::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh element to mount into, so tests don't see each other's DOM.
fn container() -> web_sys::HtmlElement {
    let element = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

/// The form control whose visible label says `label`, found the way a screen reader does.
fn control(root: &web_sys::Element, label: &str) -> web_sys::Element {
    let labels = root.query_selector_all("label").unwrap();
    for i in 0..labels.length() {
        let element: web_sys::Element = labels.item(i).unwrap().unchecked_into();
        let text = element.text_content().unwrap_or_default();
        if text.trim().trim_end_matches(" (required)").trim() == label {
            let id = element.get_attribute("for").unwrap();
            return root.query_selector(&format!("#{id}")).unwrap().unwrap();
        }
    }
    panic!("no control labelled {label:?}");
}

fn type_into(root: &web_sys::Element, label: &str, text: &str) {
    let input: web_sys::HtmlInputElement = control(root, label).unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// Waits `ms` milliseconds of real time, letting timers and tasks run.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn stored(namespace: &str) -> Option<Book> {
    local()
        .get_item(&format!("{namespace}:document"))
        .unwrap()
        .map(|raw| document::decode(&raw).unwrap().data)
}

fn named(name: &str) -> ContactDraft {
    ContactDraft {
        name: name.into(),
        ..Default::default()
    }
}

fn button(root: &web_sys::Element, name: &str) -> web_sys::HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .map(|i| {
            buttons
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
        })
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button named {name:?}"))
}

#[wasm_bindgen_test]
async fn the_contact_form_shows_messages_and_saves_nothing_until_valid() {
    local().remove_item("t-form:document").unwrap();
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        provide_context(AppState::open("t-form"));
        view! { <Router><ContactForm editing=None initial=ContactDraft::default()/></Router> }
    });

    // The fields beyond name and company are folded under "More details".
    button(&root, "More details").click();
    leptos::task::tick().await;
    type_into(&root, "Email", "ana-at-example");
    type_into(&root, "LinkedIn profile", "javascript:alert(1)");
    button(&root, "Add contact").click();
    leptos::task::tick().await;

    let text = root.text_content().unwrap();
    assert!(text.contains("Please enter a name."), "{text}");
    assert!(
        text.contains("doesn't look like an e-mail address"),
        "{text}"
    );
    assert!(
        text.contains("Only web links starting with http:// or https://"),
        "{text}"
    );
    assert_eq!(
        control(&root, "Name")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    let described_by = control(&root, "Name")
        .get_attribute("aria-describedby")
        .unwrap();
    assert!(root
        .query_selector(&format!("#{described_by}"))
        .unwrap()
        .is_some());
    assert_eq!(
        local().get_item("t-form:document").unwrap(),
        None,
        "nothing may be saved"
    );

    type_into(&root, "Name", "Ana Lima");
    type_into(&root, "Email", "ana@example.com");
    type_into(&root, "LinkedIn profile", "");
    button(&root, "Add contact").click();
    // Saves are gathered for up to 300 ms.
    sleep(400).await;

    let saved = local()
        .get_item("t-form:document")
        .unwrap()
        .expect("the contact is saved");
    let book = document::decode(&saved).unwrap().data;
    assert_eq!(book.contacts.len(), 1);
    assert_eq!(book.contacts[0].name, "Ana Lima");
    assert_eq!(book.contacts[0].email, "ana@example.com");
    local().remove_item("t-form:document").unwrap();
}

#[wasm_bindgen_test]
async fn the_shell_offers_every_section_in_its_navigation() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        provide_context(AppState::open("t-shell"));
        view! { <Router><Shell/></Router> }
    });
    leptos::task::tick().await;

    let nav = root
        .query_selector("nav[aria-label='Main']")
        .unwrap()
        .expect("a main navigation");
    let links = nav.query_selector_all("a").unwrap();
    let names: Vec<String> = (0..links.length())
        .map(|i| links.item(i).unwrap().text_content().unwrap_or_default())
        .collect();
    assert_eq!(names, ["Today", "Contacts", "Insights", "Data", "Settings"]);
}

#[wasm_bindgen_test]
async fn changes_are_saved_within_300_ms_or_at_once_when_flushed() {
    local().remove_item("t-later:document").unwrap();
    let owner = Owner::new();
    let state = owner.with(|| AppState::open("t-later"));
    state
        .change(|b| b.add_contact(&named("Ana"), chrono::Utc::now()))
        .unwrap();
    assert_eq!(stored("t-later"), None, "not yet: saves are gathered");
    assert!(state.has_unsaved_changes());
    sleep(400).await;
    assert_eq!(stored("t-later").unwrap().contacts.len(), 1);
    assert!(!state.has_unsaved_changes());

    state
        .change(|b| b.add_contact(&named("Ben"), chrono::Utc::now()))
        .unwrap();
    state.flush();
    assert_eq!(
        stored("t-later").unwrap().contacts.len(),
        2,
        "flushed at once"
    );
    local().remove_item("t-later:document").unwrap();
}

#[wasm_bindgen_test]
async fn two_tabs_changing_at_once_keep_both_changes() {
    local().remove_item("t-both:document").unwrap();
    let owner = Owner::new();
    let (first, second) = owner.with(|| (AppState::open("t-both"), AppState::open("t-both")));
    let now = chrono::Utc::now();
    // Both add a contact before either has saved: both hand out the same id.
    first.change(|b| b.add_contact(&named("Ana"), now)).unwrap();
    second
        .change(|b| b.add_contact(&named("Ben"), now))
        .unwrap();
    second.flush();
    // The first tab's save finds the second tab's and merges instead of writing over it.
    first.flush();
    let book = stored("t-both").unwrap();
    let mut names: Vec<&str> = book.contacts.iter().map(|c| c.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Ana", "Ben"]);
    assert_ne!(book.contacts[0].id, book.contacts[1].id);
    first.book().with_untracked(|b| assert_eq!(*b, book));

    // An edit in one and a new reach-out in the other, unsaved at the same time.
    let ana = book.contacts.iter().find(|c| c.name == "Ana").unwrap().id;
    second.sync_from_storage();
    let mut edit = named("Ana Lima");
    edit.company = "Acme".into();
    first.change(|b| b.update_contact(ana, &edit, now)).unwrap();
    second.change(|b| b.set_archived(ana, true, now)).unwrap();
    first.flush();
    second.flush();
    first.sync_from_storage();
    let book = stored("t-both").unwrap();
    let ana = book.contact(ana).unwrap();
    assert_eq!(
        (ana.name.as_str(), ana.company.as_str(), ana.archived),
        ("Ana Lima", "Acme", true)
    );
    first.book().with_untracked(|b| assert_eq!(*b, book));
    second.book().with_untracked(|b| assert_eq!(*b, book));
    local().remove_item("t-both:document").unwrap();
}

#[wasm_bindgen_test]
async fn a_restore_whose_safety_copy_cannot_be_stored_changes_nothing() {
    for key in ["t-noroom:document", "t-noroom:snapshot"] {
        local().remove_item(key).unwrap();
    }
    let owner = Owner::new();
    let state = owner.with(|| AppState::open("t-noroom"));
    state
        .change(|b| b.add_contact(&named("Ana"), chrono::Utc::now()))
        .unwrap();
    state.flush();
    let mut backup = Book::default();
    backup
        .add_contact(&named("Ben"), chrono::Utc::now())
        .unwrap();
    let text = document::encode(&backup, 1, chrono::Utc::now());
    let backup = reachout::format::backup::read(&text, text.len() as u64).unwrap();
    // A storage that refuses every write of the snapshot key, as a full quota does.
    js_sys::eval(
        "window.__keptSetItem = Storage.prototype.setItem; \
         Storage.prototype.setItem = function (k, v) { \
           if (k.endsWith(':snapshot')) throw new DOMException('full', 'QuotaExceededError'); \
           return window.__keptSetItem.call(this, k, v); };",
    )
    .unwrap();
    let restored = state.restore(backup);
    js_sys::eval("Storage.prototype.setItem = window.__keptSetItem;").unwrap();
    assert_eq!(
        restored,
        Err(reachout::state::RestoreError::NoRoomForSafetyCopy)
    );
    assert!(restored
        .unwrap_err()
        .to_string()
        .starts_with("Nothing was restored"));
    let names: Vec<String> = state
        .book()
        .with_untracked(|b| b.contacts.iter().map(|c| c.name.clone()).collect());
    assert_eq!(names, ["Ana"]);
    assert_eq!(stored("t-noroom").unwrap().contacts[0].name, "Ana");
    assert!(state.snapshot().get_untracked().is_none());
    local().remove_item("t-noroom:document").unwrap();
}

#[wasm_bindgen_test]
fn the_recovery_screen_offers_the_stored_data_and_the_data_page() {
    local()
        .set_item("reachout:document", "stored text, whatever it is")
        .unwrap();
    let body = container();
    body.set_inner_html("<p>The app as it was</p>");
    reachout::recovery::show_in(&body, "panicked at src/somewhere.rs: <b>not markup</b>");
    assert!(!body.text_content().unwrap().contains("The app as it was"));
    let heading = body.query_selector("h1").unwrap().unwrap();
    assert_eq!(
        heading.text_content().unwrap(),
        "Reachout hit a bug. Your data is safe in this browser."
    );
    let download = body
        .query_selector("a[download]")
        .unwrap()
        .expect("a download link");
    assert_eq!(download.text_content().unwrap(), "Download the stored data");
    assert!(download.get_attribute("href").unwrap().starts_with("blob:"));
    let data = body
        .query_selector("a[href='/data']")
        .unwrap()
        .expect("a link to the Data page");
    assert_eq!(data.text_content().unwrap(), "Open the Data page");
    // The details are text, never markup.
    assert!(body.query_selector("pre b").unwrap().is_none());
    assert!(body.text_content().unwrap().contains("<b>not markup</b>"));
    local().remove_item("reachout:document").unwrap();
    body.remove();
}

/// Picks a radio button by its visible label inside the group whose legend says `legend`.
fn pick(root: &web_sys::Element, legend: &str, choice: &str) {
    let groups = root.query_selector_all("fieldset").unwrap();
    let group: web_sys::Element = (0..groups.length())
        .map(|i| groups.item(i).unwrap().unchecked_into::<web_sys::Element>())
        .find(|g| {
            g.query_selector("legend")
                .unwrap()
                .and_then(|l| l.text_content())
                .is_some_and(|t| t.trim().starts_with(legend))
        })
        .unwrap_or_else(|| panic!("no group {legend:?}"));
    let radio: web_sys::HtmlInputElement = control(&group, choice).unchecked_into();
    radio.set_checked(true);
    radio
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_before_step_is_open_until_closed_once_and_saves_fear_and_expectation() {
    let namespace = "t-before";
    local()
        .remove_item(&format!("{namespace}:document"))
        .unwrap();
    local()
        .remove_item(&format!("{namespace}:pref:before-step"))
        .unwrap();
    let state = AppState::open(namespace);
    let ana = state
        .change(|b| b.add_contact(&named("Ana"), reachout::clock::now()))
        .unwrap();
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view! { <Router><reachout::components::reach_out_form::ReachOutForm contact=ana/></Router> }
    });
    // Fear and expectation are asked at once; the other questions are folded.
    assert!(
        root.text_content().unwrap().contains("How afraid are you?"),
        "open at first"
    );
    pick(&root, "How afraid are you?", "6");
    pick(&root, "What do you expect?", "A yes");
    button(&root, "More questions (optional)").click();
    leptos::task::tick().await;
    type_into(&root, "Or: the chance of a yes, in %", "101");
    pick(&root, "Channel", "Email");
    button(&root, "Save reach-out").click();
    leptos::task::tick().await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("Enter a chance from 0 to 100 %, or leave it empty."),
        "{text}"
    );
    type_into(&root, "Or: the chance of a yes, in %", "80");
    button(&root, "Save reach-out").click();
    sleep(400).await;
    let book = stored(namespace).expect("saved");
    let before = &book.reach_outs[0].before;
    assert_eq!(before.fear, Some(6));
    assert_eq!(before.expect, Some(reachout::model::Expectation::Yes));
    assert_eq!(before.yes_chance, Some(80));
    // Nothing remembered until the person closes the step; closed once, it stays closed.
    let pref = || {
        local()
            .get_item(&format!("{namespace}:pref:before-step"))
            .unwrap()
    };
    assert_eq!(pref(), None);
    button(&root, "Before you reach out (optional)").click();
    leptos::task::tick().await;
    assert!(!root.text_content().unwrap().contains("How afraid are you?"));
    // Kept as JSON through gloo-storage.
    assert_eq!(pref().as_deref(), Some("\"closed\""));
    let again = container();
    let _second = leptos::mount::mount_to(again.clone(), move || {
        provide_context(state);
        view! { <Router><reachout::components::reach_out_form::ReachOutForm contact=ana/></Router> }
    });
    assert!(!again
        .text_content()
        .unwrap()
        .contains("How afraid are you?"));
}

#[wasm_bindgen_test]
async fn a_half_filled_contact_form_comes_back_after_leaving_and_warns_of_a_namesake() {
    let namespace = "t-draft";
    local()
        .remove_item(&format!("{namespace}:document"))
        .unwrap();
    let state = AppState::open(namespace);
    state
        .change(|b| b.add_contact(&named("Anna Meyer"), reachout::clock::now()))
        .unwrap();
    let drafts = reachout::components::contact_form::Drafts::default();
    let form = move || {
        provide_context(state);
        provide_context(drafts);
        view! { <Router><ContactForm editing=None initial=ContactDraft::default()/></Router> }
    };
    let root = container();
    let mounted = leptos::mount::mount_to(root.clone(), form);
    type_into(&root, "Name", "anna  MEYER");
    type_into(&root, "Company", "Northwind");
    leptos::task::tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("You already have Anna Meyer"), "{text}");
    drop(mounted);

    // Drawn again (the person came back to the page): what they typed is there.
    let again = container();
    let _mounted = leptos::mount::mount_to(again.clone(), form);
    leptos::task::tick().await;
    let company: web_sys::HtmlInputElement = control(&again, "Company").unchecked_into();
    assert_eq!(company.value(), "Northwind");
    assert!(again
        .text_content()
        .unwrap()
        .contains("We kept what you were typing here before."));
    button(&again, "Discard it").click();
    leptos::task::tick().await;
    assert_eq!(company.value(), "");
    state.flush();
    assert_eq!(
        stored(namespace).unwrap().contacts.len(),
        1,
        "nothing saved"
    );
}
