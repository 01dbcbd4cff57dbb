//! The citizen's own view of their data: every fact by person with edit and delete, the
//! record of what was shared with whom, and export, import and delete everything.

use super::{browser, catalog, use_ctx};
use crate::app::facts::{display_value, provenance_text, FactEditor};
use crate::app::layout::{ErrorMessage, ErrorSummary, PageHeading};
use hitotsu::catalog::{Catalog, Field, Subject};
use hitotsu::state::{AppState, ImportError};
use hitotsu::ui_text::{deleted_fact, t, Msg};
use hitotsu::vault::{FactKey, PersonKind, Vault};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// The dictionary entry that names a fact, for its label and checks.
fn field_for(catalog: &Catalog, vault: &Vault, key: &FactKey) -> Option<(String, Field)> {
    let subject = match vault.person(&key.owner).map(|p| p.kind) {
        Some(PersonKind::Me) => Subject::Me,
        Some(PersonKind::Household) => Subject::Household,
        Some(PersonKind::Child) => Subject::Child,
        Some(PersonKind::Deceased) => Subject::Deceased,
        None => Subject::Case,
    };
    catalog
        .fields
        .fields
        .iter()
        .find(|(id, f)| f.subject == subject && f.attribute.as_deref().unwrap_or(id.as_str()) == key.attribute)
        .map(|(id, f)| (id.clone(), f.clone()))
}

fn owner_heading(catalog: &Catalog, state: &AppState, owner: &str, lang: hitotsu::i18n::Lang) -> String {
    match state.vault.person(owner).map(|p| (p.kind, p.from_case.clone())) {
        Some((PersonKind::Me, _)) => t(lang, Msg::AboutMe).into(),
        Some((PersonKind::Household, _)) => t(lang, Msg::AboutHousehold).into(),
        Some((kind, from)) => {
            let base = t(lang, if kind == PersonKind::Child { Msg::AboutChild } else { Msg::AboutDeceased });
            let event = from.and_then(|c| state.case(&c).and_then(|c| catalog.event(&c.event)).map(|e| e.title.get(lang).to_string()));
            event.map_or(base.to_string(), |e| format!("{base}（{e}）"))
        }
        None => {
            let event = state.case(owner).and_then(|c| catalog.event(&c.event)).map_or(owner.to_string(), |e| e.title.get(lang).to_string());
            format!("{}（{event}）", t(lang, Msg::AboutCase))
        }
    }
}

#[component]
pub fn MyInfoPage() -> impl IntoView {
    let ctx = use_ctx();
    let catalog = catalog();
    let status = RwSignal::new(String::new());
    let body = move || {
        let lang = ctx.lang();
        let state = ctx.state.get();
        let groups = state
            .vault
            .facts
            .iter()
            .filter(|(_, facts)| !facts.is_empty())
            .map(|(owner, facts)| {
                let rows = facts
                    .iter()
                    .map(|(attribute, fact)| {
                        let key = FactKey { owner: owner.clone(), attribute: attribute.clone() };
                        let (field, label) = field_for(&catalog, &state.vault, &key)
                            .map_or((attribute.clone(), attribute.clone()), |(id, f)| (id, f.label.get(lang).to_string()));
                        let value = display_value(&catalog, &field, &fact.value, lang);
                        let origin = provenance_text(&catalog, fact, lang);
                        let used = fact.last_used.as_ref().map(|d| hitotsu::ui_text::last_used(lang, d));
                        let edit = format!("/me/edit/{owner}/{attribute}");
                        let remove = {
                            let (key, label) = (key.clone(), label.clone());
                            move |_| {
                                ctx.state.update(|s| s.vault.remove(&key));
                                status.set(deleted_fact(ctx.lang(), &label));
                            }
                        };
                        view! {
                            <div class="summary-row">
                                <dt>{label.clone()}</dt>
                                <dd>
                                    <span class="summary-value">{value}</span>
                                    <span class="provenance">{origin}</span>
                                    {used.map(|u| view! { <span class="provenance last-used">{u}</span> })}
                                </dd>
                                <dd class="summary-action">
                                    <a class="action-link" href=edit>{t(lang, Msg::Change)}<span class="visually-hidden">{format!(" {label}")}</span></a>
                                    <button type="button" class="link-button" on:click=remove>
                                        {t(lang, Msg::Delete)}<span class="visually-hidden">{format!(" {label}")}</span>
                                    </button>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <h2>{owner_heading(&catalog, &state, owner, lang)}</h2>
                    <dl class="summary-list">{rows}</dl>
                }
            })
            .collect_view();
        let empty = state.vault.facts.values().all(|f| f.is_empty());
        view! {
            {empty.then(|| view! { <p>{t(lang, Msg::NoFacts)}</p> })}
            {groups}
        }
    };
    view! {
        <div class="page page-wide">
            <PageHeading text=Signal::derive(move || ctx.t(Msg::MyInfoTitle).to_string())/>
            <p>{move || ctx.t(Msg::MyInfoIntro)}</p>
            <div class="visually-hidden" role="status" aria-live="polite">{move || status.get()}</div>
            {body}
        </div>
    }
}

#[component]
pub fn EditFactPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let owner = params.with(|p| p.get("owner").unwrap_or_default());
        let attribute = params.with(|p| p.get("attribute").unwrap_or_default());
        view! { <EditFact key=FactKey { owner, attribute }/> }
    }
}

