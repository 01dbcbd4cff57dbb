//! The form kit: every control of the app, each assembled once from label or legend,
//! hint, error message and (for groups) fieldset, with `aria-describedby` built here and
//! nowhere else (the GOV.UK Frontend pattern). The error summary links to the first
//! control of each field.

use crate::app::components::layout::PageHeading;
use crate::app::components::text::Mixed;
use crate::app::context::tr;
use crate::app::services::browser;
use hitotsu::ui_text::Msg;
use leptos::html;
use leptos::prelude::*;

/// How a control is named: a label of its own, or the page's heading (one question per
/// page, where the question is both).
#[derive(Clone)]
pub enum Label {
    Plain(Signal<String>),
    Heading {
        text: Signal<String>,
        caption: Option<Signal<String>>,
        error: Signal<bool>,
    },
}

/// How wide a text input is, for what it holds.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub enum Width {
    #[default]
    Full,
    /// Postal codes, phone numbers, dates, My Number.
    Medium,
    /// Short numbers (a weight in grams).
    Short,
}

/// The id of one radio or checkbox of a group: what an error summary links to.
pub fn option_id(name: &str, value: &str) -> String {
    format!("{name}-{value}")
}

/// The hint and error ids a control names in aria-describedby.
fn described_by(
    id: &str,
    hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    move || {
        let ids: Vec<&str> = [
            hint.then_some(hint_id.as_str()),
            error.with(|e| e.is_some()).then_some(error_id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

fn hint_view(id: &str, hint: Option<Signal<String>>) -> impl IntoView {
    hint.map(|h| view! { <div id=format!("{id}-hint") class="hint"><Mixed text=h/></div> })
}

fn error_view(id: &str, error: Signal<Option<String>>) -> impl IntoView {
    let error_id = format!("{id}-error");
    move || {
        error
            .get()
            .map(|m| view! { <ErrorMessage id=error_id.clone() message=m/> })
    }
}

/// The message beside a field, with "Error:" for screen readers.
#[component]
pub fn ErrorMessage(#[prop(into)] id: String, #[prop(into)] message: String) -> impl IntoView {
    view! {
        <p id=id class="error-message">
            <span class="visually-hidden">{tr(Msg::ErrorPrefix)}</span><Mixed text=message/>
        </p>
    }
}

/// "There is a problem", with one link per error that moves focus to its control. Shown
/// afresh (and focused, so it is read out at once) every time the list is set.
#[component]
pub fn ErrorSummary(#[prop(into)] errors: Signal<Vec<(String, String)>>) -> impl IntoView {
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| view! { <SummaryBox errors=list/> })
    }
}

#[component]
fn SummaryBox(errors: Vec<(String, String)>) -> impl IntoView {
    Effect::new(move |_| browser::focus_id("error-summary"));
    view! {
        <div id="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{tr(Msg::ErrorSummaryTitle)}</h2>
            <ul>
                {errors.into_iter().map(|(target, message)| {
                    let href = format!("#{target}");
                    view! {
                        <li>
                            <a href=href on:click=move |ev| {
                                ev.prevent_default();
                                browser::focus_id(&target);
                            }><Mixed text=message/></a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

fn label_view(id: &str, label: Label, legend: bool) -> AnyView {
    match (label, legend) {
        (
            Label::Heading {
                text,
                caption,
                error,
            },
            false,
        ) => {
            let id = id.to_string();
            let inner = ViewFn::from(move || view! { <label for=id.clone()><Mixed text/></label> });
            match caption {
                Some(c) => view! { <PageHeading text caption=c error inner/> }.into_any(),
                None => view! { <PageHeading text error inner/> }.into_any(),
            }
        }
        (
            Label::Heading {
                text,
                caption,
                error,
            },
            true,
        ) => view! {
            <legend>{match caption {
                Some(c) => view! { <PageHeading text caption=c error/> }.into_any(),
                None => view! { <PageHeading text error/> }.into_any(),
            }}</legend>
        }
        .into_any(),
        (Label::Plain(text), false) => {
            view! { <label class="label" for=id.to_string()><Mixed text/></label> }.into_any()
        }
        (Label::Plain(text), true) => {
            view! { <legend class="legend-label"><Mixed text/></legend> }.into_any()
        }
    }
}

/// A text input with its label, hint and error.
#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    label: Label,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] width: Width,
    /// "password" for a passcode; text otherwise.
    #[prop(optional)]
    input_type: Option<&'static str>,
    /// A unit shown after the input ("g").
    #[prop(optional, into)]
    suffix: Option<Signal<String>>,
) -> impl IntoView {
    let has_error = move || error.with(|e| e.is_some());
    let described = described_by(&id, hint.is_some(), error);
    view! {
        <div class="form-group" class:form-group-error=has_error>
            {label_view(&id, label, false)}
            {hint_view(&id, hint)}
            {error_view(&id, error)}
            <div class="input-row">
                <input
                    type=input_type.unwrap_or("text")
                    id=id.clone()
                    name=id.clone()
                    class="input"
                    class:input-medium=width == Width::Medium
                    class:input-short=width == Width::Short
                    inputmode=inputmode.unwrap_or("text")
                    autocomplete=autocomplete.unwrap_or("off")
                    spellcheck="false"
                    aria-describedby=described
                    aria-invalid=move || has_error().then_some("true")
                    prop:value=move || value.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                />
                {suffix.map(|s| view! { <span class="unit"><Mixed text=s/></span> })}
            </div>
        </div>
    }
}

/// A date in one text field. The core reads 2026-04-16, 2026/4/16, 令和8年4月16日 and
/// R8.4.16 alike, so one field serves people who write the era and people who write the
/// Western year; GOV.UK's three boxes would force one order on both. The format example is
/// always the hint's last line.
#[component]
pub fn DateInput(
    #[prop(into)] id: String,
    label: Label,
    /// Said before the format example ("you gave this for the birth").
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// "bday" for the citizen's own birth date; off otherwise.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    let lang = crate::app::context::use_lang();
    let hint = Signal::derive(move || {
        let format = hitotsu::ui_text::t(lang.get(), Msg::DateHint);
        match hint.map(|h| h.get()).filter(|h| !h.is_empty()) {
            Some(h) => format!("{h} {format}"),
            None => format.to_string(),
        }
    });
    match autocomplete {
        Some(autocomplete) => view! { <TextInput id label hint error value on_input autocomplete width=Width::Medium/> }.into_any(),
        None => view! { <TextInput id label hint error value on_input width=Width::Medium/> }.into_any(),
    }
}

/// Content shown under one option of a group while it is chosen ("someone else: name").
pub struct Reveal {
    pub when: String,
    pub view: ViewFn,
}

/// Radios in a fieldset with its legend, hint and error.
#[component]
pub fn Radios(
    #[prop(into)] name: String,
    legend: Label,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    /// (value, label) of each option.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] reveal: Option<Reveal>,
) -> impl IntoView {
    let has_error = move || error.with(|e| e.is_some());
    let described = described_by(&name, hint.is_some(), error);
    let reveal = reveal.map(|r| (r.when, r.view));
    let group = name.clone();
    let radios =
        move || {
            options
            .get()
            .into_iter()
            .map(|(v, label)| {
                let id = option_id(&group, &v);
                let checked = {
                    let v = v.clone();
                    move || value.with(|x| *x == v)
                };
                let extra = reveal.as_ref().filter(|(when, _)| *when == v).map(|(_, view)| {
                    let view = view.clone();
                    let shown = checked.clone();
                    move || shown().then(|| view! { <div class="conditional">{view.run()}</div> })
                });
                let choose = v.clone();
                view! {
                    <div class="radio">
                        <input type="radio" id=id.clone() name=group.clone() value=v
                            prop:checked=checked on:change=move |_| on_change.run(choose.clone())/>
                        <label for=id><Mixed text=label/></label>
                    </div>
                    {extra}
                }
            })
            .collect_view()
        };
    view! {
        <div class="form-group" class:form-group-error=has_error>
            <fieldset class="fieldset" aria-describedby=described>
                {label_view(&name, legend, true)}
                {hint_view(&name, hint)}
                {error_view(&name, error)}
                <div class="radios">{radios}</div>
            </fieldset>
        </div>
    }
}

pub use select::Select;

mod select {
    use super::*;

    /// A select, for a choice among many known options where radios would fill the screen.
    /// Radios come first (GOV.UK: a select is hard for many people to use); the app's own
    /// questions have few options and use radios, so this serves a municipality's catalog with
    /// a long list. The first option is a prompt with no value, so nothing is chosen for the
    /// citizen. The notice settings use it for an hour of the day (24 radios would not do).
    #[component]
    pub fn Select(
        #[prop(into)] id: String,
        label: Label,
        #[prop(optional, into)] hint: Option<Signal<String>>,
        #[prop(into)] error: Signal<Option<String>>,
        /// (value, label) of each option.
        #[prop(into)]
        options: Signal<Vec<(String, String)>>,
        #[prop(into)] value: Signal<String>,
        on_change: Callback<String>,
        /// Shown, but not to be changed here (a value fixed by an earlier answer).
        #[prop(optional, into)]
        disabled: Signal<bool>,
    ) -> impl IntoView {
        let has_error = move || error.with(|e| e.is_some());
        let described = described_by(&id, hint.is_some(), error);
        let lang = crate::app::context::use_lang();
        let choices = move || {
            let prompt = hitotsu::ui_text::t(lang.get(), Msg::SelectPrompt).to_string();
            std::iter::once((String::new(), prompt))
                .chain(options.get())
                .map(|(v, label)| {
                    let selected = {
                        let v = v.clone();
                        move || value.with(|x| *x == v)
                    };
                    // An option holds text only: no readings can be drawn in it, and Japanese
                    // on an English page is marked on the option itself.
                    let label = hitotsu::ruby::plain(&label);
                    let ja = (lang.get() == hitotsu::i18n::Lang::En
                        && label.chars().any(hitotsu::script::is_japanese))
                    .then_some("ja");
                    view! { <option value=v lang=ja prop:selected=selected>{label}</option> }
                })
                .collect_view()
        };
        view! {
            <div class="form-group" class:form-group-error=has_error>
                {label_view(&id, label, false)}
                {hint_view(&id, hint)}
                {error_view(&id, error)}
                <select
                    id=id.clone()
                    name=id.clone()
                    class="select"
                    aria-describedby=described
                    aria-invalid=move || has_error().then_some("true")
                    disabled=move || disabled.get()
                    on:change=move |ev| on_change.run(event_target_value(&ev))
                >
                    {choices}
                </select>
            </div>
        }
    }
}

/// Controls that belong together under one legend, with a hint (two selects for a span of
/// hours; a setting with its explanation).
#[component]
pub fn Fieldset(
    #[prop(into)] id: String,
    legend: Label,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    children: Children,
) -> impl IntoView {
    let described = hint.is_some().then(|| format!("{id}-hint"));
    view! {
        <div class="form-group">
            <fieldset class="fieldset" aria-describedby=described>
                {label_view(&id, legend, true)}
                {hint_view(&id, hint)}
                {children()}
            </fieldset>
        </div>
    }
}

/// Checkboxes in a fieldset: any number of options chosen. An option may carry a hint
/// of its own (said with it by `aria-describedby`); an `exclusive` option ("none of
/// these") comes after an "or" and clears the others, as they clear it (the GOV.UK
/// pattern).
#[component]
pub fn Checkboxes(
    #[prop(into)] name: String,
    legend: Label,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] values: Signal<Vec<String>>,
    on_change: Callback<Vec<String>>,
    /// (value, hint) of the options that have one.
    #[prop(optional, into)]
    hints: Option<Signal<Vec<(String, String)>>>,
    /// (value, label) of the option that excludes every other.
    #[prop(optional, into)]
    exclusive: Option<Signal<(String, String)>>,
) -> impl IntoView {
    let has_error = move || error.with(|e| e.is_some());
    let described = described_by(&name, hint.is_some(), error);
    let group = name.clone();
    let only = exclusive.map(|e| e.get_untracked().0);
    let one = move |v: String, label: String, item_hint: Option<String>| {
        let id = option_id(&group, &v);
        let checked = {
            let v = v.clone();
            move || values.with(|x| x.contains(&v))
        };
        let toggle = v.clone();
        let only = only.clone();
        let change = move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            let mut now = values.get_untracked();
            now.retain(|x| *x != toggle);
            if on {
                // The exclusive box and the others clear each other.
                match &only {
                    Some(o) if *o == toggle => now.clear(),
                    Some(o) => now.retain(|x| x != o),
                    None => {}
                }
                now.push(toggle.clone());
            }
            on_change.run(now);
        };
        let hint_id = format!("{id}-item-hint");
        let described = item_hint.is_some().then(|| hint_id.clone());
        let text = match item_hint {
            Some(h) => view! {
                <div class="checkbox-text">
                    <label for=id.clone()><Mixed text=label/></label>
                    <div id=hint_id class="hint"><Mixed text=h/></div>
                </div>
            }
            .into_any(),
            None => view! { <label for=id.clone()><Mixed text=label/></label> }.into_any(),
        };
        view! {
            <div class="checkbox">
                <input type="checkbox" id=id.clone() name=group.clone() value=v prop:checked=checked
                    aria-describedby=described on:change=change/>
                {text}
            </div>
        }
    };
    let boxes = {
        let one = one.clone();
        move || {
            let hints = hints.map(|h| h.get()).unwrap_or_default();
            options
                .get()
                .into_iter()
                .map(|(v, label)| {
                    let h = hints.iter().find(|(k, _)| *k == v).map(|(_, h)| h.clone());
                    one(v, label, h)
                })
                .collect_view()
        }
    };
    let lang = crate::app::context::use_lang();
    let last = move || {
        exclusive.map(|e| {
            let (v, label) = e.get();
            view! {
                <p class="checkboxes-divider">{move || hitotsu::ui_text::t(lang.get(), Msg::OrDivider)}</p>
                {one(v, label, None)}
            }
        })
    };
    view! {
        <div class="form-group" class:form-group-error=has_error>
            <fieldset class="fieldset" aria-describedby=described>
                {label_view(&name, legend, true)}
                {hint_view(&name, hint)}
                {error_view(&name, error)}
                <div class="checkboxes">{boxes}{last}</div>
            </fieldset>
        </div>
    }
}

/// One checkbox on its own (consent to one recipient, a procedure done), with its error.
#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    #[prop(into)] checked: Signal<bool>,
    on_change: Callback<bool>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    children: Children,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let has_error = move || error.with(|e| e.is_some());
    let described = described_by(&id, false, error);
    view! {
        <div class="checkbox-group" class:form-group-error=has_error>
            {error_view(&id, error)}
            <div class="checkbox">
                <input type="checkbox" id=id.clone() prop:checked=move || checked.get() aria-describedby=described
                    on:change=move |ev| on_change.run(event_target_checked(&ev))/>
                <label for=id>{children()}</label>
            </div>
        </div>
    }
}

/// A file chooser with its label, hint and error.
#[component]
pub fn FileInput(
    #[prop(into)] id: String,
    label: Label,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    accept: &'static str,
    node_ref: NodeRef<html::Input>,
    /// Several files may be chosen at once.
    #[prop(optional)]
    multiple: bool,
) -> impl IntoView {
    let has_error = move || error.with(|e| e.is_some());
    let described = described_by(&id, hint.is_some(), error);
    view! {
        <div class="form-group" class:form-group-error=has_error>
            {label_view(&id, label, false)}
            {hint_view(&id, hint)}
            {error_view(&id, error)}
            <input type="file" id=id.clone() name=id class="file-input" accept=accept multiple=multiple node_ref=node_ref aria-describedby=described
                aria-invalid=move || has_error().then_some("true")/>
        </div>
    }
}
