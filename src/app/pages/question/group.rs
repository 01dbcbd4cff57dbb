//! The page of a group of yes-no questions (the things a deceased had or received): one
//! checkbox per question, "yes" for each box checked and "no" for the rest, and
//! 「どれも該当しない」 for "no" to all. A page left with nothing checked is refused:
//! skipped unread, it must not say "no" to everything.

use crate::app::components::form::{option_id, Checkboxes, ErrorSummary, Label};
use crate::app::components::layout::BackLink;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use hitotsu::case::Step;
use hitotsu::catalog::{Event, Question, QuestionGroup};
use hitotsu::i18n::Text;
use hitotsu::questionnaire::{check_group, AnswerError, NONE_OF_THESE};
use hitotsu::resolve::CaseScope;
use hitotsu::ui_text::{answer_error, t, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const NAME: &str = "answer";

/// What the page shows, taken once from the state.
pub(super) struct Shown {
    event: Event,
    group: QuestionGroup,
    members: Vec<Question>,
    position: usize,
    checked: Vec<String>,
    back: String,
}

/// The group's page for these asked members: each box as the draft or the answer has it;
/// 「どれも該当しない」 when every member is "no".
pub(super) fn shown(
    scope: &CaseScope,
    members: &[&Question],
    position: usize,
    back: String,
) -> Option<Shown> {
    let id = members.first()?.group.as_ref()?;
    let group = scope.event.groups.iter().find(|g| g.id == *id)?.clone();
    let now = |q: &Question| {
        scope
            .case
            .drafts
            .get(&q.id)
            .or_else(|| scope.case.answers.get(&q.id))
            .cloned()
            .unwrap_or_default()
    };
    let mut checked: Vec<String> = members
        .iter()
        .filter(|q| now(q) == "yes")
        .map(|q| q.id.clone())
        .collect();
    if members.iter().all(|q| now(q) == "no") {
        checked.push(NONE_OF_THESE.into());
    }
    Some(Shown {
        event: scope.event.clone(),
        group,
        members: members.iter().map(|q| (*q).clone()).collect(),
        position,
        checked,
        back,
    })
}

#[component]
pub(super) fn GroupForm(shown: Shown) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let Shown {
        event,
        group,
        members,
        position,
        checked,
        back,
    } = shown;
    let values = RwSignal::new(checked);
    let error = RwSignal::new(None::<AnswerError>);
    // Each box a draft of its question, so a reload (or the counter's citizen screen)
    // sees what is ticked; nothing ticked leaves every draft empty.
    let keep_draft = {
        let (case_id, members) = (case.id.clone(), members.clone());
        Callback::new(move |now: Vec<String>| {
            values.set(now.clone());
            let none = now.iter().any(|v| v == NONE_OF_THESE);
            store.update(|s| {
                if let Some(c) = s.case_mut(&case_id) {
                    for q in &members {
                        let draft = if now.contains(&q.id) {
                            "yes"
                        } else if none || !now.is_empty() {
                            "no"
                        } else {
                            ""
                        };
                        c.drafts.insert(q.id.clone(), draft.into());
                    }
                }
            });
        })
    };
    let navigate = use_navigate();
    let submit = {
        let (case_id, members) = (case.id.clone(), members.clone());
        let catalog = catalog.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let on_page: Vec<&Question> = members.iter().collect();
            match check_group(&on_page, &values.get_untracked()) {
                Ok(answers) => {
                    let next = store.try_update(|s| {
                        for (q, a) in answers {
                            s.record_answer(&catalog, &case_id, &q, a, today);
                        }
                        super::step_after(s, &catalog, &case_id, &on_page[0].id, today)
                    });
                    let next = next.unwrap_or(Step::Plan);
                    navigate(&routes::step(&case_id, &next), Default::default());
                }
                Err(e) => error.set(Some(e)),
            }
        }
    };
    let message = {
        let event = event.clone();
        Signal::derive(move || error.get().map(|e| answer_error(lang.get(), &e, &event)))
    };
    let has_error = Signal::derive(move || error.with(Option::is_some));
    let (title, caption) =
        super::heading(&group.text, group.staff.as_ref(), &event.title, position);
    let hint = group
        .hint
        .clone()
        .map(|h| Signal::derive(move || h.get(lang.get()).to_string()));
    // Each member's words of one kind (its checkbox, its hint) in the page's language.
    let words = |pick: fn(&Question) -> Option<&Text>| {
        let members = members.clone();
        Signal::derive(move || {
            members
                .iter()
                .filter_map(|q| Some((q.id.clone(), pick(q)?.get(lang.get()).to_string())))
                .collect::<Vec<_>>()
        })
    };
    let options = words(|q| q.item.as_ref());
    let hints = words(|q| q.hint.as_ref());
    let none = Signal::derive(move || {
        (
            NONE_OF_THESE.to_string(),
            t(lang.get(), Msg::NoneOfThese).to_string(),
        )
    });
    let first_box = option_id(NAME, &members[0].id);
    let summary = Signal::derive(move || {
        message
            .get()
            .map(|m| vec![(first_box.clone(), m)])
            .unwrap_or_default()
    });
    let legend = Label::Heading {
        text: title,
        caption: Some(caption),
        error: has_error,
    };
    let field = match hint {
        Some(hint) => view! {
            <Checkboxes name=NAME legend hint error=message options values hints exclusive=none on_change=keep_draft/>
        }
        .into_any(),
        None => view! {
            <Checkboxes name=NAME legend error=message options values hints exclusive=none on_change=keep_draft/>
        }
        .into_any(),
    };
    view! {
        <div class="page">
            <BackLink href=back/>
            <form novalidate on:submit=submit>
                <ErrorSummary errors=summary/>
                {field}
                <button type="submit" class="button">{tr(Msg::Continue)}</button>
            </form>
        </div>
    }
}
