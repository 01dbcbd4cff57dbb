//! The stored state in localStorage: read once at start, written through on every change,
//! and shared by every tab of the app on the device.
//!
//! One writer at a time: a tab writes only over what it last wrote or read. When another
//! tab wrote in between (its storage event not yet here), the write is not made; the tab
//! takes the stored state and says so, so no tab can bring back deleted data or silently
//! overwrite a newer edit. Another tab's writes are taken as they happen (storage events),
//! so "delete everything" reaches every open tab at once. A write the browser refuses (full
//! storage) is shown at once. An unreadable store is kept aside, never deleted.

use hitotsu::state::{AppState, LoadProblem};
use leptos::prelude::*;

/// The device's localStorage (the counter keeps its session and confirmations there too).
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Where the state is kept: the citizen's key, or the counter's (`app::Mode`).
fn key() -> &'static str {
    crate::app::mode().storage_key
}

fn kept_aside_key() -> String {
    format!("{}.unreadable", key())
}

/// What went wrong with keeping the state, shown on every page until it is resolved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StorageIssue {
    /// The browser refused the last write: nothing since is kept.
    NotSaved,
    /// Another tab changed the state, and this one now shows it.
    ChangedElsewhere,
    /// Another tab wrote first: this tab's last change was not saved.
    Conflict,
}

/// Keeps the state on the device: writes it, knows whether the last write held, and what
/// this tab last wrote or read (the version stamp a write must find in storage).
#[derive(Clone, Copy)]
pub struct Keeper {
    state: RwSignal<AppState>,
    known: StoredValue<Option<String>>,
    pub issue: RwSignal<Option<StorageIssue>>,
}

impl Keeper {
    /// Writes the state now unless storage already holds it. False when it is not kept:
    /// the browser refused, or another tab wrote first (then its state is taken and the
    /// citizen told).
    pub fn write(self) -> bool {
        let text = self.state.with_untracked(AppState::to_stored);
        if self
            .known
            .with_value(|k| k.as_deref() == Some(text.as_str()))
        {
            return self.issue.get_untracked() != Some(StorageIssue::NotSaved);
        }
        let Some(store) = local() else {
            return false;
        };
        let current = store.get_item(key()).ok().flatten();
        if current != self.known.get_value() {
            // Another tab wrote since this one last looked: its state wins, visibly.
            self.known.set_value(current.clone());
            self.state.set(AppState::from_stored(current.as_deref()).0);
            self.issue.set(Some(StorageIssue::Conflict));
            return false;
        }
        match store.set_item(key(), &text) {
            Ok(()) => {
                self.known.set_value(Some(text));
                if self.issue.get_untracked() == Some(StorageIssue::NotSaved) {
                    self.issue.set(None);
                }
                true
            }
            Err(_) => {
                self.issue.set(Some(StorageIssue::NotSaved));
                false
            }
        }
    }
}

pub fn use_keeper() -> Keeper {
    expect_context::<Keeper>()
}

/// The raw stored text, as read at start (for `write_through`'s first comparison).
pub struct Loaded {
    pub state: AppState,
    pub problem: Option<LoadProblem>,
    pub raw: Option<String>,
}

/// Reads the stored state; an unreadable store is moved aside (never deleted) so the
/// citizen's data can still be recovered.
pub fn load() -> Loaded {
    let Some(store) = local() else {
        return Loaded {
            state: AppState::default(),
            problem: None,
            raw: None,
        };
    };
    let raw = store.get_item(key()).ok().flatten();
    let (mut state, problem) = AppState::from_stored(raw.as_deref());
    // A first visit speaks the browser's language.
    if raw.is_none() {
        state.lang = hitotsu::i18n::Lang::from_browser(&super::browser::languages());
    }
    if let (Some(_), Some(raw)) = (&problem, &raw) {
        let _ = store.set_item(&kept_aside_key(), raw);
    }
    Loaded {
        state,
        problem,
        raw,
    }
}

/// The copy kept aside of a store the app could not read, if there is one.
pub fn kept_aside() -> Option<String> {
    local()?.get_item(&kept_aside_key()).ok().flatten()
}

/// Drops the copy kept aside, once it has been restored.
pub fn forget_kept_aside() {
    if let Some(store) = local() {
        let _ = store.remove_item(&kept_aside_key());
    }
}

/// Removes every other copy on the device, as "delete everything" means: what was kept
/// aside of an unreadable store, the service worker's caches and any push subscription.
pub fn forget_copies() {
    forget_kept_aside();
    super::browser::forget_caches();
}

/// Writes every change through, so a reload, a closed tab or a crash loses nothing, and
/// takes every change another tab writes. Provides the `Keeper` pages and the sender use.
pub fn write_through(state: RwSignal<AppState>, loaded_raw: Option<String>) -> Keeper {
    let keeper = Keeper {
        state,
        known: StoredValue::new(loaded_raw),
        issue: RwSignal::new(None),
    };
    Effect::new(move |_| {
        state.track();
        keeper.write();
    });
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        // A key of None: the whole storage was cleared.
        if ev.key().is_some_and(|k| k != key()) {
            return;
        }
        let raw = ev.new_value();
        let (theirs, _) = AppState::from_stored(raw.as_deref());
        keeper.known.set_value(raw);
        if state.with_untracked(|mine| *mine != theirs) {
            state.set(theirs);
            keeper.issue.set(Some(StorageIssue::ChangedElsewhere));
        }
    });
    on_cleanup(move || listener.remove());
    provide_context(keeper);
    keeper
}
