//! Every form control of the app comes from the form kit (`src/app/components/form.rs`):
//! no other file of the app spells a label, legend, fieldset, input or aria-describedby,
//! so the label/hint/error wiring cannot drift apart again.

use std::fs;
use std::path::Path;

mod common;
use common::rust_files;

const KIT: &str = "src/app/components/form.rs";
const CONTROL_MARKUP: [&str; 8] = [
    "<label",
    "<legend",
    "<fieldset",
    "<input",
    "<select",
    "<textarea",
    "aria-describedby",
    "aria-invalid",
];

#[test]
fn only_the_form_kit_writes_form_controls() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = rust_files(&root.join("src/app"));
    files.extend(rust_files(&root.join("src/counter")));
    assert!(files.len() > 20, "the app's files were found");
    let mut found = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if relative == KIT {
            continue;
        }
        for (n, line) in fs::read_to_string(&file).unwrap().lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for markup in CONTROL_MARKUP {
                if line.contains(markup) {
                    found.push(format!("{relative}:{}: {markup}", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "form markup outside the kit:\n{}",
        found.join("\n")
    );
}
