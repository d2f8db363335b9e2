//! Import: choose or drop files (LinkedIn's export, vCards, any CSV), see what would change,
//! decide per duplicate, confirm. Reading and planning are the pure `format::import_files` and
//! `Book::plan_import`; applying goes through the same safety copy as a restore, so one click
//! undoes it.

use leptos::prelude::*;

use std::collections::HashSet;

use crate::clock;
use crate::format::import_files::table::{Field, Table};
use crate::model::{ImportAction, ImportPlan};
use crate::state::{use_app_state, AppState};

mod files;
mod mapping;
mod picker;
mod preview;

use files::{read_files, Chosen};
use mapping::{mapping_preference, MappingCard};
use picker::FilePicker;
use preview::Preview;

/// The page's state. Copy, so that its handlers take it whole.
#[derive(Clone, Copy)]
struct Import {
    state: AppState,
    chosen: RwSignal<Option<Chosen>>,
    errors: RwSignal<Vec<String>>,
    mapping: RwSignal<Vec<Field>>,
    actions: RwSignal<Vec<ImportAction>>,
    /// The rows (by place) the person keeps apart from the row of the same file they were
    /// joined with.
    apart: RwSignal<HashSet<String>>,
    /// What the last import did, or what undoing it did.
    done: RwSignal<Option<String>>,
    reading: RwSignal<bool>,
    /// The people (by place) of the plan the actions were chosen for.
    places: StoredValue<Vec<String>>,
    input: NodeRef<leptos::html::Input>,
    plan: Memo<Option<ImportPlan>>,
}

impl Import {
    fn new() -> Self {
        let state = use_app_state();
        let chosen = RwSignal::new(None::<Chosen>);
        let mapping = RwSignal::new(Vec::<Field>::new());
        let apart = RwSignal::new(HashSet::new());
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
        Import {
            state,
            chosen,
            errors: RwSignal::new(Vec::new()),
            mapping,
            actions: RwSignal::new(Vec::new()),
            apart,
            done: RwSignal::new(None),
            reading: RwSignal::new(false),
            places: StoredValue::new(Vec::new()),
            input: NodeRef::new(),
            plan,
        }
    }

    /// A new plan (another mapping) keeps the choices made for the people it still holds. Run
    /// in an effect: it tracks the plan.
    fn carry_choices(self) {
        let carried = self.plan.with(|p| {
            p.as_ref().map(|p| {
                let chosen = self
                    .places
                    .with_value(|earlier| self.actions.with_untracked(|a| p.carry(earlier, a)));
                (p.places(), chosen)
            })
        });
        let (now_places, chosen) = carried.unwrap_or_default();
        self.places.set_value(now_places);
        self.actions.set(chosen);
    }

    /// Reads the files chosen or dropped, with the column mapping remembered for a table.
    fn take_files(self, files: Vec<web_sys::File>) {
        self.errors.set(Vec::new());
        self.done.set(None);
        self.places.set_value(Vec::new());
        self.apart.set(Default::default());
        self.chosen.set(None);
        if files.is_empty() {
            return;
        }
        self.reading.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let remembered = |table: &Table| {
                self.state
                    .preference::<String>(&mapping_preference(table))
                    .and_then(|text| table.mapping_from(&text))
            };
            let (read, problems, table_mapping) = read_files(files, remembered).await;
            if let Some(table_mapping) = table_mapping {
                self.mapping.set(table_mapping);
            }
            self.reading.set(false);
            self.errors.set(problems);
            if !read.files.is_empty() {
                self.chosen.set(Some(read));
            }
        });
    }

    /// Puts the files away, with nothing imported.
    fn clear(self) {
        self.errors.set(Vec::new());
        self.chosen.set(None);
        if let Some(input) = self.input.get_untracked() {
            input.set_value("");
        }
    }

    /// Imports what the plan says with the actions chosen, through the same safety copy as a
    /// restore.
    fn apply(self) {
        let Some(plan) = self.plan.get_untracked() else {
            return;
        };
        let chosen_actions = self.actions.get_untracked();
        let made = self
            .state
            .book()
            .with_untracked(|b| b.apply_import(&plan, &chosen_actions, clock::now()));
        match made {
            Ok((book, summary)) => match self.state.import(book) {
                Ok(()) => {
                    self.done.set(Some(summary.describe()));
                    self.clear();
                }
                Err(refused) => self.errors.set(vec![refused.to_string()]),
            },
            Err(refused) => self
                .errors
                .set(vec![format!("Nothing was imported: {refused}")]),
        }
    }

    /// The tally of the plan with the actions chosen.
    fn summary<T>(self, f: impl FnOnce(&crate::model::ImportSummary) -> T) -> Option<T> {
        self.plan.with(|p| {
            let p = p.as_ref()?;
            Some(f(&self.actions.with(|a| p.summary(a))))
        })
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    use_app_state().load_snapshot();
    let import = Import::new();
    let Import {
        plan,
        actions,
        apart,
        mapping,
        ..
    } = import;
    Effect::new(move |_| import.carry_choices());
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
            <FilePicker import />
            {move || import.chosen.get().map(|c| view! {
                <p class="muted small">{c.files.iter().map(|(name, kind)| format!("{name}: {kind}")).collect::<Vec<_>>().join(" \u{b7} ")}</p>
                {c.table.map(|table| view! { <MappingCard table=table mapping=mapping/> })}
            })}
            {move || plan.with(Option::is_some).then(|| view! {
                <div class="actions import-actions">
                    <button type="button" class="button primary" on:click=move |_| import.apply()
                        disabled=move || import.summary(|s| s.changes_nothing()).unwrap_or(true)>
                        {move || import.summary(|s| s.confirm_label()).unwrap_or_default()}
                    </button>
                    <button type="button" class="button" on:click=move |_| import.clear()>"Cancel"</button>
                </div>
            })}
            {move || plan.get().map(|p| view! { <Preview plan=p actions=actions apart=apart/> })}
        </section>
    }
}
