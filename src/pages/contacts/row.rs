//! One row of the contact list: what it says, worked out from the contact and its facts in
//! the index, and the element that shows it.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::user_text::role_at_company;
use crate::links::href;
use crate::model::words::relative_day;
use crate::model::{Contact, ContactId, IndexEntry, Stage, ThreadState};

/// What one line of the list shows.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(super) struct Row {
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

impl Row {
    /// The row at `at` of a list of `of`, for `c`, whose facts are `facts`.
    pub(super) fn of(
        at: usize,
        of: usize,
        c: &Contact,
        facts: &IndexEntry,
        today: NaiveDate,
    ) -> Row {
        Row {
            at,
            of,
            id: c.id,
            name: c.name.clone(),
            detail: c.role_at_company().into_iter().map(String::from).collect(),
            tags: c.tags.clone(),
            last: match facts.last {
                Some(day) => format!("Last reached out {}", relative_day(day, today)),
                None => "Not reached out yet".into(),
            },
            next: facts
                .next
                .map(|next| ThreadState::of(next.due, next.tried_out, today).phrase(today)),
            stage: facts.stage.map_or("", Stage::label),
        }
    }
}

/// One place in the drawn window. Its elements stay while the window moves or the search
/// changes; only what they say is updated, which costs far less than drawing a row anew.
#[component]
pub(super) fn ContactRow(
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
