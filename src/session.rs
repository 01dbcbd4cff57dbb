//! A counter session: one citizen served at a city office's counter, from the start to an
//! end that forgets them. Plain data and clock arithmetic, so the idle rule is tested
//! natively; the counter app keeps it and wipes the device when it ends.

use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::ui_text::{answer_display, ct, display_value, section_heading, CounterMsg};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// After this long without a key or a touch, the session ends by itself: a terminal left
/// alone must not show one citizen's data to the next.
pub const IDLE_LIMIT_MS: f64 = 10.0 * 60_000.0;
/// The warning comes this long before the end; WCAG 2.2.1 asks for at least 20 seconds to
/// say "more time".
pub const WARN_BEFORE_MS: f64 = 2.0 * 60_000.0;
const _: () = assert!(WARN_BEFORE_MS >= 20_000.0 && WARN_BEFORE_MS < IDLE_LIMIT_MS);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Whom the session is for, as staff or the citizen's code gave it.
    pub citizen: String,
    /// When it started, in ms since 1970 (the browser's clock).
    pub started_ms: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Idle {
    Active,
    /// The end is near: this many whole seconds are left to say "more time".
    Warning {
        seconds_left: u32,
    },
    /// Time is up: wipe now.
    Over,
}

/// Where a session stands when nothing has happened since `last_activity_ms`.
pub fn idle(last_activity_ms: f64, now_ms: f64) -> Idle {
    let quiet = (now_ms - last_activity_ms).max(0.0);
    if quiet >= IDLE_LIMIT_MS {
        Idle::Over
    } else if quiet >= IDLE_LIMIT_MS - WARN_BEFORE_MS {
        Idle::Warning {
            seconds_left: ((IDLE_LIMIT_MS - quiet) / 1000.0).ceil() as u32,
        }
    } else {
        Idle::Active
    }
}

impl Session {
    /// Whole minutes the session has been open.
    pub fn minutes_open(&self, now_ms: f64) -> u32 {
        ((now_ms - self.started_ms).max(0.0) / 60_000.0).floor() as u32
    }

    /// A stored session, or None for anything else (a session is never half-read).
    pub fn from_stored(raw: &str) -> Option<Session> {
        let s: Session = serde_json::from_str(raw).ok()?;
        (s.started_ms.is_finite() && s.started_ms >= 0.0 && !s.citizen.trim().is_empty())
            .then_some(s)
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).expect("a session serialises")
    }
}

