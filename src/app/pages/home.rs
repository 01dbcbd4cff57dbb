//! Home: the life events as large choices, and the events already going on.

use crate::app::components::layout::PageHeading;
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_catalog, use_catalog_signal, use_lang, use_store, use_today};
use crate::app::routes;
use crate::app::services::catalog::ensure_event;
use hitotsu::case::Step;
use hitotsu::ui_text::{case_line, t, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn HomePage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let catalog_now = use_catalog_signal();
    let catalog = use_catalog();
    let today = use_today();
    let navigate = use_navigate();
    // A tap on an event leads to its first question: that page's code comes while the
    // citizen reads.
    crate::app::lazy::prefetch(&["question_view"]);
    let choices = catalog
        .event_refs()
        .iter()
        .map(|event| {
            let navigate = navigate.clone();
            let (title, description, id) = (event.title.clone(), event.description.clone(), event.id.clone());
            let start = move |_| {
                // A device that holds someone's details asks whose they are first.
                if store.with_untracked(|s| s.whose().is_some()) {
                    navigate(&routes::start(&id), Default::default());
                    return;
                }
                let (id, navigate) = (id.clone(), navigate.clone());
                leptos::task::spawn_local(async move {
                    // The event's file, fetched now if this is its first use; a file that
                    // cannot be used is shown on the start page's error page.
                    if ensure_event(catalog_now, &id).await.is_err() {
                        navigate(&routes::start(&id), Default::default());
                        return;
                    }
                    let catalog = catalog_now.get_untracked();
                    let Some(event) = catalog.event(&id) else { return };
                    let mut case = String::new();
                    store.update(|s| case = s.open_case(event, today));
                    let step = store.with_untracked(|s| s.case(&case).map(|c| c.step.clone())).unwrap_or(Step::Plan);
                    navigate(&routes::step(&case, &step), Default::default());
                });
            };
            view! {
                <li>
                    <button type="button" class="event-choice" on:click=start>
                        <span class="event-title">{move || mixed(lang.get(), title.get(lang.get()))}</span>
                        <span class="event-description">{move || mixed(lang.get(), description.get(lang.get()))}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    // Each case once: its title, when it started and where it stands.
    let cases = {
        Memo::new(move |_| {
            let catalog = catalog_now.get();
            store.with(|s| {
                s.cases
                    .iter()
                    .rev()
                    .map(|c| {
                        (
                            c.id.clone(),
                            c.event.clone(),
                            c.started,
                            c.step.clone(),
                            s.finished(&catalog, &c.id, today),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let open_cases = move || {
        let lang = lang.get();
        let list = cases.get();
        if list.is_empty() {
            return view! { <p>{mixed(lang, t(lang, Msg::NoOpenEvents))}</p> }.into_any();
        }
        view! {
            <ul class="case-list">
                {list.into_iter().map(|(id, event, started, step, finished)| {
                    let title = catalog.event_title(&event, lang);
                    let status = t(lang, match (&step, finished) {
                        (_, true) => Msg::CaseFinished,
                        (Step::Question(_), _) => Msg::InProgress,
                        (Step::Receipts, _) => Msg::ReceiptsTitle,
                        _ => Msg::PlanReady,
                    });
                    view! {
                        <li>
                            <a href=routes::step(&id, &step)>{mixed(lang, title)}</a>
                            <span class="case-meta">{mixed(lang, case_line(lang, started, status))}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="page">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::HomeTitle).to_string())/>
            <p class="lead">{tr(Msg::HomeIntro)}</p>
            <ul class="event-choices">{choices}</ul>
            <section aria-labelledby="open-cases">
                <h2 id="open-cases">{tr(Msg::OpenEventsTitle)}</h2>
                {open_cases}
            </section>
        </div>
    }
}
