//! Data: where the record lives, backups and restores, and how full the browser's storage is.

use leptos::prelude::*;

use crate::components::disclosure::Disclosure;
use crate::components::focus::focus_next_frame;

use crate::clock;
use crate::components::storage_banner::QuarantinedCopy;
use crate::format::export;
use crate::links::href;
use crate::model::one_decimal;
use crate::model::words::{long_day, plural};
use crate::state::{use_app_state, DataError, QUOTA_UNITS};

mod restore;
use restore::RestoreCard;

#[component]
pub fn DataPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    let held = move || {
        state.book().with(|b| {
            format!(
                "{} and {}",
                plural(b.contacts.len(), "contact", "contacts"),
                plural(b.reach_outs.len(), "reach-out", "reach-outs")
            )
        })
    };
    view! {
        <section class="page narrow">
            <div class="page-header">
                <h1>"Your data"</h1>
                <p class="muted">
                    <strong>{held}</strong>
                    " live in this browser only. Nothing is sent anywhere, \
                     so a backup file is the only copy outside this browser."
                </p>
                <Disclosure label="Where exactly?".to_string()>
                    <p class="small">"In this site's local storage, under the key "
                        <code>{state.document_key()}</code> "."</p>
                </Disclosure>
            </div>
            <BackupCard/>
            <RestoreCard/>
            <ImportExportCard/>
            <StorageCard/>
            <UnreadableCopies/>
        </section>
    }
}

#[component]
fn BackupCard() -> impl IntoView {
    let state = use_app_state();
    let status = RwSignal::new(None::<Result<String, DataError>>);
    let asking = RwSignal::new(false);
    let last = move || match state.backup().get().backed_up_at {
        Some(at) => format!("Last backup: {}.", long_day(clock::local_day(at))),
        None => "No backup from this browser yet.".into(),
    };
    let unlocked = move |_| {
        asking.set(false);
        status.set(Some(state.download_unlocked_backup()));
        focus_next_frame(&["#unlocked-backup"]);
    };
    let ask = move |_| {
        asking.set(true);
        focus_next_frame(&["#unlocked-confirm"]);
    };
    let cancel = move |_| {
        asking.set(false);
        focus_next_frame(&["#unlocked-backup"]);
    };
    view! {
        <div class="card">
            <h2>"Back up"</h2>
            <p>
                "A backup is one JSON file with everything: contacts, reach-outs, outcomes and \
                 settings. It is checked by reading it back before it is offered."
            </p>
            {move || state.lock_on().get().then(|| view! {
                <p>"While the lock is on, a backup is locked with your passphrase: restoring it \
                    asks for the passphrase it was made with."</p>
            })}
            <p class="muted small">{last}</p>
            <div class="actions">
                <button type="button" class="button primary"
                    on:click=move |_| status.set(Some(state.download_backup()))>
                    "Download a backup"
                </button>
                {move || (state.lock_on().get() && !asking.get()).then(|| view! {
                    <button type="button" class="button" id="unlocked-backup" on:click=ask>
                        "Download an unlocked backup…"
                    </button>
                })}
            </div>
            {move || asking.get().then(|| view! {
                <div class="caution" role="group" aria-label="Unlocked backup">
                    <p>"An unlocked backup can be read by anyone who gets the file. Download it anyway?"</p>
                    <div class="actions">
                        <button type="button" class="button" id="unlocked-confirm" on:click=unlocked>"Download it unlocked"</button>
                        <button type="button" class="button" on:click=cancel>"Cancel"</button>
                    </div>
                </div>
            })}
            <p class="status" role="status">
                {move || match status.get() {
                    Some(Ok(message)) => message,
                    _ => String::new(),
                }}
            </p>
            {move || match status.get() {
                Some(Err(message)) => Some(view! { <p class="form-error" role="alert">{message.to_string()}</p> }),
                _ => None,
            }}
        </div>
    }
}

/// One of the exports for other programs (Settings → Reminders offers the calendar too).
#[derive(Clone, Copy)]
pub(crate) enum Export {
    ContactsCsv,
    ReachOutsCsv,
    Vcard,
    Calendar,
}

impl Export {
    pub(crate) fn make(self) -> Result<String, crate::download::DownloadError> {
        let state = use_app_state();
        state.flush();
        let today = clock::today();
        // A file with nothing in it helps nobody: say so instead of downloading it.
        let nothing = state.book().with_untracked(|b| match self {
            Export::Calendar => b
                .calendar(today)
                .is_empty()
                .then_some("Nothing upcoming to put in a calendar: no follow-up or stay-in-touch date is open."),
            Export::ReachOutsCsv => b
                .reach_outs
                .is_empty()
                .then_some("No reach-outs to export yet."),
            Export::ContactsCsv | Export::Vcard => b
                .contacts
                .is_empty()
                .then_some("No contacts to export yet."),
        });
        if let Some(message) = nothing {
            return Ok(message.to_string());
        }
        let (name, text, mime) = state.book().with_untracked(|b| match self {
            Export::ContactsCsv => (
                export::file_name("contacts", today, "csv"),
                export::contacts_csv(b),
                "text/csv",
            ),
            Export::ReachOutsCsv => (
                export::file_name("reach-outs", today, "csv"),
                export::reach_outs_csv(b),
                "text/csv",
            ),
            Export::Vcard => (
                export::file_name("contacts", today, "vcf"),
                export::contacts_vcard(b),
                "text/vcard",
            ),
            Export::Calendar => (
                export::file_name("follow-ups", today, "ics"),
                export::calendar_ics(b, today, clock::now()),
                "text/calendar",
            ),
        });
        crate::download::offer(&name, &text, mime)?;
        Ok(format!(
            "Downloaded {name} ({} KB).",
            text.len().div_ceil(1000)
        ))
    }
}

