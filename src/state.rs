//! What the app keeps in browser storage: the language, every open life event, the
//! household's vault, the outbox and the record of what was shared.
//! One versioned JSON document: older versions are migrated; a damaged one is salvaged
//! part by part and what could not be read is reported, never silently dropped.

use crate::case::{Case, PacketRecord, PacketStatus, Step};
use crate::catalog::{Catalog, Event};
use crate::condition::Answers;
use crate::household::Role;
use crate::i18n::Lang;
use crate::onestop::Packet;
use crate::outbox::Outbox;
use crate::people::{PeopleError, PeopleForm, PeopleScope};
use crate::resolve::{Ask, CaseScope};
use crate::vault::{FactKey, How, Provenance, Vault, ME};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// 1: cases only. 2: the vault, the outbox and the sharing record. 3: people with
/// relations, facts with dates (histories), roles and packets by id.
pub const STATE_VERSION: u32 = 3;
pub const STORAGE_KEY: &str = "hitotsu.state";
pub const EXPORT_FORMAT: &str = "hitotsu-export";
/// Drafts of the "who is who" page are kept in the case under this prefix.
pub const PEOPLE_DRAFT: &str = "people:";
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
    /// How the app looks for this citizen: text size, contrast, theme, readings over kanji.
    #[serde(default)]
    pub display: Display,
    /// Which notices the citizen wants, and what they did with each.
    #[serde(default)]
    pub notices: crate::notice::NoticeBook,
    /// This file's name in calendars: random, made at its first calendar export, so the
    /// events of two devices (or of a fresh start after "delete everything") never replace
    /// each other's, while an export of the same file again updates its own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub calendar_id: String,
    /// The counter session this state belongs to, on a counter device; never in a
    /// citizen's own file (an import drops it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<crate::session::CounterSession>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    #[default]
    Standard,
    Large,
    Larger,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Contrast {
    #[default]
    Standard,
    High,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Light or dark as the device is set.
    #[default]
    System,
    Light,
    Dark,
}

/// The display settings, remembered with the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Display {
    #[serde(default)]
    pub text: TextSize,
    #[serde(default)]
    pub contrast: Contrast,
    #[serde(default)]
    pub theme: Theme,
    /// Readings (furigana) over kanji in standard Japanese.
    #[serde(default)]
    pub furigana: bool,
    /// How fast the page is read aloud.
    #[serde(default)]
    pub speech: SpeechRate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeechRate {
    Slower,
    #[default]
    Normal,
    Faster,
}

impl SpeechRate {
    /// The rate a speech synthesis is given (1 is the voice's own).
    pub fn rate(self) -> f32 {
        match self {
            SpeechRate::Slower => 0.75,
            SpeechRate::Normal => 1.0,
            SpeechRate::Faster => 1.3,
        }
    }
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
            display: Display::default(),
            notices: crate::notice::NoticeBook::default(),
            calendar_id: String::new(),
            counter: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    pub field: String,
    /// The value as it was given.
    #[serde(default)]
    pub value: String,
    pub recipient: String,
    pub procedure: String,
    pub case: String,
    #[serde(with = "crate::iso_date")]
    pub date: Date,
    pub sent: bool,
}

/// The facts these procedures give once done (a claim made: "receives child allowance"),
/// each with its owner: the household's, the case's, or the citizen's.
fn given_facts(
    catalog: &Catalog,
    event: &Event,
    case_id: &str,
    procedures: &[String],
) -> Vec<(FactKey, String)> {
    event
        .procedures
        .iter()
        .filter(|p| procedures.contains(&p.id))
        .flat_map(|p| &p.gives)
        .filter_map(|g| {
            let def = catalog.fields.fields.get(&g.field)?;
            let owner = match def.subject {
                crate::catalog::Subject::Household => crate::vault::HOUSEHOLD.to_string(),
                crate::catalog::Subject::Case => case_id.to_string(),
                _ => ME.to_string(),
            };
            Some((
                FactKey::new(&owner, def.attribute(&g.field)),
                g.value.clone(),
            ))
        })
        .collect()
}

/// Why a day cannot be the day a packet was handed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandOverError {
    NoSuchPacket,
    InTheFuture,
    /// Before the sheet was prepared (that day).
    BeforePrepared(Date),
}

/// Why a day cannot be the day an heir learned of the death.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LearnedError {
    InTheFuture,
    /// Before the death (that day).
    BeforeDeath(Date),
}

/// How a fact changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactChange {
    /// The value that holds on this day was wrong.
    Correct { on: Date },
    /// The value changed on this day; the old one held until the day before.
    From(Date),
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
    /// Read, but its values do not hold together (a date no record has, a reference to
    /// nobody): loaded as it is, the original kept aside, the citizen told what is wrong.
    Invalid(crate::integrity::Invalid),
}

/// Why an import file was refused; nothing is changed.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge,
    NotOurs,
    Newer(u32),
    Damaged(Vec<String>),
    /// Well formed, but its values do not hold together (a date no life has, an id twice,
    /// a reference to nobody, a counter behind its ids).
    Invalid(crate::integrity::Invalid),
}

