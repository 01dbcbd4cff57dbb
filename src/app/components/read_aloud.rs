//! Read aloud: the page's main content spoken by the browser's speech synthesis, for a
//! citizen who reads with difficulty but does not use a screen reader. It starts only
//! when pressed (a screen reader user is never talked over by it on its own), speaks each
//! part in its own language (a Japanese name on an English page with a Japanese voice),
//! skips the readings drawn over kanji and what is not shown, and stops when the page or
//! the language changes. It moves by section (each heading begins one), pauses where it
//! is, reads at the speed the citizen chose in the settings, and says weekdays whole.

use crate::app::components::text::mixed;
use crate::app::context::{use_lang, use_store};
use hitotsu::i18n::Lang;
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
const BLOCKS: [&str; 20] = [
    "P", "H1", "H2", "H3", "H4", "LI", "DT", "DD", "LEGEND", "LABEL", "BUTTON", "A", "SUMMARY",
    "TH", "TD", "DIV", "SECTION", "ARTICLE", "FIELDSET", "STRONG",
];

/// Headings that begin a section: what "next" and "previous" move between (the plan's
/// "first do", each procedure, each visit).
const SECTIONS: [&str; 3] = ["H1", "H2", "H3"];

/// What is not read: the readings over kanji (the kanji are read), what is hidden from
/// sight or from assistive technology, text only a screen reader is given, this control,
/// a procedure's "done" box and the body of a closed 「法律の詳しいこと」 (only its summary).
const SKIPPED: &str = "rt, [hidden], [aria-hidden='true'], .visually-hidden, script, style, .read-aloud, input, select, textarea, .procedure .checkbox, details:not([open]) > :not(summary)";

/// One utterance: its language (BCP 47), its words, and the section it belongs to.
#[derive(Clone)]
struct Phrase {
    lang: String,
    text: String,
    section: usize,
}

/// The text of `root` in reading order, phrase by phrase.
fn phrases(root: &web_sys::Element, page: &str) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = Vec::new();
    let mut open = true; // a new phrase starts at the next text
    let mut section = 0;
    walk(root, page, &mut out, &mut open, &mut section);
    out.retain(|p| !p.text.trim().is_empty());
    out
}

/// Not drawn: display none, or inside something that is (a closed details' body). (The
/// main content has nothing fixed in place, the other case without an offset parent.)
fn unseen(el: &web_sys::Element) -> bool {
    el.dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|h| h.offset_parent().is_none() && h.tag_name() != "BODY")
}

