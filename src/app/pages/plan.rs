//! `/case/:case/plan`: what to do first, trip by trip, then every procedure that applies,
//! grouped by when it is due, in the order it must be done.

use crate::app::components::calendar::CalendarButton;
use crate::app::components::layout::{PageHeading, Status};
use crate::app::components::procedure::{CardData, ProcedureCard};
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use crate::app::services::sender::use_sender;
use hitotsu::catalog::{Catalog, Channel, Event};
use hitotsu::household::{kin, sex};
use hitotsu::i18n::Lang;
use hitotsu::onestop::next_step;
use hitotsu::plan::{build, Group, ItemState, PlanItem};
use hitotsu::questionnaire::first_unanswered;
use hitotsu::resolve::CaseScope;
use hitotsu::ui_text::{
    counting, days_left, done_status, due_line, item_state, kin_word, packet_status, plan_summary,
    t, trip_line, who_files, Msg,
};
use hitotsu::vault::ME;
use leptos::prelude::*;

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
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let event = catalog
        .event(&case.event)
        .cloned()
        .expect("the case layout found it");
    // The endpoint's word on what was sent, asked once the page is shown.
    {
        let (sender, id) = (use_sender(), case.id.clone());
        Effect::new(move |_| {
            if sender.online().get() {
                sender.refresh(&id);
            }
        });
    }
    let status = RwSignal::new(String::new());
    let event_asides = event.nothing_to_file.clone();
    let calendar_case = case.id.clone();
    let handoff_href = routes::handoff(&case.id);
    let summary_href = routes::summary(&case.id);
    let title = {
        let event_title = event.title.clone();
        Signal::derive(move || {
            format!(
                "{}: {}",
                t(lang.get(), Msg::PlanTitle),
                event_title.get(lang.get())
            )
        })
    };
    // Not every question answered yet (a bookmarked plan after a change): go on asking.
    let unanswered = store.with_untracked(|s| {
        let scope = s.scope(&catalog, &case.id, today)?;
        first_unanswered(scope.event, &scope.answers()).map(|q| q.id.clone())
    });
    if let Some(q) = unanswered {
        let href = routes::question(&case.id, &q);
        return view! {
            <div class="page">
                <PageHeading text=title/>
                <p><a class="action-link" href=href>{tr(Msg::Continue)}</a></p>
            </div>
        }
        .into_any();
    }
    let change_href = routes::question(&case.id, &event.questions[0].id);
    let forms_href = {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        Memo::new(move |_| {
            store
                .with(|s| {
                    s.scope(&catalog, &case_id, today)
                        .map(|sc| routes::next(&case_id, next_step(&sc, None)))
                })
                .unwrap_or_default()
        })
    };
    let body = {
        let (catalog, case_id, event) = (catalog.clone(), case.id.clone(), event.clone());
        move || {
            let lang = lang.get();
            // Untracked: ticking a procedure must not rebuild the list under the citizen's
            // finger (focus would be lost); it moves to "Done" the next time the plan is shown.
            store.with_untracked(|s| {
                let scope = s.scope(&catalog, &case_id, today)?;
                let plan = build(&scope, &catalog.closed_days());
                let summary = plan_summary(lang, plan.items.len(), plan.settled_count());
                let first = plan.first_trips().map(|(group, trips)| {
                    let lines = trips
                        .iter()
                        .map(|trip| {
                            let procedures: Vec<String> = trip
                                .items
                                .iter()
                                .map(|i| i.procedure.title.get(lang).to_string())
                                .collect();
                            let bring: Vec<String> = trip
                                .bring
                                .iter()
                                .map(|d| catalog.document_name(d, lang))
                                .collect();
                            let line = trip_line(
                                lang,
                                &catalog.agency_name(trip.agency, lang),
                                &procedures,
                                &bring,
                                trip.due,
                            );
                            view! { <li>{mixed(lang, line)}</li> }
                        })
                        .collect_view();
                    let heading = t(
                        lang,
                        if group == Group::Overdue {
                            Msg::FirstOverdue
                        } else {
                            Msg::FirstThings
                        },
                    );
                    view! {
                        <section class="first-things" aria-labelledby="first-things">
                            <h2 id="first-things">{mixed(lang, heading)}</h2>
                            <ul class="trips">{lines}</ul>
                        </section>
                    }
                });
                let groups = GROUPS
                    .iter()
                    .filter(|(g, _)| plan.group(*g).next().is_some())
                    .map(|(g, msg)| {
                        let heading_id = format!("group-{g:?}").to_lowercase();
                        let labelled = heading_id.clone();
                        let items = plan
                            .group(*g)
                            .map(|item| {
                                let card = card_data(item, &scope, &event, &catalog, lang);
                                let sent = {
                                    let (case_id, procedure) =
                                        (case_id.clone(), item.procedure.id.clone());
                                    // Tracked on its own: the endpoint's answer updates just this line.
                                    Signal::derive(move || {
                                        store.with(|s| {
                                            let record = s.case(&case_id)?.packet_of(&procedure)?;
                                            record
                                                .status
                                                .provided()
                                                .then(|| packet_status(lang, record, &s.outbox))
                                        })
                                    })
                                };
                                let on_done = {
                                    let (catalog, case_id, id, title) = (
                                        catalog.clone(),
                                        case_id.clone(),
                                        item.procedure.id.clone(),
                                        card.title.clone(),
                                    );
                                    Callback::new(move |on: bool| {
                                        store.update(|s| {
                                            s.mark_done(&catalog, &case_id, &id, on, today)
                                        });
                                        status.set(done_status(lang, &title, on));
                                    })
                                };
                                view! { <ProcedureCard card status=sent on_done/> }
                            })
                            .collect_view();
                        view! {
                            <section class="plan-group" aria-labelledby=labelled>
                                <h2 id=heading_id>{mixed(lang, t(lang, *msg))}</h2>
                                <ol class="procedures">{items}</ol>
                            </section>
                        }
                    })
                    .collect_view();
                Some(view! {
                    <p class="lead">{mixed(lang, summary)}</p>
                    {first}
                    {groups}
                })
            })
        }
    };
    view! {
        <div class="page page-wide">
            <PageHeading text=title/>
            <p>{tr(Msg::PlanIntro)}</p>
            <p><a class="action-link" href=change_href>{tr(Msg::ChangeAnswers)}</a></p>
            <p><a class="button" href=move || forms_href.get()>{tr(Msg::FillForms)}</a></p>
            <Status text=status/>
            {body}
            <NothingToFileList items=event_asides/>
            <h2>{tr(Msg::CalendarExport)}</h2>
            <CalendarButton case=calendar_case/>
            <h2>{tr(Msg::HandoffSection)}</h2>
            <p><a class="action-link" href=handoff_href>{tr(Msg::HandoffLink)}</a></p>
            <p><a class="action-link" href=summary_href>{tr(Msg::SummaryLink)}</a></p>
        </div>
    }
    .into_any()
}