/// Version 2's vault to version 3's: facts become histories (a version that holds from
/// always), the household pseudo-person goes, a child of a birth becomes the citizen's
/// child living with them from the day of birth, and the head typed as a name becomes
/// the person of that name.
fn migrate_vault_2(vault: &mut Value) {
    let Some(v) = vault.as_object_mut() else {
        return;
    };
    let mut children = Vec::new();
    let people: Vec<Value> = v
        .get("people")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|p| p.get("id").and_then(Value::as_str) != Some("household"))
        .map(|p| {
            let id = p.get("id").cloned().unwrap_or(Value::Null);
            if p.get("kind").and_then(Value::as_str) == Some("child") {
                children.push(id.as_str().unwrap_or_default().to_string());
            }
            json!({ "id": id, "added_in": p.get("from_case").cloned().unwrap_or(Value::Null) })
        })
        .collect();
    let mut facts = v
        .get("facts")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for attrs in facts.values_mut().filter_map(Value::as_object_mut) {
        for fact in attrs.values_mut() {
            *fact = Value::Array(vec![fact.take()]);
        }
    }
    let mut relations: Vec<Value> = Vec::new();
    let mut people = people;
    let mut next = v
        .get("next_person")
        .and_then(Value::as_u64)
        .unwrap_or(1)
        .max(1);
    for child in &children {
        relations.push(json!({ "kind": "parent", "parent": ME, "child": child }));
        let birth = facts
            .get(child)
            .and_then(|a| a.get("birth_date"))
            .and_then(|h| h[0].get("value"))
            .cloned();
        let given = facts.get(child).and_then(|a| {
            a.as_object()?
                .values()
                .next()?
                .get(0)?
                .get("given")
                .cloned()
        });
        if let (Some(given), Some(attrs)) =
            (given, facts.get_mut(child).and_then(Value::as_object_mut))
        {
            let mut member = json!({ "value": "yes", "given": given });
            if let Some(b) = birth {
                member["from"] = b;
            }
            attrs.insert("in_household".into(), json!([member]));
        }
    }
    // The head was a name: it becomes that person (a new one when nobody has that name).
    let head = facts
        .get_mut("household")
        .and_then(Value::as_object_mut)
        .and_then(|h| h.remove("household_head"));
    if let Some(Value::Array(mut versions)) = head {
        let version = versions.remove(0);
        let name = version.get("value").cloned().unwrap_or(Value::Null);
        let named = |facts: &serde_json::Map<String, Value>| {
            facts
                .iter()
                .find(|(_, a)| a.get("name").and_then(|h| h[0].get("value")) == Some(&name))
                .map(|(id, _)| id.clone())
        };
        let id = named(&facts).unwrap_or_else(|| {
            let id = format!("p{next}");
            next += 1;
            people.push(json!({ "id": id, "added_in": version["given"]["case"].clone() }));
            let member = json!({ "value": "yes", "given": version["given"].clone() });
            facts.insert(
                id.clone(),
                json!({ "name": [version.clone()], "in_household": [member] }),
            );
            id
        });
        let mut head_fact = version.clone();
        head_fact["value"] = Value::String(id);
        if let Some(h) = facts.get_mut("household").and_then(Value::as_object_mut) {
            h.insert("head".into(), json!([head_fact]));
        }
    }
    v.insert("people".into(), Value::Array(people));
    v.insert("facts".into(), Value::Object(facts));
    v.insert("relations".into(), Value::Array(relations));
    v.insert("next_person".into(), json!(next));
}

/// Version 2's case to version 3's: roles hold lists, packets are kept by id with this
/// device's reference apart from a recipient's receipt.
fn migrate_case_2(c: &mut Value) {
    let Some(c) = c.as_object_mut() else { return };
    if let Some(roles) = c.get_mut("roles").and_then(Value::as_object_mut) {
        for r in roles.values_mut() {
            if r.is_string() {
                *r = Value::Array(vec![r.take()]);
            }
        }
    }
    if let Some(Value::Object(packets)) = c.remove("packets") {
        let mut by_id = serde_json::Map::new();
        for (agency, mut r) in packets {
            let id = r
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or(&agency)
                .to_string();
            let receipt = r
                .get("receipt")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            // "H-…" was this device's own number; anything else came from the endpoint.
            let (reference, receipt) = if receipt.starts_with("H-") || receipt.is_empty() {
                (receipt, Value::Null)
            } else {
                (id.clone(), Value::String(receipt))
            };
            if let Some(o) = r.as_object_mut() {
                o.insert("agency".into(), Value::String(agency));
                o.insert("reference".into(), Value::String(reference));
                o.insert("receipt".into(), receipt);
                o.remove("fields");
            }
            by_id.insert(id, r);
        }
        c.insert("packets".into(), Value::Object(by_id));
    }
}

/// Brings an older document up to STATE_VERSION, one version at a time.
fn migrate(mut v: Value) -> Value {
    let version = v.get("version").and_then(Value::as_u64).unwrap_or(0);
    if version == 1 {
        v["version"] = 2.into();
    }
    if v.get("version").and_then(Value::as_u64) == Some(2) {
        if let Some(vault) = v.get_mut("vault") {
            migrate_vault_2(vault);
        }
        if let Some(cases) = v.get_mut("cases").and_then(Value::as_array_mut) {
            cases.iter_mut().for_each(migrate_case_2);
        }
        v["version"] = STATE_VERSION.into();
    }
    v
}

