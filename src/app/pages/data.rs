//! `/data`: export everything to a file, import one, or go on to delete everything.

use crate::app::components::form::{ErrorSummary, FileInput, Label};
use crate::app::components::layout::PageHeading;
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use crate::app::services::{browser, storage};
use hitotsu::state::{AppState, ImportError};
use hitotsu::ui_text::{t, Msg};
use leptos::prelude::*;

/// A message of the page: a fixed text, or why a file was refused.
#[derive(Clone)]
enum Said {
    Msg(Msg),
    Refused(ImportError),
}

impl Said {
    fn words(&self, lang: hitotsu::i18n::Lang) -> String {
        match self {
            Said::Msg(m) => t(lang, *m).to_string(),
            Said::Refused(e) => hitotsu::ui_text::import_error(lang, e),
        }
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let deleted = routes::use_deleted_flag();
    // What the page says is kept as what it means, and put in words as it is shown: a
    // language switch then changes the words too.
    let status = RwSignal::new(deleted.then_some(Said::Msg(Msg::AllDeleted)));
    let catalog = use_catalog();
    let import_error = RwSignal::new(None::<Said>);
    // A file read and checked, waiting for the citizen to confirm what it replaces; and
    // whether it is the copy kept aside (dropped once restored).
    let pending = RwSignal::new(None::<AppState>);
    let pending_kept = RwSignal::new(false);
    let kept = RwSignal::new(storage::kept_aside());
    let file_input = NodeRef::<leptos::html::Input>::new();
    let export = move |_| {
        let text = store.with_untracked(|s| s.export(today));
        browser::download(&format!("hitotsu-{today}.json"), &text);
    };
    // Shows what a read file would replace, or why it cannot be read.
    let offer = move |read: Result<AppState, ImportError>, from_kept: bool| {
        let lang = lang.get_untracked();
        match read {
            Ok(mut imported) => {
                imported.lang = lang;
                import_error.set(None);
                status.set(None);
                pending.set(Some(imported));
                pending_kept.set(from_kept);
                request_animation_frame(|| browser::focus_id("import-confirm"));
            }
            Err(e) => {
                if from_kept {
                    status.set(Some(Said::Refused(e)));
                } else {
                    import_error.set(Some(Said::Refused(e)));
                }
            }
        }
    };
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = file_input
            .get()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            import_error.set(Some(Said::Msg(Msg::ImportNoFile)));
            return;
        };
        leptos::task::spawn_local(async move {
            let text = browser::read_file(&file).await.unwrap_or_default();
            offer(AppState::import(&text), false);
        });
    };
    let restore_kept = move |_| {
        if let Some(raw) = kept.get_untracked() {
            offer(AppState::restore_kept(&raw), true);
        }
    };
    let save_kept = move |_| {
        if let Some(raw) = kept.get_untracked() {
            browser::download(&format!("hitotsu-kept-{today}.json"), &raw);
        }
    };
    let replace = move |_| {
        if let Some(imported) = pending.get_untracked() {
            store.set(imported);
            pending.set(None);
            if pending_kept.get_untracked() {
                storage::forget_kept_aside();
                kept.set(None);
            }
            status.set(Some(Said::Msg(Msg::Imported)));
        }
    };
    let cancel = move |_| {
        pending.set(None);
        status.set(Some(Said::Msg(Msg::ImportCancelled)));
    };
    let confirmation = move || {
        let imported = pending.get()?;
        let lang = lang.get();
        let names = |agencies: Vec<String>| {
            agencies
                .iter()
                .map(|a| catalog.agency_name(a, lang))
                .collect::<Vec<_>>()
                .join("、")
        };
        let (now_cases, dropped) = store.with(|s| (s.cases.len(), s.outbox.waiting().count()));
        let sends = imported.waiting_recipients();
        let summary = hitotsu::ui_text::import_summary(
            lang,
            imported.cases.len(),
            imported.vault.people.len(),
            now_cases,
        );
        let drops = (dropped > 0).then(|| hitotsu::ui_text::import_drops_waiting(lang, dropped));
        let sends =
            (!sends.is_empty()).then(|| hitotsu::ui_text::import_sends(lang, &names(sends)));
        Some(view! {
            <section class="confirm-panel" aria-labelledby="import-confirm">
                <h2 id="import-confirm" tabindex="-1">{tr(Msg::ImportConfirmTitle)}</h2>
                <p>{mixed(lang, &summary)}</p>
                {drops.map(|d| view! { <p class="warning-text">{mixed(lang, &d)}</p> })}
                {sends.map(|d| view! { <p class="warning-text">{mixed(lang, &d)}</p> })}
                <div class="button-group">
                    <button type="button" class="button button-warning" on:click=replace>{tr(Msg::ImportConfirmButton)}</button>
                    <button type="button" class="button button-secondary" on:click=cancel>{tr(Msg::Cancel)}</button>
                </div>
            </section>
        })
    };
    let message =
        Signal::derive(move || import_error.with(|e| e.as_ref().map(|e| e.words(lang.get()))));
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
            <div class="status-message" role="status" aria-live="polite">{move || status.with(|s| s.as_ref().map(|s| s.words(lang.get())))}</div>
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
            {confirmation}
            {move || kept.with(Option::is_some).then(|| view! {
                <h2>{tr(Msg::KeptTitle)}</h2>
                <p>{tr(Msg::KeptBody)}</p>
                <div class="button-group">
                    <button type="button" class="button button-secondary" on:click=save_kept>{tr(Msg::KeptDownload)}</button>
                    <button type="button" class="button button-secondary" on:click=restore_kept>{tr(Msg::KeptRestore)}</button>
                </div>
            })}
            <h2>{tr(Msg::DeleteAll)}</h2>
            <p><a class="button button-warning" href=routes::delete_all()>{tr(Msg::DeleteAll)}</a></p>
        </div>
    }
}
