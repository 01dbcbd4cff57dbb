//! `/accessibility`: the accessibility statement — what the service aims for, how it was
//! tested, what is known not to work yet, and how to report a problem.

use crate::app::components::layout::PageHeading;
use crate::app::context::{tr, use_lang};
use hitotsu::ui_text::{t, Msg};
use leptos::prelude::*;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let lang = use_lang();
    let list = |items: &'static [Msg]| {
        items
            .iter()
            .map(|m| view! { <li>{tr(*m)}</li> })
            .collect_view()
    };
    view! {
        <div class="page">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::AccessibilityTitle).to_string())/>
            <p>{tr(Msg::A11yIntro)}</p>
            <h2>{tr(Msg::A11yTargetTitle)}</h2>
            <p>{tr(Msg::A11yTarget)}</p>
            <h2>{tr(Msg::A11yTestedTitle)}</h2>
            <ul>{list(&[Msg::A11yTestedAxe, Msg::A11yTestedKeyboard, Msg::A11yTestedReader, Msg::A11yTestedZoom, Msg::A11yTestedColours])}</ul>
            <h2>{tr(Msg::A11yLimitsTitle)}</h2>
            <ul>{list(&[Msg::A11yLimitReadings, Msg::A11yLimitLanguages, Msg::A11yLimitReadAloud, Msg::A11yLimitSheets])}</ul>
            <h2>{tr(Msg::A11yReportTitle)}</h2>
            <p>{tr(Msg::A11yReport)}</p>
        </div>
    }
}
