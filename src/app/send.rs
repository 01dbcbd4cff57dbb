//! The send step: one packet per recipient, consent per recipient, then either sending
//! through the deployment's endpoint (with an outbox) or a filled-in sheet per recipient
//! for the counter; receipts and printable sheets.

use super::{browser, case_and_event, catalog, use_ctx, Ctx, NotFound};
use crate::app::facts::{display_value, field_label};
use crate::app::layout::{ErrorSummary, PageHeading};
use hitotsu::catalog::{Catalog, Event};
use hitotsu::onestop::{packets, Packet};
use hitotsu::outbox::{classify, Attempt, Delivery};
use hitotsu::state::{Case, PacketRecord, PacketStatus};
use hitotsu::ui_text::{t, Msg};
use hitotsu::vault::fact_key;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use std::collections::BTreeSet;

fn case_packets(catalog: &Catalog, event: &Event, case: &Case, ctx: Ctx) -> Vec<Packet> {
    ctx.state.with_untracked(|s| packets(catalog, event, &case.answers, &case.id, &case.roles, &s.vault, &case.done))
}

#[component]
pub fn SendPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let case_id = params.with(|p| p.get("case").unwrap_or_default());
        view! { <SendView case_id/> }
    }
}

#[component]
fn SendView(case_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let catalog = catalog();
    let Some((case, event)) = case_and_event(&case_id) else { return view! { <NotFound/> }.into_any() };
    // Packets already sent or prepared are not offered again.
    let all: Vec<Packet> =
        case_packets(&catalog, &event, &case, ctx).into_iter().filter(|p| !case.packets.contains_key(&p.agency)).collect();
    let online = ctx.endpoint.get_untracked().is_some();
    let consents = RwSignal::new(BTreeSet::<String>::new());
    let error = RwSignal::new(false);
    let navigate = use_navigate();
    let submit = {
        let (all, catalog, case) = (all.clone(), catalog.clone(), case.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let chosen = consents.get_untracked();
            if chosen.is_empty() {
                error.set(true);
                return;
            }
            let today = ctx.today.to_string();
            let now = js_sys::Date::now();
            ctx.state.update(|s| {
                for p in all.iter().filter(|p| chosen.contains(&p.agency) && p.missing.is_empty()) {
                    // A key of its own for every packet, kept for all its retries.
                    let key = online.then(|| format!("{}-{}-{}", case.id, p.agency, (js_sys::Math::random() * 1e12) as u64));
                    s.hand_over(&catalog, &case.id, p, &today, key.as_deref().map(|k| (k, now)));
                }
            });
            send_due(ctx);
            navigate(&format!("/case/{}/receipts", case.id), Default::default());
        }
    };
    let title = Signal::derive(move || ctx.t(Msg::SendTitle).to_string());
    let first_box = all.iter().find(|p| p.missing.is_empty()).map(|p| format!("consent-{}", p.agency)).unwrap_or_default();
    let cards = {
        let catalog = catalog.clone();
        move || {
            let lang = ctx.lang();
            all.iter()
                .map(|p| {
                    let agency = catalog.index.agencies.get(&p.agency).map_or(p.agency.clone(), |a| a.name.get(lang).to_string());
                    let procs = p
                        .procedures
                        .iter()
                        .filter_map(|id| event.procedures.iter().find(|q| q.id == *id))
                        .map(|q| view! { <li>{q.title.get(lang).to_string()}</li> })
                        .collect_view();
                    let facts = p
                        .facts
                        .iter()
                        .map(|(f, v)| view! { <dt>{field_label(&catalog, f, lang)}</dt><dd>{display_value(&catalog, f, v, lang)}</dd> })
                        .collect_view();
                    let docs = p
                        .documents
                        .iter()
                        .filter_map(|d| catalog.index.documents.get(d))
                        .map(|d| view! { <li>{d.get(lang).to_string()}</li> })
                        .collect_view();
                    let box_id = format!("consent-{}", p.agency);
                    let agency_id = p.agency.clone();
                    let blocked = !p.missing.is_empty();
                    let heading_id = format!("packet-{}", p.agency);
                    let labelled = heading_id.clone();
                    view! {
                        <section class="packet" aria-labelledby=labelled>
                            <h2 id=heading_id>{agency.clone()}</h2>
                            <h3>{t(lang, Msg::Procedures)}</h3>
                            <ul>{procs}</ul>
                            <h3>{t(lang, Msg::WillReceive)}</h3>
                            <dl class="facts">{facts}</dl>
                            <h3>{t(lang, Msg::Bring)}</h3>
                            <ul class="bring">{docs}</ul>
                            {if blocked {
                                view! { <p class="notice"><a class="action-link" href=format!("/case/{}/check", case_id)>{t(lang, Msg::MissingFacts)}</a></p> }.into_any()
                            } else {
                                view! {
                                    <div class="checkbox">
                                        <input type="checkbox" id=box_id.clone()
                                            prop:checked=move || consents.with(|c| c.contains(&agency_id))
                                            on:change={
                                                let agency_id = p.agency.clone();
                                                move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    consents.update(|c| { if on { c.insert(agency_id.clone()); } else { c.remove(&agency_id); } });
                                                }
                                            }/>
                                        <label for=box_id>{t(lang, if online { Msg::ConsentSend } else { Msg::ConsentPrepare })}
                                            <span class="visually-hidden">{format!(": {agency}")}</span></label>
                                    </div>
                                }.into_any()
                            }}
                        </section>
                    }
                })
                .collect_view()
        }
    };
    let has_error = Signal::derive(move || error.get());
    view! {
        <div class="page page-wide">
            <a class="back-link" href=format!("/case/{}/check", case.id)>{move || ctx.t(Msg::Back)}</a>
            <form novalidate on:submit=submit>
                {move || error.get().then(|| view! { <ErrorSummary errors=vec![(first_box.clone(), ctx.t(Msg::ChooseRecipient).to_string())]/> })}
                <PageHeading text=title error=has_error/>
                <p>{move || ctx.t(if online { Msg::SendIntroEndpoint } else { Msg::SendIntroCounter })}</p>
                {cards}
                <button type="submit" class="button">{move || ctx.t(if online { Msg::SendButton } else { Msg::PrepareButton })}</button>
            </form>
            <p><a class="action-link" href=format!("/case/{}/receipts", case.id)>{move || ctx.t(Msg::ReceiptsTitle)}</a></p>
        </div>
    }
    .into_any()
}

