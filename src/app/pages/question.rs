//! `/case/:case/q/:question`: one question per page. A question whose answer the app
//! already knows (a fact of the vault, or what the household's people tell) is shown
//! with that answer for the citizen to confirm, not asked afresh. The yes-no questions of
//! a group share one page of checkboxes (`group`).

mod group;

use crate::app::components::form::{
    option_id, DateInput, ErrorSummary, Label, Radios, TextInput, Width,
};
use crate::app::components::layout::BackLink;
use crate::app::components::layout::Keyed;
use crate::app::components::not_found::NotFound;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use hitotsu::case::Step;
use hitotsu::catalog::{Question, QuestionKind};
use hitotsu::i18n::Text;
use hitotsu::questionnaire::{
    check_answer, next_after, page, page_number, previous_before, AnswerError,
};
use hitotsu::resolve::{Known, KnownFrom};
use hitotsu::ui_text::{
    answer_error, known_from_fact, known_from_household, question_progress, yes_no_options, Msg,
};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const INPUT_ID: &str = "answer";

#[component]
pub fn QuestionPage() -> impl IntoView {
    let question = routes::use_question_id();
    // The last answer leads to the plan: its code comes while the questions are answered.
    crate::app::lazy::prefetch(&["plan_view"]);
    // A new form for every question, so its error and focus start afresh.
    view! { <Keyed key=question children=std::sync::Arc::new(|q| view! { <QuestionForm question_id=q/> }.into_any())/> }
}

/// What the page shows, taken once from the state.
struct Shown {
    question: Question,
    position: usize,
    initial: String,
    known: Option<Known>,
    back: String,
}

/// A page of one question, or of a group's questions.
enum PageShown {
    One(Shown),
    Group(group::Shown),
}

/// Where the flow goes once the answers of the page of `question` are recorded: the next
/// page, or the plan after the last.
fn step_after(
    s: &hitotsu::state::AppState,
    catalog: &hitotsu::catalog::Catalog,
    case_id: &str,
    question: &str,
    today: jiff::civil::Date,
) -> Step {
    s.scope(catalog, case_id, today)
        .and_then(|scope| {
            next_after(scope.event, &scope.answers(), question)
                .map(|q| Step::Question(q.id.clone()))
        })
        .unwrap_or(Step::Plan)
}

/// A question page's heading — at the counter, in the counter's words where the catalog
/// has them — and its caption: the event and 「質問 N」.
fn heading(
    text: &Text,
    staff: Option<&Text>,
    event: &Text,
    position: usize,
) -> (Signal<String>, Signal<String>) {
    let lang = use_lang();
    let text = match (&crate::app::mode().counter, staff) {
        (Some(_), Some(staff)) => staff.clone(),
        _ => text.clone(),
    };
    let event = event.clone();
    (
        Signal::derive(move || text.get(lang.get()).to_string()),
        Signal::derive(move || {
            format!(
                "{} — {}",
                event.get(lang.get()),
                question_progress(lang.get(), position)
            )
        }),
    )
}

