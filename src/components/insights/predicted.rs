//! Predicted against actual: what was expected before reaching out, and what came.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::chart::{Bar, Bars};
use crate::components::drill::FigureButton;
use crate::model::insights::{Calibration, Figure, Insights, Period, Settled, BUCKETS};
use crate::model::words::plural;
use crate::model::Expectation;

use super::table::{count, empty, pct, table, Cell};

fn pair(label: &str, cal: Calibration) -> [Bar; 2] {
    let expected = cal.expected.rounded().unwrap_or(0);
    let got = u64::from(cal.got.percent().unwrap_or(0));
    [
        Bar {
            label: format!("{label}: expected"),
            value: expected,
            text: format!("{expected} %"),
            class: "expected",
        },
        Bar {
            label: format!("{label}: got"),
            value: got,
            text: format!("{got} %"),
            class: "got",
        },
    ]
}

fn times(n: usize) -> String {
    plural(n, "time", "times")
}

/// "You expected no answer 2 times: no answer came 0 times, they said no 1 time, they said yes
/// 1 time." Each count opens to its reach-outs.
fn in_words(insights: &Insights, period: Period) -> Option<impl IntoView> {
    let lines: Vec<_> = Expectation::ALL
        .into_iter()
        .filter(|e| insights.count(Figure::Expected(*e)) > 0)
        .map(|expect| {
            let n = insights.count(Figure::Expected(expect));
            let what = expect.label().to_lowercase();
            // One sentence: "You expected no answer 2 times: no answer came 0 times, they said
            // no 1 time, they said yes 1 time." Counts above 0 open to their reach-outs.
            let last = Settled::ALL.len() - 1;
            let parts = Settled::ALL.into_iter().enumerate().map(|(i, got)| {
                let k = insights.count(Figure::ExpectedGot(expect, got));
                let title = format!("You expected {what}; {}", got.words());
                let count = if k == 0 {
                    times(k).into_any()
                } else {
                    view! { <FigureButton text=times(k) title figure=Figure::ExpectedGot(expect, got) period/> }
                        .into_any()
                };
                view! { {got.words().to_string()} " " {count} {if i == last { "." } else { ", " }} }
            });
            view! {
                <li>
                    "You expected " {what.clone()} " "
                    <FigureButton text=times(n) title=format!("You expected {what}") figure=Figure::Expected(expect) period/>
                    ": "
                    {parts.collect_view()}
                </li>
            }
        })
        .collect();
    (!lines.is_empty()).then(|| {
        view! {
            <h3>"What you expected, in words"</h3>
            <ul class="plain-list expected-words">{lines}</ul>
        }
    })
}

/// One row of a predicted-against-actual table: the label, how many answered (opening to
/// them), the chance expected, how many said yes (opening to them), and the share.
fn row(
    label: String,
    cal: Calibration,
    answered: (String, Figure),
    yes: (String, Figure),
) -> Vec<Cell> {
    vec![
        Cell::Text(label),
        count(cal.got.whole, answered.0, answered.1),
        format!("{} %", cal.expected.rounded().unwrap_or(0)).into(),
        count(cal.got.part, yes.0, yes.1),
        pct(cal.got).into(),
    ]
}

/// Expected against got, overall and for each channel: bars and their table.
fn by_channel(insights: &Insights, period: Period, open_tables: bool) -> impl IntoView + use<> {
    let p = insights.predicted;
    let mut bars: Vec<Bar> = pair("All", p).into();
    for (channel, cal) in &insights.by_channel {
        bars.extend(pair(channel.label(), *cal));
    }
    let rows: Vec<Vec<Cell>> = std::iter::once(("All".to_string(), p, None))
        .chain(
            insights
                .by_channel
                .iter()
                .map(|(c, cal)| (c.label().to_string(), *cal, Some(*c))),
        )
        .map(|(label, cal, channel)| {
            let (all, yes) = match channel {
                None => (Figure::Predicted, Figure::PredictedYes),
                Some(c) => (Figure::ChannelPredicted(c), Figure::ChannelPredictedYes(c)),
            };
            let answered = (format!("{label}: answered, with a prediction"), all);
            let yes = (format!("{label}: they said yes"), yes);
            row(label, cal, answered, yes)
        })
        .collect();
    view! {
        <Bars caption="Chance of a yes you expected, against the share of yeses you got, overall and by channel".into()
            bars max=100 group=2/>
        {table("Predicted against actual", &["Channel", "Answered", "Expected yes", "Said yes", "Share"], rows, open_tables, period)}
    }
}