#[component]
fn ImportExportCard() -> impl IntoView {
    let state = use_app_state();
    let status = RwSignal::new(None::<Result<String, String>>);
    let button = move |export: Export, label: &'static str| {
        view! {
            <button type="button" class="button"
                on:click=move |_| status.set(Some(export.make().map_err(|e| e.to_string())))>
                {label}
            </button>
        }
    };
    view! {
        <div class="card">
            <h2>"Import and export"</h2>
            <p>
                "Bring contacts in from LinkedIn, a phone\u{2019}s address book or a spreadsheet: "
                <a href=href("/import")>"Import contacts"</a>"."
            </p>
            <p class="muted small">
                "Take your data to other programs. CSV opens in any spreadsheet (cells that a \
                 spreadsheet would run as formulas are marked with a leading \u{2019}); vCard goes \
                 into a phone or another address book; the calendar file puts your upcoming \
                 follow-ups and stay-in-touch dates into Google, Apple or Outlook calendars. The \
                 backup above stays the one file that holds everything."
            </p>
            {move || state.lock_on().get().then(|| view! {
                <p class="small"><strong>"These files are not locked"</strong>", even while the lock \
                    is on: anyone who gets one can read it."</p>
            })}
            <div class="actions">
                {button(Export::ContactsCsv, "Contacts as CSV")}
                {button(Export::ReachOutsCsv, "Reach-outs as CSV")}
                {button(Export::Vcard, "Contacts as vCard")}
                {button(Export::Calendar, "Follow-ups as a calendar file")}
            </div>
            <p class="status" role="status">
                {move || match status.get() { Some(Ok(m)) => m, _ => String::new() }}
            </p>
            {move || match status.get() {
                Some(Err(m)) => Some(view! { <p class="form-error" role="alert">{m}</p> }),
                _ => None,
            }}
        </div>
    }
}

#[component]
fn StorageCard() -> impl IntoView {
    let state = use_app_state();
    let estimate = RwSignal::new(None::<(f64, f64)>);
    state.check_persistence(estimate);
    // Measured again after each save (this tab's or another's).
    let used = state.storage_used();
    let percent = move || (used.get() as f64 * 100.0 / QUOTA_UNITS as f64).min(100.0);
    let persistence = move || match state.persistent().get() {
        Some(true) => "Granted: the browser will not clear this data to free space.",
        Some(false) => {
            "Not granted: when the device runs short of space, the browser may clear \
                        this site's data. Keep a backup."
        }
        None => "Not known yet: it is asked after the first save.",
    };
    view! {
        <div class="card">
            <h2>"Storage in this browser"</h2>
            <label for="storage-meter">"Space used"</label>
            <meter id="storage-meter" class="meter" min="0" max=QUOTA_UNITS.to_string()
                high=(QUOTA_UNITS * 8 / 10).to_string() value=move || used.get().to_string()></meter>
            <p class="small">
                {move || match percent() {
                    p if p < 1.0 => "Plenty of room: less than 1 % of what this browser keeps for a site is used.".to_string(),
                    p => format!("{} % of the room this browser keeps for a site is used.", p.round() as u64),
                }}
            </p>
            <Disclosure label="The figures".to_string()>
                <p class="small">{move || format!(
                    "{} of about {} million characters (UTF-16 units) that browsers allow a site.",
                    crate::model::grouped(used.get()),
                    QUOTA_UNITS / 1_000_000,
                )}</p>
            </Disclosure>
            {move || (percent() >= 80.0).then(|| view! {
                <p class="form-error" role="alert">
                    "Storage is nearly full. Download a backup now; then archive or delete what \
                     you no longer need."
                </p>
            })}
            <p class="small"><strong>"Persistent storage: "</strong>{persistence}</p>
            {move || estimate.get().map(|(usage, quota)| view! {
                <p class="muted small">{format!(
                    "The browser's own estimate for this site: {} MB used of {} MB.",
                    one_decimal(usage / 1e6), (quota / 1e6).round() as u64
                )}</p>
            })}
        </div>
    }
}

#[component]
fn UnreadableCopies() -> impl IntoView {
    let state = use_app_state();
    view! {
        <Show when=move || state.quarantined().with(|k| !k.is_empty())>
            <div class="card">
                <h2>"Data set aside"</h2>
                <p class="small">
                    "Data that could not be read, or that held values Reachout had to bring into range, is kept here untouched. Download it to keep it or to \
                     get help with it; remove it when you are sure you no longer need it."
                </p>
                <ul class="timeline">
                    {move || state.quarantined().get().into_iter().map(|key| view! {
                        <li><QuarantinedCopy key=key/></li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
