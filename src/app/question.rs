//! One question per page: radios in a fieldset, or a text field whose label is the page
//! heading; validation beside the field and in an error summary that links to it.

use super::{case_and_event, catalog, use_ctx, NotFound};
use crate::app::home::step_href;
use crate::app::layout::{ErrorMessage, ErrorSummary, PageHeading};
use hitotsu::catalog::{ChoiceOption, Question, QuestionKind};
use hitotsu::i18n::Text;
use hitotsu::onestop::take_answers;
use hitotsu::questionnaire::{asked, check_answer, next_after, previous_before, AnswerError};
use hitotsu::state::PLAN_STEP;
use hitotsu::ui_text::{question_progress, t, Msg};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

const INPUT_ID: &str = "answer";
const ERROR_ID: &str = "answer-error";
const HINT_ID: &str = "answer-hint";

#[component]
pub fn QuestionPage() -> impl IntoView {
    let params = use_params_map();
    // A new form for every question, so its error and focus start afresh.
    move || {
        let case_id = params.with(|p| p.get("case").unwrap_or_default());
        let question_id = params.with(|p| p.get("question").unwrap_or_default());
        view! { <QuestionForm case_id question_id/> }
    }
}

fn yes_no_options() -> Vec<ChoiceOption> {
    [("yes", Msg::Yes), ("no", Msg::No)]
        .into_iter()
        .map(|(id, msg)| ChoiceOption {
            id: id.into(),
            label: Text {
                ja: t(hitotsu::i18n::Lang::Ja, msg).into(),
                en: t(hitotsu::i18n::Lang::En, msg).into(),
                easy: t(hitotsu::i18n::Lang::Easy, msg).into(),
            },
        })
        .collect()
}

