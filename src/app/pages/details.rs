//! `/case/:case/details/:owner`: every fact the case's open procedures still lack about
//! one person (or the household, or this event), each asked once.

use crate::app::components::fact_input::{focus_target, FactInput};
use crate::app::components::form::{Checkbox, ErrorSummary};
use crate::app::components::layout::Keyed;
use crate::app::components::layout::{BackLink, PageHeading};
use crate::app::components::not_found::NotFound;
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use hitotsu::fields::{check_field, FieldError};
use hitotsu::onestop::{after_saving, needs, NextStep};
use hitotsu::resolve::{Ask, Gap};
use hitotsu::ui_text::{as_of_note, field_error, owner_heading, starts_note, t, Msg};
use hitotsu::vault::{How, HOUSEHOLD, ME};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeMap;

#[component]
pub fn DetailsPage() -> impl IntoView {
    let owner = routes::use_owner();
    let location = leptos_router::hooks::use_location();
    // The same person's page asked again after a save is a new page.
    let key = Signal::derive(move || format!("{}{}", owner.get(), location.search.get()));
    view! {
        <Keyed key=key children=std::sync::Arc::new(move |_| {
            view! { <DetailsForm owner=owner.get_untracked()/> }.into_any()
        })/>
    }
}

/// The id of the control that asks this, unique on the page.
fn control_id(ask: &Ask) -> String {
    ask.control_id()
}

fn draft_key(ask: &Ask) -> String {
    ask.draft_key()
}

/// What was typed before drafts named their owner (state of earlier releases): read once,
/// so nothing typed is lost to the change.
fn old_draft_key(ask: &Ask) -> String {
    format!("{}{}", hitotsu::resolve::DETAIL_DRAFT, ask.control_id())
}

