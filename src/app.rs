//! The app shell: header, navigation, storage banner and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::components::after_prompt::{provide_after_prompt, AfterPrompt};
use crate::components::clash_notice::ClashNotice;
use crate::components::focus::focus_selector;
use crate::components::near_miss::NearMissButton;
use crate::components::shortcuts::Shortcuts;
use crate::components::storage_banner::StorageBanner;
use crate::components::undo_toast::UndoToast;
use crate::components::update_notice::{self, UpdateNotice};
use crate::links::{base, href};
use crate::pages::contact::edit::{EditContactPage, NewContactPage};
use crate::pages::contact::ContactPage;
use crate::pages::contacts::ContactsPage;
use crate::pages::later::{Later, LaterPage};
use crate::pages::not_found::NotFoundPage;
use crate::pages::today::TodayPage;
use crate::pages::unlock::UnlockScreen;
use crate::state::{use_app_state, AppState, APP_NAMESPACE};
use crate::theme::{self, Theme};

/// Locked with a passphrase, the app starts at the unlock screen; the data is opened only
/// once the keys are in memory.
#[component]
pub fn App() -> impl IntoView {
    let locked = RwSignal::new(needs_unlocking());
    let unlocked = Callback::new(move |()| locked.set(false));
    move || {
        if locked.get() {
            view! { <UnlockScreen unlocked/> }.into_any()
        } else {
            view! { <Opened/> }.into_any()
        }
    }
}

/// True when the stored data is locked and this tab holds no keys for it. A lock whose
/// header is damaged opens as damaged data does (kept aside, with a banner).
fn needs_unlocking() -> bool {
    matches!(crate::storage::stored_header(APP_NAMESPACE), Some(Ok(_)))
        && !crate::storage::is_unlocked()
}

/// The app with its data open.
#[component]
fn Opened() -> impl IntoView {
    let state = AppState::open(APP_NAMESPACE);
    provide_context(state);
    let apply_theme = move || {
        state
            .preference::<Theme>(theme::PREFERENCE)
            .unwrap_or_default()
            .apply()
    };
    apply_theme();
    update_notice::register();
    crate::pages::later::fetch_in_background();
    crate::pages::today::welcome::provide_coming_back(state);
    reminders(state);
    // A save in another tab shows here at once, and so do its backups, restores and removals,
    // and a theme chosen there.
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key();
        state.lock_with_other_tabs(key.as_deref());
        state.other_tab_changed(key.as_deref());
        if state.preference_changed(key.as_deref(), theme::PREFERENCE) {
            apply_theme();
        }
    });
    // Gathered saves are written before the page can go away: switching tabs, closing the tab,
    // leaving the page or the phone locking all hide the page first or unload it. Shown again
    // (perhaps the next morning), the page checks the day.
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            state.flush();
        } else {
            state.check_the_day();
        }
    });
    state.follow_the_clock();
    state.lock_when_unused();
    // Locked in another tab with keys this one does not hold: start again at the unlock screen.
    Effect::new(move |_| {
        if matches!(
            state.notice().get(),
            Some(crate::state::StorageNotice::LockChanged)
        ) {
            let _ = window().location().reload();
        }
    });
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    on_cleanup(move || {
        listener.remove();
        hidden.remove();
        leaving.remove();
    });
    view! {
        <Router base=base()>
            <Shell/>
        </Router>
    }
}

/// The reminders that reach a person outside the app: the count on the installed app's icon,
/// and, when notifications are on, the digest the service worker reads. Both follow every
/// change, computed when the browser is idle so that they never lengthen a save.
fn reminders(state: AppState) {
    let chosen = crate::notify::Reminders {
        notify: RwSignal::new(
            state
                .preference::<bool>(crate::notify::REMIND_NOTIFY)
                .unwrap_or(false),
        ),
        hide_names: RwSignal::new(
            state
                .preference::<bool>(crate::notify::REMIND_HIDE_NAMES)
                .unwrap_or(false),
        ),
    };
    provide_context(chosen);
    if chosen.notify.get_untracked() {
        // Asked for again at each start: installed since it was turned on, the browser may now
        // grant the daily wake-up it refused then.
        leptos::task::spawn_local(async {
            let _ = crate::notify::renew().await;
        });
    }
    Effect::new(move |_| {
        let today = state.today().get();
        state.book().track();
        chosen.notify.track();
        chosen.hide_names.track();
        state.lock_on().track();
        crate::state::when_idle(move || {
            // Read again now, from storage: another tab (or this one, since) may have turned
            // notifications off or hidden the names.
            let notify = state
                .preference::<bool>(crate::notify::REMIND_NOTIFY)
                .unwrap_or(false);
            // While locked, the digest (readable by the service worker) holds counts only.
            let hide_names = crate::storage::lock_is_on()
                || state
                    .preference::<bool>(crate::notify::REMIND_HIDE_NAMES)
                    .unwrap_or(false);
            if !notify {
                crate::badge::show(state.book().with_untracked(|b| b.due_today_count(today)));
                return;
            }
            // Today's entry of the digest is the icon's count: one pass over the threads.
            let digest = state
                .book()
                .with_untracked(|b| b.reminder_digest(today, hide_names));
            crate::badge::show(digest.days.get(&today).map_or(0, |due| due.count));
            let json = crate::format::digest::digest_json(&digest);
            leptos::task::spawn_local(crate::notify::write_digest(json));
        });
    });
}

