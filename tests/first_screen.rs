//! The static first screen in `index.html`: what a phone shows before the wasm has arrived
//! (issue 8). It is the app's own home page frame — the header, the read-aloud row, the
//! heading and the lead, and the loading line — written out here from the app's texts
//! (`ui_text`) and readings (`readings.json`), in each way the app can show them: Japanese,
//! Japanese with furigana, English and easy Japanese. `public/boot.js` picks the one the
//! citizen's settings ask for before anything is drawn; the app takes over when it starts.
//!
//! The block in `index.html` must be exactly what this writes, so the first screen never
//! drifts from the app. After changing a text: `UPDATE_FIRST_SCREEN=1 cargo test --test
//! first_screen`.

use hitotsu::i18n::Lang;
use hitotsu::ruby::{shown, Lexicon, Shown};
use hitotsu::ui_text::{t, Msg};

const START: &str = "<!-- first screen: written by tests/first_screen.rs -->";
const END: &str = "<!-- /first screen -->";

/// The ways a text can be shown, as `boot.js` names them in `<html data-v>`.
const VARIANTS: [(&str, Lang, bool); 4] = [
    ("ja", Lang::Ja, false),
    ("ja-r", Lang::Ja, true),
    ("en", Lang::En, false),
    ("easy", Lang::Easy, true),
];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One text as `components::text::mixed` draws it.
fn html(text: &str, lang: Lang, lexicon: Option<&Lexicon>) -> String {
    shown(text, lang == Lang::En, lexicon)
        .into_iter()
        .map(|part| match part {
            Shown::Text(t) => escape(&t),
            Shown::Japanese(t) => format!("<span lang=\"ja\">{}</span>", escape(&t)),
            Shown::Typed(t) => format!("<span translate=\"no\">{}</span>", escape(&t)),
            Shown::Ruby { base, reading } => format!(
                "<ruby>{}<rt aria-hidden=\"true\" data-r=\"{}\"></rt></ruby>",
                escape(&base),
                escape(&reading)
            ),
            Shown::Break => "<span class=\"wb\" aria-hidden=\"true\"></span>".into(),
        })
        .collect()
}

/// A text in every variant, each in a span the stylesheet shows for its variant only;
/// variants that come out the same share one span.
fn every_way(msg: Msg, lexicon: &Lexicon) -> String {
    let mut spans: Vec<(Vec<&str>, Lang, String)> = Vec::new();
    for (name, lang, readings) in VARIANTS {
        let text = html(t(lang, msg), lang, readings.then_some(lexicon));
        match spans
            .iter_mut()
            .find(|(_, l, h)| *h == text && l.html_tag() == lang.html_tag())
        {
            Some((names, _, _)) => names.push(name),
            None => spans.push((vec![name], lang, text)),
        }
    }
    spans
        .into_iter()
        .map(|(names, lang, text)| {
            format!(
                "<span data-v=\"{}\" lang=\"{}\">{text}</span>",
                names.join(" "),
                lang.html_tag()
            )
        })
        .collect()
}

fn first_screen(lexicon: &Lexicon) -> String {
    let w = |m| every_way(m, lexicon);
    let languages: String = Lang::ALL
        .iter()
        .map(|l| {
            format!(
                "<li><button type=\"button\" tabindex=\"-1\" lang=\"{}\">{}</button></li>",
                l.html_tag(),
                l.native_name()
            )
        })
        .collect();
    let links: String = [
        ("/me", Msg::NavMyInfo),
        ("/shared", Msg::NavShared),
        ("/data", Msg::NavData),
        ("/settings", Msg::SettingsTitle),
    ]
    .into_iter()
    .map(|(href, m)| format!("<li><a href=\"{href}\">{}</a></li>", w(m)))
    .collect();
    // The menu button and the language buttons only work once the app runs: until then
    // they hold their place (nothing moves when the app takes over) but are not shown,
    // reached or read. The links work as plain links.
    [
        START.to_string(),
        "<div id=\"first-screen\">".into(),
        "<header class=\"header\">".into(),
        format!(
            "<a class=\"site-name\" href=\"/\"><span class=\"site-short\">{}</span><span class=\"site-rest\">{}</span></a>",
            w(Msg::SiteShortName),
            w(Msg::SiteNameRest)
        ),
        format!(
            "<a class=\"notices-link\" href=\"/notices\"><span class=\"notices-word\">{}</span></a>",
            w(Msg::NavNotices)
        ),
        format!(
            "<button type=\"button\" tabindex=\"-1\" class=\"menu-button first-placeholder\">{}</button>",
            w(Msg::NavLabel)
        ),
        format!("<nav class=\"site-nav\"><ul>{links}</ul></nav>"),
        format!("<div class=\"lang-switch first-placeholder\"><ul>{languages}</ul></div>"),
        "</header>".into(),
        "<main class=\"main\">".into(),
        format!(
            "<div class=\"read-aloud first-placeholder\"><button type=\"button\" tabindex=\"-1\" class=\"link-button read-aloud-button\">{}</button></div>",
            w(Msg::ReadAloud)
        ),
        // One heading: home's, or on any other address (whose heading comes with the app)
        // the site's name, unseen, for those who move by headings.
        format!(
            "<div class=\"page\"><h1><span class=\"first-home\">{}</span><span class=\"visually-hidden first-other\">{}</span></h1><p class=\"lead first-home\">{}</p></div>",
            w(Msg::HomeTitle),
            w(Msg::SiteName),
            w(Msg::HomeIntro)
        ),
        format!("<p class=\"loading\" role=\"status\">{}</p>", w(Msg::Loading)),
        "</main>".into(),
        "</div>".into(),
        END.to_string(),
    ]
    .join("\n    ")
}

#[test]
fn the_first_screen_in_index_html_is_the_apps_own_text() {
    let lexicon =
        Lexicon::parse(&std::fs::read_to_string("public/catalog/readings.json").unwrap()).unwrap();
    let expected = first_screen(&lexicon);
    let page = std::fs::read_to_string("index.html").unwrap();
    let (before, rest) = page
        .split_once(START)
        .expect("index.html has the first screen's start mark");
    let (_, after) = rest
        .split_once(END)
        .expect("index.html has the first screen's end mark");
    let written = format!(
        "{START}{}{END}",
        &rest[..rest.len() - after.len() - END.len()]
    );
    if written != expected {
        if std::env::var_os("UPDATE_FIRST_SCREEN").is_some() {
            std::fs::write("index.html", format!("{before}{expected}{after}")).unwrap();
            return;
        }
        panic!(
            "index.html's first screen differs from the app's texts; \
             run UPDATE_FIRST_SCREEN=1 cargo test --test first_screen\n\nexpected:\n{expected}"
        );
    }
    // Each variant names every text once: a text missing in one language would leave a
    // gap (or two texts) in the first screen.
    let named: Vec<&str> = expected
        .split("data-v=\"")
        .skip(1)
        .flat_map(|s| s.split('"').next().unwrap_or("").split(' '))
        .collect();
    for (name, _, _) in VARIANTS {
        assert_eq!(named.iter().filter(|n| **n == name).count(), 13, "{name}");
    }
}
