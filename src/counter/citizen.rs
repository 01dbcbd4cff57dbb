//! `/counter/citizen`: the screen turned to the citizen — a second window of the counter
//! that mirrors what staff fill in, in large type and the citizen's own language (easy
//! Japanese with readings), where the citizen confirms each section. The two windows share
//! the device's storage: a change in one is a storage event in the other, with no server.

use crate::app::components::layout::PageHeading;
use crate::app::components::text::mixed;
use crate::app::context::{tr_attr, use_furigana, use_store, use_today, Furigana, UiLang};
use crate::app::services::storage::local;
use hitotsu::i18n::Lang;
use hitotsu::session::{is_confirmed, screen, Confirmed};
use hitotsu::ui_text::{ct, CounterMsg, Msg};
use leptos::prelude::*;

/// What the citizen confirmed: section id → the print it had then.
pub const CONFIRMED_KEY: &str = "hitotsu.counter.confirmed";
/// The language the citizen reads in, apart from the staff's.
const LANG_KEY: &str = "hitotsu.counter.citizen-lang";

pub fn read_confirmed() -> Confirmed {
    local()
        .and_then(|s| s.get_item(CONFIRMED_KEY).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// The confirmations as they change in either window.
pub fn confirmed_signal() -> RwSignal<Confirmed> {
    let confirmed = RwSignal::new(read_confirmed());
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_none_or(|k| k == CONFIRMED_KEY) {
            confirmed.set(read_confirmed());
        }
    });
    on_cleanup(move || handle.remove());
    confirmed
}

#[component]
pub fn CitizenScreen() -> impl IntoView {
    let store = use_store();
    let today = use_today();
    let stored = local()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|l| Lang::ALL.into_iter().find(|x| x.code() == l))
        .unwrap_or(Lang::Ja);
    let lang = RwSignal::new(stored);
    let lang_memo = Memo::new(move |_| lang.get());
    // The citizen's language and readings for everything below, not the staff's.
    provide_context(UiLang(lang_memo));
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
    let confirmed = confirmed_signal();
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
    // The end of the session in the staff window: this window starts afresh, empty.
    let handle = window_event_listener(leptos::ev::storage, |ev| {
        if ev.key().is_none_or(|k| k == super::desk::SESSION_KEY) && ev.new_value().is_none() {
            if let Some(w) = web_sys::window() {
                let _ = w.location().replace("/counter/citizen");
            }
        }
    });
    on_cleanup(move || handle.remove());
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
        list.into_iter()
            .map(|section| {
                let heading_id = format!("sec-{}", section.id.replace(':', "-"));
                let labelled = heading_id.clone();
                let done = confirmed.with(|c| is_confirmed(c, &section));
                let changed = !done && confirmed.with(|c| c.contains_key(&section.id));
                let (id, print) = (section.id.clone(), section.print.clone());
                let confirm = move |_| {
                    confirmed.update(|c| {
                        c.insert(id.clone(), print.clone());
                        if let (Some(s), Ok(text)) = (local(), serde_json::to_string(c)) {
                            let _ = s.set_item(CONFIRMED_KEY, &text);
                        }
                    });
                };
                let rows = section
                    .rows
                    .into_iter()
                    .map(|(label, value)| view! {
                        <div class="summary-row"><dt>{mixed(l, label)}</dt><dd>{mixed(l, value)}</dd></div>
                    })
                    .collect_view();
                view! {
                    <section class="citizen-section" class:citizen-confirmed=done aria-labelledby=labelled>
                        <h2 id=heading_id>{mixed(l, section.heading)}</h2>
                        <dl class="summary-list">{rows}</dl>
                        {changed.then(|| view! { <p class="warning-text">{mixed(l, ct(l, CounterMsg::CitizenChanged))}</p> })}
                        {if done {
                            view! { <p class="citizen-done">{mixed(l, ct(l, CounterMsg::CitizenConfirmed))}</p> }.into_any()
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
                                on:click=move |_| {
                                    lang.set(l);
                                    if let Some(s) = local() {
                                        let _ = s.set_item(LANG_KEY, l.code());
                                    }
                                }>{l.native_name()}</button>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
            <PageHeading text=title/>
            {sections}
        </div>
    }
}