/// A tap on the daily notification, in an open tab: the service worker focuses the tab and asks
/// it to show Today, which it does as a click on Today would, keeping whatever was being typed.
fn open_today_when_asked() {
    use wasm_bindgen::JsCast;
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let asked = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
        |event: web_sys::MessageEvent| {
            if event.data().as_string().as_deref() != Some("reachout:open-today") {
                return;
            }
            if let Some(today) = document()
                .query_selector("nav[aria-label=Main] a")
                .ok()
                .flatten()
                .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok())
            {
                today.click();
            }
        },
    );
    let _ = navigator
        .service_worker()
        .add_event_listener_with_callback("message", asked.as_ref().unchecked_ref());
    // Kept for the page's life, like the worker itself.
    asked.forget();
}

/// Everything inside the router; tests mount it with their own state.
#[component]
pub fn Shell() -> impl IntoView {
    provide_after_prompt();
    open_today_when_asked();
    provide_context(crate::components::contact_form::Drafts::default());
    view! {
        // With `<base href>` set, a plain "#main" link would load the app's root (Today); the
        // link moves the focus itself, on whichever page is showing.
        <a class="skip-link" href="#main" on:click=|ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            focus_selector("#main");
        }>"Skip to content"</a>
        <header class="site-header" class:has-lock=move || use_app_state().lock_on().get()>
            <a class="brand" href=href("/")>
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-name">"Reachout"</span>
            </a>
            <nav aria-label="Main">
                <A href=href("/") exact=true>"Today"</A>
                <A href=href("/contacts")>"Contacts"</A>
                <A href=href("/insights")>"Insights"</A>
                <A href=href("/data")>"Data"</A>
                <A href=href("/settings")>"Settings"</A>
            </nav>
            <NearMissButton/>
            <LockNow/>
        </header>
        <main id="main" tabindex="-1">
            <UpdateNotice/>
            <StorageBanner/>
            <ClashNotice/>
            <AfterPrompt/>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=TodayPage/>
                <Route path=path!("/contacts") view=ContactsPage/>
                <Route path=path!("/contacts/new") view=NewContactPage/>
                <Route path=path!("/contacts/:id") view=ContactPage/>
                <Route path=path!("/contacts/:id/edit") view=EditContactPage/>
                <Route path=path!("/insights") view=|| view! { <Later page=LaterPage::Insights/> }/>
                <Route path=path!("/data") view=|| view! { <Later page=LaterPage::Data/> }/>
                <Route path=path!("/import") view=|| view! { <Later page=LaterPage::Import/> }/>
                <Route path=path!("/settings") view=|| view! { <Later page=LaterPage::Settings/> }/>
                <Route path=path!("/templates") view=|| view! { <Later page=LaterPage::Templates/> }/>
                <Route path=path!("/report") view=|| view! { <Later page=LaterPage::Report/> }/>
            </Routes>
        </main>
        <UndoToast/>
        <Shortcuts/>
        <footer class="site-footer">
            <p>"Your data stays in this browser."</p>
        </footer>
    }
}

/// "Lock now" in the header, while the data is locked with a passphrase.
#[component]
fn LockNow() -> impl IntoView {
    let state = crate::state::use_app_state();
    move || {
        state.lock_on().get().then(|| {
            view! {
                <button type="button" class="button small lock-now" on:click=move |_| state.lock_now()>
                    "Lock now"
                </button>
            }
        })
    }
}
