//! Where reaching out led, the wall of every ask, and the near misses.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::chart::{Bar, Bars};
use crate::components::drill::FigureButton;
use crate::links::href;
use crate::model::insights::{Answer, Figure, Insights, Period, Share};
use crate::model::words::{long_day, plural};

use super::table::{count, empty, pct, table, Cell};

/// Answers by channel: one row for all reach-outs, then one per channel, each count opening
/// to its reach-outs.
fn channel_rows(insights: &Insights) -> Vec<Vec<Cell>> {
    let mut all_row = vec![
        Cell::Text("All".into()),
        count(insights.reach_outs, "All reach-outs", Figure::All),
    ];
    all_row.extend(Answer::ALL.map(|a| {
        count(
            insights.answered(a),
            format!("Answer: {}", a.label()),
            Figure::Answer(a),
        )
    }));
    let per_channel = insights.channels.iter().map(|c| {
        let c = *c;
        let by = format!("By {}", c.label().to_lowercase());
        let mut row = vec![
            Cell::Text(c.label().to_string()),
            count(
                insights.count(Figure::Channel(c)),
                by.clone(),
                Figure::Channel(c),
            ),
        ];
        row.extend(Answer::ALL.map(|a| {
            count(
                insights.count(Figure::ChannelAnswer(c, a)),
                format!("{by}: {}", a.label().to_lowercase()),
                Figure::ChannelAnswer(c, a),
            )
        }));
        row
    });
    std::iter::once(all_row).chain(per_channel).collect()
}

/// From reaching out to an opportunity: each step's count, against the step before and all.
fn funnel(insights: &Insights, period: Period, open_tables: bool) -> impl IntoView + use<> {
    let funnel = insights.counts.funnel();
    let bars: Vec<Bar> = funnel
        .iter()
        .map(|(label, n)| Bar {
            label: (*label).into(),
            value: *n as u64,
            text: n.to_string(),
            class: "got",
        })
        .collect();
    let of = |part: usize, whole: usize| pct(Share { part, whole });
    let rows: Vec<Vec<Cell>> = funnel
        .iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let from_previous = match i {
                0 => "–".to_string(),
                _ => of(*n, funnel[i - 1].1),
            };
            let figure = if i == 0 { Figure::All } else { Figure::Step(i) };
            vec![
                Cell::Text((*label).to_string()),
                count(*n, format!("Got as far as: {label}"), figure),
                from_previous.into(),
                of(*n, funnel[0].1).into(),
            ]
        })
        .collect();
    view! {
        <h3>"From reaching out to an opportunity"</h3>
        <Bars caption="Each step counts the reach-outs that got at least that far; a connection accepted is not a reply".into()
            bars max=insights.reach_outs as u64/>
        {table("The funnel", &["Step", "Reach-outs", "Of the step before", "Of all"], rows, open_tables, period)}
    }
}

#[component]
pub(super) fn Outcomes(insights: Insights, open_tables: bool) -> impl IntoView {
    let period = insights.period.unwrap_or(Period::all_time(NaiveDate::MIN));
    let bars: Vec<Bar> = Answer::ALL
        .into_iter()
        .map(|a| Bar {
            label: a.label().into(),
            value: insights.answered(a) as u64,
            text: insights.answered(a).to_string(),
            class: "plain",
        })
        .collect();
    let mut headers = vec!["Channel", "Reach-outs"];
    headers.extend(Answer::ALL.map(Answer::label));
    // The counts in words, each opening to its list: the table holds the same.
    let summary: Vec<_> = Answer::ALL
        .into_iter()
        .filter(|a| insights.answered(*a) > 0)
        .map(|a| {
            view! {
                <li>{a.label()} ": "
                    <FigureButton text=insights.answered(a).to_string() title=format!("Answer: {}", a.label()) figure=Figure::Answer(a) period/>
                </li>
            }
        })
        .collect();
    view! {
        <section class="card" aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">"Where reaching out led"</h2>
            <ul class="plain-list answer-counts">{summary}</ul>
            <Bars caption=format!("Answers to your {}", plural(insights.reach_outs, "reach-out", "reach-outs")) bars max=insights.reach_outs as u64/>
            {table("Answers by channel", &headers, channel_rows(&insights), open_tables, period)}
            {funnel(&insights, period, open_tables)}
        </section>
    }
}

#[component]
pub(super) fn Wall(insights: Insights) -> impl IntoView {
    let wall = insights.wall;
    view! {
        <section class="card" aria-labelledby="wall-heading">
            <h2 id="wall-heading">"The wall of good replies"</h2>
            {if wall.is_empty() {
                empty("When someone says yes, add a note to the answer: the good replies gather here.").into_any()
            } else {
                view! {
                    <ul class="wall">
                        {wall.into_iter().take(30).map(|w| view! {
                            <li>
                                <blockquote class="note">{w.words}</blockquote>
                                <p class="muted small">
                                    <a href=href(&format!("/contacts/{}", w.contact))>{w.name}</a>
                                    {format!(" · {} · {}", w.outcome, long_day(w.day))}
                                </p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub(super) fn NearMisses(insights: Insights) -> impl IntoView {
    (insights.near_misses > 0).then(|| {
        view! {
            <section class="card" aria-labelledby="near-insight-heading">
                <h2 id="near-insight-heading">"Near misses"</h2>
                <p>{format!("You noted {}; {} became {}. Noticing them is how they shrink.",
                    plural(insights.near_misses, "near miss", "near misses"),
                    insights.near_misses_reached,
                    if insights.near_misses_reached == 1 { "a reach-out" } else { "reach-outs" })}</p>
            </section>
        }
    })
}
