//! The browser app: thin Leptos components over the domain core.
//!
//! - `routes`: every address, its typed parameters and link builders;
//! - `pages`: one file per route; pages never import each other;
//! - `components`: the page frame, the form kit and shared widgets;
//! - `services`: storage, the outbox sender, the catalog fetch and the few browser APIs;
//! - `context`: the small contexts (state, language, today, catalog).

pub(crate) mod components;
pub(crate) mod context;
pub(crate) mod lazy;
mod pages;
pub(crate) mod routes;
pub(crate) mod services;

use components::layout::{Footer, Header, StoredStateNotice};
use context::{tr, CatalogCtx, Store, Today, UiLang};
use hitotsu::ui_text::Msg;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy};
use services::sender::Sender;
use std::sync::Arc;

/// What kind of device the app runs on: a citizen's own, or a city office's counter.
pub struct Mode {
    /// Where the state is kept: a counter's never mixes with a citizen's on one device.
    pub storage_key: &'static str,
    pub counter: Option<Counter>,
}

/// What counter mode adds (src/counter, a separate wasm): given as functions so the
/// citizen's build never contains any of it.
pub struct Counter {
    /// Above every page, not to be hidden: for whom the session is, since when.
    pub banner: fn() -> AnyView,
    /// The counter's own pages by address: the start page (`/counter/`), the screen turned
    /// to the citizen (`/counter/citizen`: no header, no staff controls), the end of a
    /// session while packets wait (`/counter/end`).
    pub page: fn(&str) -> Option<AnyView>,
    /// Below every staff page: what the citizen has confirmed.
    pub status: fn() -> AnyView,
    /// Run once the state and its keeper exist, before anything is drawn: the session on
    /// the device resumed, or wiped.
    pub start: fn(),
    /// Pages a counter does not offer (export, my information …): their addresses say so.
    pub not_here: fn() -> AnyView,
}

/// This window is the counter's citizen screen: the page alone, nothing of the staff's.
fn citizen_screen() -> bool {
    mode().counter.is_some()
        && web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .is_some_and(|p| p.starts_with("/counter/citizen"))
}

static MODE: std::sync::OnceLock<Mode> = std::sync::OnceLock::new();

pub fn mode() -> &'static Mode {
    MODE.get_or_init(|| Mode {
        storage_key: hitotsu::state::STORAGE_KEY,
        counter: None,
    })
}

