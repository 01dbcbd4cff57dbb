//! What an unknown address, case, question, person or packet shows.

use crate::app::components::layout::PageHeading;
use crate::app::context::{tr, use_lang};
use crate::app::routes;
use hitotsu::ui_text::{t, Msg};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="page">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::NotFoundTitle).to_string())/>
            <p>{tr(Msg::NotFoundBody)}</p>
            <p><a class="action-link" href=routes::home()>{tr(Msg::BackHome)}</a></p>
        </div>
    }
}
