//! The catalog could not be used: say so plainly, never a blank screen.

use crate::app::components::layout::PageHeading;
use crate::app::context::{tr, use_lang};
use hitotsu::ui_text::{t, Msg};
use leptos::prelude::*;

#[component]
pub fn CatalogErrorPage(details: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="page">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::CatalogErrorTitle).to_string())/>
            <p>{tr(Msg::CatalogErrorBody)}</p>
            <pre class="error-details" data-testid="catalog-error">{details}</pre>
        </div>
    }
}
