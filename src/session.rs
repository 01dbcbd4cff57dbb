//! A counter session: one citizen served at a city office's counter, from the start to an
//! end that forgets them. Plain data and clock arithmetic, so the idle rule is tested
//! natively; the counter app keeps it and wipes the device when it ends.

use serde::{Deserialize, Serialize};

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
