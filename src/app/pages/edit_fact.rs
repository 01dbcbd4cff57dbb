//! `/me/edit/:owner/:attribute`: changes one fact from "My information".

use crate::app::components::fact_editor::FactEditor;
use crate::app::components::not_found::NotFound;
use crate::app::context::{use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use hitotsu::vault::{FactKey, HOUSEHOLD, ME};
use leptos::prelude::*;

#[component]
pub fn EditFactPage() -> impl IntoView {
    let fact = routes::use_fact();
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    move || {
        let Some((owner, attribute, _)) = fact.get() else {
            return view! { <NotFound/> }.into_any();
        };
        let key = FactKey::new(&owner, &attribute);
        let (person, latest) = store.with_untracked(|s| {
            (
                s.vault.person(&owner).is_some(),
                s.vault.latest(&key).cloned(),
            )
        });
        let field = catalog
            .field_for(person, owner == HOUSEHOLD, &attribute)
            .map(|(f, d)| (f.to_string(), d.clone()));
        let (Some((field, def)), Some(latest)) = (field, latest) else {
            return view! { <NotFound/> }.into_any();
        };
        let label = {
            let (catalog, attribute, field) = (catalog.clone(), attribute.clone(), field.clone());
            let named_as_fact = person || owner == HOUSEHOLD;
            Signal::derive(move || {
                if named_as_fact {
                    catalog.attribute_label(&attribute, &field, lang.get())
                } else {
                    catalog.field_label(&field, lang.get())
                }
            })
        };
        let own = owner == ME || owner == HOUSEHOLD;
        // The value that holds today; still given where it first was.
        view! {
            <FactEditor def key on=today label case=latest.given.case.clone() event=latest.given.event.clone() back=routes::my_info() own/>
        }
        .into_any()
    }
}