/// What a section of the citizen screen said when the citizen confirmed it: the same
/// rows give the same print, so a value changed afterwards asks for a new confirmation.
/// FNV-1a (64 bits) over each (label, value): a check of sameness, not a secret.
pub fn fingerprint(rows: &[(String, String)]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (label, value) in rows {
        for byte in label
            .bytes()
            .chain([0x1f])
            .chain(value.bytes())
            .chain([0x1e])
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// One section of the citizen screen: what the citizen confirms in one go.
#[derive(Clone, Debug, PartialEq)]
pub struct ScreenSection {
    /// Stable across redraws and languages: "c1:answers", "c1:p1", "c1:worked-out".
    pub id: String,
    pub heading: String,
    /// (label, value) as the citizen reads them in `lang`.
    pub rows: Vec<(String, String)>,
    /// The print of the rows in Japanese, the language of the forms: a confirmation
    /// stays valid when the citizen only switches language.
    pub print: String,
}

/// What the citizen screen shows of a session's state: for each case (the newest first)
/// the answers given (with what is being typed, marked) and each person's values as the
/// forms will carry them.
pub fn screen(state: &AppState, catalog: &Catalog, today: Date, lang: Lang) -> Vec<ScreenSection> {
    let mut out = Vec::new();
    for case in state.cases.iter().rev() {
        let Some(scope) = state.scope(catalog, &case.id, today) else {
            continue;
        };
        let answers = |lang: Lang| -> Vec<(String, String)> {
            scope
                .event
                .questions
                .iter()
                .filter_map(|q| {
                    let value = match (case.answers.get(&q.id), case.drafts.get(&q.id)) {
                        (_, Some(draft)) if case.answers.get(&q.id) != Some(draft) => {
                            format!("{draft}（{}）", ct(lang, CounterMsg::CitizenTyping))
                        }
                        (Some(a), _) => answer_display(q, a, lang),
                        (None, _) => return None,
                    };
                    Some((q.text.get(lang).to_string(), value))
                })
                .collect()
        };
        let rows = answers(lang);
        if !rows.is_empty() {
            out.push(ScreenSection {
                id: format!("{}:answers", case.id),
                heading: format!(
                    "{} — {}",
                    scope.event.title.get(lang),
                    ct(lang, CounterMsg::CitizenAnswers)
                ),
                print: fingerprint(&answers(Lang::Ja)),
                rows,
            });
        }
        for section in crate::onestop::sections(&scope) {
            let owner = section.owner.as_deref();
            let role = owner.and_then(|o| state.role_of(&case.id, o));
            let rows_in = |lang: Lang| -> Vec<(String, String)> {
                section
                    .rows
                    .iter()
                    .map(|u| {
                        let label = catalog.field_label(&u.field, lang);
                        (label, display_value(catalog, &u.field, &u.value, lang))
                    })
                    .collect()
            };
            out.push(ScreenSection {
                id: format!("{}:{}", case.id, owner.unwrap_or("worked-out")),
                heading: section_heading(lang, &state.vault, owner, role, today),
                print: fingerprint(&rows_in(Lang::Ja)),
                rows: rows_in(lang),
            });
        }
    }
    out
}

/// What the citizen confirmed: section id → the print it had.
pub type Confirmed = BTreeMap<String, String>;

/// Whether a section stands confirmed: confirmed, and unchanged since.
pub fn is_confirmed(confirmed: &Confirmed, section: &ScreenSection) -> bool {
    confirmed.get(&section.id) == Some(&section.print)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quiet_terminal_is_warned_then_wiped() {
        let t0 = 1_800_000_000_000.0;
        assert_eq!(idle(t0, t0), Idle::Active);
        assert_eq!(idle(t0, t0 + 7.0 * 60_000.0), Idle::Active);
        assert_eq!(
            idle(t0, t0 + 8.0 * 60_000.0),
            Idle::Warning { seconds_left: 120 }
        );
        assert_eq!(
            idle(t0, t0 + 9.0 * 60_000.0 + 40_500.0),
            Idle::Warning { seconds_left: 20 }
        );
        assert_eq!(idle(t0, t0 + 10.0 * 60_000.0), Idle::Over);
        // A clock set back does not end a session.
        assert_eq!(idle(t0, t0 - 60_000.0), Idle::Active);
    }

    #[test]
    fn a_confirmation_holds_for_the_rows_confirmed_only() {
        let rows = |v: &str| {
            vec![
                ("氏名".to_string(), v.to_string()),
                ("生年月日".into(), "2026-04-16".into()),
            ]
        };
        assert_eq!(
            fingerprint(&rows("山田 𠮷子")),
            fingerprint(&rows("山田 𠮷子"))
        );
        assert_ne!(
            fingerprint(&rows("山田 𠮷子")),
            fingerprint(&rows("山田 吉子"))
        );
        // A value moved from one row to the next is another section.
        let a = vec![("a".to_string(), "bc".to_string())];
        let b = vec![("ab".to_string(), "c".to_string())];
        assert_ne!(fingerprint(&a), fingerprint(&b));
        assert_eq!(fingerprint(&[]).len(), 16);
    }

    #[test]
    fn a_session_is_kept_whole_or_not_at_all() {
        let s = Session {
            citizen: "山田 太郎".into(),
            started_ms: 1_800_000_000_000.0,
        };
        assert_eq!(Session::from_stored(&s.to_stored()), Some(s.clone()));
        assert_eq!(s.minutes_open(s.started_ms + 12.5 * 60_000.0), 12);
        for bad in [
            "",
            "{}",
            "null",
            r#"{"citizen":" ","started_ms":1}"#,
            r#"{"citizen":"a","started_ms":-1}"#,
        ] {
            assert_eq!(Session::from_stored(bad), None, "{bad}");
        }
    }
}
