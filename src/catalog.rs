//! The catalog: life events, their questions and procedures, agencies, documents and the
//! field dictionary. Data, not code: JSON files under public/catalog/ that a municipality
//! edits without rebuilding. Loading checks every reference, and a malformed file is
//! refused with a message naming the file, the entry and what is wrong.

use crate::calendar::ClosedDays;
use crate::condition::Condition;
use crate::deadline::Deadline;
use crate::household::{Claimant, PeopleQuestion, Role};
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
    #[serde(default, with = "crate::iso_date::list")]
    pub municipal_closed_days: Vec<Date>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EventRef {
    pub id: String,
    pub file: String,
    /// In the index, so the home page can offer every event before any event file (the
    /// bulk of the catalog) is fetched: each is fetched when its event is opened.
    pub title: Text,
    pub description: Text,
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
    /// How a person's attribute is named on a page about that person ("氏名" rather than
    /// "届出人の氏名"); a field's own label otherwise.
    #[serde(default)]
    pub attributes: BTreeMap<String, Text>,
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
    /// A residence card's number: two letters, eight digits, two letters.
    ResidenceCard,
    /// A time of day, kept as HH:MM (24 hours) and written as a sheet writes it
    /// (午後2時5分 on a Japanese one).
    Time,
    Choice,
    Number,
    Account,
    Document,
}

/// Whom a field is about; with `attribute` it names one fact of the vault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// The citizen using the app (as the one filing, or as the proxy of the claimant).
    Me,
    /// The household as a whole (its address, its head, its members).
    Household,
    /// Something only this case has (a moving day, a funeral date).
    Case,
    /// The child of a birth; in a move, each child who moves.
    Child,
    /// The person who died, in a death case.
    Deceased,
    /// Who files or claims this procedure (the procedure's `claimant`).
    Claimant,
    /// Each heir of the deceased.
    Heirs,
    /// Who goes to the office for the claimant (代理人): the helper the citizen named on
    /// the "who is who" page, or the citizen.
    Proxy,
}

impl Subject {
    /// A person (or people) rather than the household or the case.
    pub fn is_person(self) -> bool {
        !matches!(self, Subject::Household | Subject::Case)
    }
}

/// When a fact must hold, when it is not simply on the procedure's own date.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldTime {
    /// A value that starts on the date answered to this question (the new address from
    /// the moving day): asked as a new version, never taken from an older one.
    Starts(String),
    /// The value of the day before that date (the address one moves out of).
    Before(String),
    /// The value on that date (the address at the death).
    On(String),
}

impl FieldTime {
    pub fn question(&self) -> &str {
        match self {
            FieldTime::Starts(q) | FieldTime::Before(q) | FieldTime::On(q) => q,
        }
    }
}

/// A field computed from people and relations, never typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Derived {
    /// The subject's 続柄: to the child (birth), the deceased (death) or the household
    /// head (moving).
    Relation,
    /// The household's members with their 続柄 to the head (who moves, in a move).
    Members,
    /// The name of the household's head.
    HeadName,
    /// The child's father's (mother's) attribute: their name, their date of birth.
    Father,
    Mother,
    /// The citizen's 続柄 to the claimant they act for as proxy (代理人).
    ProxyRelation,
    /// The Japanese parent's attribute (the 本籍 a child of a foreign parent is entered
    /// under, 戸籍法18条・49条2項3号): the parent the birth's answers name as Japanese.
    JapaneseParent,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub label: Text,
    pub kind: FieldKind,
    pub subject: Subject,
    /// The fact's name for its subject; two fields with the same subject and attribute
    /// are one fact (applicant_name and child_name's parent are each a person's "name").
    /// Defaults to the field id.
    #[serde(default)]
    pub attribute: Option<String>,
    /// Personal data of a special care category (health, nationality …).
    #[serde(default)]
    pub sensitive: bool,
    /// The choices of a choice field.
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    #[serde(default)]
    pub at: Option<FieldTime>,
    #[serde(default)]
    pub derived: Option<Derived>,
}