/// Sends every packet that is due, records what happened, and comes back when the next
/// one is due. Each packet is in flight at most once at a time.
pub fn send_due(ctx: Ctx) {
    let Some(endpoint) = ctx.endpoint.get_untracked() else { return };
    let now = js_sys::Date::now();
    let due = ctx.state.with_untracked(|s| s.outbox.due(now));
    for item in due {
        if !ctx.in_flight.try_update_value(|f| f.insert(item.id.clone())).unwrap_or(false) {
            continue;
        }
        let endpoint = endpoint.clone();
        leptos::task::spawn_local(async move {
            let attempt = browser::post_json(&endpoint, &item.idempotency_key, &item.body).await;
            let (attempt, status) = match attempt {
                Ok((code, body)) => match classify(code) {
                    Some(true) => {
                        let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                        let receipt = v["receipt"].as_str().unwrap_or(&item.idempotency_key).to_string();
                        (Attempt::Accepted { receipt }, Some(status_from(v["status"].as_str()).unwrap_or(PacketStatus::Sent)))
                    }
                    Some(false) => (Attempt::Refused { status: code, message: body.chars().take(200).collect() }, None),
                    None => (Attempt::Failed, None),
                },
                Err(_) => (Attempt::Failed, None),
            };
            ctx.state.update(|s| {
                if let Attempt::Accepted { receipt } = &attempt {
                    for c in s.cases.iter_mut() {
                        if let Some(r) = c.packets.values_mut().find(|r| r.id == item.id) {
                            r.receipt = receipt.clone();
                            r.status = status.unwrap_or(PacketStatus::Sent);
                        }
                    }
                }
                s.outbox.record(&item.id, attempt, js_sys::Date::now());
            });
            ctx.in_flight.update_value(|f| {
                f.remove(&item.id);
            });
            schedule_next(ctx);
        });
    }
    schedule_next(ctx);
}

fn status_from(s: Option<&str>) -> Option<PacketStatus> {
    match s? {
        "received" => Some(PacketStatus::Received),
        "needs_action" => Some(PacketStatus::NeedsAction),
        "done" => Some(PacketStatus::Done),
        "sent" => Some(PacketStatus::Sent),
        _ => None,
    }
}