/// The citizen's app.
#[allow(dead_code)] // not called by the counter's build, which includes this module too
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The app in another mode (the counter's).
#[allow(dead_code)] // not called by the citizen's build
pub fn start_with(mode: Mode) {
    let _ = MODE.set(mode);
    start();
}

/// Fetches the readings over kanji into the furigana context.
async fn load_readings(furigana: context::Furigana) {
    match services::catalog::load_readings().await {
        Ok(l) => furigana.lexicon.set(Some(l)),
        // Without readings the text is still all there: nothing is lost.
        Err(e) => leptos::logging::warn!("{e}"),
    }
}

#[component]
fn App() -> impl IntoView {
    let loaded = services::storage::load();
    let state = RwSignal::new(loaded.state.clone());
    let problem = loaded.problem.clone();
    let lang = Memo::new(move |_| state.with(|s| s.lang));
    provide_context(Store(state));
    provide_context(UiLang(lang));
    provide_context(Today(services::browser::today()));
    let keeper = services::storage::write_through(state, &loaded);
    let bare = citizen_screen();
    if !bare {
        Effect::new(move |_| services::browser::set_html_lang(lang.get()));
    }
    // The display settings, as attributes of <html> the stylesheet follows.
    Effect::new(move |_| services::browser::set_display(state.with(|s| s.display)));
    provide_context(Sender::start(state, keeper));
    if let Some(c) = mode().counter.as_ref() {
        (c.start)();
    }
    provide_context(services::notices::Notices::new());
    let furigana = context::Furigana {
        shown: Memo::new(move |_| {
            state.with(|s| {
                s.lang == hitotsu::i18n::Lang::Easy
                    || (s.lang == hitotsu::i18n::Lang::Ja && s.display.furigana)
            })
        }),
        lexicon: RwSignal::new(None),
    };
    provide_context(furigana);
    // Readings needed from the start (easy Japanese, or furigana on) come with the catalog,
    // so the first page is drawn with them; needed later (a switch), they are fetched then.
    let requested = StoredValue::new(furigana.shown.get_untracked());
    Effect::new(move |_| {
        if furigana.shown.get() && !requested.get_value() {
            requested.set_value(true);
            leptos::task::spawn_local(load_readings(furigana));
        }
    });
    provide_context(components::layout::Arrival::new());
    let with_readings = requested.get_value();
    let catalog = LocalResource::new(move || async move {
        if with_readings {
            futures::join!(services::catalog::load(), load_readings(furigana)).0
        } else {
            services::catalog::load().await
        }
    });
    // The static first screen (index.html) stays until the app has something to show in its
    // place: the page, or the catalog's error page.
    Effect::new(move |_| {
        if catalog.get().is_some() {
            services::browser::end_first_screen();
        }
    });
    view! {
        <Router>
            // The router would take the fragment link as a navigation: move focus by hand.
            // (The citizen screen has nothing to skip.)
            {(!bare).then(|| view! {
                <a class="skip-link" href="#main" on:click=move |ev| {
                    ev.prevent_default();
                    services::browser::focus_id("main");
                }>{tr(Msg::SkipToContent)}</a>
            })}
            // Where focus rests for a moment between two pages (see PageHeading).
            <div id="focus-rest" tabindex="-1"></div>
            {(!bare).then(|| mode().counter.as_ref().map(|c| (c.banner)()))}
            {(!bare).then(|| view! { <Header/> })}
            {problem.map(|p| view! { <StoredStateNotice problem=p/> })}
            <components::layout::StorageNotice/>
            <components::layout::ReleaseNotice/>
            <lazy::PageLoading/>
            <main id="main" class="main" tabindex="-1">
                {(!bare).then(|| view! { <components::read_aloud::ReadAloud/> })}
                <Transition fallback=|| view! { <p class="loading" role="status">{tr(Msg::Loading)}</p> }>
                    {move || catalog.get().map(|loaded| match loaded {
                        Ok(c) => view! { <Gated catalog=c/> }.into_any(),
                        Err(e) => view! { <components::catalog_error::CatalogErrorPage details=e/> }.into_any(),
                    })}
                </Transition>
            </main>
            {(!bare).then(|| view! { <Footer/> })}
        </Router>
    }
}

/// An address no route has: the counter's start page or citizen screen in the counter's
/// build, otherwise "not found".
fn counter_or_not_found() -> AnyView {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    mode()
        .counter
        .as_ref()
        .and_then(|c| (c.page)(&path))
        .unwrap_or_else(|| view! { <pages::not_found::NotFoundPage/> }.into_any())
}

/// The routes once this tab is in a file; until then, whose file (a device that holds
/// several) or the locked file's unlock page. Nothing of a file is drawn before it is open.
#[component]
fn Gated(catalog: Arc<hitotsu::catalog::Catalog>) -> impl IntoView {
    use services::storage::Gate;
    let keeper = services::storage::use_keeper();
    // Drawn anew only when the kind of gate changes (a new envelope keeps the page).
    let kind = Memo::new(move |_| match keeper.gate.get() {
        Gate::Open => 0,
        Gate::Choose => 1,
        Gate::Locked(_) => 2,
        Gate::Opening => 3,
    });
    move || match kind.get() {
        0 => view! { <AppRoutes catalog=catalog.clone()/> }.into_any(),
        3 => view! { <p class="loading" role="status">{tr(Msg::Loading)}</p> }.into_any(),
        2 if !services::browser::path().starts_with(&routes::files()) => {
            view! { <components::unlock::UnlockPage/> }.into_any()
        }
        _ => view! { <pages::files::FilesPage/> }.into_any(),
    }
}

/// A citizen's own page (export, import, my information, what was shared, notices, the
/// files and lock of a shared device): a counter does not offer it, and its address says so.
fn citizen_only<V: IntoView + 'static>(page: impl Fn() -> V) -> AnyView {
    match mode().counter.as_ref() {
        Some(c) => (c.not_here)(),
        None => page().into_any(),
    }
}

