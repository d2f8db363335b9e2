//! The card at the top of a contact while a thread is open: record the answer, log a follow-up,
//! or (after the last try) close the loop.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::add_to_calendar::AddToCalendar;
use crate::components::disclosure::Disclosure;
use crate::components::due_rows::LastNote;
use crate::components::focus::focus_selector;
use crate::components::outcome_picker::OutcomePicker;
use crate::components::reach_out_form::ReachOutForm;
use crate::model::words::relative_day;
use crate::model::{ContactId, ThreadState};
use crate::state::use_app_state;

#[component]
pub(super) fn WaitingCard(contact: ContactId, today: NaiveDate) -> impl IntoView {
    let state = use_app_state();
    let id = contact;
    let card_drawn = StoredValue::new(false);
    let waiting = Memo::new(move |_| {
        state.book().with(|book| {
            let max_tries = book.settings.max_tries;
            book.open_thread_of(id).and_then(|t| {
                let r = book.reach_out(t.latest)?;
                // After the last try, the card offers to close the loop, as Today does.
                let tries_done = t.tried_out(max_tries).then_some(t.tries);
                let heading = ThreadState::of(t.due, tries_done.is_some(), today).heading();
                Some((r.id, r.channel.label(), r.date, tries_done, heading))
            })
        })
    });
    move || {
        waiting.get().map(|(latest, channel, day, tries_done, heading)| {
        // Drawn again after a follow-up from inside it: the focus stays in it.
        let again = card_drawn.get_value();
        card_drawn.set_value(true);
        if again {
            request_animation_frame(|| {
                focus_selector("#waiting-heading");
            });
        }
        view! {
        <section class="card highlight" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading" tabindex="-1">
                {heading}
            </h2>
            <p class="muted small">{format!("You reached out by {}, {}.", channel.to_lowercase(), relative_day(day, today))}</p>
            {tries_done.map(|tries| view! {
                <p class="small">{format!("No answer after {tries} tries. A short, kind last note closes the loop; then let it rest. Reaching out was the win.")}</p>
            })}
            <div class="row-actions">
                {tries_done.map(|_| view! {
                    <Disclosure label="Close the loop".to_string()>
                        <LastNote latest contact=id/>
                    </Disclosure>
                })}
                <OutcomePicker reach_out=latest/>
                <Disclosure label=if tries_done.is_some() { "Try once more" } else { "Log follow-up" }.to_string()>
                    <ReachOutForm contact=id follows_up=latest compact=true/>
                </Disclosure>
                {tries_done.is_none().then(|| view! { <AddToCalendar contact=id/> })}
            </div>
        </section>
        }
    })
    }
}
