//! `/settings`: how the app looks — text size, contrast, light or dark, readings over
//! kanji — and how fast it reads aloud, remembered on this device and applied at once.

use crate::app::components::form::{Label, Radios};
use crate::app::components::layout::{PageHeading, Status};
use crate::app::context::{tr, use_lang, use_store};
use hitotsu::state::{Contrast, Display, SpeechRate, TextSize, Theme};
use hitotsu::ui_text::{t, Msg};
use leptos::prelude::*;

/// One setting: its radios, the value it shows and how a choice changes the display.
fn setting(
    name: &'static str,
    legend: Msg,
    options: &'static [(&'static str, Msg)],
    get: fn(&Display) -> &'static str,
    set: fn(&mut Display, &str),
) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let status = expect_context::<RwSignal<Option<Msg>>>();
    let value = Signal::derive(move || store.with(|s| get(&s.display).to_string()));
    let labels = Signal::derive(move || {
        options
            .iter()
            .map(|(v, m)| (v.to_string(), t(lang.get(), *m).to_string()))
            .collect::<Vec<_>>()
    });
    let on_change = Callback::new(move |v: String| {
        store.update(|s| set(&mut s.display, &v));
        status.set(Some(Msg::SettingSaved));
    });
    view! {
        <Radios name=name legend=Label::Plain(Signal::derive(move || t(lang.get(), legend).to_string()))
            error=Signal::derive(|| None::<String>) options=labels value on_change/>
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let lang = use_lang();
    // The message, put in words as it is shown, so it follows a language switch.
    let status = RwSignal::new(None::<Msg>);
    provide_context(status);
    let said = Signal::derive(move || {
        status
            .get()
            .map(|m| t(lang.get(), m).to_string())
            .unwrap_or_default()
    });
    view! {
        <div class="page">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::SettingsTitle).to_string())/>
            <p>{tr(Msg::SettingsIntro)}</p>
            <Status text=said/>
            {setting("text-size", Msg::TextSizeLegend, &[("standard", Msg::TextStandard), ("large", Msg::TextLarge), ("larger", Msg::TextLarger)],
                |d| match d.text { TextSize::Standard => "standard", TextSize::Large => "large", TextSize::Larger => "larger" },
                |d, v| d.text = match v { "large" => TextSize::Large, "larger" => TextSize::Larger, _ => TextSize::Standard })}
            {setting("contrast", Msg::ContrastLegend, &[("standard", Msg::ContrastStandard), ("high", Msg::ContrastHigh)],
                |d| if d.contrast == Contrast::High { "high" } else { "standard" },
                |d, v| d.contrast = if v == "high" { Contrast::High } else { Contrast::Standard })}
            {setting("theme", Msg::ThemeLegend, &[("system", Msg::ThemeSystem), ("light", Msg::ThemeLight), ("dark", Msg::ThemeDark)],
                |d| match d.theme { Theme::System => "system", Theme::Light => "light", Theme::Dark => "dark" },
                |d, v| d.theme = match v { "light" => Theme::Light, "dark" => Theme::Dark, _ => Theme::System })}
            {setting("furigana", Msg::FuriganaLegend, &[("off", Msg::FuriganaOff), ("on", Msg::FuriganaOn)],
                |d| if d.furigana { "on" } else { "off" },
                |d, v| d.furigana = v == "on")}
            {setting("speech", Msg::SpeechRateLegend, &[("slower", Msg::SpeechSlower), ("normal", Msg::SpeechNormal), ("faster", Msg::SpeechFaster)],
                |d| match d.speech { SpeechRate::Slower => "slower", SpeechRate::Normal => "normal", SpeechRate::Faster => "faster" },
                |d, v| d.speech = match v { "slower" => SpeechRate::Slower, "faster" => SpeechRate::Faster, _ => SpeechRate::Normal })}
            // A citizen's own device only: a counter keeps no one's file.
            {crate::app::mode().counter.is_none().then(|| view! {
                <h2>{tr(Msg::SharedDeviceTitle)}</h2>
                <ul class="link-list">
                    <li><a href=crate::app::routes::lock()>{tr(Msg::LockTitle)}</a></li>
                    <li><a href=crate::app::routes::files()>{tr(Msg::FilesLink)}</a></li>
                </ul>
            })}
        </div>
    }
}
