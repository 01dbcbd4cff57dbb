//! Fetching the catalog files and checking them: the error names file and entry.

use super::browser::get_text;
use hitotsu::catalog::Catalog;
use hitotsu::state::AppState;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

async fn fetch(file: &str) -> Result<String, String> {
    get_text(&format!("/catalog/{file}"))
        .await
        .map_err(|e| format!("{file}: {e}"))
}

/// Loads the index and the field dictionary in parallel and checks them: what every page
/// needs. Event files come when their event is opened (`ensure_event`).
pub async fn load() -> Result<Arc<Catalog>, String> {
    let (index_src, fields_src) = futures::join!(fetch("index.json"), fetch("fields.json"));
    Catalog::base(&index_src?, &fields_src?)
        .map(Arc::new)
        .map_err(|e| e.to_string())
}

/// Makes sure an event's file is in the catalog: fetched and checked the first time.
pub async fn ensure_event(catalog: RwSignal<Arc<Catalog>>, id: &str) -> Result<(), String> {
    let file = catalog
        .with_untracked(|c| (c.event(id).is_none()).then(|| c.event_file(id).map(str::to_string)));
    let Some(file) = file else {
        return Ok(());
    };
    let file = file.ok_or_else(|| format!("index.json: events: lists no event \"{id}\""))?;
    let src = fetch(&file)
        .await
        .map_err(|_| format!("{file}: listed in index.json but could not be read"))?;
    let mut next = (*catalog.get_untracked()).clone();
    next.add_event(id, &src).map_err(|e| e.to_string())?;
    catalog.set(Arc::new(next));
    Ok(())
}

/// Fetches the event file of every case on the device, once the app has started (the
/// notices, home and what was shared speak of all of them); a first visit fetches nothing.
pub fn load_events_of_cases(catalog: RwSignal<Arc<Catalog>>, state: RwSignal<AppState>) {
    Effect::new(move |_| {
        let events: BTreeSet<String> =
            state.with(|s| s.cases.iter().map(|c| c.event.clone()).collect());
        for event in events {
            leptos::task::spawn_local(async move {
                // A file that cannot be used is named when its case is opened.
                let _ = ensure_event(catalog, &event).await;
            });
        }
    });
}

/// The readings shown over kanji (furigana); fetched only when a page first needs them.
pub async fn load_readings() -> Result<std::sync::Arc<hitotsu::ruby::Lexicon>, String> {
    let src = fetch("readings.json").await?;
    hitotsu::ruby::Lexicon::parse(&src)
        .map(std::sync::Arc::new)
        .map_err(|e| format!("readings.json: {}", e.0))
}
