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

/// The loaded, checked catalog; routes render only once it is here.
#[derive(Clone)]
pub struct CatalogCtx(pub Arc<Catalog>);

pub fn use_store() -> RwSignal<AppState> {
    expect_context::<Store>().0
}

pub fn use_lang() -> Memo<Lang> {
    expect_context::<UiLang>().0
}

pub fn use_today() -> Date {
    expect_context::<Today>().0
}

pub fn use_catalog() -> Arc<Catalog> {
    expect_context::<CatalogCtx>().0
}

/// A fixed interface string that follows the language.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
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
