//! Insights: fear against reality, in the person's own numbers. Predicted against actual, how
//! long a no stung, fear before against feeling after, reach-outs per week against the goal,
//! where reaching out led, and the wall of good replies. Every chart has its table.
//!
//! The sections are shared with the printable progress report.

use leptos::prelude::*;

use crate::components::drill::{provide_drill, DrillDialog};
use crate::links::href;
use crate::model::insights::Period;
use crate::model::words::long_day;
use crate::state::use_app_state;

use crate::components::insights::{Sections, WeeklySection};

/// The period choices of the page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Span {
    Weeks(u64),
    All,
}

const SPANS: [(Span, &str, &str); 5] = [
    (Span::Weeks(4), "4", "Last 4 weeks"),
    (Span::Weeks(12), "12", "Last 12 weeks"),
    (Span::Weeks(26), "26", "Last 26 weeks"),
    (Span::Weeks(52), "52", "Last 52 weeks"),
    (Span::All, "all", "All time"),
];

#[component]
pub fn InsightsPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    provide_drill();
    let state = use_app_state();
    let span = RwSignal::new(Span::All);
    let period = Memo::new(move |_| {
        let today = state.today().get();
        match span.get() {
            Span::Weeks(n) => Period::last_weeks(n, today),
            Span::All => Period::all_time(today),
        }
    });
    let insights = Memo::new(move |_| {
        let today = state.today().get();
        state.book().with(|b| b.insights(period.get(), today))
    });
    // The report opens on the period showing here; "all time" starts at the first reach-out.
    let report_link = move || {
        let p = period.get();
        let from = match span.get() {
            Span::All => state.book().with(|b| b.first_reach_out()).unwrap_or(p.to),
            Span::Weeks(_) => p.from,
        };
        href(&format!(
            "/report?from={}&to={}",
            from.format("%Y-%m-%d"),
            p.to.format("%Y-%m-%d")
        ))
    };
    let pick = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some((s, _, _)) = SPANS.iter().find(|(_, key, _)| *key == value) {
            span.set(*s);
        }
    };
    view! {
        <section class="page insights">
            <header class="page-header">
                <h1>"Insights"</h1>
                <a class="button small" href=report_link>"Progress report (printable)"</a>
                <div class="field period">
                    <label for="insights-period">"Period"</label>
                    <select id="insights-period" on:change=pick>
                        {SPANS.iter().map(|(s, key, label)| view! {
                            <option value=*key selected=*s == Span::All>{*label}</option>
                        }).collect_view()}
                    </select>
                    <p class="hint">{move || {
                        let p = period.get();
                        match span.get() {
                            Span::All => format!("Up to {}", long_day(p.to)),
                            Span::Weeks(_) => format!("{} to {}", long_day(p.from), long_day(p.to)),
                        }
                    }}</p>
                </div>
            </header>
            {move || {
                let i = insights.get();
                if i.reach_outs == 0 {
                    view! {
                        <div class="card empty">
                            <h2>"Nothing to show for this period yet"</h2>
                            <p>"Log a reach-out, and say how afraid you are and what you expect before you send it. \
                                Insights sets that against what really happens. Reaching out is the win, whatever the answer."</p>
                        </div>
                    }.into_any()
                } else {
                    view! { <Sections insights=i open_tables=false/> }.into_any()
                }
            }}
            <WeeklySection/>
            <WhyItWorks/>
            <DrillDialog/>
        </section>
    }
}

/// Everything that depends on the period, in order; the report shows the same.
#[component]
fn WhyItWorks() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="why-heading">
            <h2 id="why-heading">"Why fear is a poor forecaster"</h2>
            <ul class="plain-list">
                <li>"People asking for help underestimate how many will say yes, often by as much as half (Flynn and Lake, 2008)."</li>
                <li>"People expect a bad outcome to hurt for longer than it does (Gilbert and colleagues, 1998). The sting check-ins measure yours."</li>
                <li>"A message to someone you have not spoken to in a while is more welcome than the sender expects (Liu and colleagues, 2023)."</li>
                <li>"Asks by email get far fewer yeses than askers predict; asks in person get far more (Roghanizad and Bohns, 2017). Compare your channels above."</li>
                <li>"Habits survive missed days (Lally and colleagues, 2010). That is why the strength score grows with each week you meet your goal and only dents when you miss one."</li>
            </ul>
        </section>
    }
}
