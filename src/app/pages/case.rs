//! `/case/:case`: finds the case and its event once for every page under it, shows "not
//! found" once, provides the case to its pages, and records where the case resumes.

use crate::app::components::event::WithEvent;
use crate::app::components::not_found::NotFound;
use crate::app::context::{use_catalog, use_store, CaseCtx};
use crate::app::routes;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_location;

#[component]
pub fn CaseLayout() -> impl IntoView {
    let case_id = routes::use_case_id();
    let store = use_store();
    let catalog = use_catalog();
    // Only whether the case exists and its event: a change elsewhere in the state does
    // not rebuild the pages.
    let found = Memo::new(move |_| {
        let id = case_id.get();
        let event = store.with(|s| s.case(&id).map(|c| c.event.clone()))?;
        catalog.event_file(&event).is_some().then_some((id, event))
    });
    move || match found.get() {
        Some((id, event)) => {
            let (id, e) = (id.clone(), event.clone());
            view! {
                <WithEvent event=event children=std::sync::Arc::new(move || {
                    view! { <CaseFound id=id.clone() event=e.clone()/> }.into_any()
                })/>
            }
            .into_any()
        }
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn CaseFound(id: String, event: String) -> impl IntoView {
    let store = use_store();
    provide_context(CaseCtx {
        id: id.clone(),
        event,
    });
    // Where the case resumes: the step of the page shown, recorded once per navigation.
    let location = use_location();
    Effect::new(move |_| {
        let Some(step) = routes::step_of_path(&location.pathname.get()) else {
            return;
        };
        if store.with_untracked(|s| s.case(&id).is_some_and(|c| c.step != step)) {
            store.update(|s| {
                if let Some(c) = s.case_mut(&id) {
                    c.step = step;
                }
            });
        }
    });
    view! { <Outlet/> }
}
