//! The window of a long list that is drawn: the rows on screen, a few beyond each edge, and the
//! row holding the focus, each placed at its position in a list as tall as all of them (the
//! Contacts page). Rows have one height, measured from a drawn row.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::ContactId;

/// Rows drawn beyond the screen's edge on each side, so that scrolling shows no gap.
const OVERSCAN: usize = 4;
/// The height of a row plus the gap below it, in CSS pixels, until a drawn row is measured.
const STRIDE_GUESS: f64 = 72.0;
/// The gap between rows (`.contact-list` in the stylesheet).
const ROW_GAP: f64 = 8.0;

/// Which part of a long list is drawn: the rows between the top and the bottom of the screen,
/// a few more on each side, and the row holding the focus wherever it is, so that arrow keys,
/// focus and the list's full height all behave as if every row were there.
#[derive(Clone, Copy)]
pub struct ListWindow {
    pub list: NodeRef<leptos::html::Ul>,
    /// A row's height plus the gap below it, in CSS pixels, measured from a drawn row.
    pub stride: RwSignal<f64>,
    /// The first position in the window, and how many rows it holds.
    span: RwSignal<(usize, usize)>,
    /// The contact whose row holds the focus, drawn even when scrolled away.
    pinned: RwSignal<Option<ContactId>>,
    /// Where an arrow key sent the focus while that row is still being drawn.
    heading_to: StoredValue<Option<usize>>,
}

impl ListWindow {
    /// A window over the list in `list`, following scrolling and resizing until the page is left.
    pub fn attach() -> Self {
        let window = ListWindow {
            list: NodeRef::new(),
            stride: RwSignal::new(STRIDE_GUESS),
            span: RwSignal::new((0, 24)),
            pinned: RwSignal::new(None),
            heading_to: StoredValue::new(None),
        };
        let scrolled = window_event_listener(leptos::ev::scroll, move |_| window.measure());
        let resized = window_event_listener(leptos::ev::resize, move |_| window.measure());
        on_cleanup(move || {
            scrolled.remove();
            resized.remove();
        });
        // Once the list is in the page, and whenever its rows are drawn anew, measure again.
        Effect::new(move |_| {
            if window.list.get().is_some() {
                request_animation_frame(move || window.measure());
            }
        });
        window
    }

