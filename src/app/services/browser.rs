//! The few browser APIs the app uses, each behind one small function.

use hitotsu::i18n::Lang;
use hitotsu::Date;

pub fn set_html_lang(lang: Lang) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", lang.html_tag());
        // For what public/module-failed.js says when a page's module cannot be fetched: the app may be
        // gone by then, and easy Japanese is "ja" to the browser.
        let _ = el.set_attribute("data-lang", lang.code());
    }
}

pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&hitotsu::ruby::plain(title));
    }
}

/// Removes the static first screen (`index.html`, issue 8), so the app's own page shows.
/// A link the citizen had already focused there is focused again in the app.
pub fn end_first_screen() {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(screen) = doc.get_element_by_id("first-screen") else {
        return;
    };
    let focused = doc
        .active_element()
        .filter(|a| screen.contains(Some(a)))
        .and_then(|a| a.get_attribute("href"));
    screen.remove();
    if let Some(link) = focused
        .and_then(|href| {
            doc.query_selector(&format!("a[href=\"{href}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
        // Told to the first page's heading, unless it has already looked (and then found
        // the focus on the first screen).
        if !HEADING_LOOKED.get() {
            FOCUS_KEPT.set(true);
        }
    }
}

thread_local! {
    static FOCUS_KEPT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static HEADING_LOOKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the citizen's focus is on the first screen, or was carried from it into the
/// app: the first page's heading then leaves it there. True once.
pub fn focus_kept_from_first_screen() -> bool {
    let on_screen = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| Some((d.get_element_by_id("first-screen")?, d.active_element()?)))
        .is_some_and(|(screen, active)| screen.contains(Some(&active)));
    HEADING_LOOKED.set(true);
    let carried = FOCUS_KEPT.replace(false);
    on_screen || carried
}

/// Whether focus is still where the app left it before a page's heading takes it: on the
/// resting element or nowhere (the document). Anything else the citizen chose meanwhile.
pub fn focus_resting() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_none_or(|a| a.id() == "focus-rest" || a.tag_name().eq_ignore_ascii_case("body"))
}

/// Focuses the element with this id, if it exists (error summary links, headings).
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The device's local calendar date.
pub fn today() -> Date {
    day_of(now_ms()).unwrap_or_default()
}

/// GETs a text (the catalog, the config): no time limit, since a phone on a slow network
/// may need long for a large file.
pub async fn get_text(url: &str) -> Result<String, String> {
    fetch_text(url, None).await
}

/// An abort signal that fires after `ms`, so no request hangs forever on an endpoint that
/// never answers.
fn abort_after(ms: u32) -> Option<web_sys::AbortSignal> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    leptos::prelude::set_timeout(
        move || controller.abort(),
        std::time::Duration::from_millis(u64::from(ms)),
    );
    Some(signal)
}

/// GETs a text, given up after `timeout_ms` (an endpoint's status answers).
pub async fn get_text_within(url: &str, timeout_ms: u32) -> Result<String, String> {
    fetch_text(url, abort_after(timeout_ms)).await
}

async fn fetch_text(url: &str, signal: Option<web_sys::AbortSignal>) -> Result<String, String> {
    let response = gloo_net::http::Request::get(url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response.text().await.map_err(|e| e.to_string())
}

/// POSTs a packet; the status and body of any answer, or Err when there was none within
/// `timeout_ms` (the body included).
pub async fn post_json(
    url: &str,
    idempotency_key: &str,
    body: &str,
    timeout_ms: u32,
) -> Result<(u16, String), String> {
    let signal = abort_after(timeout_ms);
    let response = gloo_net::http::Request::post(url)
        .header("content-type", "application/json")
        .header("idempotency-key", idempotency_key)
        .abort_signal(signal.as_ref())
        .body(body.to_string())
        .map_err(|e| e.to_string())?
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let status = response.status();
    let text = response.text().await.map_err(|e| e.to_string())?;
    Ok((status, text))
}

/// A URL as the page would resolve it (a relative endpoint becomes this origin's).
pub fn resolve_url(url: &str) -> Option<String> {
    let base = web_sys::window()?.location().href().ok()?;
    Some(web_sys::Url::new_with_base(url, &base).ok()?.href())
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Saves `text` as a file through a temporary link (no server involved).
pub fn download(name: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(if name.ends_with(".ics") {
        "text/calendar"
    } else {
        "application/json"
    });
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(a) = document
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub async fn read_file(file: &web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "unreadable".to_string())?;
    text.as_string().ok_or_else(|| "not text".into())
}

/// A new idempotency key: a random UUID (version 4) from the browser's cryptographic
/// source, opaque and unguessable.
pub fn new_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_default()
}

/// Puts `text` in the top margin of every printed page (the citizen's name, the date and
/// the reference), through a constructed stylesheet rather than an inline style, so a
/// strict Content-Security-Policy allows it. None removes it.
pub fn set_print_header(text: Option<&str>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let sheets = js_sys::Array::new();
    if let Some(text) = text {
        let quoted = serde_json::to_string(text).unwrap_or_default();
        let rule = format!(
            "@page {{ @top-left {{ content: {quoted}; font-size: 9pt; color: #4d4d52; }} }}"
        );
        if let Ok(sheet) = web_sys::CssStyleSheet::new() {
            if sheet.replace_sync(&rule).is_ok() {
                sheets.push(&sheet);
            }
        }
    }
    document.set_adopted_style_sheets(&sheets);
}

/// The browser's preferred languages, most preferred first.
pub fn languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The display settings as attributes of `<html>`: the stylesheet does the rest.
pub fn set_display(d: hitotsu::state::Display) {
    use hitotsu::state::{Contrast, TextSize, Theme};
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let text = match d.text {
        TextSize::Standard => "standard",
        TextSize::Large => "large",
        TextSize::Larger => "larger",
    };
    let contrast = if d.contrast == Contrast::High {
        "high"
    } else {
        "standard"
    };
    let theme = match d.theme {
        Theme::System => "system",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let _ = el.set_attribute("data-text", text);
    let _ = el.set_attribute("data-contrast", contrast);
    let _ = el.set_attribute("data-theme", theme);
    let _ = el.set_attribute("data-furigana", if d.furigana { "on" } else { "off" });
}

/// Asks for a Web Lock held for the page's whole life, and runs `granted` once this tab
/// holds it (at once if no other tab does; when that tab closes otherwise). Without the
/// Web Locks API (old browsers) every tab is granted: the idempotency keys still make
/// each packet count once.
pub fn hold_lock(name: &str, granted: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let locks = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("locks")).ok())
        .filter(|l| !l.is_undefined());
    let request = locks.as_ref().and_then(|l| {
        js_sys::Reflect::get(l, &JsValue::from_str("request"))
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    let (Some(locks), Some(request)) = (locks, request) else {
        granted();
        return;
    };
    // The callback's promise never settles, so the lock is released only with the page.
    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        granted();
        js_sys::Promise::new(&mut |_, _| {}).into()
    });
    let _ = request.call2(&locks, &JsValue::from_str(name), &callback);
}

/// Empties the service worker's copies of a file's notices; with `all` (the device's only
/// file), every cache and any push subscription: the worker does it (and fetches the app's
/// own files again, so it still starts offline); without a worker in control, the page
/// empties the caches itself.
pub fn forget_caches(file: &str, all: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(worker) = window.navigator().service_worker().controller() {
        let message = serde_json::json!({ "type": "forget", "file": file, "all": all });
        let _ = worker.post_message(&wasm_bindgen::JsValue::from_str(&message.to_string()));
        return;
    }
    let Ok(caches) = window.caches() else {
        return;
    };
    // The worker's name for a file's notices cache (public/sw.js, noticesOf).
    let own = if file.is_empty() {
        "hitotsu-notices".to_string()
    } else {
        format!("hitotsu-notices.{file}")
    };
    leptos::task::spawn_local(async move {
        let Ok(names) = wasm_bindgen_futures::JsFuture::from(caches.keys()).await else {
            return;
        };
        for name in js_sys::Array::from(&names)
            .iter()
            .filter_map(|n| n.as_string())
            .filter(|n| all || *n == own)
        {
            let _ = wasm_bindgen_futures::JsFuture::from(caches.delete(&name)).await;
        }
    });
}

/// Whether this browser lets the app show notifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Granted,
    Denied,
    /// Not asked yet.
    Ask,
    /// No Notification API (or no service worker to show them).
    Unsupported,
}

