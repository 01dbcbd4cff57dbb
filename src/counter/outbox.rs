//! The counter device's outbox: consented packets that must outlive their session (the
//! idle timeout, a crash, or staff's choice while the endpoint is down), and nothing else
//! of a citizen. Each is one Cache Storage entry — removed from disk with the entry, unlike
//! localStorage or IndexedDB, whose logs keep removed values until a compaction — from
//! the moment the citizen consents until the recipient has it. While its session lasts,
//! the session's own window sends it (the state's outbox) and this copy waits; after, the
//! counter's start page sends it, with the same idempotency key: delivered once.

use crate::app::services::browser;
use hitotsu::outbox::{interpret, Attempt, LeftWaiting, OutboxItem};
use hitotsu::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The cache's name; the service worker keeps it when a release takes over (public/sw.js).
pub const CACHE: &str = "hitotsu-counter-outbox";

fn url_of(key: &str) -> String {
    format!("/counter-outbox/{key}")
}

async fn cache() -> Option<web_sys::Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    JsFuture::from(caches.open(CACHE))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// Every packet the device keeps, oldest first.
pub async fn list() -> Vec<LeftWaiting> {
    let Some(cache) = cache().await else {
        return Vec::new();
    };
    let Ok(keys) = JsFuture::from(cache.keys()).await else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for request in js_sys::Array::from(&keys).iter() {
        let Ok(request) = request.dyn_into::<web_sys::Request>() else {
            continue;
        };
        let Ok(found) = JsFuture::from(cache.match_with_request(&request)).await else {
            continue;
        };
        let Ok(response) = found.dyn_into::<web_sys::Response>() else {
            continue;
        };
        let Ok(text) = response.text() else { continue };
        if let Some(w) = JsFuture::from(text)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .and_then(|t| LeftWaiting::from_stored(&t))
        {
            out.push(w);
        }
    }
    out.sort_by(|a, b| a.item.next_try_ms.total_cmp(&b.item.next_try_ms));
    out
}

/// Keeps (or updates) a packet.
pub async fn keep(w: &LeftWaiting) {
    let Some(cache) = cache().await else { return };
    let Ok(response) = web_sys::Response::new_with_opt_str(Some(&w.to_stored())) else {
        return;
    };
    let _ = JsFuture::from(cache.put_with_str(&url_of(&w.item.idempotency_key), &response)).await;
}

/// Drops a packet: delivered, or discarded by staff.
pub async fn drop_packet(key: &str) {
    let Some(cache) = cache().await else { return };
    let _ = JsFuture::from(cache.delete_with_str(&url_of(key))).await;
}

/// Keeps a copy of every packet of the open session that waits for its recipient, and
/// drops the copy once it is no longer waiting (delivered, refused or discarded): from
/// consent on, no end of the session can lose it.
pub fn mirror(store: RwSignal<AppState>, endpoint: Signal<Option<String>>) {
    let kept: StoredValue<Vec<String>> = StoredValue::new(Vec::new());
    Effect::new(move |_| {
        let Some(endpoint) = endpoint.get() else {
            return;
        };
        let (session, waiting): (Option<String>, Vec<(OutboxItem, String)>) = store.with(|s| {
            let session = s.counter.as_ref().map(|c| c.id.clone());
            let waiting = s
                .outbox
                .waiting()
                .map(|i| {
                    let agency = s
                        .cases
                        .iter()
                        .find_map(|c| c.packets.get(&i.id))
                        .map(|p| p.agency.clone())
                        .unwrap_or_default();
                    (i.clone(), agency)
                })
                .collect();
            (session, waiting)
        });
        let Some(session) = session else { return };
        let now: Vec<String> = waiting
            .iter()
            .map(|(i, _)| i.idempotency_key.clone())
            .collect();
        let gone: Vec<String> =
            kept.with_value(|k| k.iter().filter(|k| !now.contains(k)).cloned().collect());
        let new: Vec<LeftWaiting> = waiting
            .into_iter()
            .filter(|(i, _)| kept.with_value(|k| !k.contains(&i.idempotency_key)))
            .map(|(item, agency)| LeftWaiting {
                item,
                endpoint: endpoint.clone(),
                session: session.clone(),
                agency,
            })
            .collect();
        kept.set_value(now);
        leptos::task::spawn_local(async move {
            for w in &new {
                keep(w).await;
            }
            for key in &gone {
                drop_packet(key).await;
            }
        });
    });
}

/// Sends what earlier sessions left waiting (never the open session's own: its window
/// does), retrying with the same back-off as a citizen's outbox; `count` follows how many
/// wait and how many a recipient refused, for staff to see without their contents.
pub fn send_left(open_session: Signal<Option<String>>, count: RwSignal<(usize, usize)>) {
    let busy = StoredValue::new(false);
    let round = move || {
        if busy.try_get_value() != Some(false) {
            return;
        }
        busy.set_value(true);
        leptos::task::spawn_local(async move {
            let now = browser::now_ms();
            let open = open_session.try_get_untracked().flatten();
            let all = list().await;
            for mut w in all.iter().cloned() {
                if open.as_ref() == Some(&w.session)
                    || w.item.delivery != hitotsu::outbox::Delivery::Waiting
                    || w.item.next_try_ms > now
                {
                    continue;
                }
                let answer =
                    browser::post_json(&w.endpoint, &w.item.idempotency_key, &w.item.body, 20_000)
                        .await;
                let (attempt, _) = match answer {
                    Ok((code, body)) => interpret(code, &body),
                    Err(_) => (Attempt::Failed, None),
                };
                let mut outbox = hitotsu::outbox::Outbox {
                    items: vec![w.item.clone()],
                };
                outbox.record(&w.item.id, attempt.clone(), browser::now_ms());
                if let Attempt::Accepted { .. } = attempt {
                    drop_packet(&w.item.idempotency_key).await;
                } else {
                    w.item = outbox.items.remove(0);
                    keep(&w).await;
                }
            }
            let left = list().await;
            let refused = left
                .iter()
                .filter(|w| matches!(w.item.delivery, hitotsu::outbox::Delivery::Refused { .. }))
                .count();
            let _ = count.try_set((left.len() - refused, refused));
            busy.set_value(false);
        });
    };
    round();
    let tick = set_interval_with_handle(round, std::time::Duration::from_secs(5)).ok();
    let online = window_event_listener(leptos::ev::online, move |_| round());
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
        online.remove();
    });
}
