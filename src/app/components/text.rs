//! Text as a page shows it: on an English page, the Japanese in it (出生届, a name, an
//! address, 令和8年4月16日) is marked `lang="ja"`, so a screen reader speaks it with a
//! Japanese voice.

use hitotsu::i18n::Lang;
use hitotsu::script::runs;
use leptos::prelude::*;

/// `text` on a page in `lang`.
pub fn mixed(lang: Lang, text: impl Into<String>) -> AnyView {
    let text = text.into();
    if lang != Lang::En || !text.chars().any(hitotsu::script::is_japanese) {
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

/// A text that follows the language, marked as `mixed` does.
#[component]
pub fn Mixed(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let lang = crate::app::context::use_lang();
    move || mixed(lang.get(), text.get())
}