#[component]
fn QuestionForm(question_id: String) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let shown = store.with_untracked(|s| {
        let scope = s.scope(&catalog, &case.id, today)?;
        let answers = scope.answers();
        let on_page = page(scope.event, &answers, &question_id);
        let position = page_number(scope.event, &answers, &question_id)?;
        let back = previous_before(scope.event, &answers, &question_id)
            .map_or(routes::home(), |q| routes::question(&case.id, &q.id));
        if on_page.len() > 1 {
            return group::shown(&scope, &on_page, position, back).map(PageShown::Group);
        }
        let question = (*on_page.first()?).clone();
        // What the app knows, said only while the case has not answered it itself.
        let known = scope
            .known(&question.id)
            .filter(|_| !scope.case.answers.contains_key(&question.id));
        let initial = scope
            .case
            .drafts
            .get(&question.id)
            .or_else(|| answers.get(&question.id))
            .cloned()
            .or_else(|| scope.proposed(&question.id))
            .unwrap_or_default();
        Some(PageShown::One(Shown {
            question,
            position,
            initial,
            known,
            back,
        }))
    });
    let shown = match shown {
        Some(PageShown::One(shown)) => shown,
        Some(PageShown::Group(shown)) => return view! { <group::GroupForm shown/> }.into_any(),
        None => return view! { <NotFound/> }.into_any(),
    };
    let Shown {
        question,
        position,
        initial,
        known,
        back,
    } = shown;
    let event = catalog
        .event(&case.event)
        .cloned()
        .expect("the case layout found it");
    let value = RwSignal::new(initial);
    let error = RwSignal::new(None::<AnswerError>);
    let keep_draft = {
        let (case_id, question_id) = (case.id.clone(), question_id.clone());
        Callback::new(move |v: String| {
            value.set(v.clone());
            store.update(|s| {
                if let Some(c) = s.case_mut(&case_id) {
                    c.drafts.insert(question_id.clone(), v);
                }
            });
        })
    };
    let navigate = use_navigate();
    let submit = {
        let (case_id, question) = (case.id.clone(), question.clone());
        let catalog = catalog.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let answers = store
                .with_untracked(|s| s.scope(&catalog, &case_id, today).map(|sc| sc.answers()))
                .unwrap_or_default();
            match check_answer(&question, &value.get_untracked(), &answers, today) {
                Ok(accepted) => {
                    let next = store.try_update(|s| {
                        s.record_answer(&catalog, &case_id, &question.id, accepted, today);
                        step_after(s, &catalog, &case_id, &question.id, today)
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
    let (title, caption) = heading(
        &question.text,
        question.staff.as_ref(),
        &event.title,
        position,
    );
    // The question's own hint, the date format, and what the app already knows.
    let hint = {
        let own = question.hint.clone();
        let known = known.clone();
        let catalog = catalog.clone();
        let options = question.options.clone();
        move || {
            let lang = lang.get();
            let mut parts: Vec<String> = Vec::new();
            if let Some(k) = &known {
                let shown_value = options
                    .iter()
                    .find(|o| o.id == k.value)
                    .map(|o| o.label.get(lang).to_string())
                    .or_else(|| {
                        yes_no_options(lang)
                            .into_iter()
                            .find(|(id, _)| *id == k.value)
                            .map(|(_, l)| l.to_string())
                    })
                    .unwrap_or_else(|| {
                        hitotsu::iso_date::parse(&k.value)
                            .map_or(hitotsu::ruby::user(&k.value), |d| {
                                hitotsu::ui_text::short_date(d, lang)
                            })
                    });
                parts.push(match &k.from {
                    KnownFrom::Fact(given) => {
                        let event = catalog.event_title(&given.event, lang);
                        known_from_fact(lang, &shown_value, &event, given.date)
                    }
                    KnownFrom::Household(people) => {
                        let names: Vec<String> = store.with_untracked(|s| {
                            people
                                .iter()
                                .filter_map(|p| s.vault.name_at(p, today).map(hitotsu::ruby::user))
                                .collect()
                        });
                        known_from_household(lang, &shown_value, &names)
                    }
                });
            }
            if let Some(h) = &own {
                parts.push(h.get(lang).to_string());
            }
            parts.join(" ")
        }
    };
    let has_hint = known.is_some() || question.hint.is_some();
    let hint = has_hint.then(|| Signal::derive(hint));
    let first_control = match question.kind {
        QuestionKind::Choice => option_id(INPUT_ID, &question.options[0].id),
        QuestionKind::YesNo => option_id(INPUT_ID, "yes"),
        _ => INPUT_ID.to_string(),
    };
    let summary = Signal::derive(move || {
        message
            .get()
            .map(|m| vec![(first_control.clone(), m)])
            .unwrap_or_default()
    });
    let label = Label::Heading {
        text: title,
        caption: Some(caption),
        error: has_error,
    };
    let field = match question.kind {
        QuestionKind::Choice | QuestionKind::YesNo => {
            let choices = question.options.clone();
            let kind = question.kind;
            let options = Signal::derive(move || match kind {
                QuestionKind::YesNo => yes_no_options(lang.get()).into_iter().map(|(id, l)| (id.to_string(), l.to_string())).collect(),
                _ => choices.iter().map(|o| (o.id.clone(), o.label.get(lang.get()).to_string())).collect::<Vec<_>>(),
            });
            match hint {
                Some(hint) => view! { <Radios name=INPUT_ID legend=label hint error=message options value on_change=keep_draft/> }.into_any(),
                None => view! { <Radios name=INPUT_ID legend=label error=message options value on_change=keep_draft/> }.into_any(),
            }
        }
        QuestionKind::Date => match hint {
            Some(hint) => view! { <DateInput id=INPUT_ID label hint error=message value on_input=keep_draft/> }.into_any(),
            None => view! { <DateInput id=INPUT_ID label error=message value on_input=keep_draft/> }.into_any(),
        },
        QuestionKind::Number => {
            let unit = question.unit.clone().map(|u| Signal::derive(move || u.get(lang.get()).to_string()));
            let (inputmode, width) = ("numeric", Width::Short);
            match (hint, unit) {
                (Some(hint), Some(unit)) => view! { <TextInput id=INPUT_ID label hint error=message value on_input=keep_draft inputmode width suffix=unit/> }.into_any(),
                (Some(hint), None) => view! { <TextInput id=INPUT_ID label hint error=message value on_input=keep_draft inputmode width/> }.into_any(),
                (None, Some(unit)) => view! { <TextInput id=INPUT_ID label error=message value on_input=keep_draft inputmode width suffix=unit/> }.into_any(),
                (None, None) => view! { <TextInput id=INPUT_ID label error=message value on_input=keep_draft inputmode width/> }.into_any(),
            }
        }
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
    .into_any()
}
