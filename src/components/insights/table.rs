//! The pieces every Insights section is drawn with: a count that opens to its records, a
//! table behind a chart, and the words for a share or a short day.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::drill::FigureButton;
use crate::model::insights::{Figure, Period, Share};

pub(super) fn pct(share: Share) -> String {
    share
        .percent()
        .map_or_else(|| "–".into(), |p| format!("{p} %"))
}

pub(super) fn short_day(day: NaiveDate) -> String {
    day.format("%-d %b").to_string()
}

/// A table cell: text, or a count that opens to its reach-outs.
#[derive(Clone)]
pub(super) enum Cell {
    Text(String),
    Count(usize, String, Figure),
    /// A count over days of its own (one week of a table), within the period shown.
    CountIn(usize, String, Figure, Period),
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

/// A count that opens to its reach-outs, titled `title`.
pub(super) fn count(n: usize, title: impl Into<String>, figure: Figure) -> Cell {
    Cell::Count(n, title.into(), figure)
}

fn cell_view(cell: Cell, period: Period) -> AnyView {
    match cell {
        Cell::Text(text) => text.into_any(),
        Cell::Count(n, title, figure) => cell_view(Cell::CountIn(n, title, figure, period), period),
        Cell::CountIn(0, _, _, _) => "0".into_any(),
        Cell::CountIn(n, title, figure, own) => {
            let within = Period {
                from: own.from.max(period.from),
                to: own.to.min(period.to),
            };
            view! { <FigureButton text=n.to_string() title figure period=within/> }.into_any()
        }
    }
}

/// A table that says in numbers what a chart shows; open in the printed report. Counts in it
/// open to their reach-outs.
pub(super) fn table(
    caption: &str,
    headers: &[&'static str],
    rows: Vec<Vec<Cell>>,
    open: bool,
    period: Period,
) -> impl IntoView {
    let caption = caption.to_string();
    let region = caption.clone();
    view! {
        <details class="chart-table" open=open>
            <summary>{format!("{caption}: as a table")}</summary>
            // A wide table scrolls inside its own box, which the keyboard can reach.
            <div class="table-scroll" tabindex="0" role="region" aria-label=region>
            <table>
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr>{headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let mut cells = row.into_iter();
                        let first = cells.next().map(|c| cell_view(c, period));
                        view! {
                            <tr>
                                <th scope="row">{first}</th>
                                {cells.map(|c| view! { <td>{cell_view(c, period)}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        </details>
    }
}

pub(super) fn empty(text: &'static str) -> impl IntoView {
    view! { <p class="empty-chart muted">{text}</p> }
}
