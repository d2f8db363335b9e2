//! Import: choose or drop files (LinkedIn's export, vCards, any CSV), see what would change,
//! decide per duplicate, confirm. Reading and planning are the pure `format::import_files` and
//! `Book::plan_import`; applying goes through the same safety copy as a restore, so one click
//! undoes it.

use leptos::prelude::*;

use crate::clock;
use crate::format::import_files::table::{Field, Table};
use crate::links::href;
use crate::model::words::plural;
use crate::model::{ImportAction, ImportPlan};
use crate::state::{use_app_state, Cause};

mod files;
mod mapping;
mod preview;

use files::{files_of, read_files, Chosen};
use mapping::{mapping_preference, MappingCard};
use preview::Preview;

#[component]
pub fn ImportPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    state.load_snapshot();
    let chosen = RwSignal::new(None::<Chosen>);
    let errors = RwSignal::new(Vec::<String>::new());
    let mapping = RwSignal::new(Vec::<Field>::new());
    let actions = RwSignal::new(Vec::<ImportAction>::new());
    // The rows (by place) the person keeps apart from the row of the same file they were
    // joined with.
    let apart = RwSignal::new(std::collections::HashSet::<String>::new());
    let done = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();

    let plan = Memo::new(move |_| {
        let incoming = chosen.with(|c| {
            let c = c.as_ref()?;
            Some(apart.with(|apart| mapping.with(|m| c.incoming(apart, m))))
        })?;
        let today = state.today().get_untracked();
        Some(
            state
                .book()
                .with_untracked(|b| b.plan_import(incoming, today)),
        )
    });
    // A new plan (another mapping) keeps the choices made for the people it still holds.
    let places = StoredValue::new(Vec::<String>::new());
    Effect::new(move |_| {
        let carried = plan.with(|p| {
            p.as_ref().map(|p| {
                let chosen =
                    places.with_value(|earlier| actions.with_untracked(|a| p.carry(earlier, a)));
                (p.places(), chosen)
            })
        });
        let (now_places, chosen) = carried.unwrap_or_default();
        places.set_value(now_places);
        actions.set(chosen);
    });

    let take_files = move |files: Vec<web_sys::File>| {
        errors.set(Vec::new());
        done.set(None);
        places.set_value(Vec::new());
        apart.set(Default::default());
        chosen.set(None);
        if files.is_empty() {
            return;
        }
        reading.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let remembered = |table: &Table| {
                state
                    .preference::<String>(&mapping_preference(table))
                    .and_then(|text| table.mapping_from(&text))
            };
            let (read, problems, table_mapping) = read_files(files, remembered).await;
            if let Some(table_mapping) = table_mapping {
                mapping.set(table_mapping);
            }
            reading.set(false);
            errors.set(problems);
            if !read.files.is_empty() {
                chosen.set(Some(read));
            }
        });
    };
    let on_change = move |_| {
        take_files(files_of(input.get_untracked().and_then(|i| i.files())));
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        take_files(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let clear = move || {
        errors.set(Vec::new());
        chosen.set(None);
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
    };
    let apply = move |_| {
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        let chosen_actions = actions.get_untracked();
        let made = state
            .book()
            .with_untracked(|b| b.apply_import(&plan, &chosen_actions, clock::now()));
        match made {
            Ok((book, summary)) => match state.import(book) {
                Ok(()) => {
                    done.set(Some(summary.describe()));
                    clear();
                }
                Err(refused) => errors.set(vec![refused.to_string()]),
            },
            Err(refused) => errors.set(vec![format!("Nothing was imported: {refused}")]),
        }
    };

    view! {
        <section class="page narrow">
            <div class="page-header">
                <h1>"Import contacts"</h1>
                <p class="muted">
                    "Bring in your network: LinkedIn\u{2019}s export (" <code>"Connections.csv"</code>
                    ", " <code>"Invitations.csv"</code> ", " <code>"messages.csv"</code>
                    "), contacts from a phone or address book (" <code>".vcf"</code>
                    "), or any spreadsheet saved as CSV. You see everything before anything changes."
                </p>
            </div>
            <div class="card form">
                <div class="drop-zone" class:dragging=move || dragging.get()
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop>
                    <div class="field">
                        <label for="import-files">"Files to import"</label>
                        <input id="import-files" type="file" multiple
                            accept=".csv,.vcf,.vcard,.txt,text/csv,text/vcard"
                            node_ref=input on:change=on_change/>
                        <p class="hint">
                            "Choose one file or several (on a computer you can also drop them here). \
                             At most 10 MB each. On LinkedIn: Settings \u{2192} Data privacy \u{2192} \
                             Get a copy of your data; unzip it and choose the CSV files."
                        </p>
                    </div>
                </div>
                <p id="import-status" class="status" role="status">
                    {move || if reading.get() { "Reading\u{2026}".to_string() } else { done.get().unwrap_or_default() }}
                </p>
                {move || errors.with(|list| (!list.is_empty()).then(|| view! {
                    <div class="form-error" role="alert">
                        {list.iter().map(|m| view! { <p>{m.clone()}</p> }).collect_view()}
                        <p>"Nothing was changed."</p>
                    </div>
                }))}
                <UndoImport done hidden=Signal::derive(move || chosen.with(Option::is_some))/>
            </div>
            {move || chosen.get().map(|c| view! {
                <p class="muted small">{c.files.iter().map(|(name, kind)| format!("{name}: {kind}")).collect::<Vec<_>>().join(" \u{b7} ")}</p>
                {c.table.map(|table| view! { <MappingCard table=table mapping=mapping/> })}
            })}
            {move || plan.with(Option::is_some).then(|| view! {
                <div class="actions import-actions">
                    <button type="button" class="button primary" on:click=apply
                        disabled=move || plan.with(|p| p.as_ref().is_none_or(|p| actions.with(|a| p.summary(a).changes_nothing())))>
                        {move || confirm_label(plan, actions)}
                    </button>
                    <button type="button" class="button" on:click=move |_| clear()>"Cancel"</button>
                </div>
            })}
            {move || plan.get().map(|p| view! { <Preview plan=p actions=actions apart=apart/> })}
        </section>
    }
}

/// "Undo the import", while the snapshot of the last import is kept and no file is chosen.
#[component]
fn UndoImport(done: RwSignal<Option<String>>, hidden: Signal<bool>) -> impl IntoView {
    let state = use_app_state();
    let undo = move |_| done.set(Some(state.undo_snapshot()));
    move || {
        state
            .snapshot()
            .get()
            .filter(|s| s.cause == Cause::Import && !hidden.get())
            .map(|s| {
                let what = if s.after.is_some() {
                    "Undo takes out what the import added and filled in; what you have done since stays.".to_string()
                } else {
                    format!(
                        "Undo puts back the {} and {} you had before the import, and takes back anything done since.",
                        plural(s.book.contacts.len(), "contact", "contacts"),
                        plural(s.book.reach_outs.len(), "reach-out", "reach-outs")
                    )
                };
                view! {
                    <div class="actions">
                        <button type="button" class="button" on:click=undo>"Undo the import"</button>
                        <a class="button" href=href("/contacts")>"See your contacts"</a>
                        <p class="muted small">{what}</p>
                    </div>
                }
            })
    }
}

/// "Import 7 contacts and 5 reach-outs", counting what the chosen actions change.
fn confirm_label(plan: Memo<Option<ImportPlan>>, actions: RwSignal<Vec<ImportAction>>) -> String {
    plan.with(|p| {
        let Some(p) = p else { return String::new() };
        let tally = actions.with(|a| p.summary(a));
        let (added, merged, reach_outs) = (tally.added, tally.merged, tally.reach_outs);
        if tally.changes_nothing() {
            return "Nothing new to import".into();
        }
        let mut parts = vec![plural(added, "new contact", "new contacts")];
        if merged > 0 {
            parts.push(format!("{merged} merged"));
        }
        if reach_outs > 0 {
            parts.push(plural(reach_outs, "reach-out", "reach-outs"));
        }
        format!("Import {}", parts.join(", "))
    })
}
