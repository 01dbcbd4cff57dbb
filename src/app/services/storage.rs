//! The stored state in localStorage: read once at start, written through on every change,
//! and shared by every tab of the app on the device.
//!
//! A device may hold several people's files (`hitotsu::files`): each tab works on one,
//! remembered in its session storage, and never reads or writes another. A locked file is
//! kept sealed: this tab writes it only once it holds the file's key (its passcode was
//! given here), and every write is sealed anew.
//!
//! One writer at a time: a tab writes only over what it last wrote or read. When another
//! tab wrote in between (its storage event not yet here), the write is not made; the tab
//! takes the stored state and says so, so no tab can bring back deleted data or silently
//! overwrite a newer edit. Another tab's writes are taken as they happen (storage events),
//! so "delete everything" reaches every open tab at once. A write the browser refuses (full
//! storage) is shown at once. An unreadable store is kept aside, never deleted.

use super::seal;
use hitotsu::files::{self, FileSummary, Kdf, Opening, Sealed};
use hitotsu::state::{AppState, LoadProblem};
use leptos::prelude::*;
use std::cell::RefCell;
use web_sys::CryptoKey;

/// The device's localStorage (the counter keeps its session and confirmations there too).
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

thread_local! {
    /// The file this tab works on.
    static FILE: RefCell<String> = const { RefCell::new(String::new()) };
    /// The key of the sealed file this tab works on, once opened here, and how it was made.
    static KEY: RefCell<Option<(CryptoKey, Option<Kdf>)>> = const { RefCell::new(None) };
}

/// The file this tab works on ("" for the first).
pub fn file() -> String {
    FILE.with(|f| f.borrow().clone())
}

/// Where the state is kept: this tab's file, or the counter's key (`app::Mode`).
fn key() -> String {
    match crate::app::mode().counter {
        Some(_) => crate::app::mode().storage_key.to_string(),
        None => files::storage_key(&file()),
    }
}

