//! The outbox: packets waiting to be sent to a deployment's submission endpoint.
//!
//! Each packet keeps one idempotency key for life, so a retry after a lost response is
//! recognised by the server as the same submission; a delivered packet is never due again.
//! Failures back off exponentially. Pure state and time arithmetic: the app does the I/O.

use serde::{Deserialize, Serialize};

/// The first retry waits this long; each further one twice as long, up to MAX_BACKOFF_MS.
pub const FIRST_BACKOFF_MS: f64 = 5_000.0;
pub const MAX_BACKOFF_MS: f64 = 10.0 * 60_000.0;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Delivery {
    Waiting,
    Delivered {
        receipt: String,
        at_ms: f64,
    },
    /// The endpoint refused it for good (a 4xx other than 408/429): not retried; the
    /// citizen is told what to do.
    Refused {
        status: u16,
        message: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    /// The packet's id (case and recipient).
    pub id: String,
    pub idempotency_key: String,
    /// The JSON body, fixed when queued: a retry sends exactly the same bytes.
    pub body: String,
    pub attempts: u32,
    pub next_try_ms: f64,
    pub delivery: Delivery,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Outbox {
    pub items: Vec<OutboxItem>,
}

/// What happened to one attempt.
#[derive(Clone, Debug, PartialEq)]
pub enum Attempt {
    Accepted {
        receipt: String,
    },
    /// Offline, a timeout, a 5xx, 408 or 429: try again later.
    Failed,
    Refused {
        status: u16,
        message: String,
    },
}

pub fn backoff_ms(attempts: u32) -> f64 {
    let exp = attempts.saturating_sub(1).min(20);
    (FIRST_BACKOFF_MS * f64::from(1u32 << exp)).min(MAX_BACKOFF_MS)
}

impl Outbox {
    /// Queues a packet once; queuing the same id again changes nothing (a double tap on
    /// "send" must not send twice).
    pub fn enqueue(&mut self, id: &str, idempotency_key: &str, body: String, now_ms: f64) -> bool {
        if self.items.iter().any(|i| i.id == id) {
            return false;
        }
        self.items.push(OutboxItem {
            id: id.into(),
            idempotency_key: idempotency_key.into(),
            body,
            attempts: 0,
            next_try_ms: now_ms,
            delivery: Delivery::Waiting,
        });
        true
    }

    /// The packets to try now.
    pub fn due(&self, now_ms: f64) -> Vec<OutboxItem> {
        self.items
            .iter()
            .filter(|i| i.delivery == Delivery::Waiting && i.next_try_ms <= now_ms)
            .cloned()
            .collect()
    }

    /// The earliest time a waiting packet is due, for the app's timer.
    pub fn next_due(&self) -> Option<f64> {
        self.items
            .iter()
            .filter(|i| i.delivery == Delivery::Waiting)
            .map(|i| i.next_try_ms)
            .reduce(f64::min)
    }

    pub fn record(&mut self, id: &str, attempt: Attempt, now_ms: f64) {
        let Some(item) = self.items.iter_mut().find(|i| i.id == id) else {
            return;
        };
        if item.delivery != Delivery::Waiting {
            return;
        }
        item.attempts += 1;
        match attempt {
            Attempt::Accepted { receipt } => {
                item.delivery = Delivery::Delivered {
                    receipt,
                    at_ms: now_ms,
                }
            }
            Attempt::Failed => item.next_try_ms = now_ms + backoff_ms(item.attempts),
            Attempt::Refused { status, message } => {
                item.delivery = Delivery::Refused { status, message }
            }
        }
    }

    /// Makes every waiting packet due now (the network is back, or the citizen asked).
    pub fn retry_now(&mut self, now_ms: f64) {
        for i in self
            .items
            .iter_mut()
            .filter(|i| i.delivery == Delivery::Waiting)
        {
            i.next_try_ms = i.next_try_ms.min(now_ms);
        }
    }

    pub fn get(&self, id: &str) -> Option<&OutboxItem> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// What an endpoint answers to a submission or a status query (the README's contract).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Reply {
    #[serde(default)]
    pub receipt: Option<String>,
    #[serde(default)]
    pub status: Option<crate::case::PacketStatus>,
}

impl Reply {
    /// The reply in a body, if the body is one.
    pub fn parse(body: &str) -> Option<Reply> {
        serde_json::from_str(body).ok()
    }
}

/// How an HTTP status is taken.
pub fn classify(status: u16) -> Option<bool> {
    match status {
        200..=299 => Some(true),
        408 | 429 | 500..=599 => None,
        _ => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// A server that, like a real one, remembers idempotency keys.
    #[derive(Default)]
    struct Server {
        up: bool,
        processed: BTreeMap<String, String>,
        lose_next_response: bool,
    }

    impl Server {
        fn post(&mut self, key: &str, body: &str) -> Attempt {
            if !self.up {
                return Attempt::Failed;
            }
            let receipt = self
                .processed
                .entry(key.to_string())
                .or_insert_with(|| format!("R-{}", body.len()))
                .clone();
            if std::mem::take(&mut self.lose_next_response) {
                return Attempt::Failed; // processed, but the answer never arrived
            }
            Attempt::Accepted { receipt }
        }
    }

    fn run(outbox: &mut Outbox, server: &mut Server, now: f64) {
        for item in outbox.due(now) {
            let result = server.post(&item.idempotency_key, &item.body);
            outbox.record(&item.id, result, now);
        }
    }

    #[test]
    fn waits_while_down_then_delivers_each_exactly_once() {
        let mut outbox = Outbox::default();
        let mut server = Server::default();
        assert!(outbox.enqueue("c1/city_office", "k1", "{\"a\":1}".into(), 0.0));
        assert!(outbox.enqueue("c1/employer", "k2", "{\"b\":2}".into(), 0.0));
        assert!(
            !outbox.enqueue("c1/city_office", "k1-again", "{}".into(), 0.0),
            "queued once"
        );
        run(&mut outbox, &mut server, 0.0);
        assert_eq!(outbox.items[0].attempts, 1);
        assert_eq!(outbox.next_due(), Some(5_000.0));
        assert!(outbox.due(4_999.0).is_empty(), "backs off");
        let mut early = outbox.clone();
        early.retry_now(1_000.0);
        assert_eq!(
            early.due(1_000.0).len(),
            2,
            "the network is back: try at once"
        );
        run(&mut outbox, &mut server, 5_000.0);
        assert_eq!(outbox.next_due(), Some(15_000.0), "then twice as long");
        server.up = true;
        server.lose_next_response = true;
        run(&mut outbox, &mut server, 15_000.0);
        // The first was processed but its answer lost: it is retried with the same key.
        assert!(matches!(outbox.items[0].delivery, Delivery::Waiting));
        assert!(matches!(
            outbox.items[1].delivery,
            Delivery::Delivered { .. }
        ));
        run(&mut outbox, &mut server, 1e9);
        assert!(outbox
            .items
            .iter()
            .all(|i| matches!(i.delivery, Delivery::Delivered { .. })));
        assert_eq!(server.processed.len(), 2, "each packet processed once");
        let attempts_before = outbox.items[0].attempts;
        run(&mut outbox, &mut server, 2e9);
        assert_eq!(
            outbox.items[0].attempts, attempts_before,
            "never sent again once delivered"
        );
    }

    #[test]
    fn replies_are_read_by_the_contract() {
        let r = Reply::parse(r#"{"receipt": "R-0001", "status": "needs_action"}"#).unwrap();
        assert_eq!(
            (r.receipt.as_deref(), r.status),
            (Some("R-0001"), Some(crate::case::PacketStatus::NeedsAction))
        );
        assert_eq!(
            Reply::parse("{}").unwrap(),
            Reply {
                receipt: None,
                status: None
            }
        );
        assert_eq!(Reply::parse("<html>maintenance</html>"), None);
    }

    #[test]
    fn backoff_is_capped_and_refusals_are_final() {
        assert_eq!(backoff_ms(1), 5_000.0);
        assert_eq!(backoff_ms(3), 20_000.0);
        assert_eq!(backoff_ms(30), MAX_BACKOFF_MS);
        let mut outbox = Outbox::default();
        outbox.enqueue("p", "k", "{}".into(), 0.0);
        outbox.record(
            "p",
            Attempt::Refused {
                status: 422,
                message: "bad postal code".into(),
            },
            1.0,
        );
        assert!(outbox.due(1e12).is_empty());
        assert_eq!(classify(201), Some(true));
        assert_eq!(classify(503), None);
        assert_eq!(classify(429), None);
        assert_eq!(classify(422), Some(false));
    }
}
