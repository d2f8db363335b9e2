//! The charts of Insights and the progress report: plain SVG drawn here, no chart library.
//! Each chart is a figure with a caption that says what it shows; the page puts the same
//! numbers in a table beside it, so nothing is only a picture. Colours come from the stylesheet
//! (light and dark), shapes carry the meaning too (a dashed goal line, two bar styles).

use leptos::prelude::*;

/// One horizontal bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    /// What is written at the bar's end: "62 %", "14".
    pub text: String,
    /// A style from the stylesheet: "expected", "got", "plain".
    pub class: &'static str,
}

/// Drawn at a phone's width, so text stays readable there; wider screens scale it up a little.
const WIDTH: u64 = 360;
/// One bar: its label on a line above it, then the bar.
const ROW: u64 = 44;

/// Horizontal bars on one scale, `max` at full length.
#[component]
pub fn Bars(
    caption: String,
    bars: Vec<Bar>,
    max: u64,
    /// Start a new labelled group every `group` bars (2 for expected/got pairs); 1 for none.
    #[prop(default = 1)]
    group: usize,
) -> impl IntoView {
    let max = max.max(1);
    let span = WIDTH - 64;
    let gaps = bars.len().saturating_sub(1) / group.max(1);
    let height = bars.len() as u64 * ROW + gaps as u64 * 10 + 4;
    let mut y = 2u64;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            if i > 0 && i % group.max(1) == 0 {
                y += 10;
            }
            let top = y;
            y += ROW;
            let length = span * bar.value.min(max) / max;
            view! {
                <g class=format!("bar {}", bar.class)>
                    <text x="0" y=top + 14 class="chart-label">{bar.label}</text>
                    <rect x="1" y=top + 20 width=length.max(2) height="18" rx="3"></rect>
                    <text x=length + 8 y=top + 35 class="chart-value">{bar.text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=caption.clone()
                preserveAspectRatio="xMinYMin meet">
                {rows}
            </svg>
            <figcaption class="muted small">{caption}</figcaption>
        </figure>
    }
}

/// Vertical bars, one per column (a week), with an optional dashed goal line.
#[component]
pub fn Columns(
    caption: String,
    /// (short label under the column, value)
    columns: Vec<(String, u64)>,
    #[prop(optional)] goal: Option<u64>,
) -> impl IntoView {
    const HEIGHT: u64 = 180;
    const BOTTOM: u64 = 20;
    let n = columns.len().max(1) as u64;
    let top_value = columns
        .iter()
        .map(|(_, v)| *v)
        .chain(goal)
        .max()
        .unwrap_or(1)
        .max(1);
    let scale = |v: u64| (HEIGHT - BOTTOM - 14) * v / top_value;
    // Callers pass at most a couple of years of weeks; the step never reaches 0 all the same.
    let step = (WIDTH / n).max(1);
    let label_every = n.div_ceil(6).max(1);
    let bars = columns
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let x = i as u64 * step;
            let h = scale(value);
            let met = goal.is_some_and(|g| value >= g);
            view! {
                <g class=if met { "bar got" } else { "bar plain" }>
                    <rect x=x + step / 6 y=HEIGHT - BOTTOM - h width=(step * 2 / 3).max(2) height=h.max(1) rx="2"></rect>
                    {(value > 0 && n <= 26).then(|| view! {
                        <text x=x + step / 2 y=HEIGHT - BOTTOM - h - 3 text-anchor="middle" class="chart-value">{value}</text>
                    })}
                    {(i as u64).is_multiple_of(label_every).then(|| view! {
                        <text x=x + step / 2 y=HEIGHT - 5 text-anchor="middle" class="chart-label small">{label}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    let goal_line = goal.map(|g| {
        let y = HEIGHT - BOTTOM - scale(g);
        view! {
            <line class="goal-line" x1="0" x2=WIDTH y1=y y2=y></line>
            <text class="chart-label small" x="2" y=y.saturating_sub(4)>{format!("goal {g}")}</text>
        }
    });
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=caption.clone()>
                {bars}
                {goal_line}
            </svg>
            <figcaption class="muted small">{caption}</figcaption>
        </figure>
    }
}

/// A line over points on a 0–10 scale (values in tenths, 0 to 100); gaps where a point is none.
/// At most this many points are drawn on a line; longer series are averaged in runs.
const MAX_POINTS: usize = 104;

/// Averages a long series in runs of equal length, each labelled by its first point, so that
/// years of weeks still fit the width.
fn thin(points: Vec<(String, Option<u64>)>) -> Vec<(String, Option<u64>)> {
    if points.len() <= MAX_POINTS {
        return points;
    }
    let run = points.len().div_ceil(MAX_POINTS);
    points
        .chunks(run)
        .map(|chunk| {
            let values: Vec<u64> = chunk.iter().filter_map(|(_, v)| *v).collect();
            let mean =
                (!values.is_empty()).then(|| values.iter().sum::<u64>() / values.len() as u64);
            (chunk[0].0.clone(), mean)
        })
        .collect()
}

#[component]
pub fn Line(caption: String, points: Vec<(String, Option<u64>)>) -> impl IntoView {
    let points = thin(points);
    const HEIGHT: u64 = 170;
    const BOTTOM: u64 = 20;
    const LEFT: u64 = 30;
    let n = points.len().max(1) as u64;
    let step = (WIDTH - LEFT - 30) / n.max(2).saturating_sub(1).max(1);
    let y_of = |tenths: u64| 10 + (HEIGHT - BOTTOM - 10) * (100 - tenths.min(100)) / 100;
    let x_of = |i: usize| LEFT + 10 + i as u64 * step;
    let mut path = String::new();
    let mut pen_down = false;
    for (i, (_, value)) in points.iter().enumerate() {
        match value {
            Some(v) => {
                path.push_str(&format!(
                    "{}{} {} ",
                    if pen_down { "L" } else { "M" },
                    x_of(i),
                    y_of(*v)
                ));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    let label_every = n.div_ceil(4).max(1) as usize;
    let last = points.len().saturating_sub(1);
    let dots = points
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            // The ends are anchored inward, so their labels stay inside the width.
            let anchor = match i {
                0 => "start",
                i if i == last => "end",
                _ => "middle",
            };
            view! {
                {value.map(|v| view! { <circle cx=x_of(i) cy=y_of(v) r="4" class="line-dot"></circle> })}
                {(i.is_multiple_of(label_every) || i == last).then(|| view! {
                    <text x=x_of(i) y=HEIGHT - 5 text-anchor=anchor class="chart-label small">{label}</text>
                })}
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=caption.clone()>
                <line class="axis" x1=LEFT x2=WIDTH y1=y_of(0) y2=y_of(0)></line>
                <text class="chart-label" x=LEFT - 6 y=y_of(100) + 4 text-anchor="end">"10"</text>
                <text class="chart-label" x=LEFT - 6 y=y_of(50) + 4 text-anchor="end">"5"</text>
                <text class="chart-label" x=LEFT - 6 y=y_of(0) + 4 text-anchor="end">"0"</text>
                <path d=path class="line-path"></path>
                {dots}
            </svg>
            <figcaption class="muted small">{caption}</figcaption>
        </figure>
    }
}
