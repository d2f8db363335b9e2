//! The screen a locked Reachout starts with: one passphrase field and nothing of the data.
//! A wrong passphrase says so; after three in a row, each further try waits longer (5 s,
//! doubling, up to 5 minutes), remembered in this browser. The real brake on guessing is the
//! key derivation's cost; the wait keeps a person at the keyboard from trying a list.

use leptos::prelude::*;

use crate::model::passphrase::Tries;
use crate::state::APP_NAMESPACE;
use crate::storage::{self, UnlockError};

/// Remembered in this browser: wrong tries in a row.
const TRIES: &str = "lock-tries";

fn remembered_tries() -> Tries {
    storage::preference::<Tries>(APP_NAMESPACE, TRIES)
        .unwrap_or_default()
        .in_range(js_sys::Date::now())
}

fn remember_tries(tries: Tries) {
    let _ = storage::remember(APP_NAMESPACE, TRIES, &tries);
}

/// Shown instead of the app while the data is locked; `unlocked` is called once the keys are
/// in memory.
#[component]
pub fn UnlockScreen(unlocked: Callback<()>) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let tries = RwSignal::new(remembered_tries());
    let erased = RwSignal::new(false);
    let now = RwSignal::new(js_sys::Date::now());
    let tick = set_interval_with_handle(
        move || now.set(js_sys::Date::now()),
        std::time::Duration::from_secs(1),
    )
    .ok();
    // The lock turned off in another tab: nothing is locked any more.
    let other_tab = window_event_listener(leptos::ev::storage, move |_| {
        if storage::stored_header(APP_NAMESPACE).is_none() {
            unlocked.run(());
        }
    });
    on_cleanup(move || {
        if let Some(tick) = tick {
            tick.clear();
        }
        other_tab.remove();
    });
    let wait = move || tries.get().seconds_left(now.get());
    let held = move || busy.get() || wait() > 0;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || wait() > 0 {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            error.set(Some("Type your passphrase.".into()));
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match storage::unlock(APP_NAMESPACE, &typed).await {
                Ok(()) | Err(UnlockError::NotLocked) => {
                    remember_tries(Tries::default());
                    unlocked.run(());
                }
                Err(UnlockError::Wrong) => {
                    let failed = tries.get_untracked().failed(js_sys::Date::now());
                    remember_tries(failed);
                    tries.set(failed);
                    now.set(js_sys::Date::now());
                    error.set(Some("That passphrase is not the right one.".into()));
                    busy.set(false);
                    // Typed again from the start, not deleted dot by dot on a phone.
                    passphrase.set(String::new());
                    crate::components::focus::focus_next_frame(&["#unlock-passphrase"]);
                }
                Err(other) => {
                    error.set(Some(other.to_string()));
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <header class="site-header">
            <span class="brand"><span class="brand-mark" aria-hidden="true"></span>"Reachout"</span>
        </header>
        <main id="main" tabindex="-1">
            <section class="page narrow unlock">
                {move || if erased.get() {
                    view! {
                        <h1>"Everything was erased"</h1>
                        <div class="card" role="status">
                            <p>"Reachout starts empty. If you have a backup, restore it on the \
                                Data page once Reachout is open."</p>
                            <div class="actions">
                                <button type="button" class="button primary" id="erased-start"
                                    on:click=move |_| unlocked.run(())>"Start again"</button>
                            </div>
                        </div>
                    }.into_any()
                } else {
                    view! {
                <h1>"Reachout is locked"</h1>
                <form class="card form" novalidate on:submit=submit>
                    <p>"Your contacts and notes are sealed in this browser. Type your passphrase to open them."</p>
                    <div class="field">
                        <label for="unlock-passphrase">"Passphrase"</label>
                        <input id="unlock-passphrase" type="password" autocomplete="current-password"
                            autofocus=true
                            prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </div>
                    {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                    <div class="actions">
                        <button type="submit" class="button primary" disabled=held>
                            {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
                        </button>
                    </div>
                    <p class="hint" role="status">
                        {move || match wait() {
                            0 => String::new(),
                            1 => "Several wrong tries: wait 1 second before the next.".to_string(),
                            n => format!("Several wrong tries: wait {n} seconds before the next."),
                        }}
                    </p>
                </form>
                <crate::components::disclosure::Disclosure label="Forgot the passphrase?".to_string()>
                    <p>"Nobody can reset it: there is no account and no server, so the data sealed \
                        in this browser cannot be opened without it. You can erase it and start \
                        again, empty, then restore a backup if you have one."</p>
                    <EraseEverything erased/>
                </crate::components::disclosure::Disclosure>
                    }.into_any()
                }}
            </section>
        </main>
    }
}

/// "Erase everything and start again", after a confirmation that says what goes; `erased`
/// is set once it is done.
#[component]
fn EraseEverything(erased: RwSignal<bool>) -> impl IntoView {
    use crate::components::focus::focus_next_frame;
    let asking = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let erase = move |_| {
        if storage::erase_everything(APP_NAMESPACE) {
            erased.set(true);
            focus_next_frame(&["#erased-start"]);
        } else {
            failed.set(true);
        }
    };
    let ask = move |_| {
        asking.set(true);
        focus_next_frame(&["#erase-cancel"]);
    };
    let cancel = move |_| {
        asking.set(false);
        focus_next_frame(&["#erase-open"]);
    };
    view! {
        {move || if asking.get() {
            view! {
                <div class="caution" role="group" aria-label="Erase everything">
                    <p>"This removes every contact, reach-out and note Reachout keeps in this \
                        browser, for good."</p>
                    <div class="actions">
                        <button type="button" class="button danger" on:click=erase>"Erase it all"</button>
                        <button type="button" class="button" id="erase-cancel" on:click=cancel>"Cancel"</button>
                    </div>
                </div>
            }.into_any()
        } else {
            view! {
                <button type="button" class="button" id="erase-open" on:click=ask>
                    "Erase everything and start again…"
                </button>
            }.into_any()
        }}
        {move || failed.get().then(|| view! {
            <p class="form-error" role="alert">"The browser did not let Reachout erase it all."</p>
        })}
    }
}
