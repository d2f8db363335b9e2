//! The column mapping of a table of contacts (any CSV): its header, the first rows, and a
//! field for each column, remembered per header.

use leptos::prelude::*;

use crate::format::import_files::table::{Field, Table};
use crate::model::grouped;
use crate::state::use_app_state;

/// The preference name that remembers a column mapping for tables with this header.
pub(super) fn mapping_preference(table: &Table) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    table.signature().hash(&mut hasher);
    format!("import-mapping-{:016x}", hasher.finish())
}

/// The header, the first rows, and a field for each column.
#[component]
pub(super) fn MappingCard(table: Table, mapping: RwSignal<Vec<Field>>) -> impl IntoView {
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
                table.name, grouped(table.rows.rows.len()))}</p>
            <div class="map-grid">{columns}</div>
        </div>
    }
}
