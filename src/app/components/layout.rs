//! What every page shares: the header with the language switch, the page heading that
//! takes focus on arrival, the back link, and the notice about stored data that could
//! not be read.

use crate::app::components::text::{mixed, Mixed};
use crate::app::context::{tr, tr_attr, use_lang, use_store};
use crate::app::routes;
use crate::app::services::browser;
use hitotsu::i18n::Lang;
use hitotsu::state::LoadProblem;
use hitotsu::ui_text::Msg;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    // On a phone the menu folds away behind one button, so the page starts near the top.
    let menu_open = RwSignal::new(false);
    let counter = crate::app::mode().counter.is_some();
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        menu_open.set(false);
    });
    view! {
        <header class="header">
            <a class="site-name" href=routes::home()>
                <span class="site-short">{tr(Msg::SiteShortName)}</span>
                <span class="site-rest">{tr(Msg::SiteNameRest)}</span>
            </a>
            // A counter offers none of a citizen's own pages (their data, what was shared,
            // their notices): its menu holds the display settings only.
            {(!counter).then(|| view! { <NoticesLink/> })}
            <button type="button" class="menu-button" aria-expanded=move || menu_open.get().to_string() aria-controls="site-nav"
                on:click=move |_| menu_open.update(|o| *o = !*o)>{tr(Msg::NavLabel)}</button>
            <nav id="site-nav" class="site-nav" class:site-nav-open=move || menu_open.get() aria-label=tr_attr(Msg::NavLabel)>
                <ul>
                    {(!counter).then(|| view! {
                        <li><A href=routes::my_info()>{tr(Msg::NavMyInfo)}</A></li>
                        <li><A href=routes::shared()>{tr(Msg::NavShared)}</A></li>
                        <li><A href=routes::data()>{tr(Msg::NavData)}</A></li>
                    })}
                    <li><A href=routes::settings()>{tr(Msg::SettingsTitle)}</A></li>
                </ul>
            </nav>
            <nav class="lang-switch" aria-label=tr_attr(Msg::LanguageLabel)>
                <ul>
                    {Lang::ALL.into_iter().map(|l| view! {
                        <li>
                            <button
                                type="button"
                                lang=l.html_tag()
                                aria-pressed=move || (lang.get() == l).to_string()
                                on:click=move |_| store.update(|s| s.lang = l)
                            >{l.native_name()}</button>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// The notice centre, from every page, with the count of unread notices in its name; a
/// count that grows is announced politely.
#[component]
fn NoticesLink() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = crate::app::context::use_today();
    let notices = crate::app::services::notices::use_notices();
    let unread = Memo::new(move |_| notices.unread(store, today));
    // The count last announced; cleared after a while, so a language switch later does not
    // say it again. Only news from a recipient is said (see `unread_news`).
    let news = Memo::new(move |_| notices.unread_news(store, today));
    let said = RwSignal::new(None::<usize>);
    Effect::new(move |before: Option<Option<Vec<String>>>| {
        let now = news.get();
        // Not what is there when the notices are first worked out: only what comes after.
        if let (Some(Some(before)), Some(now)) = (before, &now) {
            if now.iter().any(|id| !before.contains(id)) {
                said.set(unread.get_untracked());
                set_timeout(move || said.set(None), std::time::Duration::from_secs(5));
            }
        }
        now
    });
    let said = move || {
        said.get()
            .map(|n| hitotsu::ui_text::unread_notices(lang.get(), n))
    };
    view! {
        // The badge says what it counts ("3 unread"), so the link's name is what it shows.
        <a class="notices-link" href=routes::notices() data-unread=move || unread.get().map(|n| n.to_string())>
            <span class="notices-word">{tr(Msg::NavNotices)}</span>
            {move || unread.get().filter(|n| *n > 0).map(|n| view! {
                <span class="badge">{move || hitotsu::ui_text::unread_badge(lang.get(), n)}</span>
            })}
        </a>
        // Polite, and not a status: a page's own status message stays the one.
        <div class="visually-hidden" aria-live="polite">{said}</div>
    }
}

/// A new release has taken over: said politely, with a way to use it now. What the citizen
/// typed is in storage already, so the reload loses nothing.
#[component]
pub fn ReleaseNotice() -> impl IntoView {
    let ready = RwSignal::new(false);
    browser::on_new_release(move || ready.set(true));
    view! {
        <div aria-live="polite">
            {move || ready.get().then(|| view! {
                <div class="notice">
                    <p>{tr(Msg::NewRelease)}</p>
                    <button type="button" class="button" on:click=move |_| browser::reload()>{tr(Msg::NewReleaseReload)}</button>
                </div>
            })}
        </div>
    }
}

/// The foot of every page: the accessibility statement and the display settings.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            <ul>
                <li><A href=routes::accessibility()>{tr(Msg::AccessibilityTitle)}</A></li>
                <li><A href=routes::settings()>{tr(Msg::SettingsTitle)}</A></li>
            </ul>
        </footer>
    }
}

/// The page's h1. On arrival it takes focus, so a screen reader announces the new step
/// and keyboard users start from the top of the content; the document title follows it.
#[component]
pub fn PageHeading(
    #[prop(into)] text: Signal<String>,
    /// Shown above the heading (the event, the question number).
    #[prop(optional, into)]
    caption: Option<Signal<String>>,
    /// The page shows an error: the title says so first.
    #[prop(optional, into)]
    error: Option<Signal<bool>>,
    /// What the heading holds instead of the plain text: the form kit puts the label of
    /// the page's one input here (one question per page).
    #[prop(optional)]
    inner: Option<ViewFn>,
) -> impl IntoView {
    let lang = use_lang();
    let store = crate::app::context::use_store();
    let heading = NodeRef::<html::H1>::new();
    // Focus moves on arrival at a new address only: a page rebuilt in place (a language
    // switch, an error shown) keeps focus where the citizen put it.
    let arrival = use_context::<Arrival>();
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        let Some(h) = heading.get() else { return };
        let here = location.pathname.get_untracked();
        // On the first page, a citizen who already moved into the static first screen
        // keeps their place (browser::end_first_screen puts focus back on the same link).
        if arrival.is_none_or(|a| a.arrived_at(&here)) && !browser::focus_kept_from_first_screen() {
            // After the page has been laid out: a screen reader ignores focus that moves
            // to an element the accessibility tree does not show yet (Orca stayed silent on
            // a long plan), so focus goes once the frame is painted.
            //
            // When the old page went, focus fell to the document, and Orca then puts its
            // cursor on the first heading without a word: focusing that heading changes
            // nothing for it and it stays silent. Focus first rests on an empty element,
            // so the heading's focus is news and is spoken.
            //
            // Orca takes a moment to see the old page's button go: given none, it can still
            // hold that dead button as its place when the heading is focused, and then moves
            // to the heading without a word (seen on one question page in four, 2026-12-07).
            // A tenth of a second on the resting element lets it let go first.
            browser::focus_id("focus-rest");
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        // Not if the citizen has put focus somewhere meanwhile, nor on a
                        // heading already gone (the next page came first).
                        if browser::focus_resting() && h.is_connected() {
                            drop(h.focus());
                        }
                    },
                    std::time::Duration::from_millis(120),
                );
            });
        }
    });
    Effect::new(move |_| {
        let prefix = if error.is_some_and(|e| e.get()) {
            hitotsu::ui_text::t(lang.get(), Msg::ErrorPrefix)
        } else {
            ""
        };
        let names = store.with(|s| s.names());
        let title = format!(
            "{prefix}{} — {}",
            text.get(),
            hitotsu::ui_text::t(lang.get(), Msg::SiteName)
        );
        browser::set_title(&hitotsu::ui_text::title_without_names(
            lang.get(),
            &title,
            &names,
        ));
    });
    view! {
        {caption.map(|c| view! { <span class="caption"><Mixed text=c/></span> })}
        <h1 tabindex="-1" node_ref=heading>
            {match inner {
                Some(inner) => inner.run(),
                None => view! { <Mixed text/> }.into_any(),
            }}
        </h1>
    }
}

