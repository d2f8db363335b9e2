//! Settings → Reminders: what reminds a person when Reachout is closed. The calendar works
//! everywhere (a weekly event, and every follow-up date); the app's icon shows the count of
//! follow-ups due where the browser can.

use chrono::Weekday;
use leptos::prelude::*;

use crate::clock;
use crate::format::export;
use crate::model::WeeklyNudge;
use crate::notify::{self, Reminders, Support, REMIND_HIDE_NAMES, REMIND_NOTIFY};
use crate::pages::data::Export;
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
    // The Data page's calendar export, reachable from here too.
    let dates = move |_| status.set(Some(Export::Calendar.make().map_err(|e| e.to_string())));
    let options = DAYS.map(|day| {
        let name = day_name(day);
        view! { <option value=name selected=move || weekday.get() == name>{name}</option> }
    });
    // Reached from Today's offer (`#reminders-heading`): the card is where the focus goes.
    if window().location().hash().ok().as_deref() == Some("#reminders-heading") {
        crate::components::focus::focus_next_frame(&["#reminders-heading"]);
    }
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
                    <label for="reminder-day">"Day of the week"</label>
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
            {move || state.lock_on().get().then(|| view! {
                <p class="hint">"Calendar files are not locked: the follow-up dates name the people."</p>
            })}
            <p class="hint">{badge}</p>
            <DailyNotification/>
            <p class="status" role="status" class:error=move || matches!(status.get(), Some(Err(_)))>
                {move || status.get().map(|r| r.unwrap_or_else(|e| e))}
            </p>
        </section>
    }
}

/// "Notify me once a day": asks for the permission only when turned on; says in one sentence
/// what this browser can do.
#[component]
fn DailyNotification() -> impl IntoView {
    let state = use_app_state();
    let Some(chosen) = use_context::<Reminders>() else {
        return ().into_any();
    };
    let said = RwSignal::new(None::<String>);
    let support = notify::support();
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        if !on {
            chosen.notify.set(false);
            state.remember(REMIND_NOTIFY, &false);
            said.set(Some(
                "Notifications are off; nothing is kept for them.".into(),
            ));
            leptos::task::spawn_local(notify::turn_off());
            return;
        }
        leptos::task::spawn_local(async move {
            match notify::turn_on().await {
                Ok(can) => {
                    chosen.notify.set(true);
                    state.remember(REMIND_NOTIFY, &true);
                    said.set(Some(match can {
                        Support::Daily => "On: about once a day, Reachout says who to follow up with, even when it is closed.",
                        _ => "On. This browser wakes Reachout once a day only when it is installed (in Chrome or Edge: Install app); until then the calendar reminder is the one that reaches you.",
                    }.into()));
                }
                Err(message) => {
                    chosen.notify.set(false);
                    said.set(Some(message));
                }
            }
        });
    };
    let hide = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        chosen.hide_names.set(on);
        state.remember(REMIND_HIDE_NAMES, &on);
    };
    let where_it_works = match support {
        Support::Daily => "Notifications come about once a day when Reachout is installed (Chrome, Edge and other Chromium browsers).",
        Support::NoDailyWakeUp => "This browser cannot wake Reachout once a day, so a daily notification cannot come; the calendar reminder works here.",
        Support::None => "This browser cannot show notifications (on an iPhone, add Reachout to the Home Screen first); the calendar reminder works here.",
    };
    view! {
        <div class="reminder-notify">
            <label class="check">
                <input type="checkbox" prop:checked=move || chosen.notify.get()
                    disabled=support != Support::Daily on:change=toggle/>
                "Notify me once a day when follow-ups are due"
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || chosen.hide_names.get() on:change=hide/>
                "Hide names in reminders"
            </label>
            <p class="hint">{where_it_works}</p>
            <p class="status" role="status">{move || said.get()}</p>
        </div>
    }
    .into_any()
}