impl Field {
    pub fn attribute<'a>(&'a self, id: &'a str) -> &'a str {
        self.attribute.as_deref().unwrap_or(id)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// From the index (EventRef), set when the event file is added.
    #[serde(skip)]
    pub title: Text,
    #[serde(skip)]
    pub description: Text,
    /// The people this event brings into the vault (the newborn, the deceased).
    #[serde(default)]
    pub people: Vec<Role>,
    /// The date question whose answer is the case's date: facts are taken as of it
    /// unless a procedure says otherwise (the address at the birth, at the death).
    pub as_of: String,
    /// What the "who is who" page asks, in order.
    #[serde(default)]
    pub household: Vec<PeopleQuestion>,
    pub questions: Vec<Question>,
    /// Yes-no questions asked together on one page as "select all that apply" (the things
    /// a deceased had or received): one screen and a tap for each that applies, instead of
    /// a page and two taps for each. Each answer stays the question's own.
    #[serde(default)]
    pub groups: Vec<QuestionGroup>,
    pub procedures: Vec<Procedure>,
    /// What people ask about after this event though nothing has to be filed (a
    /// deceased's driving licence, passport, seal registration): said once, with the law.
    #[serde(default)]
    pub nothing_to_file: Vec<NothingToFile>,
}

/// A thing that needs no procedure, and why.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NothingToFile {
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub legal_basis: Text,
    pub source: String,
}

/// The page of a group of yes-no questions: its heading and hint; each member question
/// gives its checkbox (`Question::item`).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionGroup {
    pub id: String,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<Text>,
    #[serde(default)]
    pub hint: Option<Text>,
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
    /// How counter staff put the question to the citizen, where it differs from `text`
    /// (the honorific 「〜はお持ちですか」 of the counter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<Text>,
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
    /// The field of the dictionary this answer is (the birth date question gives the
    /// child's date of birth): the vault is its one source, shown here for confirmation
    /// once it knows it, and every sheet follows it.
    #[serde(default)]
    pub fills: Option<String>,
    /// An answer the household's people already tell (a child of school age among those
    /// who move), proposed for confirmation.
    #[serde(default)]
    pub derive: Option<Derivation>,
    /// Asked on the page of this group of the event, as a checkbox labelled `item`.
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub item: Option<Text>,
    /// Date questions: proposed as the answer to this earlier date question, for the
    /// citizen to confirm or change (the day a widow learned of the death is, most often,
    /// the day of the death: one tap instead of a date typed again).
    #[serde(default)]
    pub propose: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Derivation {
    /// "yes" when a child of compulsory-school age is among the household (who moves).
    SchoolAgeChildren,
    /// "yes" when a child of child-allowance age is among the household (who moves).
    AllowanceAgeChildren,
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
    pub fields: Vec<FieldUse>,
    /// Those of its fields it can be filed without: the office looks it up, or it is
    /// added at the counter (a customer number, the deceased's My Number, a licence
    /// number). Per procedure, because a fact one office can find is one another cannot
    /// do without (a bank finds the deceased's accounts by name; a tax return cannot be
    /// filed without the estate's value). The citizen may leave such a fact open with
    /// 「まだ分からない」 where every procedure that uses it can wait for it.
    #[serde(default)]
    pub can_wait: Vec<String>,
    /// Who files or claims it; their details fill the claimant's fields.
    #[serde(default)]
    pub claimant: Claimant,
    /// Each heir files their own, the period running from the day they themself learned
    /// (相続放棄: 民法915条1項): the plan gives each heir's last day.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub each_heir: bool,
    /// When its facts are taken, if not on the event's date (before the moving day).
    #[serde(default)]
    pub as_of: Option<FieldTime>,
    #[serde(default)]
    pub depends_on: Vec<String>,
    #[serde(default)]
    pub when: Condition,
    /// Answers that make it moot or show it was done already, with the reason shown.
    #[serde(default)]
    pub closed_when: Vec<Closure>,
    /// Facts it makes true once done or handed over (claiming child allowance → the
    /// household receives it), so no later event asks them.
    #[serde(default)]
    pub gives: Vec<Give>,
    /// Where it can be done online instead (マイナポータル, ぴったりサービス).
    #[serde(default)]
    pub online: Option<Online>,
    pub deadline: Deadline,
    pub legal_basis: Text,
    pub source: String,
    /// Where the law or practice is unsure or varies by municipality; shown to the citizen.
    #[serde(default)]
    pub note: Option<Text>,
}

impl Procedure {
    /// Whether it can be filed without this field (left blank, added at the counter).
    pub fn can_wait(&self, field: &str) -> bool {
        self.can_wait.iter().any(|f| f == field)
    }
}