/// The address whose heading last took focus.
#[derive(Clone, Copy)]
pub struct Arrival(StoredValue<String>);

impl Arrival {
    pub fn new() -> Arrival {
        Arrival(StoredValue::new(String::new()))
    }

    /// True the first time a page at this address asks (a new arrival).
    fn arrived_at(&self, path: &str) -> bool {
        let new = self.0.with_value(|last| last != path);
        if new {
            self.0.set_value(path.to_string());
        }
        new
    }
}

/// "Back", to the page before in the flow.
#[component]
pub fn BackLink(#[prop(into)] href: Signal<String>) -> impl IntoView {
    view! { <a class="back-link" href=href>{tr(Msg::Back)}</a> }
}

#[component]
pub fn StoredStateNotice(problem: LoadProblem) -> impl IntoView {
    let lang = use_lang();
    let text = move || match &problem {
        LoadProblem::Unreadable => {
            hitotsu::ui_text::t(lang.get(), Msg::StoredUnreadable).to_string()
        }
        LoadProblem::Newer(_) => hitotsu::ui_text::t(lang.get(), Msg::StoredNewer).to_string(),
        LoadProblem::PartsLost(parts) => hitotsu::ui_text::parts_lost(lang.get(), parts),
        LoadProblem::Invalid(e) => hitotsu::ui_text::stored_invalid(lang.get(), e),
    };
    view! { <div class="notice" role="alert">{move || mixed(lang.get(), text())}</div> }
}

