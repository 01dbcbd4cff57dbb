//! The calendar file of open due dates (RFC 5545), from the plan of one event or from the
//! notice centre for all of them: a download, nothing sent.

use crate::app::context::{tr, use_catalog, use_store, use_today};
use crate::app::services::browser;
use hitotsu::ui_text::Msg;
use leptos::prelude::*;

/// A button that saves the `.ics` of one case's open due dates, or of every case's.
#[component]
pub fn CalendarButton(#[prop(optional)] case: Option<String>) -> impl IntoView {
    let store = use_store();
    let today = use_today();
    let download = move |_| {
        let catalog = use_catalog();
        if store.with_untracked(|s| s.calendar_id.is_empty()) {
            store.update(|s| s.calendar_id = browser::new_key());
        }
        let text = store.with(|s| {
            let entries = hitotsu::ics::due_entries(
                s,
                &catalog,
                &catalog.closed_days(),
                today,
                s.lang,
                case.as_deref(),
            );
            hitotsu::ics::calendar(&entries, browser::utc_now())
        });
        let name = match &case {
            Some(c) => format!("hitotsu-{c}-{today}.ics"),
            None => format!("hitotsu-{today}.ics"),
        };
        browser::download(&name, &text);
    };
    view! {
        <p class="hint">{tr(Msg::CalendarExportHint)}</p>
        <button type="button" class="button button-secondary" on:click=download>{tr(Msg::CalendarExport)}</button>
    }
}
