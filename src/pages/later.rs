//! The pages whose code arrives after the first screen: Insights, the report, Import, Data,
//! Settings and Templates, with the readers and writers only they use.
//!
//! With the `split` feature (the release and serve builds, see `scripts/split-build.mjs`) each of
//! them is a split point of `wasm_split_helpers`: the build cuts its code out of the main
//! WebAssembly file into a chunk of its own, fetched the first time the page opens, or earlier
//! by [`fetch_in_background`] once the first screen is drawn (so that it opens at once later and
//! works offline after one visit). Without the feature (tests, `cargo check`) the same functions
//! simply draw the page.
//!
//! A chunk that cannot be fetched (offline before it arrived, a dropped connection) leaves the
//! page saying so, with a button that tries again; it never panics.

use leptos::prelude::*;

use crate::components::update_notice::UpdateReady;
use crate::pages::{data, import, insights, report, settings, templates};

/// A page that is its own chunk of the release build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaterPage {
    Insights,
    Report,
    Import,
    Data,
    Settings,
    Templates,
}

/// The chunk of a page could not be fetched or started.
#[derive(Debug)]
pub struct ChunkMissing;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for ChunkMissing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// One split point: `$draw` draws `$page` once its chunk `$chunk` is in, `$fetch` only fetches it.
macro_rules! split_page {
    ($chunk:ident, $draw:ident, $fetch:ident, $page:path) => {
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible, preload($fetch))]
        fn $draw() -> Result<AnyView, ChunkMissing> {
            Ok($page().into_any())
        }
        #[cfg(not(feature = "split"))]
        async fn $draw() -> Result<AnyView, ChunkMissing> {
            Ok($page().into_any())
        }
        #[cfg(not(feature = "split"))]
        async fn $fetch() -> Result<(), ChunkMissing> {
            Ok(())
        }
    };
}

split_page!(
    insights,
    draw_insights,
    fetch_insights,
    insights::InsightsPage
);
split_page!(report, draw_report, fetch_report, report::ReportPage);
split_page!(import, draw_import, fetch_import, import::ImportPage);
split_page!(data, draw_data, fetch_data, data::DataPage);
split_page!(
    settings,
    draw_settings,
    fetch_settings,
    settings::SettingsPage
);
split_page!(
    templates,
    draw_templates,
    fetch_templates,
    templates::TemplatesPage
);

impl LaterPage {
    const ALL: [LaterPage; 6] = [
        LaterPage::Insights,
        LaterPage::Import,
        LaterPage::Data,
        LaterPage::Settings,
        LaterPage::Report,
        LaterPage::Templates,
    ];

    /// The page's heading, shown while its code arrives.
    pub fn heading(self) -> &'static str {
        match self {
            LaterPage::Insights => "Insights",
            LaterPage::Report => "Progress report",
            LaterPage::Import => "Import contacts",
            LaterPage::Data => "Your data",
            LaterPage::Settings => "Settings",
            LaterPage::Templates => "Message templates",
        }
    }

    async fn draw(self) -> Result<AnyView, ChunkMissing> {
        match self {
            LaterPage::Insights => draw_insights().await,
            LaterPage::Report => draw_report().await,
            LaterPage::Import => draw_import().await,
            LaterPage::Data => draw_data().await,
            LaterPage::Settings => draw_settings().await,
            LaterPage::Templates => draw_templates().await,
        }
    }

    async fn fetch(self) -> Result<(), ChunkMissing> {
        let fetched = match self {
            LaterPage::Insights => fetch_insights().await,
            LaterPage::Report => fetch_report().await,
            LaterPage::Import => fetch_import().await,
            LaterPage::Data => fetch_data().await,
            LaterPage::Settings => fetch_settings().await,
            LaterPage::Templates => fetch_templates().await,
        };
        #[allow(clippy::useless_conversion)] // a SplitLoaderError with the feature, else ours
        fetched.map_err(ChunkMissing::from)
    }
}

/// Draws `page` once its code is in: a calm line while it is fetched, and a message with a way
/// to try again should the fetch fail.
#[component]
pub fn Later(page: LaterPage) -> impl IntoView {
    let tries = RwSignal::new(0_u32);
    let body = move || {
        tries.track();
        Suspend::new(async move {
            match page.draw().await {
                Ok(view) => view,
                Err(ChunkMissing) => view! { <ChunkFailed page tries/> }.into_any(),
            }
        })
    };
    // Drawn as the first frame in index.html is, so the page arrives without a jump.
    let opening = move || {
        view! {
            <section class="page">
                <header class="page-header">
                    <p class="first-title">{page.heading()}</p>
                </header>
                <p class="first-status" role="status">"Opening…"</p>
            </section>
        }
    };
    view! { <Suspense fallback=opening>{body}</Suspense> }
}

/// In place of a page whose chunk could not be fetched: why, and the way on. When a new version
/// of Reachout took over while this tab ran the old one, the chunk may be gone from the site:
/// then reloading is the way, not trying again.
#[component]
fn ChunkFailed(page: LaterPage, tries: RwSignal<u32>) -> impl IntoView {
    let updated = use_context::<UpdateReady>();
    let newer = move || updated.is_some_and(UpdateReady::is_ready);
    // Names the tab and, as for any page, moves the focus to the heading; again after each try.
    crate::components::focus::page_drawn();
    view! {
        <section class="page">
            <header class="page-header">
                <h1>{page.heading()}</h1>
            </header>
            <div class="card chunk-failed" role="alert">
                <h2>"This page could not open"</h2>
                <Show
                    when=newer
                    fallback=move || {
                        view! {
                            <p>
                                "Its part of Reachout has not reached this browser yet, and the "
                                "connection dropped while fetching it. Your contacts are safe; "
                                "Today and Contacts work as before."
                            </p>
                            <button
                                type="button"
                                class="button primary"
                                on:click=move |_| tries.update(|n| *n += 1)
                            >
                                "Try again"
                            </button>
                        }
                    }
                >
                    <p>
                        "A new version of Reachout is in place, and this tab still runs the one "
                        "before. Reload to open this page; your contacts are safe."
                    </p>
                    <button type="button" class="button primary" on:click=|_| reload()>
                        "Reload"
                    </button>
                </Show>
            </div>
        </section>
    }
}

fn reload() {
    // Saves are written first by the page's own pagehide handler.
    let _ = window().location().reload();
}

/// Fetches the later pages' code one after another once the browser is idle after the first
/// screen, so that they open at once and work offline after one visit. A failure is quiet: the
/// fetch starts again when the browser is back online, and a page fetches its chunk itself when
/// it opens.
pub fn fetch_in_background() {
    crate::state::when_idle(|| {
        wasm_bindgen_futures::spawn_local(async {
            for page in LaterPage::ALL {
                if page.fetch().await.is_err() {
                    again_when_online();
                    return;
                }
            }
            crate::marks::mark("reachout:later-pages-fetched");
        });
    });
}

thread_local! {
    /// Whether a failed background fetch waits for the browser to be online again.
    static WAITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Whether the listener for that is in place (once per page).
    static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn again_when_online() {
    WAITING.with(|waiting| waiting.set(true));
    if LISTENING.with(|listening| listening.replace(true)) {
        return;
    }
    // Kept for the page's life: one listener, however often the network comes and goes.
    std::mem::forget(window_event_listener(leptos::ev::online, |_| {
        if WAITING.with(|waiting| waiting.replace(false)) {
            fetch_in_background();
        }
    }));
}
