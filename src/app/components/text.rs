//! Text as a page shows it: on an English page, the Japanese in it (出生届, a name, an
//! address, 令和8年4月16日) is marked `lang="ja"`, so a screen reader speaks it with a
//! Japanese voice; in easy Japanese (and in Japanese with furigana on) each known word
//! carries its reading in `<ruby>`. What the citizen typed is never given a reading.

use crate::app::context::use_furigana;
use hitotsu::i18n::Lang;
use hitotsu::ruby::{parts, plain, Lexicon, Piece};
use hitotsu::script::runs;
use leptos::prelude::*;

/// `text` on a page in `lang`.
pub fn mixed(lang: Lang, text: impl Into<String>) -> AnyView {
    let text = text.into();
    if lang != Lang::En {
        if let Some(lexicon) = use_furigana().and_then(|f| f.active()) {
            return with_readings(&lexicon, &text);
        }
        return plain(&text).into_any();
    }
    let text = plain(&text);
    if !text.chars().any(hitotsu::script::is_japanese) {
        return text.into_any();
    }
    runs(&text)
        .into_iter()
        .map(|(ja, part)| {
            if ja {
                view! { <span lang="ja">{part}</span> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// The reading is drawn by the stylesheet from `data-r` and hidden from assistive
/// technology: a screen reader already reads the kanji, a copied sentence stays the
/// sentence, and a search of the page finds the words as written.
fn with_readings(lexicon: &Lexicon, text: &str) -> AnyView {
    parts(text)
        .into_iter()
        .flat_map(|(typed, part)| {
            if typed {
                vec![view! { <span translate="no">{part.to_string()}</span> }.into_any()]
            } else {
                lexicon
                    .pieces(part)
                    .into_iter()
                    .map(|p| match p {
                        Piece::Text(t) => t.into_any(),
                        Piece::Ruby { base, reading } => {
                            view! { <ruby>{base}<rt aria-hidden="true" data-r=reading></rt></ruby> }
                                .into_any()
                        }
                    })
                    .collect()
            }
        })
        .collect_view()
        .into_any()
}

/// A text that follows the language, marked as `mixed` does.
#[component]
pub fn Mixed(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let lang = crate::app::context::use_lang();
    move || mixed(lang.get(), text.get())
}
