//! Import: choose or drop files (LinkedIn's export, vCards, any CSV), see what would change,
//! decide per duplicate, confirm. Reading and planning are the pure `format::import` and
//! `Book::plan_import`; applying goes through the same safety copy as a restore, so one click
//! undoes it.

use leptos::prelude::*;

use crate::clock;
use crate::format::import::table::{Field, Table};
use crate::format::import::{self, ImportError, Read, MAX_IMPORT_BYTES};
use crate::links::href;
use crate::model::dates::plural;
use crate::model::{grouped, ImportAction, ImportPlan, Incoming, SameAs};
use crate::state::{use_app_state, Cause};

/// At most this many rows of each list are drawn; the rest are counted.
const SHOWN: usize = 100;

/// The files read so far, before planning.
#[derive(Clone, Debug, Default, PartialEq)]
struct Chosen {
    /// File name and what kind of file it is.
    files: Vec<(String, &'static str)>,
    /// What each known export read to, file by file: rows a person keeps apart are kept apart
    /// within their file before the files are put together.
    known: Vec<Incoming>,
    table: Option<Table>,
}

/// The preference name that remembers a column mapping for tables with this header.
fn mapping_preference(table: &Table) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    table.signature().hash(&mut hasher);
    format!("import-mapping-{:016x}", hasher.finish())
}

