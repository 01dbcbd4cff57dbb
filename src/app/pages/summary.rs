//! `/case/:case/summary`: the sheet the citizen takes home from the counter (or prints at
//! home): what is done, and what is left — by when, where, and what to bring.

use crate::app::components::layout::{BackLink, PageHeading};
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use crate::app::services::browser;
use hitotsu::plan::{build, ItemState};
use hitotsu::ui_text::{days_left, due_line, format_date, item_state, t, Msg};
use leptos::prelude::*;

#[component]
pub fn SummaryPage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let title = Signal::derive(move || t(lang.get(), Msg::SummaryTitle).to_string());
    let body = {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        move || {
            let l = lang.get();
            store.with(|s| {
                let scope = s.scope(&catalog, &case_id, today)?;
                let plan = build(&scope, &catalog.closed_days());
                let (done, left) = plan.take_home();
                let meta = format!("{} — {}", scope.event.title.get(l), format_date(today, l));
                let done_list = done
                    .iter()
                    .map(|i| {
                        let state = match i.state {
                            ItemState::Provided(p) => item_state(l, None, Some(p)),
                            _ => item_state(l, None, None),
                        };
                        view! { <li>{mixed(l, format!("{}（{state}）", i.procedure.title.get(l)))}</li> }
                    })
                    .collect_view();
                let left_list = left
                    .iter()
                    .map(|i| {
                        let p = i.procedure;
                        let by = match (&i.due, i.days_left) {
                            (Some(d), Some(n)) => due_line(l, d.due, &days_left(l, n)),
                            _ => t(l, Msg::GroupNoFixed).to_string(),
                        };
                        let bring: Vec<String> = p.bring.iter().map(|d| catalog.document_name(d, l)).collect();
                        view! {
                            <li>
                                <h3>{mixed(l, p.title.get(l).to_string())}</h3>
                                <dl class="summary-facts">
                                    <div><dt>{tr(Msg::SummaryBy)}</dt><dd>{mixed(l, by)}</dd></div>
                                    <div><dt>{tr(Msg::SummaryWhere)}</dt><dd>{mixed(l, catalog.agency_name(&p.agency, l))}</dd></div>
                                    {(!bring.is_empty()).then(|| view! {
                                        <div><dt>{tr(Msg::SummaryBring)}</dt><dd>{mixed(l, bring.join(hitotsu::ui_text::list_separator(l)))}</dd></div>
                                    })}
                                </dl>
                            </li>
                        }
                    })
                    .collect_view();
                let nothing = || view! { <p>{tr(Msg::SummaryNothing)}</p> };
                Some(view! {
                    <p class="sheet-meta">{mixed(l, meta)}</p>
                    <h2>{tr(Msg::SummaryDone)}</h2>
                    {if done.is_empty() { nothing().into_any() } else { view! { <ul>{done_list}</ul> }.into_any() }}
                    <h2>{tr(Msg::SummaryLeft)}</h2>
                    {if left.is_empty() { nothing().into_any() } else { view! { <ol class="take-home-left">{left_list}</ol> }.into_any() }}
                })
            })
        }
    };
    view! {
        <div class="page take-home">
            <div class="no-print"><BackLink href=routes::plan(&case.id)/></div>
            <PageHeading text=title/>
            {body}
            <button type="button" class="button no-print" on:click=move |_| browser::print()>{tr(Msg::Print)}</button>
        </div>
    }
}
