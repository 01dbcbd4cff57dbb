//! Counter mode: the session's banner on every page (for whom, how long, the end always at
//! hand, the idle warning), the start page where staff begin a session or read the code
//! from the citizen's phone, the end of a session while packets wait, and the pages a
//! counter does not offer.

use crate::app::components::form::{ErrorSummary, FileInput, Label, TextInput};
use crate::app::components::layout::{PageHeading, Status};
use crate::app::components::text::mixed;
use crate::app::context::{use_catalog, use_catalog_signal, use_lang, use_store, use_today};
use crate::app::services::catalog::ensure_event;
use crate::app::services::sender::use_sender;
use crate::app::services::storage::local;
use crate::app::{routes, Counter, Mode};
use hitotsu::citizen_screen::{is_confirmed, screen};
use hitotsu::handoff;
use hitotsu::session::Idle;
use hitotsu::state::AppState;
use hitotsu::ui_text::{
    confirmed_count, ct, device_outbox, discard_packet, handoff_error, idle_warning, parts_read,
    session_banner, CounterMsg,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use wasm_bindgen::JsCast;

use super::session::{self, end_session, DEVICE_KEY, STATE_KEY};

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
    // The session's clock and last activity are made here, before the app mounts, so they
    // belong to no page and live with the tab.
    let _ = (session::clock(), session::last_activity());
    Mode {
        storage_key: STATE_KEY,
        counter: Some(Counter {
            banner: || view! { <Banner/> }.into_any(),
            page,
            status: || view! { <Confirmations/> }.into_any(),
            start: session::start,
            not_here: || view! { <NotHere/> }.into_any(),
        }),
    }
}

/// The counter's own pages, by address.
fn page(path: &str) -> Option<AnyView> {
    match path {
        p if p.starts_with("/counter/citizen") => {
            Some(view! { <super::citizen::CitizenScreen/> }.into_any())
        }
        "/counter/end" => Some(view! { <EndPage/> }.into_any()),
        "/counter" | "/counter/" => Some(view! { <Desk/> }.into_any()),
        _ => None,
    }
}

/// The end button: straight to the end, unless packets the citizen consented to are still
/// waiting for their recipients: then staff choose what becomes of each first.
fn end_or_ask(store: RwSignal<AppState>, navigate: impl Fn(&str, leptos_router::NavigateOptions)) {
    if store.with_untracked(|s| s.outbox.waiting().next().is_some()) {
        navigate("/counter/end", Default::default());
        return;
    }
    end_session();
}

/// The idle warning, on the staff's and the citizen's screen alike: an alert, counted down
/// in steps of ten seconds (never below ten) so a screen reader says it a dozen times in
/// two minutes rather than every second, as GOV.UK's timeout warning does.
#[component]
pub fn IdleWarning(state: Memo<Idle>) -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let seconds_left = Memo::new(move |_| match state.get() {
        Idle::Warning { seconds_left } => Some((seconds_left / 10 * 10).max(10)),
        _ => None,
    });
    let warned = Memo::new(move |_| seconds_left.get().is_some());
    view! {
        <Show when=move || warned.get()>
            <div class="idle-warning" role="alert">
                <p>{move || {
                    let l = lang.get();
                    mixed(l, idle_warning(l, seconds_left.get().unwrap_or(0)))
                }}</p>
                <button type="button" class="button" on:click=move |_| session::more_time(store)>
                    {ctr(CounterMsg::CounterMoreTime)}
                </button>
            </div>
        </Show>
    }
}