fn notification_api() -> Option<wasm_bindgen::JsValue> {
    let window = web_sys::window()?;
    let api = js_sys::Reflect::get(&window, &"Notification".into()).ok()?;
    let worker = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into()).ok()?;
    (!api.is_undefined() && !worker.is_undefined()).then_some(api)
}

fn permission_of(value: Option<String>) -> Permission {
    match value.as_deref() {
        Some("granted") => Permission::Granted,
        Some("denied") => Permission::Denied,
        Some(_) => Permission::Ask,
        None => Permission::Unsupported,
    }
}

/// The notification permission as it stands; never asks.
pub fn notification_permission() -> Permission {
    permission_of(
        notification_api()
            .and_then(|api| js_sys::Reflect::get(&api, &"permission".into()).ok())
            .and_then(|p| p.as_string()),
    )
}

/// Asks the citizen (through the browser) to allow notifications: only ever called when
/// they turn notifications on.
pub async fn request_notification_permission() -> Permission {
    use wasm_bindgen::JsCast;
    let Some(api) = notification_api() else {
        return Permission::Unsupported;
    };
    let Some(ask) = js_sys::Reflect::get(&api, &"requestPermission".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return Permission::Unsupported;
    };
    let Ok(promise) = ask
        .call0(&api)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return Permission::Unsupported;
    };
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok();
    permission_of(answer.and_then(|a| a.as_string()))
}

