//! One-stop detail pages: every fact the case's procedures need and the vault lacks,
//! asked once, a page per person (the child, you, the household, this event).

use super::{case_and_event, catalog, use_ctx, NotFound};
use crate::app::facts::{focus_target, subject_heading, FactInput};
use crate::app::layout::{ErrorSummary, PageHeading};
use hitotsu::catalog::{Catalog, Event, Subject};
use hitotsu::fields::{check_field, FieldError};
use hitotsu::onestop::{missing, needs, Need};
use hitotsu::state::{Case, PLAN_STEP};
use hitotsu::ui_text::Msg;
use hitotsu::vault::{How, Provenance, Vault};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use std::collections::BTreeMap;

pub const GROUPS: [Subject; 5] = [Subject::Child, Subject::Deceased, Subject::Me, Subject::Household, Subject::Case];

pub fn group_code(s: Subject) -> &'static str {
    match s {
        Subject::Child => "child",
        Subject::Deceased => "deceased",
        Subject::Me => "me",
        Subject::Household => "household",
        Subject::Case => "case",
    }
}

fn group_from(code: &str) -> Option<Subject> {
    GROUPS.into_iter().find(|g| group_code(*g) == code)
}

/// The facts of a case still missing from the vault, after taking what the answers give.
pub fn missing_needs(catalog: &Catalog, event: &Event, case: &Case, vault: &Vault) -> Vec<Need> {
    let all = needs(catalog, event, &case.answers, &case.id, &case.roles, &case.done);
    missing(&all, vault).into_iter().cloned().collect()
}

pub fn subject_of(catalog: &Catalog, need: &Need) -> Subject {
    catalog.fields.fields[&need.field].subject
}

/// Where the one-stop flow goes after `after` (None: from the start): the next group with
/// missing facts, or the check page.
pub fn next_href(catalog: &Catalog, event: &Event, case: &Case, vault: &Vault, after: Option<Subject>) -> String {
    let todo = missing_needs(catalog, event, case, vault);
    let start = after.map_or(0, |a| GROUPS.iter().position(|g| *g == a).map_or(0, |p| p + 1));
    GROUPS[start..]
        .iter()
        .find(|g| todo.iter().any(|n| subject_of(catalog, n) == **g))
        .map_or(format!("/case/{}/check", case.id), |g| format!("/case/{}/details/{}", case.id, group_code(*g)))
}

#[component]
pub fn DetailsPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let case_id = params.with(|p| p.get("case").unwrap_or_default());
        let group = params.with(|p| p.get("group").unwrap_or_default());
        view! { <DetailsForm case_id group/> }
    }
}

fn draft_key(field: &str) -> String {
    format!("field:{field}")
}

#[component]
fn DetailsForm(case_id: String, group: String) -> impl IntoView {
    let ctx = use_ctx();
    let catalog = catalog();
    let (Some((case, event)), Some(subject)) = (case_and_event(&case_id), group_from(&group)) else {
        return view! { <NotFound/> }.into_any();
    };
    let todo: Vec<Need> = ctx
        .state
        .with_untracked(|s| missing_needs(&catalog, &event, &case, &s.vault))
        .into_iter()
        .filter(|n| subject_of(&catalog, n) == subject)
        .collect();
    // What the vault can propose (the household's members) is filled in to be confirmed.
    let suggestions: BTreeMap<String, String> = ctx.state.with_untracked(|s| {
        todo.iter()
            .filter_map(|n| catalog.fields.fields[&n.field].suggest.and_then(|g| s.vault.suggestion(g)).map(|v| (n.field.clone(), v)))
            .collect()
    });
    let values: BTreeMap<String, RwSignal<String>> = todo
        .iter()
        .map(|n| {
            let start = case.drafts.get(&draft_key(&n.field)).or_else(|| suggestions.get(&n.field)).cloned().unwrap_or_default();
            (n.field.clone(), RwSignal::new(start))
        })
        .collect();
    let errors = RwSignal::new(Vec::<(String, FieldError)>::new());
    let title = Signal::derive(move || ctx.t(subject_heading(subject)).to_string());
    let caption = {
        let t = event.title.clone();
        Signal::derive(move || t.get(ctx.lang()).to_string())
    };
    let navigate = use_navigate();
    let submit = {
        let (catalog, values, case_id, event) = (catalog.clone(), values.clone(), case_id.clone(), event.clone());
        let suggestions = suggestions.clone();
        let todo = todo.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut found = Vec::new();
            let mut accepted = Vec::new();
            for n in &todo {
                let def = &catalog.fields.fields[&n.field];
                match check_field(def, &values[&n.field].get_untracked()) {
                    Ok(v) => {
                        let how = if suggestions.get(&n.field) == Some(&v) { How::Confirmed } else { How::Typed };
                        accepted.push((n.key.clone(), v, how))
                    }
                    Err(e) => found.push((n.field.clone(), e)),
                }
            }
            if !found.is_empty() {
                errors.set(found);
                return;
            }
            let mut next = String::new();
            ctx.state.update(|s| {
                for (key, v, how) in accepted {
                    let given = Provenance { case: case_id.clone(), event: event.id.clone(), how, date: ctx.today.to_string() };
                    s.vault.set(&key, v, given);
                }
                if let Some(c) = s.case_mut(&case_id) {
                    c.drafts.retain(|k, _| !k.starts_with("field:"));
                    c.step = PLAN_STEP.into();
                }
                let case = s.case(&case_id).cloned().expect("case exists");
                next = next_href(&catalog, &event, &case, &s.vault, Some(subject));
            });
            navigate(&next, Default::default());
        }
    };
    let summary = {
        let catalog = catalog.clone();
        move || {
            let list = errors.get();
            (!list.is_empty()).then(|| {
                let items = list
                    .iter()
                    .map(|(f, e)| {
                        let def = &catalog.fields.fields[f];
                        (focus_target(f, def), e.message(ctx.lang(), def.label.get(ctx.lang())))
                    })
                    .collect::<Vec<_>>();
                view! { <ErrorSummary errors=items/> }
            })
        }
    };
    let inputs = todo
        .iter()
        .map(|n| {
            let def = catalog.fields.fields[&n.field].clone();
            let value = values[&n.field];
            let field = n.field.clone();
            let error = {
                let (field, label) = (field.clone(), def.label.clone());
                Signal::derive(move || {
                    errors.with(|es| es.iter().find(|(f, _)| *f == field).map(|(_, e)| e.message(ctx.lang(), label.get(ctx.lang()))))
                })
            };
            let case_id = case_id.clone();
            let on_change = Callback::new(move |v: String| {
                value.set(v.clone());
                ctx.state.update(|s| {
                    if let Some(c) = s.case_mut(&case_id) {
                        c.drafts.insert(draft_key(&field), v);
                    }
                });
            });
            view! { <FactInput field=n.field.clone() def value error on_change/> }
        })
        .collect_view();
    let has_error = Signal::derive(move || errors.with(|e| !e.is_empty()));
    view! {
        <div class="page">
            <a class="back-link" href=format!("/case/{case_id}/plan")>{move || ctx.t(Msg::Back)}</a>
            <form novalidate on:submit=submit>
                {summary}
                <PageHeading text=title caption=caption error=has_error/>
                {inputs}
                <button type="submit" class="button">{move || ctx.t(Msg::SaveAndContinue)}</button>
            </form>
        </div>
    }
    .into_any()
}
