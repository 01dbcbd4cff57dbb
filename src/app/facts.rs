//! One field of the field dictionary as a form control, and how facts are shown.

use super::use_ctx;
use crate::app::layout::{ErrorMessage, ErrorSummary, PageHeading};
use hitotsu::catalog::{Catalog, Field, FieldKind, Subject};
use hitotsu::fields::{check_field, FieldError};
use hitotsu::i18n::Lang;
use hitotsu::ui_text::Msg;
use hitotsu::vault::{Fact, FactKey, How, Provenance};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

pub fn field_label(catalog: &Catalog, field: &str, lang: Lang) -> String {
    catalog.fields.fields.get(field).map_or(field.to_string(), |f| f.label.get(lang).to_string())
}

/// A stored value as the citizen reads it (a choice by its label, not its id).
pub fn display_value(catalog: &Catalog, field: &str, value: &str, lang: Lang) -> String {
    catalog
        .fields
        .fields
        .get(field)
        .and_then(|f| f.options.iter().find(|o| o.id == value))
        .map_or(value.to_string(), |o| o.label.get(lang).to_string())
}

pub fn provenance_text(catalog: &Catalog, fact: &Fact, lang: Lang) -> String {
    let title = catalog.event(&fact.given.event).map_or(fact.given.event.clone(), |e| e.title.get(lang).to_string());
    hitotsu::ui_text::provenance(lang, &title, &fact.given.date, fact.given.how == hitotsu::vault::How::Confirmed)
}

pub fn subject_heading(s: Subject) -> Msg {
    match s {
        Subject::Child => Msg::AboutChild,
        Subject::Deceased => Msg::AboutDeceased,
        Subject::Me => Msg::AboutMe,
        Subject::Household => Msg::AboutHousehold,
        Subject::Case => Msg::AboutCase,
    }
}

pub fn input_id(field: &str) -> String {
    format!("f-{field}")
}

/// The element an error summary link should focus for this field.
pub fn focus_target(field: &str, def: &Field) -> String {
    match def.options.first() {
        Some(o) if def.kind == FieldKind::Choice => format!("f-{field}-{}", o.id),
        _ => input_id(field),
    }
}

fn autocomplete(def: &Field) -> &'static str {
    // Only the citizen's own details may be filled from the browser's memory.
    match (def.subject, def.kind) {
        (Subject::Me, FieldKind::Name) => "name",
        (Subject::Me, FieldKind::Phone) => "tel",
        (Subject::Household, FieldKind::PostalCode) => "postal-code",
        (Subject::Household, FieldKind::Address) => "street-address",
        _ => "off",
    }
}

