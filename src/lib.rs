//! hitotsu's domain core: catalog, questionnaire, deadlines, holidays and plans.
//!
//! Plain Rust with no browser dependency, so `cargo test` runs all of it natively; the
//! Leptos app (src/app, wasm32 only) is a thin layer over these modules.

pub mod calendar;
pub mod case;
pub mod catalog;
pub mod citizen_screen;
pub mod condition;
pub mod date_input;
pub mod deadline;
pub mod fields;
pub mod files;
pub mod handoff;
pub mod holidays;
pub mod household;
pub mod i18n;
pub mod ics;
pub mod integrity;
pub mod iso_date;
pub mod notice;
pub mod onestop;
pub mod outbox;
pub mod people;
pub mod plan;
pub mod postal;
pub mod questionnaire;
pub mod resolve;
pub mod ruby;
pub mod script;
pub mod session;
pub mod speech;
pub mod state;
pub mod ui_text;
pub mod vault;
pub mod width;

pub use jiff::civil::Date;