/// Asks the endpoint how each delivered packet of a case is getting on
/// (GET {endpoint}/{idempotency key}) and records any change.
pub fn refresh_status(ctx: Ctx, case_id: String) {
    let Some(endpoint) = ctx.endpoint.get_untracked() else { return };
    let delivered: Vec<(String, String)> = ctx.state.with_untracked(|s| {
        let ids: Vec<String> = s.case(&case_id).map(|c| c.packets.values().map(|r| r.id.clone()).collect()).unwrap_or_default();
        s.outbox
            .items
            .iter()
            .filter(|i| ids.contains(&i.id) && matches!(i.delivery, Delivery::Delivered { .. }))
            .map(|i| (i.id.clone(), i.idempotency_key.clone()))
            .collect()
    });
    for (id, key) in delivered {
        let url = format!("{}/{}", endpoint.trim_end_matches('/'), key);
        leptos::task::spawn_local(async move {
            let Ok(text) = browser::get_text(&url).await else { return };
            let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            let Some(status) = status_from(v["status"].as_str()) else { return };
            ctx.state.update(|s| {
                for c in s.cases.iter_mut() {
                    if let Some(r) = c.packets.values_mut().find(|r| r.id == id) {
                        r.status = status;
                    }
                }
            });
        });
    }
}

/// Sets a timer for the next waiting packet unless one is already set for that time or
/// earlier, so failures do not pile timers up.
fn schedule_next(ctx: Ctx) {
    let Some(next) = ctx.state.with_untracked(|s| s.outbox.next_due()) else { return };
    if ctx.retry_timer.get_value().is_some_and(|at| at <= next) {
        return;
    }
    ctx.retry_timer.set_value(Some(next));
    let wait = (next - js_sys::Date::now()).max(250.0);
    set_timeout(
        move || {
            if ctx.retry_timer.get_value() == Some(next) {
                ctx.retry_timer.set_value(None);
            }
            send_due(ctx);
        },
        std::time::Duration::from_millis(wait as u64),
    );
}

/// Where a packet stands, in words: waiting in the outbox, refused, or its status.
pub fn status_text(lang: hitotsu::i18n::Lang, record: &PacketRecord, outbox: &hitotsu::outbox::Outbox) -> String {
    match (outbox.get(&record.id).map(|i| &i.delivery), record.status) {
        (Some(Delivery::Waiting), _) => t(lang, Msg::StatusWaiting).to_string(),
        (Some(Delivery::Refused { message, .. }), _) => format!("{} ({message})", t(lang, Msg::StatusRefused)),
        (_, PacketStatus::Prepared) => t(lang, Msg::StatusPrepared).to_string(),
        (_, PacketStatus::Sent) => t(lang, Msg::StatusSent).to_string(),
        (_, PacketStatus::Received) => t(lang, Msg::StatusReceived).to_string(),
        (_, PacketStatus::NeedsAction) => t(lang, Msg::StatusNeedsAction).to_string(),
        (_, PacketStatus::Done) => t(lang, Msg::StatusDone).to_string(),
    }
}

