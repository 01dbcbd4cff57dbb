//! Counter mode: the session for one citizen (its banner on every page, the idle timeout),
//! the start page where staff begin a session or read the code from the citizen's phone,
//! and the end that forgets the citizen.

use crate::app::components::form::{ErrorSummary, FileInput, Label, TextInput};
use crate::app::components::layout::{PageHeading, Status};
use crate::app::components::text::mixed;
use crate::app::context::{use_catalog_signal, use_lang, use_store, use_today};
use crate::app::services::browser::now_ms;
use crate::app::services::catalog::ensure_event;
use crate::app::services::storage::local;
use crate::app::{routes, Counter, Mode};
use hitotsu::handoff;
use hitotsu::session::{idle, is_confirmed, screen, Idle, Session};
use hitotsu::ui_text::{
    confirmed_count, ct, handoff_error, idle_warning, session_banner, CounterMsg,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use wasm_bindgen::JsCast;

/// The state of a counter session: never the citizen app's key, so the two never mix.
const STATE_KEY: &str = "hitotsu.counter.state";
/// For whom the session is and since when.
pub const SESSION_KEY: &str = "hitotsu.counter.session";
/// This device is a counter: the citizen app's addresses bring staff back here (boot.js).
const DEVICE_KEY: &str = "hitotsu.counter-device";

/// A counter string that follows the staff's language, as `tr` does for `Msg`.
pub fn ctr(msg: CounterMsg) -> impl Fn() -> AnyView + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || mixed(lang.get(), ct(lang.get(), msg))
}

/// A counter string for an attribute (an accessible name).
pub fn ctr_attr(msg: CounterMsg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || ct(lang.get(), msg)
}

pub fn mode() -> Mode {
    if let Some(s) = local() {
        let _ = s.set_item(DEVICE_KEY, "1");
    }
    // Made here, before the app mounts, so it belongs to no page and lives with the tab.
    SESSION.with(|_| ());
    Mode {
        storage_key: STATE_KEY,
        counter: Some(Counter {
            banner: || view! { <Banner/> }.into_any(),
            desk: || view! { <Desk/> }.into_any(),
            citizen: || view! { <super::citizen::CitizenScreen/> }.into_any(),
            status: || view! { <Confirmations/> }.into_any(),
        }),
    }
}

thread_local! {
    static SESSION: RwSignal<Option<Session>> = RwSignal::new(
        local().and_then(|s| s.get_item(SESSION_KEY).ok().flatten()).and_then(|raw| Session::from_stored(&raw)),
    );
}

fn session() -> RwSignal<Option<Session>> {
    SESSION.with(|s| *s)
}

fn begin(citizen: String) {
    let s = Session {
        citizen,
        started_ms: now_ms(),
    };
    if let Some(store) = local() {
        let _ = store.set_item(SESSION_KEY, &s.to_stored());
    }
    session().set(Some(s));
}

/// Forgets the citizen: every key of the counter's storage, the tab's session storage,
/// and the page itself (a new document, so nothing stays in memory; the back button then
/// finds an empty state).
fn end_session() {
    if let Some(store) = local() {
        let keys: Vec<String> = (0..store.length().unwrap_or(0))
            .filter_map(|i| store.key(i).ok().flatten())
            .filter(|k| k.starts_with("hitotsu.counter."))
            .collect();
        for k in keys {
            let _ = store.remove_item(&k);
        }
    }
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
    let _ = window.location().replace(&routes::counter_ended());
}