/// The routes, once the catalog is loaded and checked.
#[component]
fn AppRoutes(catalog: Arc<hitotsu::catalog::Catalog>) -> impl IntoView {
    let catalog = RwSignal::new(catalog);
    provide_context(CatalogCtx(catalog));
    // A counter device shows no citizen's reminders and subscribes to no push.
    if mode().counter.is_none() {
        let notices = services::notices::use_notices();
        let endpoint = expect_context::<Sender>().endpoint();
        notices.start(
            context::use_store(),
            catalog,
            endpoint,
            context::use_today(),
        );
        notices.keep_push(context::use_store(), expect_context::<Sender>().push());
    }
    use pages::*;
    view! {
        // The counter's own pages come in through the fallback: a route would cost the
        // citizen's build bytes (every route is code) for pages it never has.
        <Routes fallback=counter_or_not_found>
            <Route path=path!("/") view=home::HomePage/>
            <Route path=path!("/start/:event") view={Lazy::<lazy::Start>::new()}/>
            <ParentRoute path=path!("/case/:case") view=case::CaseLayout>
                <Route path=path!("q/:question") view={Lazy::<lazy::Question>::new()}/>
                <Route path=path!("plan") view={Lazy::<lazy::Plan>::new()}/>
                <Route path=path!("people") view={Lazy::<lazy::People>::new()}/>
                <Route path=path!("details/:owner") view={Lazy::<lazy::Details>::new()}/>
                <Route path=path!("check") view={Lazy::<lazy::Check>::new()}/>
                <Route path=path!("change/:owner/:attribute/:day") view={Lazy::<lazy::Change>::new()}/>
                <Route path=path!("send") view={Lazy::<lazy::Send>::new()}/>
                <Route path=path!("receipts") view={Lazy::<lazy::Receipts>::new()}/>
                <Route path=path!("sheet/:packet") view={Lazy::<lazy::Sheet>::new()}/>
                <Route path=path!("handoff") view={Lazy::<lazy::Handoff>::new()}/>
                <Route path=path!("summary") view={Lazy::<lazy::Summary>::new()}/>
                <Route path=path!("") view=not_found::NotFoundPage/>
            </ParentRoute>
            <Route path=path!("/me") view={Lazy::<lazy::MyInfo>::new()}/>
            <Route path=path!("/me/edit/:owner/:attribute") view={Lazy::<lazy::EditFact>::new()}/>
            <Route path=path!("/shared") view={Lazy::<lazy::Shared>::new()}/>
            <Route path=path!("/data") view={Lazy::<lazy::Data>::new()}/>
            <Route path=path!("/data/delete") view={Lazy::<lazy::DeleteAll>::new()}/>
            <Route path=path!("/notices") view={Lazy::<lazy::Notices>::new()}/>
            <Route path=path!("/files") view={Lazy::<lazy::Files>::new()}/>
            <Route path=path!("/lock") view={Lazy::<lazy::Lock>::new()}/>
            <Route path=path!("/settings") view={Lazy::<lazy::Settings>::new()}/>
            <Route path=path!("/accessibility") view={Lazy::<lazy::Accessibility>::new()}/>
            <Route path=path!("/_kit") view={Lazy::<lazy::Kit>::new()}/>
        </Routes>
        {(!citizen_screen()).then(|| mode().counter.as_ref().map(|c| (c.status)()))}
    }
}
