//! `/case/:case/check`: every value the forms carry, once, grouped by person, with where
//! it came from, which procedures use it and a link that changes it everywhere.

use crate::app::components::layout::{BackLink, PageHeading};
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use hitotsu::onestop::{next_step, sections, NextStep};
use hitotsu::ui_text::{provenance, section_heading, t, used_by, Msg};
use leptos::prelude::*;

#[component]
pub fn CheckPage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let next = store
        .with_untracked(|s| {
            s.scope(&catalog, &case.id, today)
                .map(|sc| next_step(&sc, None))
        })
        .unwrap_or(NextStep::Check);
    let complete = next == NextStep::Check;
    let missing_href = routes::next(&case.id, next);
    let body = {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        move || {
            let lang = lang.get();
            store.with_untracked(|s| {
                let scope = s.scope(&catalog, &case_id, today)?;
                let groups = sections(&scope)
                    .into_iter()
                    .map(|section| {
                        let owner = section.owner.as_deref();
                        let role = owner.and_then(|o| s.role_of(&case_id, o));
                        let heading = section_heading(lang, &s.vault, owner, role, today);
                        let rows = section
                            .rows
                            .iter()
                            .map(|u| {
                                let label = catalog.field_label(&u.field, lang);
                                let value = hitotsu::ui_text::display_value(&catalog, &u.field, &u.value, lang);
                                let version = u.fact.as_ref().and_then(|(k, d)| s.vault.at(k, *d));
                                let origin = version.map(|f| {
                                    let event = catalog.event_title(&f.given.event, lang);
                                    provenance(lang, &event, f.given.date, f.given.how)
                                });
                                let procedures: Vec<String> =
                                    u.procedures.iter().filter_map(|p| scope.event.procedures.iter().find(|q| q.id == *p)).map(|p| p.title.get(lang).to_string()).collect();
                                let change = match &u.fact {
                                    Some((k, d)) => routes::change(&case_id, &k.owner, &k.attribute, *d),
                                    None => routes::people(&case_id),
                                };
                                view! {
                                    <div class="summary-row">
                                        <dt>{mixed(lang, label.clone())}</dt>
                                        <dd>
                                            <span class="summary-value">{mixed(lang, hitotsu::ruby::user(&value))}</span>
                                            {origin.map(|o| view! { <span class="provenance">{mixed(lang, o)}</span> })}
                                            <span class="used-by">{mixed(lang, used_by(lang, &procedures))}</span>
                                        </dd>
                                        <dd class="summary-action">
                                            <a class="action-link" href=change>
                                                {mixed(lang, t(lang, Msg::Change))}<span class="visually-hidden">{mixed(lang, format!(" {label}"))}</span>
                                            </a>
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
                Some(groups)
            })
        }
    };
    view! {
        <div class="page page-wide">
            <BackLink href=routes::plan(&case.id)/>
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::CheckTitle).to_string())/>
            <p>{tr(Msg::CheckIntro)}</p>
            {(!complete).then(|| view! {
                <div class="notice"><p>{tr(Msg::MissingFacts)}</p>
                <p><a class="action-link" href=missing_href.clone()>{tr(Msg::Continue)}</a></p></div>
            })}
            {body}
            <OpenFacts/>
            {complete.then(|| view! {
                <p><a class="button" href=routes::send(&case.id)>{tr(Msg::Continue)}</a></p>
            })}
        </div>
    }
}

/// What the citizen left open (「まだ分からない」), each with a link to the page that asks it.
#[component]
fn OpenFacts() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let open: Vec<(String, String)> = store.with_untracked(|s| {
        let Some(scope) = s.scope(&catalog, &case.id, today) else {
            return Vec::new();
        };
        hitotsu::onestop::needs(&scope)
            .into_iter()
            .filter(|n| n.open)
            .filter_map(|n| match n.gap {
                hitotsu::resolve::Gap::Fact(a) => Some((a.field, a.key.owner)),
                _ => None,
            })
            .collect()
    });
    (!open.is_empty()).then(|| {
        let items = open
            .into_iter()
            .map(|(field, owner)| {
                let label = {
                    let catalog = catalog.clone();
                    move || catalog.field_label(&field, lang.get())
                };
                let href = routes::details(&case.id, &owner);
                let hidden = label.clone();
                view! {
                    <li>{move || mixed(lang.get(), label())}" "
                        <a href=href>{tr(Msg::Change)}<span class="visually-hidden">{move || mixed(lang.get(), format!(" {}", hidden()))}</span></a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>{tr(Msg::OpenFactsTitle)}</h2>
            <p>{tr(Msg::OpenFactsIntro)}</p>
            <ul class="open-facts">{items}</ul>
        }
    })
}