/// A field a procedure asks, always or only when a condition holds ("don't know"
/// income → no amount).
#[derive(Clone, Debug, Serialize)]
pub struct FieldUse {
    pub field: String,
    pub when: Condition,
}

impl<'de> Deserialize<'de> for FieldUse {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Plain(String),
            Conditional { field: String, when: Condition },
        }
        Ok(match Form::deserialize(d)? {
            Form::Plain(field) => FieldUse {
                field,
                when: Condition::Always,
            },
            Form::Conditional { field, when } => FieldUse { field, when },
        })
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    pub when: Condition,
    pub reason: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Give {
    pub field: String,
    pub value: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Online {
    pub name: Text,
    pub url: String,
}

#[derive(Clone, Debug)]
pub struct Catalog {
    pub index: Index,
    pub fields: FieldDictionary,
    pub events: Vec<Event>,
}

impl Catalog {
    /// The event, once its file has been added.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The events the index lists, loaded or not.
    pub fn event_refs(&self) -> &[EventRef] {
        &self.index.events
    }

    /// An event's title from the index (an event not listed: its id).
    pub fn event_title(&self, id: &str, lang: crate::i18n::Lang) -> String {
        self.index
            .events
            .iter()
            .find(|e| e.id == id)
            .map_or_else(|| id.to_string(), |e| e.title.get(lang).to_string())
    }

    /// A field's label, or its id when the dictionary lacks it.
    /// The attribute of the vault a field fills: its own, or the field's id.
    pub fn field_attribute(&self, field: &str) -> String {
        self.fields
            .fields
            .get(field)
            .and_then(|f| f.attribute.clone())
            .unwrap_or_else(|| field.to_string())
    }

    pub fn field_label(&self, field: &str, lang: crate::i18n::Lang) -> String {
        self.fields
            .fields
            .get(field)
            .map_or(field.to_string(), |f| f.label.get(lang).to_string())
    }

    /// How a person's attribute is named on a page about that person ("氏名"), falling
    /// back to the label of the field that asked it.
    pub fn attribute_label(&self, attribute: &str, field: &str, lang: crate::i18n::Lang) -> String {
        self.fields.attributes.get(attribute).map_or_else(
            || self.field_label(field, lang),
            |t| t.get(lang).to_string(),
        )
    }

    /// A stored value as the citizen reads it (a choice by its label, not its id).
    pub fn display_value(&self, field: &str, value: &str, lang: crate::i18n::Lang) -> String {
        self.fields
            .fields
            .get(field)
            .and_then(|f| f.options.iter().find(|o| o.id == value))
            .map_or(value.to_string(), |o| o.label.get(lang).to_string())
    }

    /// The dictionary entry that names a fact of a person (`person`), of the household, or
    /// of a case: for its label, kind and checks. Derived fields name no fact.
    pub fn field_for(
        &self,
        person: bool,
        household: bool,
        attribute: &str,
    ) -> Option<(&str, &Field)> {
        self.fields
            .fields
            .iter()
            .filter(|(_, f)| f.derived.is_none())
            .find(|(id, f)| {
                let class = match f.subject {
                    Subject::Household => !person && household,
                    Subject::Case => !person && !household,
                    _ => person,
                };
                class && f.attribute(id) == attribute
            })
            .map(|(id, f)| (id.as_str(), f))
    }

    pub fn agency_name(&self, agency: &str, lang: crate::i18n::Lang) -> String {
        self.index
            .agencies
            .get(agency)
            .map_or(agency.to_string(), |a| a.name.get(lang).to_string())
    }

    pub fn document_name(&self, document: &str, lang: crate::i18n::Lang) -> String {
        self.index
            .documents
            .get(document)
            .map_or(document.to_string(), |d| d.get(lang).to_string())
    }

    /// A procedure of an event by id.
    pub fn procedure(&self, event: &str, id: &str) -> Option<&Procedure> {
        self.event(event)?.procedures.iter().find(|p| p.id == id)
    }

    pub fn closed_days(&self) -> ClosedDays {
        ClosedDays {
            municipal_extra: self.index.municipal_closed_days.clone(),
        }
    }

    /// Loads and checks the whole catalog; `event_files` holds (file name, contents) for
    /// every file the index lists.
    /// The whole catalog at once: the index, the field dictionary and every event file.
    pub fn load(
        index_src: &str,
        fields_src: &str,
        event_files: &[(String, String)],
    ) -> Result<Catalog, CatalogError> {
        let mut catalog = Catalog::base(index_src, fields_src)?;
        for event_ref in catalog.index.events.clone() {
            let (_, src) = event_files
                .iter()
                .find(|(f, _)| *f == event_ref.file)
                .ok_or_else(|| CatalogError {
                    file: event_ref.file.clone(),
                    entry: String::new(),
                    message: "listed in index.json but could not be read".into(),
                })?;
            catalog.add_event(&event_ref.id, src)?;
        }
        Ok(catalog)
    }

    /// The index and the field dictionary, checked, with no event yet.
    pub fn base(index_src: &str, fields_src: &str) -> Result<Catalog, CatalogError> {
        let index: Index = parse("index.json", index_src)?;
        let fields: FieldDictionary = parse("fields.json", fields_src)?;
        check_index(&index)?;
        check_fields(&fields)?;
        Ok(Catalog {
            index,
            fields,
            events: Vec::new(),
        })
    }

    /// The file the index names for an event.
    pub fn event_file(&self, id: &str) -> Option<&str> {
        self.index
            .events
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.file.as_str())
    }

    /// Reads and checks one event's file against the index and the field dictionary, and
    /// adds it (again: replaces it).
    pub fn add_event(&mut self, id: &str, src: &str) -> Result<(), CatalogError> {
        let event_ref = self
            .index
            .events
            .iter()
            .find(|e| e.id == id)
            .cloned()
            .ok_or_else(|| err("index.json", "events", format!("lists no event \"{id}\"")))?;
        let mut event: Event = parse(&event_ref.file, src)?;
        if event.id != event_ref.id {
            return Err(err(
                &event_ref.file,
                "id",
                format!(
                    "is \"{}\" but index.json calls it \"{}\"",
                    event.id, event_ref.id
                ),
            ));
        }
        event.title = event_ref.title;
        event.description = event_ref.description;
        check_event(&event_ref.file, &event, &self.index, &self.fields)?;
        self.events.retain(|e| e.id != id);
        self.events.push(event);
        Ok(())
    }
}

