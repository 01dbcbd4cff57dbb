//! `/case/:case/send`: one packet per recipient, exactly what each receives, consent per
//! recipient; then sent through the deployment's endpoint (with the outbox) or prepared
//! as a filled-in sheet for the counter. A packet that lacks something says exactly what
//! and links to the page that asks it.

use crate::app::components::form::{Checkbox, ErrorSummary};
use crate::app::components::layout::{BackLink, PageHeading};
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use crate::app::services::browser;
use crate::app::services::sender::use_sender;
use hitotsu::onestop::{packets, Packet};
use hitotsu::resolve::Gap;
use hitotsu::ui_text::{missing_line, t, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeSet;

#[component]
pub fn SendPage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let sender = use_sender();
    let online = sender.online();
    let all: Vec<Packet> = store
        .with_untracked(|s| s.scope(&catalog, &case.id, today).map(|sc| packets(&sc)))
        .unwrap_or_default();
    let consents = RwSignal::new(BTreeSet::<String>::new());
    let error = RwSignal::new(false);
    let navigate = use_navigate();
    let submit = {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let chosen = consents.get_untracked();
            if chosen.is_empty() {
                error.set(true);
                return;
            }
            let now = js_sys::Date::now();
            let send = online.get_untracked();
            store.update(|s| {
                // The packets as they are now, not as this page first drew them: another
                // tab may have sent one meanwhile, and it must not go out a second time.
                let now_open = s
                    .scope(&catalog, &case_id, today)
                    .map(|sc| packets(&sc))
                    .unwrap_or_default();
                for p in now_open
                    .iter()
                    .filter(|p| chosen.contains(&p.agency) && p.missing.is_empty())
                {
                    if send {
                        // A key of its own for every packet, kept for all its retries.
                        s.send(&catalog, &case_id, p, &browser::new_key(), now, today);
                    } else {
                        s.prepare(&case_id, p, today);
                    }
                }
            });
            sender.send_due();
            navigate(&routes::receipts(&case_id), Default::default());
        }
    };
    let nothing = all.is_empty();
    let first_box = all
        .iter()
        .find(|p| p.missing.is_empty())
        .map(|p| format!("consent-{}", p.agency))
        .unwrap_or_default();
    let cards = {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        let event = catalog
            .event(&case.event)
            .cloned()
            .expect("the case layout found it");
        let first = first_box.clone();
        move || {
            let lang = lang.get();
            all.iter()
                .map(|p| {
                    let agency = catalog.agency_name(&p.agency, lang);
                    let procs = p
                        .procedures
                        .iter()
                        .filter_map(|id| event.procedures.iter().find(|q| q.id == *id))
                        .map(|q| view! { <li>{mixed(lang, q.title.get(lang))}</li> })
                        .collect_view();
                    let facts = p
                        .facts()
                        .into_iter()
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(f, v)| view! { <dt>{mixed(lang, catalog.field_label(f, lang))}</dt><dd>{mixed(lang, hitotsu::ruby::user(&hitotsu::ui_text::display_value(&catalog, f, v, lang)))}</dd> })
                        .collect_view();
                    let docs = p.documents.iter().map(|d| view! { <li>{mixed(lang, catalog.document_name(d, lang))}</li> }).collect_view();
                    let box_id = format!("consent-{}", p.agency);
                    let heading_id = format!("packet-{}", p.agency);
                    let labelled = heading_id.clone();
                    let action = match gap_notice(&catalog, &case_id, lang, &agency, &p.missing, missing_line) {
                        Some(notice) => notice.into_any(),
                        None => {
                            let agency_id = p.agency.clone();
                            let checked = {
                                let agency_id = agency_id.clone();
                                Signal::derive(move || consents.with(|c| c.contains(&agency_id)))
                            };
                            let on_change = Callback::new(move |on: bool| {
                                consents.update(|c| {
                                    if on {
                                        c.insert(agency_id.clone());
                                    } else {
                                        c.remove(&agency_id);
                                    }
                                })
                            });
                            // The consent error stands beside the first box as well as in the summary.
                            let err = (box_id == first).then(|| Signal::derive(move || error.get().then(|| t(lang, Msg::ChooseRecipient).to_string())));
                            let label = view! {
                                {move || mixed(lang, t(lang, if online.get() { Msg::ConsentSend } else { Msg::ConsentPrepare }))}
                                <span class="visually-hidden">{mixed(lang, format!(": {agency}"))}</span>
                            };
                            match err {
                                Some(e) => view! { <Checkbox id=box_id checked on_change error=e>{label}</Checkbox> }.into_any(),
                                None => view! { <Checkbox id=box_id checked on_change>{label}</Checkbox> }.into_any(),
                            }
                        }
                    };
                    // Left open by the citizen: blank on its form, said here with where to add it.
                    let open = gap_notice(&catalog, &case_id, lang, &agency, &p.open, hitotsu::ui_text::open_line);
                    view! {
                        <section class="packet" aria-labelledby=labelled>
                            <h2 id=heading_id>{mixed(lang, catalog.agency_name(&p.agency, lang))}</h2>
                            <h3>{mixed(lang, t(lang, Msg::Procedures))}</h3>
                            <ul>{procs}</ul>
                            <h3>{mixed(lang, t(lang, Msg::WillReceive))}</h3>
                            <dl class="facts">{facts}</dl>
                            <h3>{mixed(lang, t(lang, Msg::Bring))}</h3>
                            <ul class="bring">{docs}</ul>
                            {open}
                            {action}
                        </section>
                    }
                })
                .collect_view()
        }
    };
    let summary = Signal::derive(move || {
        if error.get() {
            vec![(
                first_box.clone(),
                t(lang.get(), Msg::ChooseRecipient).to_string(),
            )]
        } else {
            vec![]
        }
    });
    let has_error = Signal::derive(move || error.get());
    view! {
        <div class="page page-wide">
            <BackLink href=routes::check(&case.id)/>
            <form novalidate on:submit=submit>
                <ErrorSummary errors=summary/>
                <PageHeading text=Signal::derive(move || t(lang.get(), Msg::SendTitle).to_string()) error=has_error/>
                <p>{move || mixed(lang.get(), t(lang.get(), if online.get() { Msg::SendIntroEndpoint } else { Msg::SendIntroCounter }))}</p>
                {nothing.then(|| view! { <p>{tr(Msg::NothingToSend)}</p> })}
                {cards}
                {(!nothing).then(|| view! {
                    <button type="submit" class="button">{move || mixed(lang.get(), t(lang.get(), if online.get() { Msg::SendButton } else { Msg::PrepareButton }))}</button>
                })}
            </form>
            <p><a class="action-link" href=routes::receipts(&case.id)>{tr(Msg::ReceiptsTitle)}</a></p>
        </div>
    }
}

/// What a packet lacks (or carries blank), said with a link to the page that asks it
/// first; None when nothing.
fn gap_notice(
    catalog: &hitotsu::catalog::Catalog,
    case_id: &str,
    lang: hitotsu::i18n::Lang,
    agency: &str,
    gaps: &[Gap],
    line: fn(hitotsu::i18n::Lang, &[String]) -> String,
) -> Option<impl IntoView> {
    let href = match gaps.first()? {
        Gap::Person(_) => routes::people(case_id),
        Gap::Fact(a) => routes::details(case_id, &a.key.owner),
    };
    let what: Vec<String> = gaps
        .iter()
        .map(|g| match g {
            Gap::Person(q) => hitotsu::ui_text::people_legend(lang, *q, "", None),
            Gap::Fact(a) => catalog.field_label(&a.field, lang),
        })
        .collect();
    Some(view! {
        <div class="notice">
            <p>{mixed(lang, line(lang, &what))}</p>
            <p><a class="action-link" href=href>{mixed(lang, t(lang, Msg::GiveMissing))}
                <span class="visually-hidden">{mixed(lang, format!(": {agency}"))}</span></a></p>
        </div>
    })
}
