//! `/case/:case/sheet/:packet`: a filled-in sheet for one recipient, to show at the
//! counter or print. Always in standard Japanese, the counter's language, with the
//! citizen's language alongside; every printed page carries the name, the date and its
//! number (the header repeats; the page number comes from the print stylesheet).

use crate::app::components::layout::Keyed;
use crate::app::components::layout::{BackLink, PageHeading};
use crate::app::components::not_found::NotFound;
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use crate::app::services::browser;
use hitotsu::case::PacketStatus;
use hitotsu::i18n::Lang;
use hitotsu::onestop::form_of;
use hitotsu::ui_text::{format_date, sheet_header, t, Msg};
use hitotsu::vault::ME;
use leptos::prelude::*;

#[component]
pub fn SheetPage() -> impl IntoView {
    let packet = routes::use_packet_id();
    view! { <Keyed key=packet children=std::sync::Arc::new(|p| view! { <Sheet packet=p/> }.into_any())/> }
}

#[component]
fn Sheet(packet: String) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    // A prepared sheet shows the vault as it is now (a correction is printed); one handed
    // over or sent shows what was given.
    let found = store.with_untracked(|s| {
        let record = s.case(&case.id)?.packets.get(&packet)?.clone();
        let forms = if record.status == PacketStatus::Prepared {
            let scope = s.scope(&catalog, &case.id, today)?;
            let answers = scope.answers();
            scope
                .event
                .procedures
                .iter()
                .filter(|p| record.procedures.contains(&p.id))
                .map(|p| form_of(&scope, p, &answers).0)
                .collect()
        } else {
            record.forms.clone()
        };
        let name = s
            .vault
            .name_at(ME, today)
            .map(str::to_string)
            .unwrap_or_default();
        Some((record, forms, name))
    });
    let Some((record, forms, name)) = found else {
        return view! { <NotFound/> }.into_any();
    };
    let event = catalog
        .event(&case.event)
        .cloned()
        .expect("the case layout found it");
    let body = {
        let catalog = catalog.clone();
        move || {
            let lang = lang.get();
            // The citizen's language beside the counter's, where it is not Japanese.
            let beside = |ja: String, other: String| {
                if lang == Lang::Ja {
                    view! { <span lang="ja">{ja}</span> }.into_any()
                } else {
                    view! { <span lang="ja">{ja}</span>" "<span class="beside" lang=lang.html_tag()>{mixed(lang, format!("({other})"))}</span> }.into_any()
                }
            };
            let sections = forms
                .iter()
                .filter_map(|f| event.procedures.iter().find(|p| p.id == f.procedure).map(|p| (p, f)))
                .map(|(p, f)| {
                    let rows = f
                        .facts
                        .iter()
                        .map(|(field, value)| {
                            let label = beside(catalog.field_label(field, Lang::Ja), catalog.field_label(field, lang));
                            let shown = hitotsu::ui_text::display_value(&catalog, field, value, Lang::Ja);
                            let blank = value.is_empty();
                            view! { <dt>{label}</dt><dd lang="ja" class:blank=blank>{if blank { "—".to_string() } else { shown }}</dd> }
                        })
                        .collect_view();
                    view! {
                        <section class="sheet-form">
                            <h2>{beside(p.title.get(Lang::Ja).to_string(), p.title.get(lang).to_string())}</h2>
                            <dl class="facts">{rows}</dl>
                        </section>
                    }
                })
                .collect_view();
            let docs = record.documents.iter().map(|d| view! { <li>{beside(catalog.document_name(d, Lang::Ja), catalog.document_name(d, lang))}</li> }).collect_view();
            view! {
                {sections}
                <h2>{beside(t(Lang::Ja, Msg::Bring).to_string(), t(lang, Msg::Bring).to_string())}</h2>
                <ul class="bring">{docs}</ul>
            }
        }
    };
    let heading = {
        let catalog = catalog.clone();
        let agency_id = record.agency.clone();
        Signal::derive(move || {
            format!(
                "{}: {}",
                t(lang.get(), Msg::SheetTitle),
                catalog.agency_name(&agency_id, lang.get())
            )
        })
    };
    let header = sheet_header(Lang::Ja, &name, today, &record.reference);
    // Every printed page carries it in its top margin (the page number is in the bottom
    // margin, from the stylesheet); gone when the citizen leaves the sheet.
    {
        let header = header.clone();
        Effect::new(move |_| browser::set_print_header(Some(&header)));
        on_cleanup(|| browser::set_print_header(None));
    }
    view! {
        <div class="page page-wide sheet">
            <div class="no-print"><BackLink href=routes::receipts(&case.id)/></div>
            <p class="sheet-running-header" lang="ja">{header}</p>
            <PageHeading text=heading/>
            <p class="sheet-meta">{move || format!("{}: {} — {}", t(lang.get(), Msg::Reference), record.reference, format_date(record.date, lang.get()))}</p>
            {body}
            <button type="button" class="button no-print" on:click=move |_| browser::print()>{tr(Msg::Print)}</button>
        </div>
    }
    .into_any()
}
