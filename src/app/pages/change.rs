//! `/case/:case/change/:owner/:attribute/:day`: changes one fact the case's forms carry;
//! every form of every case that uses it follows.

use crate::app::components::fact_editor::FactEditor;
use crate::app::components::not_found::NotFound;
use crate::app::context::{use_case, use_catalog, use_lang, use_store};
use crate::app::routes;
use hitotsu::vault::{FactKey, HOUSEHOLD, ME};
use leptos::prelude::*;

#[component]
pub fn ChangePage() -> impl IntoView {
    let fact = routes::use_fact();
    let store = use_store();
    let lang = use_lang();
    let catalog = use_catalog();
    let case = use_case();
    move || {
        let Some((owner, attribute, Some(on))) = fact.get() else {
            return view! { <NotFound/> }.into_any();
        };
        let person = store.with_untracked(|s| s.vault.person(&owner).is_some());
        let Some((field, def)) = catalog
            .field_for(person, owner == HOUSEHOLD, &attribute)
            .map(|(f, d)| (f.to_string(), d.clone()))
        else {
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
        let key = FactKey::new(&owner, &attribute);
        view! {
            <FactEditor def key on label case=case.id.clone() event=case.event.clone() back=routes::check(&case.id)
                draft_case=case.id.clone() own/>
        }
        .into_any()
    }
}
