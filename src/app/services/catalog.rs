//! Fetching the catalog files and checking them: the error names file and entry.

use super::browser::get_text;
use hitotsu::catalog::{Catalog, Index};

async fn fetch(file: &str) -> Result<String, String> {
    get_text(&format!("/catalog/{file}"))
        .await
        .map_err(|e| format!("{file}: {e}"))
}

/// Loads the catalog files in parallel and checks them.
pub async fn load() -> Result<std::sync::Arc<Catalog>, String> {
    let (index_src, fields_src) = futures::join!(fetch("index.json"), fetch("fields.json"));
    let (index_src, fields_src) = (index_src?, fields_src?);
    // A malformed index lists no files here; Catalog::load then says what is wrong with it.
    let files: Vec<String> = serde_json::from_str::<Index>(&index_src)
        .map(|i| i.events.into_iter().map(|e| e.file).collect())
        .unwrap_or_default();
    let fetched = futures::future::join_all(files.iter().map(|f| fetch(f))).await;
    // A file that cannot be fetched is left out; Catalog::load then names it.
    let event_files: Vec<(String, String)> = files
        .into_iter()
        .zip(fetched)
        .filter_map(|(f, src)| src.ok().map(|src| (f, src)))
        .collect();
    Catalog::load(&index_src, &fields_src, &event_files)
        .map(std::sync::Arc::new)
        .map_err(|e| e.to_string())
}

/// The readings shown over kanji (furigana); fetched only when a page first needs them.
pub async fn load_readings() -> Result<std::sync::Arc<hitotsu::ruby::Lexicon>, String> {
    let src = fetch("readings.json").await?;
    hitotsu::ruby::Lexicon::parse(&src)
        .map(std::sync::Arc::new)
        .map_err(|e| format!("readings.json: {}", e.0))
}