    /// Works out the window from where the list stands on screen.
    pub fn measure(self) {
        let Some(list) = self.list.get_untracked() else {
            return;
        };
        if let Some(row) = list
            .query_selector("li")
            .ok()
            .flatten()
            .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let stride = f64::from(row.offset_height()) + ROW_GAP;
            if stride > ROW_GAP && (stride - self.stride.get_untracked()).abs() > 0.5 {
                self.stride.set(stride);
            }
        }
        let stride = self.stride.get_untracked();
        let top = list.get_bounding_client_rect().top();
        let screen = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        // The window is always as long (the rows a screen holds and the overscan on both
        // sides), so that scrolling only swaps rows in and out: see `positions`.
        let length = (screen / stride).ceil() as usize + 2 * OVERSCAN + 1;
        let first = ((-top).max(0.0) / stride).floor() as usize;
        let span = (first.saturating_sub(OVERSCAN), length);
        if self.span.get_untracked() != span {
            self.span.set(span);
        }
    }

    /// The positions to draw. They are not in order: position `p` is always drawn `p % length`th,
    /// so that when the window moves by a row, the row leaving and the row coming in share a
    /// place and every other row keeps its own. Moving a row's element in the page would take
    /// the focus from it. The pinned row, when outside the window, keeps its place.
    pub fn positions(self, found: Memo<Vec<ContactId>>) -> Vec<usize> {
        let (first, length) = self.span.get();
        let pinned = self.pinned.get();
        found.with(|ids| {
            let length = length.max(1);
            let first = first.min(ids.len().saturating_sub(length));
            let mut at: Vec<usize> = (first..(first + length).min(ids.len())).collect();
            at.sort_unstable_by_key(|p| p % length);
            if let Some(pin) = pinned.and_then(|id| ids.iter().position(|x| *x == id)) {
                if !at.contains(&pin) {
                    // The focused row keeps its own place (and element); the row it displaces
                    // from the window goes last.
                    match at.get_mut(pin % length) {
                        Some(place) => {
                            let displaced = std::mem::replace(place, pin);
                            at.push(displaced);
                        }
                        None => at.push(pin),
                    }
                }
            }
            at
        })
    }

    pub fn height(self, rows: usize) -> String {
        let stride = self.stride.get();
        format!(
            "{}px",
            (rows as f64 * stride - ROW_GAP).max(0.0).round() as u64
        )
    }

    /// Up and down arrows move between the contacts' links, Home and End go to the first and
    /// the last; Enter opens one (a link's own behaviour). The next row is nearly always drawn
    /// (the window reaches past the screen) and takes the focus at once; otherwise it is drawn
    /// first and focused on the next frame.
    pub fn arrow_key(self, ev: leptos::ev::KeyboardEvent, found: Memo<Vec<ContactId>>) {
        let count = found.with_untracked(Vec::len);
        let step: i64 = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            "Home" => -(count as i64),
            "End" => count as i64,
            _ => return,
        };
        if count == 0 {
            return;
        }
        ev.prevent_default();
        let current = self.heading_to.get_value().or_else(|| {
            document()
                .active_element()
                .and_then(|el| el.closest("li[data-at]").ok().flatten())
                .and_then(|li| li.get_attribute("data-at"))
                .and_then(|at| at.parse::<usize>().ok())
        });
        let next = match (current, ev.key().as_str()) {
            (_, "End") => count - 1,
            (Some(at), _) => (at as i64 + step).clamp(0, count as i64 - 1) as usize,
            (None, _) => 0,
        };
        if self.focus_row(next) {
            return;
        }
        self.heading_to.set_value(Some(next));
        self.pinned
            .set(found.with_untracked(|ids| ids.get(next).copied()));
        request_animation_frame(move || {
            self.heading_to.set_value(None);
            self.focus_row(next);
        });
    }

    /// After the list changed: if a row holds the focus, focuses the pinned contact's row (it
    /// is always drawn), or the list's first row when that contact is no longer shown.
    pub fn refocus(self, found: Memo<Vec<ContactId>>) {
        let Some(list) = self.list.get_untracked() else {
            return;
        };
        let focused_in_list = document()
            .active_element()
            .is_some_and(|el| list.contains(Some(el.unchecked_ref())));
        let Some(pinned) = self.pinned.get_untracked() else {
            return;
        };
        if !focused_in_list {
            return;
        }
        let at = found.with_untracked(|ids| ids.iter().position(|id| *id == pinned));
        let shown_at = document()
            .active_element()
            .and_then(|el| el.closest("li[data-at]").ok().flatten())
            .and_then(|li| li.get_attribute("data-at"))
            .and_then(|at| at.parse::<usize>().ok());
        if at != shown_at {
            self.focus_row(at.unwrap_or(0));
        }
    }

    /// Focuses the link of the row at `at` if it is drawn; focusing scrolls it into view.
    fn focus_row(self, at: usize) -> bool {
        let link = self.list.get_untracked().and_then(|list| {
            list.query_selector(&format!("li[data-at=\"{at}\"] a.contact-name"))
                .ok()
                .flatten()
        });
        match link.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(link) => link.focus().is_ok(),
            None => false,
        }
    }

    /// Keeps the row that takes the focus drawn while it has it.
    pub fn focus_in(self, ev: leptos::ev::FocusEvent, found: Memo<Vec<ContactId>>) {
        let at = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("li[data-at]").ok().flatten())
            .and_then(|li| li.get_attribute("data-at"))
            .and_then(|at| at.parse::<usize>().ok());
        if let Some(at) = at {
            let id = found.with_untracked(|ids| ids.get(at).copied());
            if self.pinned.get_untracked() != id {
                self.pinned.set(id);
            }
        }
    }

    pub fn focus_out(self, ev: leptos::ev::FocusEvent) {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(self.list.get_untracked())
            .is_some_and(|(to, list)| list.contains(Some(&to)));
        if !inside && self.pinned.get_untracked().is_some() {
            self.pinned.set(None);
        }
    }
}
