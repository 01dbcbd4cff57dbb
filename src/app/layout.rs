//! What every page shares: the header with the language switch, the page heading that
//! takes focus on arrival, and the notice about stored data that could not be read.

use super::{browser, use_ctx};
use hitotsu::i18n::Lang;
use hitotsu::state::LoadProblem;
use hitotsu::ui_text::Msg;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <header class="header">
            <a class="site-name" href="/">{move || ctx.t(Msg::SiteName)}</a>
            <nav class="site-nav" aria-label=move || ctx.t(Msg::NavLabel)>
                <ul>
                    <li><a href="/me">{move || ctx.t(Msg::NavMyInfo)}</a></li>
                    <li><a href="/shared">{move || ctx.t(Msg::NavShared)}</a></li>
                    <li><a href="/data">{move || ctx.t(Msg::NavData)}</a></li>
                </ul>
            </nav>
            <nav class="lang-switch" aria-label=move || ctx.t(Msg::LanguageLabel)>
                <ul>
                    {Lang::ALL.into_iter().map(|lang| view! {
                        <li>
                            <button
                                type="button"
                                lang=lang.html_tag()
                                aria-pressed=move || (ctx.lang() == lang).to_string()
                                on:click=move |_| ctx.state.update(|s| s.lang = lang)
                            >{lang.native_name()}</button>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
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
    /// The heading is also the label of this input (one question per page).
    #[prop(optional)]
    label_for: Option<&'static str>,
) -> impl IntoView {
    let ctx = use_ctx();
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    Effect::new(move |_| {
        let prefix = if error.is_some_and(|e| e.get()) { ctx.t(Msg::ErrorPrefix) } else { "" };
        browser::set_title(&format!("{prefix}{} — {}", text.get(), ctx.t(Msg::SiteName)));
    });
    view! {
        {caption.map(|c| view! { <span class="caption">{c}</span> })}
        <h1 tabindex="-1" node_ref=heading>
            {match label_for {
                Some(id) => view! { <label for=id>{text}</label> }.into_any(),
                None => text.into_any(),
            }}
        </h1>
    }
}

#[component]
pub fn StoredStateNotice(problem: LoadProblem) -> impl IntoView {
    let ctx = use_ctx();
    let text = move || match &problem {
        LoadProblem::Unreadable => ctx.t(Msg::StoredUnreadable).to_string(),
        LoadProblem::Newer(_) => ctx.t(Msg::StoredNewer).to_string(),
        LoadProblem::PartsLost(parts) => hitotsu::ui_text::parts_lost(ctx.lang(), parts),
    };
    view! { <div class="notice" role="alert">{text}</div> }
}

/// The message beside a field, with "Error:" for screen readers; `id` is named in the
/// field's aria-describedby.
#[component]
pub fn ErrorMessage(#[prop(into)] id: String, message: String) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <p id=id class="error-message">
            <span class="visually-hidden">{move || ctx.t(Msg::ErrorPrefix)}</span>{message}
        </p>
    }
}

/// "There is a problem", with one link per error that moves focus to its field (the
/// GOV.UK pattern). It takes focus when shown, so it is read out at once.
#[component]
pub fn ErrorSummary(errors: Vec<(String, String)>) -> impl IntoView {
    let ctx = use_ctx();
    Effect::new(move |_| browser::focus_id("error-summary"));
    view! {
        <div id="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{move || ctx.t(Msg::ErrorSummaryTitle)}</h2>
            <ul>
                {errors.into_iter().map(|(target, message)| {
                    let href = format!("#{target}");
                    view! {
                        <li>
                            <a href=href on:click=move |ev| {
                                ev.prevent_default();
                                browser::focus_id(&target);
                            }>{message}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
