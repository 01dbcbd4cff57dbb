//! Filling a form from the vault: the one place that decides which value of which fact a
//! field of a procedure carries, for whom and as of which day.
//!
//! - A field is taken on the procedure's own date (the event's date, or the day before
//!   moving for a 転出届) unless the field names its own (the new address from the moving
//!   day, the old one the day before).
//! - Claimant fields are the details of whoever files the procedure (the surviving spouse
//!   for a survivors' pension, the 喪主 for the funeral grant); when that is not the
//!   citizen, the citizen's own details go in as proxy (代理人).
//! - Relations (続柄), the household's members and head, and the baby's father and mother
//!   are derived from the people in the vault, never typed.
//! - A value that cannot be filled names exactly what is missing: a fact to ask on a
//!   detail page, or someone to name on the "who is who" page.

use crate::case::Case;
use crate::catalog::{
    Catalog, Closure, Derived, Event, Field, FieldTime, Procedure, QuestionKind, Subject,
};
use crate::condition::Answers;
use crate::household::{self, Claimant, Kin, PeopleQuestion, Role, Sex};
use crate::i18n::Lang;
use crate::questionnaire::asked;
use crate::ui_text::kin_word;
use crate::vault::{FactKey, Vault, HOUSEHOLD, ME};
use jiff::civil::Date;

/// Fields and documents a procedure gains when the citizen files it for someone else.
pub const PROXY_FIELDS: [&str; 4] = [
    "proxy_name",
    "proxy_address",
    "proxy_phone",
    "proxy_relation",
];
pub const PROXY_DOCUMENTS: [&str; 2] = ["power_of_attorney", "proxy_id"];
/// Separates the values of several people in one field (the heirs, the children).
pub const LIST_SEPARATOR: &str = "、";

/// Drafts of a page of details are kept in the case under this prefix.
pub const DETAIL_DRAFT: &str = "field:";
/// Drafts of a change to one fact: `change:{owner}.{attribute}`.
pub const CHANGE_DRAFT: &str = "change:";

/// What is being typed for a fact, not saved yet: a draft of a page of details or of a
/// change, for this owner and attribute.
pub fn draft_of<'a>(
    drafts: &'a std::collections::BTreeMap<String, String>,
    owner: &str,
    attribute: &str,
) -> Option<&'a String> {
    drafts
        .get(&format!("{CHANGE_DRAFT}{owner}.{attribute}"))
        .or_else(|| {
            let prefix = format!("{DETAIL_DRAFT}{owner}:f-{attribute}");
            drafts
                .iter()
                .find(|(k, _)| {
                    k.strip_prefix(&prefix)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with("-from-"))
                })
                .map(|(_, v)| v)
        })
        .filter(|v| !v.trim().is_empty())
}

/// The facts of an owner being typed on a page of details, not saved yet: (attribute, draft).
pub fn detail_drafts<'a>(
    drafts: &'a std::collections::BTreeMap<String, String>,
    owner: &str,
) -> Vec<(String, &'a String)> {
    let prefix = format!("{DETAIL_DRAFT}{owner}:f-");
    drafts
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .filter_map(|(k, v)| {
            let rest = k.strip_prefix(&prefix)?;
            let attribute = rest.split("-from-").next()?;
            Some((attribute.to_string(), v))
        })
        .collect()
}

/// A fact to ask.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ask {
    pub key: FactKey,
    /// A new value that starts on this day, following this question's answer (the new
    /// address from the moving day); None: the value that holds on `at`.
    pub starts: Option<(Date, String)>,
    /// The day the value must hold.
    pub at: Date,
    /// The first field that asked it: its label and kind.
    pub field: String,
}

impl Ask {
    /// The id of the control that asks it on a page of details ("f-address-from-2026-06-01").
    pub fn control_id(&self) -> String {
        match &self.starts {
            Some((d, _)) => format!("f-{}-from-{d}", self.key.attribute),
            None => format!("f-{}", self.key.attribute),
        }
    }

    /// Where the case keeps what is typed for it before it is saved: whose it is, so the
    /// counter's citizen screen can show it as being typed under that person.
    pub fn draft_key(&self) -> String {
        format!("{DETAIL_DRAFT}{}:{}", self.key.owner, self.control_id())
    }

