//! The search box and the filters above the contact list. On a phone the filters wait behind
//! a button that says how many are on.

use leptos::prelude::*;

use super::query::SearchInUrl;
use crate::components::list_window::ListWindow;
use crate::model::{Channel, ContactId, ContactQuery, SortKey, Stage};
use crate::state::use_app_state;

/// A `<select>`'s handler that sets one part of the query from the value chosen.
fn on_pick(
    search: SearchInUrl,
    set: fn(&mut ContactQuery, &str),
) -> impl Fn(leptos::ev::Event) + Copy {
    move |ev| {
        let value = event_target_value(&ev);
        search.choose(|q| set(q, &value));
    }
}

/// A checkbox's handler that sets one switch of the query.
fn on_check(
    search: SearchInUrl,
    set: fn(&mut ContactQuery, bool),
) -> impl Fn(leptos::ev::Event) + Copy {
    move |ev| {
        let on = event_target_checked(&ev);
        search.choose(|q| set(q, on));
    }
}

#[component]
pub(super) fn SearchAndFilters(
    search: SearchInUrl,
    window: ListWindow,
    found: Memo<Vec<ContactId>>,
) -> impl IntoView {
    let state = use_app_state();
    let tags = move || state.book().with(|b| b.all_tags());
    let filters_open = RwSignal::new(false);
    let from_url = search.from_url;
    view! {
        <search class="card filters">
            <div class="field search-field">
                <label for="contact-search">"Search contacts"</label>
                <input id="contact-search" type="search" autocomplete="off"
                    aria-keyshortcuts="/"
                    prop:value=move || search.query.with(|q| q.text.clone())
                    on:input=move |ev| search.type_text(event_target_value(&ev))
                    // Down from the search box goes into the list, to its first row.
                    on:keydown=move |ev| if ev.key() == "ArrowDown" { window.arrow_key(ev, found) } />
            </div>
            <button type="button" class="button small filter-toggle" aria-controls="filter-panel"
                aria-expanded=move || filters_open.get().to_string()
                on:click=move |_| filters_open.update(|o| *o = !*o)>
                {move || match search.filters_on() {
                    0 => "Filter and sort".to_string(),
                    n => format!("Filter and sort ({n} on)"),
                }}
            </button>
            <div id="filter-panel" class="filter-panel" class:open=move || filters_open.get()>
            <div class="filter-row">
                <div class="field">
                    <label for="filter-stage">"Stage"</label>
                    <select id="filter-stage" on:change=on_pick(search, |q, v| q.stage = Stage::from_key(v))>
                        <option value="" selected=move || from_url.with(|q| q.stage.is_none())>"All stages"</option>
                        {Stage::ALL.into_iter().filter(|s| *s != Stage::Archived).map(|s| view! {
                            <option value=s.key() selected=move || from_url.with(|q| q.stage == Some(s))>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-tag">"Tag"</label>
                    <select id="filter-tag" on:change=on_pick(search, |q, v| q.tag = (!v.is_empty()).then(|| v.to_string()))>
                        <option value="" selected=move || from_url.with(|q| q.tag.is_none())>"All tags"</option>
                        {move || tags().into_iter().map(|t| {
                            let selected = from_url.with_untracked(|q| q.tag.as_deref() == Some(t.as_str()));
                            view! { <option value=t.clone() selected=selected>{t.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-channel">"Channel used"</label>
                    <select id="filter-channel" on:change=on_pick(search, |q, v| q.channel = Channel::from_key(v))>
                        <option value="" selected=move || from_url.with(|q| q.channel.is_none())>"Any channel"</option>
                        {Channel::ALL.into_iter().map(|c| view! {
                            <option value=c.key() selected=move || from_url.with(|q| q.channel == Some(c))>{c.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="sort-contacts">"Sort by"</label>
                    <select id="sort-contacts" on:change=on_pick(search, |q, v| q.sort = SortKey::from_key(v).unwrap_or_default())>
                        {SortKey::ALL.into_iter().map(|s| view! {
                            <option value=s.key() selected=move || from_url.with(|q| q.sort == s)>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="filter-row checks">
                <label class="check">
                    <input type="checkbox" prop:checked=move || from_url.with(|q| q.due_only)
                        on:change=on_check(search, |q, on| q.due_only = on) />
                    "Due or overdue only"
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || from_url.with(|q| q.archived)
                        on:change=on_check(search, |q, on| q.archived = on) />
                    "Show archived contacts"
                </label>
            </div>
            </div>
        </search>
    }
}