/// What went wrong keeping the state on this device, on every page: a failed write as an
/// alert with what to do, another tab's change as a polite status.
#[component]
pub fn StorageNotice() -> impl IntoView {
    use crate::app::services::storage::{use_keeper, StorageIssue};
    let lang = use_lang();
    let keeper = use_keeper();
    let health = keeper.issue;
    let alert = move || {
        match health.get() {
        Some(StorageIssue::NotSaved) => Some(view! {
            <p>{move || {
                let l = lang.get();
                // Said as it is: a packet the recipient already has is not "nothing sent".
                let delivered = keeper.unrecorded_deliveries();
                let receipts: Vec<String> = delivered.into_iter().map(|(_, r)| r).collect();
                if receipts.is_empty() {
                    mixed(l, hitotsu::ui_text::t(l, Msg::SaveFailed))
                } else {
                    mixed(l, hitotsu::ui_text::save_failed_after_delivery(l, &receipts))
                }
            }}</p>
            <p><a href=crate::app::routes::data()>{move || mixed(lang.get(), hitotsu::ui_text::t(lang.get(), Msg::SaveFailedLink))}</a></p>
        }.into_any()),
        Some(StorageIssue::Conflict) => Some(view! {
            <p>{move || mixed(lang.get(), hitotsu::ui_text::t(lang.get(), Msg::ChangeConflict))}</p>
        }.into_any()),
        _ => None,
    }
    };
    let status = move || {
        (health.get() == Some(StorageIssue::ChangedElsewhere)).then(|| {
            mixed(
                lang.get(),
                hitotsu::ui_text::t(lang.get(), Msg::ChangedElsewhere),
            )
        })
    };
    view! {
        // Live regions without the alert and status roles: pages own those (their tests
        // and their users look for one status message per page).
        <div class="storage-alert" aria-live="assertive">
            {move || alert().map(|a| view! { <div class="notice notice-error">{a}</div> })}
        </div>
        <div class="storage-status" aria-live="polite">
            {move || status().map(|s| view! { <p class="notice">{s}</p> })}
        </div>
    }
}

/// A polite live region: what changed on the page, said once.
#[component]
pub fn Status(#[prop(into)] text: Signal<String>) -> impl IntoView {
    view! { <div class="visually-hidden" role="status" aria-live="polite">{text}</div> }
}

/// Renders `children` afresh, with new elements, whenever `key` changes. A page whose
/// address changes (the next question) is otherwise patched in place, and a screen reader
/// sent to the reused heading may announce its old text.
#[component]
pub fn Keyed(
    #[prop(into)] key: Signal<String>,
    children: std::sync::Arc<dyn Fn(String) -> AnyView + Send + Sync>,
) -> impl IntoView {
    view! {
        <For each=move || [key.get()] key=|k| k.clone() let:k>
            {children(k)}
        </For>
    }
}
