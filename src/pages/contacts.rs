//! The Contacts page: search as you type, filter and sort, all kept in the URL so a view can be
//! bookmarked and Back works. The list moves with the arrow keys.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

use crate::components::bulk_actions::BulkActions;
use crate::components::list_window::ListWindow;
use crate::components::user_text::role_at_company;
use crate::links::href;
use crate::model::dates::relative_day;
use crate::model::{grouped, Channel, ContactId, ContactQuery, SortKey, Stage, ThreadState};
use crate::state::use_app_state;

/// The URL parameters the page understands.
const PARAMS: [&str; 7] = ["q", "stage", "tag", "channel", "due", "archived", "sort"];

/// What one line of the list shows.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    /// Where it stands in the whole list, from 0, and how long the list is.
    at: usize,
    of: usize,
    id: ContactId,
    name: String,
    detail: Vec<String>,
    tags: Vec<String>,
    last: String,
    next: Option<String>,
    stage: &'static str,
}

#[component]
pub fn ContactsPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    let today = state.today();
    let params = use_query_map();
    let navigate = StoredValue::new_local(use_navigate());
    let from_url = Memo::new(move |_| {
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
    // What is typed in the search box reaches the list at once and the URL a moment later: a
    // navigation per keystroke (history, route matching, the favicon fetched again) took more
    // than the search itself. `typed` holds the text until the URL has it.
    let typed = RwSignal::new(None::<String>);
    // The whole query this page last put in the URL with typed text.
    let written = StoredValue::new(None::<ContactQuery>);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel_write = move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
        }
    };
    let forget_typed = move || {
        cancel_write();
        typed.set(None);
    };
    let query = Memo::new(move |_| {
        let mut query = from_url.get();
        if let Some(text) = typed.get() {
            query.text = text;
        }
        query
    });
    // The URL changed otherwise (Back, Forward, a filter): it says what to search again.
    Effect::new(move |_| {
        let now = from_url.get();
        if written.with_value(|w| w.as_ref() != Some(&now)) {
            forget_typed();
        }
    });
    on_cleanup(cancel_write);
    let update = move |change: &dyn Fn(&mut ContactQuery), replace: bool| {
        let mut next = query.get_untracked();
        change(&mut next);
        // The text goes with it; `typed` is let go once the URL has it (the Effect above).
        cancel_write();
        set_query(next, replace);
    };

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
                            Some(Row {
                                at,
                                of: ids.len(),
                                id,
                                name: c.name.clone(),
                                detail: c.role_at_company().into_iter().map(String::from).collect(),
                                tags: c.tags.clone(),
                                last: match facts.last {
                                    Some(day) => {
                                        format!("Last reached out {}", relative_day(day, today))
                                    }
                                    None => "Not reached out yet".into(),
                                },
                                next: facts.next.map(|next| {
                                    ThreadState::of(next.due, next.tried_out, today).phrase(today)
                                }),
                                stage: facts.stage.map_or("", Stage::label),
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let filters_open = RwSignal::new(false);
    let active_filters = move || {
        from_url.with(|q| {
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
            typed.set(Some(text.clone()));
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let write = move || {
                if typed.get_untracked().as_deref() == Some(text.as_str()) {
                    let mut next = from_url.get_untracked();
                    next.text = text.clone();
                    written.set_value(Some(next.clone()));
                    set_query(next, true);
                }
            };
            let handle = set_timeout_with_handle(write, std::time::Duration::from_millis(300));
            pending.set_value(handle.ok());
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
    let clear = move |_| {
        set_query(ContactQuery::default(), false);
        // Also when the URL was already the default, so that no Effect runs.
        forget_typed();
    };
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
                <search class="card filters">
                    <div class="field search-field">
                        <label for="contact-search">"Search contacts"</label>
                        <input id="contact-search" type="search" autocomplete="off"
                            aria-keyshortcuts="/"
                            prop:value=move || query.with(|q| q.text.clone())
                            on:input=on_text
                            // Down from the search box goes into the list, to its first row.
                            on:keydown=move |ev| if ev.key() == "ArrowDown" { window.arrow_key(ev, found) } />
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
                                <option value="" selected=move || from_url.with(|q| q.stage.is_none())>"All stages"</option>
                                {Stage::ALL.into_iter().filter(|s| *s != Stage::Archived).map(|s| view! {
                                    <option value=s.key() selected=move || from_url.with(|q| q.stage == Some(s))>{s.label()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="filter-tag">"Tag"</label>
                            <select id="filter-tag" on:change=on_tag>
                                <option value="" selected=move || from_url.with(|q| q.tag.is_none())>"All tags"</option>
                                {move || tags().into_iter().map(|t| {
                                    let selected = from_url.with_untracked(|q| q.tag.as_deref() == Some(t.as_str()));
                                    view! { <option value=t.clone() selected=selected>{t.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="filter-channel">"Channel used"</label>
                            <select id="filter-channel" on:change=on_channel>
                                <option value="" selected=move || from_url.with(|q| q.channel.is_none())>"Any channel"</option>
                                {Channel::ALL.into_iter().map(|c| view! {
                                    <option value=c.key() selected=move || from_url.with(|q| q.channel == Some(c))>{c.label()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="sort-contacts">"Sort by"</label>
                            <select id="sort-contacts" on:change=on_sort>
                                {SortKey::ALL.into_iter().map(|s| view! {
                                    <option value=s.key() selected=move || from_url.with(|q| q.sort == s)>{s.label()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <div class="filter-row checks">
                        <label class="check">
                            <input type="checkbox" prop:checked=move || from_url.with(|q| q.due_only) on:change=on_due />
                            "Due or overdue only"
                        </label>
                        <label class="check">
                            <input type="checkbox" prop:checked=move || from_url.with(|q| q.archived) on:change=on_archived />
                            "Show archived contacts"
                        </label>
                    </div>
                    </div>
                </search>
                // The count, clearing and selecting all share one line above the list.
                <div class="list-bar">
                    <p class="muted list-count" role="status">{move || {
                        let shown = found.with(Vec::len);
                        match (shown, query.with(|q| *q == ContactQuery::default())) {
                            (1, true) => "1 contact".to_string(),
                            (n, true) => format!("{} contacts", grouped(n as u64)),
                            (0, false) => "No contacts match.".to_string(),
                            (1, false) => "1 contact matches".to_string(),
                            (n, false) => format!("{} contacts match", grouped(n as u64)),
                        }
                    }}</p>
                    <Show when=move || query.with(|q| *q != ContactQuery::default())>
                        <button type="button" class="button small" on:click=clear>"Clear search and filters"</button>
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

/// One place in the drawn window. Its elements stay while the window moves or the search
/// changes; only what they say is updated, which costs far less than drawing a row anew.
#[component]
fn ContactRow(
    place: usize,
    rows: Memo<Vec<Row>>,
    selected: RwSignal<Vec<ContactId>>,
    stride: RwSignal<f64>,
) -> impl IntoView {
    let row = Memo::new(move |_| rows.with(|r| r.get(place).cloned()));
    let read = move |f: fn(&Row) -> String| row.with(|r| r.as_ref().map(f).unwrap_or_default());
    let id = move || row.with(|r| r.as_ref().map(|r| r.id));
    let at = move || row.with(|r| r.as_ref().map_or(0, |r| r.at));
    let checkbox_id = move || read(|r| format!("select-{}", r.id));
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        let Some(id) = id() else {
            return;
        };
        selected.update(|s| {
            s.retain(|other| *other != id);
            if on {
                s.push(id);
            }
        });
    };
    view! {
        <li class="contact-row" data-at=at aria-posinset=move || at() + 1
            aria-setsize=move || row.with(|r| r.as_ref().map_or(0, |r| r.of))
            style:top=move || format!("{}px", (at() as f64 * stride.get()).round() as u64)>
            // The label is the 44 px square a finger presses; its text is for screen readers.
            <label class="row-select">
                <input type="checkbox" id=checkbox_id class="row-check"
                    prop:checked=move || id().is_some_and(|id| selected.with(|s| s.contains(&id)))
                    on:change=toggle/>
                <span class="visually-hidden">{move || read(|r| format!("Select {}", r.name))}</span>
            </label>
            <div class="row-main">
                <a class="contact-name" href=move || read(|r| href(&format!("/contacts/{}", r.id)))>
                    {move || read(|r| r.name.clone())}
                </a>
                {move || row.with(|r| r.as_ref().map(|r| r.detail.clone()).filter(|d| !d.is_empty()))
                    .map(|detail| view! { <span class="muted row-detail">{role_at_company(detail)}</span> })}
            </div>
            <span class="badge row-stage">{move || row.with(|r| r.as_ref().map_or("", |r| r.stage))}</span>
            <div class="row-meta muted small">
                <span>{move || read(|r| r.last.clone())}</span>
                {move || row.with(|r| r.as_ref().and_then(|r| r.next.clone()))
                    .map(|next| view! { <span class="next">{next}</span> })}
                {move || row.with(|r| r.as_ref().map(|r| r.tags.clone()).filter(|t| !t.is_empty()))
                    .map(|tags| view! {
                        <ul class="tags" aria-label="Tags">
                            {tags.into_iter().map(|t| view! { <li class="tag">{t}</li> }).collect_view()}
                        </ul>
                    })}
            </div>
        </li>
    }
}
