//! The Contacts page: search as you type, filter and sort, all kept in the URL so a view can be
//! bookmarked and Back works. The list moves with the arrow keys.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::components::bulk_actions::BulkActions;
use crate::components::user_text::role_at_company;
use crate::links::href;
use crate::model::dates::relative_day;
use crate::model::{Channel, ContactId, ContactQuery, SortKey, Stage};
use crate::state::use_app_state;

/// The URL parameters the page understands.
const PARAMS: [&str; 7] = ["q", "stage", "tag", "channel", "due", "archived", "sort"];

/// One line of the list. It is its own `<For/>` key: a row is rebuilt only when something it
/// shows changed, and an unchanged row keeps its DOM node (and focus).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: ContactId,
    name: String,
    detail: Vec<String>,
    tags: Vec<String>,
    last: String,
    next: Option<String>,
    stage: &'static str,
}

/// Per contact, what its row shows besides its own fields.
#[derive(Clone, PartialEq)]
struct RowIndex {
    stages: std::collections::HashMap<ContactId, Stage>,
    last: std::collections::HashMap<ContactId, chrono::NaiveDate>,
    /// When the open thread's follow-up falls due, and whether it has had all its tries.
    next: std::collections::HashMap<ContactId, (chrono::NaiveDate, bool)>,
}

