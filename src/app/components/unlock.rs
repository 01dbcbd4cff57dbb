//! What a tab shows of a locked file until its passcode is given: nothing of the file but
//! the language and display it is read in. Someone else can go on to choose or start
//! their own file.

use crate::app::components::form::{ErrorSummary, Label, TextInput};
use crate::app::components::layout::{PageHeading, Status};
use crate::app::context::{tr, use_lang};
use crate::app::routes;
use crate::app::services::{browser, storage};
use hitotsu::ui_text::{t, Msg};
use leptos::prelude::*;

#[component]
pub fn UnlockPage() -> impl IntoView {
    let lang = use_lang();
    let keeper = storage::use_keeper();
    let passcode = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let status = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let message = Signal::derive(move || error.get().map(|m| t(lang.get(), m).to_string()));
    let summary = Signal::derive(move || {
        message
            .get()
            .map(|m| vec![("passcode".to_string(), m)])
            .unwrap_or_default()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let typed = passcode.get_untracked();
        if typed.is_empty() {
            error.set(Some(Msg::PasscodeEmpty));
            return;
        }
        working.set(true);
        error.set(None);
        status.set(t(lang.get_untracked(), Msg::UnlockWorking).to_string());
        leptos::task::spawn_local(async move {
            let opened = keeper.unlock(&typed).await;
            working.set(false);
            status.set(String::new());
            if !opened {
                passcode.set(String::new());
                error.set(Some(Msg::UnlockWrong));
            }
        });
    };
    let someone_else = move |_| {
        storage::forget_file_choice();
        browser::go(&routes::files());
    };
    view! {
        <div class="page">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::UnlockTitle).to_string())
                error=Signal::derive(move || error.with(Option::is_some))/>
            <Status text=status/>
            <p>{tr(Msg::UnlockIntro)}</p>
            <form novalidate on:submit=submit>
                <ErrorSummary errors=summary/>
                <TextInput id="passcode"
                    label=Label::Plain(Signal::derive(move || t(lang.get(), Msg::PasscodeLabel).to_string()))
                    error=message value=passcode on_input=Callback::new(move |v| passcode.set(v))
                    input_type="password" autocomplete="current-password"/>
                <button type="submit" class="button" aria-disabled=move || working.get().then_some("true")>{tr(Msg::UnlockButton)}</button>
            </form>
            <p><button type="button" class="link-button" on:click=someone_else>{tr(Msg::UnlockSomeoneElse)}</button></p>
        </div>
    }
}
