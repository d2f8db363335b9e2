//! Right after an answer is recorded: how does it feel now, and a line of reflection. After a
//! no, a kind word that is also true. It sits at the top of the page rather than in the row the
//! answer came from, because a row on Today leaves once its thread is answered.

use leptos::prelude::*;

use crate::components::field::{Field, FieldKind};
use crate::components::focus::focus_when_drawn;
use crate::components::scale::Scale;
use crate::model::courage_words;
use crate::model::ReachOutId;
use crate::state::use_app_state;

/// The reach-out whose answer was just recorded.
#[derive(Clone, Copy)]
struct Asking(RwSignal<Option<ReachOutId>>);

/// Makes the prompt available below; the shell calls it once.
pub fn provide_after_prompt() {
    provide_context(Asking(RwSignal::new(None)));
}

/// Asks how the answer to `reach_out` feels (where the shell provides the prompt).
pub fn ask_how_it_felt(reach_out: ReachOutId) {
    if let Some(Asking(asking)) = use_context::<Asking>() {
        asking.set(Some(reach_out));
    }
}

#[component]
pub fn AfterPrompt() -> impl IntoView {
    let Some(Asking(asking)) = use_context::<Asking>() else {
        return ().into_any();
    };
    // Put away (saved or not now), the prompt hands the keyboard back to the page's content.
    Effect::new(move |was: Option<bool>| {
        let now = asking.with(Option::is_some);
        if was == Some(true) && !now {
            crate::components::focus::focus_selector("#main");
        }
        now
    });
    (move || asking.get().map(|id| view! { <AfterCard id asking/> })).into_any()
}

#[component]
fn AfterCard(id: ReachOutId, asking: RwSignal<Option<ReachOutId>>) -> impl IntoView {
    let state = use_app_state();
    let found = state.book().with_untracked(|b| {
        let r = b.reach_out(id)?;
        let name = b
            .contact(r.contact)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        Some((name, r.outcome, r.before.clone(), r.after.clone()))
    });
    let Some((name, outcome, predicted, after)) = found else {
        return ().into_any();
    };
    let feeling = RwSignal::new(after.feeling.map(|f| f.to_string()).unwrap_or_default());
    let reflection = RwSignal::new(after.reflection);
    let error = RwSignal::new(None::<String>);
    let reflection_error = Signal::derive(|| None::<String>);
    let heading = NodeRef::<leptos::html::H2>::new();
    focus_when_drawn(heading);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let level = feeling.get_untracked().parse::<u32>().ok();
        if level.is_none() && reflection.with_untracked(|r| r.trim().is_empty()) {
            error.set(Some(
                "Pick how it feels (0 to 10) or write a line; or choose Not now.".into(),
            ));
            return;
        }
        match state.change(|b| b.record_feeling(id, level, &reflection.get_untracked())) {
            Ok(()) => asking.set(None),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let key = id.0;
    let kind_word = courage_words::after_answer(outcome);
    let contrast = courage_words::against_prediction(outcome, &predicted);
    view! {
        <form class="card after-prompt form" novalidate on:submit=save aria-labelledby="after-heading">
            <h2 id="after-heading" tabindex="-1" node_ref=heading>
                {format!("{name}: {}", outcome.label())}
            </h2>
            {contrast.map(|text| view! { <p><strong>{text}</strong></p> })}
            {kind_word.map(|text| view! { <p class="kind-word">{text}</p> })}
            <Scale legend="How does it feel now?" name=format!("feeling-{key}") value=feeling
                low="at ease" high="uneasy" />
            <Field label="A line of reflection (optional)" name=format!("reflection-{key}") value=reflection
                error=reflection_error kind=FieldKind::Text />
            {move || error.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            <div class="actions">
                <button type="submit" class="button primary">"Save how it felt"</button>
                <button type="button" class="button" on:click=move |_| asking.set(None)>"Not now"</button>
            </div>
        </form>
    }
    .into_any()
}