/// Reads a state document part by part: a damaged case, vault or outbox is left out and
/// named; everything else is kept.
fn salvage(v: &Value) -> (AppState, Vec<String>) {
    let mut lost = Vec::new();
    let mut s = AppState::default();
    if let Some(lang) = v
        .get("lang")
        .and_then(|l| serde_json::from_value(l.clone()).ok())
    {
        s.lang = lang;
    }
    if let Some(cases) = v.get("cases").and_then(Value::as_array) {
        for (i, c) in cases.iter().enumerate() {
            match serde_json::from_value::<Case>(c.clone()) {
                Ok(c) => s.cases.push(c),
                Err(_) => lost.push(format!(
                    "cases[{i}] ({})",
                    c.get("id").and_then(Value::as_str).unwrap_or("?")
                )),
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
    part!("display", display);
    part!("notices", notices);
    part!("calendar_id", calendar_id);
    part!("counter", counter);
    if s.vault.person(ME).is_none() {
        s.vault.people.insert(
            0,
            crate::vault::Person {
                id: ME.into(),
                added_in: None,
            },
        );
    }
    let max_case = s
        .cases
        .iter()
        .filter_map(|c| c.id.trim_start_matches('c').parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    s.next_id = v
        .get("next_id")
        .and_then(Value::as_u64)
        .map_or(1, |n| n as u32)
        .max(max_case + 1);
    // Likewise people: a counter behind an id in use (a person or facts left of one) would
    // give a new child that id, and the facts with it.
    let max_person = s
        .vault
        .people
        .iter()
        .map(|p| p.id.as_str())
        .chain(s.vault.facts.keys().map(String::as_str))
        .filter_map(|id| id.strip_prefix('p')?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    s.vault.next_person = s.vault.next_person.max(max_person.saturating_add(1));
    tidy(&mut s);
    (s, lost)
}

/// What an earlier release stored in the wrong place, put right on every load (so no
/// version number is needed; doing it twice changes nothing): "receives child allowance"
/// was a fact of the citizen, though the household receives it and the claimant may be
/// the other parent; it is the household's now.
fn tidy(s: &mut AppState) {
    const RECIPIENT: &str = "child_allowance_recipient";
    if let Some(mine) = s.vault.facts.get_mut(ME).and_then(|f| f.remove(RECIPIENT)) {
        s.vault
            .facts
            .entry(crate::vault::HOUSEHOLD.to_string())
            .or_default()
            .entry(RECIPIENT.to_string())
            .or_insert(mine);
    }
    // A birth answered "an employer's insurance" before it said whose: the app then took
    // the citizen for the insured parent, so that is what the answer meant.
    // With the citizen's sex unknown it cannot be told: the question is asked again.
    let citizen = match crate::household::sex(&s.vault, ME) {
        Some(crate::household::Sex::Female) => Some("employee_mother"),
        Some(crate::household::Sex::Male) => Some("employee_father"),
        None => None,
    };
    for c in s.cases.iter_mut().filter(|c| c.event == "birth") {
        let key = crate::household::BABY_INSURANCE;
        if c.answers.get(key).map(String::as_str) == Some("employee") {
            match citizen {
                Some(v) => c.answers.insert(key.to_string(), v.to_string()),
                None => c.answers.remove(key),
            };
        }
    }
}

impl AppState {
    /// Reads stored state. Nothing stored gives the default; a store we cannot read gives
    /// the default and the problem, so the app can keep the raw text aside and say so.
    pub fn from_stored(raw: Option<&str>) -> (AppState, Option<LoadProblem>) {
        let Some(raw) = raw else {
            return (AppState::default(), None);
        };
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            return (AppState::default(), Some(LoadProblem::Unreadable));
        };
        if !v.is_object() {
            return (AppState::default(), Some(LoadProblem::Unreadable));
        }
        // A version is a whole number this app knows; "3", -1 or 2^32+1 is not one.
        let version = match v.get("version") {
            None => 0,
            Some(n) => match n.as_u64().map(u32::try_from) {
                Some(Ok(n)) => n,
                Some(Err(_)) => return (AppState::default(), Some(LoadProblem::Newer(u32::MAX))),
                None => return (AppState::default(), Some(LoadProblem::Unreadable)),
            },
        };
        if version > STATE_VERSION {
            return (AppState::default(), Some(LoadProblem::Newer(version)));
        }
        let (state, lost) = salvage(&migrate(v));
        if !lost.is_empty() {
            return (state, Some(LoadProblem::PartsLost(lost)));
        }
        match crate::integrity::check(&state) {
            Ok(()) => (state, None),
            Err(e) => (state, Some(LoadProblem::Invalid(e))),
        }
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).expect("state serialises")
    }

    /// Everything, as a file the app can import again.
    pub fn export(&self, today: Date) -> String {
        let doc = json!({ "format": EXPORT_FORMAT, "version": STATE_VERSION, "exported": today.to_string(), "state": self });
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
        // Exactly a version this app wrote: a whole number, not "3", -1 or nothing.
        let version = v
            .get("version")
            .and_then(Value::as_u64)
            .filter(|n| *n >= 1)
            .ok_or(ImportError::NotOurs)?;
        if version > u64::from(STATE_VERSION) {
            return Err(ImportError::Newer(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
        let mut state = v
            .get("state")
            .filter(|s| s.is_object())
            .ok_or(ImportError::NotOurs)?
            .clone();
        match state.get("version") {
            None => state["version"] = version.into(),
            Some(inner) if inner.as_u64() == Some(version) => {}
            Some(_) => return Err(ImportError::NotOurs),
        }
        // The counters as written: salvage would quietly repair them, and a file whose
        // counters are behind its ids is refused instead.
        let counters = (
            state.get("next_id").cloned(),
            state["vault"].get("next_person").cloned(),
        );
        let (mut state, lost) = salvage(&migrate(state));
        if !lost.is_empty() {
            return Err(ImportError::Damaged(lost));
        }
        if version == u64::from(STATE_VERSION) {
            if let Some(n) = counters.0.as_ref().and_then(Value::as_u64) {
                state.next_id = u32::try_from(n).unwrap_or(0);
            }
            if let Some(n) = counters.1.as_ref().and_then(Value::as_u64) {
                state.vault.next_person = u32::try_from(n).unwrap_or(0);
            }
        }
        crate::integrity::check(&state).map_err(ImportError::Invalid)?;
        // A counter session is the counter's: a citizen's file never holds one.
        state.counter = None;
        Ok(state)
    }

    /// Reads a copy kept aside when the stored state could not be read (a newer version's,
    /// or damaged), now that the app may read it: the same checks as an import.
    pub fn restore_kept(raw: &str) -> Result<AppState, ImportError> {
        match AppState::from_stored(Some(raw)) {
            (state, None) => Ok(state),
            (_, Some(LoadProblem::Newer(v))) => Err(ImportError::Newer(v)),
            (_, Some(LoadProblem::Unreadable)) => Err(ImportError::NotOurs),
            (_, Some(LoadProblem::PartsLost(parts))) => Err(ImportError::Damaged(parts)),
            (_, Some(LoadProblem::Invalid(e))) => Err(ImportError::Invalid(e)),
        }
    }

    /// The recipients (agency ids) of the packets waiting to be sent, in outbox order.
    pub fn waiting_recipients(&self) -> Vec<String> {
        self.outbox
            .waiting()
            .filter_map(|i| {
                self.cases
                    .iter()
                    .find_map(|c| c.packets.get(&i.id))
                    .map(|p| p.agency.clone())
            })
            .collect()
    }

    /// Everything deleted but how the device is used now: the language and the display.
    pub fn wiped(&self) -> AppState {
        AppState {
            lang: self.lang,
            display: self.display,
            ..AppState::default()
        }
    }

    /// Every name a page title must leave out: the household's (`Vault::names`) and, at
    /// the counter, whom the session is for as staff typed it.
    pub fn names(&self) -> Vec<String> {
        let mut names = self.vault.names();
        if let Some(c) = &self.counter {
            let whole = c.citizen.trim().to_string();
            names.extend(
                whole
                    .split(char::is_whitespace)
                    .filter(|p| p.chars().count() >= 2)
                    .map(str::to_string),
            );
            names.push(whole);
            names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
            names.dedup();
        }
        names
    }

    pub fn case(&self, id: &str) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == id)
    }

    pub fn case_mut(&mut self, id: &str) -> Option<&mut Case> {
        self.cases.iter_mut().find(|c| c.id == id)
    }

    /// A case seen through the catalog and the vault.
    pub fn scope<'a>(
        &'a self,
        catalog: &'a Catalog,
        case_id: &str,
        today: Date,
    ) -> Option<CaseScope<'a>> {
        let case = self.case(case_id)?;
        let event = catalog.event(&case.event)?;
        Some(CaseScope::new(catalog, event, case, &self.vault, today))
    }

    /// Whose details this device holds: the citizen's name, when the vault has any fact.
    pub fn whose(&self) -> Option<&str> {
        self.vault
            .latest(&FactKey::new(ME, "name"))
            .map(|f| f.value.as_str())
    }

    /// Opens a new case and returns its id; the people the event brings (a newborn, the
    /// deceased) join the vault as people of their own.
    pub fn open_case(&mut self, event: &Event, today: Date) -> String {
        // Never an id in use, even from a counter at its end (it saturates, not wraps).
        let mut n = self.next_id.max(1);
        while self.cases.iter().any(|c| c.id == format!("c{n}")) && n < u32::MAX {
            n += 1;
        }
        let id = format!("c{n}");
        self.next_id = n.saturating_add(1);
        let mut roles = BTreeMap::new();
        for role in &event.people {
            roles.insert(*role, vec![self.vault.add_person(&id)]);
        }
        self.cases.push(Case {
            id: id.clone(),
            event: event.id.clone(),
            started: today,
            answers: Answers::new(),
            drafts: BTreeMap::new(),
            step: event
                .questions
                .first()
                .map_or(Step::Plan, |q| Step::Question(q.id.clone())),
            done: BTreeSet::new(),
            roles,
            people_confirmed: false,
            packets: BTreeMap::new(),
            learned: BTreeMap::new(),
            open: Default::default(),
        });
        id
    }

    /// Records an accepted answer. An answer that is a fact goes into the vault, its one
    /// source: re-answered in the case that gave it, it is corrected; a different value
    /// in a later case is a change from that case's date. A date answer that facts start
    /// from (the moving day) moves them with it.
    pub fn record_answer(
        &mut self,
        catalog: &Catalog,
        case_id: &str,
        question: &str,
        value: String,
        today: Date,
    ) {
        let Some(case) = self.case(case_id) else {
            return;
        };
        let Some(event) = catalog.event(&case.event) else {
            return;
        };
        let scope = CaseScope::new(catalog, event, case, &self.vault, today);
        let key = scope.fill_key(question);
        let day = scope.case_date();
        let event_id = event.id.clone();
        let given = |how| Provenance {
            case: case_id.into(),
            event: event_id.clone(),
            how,
            date: today,
        };
        if let Some(key) = key {
            let holding = match day {
                Some(d) if question != event.as_of => self.vault.at(&key, d).cloned(),
                _ => self.vault.latest(&key).cloned(),
            };
            // The case's own date (a birth date) is a fact with no time of its own.
            let day = day.filter(|_| question != event.as_of);
            match (holding, day) {
                (Some(f), _) if f.value == value => {}
                // A later case says otherwise: a change from that case's date.
                (Some(f), Some(d)) if f.given.case != case_id => self.vault.set_from_answer(
                    &key,
                    value.clone(),
                    d,
                    &event.as_of,
                    given(How::Typed),
                ),
                (_, Some(d)) => self
                    .vault
                    .observe(&key, value.clone(), d, given(How::Typed)),
                (Some(f), None) => self
                    .vault
                    .set(&key, value.clone(), f.from, given(How::Typed)),
                (None, None) => self.vault.set(&key, value.clone(), None, given(How::Typed)),
            }
        }
        if let Some(d) = crate::iso_date::parse(&value) {
            self.vault.retime(case_id, question, d);
        }
        if let Some(c) = self.case_mut(case_id) {
            c.answers.insert(question.into(), value);
            c.drafts.remove(question);
        }
        if self.case(case_id).is_some_and(|c| c.people_confirmed) {
            self.note_parents_insurance(case_id, today);
        }
    }

    /// Records a fact the citizen gave for what a form lacked: a new value from its start
    /// (the new address from the moving day), or a correction of the value that holds on
    /// the day asked (the first one, when there is none).
    pub fn give(&mut self, case_id: &str, ask: &Ask, value: String, how: How, today: Date) {
        let Some(event) = self.case(case_id).map(|c| c.event.clone()) else {
            return;
        };
        let given = Provenance {
            case: case_id.into(),
            event,
            how,
            date: today,
        };
        // Known now: no longer open.
        if let Some(c) = self.case_mut(case_id) {
            c.open.remove(&ask.open_key());
        }
        match &ask.starts {
            Some((day, question)) => self
                .vault
                .set_from_answer(&ask.key, value, *day, question, given),
            None => self.vault.observe(&ask.key, value, ask.at, given),
        }
    }

    /// The citizen does not know this yet (「まだ分からない」): left open, and what was typed
    /// for it dropped. Only a fact a procedure can be filed without may be left open (the
    /// page offers it for no other); `onestop::needs` and `packets` check that again.
    pub fn leave_open(&mut self, case_id: &str, ask: &Ask) {
        if let Some(c) = self.case_mut(case_id) {
            c.open.insert(ask.open_key());
            c.drafts.remove(&ask.draft_key());
        }
    }

    /// Changes a fact as the citizen says: a correction of the value that holds on a day
    /// (a typo), or a new value from a day on (a new name after marriage), the old one
    /// kept in the history.
    pub fn change_fact(
        &mut self,
        key: &FactKey,
        value: String,
        change: FactChange,
        given: Provenance,
    ) {
        match change {
            FactChange::Correct { on } => self.vault.observe(key, value, on, given),
            FactChange::From(day) => self.vault.set(key, value, Some(day), given),
        }
    }

    /// The "who is who" page of a case.
    pub fn people_scope<'a>(
        &'a self,
        catalog: &'a Catalog,
        case_id: &str,
        today: Date,
    ) -> Option<PeopleScope<'a>> {
        let scope = self.scope(catalog, case_id, today)?;
        let day = scope.case_date().unwrap_or(today);
        let moving = scope
            .event
            .household
            .contains(&crate::household::PeopleQuestion::Members);
        Some(PeopleScope {
            event: scope.event,
            case: scope.case,
            vault: &self.vault,
            day,
            moving_day: moving.then_some(day),
            today,
        })
    }

    /// Confirms the "who is who" page: checks the form and records it, or changes nothing.
    pub fn confirm_people(
        &mut self,
        catalog: &Catalog,
        case_id: &str,
        form: &PeopleForm,
        today: Date,
    ) -> Result<(), Vec<(String, PeopleError)>> {
        let (mut vault, mut case) = {
            let ps = self
                .people_scope(catalog, case_id, today)
                .ok_or_else(Vec::new)?;
            let (mut v, mut c) = (self.vault.clone(), ps.case.clone());
            ps.apply(&mut v, &mut c, form)?;
            (v, c)
        };
        case.drafts.retain(|k, _| !k.starts_with(PEOPLE_DRAFT));
        std::mem::swap(&mut self.vault, &mut vault);
        if let Some(c) = self.case_mut(case_id) {
            *c = case;
        }
        self.note_parents_insurance(case_id, today);
        Ok(())
    }

    /// Each parent's own insurance as the birth's answers tell it, a fact of that parent
    /// from the day of the birth (the insured father is not the dependant mother). Said
    /// again differently in the same case, it is corrected.
    fn note_parents_insurance(&mut self, case_id: &str, today: Date) {
        let Some(case) = self.case(case_id) else {
            return;
        };
        let (Some(child), Some(born)) = (
            case.first(Role::Child).map(str::to_string),
            case.answers
                .get("birth_date")
                .and_then(|d| crate::iso_date::parse(d)),
        ) else {
            return;
        };
        let told = crate::household::birth_insurance(&case.answers);
        let given = Provenance {
            case: case_id.into(),
            event: case.event.clone(),
            how: How::Typed,
            date: today,
        };
        for (sex, kind) in told {
            let Some(parent) = crate::household::parent_of_sex(&self.vault, &child, sex) else {
                continue;
            };
            let key = FactKey::new(&parent, "insurance_kind");
            match self.vault.at(&key, born).cloned() {
                Some(f) if f.value == kind => {}
                Some(f) if f.given.case == case_id => {
                    self.vault.set(&key, kind.into(), f.from, given.clone())
                }
                _ => self.vault.observe(&key, kind.into(), born, given.clone()),
            }
        }
    }

    /// Marks a procedure done (or not); done, what it gives becomes a fact.
    pub fn mark_done(
        &mut self,
        catalog: &Catalog,
        case_id: &str,
        procedure: &str,
        done: bool,
        today: Date,
    ) {
        let Some(c) = self.case_mut(case_id) else {
            return;
        };
        if done {
            c.done.insert(procedure.into());
            self.settle(catalog, case_id, &[procedure.to_string()], today);
        } else {
            c.done.remove(procedure);
        }
    }

    /// What procedures give once done or handed over (child allowance claimed → received).
    fn settle(&mut self, catalog: &Catalog, case_id: &str, procedures: &[String], today: Date) {
        let Some(event) = self.case(case_id).and_then(|c| catalog.event(&c.event)) else {
            return;
        };
        let given = Provenance {
            case: case_id.into(),
            event: event.id.clone(),
            how: How::Derived,
            date: today,
        };
        for (key, value) in given_facts(catalog, event, case_id, procedures) {
            if self.vault.latest(&key).map(|f| f.value.as_str()) != Some(value.as_str()) {
                self.vault.set(&key, value, Some(today), given.clone());
            }
        }
    }

    /// Records a packet prepared as a filled-in sheet for the counter: nothing is given to
    /// anyone yet.
    pub fn prepare(&mut self, case_id: &str, packet: &Packet, today: Date) -> Option<String> {
        let case = self.case_mut(case_id)?;
        let n = case
            .packets
            .values()
            .filter(|r| r.agency == packet.agency)
            .count();
        let id = if n == 0 {
            format!("{case_id}-{}", packet.agency)
        } else {
            format!("{case_id}-{}-{}", packet.agency, n + 1)
        };
        let record = PacketRecord {
            id: id.clone(),
            agency: packet.agency.clone(),
            procedures: packet.procedures.clone(),
            documents: packet.documents.clone(),
            status: PacketStatus::Prepared,
            reference: format!("H-{}-{id}", today.to_string().replace('-', "")),
            receipt: None,
            date: today,
            handed_over: None,
            status_since: None,
            forms: packet.forms.clone(),
            used_before: Vec::new(),
        };
        case.packets.insert(id.clone(), record);
        case.step = Step::Receipts;
        Some(id)
    }

    /// The citizen handed a prepared packet over (or it was sent): what it carried is
    /// recorded as shared, its facts as used, and what its procedures give as facts.
    pub fn hand_over(
        &mut self,
        catalog: &Catalog,
        case_id: &str,
        packet_id: &str,
        sent: bool,
        today: Date,
    ) {
        let Some(record) = self.packet(case_id, packet_id).cloned() else {
            return;
        };
        if record.status.provided() && !sent {
            return;
        }
        // The facts its forms use, with the day each was taken on.
        let used: Vec<(FactKey, Date)> = self
            .scope(catalog, case_id, today)
            .map(|scope| {
                let answers = scope.answers();
                scope
                    .event
                    .procedures
                    .iter()
                    .filter(|p| record.procedures.contains(&p.id))
                    .flat_map(|p| crate::onestop::form_of(&scope, p, &answers).2)
                    .collect()
            })
            .unwrap_or_default();
        for form in &record.forms {
            for (field, value) in form.facts.iter().filter(|(_, v)| !v.is_empty()) {
                self.shared.push(Shared {
                    field: field.clone(),
                    value: value.clone(),
                    recipient: record.agency.clone(),
                    procedure: form.procedure.clone(),
                    case: case_id.into(),
                    date: today,
                    sent,
                });
            }
        }
        let used_before: Vec<crate::case::UsedBefore> = used
            .into_iter()
            .filter_map(|(key, at)| {
                let last_used = self.vault.mark_used(&key, at, today)?;
                Some(crate::case::UsedBefore { key, at, last_used })
            })
            .collect();
        if let Some(r) = self
            .case_mut(case_id)
            .and_then(|c| c.packets.get_mut(packet_id))
        {
            r.used_before = used_before;
            r.status = if sent {
                PacketStatus::Sent
            } else {
                PacketStatus::HandedOver
            };
            r.handed_over = (!sent).then_some(today);
        }
        self.settle(catalog, case_id, &record.procedures, today);
    }

    fn packet(&self, case_id: &str, packet_id: &str) -> Option<&PacketRecord> {
        self.case(case_id)?.packets.get(packet_id)
    }

    /// Whether `on` can be the day a prepared packet was handed over: not before it was
    /// prepared, not after today.
    pub fn check_handed_over(
        &self,
        case_id: &str,
        packet_id: &str,
        on: Date,
        today: Date,
    ) -> Result<(), HandOverError> {
        let prepared = self
            .packet(case_id, packet_id)
            .map(|r| r.date)
            .ok_or(HandOverError::NoSuchPacket)?;
        if on > today {
            Err(HandOverError::InTheFuture)
        } else if on < prepared {
            Err(HandOverError::BeforePrepared(prepared))
        } else {
            Ok(())
        }
    }

    /// Records the day an heir other than the citizen learned of the death: not after
    /// today, not before the death.
    pub fn set_learned(
        &mut self,
        catalog: &Catalog,
        case_id: &str,
        heir: &str,
        on: Date,
        today: Date,
    ) -> Result<(), LearnedError> {
        if on > today {
            return Err(LearnedError::InTheFuture);
        }
        let died = self
            .scope(catalog, case_id, today)
            .and_then(|scope| scope.case_date());
        if let Some(died) = died.filter(|d| on < *d) {
            return Err(LearnedError::BeforeDeath(died));
        }
        if let Some(c) = self.case_mut(case_id) {
            c.learned.insert(heir.into(), on.to_string());
        }
        Ok(())
    }

    /// Takes back "I have handed it over" (said by mistake, or for the wrong day): the
    /// packet is prepared again, what was recorded as shared with its recipient goes, and
    /// so do the facts its procedures gave on that day.
    pub fn undo_hand_over(&mut self, catalog: &Catalog, case_id: &str, packet_id: &str) {
        let Some(record) = self.packet(case_id, packet_id).cloned() else {
            return;
        };
        let (PacketStatus::HandedOver, Some(day)) = (record.status, record.handed_over) else {
            return;
        };
        self.shared.retain(|x| {
            !(x.case == case_id
                && !x.sent
                && x.recipient == record.agency
                && x.date == day
                && record.procedures.contains(&x.procedure))
        });
        let given_keys: Vec<FactKey> = self
            .case(case_id)
            .and_then(|c| catalog.event(&c.event))
            .map(|event| given_facts(catalog, event, case_id, &record.procedures))
            .unwrap_or_default()
            .into_iter()
            .map(|(key, _)| key)
            .collect();
        for key in given_keys {
            let history = self.vault.history(&key);
            if let Some(last) = history.len().checked_sub(1) {
                let f = &history[last];
                if f.given.case == case_id && f.given.how == How::Derived && f.from == Some(day) {
                    self.vault.remove_version(&key, last);
                }
            }
        }
        if let Some(r) = self
            .case_mut(case_id)
            .and_then(|c| c.packets.get_mut(packet_id))
        {
            r.status = PacketStatus::Prepared;
            r.handed_over = None;
            r.used_before.clear();
        }
        for u in record.used_before.iter().rev() {
            self.vault.restore_used(&u.key, u.at, day, u.last_used);
        }
    }

    /// Prepares a packet and queues it for the endpoint with its idempotency key.
    pub fn send(
        &mut self,
        catalog: &Catalog,
        case_id: &str,
        packet: &Packet,
        key: &str,
        now_ms: f64,
        today: Date,
    ) -> Option<String> {
        let event = self.case(case_id)?.event.clone();
        let id = self.prepare(case_id, packet, today)?;
        self.outbox
            .enqueue(&id, key, packet.body(&id, &event, today), now_ms);
        self.hand_over(catalog, case_id, &id, true, today);
        Some(id)
    }

    /// Takes back a packet waiting to be sent (staff at the end of a counter session, with
    /// the citizen): not sent, its record gone, its procedures open again; what was
    /// recorded as shared with its recipient goes too, since nothing reached them.
    pub fn discard_packet(&mut self, packet_id: &str) {
        self.outbox.items.retain(|i| i.id != packet_id);
        for c in &mut self.cases {
            if let Some(p) = c.packets.remove(packet_id) {
                let case = c.id.clone();
                self.shared.retain(|s| {
                    !(s.case == case
                        && s.recipient == p.agency
                        && p.procedures.contains(&s.procedure))
                });
                break;
            }
        }
    }

    /// Records what one attempt to send a packet gave: accepted, its receipt and status.
    /// A status in that first answer is the recipient's news from `today` (the day it
    /// came, which for a packet queued offline is later than the day it was sent).
    pub fn record_attempt(
        &mut self,
        packet_id: &str,
        attempt: crate::outbox::Attempt,
        status: Option<PacketStatus>,
        now_ms: f64,
        today: Date,
    ) {
        if let crate::outbox::Attempt::Accepted { receipt } = &attempt {
            for r in self
                .cases
                .iter_mut()
                .filter_map(|c| c.packets.get_mut(packet_id))
            {
                r.receipt = Some(receipt.clone());
                r.status = status.unwrap_or(PacketStatus::Sent);
                r.status_since = status.map(|_| today);
            }
        }
        self.outbox.record(packet_id, attempt, now_ms);
    }

    /// Records a packet's status as the endpoint reports it, and from which day.
    pub fn record_status(&mut self, packet_id: &str, status: PacketStatus, today: Date) {
        for r in self
            .cases
            .iter_mut()
            .filter_map(|c| c.packets.get_mut(packet_id))
        {
            if r.status != status {
                r.status = status;
                r.status_since = Some(today);
            }
        }
    }

    /// The packets delivered to the endpoint, with their keys, for asking their status.
    pub fn delivered(&self, case_id: &str) -> Vec<(String, String)> {
        let Some(case) = self.case(case_id) else {
            return vec![];
        };
        self.outbox
            .items
            .iter()
            .filter(|i| {
                case.packets.contains_key(&i.id)
                    && matches!(i.delivery, crate::outbox::Delivery::Delivered { .. })
            })
            .map(|i| (i.id.clone(), i.idempotency_key.clone()))
            .collect()
    }

    /// Whether everything of a case is settled: every procedure that applies is done,
    /// closed, or in a packet handed over or sent.
    pub fn finished(&self, catalog: &Catalog, case_id: &str, today: Date) -> bool {
        let Some(scope) = self.scope(catalog, case_id, today) else {
            return false;
        };
        if crate::questionnaire::first_unanswered(scope.event, &scope.answers()).is_some() {
            return false;
        }
        let answers = scope.answers();
        scope.applicable(&answers).iter().all(|p| {
            scope.case.done.contains(&p.id)
                || scope.closure(p, &answers).is_some()
                || scope
                    .case
                    .packet_of(&p.id)
                    .is_some_and(|r| r.status.provided())
        })
    }

    /// The people a case brings, by role, for naming them on pages.
    pub fn role_of(&self, case_id: &str, person: &str) -> Option<Role> {
        self.case(case_id)?
            .roles
            .iter()
            .find(|(_, ps)| ps.iter().any(|p| p == person))
            .map(|(r, _)| *r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> AppState {
        let mut s = AppState::default();
        s.cases.push(Case {
            id: "c1".into(),
            event: "birth".into(),
            started: jiff::civil::date(2026, 4, 20),
            answers: [("birth_date".to_string(), "2026-04-16".to_string())].into(),
            drafts: BTreeMap::new(),
            step: Step::Question("born_abroad".into()),
            done: BTreeSet::new(),
            roles: [(Role::Child, vec!["p1".to_string()])].into(),
            people_confirmed: false,
            packets: BTreeMap::new(),
            learned: BTreeMap::new(),
            open: Default::default(),
        });
        s.next_id = 2;
        // The child the case brought, as opening the case adds them.
        assert_eq!(s.vault.add_person("c1"), "p1");
        let given = Provenance {
            case: "c1".into(),
            event: "birth".into(),
            how: How::Typed,
            date: jiff::civil::date(2026, 4, 20),
        };
        s.vault
            .set(&FactKey::new(ME, "name"), "山田 花子".into(), None, given);
        s
    }

    #[test]
    fn a_stored_state_with_values_that_do_not_hold_is_loaded_and_said_so() {
        let mut s = sample();
        s.cases[0].started = jiff::civil::date(9999, 12, 31);
        let (back, problem) = AppState::from_stored(Some(&s.to_stored()));
        assert_eq!(
            problem,
            Some(LoadProblem::Invalid(
                crate::integrity::Invalid::DateOutOfRange("9999-12-31".into())
            ))
        );
        assert_eq!(back, s, "nothing left out");
        // A version that is not a whole number this app knows.
        let text = s.to_stored();
        for (bad, problem) in [
            ("\"3\"", LoadProblem::Unreadable),
            ("-1", LoadProblem::Unreadable),
            ("4294967297", LoadProblem::Newer(u32::MAX)),
        ] {
            let raw = text.replacen("\"version\":3", &format!("\"version\":{bad}"), 1);
            assert_eq!(AppState::from_stored(Some(&raw)).1, Some(problem), "{bad}");
        }
    }

    #[test]
    fn a_stored_counter_behind_its_ids_is_repaired() {
        let mut s = sample();
        s.vault.next_person = 1;
        // Facts left of a person no longer listed must not pass to the next one added.
        s.vault.facts.insert("p5".into(), BTreeMap::new());
        let (mut back, _) = AppState::from_stored(Some(&s.to_stored()));
        assert_eq!(back.vault.next_person, 6);
        assert_eq!(back.vault.add_person("c2"), "p6");
    }

    #[test]
    fn round_trip() {
        let s = sample();
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
        assert_eq!(s.vault.people.len(), 1, "an empty vault with the citizen");
    }

    #[test]
    fn a_damaged_part_is_left_out_and_named_the_rest_kept() {
        let mut v: Value = serde_json::from_str(&sample().to_stored()).unwrap();
        v["cases"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "c9", "event": 5}));
        v["outbox"] = json!("garbage");
        let (s, problem) = AppState::from_stored(Some(&v.to_string()));
        assert_eq!(
            problem,
            Some(LoadProblem::PartsLost(vec![
                "cases[1] (c9)".into(),
                "outbox".into()
            ]))
        );
        assert_eq!(s.cases.len(), 1);
        assert_eq!(s.vault, sample().vault, "the vault survived");
        assert_eq!(s.next_id, 2);
    }

    #[test]
    fn unreadable_or_newer_state_is_reported_not_crashed_on() {
        assert_eq!(
            AppState::from_stored(Some("{not json")).1,
            Some(LoadProblem::Unreadable)
        );
        assert_eq!(
            AppState::from_stored(Some("[1,2]")).1,
            Some(LoadProblem::Unreadable)
        );
        let newer = r#"{"version": 99, "lang": "en", "cases": []}"#;
        assert_eq!(
            AppState::from_stored(Some(newer)).1,
            Some(LoadProblem::Newer(99))
        );
        assert_eq!(AppState::from_stored(None), (AppState::default(), None));
    }

    #[test]
    fn export_then_import_restores_everything() {
        let s = sample();
        assert_eq!(
            AppState::import(&s.export(jiff::civil::date(2026, 4, 21))),
            Ok(s)
        );
    }

    #[test]
    fn imports_that_are_not_ours_are_refused() {
        assert_eq!(AppState::import("hello"), Err(ImportError::NotOurs));
        assert_eq!(
            AppState::import(r#"{"format":"other","version":1,"state":{}}"#),
            Err(ImportError::NotOurs)
        );
        assert_eq!(
            AppState::import(r#"{"format":"hitotsu-export","version":1}"#),
            Err(ImportError::NotOurs)
        );
        assert_eq!(
            AppState::import(r#"{"format":"hitotsu-export","version":7,"state":{}}"#),
            Err(ImportError::Newer(7))
        );
        let big = format!(
            "{{\"format\":\"hitotsu-export\",\"pad\":\"{}\"}}",
            "x".repeat(MAX_IMPORT_BYTES)
        );
        assert_eq!(AppState::import(&big), Err(ImportError::TooLarge));
        let damaged = r#"{"format":"hitotsu-export","version":3,"state":{"lang":"ja","cases":[{"id":"c1"}]}}"#;
        assert_eq!(
            AppState::import(damaged),
            Err(ImportError::Damaged(vec!["cases[0] (c1)".into()]))
        );
    }
}