#[component]
fn DetailsForm(owner: String) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let event = catalog
        .event(&case.event)
        .cloned()
        .expect("the case layout found it");
    let found = store.with_untracked(|s| {
        let scope = s.scope(&catalog, &case.id, today)?;
        let (asks, may_wait): (Vec<Ask>, Vec<bool>) = needs(&scope)
            .into_iter()
            .filter_map(|n| match n.gap {
                Gap::Fact(a) if a.key.owner == owner => Some((a, n.may_wait)),
                _ => None,
            })
            .unzip();
        let is_person = s.vault.person(&owner).is_some();
        if asks.is_empty() && !is_person && owner != HOUSEHOLD && owner != case.id {
            return None;
        }
        let role = s.role_of(&case.id, &owner);
        let name = is_person
            .then(|| s.vault.name_at(&owner, today).map(str::to_string))
            .flatten();
        let kin = (is_person && owner != ME).then(|| {
            (
                hitotsu::household::kin(&s.vault, &owner, ME),
                hitotsu::household::sex(&s.vault, &owner),
            )
        });
        let drafts = scope.case.drafts.clone();
        Some((asks, may_wait, role, name, kin, drafts, is_person))
    });
    let Some((asks, may_wait, role, name, kin, drafts, is_person)) = found else {
        return view! { <NotFound/> }.into_any();
    };
    let values: BTreeMap<String, RwSignal<String>> = asks
        .iter()
        .map(|a| {
            (
                control_id(a),
                RwSignal::new(
                    drafts
                        .get(&draft_key(a))
                        .or_else(|| drafts.get(&old_draft_key(a)))
                        .cloned()
                        .unwrap_or_default(),
                ),
            )
        })
        .collect();
    // 「まだ分からない」 on each fact a procedure can be filed without: ticked, it is left
    // open and the flow goes on.
    let open: BTreeMap<String, RwSignal<bool>> = asks
        .iter()
        .zip(&may_wait)
        .filter(|(_, may)| **may)
        .map(|(a, _)| {
            let left = store.with_untracked(|s| {
                s.case(&case.id)
                    .is_some_and(|c| c.open.contains(&a.open_key()))
            });
            (control_id(a), RwSignal::new(left))
        })
        .collect();
    let errors = RwSignal::new(Vec::<(String, FieldError)>::new());
    let title = {
        let owner = owner.clone();
        Signal::derive(move || {
            owner_heading(
                lang.get(),
                &owner,
                name.as_deref().map(hitotsu::ruby::user).as_deref(),
                role,
                kin,
                is_person,
            )
        })
    };
    let caption = {
        let t = event.title.clone();
        Signal::derive(move || t.get(lang.get()).to_string())
    };
    let label_of = {
        let catalog = catalog.clone();
        move |a: &Ask, lang| {
            if is_person {
                catalog.attribute_label(&a.key.attribute, &a.field, lang)
            } else {
                catalog.field_label(&a.field, lang)
            }
        }
    };
    let navigate = use_navigate();
    let location = leptos_router::hooks::use_location();
    let submit = {
        let (catalog, values, case_id, asks, owner, open) = (
            catalog.clone(),
            values.clone(),
            case.id.clone(),
            asks.clone(),
            owner.clone(),
            open.clone(),
        );
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut found = Vec::new();
            let mut accepted = Vec::new();
            let mut left = Vec::new();
            for a in &asks {
                if open.get(&control_id(a)).is_some_and(|o| o.get_untracked()) {
                    left.push(a.clone());
                    continue;
                }
                let def = &catalog.fields.fields[&a.field];
                match check_field(def, &values[&control_id(a)].get_untracked()) {
                    Ok(v) => accepted.push((a.clone(), v)),
                    Err(e) => found.push((control_id(a), e)),
                }
            }
            if !found.is_empty() {
                errors.set(found);
                return;
            }
            let mut next = routes::check(&case_id);
            store.update(|s| {
                for (a, v) in accepted {
                    s.give(&case_id, &a, v, How::Typed, today);
                }
                for a in &left {
                    s.leave_open(&case_id, a);
                }
                if let Some(c) = s.case_mut(&case_id) {
                    c.drafts.retain(|k, _| !k.starts_with("field:"));
                }
                if let Some(scope) = s.scope(&catalog, &case_id, today) {
                    next = match after_saving(&scope, &owner) {
                        // This page again, with what it now lacks: a new address, so that
                        // it is drawn afresh.
                        NextStep::Details(o) if o == owner => {
                            routes::details_again(&case_id, &o, &location.search.get_untracked())
                        }
                        step => routes::next(&case_id, step),
                    };
                }
            });
            navigate(&next, Default::default());
        }
    };
    let summary = {
        let (catalog, asks, label_of) = (catalog.clone(), asks.clone(), label_of.clone());
        Signal::derive(move || {
            let lang = lang.get();
            errors.with(|list| {
                list.iter()
                    .filter_map(|(id, e)| {
                        let a = asks.iter().find(|a| control_id(a) == *id)?;
                        let def = &catalog.fields.fields[&a.field];
                        Some((
                            focus_target(id, def),
                            field_error(lang, *e, &label_of(a, lang)),
                        ))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let inputs = asks
        .iter()
        .map(|a| {
            let def = catalog.fields.fields[&a.field].clone();
            let id = control_id(a);
            let value = values[&id];
            let label = {
                let (a, label_of) = (a.clone(), label_of.clone());
                Signal::derive(move || label_of(&a, lang.get()))
            };
            let error = {
                let (id, a, label_of) = (id.clone(), a.clone(), label_of.clone());
                Signal::derive(move || {
                    errors.with(|es| {
                        es.iter()
                            .find(|(f, _)| *f == id)
                            .map(|(_, e)| field_error(lang.get(), *e, &label_of(&a, lang.get())))
                    })
                })
            };
            // The day it holds, when that is not simply today's: from the moving day, or
            // the day before it.
            let note = match (&a.starts, &def.at) {
                (Some((d, _)), _) => {
                    let d = *d;
                    Some(Signal::derive(move || starts_note(lang.get(), d)))
                }
                (None, Some(_)) => {
                    let d = a.at;
                    Some(Signal::derive(move || as_of_note(lang.get(), d)))
                }
                _ => None,
            };
            let on_change = {
                let (case_id, key) = (case.id.clone(), draft_key(a));
                Callback::new(move |v: String| {
                    value.set(v.clone());
                    store.update(|s| {
                        if let Some(c) = s.case_mut(&case_id) {
                            c.drafts.insert(key.clone(), v);
                        }
                    });
                })
            };
            let own = a.key.owner == ME || a.key.owner == HOUSEHOLD;
            let attribute = a.key.attribute.clone();
            let unknown = open.get(&id).map(|&left| {
                view! {
                    <Checkbox id=format!("{id}-unknown") checked=left on_change=Callback::new(move |on| left.set(on))>
                        {move || mixed(lang.get(), t(lang.get(), Msg::NotKnownYet))}
                        <span class="visually-hidden">{move || mixed(lang.get(), format!(": {}", label.get()))}</span>
                    </Checkbox>
                }
            });
            let input = match note {
                Some(note) => {
                    view! { <FactInput id def attribute label note own value error on_change/> }
                        .into_any()
                }
                None => view! { <FactInput id def attribute label own value error on_change/> }
                    .into_any(),
            };
            view! { {input} {unknown} }.into_any()
        })
        .collect_view();
    let has_error = Signal::derive(move || errors.with(|e| !e.is_empty()));
    let none_left = asks.is_empty();
    // Back to the page before this one: the previous person's details, or "who is who".
    let back = store
        .with_untracked(|s| {
            let scope = s.scope(&catalog, &case.id, today)?;
            hitotsu::onestop::previous_step(&scope, &owner)
        })
        .map_or_else(
            || routes::plan(&case.id),
            |step| routes::next(&case.id, step),
        );
    view! {
        <div class="page">
            <BackLink href=back/>
            <form novalidate on:submit=submit>
                <ErrorSummary errors=summary/>
                <PageHeading text=title caption error=has_error/>
                {none_left.then(|| view! { <p>{move || mixed(lang.get(), t(lang.get(), Msg::NothingMissing))}</p> })}
                {inputs}
                <button type="submit" class="button">{tr(Msg::SaveAndContinue)}</button>
            </form>
        </div>
    }
    .into_any()
}
