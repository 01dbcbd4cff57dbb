//! One procedure of a plan as a card: when it is due and how that was counted, who files
//! it, where and how, what to bring, where it stands; the legal detail folded away.

use crate::app::components::form::Checkbox;
use crate::app::components::heirs_periods::HeirsOwnPeriods;
use crate::app::components::text::mixed;
use crate::app::context::use_lang;
use hitotsu::i18n::Lang;
use hitotsu::ui_text::{t, Msg};
use leptos::prelude::*;

/// Everything a card shows, in the page's language.
#[derive(Clone)]
pub struct CardData {
    pub id: String,
    pub title: String,
    pub description: String,
    /// "Thu 30 April 2026 (10 days left)", or "No fixed deadline".
    pub due: String,
    pub counted: String,
    pub who: Option<String>,
    /// Closed by an answer (with the reason), prepared, handed over, sent …
    pub state: Option<String>,
    pub agency: String,
    pub channels: String,
    pub online: Option<(String, String)>,
    pub waits_for: Option<String>,
    pub bring: Vec<String>,
    pub note: Option<String>,
    /// The answers that put it in the plan, one line each.
    pub why: Vec<String>,
    pub legal_basis: String,
    pub source: String,
    pub done: bool,
    /// Closed or provided: nothing to tick.
    pub settled: bool,
    /// Each heir files their own: their own last days are listed.
    pub each_heir: bool,
}

#[component]
pub fn ProcedureCard(
    card: CardData,
    /// Where the recipient's status stands, kept up to date apart from the card.
    #[prop(into)]
    status: Signal<Option<String>>,
    on_done: Callback<bool>,
) -> impl IntoView {
    let lang: Lang = use_lang().get_untracked();
    let heading_id = crate::app::routes::procedure_anchor(&card.id);
    let labelled = heading_id.clone();
    let done = RwSignal::new(card.done);
    let bring = card
        .bring
        .iter()
        .map(|d| view! { <li>{mixed(lang, d.clone())}</li> })
        .collect_view();
    let title = card.title.clone();
    view! {
        <li class="procedure" class:procedure-done=done>
            <article aria-labelledby=labelled>
                <h3 id=heading_id>{mixed(lang, card.title.clone())}</h3>
                <p>{mixed(lang, card.description)}</p>
                <dl class="facts">
                    <dt>{mixed(lang, t(lang, Msg::Due))}</dt>
                    <dd class="due">{mixed(lang, card.due)}</dd>
                    {card.who.map(|w| view! { <dt>{mixed(lang, t(lang, Msg::WhoFiles))}</dt><dd class="who">{mixed(lang, w)}</dd> })}
                    {card.state.map(|s| view! { <dt>{mixed(lang, t(lang, Msg::Status))}</dt><dd class="procedure-state">{mixed(lang, s)}</dd> })}
                    {move || status.get().map(|s| view! { <dt>{mixed(lang, t(lang, Msg::RecipientStatus))}</dt><dd class="packet-status">{mixed(lang, s)}</dd> })}
                    <dt>{mixed(lang, t(lang, Msg::Where))}</dt>
                    <dd>{mixed(lang, card.agency)}</dd>
                    <dt>{mixed(lang, t(lang, Msg::How))}</dt>
                    <dd>{mixed(lang, card.channels)}</dd>
                    {(!card.why.is_empty()).then(|| view! {
                        <dt>{mixed(lang, t(lang, Msg::WhyListed))}</dt>
                        <dd class="why"><ul>{card.why.into_iter().map(|w| view! { <li>{mixed(lang, w)}</li> }).collect_view()}</ul></dd>
                    })}
                </dl>
                {card.online.map(|(name, url)| view! {
                    <p class="online"><strong>{mixed(lang, t(lang, Msg::OnlineInstead))}": "</strong>
                        <a href=url rel="noopener noreferrer">{mixed(lang, name)}</a></p>
                })}
                {card.waits_for.map(|w| view! { <p class="waits-for"><strong>{mixed(lang, t(lang, Msg::WaitsFor))}": "</strong>{mixed(lang, w)}</p> })}
                {card.each_heir.then(|| view! { <HeirsOwnPeriods procedure=card.id.clone()/> })}
                <h4>{mixed(lang, t(lang, Msg::Bring))}</h4>
                <ul class="bring">{bring}</ul>
                <details class="legal-detail">
                    <summary>{mixed(lang, t(lang, Msg::LegalDetail))}<span class="visually-hidden">{mixed(lang, format!(": {}", card.title))}</span></summary>
                    <dl class="facts">
                        <dt>{mixed(lang, t(lang, Msg::HowCounted))}</dt>
                        <dd class="counted">{mixed(lang, card.counted)}</dd>
                        <dt>{mixed(lang, t(lang, Msg::LegalBasis))}</dt>
                        <dd class="legal">{mixed(lang, card.legal_basis)}</dd>
                    </dl>
                    {card.note.map(|n| view! { <p class="note"><strong>{mixed(lang, t(lang, Msg::UnsureNote))}": "</strong>{mixed(lang, n)}</p> })}
                    <p><a href=card.source rel="noopener noreferrer">{mixed(lang, t(lang, Msg::Source))}<span class="visually-hidden">{mixed(lang, format!(" ({})", card.title))}</span></a></p>
                </details>
                {(!card.settled).then(|| view! {
                    <Checkbox id=format!("done-{}", card.id) checked=done on_change=Callback::new(move |on| {
                        done.set(on);
                        on_done.run(on);
                    })>
                        {mixed(lang, t(lang, Msg::MarkDone))}<span class="visually-hidden">{mixed(lang, format!(": {title}"))}</span>
                    </Checkbox>
                })}
            </article>
        </li>
    }
}
