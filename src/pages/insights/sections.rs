//! The sections of Insights that the printable report shares: predicted against actual, the
//! sting, fear before and after, where reaching out led, the wall and the near misses.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::chart::{Bar, Bars, Line};
use crate::components::drill::FigureButton;
use crate::links::href;
use crate::model::insights::{
    Answer, Calibration, Figure, Insights, Period, Settled, Share, BUCKETS,
};
use crate::model::words::{long_day, plural};
use crate::model::Expectation;

use super::table::{count, empty, pct, short_day, table, Cell};

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

#[component]
fn Predicted(insights: Insights, open_tables: bool) -> impl IntoView {
    let period = insights.period.unwrap_or(Period::all_time(NaiveDate::MIN));
    let p = insights.predicted;
    let body = if p.got.whole < 3 {
        empty("Log 3 reach-outs with a prediction (in “Before you reach out”) and record their answers to see this.")
            .into_any()
    } else {
        let expected = p.expected.rounded().unwrap_or(0);
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
                vec![
                    Cell::Text(label.clone()),
                    count(
                        cal.got.whole,
                        format!("{label}: answered, with a prediction"),
                        all,
                    ),
                    format!("{} %", cal.expected.rounded().unwrap_or(0)).into(),
                    count(cal.got.part, format!("{label}: they said yes"), yes),
                    pct(cal.got).into(),
                ]
            })
            .collect();
        let used: Vec<usize> = (0..BUCKETS.len())
            .filter(|i| insights.buckets[*i].got.whole > 0)
            .collect();
        let bucket_bars: Vec<Bar> = used
            .iter()
            .flat_map(|i| {
                let (low, high) = BUCKETS[*i];
                pair(&format!("{low}–{high} %"), insights.buckets[*i])
            })
            .collect();
        let bucket_rows: Vec<Vec<Cell>> = used
            .iter()
            .map(|i| {
                let ((low, high), cal) = (BUCKETS[*i], insights.buckets[*i]);
                let range = format!("{low}–{high} %");
                vec![
                    Cell::Text(range.clone()),
                    count(
                        cal.got.whole,
                        format!("You were {range} sure"),
                        Figure::Bucket(*i),
                    ),
                    format!("{} %", cal.expected.rounded().unwrap_or(0)).into(),
                    count(
                        cal.got.part,
                        format!("You were {range} sure; they said yes"),
                        Figure::BucketYes(*i),
                    ),
                    pct(cal.got).into(),
                ]
            })
            .collect();
        let sure: Vec<_> = used
            .iter()
            .map(|i| {
                let ((low, high), cal) = (BUCKETS[*i], insights.buckets[*i]);
                let range = format!("{low}–{high} %");
                view! {
                    <li>
                        {format!("When you were {range} sure, they said yes {} of the time (", pct(cal.got))}
                        <FigureButton text=cal.got.part.to_string() title=format!("You were {range} sure; they said yes") figure=Figure::BucketYes(*i) period/>
                        " of "
                        <FigureButton text=cal.got.whole.to_string() title=format!("You were {range} sure") figure=Figure::Bucket(*i) period/>
                        ")."
                    </li>
                }
            })
            .collect();
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
            <Bars caption="Chance of a yes you expected, against the share of yeses you got, overall and by channel".into()
                bars max=100 group=2/>
            {table("Predicted against actual", &["Channel", "Answered", "Expected yes", "Said yes", "Share"], rows, open_tables, period)}
            {(!used.is_empty()).then(|| view! {
                <h3>"By how sure you were"</h3>
                <ul class="plain-list">{sure}</ul>
                <Bars caption="For each range of the chance you gave: the average you gave, and the share that said yes".into()
                    bars=bucket_bars max=100 group=2/>
                {table("How sure you were", &["Chance you gave", "Answered", "Average chance", "Said yes", "Share"], bucket_rows, open_tables, period)}
            })}
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

