//! The outbox sender: sends every packet that is due to the deployment's endpoint, backs
//! off on failures, tries again the moment the network comes back, and asks the endpoint
//! how delivered packets are getting on. A service with its own lifetime, started once.

use super::browser;
use super::storage::{Keeper, StorageIssue};
use hitotsu::outbox::{
    check_endpoint, interpret, timer_delay_ms, Attempt, Config, PushConfig, Reply,
};
use hitotsu::state::AppState;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[derive(Clone, Copy)]
pub struct Sender {
    state: RwSignal<AppState>,
    keeper: Keeper,
    /// Whether this tab is the one that sends (it holds the outbox lock): with several tabs
    /// open, one sends and the others show what it did through the shared storage.
    active: RwSignal<bool>,
    /// The deployment's submission endpoint; None: packets are prepared for the counter.
    endpoint: RwSignal<Option<String>>,
    /// How long a request may hang before it is given up and retried.
    timeout_ms: StoredValue<u32>,
    /// The deployment's Web Push, its subscription address resolved and checked.
    push: RwSignal<Option<PushConfig>>,
    /// Packets being sent right now, so none is sent twice at once.
    in_flight: StoredValue<BTreeSet<String>>,
    /// When the earliest retry timer set will fire, if one is set.
    timer: StoredValue<Option<f64>>,
}

/// The deployment's settings (public/config.json), the endpoint resolved against the
/// page's address and checked (https:, or loopback http: for tests). A missing file means
/// the default, preparing packets for the counter; an endpoint that fails the check is
/// not used (logged for the deployer), so nothing is sent where it should not go.
async fn load_config() -> Option<Config> {
    let text = browser::get_text("/config.json").await.ok()?;
    let mut config = match Config::parse(&text) {
        Ok(c) => c,
        Err(e) => {
            leptos::logging::warn!("config.json: {e:?}");
            return None;
        }
    };
    if let Some(endpoint) = config.submission_endpoint.take() {
        let resolved = browser::resolve_url(&endpoint)?;
        match check_endpoint(&resolved) {
            Ok(()) => config.submission_endpoint = Some(resolved),
            Err(e) => leptos::logging::warn!("config.json: {e:?}"),
        }
    }
    if let Some(mut push) = config.push.take() {
        let resolved = browser::resolve_url(&push.subscription_url)?;
        match check_endpoint(&resolved) {
            Ok(()) => {
                push.subscription_url = resolved;
                config.push = Some(push);
            }
            Err(e) => leptos::logging::warn!("config.json: push: {e:?}"),
        }
    }
    Some(config)
}

impl Sender {
    /// Starts the service once the app is mounted: reads the configuration, sends what
    /// waited while the app was closed, and listens for the network coming back.
    pub fn start(state: RwSignal<AppState>, keeper: Keeper) -> Sender {
        let sender = Sender {
            state,
            keeper,
            active: RwSignal::new(false),
            endpoint: RwSignal::new(None),
            timeout_ms: StoredValue::new(hitotsu::outbox::DEFAULT_TIMEOUT_MS),
            push: RwSignal::new(None),
            in_flight: StoredValue::new(BTreeSet::new()),
            timer: StoredValue::new(None),
        };
        Effect::new(move |_| {
            leptos::task::spawn_local(async move {
                let config = load_config().await;
                if let Some(c) = &config {
                    sender.timeout_ms.set_value(c.request_timeout_ms);
                    sender.push.set(c.push.clone());
                }
                sender
                    .endpoint
                    .set(config.and_then(|c| c.submission_endpoint));
                sender.send_due();
            });
        });
        browser::hold_lock("hitotsu-outbox", move || {
            sender.active.set(true);
            sender.send_due();
        });
        // A packet queued in another tab (or imported) is sent by the tab that sends.
        let waiting = Memo::new(move |_| state.with(|s| s.outbox.next_due().map(|t| t as u64)));
        // So is one that waited for storage to work again.
        Effect::new(move |_| {
            let saved = keeper.issue.with(|i| *i != Some(StorageIssue::NotSaved));
            if waiting.get().is_some() && saved {
                sender.send_due();
            }
        });
        let online = window_event_listener(leptos::ev::online, move |_| sender.retry_now());
        on_cleanup(move || online.remove());
        sender
    }