/// For whom the session is and for how long, on every page, with the end always at hand;
/// and the idle timeout's warning.
#[component]
fn Banner() -> impl IntoView {
    let lang = use_lang();
    let now = RwSignal::new(now_ms());
    let last_activity = StoredValue::new(now_ms());
    let tick = set_interval_with_handle(
        move || {
            let n = now_ms();
            now.set(n);
            if session().with_untracked(Option::is_some)
                && idle(last_activity.get_value(), n) == Idle::Over
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
    // Any key or touch is activity; the warning's own button is one too.
    for name in ["keydown", "pointerdown", "input"] {
        let handle =
            window_event_listener_untyped(name, move |_| last_activity.set_value(now_ms()));
        on_cleanup(move || handle.remove());
    }
    let state = Memo::new(move |_| idle(last_activity.get_value(), now.get()));
    // Staff's shortcuts during a session (listed on the start page): Alt with a letter,
    // by the key's place so any keyboard layout works.
    {
        let (navigate, store) = (use_navigate(), use_store());
        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                return;
            }
            if session().with_untracked(Option::is_none) {
                return;
            }
            let case = current_case(store);
            let to = match ev.code().as_str() {
                "KeyH" => Some(routes::home()),
                "KeyP" => case.map(|c| routes::plan(&c)),
                "KeyK" => case.map(|c| routes::check(&c)),
                "KeyC" => {
                    open_citizen_screen();
                    None
                }
                _ => return,
            };
            ev.prevent_default();
            if let Some(to) = to {
                navigate(&to, Default::default());
            }
        });
        on_cleanup(move || keys.remove());
    }
    // A page the browser keeps for "back" keeps nothing on screen; restored, it is drawn
    // again from the (by then perhaps wiped) storage.
    let hide = window_event_listener_untyped("pagehide", |ev| {
        if ev
            .dyn_ref::<web_sys::PageTransitionEvent>()
            .is_some_and(|e| e.persisted())
        {
            if let Some(body) = web_sys::window().and_then(|w| w.document()?.body()) {
                body.set_inner_html("");
            }
        }
    });
    on_cleanup(move || hide.remove());
    let handle = window_event_listener_untyped("pageshow", |ev| {
        if ev
            .dyn_ref::<web_sys::PageTransitionEvent>()
            .is_some_and(|e| e.persisted())
        {
            let _ = web_sys::window().map(|w| w.location().reload());
        }
    });
    on_cleanup(move || handle.remove());
    // Only the words change with the clock: the section, its buttons and the warning stay
    // the same elements, so a button staff have focused keeps the focus as seconds pass.
    let minutes =
        Memo::new(move |_| session().with(|s| s.as_ref().map_or(0, |s| s.minutes_open(now.get()))));
    // The warning is an alert: a screen reader speaks each change of it. Counting down in
    // steps of ten seconds (never below ten) says it a dozen times in two minutes rather
    // than every second, as GOV.UK's timeout warning does.
    let seconds_left = Memo::new(move |_| match state.get() {
        Idle::Warning { seconds_left } => Some((seconds_left / 10 * 10).max(10)),
        _ => None,
    });
    let warned = Memo::new(move |_| seconds_left.get().is_some());
    move || {
        let citizen = session().with(|s| s.as_ref().map(|s| s.citizen.clone()))?;
        Some(view! {
            <section class="session-banner" aria-label=ctr_attr(CounterMsg::CounterBannerLabel)>
                <p class="session-who">{move || {
                    let l = lang.get();
                    mixed(l, session_banner(l, &citizen, minutes.get()))
                }}</p>
                <button type="button" class="button button-warning" on:click=|_| end_session()>
                    {ctr(CounterMsg::CounterEnd)}
                </button>
                <Show when=move || warned.get()>
                    <div class="idle-warning" role="alert">
                        <p>{move || {
                            let l = lang.get();
                            mixed(l, idle_warning(l, seconds_left.get().unwrap_or(0)))
                        }}</p>
                        <button type="button" class="button" on:click=move |_| last_activity.set_value(now_ms())>
                            {ctr(CounterMsg::CounterMoreTime)}
                        </button>
                    </div>
                </Show>
            </section>
        })
    }
}

/// The case staff are on (from the address), or the session's newest.
fn current_case(store: RwSignal<hitotsu::state::AppState>) -> Option<String> {
    let path = web_sys::window()?.location().pathname().ok()?;
    let from_path = path
        .strip_prefix("/case/")
        .and_then(|rest| rest.split('/').next())
        .map(str::to_string);
    store.with_untracked(|s| {
        from_path
            .filter(|id| s.case(id).is_some())
            .or_else(|| s.cases.last().map(|c| c.id.clone()))
    })
}

/// The screen turned to the citizen, in a window of its own (`/counter/citizen`).
fn open_citizen_screen() {
    if let Some(w) = web_sys::window() {
        let _ =
            w.open_with_url_and_target_and_features("/counter/citizen", "hitotsu-citizen", "popup");
    }
}

