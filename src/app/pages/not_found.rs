//! Any address no route matches.

use crate::app::components::not_found::NotFound;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound/> }
}
