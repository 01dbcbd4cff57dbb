//! `/notices`: the notice centre. Every notice shown today, one group per situation and
//! day, most important first; each can be read, dismissed or put off to a chosen day; the
//! due dates go to a calendar file; and the citizen's notice settings.

use crate::app::components::calendar::CalendarButton;
use crate::app::components::form::{
    Checkbox, Checkboxes, DateInput, ErrorSummary, Fieldset, Label, Radios, Select,
};
use crate::app::components::layout::{PageHeading, Status};
use crate::app::components::text::mixed;
use crate::app::context::{tr, use_catalog, use_lang, use_store, use_today};
use crate::app::services::browser::{self, Permission};
use crate::app::services::notices::{action, use_notices};
use hitotsu::notice::{self, About, Digest, Importance, Kind, Notice, QuietHours, Sources};
use hitotsu::ui_text::{self as ui, t, Msg};
use leptos::prelude::*;

#[component]
pub fn NoticesPage() -> impl IntoView {
    let lang = use_lang();
    // What the last action did, put in words as shown (it follows a language switch).
    let said = RwSignal::new(None::<Msg>);
    provide_context(said);
    view! {
        <div class="page">
            <PageHeading text=Signal::derive(move || t(lang.get(), Msg::NoticesTitle).to_string())/>
            <p>{tr(Msg::NoticesIntro)}</p>
            <Status text=Signal::derive(move || said.get().map(|m| t(lang.get(), m).to_string()).unwrap_or_default())/>
            <NoticeList/>
            <CalendarExport/>
            <NoticeSettings/>
        </div>
    }
}

/// The digests of today, or that there are none.
#[component]
fn NoticeList() -> impl IntoView {
    let store = use_store();
    let today = use_today();
    let notices = use_notices();
    let digests = Memo::new(move |_| {
        let all = notices.all.get()?;
        Some(store.with(|s| notice::digests(&all, &s.notices, today)))
    });
    view! {
        <div id="notice-list" tabindex="-1">
            {move || match digests.get() {
                None => view! { <p class="loading">{tr(Msg::NoticesLoading)}</p> }.into_any(),
                Some(d) if d.is_empty() => view! { <p>{tr(Msg::NoticesNone)}</p> }.into_any(),
                Some(d) => d.into_iter().map(|d| view! { <DigestView digest=d/> }).collect_view().into_any(),
            }}
        </div>
    }
}

