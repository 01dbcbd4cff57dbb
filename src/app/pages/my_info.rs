//! `/me`: everything this device holds, person by person: each fact's value now, where
//! and when it was given, when it was last used, and its history (an address before a
//! move stays visible); change or delete each.

use crate::app::components::layout::PageHeading;
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use hitotsu::state::AppState;
use hitotsu::ui_text::{deleted_fact, last_used, owner_heading, provenance, t, version_span, Msg};
use hitotsu::vault::{FactKey, HOUSEHOLD, ME};
use leptos::prelude::*;

#[component]
pub fn MyInfoPage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let status = RwSignal::new(String::new());
    // The fact just deleted, kept until the citizen leaves or undoes it (WCAG 3.3.4).
    let removed = RwSignal::new(None::<(FactKey, Vec<hitotsu::vault::Fact>, String)>);
    let undo = move |_| {
        if let Some((key, versions, label)) = removed.get_untracked() {
            store.update(|s| s.vault.restore(&key, versions));
            removed.set(None);
            status.set(hitotsu::ui_text::restored_fact(
                lang.get_untracked(),
                &label,
            ));
            crate::app::services::browser::focus_id("my-info-status");
        }
    };
    let body = move || {
        let lang = lang.get();
        store.with(|s: &AppState| {
            let groups = s
                .vault
                .facts
                .iter()
                .filter(|(_, facts)| !facts.is_empty())
                .map(|(owner, facts)| {
                    let is_person = s.vault.person(owner).is_some();
                    let owner_is_case = !is_person && owner != HOUSEHOLD;
                    let case_event = s.case(owner).map(|c| catalog.event_title(&c.event, lang));
                    let kin = (is_person && owner != ME).then(|| (hitotsu::household::kin(&s.vault, owner, ME), hitotsu::household::sex(&s.vault, owner)));
                    let mut heading = owner_heading(lang, owner, s.vault.name_at(owner, today).map(hitotsu::ruby::user).as_deref(), None, kin, is_person);
                    if let Some(e) = case_event {
                        heading = format!("{heading}{}", hitotsu::ui_text::bracketed(lang, &e));
                    }
                    let rows = facts
                        .iter()
                        .filter(|(_, versions)| !versions.is_empty())
                        .map(|(attribute, versions)| {
                            let field = catalog.field_for(is_person, owner == HOUSEHOLD, attribute).map(|(f, _)| f.to_string());
                            // Named as the fact, not as one form's field ("住所", not "新しい住所").
                            let label = match (&field, catalog.fields.attributes.get(attribute)) {
                                (Some(f), _) if owner_is_case => catalog.field_label(f, lang),
                                (Some(f), _) => catalog.attribute_label(attribute, f, lang),
                                (None, Some(t)) => t.get(lang).to_string(),
                                (None, None) => attribute.clone(),
                            };
                            // Who is who (the head, who lives with whom) shows people and
                            // yes or no, and is changed on a case's "who is who" page.
                            let show = |v: &str| match attribute.as_str() {
                                hitotsu::vault::HEAD | hitotsu::people::ALLOWANCE_CLAIMANT => s.vault.name_at(v, today).map_or(v.to_string(), str::to_string),
                                hitotsu::vault::IN_HOUSEHOLD => hitotsu::ui_text::yes_no_options(lang)
                                    .into_iter()
                                    .find(|(id, _)| *id == v)
                                    .map_or(v.to_string(), |(_, l)| l.to_string()),
                                _ => field.as_ref().map_or(v.to_string(), |f| hitotsu::ui_text::display_value(&catalog, f, v, lang)),
                            };
                            let editable = field.is_some();
                            let latest = versions.last().expect("not empty");
                            // By the index's title: an event's own file may not be loaded on this page.
                            let event = catalog.event_title(&latest.given.event, lang);
                            let origin = provenance(lang, &event, latest.given.date, latest.given.how);
                            let used = latest.last_used.map(|d| last_used(lang, d));
                            // Earlier values, newest first, each with the days it held.
                            let history = (versions.len() > 1).then(|| {
                                let items = versions
                                    .iter()
                                    .enumerate()
                                    .rev()
                                    .map(|(i, f)| {
                                        let until = versions.get(i + 1).and_then(|n| n.from).and_then(|d| d.yesterday().ok());
                                        view! { <li><span class="history-span">{mixed(lang, version_span(lang, f.from, until))}</span>" "{mixed(lang, hitotsu::ruby::user(&show(&f.value)))}</li> }
                                    })
                                    .collect_view();
                                view! { <ul class="history" aria-label=t(lang, Msg::History)>{items}</ul> }
                            });
                            let edit = routes::edit_fact(owner, attribute);
                            // Several people have a name: the link says whose.
                            let whose = format!(" {label}{}", hitotsu::ui_text::bracketed(lang, &heading));
                            let remove = {
                                let (key, label) = (FactKey::new(owner, attribute), label.clone());
                                move |_| {
                                    let mut taken = Vec::new();
                                    store.update(|s| taken = s.vault.remove(&key));
                                    removed.set(Some((key.clone(), taken, label.clone())));
                                    status.set(String::new());
                                }
                            };
                            view! {
                                <div class="summary-row">
                                    <dt>{mixed(lang, label.clone())}</dt>
                                    <dd>
                                        <span class="summary-value">{mixed(lang, hitotsu::ruby::user(&show(&latest.value)))}</span>
                                        {latest.from.map(|d| view! { <span class="provenance">{mixed(lang, version_span(lang, Some(d), None))}</span> })}
                                        <span class="provenance">{mixed(lang, origin)}</span>
                                        {used.map(|u| view! { <span class="provenance last-used">{mixed(lang, u)}</span> })}
                                        {history}
                                    </dd>
                                    <dd class="summary-action">
                                        {editable.then(|| view! {
                                            <a class="action-link" href=edit.clone()>{mixed(lang, t(lang, Msg::Change))}<span class="visually-hidden">{mixed(lang, whose.clone())}</span></a>
                                        })}
                                        <button type="button" class="link-button" on:click=remove>
                                            {mixed(lang, t(lang, Msg::Delete))}<span class="visually-hidden">{mixed(lang, whose)}</span>
                                        </button>
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        <h2>{mixed(lang, heading)}</h2>
                        <dl class="summary-list">{rows}</dl>
                    }
                })
                .collect_view();
            let empty = s.vault.facts.values().all(|f| f.is_empty());
            view! {
                {empty.then(|| view! { <p>{mixed(lang, t(lang, Msg::NoFacts))}</p> })}
                {groups}
            }
        })
    };
    view! {
        <div class="page page-wide">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::MyInfoTitle).to_string())/>
            <p>{tr(Msg::MyInfoIntro)}</p>
            <p id="my-info-status" class="status-message" role="status" tabindex="-1">{move || status.get()}</p>
            {move || removed.get().map(|(_, _, label)| view! { <Deleted label undo=Callback::new(undo)/> })}
            {body}
        </div>
    }
}

/// Says what was deleted and offers to undo it; it takes focus when it appears, so the
/// citizen is not left on a button that is gone.
#[component]
fn Deleted(label: String, undo: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| crate::app::services::browser::focus_id("deleted-title"));
    let text = deleted_fact(lang.get_untracked(), &label);
    view! {
        <div class="notice deleted" role="region" aria-labelledby="deleted-title">
            <p id="deleted-title" tabindex="-1"><strong>{mixed(lang.get_untracked(), text)}</strong></p>
            <button type="button" class="button button-secondary" on:click=move |_| undo.run(())>
                {tr(Msg::Undo)}<span class="visually-hidden">{mixed(lang.get_untracked(), format!(": {label}"))}</span>
            </button>
        </div>
    }
}
