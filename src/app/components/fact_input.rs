//! One fact of the field dictionary as a form control: its kind chooses the control, the
//! input mode, the format hint and (for the citizen's own details) autocomplete.

use crate::app::components::form::{option_id, DateInput, Label, Radios, TextInput, Width};
use crate::app::context::use_lang;
use hitotsu::catalog::{Field, FieldKind};
use hitotsu::ui_text::{t, Msg};
use leptos::prelude::*;

/// What an error summary link focuses for this control.
pub fn focus_target(id: &str, def: &Field) -> String {
    match def.options.first() {
        Some(o) if def.kind == FieldKind::Choice => option_id(id, &o.id),
        _ => id.to_string(),
    }
}

fn format_hint(kind: FieldKind) -> Option<Msg> {
    match kind {
        FieldKind::Kana => Some(Msg::KanaHint),
        FieldKind::PostalCode => Some(Msg::PostalCodeHint),
        FieldKind::Phone => Some(Msg::PhoneHint),
        FieldKind::MyNumber => Some(Msg::MyNumberHint),
        FieldKind::ResidenceCard => Some(Msg::ResidenceCardHint),
        FieldKind::Time => Some(Msg::TimeHint),
        FieldKind::Number => Some(Msg::NumberHint),
        _ => None,
    }
}

/// The browser may fill in only the citizen's own details, never another person's; at a
/// counter, nothing (what a browser remembers for autofill stays on its disk).
fn autocomplete(own: bool, attribute: &str) -> &'static str {
    if crate::app::mode().counter.is_some() {
        return "off";
    }
    match (own, attribute) {
        (true, "name") => "name",
        (true, "name_kana") => "off",
        (true, "phone") => "tel",
        (true, "birth_date") => "bday",
        (true, "postal_code") => "postal-code",
        (true, "address") => "street-address",
        _ => "off",
    }
}

#[component]
pub fn FactInput(
    #[prop(into)] id: String,
    def: Field,
    #[prop(into)] attribute: String,
    #[prop(into)] label: Signal<String>,
    /// Said before the format hint ("the address from 1 June 2026").
    #[prop(optional, into)]
    note: Option<Signal<String>>,
    /// The citizen's own detail (or their household's).
    own: bool,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let format = format_hint(def.kind);
    let hint = (note.is_some() || format.is_some()).then(|| {
        Signal::derive(move || {
            let parts: Vec<String> = [
                note.map(|n| n.get()),
                format.map(|m| t(lang.get(), m).to_string()),
            ]
            .into_iter()
            .flatten()
            .collect();
            parts.join(" ")
        })
    });
    if def.kind == FieldKind::Choice {
        let options = def.options.clone();
        let options = Signal::derive(move || {
            options
                .iter()
                .map(|o| (o.id.clone(), o.label.get(lang.get()).to_string()))
                .collect::<Vec<_>>()
        });
        return match hint {
            Some(hint) => view! { <Radios name=id legend=Label::Plain(label) hint error options value on_change/> }.into_any(),
            None => view! { <Radios name=id legend=Label::Plain(label) error options value on_change/> }.into_any(),
        };
    }
    let width = match def.kind {
        FieldKind::PostalCode
        | FieldKind::Phone
        | FieldKind::Date
        | FieldKind::MyNumber
        | FieldKind::ResidenceCard => Width::Medium,
        FieldKind::Number => Width::Short,
        _ => Width::Full,
    };
    let inputmode = match def.kind {
        FieldKind::Number | FieldKind::PostalCode | FieldKind::MyNumber => "numeric",
        FieldKind::Phone => "tel",
        _ => "text",
    };
    let autocomplete = autocomplete(own, &attribute);
    if def.kind == FieldKind::Date {
        return match note {
            Some(hint) => view! { <DateInput id label=Label::Plain(label) hint error value on_input=on_change autocomplete/> }.into_any(),
            None => view! { <DateInput id label=Label::Plain(label) error value on_input=on_change autocomplete/> }.into_any(),
        };
    }
    match hint {
        Some(hint) => view! {
            <TextInput id label=Label::Plain(label) hint error value on_input=on_change inputmode autocomplete width/>
        }
        .into_any(),
        None => view! { <TextInput id label=Label::Plain(label) error value on_input=on_change inputmode autocomplete width/> }.into_any(),
    }
}
