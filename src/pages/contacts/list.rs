//! The list of contacts found: only the rows on screen (and the one with the focus) are drawn,
//! each at its place in a list as tall as all of them; the arrow keys move through it.

use leptos::prelude::*;

use super::row::{ContactRow, Row};
use crate::components::list_window::ListWindow;
use crate::model::ContactId;
use crate::state::use_app_state;

#[component]
pub(super) fn ContactList(
    window: ListWindow,
    found: Memo<Vec<ContactId>>,
    selected: RwSignal<Vec<ContactId>>,
) -> impl IntoView {
    let state = use_app_state();
    let today = state.today();
    let index = state.contact_index();
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
    view! {
        <ul class="contact-list windowed" aria-label="Contacts" node_ref=window.list
            style:height=move || window.height(found.with(Vec::len))
            on:keydown=move |ev| window.arrow_key(ev, found)
            on:focusin=move |ev| window.focus_in(ev, found)
            on:focusout=move |ev| window.focus_out(ev)>
            <For each=move || 0..rows.with(Vec::len) key=|place| *place let:place>
                <ContactRow place rows selected stride=window.stride/>
            </For>
        </ul>
    }
}