#[component]
fn Sting(insights: Insights, open_tables: bool) -> impl IntoView {
    let period = insights.period.unwrap_or(Period::all_time(NaiveDate::MIN));
    let all = insights.all_fades;
    let measured = all.right_after.count + all.after_a_day.count + all.after_a_week.count;
    let body = if measured == 0 {
        empty("After a no or no answer, say how it feels; Today asks again a day and a week later. Then the fade shows here.")
            .into_any()
    } else {
        let points = vec![
            ("Right after".to_string(), all.right_after.tenths()),
            ("After a day".to_string(), all.after_a_day.tenths()),
            ("After a week".to_string(), all.after_a_week.tenths()),
        ];
        let rows: Vec<Vec<Cell>> = insights
            .fades
            .iter()
            .map(|(guess, fade)| {
                let label = guess.map_or("No guess", |g| g.label()).to_string();
                vec![
                    Cell::Text(label.clone()),
                    count(
                        fade.count,
                        format!("Noes and no answers; you guessed: {label}"),
                        Figure::Noes(*guess),
                    ),
                    fade.right_after.text().into(),
                    fade.after_a_day.text().into(),
                    fade.after_a_week.text().into(),
                ]
            })
            .collect();
        let sooner = (insights.faded_sooner.whole > 0).then(|| {
            view! {
                <p class="headline">
                    "Faded sooner than you feared: "
                    <FigureButton text=insights.faded_sooner.part.to_string() title="Faded sooner than you feared" figure=Figure::FadedSooner period/>
                    " of "
                    <FigureButton text=insights.faded_sooner.whole.to_string() title="Noes with a guess and a measured fade" figure=Figure::FadeMeasured period/>
                    "."
                </p>
            }
        });
        view! {
            {sooner}
            <Line caption="How much a no or silence stung, on average (0 to 10), right after, a day later and a week later".into()
                points/>
            {table("The sting, by how long you guessed it would last",
                &["You guessed", "Noes and no answers", "Right after", "After a day", "After a week"], rows, open_tables, period)}
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="sting-heading">
            <h2 id="sting-heading">"How long a no stings"</h2>
            {body}
        </section>
    }
}

#[component]
fn Fear(insights: Insights, open_tables: bool) -> impl IntoView {
    let period = insights.period.unwrap_or(Period::all_time(NaiveDate::MIN));
    let paired = (insights.paired > 0).then(|| {
        let before = insights.paired_fear.tenths().unwrap_or(0);
        let after = insights.paired_feeling.tenths().unwrap_or(0);
        let bars = vec![
            Bar {
                label: "Fear before".into(),
                value: before,
                text: insights.paired_fear.text(),
                class: "expected",
            },
            Bar {
                label: "Feeling after".into(),
                value: after,
                text: insights.paired_feeling.text(),
                class: "got",
            },
        ];
        view! {
            <p class="headline">
                {format!("Before: {} of 10 afraid on average. After: {} of 10.",
                    insights.paired_fear.text(), insights.paired_feeling.text())}
            </p>
            <p class="muted small">"From "
                <FigureButton text=plural(insights.paired, "reach-out", "reach-outs") title="With fear before and feeling after" figure=Figure::FearAndFeeling period/>
                " with both answers."</p>
            <Bars caption="Average fear before against average feeling after (0 at ease, 10 very uneasy)".into()
                bars max=100/>
        }
    });
    let trend = if insights.fear_before.count < 3 {
        empty("Log 3 reach-outs with how afraid you were to see your fear over time.").into_any()
    } else {
        let points: Vec<(String, Option<u64>)> = insights
            .fear_by_week
            .iter()
            .map(|(week, mean)| (short_day(*week), mean.tenths()))
            .collect();
        let rows = insights
            .fear_by_week
            .iter()
            .map(|(week, mean)| {
                let days = Period {
                    from: *week,
                    to: week.checked_add_days(chrono::Days::new(6)).unwrap_or(*week),
                };
                vec![
                    Cell::Text(long_day(*week)),
                    Cell::CountIn(
                        mean.count,
                        format!("Fear noted in the week of {}", long_day(*week)),
                        Figure::FearNoted,
                        days,
                    ),
                    mean.text().into(),
                ]
            })
            .collect();
        view! {
            <Line caption="Average fear before reaching out, week by week (0 to 10)".into() points/>
            {table("Fear by week", &["Week of", "Reach-outs", "Average fear"], rows, open_tables, period)}
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="fear-heading">
            <h2 id="fear-heading">"Fear before, feeling after"</h2>
            {paired}
            {trend}
        </section>
    }
}

#[component]
fn Outcomes(insights: Insights, open_tables: bool) -> impl IntoView {
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
    let all_row = {
        let mut row = vec![
            Cell::Text("All".into()),
            count(insights.reach_outs, "All reach-outs", Figure::All),
        ];
        row.extend(Answer::ALL.map(|a| {
            count(
                insights.answered(a),
                format!("Answer: {}", a.label()),
                Figure::Answer(a),
            )
        }));
        row
    };
    let rows: Vec<Vec<Cell>> = std::iter::once(all_row)
        .chain(insights.channels.iter().map(|c| {
            let c = *c;
            let mut row = vec![
                Cell::Text(c.label().to_string()),
                count(
                    insights.count(Figure::Channel(c)),
                    format!("By {}", c.label().to_lowercase()),
                    Figure::Channel(c),
                ),
            ];
            row.extend(Answer::ALL.map(|a| {
                count(
                    insights.count(Figure::ChannelAnswer(c, a)),
                    format!(
                        "By {}: {}",
                        c.label().to_lowercase(),
                        a.label().to_lowercase()
                    ),
                    Figure::ChannelAnswer(c, a),
                )
            }));
            row
        }))
        .collect();
    let funnel = insights.counts.funnel();
    let funnel_bars: Vec<Bar> = funnel
        .iter()
        .map(|(label, n)| Bar {
            label: (*label).into(),
            value: *n as u64,
            text: n.to_string(),
            class: "got",
        })
        .collect();
    let funnel_rows: Vec<Vec<Cell>> = funnel
        .iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let from_previous = if i == 0 {
                "–".to_string()
            } else {
                pct(Share {
                    part: *n,
                    whole: funnel[i - 1].1,
                })
            };
            let of_all = pct(Share {
                part: *n,
                whole: funnel[0].1,
            });
            let figure = if i == 0 { Figure::All } else { Figure::Step(i) };
            vec![
                Cell::Text((*label).to_string()),
                count(*n, format!("Got as far as: {label}"), figure),
                from_previous.into(),
                of_all.into(),
            ]
        })
        .collect();
    let total = insights.reach_outs as u64;
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
            <Bars caption=format!("Answers to your {}", plural(insights.reach_outs, "reach-out", "reach-outs")) bars max=total/>
            {table("Answers by channel", &headers, rows, open_tables, period)}
            <h3>"From reaching out to an opportunity"</h3>
            <Bars caption="Each step counts the reach-outs that got at least that far; a connection accepted is not a reply".into()
                bars=funnel_bars max=total/>
            {table("The funnel", &["Step", "Reach-outs", "Of the step before", "Of all"], funnel_rows, open_tables, period)}
        </section>
    }
}

#[component]
fn Wall(insights: Insights) -> impl IntoView {
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
fn NearMisses(insights: Insights) -> impl IntoView {
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
