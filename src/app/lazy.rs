//! The pages whose code is fetched when a page is first visited: each its own wasm module,
//! cut out of the build by the split step (scripts/split.py). Home and the page frame are
//! all a first visit downloads (issue 24); every new page belongs here, so new events and
//! languages do not grow the first visit.

use super::citizen_only;
use super::context::tr;
use super::pages::*;
use hitotsu::ui_text::Msg;
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

thread_local! {
    /// A page's module is being fetched (set when its route is chosen, cleared when its view
    /// is drawn); and, after a moment, said so on screen.
    static LOADING: (ArcRwSignal<bool>, ArcRwSignal<bool>) = (ArcRwSignal::new(false), ArcRwSignal::new(false));
}

/// How long a page's module may take before the citizen is told it is loading: a module the
/// browser already has arrives sooner, and a message flashed on every step would be noise
/// (a screen reader would say it each time).
const QUIET_MS: u64 = 300;

/// Where a page's module is being fetched for, kept on the window for public/module-failed.js: the
/// address bar changes only once the page is drawn, so if the module cannot be fetched it goes
/// here (not to the page before) when it loads the current release. Not in storage: a
/// counter device keeps nothing in it that outlives a session.
const TARGET: &str = "hitotsuModuleTarget";
/// module-failed.js's guard against reloading in a loop (in session storage, as it must outlive the
/// reload): a page drawn means modules arrive again.
const RELOADED_KEY: &str = "hitotsu.module-reload";

fn set_target(target: Option<&str>) {
    if let Some(w) = web_sys::window() {
        let value = target.map_or(
            wasm_bindgen::JsValue::UNDEFINED,
            wasm_bindgen::JsValue::from_str,
        );
        let _ = js_sys::Reflect::set(&w, &TARGET.into(), &value);
    }
}

fn loading_started() {
    let url = leptos_router::hooks::use_url().get_untracked();
    let mut target = url.path().to_string();
    if !url.search().is_empty() {
        target.push('?');
        target.push_str(url.search());
    }
    if !url.hash().is_empty() {
        if !url.hash().starts_with('#') {
            target.push('#');
        }
        target.push_str(url.hash());
    }
    set_target(Some(&target));
    LOADING.with(|(loading, shown)| {
        loading.set(true);
        let (loading, shown) = (loading.clone(), shown.clone());
        set_timeout(
            move || {
                if loading.get_untracked() {
                    shown.set(true);
                }
            },
            std::time::Duration::from_millis(QUIET_MS),
        );
    });
}

fn loading_ended() {
    set_target(None);
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = s.remove_item(RELOADED_KEY);
    }
    LOADING.with(|(loading, shown)| {
        loading.set(false);
        shown.set(false);
    });
}

/// Fetches and readies the modules of the pages a citizen most likely opens next, once the
/// browser has nothing else to do: on a slow network a tap then waits for no module (the
/// split step's loader, scripts/split.py, offers `hitotsuPrefetch`). Not Leptos' own
/// preload, which panics when a module cannot be fetched; a prefetch that fails leaves the
/// page to load (and say so) when it is opened.
pub fn prefetch(pages: &'static [&'static str]) {
    let run = move || {
        let Some(w) = web_sys::window() else { return };
        let Ok(f) = js_sys::Reflect::get(&w, &"hitotsuPrefetch".into()) else {
            return;
        };
        if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
            let names: js_sys::Array = pages
                .iter()
                .map(|p| wasm_bindgen::JsValue::from_str(p))
                .collect();
            let _ = f.call1(&w, &names);
        }
    };
    // Browsers without an idle callback (Safari): after a second instead.
    if request_idle_callback_with_handle(run).is_err() {
        set_timeout(run, std::time::Duration::from_secs(1));
    }
}

/// Says that the next page is loading when its module takes a moment: a tap never looks
/// like it did nothing. A live region that is always there, so the words are announced; not
/// a `status` role, which each page keeps for its own news.
#[component]
pub fn PageLoading() -> impl IntoView {
    let shown = LOADING.with(|(_, shown)| shown.clone());
    view! {
        <p class="page-loading" aria-live="polite">
            {move || shown.get().then(|| tr(Msg::Loading))}
        </p>
    }
}

/// A route whose view is a page, loaded with its own module. The route needs no data of its
/// own before the code arrives: each page reads the state and the catalog from the contexts.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident => $view:expr) => {
        $(#[$doc])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                loading_started();
                $route
            }

            fn view(_this: Self) -> AnyView {
                loading_ended();
                $view
            }
        }
    };
}

lazy_page!(Start => view! { <start::StartPage/> }.into_any());
lazy_page!(Question => view! { <question::QuestionPage/> }.into_any());
lazy_page!(Plan => view! { <plan::PlanPage/> }.into_any());
lazy_page!(People => view! { <people::PeoplePage/> }.into_any());
lazy_page!(Details => view! { <details::DetailsPage/> }.into_any());
lazy_page!(Check => view! { <check::CheckPage/> }.into_any());
lazy_page!(Change => view! { <change::ChangePage/> }.into_any());
lazy_page!(Send => view! { <send::SendPage/> }.into_any());
lazy_page!(Receipts => view! { <receipts::ReceiptsPage/> }.into_any());
lazy_page!(Sheet => view! { <sheet::SheetPage/> }.into_any());
lazy_page!(Handoff => view! { <handoff::HandoffPage/> }.into_any());
lazy_page!(Summary => view! { <summary::SummaryPage/> }.into_any());
lazy_page!(MyInfo => citizen_only(my_info::MyInfoPage));
lazy_page!(EditFact => citizen_only(edit_fact::EditFactPage));
lazy_page!(Shared => citizen_only(shared::SharedPage));
lazy_page!(Data => citizen_only(data::DataPage));
lazy_page!(DeleteAll => citizen_only(delete_all::DeleteAllPage));
lazy_page!(Notices => citizen_only(notices::NoticesPage));
lazy_page!(Files => citizen_only(files::FilesPage));
lazy_page!(Lock => citizen_only(lock::LockPage));
lazy_page!(Settings => view! { <settings::SettingsPage/> }.into_any());
lazy_page!(Accessibility => view! { <accessibility::AccessibilityPage/> }.into_any());
lazy_page!(Kit => view! { <kit::KitPage/> }.into_any());