/// What needs no procedure, though people ask (the deceased's licence, passport, seal).
#[component]
fn NothingToFileList(items: Vec<hitotsu::catalog::NothingToFile>) -> impl IntoView {
    let lang = use_lang();
    (!items.is_empty()).then(|| {
        view! {
            <section class="nothing-to-file" aria-labelledby="nothing-to-file">
                <h2 id="nothing-to-file">{tr(Msg::NothingToFileTitle)}</h2>
                <dl>
                    {items.into_iter().map(|n| view! {
                        <dt>{move || mixed(lang.get(), n.title.get(lang.get()).to_string())}</dt>
                        <dd>
                            <p>{move || mixed(lang.get(), n.text.get(lang.get()).to_string())}</p>
                            <p class="legal"><a href=n.source.clone() rel="noopener">{move || mixed(lang.get(), n.legal_basis.get(lang.get()).to_string())}</a></p>
                        </dd>
                    }).collect_view()}
                </dl>
            </section>
        }
    })
}

fn channel_name(lang: Lang, c: Channel) -> &'static str {
    t(
        lang,
        match c {
            Channel::Online => Msg::ChannelOnline,
            Channel::Counter => Msg::ChannelCounter,
            Channel::Mail => Msg::ChannelMail,
        },
    )
}

fn card_data(
    item: &PlanItem,
    scope: &CaseScope,
    event: &Event,
    catalog: &Catalog,
    lang: Lang,
) -> CardData {
    let p = item.procedure;
    let anchor = p
        .deadline
        .anchor()
        .and_then(|a| event.questions.iter().find(|q| q.id == a))
        .and_then(|q| q.anchor_label.as_ref());
    let counted = match anchor {
        Some(label) if item.due.is_some() => counting(&p.deadline, item.due.as_ref(), label, lang),
        Some(label) => format!(
            "{} {}",
            t(lang, Msg::AnchorUnknown),
            counting(&p.deadline, None, label, lang)
        ),
        None => counting(&p.deadline, None, &p.title, lang),
    };
    let due = match (&item.due, item.days_left) {
        (Some(due), Some(left)) if !item.state.settled() => {
            due_line(lang, due.due, &days_left(lang, left))
        }
        (Some(due), _) => hitotsu::ui_text::format_date(due.due, lang),
        _ => t(lang, Msg::GroupNoFixed).to_string(),
    };
    let who = item
        .claimant
        .as_ref()
        .filter(|_| p.claimant != hitotsu::household::Claimant::Me)
        .map(|c| {
            let name = scope.vault.name_at(c, scope.today).map(hitotsu::ruby::user);
            let kin =
                (c != ME).then(|| kin_word(lang, kin(scope.vault, c, ME), sex(scope.vault, c)));
            who_files(lang, name.as_deref(), kin.as_deref())
        });
    let state = match item.state {
        ItemState::Open | ItemState::Done => None,
        ItemState::Closed(c) => Some(item_state(lang, Some(c.reason.get(lang)), None)),
        ItemState::Prepared => Some(item_state(
            lang,
            None,
            Some(hitotsu::case::PacketStatus::Prepared),
        )),
        ItemState::Provided(s) => Some(item_state(lang, None, Some(s))),
    };
    let waits_for = (!item.waits_for.is_empty()).then(|| {
        item.waits_for
            .iter()
            .map(|w| w.title.get(lang).to_string())
            .collect::<Vec<_>>()
            .join(hitotsu::ui_text::list_separator(lang))
    });
    let answers = scope.answers();
    let why = hitotsu::questionnaire::reasons(event, &p.when, &answers)
        .into_iter()
        .map(|(q, a)| {
            hitotsu::ui_text::why_line(
                lang,
                q.text.get(lang),
                &hitotsu::ui_text::answer_display(q, a, lang),
            )
        })
        .collect();
    CardData {
        id: p.id.clone(),
        why,
        title: p.title.get(lang).to_string(),
        description: p.description.get(lang).to_string(),
        due,
        counted,
        who,
        state,
        agency: catalog.agency_name(&p.agency, lang),
        channels: p
            .channels
            .iter()
            .map(|c| channel_name(lang, *c))
            .collect::<Vec<_>>()
            .join(" / "),
        online: p
            .online
            .as_ref()
            .map(|o| (o.name.get(lang).to_string(), o.url.clone())),
        waits_for,
        bring: p
            .bring
            .iter()
            .map(|d| catalog.document_name(d, lang))
            .collect(),
        note: p.note.as_ref().map(|n| n.get(lang).to_string()),
        legal_basis: p.legal_basis.get(lang).to_string(),
        source: p.source.clone(),
        done: matches!(item.state, ItemState::Done),
        settled: matches!(item.state, ItemState::Closed(_) | ItemState::Provided(_)),
        each_heir: p.each_heir && !item.state.settled(),
    }
}
