//! What the import would do: the duplicates with a choice each, the rows of one file joined
//! as one person (with a choice to keep them apart), the new people, and what is left out.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::model::words::plural;
use crate::model::{grouped, ImportAction, ImportPlan, SameAs};

/// At most this many rows of each list are drawn; the rest are counted.
const SHOWN: usize = 100;

fn same_words(same: SameAs) -> &'static str {
    match same {
        SameAs::Linkedin => "the same LinkedIn profile",
        SameAs::Email => "the same email",
        SameAs::Name => "the same name",
    }
}

/// What the import would do: the duplicates with a choice each, the new people, what is left out.
#[component]
pub(super) fn Preview(
    plan: ImportPlan,
    actions: RwSignal<Vec<ImportAction>>,
    apart: RwSignal<HashSet<String>>,
) -> impl IntoView {
    let (duplicates, new): (Vec<usize>, Vec<usize>) =
        (0..plan.people.len()).partition(|at| plan.people[*at].existing.is_some());
    view! {
        <div class="card" role="region" aria-labelledby="import-preview">
            <h2 id="import-preview">"Before anything changes"</h2>
            <p><strong>{summary(&plan, duplicates.len(), new.len())}</strong></p>
            {(!plan.notes.is_empty()).then(|| view! {
                <ul class="preview-list">{plan.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
            })}
            {duplicates_section(&plan, duplicates, actions)}
            {joined_section(&plan, apart)}
            {new_section(&plan, &new)}
            {skipped_section(&plan)}
        </div>
    }
}

/// "3 new contacts, 1 already in your contacts, 12 reach-outs, 2 rows left out." and what was
/// joined or known already.
fn summary(plan: &ImportPlan, duplicates: usize, new: usize) -> String {
    let mut summary = format!(
        "{}, {} already in your contacts, {}, {} left out.",
        plural(new, "new contact", "new contacts"),
        grouped(duplicates),
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
    summary
}

/// "And 12 more." under a list drawn only to [`SHOWN`] rows.
fn more(total: usize) -> Option<impl IntoView> {
    (total > SHOWN).then(|| {
        view! {
            <p class="muted small">{format!("And {} more.", grouped(total - SHOWN))}</p>
        }
    })
}

/// A heading with its count, the list, and "And 12 more."; nothing when the list is empty.
fn section<V: IntoView + 'static>(
    title: &str,
    total: usize,
    list: V,
) -> Option<impl IntoView + use<V>> {
    let title = format!("{title} ({})", grouped(total));
    (total > 0).then(|| view! { <h3>{title}</h3> {list} {more(total)} })
}

/// The people already in the contacts, each with a choice, and one choice for all of them.
fn duplicates_section(
    plan: &ImportPlan,
    duplicates: Vec<usize>,
    actions: RwSignal<Vec<ImportAction>>,
) -> Option<impl IntoView + use<>> {
    let total = duplicates.len();
    let rows = duplicates.iter().take(SHOWN).filter_map(|at| {
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
    let set_all = move |ev: leptos::ev::Event| {
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
    };
    let list = view! {
        <div class="field inline-field">
            <label for="action-all">"For all of them"</label>
            <select id="action-all" on:change=set_all>
                <option value="" selected>"Choose\u{2026}"</option>
                {ImportAction::ALL.into_iter().map(|a| view! { <option value=a.key()>{a.label()}</option> }).collect_view()}
            </select>
        </div>
        <ul class="import-list">{rows}</ul>
    };
    section("Already in your contacts", total, list)
}

/// Rows of one file taken as one person, each with a box to keep it apart.
fn joined_section(
    plan: &ImportPlan,
    apart: RwSignal<HashSet<String>>,
) -> Option<impl IntoView + use<>> {
    let rows = plan
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
    let list = view! {
        <p class="muted small">"Rows of one file with the same LinkedIn profile, or the same name and the same e-mail, become one contact. Untick a row that is someone else: it becomes a contact of its own."</p>
        <ul class="joined-rows">{rows}</ul>
    };
    section("Rows taken as one person", plan.joined.len(), list)
}

/// The people the import adds, with their role, reach-outs and warnings.
fn new_section(plan: &ImportPlan, new: &[usize]) -> Option<impl IntoView + use<>> {
    let rows = new.iter().take(SHOWN).map(|at| {
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
    section(
        "New contacts",
        new.len(),
        view! { <ul class="preview-list">{rows}</ul> },
    )
}

/// The rows left out, each with its place and reason.
fn skipped_section(plan: &ImportPlan) -> Option<impl IntoView + use<>> {
    let rows = plan
        .skipped
        .iter()
        .take(SHOWN)
        .map(|s| view! { <li class="skipped">{format!("{}: {}", s.place, s.reason)}</li> })
        .collect_view();
    section(
        "Left out",
        plan.skipped.len(),
        view! { <ul class="preview-list">{rows}</ul> },
    )
}
