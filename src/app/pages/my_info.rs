//! `/me`: everything this device holds, person by person: each fact's value now, where
//! and when it was given, when it was last used, and its history (an address before a
//! move stays visible); change or delete each.

use crate::app::components::layout::{PageHeading, Status};
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
                    let case_event = s.case(owner).and_then(|c| catalog.event(&c.event)).map(|e| e.title.get(lang).to_string());
                    let kin = (is_person && owner != ME).then(|| (hitotsu::household::kin(&s.vault, owner, ME), hitotsu::household::sex(&s.vault, owner)));
                    let mut heading = owner_heading(lang, owner, s.vault.name_at(owner, today), None, kin, is_person);
                    if let Some(e) = case_event {
                        heading = format!("{heading}{}", hitotsu::ui_text::bracketed(lang, &e));
                    }
                    let rows = facts
                        .iter()
                        .filter(|(_, versions)| !versions.is_empty())
                        .map(|(attribute, versions)| {
                            let field = catalog.field_for(is_person, owner == HOUSEHOLD, attribute).map(|(f, _)| f.to_string());
                            // Named as the fact, not as one form's field ("住所", not "新しい住所").
                            let label = match &field {
                                Some(f) if owner_is_case => catalog.field_label(f, lang),
                                Some(f) => catalog.attribute_label(attribute, f, lang),
                                None => attribute.clone(),
                            };
                            let show = |v: &str| field.as_ref().map_or(v.to_string(), |f| catalog.display_value(f, v, lang));
                            let latest = versions.last().expect("not empty");
                            let event = catalog.event(&latest.given.event).map_or(latest.given.event.clone(), |e| e.title.get(lang).to_string());
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
                                        view! { <li><span class="history-span">{version_span(lang, f.from, until)}</span>" "{show(&f.value)}</li> }
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
                                    store.update(|s| s.vault.remove(&key));
                                    status.set(deleted_fact(lang, &label));
                                }
                            };
                            view! {
                                <div class="summary-row">
                                    <dt>{label.clone()}</dt>
                                    <dd>
                                        <span class="summary-value">{show(&latest.value)}</span>
                                        {latest.from.map(|d| view! { <span class="provenance">{version_span(lang, Some(d), None)}</span> })}
                                        <span class="provenance">{origin}</span>
                                        {used.map(|u| view! { <span class="provenance last-used">{u}</span> })}
                                        {history}
                                    </dd>
                                    <dd class="summary-action">
                                        <a class="action-link" href=edit>{t(lang, Msg::Change)}<span class="visually-hidden">{whose.clone()}</span></a>
                                        <button type="button" class="link-button" on:click=remove>
                                            {t(lang, Msg::Delete)}<span class="visually-hidden">{whose}</span>
                                        </button>
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        <h2>{heading}</h2>
                        <dl class="summary-list">{rows}</dl>
                    }
                })
                .collect_view();
            let empty = s.vault.facts.values().all(|f| f.is_empty());
            view! {
                {empty.then(|| view! { <p>{t(lang, Msg::NoFacts)}</p> })}
                {groups}
            }
        })
    };
    view! {
        <div class="page page-wide">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::MyInfoTitle).to_string())/>
            <p>{tr(Msg::MyInfoIntro)}</p>
            <Status text=status/>
            {body}
        </div>
    }
}
