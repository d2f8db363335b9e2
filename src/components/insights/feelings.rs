//! How a no stung against the guess, and fear before and after.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::chart::{Bar, Bars, Line};
use crate::components::drill::FigureButton;
use crate::model::insights::{Figure, Insights, Period};
use crate::model::words::{long_day, plural};

use super::table::{count, empty, short_day, table, Cell};

#[component]
pub(super) fn Sting(insights: Insights, open_tables: bool) -> impl IntoView {
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
pub(super) fn Fear(insights: Insights, open_tables: bool) -> impl IntoView {
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
