//! What the native tests share: the shipped catalog and a quick way to write answers.

use hitotsu::catalog::Catalog;
use hitotsu::condition::Answers;

pub const EVENT_FILES: [&str; 3] = ["birth.json", "moving.json", "death.json"];

pub fn read(file: &str) -> String {
    std::fs::read_to_string(format!("{}/public/catalog/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

pub fn event_files() -> Vec<(String, String)> {
    EVENT_FILES.iter().map(|f| (f.to_string(), read(f))).collect()
}

/// The catalog as shipped under public/catalog.
pub fn catalog() -> Catalog {
    Catalog::load(&read("index.json"), &read("fields.json"), &event_files()).expect("the shipped catalog loads")
}

#[allow(dead_code)] // not every test file writes answers
pub fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}
