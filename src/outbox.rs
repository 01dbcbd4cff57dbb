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

    /// The packets not yet delivered nor refused.
    pub fn waiting(&self) -> impl Iterator<Item = &OutboxItem> {
        self.items
            .iter()
            .filter(|i| i.delivery == Delivery::Waiting)
    }

    pub fn get(&self, id: &str) -> Option<&OutboxItem> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// A consented packet a counter device keeps beyond its session (the session ended by
/// the idle timeout, a crash or staff's choice while the endpoint was down): the one thing
/// of a citizen a counter keeps on disk, and only until it is delivered. What it needs to
/// be sent, and nothing else: the body as consented, where it goes, and to tell staff
/// which recipient it is for (the agency, not the citizen).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeftWaiting {
    pub item: OutboxItem,
    pub endpoint: String,
    /// The session it was sent in: that session's own window sends it while it lasts.
    pub session: String,
    /// The recipient's agency id.
    pub agency: String,
}

impl LeftWaiting {
    pub fn from_stored(raw: &str) -> Option<LeftWaiting> {
        let w: LeftWaiting = serde_json::from_str(raw).ok()?;
        (!w.item.idempotency_key.is_empty() && check_endpoint(&w.endpoint).is_ok()).then_some(w)
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).expect("a packet serialises")
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

/// Where the endpoint tells how a delivered packet is getting on (the README's contract):
/// GET {endpoint}/{idempotency key}.
pub fn status_url(endpoint: &str, key: &str) -> String {
    format!("{}/{}", endpoint.trim_end_matches('/'), key)
}

/// How an HTTP status is taken: Some(true) accepted, Some(false) refused for good, None
/// try again later. 409 is "the same key is still being processed" in the
/// idempotency-key draft (draft-ietf-httpapi-idempotency-key-header): retried.
pub fn classify(status: u16) -> Option<bool> {
    match status {
        200..=299 => Some(true),
        408 | 409 | 425 | 429 | 500..=599 => None,
        _ => Some(false),
    }
}

/// What one answer to a submission means. A 2xx is a delivery only with the contract's
/// body (a receipt, and a known status if any): a maintenance page answered with 200 is
/// not one, and the packet is tried again with the same key.
pub fn interpret(status: u16, body: &str) -> (Attempt, Option<crate::case::PacketStatus>) {
    match classify(status) {
        Some(true) => match Reply::parse(body) {
            // Cleaned like every other text from elsewhere: no direction override or
            // zero-width character may make the receipt read otherwise than it is.
            Some(Reply {
                receipt: Some(receipt),
                status,
            }) if is_receipt(&crate::fields::visible_text(&receipt)) => (
                Attempt::Accepted {
                    receipt: crate::fields::visible_text(&receipt).trim().to_string(),
                },
                status,
            ),
            _ => (Attempt::Failed, None),
        },
        None => (Attempt::Failed, None),
        Some(false) => (
            Attempt::Refused {
                status,
                message: refusal_message(body),
            },
            None,
        ),
    }
}

fn is_receipt(r: &str) -> bool {
    !r.trim().is_empty() && r.chars().count() <= 100 && !r.chars().any(char::is_control)
}

/// The endpoint's own words for a refusal (its `error` field, or the start of the body),
/// shown to the citizen: at most 200 characters, no control or direction-override
/// characters that could disguise what the page says.
fn refusal_message(body: &str) -> String {
    #[derive(Deserialize)]
    struct Problem {
        error: Option<String>,
        detail: Option<String>,
    }
    let text = serde_json::from_str::<Problem>(body)
        .ok()
        .and_then(|p| p.error.or(p.detail))
        .unwrap_or_else(|| body.to_string());
    crate::fields::visible_text(&text)
        .chars()
        .take(200)
        .collect::<String>()
        .trim()
        .to_string()
}

/// How long a request may take before it is given up and retried, unless the deployment
/// says otherwise.
pub const DEFAULT_TIMEOUT_MS: u32 = 20_000;

/// The deployment's settings (public/config.json).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Config {
    /// None: packets are prepared for the counter instead of sent.
    #[serde(default)]
    pub submission_endpoint: Option<String>,
    #[serde(default = "default_timeout")]
    pub request_timeout_ms: u32,
    /// Web Push, where the deployment runs a push service; None: notices are looked at
    /// when the app opens (and on periodic sync).
    #[serde(default)]
    pub push: Option<PushConfig>,
}