/// `f` given what notices are put in words from, in the page's language: a closure for a
/// view, so the words follow a language switch and the marks.
fn in_words<R>(f: impl Fn(&Sources) -> R + Clone + 'static) -> impl Fn() -> R + Clone + 'static {
    let (lang, store, today, notices) = (use_lang(), use_store(), use_today(), use_notices());
    move || {
        let catalog = use_catalog();
        let cp = notices.checkpoints.get().unwrap_or_default();
        store.with(|s| {
            f(&Sources {
                state: s,
                catalog: &catalog,
                checkpoints: &cp,
                lang: lang.get(),
                today,
                tray: false,
            })
        })
    }
}

fn importance_msg(i: Importance) -> Msg {
    match i {
        Importance::MustAct => Msg::ImportanceMustAct,
        Importance::ShouldKnow => Msg::ImportanceShouldKnow,
        Importance::Info => Msg::ImportanceInfo,
    }
}

/// One situation on one day: its heading, then each notice.
#[component]
fn DigestView(digest: Digest) -> impl IntoView {
    let lang = use_lang();
    let heading_id = format!("digest-{}", digest.id.replace(':', "-"));
    let labelled = heading_id.clone();
    let (bundle, from, importance) = (digest.bundle.clone(), digest.from, digest.importance);
    let heading = in_words(move |w| ui::digest_heading(w.lang, &w.situation(&bundle), from));
    view! {
        <section class="digest" class:digest-must=importance == Importance::MustAct aria-labelledby=labelled>
            <h2 id=heading_id>{move || mixed(lang.get(), heading())}</h2>
            <p class="tag">{tr(importance_msg(importance))}</p>
            <ul class="notices">
                {digest.notices.into_iter().map(|n| view! { <NoticeView notice=n/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let notices = use_notices();
    let said = expect_context::<RwSignal<Option<Msg>>>();
    let id = notice.id.clone();
    let words = {
        let notice = notice.clone();
        in_words(move |w| w.notice(&notice))
    };
    let title = {
        let words = words.clone();
        move || words().title
    };
    let body = move || words().body;
    let unread = {
        let id = id.clone();
        Memo::new(move |_| store.with(|s| !s.notices.mark(&id).read))
    };
    let mark = {
        let id = id.clone();
        move |f: fn(&mut notice::Mark), msg: Option<Msg>| {
            let id = id.clone();
            move |_| {
                store.update(|s| f(s.notices.marks.entry(id.clone()).or_default()));
                if msg.is_some() {
                    said.set(msg);
                    // The notice is gone: focus stays in the list, not on nothing.
                    browser::focus_id("notice-list");
                }
            }
        }
    };
    let read = mark(|m| m.read = true, None);
    let dismiss = mark(|m| m.dismissed = true, Some(Msg::NoticeDismissed));
    let source = match &notice.about {
        About::Checkpoint { checkpoint, .. } => {
            notices.checkpoints.get_untracked().and_then(|cp| {
                cp.get(checkpoint)
                    .map(|c| (c.legal_basis.clone(), c.source.clone()))
            })
        }
        _ => None,
    };
    let href = action(&notice);
    let kind_msg = match notice.about {
        About::Deadline { .. } => Msg::NoticeOpenPlan,
        _ => Msg::NoticeOpenReceipts,
    };
    view! {
        <li class="notice-item">
            <article>
                <h3>
                    {move || unread.get().then(|| view! { <span class="tag tag-unread">{tr(Msg::NoticeUnread)}</span>" "})}
                    {
                        let title = title.clone();
                        move || mixed(lang.get(), title())
                    }
                </h3>
                <p>{move || mixed(lang.get(), body())}</p>
                {source.map(|(basis, url)| {
                    // Each source link says whose it is: a list of "source" links alone would
                    // not tell one from another.
                    let title = title.clone();
                    view! {
                        <p class="source">{move || mixed(lang.get(), format!("{}: {}", t(lang.get(), Msg::LegalBasis), basis.get(lang.get())))}
                            " " <a href=url rel="noopener noreferrer">{tr(Msg::Source)}
                                <span class="visually-hidden">{move || mixed(lang.get(), format!(" ({})", title()))}</span></a></p>
                    }
                })}
                {href.map(|h| view! { <p><a href=h>{tr(kind_msg)}</a></p> })}
                <div class="button-row">
                    {move || unread.get().then(|| {
                        let read = read.clone();
                        view! {
                            <button type="button" class="button button-secondary" on:click=read>{tr(Msg::NoticeMarkRead)}</button>
                        }
                    })}
                    <button type="button" class="button button-secondary" on:click=dismiss>{tr(Msg::NoticeDismiss)}</button>
                </div>
                <Snooze id=id/>
            </article>
        </li>
    }
}

/// Put a notice off to a chosen day: a date, checked, then the notice goes until then.
#[component]
fn Snooze(id: String) -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let today = use_today();
    let said = expect_context::<RwSignal<Option<Msg>>>();
    let value = RwSignal::new(String::new());
    // None: no error; Some(Ok(e)): not a date; Some(Err(())): not after today.
    let error = RwSignal::new(None::<Result<hitotsu::date_input::DateError, ()>>);
    let field = format!("snooze-{}", id.replace(':', "-"));
    let error_text = Signal::derive(move || {
        error.get().map(|e| match e {
            Ok(e) => ui::date_error(lang.get(), e).to_string(),
            Err(()) => t(lang.get(), Msg::NoticeSnoozeFuture).to_string(),
        })
    });
    let errors = {
        let field = field.clone();
        Signal::derive(move || {
            error_text
                .get()
                .map(|e| vec![(field.clone(), e)])
                .unwrap_or_default()
        })
    };
    let save = move |_| match hitotsu::date_input::parse_date(&value.get_untracked()) {
        Err(e) => error.set(Some(Ok(e))),
        Ok(day) if day <= today => error.set(Some(Err(()))),
        Ok(day) => {
            error.set(None);
            store.update(|s| {
                s.notices.marks.entry(id.clone()).or_default().snoozed_until = Some(day)
            });
            said.set(Some(Msg::NoticeSnoozed));
            browser::focus_id("notice-list");
        }
    };
    view! {
        <details class="snooze">
            <summary>{tr(Msg::NoticeSnooze)}</summary>
            <ErrorSummary errors/>
            <DateInput id=field label=Label::Plain(Signal::derive(move || t(lang.get(), Msg::NoticeSnoozeUntil).to_string()))
                error=error_text value=value on_input=Callback::new(move |v| value.set(v))/>
            <button type="button" class="button button-secondary" on:click=save>{tr(Msg::NoticeSnoozeSave)}</button>
        </details>
    }
}

/// Every open due date, as a calendar file.
#[component]
fn CalendarExport() -> impl IntoView {
    view! {
        <h2>{tr(Msg::CalendarExport)}</h2>
        <CalendarButton/>
    }
}

/// The (value, words) of a setting's choices, in the page's language.
fn options<T: Copy + Send + Sync + 'static, const N: usize>(
    lang: Memo<hitotsu::i18n::Lang>,
    choices: &[(T, &'static str, Msg); N],
) -> Signal<Vec<(String, String)>> {
    let choices = *choices;
    Signal::derive(move || {
        choices
            .iter()
            .map(|(_, v, m)| (v.to_string(), t(lang.get(), *m).to_string()))
            .collect()
    })
}

/// Which notices, how important at least, quiet hours, and system notifications.
#[component]
fn NoticeSettings() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let said = expect_context::<RwSignal<Option<Msg>>>();
    let saved = move || said.set(Some(Msg::NoticeSettingsSaved));
    let kinds = [
        (Kind::Deadline, "deadline", Msg::NoticeKindDeadline),
        (Kind::LifeStage, "life_stage", Msg::NoticeKindLifeStage),
        (Kind::Status, "status", Msg::NoticeKindStatus),
    ];
    let kind_options = options(lang, &kinds);
    let kind_values = Signal::derive(move || {
        store.with(|s| {
            kinds
                .iter()
                .filter(|(k, _, _)| s.notices.settings.kinds.contains(k))
                .map(|(_, v, _)| v.to_string())
                .collect::<Vec<_>>()
        })
    });
    let lowest = [
        (Importance::Info, "info", Msg::NoticeLowestInfo),
        (
            Importance::ShouldKnow,
            "should_know",
            Msg::NoticeLowestShouldKnow,
        ),
        (Importance::MustAct, "must_act", Msg::NoticeLowestMustAct),
    ];
    let lowest_options = options(lang, &lowest);
    let lowest_value = Signal::derive(move || {
        store.with(|s| {
            lowest
                .iter()
                .find(|(i, _, _)| *i == s.notices.settings.lowest)
                .map_or("info", |(_, v, _)| *v)
                .to_string()
        })
    });
    view! {
        <h2>{tr(Msg::NoticeSettingsTitle)}</h2>
        <Checkboxes name="notice-kinds" legend=Label::Plain(Signal::derive(move || t(lang.get(), Msg::NoticeKindsLegend).to_string()))
            error=Signal::derive(|| None::<String>) options=kind_options values=kind_values
            on_change=Callback::new(move |chosen: Vec<String>| {
                store.update(|s| s.notices.settings.kinds = kinds.iter().filter(|(_, v, _)| chosen.iter().any(|c| c == v)).map(|(k, _, _)| *k).collect());
                saved();
            })/>
        <Radios name="notice-lowest" legend=Label::Plain(Signal::derive(move || t(lang.get(), Msg::NoticeLowestLegend).to_string()))
            error=Signal::derive(|| None::<String>) options=lowest_options value=lowest_value
            on_change=Callback::new(move |v: String| {
                store.update(|s| s.notices.settings.lowest = lowest.iter().find(|(_, x, _)| *x == v).map_or(Importance::Info, |(i, _, _)| *i));
                saved();
            })/>
        <QuietHoursField/>
        <SystemNotifications/>
    }
}

/// Two hours of the day, or none.
#[component]
fn QuietHoursField() -> impl IntoView {
    let lang = use_lang();
    let store = use_store();
    let said = expect_context::<RwSignal<Option<Msg>>>();
    let hours = Signal::derive(move || {
        std::iter::once((
            "none".to_string(),
            t(lang.get(), Msg::NoticeQuietNone).to_string(),
        ))
        .chain((0u8..24).map(|h| (h.to_string(), ui::hour(lang.get(), h))))
        .collect::<Vec<_>>()
    });
    let select = move |id: &'static str,
                       label: Msg,
                       get: fn(&QuietHours) -> u8,
                       set: fn(&mut QuietHours, u8)| {
        let value = Signal::derive(move || {
            store.with(|s| {
                s.notices
                    .settings
                    .quiet
                    .map_or("none".to_string(), |q| get(&q).to_string())
            })
        });
        let change = Callback::new(move |v: String| {
            if v.is_empty() {
                return;
            }
            store.update(|s| {
                s.notices.settings.quiet = v.parse::<u8>().ok().map(|h| {
                    let mut q = s
                        .notices
                        .settings
                        .quiet
                        .unwrap_or(QuietHours { from: 21, to: 8 });
                    set(&mut q, h.min(23));
                    q
                })
            });
            said.set(Some(Msg::NoticeSettingsSaved));
        });
        view! {
            <Select id=id label=Label::Plain(Signal::derive(move || t(lang.get(), label).to_string()))
                error=Signal::derive(|| None::<String>) options=hours value on_change=change/>
        }
    };
    view! {
        <Fieldset id="quiet" legend=Label::Plain(Signal::derive(move || t(lang.get(), Msg::NoticeQuietLegend).to_string()))>
            {select("quiet-from", Msg::NoticeQuietFrom, |q| q.from, |q, h| q.from = h)}
            {select("quiet-to", Msg::NoticeQuietTo, |q| q.to, |q, h| q.to = h)}
        </Fieldset>
    }
}

/// System notifications: asking the browser's permission only when turned on here; a
/// refusal explained, and the setting left off.
#[component]
fn SystemNotifications() -> impl IntoView {
    let store = use_store();
    let said = expect_context::<RwSignal<Option<Msg>>>();
    let problem = RwSignal::new(match browser::notification_permission() {
        Permission::Unsupported => Some(Msg::NoticeSystemUnsupported),
        _ => None,
    });
    let on = Signal::derive(move || store.with(|s| s.notices.settings.system));
    let change = Callback::new(move |want: bool| {
        if !want {
            store.update(|s| s.notices.settings.system = false);
            said.set(Some(Msg::NoticeSettingsSaved));
            return;
        }
        leptos::task::spawn_local(async move {
            let answer = match browser::notification_permission() {
                Permission::Granted => Permission::Granted,
                Permission::Ask => browser::request_notification_permission().await,
                other => other,
            };
            let granted = answer == Permission::Granted;
            store.update(|s| s.notices.settings.system = granted);
            problem.set(match answer {
                Permission::Granted => None,
                Permission::Unsupported => Some(Msg::NoticeSystemUnsupported),
                _ => Some(Msg::NoticeSystemDenied),
            });
            said.set(Some(if granted {
                Msg::NoticeSettingsSaved
            } else {
                Msg::NoticeSystemDenied
            }));
        });
    });
    let lang = use_lang();
    view! {
        <Fieldset id="notice-system-group" legend=Label::Plain(Signal::derive(move || t(lang.get(), Msg::NoticeSystemLegend).to_string()))
            hint=Signal::derive(move || t(lang.get(), Msg::NoticeSystemHint).to_string())>
            {move || problem.get().map(|m| view! { <p class="notice">{tr(m)}</p> })}
            <Checkbox id="notice-system" checked=on on_change=change>{tr(Msg::NoticeSystemOn)}</Checkbox>
        </Fieldset>
    }
}