#[component]
pub fn ReceiptsPage() -> impl IntoView {
    let params = use_params_map();
    let ctx = use_ctx();
    refresh_status(ctx, params.with_untracked(|p| p.get("case").unwrap_or_default()));
    move || {
        let case_id = params.with(|p| p.get("case").unwrap_or_default());
        let catalog = catalog();
        let Some(case) = ctx.state.with(|s| s.case(&case_id).cloned()) else {
            return view! { <NotFound/> }.into_any();
        };
        let Some(event) = catalog.event(&case.event).cloned() else { return view! { <NotFound/> }.into_any() };
        let lang = ctx.lang();
        let outbox = ctx.state.with(|s| s.outbox.clone());
        let rows = case
            .packets
            .iter()
            .map(|(agency, r)| {
                let name = catalog.index.agencies.get(agency).map_or(agency.clone(), |a| a.name.get(lang).to_string());
                let status = status_text(lang, r, &outbox);
                let procs = r
                    .procedures
                    .iter()
                    .filter_map(|id| event.procedures.iter().find(|q| q.id == *id))
                    .map(|q| q.title.get(lang).to_string())
                    .collect::<Vec<_>>()
                    .join("、");
                view! {
                    <li class="receipt" data-agency=agency.clone()>
                        <h2>{name.clone()}</h2>
                        <dl class="facts">
                            <dt>{t(lang, Msg::Status)}</dt><dd class="receipt-status">{status}</dd>
                            <dt>{t(lang, Msg::ReceiptNumber)}</dt><dd class="receipt-number">{r.receipt.clone()}</dd>
                            <dt>{t(lang, Msg::Date)}</dt><dd>{r.date.clone()}</dd>
                            <dt>{t(lang, Msg::Procedures)}</dt><dd>{procs}</dd>
                        </dl>
                        <p><a class="action-link" href=format!("/case/{}/sheet/{}", case.id, agency)>
                            {t(lang, Msg::PrintableSheet)}<span class="visually-hidden">{format!(": {name}")}</span></a></p>
                    </li>
                }
            })
            .collect_view();
        let waiting = case.packets.values().any(|r| matches!(outbox.get(&r.id).map(|i| &i.delivery), Some(Delivery::Waiting)));
        let retry = move |_| {
            let now = js_sys::Date::now();
            ctx.state.update(|s| s.outbox.retry_now(now));
            send_due(ctx);
        };
        view! {
            <div class="page page-wide">
                <PageHeading text=Signal::derive(move || ctx.t(Msg::ReceiptsTitle).to_string())/>
                <ul class="receipts">{rows}</ul>
                {waiting.then(|| view! { <button type="button" class="button button-secondary" on:click=retry>{t(lang, Msg::SendNow)}</button> })}
                <p><a class="action-link" href="/shared">{t(lang, Msg::SharedTitle)}</a></p>
                <p><a class="action-link" href=format!("/case/{}/plan", case.id)>{t(lang, Msg::PlanTitle)}</a></p>
            </div>
        }
        .into_any()
    }
}

/// A filled-in sheet for one recipient: every field with its value, ready to show or print.
#[component]
pub fn SheetPage() -> impl IntoView {
    let params = use_params_map();
    let ctx = use_ctx();
    move || {
        let case_id = params.with(|p| p.get("case").unwrap_or_default());
        let agency = params.with(|p| p.get("agency").unwrap_or_default());
        let catalog = catalog();
        let Some(((case, event), record)) =
            case_and_event(&case_id).and_then(|(c, e)| c.packets.get(&agency).cloned().map(|r| ((c, e), r)))
        else {
            return view! { <NotFound/> }.into_any();
        };
        let lang = ctx.lang();
        let vault = ctx.state.with_untracked(|s| s.vault.clone());
        let name = catalog.index.agencies.get(&agency).map_or(agency.clone(), |a| a.name.get(lang).to_string());
        let sections = record
            .procedures
            .iter()
            .filter_map(|id| event.procedures.iter().find(|q| q.id == *id))
            .map(|p| {
                let rows = p
                    .fields
                    .iter()
                    .map(|f| {
                        let value = fact_key(&catalog, f, &case.id, &case.roles)
                            .and_then(|k| vault.get(&k))
                            .map_or(String::new(), |fact| display_value(&catalog, f, &fact.value, lang));
                        view! { <dt>{field_label(&catalog, f, lang)}</dt><dd>{value}</dd> }
                    })
                    .collect_view();
                view! {
                    <section class="sheet-form">
                        <h2>{p.title.get(lang).to_string()}</h2>
                        <dl class="facts">{rows}</dl>
                    </section>
                }
            })
            .collect_view();
        let docs = record
            .documents
            .iter()
            .filter_map(|d| catalog.index.documents.get(d))
            .map(|d| view! { <li>{d.get(lang).to_string()}</li> })
            .collect_view();
        view! {
            <div class="page page-wide sheet">
                <a class="back-link no-print" href=format!("/case/{}/receipts", case.id)>{t(lang, Msg::Back)}</a>
                <PageHeading text=Signal::derive(move || format!("{}: {}", ctx.t(Msg::SheetTitle), name))/>
                <p>{format!("{}: {} — {}", t(lang, Msg::ReceiptNumber), record.receipt, record.date)}</p>
                {sections}
                <h2>{t(lang, Msg::Bring)}</h2>
                <ul class="bring">{docs}</ul>
                <button type="button" class="button no-print" on:click=move |_| browser::print()>{t(lang, Msg::Print)}</button>
            </div>
        }
        .into_any()
    }
}
