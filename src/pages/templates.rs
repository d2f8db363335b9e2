//! Message templates: the starters and the person's own, to create, edit and delete. The
//! placeholders {first name}, {company} and {how we met} are filled in while logging.

use leptos::prelude::*;

use crate::components::field::{error_for, focus_first_invalid, Field, FieldKind};
use crate::links::href;
use crate::model::{FieldErrors, ModelError, Template, TemplateField};
use crate::state::use_app_state;

#[component]
pub fn TemplatesPage() -> impl IntoView {
    crate::components::focus::page_drawn();
    let state = use_app_state();
    let templates = move || state.book().with(|b| b.templates());
    let status = RwSignal::new(None::<String>);
    let adding = RwSignal::new(false);
    let uses_starters = move || state.book().with(|b| b.templates.is_none());
    view! {
        <section class="page narrow">
            <p class="back"><a href=href("/settings")>"← Settings"</a></p>
            <h1>"Message templates"</h1>
            <div class="card">
                <p>
                    "A blank page is the hardest part of reaching out. Start from one of these while you log \
                     a reach-out: it is filled in with the contact's details, ready to change and copy."
                </p>
                <p class="hint">"Placeholders: {first name}, {company} and {how we met}."</p>
            </div>
            <p class="status" role="status">{move || status.get()}</p>
            <For each=templates key=|t| t.clone() let:template>
                <TemplateCard template status/>
            </For>
            <Show when=move || adding.get()
                fallback=move || view! {
                    <div class="actions">
                        <button type="button" class="button primary" on:click=move |_| adding.set(true)>"New template"</button>
                        <Show when=move || !uses_starters()>
                            <button type="button" class="button" on:click=move |_| {
                                state.change(|b| { b.reset_templates(); Ok(()) }).ok();
                                status.set(Some("The starter templates are back.".into()));
                            }>"Bring back the starters"</button>
                        </Show>
                    </div>
                }>
                <TemplateForm template=None done=Callback::new(move |saved: Option<String>| {
                    adding.set(false);
                    if let Some(name) = saved { status.set(Some(format!("Added “{name}”."))); }
                })/>
            </Show>
        </section>
    }
}

#[component]
fn TemplateCard(template: Template, status: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let id = template.id;
    let stored = StoredValue::new(template);
    view! {
        <Show when=move || editing.get()
            fallback=move || {
                let t = stored.get_value();
                let heading_id = format!("template-{}", t.id);
                let labelled_by = heading_id.clone();
                view! {
                    <article class="card template" aria-labelledby=labelled_by>
                        <h2 id=heading_id>{t.name.clone()}</h2>
                        <p class="note template-body">{t.body.clone()}</p>
                        <div class="actions">
                            <button type="button" class="button small" on:click=move |_| editing.set(true)>
                                {format!("Edit “{}”", t.name)}
                            </button>
                            <Show when=move || !confirming.get()
                                fallback=move || view! {
                                    <span class="confirm-inline">
                                        "Delete this template?"
                                        <button type="button" class="button small danger" on:click=move |_| {
                                            if let Ok(removed) = state.change(|b| b.delete_template(id)) {
                                                status.set(Some(format!("Deleted “{}”.", removed.name)));
                                            }
                                        }>"Yes, delete"</button>
                                        <button type="button" class="button small" on:click=move |_| confirming.set(false)>"Keep it"</button>
                                    </span>
                                }>
                                <button type="button" class="button small danger" on:click=move |_| confirming.set(true)>
                                    {format!("Delete “{}”", stored.with_value(|t| t.name.clone()))}
                                </button>
                            </Show>
                        </div>
                    </article>
                }
            }>
            <TemplateForm template=Some(stored.get_value()) done=Callback::new(move |saved: Option<String>| {
                editing.set(false);
                if let Some(name) = saved { status.set(Some(format!("Saved “{name}”."))); }
            })/>
        </Show>
    }
}

#[component]
fn TemplateForm(template: Option<Template>, done: Callback<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let id = template.as_ref().map(|t| t.id);
    let key = id.map_or("new".to_string(), |id| id.to_string());
    let name = RwSignal::new(
        template
            .as_ref()
            .map(|t| t.name.clone())
            .unwrap_or_default(),
    );
    let body = RwSignal::new(template.map(|t| t.body).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::<TemplateField>::default());
    let general = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, b) = (name.get_untracked(), body.get_untracked());
        match state.change(|book| book.save_template(id, &n, &b)) {
            Ok(_) => done.run(Some(n.trim().to_string())),
            Err(ModelError::InvalidTemplate(found)) => {
                errors.set(found);
                focus_first_invalid();
            }
            Err(other) => general.set(Some(other.to_string())),
        }
    };
    let heading = if id.is_some() {
        "Edit template"
    } else {
        "New template"
    };
    view! {
        <form class="card form" novalidate on:submit=save aria-label=heading>
            <h2>{heading}</h2>
            <Field label="Name" name=format!("template-name-{key}") value=name required=true
                error=error_for(errors, TemplateField::Name) />
            <Field label="Message" name=format!("template-body-{key}") value=body required=true
                kind=FieldKind::Multiline error=error_for(errors, TemplateField::Body)
                hint="Use {first name}, {company} and {how we met} where the contact's details go." />
            {move || general.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            <div class="actions">
                <button type="submit" class="button primary">"Save template"</button>
                <button type="button" class="button" on:click=move |_| done.run(None)>"Cancel"</button>
            </div>
        </form>
    }
}