/// For whom the session is and for how long, on every page, with the end always at hand;
/// and the idle timeout's warning. The session ends at the limit, whichever window
/// notices first.
#[component]
fn Banner() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let state = session::idle_state();
    // Staff's shortcuts during a session (listed on the start page): Alt with a letter,
    // by the key's place so any keyboard layout works.
    {
        let navigate = use_navigate();
        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                return;
            }
            if store.with_untracked(|s| s.counter.is_none()) {
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
    let minutes = Memo::new(move |_| {
        let now = session::clock().get();
        store.with(|s| s.counter.as_ref().map_or(0, |c| c.minutes_open(now)))
    });
    let navigate = use_navigate();
    move || {
        let citizen = store.with(|s| s.counter.as_ref().map(|c| c.citizen.clone()))?;
        Some(view! {
            <section class="session-banner" aria-label=ctr_attr(CounterMsg::CounterBannerLabel)>
                <p class="session-who">{move || {
                    let l = lang.get();
                    mixed(l, session_banner(l, &citizen, minutes.get()))
                }}</p>
                <button type="button" class="button button-warning" on:click={
                    let navigate = navigate.clone();
                    move |_| end_or_ask(store, &navigate)
                }>
                    {ctr(CounterMsg::CounterEnd)}
                </button>
                <IdleWarning state/>
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
    let said = RwSignal::new(String::new());
    let list = Memo::new(move |_| {
        let l = lang.get();
        let catalog = catalog.get();
        store.with(|s| {
            let confirmed = s
                .counter
                .as_ref()
                .map(|c| c.confirmed.clone())
                .unwrap_or_default();
            screen(s, &catalog, today, l)
                .into_iter()
                .map(|sec| (sec.heading.clone(), is_confirmed(&confirmed, &sec)))
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
    let open = |_| open_citizen_screen();
    move || {
        store.with(|s| s.counter.is_some()).then(|| {
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
/// open one. And how many packets earlier sessions left for this device to send.
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
        .filter(|t| t.starts_with('/') && !t.starts_with("//"))
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
    let open = Memo::new(move |_| store.with(|s| s.counter.is_some()));
    let session_id =
        Signal::derive(move || store.with(|s| s.counter.as_ref().map(|c| c.id.clone())));
    let left = RwSignal::new((0usize, 0usize));
    super::outbox::send_left(session_id, left);
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
            let navigate = navigate.clone();
            let fresh = AppState {
                lang: lang.get_untracked(),
                ..AppState::default()
            };
            leptos::task::spawn_local(async move {
                if session::begin(store, fresh, typed).await {
                    name.set(String::new());
                    navigate(&routes::home(), Default::default());
                }
            });
        }
    };
    let file_input = NodeRef::<leptos::html::Input>::new();
    // The parts of a code shown as several, read so far (in any order).
    let assembly: StoredValue<handoff::Assembly> = StoredValue::new(Default::default());
    let progress = RwSignal::new(None::<(usize, usize)>);
    // A code's text, from a photo or the camera: a part is kept until all are in; a whole
    // code is checked, then the session opens on the check page with everything filled
    // in; or the reason it was refused. Never into an open session: the next citizen's
    // data never mixes with the last one's. Answers whether reading is done.
    let take = {
        let navigate = navigate.clone();
        Callback::new(move |text: String| -> bool {
            let lang = lang.get_untracked();
            let fail = move |m: String| errors.set(vec![("code-photo".into(), m)]);
            if open.get_untracked() {
                fail(ct(lang, CounterMsg::CounterEndFirst).into());
                return true;
            }
            let read = assembly.try_update_value(|a| a.add(&text));
            let code = match read {
                Some(Ok(handoff::Piece::Whole(code))) => code,
                Some(Ok(handoff::Piece::Part { have, total })) => {
                    errors.set(Vec::new());
                    progress.set(Some((have, total)));
                    return false;
                }
                Some(Err(e)) => {
                    progress.set(None);
                    fail(handoff_error(lang, &e));
                    return true;
                }
                None => return true,
            };
            progress.set(None);
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
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
                if session::begin(store, state, citizen).await {
                    navigate(&routes::check(&case), Default::default());
                }
            });
            true
        })
    };
    // One photo or several (one of each part), each read off the page's thread.
    let read = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let fail = move |m: String| errors.set(vec![("code-photo".into(), m)]);
        if open.get_untracked() {
            return fail(ct(lang, CounterMsg::CounterEndFirst).into());
        }
        let files: Vec<web_sys::File> = file_input
            .get_untracked()
            .and_then(|i| i.files())
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        if files.is_empty() {
            fail(ct(lang, CounterMsg::CounterNoPhoto).into());
            return;
        }
        errors.set(Vec::new());
        leptos::task::spawn_local(async move {
            for file in files {
                let Some((w, h, luma)) = picture(file).await else {
                    return fail(ct(lang, CounterMsg::CounterNoCode).into());
                };
                match super::reader::read(w, h, luma).await {
                    super::reader::Read::Text(text) => {
                        if take.run(text) {
                            return;
                        }
                    }
                    super::reader::Read::Nothing => {
                        return fail(ct(lang, CounterMsg::CounterNoCode).into())
                    }
                    super::reader::Read::TimedOut => {
                        return fail(ct(lang, CounterMsg::CounterReadTimedOut).into())
                    }
                }
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
    view! {
        <div class="page">
            <PageHeading text=title/>
            <Status text=status/>
            {ended.then(|| view! { <p class="session-ended">{ctr(CounterMsg::CounterEnded)}</p> })}
            <p>{ctr(CounterMsg::CounterIntro)}</p>
            {move || {
                let (waiting, refused) = left.get();
                (waiting + refused > 0).then(|| {
                    let l = lang.get();
                    view! { <p class="notice" role="status">{mixed(l, device_outbox(l, waiting, refused))}</p> }
                })
            }}
            <ErrorSummary errors=errors/>
            <div role="status" aria-live="polite">{move || progress.get().map(|(have, total)| {
                let l = lang.get();
                view! { <p class="notice">{mixed(l, parts_read(l, have, total))}</p> }
            })}</div>
            <Show when=move || !open.get()>
                <form novalidate autocomplete="off" on:submit=start.clone()>
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
                    error=error_of("code-photo") accept="image/*" multiple=true node_ref=file_input/>
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

/// `/counter/end`: the session cannot just end while packets the citizen consented to are
/// waiting: staff try again now, print the sheets for the citizen to take, discard one
/// (confirmed, named), or keep sending from this device after the session.
#[component]
fn EndPage() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let catalog = use_catalog();
    let sender = use_sender();
    let navigate = use_navigate();
    let asking = RwSignal::new(None::<String>);
    let title = Signal::derive(move || ct(lang.get(), CounterMsg::CounterEndTitle).to_string());
    let waiting = Memo::new(move |_| {
        store.with(|s| {
            s.outbox
                .waiting()
                .filter_map(|i| {
                    s.cases.iter().find_map(|c| {
                        c.packets
                            .get(&i.id)
                            .map(|p| (c.id.clone(), c.event.clone(), p.clone()))
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let list = move || {
        let l = lang.get();
        waiting
            .get()
            .into_iter()
            .map(|(case, event, p)| {
                let recipient = catalog.agency_name(&p.agency, l);
                let procedures = p
                    .procedures
                    .iter()
                    .filter_map(|id| catalog.procedure(&event, id))
                    .map(|pr| pr.title.get(l).to_string())
                    .collect::<Vec<_>>()
                    .join("、");
                let heading_id = format!("waiting-{}", p.id);
                let labelled = heading_id.clone();
                let (id, id2) = (p.id.clone(), p.id.clone());
                let question = discard_packet(l, &recipient, &procedures);
                view! {
                    <section class="packet" aria-labelledby=labelled>
                        <h2 id=heading_id>{mixed(l, recipient.clone())}</h2>
                        <p>{mixed(l, procedures.clone())}</p>
                        <div class="button-group">
                            <button type="button" class="button button-secondary" on:click=move |_| sender.retry_now()>{mixed(l, ct(l, CounterMsg::CounterEndRetry))}</button>
                            <a class="action-link" href=routes::sheet(&case, &p.id)>{mixed(l, ct(l, CounterMsg::CounterEndPrint))}</a>
                            <button type="button" class="link-button" on:click=move |_| {
                                asking.set(Some(id.clone()));
                                let focus = format!("discard-{}", id);
                                request_animation_frame(move || crate::app::services::browser::focus_id(&focus));
                            }>{mixed(l, ct(l, CounterMsg::CounterEndDiscard))}</button>
                        </div>
                        {move || (asking.get().as_deref() == Some(id2.as_str())).then(|| {
                            let (id3, question) = (id2.clone(), question.clone());
                            let ask_id = format!("discard-{id3}");
                            let asked_by = ask_id.clone();
                            view! {
                                <div class="notice" role="group" aria-labelledby=asked_by>
                                    <p id=ask_id tabindex="-1">{mixed(l, question)}</p>
                                    <div class="button-group">
                                        <button type="button" class="button button-warning" on:click=move |_| {
                                            store.update(|s| s.discard_packet(&id3));
                                            asking.set(None);
                                        }>{mixed(l, ct(l, CounterMsg::CounterEndDiscardConfirm))}</button>
                                        <button type="button" class="link-button" on:click=move |_| asking.set(None)>{mixed(l, ct(l, CounterMsg::CounterEndBack))}</button>
                                    </div>
                                </div>
                            }
                        })}
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <div class="page">
            <PageHeading text=title/>
            {move || if waiting.with(Vec::is_empty) {
                view! {
                    <p>{ctr(CounterMsg::CounterEndNothingWaits)}</p>
                    <p><button type="button" class="button button-warning" on:click=|_| end_session()>{ctr(CounterMsg::CounterEndNow)}</button></p>
                }.into_any()
            } else {
                let list = list.clone();
                view! {
                    <p>{ctr(CounterMsg::CounterEndIntro)}</p>
                    {list}
                    <p><button type="button" class="button button-secondary" on:click=|_| end_session()>{ctr(CounterMsg::CounterEndKeep)}</button></p>
                }.into_any()
            }}
            <p><button type="button" class="link-button" on:click={
                let navigate = navigate.clone();
                move |_| navigate(&routes::home(), Default::default())
            }>{ctr(CounterMsg::CounterEndBack)}</button></p>
        </div>
    }
}

/// A citizen's own page asked for at the counter: not offered here, and said so.
#[component]
fn NotHere() -> impl IntoView {
    let lang = use_lang();
    let title = Signal::derive(move || ct(lang.get(), CounterMsg::CounterNotHereTitle).to_string());
    view! {
        <div class="page">
            <PageHeading text=title/>
            <p>{ctr(CounterMsg::CounterNotHereBody)}</p>
            <p><a href=routes::home()>{ctr(CounterMsg::CounterEndBack)}</a></p>
        </div>
    }
}
