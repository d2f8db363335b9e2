//! The progress report: one printable page for a chosen period, to print or save as PDF and
//! share with a coach. It is made in this browser; nothing is sent anywhere.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::field::{Field, FieldKind};
use crate::components::insights::{weekly_view, Sections};
use crate::links::href;
use crate::model::insights::{parse_day, Answer, Figure, Period};
use crate::model::words::{long_day, plural};
use crate::state::use_app_state;

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
    let period = Memo::new(move |_| Period::from_texts(&from.get(), &to.get()));
    // The message on the first day's field, or on the last day's.
    let error_on = move |first: bool| {
        Signal::derive(move || match period.get() {
            Err(e) if e.on_first() == first => Some(e.message().to_string()),
            _ => None,
        })
    };
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
                    <Field label="From" name="report-from" value=from kind=FieldKind::Date error=error_on(true) />
                    <Field label="To" name="report-to" value=to kind=FieldKind::Date error=error_on(false) />
                </div>
                <p class="hint">"Made in this browser from your own log; nothing is sent anywhere. Print it, or choose “Save as PDF” in the print dialog."</p>
                <div class="actions">
                    <button type="button" class="button primary" on:click=print>"Print or save as PDF"</button>
                </div>
            </div>
            {move || period.get().ok().map(|p| {
                let (insights, weeks, strength) = state.book().with(|b| {
                    (b.insights(p, today), b.report_weeks(p, today), b.strength(today.min(p.to)))
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
