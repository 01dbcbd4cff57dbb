//! The plan: every procedure that applies, grouped by when it is due, in the order it
//! must be done, with how the deadline was counted and where and how to do it.

use super::{case_and_event, catalog, use_ctx, NotFound};
use crate::app::home::step_href;
use crate::app::layout::PageHeading;
use hitotsu::catalog::{Catalog, Channel, Event};
use hitotsu::deadline::explain;
use hitotsu::i18n::{Lang, Text};
use hitotsu::plan::{build, Group, PlanItem};
use hitotsu::questionnaire::first_unanswered;
use hitotsu::state::{CHECK_STEP, PLAN_STEP, RECEIPTS_STEP};
use hitotsu::ui_text::{days_left, done_status, format_date, plan_summary, t, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

const GROUPS: [(Group, Msg); 6] = [
    (Group::Overdue, Msg::GroupOverdue),
    (Group::Week, Msg::GroupWeek),
    (Group::Month, Msg::GroupMonth),
    (Group::Later, Msg::GroupLater),
    (Group::NoFixed, Msg::GroupNoFixed),
    (Group::Done, Msg::GroupDone),
];

#[component]
pub fn PlanPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let case_id = params.with(|p| p.get("case").unwrap_or_default());
        view! { <PlanView case_id/> }
    }
}

#[component]
fn PlanView(case_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let catalog = catalog();
    let Some((case, event)) = case_and_event(&case_id) else { return view! { <NotFound/> }.into_any() };
    // Not every question answered yet (e.g. a bookmarked plan after a change): go on asking.
    if let Some(q) = first_unanswered(&event, &case.answers) {
        let href = step_href(&case_id, &q.id);
        return view! {
            <div class="page">
                <PageHeading text=Signal::derive(move || ctx.t(Msg::PlanTitle).to_string())/>
                <p><a class="action-link" href=href>{move || ctx.t(Msg::Continue)}</a></p>
            </div>
        }
        .into_any();
    }
    if !matches!(case.step.as_str(), PLAN_STEP | CHECK_STEP | RECEIPTS_STEP) {
        ctx.state.update(|s| {
            if let Some(c) = s.case_mut(&case_id) {
                c.step = PLAN_STEP.to_string();
            }
        });
    }
    let status = RwSignal::new(String::new());
    crate::app::send::refresh_status(ctx, case_id.clone());
    let title = {
        let event_title = event.title.clone();
        Signal::derive(move || format!("{}: {}", ctx.t(Msg::PlanTitle), event_title.get(ctx.lang())))
    };
    let first_question = event.questions[0].id.clone();
    let change_href = step_href(&case_id, &first_question);
    let forms_href = ctx.state.with_untracked(|s| crate::app::details::next_href(&catalog, &event, &case, &s.vault, None));
    let body = move || {
        let lang = ctx.lang();
        // Untracked: ticking a procedure must not rebuild the list under the citizen's
        // finger (focus would be lost); it moves to "Done" the next time the plan is shown.
        let (answers, done) = ctx
            .state
            .with_untracked(|s| s.case(&case_id).map(|c| (c.answers.clone(), c.done.clone())))
            .unwrap_or_default();
        let plan = build(&event, &answers, &done, ctx.today, &catalog.closed_days());
        // Only what applies now counts: a procedure ticked before an answer changed does not.
        let summary = plan_summary(lang, plan.items.len(), plan.items.iter().filter(|i| i.done).count());
        let groups = GROUPS
            .iter()
            .filter(|(g, _)| plan.group(*g).next().is_some())
            .map(|(g, msg)| {
                let heading_id = format!("group-{g:?}").to_lowercase();
                let labelled_by = heading_id.clone();
                let items = plan
                    .group(*g)
                    .map(|item| {
                        // Tracked on its own: the endpoint's answer updates just this line.
                        let sent = {
                            let (case_id, procedure) = (case_id.clone(), item.procedure.id.clone());
                            Signal::derive(move || {
                                ctx.state.with(|s| {
                                    let record = s.case(&case_id)?.packets.values().find(|r| r.procedures.contains(&procedure))?;
                                    Some(crate::app::send::status_text(lang, record, &s.outbox))
                                })
                            })
                        };
                        procedure_card(item, &event, &catalog, &case_id, status, sent, lang)
                    })
                    .collect_view();
                view! {
                    <section class="plan-group" aria-labelledby=labelled_by>
                        <h2 id=heading_id>{t(lang, *msg)}</h2>
                        <ol class="procedures">{items}</ol>
                    </section>
                }
            })
            .collect_view();
        view! {
            <p class="lead">{summary}</p>
            {groups}
        }
    };
    view! {
        <div class="page page-wide">
            <PageHeading text=title/>
            <p>{move || ctx.t(Msg::PlanIntro)}</p>
            <p><a class="action-link" href=change_href>{move || ctx.t(Msg::ChangeAnswers)}</a></p>
            <p><a class="button" href=forms_href>{move || ctx.t(Msg::FillForms)}</a></p>
            <div class="visually-hidden" role="status" aria-live="polite">{move || status.get()}</div>
            {body}
        </div>
    }
    .into_any()
}

