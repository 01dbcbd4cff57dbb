//! `/lock`: a citizen on a shared device locks their file with a passcode (said plainly
//! first: a forgotten passcode cannot be recovered), gives it a new one, removes the lock,
//! or closes the file so the next person meets only its unlock page.

use crate::app::components::form::{Checkbox, ErrorSummary, Label, TextInput};
use crate::app::components::layout::{BackLink, PageHeading, Status};
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_lang};
use crate::app::routes;
use crate::app::services::{browser, storage};
use hitotsu::files::check_new_passcode;
use hitotsu::ui_text::{passcode_error, t, Msg};
use leptos::prelude::*;

#[component]
pub fn LockPage() -> impl IntoView {
    let lang = use_lang();
    let keeper = storage::use_keeper();
    let locked = Memo::new(move |_| keeper.locked());
    let passcode = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let understood = RwSignal::new(false);
    let errors: RwSignal<Vec<(String, String)>> = RwSignal::new(Vec::new());
    let error_of = move |id: &'static str| {
        Signal::derive(move || {
            errors.with(|e| e.iter().find(|(f, _)| f == id).map(|(_, m)| m.clone()))
        })
    };
    let status = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let l = lang.get_untracked();
        let (p, r) = (passcode.get_untracked(), repeat.get_untracked());
        let mut found = Vec::new();
        if let Err(e) = check_new_passcode(&p, &r) {
            let field = if e == hitotsu::files::PasscodeError::Mismatch {
                "passcode-repeat"
            } else {
                "passcode"
            };
            found.push((field.to_string(), passcode_error(l, e).to_string()));
        }
        if !understood.get_untracked() {
            found.push((
                "lock-understood".into(),
                t(l, Msg::LockUnderstandMissing).to_string(),
            ));
        }
        errors.set(found);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        working.set(true);
        status.set(t(l, Msg::LockWorking).to_string());
        leptos::task::spawn_local(async move {
            let done = keeper.lock(&p).await;
            working.set(false);
            passcode.set(String::new());
            repeat.set(String::new());
            let l = lang.get_untracked();
            status.set(t(l, if done { Msg::LockDone } else { Msg::LockFailed }).to_string());
            keeper.landed.update(|n| *n += 1);
        });
    };
    let remove = move |_| {
        keeper.unseal();
        keeper.landed.update(|n| *n += 1);
        status.set(t(lang.get_untracked(), Msg::LockRemoved).to_string());
    };
    let label = move |m: Msg| Label::Plain(Signal::derive(move || t(lang.get(), m).to_string()));
    let hint = Signal::derive(move || t(lang.get(), Msg::PasscodeHint).to_string());
    view! {
        <div class="page">
            <BackLink href=routes::settings()/>
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::LockTitle).to_string())/>
            <Status text=status/>
            {move || locked.get().then(|| view! {
                <div class="notice">
                    <p>{tr(Msg::LockedState)}</p>
                    <div class="button-group">
                        <button type="button" class="button button-secondary" on:click=|_| browser::reload()>{tr(Msg::CloseFile)}</button>
                        <button type="button" class="link-button" on:click=remove>{tr(Msg::RemoveLock)}</button>
                    </div>
                </div>
            })}
            <p>{tr(Msg::LockIntro)}</p>
            <p class="warning-text"><strong>{tr(Msg::LockWarning)}</strong></p>
            <p>{tr(Msg::LockMeasured)}</p>
            <form novalidate on:submit=submit>
                <ErrorSummary errors=errors/>
                <TextInput id="passcode" label=label(Msg::PasscodeLabel) hint error=error_of("passcode")
                    value=passcode on_input=Callback::new(move |v| passcode.set(v))
                    input_type="password" autocomplete="new-password"/>
                <TextInput id="passcode-repeat" label=label(Msg::PasscodeRepeatLabel) error=error_of("passcode-repeat")
                    value=repeat on_input=Callback::new(move |v| repeat.set(v))
                    input_type="password" autocomplete="new-password"/>
                <Checkbox id="lock-understood" checked=understood on_change=Callback::new(move |v| understood.set(v))
                    error=error_of("lock-understood")>{tr(Msg::LockUnderstand)}</Checkbox>
                <button type="submit" class="button" aria-disabled=move || working.get().then_some("true")>
                    {move || {
                        let l = lang.get();
                        mixed(l, t(l, if locked.get() { Msg::ChangePasscode } else { Msg::LockButton }))
                    }}
                </button>
            </form>
        </div>
    }
}