fn sealed_here() -> bool {
    KEY.with(|k| k.borrow().is_some())
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

/// Whether this tab is in a file: a device with several files asks whose first, and a
/// locked file asks its passcode.
#[derive(Clone, Debug, PartialEq)]
pub enum Gate {
    Open,
    Choose,
    Locked(Sealed),
    /// A counter window finding out whether the session on the device is one it may go
    /// on with (its key held by this window or another), before anything is drawn.
    Opening,
}

/// Keeps the state on the device: writes it, knows whether the last write held, and what
/// this tab last wrote or read (the version stamp a write must find in storage).
#[derive(Clone, Copy)]
pub struct Keeper {
    state: RwSignal<AppState>,
    /// The stored text last written or read here (a plain state or a sealed envelope).
    known: StoredValue<Option<String>>,
    /// For a sealed file: the state's text that `known` seals.
    sealed_plain: StoredValue<Option<String>>,
    /// Numbers each sealed write, so one that finishes after a newer one is dropped.
    generation: StoredValue<u64>,
    /// Moves when a sealed write lands (the sender waits for it).
    pub landed: RwSignal<u64>,
    pub gate: RwSignal<Gate>,
    pub issue: RwSignal<Option<StorageIssue>>,
}

impl Keeper {
    /// Whether storage holds the state as it is now; writes it otherwise. False when it is
    /// not kept (yet): the browser refused, another tab wrote first (then its state is
    /// taken and the citizen told), the file is not open here, or a sealed write is still
    /// being made (`landed` moves when it is in).
    pub fn write(self) -> bool {
        if self.gate.with_untracked(|g| *g != Gate::Open) {
            return false;
        }
        // A counter keeps nothing in plain: without a session's key, nothing is written.
        if crate::app::mode().counter.is_some() && !sealed_here() {
            return true;
        }
        let text = self.state.with_untracked(AppState::to_stored);
        if sealed_here() {
            if self
                .sealed_plain
                .with_value(|k| k.as_deref() == Some(text.as_str()))
            {
                return self.issue.get_untracked() != Some(StorageIssue::NotSaved);
            }
            let generation = self.generation.get_value() + 1;
            self.generation.set_value(generation);
            leptos::task::spawn_local(async move {
                let Some(raw) = seal_text(&text, &self.state.get_untracked()).await else {
                    self.issue.set(Some(StorageIssue::NotSaved));
                    return;
                };
                if self.generation.get_value() == generation && self.commit(&raw) {
                    self.sealed_plain.set_value(Some(text));
                    self.landed.update(|n| *n += 1);
                }
            });
            return false;
        }
        if self
            .known
            .with_value(|k| k.as_deref() == Some(text.as_str()))
        {
            return self.issue.get_untracked() != Some(StorageIssue::NotSaved);
        }
        self.commit(&text)
    }

    /// Stores `raw` over what this tab last knew; another tab's newer text is taken instead.
    fn commit(self, raw: &str) -> bool {
        let Some(store) = local() else {
            return false;
        };
        let current = store.get_item(&key()).ok().flatten();
        if current != self.known.get_value() {
            // Another tab wrote since this one last looked: its state wins, visibly.
            self.take(current, StorageIssue::Conflict);
            return false;
        }
        match store.set_item(&key(), raw) {
            Ok(()) => {
                self.known.set_value(Some(raw.to_string()));
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

    /// Takes a stored text another tab wrote: a plain state as it is; a sealed one opened
    /// with this tab's key, or, when this tab has none that opens it (the file was locked
    /// or given another passcode elsewhere), the file closes here and asks for it.
    fn take(self, raw: Option<String>, issue: StorageIssue) {
        self.known.set_value(raw.clone());
        let Some(sealed) = raw.as_deref().and_then(Sealed::parse) else {
            // Plain (or gone): a lock removed in another tab drops this tab's key too.
            KEY.with(|k| *k.borrow_mut() = None);
            self.sealed_plain.set_value(None);
            let (theirs, _) = AppState::from_stored(raw.as_deref());
            if self.state.with_untracked(|mine| *mine != theirs) {
                self.state.set(theirs);
                self.issue.set(Some(issue));
            }
            return;
        };
        leptos::task::spawn_local(async move {
            match open_with_held_key(&sealed).await {
                Some(plain) if self.known.with_value(|k| k == &raw) => {
                    let (theirs, _) = AppState::from_stored(Some(&plain));
                    self.sealed_plain.set_value(Some(plain));
                    if self.state.with_untracked(|mine| *mine != theirs) {
                        self.state.set(theirs);
                        self.issue.set(Some(issue));
                    }
                }
                Some(_) => {}
                None => self.close(sealed),
            }
        });
    }

    /// The file closes in this tab: nothing of it stays on screen or in memory but what
    /// its unlock page shows (its language and display).
    fn close(self, sealed: Sealed) {
        KEY.with(|k| *k.borrow_mut() = None);
        self.sealed_plain.set_value(None);
        self.state.set(AppState {
            lang: sealed.lang,
            display: sealed.display,
            ..AppState::default()
        });
        self.gate.set(Gate::Locked(sealed));
    }

    /// Opens this tab's locked file with its passcode; false when the passcode does not
    /// open it (nothing changes then).
    pub async fn unlock(self, passcode: &str) -> bool {
        let Gate::Locked(sealed) = self.gate.get_untracked() else {
            return false;
        };
        let (Some(kdf), Some(salt)) = (sealed.kdf.clone(), sealed.salt_bytes()) else {
            return false;
        };
        let Some(key) = seal::passcode_key(passcode, &salt, kdf.iterations).await else {
            return false;
        };
        let (Some(iv), Some(data)) = (sealed.iv_bytes(), sealed.data_bytes()) else {
            return false;
        };
        let Some(plain) = seal::decrypt(&key, &iv, &data, &key_name()).await else {
            return false;
        };
        let Ok(plain) = String::from_utf8(plain) else {
            return false;
        };
        let (state, _) = AppState::from_stored(Some(&plain));
        KEY.with(|k| *k.borrow_mut() = Some((key, Some(kdf))));
        self.known.set_value(Some(sealed.to_stored()));
        self.sealed_plain.set_value(Some(plain));
        self.state.set(state);
        self.gate.set(Gate::Open);
        remember_file(&file());
        true
    }

    /// Locks this tab's file with a new passcode (or gives it a new one): from the next
    /// write on, what is stored is sealed. Resolves once the sealed file is stored.
    pub async fn lock(self, passcode: &str) -> bool {
        let salt = seal::random_bytes(16);
        let kdf = files::passcode_kdf(&salt);
        let Some(key) = seal::passcode_key(passcode, &salt, kdf.iterations).await else {
            return false;
        };
        let text = self.state.with_untracked(AppState::to_stored);
        KEY.with(|k| *k.borrow_mut() = Some((key, Some(kdf))));
        let Some(raw) = seal_text(&text, &self.state.get_untracked()).await else {
            KEY.with(|k| *k.borrow_mut() = None);
            return false;
        };
        if !self.commit(&raw) {
            KEY.with(|k| *k.borrow_mut() = None);
            return false;
        }
        self.sealed_plain.set_value(Some(text));
        // A copy kept aside of an unreadable store is sealed with it: nothing of the
        // file stays readable beside it.
        if let Some(kept) = kept_aside() {
            match seal_text(&kept, &self.state.get_untracked()).await {
                Some(sealed) => {
                    if let Some(s) = local() {
                        let _ = s.set_item(&kept_aside_key(), &sealed);
                    }
                }
                None => self.issue.set(Some(StorageIssue::NotSaved)),
            }
        }
        true
    }

    /// Removes the lock: the file is stored plain again from now on.
    pub fn unseal(self) -> bool {
        KEY.with(|k| *k.borrow_mut() = None);
        self.sealed_plain.set_value(None);
        self.write()
    }

    /// Opens the sealed state stored under this tab's key with the key it holds (a counter
    /// session's); false when there is none or the key does not open it.
    #[allow(dead_code)] // the counter's build only
    pub async fn open_held(self) -> bool {
        let raw = local().and_then(|s| s.get_item(&key()).ok().flatten());
        let Some(sealed) = raw.as_deref().and_then(Sealed::parse) else {
            return false;
        };
        let Some(plain) = open_with_held_key(&sealed).await else {
            return false;
        };
        let (state, _) = AppState::from_stored(Some(&plain));
        self.known.set_value(raw);
        self.sealed_plain.set_value(Some(plain));
        self.state.set(state);
        self.gate.set(Gate::Open);
        true
    }

    /// Deliveries the recipients confirmed that storage does not hold yet (a write refused
    /// after the answer came): (packet id, receipt). What the alert must not deny.
    pub fn unrecorded_deliveries(self) -> Vec<(String, String)> {
        let stored = self.sealed_plain.get_value().or_else(|| {
            self.known
                .get_value()
                .filter(|k| Sealed::parse(k).is_none())
        });
        let (kept, _) = AppState::from_stored(stored.as_deref());
        self.state.with(|s| {
            s.outbox
                .items
                .iter()
                .filter_map(|i| match &i.delivery {
                    hitotsu::outbox::Delivery::Delivered { receipt, .. }
                        if kept
                            .outbox
                            .get(&i.id)
                            .is_none_or(|k| k.delivery != i.delivery) =>
                    {
                        Some((i.id.clone(), receipt.clone()))
                    }
                    _ => None,
                })
                .collect()
        })
    }

    /// Whether this tab's file is locked (and open here).
    pub fn locked(self) -> bool {
        let _ = self.landed.get();
        sealed_here()
    }
}

/// This window holds the key of what it keeps (a counter session's), from now on.
#[allow(dead_code)] // the counter's build only
pub fn hold_key(key: CryptoKey) {
    KEY.with(|k| *k.borrow_mut() = Some((key, None)));
}

/// This window holds no key any more.
#[allow(dead_code)] // the counter's build only
pub fn forget_key() {
    KEY.with(|k| *k.borrow_mut() = None);
}

/// The storage key as the sealed text's additional data.
fn key_name() -> String {
    key()
}

/// Seals a state's text with this tab's key, as stored: the envelope.
async fn seal_text(text: &str, state: &AppState) -> Option<String> {
    let (key, kdf) = KEY.with(|k| k.borrow().clone())?;
    let (iv, data) = seal::encrypt(&key, text.as_bytes(), &key_name()).await?;
    Some(files::envelope(kdf, &iv, &data, state).to_stored())
}

/// Opens a sealed text with the key this tab holds.
async fn open_with_held_key(sealed: &Sealed) -> Option<String> {
    let (key, _) = KEY.with(|k| k.borrow().clone())?;
    let plain = seal::decrypt(
        &key,
        &sealed.iv_bytes()?,
        &sealed.data_bytes()?,
        &key_name(),
    )
    .await?;
    String::from_utf8(plain).ok()
}

pub fn use_keeper() -> Keeper {
    expect_context::<Keeper>()
}

/// The raw stored text, as read at start (for `write_through`'s first comparison).
pub struct Loaded {
    pub state: AppState,
    pub problem: Option<LoadProblem>,
    pub raw: Option<String>,
    pub gate: Gate,
}

/// The files this device holds, as the chooser lists them.
pub fn device_files() -> Vec<FileSummary> {
    let Some(store) = local() else {
        return Vec::new();
    };
    let mut list: Vec<FileSummary> = (0..store.length().unwrap_or(0))
        .filter_map(|i| store.key(i).ok().flatten())
        .filter_map(|k| {
            let id = files::file_of_key(&k)?.to_string();
            let raw = store.get_item(&k).ok().flatten()?;
            FileSummary::of(&id, &raw)
        })
        .collect();
    // The first file first, then by id: the same order in every tab.
    list.sort_by(|a, b| a.id.cmp(&b.id));
    list
}

/// This tab works on `file` from now on (a reload stays in it).
pub fn remember_file(file: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(files::ACTIVE_KEY, file);
    }
}

/// This tab works on no file: the next start asks whose.
pub fn forget_file_choice() {
    if let Some(s) = session() {
        let _ = s.remove_item(files::ACTIVE_KEY);
    }
}

/// Reads the stored state of the file this tab opens; an unreadable store is moved aside
/// (never deleted) so the citizen's data can still be recovered.
pub fn load() -> Loaded {
    let browser_lang = || hitotsu::i18n::Lang::from_browser(&super::browser::languages());
    let Some(store) = local() else {
        return Loaded {
            state: AppState::default(),
            problem: None,
            raw: None,
            gate: Gate::Open,
        };
    };
    if crate::app::mode().counter.is_none() {
        let list = device_files();
        // A notification's click names its file: the tab works on that one from now on.
        if let Some(named) = crate::app::routes::file_in(&super::browser::query())
            .filter(|n| list.iter().any(|f| f.id == *n))
        {
            remember_file(&named);
        }
        let remembered = session().and_then(|s| s.get_item(files::ACTIVE_KEY).ok().flatten());
        match files::opening(&list, remembered.as_deref()) {
            Opening::File(id) => {
                // The tab stays in this file: locked later, a reload asks its passcode
                // rather than whose file it is.
                remember_file(&id);
                FILE.with(|f| *f.borrow_mut() = id);
            }
            Opening::Choose => {
                return Loaded {
                    state: AppState {
                        lang: browser_lang(),
                        ..AppState::default()
                    },
                    problem: None,
                    raw: None,
                    gate: Gate::Choose,
                }
            }
        }
    }
    let raw = store.get_item(&key()).ok().flatten();
    if crate::app::mode().counter.is_some() {
        // A counter: a sealed session waits for its key (counter::session decides); what
        // is there in plain is an earlier release's session, which is wiped, not shown.
        let sealed = raw.as_deref().and_then(Sealed::parse).is_some();
        if !sealed && raw.is_some() {
            let _ = store.remove_item(&key());
        }
        return Loaded {
            state: AppState::default(),
            problem: None,
            raw: raw.filter(|_| sealed),
            gate: if sealed { Gate::Opening } else { Gate::Open },
        };
    }
    if let Some(sealed) = raw.as_deref().and_then(Sealed::parse) {
        return Loaded {
            state: AppState {
                lang: sealed.lang,
                display: sealed.display,
                ..AppState::default()
            },
            problem: None,
            raw,
            gate: Gate::Locked(sealed),
        };
    }
    let (mut state, problem) = AppState::from_stored(raw.as_deref());
    // A first visit speaks the browser's language.
    if raw.is_none() {
        state.lang = browser_lang();
    }
    if let (Some(_), Some(raw)) = (&problem, &raw) {
        let _ = store.set_item(&kept_aside_key(), raw);
    }
    Loaded {
        state,
        problem,
        raw,
        gate: Gate::Open,
    }
}

fn kept_aside_key() -> String {
    format!("{}.unreadable", key())
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

/// Removes every other copy of this file on the device, as "delete everything" means: what
/// was kept aside of an unreadable store, the service worker's copies of its notices and,
/// when no other file is left, its caches and any push subscription.
pub fn forget_copies() {
    forget_kept_aside();
    super::browser::forget_caches(&file(), device_files().len() <= 1);
}

/// Deletes another person's file from this device (its own confirmed action).
pub fn delete_file(id: &str) {
    if let Some(store) = local() {
        let _ = store.remove_item(&files::storage_key(id));
        let _ = store.remove_item(&files::kept_aside_key(id));
    }
    super::browser::forget_caches(id, false);
}

/// Starts a new, empty file for someone else and works on it in this tab from now on;
/// `state` is what it starts with (a life event just opened). None when the device holds
/// as many files as it may.
pub fn start_file(state: &AppState) -> Option<String> {
    let store = local()?;
    let existing: Vec<String> = device_files().into_iter().map(|f| f.id).collect();
    let random = seal::random_bytes(4);
    let random = u32::from_le_bytes([random[0], random[1], random[2], random[3]]);
    let id = files::new_file_id(random, &existing)?;
    store
        .set_item(&files::storage_key(&id), &state.to_stored())
        .ok()?;
    remember_file(&id);
    Some(id)
}

/// Writes every change through, so a reload, a closed tab or a crash loses nothing, and
/// takes every change another tab writes. Provides the `Keeper` pages and the sender use.
pub fn write_through(state: RwSignal<AppState>, loaded: &Loaded) -> Keeper {
    let keeper = Keeper {
        state,
        known: StoredValue::new(loaded.raw.clone()),
        sealed_plain: StoredValue::new(None),
        generation: StoredValue::new(0),
        landed: RwSignal::new(0),
        gate: RwSignal::new(loaded.gate.clone()),
        issue: RwSignal::new(None),
    };
    Effect::new(move |_| {
        state.track();
        keeper.write();
    });
    // A refused write is tried again now and then: once the browser has room again, what
    // was not recorded is, without the citizen doing anything.
    let retry = set_interval_with_handle(
        move || {
            if keeper.issue.try_get_untracked() == Some(Some(StorageIssue::NotSaved)) {
                keeper.write();
            }
        },
        std::time::Duration::from_secs(2),
    )
    .ok();
    on_cleanup(move || {
        if let Some(r) = retry {
            r.clear();
        }
    });
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        // A key of None: the whole storage was cleared.
        if ev.key().is_some_and(|k| k != key()) {
            return;
        }
        match keeper.gate.get_untracked() {
            Gate::Open => keeper.take(ev.new_value(), StorageIssue::ChangedElsewhere),
            // Not in a file here: its unlock page follows the file (a new passcode, a
            // lock removed elsewhere opens it here too).
            Gate::Locked(_) => match ev.new_value().as_deref().map(|r| (r, Sealed::parse(r))) {
                Some((_, Some(sealed))) => keeper.gate.set(Gate::Locked(sealed)),
                other => {
                    let raw = other.map(|(r, _)| r.to_string());
                    keeper.known.set_value(raw.clone());
                    state.set(AppState::from_stored(raw.as_deref()).0);
                    keeper.gate.set(Gate::Open);
                }
            },
            Gate::Choose | Gate::Opening => {}
        }
    });
    on_cleanup(move || listener.remove());
    provide_context(keeper);
    keeper
}
