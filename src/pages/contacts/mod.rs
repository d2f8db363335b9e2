//! The Contacts page: search as you type, filter and sort, all kept in the URL so a view can be
//! bookmarked and Back works. The list moves with the arrow keys.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::components::bulk_actions::BulkActions;
use crate::components::list_window::ListWindow;
use crate::links::href;
use crate::model::{grouped, ContactId, ContactQuery};
use crate::state::use_app_state;

mod filters;
mod query;
mod row;

use filters::SearchAndFilters;
use query::SearchInUrl;
use row::{ContactRow, Row};

#[component]
pub fn ContactsPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    let today = state.today();
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
    // A search or filter changes the list's height, and the first rows drawn give the row
    // height (a page opened on a search with no match has none to measure).
    // When the list changes under a focused row (another tab's save, a new sort), the focus
    // follows its contact to the new place, rather than staying on an element that now shows
    // someone else.
    Effect::new(move |_| {
        found.track();
        request_animation_frame(move || {
            window.measure();
            window.refocus(found);
        });
    });
    let rows = Memo::new(move |_| {
        let today = today.get();
        let positions = window.positions(found);
        found.with(|ids| {
            index.with(|(_, index)| {
                state.book().with(|book| {
                    positions
                        .into_iter()
                        .filter_map(|at| {
                            let id = ids[at];
                            let c = book.contact(id)?;
                            let facts = index.entry(id)?;
                            Some(Row::of(at, ids.len(), c, facts, today))
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let total = move || state.book().with(|b| b.contacts.len());
    let selected = RwSignal::new(Vec::<ContactId>::new());
    // Only what the search and filters show can stay selected.
    let visible_selection = move || {
        if selected.with(Vec::is_empty) {
            return Vec::new();
        }
        found.with(|shown| {
            let shown: HashSet<ContactId> = shown.iter().copied().collect();
            selected.with(|s| {
                s.iter()
                    .copied()
                    .filter(|id| shown.contains(id))
                    .collect::<Vec<_>>()
            })
        })
    };
    let all_selected = move || {
        let chosen: HashSet<ContactId> = selected.with(|s| s.iter().copied().collect());
        found.with(|ids| !ids.is_empty() && ids.iter().all(|id| chosen.contains(id)))
    };
    let select_all = move |ev| {
        let on = event_target_checked(&ev);
        selected.set(if on {
            found.get_untracked()
        } else {
            Vec::new()
        });
    };

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
                // The count, clearing and selecting all share one line above the list.
                <div class="list-bar">
                    <p class="muted list-count" role="status">{move || {
                        let shown = found.with(Vec::len);
                        match (shown, query.with(|q| *q == ContactQuery::default())) {
                            (1, true) => "1 contact".to_string(),
                            (n, true) => format!("{} contacts", grouped(n)),
                            (0, false) => "No contacts match.".to_string(),
                            (1, false) => "1 contact matches".to_string(),
                            (n, false) => format!("{} contacts match", grouped(n)),
                        }
                    }}</p>
                    <Show when=move || query.with(|q| *q != ContactQuery::default())>
                        <button type="button" class="button small" on:click=move |_| search.clear()>"Clear search and filters"</button>
                    </Show>
                    <Show when=move || found.with(|r| !r.is_empty())>
                        <label class="check">
                            <input type="checkbox" prop:checked=all_selected on:change=select_all/>
                            "Select all shown"
                        </label>
                    </Show>
                </div>
                <Show when=move || !visible_selection().is_empty()>
                    <BulkActions selection=Signal::derive(visible_selection) selected archived=Signal::derive(move || query.with(|q| q.archived))/>
                </Show>
                // Only the rows on screen (and the one with the focus) are drawn, each at its
                // place in a list as tall as all of them.
                <ul class="contact-list windowed" aria-label="Contacts" node_ref=window.list
                    style:height=move || window.height(found.with(Vec::len))
                    on:keydown=move |ev| window.arrow_key(ev, found)
                    on:focusin=move |ev| window.focus_in(ev, found)
                    on:focusout=move |ev| window.focus_out(ev)>
                    <For each=move || 0..rows.with(Vec::len) key=|place| *place let:place>
                        <ContactRow place rows selected stride=window.stride/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
