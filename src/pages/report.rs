//! The progress report: one printable page for a chosen period, to print or save as PDF and
//! share with a coach. It is made in this browser; nothing is sent anywhere.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::field::{Field, FieldKind};
use crate::components::insights::{weekly_view, Sections};
use crate::links::href;
use crate::model::insights::{Answer, Figure, Period};
use crate::model::words::{long_day, plural};
use crate::model::Limits;
use crate::state::use_app_state;

/// The most weeks the report's weekly chart and table show.
const MAX_REPORT_WEEKS: usize = 104;

fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| Limits::day_in_range(*d))
}

#[component]
pub fn ReportPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    let today = state.today().get_untracked();
    // Opened from Insights, the report covers the period showing there; else the last 4 weeks.
    let query = use_query_map();
    let asked = |key: &str| query.with_untracked(|q| q.get(key).and_then(|v| parse_day(&v)));
    let start = asked("from").unwrap_or(Period::last_weeks(4, today).from);
    let end = asked("to").unwrap_or(today);
    let from = RwSignal::new(start.format("%Y-%m-%d").to_string());
    let to = RwSignal::new(end.format("%Y-%m-%d").to_string());
    // Which field a message belongs to: the first day's, or the last day's.
    let period = Memo::new(move |_| {
        let (f, t) = (parse_day(&from.get()), parse_day(&to.get()));
        match (f, t) {
            (Some(from), Some(to)) if from <= to => Ok(Period { from, to }),
            (Some(_), Some(_)) => Err((false, "The first day must come before the last.")),
            (None, _) => Err((true, "Enter a date (YYYY-MM-DD) between 1900 and 2200.")),
            (_, None) => Err((false, "Enter a date (YYYY-MM-DD) between 1900 and 2200.")),
        }
    });
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <section class="page report">
            <p class="back no-print"><a href=href("/insights")>"← Insights"</a></p>
            <header class="page-header">
                <h1>"Progress report"</h1>
                <p class="muted">{move || match period.get() {
                    Ok(p) => format!("{} to {}", long_day(p.from), long_day(p.to)),
                    Err(_) => String::new(),
                }}</p>
            </header>
            <div class="card no-print form">
                <div class="field-row">
                    <Field label="From" name="report-from" value=from kind=FieldKind::Date
                        error=Signal::derive(move || match period.get() {
                            Err((true, message)) => Some(message.to_string()),
                            _ => None,
                        }) />
                    <Field label="To" name="report-to" value=to kind=FieldKind::Date
                        error=Signal::derive(move || match period.get() {
                            Err((false, message)) => Some(message.to_string()),
                            _ => None,
                        }) />
                </div>
                <p class="hint">"Made in this browser from your own log; nothing is sent anywhere. Print it, or choose “Save as PDF” in the print dialog."</p>
                <div class="actions">
                    <button type="button" class="button primary" on:click=print>"Print or save as PDF"</button>
                </div>
            </div>
            {move || period.get().ok().map(|p| {
                let (insights, weeks, strength) = state.book().with(|b| {
                    // The weeks that overlap the period, counted whole; the last two years of
                    // them at most, which is what a chart and a printed page can show.
                    let last = today.min(p.to);
                    let first = b.settings.week_start.week_of(p.from);
                    let span = ((last - first).num_days() / 7 + 1).clamp(1, MAX_REPORT_WEEKS as i64);
                    let weeks = b.last_weeks(span as usize, last);
                    (b.insights(p, today), weeks, b.strength(last))
                });
                let yes = insights.count(Figure::Step(2));
                let noes = insights.answered(Answer::Declined);
                let silences = insights.answered(Answer::Silence);
                view! {
                    <section class="card" aria-labelledby="summary-heading">
                        <h2 id="summary-heading">"In short"</h2>
                        <ul class="summary">
                            <li>{plural(insights.reach_outs, "reach-out", "reach-outs")}": each one an act of courage"</li>
                            <li>{format!("{}, {}, no answer {}", plural(yes, "yes answer", "yes answers"), plural(noes, "no", "noes"),
                                plural(silences, "time", "times"))}</li>
                            <li>{plural(insights.near_misses, "near miss", "near misses")}" noted"</li>
                            {strength.map(|strength| view! { <li>"Strength score: "<strong>{strength}</strong>" of 100"</li> })}
                        </ul>
                    </section>
                    <section class="card" aria-labelledby="report-weeks-heading">
                        <h2 id="report-weeks-heading">"Week by week"</h2>
                        {weekly_view(weeks, strength, true)}
                    </section>
                    <Sections insights open_tables=true/>
                }
            })}
        </section>
    }
}
