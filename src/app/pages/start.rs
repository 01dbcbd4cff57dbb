//! `/start/:event`: before a new event uses what this device holds, the citizen says
//! whether it is theirs ("These details are for 山田 太郎 — is that you?"), so a shared
//! device never fills in someone else's name, My Number or account.

use crate::app::components::event::WithEvent;
use crate::app::components::form::{option_id, ErrorSummary, Label, Radios};
use crate::app::components::layout::BackLink;
use crate::app::components::layout::Keyed;
use crate::app::components::not_found::NotFound;
use crate::app::context::{tr, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use crate::app::services::{browser, storage};
use hitotsu::case::Step;
use hitotsu::state::AppState;
use hitotsu::ui_text::{is_this_you, t, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn StartPage() -> impl IntoView {
    let event = routes::use_event_id();
    view! {
        <Keyed key=event children=std::sync::Arc::new(|e| {
            let event = e.clone();
            view! {
                <WithEvent event=e children=std::sync::Arc::new(move || {
                    view! { <StartForm event=event.clone()/> }.into_any()
                })/>
            }
            .into_any()
        })/>
    }
}

#[component]
fn StartForm(event: String) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let Some(title) = catalog.event(&event).map(|e| e.title.clone()) else {
        return view! { <NotFound/> }.into_any();
    };
    let whose = store.with_untracked(|s| s.whose().map(str::to_string));
    let Some(whose) = whose else {
        // Nothing held: nothing to confirm.
        return view! { <Opener event/> }.into_any();
    };
    let choice = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let declined = RwSignal::new(false);
    let full = RwSignal::new(false);
    let navigate = use_navigate();
    let open = {
        let (event, navigate) = (event.clone(), navigate.clone());
        let catalog = catalog.clone();
        move |fresh: bool| {
            let Some(e) = catalog.event(&event) else {
                return;
            };
            if fresh {
                // Someone else: a file of their own, the other person's left as it is.
                let mut own = AppState {
                    lang: store.with_untracked(|s| s.lang),
                    ..AppState::default()
                };
                let case = own.open_case(e, today);
                let step = own
                    .case(&case)
                    .map(|c| c.step.clone())
                    .unwrap_or(Step::Plan);
                match storage::start_file(&own) {
                    Some(_) => browser::go(&routes::step(&case, &step)),
                    None => full.set(true),
                }
                return;
            }
            let mut case = String::new();
            store.update(|s| case = s.open_case(e, today));
            let step = store
                .with_untracked(|s| s.case(&case).map(|c| c.step.clone()))
                .unwrap_or(Step::Plan);
            navigate(&routes::step(&case, &step), Default::default());
        }
    };
    let submit = {
        let open = open.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match choice.get_untracked().as_str() {
                "yes" => open(false),
                "no" => {
                    error.set(None);
                    declined.set(true);
                }
                _ => error.set(Some(Msg::SelectOne)),
            }
        }
    };
    let heading = {
        let whose = whose.clone();
        Signal::derive(move || is_this_you(lang.get(), &hitotsu::ruby::user(&whose)))
    };
    let caption = Signal::derive(move || title.get(lang.get()).to_string());
    let message = Signal::derive(move || error.get().map(|m| t(lang.get(), m).to_string()));
    let has_error = Signal::derive(move || error.with(Option::is_some));
    let options = {
        let whose = whose.clone();
        Signal::derive(move || {
            vec![
                (
                    "yes".to_string(),
                    hitotsu::ui_text::yes_it_is(lang.get(), &hitotsu::ruby::user(&whose)),
                ),
                (
                    "no".to_string(),
                    t(lang.get(), Msg::NoSomeoneElse).to_string(),
                ),
            ]
        })
    };
    let summary = Signal::derive(move || {
        message
            .get()
            .map(|m| vec![(option_id("whose", "yes"), m)])
            .unwrap_or_default()
    });
    let fresh = open.clone();
    view! {
        <div class="page">
            <BackLink href=routes::home()/>
            <form novalidate on:submit=submit>
                <ErrorSummary errors=summary/>
                <Radios name="whose" legend=Label::Heading { text: heading, caption: Some(caption), error: has_error }
                    hint=Signal::derive(move || t(lang.get(), Msg::IsThisYouHint).to_string())
                    error=message options value=choice on_change=Callback::new(move |v| choice.set(v))/>
                <button type="submit" class="button">{tr(Msg::Continue)}</button>
            </form>
            {move || declined.get().then(|| {
                let fresh = fresh.clone();
                view! { <NotYou start_own=Callback::new(move |_| fresh(true)) full/> }
            })}
        </div>
    }
    .into_any()
}

/// Opens the case at once when the device holds nobody's details (a stale link).
#[component]
fn Opener(event: String) -> impl IntoView {
    let store = use_store();
    let catalog = use_catalog();
    let today = use_today();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(e) = catalog.event(&event) else {
            return;
        };
        let mut case = String::new();
        store.update(|s| case = s.open_case(e, today));
        let step = store
            .with_untracked(|s| s.case(&case).map(|c| c.step.clone()))
            .unwrap_or(Step::Plan);
        navigate(&routes::step(&case, &step), Default::default());
    });
}

/// What happens when the details are someone else's: never a deletion, a file of the
/// newcomer's own. It takes focus when it appears, so it is read out at once.
#[component]
fn NotYou(start_own: Callback<()>, full: RwSignal<bool>) -> impl IntoView {
    Effect::new(move |_| browser::focus_id("not-you"));
    view! {
        <section class="notice" aria-labelledby="not-you">
            <h2 id="not-you" tabindex="-1">{tr(Msg::NotYouTitle)}</h2>
            <p>{tr(Msg::NotYouBody)}</p>
            {move || full.get().then(|| view! { <p class="error-message" role="alert">{tr(Msg::FilesFull)}</p> })}
            <div class="button-group">
                <button type="button" class="button" on:click=move |_| start_own.run(())>{tr(Msg::NotYouStartOwn)}</button>
                <a class="action-link" href=routes::files()>{tr(Msg::FilesTitle)}</a>
                <a class="action-link" href=routes::home()>{tr(Msg::BackHome)}</a>
            </div>
        </section>
    }
}