/// Hands a message (JSON text) to the service worker once it is ready; nothing when there
/// is none (the app works without it).
pub fn tell_worker(message: String) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let Ok(ready) = container.ready() else { return };
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else {
            return;
        };
        let active = js_sys::Reflect::get(&registration, &"active".into())
            .ok()
            .and_then(|a| a.dyn_into::<web_sys::ServiceWorker>().ok());
        if let Some(worker) = active {
            let _ = worker.post_message(&message.into());
        }
    });
}

/// Calls `f` with each text message the service worker sends this page, for as long as
/// the page lives.
pub fn on_worker_message(f: impl Fn(String) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let callback = Closure::<dyn Fn(wasm_bindgen::JsValue)>::new(move |event| {
        if let Some(text) = js_sys::Reflect::get(&event, &"data".into())
            .ok()
            .and_then(|d| d.as_string())
        {
            f(text);
        }
    });
    let _ =
        container.add_event_listener_with_callback("message", callback.as_ref().unchecked_ref());
    // Messages wait in a queue until the page says it listens.
    let _ = js_sys::Reflect::get(&container, &"startMessages".into())
        .ok()
        .and_then(|m| m.dyn_into::<js_sys::Function>().ok())
        .map(|m| m.call0(&container));
    callback.forget();
}

/// The local day of a moment the browser's clock counts (milliseconds).
pub fn day_of(ms: f64) -> Option<Date> {
    let at = js_sys::Date::new(&ms.into());
    Date::new(
        i16::try_from(at.get_full_year()).ok()?,
        i8::try_from(at.get_month() + 1).ok()?,
        i8::try_from(at.get_date()).ok()?,
    )
    .ok()
}

/// A local date and time as the milliseconds the browser's clock counts.
pub fn epoch_ms(at: jiff::civil::DateTime) -> f64 {
    js_sys::Date::new_with_year_month_day_hr_min_sec(
        u32::try_from(at.year()).unwrap_or(1970),
        i32::from(at.month()) - 1,
        i32::from(at.day()),
        i32::from(at.hour()),
        i32::from(at.minute()),
        0,
    )
    .get_time()
}

