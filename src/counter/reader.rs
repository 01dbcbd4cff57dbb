//! Reading the code in a picture off the page's thread: the QR reader runs in a Web Worker
//! (src/qr_reader), each picture with a time limit. A picture that takes longer (a field
//! of finder patterns) or kills the worker (a crafted one trapping the reader) ends the
//! worker; the next picture gets a new one. The page itself never waits on the reader,
//! so the session's idle clock and its end button always work.

use crate::app::services::browser;
use futures::channel::oneshot;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Longest a picture may take. rqrr reads a clear code of a 1,600-pixel photo in well
/// under a second on a counter PC; what takes longer will not be read.
pub const LIMIT_MS: u32 = 4_000;

/// What reading one picture gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Read {
    Text(String),
    /// No code found in it.
    Nothing,
    /// Not read within the time limit (or the reader failed on it).
    TimedOut,
}

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    /// What waits to be posted until the worker's reader listens (its "ready").
    static QUEUE: RefCell<Option<Vec<(JsValue, js_sys::Array)>>> = const { RefCell::new(Some(Vec::new())) };
    static PENDING: RefCell<BTreeMap<u32, oneshot::Sender<Option<String>>>> = const { RefCell::new(BTreeMap::new()) };
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

/// The worker's loader, as the build wrote its hashed name into the page (scripts/csp.py).
fn loader_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name=hitotsu-qr-reader]")
        .ok()??
        .get_attribute("content")
}

/// Ends the worker and every read waiting on it (each then gives up as timed out).
fn stop_worker() {
    if let Some(w) = WORKER.with(|w| w.borrow_mut().take()) {
        w.terminate();
    }
    PENDING.with(|p| p.borrow_mut().clear());
    QUEUE.with(|q| *q.borrow_mut() = Some(Vec::new()));
}

/// Posts to the worker now if its reader listens, or as soon as it does.
fn post(worker: &web_sys::Worker, message: JsValue, transfer: js_sys::Array) -> bool {
    let queued = QUEUE.with(|q| match q.borrow_mut().as_mut() {
        Some(waiting) => {
            waiting.push((message.clone(), transfer.clone()));
            true
        }
        None => false,
    });
    queued
        || worker
            .post_message_with_transfer(&message, &transfer)
            .is_ok()
}

fn worker() -> Option<web_sys::Worker> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Some(w);
    }
    let worker = web_sys::Worker::new(&loader_url()?).ok()?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        let data = ev.data();
        if js_sys::Reflect::get(&data, &"ready".into()).is_ok_and(|r| r.is_truthy()) {
            let waiting = QUEUE.with(|q| q.borrow_mut().take()).unwrap_or_default();
            if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
                for (message, transfer) in waiting {
                    let _ = w.post_message_with_transfer(&message, &transfer);
                }
            }
            return;
        }
        let id = js_sys::Reflect::get(&data, &"id".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32;
        let text = js_sys::Reflect::get(&data, &"text".into())
            .ok()
            .and_then(|v| v.as_string());
        if let Some(tx) = PENDING.with(|p| p.borrow_mut().remove(&id)) {
            let _ = tx.send(text);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The reader died on a picture (a trap in it): gone, and a new one next time.
    let on_error = Closure::<dyn Fn(JsValue)>::new(|_| stop_worker());
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    WORKER.with(|w| *w.borrow_mut() = Some(worker.clone()));
    QUEUE.with(|q| *q.borrow_mut() = Some(Vec::new()));
    Some(worker)
}

/// Reads the code in a greyscale picture (`luma`, row by row).
pub async fn read(width: usize, height: usize, luma: Vec<u8>) -> Read {
    let Some(worker) = worker() else {
        // No worker to be had (the build's reader missing): read here, as before.
        return match hitotsu::handoff::scan(width, height, &luma) {
            Some(t) => Read::Text(t),
            None => Read::Nothing,
        };
    };
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    });
    let (tx, rx) = oneshot::channel();
    PENDING.with(|p| p.borrow_mut().insert(id, tx));
    let message = js_sys::Object::new();
    let bytes = js_sys::Uint8Array::from(luma.as_slice());
    for (k, v) in [
        ("id", JsValue::from(id)),
        ("width", JsValue::from(width as u32)),
        ("height", JsValue::from(height as u32)),
        ("luma", bytes.clone().into()),
    ] {
        let _ = js_sys::Reflect::set(&message, &k.into(), &v);
    }
    // The pixels are moved to the worker, not copied.
    let transfer = js_sys::Array::of1(&bytes.buffer());
    if !post(&worker, message.into(), transfer) {
        stop_worker();
        return Read::TimedOut;
    }
    let limit = browser::sleep(LIMIT_MS);
    futures::pin_mut!(limit);
    match futures::future::select(rx, limit).await {
        futures::future::Either::Left((Ok(Some(text)), _)) => Read::Text(text),
        futures::future::Either::Left((Ok(None), _)) => Read::Nothing,
        // The worker died with it waiting: nothing read.
        futures::future::Either::Left((Err(_), _)) => Read::TimedOut,
        futures::future::Either::Right(_) => {
            stop_worker();
            Read::TimedOut
        }
    }
}