/// For each range of the chance given ("60–80 %"), the share that said yes: in words, bars
/// and a table. Nothing while no range has an answer.
fn by_sureness(
    insights: &Insights,
    period: Period,
    open_tables: bool,
) -> Option<impl IntoView + use<>> {
    let used: Vec<usize> = (0..BUCKETS.len())
        .filter(|i| insights.buckets[*i].got.whole > 0)
        .collect();
    let ranges = used.iter().map(|i| {
        let (low, high) = BUCKETS[*i];
        (*i, format!("{low}–{high} %"), insights.buckets[*i])
    });
    let bucket_bars: Vec<Bar> = ranges
        .clone()
        .flat_map(|(_, range, cal)| pair(&range, cal))
        .collect();
    let bucket_rows: Vec<Vec<Cell>> = ranges
        .clone()
        .map(|(i, range, cal)| {
            let answered = (format!("You were {range} sure"), Figure::Bucket(i));
            let yes = (
                format!("You were {range} sure; they said yes"),
                Figure::BucketYes(i),
            );
            row(range, cal, answered, yes)
        })
        .collect();
    let sure: Vec<_> = ranges
        .map(|(i, range, cal)| {
            view! {
                <li>
                    {format!("When you were {range} sure, they said yes {} of the time (", pct(cal.got))}
                    <FigureButton text=cal.got.part.to_string() title=format!("You were {range} sure; they said yes") figure=Figure::BucketYes(i) period/>
                    " of "
                    <FigureButton text=cal.got.whole.to_string() title=format!("You were {range} sure") figure=Figure::Bucket(i) period/>
                    ")."
                </li>
            }
        })
        .collect();
    (!used.is_empty()).then(|| view! {
        <h3>"By how sure you were"</h3>
        <ul class="plain-list">{sure}</ul>
        <Bars caption="For each range of the chance you gave: the average you gave, and the share that said yes".into()
            bars=bucket_bars max=100 group=2/>
        {table("How sure you were", &["Chance you gave", "Answered", "Average chance", "Said yes", "Share"], bucket_rows, open_tables, period)}
    })
}

#[component]
pub(super) fn Predicted(insights: Insights, open_tables: bool) -> impl IntoView {
    let period = insights.period.unwrap_or(Period::all_time(NaiveDate::MIN));
    let p = insights.predicted;
    let body = if p.got.whole < 3 {
        empty("Log 3 reach-outs with a prediction (in “Before you reach out”) and record their answers to see this.")
            .into_any()
    } else {
        let expected = p.expected.rounded().unwrap_or(0);
        view! {
            <p class="headline">
                {format!("You expected a yes {expected} % of the time. They said yes {} of the time: ", pct(p.got))}
                <FigureButton text=times(p.got.part) title="They said yes (with a prediction)" figure=Figure::PredictedYes period/>
                " of "
                <FigureButton text=p.got.whole.to_string() title="Answered, with a prediction" figure=Figure::Predicted period/>
                "."
            </p>
            <p class="muted small">"Counted: reach-outs with a prediction and a yes, a no or no answer. \
                A reply that is neither yet, or a connection accepted, waits until it is one."</p>
            {in_words(&insights, period)}
            {by_channel(&insights, period, open_tables)}
            {by_sureness(&insights, period, open_tables)}
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="predicted-heading">
            <h2 id="predicted-heading">"What you feared against what happened"</h2>
            {body}
        </section>
    }
}
