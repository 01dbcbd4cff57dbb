//! The city office's counter (書かないワンストップ窓口): the citizen app with counter mode —
//! a session for one citizen, a banner on every screen, the code from the citizen's phone
//! read from a photo or the camera, and an end that forgets. Its own wasm, so a citizen's
//! phone never downloads it (counter.html, built into dist/counter/).

#[cfg(target_arch = "wasm32")]
#[path = "../app/mod.rs"]
mod app;
#[cfg(target_arch = "wasm32")]
mod camera;
#[cfg(target_arch = "wasm32")]
mod citizen;
#[cfg(target_arch = "wasm32")]
mod desk;
#[cfg(target_arch = "wasm32")]
mod outbox;
#[cfg(target_arch = "wasm32")]
mod reader;
#[cfg(target_arch = "wasm32")]
mod session;

fn main() {
    #[cfg(target_arch = "wasm32")]
    app::start_with(desk::mode());
}
