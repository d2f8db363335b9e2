//! The Contacts page's search and filters, kept in the URL so that a view can be bookmarked
//! and Back works. What is typed in the search box reaches the list at once and the URL a
//! moment later: a navigation per keystroke (history, route matching, the favicon fetched
//! again) took more than the search itself.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

use crate::model::ContactQuery;

/// The URL parameters the page understands.
const PARAMS: [&str; 7] = ["q", "stage", "tag", "channel", "due", "archived", "sort"];

/// How long typing rests before the URL takes the text, in milliseconds.
const WRITE_AFTER_MS: u64 = 300;

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// The query in the URL, and the text typed but not yet written there.
#[derive(Clone, Copy)]
pub struct SearchInUrl {
    /// The query as the URL says it.
    pub from_url: Memo<ContactQuery>,
    /// The query the list shows: the URL's, with the text as typed.
    pub query: Memo<ContactQuery>,
    /// The text until the URL has it.
    typed: RwSignal<Option<String>>,
    /// The whole query this page last put in the URL with typed text.
    written: StoredValue<Option<ContactQuery>>,
    pending: StoredValue<Option<TimeoutHandle>>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl SearchInUrl {
    /// Reads the URL of the page being built, and follows it.
    pub fn attach() -> SearchInUrl {
        let params = use_query_map();
        let go = use_navigate();
        let from_url = Memo::new(move |_| {
            params.with(|p| {
                let pairs: Vec<(&str, String)> = PARAMS
                    .iter()
                    .filter_map(|k| p.get_str(k).map(|v| (*k, v.to_string())))
                    .collect();
                ContactQuery::from_params(pairs.iter().map(|(k, v)| (*k, v.as_str())))
            })
        });
        let typed = RwSignal::new(None::<String>);
        let query = Memo::new(move |_| {
            let mut query = from_url.get();
            if let Some(text) = typed.get() {
                query.text = text;
            }
            query
        });
        let search = SearchInUrl {
            from_url,
            query,
            typed,
            written: StoredValue::new(None),
            pending: StoredValue::new(None),
            navigate: StoredValue::new_local(Box::new(move |to: &str, options| go(to, options))),
        };
        // The URL changed otherwise (Back, Forward, a filter): it says what to search again.
        Effect::new(move |_| {
            let now = from_url.get();
            if search.written.with_value(|w| w.as_ref() != Some(&now)) {
                search.forget_typed();
            }
        });
        on_cleanup(move || search.cancel_write());
        search
    }

    fn cancel_write(self) {
        if let Some(handle) = self.pending.try_get_value().flatten() {
            handle.clear();
        }
    }

    fn forget_typed(self) {
        self.cancel_write();
        self.typed.set(None);
    }

    /// Puts `next` in the URL. Typing replaces the history entry; choosing a filter adds
    /// one, so Back undoes it.
    fn write(self, next: ContactQuery, replace: bool) {
        let mut map = ParamsMap::new();
        for (key, value) in next.to_params() {
            map.insert(key, value);
        }
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        };
        self.navigate
            .with_value(|go| go(&format!("/contacts{}", map.to_query_string()), options));
    }

    /// A filter or the sort changed: the URL takes it at once, with the text as typed.
    pub fn choose(self, change: impl FnOnce(&mut ContactQuery)) {
        let mut next = self.query.get_untracked();
        change(&mut next);
        // `typed` is let go once the URL has the text (the Effect in `attach`).
        self.cancel_write();
        self.write(next, false);
    }

    /// Text typed in the search box: shown at once, written to the URL once typing rests.
    pub fn type_text(self, text: String) {
        self.typed.set(Some(text.clone()));
        self.cancel_write();
        let write = move || {
            if self.typed.get_untracked().as_deref() == Some(text.as_str()) {
                let mut next = self.from_url.get_untracked();
                next.text = text.clone();
                self.written.set_value(Some(next.clone()));
                self.write(next, true);
            }
        };
        let handle =
            set_timeout_with_handle(write, std::time::Duration::from_millis(WRITE_AFTER_MS));
        self.pending.set_value(handle.ok());
    }

    /// "Clear search and filters".
    pub fn clear(self) {
        self.write(ContactQuery::default(), false);
        // Also when the URL was already the default, so that no Effect runs.
        self.forget_typed();
    }

    /// How many filters are on, for the phone's "Filter and sort (2 on)".
    pub fn filters_on(self) -> usize {
        self.from_url.with(|q| {
            [
                q.stage.is_some(),
                q.tag.is_some(),
                q.channel.is_some(),
                q.due_only,
                q.archived,
            ]
            .into_iter()
            .filter(|on| *on)
            .count()
        })
    }
}