/// The browser's clock now.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Now, in UTC (a calendar file's stamp).
pub fn utc_now() -> jiff::civil::DateTime {
    let now = js_sys::Date::new_0();
    jiff::civil::date(
        now.get_utc_full_year() as i16,
        now.get_utc_month() as i8 + 1,
        now.get_utc_date() as i8,
    )
    .at(
        now.get_utc_hours() as i8,
        now.get_utc_minutes() as i8,
        now.get_utc_seconds() as i8,
        0,
    )
}

/// Calls `f` once when a new release's service worker takes over this page (the page was
/// already under a worker: a first visit's worker is no news).
pub fn on_new_release(f: impl Fn() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    if container.controller().is_none() {
        return;
    }
    let callback = Closure::<dyn Fn()>::new(f);
    let _ = container
        .add_event_listener_with_callback("controllerchange", callback.as_ref().unchecked_ref());
    // Lives as long as the page.
    callback.forget();
}

/// Resolves after `ms` milliseconds (the browser's timer: a fake clock in tests moves it).
#[allow(dead_code)] // the counter's build only
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The address's path ("/case/c1/plan").
pub fn path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The address's query ("?file=f0a1b2c3d"), or "".
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Loads the app afresh at `url`: after the tab changed file, nothing of the last one may
/// stay in memory.
pub fn go(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(url);
    }
}

pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Calls `object.name(args…)` and awaits the promise it returns.
async fn call_async(
    object: &wasm_bindgen::JsValue,
    name: &str,
    args: &js_sys::Array,
) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let method = js_sys::Reflect::get(object, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = method
        .apply(object, args)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// The service worker registration's push manager, when the browser has one.
async fn push_manager() -> Option<wasm_bindgen::JsValue> {
    let ready = web_sys::window()?
        .navigator()
        .service_worker()
        .ready()
        .ok()?;
    let registration = wasm_bindgen_futures::JsFuture::from(ready).await.ok()?;
    let manager = js_sys::Reflect::get(&registration, &"pushManager".into()).ok()?;
    (!manager.is_undefined()).then_some(manager)
}

/// Subscribes to the deployment's push service (or finds the subscription there is):
/// the subscription as JSON (endpoint and keys), for the deployment to register.
pub async fn push_subscribe(public_key: &str) -> Option<String> {
    let manager = push_manager().await?;
    let existing = call_async(&manager, "getSubscription", &js_sys::Array::new()).await?;
    let subscription = if existing.is_null() {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"userVisibleOnly".into(), &true.into()).ok()?;
        js_sys::Reflect::set(&options, &"applicationServerKey".into(), &public_key.into()).ok()?;
        call_async(&manager, "subscribe", &js_sys::Array::of1(&options)).await?
    } else {
        existing
    };
    js_sys::JSON::stringify(&subscription).ok()?.as_string()
}

/// Ends the push subscription, if there is one; its endpoint, for the deployment to forget.
pub async fn push_unsubscribe() -> Option<String> {
    let manager = push_manager().await?;
    let subscription = call_async(&manager, "getSubscription", &js_sys::Array::new()).await?;
    if subscription.is_null() {
        return None;
    }
    let endpoint = js_sys::Reflect::get(&subscription, &"endpoint".into())
        .ok()?
        .as_string();
    call_async(&subscription, "unsubscribe", &js_sys::Array::new()).await;
    endpoint
}

/// Sends a JSON body with `method` (POST, DELETE) and gives the status.
pub async fn send_json(method: &str, url: &str, body: String) -> Result<u16, String> {
    let builder = match method {
        "DELETE" => gloo_net::http::Request::delete(url),
        _ => gloo_net::http::Request::post(url),
    };
    let response = builder
        .header("content-type", "application/json")
        .body(body)
        .map_err(|e| e.to_string())?
        .send()
        .await
        .map_err(|e| e.to_string())?;
    Ok(response.status())
}
