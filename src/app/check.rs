//! "Check your answers": every fact the case uses, once, with where it came from, which
//! procedures use it and a change link; and the page that changes one fact everywhere.

use super::{case_and_event, catalog, use_ctx, NotFound};
use crate::app::details::{next_href, subject_of, GROUPS};
use crate::app::facts::{display_value, field_label, provenance_text, subject_heading, FactEditor};
use crate::app::layout::PageHeading;
use hitotsu::onestop::needs;
use hitotsu::state::{CHECK_STEP, RECEIPTS_STEP};
use hitotsu::ui_text::Msg;
use hitotsu::vault::fact_key;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CheckPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let case_id = params.with(|p| p.get("case").unwrap_or_default());
        view! { <CheckView case_id/> }
    }
}

#[component]
fn CheckView(case_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let catalog = catalog();
    let Some((case, event)) = case_and_event(&case_id) else { return view! { <NotFound/> }.into_any() };
    if case.step != CHECK_STEP && case.step != RECEIPTS_STEP {
        ctx.state.update(|s| {
            if let Some(c) = s.case_mut(&case_id) {
                c.step = CHECK_STEP.into();
            }
        });
    }
    let all = needs(&catalog, &event, &case.answers, &case.id, &case.roles, &case.done);
    let missing_href = ctx.state.with_untracked(|s| next_href(&catalog, &event, &case, &s.vault, None));
    let complete = missing_href.ends_with("/check");
    let title = Signal::derive(move || ctx.t(Msg::CheckTitle).to_string());
    let body = move || {
        let lang = ctx.lang();
        let vault = ctx.state.with_untracked(|s| s.vault.clone());
        GROUPS
            .iter()
            .filter(|g| all.iter().any(|n| subject_of(&catalog, n) == **g))
            .map(|g| {
                let rows = all
                    .iter()
                    .filter(|n| subject_of(&catalog, n) == *g)
                    .map(|n| {
                        let fact = vault.get(&n.key);
                        let value = fact.map_or(String::new(), |f| display_value(&catalog, &n.field, &f.value, lang));
                        let origin = fact.map(|f| provenance_text(&catalog, f, lang));
                        let used_by = n
                            .procedures
                            .iter()
                            .filter_map(|p| event.procedures.iter().find(|q| q.id == *p))
                            .map(|p| p.title.get(lang).to_string())
                            .collect::<Vec<_>>()
                            .join("、");
                        let label = field_label(&catalog, &n.field, lang);
                        view! {
                            <div class="summary-row">
                                <dt>{label.clone()}</dt>
                                <dd>
                                    <span class="summary-value">{value}</span>
                                    {origin.map(|o| view! { <span class="provenance">{o}</span> })}
                                    <span class="used-by">{format!("{}: {used_by}", hitotsu::ui_text::t(lang, Msg::UsedBy))}</span>
                                </dd>
                                <dd class="summary-action">
                                    <a class="action-link" href=format!("/case/{}/change/{}", case_id, n.field)>
                                        {hitotsu::ui_text::t(lang, Msg::Change)}
                                        <span class="visually-hidden">{format!(" {label}")}</span>
                                    </a>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <h2>{hitotsu::ui_text::t(lang, subject_heading(*g))}</h2>
                    <dl class="summary-list">{rows}</dl>
                }
            })
            .collect_view()
    };
    view! {
        <div class="page page-wide">
            <a class="back-link" href=format!("/case/{}/plan", case.id)>{move || ctx.t(Msg::Back)}</a>
            <PageHeading text=title/>
            <p>{move || ctx.t(Msg::CheckIntro)}</p>
            {(!complete).then(|| view! {
                <div class="notice"><p>{move || ctx.t(Msg::MissingFacts)}</p>
                <p><a class="action-link" href=missing_href.clone()>{move || ctx.t(Msg::Continue)}</a></p></div>
            })}
            {body}
            {complete.then(|| view! {
                <p><a class="button" href=format!("/case/{}/send", case.id)>{move || ctx.t(Msg::Continue)}</a></p>
            })}
        </div>
    }
    .into_any()
}

#[component]
pub fn ChangePage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let case_id = params.with(|p| p.get("case").unwrap_or_default());
        let field = params.with(|p| p.get("field").unwrap_or_default());
        view! { <ChangeForm case_id field/> }
    }
}

/// Changes one fact in the vault: every form of every case that uses it follows.
#[component]
fn ChangeForm(case_id: String, field: String) -> impl IntoView {
    let ctx = use_ctx();
    let catalog = catalog();
    let Some(case) = ctx.state.with_untracked(|s| s.case(&case_id).cloned()) else {
        return view! { <NotFound/> }.into_any();
    };
    let (Some(def), Some(key)) = (catalog.fields.fields.get(&field).cloned(), fact_key(&catalog, &field, &case.id, &case.roles))
    else {
        return view! { <NotFound/> }.into_any();
    };
    let back = format!("/case/{case_id}/check");
    view! { <FactEditor field def key case=case.id.clone() event=case.event draft_case=case.id back/> }.into_any()
}
