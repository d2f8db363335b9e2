//! Settings: the follow-up rules (how long to wait, how many tries), the weekly goal, the
//! week's first day, and the colours (the system's light or dark setting, or a chosen one).

use leptos::prelude::*;

use crate::components::field::{error_for, focus_first_invalid, Field, FieldKind};
use crate::links::href;
use crate::model::{FieldErrors, ModelError, SettingsDraft, SettingsField, WeekStart};
use crate::state::use_app_state;
use crate::theme::{self, Theme};

#[component]
pub fn SettingsPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    let current = state
        .book()
        .with_untracked(|b| SettingsDraft::from_settings(&b.settings));
    let days = RwSignal::new(current.follow_up_days);
    let tries = RwSignal::new(current.max_tries);
    let goal = RwSignal::new(current.weekly_goal);
    let week_start = RwSignal::new(current.week_start);
    let errors = RwSignal::new(FieldErrors::<SettingsField>::default());
    let status = RwSignal::new(None::<String>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = SettingsDraft {
            follow_up_days: days.get_untracked(),
            max_tries: tries.get_untracked(),
            weekly_goal: goal.get_untracked(),
            week_start: week_start.get_untracked(),
        };
        match state.change(|b| b.change_settings(&draft)) {
            Ok(()) => {
                errors.set(FieldErrors::default());
                status.set(Some("Saved. Today follows the new settings.".into()));
            }
            Err(ModelError::InvalidSettings(found)) => {
                errors.set(found);
                status.set(None);
                focus_first_invalid();
            }
            Err(other) => status.set(Some(other.to_string())),
        }
    };

    let week_options = WeekStart::ALL.map(|option| {
        choice(
            "week-start",
            option.key(),
            option.label(),
            move || week_start.get() == option,
            move || week_start.set(option),
        )
    });

    view! {
        <section class="page narrow">
            <h1>"Settings"</h1>
            <form class="card form" novalidate on:submit=save aria-labelledby="rules-heading">
                <h2 id="rules-heading">"Your rhythm"</h2>
                <Field label="Weekly goal (reach-outs)" name="weekly-goal" value=goal
                    error=error_for(errors, SettingsField::WeeklyGoal) kind=FieldKind::Number
                    hint="Today shows your progress; each week that meets it makes your strength score grow. Leave it empty for no goal." />
                <fieldset class="choices">
                    <legend>"A week starts on"</legend>
                    <div class="choice-grid">{week_options}</div>
                </fieldset>
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
            <crate::pages::reminders::RemindersCard/>
            <crate::pages::lock::LockCard/>
            <div class="card">
                <h2>"Message templates"</h2>
                <p>"Starters for a first note, a follow-up, a thank-you and more, filled in with each contact's name."</p>
                <a class="button" href=href("/templates")>"Edit message templates"</a>
            </div>
            <ThemeCard/>
        </section>
    }
}

/// Light, dark, or as the system is set: applied at once and remembered in this browser.
#[component]
fn ThemeCard() -> impl IntoView {
    let state = use_app_state();
    let remembered = move || {
        state
            .preference::<Theme>(theme::PREFERENCE)
            .unwrap_or_default()
    };
    let chosen = RwSignal::new(remembered());
    // A theme chosen in another tab shows here too (the shell applies its colours).
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        if state.preference_changed(ev.key().as_deref(), theme::PREFERENCE) {
            chosen.set(remembered());
        }
    });
    on_cleanup(move || other_tab.remove());
    let options = Theme::ALL.map(|option| {
        choice(
            "theme",
            option.key(),
            option.label(),
            move || chosen.get() == option,
            move || {
                chosen.set(option);
                option.apply();
                state.remember(theme::PREFERENCE, &option);
            },
        )
    });
    view! {
        <div class="card">
            <fieldset class="choices">
                <legend><h2>"Colours"</h2></legend>
                <div class="choice-grid">{options}</div>
                <p class="hint">"Applied at once and remembered in this browser."</p>
            </fieldset>
        </div>
    }
}

/// One radio of the group `name`, drawn as a choice tile (id `NAME-KEY`).
fn choice(
    name: &'static str,
    key: &'static str,
    label: &'static str,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    pick: impl Fn() + 'static,
) -> impl IntoView {
    let id = format!("{name}-{key}");
    let label_for = id.clone();
    view! {
        <label class="choice" for=label_for>
            <input type="radio" name=name id=id value=key
                prop:checked=checked
                on:change=move |_| pick() />
            <span>{label}</span>
        </label>
    }
}
