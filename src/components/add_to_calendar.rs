//! "Add to my calendar" beside one contact's follow-up or stay-in-touch date: an iCalendar file
//! with that one date, the same event (same UID) as in the file of every date, so adding both
//! never doubles it.

use leptos::prelude::*;

use crate::clock;
use crate::format::export;
use crate::model::ContactId;
use crate::state::use_app_state;

#[component]
pub fn AddToCalendar(contact: ContactId) -> impl IntoView {
    let state = use_app_state();
    let add = move |_| {
        let today = state.today().get_untracked();
        let file = state
            .book()
            .with_untracked(|b| export::calendar_one_ics(b, contact, today, clock::now()));
        let said = match file {
            None => "Nothing to add: no date is set for them now.".to_string(),
            Some(text) => {
                let name = export::file_name(&format!("follow-up-{contact}"), today, "ics");
                match crate::download::offer(&name, &text, "text/calendar") {
                    Ok(()) => {
                        format!("Downloaded {name}: open it to add the date to your calendar.")
                    }
                    Err(error) => error.to_string(),
                }
            }
        };
        state.say(said);
    };
    view! {
        <button type="button" class="button small" on:click=add>"Add to my calendar"</button>
    }
}
