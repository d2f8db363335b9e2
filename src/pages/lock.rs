//! Settings → Lock with a passphrase: turning the lock on (after a plain warning and a
//! backup), how soon it locks itself, changing the passphrase and turning it off.

use leptos::prelude::*;

use crate::model::passphrase;
use crate::state::{use_app_state, AppState, LockError, LOCK_AFTER, LOCK_AFTER_CHOICES};

/// A passphrase field with its visible label.
fn secret(
    id: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="password" autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

/// The strength hint under a new passphrase, read out as it changes.
fn strength_hint(value: RwSignal<String>) -> impl IntoView {
    view! {
        <p class="hint" aria-live="polite">
            {move || {
                let typed = value.get();
                (!typed.is_empty()).then(|| passphrase::strength(&typed).words())
            }}
        </p>
    }
}

/// What a step of the lock is doing or did.
#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    Busy(&'static str),
    Done,
    Failed(String),
}

fn step_view(step: RwSignal<Step>) -> impl IntoView {
    view! {
        <p class="status" role="status">
            {move || match step.get() {
                // What was done is said above the forms (the form may be gone).
                Step::Busy(words) => words.to_string(),
                _ => String::new(),
            }}
        </p>
        {move || match step.get() {
            Step::Failed(why) => Some(view! { <p class="form-error" role="alert">{why}</p> }),
            _ => None,
        }}
    }
}

