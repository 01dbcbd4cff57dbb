//! `/case/:case/receipts`: where each packet stands. A sheet prepared for the counter is
//! not yet given to anyone: the citizen says when they have handed it over.

use crate::app::components::layout::{PageHeading, Status};
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use crate::app::services::sender::use_sender;
use hitotsu::case::PacketStatus;
use hitotsu::outbox::Delivery;
use hitotsu::ui_text::{format_date, handed_over_status, packet_status, t, Msg};
use leptos::prelude::*;

#[component]
pub fn ReceiptsPage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let sender = use_sender();
    {
        let id = case.id.clone();
        Effect::new(move |_| {
            if sender.online().get() {
                sender.refresh(&id);
            }
        });
    }
    let status = RwSignal::new(String::new());
    let event = catalog
        .event(&case.event)
        .cloned()
        .expect("the case layout found it");
    let case_id = case.id.clone();
    let records = Memo::new(move |_| {
        store.with(|s| {
            s.case(&case_id)
                .map(|c| c.packets.values().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let rows = {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        move || {
            let lang = lang.get();
            records
                .get()
                .into_iter()
                .map(|r| {
                    let name = catalog.agency_name(&r.agency, lang);
                    let state = store.with_untracked(|s| packet_status(lang, &r, &s.outbox));
                    let procs = r
                        .procedures
                        .iter()
                        .filter_map(|id| event.procedures.iter().find(|q| q.id == *id))
                        .map(|q| q.title.get(lang).to_string())
                        .collect::<Vec<_>>()
                        .join(hitotsu::ui_text::list_separator(lang));
                    let hand_over = (r.status == PacketStatus::Prepared).then(|| {
                        let (catalog, case_id, id, name) = (catalog.clone(), case_id.clone(), r.id.clone(), name.clone());
                        view! {
                            <button type="button" class="button button-secondary" on:click=move |_| {
                                store.update(|s| s.hand_over(&catalog, &case_id, &id, false, today));
                                status.set(handed_over_status(lang, &name));
                            }>{mixed(lang, t(lang, Msg::MarkHandedOver))}<span class="visually-hidden">{mixed(lang, format!(": {name}"))}</span></button>
                        }
                    });
                    view! {
                        <li class="receipt" data-agency=r.agency.clone()>
                            <h2>{mixed(lang, name.clone())}</h2>
                            <dl class="facts">
                                <dt>{mixed(lang, t(lang, Msg::Status))}</dt><dd class="receipt-status">{mixed(lang, state)}</dd>
                                {r.receipt.clone().map(|n| view! { <dt>{mixed(lang, t(lang, Msg::ReceiptNumber))}</dt><dd class="receipt-number">{n}</dd> })}
                                <dt>{mixed(lang, t(lang, Msg::Reference))}</dt><dd class="reference">{r.reference.clone()}</dd>
                                <dt>{mixed(lang, t(lang, Msg::Date))}</dt><dd>{format_date(r.date, lang)}</dd>
                                {r.handed_over.map(|d| view! { <dt>{mixed(lang, t(lang, Msg::HandedOverOn))}</dt><dd>{format_date(d, lang)}</dd> })}
                                <dt>{mixed(lang, t(lang, Msg::Procedures))}</dt><dd>{mixed(lang, procs)}</dd>
                            </dl>
                            {hand_over}
                            <p><a class="action-link" href=routes::sheet(&case_id, &r.id)>
                                {mixed(lang, t(lang, Msg::PrintableSheet))}<span class="visually-hidden">{mixed(lang, format!(": {name}"))}</span></a></p>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let case_id = case.id.clone();
    let waiting = Memo::new(move |_| {
        store.with(|s| {
            s.case(&case_id).is_some_and(|c| {
                c.packets.values().any(|r| {
                    matches!(
                        s.outbox.get(&r.id).map(|i| &i.delivery),
                        Some(Delivery::Waiting)
                    )
                })
            })
        })
    });
    let nothing = Memo::new(move |_| records.with(Vec::is_empty));
    view! {
        <div class="page page-wide">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::ReceiptsTitle).to_string())/>
            <Status text=status/>
            {move || nothing.get().then(|| view! { <p>{tr(Msg::NothingPrepared)}</p> })}
            <ul class="receipts">{rows}</ul>
            {move || waiting.get().then(|| view! {
                <button type="button" class="button button-secondary" on:click=move |_| sender.retry_now()>{tr(Msg::SendNow)}</button>
            })}
            <p><a class="action-link" href=routes::send(&case.id)>{tr(Msg::SendTitle)}</a></p>
            <p><a class="action-link" href=routes::shared()>{tr(Msg::SharedTitle)}</a></p>
            <p><a class="action-link" href=routes::plan(&case.id)>{tr(Msg::PlanTitle)}</a></p>
        </div>
    }
}
