//! The catalog: life events, their questions and procedures, agencies, documents and the
//! field dictionary. Data, not code: JSON files under public/catalog/ that a municipality
//! edits without rebuilding. Loading checks every reference, and a malformed file is
//! refused with a message naming the file, the entry and what is wrong.

use crate::calendar::ClosedDays;
use crate::condition::Condition;
use crate::deadline::Deadline;
use crate::i18n::Text;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The catalog format this build reads.
pub const CATALOG_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    pub file: String,
    /// Where in the file, e.g. `procedures[3] (koseki_birth).deadline`; empty for the file.
    pub entry: String,
    pub message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.entry.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.entry, self.message)
        }
    }
}

impl std::error::Error for CatalogError {}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Index {
    pub version: u32,
    pub events: Vec<EventRef>,
    pub agencies: BTreeMap<String, Agency>,
    pub documents: BTreeMap<String, Text>,
    /// Closed days of the municipality's own ordinance, ISO dates.
    #[serde(default)]
    pub municipal_closed_days: Vec<Date>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EventRef {
    pub id: String,
    pub file: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub name: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDictionary {
    pub fields: BTreeMap<String, Field>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    /// A person's name in any script, rare kanji included.
    Name,
    Kana,
    Date,
    Address,
    PostalCode,
    Phone,
    /// The 12-digit Individual Number, with its check digit (番号法施行令8条).
    MyNumber,
    Choice,
    Number,
    Account,
    Document,
}

/// Whom a field is about; with `attribute` it names one fact of the vault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// The citizen using the app (the applicant, the parent, the heir filing).
    Me,
    /// The household as a whole (its address, its head).
    Household,
    /// The child of a birth case.
    Child,
    /// The person who died, in a death case.
    Deceased,
    /// Something only this case has (a moving day, a funeral date).
    Case,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub label: Text,
    pub kind: FieldKind,
    pub subject: Subject,
    /// The fact's name for its subject; two fields with the same subject and attribute
    /// are one fact (applicant_name and parent_name are both "my name"). Defaults to
    /// the field id.
    #[serde(default)]
    pub attribute: Option<String>,
    /// Personal data of a special care category (health, nationality …).
    #[serde(default)]
    pub sensitive: bool,
    /// The choices of a choice field.
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// A value the vault can propose for the citizen to confirm instead of typing.
    #[serde(default)]
    pub suggest: Option<Suggestion>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Suggestion {
    /// The names of the people of the household the vault knows (the citizen and the
    /// children born in earlier flows).
    HouseholdNames,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub title: Text,
    pub description: Text,
    /// The people this event brings into the vault (the newborn, the deceased).
    #[serde(default)]
    pub people: Vec<Subject>,
    pub questions: Vec<Question>,
    pub procedures: Vec<Procedure>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Choice,
    YesNo,
    Date,
    Number,
}

/// Which dates a date question accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateRange {
    /// Today or earlier (a birth, a death).
    #[default]
    Past,
    /// From one year ago to one year ahead (a move, planned or done).
    NearFuture,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: Text,
    #[serde(default)]
    pub hint: Option<Text>,
    #[serde(default)]
    pub when: Condition,
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// Date questions: how the day is named in a deadline sentence ("the day of birth").
    #[serde(default)]
    pub anchor_label: Option<Text>,
    #[serde(default)]
    pub range: DateRange,
    /// Date questions: the answer may not be earlier than this other date answer.
    #[serde(default)]
    pub not_before: Option<String>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub unit: Option<Text>,
    /// The field of the dictionary this answer also gives (the birth date question gives
    /// the child's date of birth), so no form asks it again.
    #[serde(default)]
    pub fills: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Online,
    Counter,
    Mail,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    pub id: String,
    pub title: Text,
    pub description: Text,
    pub agency: String,
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub bring: Vec<String>,
    pub fields: Vec<String>,
    #[serde(default)]
    pub depends_on: Vec<String>,
    #[serde(default)]
    pub when: Condition,
    pub deadline: Deadline,
    pub legal_basis: Text,
    pub source: String,
    /// Where the law or practice is unsure or varies by municipality; shown to the citizen.
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Catalog {
    pub index: Index,
    pub fields: FieldDictionary,
    pub events: Vec<Event>,
}

impl Catalog {
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    pub fn closed_days(&self) -> ClosedDays {
        ClosedDays { municipal_extra: self.index.municipal_closed_days.clone() }
    }

    /// Loads and checks the whole catalog; `event_files` holds (file name, contents) for
    /// every file the index lists.
    pub fn load(index_src: &str, fields_src: &str, event_files: &[(String, String)]) -> Result<Catalog, CatalogError> {
        let index: Index = parse("index.json", index_src)?;
        let fields: FieldDictionary = parse("fields.json", fields_src)?;
        check_index(&index)?;
        check_fields(&fields)?;
        let mut events = Vec::new();
        for event_ref in &index.events {
            let (_, src) = event_files.iter().find(|(f, _)| *f == event_ref.file).ok_or_else(|| CatalogError {
                file: event_ref.file.clone(),
                entry: String::new(),
                message: "listed in index.json but could not be read".into(),
            })?;
            let event: Event = parse(&event_ref.file, src)?;
            if event.id != event_ref.id {
                return Err(err(&event_ref.file, "id", format!("is \"{}\" but index.json calls it \"{}\"", event.id, event_ref.id)));
            }
            check_event(&event_ref.file, &event, &index, &fields)?;
            events.push(event);
        }
        Ok(Catalog { index, fields, events })
    }
}

fn err(file: &str, entry: impl Into<String>, message: impl Into<String>) -> CatalogError {
    CatalogError { file: file.into(), entry: entry.into(), message: message.into() }
}

fn parse<T: for<'de> Deserialize<'de>>(file: &str, src: &str) -> Result<T, CatalogError> {
    let de = &mut serde_json::Deserializer::from_str(src);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        err(file, if path == "." { String::new() } else { path }, e.inner().to_string())
    })
}