/// What the citizen has confirmed on their screen, section by section, below every staff
/// page; a new confirmation is said politely. And the button that opens that screen.
#[component]
fn Confirmations() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    // The catalog as it grows: an event's file arrives after this is drawn.
    let catalog = use_catalog_signal();
    let confirmed = super::citizen::confirmed_signal();
    let said = RwSignal::new(String::new());
    let list = Memo::new(move |_| {
        let l = lang.get();
        let catalog = catalog.get();
        let sections = store.with(|s| screen(s, &catalog, today, l));
        confirmed.with(|c| {
            sections
                .into_iter()
                .map(|s| (s.heading.clone(), is_confirmed(c, &s)))
                .collect::<Vec<_>>()
        })
    });
    // Said when a section turns confirmed, not on every redraw.
    Effect::new(move |before: Option<Vec<(String, bool)>>| {
        let now = list.get();
        if let Some(before) = before {
            if let Some((heading, _)) = now
                .iter()
                .find(|(h, done)| *done && !before.contains(&(h.clone(), true)))
            {
                let l = lang.get_untracked();
                said.set(format!(
                    "{heading}: {}",
                    ct(l, CounterMsg::CounterSectionConfirmed)
                ));
            }
        }
        now
    });
    let open = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.open_with_url_and_target_and_features(
                "/counter/citizen",
                "hitotsu-citizen",
                "popup",
            );
        }
    };
    move || {
        session().with(Option::is_some).then(|| {
            let l = lang.get();
            let all = list.get();
            let done = all.iter().filter(|(_, d)| *d).count();
            let items = all
                .into_iter()
                .map(|(heading, d)| {
                    let word = ct(l, if d { CounterMsg::CounterSectionConfirmed } else { CounterMsg::CounterSectionOpen });
                    view! { <li class:confirmed=d>{mixed(l, format!("{heading}: {word}"))}</li> }
                })
                .collect_view();
            view! {
                <section class="confirmations" aria-labelledby="confirmations-title">
                    <h2 id="confirmations-title">{ctr(CounterMsg::CounterConfirmations)}</h2>
                    <p>{mixed(l, confirmed_count(l, done, list.with_untracked(Vec::len)))}</p>
                    <ul>{items}</ul>
                    <button type="button" class="button button-secondary" aria-keyshortcuts="Alt+C" on:click=open>{ctr(CounterMsg::CounterOpenCitizen)}</button>
                    <Status text=said/>
                </section>
            }
        })
    }
}

/// A picture's pixels as greyscale, row by row: (width, height, luma). A large photo is
/// scaled down first (a code fills much of it; reading is quicker and as sure).
async fn picture(file: web_sys::File) -> Option<(usize, usize, Vec<u8>)> {
    const LONGEST: f64 = 1600.0;
    let window = web_sys::window()?;
    let bitmap: web_sys::ImageBitmap =
        wasm_bindgen_futures::JsFuture::from(window.create_image_bitmap_with_blob(&file).ok()?)
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    let (w, h) = (bitmap.width() as f64, bitmap.height() as f64);
    let scale = (LONGEST / w.max(h)).min(1.0);
    let (w, h) = ((w * scale).round().max(1.0), (h * scale).round().max(1.0));
    let context = canvas(w, h)?;
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w, h)
        .ok()?;
    Some((w as usize, h as usize, luma_of(&context, w, h)?))
}

