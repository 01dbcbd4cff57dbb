//! What an event's pages stand on: its file of the catalog, fetched the first time one of
//! them is opened (the home page needs only the index). Until it is here a loading line;
//! a file that cannot be used gives the catalog error page, naming the file and entry.

use crate::app::components::catalog_error::CatalogErrorPage;
use crate::app::components::not_found::NotFound;
use crate::app::context::{tr, use_catalog_signal};
use crate::app::services::catalog::ensure_event;
use hitotsu::ui_text::Msg;
use leptos::prelude::*;

#[component]
pub fn WithEvent(event: String, children: ChildrenFn) -> impl IntoView {
    let catalog = use_catalog_signal();
    let (listed, loaded) =
        catalog.with_untracked(|c| (c.event_file(&event).is_some(), c.event(&event).is_some()));
    if !listed {
        return view! { <NotFound/> }.into_any();
    }
    if loaded {
        // Already here: drawn at once, with no loading step in between.
        return children().into_any();
    }
    let fetched = LocalResource::new(move || {
        let event = event.clone();
        async move { ensure_event(catalog, &event).await }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{tr(Msg::Loading)}</p> }>
            {move || fetched.get().map(|result| match result {
                Ok(()) => children().into_any(),
                Err(e) => view! { <CatalogErrorPage details=e/> }.into_any(),
            })}
        </Suspense>
    }
    .into_any()
}
