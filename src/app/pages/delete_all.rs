//! `/data/delete`: deletes everything on this device, after confirmation.

use crate::app::components::layout::{BackLink, PageHeading};
use crate::app::context::{tr, use_lang, use_store};
use crate::app::routes;
use crate::app::services::storage;
use hitotsu::ui_text::{t, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn DeleteAllPage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let navigate = use_navigate();
    let confirm = move |_| {
        store.update(|s| *s = s.wiped());
        storage::forget_copies();
        navigate(&routes::data_deleted(), Default::default());
    };
    view! {
        <div class="page">
            <BackLink href=routes::data()/>
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::DeleteAllConfirmTitle).to_string())/>
            <p>{tr(Msg::DeleteAllConfirmBody)}</p>
            <div class="button-group">
                <button type="button" class="button button-warning" on:click=confirm>{tr(Msg::DeleteAllYes)}</button>
                <a class="action-link" href=routes::data()>{tr(Msg::Cancel)}</a>
            </div>
        </div>
    }
}
