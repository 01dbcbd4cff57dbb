//! Notices on this device: computed by the core (`hitotsu::notice`) from the state, counted
//! in the header, listed on the notice page, and handed to the service worker as a schedule
//! of system notifications when the citizen turned those on.
//!
//! Nothing here runs for the first screen: the checkpoints and the event files of the
//! cases are fetched once the app has started, and the notices are worked out after the
//! state has been still for a moment, never inside a step.

use super::browser;
use crate::app::routes;
use hitotsu::case::PacketStatus;
use hitotsu::catalog::Catalog;
use hitotsu::notice::{self, About, Checkpoints, Digest, Notice, Sources};
use hitotsu::state::AppState;
use hitotsu::ui_text::{t, Msg};
use hitotsu::Date;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// The notices as last worked out; None until the first time.
#[derive(Clone, Copy)]
pub struct Notices {
    pub all: RwSignal<Option<Arc<Vec<Notice>>>>,
    pub checkpoints: RwSignal<Option<Arc<Checkpoints>>>,
}

pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}

impl Notices {
    /// Made near the root, so the header can count before any page asks.
    pub fn new() -> Notices {
        Notices {
            all: RwSignal::new(None),
            checkpoints: RwSignal::new(None),
        }
    }

    /// Fetches the checkpoints and keeps the notices up to date with the state and the
    /// catalog (whose event files `load_events_of_cases` brings in).
    pub fn start(
        self,
        state: RwSignal<AppState>,
        catalog: RwSignal<Arc<Catalog>>,
        endpoint: Signal<Option<String>>,
        today: Date,
    ) {
        // A first visit has nobody to tell of: the checkpoints are fetched with the first
        // case or person, not with the first screen (until then there are none to use).
        let someone =
            Memo::new(move |_| state.with(|s| !s.cases.is_empty() || !s.vault.facts.is_empty()));
        Effect::new(move |fetched: Option<bool>| {
            if fetched == Some(true) {
                return true;
            }
            if !someone.get() {
                self.checkpoints.set(Some(Arc::new(Checkpoints::default())));
                return false;
            }
            leptos::task::spawn_local(async move {
                let text = browser::get_text("/catalog/checkpoints.json").await;
                // Without checkpoints, deadlines and statuses are still told.
                let parsed = text
                    .ok()
                    .and_then(|t| Checkpoints::parse(&t).ok())
                    .unwrap_or_default();
                self.checkpoints.set(Some(Arc::new(parsed)));
            });
            true
        });
        take_kept(state);
        super::catalog::load_events_of_cases(catalog, state);
        let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
        // Which change was last handed to the engine, and which schedule to the worker (the
        // engine answers asynchronously).
        let worked = StoredValue::new(0u64);
        let told = StoredValue::new(0u64);
        Effect::new(move |_| {
            state.track();
            catalog.track();
            let Some(cp) = self.checkpoints.get() else {
                return;
            };
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            // After the state has been still for a moment: typing or a step never waits
            // for the notices.
            let handle = set_timeout_with_handle(
                move || {
                    let c = catalog.get_untracked();
                    let cp = cp.clone();
                    let generation = worked.get_value() + 1;
                    worked.set_value(generation);
                    leptos::task::spawn_local(async move {
                        // Nobody to tell of (a first visit, or after "delete everything"):
                        // nothing to work out, and the engine's module is not fetched.
                        let all = if cp.checkpoints.is_empty()
                            && state.with_untracked(|s| s.cases.is_empty())
                        {
                            Vec::new()
                        } else {
                            match work_out(state.get_untracked(), c.clone(), cp.clone(), today)
                                .await
                            {
                                Ok(all) => all,
                                // Its module cannot be fetched (offline before the release
                                // was kept): tried again with the next change.
                                Err(_) => return,
                            }
                        };
                        // A later change has been worked out meanwhile: its notices stand.
                        if worked.get_value() != generation {
                            return;
                        }
                        // Marks of notices that are gone are dropped, so the state does not
                        // grow; only once every case's event and the checkpoints are in, or
                        // the marks of notices not worked out yet would go with them.
                        let whole = !cp.checkpoints.is_empty()
                            && state.with_untracked(|s| {
                                s.cases.iter().all(|k| c.event(&k.event).is_some())
                            });
                        let stale = whole
                            && state.with_untracked(|s| {
                                s.notices
                                    .marks
                                    .keys()
                                    .any(|id| all.iter().all(|n| n.id != *id))
                            });
                        if stale {
                            state.update(|s| s.notices.tidy(&all));
                        }
                        self.all.set(Some(Arc::new(all)));
                    });
                },
                Duration::from_millis(300),
            )
            .ok();
            pending.set_value(handle);
        });
        // The service worker's schedule follows the notices as worked out: after every
        // change of the state (marks, settings, language among them) has settled, never on
        // each keystroke.
        Effect::new(move |_| {
            let Some(all) = self.all.get() else { return };
            let Some(cp) = self.checkpoints.get_untracked() else {
                return;
            };
            let endpoint = endpoint.get();
            // A locked file's notifications say only that there is news.
            let locked = super::storage::use_keeper().locked();
            let (s, c) = (state.get_untracked(), catalog.get_untracked());
            let empty = all.is_empty() && s.cases.is_empty();
            let generation = told.get_value() + 1;
            told.set_value(generation);
            leptos::task::spawn_local(async move {
                // Nothing to schedule: the worker is told so (a schedule emptied by "delete
                // everything" clears its notifications) without the engine's module.
                let (items, watch) = if empty {
                    (Vec::new(), Vec::new())
                } else {
                    match scheduled(s.clone(), c, cp, all, endpoint, today, locked).await {
                        Ok(parts) => parts,
                        Err(_) => return,
                    }
                };
                // Only the latest: an older schedule worked out later never replaces it.
                if told.get_value() == generation {
                    browser::tell_worker(message(&s, items, watch));
                }
            });
        });
    }

