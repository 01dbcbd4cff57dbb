//! Text as a page shows it: on an English page, the Japanese in it (出生届, a name, an
//! address, 令和8年4月16日) is marked `lang="ja"`, so a screen reader speaks it with a
//! Japanese voice; in easy Japanese (and in Japanese with furigana on) each known word
//! carries its reading in `<ruby>`. What the citizen typed is never given a reading.

use crate::app::context::use_furigana;
use hitotsu::i18n::Lang;
use hitotsu::ruby::{shown, Shown};
use leptos::prelude::*;

/// `text` on a page in `lang` (what is marked how is decided by `ruby::shown`).
pub fn mixed(lang: Lang, text: impl Into<String>) -> AnyView {
    let lexicon = (lang != Lang::En)
        .then(|| use_furigana().and_then(|f| f.active()))
        .flatten();
    shown(&text.into(), lang == Lang::En, lexicon.as_deref())
        .into_iter()
        .map(|part| match part {
            Shown::Text(t) => t.into_any(),
            Shown::Japanese(t) => view! { <span lang="ja">{t}</span> }.into_any(),
            Shown::Typed(t) => view! { <span translate="no">{t}</span> }.into_any(),
            // The reading is drawn by the stylesheet from `data-r` and hidden from assistive
            // technology: a screen reader already reads the kanji, a copied sentence stays
            // the sentence, and a search of the page finds the words as written.
            Shown::Ruby { base, reading } => {
                view! { <ruby>{base}<rt aria-hidden="true" data-r=reading></rt></ruby> }.into_any()
            }
            // Not <wbr>: Chromium puts a space for it into a button's accessible name.
            Shown::Break => view! { <span class="wb" aria-hidden="true"></span> }.into_any(),
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
