//! Settings → Lock with a passphrase: turning the lock on (after a plain warning and a
//! backup), how soon it locks itself, changing the passphrase and turning it off.

use leptos::prelude::*;

use crate::components::focus::{focus_next_frame, focus_selector};
use crate::model::passphrase;
use crate::state::{use_app_state, AppState, LockError, LOCK_AFTER, LOCK_AFTER_CHOICES};
use crate::storage::UnlockError;

/// A passphrase field with its visible label; marked invalid, and described by the form's
/// error, when the last failure of `step` was about it.
fn secret(
    id: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    step: RwSignal<Step>,
    error_id: &'static str,
) -> impl IntoView {
    let blamed = move || matches!(step.get(), Step::Failed(_, Some(field)) if field == id);
    view! {
        <div class="field" class:field-invalid=blamed>
            <label for=id>{label}</label>
            <input id=id type="password" autocomplete=autocomplete
                aria-invalid=move || blamed().then_some("true")
                aria-describedby=move || blamed().then_some(error_id)
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

/// What a step of the lock is doing or did; a failure names the field it is about.
#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    Busy(&'static str),
    Done,
    Failed(String, Option<&'static str>),
}

/// A form's submit button (held while its step runs), what the step is doing, and its error.
fn step_view(
    step: RwSignal<Step>,
    label: &'static str,
    class: &'static str,
    error_id: &'static str,
) -> impl IntoView {
    view! {
        <div class="actions">
            <button type="submit" class=class disabled=move || matches!(step.get(), Step::Busy(_))>
                {label}
            </button>
        </div>
        <p class="status" role="status">
            {move || match step.get() {
                // What was done is said above the forms (the form may be gone).
                Step::Busy(words) => words.to_string(),
                _ => String::new(),
            }}
        </p>
        {move || match step.get() {
            Step::Failed(why, _) => Some(view! { <p class="form-error" role="alert" id=error_id>{why}</p> }),
            _ => None,
        }}
    }
}

/// The fields of one form, to say which one a refusal is about.
#[derive(Clone, Copy)]
struct Fields {
    current: Option<&'static str>,
    new: Option<&'static str>,
    repeat: Option<&'static str>,
}

impl Fields {
    fn blame(self, error: &LockError) -> Option<&'static str> {
        match error {
            LockError::New(_) | LockError::Unchanged => self.new,
            LockError::NotRepeated => self.repeat,
            LockError::NoCurrent | LockError::Passphrase(UnlockError::Wrong) => self.current,
            _ => None,
        }
    }
}

/// Runs a step of the lock, saying what it does and how it went: on success `after` gets the
/// words and the focus goes to them (above the forms); on failure the focus goes to the field
/// it is about.
fn run(
    step: RwSignal<Step>,
    fields: Fields,
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
                focus_next_frame(&["#lock-said"]);
            }
            Err(why) => {
                let field = fields.blame(&why);
                step.set(Step::Failed(why.to_string(), field));
                if let Some(field) = field {
                    request_animation_frame(move || {
                        focus_selector(&format!("#{field}"));
                    });
                }
            }
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
            <p class="status" role="status" id="lock-said" tabindex="-1">{move || said.get()}</p>
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
            Fields {
                current: None,
                new: Some("lock-new"),
                repeat: Some("lock-repeat"),
            },
            "Locking… (deriving the key takes a moment)",
            "Locked. Everything stored in this browser is now sealed with your passphrase.",
            async move { state.turn_lock_on(&typed, &again).await },
            move |done| said.set(done.to_string()),
        );
    };
    view! {
        <p>"Seal everything Reachout keeps in this browser, so that other web apps at the same \
            address, someone at this computer or anyone who finds a backup cannot read it. You \
            type the passphrase each time Reachout opens."</p>
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
            {secret("lock-new", "New passphrase", "new-password", new, step, "lock-on-error")}
            {strength_hint(new)}
            {secret("lock-repeat", "Repeat the passphrase", "new-password", repeated, step, "lock-on-error")}
            {step_view(step, "Turn the lock on", "button primary", "lock-on-error")}
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
    let chosen = RwSignal::new(String::new());
    let choose = move |ev| {
        if let Ok(minutes) = event_target_value(&ev).parse::<u32>() {
            if LOCK_AFTER_CHOICES.contains(&minutes) {
                after.set(minutes);
                state.remember(LOCK_AFTER, &minutes);
                chosen.set(match minutes {
                    0 => "Saved: it locks only when you lock it.".into(),
                    1 => "Saved: it locks after 1 minute unused.".into(),
                    n => format!("Saved: it locks after {n} minutes unused."),
                });
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
            Fields {
                current: Some("change-current"),
                new: Some("change-new"),
                repeat: Some("change-repeat"),
            },
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
            Fields {
                current: Some("off-current"),
                new: None,
                repeat: None,
            },
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
            <label for="lock-after">"Lock automatically"</label>
            <select id="lock-after" on:change=choose>{options}</select>
            <p class="status" role="status">{move || chosen.get()}</p>
        </div>
        <form class="form" novalidate on:submit=change aria-labelledby="change-heading">
            <h3 id="change-heading">"Change the passphrase"</h3>
            {secret("change-current", "Current passphrase", "current-password", current, changing, "change-error")}
            {secret("change-new", "New passphrase", "new-password", new, changing, "change-error")}
            {strength_hint(new)}
            {secret("change-repeat", "Repeat the new passphrase", "new-password", repeated, changing, "change-error")}
            {step_view(changing, "Change the passphrase", "button", "change-error")}
        </form>
        <form class="form" novalidate on:submit=turn_off aria-labelledby="off-heading">
            <h3 id="off-heading">"Turn the lock off"</h3>
            <p class="hint">"Turning it off stores your data readable in this browser again."</p>
            {secret("off-current", "Passphrase", "current-password", off_current, off, "off-error")}
            {step_view(off, "Turn the lock off", "button", "off-error")}
        </form>
    }
}