fn channel_name(lang: Lang, c: Channel) -> &'static str {
    t(lang, match c {
        Channel::Online => Msg::ChannelOnline,
        Channel::Counter => Msg::ChannelCounter,
        Channel::Mail => Msg::ChannelMail,
    })
}

fn anchor_label<'a>(event: &'a Event, anchor: Option<&str>) -> Option<&'a Text> {
    let anchor = anchor?;
    event.questions.iter().find(|q| q.id == anchor)?.anchor_label.as_ref()
}

/// One procedure of the plan; `sent` is where its packet stands, once there is one.
fn procedure_card(
    item: &PlanItem,
    event: &Event,
    catalog: &Catalog,
    case_id: &str,
    status: RwSignal<String>,
    sent: Signal<Option<String>>,
    lang: Lang,
) -> impl IntoView {
    let ctx = use_ctx();
    let p = item.procedure;
    let id = p.id.clone();
    let title = p.title.get(lang).to_string();
    let checkbox_id = format!("done-{}", p.id);
    let due_line = match (&item.due, item.days_left) {
        (Some(due), Some(left)) if lang == Lang::En => Some(format!("{} ({})", format_date(due.due, lang), days_left(lang, left))),
        (Some(due), Some(left)) => Some(format!("{}（{}）", format_date(due.due, lang), days_left(lang, left))),
        _ => None,
    };
    let counted = match anchor_label(event, p.deadline.anchor()) {
        Some(label) if item.due.is_some() => explain(&p.deadline, item.due.as_ref(), label, lang),
        Some(label) => format!("{} {}", t(lang, Msg::AnchorUnknown), explain(&p.deadline, None, label, lang)),
        None => explain(&p.deadline, None, &p.title, lang),
    };
    let agency = catalog.index.agencies.get(&p.agency).map(|a| a.name.get(lang).to_string()).unwrap_or_default();
    let channels = p.channels.iter().map(|c| channel_name(lang, *c)).collect::<Vec<_>>().join(" / ");
    let bring = p
        .bring
        .iter()
        .filter_map(|d| catalog.index.documents.get(d))
        .map(|d| view! { <li>{d.get(lang).to_string()}</li> })
        .collect_view();
    let waits_for = (!item.waits_for.is_empty()).then(|| {
        let names = item.waits_for.iter().map(|w| w.title.get(lang).to_string()).collect::<Vec<_>>().join("、");
        view! { <p class="waits-for"><strong>{t(lang, Msg::WaitsFor)}": "</strong>{names}</p> }
    });
    let note = p.note.as_ref().map(|n| {
        view! { <p class="note"><strong>{t(lang, Msg::UnsureNote)}": "</strong>{n.get(lang).to_string()}</p> }
    });
    let done = RwSignal::new(item.done);
    let case_id = case_id.to_string();
    let toggle = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        done.set(checked);
        ctx.state.update(|s| {
            if let Some(c) = s.case_mut(&case_id) {
                if checked {
                    c.done.insert(id.clone());
                } else {
                    c.done.remove(&id);
                }
            }
        });
        status.set(done_status(ctx.lang(), &title, checked));
    };
    let heading_id = format!("proc-{}", p.id);
    let labelled_by = heading_id.clone();
    view! {
        <li class="procedure" class:procedure-done=done>
            <article aria-labelledby=labelled_by>
                <h3 id=heading_id>{p.title.get(lang).to_string()}</h3>
                <p>{p.description.get(lang).to_string()}</p>
                <dl class="facts">
                    <dt>{t(lang, Msg::Due)}</dt>
                    <dd class="due">{due_line.unwrap_or_else(|| t(lang, Msg::GroupNoFixed).to_string())}</dd>
                    <dt>{t(lang, Msg::HowCounted)}</dt>
                    <dd class="counted">{counted}</dd>
                    <dt>{t(lang, Msg::Where)}</dt>
                    <dd>{agency}</dd>
                    <dt>{t(lang, Msg::How)}</dt>
                    <dd>{channels}</dd>
                    {move || sent.get().map(|s| view! { <dt>{t(lang, Msg::Status)}</dt><dd class="packet-status">{s}</dd> })}
                </dl>
                {waits_for}
                <h4>{t(lang, Msg::Bring)}</h4>
                <ul class="bring">{bring}</ul>
                {note}
                <p class="legal">
                    <strong>{t(lang, Msg::LegalBasis)}": "</strong>{p.legal_basis.get(lang).to_string()}" "
                    <a href=p.source.clone() rel="noopener noreferrer">{t(lang, Msg::Source)}<span class="visually-hidden">{format!(" ({})", p.title.get(lang))}</span></a>
                </p>
                <div class="checkbox">
                    <input type="checkbox" id=checkbox_id.clone() prop:checked=done.get_untracked() on:change=toggle/>
                    <label for=checkbox_id>{t(lang, Msg::MarkDone)}<span class="visually-hidden">{format!(": {}", p.title.get(lang))}</span></label>
                </div>
            </article>
        </li>
    }
}
