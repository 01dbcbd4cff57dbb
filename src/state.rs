//! What the app keeps in browser storage: the language, every open life event with its
//! answers and drafts, the vault, the outbox and the record of what was shared.
//! One versioned JSON document: older versions are migrated; a damaged one is salvaged
//! part by part and what could not be read is reported, never silently dropped.

use crate::condition::Answers;
use crate::i18n::Lang;
use crate::outbox::Outbox;
use crate::catalog::{Catalog, Subject};
use crate::onestop::Packet;
use crate::vault::{fact_key, PersonKind, Roles, Vault};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Version 1: cases only. Version 2: the vault, the outbox and the sharing record.
pub const STATE_VERSION: u32 = 2;
pub const STORAGE_KEY: &str = "hitotsu.state";
pub const EXPORT_FORMAT: &str = "hitotsu-export";
/// Larger than any real household's data by far; a bigger file is not ours.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppState {
    pub version: u32,
    pub lang: Lang,
    pub cases: Vec<Case>,
    /// Increases with every case created, so ids are never reused after a delete.
    #[serde(default)]
    pub next_id: u32,
    #[serde(default)]
    pub vault: Vault,
    #[serde(default)]
    pub outbox: Outbox,
    /// Every fact sent or handed to a recipient: the citizen's record of the use of their data.
    #[serde(default)]
    pub shared: Vec<Shared>,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            version: STATE_VERSION,
            lang: Lang::Ja,
            cases: Vec::new(),
            next_id: 1,
            vault: Vault::new(),
            outbox: Outbox::default(),
            shared: Vec::new(),
        }
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
    /// The page the citizen is on: a question id, "plan", or a later one-stop step.
    pub step: String,
    #[serde(default)]
    pub done: BTreeSet<String>,
    /// The people this case is about (its child, its deceased).
    #[serde(default)]
    pub roles: Roles,
    /// Packets sent or prepared, by recipient.
    #[serde(default)]
    pub packets: BTreeMap<String, PacketRecord>,
}

/// The steps after the questionnaire, as stored in `Case::step` (a question id otherwise).
pub const PLAN_STEP: &str = "plan";
pub const CHECK_STEP: &str = "check";
pub const RECEIPTS_STEP: &str = "receipts";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PacketStatus {
    /// Printed or shown for the counter (no endpoint), or queued to send.
    Prepared,
    Sent,
    Received,
    NeedsAction,
    Done,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PacketRecord {
    pub id: String,
    pub procedures: Vec<String>,
    pub fields: Vec<String>,
    pub documents: Vec<String>,
    pub status: PacketStatus,
    /// The endpoint's receipt number, or the local one of a prepared packet.
    pub receipt: String,
    /// ISO date.
    pub date: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    pub field: String,
    pub recipient: String,
    pub procedure: String,
    pub case: String,
    pub date: String,
    pub sent: bool,
}

/// What could not be used of the stored state.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    /// Not our JSON at all; the raw text is kept aside by the app.
    Unreadable,
    /// Written by a newer version of the app.
    Newer(u32),
    /// Parts were damaged and left out: what they were.
    PartsLost(Vec<String>),
}

/// Why an import file was refused; nothing is changed.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge,
    NotOurs,
    Newer(u32),
    Damaged(Vec<String>),
}

/// Brings an older document up to STATE_VERSION. Version 1 had no vault, outbox or
/// sharing record; serde's defaults add them empty, so only the number changes.
fn migrate(mut v: Value) -> Value {
    if v.get("version").and_then(Value::as_u64) == Some(1) {
        v["version"] = STATE_VERSION.into();
    }
    v
}

/// Reads a state document part by part: a damaged case, vault or outbox is left out and
/// named; everything else is kept.
fn salvage(v: &Value) -> (AppState, Vec<String>) {
    let mut lost = Vec::new();
    let mut s = AppState::default();
    if let Some(lang) = v.get("lang").and_then(|l| serde_json::from_value(l.clone()).ok()) {
        s.lang = lang;
    }
    if let Some(cases) = v.get("cases").and_then(Value::as_array) {
        for (i, c) in cases.iter().enumerate() {
            match serde_json::from_value::<Case>(c.clone()) {
                Ok(c) => s.cases.push(c),
                Err(_) => lost.push(format!("cases[{i}] ({})", c.get("id").and_then(Value::as_str).unwrap_or("?"))),
            }
        }
    } else if v.get("cases").is_some() {
        lost.push("cases".into());
    }
    macro_rules! part {
        ($name:literal, $field:ident) => {
            if let Some(p) = v.get($name) {
                match serde_json::from_value(p.clone()) {
                    Ok(x) => s.$field = x,
                    Err(_) => lost.push($name.into()),
                }
            }
        };
    }
    part!("vault", vault);
    part!("outbox", outbox);
    part!("shared", shared);
    let max_case = s.cases.iter().filter_map(|c| c.id.trim_start_matches('c').parse::<u32>().ok()).max().unwrap_or(0);
    s.next_id = v.get("next_id").and_then(Value::as_u64).map_or(1, |n| n as u32).max(max_case + 1);
    (s, lost)
}

