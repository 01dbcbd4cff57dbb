//! A hint can never show what the app then refuses: every example any hint or error shows,
//! in every language, goes through the parser of the field it is about (issue 26: the easy
//! Japanese date hint showed 「れいわ8年4月16日」, which the parser refused).

mod common;

use hitotsu::catalog::{FieldKind, QuestionKind};
use hitotsu::fields::check;
use hitotsu::i18n::Lang;
use hitotsu::ui_text::{t, Msg};

const LANGS: [Lang; 3] = [Lang::Ja, Lang::En, Lang::Easy];

/// The examples a text shows: what follows 「例：」, "For example", 「れい：」 or "like", up to
/// the end of the example list, one per item.
fn examples(text: &str) -> Vec<String> {
    let markers = [
        "例：",
        "例: ",
        "For example ",
        "for example ",
        "れい：",
        "れい: ",
        " like ",
        "日付は ",
        "ひにちは ",
    ];
    let Some((at, marker)) = markers
        .iter()
        .filter_map(|m| text.find(m).map(|i| (i, *m)))
        .min_by_key(|(i, _)| *i)
    else {
        return vec![];
    };
    let rest = &text[at + marker.len()..];
    let end = ["のように", " のように", "）", " の ように"]
        .iter()
        .filter_map(|e| rest.find(e))
        .min()
        .unwrap_or(rest.len());
    let mut items = vec![rest[..end].to_string()];
    for sep in ["、", ", ", " or ", " または ", " か "] {
        items = items
            .iter()
            .flat_map(|i| i.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    items
        .into_iter()
        .map(|i| i.trim().to_string())
        .filter(|i| !i.is_empty())
        .collect()
}

#[test]
fn every_example_a_hint_or_an_error_shows_is_accepted() {
    let fields = [
        (Msg::DateHint, FieldKind::Date),
        (Msg::DateUnrecognised, FieldKind::Date),
        (Msg::DateMissingYear, FieldKind::Date),
        (Msg::PostalCodeHint, FieldKind::PostalCode),
        (Msg::PhoneHint, FieldKind::Phone),
        (Msg::ResidenceCardHint, FieldKind::ResidenceCard),
        (Msg::TimeHint, FieldKind::Time),
    ];
    let mut seen = 0;
    for (msg, kind) in fields {
        for lang in LANGS {
            let text = t(lang, msg);
            let shown = examples(text);
            assert!(
                !shown.is_empty(),
                "{msg:?} in {lang:?} shows examples: {text}"
            );
            for e in shown {
                assert!(
                    check(kind, &e).is_ok(),
                    "{msg:?} in {lang:?} shows 「{e}」, refused: {:?}",
                    check(kind, &e)
                );
                seen += 1;
            }
        }
    }
    // The catalog's own hints on questions that take a date or a number.
    let catalog = common::catalog();
    for event in catalog.event_refs() {
        let e = catalog.event(&event.id).unwrap();
        for q in &e.questions {
            let kind = match q.kind {
                QuestionKind::Date => FieldKind::Date,
                QuestionKind::Number => FieldKind::Number,
                _ => continue,
            };
            for lang in LANGS {
                let Some(hint) = q.hint.as_ref().map(|h| h.get(lang)) else {
                    continue;
                };
                for e in examples(hint) {
                    assert!(check(kind, &e).is_ok(), "{}: hint shows 「{e}」", q.id);
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 20, "{seen} examples checked");
}

#[test]
fn the_examples_are_found_as_a_reader_sees_them() {
    assert_eq!(
        examples("れい：2026-04-16、2026/4/16、れいわ8年4月16日"),
        ["2026-04-16", "2026/4/16", "れいわ8年4月16日"]
    );
    assert_eq!(
        examples("For example 2026-04-16, 2026/4/16, 令和8年4月16日 or R8.4.16"),
        ["2026-04-16", "2026/4/16", "令和8年4月16日", "R8.4.16"]
    );
    assert_eq!(
        examples("日付は 2026-04-16、2026/4/16、令和8年4月16日 のように入力してください"),
        ["2026-04-16", "2026/4/16", "令和8年4月16日"]
    );
}