/// A labelled control with its hint and error; radios in a fieldset for choice fields.
#[component]
pub fn FactInput(
    field: String,
    def: Field,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    on_change: Callback<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let id = input_id(&field);
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let hint: Option<Msg> = match def.kind {
        FieldKind::Kana => Some(Msg::KanaHint),
        FieldKind::Date => Some(Msg::DateHint),
        _ => None,
    };
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> =
                [hint.map(|_| hint_id.as_str()), error.get().map(|_| error_id.as_str())].into_iter().flatten().collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let label = def.label.clone();
    let label_text = move || label.get(ctx.lang()).to_string();
    let hint_view = hint.map(|m| view! { <div id=hint_id.clone() class="hint">{move || ctx.t(m)}</div> });
    let error_view = move || error.get().map(|m| view! { <ErrorMessage id=error_id.clone() message=m/> });
    let has_error = move || error.with(|e| e.is_some());
    let control = if def.kind == FieldKind::Choice {
        let radios = def
            .options
            .iter()
            .map(|o| {
                let radio_id = format!("{id}-{}", o.id);
                let option = o.id.clone();
                let checked = {
                    let option = o.id.clone();
                    move || value.with(|v| *v == option)
                };
                let label = o.label.clone();
                view! {
                    <div class="radio">
                        <input type="radio" id=radio_id.clone() name=id.clone() value=o.id.clone()
                            prop:checked=checked on:change=move |_| on_change.run(option.clone())/>
                        <label for=radio_id>{move || label.get(ctx.lang()).to_string()}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="fieldset" aria-describedby=described_by>
                <legend class="legend-label">{label_text}</legend>
                {hint_view}
                {error_view}
                <div class="radios">{radios}</div>
            </fieldset>
        }
        .into_any()
    } else {
        let short = matches!(def.kind, FieldKind::PostalCode | FieldKind::Number | FieldKind::Date | FieldKind::Phone | FieldKind::MyNumber);
        let mode = match def.kind {
            FieldKind::Number | FieldKind::PostalCode | FieldKind::MyNumber => "numeric",
            FieldKind::Phone => "tel",
            _ => "text",
        };
        view! {
            <label class="label" for=id.clone()>{label_text}</label>
            {hint_view}
            {error_view}
            <input type="text" id=id.clone() name=id.clone() class="input" class:input-medium=short
                inputmode=mode autocomplete=autocomplete(&def) spellcheck="false"
                aria-describedby=described_by
                aria-invalid=move || has_error().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! { <div class="form-group" class:form-group-error=has_error>{control}</div> }
}


/// A page that changes one fact of the vault, for every form that uses it. What is typed
/// is kept as a draft of `draft_case` (if any), so a reload loses nothing; the fact is
/// recorded as given in `case` of `event`.
#[component]
pub fn FactEditor(
    field: String,
    def: Field,
    key: FactKey,
    case: String,
    event: String,
    back: String,
    #[prop(optional)] draft_case: Option<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let draft_key = format!("change:{field}");
    let draft = draft_case.as_ref().and_then(|c| ctx.state.with_untracked(|s| s.case(c)?.drafts.get(&draft_key).cloned()));
    let current = draft.or_else(|| ctx.state.with_untracked(|s| s.vault.get(&key).map(|f| f.value.clone()))).unwrap_or_default();
    let value = RwSignal::new(current);
    let with_draft = move |f: &mut dyn FnMut(&mut std::collections::BTreeMap<String, String>)| {
        if let Some(c) = &draft_case {
            ctx.state.update(|s| {
                if let Some(c) = s.case_mut(c) {
                    f(&mut c.drafts)
                }
            });
        }
    };
    let keep_draft = {
        let (with_draft, draft_key) = (with_draft.clone(), draft_key.clone());
        Callback::new(move |v: String| {
            value.set(v.clone());
            with_draft(&mut |d| {
                d.insert(draft_key.clone(), v.clone());
            });
        })
    };
    let error = RwSignal::new(None::<FieldError>);
    let label = def.label.clone();
    let message = Signal::derive(move || error.get().map(|e| e.message(ctx.lang(), label.get(ctx.lang()))));
    let navigate = use_navigate();
    let submit = {
        let (def, back) = (def.clone(), back.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match check_field(&def, &value.get_untracked()) {
                Ok(v) => {
                    let given = Provenance { case: case.clone(), event: event.clone(), how: How::Typed, date: ctx.today.to_string() };
                    ctx.state.update(|s| s.vault.set(&key, v, given));
                    with_draft(&mut |d| {
                        d.remove(&draft_key);
                    });
                    navigate(&back, Default::default());
                }
                Err(e) => error.set(Some(e)),
            }
        }
    };
    let heading = {
        let label = def.label.clone();
        Signal::derive(move || format!("{}: {}", ctx.t(Msg::Change), label.get(ctx.lang())))
    };
    let target = focus_target(&field, &def);
    let has_error = Signal::derive(move || error.with(|e| e.is_some()));
    view! {
        <div class="page">
            <a class="back-link" href=back>{move || ctx.t(Msg::Back)}</a>
            <form novalidate on:submit=submit>
                {move || message.get().map(|m| view! { <ErrorSummary errors=vec![(target.clone(), m)]/> })}
                <PageHeading text=heading error=has_error/>
                <FactInput field=field.clone() def value error=message on_change=keep_draft/>
                <button type="submit" class="button">{move || ctx.t(Msg::Save)}</button>
            </form>
        </div>
    }
}
