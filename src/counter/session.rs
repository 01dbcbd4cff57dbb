//! A counter session in the browser: what no disk may keep, and one clock for all its
//! windows.
//!
//! - The session's state is stored sealed (AES-GCM) under a random key that only the
//!   session's windows hold: in memory, and in the staff windows' `window.name` (which a
//!   reload keeps and nothing writes to disk), handed to a new window of the session over
//!   a BroadcastChannel. Every window closed or crashed: the key is gone and what is stored
//!   cannot be read; the next start finds it orphaned and wipes it before drawing anything.
//! - When the session was last used (a key, a touch, in any window, the citizen screen's
//!   included) is stored in plain beside it, with nothing of the citizen: every window
//!   follows it, warns, and ends the session at the limit; a start finds a stale one.
//! - The citizen screen asks over the channel whether a staff window of its session is
//!   alive, and empties itself when none answers.

use crate::app::context::use_store;
use crate::app::routes;
use crate::app::services::browser::{self, now_ms};
use crate::app::services::seal;
use crate::app::services::storage::{self, local, use_keeper, Gate};
use hitotsu::session::{at_start, Activity, AtStart, CounterSession};
use hitotsu::state::AppState;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The sealed state of the session (never in plain: `storage::Keeper`).
pub const STATE_KEY: &str = "hitotsu.counter.state";
/// When the session was last used: `session::Activity`, nothing of the citizen.
const ACTIVITY_KEY: &str = "hitotsu.counter.activity";
/// This device is a counter: the citizen app's addresses bring staff back here (boot.js).
pub const DEVICE_KEY: &str = "hitotsu.counter-device";
/// What an earlier release kept in plain: removed wherever it is found.
const EARLIER: [&str; 3] = [
    "hitotsu.counter.session",
    "hitotsu.counter.confirmed",
    "hitotsu.counter.citizen-lang",
];
/// A staff window's name while it holds the session's key (base45 of its 32 bytes).
const NAME_PREFIX: &str = "hitotsu-counter:";
const CHANNEL: &str = "hitotsu-counter";
/// How long a starting window waits for another window to hand it the key.
const ASK_KEY_MS: u32 = 400;
/// The citizen screen asks this often whether a staff window is alive, and empties when
/// none has answered this many times in a row (a staff window's reload takes a second or
/// two).
const ALIVE_EVERY_MS: u32 = 3_000;
const ALIVE_ROUNDS: u32 = 3;
/// Activity is stored at most this often (every key press would be a write).
const WRITE_EVERY_MS: f64 = 1_000.0;

thread_local! {
    /// The key's bytes this window holds, to hand to a new window of the session.
    static RAW: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
    static OFFERED: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
    static BC: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
    static WRITTEN: Cell<f64> = const { Cell::new(0.0) };
    /// A staff window answered the citizen screen's last "alive?".
    static ANSWERED: Cell<bool> = const { Cell::new(false) };
    /// When the session was last used, in any of its windows.
    static LAST: RwSignal<f64> = RwSignal::new(0.0);
    /// The clock, to the second, for the banner and the idle rule.
    static NOW: RwSignal<f64> = RwSignal::new(now_ms());
}

/// The browser's clock, moved on every second.
pub fn clock() -> RwSignal<f64> {
    NOW.with(|n| *n)
}

/// Where the session stands on its one clock (any window's activity counts).
pub fn idle_state() -> Memo<hitotsu::session::Idle> {
    Memo::new(move |_| hitotsu::session::idle(last_activity().get(), clock().get()))
}

/// When the session was last used (0 before any).
pub fn last_activity() -> RwSignal<f64> {
    LAST.with(|l| *l)
}

/// This window is the screen turned to the citizen.
pub fn is_citizen_screen() -> bool {
    browser::path().starts_with("/counter/citizen")
}

fn post(message: serde_json::Value) {
    BC.with(|b| {
        if let Some(b) = b.borrow().as_ref() {
            let _ = b.post_message(&message.to_string().into());
        }
    });
}

fn held_key() -> Option<String> {
    RAW.with(|r| r.borrow().as_ref().map(|k| base45::encode(k)))
}

fn window_name() -> String {
    web_sys::window()
        .and_then(|w| w.name().ok())
        .unwrap_or_default()
}

fn set_window_name(name: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.set_name(name);
    }
}

/// The session's key a staff window kept over a reload.
fn key_from_name() -> Option<Vec<u8>> {
    window_name()
        .strip_prefix(NAME_PREFIX)
        .and_then(|k| base45::decode(k).ok())
        .filter(|k| k.len() == 32)
}

fn read_activity() -> Option<Activity> {
    local()?
        .get_item(ACTIVITY_KEY)
        .ok()
        .flatten()
        .and_then(|r| Activity::from_stored(&r))
}

