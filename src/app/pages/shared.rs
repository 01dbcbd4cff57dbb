//! `/shared`: every fact handed over or sent, grouped by recipient: what, when, for which
//! procedure.

use crate::app::components::layout::PageHeading;
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_catalog_signal, use_lang, use_store};
use hitotsu::ui_text::{format_date, t, Msg};
use leptos::prelude::*;

#[component]
pub fn SharedPage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let catalog_now = use_catalog_signal();
    let body = move || {
        let lang = lang.get();
        let catalog = catalog_now.get();
        store.with(|s| {
            if s.shared.is_empty() {
                return view! { <p>{mixed(lang, t(lang, Msg::NothingShared))}</p> }.into_any();
            }
            let mut recipients: Vec<&str> = Vec::new();
            for r in s.shared.iter().rev() {
                if !recipients.contains(&r.recipient.as_str()) {
                    recipients.push(&r.recipient);
                }
            }
            recipients
                .into_iter()
                .enumerate()
                .map(|(i, recipient)| {
                    let caption_id = format!("shared-{i}");
                    let labelled = caption_id.clone();
                    let rows = s
                        .shared
                        .iter()
                        .rev()
                        .filter(|r| r.recipient == recipient)
                        .map(|r| {
                            let procedure = s
                                .case(&r.case)
                                .and_then(|c| catalog.procedure(&c.event, &r.procedure))
                                .map_or(r.procedure.clone(), |p| p.title.get(lang).to_string());
                            view! {
                                <tr>
                                    <td>{mixed(lang, catalog.field_label(&r.field, lang))}</td>
                                    <td>{mixed(lang, hitotsu::ui_text::display_value(&catalog, &r.field, &r.value, lang))}</td>
                                    <td>{mixed(lang, procedure)}</td>
                                    <td>{format!("{} ({})", format_date(r.date, lang), t(lang, if r.sent { Msg::Sent } else { Msg::HandedOver }))}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=labelled>
                            <table class="table">
                                <caption id=caption_id>{mixed(lang, catalog.agency_name(recipient, lang))}</caption>
                                <thead><tr>
                                    <th scope="col">{mixed(lang, t(lang, Msg::Fact))}</th>
                                    <th scope="col">{mixed(lang, t(lang, Msg::Value))}</th>
                                    <th scope="col">{mixed(lang, t(lang, Msg::Procedures))}</th>
                                    <th scope="col">{mixed(lang, t(lang, Msg::Date))}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <div class="page page-wide">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::SharedTitle).to_string())/>
            <p>{tr(Msg::SharedIntro)}</p>
            {body}
        </div>
    }
}
