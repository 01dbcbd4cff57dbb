//! `/case/:case/handoff`: the code the citizen shows at the city office's counter, so
//! staff fill in every form from what the citizen already gave. Drawn on the device,
//! sent nowhere.

use crate::app::components::layout::PageHeading;
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store};
use crate::app::routes;
use hitotsu::ui_text::{handoff_contents, t, Msg};
use leptos::prelude::*;

#[component]
pub fn HandoffPage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let catalog = use_catalog();
    let case = use_case();
    let title = Signal::derive(move || t(lang.get(), Msg::HandoffTitle).to_string());
    let code = {
        let (catalog, id) = (catalog.clone(), case.id.clone());
        // The answers and facts as they are now: a change on another tab redraws it.
        Memo::new(move |_| store.with(|s| hitotsu::handoff::encode(s, &catalog, &id)))
    };
    let picture = move || {
        let code = code.get();
        let qr = code.as_ref().and_then(|c| hitotsu::handoff::qr(&c.text));
        match (code, qr) {
            (Some(code), Some(qr)) => {
                let size = qr.size();
                let view_box = format!("0 0 {size} {size}");
                let lang = lang.get();
                view! {
                    <figure class="handoff-code">
                        <svg role="img" aria-label=t(lang, Msg::HandoffImage) viewBox=view_box
                            shape-rendering="crispEdges" data-version=qr.version>
                            <rect width="100%" height="100%" fill="#fff"/>
                            <path d=qr.svg_path() fill="#000"/>
                        </svg>
                        <figcaption>{handoff_contents(lang, code.answers, code.people)}</figcaption>
                    </figure>
                }
                .into_any()
            }
            _ => view! { <p class="warning-text">{tr(Msg::HandoffTooBig)}</p> }.into_any(),
        }
    };
    view! {
        <div class="page">
            <PageHeading text=title/>
            <p>{tr(Msg::HandoffIntro)}</p>
            {picture}
            <p class="hint">{tr(Msg::HandoffNothingSent)}</p>
            <p><a class="action-link" href=routes::plan(&case.id)>{tr(Msg::Back)}</a></p>
        </div>
    }
}
