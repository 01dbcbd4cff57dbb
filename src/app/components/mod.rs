//! What pages are built from: the page frame (header, heading, back link), the accessible
//! form kit, and the widgets more than one page shows.

pub mod calendar;
pub mod catalog_error;
pub mod event;
pub mod fact_editor;
pub mod fact_input;
pub mod form;
pub mod heirs_periods;
pub mod layout;
pub mod not_found;
pub mod procedure;
pub mod read_aloud;
pub mod text;
pub mod unlock;
