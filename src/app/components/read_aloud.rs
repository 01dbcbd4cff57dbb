//! Read aloud: the page's main content spoken by the browser's speech synthesis, for a
//! citizen who reads with difficulty but does not use a screen reader. It starts only
//! when pressed (a screen reader user is never talked over by it on its own), speaks each
//! part in its own language (a Japanese name on an English page with a Japanese voice),
//! skips the readings drawn over kanji and what is hidden, and stops when the page or the
//! language changes.

use crate::app::components::text::mixed;
use crate::app::context::use_lang;
use hitotsu::ui_text::{t, Msg};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    Idle,
    Speaking,
    Paused,
}

/// Elements that end a spoken phrase: a pause between headings, paragraphs, list items.
const BLOCKS: [&str; 19] = [
    "P", "H1", "H2", "H3", "H4", "LI", "DT", "DD", "LEGEND", "LABEL", "BUTTON", "A", "SUMMARY",
    "TH", "TD", "DIV", "SECTION", "ARTICLE", "FIELDSET",
];

/// What is not read: the readings over kanji (the kanji are read), what is hidden from
/// sight or from assistive technology, text only a screen reader is given, this control.
const SKIPPED: &str = "rt, [hidden], [aria-hidden='true'], .visually-hidden, script, style, .read-aloud, input, select, textarea";

/// The text of `root` as (BCP 47 language, phrase) in reading order.
fn phrases(root: &web_sys::Element, page: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut open = true; // a new phrase starts at the next text
    walk(root, page, &mut out, &mut open);
    out.retain(|(_, text)| !text.trim().is_empty());
    out
}

fn walk(node: &web_sys::Node, lang: &str, out: &mut Vec<(String, String)>, open: &mut bool) {
    let mut child = node.first_child();
    while let Some(n) = child {
        child = n.next_sibling();
        if let Some(el) = n.dyn_ref::<web_sys::Element>() {
            if el.matches(SKIPPED).unwrap_or(false) {
                continue;
            }
            let lang = el.get_attribute("lang").unwrap_or_else(|| lang.to_string());
            let block = BLOCKS.contains(&el.tag_name().as_str());
            if block {
                *open = true;
            }
            walk(el, &lang, out, open);
            if block {
                *open = true;
            }
        } else if n.node_type() == web_sys::Node::TEXT_NODE {
            let text = n.text_content().unwrap_or_default();
            if text.trim().is_empty() {
                if let Some((_, last)) = out.last_mut() {
                    last.push(' ');
                }
                continue;
            }
            match out.last_mut() {
                Some((l, last)) if !*open && l == lang => last.push_str(&text),
                _ => out.push((lang.to_string(), text)),
            }
            *open = false;
        }
    }
}

/// The voice language for a page or fragment language: ja (easy Japanese too) or en.
fn voice_lang(lang: &str) -> &'static str {
    if lang.starts_with("ja") {
        "ja-JP"
    } else {
        "en-GB"
    }
}

fn synth() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window().and_then(|w| w.speech_synthesis().ok())
}

/// Speaks the phrases in order; `done` runs after the last one.
fn speak(phrases: Vec<(String, String)>, done: impl FnOnce() + 'static) -> Result<(), JsValue> {
    let synth = synth().ok_or(JsValue::NULL)?;
    synth.cancel();
    let voices = synth.get_voices();
    let count = phrases.len();
    if count == 0 {
        done();
        return Ok(());
    }
    let mut done = Some(done);
    for (i, (lang, text)) in phrases.into_iter().enumerate() {
        let u = web_sys::SpeechSynthesisUtterance::new_with_text(&text)?;
        let tag = voice_lang(&lang);
        u.set_lang(tag);
        // A voice of that language when the device has one; else the browser picks by lang.
        if let Some(v) = voices
            .iter()
            .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
            .find(|v| v.lang().replace('_', "-").starts_with(&tag[..2]))
        {
            u.set_voice(Some(&v));
        }
        if i + 1 == count {
            if let Some(done) = done.take() {
                let on_end = wasm_bindgen::closure::Closure::once_into_js(done);
                u.set_onend(Some(on_end.unchecked_ref()));
            }
        }
        synth.speak(&u);
    }
    Ok(())
}

/// The read-aloud control at the top of the main content.
#[component]
pub fn ReadAloud() -> impl IntoView {
    let lang = use_lang();
    let state = RwSignal::new(Reading::Idle);
    // What was last announced, put in words as it is shown (it follows a language switch).
    let status = RwSignal::new(None::<Msg>);
    let announce = move |m: Msg| status.set(Some(m));
    // A new page or language: what was being read no longer stands there.
    let location = leptos_router::hooks::use_location();
    Effect::new(move |first: Option<()>| {
        location.pathname.track();
        lang.track();
        if first.is_some() && state.get_untracked() != Reading::Idle {
            if let Some(s) = synth() {
                s.cancel();
            }
            state.set(Reading::Idle);
            status.set(None);
        }
    });
    on_cleanup(move || {
        if let Some(s) = synth() {
            s.cancel();
        }
    });
    let run = StoredValue::new(0u32);
    let press = move |_| match state.get_untracked() {
        Reading::Idle => {
            let Some(main) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("main"))
            else {
                return;
            };
            let page = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
                .and_then(|e| e.get_attribute("lang"))
                .unwrap_or_else(|| "ja".into());
            let said = phrases(&main, &page);
            announce(Msg::ReadAloudStarted);
            // A reading stopped and started again: the old one's end must not end the new.
            run.update_value(|n| *n += 1);
            let this_run = run.get_value();
            let finished = move || {
                if run.get_value() == this_run && state.get_untracked() != Reading::Idle {
                    state.set(Reading::Idle);
                    announce(Msg::ReadAloudFinished);
                }
            };
            state.set(Reading::Speaking);
            if speak(said, finished).is_err() {
                state.set(Reading::Idle);
                announce(Msg::ReadAloudUnavailable);
            }
        }
        Reading::Speaking => {
            if let Some(s) = synth() {
                s.pause();
            }
            state.set(Reading::Paused);
            announce(Msg::ReadAloudPaused);
        }
        Reading::Paused => {
            if let Some(s) = synth() {
                s.resume();
            }
            state.set(Reading::Speaking);
            announce(Msg::ReadAloudStarted);
        }
    };
    let button = NodeRef::<leptos::html::Button>::new();
    let stop = move |_| {
        if let Some(s) = synth() {
            s.cancel();
        }
        state.set(Reading::Idle);
        announce(Msg::ReadAloudStopped);
        // The stop button goes away: focus returns to the control that starts reading.
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let label = move || {
        let m = match state.get() {
            Reading::Idle => Msg::ReadAloud,
            Reading::Speaking => Msg::ReadAloudPause,
            Reading::Paused => Msg::ReadAloudResume,
        };
        mixed(lang.get(), t(lang.get(), m))
    };
    view! {
        <div class="read-aloud">
            // The same button pauses and resumes, so focus stays where it is.
            <button type="button" class="link-button read-aloud-button" node_ref=button on:click=press>
                {label}
            </button>
            <Show when=move || state.get() != Reading::Idle>
                <button type="button" class="link-button" on:click=stop>{move || mixed(lang.get(), t(lang.get(), Msg::ReadAloudStop))}</button>
            </Show>
            // A live region without the status role: each page keeps its one status
            // message for what the page itself did.
            <div class="visually-hidden" aria-live="polite">{move || status.get().map(|m| t(lang.get(), m))}</div>
        </div>
    }
}