    /// Web Push where the deployment has it: subscribed while system notifications are on
    /// (and allowed), the subscription registered with the deployment; unsubscribed and
    /// forgotten there when they are turned off or everything is deleted. A push carries
    /// nothing: it only wakes the worker, which shows what the schedule holds.
    pub fn keep_push(
        self,
        state: RwSignal<AppState>,
        push: Signal<Option<hitotsu::outbox::PushConfig>>,
    ) {
        let wanted = Memo::new(move |_| state.with(|s| s.notices.settings.system));
        Effect::new(move |_| {
            let (Some(push), on) = (push.get(), wanted.get()) else {
                return;
            };
            leptos::task::spawn_local(async move {
                if on && browser::notification_permission() == browser::Permission::Granted {
                    if let Some(subscription) = browser::push_subscribe(&push.public_key).await {
                        let _ =
                            browser::send_json("POST", &push.subscription_url, subscription).await;
                    }
                } else if let Some(endpoint) = browser::push_unsubscribe().await {
                    let body = serde_json::json!({ "endpoint": endpoint }).to_string();
                    let _ = browser::send_json("DELETE", &push.subscription_url, body).await;
                }
            });
        });
    }

    /// How many notices the citizen has not read, once worked out.
    pub fn unread(self, state: RwSignal<AppState>, today: Date) -> Option<usize> {
        let all = self.all.get()?;
        Some(state.with(|s| notice::unread(&all, &s.notices, today)))
    }

    /// The ids of unread news from recipients (status notices): what is worth saying aloud
    /// when it arrives. Deadlines and checkpoints follow from the citizen's own answers and
    /// show on the page they are on; saying each of them as they answer would talk over
    /// the page.
    pub fn unread_news(self, state: RwSignal<AppState>, today: Date) -> Option<Vec<String>> {
        let all = self.all.get()?;
        Some(state.with(|s| {
            all.iter()
                .filter(|n| {
                    n.kind == notice::Kind::Status
                        && s.notices.wants(n, today)
                        && !s.notices.mark(&n.id).read
                })
                .map(|n| n.id.clone())
                .collect()
        }))
    }
}

/// What the worker kept for the app while it may have been closed: a button pressed on a
/// notification ("read", "snoozed": its notices), or a recipient's news it learnt of when a
/// push woke it ("status": the packet and its status). Plain fields, not a tagged enum:
/// serde's tagged enums buffer and cost the bundle kilobytes.
#[derive(serde::Deserialize)]
struct Kept {
    /// When, by the app's clock (milliseconds).
    at: f64,
    action: String,
    #[serde(default)]
    notices: Vec<String>,
    #[serde(default)]
    packet: Option<String>,
    #[serde(default)]
    status: Option<PacketStatus>,
}

