//! A counter session: one citizen served at a city office's counter, from the start to an
//! end that forgets them. Plain data and clock arithmetic, so the idle rule and what a
//! counter does when it starts are tested natively; the counter app keeps the session
//! sealed with the state (`AppState::counter`) and wipes the device when it ends.
//!
//! What a counter device keeps on disk: the session sealed under a key that only its
//! windows hold (`files::Sealed`, no passcode), and beside it, in plain, only when the
//! session was last used (`Activity`: an id and a time, nothing of the citizen).

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// After this long without a key or a touch in any window of the session (the citizen
/// screen's included), the session ends by itself: a terminal left alone must not show
/// one citizen's data to the next.
pub const IDLE_LIMIT_MS: f64 = 10.0 * 60_000.0;
/// The warning comes this long before the end; WCAG 2.2.1 asks for at least 20 seconds to
/// say "more time".
pub const WARN_BEFORE_MS: f64 = 2.0 * 60_000.0;
const _: () = assert!(WARN_BEFORE_MS >= 20_000.0 && WARN_BEFORE_MS < IDLE_LIMIT_MS);

/// The session a counter's state belongs to: kept sealed with it, so nothing of it (not
/// even whom it is for) is readable once its windows are gone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CounterSession {
    /// Random, to tell sessions apart (a packet left waiting, the activity record).
    pub id: String,
    /// Whom the session is for, as staff or the citizen's code gave it.
    pub citizen: String,
    /// When it started, in ms since 1970 (the browser's clock).
    pub started_ms: f64,
    /// What the citizen confirmed on their screen: section id → the print it had then.
    #[serde(default)]
    pub confirmed: Confirmed,
    /// The language the citizen reads their screen in, apart from the staff's.
    #[serde(default)]
    pub citizen_lang: Lang,
    /// Values the citizen chose to see in full on their screen (masked otherwise).
    #[serde(default)]
    pub revealed: BTreeSet<String>,
}

impl CounterSession {
    /// Whole minutes the session has been open.
    pub fn minutes_open(&self, now_ms: f64) -> u32 {
        ((now_ms - self.started_ms).max(0.0) / 60_000.0).floor() as u32
    }
}

/// What the citizen confirmed: section id → the print it had.
pub type Confirmed = BTreeMap<String, String>;

/// When a session was last used, in plain beside the sealed session: every window of the
/// session and the next counter start read it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub session: String,
    pub at_ms: f64,
}

impl Activity {
    pub fn from_stored(raw: &str) -> Option<Activity> {
        let a: Activity = serde_json::from_str(raw).ok()?;
        (a.at_ms.is_finite() && a.at_ms >= 0.0 && !a.session.is_empty()).then_some(a)
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).expect("an activity serialises")
    }
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

/// What a counter window does when it starts, before it draws anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtStart {
    /// No session on the device.
    Nothing,
    /// A session another window of this device holds (or this one, reloaded): go on in it.
    Resume,
    /// A session nobody can read any more (every window of it closed or crashed), or one
    /// left quiet past the limit: wiped before anything is drawn.
    Wipe,
}

/// `sealed`: the device holds a sealed session; `key`: this window found its key (its own
/// from before a reload, or another window's); `activity`: the session's last use.
pub fn at_start(sealed: bool, key: bool, activity: Option<&Activity>, now_ms: f64) -> AtStart {
    match (sealed, key, activity) {
        (false, _, None) => AtStart::Nothing,
        // A stray record of activity with no session: wiped with the rest.
        (false, _, Some(_)) => AtStart::Wipe,
        (true, false, _) | (true, true, None) => AtStart::Wipe,
        (true, true, Some(a)) if idle(a.at_ms, now_ms) == Idle::Over => AtStart::Wipe,
        (true, true, Some(_)) => AtStart::Resume,
    }
}

/// What a section of the citizen screen said when the citizen confirmed it: the same
/// rows give the same print, so a value changed afterwards asks for a new confirmation.
/// FNV-1a (64 bits) over each (label, value): a check of sameness, not a secret (and kept
/// sealed with the session).
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

/// Attributes shown masked on the screen turned to the citizen (a monitor others in the
/// office can see): identity and card numbers, and bank accounts.
pub const MASKED: [&str; 7] = [
    "my_number",
    "licence_number",
    "residence_card_number",
    "insurance_number",
    "pension_number",
    "bank_account",
    "account_numbers",
];

/// A number as the citizen screen shows it until the citizen asks to see it: every
/// letter and digit but the last four hidden ("••••••••9018"); spaces, hyphens and words
/// kept, so its shape is still recognisable.
pub fn mask(value: &str) -> String {
    // Digits (any width) and Latin letters are what a number is made of; words (a bank's
    // name) stay readable.
    let maskable = |c: char| c.is_ascii_alphanumeric() || c.is_numeric();
    let mut hidden = value
        .chars()
        .filter(|c| maskable(*c))
        .count()
        .saturating_sub(4);
    value
        .chars()
        .map(|c| {
            if maskable(c) && hidden > 0 {
                hidden -= 1;
                '•'
            } else {
                c
            }
        })
        .collect()
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
    fn a_counter_start_wipes_what_nobody_holds_or_what_was_left_quiet() {
        let t0 = 1_800_000_000_000.0;
        let a = Activity {
            session: "s1".into(),
            at_ms: t0,
        };
        assert_eq!(at_start(false, false, None, t0), AtStart::Nothing);
        assert_eq!(
            at_start(true, true, Some(&a), t0 + 60_000.0),
            AtStart::Resume
        );
        // Every window closed or crashed: the key went with them.
        assert_eq!(
            at_start(true, false, Some(&a), t0 + 60_000.0),
            AtStart::Wipe
        );
        // Two hours later, the next start: stale.
        assert_eq!(
            at_start(true, true, Some(&a), t0 + 120.0 * 60_000.0),
            AtStart::Wipe
        );
        assert_eq!(at_start(true, true, None, t0), AtStart::Wipe);
        assert_eq!(at_start(false, false, Some(&a), t0), AtStart::Wipe);
    }

    #[test]
    fn an_activity_record_is_read_whole_or_not_at_all() {
        let a = Activity {
            session: "s1".into(),
            at_ms: 1_800_000_000_000.0,
        };
        assert_eq!(Activity::from_stored(&a.to_stored()), Some(a));
        for bad in [
            "",
            "{}",
            "null",
            r#"{"session":"","at_ms":1}"#,
            r#"{"session":"a","at_ms":-1}"#,
        ] {
            assert_eq!(Activity::from_stored(bad), None, "{bad}");
        }
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
    fn numbers_on_the_public_screen_show_their_last_four_digits_only() {
        assert_eq!(mask("123456789018"), "••••••••9018");
        assert_eq!(mask("1234 5678 9018"), "•••• •••• 9018");
        assert_eq!(mask("ゆうちょ 10180-1234567"), "ゆうちょ •••••-•••4567");
        assert_eq!(mask("AB12345678CD"), "••••••••78CD");
        assert_eq!(mask("123"), "123");
        assert_eq!(mask(""), "");
    }
}
