//! Each heir's own last day on a procedure every heir files for themself (相続放棄:
//! 3 months from the day each learned that they inherit, 民法915条1項). The citizen's
//! counts from their answer; for another heir (a daughter abroad who heard weeks later)
//! the citizen enters the day that heir learned of it.

use crate::app::components::form::{DateInput, ErrorSummary, Label};
use crate::app::components::text::mixed;
use crate::app::context::{use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::services::browser;
use hitotsu::date_input::parse_date;
use hitotsu::household::{sex, Kin};
use hitotsu::state::LearnedError;
use hitotsu::ui_text::{
    date_error, heir_label, heir_learned_status, heir_learned_when, heir_own_due,
    learned_before_death, t, Msg,
};
use hitotsu::vault::ME;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct HeirLine {
    person: String,
    /// 「高橋 真理（子）」
    who: String,
    due: Option<hitotsu::Date>,
    learned: Option<hitotsu::Date>,
}

#[component]
pub fn HeirsOwnPeriods(procedure: String) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let status = RwSignal::new(String::new());
    // What was typed for each heir, kept here: the list is drawn again when the language
    // or a date changes, and a day half typed must not be lost with it.
    let typed = RwSignal::new(std::collections::BTreeMap::<String, String>::new());
    let heading = format!("heirs-own-{procedure}");
    let lines = {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        Memo::new(move |_| {
            let lang = lang.get();
            store.with(|s| {
                let Some(scope) = s.scope(&catalog, &case_id, today) else {
                    return Vec::new();
                };
                let Some(p) = scope.event.procedures.iter().find(|p| p.id == procedure) else {
                    return Vec::new();
                };
                hitotsu::plan::each_heirs_own(&scope, p, &catalog.closed_days())
                    .into_iter()
                    .map(|h| {
                        let name = s.vault.name_at(&h.person, today).map(hitotsu::ruby::user);
                        // Named as on the heirs' list: by their relation to the deceased.
                        let who = if h.person == ME {
                            t(lang, Msg::You).to_string()
                        } else {
                            let k = scope.kin_to_anchor(&h.person).unwrap_or(Kin::Other);
                            heir_label(lang, name.as_deref(), k, sex(&s.vault, &h.person), false)
                        };
                        HeirLine {
                            person: h.person,
                            who,
                            due: h.due.map(|d| d.due),
                            learned: h.learned,
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    // The live region stays while the list is drawn again, so the change is announced.
    let section = move || {
        let list = lines.get();
        (list.len() > 1).then(|| {
            let lang = lang.get();
            let rows = list
                .into_iter()
                .map(|line| {
                    let text = match (line.due, line.learned) {
                        (Some(due), Some(learned)) => heir_own_due(lang, &line.who, due, learned),
                        _ => format!("{}：{}", line.who, t(lang, Msg::HeirLearnedUnknown)),
                    };
                    let id = format!("heir-own-{}", line.person);
                    view! {
                        <li>
                            <p id=id.clone() tabindex="-1">{mixed(lang, text)}</p>
                            {(line.person != ME).then(|| view! {
                                <LearnedForm heir=line.person.clone() who=line.who.clone() line=id status typed/>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="heirs-own" aria-labelledby=heading.clone()>
                    <h4 id=heading.clone()>{mixed(lang, t(lang, Msg::HeirsOwnTitle))}</h4>
                    <ul class="heirs-own-list">{rows}</ul>
                </section>
            }
        })
    };
    view! {
        {section}
        <div class="visually-hidden" role="status" aria-live="polite">{move || status.get()}</div>
    }
}

/// The day one other heir learned of the death.
#[component]
fn LearnedForm(
    heir: String,
    who: String,
    /// The heir's line, where focus goes once the day is recorded.
    line: String,
    status: RwSignal<String>,
    typed: RwSignal<std::collections::BTreeMap<String, String>>,
) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let day = {
        let heir = heir.clone();
        Signal::derive(move || typed.with(|t| t.get(&heir).cloned().unwrap_or_default()))
    };
    let on_input = {
        let heir = heir.clone();
        Callback::new(move |v: String| {
            typed.update(|t| {
                t.insert(heir.clone(), v);
            })
        })
    };
    let problem = RwSignal::new(None::<Problem>);
    let control = format!("learned-{heir}");
    let message = move |lang| {
        problem.get().map(|p| match p {
            Problem::Date(e) => date_error(lang, e).to_string(),
            Problem::Learned(LearnedError::BeforeDeath(d)) => learned_before_death(lang, d),
            Problem::Learned(LearnedError::InTheFuture) => t(lang, Msg::DateInFuture).to_string(),
        })
    };
    let error = Signal::derive(move || message(lang.get()));
    let summary = {
        let control = control.clone();
        Signal::derive(move || {
            message(lang.get())
                .map(|m| vec![(control.clone(), m)])
                .unwrap_or_default()
        })
    };
    let submit = {
        let (heir, who) = (heir.clone(), who.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let result = parse_date(&day.get_untracked())
                .map_err(Problem::Date)
                .and_then(|on| {
                    store
                        .try_update(|s| s.set_learned(&catalog, &case.id, &heir, on, today))
                        .unwrap_or(Ok(()))
                        .map_err(Problem::Learned)
                });
            match result {
                Ok(()) => {
                    let due = store.with_untracked(|s| {
                        let scope = s.scope(&catalog, &case.id, today)?;
                        scope
                            .event
                            .procedures
                            .iter()
                            .filter(|p| p.each_heir)
                            .flat_map(|p| {
                                hitotsu::plan::each_heirs_own(&scope, p, &catalog.closed_days())
                            })
                            .find(|h| h.person == heir)
                            .and_then(|h| h.due.map(|d| d.due))
                    });
                    status.set(heir_learned_status(lang.get_untracked(), &who, due));
                    // The list is drawn again: focus the heir's new line, not the page.
                    let line = line.clone();
                    request_animation_frame(move || browser::focus_id(&line));
                }
                Err(p) => problem.set(Some(p)),
            }
        }
    };
    let who_again = who.clone();
    let label = Signal::derive(move || heir_learned_when(lang.get(), &who));
    view! {
        <form class="heir-learned" novalidate on:submit=submit>
            <ErrorSummary errors=summary/>
            <DateInput id=control label=Label::Plain(label)
                error value=day on_input/>
            <button type="submit" class="button button-secondary">
                {move || mixed(lang.get(), t(lang.get(), Msg::CountFromThisDay))}
                <span class="visually-hidden">{move || mixed(lang.get(), format!(": {who_again}"))}</span>
            </button>
        </form>
    }
}

#[derive(Clone, Copy)]
enum Problem {
    Date(hitotsu::date_input::DateError),
    Learned(LearnedError),
}
