//! The sections of Insights, shared by the Insights page and the printable report: predicted
//! against actual, the sting, fear before and after, where reaching out led, the wall, the near
//! misses, and the weeks against the goal. Each figure opens to its reach-outs.

use leptos::prelude::*;

use crate::model::insights::Insights;

mod feelings;
mod outcomes;
mod predicted;
mod table;
mod weekly;

use feelings::{Fear, Sting};
use outcomes::{NearMisses, Outcomes, Wall};
use predicted::Predicted;
pub use weekly::{weekly_view, WeeklySection};

#[component]
pub fn Sections(insights: Insights, open_tables: bool) -> impl IntoView {
    view! {
        <Predicted insights=insights.clone() open_tables/>
        <Sting insights=insights.clone() open_tables/>
        <Fear insights=insights.clone() open_tables/>
        <Outcomes insights=insights.clone() open_tables/>
        <Wall insights=insights.clone()/>
        <NearMisses insights/>
    }
}