fn check_text(file: &str, entry: &str, text: &Text) -> Result<(), CatalogError> {
    match text.missing() {
        Some(lang) => Err(err(file, entry, format!("the {} text is empty", lang.code()))),
        None => Ok(()),
    }
}

fn check_index(index: &Index) -> Result<(), CatalogError> {
    let f = "index.json";
    if index.version != CATALOG_VERSION {
        return Err(err(f, "version", format!("is {}, this app reads version {CATALOG_VERSION}", index.version)));
    }
    if index.events.is_empty() {
        return Err(err(f, "events", "lists no life event"));
    }
    let mut seen = BTreeSet::new();
    for (i, e) in index.events.iter().enumerate() {
        if !seen.insert(&e.id) {
            return Err(err(f, format!("events[{i}]"), format!("the id \"{}\" is used twice", e.id)));
        }
    }
    for (id, a) in &index.agencies {
        check_text(f, &format!("agencies.{id}.name"), &a.name)?;
    }
    for (id, d) in &index.documents {
        check_text(f, &format!("documents.{id}"), d)?;
    }
    Ok(())
}

fn check_fields(fields: &FieldDictionary) -> Result<(), CatalogError> {
    for (id, field) in &fields.fields {
        check_text("fields.json", &format!("fields.{id}.label"), &field.label)?;
        if (field.kind == FieldKind::Choice) != (field.options.len() >= 2) {
            return Err(err("fields.json", format!("fields.{id}.options"), "a choice field needs two or more options, and only a choice field has them"));
        }
        for (j, o) in field.options.iter().enumerate() {
            check_text("fields.json", &format!("fields.{id}.options[{j}].label"), &o.label)?;
        }
    }
    Ok(())
}

