//! The Contacts page: search as you type, filter and sort, all kept in the URL so a view can be
//! bookmarked and Back works. The list moves with the arrow keys.

use leptos::prelude::*;

use crate::components::list_window::ListWindow;
use crate::links::href;
use crate::model::{ContactId, ContactQuery};
use crate::state::use_app_state;

mod bar;
mod filters;
mod list;
mod query;
mod row;

use bar::ListBar;
use filters::SearchAndFilters;
use list::ContactList;
use query::SearchInUrl;

#[component]
pub fn ContactsPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    let search = SearchInUrl::attach();
    let query = search.query;

    // Every contact's search text and row facts, worked out once per change of the data (and
    // kept by the app between visits); a keystroke only filters and sorts the index, and only
    // the rows on screen are drawn. Each build is numbered, so that a search only narrows a
    // result of the same build.
    let index = state.contact_index();
    // The query with its result; typing on narrows the last result instead of searching all.
    let searched = Memo::new(
        move |before: Option<&(u64, ContactQuery, Vec<ContactId>)>| {
            let query = query.get();
            index.with(|(build, index)| {
                let before = before
                    .filter(|(earlier, _, _)| earlier == build)
                    .map(|(_, q, ids)| (q, ids.as_slice()));
                (*build, query.clone(), index.find_after(&query, before))
            })
        },
    );
    let found = Memo::new(move |_| searched.with(|(_, _, ids)| ids.clone()));
    let window = ListWindow::attach();
    let total = move || state.book().with(|b| b.contacts.len());
    let selected = RwSignal::new(Vec::<ContactId>::new());

    view! {
        <section class="page">
            <header class="page-header">
                <h1>"Contacts"</h1>
                <div class="actions">
                    <a class="button" href=href("/import")>"Import"</a>
                    <a class="button primary" href=href("/contacts/new")>"Add contact"</a>
                </div>
            </header>
            <Show when=move || { total() > 0 }
                fallback=|| view! {
                    <div class="card empty">
                        <p>"No contacts yet. Who would you like to talk to?"</p>
                        <a class="button primary" href=href("/contacts/new")>"Add your first contact"</a>
                        <a class="button" href=href("/import")>"Import from LinkedIn, a phone or a spreadsheet"</a>
                    </div>
                }>
                <SearchAndFilters search window found/>
                <ListBar search found selected/>
                <ContactList window found selected/>
            </Show>
        </section>
    }
}
