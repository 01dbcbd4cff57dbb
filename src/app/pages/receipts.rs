//! `/case/:case/receipts`: where each packet stands. A sheet prepared for the counter is
//! not yet given to anyone: the citizen says on which day they handed it over (it may
//! have been days ago), confirms, and can take it back.

use crate::app::components::form::{DateInput, ErrorSummary, Label};
use crate::app::components::layout::{PageHeading, Status};
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use crate::app::services::browser;
use crate::app::services::sender::use_sender;
use hitotsu::case::PacketStatus;
use hitotsu::date_input::parse_date;
use hitotsu::outbox::Delivery;
use hitotsu::state::HandOverError;
use hitotsu::ui_text::{
    date_error, format_date, handed_over_before_prepared, handed_over_status, handed_over_when,
    not_handed_over_status, packet_status, t, Msg,
};
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
    // The packet whose hand-over day is being chosen.
    let choosing = RwSignal::new(None::<String>);
    // What is typed in the open form lives here, not in the form: the rows are drawn again
    // when a packet's status or the language changes, and the typed day must stay.
    let day = RwSignal::new(String::new());
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
                    let heading_id = format!("receipt-{}", r.id);
                    let hand_over = match r.status {
                        PacketStatus::Prepared if choosing.get().as_deref() == Some(r.id.as_str()) => {
                            view! { <HandOverForm packet=r.id.clone() agency=name.clone() heading=heading_id.clone() choosing day status/> }.into_any()
                        }
                        PacketStatus::Prepared => {
                            let id = r.id.clone();
                            view! {
                                <button type="button" class="button button-secondary" on:click=move |_| {
                                    day.set(today.to_string());
                                    choosing.set(Some(id.clone()));
                                }>
                                    {mixed(lang, t(lang, Msg::MarkHandedOver))}<span class="visually-hidden">{mixed(lang, format!(": {name}"))}</span></button>
                            }.into_any()
                        }
                        PacketStatus::HandedOver => {
                            let (catalog, case_id, id, name, heading) = (catalog.clone(), case_id.clone(), r.id.clone(), name.clone(), heading_id.clone());
                            view! {
                                <button type="button" class="button button-secondary" on:click=move |_| {
                                    store.update(|s| s.undo_hand_over(&catalog, &case_id, &id));
                                    status.set(not_handed_over_status(lang, &name));
                                    focus_after_redraw(heading.clone());
                                }>{mixed(lang, t(lang, Msg::NotHandedOverYet))}<span class="visually-hidden">{mixed(lang, format!(": {name}"))}</span></button>
                            }.into_any()
                        }
                        _ => ().into_any(),
                    };
                    view! {
                        <li class="receipt" data-agency=r.agency.clone()>
                            <h2 id=heading_id.clone() tabindex="-1">{mixed(lang, name.clone())}</h2>
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

/// The day a sheet was handed over: today unless the citizen says otherwise, never after
/// today nor before the sheet was made. Confirming records it; cancelling records nothing.
#[component]
fn HandOverForm(
    packet: String,
    agency: String,
    /// The row's heading, where focus goes back when the form closes.
    heading: String,
    choosing: RwSignal<Option<String>>,
    /// The day typed, kept by the page.
    day: RwSignal<String>,
    status: RwSignal<String>,
) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let problem = RwSignal::new(None::<Problem>);
    let message = move |lang| {
        problem.get().map(|p| match p {
            Problem::Date(e) => date_error(lang, e).to_string(),
            Problem::HandOver(HandOverError::BeforePrepared(d)) => {
                handed_over_before_prepared(lang, d)
            }
            Problem::HandOver(_) => t(lang, Msg::HandedOverInFuture).to_string(),
        })
    };
    let error = Signal::derive(move || message(lang.get()));
    let summary = Signal::derive(move || {
        message(lang.get())
            .map(|m| vec![("handed-day".to_string(), m)])
            .unwrap_or_default()
    });
    Effect::new(move |_| browser::focus_id("handed-day"));
    let close = {
        let heading = heading.clone();
        move || {
            choosing.set(None);
            focus_after_redraw(heading.clone());
        }
    };
    let submit = {
        let (agency, close, case) = (agency.clone(), close.clone(), case.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let checked = parse_date(&day.get_untracked())
                .map_err(Problem::Date)
                .and_then(|on| {
                    store
                        .with_untracked(|s| s.check_handed_over(&case.id, &packet, on, today))
                        .map(|()| on)
                        .map_err(Problem::HandOver)
                });
            match checked {
                Ok(on) => {
                    store.update(|s| s.hand_over(&catalog, &case.id, &packet, false, on));
                    status.set(handed_over_status(lang.get_untracked(), &agency));
                    close();
                }
                Err(p) => problem.set(Some(p)),
            }
        }
    };
    let label = Signal::derive(move || handed_over_when(lang.get(), &agency));
    view! {
        <form class="hand-over" novalidate on:submit=submit>
            <ErrorSummary errors=summary/>
            <DateInput id="handed-day" label=Label::Plain(label)
                error value=day on_input=Callback::new(move |v| day.set(v))/>
            <div class="button-group">
                <button type="submit" class="button">{move || mixed(lang.get(), t(lang.get(), Msg::ConfirmHandedOver))}</button>
                <button type="button" class="button button-secondary" on:click=move |_| close()>{move || mixed(lang.get(), t(lang.get(), Msg::Cancel))}</button>
            </div>
        </form>
    }
}

#[derive(Clone, Copy)]
enum Problem {
    Date(hitotsu::date_input::DateError),
    HandOver(HandOverError),
}

/// Focus on an element of a row once the rows are drawn again (the row that had focus is
/// replaced, so focusing it now would lose focus to the page).
fn focus_after_redraw(id: String) {
    request_animation_frame(move || browser::focus_id(&id));
}
