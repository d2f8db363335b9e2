//! The line above the list: how many contacts are shown, clearing the search and filters,
//! selecting all shown; and the actions on the selection below it.

use std::collections::HashSet;

use leptos::prelude::*;

use super::query::SearchInUrl;
use crate::components::bulk_actions::BulkActions;
use crate::model::{ContactId, ContactQuery};

#[component]
pub(super) fn ListBar(
    search: SearchInUrl,
    found: Memo<Vec<ContactId>>,
    selected: RwSignal<Vec<ContactId>>,
) -> impl IntoView {
    let query = search.query;
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
        // The count, clearing and selecting all share one line above the list.
        <div class="list-bar">
            <p class="muted list-count" role="status">
                {move || query.with(|q| q.count_words(found.with(Vec::len)))}
            </p>
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
    }
}
