//! Reading the citizen's code with the counter's camera: the browser's BarcodeDetector
//! where it has one, otherwise each frame through the QR reader compiled into the wasm
//! (`handoff::scan`). Only frames are looked at; nothing is recorded.

use super::desk::ctr;
use hitotsu::ui_text::CounterMsg;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How often a frame is looked at: quick enough to feel instant, light on a counter PC.
const EVERY_MS: u64 = 300;

/// `on_text` is given each code read; it answers whether that was the last one needed
/// (a code shown as several parts keeps the camera reading until all are in).
#[component]
pub fn CameraScan(on_text: Callback<String, bool>, on_refused: Callback<()>) -> impl IntoView {
    let video = NodeRef::<leptos::html::Video>::new();
    let stream: StoredValue<Option<web_sys::MediaStream>, LocalStorage> =
        StoredValue::new_local(None);
    let running = RwSignal::new(false);
    let stop = move || {
        if let Some(s) = stream.get_value() {
            for track in s.get_tracks().iter() {
                if let Ok(t) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                    t.stop();
                }
            }
        }
        stream.set_value(None);
        running.set(false);
    };
    on_cleanup(stop);
    let start = move |_| {
        leptos::task::spawn_local(async move {
            match open_camera().await {
                Some(s) => {
                    stream.set_value(Some(s.clone()));
                    running.set(true);
                    // The video element is drawn once `running` is set.
                    request_animation_frame(move || {
                        if let Some(v) = video.get_untracked() {
                            v.set_src_object(Some(&s));
                            let _ = v.play();
                        }
                    });
                }
                None => on_refused.run(()),
            }
        });
    };
    // Each tick: one frame read; the first code found ends the scanning. A tick that
    // comes after the page has gone finds nothing to do (try_: never a panic).
    let busy = StoredValue::new(false);
    let last: StoredValue<Option<String>> = StoredValue::new(None);
    let tick = set_interval_with_handle(
        move || {
            if running.try_get_untracked() != Some(true) || busy.try_get_value() != Some(false) {
                return;
            }
            let Some(v) = video.get_untracked() else {
                return;
            };
            busy.set_value(true);
            leptos::task::spawn_local(async move {
                if let Some(text) = read_frame(&v).await {
                    // The same code seen again in the next frames is not news.
                    let new =
                        last.try_with_value(|l| l.as_deref() != Some(text.as_str())) == Some(true);
                    if new {
                        last.set_value(Some(text.clone()));
                        if on_text.run(text) {
                            stop();
                        }
                    }
                }
                let _ = busy.try_set_value(false);
            });
        },
        std::time::Duration::from_millis(EVERY_MS),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
    });
    view! {
        <Show when=move || running.get() fallback=move || view! {
            <p><button type="button" class="button button-secondary" on:click=start>{ctr(CounterMsg::CounterCamera)}</button></p>
        }>
            <div class="camera">
                <video node_ref=video muted=true playsinline=true aria-hidden="true"></video>
                <p><button type="button" class="button button-secondary" on:click=move |_| stop()>{ctr(CounterMsg::CounterCameraStop)}</button></p>
            </div>
        </Show>
    }
}

/// The camera facing away from the screen, at 1280×720 where it has that (a phone's code
/// of several hundred modules needs the pixels), or None when there is none or it was
/// refused.
async fn open_camera() -> Option<web_sys::MediaStream> {
    let devices = web_sys::window()?.navigator().media_devices().ok()?;
    let video = js_sys::Object::new();
    js_sys::Reflect::set(&video, &"facingMode".into(), &"environment".into()).ok()?;
    for (k, v) in [("width", 1280), ("height", 720)] {
        let ideal = js_sys::Object::new();
        js_sys::Reflect::set(&ideal, &"ideal".into(), &v.into()).ok()?;
        js_sys::Reflect::set(&video, &k.into(), &ideal).ok()?;
    }
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_video(&video);
    let promise = devices.get_user_media_with_constraints(&constraints).ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// The text of a code in the frame on screen now, if any.
async fn read_frame(video: &web_sys::HtmlVideoElement) -> Option<String> {
    let (w, h) = (video.video_width() as f64, video.video_height() as f64);
    if w == 0.0 || h == 0.0 {
        return None;
    }
    if let Some(text) = detect(video).await {
        return Some(text);
    }
    let context = super::desk::canvas(w, h)?;
    context
        .draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w, h)
        .ok()?;
    let luma = super::desk::luma_of(&context, w, h)?;
    match super::reader::read(w as usize, h as usize, luma).await {
        super::reader::Read::Text(t) => Some(t),
        _ => None,
    }
}

/// The browser's own reader (BarcodeDetector, QR only), where it exists.
async fn detect(video: &web_sys::HtmlVideoElement) -> Option<String> {
    let window: JsValue = web_sys::window()?.into();
    let class = js_sys::Reflect::get(&window, &"BarcodeDetector".into()).ok()?;
    let class: js_sys::Function = class.dyn_into().ok()?;
    let options = js_sys::Object::new();
    let formats = js_sys::Array::of1(&"qr_code".into());
    js_sys::Reflect::set(&options, &"formats".into(), &formats).ok()?;
    let detector = js_sys::Reflect::construct(&class, &js_sys::Array::of1(&options)).ok()?;
    let detect: js_sys::Function = js_sys::Reflect::get(&detector, &"detect".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = detect.call1(&detector, video).ok()?.dyn_into().ok()?;
    let found = js_sys::Array::from(&JsFuture::from(promise).await.ok()?);
    found.iter().find_map(|code| {
        js_sys::Reflect::get(&code, &"rawValue".into())
            .ok()?
            .as_string()
    })
}