/// A deployment's Web Push: its VAPID public key and where subscriptions are registered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PushConfig {
    /// The application server key, base64url (an uncompressed P-256 point: 65 bytes).
    pub public_key: String,
    /// `POST` registers a subscription, `DELETE` removes it (README).
    pub subscription_url: String,
}

impl PushConfig {
    /// A key of 65 bytes in base64url without padding: 87 characters of its alphabet.
    fn key_is_well_formed(&self) -> bool {
        self.public_key.len() == 87
            && self
                .public_key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    }
}

fn default_timeout() -> u32 {
    DEFAULT_TIMEOUT_MS
}

/// Why a configured endpoint is not used.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigError {
    Unreadable,
    /// Not `https:` (nor loopback `http:`, which the tests use).
    Insecure(String),
}

impl Config {
    /// Reads and checks the settings. A relative endpoint must be resolved against the
    /// page's address first (see `resolve`), so it is checked as the address it becomes.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let mut c: Config = serde_json::from_str(text).map_err(|_| ConfigError::Unreadable)?;
        c.submission_endpoint = c.submission_endpoint.filter(|e| !e.trim().is_empty());
        c.request_timeout_ms = c.request_timeout_ms.clamp(1_000, 120_000);
        if let Some(e) = &c.submission_endpoint {
            if !e.starts_with('/') || e.starts_with("//") {
                check_endpoint(e)?;
            }
        }
        // A push set-up that cannot work is not half used: without it, notices still come
        // when the app opens.
        if let Some(p) = &c.push {
            if !p.key_is_well_formed() {
                return Err(ConfigError::Unreadable);
            }
            let url = &p.subscription_url;
            if !url.starts_with('/') || url.starts_with("//") {
                check_endpoint(url)?;
            }
        }
        Ok(c)
    }
}