/// Counter mode's start (`app::Counter::start`): the channel and the clock, then whether
/// the session on the device goes on or is wiped, before anything is drawn.
pub fn start() {
    if let Some(s) = local() {
        let _ = s.set_item(DEVICE_KEY, "1");
        for k in EARLIER {
            let _ = s.remove_item(k);
        }
    }
    let store = use_store();
    let keeper = use_keeper();
    listen(store);
    // Any key or touch, in any window of the session, is activity.
    for name in ["keydown", "pointerdown", "input"] {
        let handle = window_event_listener_untyped(name, move |_| touch(store));
        on_cleanup(move || handle.remove());
    }
    let storage_events = window_event_listener(leptos::ev::storage, move |ev| {
        match ev.key().as_deref() {
            Some(ACTIVITY_KEY) => {
                if let Some(a) = ev.new_value().and_then(|r| Activity::from_stored(&r)) {
                    last_activity().update(|l| *l = l.max(a.at_ms));
                }
            }
            // The session ended in another window (or storage was cleared).
            Some(STATE_KEY) | None if ev.new_value().is_none() => forget_here(),
            _ => {}
        }
    });
    on_cleanup(move || storage_events.remove());
    if keeper.gate.get_untracked() == Gate::Opening {
        leptos::task::spawn_local(resume(keeper));
    } else if read_activity().is_some() {
        // A record of activity with no session left: nothing to keep.
        wipe_storage();
    }
    if is_citizen_screen() {
        leptos::task::spawn_local(watch_staff(store));
    } else {
        // Every packet the citizen consents to is kept on the device until delivered.
        let endpoint = crate::app::services::sender::use_sender().endpoint();
        super::outbox::mirror(store, endpoint);
    }
    // One clock for the page; at the limit the session ends, whichever window is first
    // (staff's or the citizen's).
    let tick = set_interval_with_handle(
        move || {
            let now = now_ms();
            clock().set(now);
            let open = store.try_with_untracked(|s| s.counter.is_some()) == Some(true);
            if open
                && hitotsu::session::idle(last_activity().get_untracked(), now)
                    == hitotsu::session::Idle::Over
            {
                end_session();
            }
        },
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
    });
}

/// Messages between the windows of the session.
fn listen(store: RwSignal<AppState>) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(text) = ev.data().as_string() else {
                return;
            };
            let Ok(m) = serde_json::from_str::<serde_json::Value>(&text) else {
                return;
            };
            match m["type"].as_str() {
                Some("key?") => {
                    if let Some(k) = held_key() {
                        post(serde_json::json!({ "type": "key", "key": k }));
                    }
                }
                Some("key") => {
                    let bytes = m["key"]
                        .as_str()
                        .and_then(|k| base45::decode(k).ok())
                        .filter(|k| k.len() == 32);
                    OFFERED.with(|o| *o.borrow_mut() = bytes);
                }
                Some("alive?") => {
                    let open = store.try_with_untracked(|s| s.counter.is_some()) == Some(true);
                    if !is_citizen_screen() && open && held_key().is_some() {
                        post(serde_json::json!({ "type": "alive" }));
                    }
                }
                Some("alive") => ANSWERED.with(|a| a.set(true)),
                Some("end") => forget_here(),
                _ => {}
            }
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the page.
    on_message.forget();
    BC.with(|b| *b.borrow_mut() = Some(channel));
}

/// The session on the device, found when this window starts: gone on with when this
/// window (or another of the session) holds its key and it was used lately; otherwise
/// wiped, before anything of it could be drawn.
async fn resume(keeper: storage::Keeper) {
    let mut bytes = key_from_name();
    if bytes.is_none() {
        post(serde_json::json!({ "type": "key?" }));
        for _ in 0..(ASK_KEY_MS / 50) {
            browser::sleep(50).await;
            bytes = OFFERED.with(|o| o.borrow_mut().take());
            if bytes.is_some() {
                break;
            }
        }
    }
    let activity = read_activity();
    let decision = at_start(true, bytes.is_some(), activity.as_ref(), now_ms());
    let opened = match (decision, bytes) {
        (AtStart::Resume, Some(bytes)) => match seal::raw_key(&bytes).await {
            Some(key) => {
                storage::hold_key(key);
                RAW.with(|r| *r.borrow_mut() = Some(bytes.clone()));
                keeper.open_held().await
            }
            None => false,
        },
        _ => false,
    };
    if opened {
        if let Some(a) = activity {
            last_activity().set(a.at_ms);
        }
        if !is_citizen_screen() {
            if let Some(k) = held_key() {
                set_window_name(&format!("{NAME_PREFIX}{k}"));
            }
        }
    } else {
        storage::forget_key();
        RAW.with(|r| *r.borrow_mut() = None);
        set_window_name_if_ours();
        wipe_storage();
        keeper.gate.set(Gate::Open);
    }
}

