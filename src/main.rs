//! The browser app's entry point. On any other target there is nothing to run: the
//! domain core is the library, tested natively.

#[cfg(target_arch = "wasm32")]
mod app;

fn main() {
    #[cfg(target_arch = "wasm32")]
    app::start();
}
