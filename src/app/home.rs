//! Home: the life events as large choices, and the events already in progress.

use super::{catalog, use_ctx};
use crate::app::layout::PageHeading;
use hitotsu::questionnaire::first_unanswered;
use hitotsu::state::{CHECK_STEP, PLAN_STEP, RECEIPTS_STEP};
use hitotsu::ui_text::Msg;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Where a case resumes: its question, or the page after the questionnaire it reached.
pub fn step_href(case: &str, step: &str) -> String {
    match step {
        PLAN_STEP | CHECK_STEP | RECEIPTS_STEP => format!("/case/{case}/{step}"),
        question => format!("/case/{case}/q/{question}"),
    }
}

#[component]
pub fn Home() -> impl IntoView {
    let ctx = use_ctx();
    let catalog = catalog();
    let navigate = use_navigate();
    let events = catalog.events.clone();
    let choices = events
        .into_iter()
        .map(|event| {
            let navigate = navigate.clone();
            let (title, description) = (event.title.clone(), event.description.clone());
            let start = move |_| {
                let first = first_unanswered(&event, &Default::default()).map_or(PLAN_STEP.to_string(), |q| q.id.clone());
                let today = ctx.today.to_string();
                let mut id = String::new();
                ctx.state.update(|s| id = s.open_case(&event.id, &event.people, &first, &today));
                navigate(&step_href(&id, &first), Default::default());
            };
            view! {
                <li>
                    <button type="button" class="event-choice" on:click=start>
                        <span class="event-title">{move || title.get(ctx.lang()).to_string()}</span>
                        <span class="event-description">{move || description.get(ctx.lang()).to_string()}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let open_cases = move || {
        let lang = ctx.lang();
        let cases = ctx.state.with(|s| s.cases.clone());
        if cases.is_empty() {
            return view! { <p>{ctx.t(Msg::NoOpenEvents)}</p> }.into_any();
        }
        let catalog = super::catalog();
        view! {
            <ul class="case-list">
                {cases.into_iter().rev().map(|c| {
                    let title = catalog.event(&c.event).map_or(c.event.clone(), |e| e.title.get(lang).to_string());
                    let status = ctx.t(match c.step.as_str() {
                        PLAN_STEP | CHECK_STEP => Msg::PlanReady,
                        RECEIPTS_STEP => Msg::ReceiptsTitle,
                        _ => Msg::InProgress,
                    });
                    view! {
                        <li>
                            <a href=step_href(&c.id, &c.step)>{title}</a>
                            <span class="case-meta">{format!(" — {}: {} — {}", ctx.t(Msg::Started), c.started, status)}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="page">
            <PageHeading text=Signal::derive(move || ctx.t(Msg::HomeTitle).to_string())/>
            <p class="lead">{move || ctx.t(Msg::HomeIntro)}</p>
            <ul class="event-choices">{choices}</ul>
            <section aria-labelledby="open-cases">
                <h2 id="open-cases">{move || ctx.t(Msg::OpenEventsTitle)}</h2>
                {open_cases}
            </section>
        </div>
    }
}