/// An endpoint the citizen's data may go to: `https:`, or `http:` on this machine's own
/// loopback (for tests). Nothing else: not `data:`, not plain `http:` over a network.
pub fn check_endpoint(url: &str) -> Result<(), ConfigError> {
    let insecure = || Err(ConfigError::Insecure(url.chars().take(100).collect()));
    let lower = url.to_ascii_lowercase();
    let (loopback_only, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (false, rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (true, rest)
    } else {
        return insecure();
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() || authority.contains('@') || url.chars().any(char::is_whitespace) {
        return insecure();
    }
    if !loopback_only {
        return Ok(());
    }
    let host = if authority.starts_with('[') {
        authority.split(']').next().map(|h| format!("{h}]"))
    } else {
        authority.split(':').next().map(str::to_string)
    };
    match host.as_deref() {
        Some("127.0.0.1" | "localhost" | "[::1]") => Ok(()),
        _ => insecure(),
    }
}

/// The longest a retry timer waits before it looks again: browsers throw on delays beyond
/// 2^31-1 ms, and a far-off time (a stored or imported one) must not break sending.
pub const MAX_TIMER_MS: u32 = 60 * 60_000;

/// The delay to set for a timer that should fire at `next_ms`.
pub fn timer_delay_ms(next_ms: f64, now_ms: f64) -> u32 {
    let wait = next_ms - now_ms;
    if wait.is_nan() {
        return MAX_TIMER_MS;
    }
    wait.clamp(250.0, f64::from(MAX_TIMER_MS)) as u32
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_receipt_is_cleaned_of_what_would_make_it_read_otherwise() {
        let (attempt, _) = super::interpret(
            201,
            r#"{"receipt": "R-\u202e1000\u200b", "status": "received"}"#,
        );
        assert_eq!(
            attempt,
            super::Attempt::Accepted {
                receipt: "R-1000".into()
            }
        );
        // Nothing left once cleaned: not a receipt, the packet is tried again.
        let (attempt, _) =
            super::interpret(201, r#"{"receipt": "\u202e\u200b", "status": "received"}"#);
        assert_eq!(attempt, super::Attempt::Failed);
    }

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
    fn answers_are_taken_as_the_contract_and_the_idempotency_draft_say() {
        // 409: the same key is still being processed (draft-ietf-httpapi-idempotency-key):
        // try again later, never a final refusal.
        assert_eq!(
            interpret(409, r#"{"error":"in progress"}"#).0,
            Attempt::Failed
        );
        // A 2xx that is not the contract (a maintenance page) is not a delivery.
        assert_eq!(
            interpret(200, "<html>maintenance</html>").0,
            Attempt::Failed
        );
        assert_eq!(interpret(201, "{}").0, Attempt::Failed, "no receipt");
        assert_eq!(
            interpret(201, r#"{"receipt": "", "status": "received"}"#).0,
            Attempt::Failed
        );
        assert_eq!(
            interpret(201, r#"{"receipt": "R-1", "status": "lost"}"#).0,
            Attempt::Failed
        );
        assert_eq!(
            interpret(201, r#"{"receipt": "R-1", "status": "received"}"#),
            (
                Attempt::Accepted {
                    receipt: "R-1".into()
                },
                Some(crate::case::PacketStatus::Received)
            )
        );
        // A refusal keeps the endpoint's own words, without control characters.
        assert_eq!(
            interpret(422, "{\"error\": \"bad postal code\\u202e\"}").0,
            Attempt::Refused {
                status: 422,
                message: "bad postal code".into()
            }
        );
        assert!(matches!(
            interpret(404, "<html>x</html>").0,
            Attempt::Refused { status: 404, .. }
        ));
    }

    #[test]
    fn only_https_endpoints_or_loopback_for_tests() {
        for good in [
            "https://city.example.jp/api/submissions",
            "http://127.0.0.1:8090/api/submissions",
            "http://localhost/api",
            "http://[::1]:9000/x",
        ] {
            assert_eq!(check_endpoint(good), Ok(()), "{good}");
        }
        for bad in [
            "http://city.example.jp/api",
            "http://127.0.0.1.evil.example/api",
            "http://localhost@evil.example/",
            "data:application/json,{}",
            "javascript:alert(1)",
            "ftp://x/",
            "https://",
            "",
        ] {
            assert!(check_endpoint(bad).is_err(), "{bad}");
        }
        let config = Config::parse(r#"{"submission_endpoint": "http://city.example.jp/api"}"#);
        assert!(config.is_err(), "checked when the config is loaded");
        let config = Config::parse(r#"{"submission_endpoint": null}"#).unwrap();
        assert_eq!(
            (config.submission_endpoint, config.request_timeout_ms),
            (None, DEFAULT_TIMEOUT_MS)
        );
    }

    #[test]
    fn a_push_set_up_needs_a_whole_key_and_a_safe_address() {
        let key = "BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U";
        let with = |key: &str, url: &str| {
            Config::parse(&format!(
                r#"{{"push": {{"public_key": "{key}", "subscription_url": "{url}"}}}}"#
            ))
        };
        let ok = with(key, "/api/push").unwrap().push.unwrap();
        assert_eq!(ok.subscription_url, "/api/push");
        assert!(with(key, "https://push.city.example.jp/subscriptions").is_ok());
        assert!(
            with(key, "http://push.city.example.jp/subscriptions").is_err(),
            "not https"
        );
        assert!(with(&key[1..], "/api/push").is_err(), "a key cut short");
        assert!(
            with(&key.replace('-', "+"), "/api/push").is_err(),
            "not base64url"
        );
        assert_eq!(Config::parse("{}").unwrap().push, None);
    }

    #[test]
    fn a_timer_is_never_longer_than_a_browser_can_hold() {
        // setTimeout throws on delays beyond 2^31-1 ms (24.8 days): wait at most an hour,
        // then look again.
        assert_eq!(timer_delay_ms(1e15, 0.0), MAX_TIMER_MS);
        assert_eq!(timer_delay_ms(f64::NAN, 0.0), MAX_TIMER_MS);
        assert_eq!(timer_delay_ms(10.0, 0.0), 250);
        assert_eq!(timer_delay_ms(5_000.0, 1_000.0), 4_000);
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
        assert_eq!(classify(409), None);
        assert_eq!(classify(422), Some(false));
    }
}