/// Runs a step of the lock, saying what it does and how it went.
fn run(
    step: RwSignal<Step>,
    busy: &'static str,
    done: &'static str,
    work: impl std::future::Future<Output = Result<(), LockError>> + 'static,
    after: impl FnOnce(&'static str) + 'static,
) {
    if matches!(step.get_untracked(), Step::Busy(_)) {
        return;
    }
    step.set(Step::Busy(busy));
    leptos::task::spawn_local(async move {
        match work.await {
            Ok(()) => {
                step.set(Step::Done);
                after(done);
            }
            Err(why) => step.set(Step::Failed(why.to_string())),
        }
    });
}

#[component]
pub fn LockCard() -> impl IntoView {
    let state = use_app_state();
    // Said above the forms: turning the lock on or off replaces the form that did it.
    let said = RwSignal::new(String::new());
    view! {
        <section class="card lock" aria-labelledby="lock-heading">
            <h2 id="lock-heading">"Lock with a passphrase"</h2>
            <p class="status" role="status">{move || said.get()}</p>
            {move || if state.lock_on().get() {
                view! { <LockedSettings state said/> }.into_any()
            } else {
                view! { <TurnOn state said/> }.into_any()
            }}
        </section>
    }
}

#[component]
fn TurnOn(state: AppState, said: RwSignal<String>) -> impl IntoView {
    let new = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let step = RwSignal::new(Step::Idle);
    let backup = RwSignal::new(None::<Result<String, String>>);
    let download = move |_| {
        backup.set(Some(state.download_backup().map_err(|e| e.to_string())));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (typed, again) = (new.get_untracked(), repeated.get_untracked());
        run(
            step,
            "Locking… (deriving the key takes a moment)",
            "Locked. Everything stored in this browser is now sealed with your passphrase.",
            async move { state.turn_lock_on(&typed, &again).await },
            move |done| said.set(done.to_string()),
        );
    };
    view! {
        <p>"Seal everything Reachout keeps in this browser, so that other pages of this site, \
            someone at this computer or anyone who finds a backup cannot read it. You type the \
            passphrase each time Reachout opens."</p>
        <div class="caution" role="note">
            <p><strong>"The passphrase cannot be recovered."</strong>" There is no account and \
                no server, so nobody can reset it. Forget it, and the data in this browser is \
                lost. Download a backup first and keep it somewhere safe."</p>
            <div class="actions">
                <button type="button" class="button" on:click=download>"Download a backup"</button>
            </div>
            <p class="status" role="status">
                {move || match backup.get() {
                    Some(Ok(said)) => said,
                    _ => String::new(),
                }}
            </p>
            {move || match backup.get() {
                Some(Err(why)) => Some(view! { <p class="form-error" role="alert">{why}</p> }),
                _ => None,
            }}
        </div>
        <form class="form" novalidate on:submit=submit>
            {secret("lock-new", "New passphrase", "new-password", new)}
            {strength_hint(new)}
            {secret("lock-repeat", "Repeat the passphrase", "new-password", repeated)}
            <div class="actions">
                <button type="submit" class="button primary"
                    disabled=move || matches!(step.get(), Step::Busy(_))>"Turn the lock on"</button>
            </div>
            {step_view(step)}
        </form>
        <p class="hint">"Exports for other programs (CSV, vCard, calendar) stay readable files; \
            backups downloaded while locked are locked with the same passphrase."</p>
    }
}

#[component]
fn LockedSettings(state: AppState, said: RwSignal<String>) -> impl IntoView {
    let after = RwSignal::new(state.lock_after());
    let options = LOCK_AFTER_CHOICES.map(|minutes| {
        let label = match minutes {
            0 => "Only when I lock it".to_string(),
            1 => "After 1 minute unused".to_string(),
            n => format!("After {n} minutes unused"),
        };
        view! { <option value=minutes.to_string() selected=move || after.get() == minutes>{label}</option> }
    });
    let choose = move |ev| {
        if let Ok(minutes) = event_target_value(&ev).parse::<u32>() {
            if LOCK_AFTER_CHOICES.contains(&minutes) {
                after.set(minutes);
                state.remember(LOCK_AFTER, &minutes);
            }
        }
    };
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let changing = RwSignal::new(Step::Idle);
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (now, typed, again) = (
            current.get_untracked(),
            new.get_untracked(),
            repeated.get_untracked(),
        );
        run(
            changing,
            "Changing the passphrase… (everything is sealed again)",
            "Passphrase changed. The old one no longer opens the data here; backups made before the change still need it.",
            async move { state.change_passphrase(&now, &typed, &again).await },
            move |done| {
                said.set(done.to_string());
                for field in [current, new, repeated] {
                    field.set(String::new());
                }
            },
        );
    };
    let off_current = RwSignal::new(String::new());
    let off = RwSignal::new(Step::Idle);
    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = off_current.get_untracked();
        run(
            off,
            "Turning the lock off…",
            "The lock is off: the data is stored readable again.",
            async move { state.turn_lock_off(&now).await },
            move |done| said.set(done.to_string()),
        );
    };
    view! {
        <p>"On. Everything Reachout keeps in this browser is sealed; the key is only in this \
            tab's memory while it is open, and goes when it locks."</p>
        <div class="field">
            <label for="lock-after">"Lock by itself"</label>
            <select id="lock-after" on:change=choose>{options}</select>
        </div>
        <form class="form" novalidate on:submit=change aria-labelledby="change-heading">
            <h3 id="change-heading">"Change the passphrase"</h3>
            {secret("change-current", "Current passphrase", "current-password", current)}
            {secret("change-new", "New passphrase", "new-password", new)}
            {strength_hint(new)}
            {secret("change-repeat", "Repeat the new passphrase", "new-password", repeated)}
            <div class="actions">
                <button type="submit" class="button"
                    disabled=move || matches!(changing.get(), Step::Busy(_))>"Change the passphrase"</button>
            </div>
            {step_view(changing)}
        </form>
        <form class="form" novalidate on:submit=turn_off aria-labelledby="off-heading">
            <h3 id="off-heading">"Turn the lock off"</h3>
            <p class="hint">"Your data is then stored readable in this browser again."</p>
            {secret("off-current", "Passphrase", "current-password", off_current)}
            <div class="actions">
                <button type="submit" class="button"
                    disabled=move || matches!(off.get(), Step::Busy(_))>"Turn the lock off"</button>
            </div>
            {step_view(off)}
        </form>
    }
}