impl AppState {
    /// Reads stored state. Nothing stored gives the default; a store we cannot read gives
    /// the default and the problem, so the app can keep the raw text aside and say so.
    pub fn from_stored(raw: Option<&str>) -> (AppState, Option<LoadProblem>) {
        let Some(raw) = raw else { return (AppState::default(), None) };
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            return (AppState::default(), Some(LoadProblem::Unreadable));
        };
        if !v.is_object() {
            return (AppState::default(), Some(LoadProblem::Unreadable));
        }
        let version = v.get("version").and_then(Value::as_u64).unwrap_or(0) as u32;
        if version > STATE_VERSION {
            return (AppState::default(), Some(LoadProblem::Newer(version)));
        }
        let (state, lost) = salvage(&migrate(v));
        (state, (!lost.is_empty()).then_some(LoadProblem::PartsLost(lost)))
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).expect("state serialises")
    }

    /// Everything, as a file the app can import again.
    pub fn export(&self, today: &str) -> String {
        let doc = serde_json::json!({ "format": EXPORT_FORMAT, "version": STATE_VERSION, "exported": today, "state": self });
        serde_json::to_string_pretty(&doc).expect("state serialises")
    }

    /// Reads an exported file; refuses, changing nothing, what is not ours, too large,
    /// from a newer version or damaged.
    pub fn import(text: &str) -> Result<AppState, ImportError> {
        if text.len() > MAX_IMPORT_BYTES {
            return Err(ImportError::TooLarge);
        }
        let v: Value = serde_json::from_str(text).map_err(|_| ImportError::NotOurs)?;
        if v.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
            return Err(ImportError::NotOurs);
        }
        let version = v.get("version").and_then(Value::as_u64).unwrap_or(0) as u32;
        if version > STATE_VERSION {
            return Err(ImportError::Newer(version));
        }
        let state = v.get("state").filter(|s| s.is_object()).ok_or(ImportError::NotOurs)?;
        let (state, lost) = salvage(&migrate(state.clone()));
        if lost.is_empty() {
            Ok(state)
        } else {
            Err(ImportError::Damaged(lost))
        }
    }

    /// Records that `packet` of a case was handed to its recipient (sent through the
    /// endpoint, or prepared for the counter): the packet record and its receipt, one
    /// "what was shared" entry per fact and procedure, and the facts' last use. When
    /// `idempotency_key` is given the packet also goes into the outbox.
    pub fn hand_over(
        &mut self,
        catalog: &Catalog,
        case_id: &str,
        packet: &Packet,
        today: &str,
        idempotency_key: Option<(&str, f64)>,
    ) -> Option<String> {
        let case = self.case(case_id)?.clone();
        let event = catalog.event(&case.event)?;
        let id = format!("{case_id}-{}", packet.agency);
        for p in event.procedures.iter().filter(|p| packet.procedures.contains(&p.id)) {
            for field in &p.fields {
                self.shared.push(Shared {
                    field: field.clone(),
                    recipient: packet.agency.clone(),
                    procedure: p.id.clone(),
                    case: case_id.into(),
                    date: today.into(),
                    sent: idempotency_key.is_some(),
                });
                if let Some(key) = fact_key(catalog, field, case_id, &case.roles) {
                    self.vault.mark_used(&key, today);
                }
            }
        }
        if let Some((key, now_ms)) = idempotency_key {
            self.outbox.enqueue(&id, key, packet.body(&id, &event.id, today), now_ms);
        }
        let record = PacketRecord {
            id: id.clone(),
            procedures: packet.procedures.clone(),
            fields: packet.facts.iter().map(|(f, _)| f.clone()).collect(),
            documents: packet.documents.clone(),
            status: PacketStatus::Prepared,
            receipt: format!("H-{}-{id}", today.replace('-', "")),
            date: today.into(),
        };
        let c = self.case_mut(case_id)?;
        c.packets.insert(packet.agency.clone(), record);
        c.step = RECEIPTS_STEP.into();
        Some(id)
    }

    pub fn case(&self, id: &str) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == id)
    }

    pub fn case_mut(&mut self, id: &str) -> Option<&mut Case> {
        self.cases.iter_mut().find(|c| c.id == id)
    }

    /// Opens a new case and returns its id; the people the event brings (a newborn, the
    /// deceased) join the vault as people of their own.
    pub fn open_case(&mut self, event: &str, people: &[Subject], first_step: &str, today: &str) -> String {
        let id = format!("c{}", self.next_id.max(1));
        self.next_id = self.next_id.max(1) + 1;
        let roles: Roles = people
            .iter()
            .filter_map(|s| {
                let kind = match s {
                    Subject::Child => PersonKind::Child,
                    Subject::Deceased => PersonKind::Deceased,
                    _ => return None,
                };
                Some((*s, self.vault.add_person(kind, &id)))
            })
            .collect();
        self.cases.push(Case {
            id: id.clone(),
            event: event.to_string(),
            started: today.to_string(),
            answers: Answers::new(),
            drafts: BTreeMap::new(),
            step: first_step.to_string(),
            done: BTreeSet::new(),
            roles,
            packets: BTreeMap::new(),
        });
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::{FactKey, How, Provenance, ME};

    fn sample() -> AppState {
        let mut s = AppState::default();
        let c = s.open_case("birth", &[Subject::Child], "birth_date", "2026-04-20");
        s.case_mut(&c).unwrap().answers.insert("birth_date".into(), "2026-04-16".into());
        let given = Provenance { case: c, event: "birth".into(), how: How::Typed, date: "2026-04-20".into() };
        s.vault.set(&FactKey { owner: ME.into(), attribute: "name".into() }, "山田 花子".into(), given);
        s
    }

    #[test]
    fn round_trip_and_ids_never_reused() {
        let mut s = sample();
        let b = s.open_case("moving", &[], "move_kind", "2026-04-20");
        s.cases.retain(|c| c.id != b);
        let c = s.open_case("death", &[Subject::Deceased], "death_date", "2026-04-20");
        assert_eq!(s.vault.people.len(), 4, "me, household, the child, the deceased");
        assert_ne!(b, c);
        let (back, problem) = AppState::from_stored(Some(&s.to_stored()));
        assert_eq!((back, problem), (s, None));
    }

    #[test]
    fn version_1_is_migrated() {
        let v1 = r#"{"version":1,"lang":"en","next_id":2,"cases":[{"id":"c1","event":"birth","started":"2026-04-20",
            "answers":{"birth_date":"2026-04-16"},"drafts":{},"step":"plan","done":["birth_registration"]}]}"#;
        let (s, problem) = AppState::from_stored(Some(v1));
        assert_eq!(problem, None);
        assert_eq!(s.version, STATE_VERSION);
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.cases[0].done.len(), 1);
        assert_eq!(s.vault.people.len(), 2, "an empty vault with the citizen and household");
    }

    #[test]
    fn a_damaged_part_is_left_out_and_named_the_rest_kept() {
        let mut v: Value = serde_json::from_str(&sample().to_stored()).unwrap();
        v["cases"].as_array_mut().unwrap().push(serde_json::json!({"id": "c9", "event": 5}));
        v["outbox"] = serde_json::json!("garbage");
        let (s, problem) = AppState::from_stored(Some(&v.to_string()));
        assert_eq!(problem, Some(LoadProblem::PartsLost(vec!["cases[1] (c9)".into(), "outbox".into()])));
        assert_eq!(s.cases.len(), 1);
        assert_eq!(s.vault, sample().vault, "the vault survived");
        assert_eq!(s.next_id, 2);
    }

    #[test]
    fn unreadable_or_newer_state_is_reported_not_crashed_on() {
        assert_eq!(AppState::from_stored(Some("{not json")).1, Some(LoadProblem::Unreadable));
        assert_eq!(AppState::from_stored(Some("[1,2]")).1, Some(LoadProblem::Unreadable));
        let newer = r#"{"version": 99, "lang": "en", "cases": []}"#;
        assert_eq!(AppState::from_stored(Some(newer)).1, Some(LoadProblem::Newer(99)));
        assert_eq!(AppState::from_stored(None), (AppState::default(), None));
    }

    #[test]
    fn export_then_import_restores_everything() {
        let s = sample();
        assert_eq!(AppState::import(&s.export("2026-04-21")), Ok(s));
    }

    #[test]
    fn imports_that_are_not_ours_are_refused() {
        assert_eq!(AppState::import("hello"), Err(ImportError::NotOurs));
        assert_eq!(AppState::import(r#"{"format":"other","version":1,"state":{}}"#), Err(ImportError::NotOurs));
        assert_eq!(AppState::import(r#"{"format":"hitotsu-export","version":1}"#), Err(ImportError::NotOurs));
        assert_eq!(AppState::import(r#"{"format":"hitotsu-export","version":7,"state":{}}"#), Err(ImportError::Newer(7)));
        let big = format!("{{\"format\":\"hitotsu-export\",\"pad\":\"{}\"}}", "x".repeat(MAX_IMPORT_BYTES));
        assert_eq!(AppState::import(&big), Err(ImportError::TooLarge));
        let damaged = r#"{"format":"hitotsu-export","version":2,"state":{"lang":"ja","cases":[{"id":"c1"}]}}"#;
        assert_eq!(AppState::import(damaged), Err(ImportError::Damaged(vec!["cases[0] (c1)".into()])));
    }
}