    /// How the case keeps that the citizen does not know it yet (`Case::open`).
    pub fn open_key(&self) -> String {
        format!("{}:{}", self.key.owner, self.control_id())
    }

    /// Two asks for the same fact and the same start are one question.
    pub fn same_fact(&self, other: &Ask) -> bool {
        self.key == other.key
            && self.starts.as_ref().map(|s| s.0) == other.starts.as_ref().map(|s| s.0)
    }
}

/// What a form lacks.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    Fact(Ask),
    /// Someone to name on the "who is who" page.
    Person(PeopleQuestion),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Resolved {
    /// The value, and the facts (with the day they were taken on) it came from.
    Value {
        text: String,
        used: Vec<(FactKey, Date)>,
    },
    /// Left empty on purpose (no proxy when the citizen files themself, no father named).
    Blank,
    Missing(Vec<Gap>),
}

impl Resolved {
    fn value(text: String, used: Vec<(FactKey, Date)>) -> Resolved {
        Resolved::Value { text, used }
    }

    fn missing(gap: Gap) -> Resolved {
        Resolved::Missing(vec![gap])
    }

    pub fn text(&self) -> Option<&str> {
        match self {
            Resolved::Value { text, .. } => Some(text),
            Resolved::Blank => Some(""),
            Resolved::Missing(_) => None,
        }
    }
}

/// An answer the app already knows, shown for confirmation instead of asked afresh.
#[derive(Clone, Debug, PartialEq)]
pub struct Known {
    pub value: String,
    pub from: KnownFrom,
}

#[derive(Clone, Debug, PartialEq)]
pub enum KnownFrom {
    /// A fact of the vault, given in an earlier case (or this one).
    Fact(crate::vault::Provenance),
    /// Told by the household's people (their dates of birth).
    /// Those of the household of that age (none: nobody is).
    Household(Vec<String>),
}

/// One case seen through the catalog and the vault.
#[derive(Clone, Copy)]
pub struct CaseScope<'a> {
    pub catalog: &'a Catalog,
    pub event: &'a Event,
    pub case: &'a Case,
    pub vault: &'a Vault,
    pub today: Date,
}

/// The person a choice fact belongs to in a case, for a question that fills it.
fn owner_in_case(subject: Subject, case: &Case) -> Option<String> {
    match subject {
        Subject::Me => Some(ME.into()),
        Subject::Household => Some(HOUSEHOLD.into()),
        Subject::Case => Some(case.id.clone()),
        Subject::Child => case.first(Role::Child).map(str::to_string),
        Subject::Deceased => case.first(Role::Deceased).map(str::to_string),
        Subject::Proxy => Some(case.first(Role::Helper).unwrap_or(ME).to_string()),
        Subject::Claimant | Subject::Heirs => None,
    }
}

impl<'a> CaseScope<'a> {
    pub fn new(
        catalog: &'a Catalog,
        event: &'a Event,
        case: &'a Case,
        vault: &'a Vault,
        today: Date,
    ) -> Self {
        CaseScope {
            catalog,
            event,
            case,
            vault,
            today,
        }
    }

