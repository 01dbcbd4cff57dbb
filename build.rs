//! Links the two app binaries with their relocations kept, which the split step after the
//! build (scripts/split.py, run by the post-build hook) needs to cut each page's code out
//! into its own module (issue 24). Only those binaries and only for wasm32: the domain
//! core's native tests and the QR reader's worker are untouched (an unsplit module with
//! relocations is about 3× larger).
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        for bin in ["hitotsu", "counter"] {
            println!("cargo::rustc-link-arg-bin={bin}=--emit-relocs");
        }
    }
}
