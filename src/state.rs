//! What the app keeps in browser storage: the language and every open life event with
//! its answers, what was typed but not yet accepted, the step reached and what is done.
//! Serialised as one JSON document with a version, so later versions can migrate it.

use crate::condition::Answers;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub const STATE_VERSION: u32 = 1;
pub const STORAGE_KEY: &str = "hitotsu.state";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppState {
    pub version: u32,
    pub lang: Lang,
    pub cases: Vec<Case>,
    /// Increases with every case created, so ids are never reused after a delete.
    #[serde(default)]
    pub next_id: u32,
}

impl Default for AppState {
    fn default() -> Self {
        AppState { version: STATE_VERSION, lang: Lang::Ja, cases: Vec::new(), next_id: 1 }
    }
}

/// One life event the citizen is going through.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub event: String,
    /// ISO date the case was started.
    pub started: String,
    pub answers: Answers,
    /// What is in a field right now, accepted or not: a reload shows exactly this.
    #[serde(default)]
    pub drafts: BTreeMap<String, String>,
    /// The question id the citizen is on, or "plan".
    pub step: String,
    #[serde(default)]
    pub done: BTreeSet<String>,
}

pub const PLAN_STEP: &str = "plan";

/// Why stored state could not be used as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    /// Not our JSON at all; the raw text is kept aside by the app.
    Unreadable,
    /// Written by a newer version of the app.
    Newer(u32),
}

impl AppState {
    /// Reads stored state. Nothing stored gives the default; a store we cannot read gives
    /// the default and the problem, so the app can keep the raw text aside and say so.
    pub fn from_stored(raw: Option<&str>) -> (AppState, Option<LoadProblem>) {
        let Some(raw) = raw else { return (AppState::default(), None) };
        match serde_json::from_str::<AppState>(raw) {
            Ok(s) if s.version > STATE_VERSION => (AppState::default(), Some(LoadProblem::Newer(s.version))),
            Ok(mut s) => {
                s.next_id = s.next_id.max(s.cases.len() as u32 + 1);
                (s, None)
            }
            Err(_) => (AppState::default(), Some(LoadProblem::Unreadable)),
        }
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).expect("state serialises")
    }

    pub fn case(&self, id: &str) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == id)
    }

    pub fn case_mut(&mut self, id: &str) -> Option<&mut Case> {
        self.cases.iter_mut().find(|c| c.id == id)
    }

    /// Opens a new case and returns its id.
    pub fn open_case(&mut self, event: &str, first_step: &str, today: &str) -> String {
        let id = format!("c{}", self.next_id.max(1));
        self.next_id = self.next_id.max(1) + 1;
        self.cases.push(Case {
            id: id.clone(),
            event: event.to_string(),
            started: today.to_string(),
            answers: Answers::new(),
            drafts: BTreeMap::new(),
            step: first_step.to_string(),
            done: BTreeSet::new(),
        });
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_ids_never_reused() {
        let mut s = AppState::default();
        let a = s.open_case("birth", "birth_date", "2026-04-20");
        let b = s.open_case("moving", "move_kind", "2026-04-20");
        assert_ne!(a, b);
        s.cases.retain(|c| c.id != b);
        let c = s.open_case("death", "death_date", "2026-04-20");
        assert_ne!(b, c);
        let (back, problem) = AppState::from_stored(Some(&s.to_stored()));
        assert_eq!((back, problem), (s, None));
    }

    #[test]
    fn unreadable_or_newer_state_is_reported_not_crashed_on() {
        assert_eq!(AppState::from_stored(Some("{not json")).1, Some(LoadProblem::Unreadable));
        let newer = r#"{"version": 99, "lang": "en", "cases": []}"#;
        assert_eq!(AppState::from_stored(Some(newer)).1, Some(LoadProblem::Newer(99)));
        assert_eq!(AppState::from_stored(None), (AppState::default(), None));
    }
}