#[derive(serde::Deserialize)]
struct FromWorker {
    #[serde(rename = "type")]
    kind: String,
    /// The file (one person's, on a shared device) it was kept for.
    #[serde(default)]
    file: String,
    /// Each entry read on its own (`Kept`): one the app cannot read is dropped, never a
    /// reason to take none of the rest.
    #[serde(default)]
    kept: Vec<serde_json::Value>,
}

/// Takes what the worker kept into the stored state: what happened while the app was
/// closed when it starts, the rest as it happens; then tells the worker which it took.
fn take_kept(state: RwSignal<AppState>) {
    let file = super::storage::file();
    let mine = file.clone();
    browser::on_worker_message(move |text| {
        let Ok(FromWorker { kind, file, kept }) = serde_json::from_str(&text) else {
            return;
        };
        // Another file's (another person's on this device): not this tab's to take.
        if kind != "kept" || file != mine {
            return;
        }
        // Every entry with an id is acknowledged, the unreadable ones too: the worker then
        // forgets them, and they cannot hold back what comes after.
        let ids: Vec<String> = kept
            .iter()
            .filter_map(|k| k.get("id")?.as_str().map(str::to_string))
            .collect();
        let kept: Vec<Kept> = kept
            .into_iter()
            .filter_map(|k| serde_json::from_value(k).ok())
            .collect();
        state.update(|s| {
            for k in &kept {
                let Some(day) = browser::day_of(k.at) else {
                    continue;
                };
                match (k.action.as_str(), &k.packet, k.status) {
                    ("read", ..) => s.notices.act(&k.notices, notice::Acted::Read, day),
                    ("snoozed", ..) => s.notices.act(&k.notices, notice::Acted::Snoozed, day),
                    ("status", Some(packet), Some(status)) => s.record_status(packet, status, day),
                    _ => {}
                }
            }
        });
        let taken = serde_json::json!({ "type": "kept-taken", "file": mine, "ids": ids });
        browser::tell_worker(taken.to_string());
    });
    browser::tell_worker(serde_json::json!({ "type": "kept-take", "file": file }).to_string());
}

/// Where a notice's action leads: the plan (at the procedure), or what was sent.
pub fn action(n: &Notice) -> Option<String> {
    match &n.about {
        About::Deadline {
            case, procedure, ..
        } => Some(routes::plan_at(case, procedure)),
        About::Status { case, .. } => Some(routes::receipts(case)),
        About::Checkpoint { .. } => None,
    }
}

/// The notices as the core works them out, in a module of its own (scripts/split.py cuts it
/// out of the main module): the first screen never waits for it, and a device with nobody
/// to tell of never fetches it.
#[leptos::wasm_split::wasm_split(notices_engine, wasm_split_path = ::leptos::wasm_split, fallible)]
fn work_out(
    state: AppState,
    catalog: Arc<Catalog>,
    checkpoints: Arc<Checkpoints>,
    today: Date,
) -> Result<Vec<Notice>, leptos::wasm_split::SplitLoaderError> {
    Ok(notice::derive(
        &state,
        &catalog,
        &checkpoints,
        &catalog.closed_days(),
        today,
    ))
}

/// What the worker is to show (every digest now or later, with its words and when: after the
/// quiet hours; none when system notifications are off) and which packets it may ask about,
/// worked out in the engine's module.
#[allow(clippy::too_many_arguments)]
#[leptos::wasm_split::wasm_split(notices_engine, wasm_split_path = ::leptos::wasm_split, fallible)]
fn scheduled(
    state: AppState,
    catalog: Arc<Catalog>,
    cp: Arc<Checkpoints>,
    all: Arc<Vec<Notice>>,
    endpoint: Option<String>,
    today: Date,
    locked: bool,
) -> Result<(Vec<serde_json::Value>, Vec<serde_json::Value>), leptos::wasm_split::SplitLoaderError>
{
    Ok(schedule(
        &state,
        &catalog,
        &cp,
        &all,
        endpoint.as_deref(),
        today,
        locked,
    ))
}

