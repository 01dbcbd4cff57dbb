//! One file per route. A page reads its parameters through `routes`, its data through the
//! contexts, and decides nothing the core could decide.

pub mod accessibility;
pub mod case;
pub mod change;
pub mod check;
pub mod data;
pub mod delete_all;
pub mod details;
pub mod edit_fact;
pub mod files;
pub mod handoff;
pub mod home;
#[cfg(debug_assertions)]
pub mod kit;
pub mod lock;
/// A citizen's build answers `/_kit` as any unknown address.
#[cfg(not(debug_assertions))]
pub mod kit {
    pub use super::not_found::NotFoundPage as KitPage;
}
pub mod my_info;
pub mod not_found;
pub mod notices;
pub mod people;
pub mod plan;
pub mod question;
pub mod receipts;
pub mod send;
pub mod settings;
pub mod shared;
pub mod sheet;
pub mod start;
pub mod summary;