#[component]
pub fn ContactsPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    let today = state.today().get_untracked();
    let params = use_query_map();
    let navigate = StoredValue::new_local(use_navigate());
    let query = Memo::new(move |_| {
        params.with(|p| {
            let pairs: Vec<(&str, String)> = PARAMS
                .iter()
                .filter_map(|k| p.get_str(k).map(|v| (*k, v.to_string())))
                .collect();
            ContactQuery::from_params(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        })
    });
    // Typing replaces the history entry; choosing a filter adds one, so Back undoes it.
    let set_query = move |next: ContactQuery, replace: bool| {
        let mut map = ParamsMap::new();
        for (key, value) in next.to_params() {
            map.insert(key, value);
        }
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        };
        navigate.with_value(|go| go(&format!("/contacts{}", map.to_query_string()), options));
    };
    let update = move |change: &dyn Fn(&mut ContactQuery), replace: bool| {
        let mut next = query.get_untracked();
        change(&mut next);
        set_query(next, replace);
    };

    // What each row shows beside the name (stage, last reach-out, next follow-up), worked out
    // once per change of the data, not per keystroke in the search.
    let index = Memo::new(move |_| {
        state.book().with(|book| {
            let max_tries = book.settings.max_tries;
            RowIndex {
                stages: book.stages(),
                last: book.last_reached_by_contact(),
                next: book
                    .open_threads()
                    .into_iter()
                    .map(|t| (t.contact, (t.due, t.tries >= max_tries)))
                    .collect(),
            }
        })
    });
    let rows = Memo::new(move |_| {
        let query = query.get();
        index.with(|index| {
            state.book().with(|book| {
                book.find_contacts(&query, today)
                    .into_iter()
                    .filter_map(|id| book.contact(id))
                    .map(|c| Row {
                        id: c.id,
                        name: c.name.clone(),
                        detail: c.role_at_company().into_iter().map(String::from).collect(),
                        tags: c.tags.clone(),
                        last: match index.last.get(&c.id) {
                            Some(day) => format!("Last reached out {}", relative_day(*day, today)),
                            None => "Not reached out yet".into(),
                        },
                        next: index.next.get(&c.id).map(|(due, tried_out)| {
                            match (tried_out, *due <= today) {
                                (true, _) => "time to close the loop".to_string(),
                                (false, true) => "follow-up ready for a gentle nudge".to_string(),
                                (false, false) => {
                                    format!("follow-up {}", relative_day(*due, today))
                                }
                            }
                        }),
                        stage: index.stages.get(&c.id).map_or("", |s| s.label()),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let filters_open = RwSignal::new(false);
    let active_filters = move || {
        query.with(|q| {
            [
                q.stage.is_some(),
                q.tag.is_some(),
                q.channel.is_some(),
                q.due_only,
                q.archived,
            ]
            .into_iter()
            .filter(|on| *on)
            .count()
        })
    };
    let total = move || state.book().with(|b| b.contacts.len());
    let tags = move || state.book().with(|b| b.all_tags());

    let on_text = {
        move |ev| {
            let text = event_target_value(&ev);
            update(&|q: &mut ContactQuery| q.text = text.clone(), true)
        }
    };
    let on_stage = {
        move |ev| {
            let value = event_target_value(&ev);
            update(
                &|q: &mut ContactQuery| q.stage = Stage::from_key(&value),
                false,
            )
        }
    };
    let on_tag = {
        move |ev| {
            let value = event_target_value(&ev);
            update(
                &|q: &mut ContactQuery| q.tag = (!value.is_empty()).then(|| value.clone()),
                false,
            )
        }
    };
    let on_channel = {
        move |ev| {
            let value = event_target_value(&ev);
            update(
                &|q: &mut ContactQuery| q.channel = Channel::from_key(&value),
                false,
            )
        }
    };
    let on_sort = {
        move |ev| {
            let value = event_target_value(&ev);
            update(
                &|q: &mut ContactQuery| q.sort = SortKey::from_key(&value).unwrap_or_default(),
                false,
            )
        }
    };
    let on_due = {
        move |ev| {
            let checked = event_target_checked(&ev);
            update(&|q: &mut ContactQuery| q.due_only = checked, false)
        }
    };
    let on_archived = {
        move |ev| {
            let checked = event_target_checked(&ev);
            update(&|q: &mut ContactQuery| q.archived = checked, false)
        }
    };
    let clear = move |_| set_query(ContactQuery::default(), false);
    let selected = RwSignal::new(Vec::<ContactId>::new());
    // Only what is on screen can stay selected.
    let visible_selection = move || {
        let shown: Vec<ContactId> = rows.with(|r| r.iter().map(|row| row.id).collect());
        selected.with(|s| {
            s.iter()
                .copied()
                .filter(|id| shown.contains(id))
                .collect::<Vec<_>>()
        })
    };
    let all_selected = move || {
        rows.with(|r| !r.is_empty() && r.iter().all(|row| selected.with(|s| s.contains(&row.id))))
    };
    let select_all = move |ev| {
        let on = event_target_checked(&ev);
        selected.set(if on {
            rows.with(|r| r.iter().map(|row| row.id).collect())
        } else {
            Vec::new()
        });
    };

    view! {
        <section class="page">
            <header class="page-header">
                <h1>"Contacts"</h1>
                <a class="button primary" href=href("/contacts/new")>"Add contact"</a>
            </header>
            <Show when=move || { total() > 0 }
                fallback=|| view! {
                    <div class="card empty">
                        <p>"No contacts yet. Who would you like to talk to?"</p>
                        <a class="button primary" href=href("/contacts/new")>"Add your first contact"</a>
                    </div>
                }>
                <search class="card filters">
                    <div class="field search-field">
                        <label for="contact-search">"Search contacts"</label>
                        <input id="contact-search" type="search" autocomplete="off"
                            aria-keyshortcuts="/"
                            prop:value=move || query.with(|q| q.text.clone())
                            on:input=on_text />
                    </div>
                    // On a phone the filters wait behind this button, which says how many are on.
                    <button type="button" class="button small filter-toggle" aria-controls="filter-panel"
                        aria-expanded=move || filters_open.get().to_string()
                        on:click=move |_| filters_open.update(|o| *o = !*o)>
                        {move || match active_filters() {
                            0 => "Filter and sort".to_string(),
                            n => format!("Filter and sort ({n} on)"),
                        }}
                    </button>
                    <div id="filter-panel" class="filter-panel" class:open=move || filters_open.get()>
                    <div class="filter-row">
                        <div class="field">
                            <label for="filter-stage">"Stage"</label>
                            <select id="filter-stage" on:change=on_stage>
                                <option value="" selected=move || query.with(|q| q.stage.is_none())>"All stages"</option>
                                {Stage::ALL.into_iter().filter(|s| *s != Stage::Archived).map(|s| view! {
                                    <option value=s.key() selected=move || query.with(|q| q.stage == Some(s))>{s.label()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="filter-tag">"Tag"</label>
                            <select id="filter-tag" on:change=on_tag>
                                <option value="" selected=move || query.with(|q| q.tag.is_none())>"All tags"</option>
                                {move || tags().into_iter().map(|t| {
                                    let selected = query.with_untracked(|q| q.tag.as_deref() == Some(t.as_str()));
                                    view! { <option value=t.clone() selected=selected>{t.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="filter-channel">"Channel used"</label>
                            <select id="filter-channel" on:change=on_channel>
                                <option value="" selected=move || query.with(|q| q.channel.is_none())>"Any channel"</option>
                                {Channel::ALL.into_iter().map(|c| view! {
                                    <option value=c.key() selected=move || query.with(|q| q.channel == Some(c))>{c.label()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="sort-contacts">"Sort by"</label>
                            <select id="sort-contacts" on:change=on_sort>
                                {SortKey::ALL.into_iter().map(|s| view! {
                                    <option value=s.key() selected=move || query.with(|q| q.sort == s)>{s.label()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <div class="filter-row checks">
                        <label class="check">
                            <input type="checkbox" prop:checked=move || query.with(|q| q.due_only) on:change=on_due />
                            "Due or overdue only"
                        </label>
                        <label class="check">
                            <input type="checkbox" prop:checked=move || query.with(|q| q.archived) on:change=on_archived />
                            "Show archived contacts"
                        </label>
                    </div>
                    </div>
                </search>
                // The count, clearing and selecting all share one line above the list.
                <div class="list-bar">
                    <p class="muted list-count" role="status">{move || {
                        let shown = rows.with(Vec::len);
                        match (shown, query.with(|q| *q == ContactQuery::default())) {
                            (1, true) => "1 contact".to_string(),
                            (n, true) => format!("{n} contacts"),
                            (0, false) => "No contacts match.".to_string(),
                            (1, false) => "1 contact matches".to_string(),
                            (n, false) => format!("{n} contacts match"),
                        }
                    }}</p>
                    <Show when=move || query.with(|q| *q != ContactQuery::default())>
                        <button type="button" class="button small" on:click=clear>"Clear search and filters"</button>
                    </Show>
                    <Show when=move || rows.with(|r| !r.is_empty())>
                        <label class="check">
                            <input type="checkbox" prop:checked=all_selected on:change=select_all/>
                            "Select all shown"
                        </label>
                    </Show>
                </div>
                <Show when=move || !visible_selection().is_empty()>
                    <BulkActions selection=Signal::derive(visible_selection) selected archived=Signal::derive(move || query.with(|q| q.archived))/>
                </Show>
                <ul class="contact-list" aria-label="Contacts" on:keydown=move_focus_with_arrows>
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <ContactRow row selected/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// Up and down arrows move between the contacts' links; Enter opens one (a link's own behaviour).
fn move_focus_with_arrows(ev: leptos::ev::KeyboardEvent) {
    let step = match ev.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        _ => return,
    };
    let Some(list) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(links) = list.query_selector_all("a.contact-name") else {
        return;
    };
    let links: Vec<web_sys::HtmlElement> = (0..links.length())
        .filter_map(|i| links.item(i)?.dyn_into().ok())
        .collect();
    let active = document().active_element();
    let current = links
        .iter()
        .position(|l| Some(l.unchecked_ref::<web_sys::Element>()) == active.as_ref());
    let next = match current {
        Some(i) => (i as i64 + step).clamp(0, links.len() as i64 - 1) as usize,
        None => 0,
    };
    if let Some(link) = links.get(next) {
        ev.prevent_default();
        let _ = link.focus();
    }
}

#[component]
fn ContactRow(row: Row, selected: RwSignal<Vec<ContactId>>) -> impl IntoView {
    let id = row.id;
    let checkbox_id = format!("select-{id}");
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        selected.update(|s| {
            s.retain(|other| *other != id);
            if on {
                s.push(id);
            }
        });
    };
    view! {
        <li class="contact-row">
            <input type="checkbox" id=checkbox_id.clone() class="row-check"
                prop:checked=move || selected.with(|s| s.contains(&id)) on:change=toggle/>
            <label for=checkbox_id class="visually-hidden">{format!("Select {}", row.name)}</label>
            <div class="row-main">
                <a class="contact-name" href=href(&format!("/contacts/{}", row.id))>{row.name}</a>
                {(!row.detail.is_empty()).then(|| view! { <span class="muted row-detail">{role_at_company(row.detail)}</span> })}
            </div>
            <span class="badge row-stage">{row.stage}</span>
            <div class="row-meta muted small">
                <span>{row.last}</span>
                {row.next.map(|next| view! { <span class="next">{next}</span> })}
                {(!row.tags.is_empty()).then(|| view! {
                    <ul class="tags" aria-label="Tags">
                        {row.tags.into_iter().map(|t| view! { <li class="tag">{t}</li> }).collect_view()}
                    </ul>
                })}
            </div>
        </li>
    }
}
