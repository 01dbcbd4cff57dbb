//! The vault: the citizen's facts, the single source every form is filled from.
//!
//! A fact belongs to a person (the citizen, the household, a child, the deceased) or to
//! one case (what only that life event has: a funeral date, a moving day), and records
//! where and when it was given and when it was last used. Field-dictionary entries map to
//! facts through their subject and attribute, so "the applicant's name" in one form and
//! "the parent's name" in another are the same fact, asked once.

use crate::catalog::{Catalog, Subject};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The person id of the citizen using the app, and of their household as a whole.
pub const ME: &str = "me";
pub const HOUSEHOLD: &str = "household";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// Typed by the citizen (or by counter staff for them).
    Typed,
    /// Shown pre-filled and confirmed.
    Confirmed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The case (one life event) in which it was given.
    pub case: String,
    /// That case's event id ("birth"), so the origin can be named after the case is gone.
    pub event: String,
    pub how: How,
    /// ISO date.
    pub date: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub value: String,
    pub given: Provenance,
    #[serde(default)]
    pub last_used: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonKind {
    Me,
    Household,
    Child,
    Deceased,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub kind: PersonKind,
    /// The case that brought this person in (the birth of a child).
    #[serde(default)]
    pub from_case: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Vault {
    pub people: Vec<Person>,
    /// Facts by owner (a person id, or a case id for case facts) and attribute.
    pub facts: BTreeMap<String, BTreeMap<String, Fact>>,
    #[serde(default)]
    next_person: u32,
}

/// Who a field of the dictionary is about, within one case.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FactKey {
    pub owner: String,
    pub attribute: String,
}

impl Vault {
    pub fn new() -> Vault {
        Vault {
            people: vec![
                Person { id: ME.into(), kind: PersonKind::Me, from_case: None },
                Person { id: HOUSEHOLD.into(), kind: PersonKind::Household, from_case: None },
            ],
            facts: BTreeMap::new(),
            next_person: 1,
        }
    }

    /// Adds a person (a newborn, a deceased relative) and returns their id.
    pub fn add_person(&mut self, kind: PersonKind, from_case: &str) -> String {
        self.next_person = self.next_person.max(1);
        let id = format!("p{}", self.next_person);
        self.next_person += 1;
        self.people.push(Person { id: id.clone(), kind, from_case: Some(from_case.into()) });
        id
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn get(&self, key: &FactKey) -> Option<&Fact> {
        self.facts.get(&key.owner)?.get(&key.attribute)
    }

    pub fn set(&mut self, key: &FactKey, value: String, given: Provenance) {
        self.facts.entry(key.owner.clone()).or_default().insert(key.attribute.clone(), Fact { value, given, last_used: None });
    }

    pub fn mark_used(&mut self, key: &FactKey, date: &str) {
        if let Some(f) = self.facts.get_mut(&key.owner).and_then(|m| m.get_mut(&key.attribute)) {
            f.last_used = Some(date.into());
        }
    }

    pub fn remove(&mut self, key: &FactKey) {
        if let Some(m) = self.facts.get_mut(&key.owner) {
            m.remove(&key.attribute);
        }
    }

    /// Removes a person and every fact about them; the citizen and household stay.
    pub fn remove_person(&mut self, id: &str) {
        if id != ME && id != HOUSEHOLD {
            self.people.retain(|p| p.id != id);
            self.facts.remove(id);
        }
    }
}

impl Vault {
    /// What the vault can propose for a field, for the citizen to confirm.
    pub fn suggestion(&self, suggest: crate::catalog::Suggestion) -> Option<String> {
        match suggest {
            crate::catalog::Suggestion::HouseholdNames => {
                let names: Vec<&str> = self
                    .people
                    .iter()
                    .filter(|p| matches!(p.kind, PersonKind::Me | PersonKind::Child))
                    .filter_map(|p| self.facts.get(&p.id)?.get("name").map(|f| f.value.as_str()))
                    .collect();
                (!names.is_empty()).then(|| names.join("、"))
            }
        }
    }
}

/// Which person plays each role in one case: the case's child or deceased person.
pub type Roles = BTreeMap<Subject, String>;

/// The fact a field of the dictionary stands for in a case.
pub fn fact_key(catalog: &Catalog, field: &str, case_id: &str, roles: &Roles) -> Option<FactKey> {
    let f = catalog.fields.fields.get(field)?;
    let owner = match f.subject {
        Subject::Me => ME.to_string(),
        Subject::Household => HOUSEHOLD.to_string(),
        Subject::Case => case_id.to_string(),
        role => roles.get(&role)?.clone(),
    };
    Some(FactKey { owner, attribute: f.attribute.clone().unwrap_or_else(|| field.to_string()) })
}
