//! The stored state in localStorage: read once at start, written through on every change.
//! An unreadable store is kept aside, never deleted.

use hitotsu::state::{AppState, LoadProblem, STORAGE_KEY};
use leptos::prelude::*;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn kept_aside_key() -> String {
    format!("{STORAGE_KEY}.unreadable")
}

/// Reads the stored state; an unreadable store is moved aside (never deleted) so the
/// citizen's data can still be recovered.
pub fn load() -> (AppState, Option<LoadProblem>) {
    let Some(store) = storage() else {
        return (AppState::default(), None);
    };
    let raw = store.get_item(STORAGE_KEY).ok().flatten();
    let (mut state, problem) = AppState::from_stored(raw.as_deref());
    // A first visit speaks the browser's language.
    if raw.is_none() {
        state.lang = hitotsu::i18n::Lang::from_browser(&super::browser::languages());
    }
    if let (Some(_), Some(raw)) = (&problem, raw) {
        let _ = store.set_item(&kept_aside_key(), &raw);
    }
    (state, problem)
}

/// Removes what was kept aside of an unreadable store ("delete everything" means it).
pub fn forget_kept_aside() {
    if let Some(store) = storage() {
        let _ = store.remove_item(&kept_aside_key());
    }
}

fn save(state: &AppState) {
    if let Some(store) = storage() {
        let _ = store.set_item(STORAGE_KEY, &state.to_stored());
    }
}

/// Writes every change through, so a reload, a closed tab or a crash loses nothing.
pub fn write_through(state: RwSignal<AppState>) {
    Effect::new(move |_| state.with(save));
}
