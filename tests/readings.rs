//! Furigana: every kanji the app can show in Japanese or easy Japanese has a reading in
//! public/catalog/readings.json, so switching furigana on (or reading easy Japanese)
//! never leaves a kanji bare; and the sentences the app composes are read too.

use hitotsu::i18n::Lang;
use hitotsu::ruby::{user, Lexicon, Piece};
use hitotsu::ui_text::{format_date, is_this_you};
use jiff::civil::date;

mod common;
use common::{read, rust_files};

fn lexicon() -> Lexicon {
    Lexicon::parse(&read("readings.json")).expect("readings.json is well formed")
}

/// The text between `{}` placeholders of a format string or a catalog template.
fn pieces(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => {
                depth += 1;
                out.push(String::new());
            }
            '}' if depth > 0 => depth -= 1,
            c if depth == 0 => out.last_mut().unwrap().push(c),
            _ => {}
        }
    }
    out
}

fn has_kanji(s: &str) -> bool {
    s.chars().any(hitotsu::ruby::is_kanji)
}

fn strings_of(v: &serde_json::Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) if has_kanji(s) => out.push((at.into(), s.clone())),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| strings_of(v, &format!("{at}[{i}]"), out)),
        serde_json::Value::Object(o) => o
            .iter()
            .for_each(|(k, v)| strings_of(v, &format!("{at}.{k}"), out)),
        _ => {}
    }
}

/// String literals with a kanji in a Rust source, outside comments.
fn literals(path: &str, out: &mut Vec<(String, String)>) {
    let src = std::fs::read_to_string(path).unwrap();
    for (n, line) in src.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find('"') {
            let body = &rest[start + 1..];
            let mut end = None;
            let mut escaped = false;
            for (i, c) in body.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = Some(i);
                        break;
                    }
                    _ => escaped = false,
                }
            }
            let Some(end) = end else { break };
            if has_kanji(&body[..end]) {
                out.push((format!("{path}:{}", n + 1), body[..end].to_string()));
            }
            rest = &body[end + 1..];
        }
    }
}

#[test]
fn every_kanji_the_app_shows_has_a_reading() {
    let l = lexicon();
    let root = env!("CARGO_MANIFEST_DIR");
    let mut texts = Vec::new();
    for f in [
        "index.json",
        "fields.json",
        "birth.json",
        "moving.json",
        "death.json",
        "checkpoints.json",
    ] {
        strings_of(&serde_json::from_str(&read(f)).unwrap(), f, &mut texts);
    }
    let catalog_texts = texts.len();
    let mut files = vec![format!("{root}/src/ui_text.rs")];
    files.extend(
        rust_files(&std::path::Path::new(root).join("src/app"))
            .iter()
            .map(|p| p.to_string_lossy().into_owned()),
    );
    for f in &files {
        literals(f, &mut texts);
    }
    assert!(
        catalog_texts > 300 && texts.len() > catalog_texts + 300,
        "{catalog_texts} / {} texts",
        texts.len()
    );
    let bare: Vec<String> = texts
        .iter()
        .flat_map(|(at, t)| pieces(t).into_iter().map(move |p| (at, p)))
        .filter_map(|(at, p)| {
            let unread = l.unread(&p);
            (!unread.is_empty())
                .then(|| format!("{} in {p:?} at {at}", unread.iter().collect::<String>()))
        })
        .collect();
    assert!(
        bare.is_empty(),
        "kanji without a reading (run scripts/readings.py):\n{}",
        bare.join("\n")
    );
}

fn shown(l: &Lexicon, text: &str) -> String {
    l.pieces(text)
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone(),
            Piece::Ruby { base, reading } => format!("{base}({reading})"),
            Piece::Break => String::new(),
        })
        .collect()
}

#[test]
fn composed_sentences_are_read_as_a_person_reads_them() {
    let l = lexicon();
    assert_eq!(
        shown(&l, &format_date(date(2026, 4, 30), Lang::Ja)),
        "2026年(ねん)4月(がつ)30日(にち)（木(もく)）"
    );
    assert_eq!(shown(&l, "出生届"), "出生(しゅっせい)届(とどけ)");
    assert_eq!(
        shown(&l, "亡くなった方の氏名"),
        "亡(な)くなった方(かた)の氏名(しめい)"
    );
    assert_eq!(shown(&l, "世帯主"), "世帯主(せたいぬし)");
    // The name the citizen gave is theirs: no reading is guessed for it.
    let q = is_this_you(Lang::Easy, &user("日野 出生子"));
    assert!(l.unread(&q).is_empty(), "{q}");
    assert!(!hitotsu::ruby::parts(&q)
        .iter()
        .any(|(typed, t)| !typed && t.contains("出生子")));
}
