//! `/counter/citizen`: the screen turned to the citizen — a second window of the counter
//! that mirrors what staff fill in, in large type and the citizen's own language (easy
//! Japanese with readings), where the citizen confirms each section. It holds the session
//! as the staff window does (`counter::session`): the same sealed state, the same clock —
//! what the citizen does here is activity, and the idle warning shows here too. Numbers
//! others in the office could read are masked until the citizen asks to see one.

use super::desk::IdleWarning;
use crate::app::components::layout::PageHeading;
use crate::app::components::text::mixed;
use crate::app::context::{tr_attr, use_furigana, use_store, use_today, Furigana, UiLang};
use hitotsu::citizen_screen::{is_confirmed, screen};
use hitotsu::i18n::Lang;
use hitotsu::ui_text::{ct, CounterMsg, Msg};
use leptos::prelude::*;

#[component]
pub fn CitizenScreen() -> impl IntoView {
    let store = use_store();
    let today = use_today();
    // The citizen's language is the session's, apart from the staff's.
    let lang =
        Memo::new(move |_| store.with(|s| s.counter.as_ref().map_or(Lang::Ja, |c| c.citizen_lang)));
    // The citizen's language and readings for everything below, not the staff's.
    provide_context(UiLang(lang));
    if let Some(f) = use_furigana() {
        provide_context(Furigana {
            shown: Memo::new(move |_| lang.get() == Lang::Easy),
            lexicon: f.lexicon,
        });
        Effect::new(move |_| {
            if lang.get() == Lang::Easy && f.lexicon.with_untracked(Option::is_none) {
                leptos::task::spawn_local(async move {
                    if let Ok(l) = crate::app::services::catalog::load_readings().await {
                        f.lexicon.set(Some(l));
                    }
                });
            }
        });
    }
    Effect::new(move |_| crate::app::services::browser::set_html_lang(lang.get()));
    // Each case's event file, fetched as a case appears (the staff window has its own).
    let catalog_signal = crate::app::context::use_catalog_signal();
    let events = Memo::new(move |_| {
        store.with(|s| {
            s.cases
                .iter()
                .map(|c| c.event.clone())
                .collect::<std::collections::BTreeSet<_>>()
        })
    });
    Effect::new(move |_| {
        for event in events.get() {
            if catalog_signal.with_untracked(|c| c.event(&event).is_none()) {
                leptos::task::spawn_local(async move {
                    if let Err(e) =
                        crate::app::services::catalog::ensure_event(catalog_signal, &event).await
                    {
                        leptos::logging::warn!("{e:?}");
                    }
                });
            }
        }
    });
    let idle = super::session::idle_state();
    let title = Signal::derive(move || ct(lang.get(), CounterMsg::CitizenTitle).to_string());
    let sections = move || {
        let l = lang.get();
        // The catalog as it is now, with the event files fetched so far.
        let catalog = catalog_signal.get();
        let list = store.with(|s| screen(s, &catalog, today, l));
        if list.is_empty() {
            return view! { <p class="citizen-waiting">{mixed(l, ct(l, CounterMsg::CitizenWaiting))}</p> }
                .into_any();
        }
        let confirmed = store.with(|s| {
            s.counter
                .as_ref()
                .map(|c| c.confirmed.clone())
                .unwrap_or_default()
        });
        let revealed = store.with(|s| {
            s.counter
                .as_ref()
                .map(|c| c.revealed.clone())
                .unwrap_or_default()
        });
        list.into_iter()
            .map(|section| {
                let heading_id = format!("sec-{}", section.id.replace(':', "-"));
                let labelled = heading_id.clone();
                let done = is_confirmed(&confirmed, &section);
                let changed = !done && confirmed.contains_key(&section.id);
                let (id, print) = (section.id.clone(), section.print.clone());
                let done_id = format!("{heading_id}-done");
                let focus_done = done_id.clone();
                let confirm = move |_| {
                    store.update(|s| {
                        if let Some(c) = s.counter.as_mut() {
                            c.confirmed.insert(id.clone(), print.clone());
                        }
                    });
                    // The button gives way to 「確認しました」: focus goes there, so a screen
                    // reader says it (it fell to the page, and nothing was said).
                    let target = focus_done.clone();
                    request_animation_frame(move || crate::app::services::browser::focus_id(&target));
                };
                let rows = section
                    .rows
                    .into_iter()
                    .map(|row| {
                        let toggle = row.masked.map(|m| {
                            let shown = revealed.contains(&m);
                            let word = ct(l, if shown { CounterMsg::CitizenHideNumber } else { CounterMsg::CitizenShowNumber });
                            let label = row.label.clone();
                            view! {
                                <button type="button" class="link-button" aria-pressed=shown.to_string()
                                    on:click=move |_| store.update(|s| {
                                        if let Some(c) = s.counter.as_mut() {
                                            if !c.revealed.remove(&m) {
                                                c.revealed.insert(m.clone());
                                            }
                                        }
                                    })>
                                    {mixed(l, word)}<span class="visually-hidden">" "{mixed(l, label)}</span>
                                </button>
                            }
                        });
                        view! {
                            <div class="summary-row">
                                <dt>{mixed(l, row.label)}</dt>
                                <dd>{mixed(l, row.value)}{toggle}</dd>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="citizen-section" class:citizen-confirmed=done aria-labelledby=labelled>
                        <h2 id=heading_id>{mixed(l, section.heading)}</h2>
                        <dl class="summary-list">{rows}</dl>
                        {changed.then(|| view! { <p class="warning-text">{mixed(l, ct(l, CounterMsg::CitizenChanged))}</p> })}
                        {if done {
                            view! { <p class="citizen-done" id=done_id tabindex="-1">{mixed(l, ct(l, CounterMsg::CitizenConfirmed))}</p> }.into_any()
                        } else {
                            view! { <button type="button" class="button" on:click=confirm>{mixed(l, ct(l, CounterMsg::CitizenConfirm))}</button> }.into_any()
                        }}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="page citizen-screen">
            <nav class="lang-switch" aria-label=tr_attr(Msg::LanguageLabel)>
                <ul>
                    {Lang::ALL.into_iter().map(|l| view! {
                        <li>
                            <button type="button" lang=l.html_tag() aria-pressed=move || (lang.get() == l).to_string()
                                on:click=move |_| store.update(|s| {
                                    if let Some(c) = s.counter.as_mut() {
                                        c.citizen_lang = l;
                                    }
                                })>{l.native_name()}</button>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
            <PageHeading text=title/>
            <IdleWarning state=idle/>
            {sections}
        </div>
    }
}
