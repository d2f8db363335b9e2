//! Settings → Reminders: what reminds a person when Reachout is closed. The calendar works
//! everywhere (a weekly event, and every follow-up date); the app's icon shows the count of
//! follow-ups due where the browser can.

use chrono::Weekday;
use leptos::prelude::*;

use crate::clock;
use crate::format::export;
use crate::model::WeeklyNudge;
use crate::state::use_app_state;

const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The app's own address, for the calendar event: where the person opens Reachout.
fn app_address() -> String {
    document().base_uri().ok().flatten().unwrap_or_default()
}

#[component]
pub fn RemindersCard() -> impl IntoView {
    let state = use_app_state();
    let weekday = RwSignal::new(day_name(Weekday::Mon).to_string());
    let time = RwSignal::new("09:00".to_string());
    let status = RwSignal::new(None::<Result<String, String>>);
    let weekly = move |_| {
        let result = WeeklyNudge::from_texts(&weekday.get_untracked(), &time.get_untracked())
            .map_err(|e| e.to_string())
            .and_then(|nudge| {
                let today = state.today().get_untracked();
                let goal = state.book().with_untracked(|b| b.settings.weekly_goal);
                let text = export::weekly_nudge_ics(&nudge, goal, &app_address(), today, clock::now());
                let name = "reachout-weekly-reminder.ics";
                crate::download::offer(name, &text, "text/calendar").map_err(|e| e.to_string())?;
                Ok(format!(
                    "Downloaded {name}: open it to add the reminder to your calendar, every {} at {}.",
                    day_name(nudge.weekday),
                    nudge.time.format("%H:%M")
                ))
            });
        status.set(Some(result));
    };
    let dates = move |_| {
        let today = state.today().get_untracked();
        let name = export::file_name("follow-ups", today, "ics");
        let text = state
            .book()
            .with_untracked(|b| export::calendar_ics(b, today, clock::now()));
        let result = crate::download::offer(&name, &text, "text/calendar")
            .map(|()| {
                format!("Downloaded {name}: open it to add each follow-up date to your calendar.")
            })
            .map_err(|e| e.to_string());
        status.set(Some(result));
    };
    let options = DAYS.map(|day| {
        let name = day_name(day);
        view! { <option value=name selected=move || weekday.get() == name>{name}</option> }
    });
    let badge = if crate::badge::supported() {
        "Installed on your phone or computer, Reachout's icon shows how many follow-ups are due today."
    } else {
        "This browser cannot show a count on Reachout's icon; the calendar reminds you here too."
    };
    view! {
        <section class="card reminders" aria-labelledby="reminders-heading">
            <h2 id="reminders-heading">"Reminders"</h2>
            <p>
                "Reachout has no server, so it reminds you through what you already have: your "
                "calendar reminds you even when Reachout is closed, on every phone and computer."
            </p>
            <div class="field-row">
                <div class="field">
                    <label for="reminder-day">"Day"</label>
                    <select id="reminder-day" on:change=move |ev| weekday.set(event_target_value(&ev))>
                        {options}
                    </select>
                </div>
                <div class="field">
                    <label for="reminder-time">"Time"</label>
                    <input id="reminder-time" type="time" prop:value=move || time.get()
                        on:input=move |ev| time.set(event_target_value(&ev))/>
                </div>
            </div>
            <div class="actions">
                <button type="button" class="button primary" on:click=weekly>
                    "Add a weekly reminder to my calendar"
                </button>
                <button type="button" class="button" on:click=dates>
                    "Add every follow-up date to my calendar"
                </button>
            </div>
            <p class="hint">{badge}</p>
            <p class="status" role="status" class:error=move || matches!(status.get(), Some(Err(_)))>
                {move || status.get().map(|r| r.unwrap_or_else(|e| e))}
            </p>
        </section>
    }
}
