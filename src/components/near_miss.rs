//! "I almost reached out, but didn't": a button on every page notes a near miss, with an
//! optional contact and note, without shame. Today lists the open ones, each of which can
//! still become a reach-out or be let go.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::clock;
use crate::components::disclosure::Disclosure;
use crate::components::field::{Field, FieldKind};
use crate::components::focus::focus_when_drawn;
use crate::components::reach_out_form::ReachOutForm;
use crate::links::{base, href};
use crate::model::words::relative_day;
use crate::model::{ContactId, NearMiss};
use crate::state::use_app_state;

/// The contact whose page is showing, if any: a near miss noted there is about them.
fn contact_on_screen(path: &str) -> Option<ContactId> {
    let rest = path.strip_prefix(base()).unwrap_or(path);
    rest.strip_prefix("/contacts/")?.parse().ok()
}

#[component]
pub fn NearMissButton() -> impl IntoView {
    let open = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    // Kept here, outside the panel: closing it with Esc keeps what was typed for next time.
    let note = RwSignal::new(String::new());
    let toggle = NodeRef::<leptos::html::Button>::new();
    // Closed by saving, Cancel or Esc: the keyboard goes back to the button that opened it.
    Effect::new(move |was_open: Option<bool>| {
        let now_open = open.get();
        if was_open == Some(true) && !now_open {
            focus_when_drawn(toggle);
        }
        now_open
    });
    view! {
        <button type="button" class="button small near-miss-button" node_ref=toggle aria-expanded=move || open.get().to_string()
            aria-controls="near-miss-panel"
            on:click=move |_| { status.set(None); open.update(|o| *o = !*o) }>
            "I almost reached out"
        </button>
        <p class="status near-miss-status" role="status">{move || status.get()}</p>
        <Show when=move || open.get()>
            <NearMissForm open status note/>
        </Show>
    }
}