/// A canvas of this size to draw a picture or a frame on, off screen.
pub fn canvas(w: f64, h: f64) -> Option<web_sys::CanvasRenderingContext2d> {
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// The pixels drawn on a canvas, as greyscale (ITU-R BT.601 weights).
pub fn luma_of(context: &web_sys::CanvasRenderingContext2d, w: f64, h: f64) -> Option<Vec<u8>> {
    let rgba = context.get_image_data(0.0, 0.0, w, h).ok()?.data();
    Some(
        rgba.chunks_exact(4)
            .map(|p| ((p[0] as u32 * 299 + p[1] as u32 * 587 + p[2] as u32 * 114) / 1000) as u8)
            .collect(),
    )
}

/// Where a field's error goes: (field id, message).
type Errors = Vec<(String, String)>;

/// `/counter/`: begin a session, by name or from the citizen's code; or go on with the
/// open one.
#[component]
fn Desk() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let catalog = use_catalog_signal();
    let today = use_today();
    let navigate = use_navigate();
    let query = use_query_map();
    // An address of the citizen app reloaded on this device came here (boot.js): back to it.
    if let Some(to) = query
        .with_untracked(|q| q.get("to"))
        .filter(|t| t.starts_with('/'))
    {
        let navigate = navigate.clone();
        let replace = leptos_router::NavigateOptions {
            replace: true,
            ..Default::default()
        };
        request_animation_frame(move || navigate(&to, replace));
    }
    let ended = query.with_untracked(|q| q.get("ended").is_some());
    let title = Signal::derive(move || ct(lang.get(), CounterMsg::CounterTitle).to_string());
    let name = RwSignal::new(String::new());
    let errors: RwSignal<Errors> = RwSignal::new(Vec::new());
    let error_of = move |id: &'static str| {
        Signal::derive(move || {
            errors.with(|e| e.iter().find(|(f, _)| f == id).map(|(_, m)| m.clone()))
        })
    };
    let status = RwSignal::new(if ended {
        ct(lang.get_untracked(), CounterMsg::CounterEnded).to_string()
    } else {
        String::new()
    });
    let start = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let typed = name.get_untracked().trim().to_string();
            if typed.is_empty() {
                let m = ct(lang.get_untracked(), CounterMsg::CounterCitizenNameEmpty).to_string();
                errors.set(vec![("citizen-name".into(), m)]);
                return;
            }
            errors.set(Vec::new());
            begin(typed);
            navigate(&routes::home(), Default::default());
        }
    };
    let file_input = NodeRef::<leptos::html::Input>::new();
    // A code's text, from a photo or the camera: checked whole, then the session opens
    // on the check page with everything filled in; or the reason it was refused.
    let take = {
        let navigate = navigate.clone();
        Callback::new(move |text: String| {
            let lang = lang.get_untracked();
            let fail = move |m: String| errors.set(vec![("code-photo".into(), m)]);
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                let code = match handoff::read(&text) {
                    Ok(c) => c,
                    Err(e) => return fail(handoff_error(lang, &e)),
                };
                if let Err(e) = ensure_event(catalog, code.event()).await {
                    leptos::logging::warn!("{e:?}");
                    let id = code.event().to_string();
                    return fail(handoff_error(
                        lang,
                        &handoff::HandoffError::UnknownEvent(id),
                    ));
                }
                let mut state = match catalog.with_untracked(|c| code.into_state(c, today)) {
                    Ok(s) => s,
                    Err(e) => return fail(handoff_error(lang, &e)),
                };
                state.lang = lang;
                let citizen = state
                    .vault
                    .name_at(hitotsu::vault::ME, today)
                    .map(str::to_string)
                    .unwrap_or_else(|| ct(lang, CounterMsg::CounterCitizenName).to_string());
                let case = state.cases[0].id.clone();
                errors.set(Vec::new());
                store.set(state);
                begin(citizen);
                navigate(&routes::check(&case), Default::default());
            });
        })
    };
    let read = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let fail = move |m: String| errors.set(vec![("code-photo".into(), m)]);
        let Some(file) = file_input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            fail(ct(lang, CounterMsg::CounterNoPhoto).into());
            return;
        };
        leptos::task::spawn_local(async move {
            match picture(file)
                .await
                .and_then(|(w, h, luma)| handoff::scan(w, h, &luma))
            {
                Some(text) => take.run(text),
                None => fail(ct(lang, CounterMsg::CounterNoCode).into()),
            }
        });
    };
    let camera_refused = Callback::new(move |()| {
        let m = ct(lang.get_untracked(), CounterMsg::CounterCameraRefused).to_string();
        errors.set(vec![("code-photo".into(), m)]);
    });
    let leave = |_| {
        if let Some(s) = local() {
            let _ = s.remove_item(DEVICE_KEY);
        }
        end_session();
    };
    let open = move || session().with(Option::is_some);
    view! {
        <div class="page">
            <PageHeading text=title/>
            <Status text=status/>
            {ended.then(|| view! { <p class="session-ended">{ctr(CounterMsg::CounterEnded)}</p> })}
            <p>{ctr(CounterMsg::CounterIntro)}</p>
            <ErrorSummary errors=errors/>
            <Show when=move || !open()>
                <form novalidate on:submit=start.clone()>
                    <TextInput id="citizen-name"
                        label=Label::Plain(Signal::derive(move || ct(lang.get(), CounterMsg::CounterCitizenName).to_string()))
                        hint=Signal::derive(move || ct(lang.get(), CounterMsg::CounterCitizenNameHint).to_string())
                        error=error_of("citizen-name") value=name
                        on_input=Callback::new(move |v| name.set(v)) autocomplete="off"/>
                    <button type="submit" class="button">{ctr(CounterMsg::CounterStart)}</button>
                </form>
            </Show>
            <h2>{ctr(CounterMsg::CounterReadTitle)}</h2>
            <form novalidate on:submit=read>
                <FileInput id="code-photo"
                    label=Label::Plain(Signal::derive(move || ct(lang.get(), CounterMsg::CounterReadPhoto).to_string()))
                    hint=Signal::derive(move || ct(lang.get(), CounterMsg::CounterReadPhotoHint).to_string())
                    error=error_of("code-photo") accept="image/*" node_ref=file_input/>
                <button type="submit" class="button button-secondary">{ctr(CounterMsg::CounterReadButton)}</button>
            </form>
            <super::camera::CameraScan on_text=take on_refused=camera_refused/>
            <h2>{ctr(CounterMsg::CounterKeysTitle)}</h2>
            <dl class="summary-facts">
                {[("Alt+H", CounterMsg::CounterKeyHome), ("Alt+P", CounterMsg::CounterKeyPlan), ("Alt+K", CounterMsg::CounterKeyCheck), ("Alt+C", CounterMsg::CounterKeyCitizen)]
                    .into_iter()
                    .map(|(key, what)| view! { <div><dt><kbd>{key}</kbd></dt><dd>{ctr(what)}</dd></div> })
                    .collect_view()}
            </dl>
            <p><button type="button" class="link-button" on:click=leave>{ctr(CounterMsg::CounterLeave)}</button></p>
        </div>
    }
}