/// The message for the service worker: the schedule and the packets to watch, with the
/// words of a notification's buttons in the citizen's language.
fn message(s: &AppState, items: Vec<serde_json::Value>, watch: Vec<serde_json::Value>) -> String {
    let actions = serde_json::json!([
        { "action": "read", "title": hitotsu::ruby::plain(t(s.lang, Msg::NoticeMarkRead)) },
        { "action": "snoozed", "title": hitotsu::ruby::plain(t(s.lang, Msg::NoticeTomorrow)) },
    ]);
    serde_json::json!({
        "type": "notices",
        "file": super::storage::file(),
        "now": browser::now_ms(),
        "schedule": items,
        "watch": watch,
        "lang": s.lang.html_tag(),
        "actions": actions,
        // The worker shows nothing inside them, whatever wakes it; counted in the app's
        // local time (the worker's own time zone may differ: minutes, as getTimezoneOffset).
        "quiet": s.notices.settings.quiet,
        "offset": js_sys::Date::new_0().get_timezone_offset(),
    })
    .to_string()
}

fn schedule(
    s: &AppState,
    catalog: &Catalog,
    cp: &Checkpoints,
    all: &[Notice],
    endpoint: Option<&str>,
    today: Date,
    locked: bool,
) -> (Vec<serde_json::Value>, Vec<serde_json::Value>) {
    let file = super::storage::file();
    // A click opens the notice's own file, whichever file a tab is on.
    let in_file = |url: String| routes::in_file(&url, &file);
    // What a locked file's notification says: that there is news, nothing of whom or what.
    let words_of = |title: String, body: String| {
        if locked {
            (
                t(s.lang, Msg::LockedNewsTitle).to_string(),
                t(s.lang, Msg::LockedNewsBody).to_string(),
            )
        } else {
            (hitotsu::ruby::plain(&title), hitotsu::ruby::plain(&body))
        }
    };
    let settings = &s.notices.settings;
    let mut digests: Vec<Digest> = Vec::new();
    let on = settings.system && browser::notification_permission() == browser::Permission::Granted;
    if on {
        // What is shown today and not read yet, then what is still to come.
        digests = notice::digests(all, &s.notices, today)
            .into_iter()
            .map(|mut d| {
                d.notices.retain(|n| !s.notices.mark(&n.id).read);
                d
            })
            .filter(|d| !d.notices.is_empty())
            .collect();
        digests.extend(notice::upcoming(all, &s.notices, today));
    }
    // Words for the tray, as of the day each is shown.
    let words = Sources {
        state: s,
        catalog,
        checkpoints: cp,
        lang: s.lang,
        today,
        tray: true,
    };
    let items: Vec<serde_json::Value> = digests
        .iter()
        .map(|d| {
            let w = Sources {
                today: d.from.max(today),
                ..words
            }
            .digest(d);
            // One notice: its own place; several of a case: its plan; else the notice page.
            let url = match d.notices.as_slice() {
                _ if locked => None,
                [one] => action(one),
                _ => d.bundle.strip_prefix("case:").map(routes::plan),
            }
            .unwrap_or_else(routes::notices);
            let (title, body) = words_of(w.title, w.body);
            serde_json::json!({
                "id": d.id,
                // One notification per thing in the tray: a case's newer reminders replace
                // its older ones.
                "tag": d.bundle,
                "at": browser::epoch_ms(d.notify_at(settings.quiet)),
                "title": title,
                "body": body,
                "url": in_file(url),
                "from": d.from.to_string(),
                "notices": d.notices.iter().map(|n| &n.id).collect::<Vec<_>>(),
            })
        })
        .collect();
    // The packets whose recipients may still have news, for the worker to ask about when a
    // push wakes it: each possible answer with the notice's id and words, made here.
    let watch: Vec<serde_json::Value> = match endpoint.filter(|_| on) {
        None => vec![],
        Some(endpoint) => notice::watched(s, today)
            .into_iter()
            .map(|w| {
                let news: serde_json::Map<String, serde_json::Value> = w
                    .news
                    .iter()
                    .map(|(status, n)| {
                        let words = words.notice(n);
                        let (title, body) = words_of(words.title, words.body);
                        let item = serde_json::json!({
                            "id": n.id,
                            "title": title,
                            "body": body,
                        });
                        (notice::status_word(*status).to_string(), item)
                    })
                    .collect();
                serde_json::json!({
                    "packet": w.packet,
                    "status": notice::status_word(w.status),
                    "url": hitotsu::outbox::status_url(endpoint, &w.key),
                    "open": in_file(if locked { routes::notices() } else { routes::receipts(&w.case) }),
                    "news": news,
                })
            })
            .collect(),
    };
    (items, watch)
}
