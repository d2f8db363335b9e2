//! Every number can be opened: a figure drawn as a button that lists the reach-outs behind it
//! in a modal dialog, from the same model query that counted them ([`Book::records_of`]), so a
//! number and its list cannot disagree.
//!
//! [`Book::records_of`]: crate::model::Book::records_of

use leptos::prelude::*;

use crate::components::modal::{closed_now, keep_modal_open_while};
use crate::links::href;
use crate::model::insights::{Figure, Period};
use crate::model::words::{long_day, plural};
use crate::state::use_app_state;

/// The list being shown, if any: its title, the figure and the period it counts.
#[derive(Clone, Debug, PartialEq)]
struct Opened {
    title: String,
    figure: Figure,
    period: Period,
}

/// Rows listed at first, and added by each "Show more".
const PAGE: usize = 100;

#[derive(Clone, Copy)]
struct Drill(RwSignal<Option<Opened>>);

/// Makes the lists available to the figures below; the page that shows figures calls it once
/// and draws one [`DrillDialog`].
pub fn provide_drill() {
    provide_context(Drill(RwSignal::new(None)));
}

/// A number that opens to its reach-outs: `text` is what the button says ("3"), `title`
/// heads the list ("You got a yes"). Plain text where no list can be shown.
#[component]
pub fn FigureButton(
    #[prop(into)] text: String,
    #[prop(into)] title: String,
    figure: Figure,
    period: Period,
) -> impl IntoView {
    let Some(Drill(open)) = use_context::<Drill>() else {
        return view! { <span>{text}</span> }.into_any();
    };
    let label = format!("{text}: {title}. Show the reach-outs");
    view! {
        <button type="button" class="figure" aria-haspopup="dialog" aria-label=label
            on:click=move |_| open.set(Some(Opened { title: title.clone(), figure, period }))>
            {text}
        </button>
    }
    .into_any()
}

/// The dialog that lists a figure's reach-outs: date, contact, channel and answer, oldest
/// first. Esc or "Close" puts it away and the focus goes back to the number.
#[component]
pub fn DrillDialog() -> impl IntoView {
    let Some(Drill(open)) = use_context::<Drill>() else {
        return ().into_any();
    };
    let state = use_app_state();
    // A figure may stand for thousands of reach-outs: the list grows a page at a time.
    let shown = RwSignal::new(PAGE);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if open.with(Option::is_none) {
            shown.set(PAGE);
        }
    });
    keep_modal_open_while(dialog, heading, move || open.with(Option::is_some));
    let rows = move || {
        let opened = open.get()?;
        let today = state.today().get();
        let rows: Vec<(String, String, String, String, String)> = state.book().with(|book| {
            book.records_of(opened.figure, opened.period, today)
                .into_iter()
                .map(|(r, answer)| {
                    let name = book
                        .contact(r.contact)
                        .map(|c| c.name.clone())
                        .unwrap_or_default();
                    (
                        href(&format!("/contacts/{}", r.contact)),
                        name,
                        long_day(r.date),
                        r.channel.label().to_string(),
                        answer.label().to_string(),
                    )
                })
                .collect()
        });
        Some((opened.title, rows))
    };
    view! {
        <dialog class="drill card" aria-labelledby="drill-title" node_ref=dialog
            on:close=move |_| if closed_now(dialog) { open.set(None) }>
            {move || rows().map(|(title, rows)| {
                let total = rows.len();
                let rest = total.saturating_sub(shown.get());
                view! {
                <h2 id="drill-title" tabindex="-1" node_ref=heading>{title}</h2>
                <p class="muted small">{plural(total, "reach-out", "reach-outs")}</p>
                <ol class="drill-list">
                    {rows.into_iter().take(shown.get()).map(|(link, name, day, channel, answer)| view! {
                        <li>
                            <a class="tap" href=link on:click=move |_| open.set(None)>{name}</a>
                            <span class="muted">{format!(" · {day} · {channel} · {answer}")}</span>
                        </li>
                    }).collect_view()}
                </ol>
                {(rest > 0).then(|| view! {
                    <button type="button" class="button small"
                        on:click=move |_| shown.update(|n| *n = n.saturating_add(PAGE))>
                        {format!("Show {} more ({rest} not shown)", rest.min(PAGE))}
                    </button>
                })}
            }})}
            <button type="button" class="button small" on:click=move |_| open.set(None)>"Close"</button>
        </dialog>
    }
    .into_any()
}
