//! Settings: the follow-up rules (how long to wait, how many tries). Templates and a theme
//! choice come later; the colours follow the system's light or dark setting.

use leptos::prelude::*;

use crate::components::field::{error_for, focus_first_invalid, Field, FieldKind};
use crate::model::{FieldErrors, Settings, SettingsField};
use crate::state::use_app_state;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app_state();
    let current = state.book().with_untracked(|b| b.settings.clone());
    let days = RwSignal::new(current.follow_up_days.to_string());
    let tries = RwSignal::new(current.max_tries.to_string());
    let errors = RwSignal::new(FieldErrors::<SettingsField>::default());
    let status = RwSignal::new(None::<String>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Settings::parse(&days.get_untracked(), &tries.get_untracked()) {
            Ok(settings) => {
                let _ = state.change(|b| {
                    b.settings = settings;
                    Ok(())
                });
                errors.set(FieldErrors::default());
                status.set(Some("Saved. Today follows the new rules.".into()));
            }
            Err(found) => {
                errors.set(found);
                status.set(None);
                focus_first_invalid();
            }
        }
    };

    view! {
        <section class="page narrow">
            <h1>"Settings"</h1>
            <form class="card form" novalidate on:submit=save aria-labelledby="rules-heading">
                <h2 id="rules-heading">"Trying again"</h2>
                <Field label="Days to wait for an answer" name="follow-up-days" value=days
                    error=error_for(errors, SettingsField::FollowUpDays) kind=FieldKind::Number
                    hint="With no answer after this many days, a follow-up appears on Today." />
                <Field label="Tries before closing the loop" name="max-tries" value=tries
                    error=error_for(errors, SettingsField::MaxTries) kind=FieldKind::Number
                    hint="After this many unanswered tries, Today suggests a kind last note instead of another nudge." />
                <div class="actions">
                    <button type="submit" class="button primary">"Save settings"</button>
                </div>
                <p class="status" role="status">{move || status.get()}</p>
            </form>
            <div class="card">
                <p>"The colours follow your system's light or dark setting."</p>
                <p class="muted">
                    "Coming next: your weekly goal, message templates, and a choice of theme."
                </p>
            </div>
        </section>
    }
}
