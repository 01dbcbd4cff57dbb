//! `/data`: export everything to a file, import one, or go on to delete everything.

use crate::app::components::form::{ErrorSummary, FileInput, Label};
use crate::app::components::layout::PageHeading;
use crate::app::context::{tr, use_lang, use_store, use_today};
use crate::app::routes;
use crate::app::services::browser;
use hitotsu::state::{AppState, ImportError};
use hitotsu::ui_text::{t, Msg};
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let deleted = routes::use_deleted_flag();
    let status = RwSignal::new(if deleted {
        t(lang.get_untracked(), Msg::AllDeleted).to_string()
    } else {
        String::new()
    });
    let import_error = RwSignal::new(None::<Msg>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let export = move |_| {
        let text = store.with_untracked(|s| s.export(today));
        browser::download(&format!("hitotsu-{today}.json"), &text);
    };
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = file_input
            .get()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            import_error.set(Some(Msg::ImportNoFile));
            return;
        };
        leptos::task::spawn_local(async move {
            let text = browser::read_file(&file).await.unwrap_or_default();
            match AppState::import(&text) {
                Ok(mut imported) => {
                    imported.lang = lang.get_untracked();
                    store.set(imported);
                    import_error.set(None);
                    status.set(t(lang.get_untracked(), Msg::Imported).to_string());
                }
                Err(e) => import_error.set(Some(match e {
                    ImportError::TooLarge => Msg::ImportTooLarge,
                    ImportError::NotOurs => Msg::ImportNotOurs,
                    ImportError::Newer(_) => Msg::ImportNewer,
                    ImportError::Damaged(_) => Msg::ImportDamaged,
                })),
            }
        });
    };
    let message = Signal::derive(move || import_error.get().map(|m| t(lang.get(), m).to_string()));
    let summary = Signal::derive(move || {
        message
            .get()
            .map(|m| vec![("import-file".to_string(), m)])
            .unwrap_or_default()
    });
    let has_error = Signal::derive(move || import_error.with(Option::is_some));
    view! {
        <div class="page">
            <ErrorSummary errors=summary/>
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::DataTitle).to_string()) error=has_error/>
            <p>{tr(Msg::DataIntro)}</p>
            <div class="status-message" role="status" aria-live="polite">{move || status.get()}</div>
            <h2>{tr(Msg::Export)}</h2>
            <p class="hint">{tr(Msg::ExportHint)}</p>
            <button type="button" class="button" on:click=export>{tr(Msg::Export)}</button>
            <h2>{tr(Msg::Import)}</h2>
            <form novalidate on:submit=import>
                <FileInput id="import-file" label=Label::Plain(Signal::derive(move || t(lang.get(), Msg::Import).to_string()))
                    hint=Signal::derive(move || t(lang.get(), Msg::ImportHint).to_string()) error=message
                    accept="application/json,.json" node_ref=file_input/>
                <button type="submit" class="button button-secondary">{tr(Msg::ImportButton)}</button>
            </form>
            <h2>{tr(Msg::DeleteAll)}</h2>
            <p><a class="button button-warning" href=routes::delete_all()>{tr(Msg::DeleteAll)}</a></p>
        </div>
    }
}