fn err(file: &str, entry: impl Into<String>, message: impl Into<String>) -> CatalogError {
    CatalogError {
        file: file.into(),
        entry: entry.into(),
        message: message.into(),
    }
}

fn parse<T: for<'de> Deserialize<'de>>(file: &str, src: &str) -> Result<T, CatalogError> {
    serde_json::from_str(src).map_err(|e| {
        // The entry is found from where the reader stopped, by a small walk of the JSON
        // text: the tracked deserialisers of serde_path_to_error cost 88 KB of the app's
        // code for the same answer (issue 8).
        let at = src
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum::<usize>()
            + e.column();
        err(file, json_path_at(src, at), e.to_string())
    })
}

/// Where a JSON reader that stopped after `at` bytes of `src` was:
/// `procedures[3].deadline.length`. A container that has just closed is named itself (a
/// struct missing a field is reported after its `}`).
pub fn json_path_at(src: &str, at: usize) -> String {
    enum Frame {
        Object { key: Option<String>, want_key: bool },
        Array { index: usize, started: bool },
    }
    let bytes = src.as_bytes();
    let end = at.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        if let Some(Frame::Array { started, .. }) = stack.last_mut() {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b',' | b']') {
                *started = true;
            }
        }
        match b {
            b'{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
            }),
            b'[' => stack.push(Frame::Array {
                index: 0,
                started: false,
            }),
            b'}' | b']' => {
                if i + 1 == end {
                    // Just closed: name the container, not its last member.
                    match stack.last_mut() {
                        Some(Frame::Object { key, .. }) => *key = None,
                        Some(Frame::Array { started, .. }) => *started = false,
                        None => {}
                    }
                    break;
                }
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                Some(Frame::Object { want_key, .. }) => *want_key = true,
                None => {}
            },
            b'"' => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if j >= end {
                    break; // stopped inside this string
                }
                if let Some(Frame::Object { key, want_key }) = stack.last_mut() {
                    if *want_key {
                        *key = Some(src[i + 1..j].to_string());
                        *want_key = false;
                    }
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Array {
                index,
                started: true,
            } => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    path
}