    fn field(&self, id: &str) -> Option<&'a Field> {
        self.catalog.fields.fields.get(id)
    }

    /// The fact a question's answer is, if it fills one: (key, whether it is a date that
    /// never changes, so a different answer corrects it).
    pub fn fill_key(&self, question: &str) -> Option<FactKey> {
        let q = self.event.questions.iter().find(|q| q.id == question)?;
        let id = q.fills.as_ref()?;
        let def = self.field(id)?;
        Some(FactKey::new(
            &owner_in_case(def.subject, self.case)?,
            def.attribute(id),
        ))
    }

    /// The vault's value for a question that fills a fact, as of the case's date.
    pub fn vault_answer(
        &self,
        question: &str,
        day: Option<Date>,
    ) -> Option<&'a crate::vault::Fact> {
        let key = self.fill_key(question)?;
        let q = self.event.questions.iter().find(|q| q.id == question)?;
        let fact = match day {
            Some(d) => self.vault.at(&key, d),
            None => self.vault.latest(&key),
        }?;
        // Only a value this question can give (insurance "elderly" is no answer to a
        // question that offers national or employee).
        let fits = match q.kind {
            QuestionKind::Choice => q.options.iter().any(|o| o.id == fact.value),
            QuestionKind::YesNo => fact.value == "yes" || fact.value == "no",
            QuestionKind::Date => crate::iso_date::parse(&fact.value).is_some(),
            QuestionKind::Number => fact.value.parse::<f64>().is_ok(),
        };
        fits.then_some(fact)
    }

    /// The case's date (the birth, the move, the death), from the vault when the answer is
    /// a fact there.
    pub fn case_date(&self) -> Option<Date> {
        let q = &self.event.as_of;
        if self.case.answers.contains_key(q) {
            if let Some(f) = self.vault_answer(q, None) {
                return crate::iso_date::parse(&f.value);
            }
        }
        crate::iso_date::parse(self.case.answers.get(q)?)
    }

    /// The answers the plan is built on: only those of questions asked, and for answers
    /// that are facts, the vault's value on the case's date — the vault is their one
    /// source, so a fact changed later changes every plan and sheet that uses it.
    pub fn answers(&self) -> Answers {
        let day = self.case_date();
        let mut merged = self.case.answers.clone();
        for (q, a) in merged.iter_mut() {
            if let Some(f) = self.vault_answer(q, day) {
                *a = f.value.clone();
            }
        }
        asked(self.event, &merged)
            .into_iter()
            .filter_map(|q| merged.get(&q.id).map(|a| (q.id.clone(), a.clone())))
            .collect()
    }

    /// The day a question's date answer gives, moved by the field time rule.
    pub fn date_of(&self, time: &FieldTime, answers: &Answers) -> Option<Date> {
        let day = crate::iso_date::parse(answers.get(time.question())?)?;
        match time {
            FieldTime::Before(_) => day.yesterday().ok(),
            FieldTime::Starts(_) | FieldTime::On(_) => Some(day),
        }
    }

    /// The day a procedure's facts are taken on.
    pub fn procedure_date(&self, p: &Procedure, answers: &Answers) -> Date {
        p.as_of
            .as_ref()
            .and_then(|t| self.date_of(t, answers))
            .or_else(|| self.case_date())
            .unwrap_or(self.today)
    }

    /// The closure that applies, if an answer makes the procedure moot or done already.
    pub fn closure(&self, p: &'a Procedure, answers: &Answers) -> Option<&'a Closure> {
        p.closed_when.iter().find(|c| c.when.holds(answers))
    }

    /// Procedures the answers make apply, closed ones included (the plan shows why).
    pub fn applicable(&self, answers: &Answers) -> Vec<&'a Procedure> {
        self.event
            .procedures
            .iter()
            .filter(|p| p.when.holds(answers) && self.claimant_possible(p))
            .collect()
    }

    /// False when the household rules out the one the law lets claim (a widow's pension
    /// after a wife's death); what the device does not know rules nothing out.
    fn claimant_possible(&self, p: &Procedure) -> bool {
        if p.claimant != Claimant::Widow {
            return true;
        }
        self.case
            .role(Role::Deceased)
            .first()
            .is_none_or(|d| household::widow_possible(self.vault, d))
    }

    /// Done, closed, or already in a packet: nothing more is gathered for it.
    pub fn settled(&self, p: &Procedure, answers: &Answers) -> bool {
        self.case.done.contains(&p.id)
            || self.closure(p, answers).is_some()
            || self.case.packet_of(&p.id).is_some()
    }

    fn role_people(&self, role: Role, question: PeopleQuestion) -> Result<Vec<String>, Gap> {
        let people = self.case.role(role);
        if people.is_empty() && !self.case.people_confirmed {
            return Err(Gap::Person(question));
        }
        Ok(people.to_vec())
    }

    fn one_of(&self, role: Role, question: PeopleQuestion) -> Result<String, Gap> {
        self.role_people(role, question)?
            .into_iter()
            .next()
            .ok_or(Gap::Person(question))
    }

    /// The household's head (世帯主) on `day`: the living head the vault knows, else a gap
    /// the "who is who" page fills (in a death, who heads it from now on: the deceased
    /// may have). An event whose page has no such question is never held up by it — the
    /// flow would come back to that page without end — and takes the citizen, the
    /// household member filing.
    fn head(&self, day: Date) -> Result<String, Gap> {
        let asks_head = self.event.household.contains(&PeopleQuestion::Head);
        match self.vault.head_at(day) {
            Some(h) if self.vault.death_date(h).is_none_or(|d| d > day) => Ok(h.to_string()),
            _ if !asks_head => Ok(ME.into()),
            _ => Err(Gap::Person(PeopleQuestion::Head)),
        }
    }

    /// The baby's father or mother, as the "who is who" page says.
    fn parent(&self, sex: Sex) -> Result<String, Gap> {
        let child = self.one_of(Role::Child, PeopleQuestion::Parents)?;
        household::parent_of_sex(self.vault, &child, sex)
            .ok_or(Gap::Person(PeopleQuestion::Parents))
    }

    /// Who files or claims a procedure.
    pub fn claimant(&self, p: &Procedure, answers: &Answers) -> Result<String, Gap> {
        let day = self.procedure_date(p, answers);
        match p.claimant {
            Claimant::Me => Ok(ME.into()),
            Claimant::Informant => self.one_of(Role::Informant, PeopleQuestion::Informant),
            Claimant::AllowanceClaimant => {
                self.one_of(Role::AllowanceClaimant, PeopleQuestion::AllowanceClaimant)
            }
            Claimant::FuneralHost => self.one_of(Role::FuneralHost, PeopleQuestion::FuneralHost),
            Claimant::Head => self.head(day),
            Claimant::Mother => self.parent(Sex::Female),
            Claimant::Father => self.parent(Sex::Male),
            Claimant::InsuredParent => {
                match answers.get(household::BABY_INSURANCE).map(String::as_str) {
                    Some("employee_father") => self.parent(Sex::Male),
                    Some("employee_mother") => self.parent(Sex::Female),
                    _ => self.head(day),
                }
            }
            Claimant::MothersInsured => {
                let own = household::birth_insurance(answers)
                    .into_iter()
                    .find(|(sex, _)| *sex == Sex::Female)
                    .map(|(_, kind)| kind);
                match (
                    own,
                    answers.get(household::BABY_INSURANCE).map(String::as_str),
                ) {
                    (Some("employee"), _) => self.parent(Sex::Female),
                    // A dependant: of the father insured at work, when he is.
                    (Some("dependent"), Some("employee_father")) => self.parent(Sex::Male),
                    _ => self.head(day),
                }
            }
            Claimant::ElderlyMover => {
                let movers = self.role_people(Role::Members, PeopleQuestion::Members)?;
                let elderly: Vec<&String> = movers
                    .iter()
                    .filter(|m| {
                        self.vault
                            .latest(&crate::vault::FactKey::new(m.as_str(), "birth_date"))
                            .and_then(|f| crate::iso_date::parse(&f.value))
                            .and_then(|b| household::reaches(b, 75))
                            .is_some_and(|d| d <= day)
                    })
                    .collect();
                Ok(elderly
                    .iter()
                    .find(|m| m.as_str() == ME)
                    .or(elderly.first())
                    .map_or(ME.to_string(), |m| m.to_string()))
            }
            Claimant::DeceasedsInsured => {
                let deceased = self.one_of(Role::Deceased, PeopleQuestion::DeceasedRelation)?;
                match answers
                    .get(household::DECEASED_INSURED_BY)
                    .map(String::as_str)
                {
                    Some("spouse") => household::surviving_spouse(self.vault, &deceased)
                        .ok_or(Gap::Person(PeopleQuestion::SurvivingSpouse)),
                    // A child other than the citizen: one the heirs' list names.
                    Some("child") => {
                        let heirs = self.role_people(Role::Heirs, PeopleQuestion::Heirs)?;
                        let children = self.vault.children_of(&deceased);
                        heirs
                            .into_iter()
                            .find(|h| h != ME && children.contains(h))
                            .ok_or(Gap::Person(PeopleQuestion::Heirs))
                    }
                    _ => Ok(ME.into()),
                }
            }
            Claimant::SurvivingSpouse | Claimant::Widow => {
                let deceased = self.one_of(Role::Deceased, PeopleQuestion::DeceasedRelation)?;
                household::surviving_spouse(self.vault, &deceased)
                    .ok_or(Gap::Person(PeopleQuestion::SurvivingSpouse))
            }
            Claimant::Heir => {
                let heirs = self.role_people(Role::Heirs, PeopleQuestion::Heirs)?;
                heirs
                    .iter()
                    .find(|h| *h == ME)
                    .or(heirs.first())
                    .cloned()
                    .ok_or(Gap::Person(PeopleQuestion::Heirs))
            }
            Claimant::Survivor | Claimant::NextOfKin => {
                let deceased = self.one_of(Role::Deceased, PeopleQuestion::DeceasedRelation)?;
                let with_child = answers
                    .get(household::SURVIVOR_CHILD)
                    .is_some_and(|a| a == "yes");
                let rank = household::survivors(
                    self.vault,
                    &deceased,
                    p.claimant == Claimant::NextOfKin,
                    with_child,
                );
                // Of one rank, the citizen when they are in it (they are the one filing).
                // Nobody known: the heirs' list is where the family is added.
                rank.iter()
                    .find(|h| *h == ME)
                    .or(rank.first())
                    .cloned()
                    .ok_or(Gap::Person(PeopleQuestion::Heirs))
            }
        }
    }

    /// Who goes to the office: the helper the citizen named (代理人), or the citizen.
    pub fn proxy(&self) -> String {
        self.case.first(Role::Helper).unwrap_or(ME).to_string()
    }

    /// Whether someone files this procedure for the claimant (as 代理人): the citizen for
    /// another, or the helper the citizen named for her or for another. The informant of a
    /// notification files in their own right, so is never represented.
    pub fn by_proxy(&self, p: &Procedure, answers: &Answers) -> bool {
        p.claimant != Claimant::Informant
            && self.claimant(p, answers).is_ok_and(|c| c != self.proxy())
    }

    /// The fields a procedure carries for these answers: its own (those whose condition
    /// holds) and the proxy's when the citizen acts for the claimant.
    pub fn fields_of(&self, p: &'a Procedure, answers: &Answers) -> Vec<&'a str> {
        let mut out: Vec<&str> = p
            .fields
            .iter()
            .filter(|u| u.when.holds(answers))
            .map(|u| u.field.as_str())
            .collect();
        if self.by_proxy(p, answers) {
            out.extend(PROXY_FIELDS);
        }
        out
    }

    pub fn documents_of(&self, p: &'a Procedure, answers: &Answers) -> Vec<&'a str> {
        let mut out: Vec<&str> = p.bring.iter().map(String::as_str).collect();
        if self.by_proxy(p, answers) {
            out.extend(PROXY_DOCUMENTS);
        }
        out
    }

    /// The people a field is about, in a procedure.
    fn subjects(
        &self,
        subject: Subject,
        p: &Procedure,
        answers: &Answers,
    ) -> Result<Vec<String>, Gap> {
        match subject {
            Subject::Me => Ok(vec![ME.into()]),
            Subject::Proxy => Ok(vec![self.proxy()]),
            Subject::Claimant => Ok(vec![self.claimant(p, answers)?]),
            Subject::Child if self.event.people.contains(&Role::Child) => {
                Ok(self.case.role(Role::Child).to_vec())
            }
            Subject::Child if self.event.household.contains(&PeopleQuestion::Members) => {
                // A procedure that applies because school-age children move (the school
                // transfer) with no child among the movers: the people page must name them,
                // not the sheet say "—". Child allowance can be paid for a child who does not
                // move (a parent posted away from the family), so it is not held up.
                let children = self.role_people(Role::Child, PeopleQuestion::Members)?;
                let for_movers = p.when.references().iter().any(|(q, _)| {
                    self.event.questions.iter().any(|x| {
                        x.id == *q
                            && x.derive == Some(crate::catalog::Derivation::SchoolAgeChildren)
                    })
                });
                if children.is_empty() && for_movers {
                    Err(Gap::Person(PeopleQuestion::Members))
                } else {
                    Ok(children)
                }
            }
            Subject::Child => {
                // A death: the deceased's children still of child-allowance age, named
                // among the heirs.
                let deceased = self.one_of(Role::Deceased, PeopleQuestion::DeceasedRelation)?;
                let day = self.case_date().unwrap_or(self.today);
                let children: Vec<String> = self
                    .vault
                    .children_of(&deceased)
                    .into_iter()
                    .filter(|c| {
                        match self
                            .vault
                            .latest(&FactKey::new(c, "birth_date"))
                            .and_then(|f| crate::iso_date::parse(&f.value))
                        {
                            Some(b) => household::allowance_age(b, day),
                            None => true,
                        }
                    })
                    .collect();
                if children.is_empty() {
                    Err(Gap::Person(PeopleQuestion::Heirs))
                } else {
                    Ok(children)
                }
            }
            Subject::Deceased => Ok(self.case.role(Role::Deceased).to_vec()),
            Subject::Heirs => {
                let heirs = self.role_people(Role::Heirs, PeopleQuestion::Heirs)?;
                if heirs.is_empty() {
                    Err(Gap::Person(PeopleQuestion::Heirs))
                } else {
                    Ok(heirs)
                }
            }
            Subject::Household | Subject::Case => Ok(vec![]),
        }
    }

    /// One fact of one owner, as of `day`, or as a value starting on `starts`.
    fn fact(
        &self,
        owner: &str,
        attribute: &str,
        day: Date,
        starts: Option<&(Date, String)>,
        field: &str,
    ) -> Resolved {
        let key = FactKey::new(owner, attribute);
        let found = match starts {
            Some((d, _)) => self.vault.starting(&key, *d),
            None => self.vault.at(&key, day),
        };
        match found {
            Some(f) => Resolved::value(f.value.clone(), vec![(key, day)]),
            None => Resolved::missing(Gap::Fact(Ask {
                key,
                starts: starts.cloned(),
                at: day,
                field: field.into(),
            })),
        }
    }

    /// A person's attribute: their address and postal code are the household's while they
    /// live in it.
    fn person_fact(&self, person: &str, attribute: &str, day: Date, field: &str) -> Resolved {
        if attribute == "address" || attribute == "postal_code" {
            let own = FactKey::new(person, attribute);
            if self.vault.at(&own, day).is_none() && self.vault.in_household(person, day) {
                return self.fact(HOUSEHOLD, attribute, day, None, field);
            }
        }
        self.fact(person, attribute, day, None, field)
    }

    /// The person a 続柄 is counted to: the deceased, the baby, or the household's head.
    fn relation_anchor(&self, day: Date) -> Result<String, Gap> {
        if self.event.people.contains(&Role::Deceased) {
            return self.one_of(Role::Deceased, PeopleQuestion::DeceasedRelation);
        }
        if self.event.people.contains(&Role::Child) {
            return self.one_of(Role::Child, PeopleQuestion::Parents);
        }
        self.vault
            .head_at(day)
            .map(str::to_string)
            .ok_or(Gap::Person(PeopleQuestion::Head))
    }

    fn name(&self, person: &str, day: Date) -> Resolved {
        self.fact(person, "name", day, None, "applicant_name")
    }

    fn kin_text(&self, who: &str, of: &str) -> String {
        kin_word(
            Lang::Ja,
            household::kin(self.vault, who, of),
            household::sex(self.vault, who),
        )
    }

    fn derive(
        &self,
        derived: Derived,
        subject: Subject,
        attribute: &str,
        field: &str,
        p: &Procedure,
        answers: &Answers,
        day: Date,
    ) -> Resolved {
        let people = |s| self.subjects(s, p, answers);
        match derived {
            Derived::Relation => {
                let (anchor, who) = match (self.relation_anchor(day), people(subject)) {
                    (Ok(a), Ok(w)) => (a, w),
                    (Err(g), _) | (_, Err(g)) => return Resolved::missing(g),
                };
                let words: Vec<String> = who.iter().map(|w| self.kin_text(w, &anchor)).collect();
                Resolved::value(words.join(LIST_SEPARATOR), vec![])
            }
            Derived::HeadName => match self.head(day) {
                Ok(head) => self.name(&head, day),
                Err(g) => Resolved::missing(g),
            },
            Derived::Members => {
                let head = match self.head(day) {
                    Ok(h) => h,
                    Err(g) => return Resolved::missing(g),
                };
                let head = head.as_str();
                let mut members = if self.event.household.contains(&PeopleQuestion::Members) {
                    match self.role_people(Role::Members, PeopleQuestion::Members) {
                        Ok(m) => m,
                        Err(g) => return Resolved::missing(g),
                    }
                } else {
                    self.vault.members_at(day)
                };
                // As a 住民票 lists them: the head, the spouse, then the children eldest first.
                members.sort_by_key(|m| {
                    let rank = match household::kin(self.vault, m, head) {
                        Kin::Myself => 0,
                        Kin::Spouse => 1,
                        Kin::Child => 2,
                        Kin::Parent => 3,
                        _ => 4,
                    };
                    (
                        rank,
                        self.vault
                            .latest(&FactKey::new(m, "birth_date"))
                            .map(|f| f.value.clone()),
                    )
                });
                // Each with their 続柄 and date of birth, the columns of the 住民異動届.
                self.each(&members, |m| {
                    let relation = if m == head {
                        "世帯主".to_string()
                    } else {
                        self.kin_text(m, head)
                    };
                    let born = self.fact(m, "birth_date", day, None, "member_birth_date");
                    match (self.name(m, day), born) {
                        (
                            Resolved::Value { text, mut used },
                            Resolved::Value {
                                text: birth,
                                used: more,
                            },
                        ) => {
                            used.extend(more);
                            let birth = crate::iso_date::parse(&birth)
                                .map(|b| format!("{}年{}月{}日生", b.year(), b.month(), b.day()))
                                .unwrap_or(birth);
                            Resolved::value(format!("{text}（{relation}・{birth}）"), used)
                        }
                        // Both asked at once, on the person's one page.
                        (Resolved::Missing(mut a), Resolved::Missing(b)) => {
                            a.extend(b);
                            Resolved::Missing(a)
                        }
                        (Resolved::Value { .. }, other) | (other, _) => other,
                    }
                })
            }
            Derived::Father | Derived::Mother => {
                let Some(child) = self.case.first(Role::Child) else {
                    return Resolved::Blank;
                };
                let parents = household::parents(self.vault, child);
                if parents.is_empty() {
                    return Resolved::missing(Gap::Person(PeopleQuestion::Parents));
                }
                let wanted = if derived == Derived::Father {
                    Sex::Male
                } else {
                    Sex::Female
                };
                match household::parent_of_sex(self.vault, child, wanted) {
                    Some(parent) => self.person_fact(&parent, attribute, day, field),
                    // A child registered with one parent: the other column stays empty.
                    None if parents
                        .iter()
                        .all(|p| household::sex(self.vault, p).is_some()) =>
                    {
                        Resolved::Blank
                    }
                    None => Resolved::missing(Gap::Person(PeopleQuestion::Parents)),
                }
            }
            Derived::JapaneseParent => {
                let Some(child) = self.case.first(Role::Child) else {
                    return Resolved::Blank;
                };
                let parents = household::parents(self.vault, child);
                let wanted = match answers.get(household::JAPANESE_PARENTS).map(String::as_str) {
                    Some("father") => Some(Sex::Male),
                    Some("mother") => Some(Sex::Female),
                    _ => None,
                };
                // Both Japanese: the family register they share, the citizen's when they
                // are a parent.
                let who = match wanted {
                    Some(sex) => household::parent_of_sex(self.vault, child, sex),
                    None => parents.first().cloned(),
                };
                match who {
                    Some(parent) => self.person_fact(&parent, attribute, day, field),
                    None => Resolved::missing(Gap::Person(PeopleQuestion::Parents)),
                }
            }
            Derived::ProxyRelation => {
                if !self.by_proxy(p, answers) {
                    return Resolved::Blank;
                }
                match self.claimant(p, answers) {
                    Ok(c) => Resolved::value(self.kin_text(&self.proxy(), &c), vec![]),
                    Err(g) => Resolved::missing(g),
                }
            }
        }
    }

    /// One value per person, joined; every gap of every person.
    fn each(&self, people: &[String], mut one: impl FnMut(&str) -> Resolved) -> Resolved {
        let (mut texts, mut used, mut gaps) = (Vec::new(), Vec::new(), Vec::new());
        for p in people {
            match one(p) {
                Resolved::Value { text, used: u } => {
                    texts.push(text);
                    used.extend(u);
                }
                Resolved::Blank => {}
                Resolved::Missing(g) => gaps.extend(g),
            }
        }
        if !gaps.is_empty() {
            Resolved::Missing(gaps)
        } else if texts.is_empty() {
            Resolved::Blank
        } else {
            Resolved::value(texts.join(LIST_SEPARATOR), used)
        }
    }

    /// The value a field of a procedure carries.
    pub fn resolve(&self, p: &Procedure, field: &str, answers: &Answers) -> Resolved {
        let Some(def) = self.field(field) else {
            return Resolved::Blank;
        };
        let (day, starts) = match &def.at {
            Some(t) => match self.date_of(t, answers) {
                Some(d) => (
                    d,
                    matches!(t, FieldTime::Starts(_)).then(|| (d, t.question().to_string())),
                ),
                // The date is not answered yet: the plan asks it first.
                None => return Resolved::Blank,
            },
            None => (self.procedure_date(p, answers), None),
        };
        let attribute = def.attribute(field);
        if let Some(derived) = def.derived {
            return self.derive(derived, def.subject, attribute, field, p, answers, day);
        }
        match def.subject {
            Subject::Household => self.fact(HOUSEHOLD, attribute, day, starts.as_ref(), field),
            Subject::Case => self.fact(&self.case.id, attribute, day, None, field),
            subject => match self.subjects(subject, p, answers) {
                Ok(people) => self.each(&people, |person| match &starts {
                    Some(s) => self.fact(person, attribute, day, Some(s), field),
                    None => self.person_fact(person, attribute, day, field),
                }),
                Err(g) => Resolved::missing(g),
            },
        }
    }

    /// What the app already knows for a question: the vault's fact (as of the case's
    /// date), or what the household's people tell (a child of school age among those who
    /// move). None: the question is asked afresh.
    pub fn known(&self, question: &str) -> Option<Known> {
        let q = self.event.questions.iter().find(|q| q.id == question)?;
        if let Some(f) = self.vault_answer(question, self.case_date()) {
            return Some(Known {
                value: f.value.clone(),
                from: KnownFrom::Fact(f.given.clone()),
            });
        }
        let derivation = q.derive?;
        let day = self.case_date()?;
        let people = if self.case.role(Role::Members).is_empty() {
            self.vault.members_at(day.yesterday().ok()?)
        } else {
            self.case.role(Role::Members).to_vec()
        };
        let test = match derivation {
            crate::catalog::Derivation::SchoolAgeChildren => household::school_age,
            crate::catalog::Derivation::AllowanceAgeChildren => household::allowance_age,
        };
        let others: Vec<String> = people.into_iter().filter(|p| p != ME).collect();
        // Nobody but the citizen known: nothing to tell from.
        if others.is_empty() {
            return None;
        }
        // Named: those of age; nobody when nobody is.
        let found = household::of_age(self.vault, &others, day, test)?;
        Some(Known {
            value: if found.is_empty() { "no" } else { "yes" }.into(),
            from: KnownFrom::Household(found),
        })
    }

    /// What a question's page starts with while the case has not answered it: what the
    /// app knows (said where from), or the answer of the question it proposes from (the
    /// day of the death for the day one learned of it).
    pub fn proposed(&self, question: &str) -> Option<String> {
        if let Some(k) = self.known(question) {
            return Some(k.value);
        }
        let q = self.event.questions.iter().find(|q| q.id == question)?;
        self.answers().get(q.propose.as_ref()?).cloned()
    }

    /// The kinship of a person to the case's main person, for pages that name people.
    pub fn kin_to_anchor(&self, person: &str) -> Option<Kin> {
        let anchor = self
            .relation_anchor(self.case_date().unwrap_or(self.today))
            .ok()?;
        Some(household::kin(self.vault, person, &anchor))
    }
}