#[component]
fn QuestionForm(case_id: String, question_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let Some((case, event)) = case_and_event(&case_id) else { return view! { <NotFound/> }.into_any() };
    let asked_now: Vec<Question> = asked(&event, &case.answers).into_iter().cloned().collect();
    let Some(position) = asked_now.iter().position(|q| q.id == question_id) else {
        return view! { <NotFound/> }.into_any();
    };
    let question = asked_now[position].clone();
    if case.step != question_id {
        ctx.state.update(|s| {
            if let Some(c) = s.case_mut(&case_id) {
                c.step = question_id.clone();
            }
        });
    }
    let initial = case.drafts.get(&question_id).or_else(|| case.answers.get(&question_id)).cloned().unwrap_or_default();
    let value = RwSignal::new(initial);
    let error = RwSignal::new(None::<AnswerError>);
    let back_href = previous_before(&event, &case.answers, &question_id)
        .map_or("/".to_string(), |q| step_href(&case_id, &q.id));

    let keep_draft = {
        let (case_id, question_id) = (case_id.clone(), question_id.clone());
        move |v: String| {
            value.set(v.clone());
            ctx.state.update(|s| {
                if let Some(c) = s.case_mut(&case_id) {
                    c.drafts.insert(question_id.clone(), v);
                }
            });
        }
    };
    let navigate = use_navigate();
    let submit = {
        let (case_id, question, event) = (case_id.clone(), question.clone(), event.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let answers = ctx.state.with_untracked(|s| s.case(&case_id).map(|c| c.answers.clone())).unwrap_or_default();
            match check_answer(&question, &value.get_untracked(), &answers, ctx.today) {
                Ok(accepted) => {
                    let mut answers = answers;
                    answers.insert(question.id.clone(), accepted);
                    let next = next_after(&event, &answers, &question.id).map_or(PLAN_STEP.to_string(), |q| q.id.clone());
                    let catalog = catalog();
                    ctx.state.update(|s| {
                        let Some(roles) = s.case(&case_id).map(|c| c.roles.clone()) else { return };
                        // An answer that is also a fact (the date of birth) enters the vault
                        // now, so no form asks it again.
                        take_answers(&catalog, &event, &answers, &case_id, &roles, &mut s.vault, &ctx.today.to_string());
                        let Some(c) = s.case_mut(&case_id) else { return };
                        c.answers = answers;
                        c.drafts.remove(&question.id);
                        c.step = next.clone();
                    });
                    navigate(&step_href(&case_id, &next), Default::default());
                }
                Err(e) => error.set(Some(e)),
            }
        }
    };

    let message = {
        let event = event.clone();
        Signal::derive(move || error.get().map(|e| e.message(ctx.lang(), &event)))
    };
    let has_error = Signal::derive(move || error.with(|e| e.is_some()));
    let title = {
        let text = question.text.clone();
        Signal::derive(move || text.get(ctx.lang()).to_string())
    };
    let caption = {
        let (event_title, total) = (event.title.clone(), asked_now.len());
        Signal::derive(move || {
            format!("{} — {}", event_title.get(ctx.lang()), question_progress(ctx.lang(), position + 1, total))
        })
    };
    let hint: Option<Text> = question.hint.clone().or_else(|| {
        (question.kind == QuestionKind::Date).then(|| {
            let msg = |l| t(l, Msg::DateHint).to_string();
            use hitotsu::i18n::Lang::*;
            Text { ja: msg(Ja), en: msg(En), easy: msg(Easy) }
        })
    });
    let has_hint = hint.is_some();
    let described_by = move || {
        let ids: Vec<&str> = [has_hint.then_some(HINT_ID), has_error.get().then_some(ERROR_ID)].into_iter().flatten().collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let hint_view = hint.map(|h| view! { <div id=HINT_ID class="hint">{move || h.get(ctx.lang()).to_string()}</div> });
    let error_view = move || message.get().map(|m| view! { <ErrorMessage id=ERROR_ID message=m/> });
    let first_input_id = match question.kind {
        QuestionKind::Choice => format!("{INPUT_ID}-{}", question.options[0].id),
        QuestionKind::YesNo => format!("{INPUT_ID}-yes"),
        _ => INPUT_ID.to_string(),
    };
    let field = match question.kind {
        QuestionKind::Choice | QuestionKind::YesNo => {
            let options = if question.kind == QuestionKind::YesNo { yes_no_options() } else { question.options.clone() };
            let radios = options
                .into_iter()
                .map(|o| {
                    let id = format!("{INPUT_ID}-{}", o.id);
                    let keep = keep_draft.clone();
                    let option_id = o.id.clone();
                    let checked = {
                        let option_id = o.id.clone();
                        move || value.with(|v| *v == option_id)
                    };
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=INPUT_ID value=o.id.clone()
                                prop:checked=checked
                                on:change=move |_| keep(option_id.clone())/>
                            <label for=id>{move || o.label.get(ctx.lang()).to_string()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="fieldset" aria-describedby=described_by>
                    <legend>
                        <PageHeading text=title caption=caption error=has_error/>
                    </legend>
                    {hint_view}
                    {error_view}
                    <div class="radios">{radios}</div>
                </fieldset>
            }
            .into_any()
        }
        QuestionKind::Date | QuestionKind::Number => {
            let numeric = question.kind == QuestionKind::Number;
            let unit = question.unit.clone();
            let keep = keep_draft.clone();
            view! {
                <PageHeading text=title caption=caption error=has_error label_for=INPUT_ID/>
                {hint_view}
                {error_view}
                <div class="input-row">
                    <input
                        type="text"
                        id=INPUT_ID
                        name=INPUT_ID
                        class="input"
                        class:input-short=numeric
                        inputmode=if numeric { "numeric" } else { "text" }
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby=described_by
                        aria-invalid=move || has_error.get().then_some("true")
                        prop:value=move || value.get()
                        on:input=move |ev| keep(event_target_value(&ev))
                    />
                    {unit.map(|u| view! { <span class="unit">{move || u.get(ctx.lang()).to_string()}</span> })}
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="page">
            <a class="back-link" href=back_href>{move || ctx.t(Msg::Back)}</a>
            <form novalidate on:submit=submit>
                {move || message.get().map(|m| view! { <ErrorSummary errors=vec![(first_input_id.clone(), m)]/> })}
                <div class="form-group" class:form-group-error=has_error>{field}</div>
                <button type="submit" class="button">{move || ctx.t(Msg::Continue)}</button>
            </form>
        </div>
    }
    .into_any()
}
