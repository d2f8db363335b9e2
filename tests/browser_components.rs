//! Components mounted in headless Chromium, used the way a person would: type, click, read.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use reachout::app::Shell;
use reachout::components::contact_form::ContactForm;
use reachout::format::document;
use reachout::model::ContactDraft;
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
    leptos::task::tick().await;

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
