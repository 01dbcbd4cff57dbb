//! The page body that changes one fact for every form that uses it: a correction of the
//! value that holds on a day, or a new value from a day on (the old one stays in the
//! history). What is typed is kept as a draft of the case, so a reload loses nothing.

use crate::app::components::fact_input::{focus_target, FactInput};
use crate::app::components::form::{option_id, DateInput, ErrorSummary, Label, Radios};
use crate::app::components::layout::{BackLink, PageHeading};
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_lang, use_store, use_today};
use hitotsu::catalog::Field;
use hitotsu::date_input::parse_date;
use hitotsu::fields::{check_field, FieldError};
use hitotsu::state::FactChange;
use hitotsu::ui_text::{change_heading, current_value, date_error, field_error, t, Msg};
use hitotsu::vault::{FactKey, How, Provenance};
use hitotsu::Date;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[derive(Clone, Copy, PartialEq)]
enum Problem {
    Value(FieldError),
    Kind,
    Date(hitotsu::date_input::DateError),
}

#[component]
pub fn FactEditor(
    def: Field,
    key: FactKey,
    /// The day the value being changed holds on.
    on: Date,
    /// The label on the page, in each language.
    #[prop(into)]
    label: Signal<String>,
    /// Recorded as given in this case of this event.
    case: String,
    event: String,
    back: String,
    /// The case whose drafts keep what is typed, if any.
    #[prop(optional)]
    draft_case: Option<String>,
    /// The citizen's own detail: the browser may fill it in.
    own: bool,
) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let draft_key = format!("change:{}.{}", key.owner, key.attribute);
    let draft = draft_case
        .as_ref()
        .and_then(|c| store.with_untracked(|s| s.case(c)?.drafts.get(&draft_key).cloned()));
    let current = store.with_untracked(|s| {
        s.vault
            .at(&key, on)
            .or_else(|| s.vault.latest(&key))
            .map(|f| f.value.clone())
    });
    let value = RwSignal::new(draft.or_else(|| current.clone()).unwrap_or_default());
    let kind = RwSignal::new("correct".to_string());
    let since = RwSignal::new(String::new());
    let keep_draft = {
        let (draft_case, draft_key) = (draft_case.clone(), draft_key.clone());
        Callback::new(move |v: String| {
            value.set(v.clone());
            if let Some(c) = &draft_case {
                store.update(|s| {
                    if let Some(c) = s.case_mut(c) {
                        c.drafts.insert(draft_key.clone(), v);
                    }
                });
            }
        })
    };
    let problems = RwSignal::new(Vec::<(&'static str, Problem)>::new());
    let message = move |p: Problem, lang| match p {
        Problem::Value(e) => field_error(lang, e, &label.get_untracked()),
        Problem::Kind => t(lang, Msg::SelectOne).to_string(),
        Problem::Date(e) => date_error(lang, e).to_string(),
    };
    let error_of = move |which: &'static str| {
        Signal::derive(move || {
            problems.with(|ps| {
                ps.iter()
                    .find(|(w, _)| *w == which)
                    .map(|(_, p)| message(*p, lang.get()))
            })
        })
    };
    let navigate = use_navigate();
    let submit = {
        let (def, back, key) = (def.clone(), back.clone(), key.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut found = Vec::new();
            let checked = check_field(&def, &value.get_untracked())
                .map_err(|e| found.push(("value", Problem::Value(e))));
            let change = match kind.get_untracked().as_str() {
                "correct" => Some(FactChange::Correct { on }),
                "changed" => parse_date(&since.get_untracked())
                    .map(FactChange::From)
                    .map_err(|e| found.push(("since", Problem::Date(e))))
                    .ok(),
                _ => {
                    found.push(("kind", Problem::Kind));
                    None
                }
            };
            match (checked, change) {
                (Ok(v), Some(change)) if found.is_empty() => {
                    let given = Provenance {
                        case: case.clone(),
                        event: event.clone(),
                        how: How::Typed,
                        date: today,
                    };
                    store.update(|s| {
                        s.change_fact(&key, v, change, given);
                        if let Some(c) = draft_case.as_ref().and_then(|c| s.case_mut(c)) {
                            c.drafts.remove(&draft_key);
                        }
                    });
                    navigate(&back, Default::default());
                }
                _ => problems.set(found),
            }
        }
    };
    let heading = Signal::derive(move || change_heading(lang.get(), &label.get()));
    let target = focus_target("f-value", &def);
    let summary = Signal::derive(move || {
        let lang = lang.get();
        problems.with(|ps| {
            ps.iter()
                .map(|(w, p)| {
                    let id = match *w {
                        "value" => target.clone(),
                        "kind" => option_id("change-kind", "correct"),
                        _ => "f-since".to_string(),
                    };
                    (id, message(*p, lang))
                })
                .collect::<Vec<_>>()
        })
    });
    let has_error = Signal::derive(move || problems.with(|p| !p.is_empty()));
    let kinds = Signal::derive(move || {
        let lang = lang.get();
        vec![
            (
                "correct".to_string(),
                t(lang, Msg::ChangeCorrect).to_string(),
            ),
            (
                "changed".to_string(),
                t(lang, Msg::ChangeFromDate).to_string(),
            ),
        ]
    });
    let attribute = key.attribute.clone();
    view! {
        <div class="page">
            <BackLink href=back.clone()/>
            <form novalidate on:submit=submit>
                <ErrorSummary errors=summary/>
                <PageHeading text=heading error=has_error/>
                {current.map(|c| {
                    let shown = def.options.iter().find(|o| o.id == c).map(|o| o.label.clone());
                    view! { <p class="current">{move || mixed(lang.get(), current_value(lang.get(), &shown.as_ref().map_or(hitotsu::ruby::user(&c), |l| l.get(lang.get()).to_string())))}</p> }
                })}
                <FactInput id="f-value" def attribute label own value error=error_of("value") on_change=keep_draft/>
                <Radios name="change-kind" legend=Label::Plain(Signal::derive(move || t(lang.get(), Msg::ChangeKind).to_string()))
                    error=error_of("kind") options=kinds value=kind on_change=Callback::new(move |v| kind.set(v))
                    reveal=crate::app::components::form::Reveal {
                        when: "changed".into(),
                        view: ViewFn::from(move || view! {
                            <DateInput id="f-since" label=Label::Plain(Signal::derive(move || t(lang.get(), Msg::ChangedOn).to_string()))
                                error=error_of("since") value=since on_input=Callback::new(move |v| since.set(v))/>
                        }),
                    }/>
                <button type="submit" class="button">{tr(Msg::Save)}</button>
            </form>
        </div>
    }
}
