//! The small contexts every page reads: the stored state, the language, today's date and
//! the catalog. Each is provided once, near the root.

use hitotsu::catalog::Catalog;
use hitotsu::i18n::Lang;
use hitotsu::state::AppState;
use hitotsu::ui_text::{t, Msg};
use hitotsu::Date;
use leptos::prelude::*;
use std::sync::Arc;

/// The citizen's state; every change is written to storage by the storage service.
#[derive(Clone, Copy)]
pub struct Store(pub RwSignal<AppState>);

/// The interface language alone, so a page follows a language switch and nothing else.
#[derive(Clone, Copy)]
pub struct UiLang(pub Memo<Lang>);

/// The device's local date, read once per load.
#[derive(Clone, Copy)]
pub struct Today(pub Date);

/// The loaded, checked catalog; routes render only once it is here. It starts with the
/// index and the field dictionary; an event's file is added when the event is opened.
#[derive(Clone, Copy)]
pub struct CatalogCtx(pub RwSignal<Arc<Catalog>>);

/// Readings over kanji: shown in easy Japanese always, in Japanese when the citizen
/// switched furigana on. The lexicon is fetched the first time it is needed.
#[derive(Clone, Copy)]
pub struct Furigana {
    pub shown: Memo<bool>,
    pub lexicon: RwSignal<Option<Arc<hitotsu::ruby::Lexicon>>>,
}

impl Furigana {
    /// The lexicon when readings are to be shown (and it has arrived).
    pub fn active(&self) -> Option<Arc<hitotsu::ruby::Lexicon>> {
        if self.shown.get() {
            self.lexicon.get()
        } else {
            None
        }
    }
}

pub fn use_furigana() -> Option<Furigana> {
    use_context::<Furigana>()
}

pub fn use_store() -> RwSignal<AppState> {
    expect_context::<Store>().0
}

pub fn use_lang() -> Memo<Lang> {
    expect_context::<UiLang>().0
}

pub fn use_today() -> Date {
    expect_context::<Today>().0
}

/// The catalog as it is now (pages under an event are drawn once its file is in).
pub fn use_catalog() -> Arc<Catalog> {
    expect_context::<CatalogCtx>().0.get_untracked()
}

pub fn use_catalog_signal() -> RwSignal<Arc<Catalog>> {
    expect_context::<CatalogCtx>().0
}

/// A fixed interface string that follows the language, as page text (with readings in
/// easy Japanese, Japanese fragments marked on English pages).
pub fn tr(msg: Msg) -> impl Fn() -> AnyView + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || crate::app::components::text::mixed(lang.get(), t(lang.get(), msg))
}

/// A fixed interface string for an attribute (an accessible name): the plain words.
pub fn tr_attr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || t(lang.get(), msg)
}

/// The case the pages under `/case/:case` are about; its event is in the catalog.
#[derive(Clone)]
pub struct CaseCtx {
    pub id: String,
    pub event: String,
}

pub fn use_case() -> CaseCtx {
    expect_context::<CaseCtx>()
}