/// Reads the bytes of one chosen or dropped file.
async fn bytes_of(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

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
            let mut incoming = Incoming::default();
            apart.with(|apart| {
                for file in &c.known {
                    incoming.extend(file.clone().keep_apart(apart));
                }
                if let Some(table) = &c.table {
                    mapping.with(|m| incoming.extend(table.people(m).keep_apart(apart)));
                }
            });
            Some(incoming)
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
            let mut read = Chosen::default();
            let mut problems = Vec::new();
            for file in files {
                let name = file.name();
                let size = file.size() as u64;
                if size > MAX_IMPORT_BYTES {
                    // Refused before reading: a huge file is never loaded into memory.
                    problems.push(
                        ImportError::TooLarge {
                            name,
                            size: crate::model::grouped(size),
                        }
                        .to_string(),
                    );
                    continue;
                }
                let Some(bytes) = bytes_of(&file).await else {
                    problems.push(format!("The browser could not read {name}."));
                    continue;
                };
                match import::read_in(&name, &bytes, crate::clock::local_day) {
                    Ok(Read::Known(kind, incoming)) => {
                        read.files.push((name, kind.label()));
                        read.known.push(incoming);
                    }
                    Ok(Read::Table(table)) if read.table.is_none() => {
                        read.files.push((name, import::Kind::Table.label()));
                        let remembered = state
                            .preference::<String>(&mapping_preference(&table))
                            .and_then(|text| table.mapping_from(&text));
                        mapping.set(remembered.unwrap_or_else(|| table.guess()));
                        read.table = Some(table);
                    }
                    Ok(Read::Table(_)) => problems.push(format!(
                        "{name} was left out: import one spreadsheet at a time, so that each gets its own columns."
                    )),
                    Err(e) => problems.push(e.to_string()),
                }
            }
            reading.set(false);
            errors.set(problems);
            if !read.files.is_empty() {
                chosen.set(Some(read));
            }
        });
    };
    let on_change = move |_| {
        let files = input
            .get_untracked()
            .and_then(|i| i.files())
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        take_files(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = ev
            .data_transfer()
            .and_then(|d| d.files())
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        take_files(files);
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
    let undo = move |_| done.set(Some(state.undo_snapshot()));

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
                {move || state.snapshot().get().filter(|s| s.cause == Cause::Import && chosen.with(Option::is_none)).map(|s| view! {
                    <div class="actions">
                        <button type="button" class="button" on:click=undo>"Undo the import"</button>
                        <a class="button" href=href("/contacts")>"See your contacts"</a>
                        <p class="muted small">{if s.after.is_some() {
                            "Undo takes out what the import added and filled in; what you have done since stays.".to_string()
                        } else {
                            format!(
                                "Undo puts back the {} and {} you had before the import, and takes back anything done since.",
                                plural(s.book.contacts.len(), "contact", "contacts"),
                                plural(s.book.reach_outs.len(), "reach-out", "reach-outs"))
                        }}</p>
                    </div>
                })}
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

/// The header, the first rows, and a field for each column.
#[component]
fn MappingCard(table: Table, mapping: RwSignal<Vec<Field>>) -> impl IntoView {
    let state = use_app_state();
    let preference = mapping_preference(&table);
    let samples: Vec<Vec<String>> = table
        .rows
        .rows
        .iter()
        .take(3)
        .map(|(_, r)| r.clone())
        .collect();
    let columns = table.rows.header.clone().into_iter().enumerate().map(|(at, header)| {
        let id = format!("map-{at}");
        let example = samples
            .iter()
            .filter_map(|row| row.get(at))
            .map(|cell| cell.trim().chars().take(40).collect::<String>())
            .filter(|cell| !cell.is_empty())
            .collect::<Vec<_>>()
            .join(" \u{b7} ");
        let preference = preference.clone();
        let on_change = move |ev: leptos::ev::Event| {
            let Some(field) = Field::from_key(&event_target_value(&ev)) else { return };
            mapping.update(|m| {
                if let Some(slot) = m.get_mut(at) {
                    *slot = field;
                }
            });
            state.remember(&preference, &Table::mapping_text(&mapping.get_untracked()));
        };
        let shown = if header.is_empty() { format!("Column {}", at + 1) } else { header.clone() };
        view! {
            <div class="field map-field">
                <label for=id.clone()>{shown}</label>
                <select id=id on:change=on_change>
                    {Field::ALL.into_iter().map(|field| view! {
                        <option value=field.key()
                            selected=move || mapping.with(|m| m.get(at) == Some(&field))>
                            {field.label()}
                        </option>
                    }).collect_view()}
                </select>
                <p class="hint">{if example.is_empty() { "(empty in the first rows)".to_string() } else { example }}</p>
            </div>
        }
    }).collect_view();
    view! {
        <div class="card form">
            <h2>"Which column is which?"</h2>
            <p class="muted small">{format!(
                "{}: {} rows. A first guess is filled in from the column names; change any that are wrong. \
                 The choice is remembered for files with the same columns.",
                table.name, grouped(table.rows.rows.len() as u64))}</p>
            <div class="map-grid">{columns}</div>
        </div>
    }
}

fn same_words(same: SameAs) -> &'static str {
    match same {
        SameAs::Linkedin => "the same LinkedIn profile",
        SameAs::Email => "the same email",
        SameAs::Name => "the same name",
    }
}

/// What the import would do: the duplicates with a choice each, the new people, what is left out.
#[component]
fn Preview(
    plan: ImportPlan,
    actions: RwSignal<Vec<ImportAction>>,
    apart: RwSignal<std::collections::HashSet<String>>,
) -> impl IntoView {
    let duplicates: Vec<usize> = (0..plan.people.len())
        .filter(|at| plan.people[*at].existing.is_some())
        .collect();
    let new: Vec<usize> = (0..plan.people.len())
        .filter(|at| plan.people[*at].existing.is_none())
        .collect();
    let mut summary = format!(
        "{}, {} already in your contacts, {}, {} left out.",
        plural(new.len(), "new contact", "new contacts"),
        grouped(duplicates.len() as u64),
        plural(
            plan.reach_outs.len() - plan.known.len(),
            "reach-out",
            "reach-outs"
        ),
        plural(plan.skipped.len(), "row", "rows"),
    );
    let joined_count = plan.joined.iter().filter(|j| !j.apart).count();
    if joined_count > 0 {
        summary.push_str(&format!(
            " {} taken as the same person as another row of the file (see below).",
            plural(joined_count, "row was", "rows were")
        ));
    }
    if !plan.known.is_empty() {
        summary.push_str(&format!(
            " {} you have already.",
            plural(plan.known.len(), "reach-out is one", "reach-outs are ones")
        ));
    }
    let set_all = {
        let duplicates = duplicates.clone();
        move |ev: leptos::ev::Event| {
            let Some(action) = ImportAction::from_key(&event_target_value(&ev)) else {
                return;
            };
            actions.update(|a| {
                for at in &duplicates {
                    if let Some(slot) = a.get_mut(*at) {
                        *slot = action;
                    }
                }
            });
        }
    };
    let more = |total: usize| {
        (total > SHOWN).then(|| view! {
        <p class="muted small">{format!("And {} more.", grouped((total - SHOWN) as u64))}</p>
    })
    };
    let duplicate_rows = duplicates.iter().take(SHOWN).filter_map(|at| {
        let at = *at;
        let person = &plan.people[at];
        let existing = person.existing.clone()?;
        let id = format!("action-{at}");
        let fills = if existing.fills.is_empty() {
            "Nothing new to add to them.".to_string()
        } else {
            format!("Merging fills in: {}.", existing.fills.join(", "))
        };
        Some(view! {
            <li class="import-row">
                <p><strong>{person.draft.name.clone()}</strong>
                   <span class="muted small">{format!(" \u{2014} {}", person.place)}</span></p>
                <p class="small">{format!("You have {} with {}. {fills}", existing.name, same_words(existing.same))}</p>
                <div class="field inline-field">
                    <label for=id.clone()>{format!("What to do with {}", person.draft.name)}</label>
                    <select id=id on:change=move |ev| {
                        if let Some(action) = ImportAction::from_key(&event_target_value(&ev)) {
                            actions.update(|a| if let Some(slot) = a.get_mut(at) { *slot = action; });
                        }
                    }>
                        {ImportAction::ALL.into_iter().map(|action| view! {
                            <option value=action.key()
                                selected=move || actions.with(|a| a.get(at) == Some(&action))>
                                {action.label()}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
            </li>
        })
    }).collect_view();
    let new_rows = new.iter().take(SHOWN).map(|at| {
        let person = &plan.people[*at];
        let mut about: Vec<String> = Vec::new();
        let role = [person.draft.role.as_str(), person.draft.company.as_str()]
            .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" at ");
        if !role.is_empty() {
            about.push(role);
        }
        if person.reach_outs > 0 {
            about.push(plural(person.reach_outs, "reach-out", "reach-outs"));
        }
        let warnings = person.warnings.join("; ");
        view! {
            <li>
                <strong>{person.draft.name.clone()}</strong>
                {(!about.is_empty()).then(|| format!(" \u{2014} {}", about.join(", ")))}
                {(!warnings.is_empty()).then(|| view! { <span class="warning small">{format!(" ({warnings})")}</span> })}
            </li>
        }
    }).collect_view();
    let skipped_rows = plan
        .skipped
        .iter()
        .take(SHOWN)
        .map(|s| {
            view! {
                <li class="skipped">{format!("{}: {}", s.place, s.reason)}</li>
            }
        })
        .collect_view();
    let joined_rows = plan
        .joined
        .iter()
        .take(SHOWN)
        .map(|j| {
            let place = j.place.clone();
            let why = match j.same {
                SameAs::Linkedin => "the same LinkedIn profile",
                _ => "the same name and e-mail",
            };
            // "people.csv, line 7" against "people.csv, line 3": the second said as "line 3".
            let with = match (j.place.split_once(", "), j.with.split_once(", ")) {
                (Some((file, _)), Some((other_file, at))) if file == other_file => at.to_string(),
                _ => j.with.clone(),
            };
            let label = format!("{}: {}, one contact with {with} ({why})", j.place, j.name);
            let id = format!(
                "joined-{}",
                j.place.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
            );
            let label_for = id.clone();
            view! {
                <li>
                    <label class="choice" for=label_for>
                        <input type="checkbox" id=id prop:checked=!j.apart on:change=move |ev| {
                            let together = event_target_checked(&ev);
                            apart.update(|a| {
                                if together { a.remove(&place); } else { a.insert(place.clone()); }
                            });
                        }/>
                        <span>{label}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    let joined_total = plan.joined.len();
    let (dup_count, new_count, skipped_count) = (duplicates.len(), new.len(), plan.skipped.len());
    view! {
        <div class="card" role="region" aria-labelledby="import-preview">
            <h2 id="import-preview">"Before anything changes"</h2>
            <p><strong>{summary}</strong></p>
            {(!plan.notes.is_empty()).then(|| view! {
                <ul class="preview-list">{plan.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
            })}
            {(dup_count > 0).then(|| view! {
                <h3>{format!("Already in your contacts ({})", grouped(dup_count as u64))}</h3>
                <div class="field inline-field">
                    <label for="action-all">"For all of them"</label>
                    <select id="action-all" on:change=set_all.clone()>
                        <option value="" selected>"Choose\u{2026}"</option>
                        {ImportAction::ALL.into_iter().map(|a| view! { <option value=a.key()>{a.label()}</option> }).collect_view()}
                    </select>
                </div>
                <ul class="import-list">{duplicate_rows}</ul>
                {more(dup_count)}
            })}
            {(joined_total > 0).then(|| view! {
                <h3>{format!("Rows taken as one person ({})", grouped(joined_total as u64))}</h3>
                <p class="muted small">"Rows of one file with the same LinkedIn profile, or the same name and the same e-mail, become one contact. Untick a row that is someone else: it becomes a contact of its own."</p>
                <ul class="joined-rows">{joined_rows}</ul>
                {more(joined_total)}
            })}
            {(new_count > 0).then(|| view! {
                <h3>{format!("New contacts ({})", grouped(new_count as u64))}</h3>
                <ul class="preview-list">{new_rows}</ul>
                {more(new_count)}
            })}
            {(skipped_count > 0).then(|| view! {
                <h3>{format!("Left out ({})", grouped(skipped_count as u64))}</h3>
                <ul class="preview-list">{skipped_rows}</ul>
                {more(skipped_count)}
            })}
        </div>
    }
}
