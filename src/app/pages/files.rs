//! `/files`: the files this device holds, one per person who uses it (a family tablet, a
//! neighbour's phone). Each person opens their own or starts one; deleting someone's file
//! is its own confirmed action. A locked file is listed by its place only. Also what a tab
//! shows first when the device holds several files (`storage::Gate::Choose`).

use crate::app::components::layout::{PageHeading, Status};
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_lang};
use crate::app::routes;
use crate::app::services::{browser, storage};
use hitotsu::files::FileSummary;
use hitotsu::i18n::Lang;
use hitotsu::state::AppState;
use hitotsu::ui_text::{file_delete_body, file_events, locked_file, t, Msg};
use leptos::prelude::*;

/// How the chooser names each file: the owner's name, "a file with no name yet", or a
/// locked file's place among the locked ones (never anything inside it).
fn labels(files: &[FileSummary], lang: Lang) -> Vec<String> {
    let mut locked = 0;
    files
        .iter()
        .map(|f| {
            if f.locked {
                locked += 1;
                locked_file(lang, locked)
            } else {
                f.owner
                    .clone()
                    .unwrap_or_else(|| t(lang, Msg::FileNoName).to_string())
            }
        })
        .collect()
}

/// Works on `file` in this tab from now on: the app starts again in it (a locked one asks
/// for its passcode).
fn open(file: &str) {
    storage::remember_file(file);
    browser::go(&routes::home());
}

#[component]
pub fn FilesPage() -> impl IntoView {
    let lang = use_lang();
    let files = RwSignal::new(storage::device_files());
    let current = storage::file();
    let in_file = storage::use_keeper().gate.get_untracked() == storage::Gate::Open;
    // The file whose deletion is being confirmed.
    let deleting = RwSignal::new(None::<(String, String)>);
    let status = RwSignal::new(String::new());
    let full = RwSignal::new(false);
    let start_new = move |_| {
        let fresh = AppState {
            lang: lang.get_untracked(),
            ..AppState::default()
        };
        match storage::start_file(&fresh) {
            Some(_) => browser::go(&routes::home()),
            None => full.set(true),
        }
    };
    let list = move || {
        let l = lang.get();
        let all = files.get();
        let names = labels(&all, l);
        all.into_iter()
            .zip(names)
            .map(|(f, label)| {
                let here = in_file && f.id == current;
                let (id, del_id, del_label) = (f.id.clone(), f.id.clone(), label.clone());
                let open_label = label.clone();
                let events = (!f.locked).then(|| file_events(l, f.cases));
                view! {
                    <li class="file-item">
                        <span class="file-name">{mixed(l, label.clone())}</span>
                        {events.map(|e| view! { <span class="case-meta">{mixed(l, e)}</span> })}
                        {here.then(|| view! { <span class="case-meta">{mixed(l, t(l, Msg::FileCurrent))}</span> })}
                        <div class="button-group">
                            // Each button names its file too, for a screen reader's list of buttons.
                            <button type="button" class="button button-secondary" on:click=move |_| open(&id)>
                                {mixed(l, t(l, Msg::FileOpen))}<span class="visually-hidden">" "{mixed(l, open_label)}</span>
                            </button>
                            <button type="button" class="link-button" on:click=move |_| {
                                deleting.set(Some((del_id.clone(), del_label.clone())));
                                request_animation_frame(|| browser::focus_id("file-delete-title"));
                            }>{mixed(l, t(l, Msg::FileDelete))}<span class="visually-hidden">" "{mixed(l, label)}</span></button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    let confirm = move || {
        deleting.get().map(|(id, label)| {
            let l = lang.get();
            let yes = {
                let id = id.clone();
                move |_| {
                    storage::delete_file(&id);
                    deleting.set(None);
                    files.set(storage::device_files());
                    status.set(t(lang.get_untracked(), Msg::FileDeleted).to_string());
                    // This tab's own file gone: it starts again, with whose file to open.
                    if in_file && id == storage::file() {
                        storage::forget_file_choice();
                        browser::go(&routes::files());
                    }
                }
            };
            view! {
                <section class="notice" aria-labelledby="file-delete-title">
                    <h2 id="file-delete-title" tabindex="-1">{mixed(l, t(l, Msg::FileDeleteConfirmTitle))}</h2>
                    <p>{mixed(l, file_delete_body(l, &label))}</p>
                    <div class="button-group">
                        <button type="button" class="button button-warning" on:click=yes>{mixed(l, t(l, Msg::FileDeleteYes))}</button>
                        <button type="button" class="link-button" on:click=move |_| deleting.set(None)>{mixed(l, t(l, Msg::Cancel))}</button>
                    </div>
                </section>
            }
        })
    };
    view! {
        <div class="page">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::FilesTitle).to_string())/>
            <p>{tr(Msg::FilesIntro)}</p>
            <Status text=status/>
            {confirm}
            <ul class="file-list">{list}</ul>
            <p><button type="button" class="button" on:click=start_new>{tr(Msg::FileNew)}</button></p>
            {move || full.get().then(|| view! { <p class="error-message" role="alert">{tr(Msg::FilesFull)}</p> })}
        </div>
    }
}