#[component]
fn EditFact(key: FactKey) -> impl IntoView {
    let ctx = use_ctx();
    let catalog = catalog();
    let found = ctx.state.with_untracked(|s| field_for(&catalog, &s.vault, &key).zip(s.vault.get(&key).cloned()));
    let Some(((field, def), fact)) = found else { return view! { <super::NotFound/> }.into_any() };
    // Still given where it first was; the date and "typed" say it was changed.
    view! { <FactEditor field def key case=fact.given.case event=fact.given.event back="/me".to_string()/> }.into_any()
}

#[component]
pub fn SharedPage() -> impl IntoView {
    let ctx = use_ctx();
    let catalog = catalog();
    let body = move || {
        let lang = ctx.lang();
        let state = ctx.state.get();
        if state.shared.is_empty() {
            return view! { <p>{t(lang, Msg::NothingShared)}</p> }.into_any();
        }
        let rows = state
            .shared
            .iter()
            .rev()
            .map(|r| {
                let field = crate::app::facts::field_label(&catalog, &r.field, lang);
                let recipient = catalog.index.agencies.get(&r.recipient).map_or(r.recipient.clone(), |a| a.name.get(lang).to_string());
                let procedure = state
                    .case(&r.case)
                    .and_then(|c| catalog.event(&c.event))
                    .and_then(|e| e.procedures.iter().find(|p| p.id == r.procedure))
                    .map_or(r.procedure.clone(), |p| p.title.get(lang).to_string());
                view! {
                    <tr>
                        <td>{field}</td>
                        <td>{recipient}</td>
                        <td>{procedure}</td>
                        <td>{format!("{} ({})", r.date, t(lang, if r.sent { Msg::Sent } else { Msg::HandedOver }))}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="shared-caption">
                <table class="table">
                    <caption id="shared-caption">{t(lang, Msg::SharedTitle)}</caption>
                    <thead><tr>
                        <th scope="col">{t(lang, Msg::Fact)}</th>
                        <th scope="col">{t(lang, Msg::Recipient)}</th>
                        <th scope="col">{t(lang, Msg::Procedures)}</th>
                        <th scope="col">{t(lang, Msg::Date)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="page page-wide">
            <PageHeading text=Signal::derive(move || ctx.t(Msg::SharedTitle).to_string())/>
            <p>{move || ctx.t(Msg::SharedIntro)}</p>
            {body}
        </div>
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    let ctx = use_ctx();
    let deleted = use_query_map().with_untracked(|q| q.get("deleted").is_some());
    let status = RwSignal::new(if deleted { ctx.t(Msg::AllDeleted).to_string() } else { String::new() });
    let import_error = RwSignal::new(None::<Msg>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let export = move |_| {
        let text = ctx.state.with_untracked(|s| s.export(&ctx.today.to_string()));
        browser::download(&format!("hitotsu-{}.json", ctx.today), &text);
    };
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = file_input.get().and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            import_error.set(Some(Msg::ImportNoFile));
            return;
        };
        leptos::task::spawn_local(async move {
            let text = browser::read_file(&file).await.unwrap_or_default();
            match AppState::import(&text) {
                Ok(mut imported) => {
                    imported.lang = ctx.lang.get_untracked();
                    ctx.state.set(imported);
                    import_error.set(None);
                    status.set(ctx.t(Msg::Imported).to_string());
                }
                Err(e) => import_error.set(Some(match e {
                    ImportError::TooLarge => Msg::ImportTooLarge,
                    ImportError::NotOurs => Msg::ImportNotOurs,
                    ImportError::Newer(_) => Msg::ImportNewer,
                    ImportError::Damaged(_) => Msg::ImportDamaged,
                })),
            }
        });
    };
    let has_error = Signal::derive(move || import_error.with(|e| e.is_some()));
    view! {
        <div class="page">
            {move || import_error.get().map(|m| view! { <ErrorSummary errors=vec![("import-file".to_string(), ctx.t(m).to_string())]/> })}
            <PageHeading text=Signal::derive(move || ctx.t(Msg::DataTitle).to_string()) error=has_error/>
            <p>{move || ctx.t(Msg::DataIntro)}</p>
            <div class="status-message" role="status" aria-live="polite">{move || status.get()}</div>
            <h2>{move || ctx.t(Msg::Export)}</h2>
            <p class="hint">{move || ctx.t(Msg::ExportHint)}</p>
            <button type="button" class="button" on:click=export>{move || ctx.t(Msg::Export)}</button>
            <h2>{move || ctx.t(Msg::Import)}</h2>
            <form novalidate on:submit=import>
                <div class="form-group" class:form-group-error=has_error>
                    <label class="label" for="import-file">{move || ctx.t(Msg::Import)}</label>
                    <div id="import-hint" class="hint">{move || ctx.t(Msg::ImportHint)}</div>
                    {move || import_error.get().map(|m| view! { <ErrorMessage id="import-error" message=ctx.t(m).to_string()/> })}
                    <input type="file" id="import-file" class="file-input" accept="application/json,.json" node_ref=file_input
                        aria-describedby=move || if has_error.get() { "import-hint import-error" } else { "import-hint" }/>
                </div>
                <button type="submit" class="button button-secondary">{move || ctx.t(Msg::ImportButton)}</button>
            </form>
            <h2>{move || ctx.t(Msg::DeleteAll)}</h2>
            <p><a class="button button-warning" href="/data/delete">{move || ctx.t(Msg::DeleteAll)}</a></p>
        </div>
    }
}

#[component]
pub fn DeleteAllPage() -> impl IntoView {
    let ctx = use_ctx();
    let navigate = use_navigate();
    let confirm = move |_| {
        let lang = ctx.lang.get_untracked();
        ctx.state.set(AppState { lang, ..AppState::default() });
        browser::forget_kept_aside();
        navigate("/data?deleted=1", Default::default());
    };
    view! {
        <div class="page">
            <a class="back-link" href="/data">{move || ctx.t(Msg::Back)}</a>
            <PageHeading text=Signal::derive(move || ctx.t(Msg::DeleteAllConfirmTitle).to_string())/>
            <p>{move || ctx.t(Msg::DeleteAllConfirmBody)}</p>
            <div class="button-group">
                <button type="button" class="button button-warning" on:click=confirm>{move || ctx.t(Msg::DeleteAllYes)}</button>
                <a class="action-link" href="/data">{move || ctx.t(Msg::Cancel)}</a>
            </div>
        </div>
    }
}
