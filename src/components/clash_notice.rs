//! "Another tab saved a different text at the same moment": for each contact field that this
//! tab and another changed before either saved, the merge kept this tab's text; the other's is
//! shown here, with a choice, so that no edit is dropped without a word.

use leptos::prelude::*;

use crate::state::use_app_state;

#[component]
pub fn ClashNotice() -> impl IntoView {
    let state = use_app_state();
    let clashes = state.clashes();
    let error = RwSignal::new(None::<String>);
    view! {
        <Show when=move || clashes.with(|c| !c.is_empty())>
            <div class="banner conflict" role="alert">
                <p><strong>"Another tab saved a change to the same field at the same moment. Your text was kept; the other is here, so nothing is lost."</strong></p>
                <ul class="plain-list">
                    {move || clashes.get().into_iter().map(|clash| {
                        let label = clash.conflict.field.label();
                        let (keep, take) = (clash.clone(), clash.clone());
                        view! {
                            <li class="stack">
                                <p>{format!("{}, {label}: the other tab saved ", clash.name)}
                                    <q class="note">{clash.conflict.theirs.clone()}</q>
                                    {"; yours is "}<q class="note">{clash.conflict.mine.clone()}</q></p>
                                <div class="actions">
                                    <button type="button" class="button small" on:click=move |_| {
                                        let _ = state.settle_clash(&keep, false);
                                    }>{format!("Keep mine: {}, {label}", clash.name)}</button>
                                    <button type="button" class="button small" on:click=move |_| {
                                        error.set(state.settle_clash(&take, true).err().map(|e| e.to_string()));
                                    }>{format!("Use theirs: {}, {label}", clash.name)}</button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || error.get().map(|message| view! { <p class="form-error">{message}</p> })}
            </div>
        </Show>
    }
}
