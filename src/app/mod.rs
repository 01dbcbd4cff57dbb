//! The browser app: thin Leptos components over the domain core. Browser APIs (storage,
//! fetch, clock, focus) sit in `browser.rs`.

mod browser;
mod check;
mod details;
mod facts;
mod home;
mod layout;
mod mydata;
mod plan_page;
mod question;
mod send;

use browser::{load_catalog, today};
use hitotsu::catalog::Catalog;
use hitotsu::i18n::Lang;
use hitotsu::state::AppState;
use hitotsu::ui_text::{t, Msg};
use hitotsu::Date;
use layout::{Header, PageHeading};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use std::sync::Arc;

pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[derive(Clone)]
pub enum CatalogLoad {
    Loading,
    Ready(Arc<Catalog>),
    Failed(String),
}

/// What every page reads: the citizen's state (saved on every change), the catalog and
/// today's date (the device's local date, read once per page load).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: RwSignal<AppState>,
    /// The language alone, so a page re-renders on a language switch and not on every
    /// change of the state.
    lang: Memo<Lang>,
    pub catalog: RwSignal<CatalogLoad>,
    pub today: Date,
    /// The deployment's submission endpoint; None: packets are prepared for the counter.
    pub endpoint: RwSignal<Option<String>>,
    /// Packets being sent right now, so none is sent twice at once.
    pub in_flight: StoredValue<std::collections::BTreeSet<String>>,
    /// When the earliest retry timer set will fire, if one is set.
    pub retry_timer: StoredValue<Option<f64>>,
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        t(self.lang(), msg)
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

#[component]
fn App() -> impl IntoView {
    let (stored, problem) = browser::load_state();
    let state = RwSignal::new(stored);
    let catalog = RwSignal::new(CatalogLoad::Loading);
    let lang = Memo::new(move |_| state.with(|s| s.lang));
    let endpoint = RwSignal::new(None);
    let ctx = Ctx { state, lang, catalog, today: today(), endpoint, in_flight: StoredValue::new(Default::default()),
        retry_timer: StoredValue::new(None),
    };
    provide_context(ctx);
    // Everything the citizen does is written through at once: a reload, a closed tab or
    // a crash loses nothing.
    Effect::new(move |_| state.with(browser::save_state));
    Effect::new(move |_| browser::set_html_lang(lang.get()));
    leptos::task::spawn_local(async move {
        let (loaded, configured) = futures::join!(load_catalog(), browser::load_endpoint());
        endpoint.set(configured);
        catalog.set(match loaded {
            Ok(c) => CatalogLoad::Ready(Arc::new(c)),
            Err(e) => CatalogLoad::Failed(e),
        });
        // Whatever waited in the outbox when the app was closed goes out now.
        send::send_due(ctx);
    });
    // And again the moment the network comes back, without waiting for the back-off.
    let online = window_event_listener(leptos::ev::online, move |_| {
        let now = js_sys::Date::now();
        ctx.state.update(|s| s.outbox.retry_now(now));
        send::send_due(ctx);
    });
    on_cleanup(move || online.remove());
    view! {
        <Router>
            // The router would take the fragment link as a navigation: move focus by hand.
            <a class="skip-link" href="#main" on:click=move |ev| {
                ev.prevent_default();
                browser::focus_id("main");
            }>{move || ctx.t(Msg::SkipToContent)}</a>
            <Header/>
            {problem.map(|p| view! { <layout::StoredStateNotice problem=p/> })}
            <main id="main" class="main" tabindex="-1">
                {move || match catalog.get() {
                    CatalogLoad::Loading => view! { <p class="loading" role="status">{ctx.t(Msg::Loading)}</p> }.into_any(),
                    CatalogLoad::Failed(e) => view! { <CatalogError details=e/> }.into_any(),
                    CatalogLoad::Ready(_) => view! {
                        <Routes fallback=NotFound>
                            <Route path=path!("/") view=home::Home/>
                            <Route path=path!("/case/:case/q/:question") view=question::QuestionPage/>
                            <Route path=path!("/case/:case/plan") view=plan_page::PlanPage/>
                            <Route path=path!("/case/:case/details/:group") view=details::DetailsPage/>
                            <Route path=path!("/case/:case/check") view=check::CheckPage/>
                            <Route path=path!("/case/:case/change/:field") view=check::ChangePage/>
                            <Route path=path!("/case/:case/send") view=send::SendPage/>
                            <Route path=path!("/case/:case/receipts") view=send::ReceiptsPage/>
                            <Route path=path!("/case/:case/sheet/:agency") view=send::SheetPage/>
                            <Route path=path!("/me") view=mydata::MyInfoPage/>
                            <Route path=path!("/me/edit/:owner/:attribute") view=mydata::EditFactPage/>
                            <Route path=path!("/shared") view=mydata::SharedPage/>
                            <Route path=path!("/data") view=mydata::DataPage/>
                            <Route path=path!("/data/delete") view=mydata::DeleteAllPage/>
                        </Routes>
                    }.into_any(),
                }}
            </main>
        </Router>
    }
}

/// The catalog could not be used: say so plainly, never a blank screen.
#[component]
fn CatalogError(details: String) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="page">
            <PageHeading text=Signal::derive(move || ctx.t(Msg::CatalogErrorTitle).to_string())/>
            <p>{move || ctx.t(Msg::CatalogErrorBody)}</p>
            <pre class="error-details" data-testid="catalog-error">{details}</pre>
        </div>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="page">
            <PageHeading text=Signal::derive(move || ctx.t(Msg::NotFoundTitle).to_string())/>
            <p>{move || ctx.t(Msg::NotFoundBody)}</p>
            <p><a class="action-link" href="/">{move || ctx.t(Msg::BackHome)}</a></p>
        </div>
    }
}

/// A case and its life event, as they are now; None when either is unknown (a stale
/// bookmark, a deleted case), and the page shows "not found".
pub fn case_and_event(case_id: &str) -> Option<(hitotsu::state::Case, hitotsu::catalog::Event)> {
    let case = use_ctx().state.with_untracked(|s| s.case(case_id).cloned())?;
    let event = catalog().event(&case.event)?.clone();
    Some((case, event))
}

/// The loaded catalog; pages are only routed once it is ready.
pub fn catalog() -> Arc<Catalog> {
    match use_ctx().catalog.get_untracked() {
        CatalogLoad::Ready(c) => c,
        _ => unreachable!("pages render only with a loaded catalog"),
    }
}
