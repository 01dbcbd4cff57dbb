//! `/case/:case/handoff`: the code the citizen shows at the city office's counter, so
//! staff fill in every form from what the citizen already gave. Drawn on the device,
//! sent nowhere.

use crate::app::components::layout::PageHeading;
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store};
use crate::app::routes;
use hitotsu::ui_text::{handoff_contents, handoff_part, handoff_parts_intro, t, Msg};
use leptos::prelude::*;

#[component]
pub fn HandoffPage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let catalog = use_catalog();
    let case = use_case();
    let title = Signal::derive(move || t(lang.get(), Msg::HandoffTitle).to_string());
    let today = crate::app::context::use_today();
    let code = {
        let (catalog, id) = (catalog.clone(), case.id.clone());
        // The answers and facts as they are now: a change on another tab redraws it. Read
        // back as the counter will: a code the counter would refuse is not shown.
        Memo::new(move |_| {
            store.with(|s| hitotsu::handoff::encode_checked(s, &catalog, &id, today))
        })
    };
    // Each kind of value once, as the citizen's own pages name it; the household's own
    // bookkeeping (who lives with whom) is not a value they gave.
    let labels = {
        let catalog = catalog.clone();
        move |attributes: &std::collections::BTreeSet<String>, lang| -> Vec<String> {
            let mut out: Vec<String> = attributes
                .iter()
                .filter(|a| !matches!(a.as_str(), "in_household" | "head"))
                .map(|a| catalog.attribute_label(a, a, lang))
                .collect();
            out.dedup();
            out
        }
    };
    // Which of several codes is on screen; a change is said, as the picture is an image.
    let shown = RwSignal::new(0usize);
    // Said after a change only (not on arrival), in the language of the page.
    let changed = RwSignal::new(false);
    let set_shown = move |i: usize| {
        shown.set(i);
        changed.set(true);
    };
    let said = Signal::derive(move || {
        if !changed.get() {
            return String::new();
        }
        let total = code.with(|c| {
            c.as_ref()
                .map_or(1, |c| hitotsu::handoff::parts(&c.text).len())
        });
        hitotsu::ruby::plain(&handoff_part(lang.get(), shown.get() + 1, total))
    });
    let picture = move || {
        let code = code.get();
        if let Err(e) = &code {
            let l = lang.get();
            let why = hitotsu::ui_text::handoff_refused(l, e);
            return view! {
                <p class="warning-text">{tr(Msg::HandoffRefused)}</p>
                {why.map(|w| view! { <p>{mixed(l, w)}</p> })}
            }
            .into_any();
        }
        let Ok(code) = code else { return ().into_any() };
        // A large household's code is shown as several smaller ones, one at a time, each
        // small enough for the counter to read off a photo or its camera.
        let parts: Vec<hitotsu::handoff::Qr> = hitotsu::handoff::parts(&code.text)
            .iter()
            .filter_map(|p| hitotsu::handoff::qr(p))
            .collect();
        if parts.is_empty()
            || parts
                .iter()
                .any(|q| q.version > hitotsu::handoff::PART_VERSION)
        {
            return view! { <p class="warning-text">{tr(Msg::HandoffTooBig)}</p> }.into_any();
        }
        let total = parts.len();
        let shown = shown.get().min(total - 1);
        let qr = &parts[shown];
        let size = qr.size();
        let view_box = format!("0 0 {size} {size}");
        let lang = lang.get();
        let label = if total > 1 {
            handoff_part(lang, shown + 1, total)
        } else {
            t(lang, Msg::HandoffImage).to_string()
        };
        view! {
            {(total > 1).then(|| view! { <p>{mixed(lang, handoff_parts_intro(lang, total))}</p> })}
            <figure class="handoff-code">
                <svg role="img" aria-label=label.clone() viewBox=view_box
                    shape-rendering="crispEdges" data-version=qr.version data-part=shown + 1>
                    <rect width="100%" height="100%" fill="#fff"/>
                    <path d=qr.svg_path() fill="#000"/>
                </svg>
                <figcaption>
                    {(total > 1).then(|| view! { <strong class="handoff-part">{mixed(lang, label)}</strong> })}
                    {mixed(lang, handoff_contents(lang, code.answers, code.people, &labels(&code.attributes, lang)))}
                </figcaption>
            </figure>
            {(total > 1).then(|| view! {
                <div class="button-group">
                    <button type="button" class="button button-secondary" disabled=shown == 0
                        on:click=move |_| set_shown(shown.saturating_sub(1))>{tr(Msg::HandoffPrevious)}</button>
                    <button type="button" class="button" disabled=shown + 1 == total
                        on:click=move |_| set_shown(shown + 1)>{tr(Msg::HandoffNext)}</button>
                </div>
            })}
        }
        .into_any()
    };
    view! {
        <div class="page">
            <PageHeading text=title/>
            <p>{tr(Msg::HandoffIntro)}</p>
            {picture}
            <crate::app::components::layout::Status text=said/>
            <p>{tr(Msg::HandoffNoMyNumber)}</p>
            <p class="warning-text">{tr(Msg::HandoffAnyReader)}</p>
            <p class="hint">{tr(Msg::HandoffNothingSent)}</p>
            <p><a class="action-link" href=routes::plan(&case.id)>{tr(Msg::Back)}</a></p>
        </div>
    }
}