/// A key or a touch: the session's clock starts again, in every window.
fn touch(store: RwSignal<AppState>) {
    let now = now_ms();
    last_activity().set(now);
    let Some(session) = store
        .try_with_untracked(|s| s.counter.as_ref().map(|c| c.id.clone()))
        .flatten()
    else {
        return;
    };
    if now - WRITTEN.with(Cell::get) >= WRITE_EVERY_MS {
        WRITTEN.with(|w| w.set(now));
        record_activity(&session, now);
    }
}

/// Keeps "more time" and every other activity for every window and the next start.
pub fn more_time(store: RwSignal<AppState>) {
    WRITTEN.with(|w| w.set(0.0));
    touch(store);
}

fn record_activity(session: &str, at_ms: f64) {
    if let Some(s) = local() {
        let a = Activity {
            session: session.to_string(),
            at_ms,
        };
        let _ = s.set_item(ACTIVITY_KEY, &a.to_stored());
    }
}

/// Begins a session for `citizen` with `state` (empty, or read from the citizen's code):
/// a new key, held by this window only, before anything of the citizen is written.
pub async fn begin(store: RwSignal<AppState>, mut state: AppState, citizen: String) -> bool {
    let bytes = seal::random_bytes(32);
    let Some(key) = seal::raw_key(&bytes).await else {
        return false;
    };
    storage::hold_key(key);
    RAW.with(|r| *r.borrow_mut() = Some(bytes));
    if let Some(k) = held_key() {
        set_window_name(&format!("{NAME_PREFIX}{k}"));
    }
    let id: String = seal::random_bytes(8)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let now = now_ms();
    state.counter = Some(CounterSession {
        id: id.clone(),
        citizen,
        started_ms: now,
        confirmed: Default::default(),
        citizen_lang: hitotsu::i18n::Lang::Ja,
        revealed: Default::default(),
    });
    record_activity(&id, now);
    last_activity().set(now);
    store.set(state);
    true
}

/// Ends the session everywhere: every window told, the sealed state and the activity
/// removed, the key forgotten, and this page replaced by an empty one.
pub fn end_session() {
    post(serde_json::json!({ "type": "end" }));
    wipe_storage();
    forget_here();
}

fn wipe_storage() {
    if let Some(s) = local() {
        let _ = s.remove_item(STATE_KEY);
        let _ = s.remove_item(ACTIVITY_KEY);
    }
}

/// A staff window's name is cleared only when it is the key's (a citizen screen keeps the
/// name its opener gave it, so "open the citizen screen" finds it again).
fn set_window_name_if_ours() {
    if window_name().starts_with(NAME_PREFIX) {
        set_window_name("");
    }
}

/// This window forgets the session: the key, the page (a new, empty document), its session
/// storage; a staff window goes to the start page saying nothing is left, the citizen
/// screen to its waiting page.
fn forget_here() {
    storage::forget_key();
    RAW.with(|r| *r.borrow_mut() = None);
    set_window_name_if_ours();
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(s)) = window.session_storage() {
        let _ = s.clear();
    }
    // Drawn empty at once: a page the browser keeps for "back" shows nothing of them.
    if let Some(body) = window.document().and_then(|d| d.body()) {
        body.set_inner_html("");
    }
    let to = if is_citizen_screen() {
        "/counter/citizen".to_string()
    } else {
        routes::counter_ended()
    };
    let _ = window.location().replace(&to);
}

/// The citizen screen: empty as soon as no staff window of its session is alive (every
/// one closed or crashed): the key goes with it, and the next start wipes what is stored.
/// Counted in rounds without an answer, not by the clock (a counter's clock may be set
/// back, or frozen in a test).
async fn watch_staff(store: RwSignal<AppState>) {
    let mut unanswered = 0;
    loop {
        ANSWERED.with(|a| a.set(false));
        post(serde_json::json!({ "type": "alive?" }));
        browser::sleep(ALIVE_EVERY_MS).await;
        match store.try_with_untracked(|s| s.counter.is_some()) {
            None => return,
            Some(false) => {
                unanswered = 0;
                continue;
            }
            Some(true) => {}
        }
        if ANSWERED.with(Cell::get) {
            unanswered = 0;
            continue;
        }
        unanswered += 1;
        if unanswered >= ALIVE_ROUNDS {
            // Nobody else holds the key: the session cannot go on; nothing of it stays.
            wipe_storage();
            forget_here();
            return;
        }
    }
}
