//! The counter's QR reader, in a Web Worker of its own: a picture's pixels in, the text of
//! the code in it out. Off the main thread, so no picture can freeze the page (a field of
//! finder patterns once took rqrr 76 seconds) and none can trap the app's wasm (a crafted
//! one hits an assertion in rqrr): the page gives each picture a time limit and starts a
//! new worker when one is up or this one has died (src/counter/reader.rs).

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::listen();
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    /// Each message: `{ id, width, height, luma }` (luma: one byte a pixel, row by row);
    /// each answer: `{ id, text }`, text null when no code was read.
    pub fn listen() {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let answer = scope.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                let get = |k: &str| {
                    js_sys::Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::NULL)
                };
                let id = get("id");
                let width = get("width").as_f64().unwrap_or(0.0) as usize;
                let height = get("height").as_f64().unwrap_or(0.0) as usize;
                let luma = js_sys::Uint8Array::new(&get("luma")).to_vec();
                let text = hitotsu::handoff::scan(width, height, &luma);
                let reply = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&reply, &"id".into(), &id);
                let _ = js_sys::Reflect::set(
                    &reply,
                    &"text".into(),
                    &text.map_or(JsValue::NULL, |t| JsValue::from_str(&t)),
                );
                let _ = answer.post_message(&reply);
            });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Messages sent before the reader was listening were lost: the page waits for this.
        let ready = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
        let _ = scope.post_message(&ready);
    }
}