fn check_event(file: &str, event: &Event, index: &Index, fields: &FieldDictionary) -> Result<(), CatalogError> {
    check_text(file, "title", &event.title)?;
    check_text(file, "description", &event.description)?;
    if let Some(s) = event.people.iter().find(|s| !matches!(s, Subject::Child | Subject::Deceased)) {
        return Err(err(file, "people", format!("{s:?} is not a person an event brings (child, deceased)")));
    }
    // Questions, in order: a condition may only look back, so the flow never depends on
    // an answer not yet given.
    let mut earlier: Vec<&Question> = Vec::new();
    for (i, q) in event.questions.iter().enumerate() {
        let at = format!("questions[{i}] ({})", q.id);
        if earlier.iter().any(|e| e.id == q.id) {
            return Err(err(file, at, "this id is used twice"));
        }
        check_text(file, &format!("{at}.text"), &q.text)?;
        if let Some(h) = &q.hint {
            check_text(file, &format!("{at}.hint"), h)?;
        }
        check_condition(file, &format!("{at}.when"), &q.when, &earlier)?;
        match q.kind {
            QuestionKind::Choice => {
                if q.options.len() < 2 {
                    return Err(err(file, format!("{at}.options"), "a choice needs at least two options"));
                }
                let mut ids = BTreeSet::new();
                for (j, o) in q.options.iter().enumerate() {
                    if !ids.insert(&o.id) {
                        return Err(err(file, format!("{at}.options[{j}]"), format!("the option \"{}\" is listed twice", o.id)));
                    }
                    check_text(file, &format!("{at}.options[{j}].label"), &o.label)?;
                }
            }
            QuestionKind::Number => match (q.min, q.max) {
                (Some(min), Some(max)) if min < max => {}
                _ => return Err(err(file, at, "a number question needs min below max")),
            },
            QuestionKind::Date => {
                if let Some(other) = &q.not_before {
                    if !earlier.iter().any(|e| e.id == *other && e.kind == QuestionKind::Date) {
                        return Err(err(file, format!("{at}.not_before"), format!("\"{other}\" is not an earlier date question")));
                    }
                }
            }
            QuestionKind::YesNo => {}
        }
        if let Some(field) = &q.fills {
            let matches = fields.fields.get(field).is_some_and(|f| match q.kind {
                QuestionKind::Date => f.kind == FieldKind::Date,
                QuestionKind::Number => f.kind == FieldKind::Number,
                QuestionKind::Choice | QuestionKind::YesNo => f.kind == FieldKind::Choice,
            });
            if !matches {
                return Err(err(file, format!("{at}.fills"), format!("\"{field}\" is not a field of the same kind in fields.json")));
            }
        }
        earlier.push(q);
    }
    let ids: BTreeSet<&str> = event.procedures.iter().map(|p| p.id.as_str()).collect();
    if ids.len() != event.procedures.len() {
        let dup = event.procedures.iter().find(|p| event.procedures.iter().filter(|o| o.id == p.id).count() > 1);
        return Err(err(file, "procedures", format!("the id \"{}\" is used twice", dup.map_or("", |p| &p.id))));
    }
    for (i, p) in event.procedures.iter().enumerate() {
        let at = format!("procedures[{i}] ({})", p.id);
        check_text(file, &format!("{at}.title"), &p.title)?;
        check_text(file, &format!("{at}.description"), &p.description)?;
        check_text(file, &format!("{at}.legal_basis"), &p.legal_basis)?;
        if let Some(n) = &p.note {
            check_text(file, &format!("{at}.note"), n)?;
        }
        if !index.agencies.contains_key(&p.agency) {
            return Err(err(file, format!("{at}.agency"), format!("\"{}\" is not an agency of index.json", p.agency)));
        }
        if p.channels.is_empty() {
            return Err(err(file, format!("{at}.channels"), "names no channel (online, counter, mail)"));
        }
        if let Some(d) = p.bring.iter().find(|d| !index.documents.contains_key(*d)) {
            return Err(err(file, format!("{at}.bring"), format!("\"{d}\" is not a document of index.json")));
        }
        if let Some(f) = p.fields.iter().find(|f| !fields.fields.contains_key(*f)) {
            return Err(err(file, format!("{at}.fields"), format!("\"{f}\" is not in the field dictionary (fields.json)")));
        }
        if let Some(d) = p.depends_on.iter().find(|d| !ids.contains(d.as_str()) || **d == p.id) {
            return Err(err(file, format!("{at}.depends_on"), format!("\"{d}\" is not another procedure of this event")));
        }
        check_condition(file, &format!("{at}.when"), &p.when, &earlier)?;
        if let Some(anchor) = p.deadline.anchor() {
            match event.questions.iter().find(|q| q.id == anchor) {
                Some(q) if q.kind == QuestionKind::Date && q.anchor_label.is_some() => {}
                _ => {
                    return Err(err(
                        file,
                        format!("{at}.deadline.anchor"),
                        format!("\"{anchor}\" is not a date question with an anchor_label"),
                    ))
                }
            }
        }
        if let Deadline::NoFixed { note } = &p.deadline {
            check_text(file, &format!("{at}.deadline.note"), note)?;
        }
        if !p.source.starts_with("https://") {
            return Err(err(file, format!("{at}.source"), "must be an https:// address"));
        }
    }
    if let Some(cycle) = find_cycle(&event.procedures) {
        return Err(err(file, "procedures", format!("depends_on goes round in a circle through \"{cycle}\"")));
    }
    Ok(())
}

fn check_condition(file: &str, at: &str, c: &Condition, earlier: &[&Question]) -> Result<(), CatalogError> {
    for (qid, value) in c.references() {
        let Some(q) = earlier.iter().find(|q| q.id == qid) else {
            return Err(err(file, at, format!("refers to \"{qid}\", which is not an earlier question")));
        };
        let valid = match (q.kind, value) {
            (QuestionKind::YesNo, Some(v)) => v == "yes" || v == "no",
            (QuestionKind::Choice, Some(v)) => q.options.iter().any(|o| o.id == v),
            (QuestionKind::Number, None) => true,
            _ => false,
        };
        if !valid {
            return Err(err(file, at, format!("compares \"{qid}\" with {value:?}, which it can never be")));
        }
    }
    Ok(())
}

fn find_cycle(procedures: &[Procedure]) -> Option<String> {
    // Depth-first search with three colours; small graphs, so plain recursion.
    fn visit<'a>(p: &'a Procedure, all: &'a [Procedure], state: &mut BTreeMap<&'a str, bool>) -> Option<String> {
        match state.get(p.id.as_str()) {
            Some(true) => return None,
            Some(false) => return Some(p.id.clone()),
            None => {}
        }
        state.insert(&p.id, false);
        for d in &p.depends_on {
            if let Some(dep) = all.iter().find(|q| q.id == *d) {
                if let Some(c) = visit(dep, all, state) {
                    return Some(c);
                }
            }
        }
        state.insert(&p.id, true);
        None
    }
    let mut state = BTreeMap::new();
    procedures.iter().find_map(|p| visit(p, procedures, &mut state))
}