fn walk(
    node: &web_sys::Node,
    lang: &str,
    out: &mut Vec<Phrase>,
    open: &mut bool,
    section: &mut usize,
) {
    let mut child = node.first_child();
    while let Some(n) = child {
        child = n.next_sibling();
        if let Some(el) = n.dyn_ref::<web_sys::Element>() {
            if el.matches(SKIPPED).unwrap_or(false) || unseen(el) {
                continue;
            }
            let lang = el.get_attribute("lang").unwrap_or_else(|| lang.to_string());
            let tag = el.tag_name();
            if SECTIONS.contains(&tag.as_str()) && out.last().is_some_and(|p| p.section == *section)
            {
                *section += 1;
            }
            let block = BLOCKS.contains(&tag.as_str());
            if block {
                *open = true;
            }
            walk(el, &lang, out, open, section);
            if block {
                *open = true;
            }
        } else if n.node_type() == web_sys::Node::TEXT_NODE {
            let text = n.text_content().unwrap_or_default();
            if text.trim().is_empty() {
                if let Some(last) = out.last_mut() {
                    last.text.push(' ');
                }
                continue;
            }
            match out.last_mut() {
                Some(last) if !*open && last.lang == lang => last.text.push_str(&text),
                _ => out.push(Phrase {
                    lang: lang.to_string(),
                    text,
                    section: *section,
                }),
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

/// Speaks `phrases` from `from` on, each in its own language and at `rate`, its words as
/// a voice says them (`app`: the app's language, whose Japanese may be easy Japanese);
/// `at(i)` as phrase i begins, `done` after the last one.
fn speak(
    phrases: &[Phrase],
    from: usize,
    rate: f32,
    app: Lang,
    at: impl Fn(usize) + Clone + 'static,
    done: impl FnOnce() + 'static,
) -> Result<(), JsValue> {
    let synth = synth().ok_or(JsValue::NULL)?;
    synth.cancel();
    let voices = synth.get_voices();
    let count = phrases.len();
    if from >= count {
        done();
        return Ok(());
    }
    let mut done = Some(done);
    for (i, p) in phrases.iter().enumerate().skip(from) {
        let words = match (voice_lang(&p.lang), app) {
            ("ja-JP", Lang::Easy) => hitotsu::speech::for_voice(Lang::Easy, &p.text),
            ("ja-JP", _) => hitotsu::speech::for_voice(Lang::Ja, &p.text),
            _ => hitotsu::speech::for_voice(Lang::En, &p.text),
        };
        let u = web_sys::SpeechSynthesisUtterance::new_with_text(&words)?;
        let tag = voice_lang(&p.lang);
        u.set_lang(tag);
        u.set_rate(rate);
        // A voice of that language when the device has one; else the browser picks by lang.
        if let Some(v) = voices
            .iter()
            .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
            .find(|v| v.lang().replace('_', "-").starts_with(&tag[..2]))
        {
            u.set_voice(Some(&v));
        }
        let at = at.clone();
        let on_start = wasm_bindgen::closure::Closure::once_into_js(move || at(i));
        u.set_onstart(Some(on_start.unchecked_ref()));
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

/// The first phrase of the section after (or before) the one phrase `at` is in; None past
/// the end.
fn section_start(phrases: &[Phrase], at: usize, forward: bool) -> Option<usize> {
    let here = phrases.get(at).map_or(0, |p| p.section);
    let first_of = |s: usize| phrases.iter().position(|p| p.section == s);
    if forward {
        phrases.iter().position(|p| p.section > here)
    } else {
        // Within a section, back to its start; at its start, to the one before.
        let start = first_of(here).unwrap_or(0);
        if at > start {
            Some(start)
        } else {
            Some(here.checked_sub(1).and_then(first_of).unwrap_or(0))
        }
    }
}

/// The read-aloud control at the top of the main content.
#[component]
pub fn ReadAloud() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let state = RwSignal::new(Reading::Idle);
    // What was last announced, put in words as it is shown (it follows a language switch).
    let status = RwSignal::new(None::<Msg>);
    let announce = move |m: Msg| status.set(Some(m));
    // The page's phrases as read, and the one being said.
    let said = StoredValue::new(Vec::<Phrase>::new());
    let at = StoredValue::new(0usize);
    // A new page or language: what was being read no longer stands there, and nothing
    // said of it stays.
    let location = leptos_router::hooks::use_location();
    Effect::new(move |first: Option<()>| {
        location.pathname.track();
        lang.track();
        if first.is_some() {
            if state.get_untracked() != Reading::Idle {
                if let Some(s) = synth() {
                    s.cancel();
                }
                state.set(Reading::Idle);
            }
            status.set(None);
        }
    });
    on_cleanup(move || {
        if let Some(s) = synth() {
            s.cancel();
        }
    });
    let run = StoredValue::new(0u32);
    // Reads from phrase `from` on.
    let read_from = move |from: usize| {
        // A reading stopped and started again: the old one's end must not end the new.
        run.update_value(|n| *n += 1);
        let this_run = run.get_value();
        let finished = move || {
            if run.get_value() == this_run && state.get_untracked() != Reading::Idle {
                state.set(Reading::Idle);
                announce(Msg::ReadAloudFinished);
            }
        };
        let started = move |i: usize| {
            if run.get_value() == this_run {
                at.set_value(i);
            }
        };
        at.set_value(from);
        let rate = store.with_untracked(|s| s.display.speech.rate());
        state.set(Reading::Speaking);
        let spoken =
            said.with_value(|p| speak(p, from, rate, lang.get_untracked(), started, finished));
        if spoken.is_err() {
            state.set(Reading::Idle);
            announce(Msg::ReadAloudUnavailable);
        }
    };
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
            said.set_value(phrases(&main, &page));
            announce(Msg::ReadAloudStarted);
            read_from(0);
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
    // To the next or previous section: read on from its start.
    let skip = move |forward: bool| {
        let target = said.with_value(|p| section_start(p, at.get_value(), forward));
        match target {
            Some(i) => read_from(i),
            None => {
                if let Some(s) = synth() {
                    s.cancel();
                }
                state.set(Reading::Idle);
                announce(Msg::ReadAloudFinished);
            }
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
                <button type="button" class="link-button" on:click=move |_| skip(false)>{move || mixed(lang.get(), t(lang.get(), Msg::ReadAloudPrevious))}</button>
                <button type="button" class="link-button" on:click=move |_| skip(true)>{move || mixed(lang.get(), t(lang.get(), Msg::ReadAloudNext))}</button>
                <button type="button" class="link-button" on:click=stop>{move || mixed(lang.get(), t(lang.get(), Msg::ReadAloudStop))}</button>
            </Show>
            // A live region without the status role: each page keeps its one status
            // message for what the page itself did.
            <div class="visually-hidden" aria-live="polite">{move || status.get().map(|m| t(lang.get(), m))}</div>
        </div>
    }
}