fn check_text(file: &str, entry: &str, text: &Text) -> Result<(), CatalogError> {
    match text.missing() {
        Some(lang) => Err(err(
            file,
            entry,
            format!("the {} text is empty", lang.code()),
        )),
        None => Ok(()),
    }
}

fn check_index(index: &Index) -> Result<(), CatalogError> {
    let f = "index.json";
    if index.version != CATALOG_VERSION {
        return Err(err(
            f,
            "version",
            format!(
                "is {}, this app reads version {CATALOG_VERSION}",
                index.version
            ),
        ));
    }
    if index.events.is_empty() {
        return Err(err(f, "events", "lists no life event"));
    }
    let mut seen = BTreeSet::new();
    for (i, e) in index.events.iter().enumerate() {
        check_text(f, &format!("events[{i}].title"), &e.title)?;
        check_text(f, &format!("events[{i}].description"), &e.description)?;
        if !seen.insert(&e.id) {
            return Err(err(
                f,
                format!("events[{i}]"),
                format!("the id \"{}\" is used twice", e.id),
            ));
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
    let f = "fields.json";
    // One fact has one kind: "name" is a name whoever it belongs to.
    let mut kinds: BTreeMap<(bool, &str), (&str, FieldKind)> = BTreeMap::new();
    for (id, field) in &fields.fields {
        check_text(f, &format!("fields.{id}.label"), &field.label)?;
        if (field.kind == FieldKind::Choice) != (field.options.len() >= 2) {
            return Err(err(
                f,
                format!("fields.{id}.options"),
                "a choice field needs two or more options, and only a choice field has them",
            ));
        }
        for (j, o) in field.options.iter().enumerate() {
            check_text(f, &format!("fields.{id}.options[{j}].label"), &o.label)?;
        }
        if field.derived.is_some()
            && field
                .at
                .as_ref()
                .is_some_and(|t| matches!(t, FieldTime::Starts(_)))
        {
            return Err(err(
                f,
                format!("fields.{id}.at"),
                "a derived field cannot start a new value",
            ));
        }
        if field.derived.is_none() {
            let class = (field.subject.is_person(), field.attribute(id));
            if field.subject != Subject::Case {
                match kinds.get(&class) {
                    Some((other, kind)) if *kind != field.kind => {
                        return Err(err(
                            f,
                            format!("fields.{id}.kind"),
                            format!("is not the kind of \"{other}\", the same fact"),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        kinds.insert(class, (id, field.kind));
                    }
                }
            }
        }
    }
    Ok(())
}

fn check_event(
    file: &str,
    event: &Event,
    index: &Index,
    fields: &FieldDictionary,
) -> Result<(), CatalogError> {
    if event.questions.is_empty() {
        return Err(err(
            file,
            "questions",
            "an event with no questions has nothing to plan from",
        ));
    }
    if let Some(s) = event
        .people
        .iter()
        .find(|s| !matches!(s, Role::Child | Role::Deceased))
    {
        return Err(err(
            file,
            "people",
            format!("{s:?} is not a person an event brings (child, deceased)"),
        ));
    }
    let date_question = |q: &str| {
        event
            .questions
            .iter()
            .any(|e| e.id == q && e.kind == QuestionKind::Date)
    };
    if !date_question(&event.as_of) {
        return Err(err(
            file,
            "as_of",
            format!("\"{}\" is not a date question of this event", event.as_of),
        ));
    }
    // Questions, in order: a condition may only look back, so the flow never depends on
    // an answer not yet given.
    let mut earlier: Vec<&Question> = Vec::new();
    for (i, q) in event.questions.iter().enumerate() {
        let at = format!("questions[{i}] ({})", q.id);
        if earlier.iter().any(|e| e.id == q.id) {
            return Err(err(file, at, "this id is used twice"));
        }
        if crate::case::Step::RESERVED.contains(&q.id.as_str()) || q.id.contains(':') {
            return Err(err(
                file,
                at,
                "this id names a step of the app; choose another",
            ));
        }
        check_text(file, &format!("{at}.text"), &q.text)?;
        if let Some(t) = &q.staff {
            check_text(file, &format!("{at}.staff"), t)?;
        }
        if let Some(h) = &q.hint {
            check_text(file, &format!("{at}.hint"), h)?;
        }
        check_condition(file, &format!("{at}.when"), &q.when, &earlier)?;
        match q.kind {
            QuestionKind::Choice => {
                if q.options.len() < 2 {
                    return Err(err(
                        file,
                        format!("{at}.options"),
                        "a choice needs at least two options",
                    ));
                }
                let mut ids = BTreeSet::new();
                for (j, o) in q.options.iter().enumerate() {
                    if !ids.insert(&o.id) {
                        return Err(err(
                            file,
                            format!("{at}.options[{j}]"),
                            format!("the option \"{}\" is listed twice", o.id),
                        ));
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
                    if !earlier
                        .iter()
                        .any(|e| e.id == *other && e.kind == QuestionKind::Date)
                    {
                        return Err(err(
                            file,
                            format!("{at}.not_before"),
                            format!("\"{other}\" is not an earlier date question"),
                        ));
                    }
                }
            }
            QuestionKind::YesNo => {}
        }
        if let Some(field) = &q.fills {
            let options: Vec<&str> = match q.kind {
                QuestionKind::YesNo => vec!["yes", "no"],
                _ => q.options.iter().map(|o| o.id.as_str()).collect(),
            };
            let matches = fields.fields.get(field).is_some_and(|f| {
                f.derived.is_none()
                    && match q.kind {
                        QuestionKind::Date => f.kind == FieldKind::Date,
                        QuestionKind::Number => f.kind == FieldKind::Number,
                        // Every answer must be a value the fact can hold.
                        QuestionKind::Choice | QuestionKind::YesNo => {
                            f.kind == FieldKind::Choice
                                && options
                                    .iter()
                                    .all(|o| f.options.iter().any(|fo| fo.id == *o))
                        }
                    }
            });
            if !matches {
                return Err(err(
                    file,
                    format!("{at}.fills"),
                    format!(
                        "\"{field}\" is not a field of the same kind and options in fields.json"
                    ),
                ));
            }
        }
        if q.derive.is_some() && q.kind != QuestionKind::YesNo {
            return Err(err(
                file,
                format!("{at}.derive"),
                "only a yes-no question can be derived",
            ));
        }
        if let Some(other) = &q.propose {
            if q.kind != QuestionKind::Date
                || !earlier
                    .iter()
                    .any(|e| e.id == *other && e.kind == QuestionKind::Date)
            {
                return Err(err(
                    file,
                    format!("{at}.propose"),
                    format!(
                        "\"{other}\" is not an earlier date question, or this is no date question"
                    ),
                ));
            }
        }
        check_group_member(file, &at, event, q, &earlier)?;
        earlier.push(q);
    }
    for (i, g) in event.groups.iter().enumerate() {
        let at = format!("groups[{i}] ({})", g.id);
        check_text(file, &format!("{at}.text"), &g.text)?;
        if let Some(t) = &g.staff {
            check_text(file, &format!("{at}.staff"), t)?;
        }
        if let Some(h) = &g.hint {
            check_text(file, &format!("{at}.hint"), h)?;
        }
        let members = event
            .questions
            .iter()
            .filter(|q| q.group.as_deref() == Some(g.id.as_str()))
            .count();
        if members < 2 {
            return Err(err(
                file,
                at,
                "a group asks two or more questions on its page",
            ));
        }
    }
    let ids: BTreeSet<&str> = event.procedures.iter().map(|p| p.id.as_str()).collect();
    if ids.len() != event.procedures.len() {
        let dup = event
            .procedures
            .iter()
            .find(|p| event.procedures.iter().filter(|o| o.id == p.id).count() > 1);
        return Err(err(
            file,
            "procedures",
            format!("the id \"{}\" is used twice", dup.map_or("", |p| &p.id)),
        ));
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
            return Err(err(
                file,
                format!("{at}.agency"),
                format!("\"{}\" is not an agency of index.json", p.agency),
            ));
        }
        if p.channels.is_empty() {
            return Err(err(
                file,
                format!("{at}.channels"),
                "names no channel (online, counter, mail)",
            ));
        }
        if let Some(d) = p.bring.iter().find(|d| !index.documents.contains_key(*d)) {
            return Err(err(
                file,
                format!("{at}.bring"),
                format!("\"{d}\" is not a document of index.json"),
            ));
        }
        if let Some(f) = p
            .can_wait
            .iter()
            .find(|f| !p.fields.iter().any(|u| u.field == **f))
        {
            return Err(err(
                file,
                format!("{at}.can_wait"),
                format!("\"{f}\" is not one of its fields"),
            ));
        }
        for (j, u) in p.fields.iter().enumerate() {
            let Some(def) = fields.fields.get(&u.field) else {
                return Err(err(
                    file,
                    format!("{at}.fields"),
                    format!(
                        "\"{}\" is not in the field dictionary (fields.json)",
                        u.field
                    ),
                ));
            };
            check_condition(file, &format!("{at}.fields[{j}].when"), &u.when, &earlier)?;
            if let Some(t) = &def.at {
                if !date_question(t.question()) {
                    return Err(err(
                        file,
                        format!("{at}.fields[{j}]"),
                        format!(
                            "\"{}\" is taken at \"{}\", not a date question of this event",
                            u.field,
                            t.question()
                        ),
                    ));
                }
            }
            let needs_child = def.subject == Subject::Child
                || matches!(
                    def.derived,
                    Some(Derived::Father | Derived::Mother | Derived::JapaneseParent)
                );
            // A death's children are the deceased's, named among the heirs.
            let has_children = event.people.contains(&Role::Child)
                || event.household.contains(&PeopleQuestion::Members)
                || event.household.contains(&PeopleQuestion::Heirs);
            if needs_child && !has_children {
                return Err(err(
                    file,
                    format!("{at}.fields[{j}]"),
                    format!("\"{}\" is about a child, and this event has none", u.field),
                ));
            }
            if matches!(def.subject, Subject::Deceased | Subject::Heirs)
                && !event.people.contains(&Role::Deceased)
            {
                return Err(err(
                    file,
                    format!("{at}.fields[{j}]"),
                    format!(
                        "\"{}\" is about a deceased person, and this event has none",
                        u.field
                    ),
                ));
            }
        }
        if let Some(t) = &p.as_of {
            if !date_question(t.question()) || matches!(t, FieldTime::Starts(_)) {
                return Err(err(
                    file,
                    format!("{at}.as_of"),
                    "must be before or on a date question of this event",
                ));
            }
        }
        for (j, c) in p.closed_when.iter().enumerate() {
            check_condition(
                file,
                &format!("{at}.closed_when[{j}].when"),
                &c.when,
                &earlier,
            )?;
            check_text(file, &format!("{at}.closed_when[{j}].reason"), &c.reason)?;
        }
        for (j, g) in p.gives.iter().enumerate() {
            let ok = fields
                .fields
                .get(&g.field)
                .is_some_and(|f| f.derived.is_none() && f.options.iter().any(|o| o.id == g.value));
            if !ok {
                return Err(err(
                    file,
                    format!("{at}.gives[{j}]"),
                    format!(
                        "\"{}\" is not an option of a choice field \"{}\"",
                        g.value, g.field
                    ),
                ));
            }
        }
        if let Some(o) = &p.online {
            check_text(file, &format!("{at}.online.name"), &o.name)?;
            if !o.url.starts_with("https://") {
                return Err(err(
                    file,
                    format!("{at}.online.url"),
                    "must be an https:// address",
                ));
            }
        }
        if let Some(d) = p
            .depends_on
            .iter()
            .find(|d| !ids.contains(d.as_str()) || **d == p.id)
        {
            return Err(err(
                file,
                format!("{at}.depends_on"),
                format!("\"{d}\" is not another procedure of this event"),
            ));
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
        if let Deadline::Period { length, .. } = &p.deadline {
            // No period in the law runs longer than ten years (相続登記: three); a longer
            // one is a typing error that would become a wrong due date.
            let (n, max, unit) = match *length {
                crate::deadline::Length::Days(n) => (n, 3660, "days"),
                crate::deadline::Length::Months(n) => (n, 120, "months"),
                crate::deadline::Length::Years(n) => (n, 10, "years"),
            };
            if !(1..=max).contains(&n) {
                return Err(err(
                    file,
                    format!("{at}.deadline.length"),
                    format!("{n} {unit}: a period must be between 1 and {max} {unit}"),
                ));
            }
        }
        if !p.source.starts_with("https://") {
            return Err(err(
                file,
                format!("{at}.source"),
                "must be an https:// address",
            ));
        }
    }
    if let Some(cycle) = find_cycle(&event.procedures) {
        return Err(err(
            file,
            "procedures",
            format!("depends_on goes round in a circle through \"{cycle}\""),
        ));
    }
    Ok(())
}

/// A question asked in a group: a yes-no question with its checkbox's label, next to the
/// group's other members, whose being asked never hangs on another member's answer (the
/// page shows them all at once). A value the app proposes (a fact, the household) needs a
/// page of its own, where it is said where it comes from.
fn check_group_member(
    file: &str,
    at: &str,
    event: &Event,
    q: &Question,
    earlier: &[&Question],
) -> Result<(), CatalogError> {
    let Some(g) = &q.group else {
        if q.item.is_some() {
            return Err(err(
                file,
                format!("{at}.item"),
                "only a question in a group has an item",
            ));
        }
        return Ok(());
    };
    let at = format!("{at}.group");
    if !event.groups.iter().any(|e| e.id == *g) {
        return Err(err(
            file,
            at,
            format!("\"{g}\" is not a group of this event"),
        ));
    }
    if q.kind != QuestionKind::YesNo || q.fills.is_some() || q.derive.is_some() {
        return Err(err(
            file,
            at,
            "only a yes-no question the app does not fill or derive can be asked in a group",
        ));
    }
    match &q.item {
        Some(t) => check_text(file, &format!("{at}.item"), t)?,
        None => {
            return Err(err(
                file,
                at,
                "a question in a group needs its item (the checkbox)",
            ))
        }
    }
    let in_group = |e: &&&Question| e.group.as_deref() == Some(g.as_str());
    if earlier.iter().any(|e| in_group(&e)) && earlier.last().is_some_and(|e| !in_group(&e)) {
        return Err(err(file, at, "the questions of a group follow one another"));
    }
    if let Some((id, _)) = q
        .when
        .references()
        .into_iter()
        .find(|(id, _)| earlier.iter().filter(in_group).any(|e| e.id == *id))
    {
        return Err(err(
            file,
            at,
            format!("is asked by the answer to \"{id}\", a question on the same page"),
        ));
    }
    Ok(())
}

fn check_condition(
    file: &str,
    at: &str,
    c: &Condition,
    earlier: &[&Question],
) -> Result<(), CatalogError> {
    for (qid, value) in c.references() {
        let Some(q) = earlier.iter().find(|q| q.id == qid) else {
            return Err(err(
                file,
                at,
                format!("refers to \"{qid}\", which is not an earlier question"),
            ));
        };
        let valid = match (q.kind, value) {
            (QuestionKind::YesNo, Some(v)) => v == "yes" || v == "no",
            (QuestionKind::Choice, Some(v)) => q.options.iter().any(|o| o.id == v),
            (QuestionKind::Number | QuestionKind::Date, None) => matches!(
                (q.kind, c_kind(c, qid)),
                (QuestionKind::Number, Some(NumericOrDay::Numeric))
                    | (QuestionKind::Date, Some(NumericOrDay::Day))
            ),
            _ => false,
        };
        if !valid {
            return Err(err(
                file,
                at,
                format!("compares \"{qid}\" with {value:?}, which it can never be"),
            ));
        }
    }
    Ok(())
}

enum NumericOrDay {
    Numeric,
    Day,
}

/// Whether a condition compares `qid` as a number or as a day of the year.
fn c_kind(c: &Condition, qid: &str) -> Option<NumericOrDay> {
    match c {
        Condition::Lt(q, _) if q == qid => Some(NumericOrDay::Numeric),
        Condition::DayIn(q, ..) | Condition::DayInTax(q, ..) if q == qid => Some(NumericOrDay::Day),
        Condition::All(cs) | Condition::Any(cs) => cs.iter().find_map(|c| c_kind(c, qid)),
        Condition::Not(c) => c_kind(c, qid),
        _ => None,
    }
}

fn find_cycle(procedures: &[Procedure]) -> Option<String> {
    // Depth-first search with three colours; small graphs, so plain recursion.
    fn visit<'a>(
        p: &'a Procedure,
        all: &'a [Procedure],
        state: &mut BTreeMap<&'a str, bool>,
    ) -> Option<String> {
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
    procedures
        .iter()
        .find_map(|p| visit(p, procedures, &mut state))
}