#[component]
fn NearMissForm(
    open: RwSignal<bool>,
    status: RwSignal<Option<String>>,
    note: RwSignal<String>,
) -> impl IntoView {
    let state = use_app_state();
    let location = use_location();
    let here = location.pathname.with_untracked(|p| contact_on_screen(p));
    let who = RwSignal::new(here.map(|id| id.to_string()).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let first = NodeRef::<leptos::html::Select>::new();
    focus_when_drawn(first);
    let people = state.book().with_untracked(|b| {
        b.contacts_by_name()
            .into_iter()
            .filter(|c| !c.archived || Some(c.id) == here)
            .map(|c| (c.id, c.name.clone()))
            .collect::<Vec<_>>()
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let contact = who.get_untracked().parse::<ContactId>().ok();
        let noted = state.change(|b| {
            b.note_near_miss(contact, &note.get_untracked(), clock::today(), clock::now())
        });
        match noted {
            Ok(_) => {
                note.set(String::new());
                open.set(false);
                status.set(Some(
                    "Noted, without judgement. It waits on Today for when you are ready.".into(),
                ));
                set_timeout(move || status.set(None), std::time::Duration::from_secs(8));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            open.set(false);
        }
    };
    view! {
        <section id="near-miss-panel" class="card near-miss-panel" aria-labelledby="near-miss-heading"
            on:keydown=on_key>
            <form class="form" novalidate on:submit=save>
                <h2 id="near-miss-heading">"A near miss"</h2>
                <p class="hint">
                    "Almost reaching out is part of the way there. Noting it shows you the pattern, \
                     and you can still reach out later in one step."
                </p>
                <div class="field">
                    <label for="near-miss-who">"Who was it? (optional)"</label>
                    <select id="near-miss-who" node_ref=first prop:value=move || who.get()
                        on:change=move |ev| who.set(event_target_value(&ev))>
                        <option value="">"Someone not in my contacts"</option>
                        {people.into_iter().map(|(id, name)| view! {
                            <option value=id.to_string()>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Field label="What held you back? (optional)" name="near-miss-note" value=note
                    error=Signal::derive(move || error.get()) kind=FieldKind::Text />
                <div class="actions">
                    <button type="submit" class="button primary">"Note the near miss"</button>
                    <button type="button" class="button" on:click=move |_| { note.set(String::new()); open.set(false) }>"Cancel"</button>
                </div>
            </form>
        </section>
    }
}

/// Today's card of open near misses.
#[component]
pub fn NearMissRows() -> impl IntoView {
    let state = use_app_state();
    let status = RwSignal::new(None::<String>);
    let open = move || {
        state.book().with(|b| {
            b.open_near_misses()
                .into_iter()
                .take(5)
                .cloned()
                .collect::<Vec<NearMiss>>()
        })
    };
    view! {
        <p class="status" role="status">{move || status.get()}</p>
        <Show when=move || !open().is_empty()>
            <section class="card" aria-labelledby="near-heading">
                <h2 id="near-heading">"Almost reached out"</h2>
                <p class="muted small">"Each of these was a step toward someone. Take it when you are ready, or let it go."</p>
                <ul class="due-list" aria-labelledby="near-heading">
                    <For each=open key=|n| n.clone() let:near_miss>
                        <NearMissRow near_miss status/>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// Adds the person a near miss was about; the row then offers "Reach out now" for them.
#[component]
fn AddThem(near_miss: u64) -> impl IntoView {
    let state = use_app_state();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = crate::model::ContactDraft {
            name: name.get_untracked(),
            ..Default::default()
        };
        match state.change(|b| b.add_contact_for_near_miss(near_miss, &draft, clock::now())) {
            Ok(_) => error.set(None),
            Err(crate::model::ModelError::InvalidContact(errors)) => error.set(
                errors
                    .get(crate::model::ContactField::Name)
                    .map(|m| m.to_string())
                    .or(Some("Please check the name.".into())),
            ),
            Err(other) => error.set(Some(other.to_string())),
        }
    };
    let field_error = Signal::derive(move || error.get());
    view! {
        <form class="form" novalidate on:submit=add>
            <Field label="Their name" name=format!("near-miss-name-{near_miss}") value=name error=field_error />
            <div class="actions">
                <button type="submit" class="button small primary">"Add them"</button>
            </div>
        </form>
    }
}

#[component]
fn NearMissRow(near_miss: NearMiss, status: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let today = state.today().get_untracked();
    let id = near_miss.id;
    let person = near_miss.contact.and_then(|c| {
        state
            .book()
            .with_untracked(|b| b.contact(c).map(|p| (c, p.name.clone())))
    });
    let when = relative_day(near_miss.date, today);
    let when_again = match &person {
        Some((_, name)) => format!("about {name}, {when}"),
        None => when.clone(),
    };
    let note = near_miss.note.clone();
    let let_go = move |_| {
        if state.change(|b| b.let_go_near_miss(id, true)).is_ok() {
            status.set(Some(
                "Let go. It still counts on Insights: noticing is a step.".into(),
            ));
        }
    };
    view! {
        <li class="due-row">
            <div class="due-head">
                {match person.clone() {
                    Some((contact, name)) => view! {
                        <a class="contact-name" href=href(&format!("/contacts/{contact}"))>{name}</a>
                    }.into_any(),
                    None => view! { <span class="contact-name">"Someone not in your contacts"</span> }.into_any(),
                }}
                <span class="muted small">{format!("· {when}")}</span>
            </div>
            {(!note.is_empty()).then(|| view! { <p class="note">{note.clone()}</p> })}
            <div class="row-actions">
                {match person {
                    Some((contact, _)) => view! {
                        <Disclosure label="Reach out now".to_string()>
                            <ReachOutForm contact near_miss=id compact=true/>
                        </Disclosure>
                    }.into_any(),
                    None => view! {
                        <Disclosure label="Add them and reach out".to_string()>
                            <AddThem near_miss=id/>
                        </Disclosure>
                    }.into_any(),
                }}
                <button type="button" class="button small" on:click=let_go>
                    "Let it go"
                    <span class="visually-hidden">{format!(" (noted {when_again})")}</span>
                </button>
            </div>
        </li>
    }
}