    /// The deployment's Web Push, once the configuration is read; None without one.
    pub fn push(&self) -> Signal<Option<PushConfig>> {
        self.push.into()
    }

    /// The deployment's submission endpoint, once the configuration is read.
    pub fn endpoint(&self) -> Signal<Option<String>> {
        self.endpoint.into()
    }

    /// Whether packets go to an endpoint (or are prepared for the counter).
    pub fn online(&self) -> Signal<bool> {
        let endpoint = self.endpoint;
        Signal::derive(move || endpoint.with(Option::is_some))
    }

    /// Makes every waiting packet due now and sends it.
    pub fn retry_now(self) {
        let now = js_sys::Date::now();
        self.state.update(|s| s.outbox.retry_now(now));
        self.send_due();
    }

    /// Sends every packet that is due and comes back when the next one is.
    pub fn send_due(self) {
        let Some(endpoint) = self.endpoint.get_untracked() else {
            return;
        };
        // Only what is kept on the device is sent: a packet whose key could not be stored
        // would be sent again under a new key after a reload.
        if !self.active.get_untracked() || !self.keeper.write() {
            return;
        }
        let now = js_sys::Date::now();
        for item in self.state.with_untracked(|s| s.outbox.due(now)) {
            if !self
                .in_flight
                .try_update_value(|f| f.insert(item.id.clone()))
                .unwrap_or(false)
            {
                continue;
            }
            let endpoint = endpoint.clone();
            leptos::task::spawn_local(async move {
                let timeout = self.timeout_ms.get_value();
                let (attempt, status) =
                    match browser::post_json(&endpoint, &item.idempotency_key, &item.body, timeout)
                        .await
                    {
                        Ok((code, body)) => interpret(code, &body),
                        // Offline, refused by the network, or no answer in time.
                        Err(_) => (Attempt::Failed, None),
                    };
                self.state.update(|s| {
                    s.record_attempt(
                        &item.id,
                        attempt,
                        status,
                        js_sys::Date::now(),
                        browser::today(),
                    )
                });
                self.in_flight.update_value(|f| {
                    f.remove(&item.id);
                });
                self.schedule_next();
            });
        }
        self.schedule_next();
    }

    /// Asks the endpoint how each delivered packet of a case is getting on
    /// (GET {endpoint}/{idempotency key}) and records any change.
    pub fn refresh(self, case_id: &str) {
        let Some(endpoint) = self.endpoint.get_untracked() else {
            return;
        };
        for (id, key) in self.state.with_untracked(|s| s.delivered(case_id)) {
            let url = hitotsu::outbox::status_url(&endpoint, &key);
            let timeout = self.timeout_ms.get_value();
            leptos::task::spawn_local(async move {
                let Ok(text) = browser::get_text_within(&url, timeout).await else {
                    return;
                };
                if let Some(status) = Reply::parse(&text).and_then(|r| r.status) {
                    self.state
                        .update(|s| s.record_status(&id, status, browser::today()));
                }
            });
        }
    }

    /// Sets a timer for the next waiting packet unless one is already set for that time or
    /// earlier, so failures do not pile timers up.
    fn schedule_next(self) {
        let Some(next) = self.state.with_untracked(|s| s.outbox.next_due()) else {
            return;
        };
        if self.timer.get_value().is_some_and(|at| at <= next) {
            return;
        }
        self.timer.set_value(Some(next));
        let wait = timer_delay_ms(next, js_sys::Date::now());
        set_timeout(
            move || {
                if self.timer.get_value() == Some(next) {
                    self.timer.set_value(None);
                }
                self.send_due();
            },
            std::time::Duration::from_millis(u64::from(wait)),
        );
    }
}

pub fn use_sender() -> Sender {
    expect_context::<Sender>()
}
