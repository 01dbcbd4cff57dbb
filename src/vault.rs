//! The vault: the household's facts, the single source every form is filled from.
//!
//! Facts belong to a person, to the household as a whole (its address, its head) or to one
//! case (what only that life event has: a funeral date). A fact is a history, not a value:
//! each version holds from a date (an address from the moving day) until the next version,
//! so a form is filled with the value valid on its own date, and nothing is overwritten.
//! People are linked by typed relations (spouse, parent, sibling), from which every
//! 続柄 a form asks is derived.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use jiff::civil::Date;

/// The person id of the citizen using the app; the fact owner of the household as a whole.
pub const ME: &str = "me";
pub const HOUSEHOLD: &str = "household";

/// A person's attribute: lives in the citizen's household ("yes"/"no"), over time.
pub const IN_HOUSEHOLD: &str = "in_household";
/// More people than any household the app serves (a family of eight, a deceased's heirs
/// to the third rank): a code or file with more was not made by hitotsu.
pub const MAX_PEOPLE: usize = 40;
/// The household's attribute: the person id of its head (世帯主), over time.
pub const HEAD: &str = "head";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// Typed by the citizen (or by counter staff for them).
    Typed,
    /// Shown pre-filled and confirmed.
    Confirmed,
    /// Follows from a procedure done or handed over (child allowance claimed → received).
    Derived,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The case (one life event) in which it was given.
    pub case: String,
    /// That case's event id ("birth"), so the origin can be named after the case is gone.
    pub event: String,
    pub how: How,
    #[serde(with = "crate::iso_date")]
    pub date: Date,
}

/// One version of a fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub value: String,
    /// The first day this value holds; None: since before anything the app knows.
    #[serde(
        default,
        with = "crate::iso_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub from: Option<Date>,
    /// The answer of `given.case` that `from` follows (the moving day), so changing that
    /// answer moves the version with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_answer: Option<String>,
    /// For a version with no start: the day it was said to hold. It is the evidence for
    /// the version; a change reported on or before that day supersedes it.
    #[serde(
        default,
        with = "crate::iso_date::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub seen: Option<Date>,
    pub given: Provenance,
    #[serde(default, with = "crate::iso_date::option")]
    pub last_used: Option<Date>,
}

impl Fact {
    /// A version as given: not tied to an answer, not yet seen or used.
    pub fn new(value: String, from: Option<Date>, given: Provenance) -> Fact {
        Fact {
            value,
            from,
            from_answer: None,
            seen: None,
            given,
            last_used: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    /// The case that brought this person in (the birth of a child, a death).
    #[serde(default)]
    pub added_in: Option<String>,
}

/// How two people are related; every other kinship is derived from these.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Relation {
    Spouse {
        a: String,
        b: String,
    },
    Parent {
        parent: String,
        child: String,
    },
    Sibling {
        a: String,
        b: String,
    },
    /// `of` is `who`'s grandparent, when the parent between them is not known.
    Grandparent {
        grandparent: String,
        of: String,
    },
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Vault {
    pub people: Vec<Person>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// Facts by owner (a person id, "household", or a case id) and attribute: every
    /// version, in the order they start.
    pub facts: BTreeMap<String, BTreeMap<String, Vec<Fact>>>,
    #[serde(default)]
    pub next_person: u32,
}

/// One fact of the vault: whose and which.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FactKey {
    pub owner: String,
    pub attribute: String,
}

impl FactKey {
    pub fn new(owner: &str, attribute: &str) -> FactKey {
        FactKey {
            owner: owner.into(),
            attribute: attribute.into(),
        }
    }
}

/// A version with no start was only seen to hold on one day; once a change is known on
/// or before that day, the day belongs to the changed value, and what the version said
/// about earlier days is unfounded: it goes (the earlier value is asked when needed).
fn settle(versions: &mut Vec<Fact>) {
    let first_start = versions.iter().filter_map(|f| f.from).min();
    if let Some(start) = first_start {
        versions.retain(|f| !(f.from.is_none() && f.seen.is_some_and(|seen| seen >= start)));
    }
}

/// Orders versions: "always" first, then by start.
fn starts_before(a: Option<Date>, b: Option<Date>) -> bool {
    match (a, b) {
        (None, Some(_)) => true,
        (Some(x), Some(y)) => x < y,
        _ => false,
    }
}

impl Vault {
    pub fn new() -> Vault {
        Vault {
            people: vec![Person {
                id: ME.into(),
                added_in: None,
            }],
            relations: Vec::new(),
            facts: BTreeMap::new(),
            next_person: 1,
        }
    }

    /// Adds a person (a newborn, a deceased relative, an heir) and returns their id.
    pub fn add_person(&mut self, added_in: &str) -> String {
        self.next_person = self.next_person.max(1);
        let mut n = self.next_person;
        // Never reuse an id, even one a damaged counter would hand out again.
        while self.people.iter().any(|p| p.id == format!("p{n}")) {
            n = n.saturating_add(1);
        }
        let id = format!("p{n}");
        self.next_person = n.saturating_add(1);
        self.people.push(Person {
            id: id.clone(),
            added_in: Some(added_in.into()),
        });
        id
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// Every version of a fact, oldest first.
    pub fn history(&self, key: &FactKey) -> &[Fact] {
        self.facts
            .get(&key.owner)
            .and_then(|m| m.get(&key.attribute))
            .map_or(&[], Vec::as_slice)
    }

    /// The version valid on `date`: the last one that starts on or before it.
    pub fn at(&self, key: &FactKey, date: Date) -> Option<&Fact> {
        self.history(key)
            .iter()
            .rev()
            .find(|f| f.from.is_none_or(|d| d <= date))
    }

    /// The version that starts on exactly `date` (a new address from the moving day).
    pub fn starting(&self, key: &FactKey, date: Date) -> Option<&Fact> {
        self.history(key).iter().find(|f| f.from == Some(date))
    }

    /// The newest version.
    pub fn latest(&self, key: &FactKey) -> Option<&Fact> {
        self.history(key).last()
    }

    /// Every name any person has or had here, in kanji and kana, and each part of a name
    /// that could name them alone (a family or given name of two characters or more): what
    /// a page's title must not carry (`ui_text::title_without_names`).
    pub fn names(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .facts
            .values()
            .flat_map(|attrs| {
                ["name", "name_kana"]
                    .into_iter()
                    .filter_map(|a| attrs.get(a))
                    .flatten()
            })
            .flat_map(|f| {
                let whole = f.value.trim().to_string();
                let parts: Vec<String> = whole
                    .split(|c: char| c.is_whitespace())
                    .filter(|p| p.chars().count() >= 2)
                    .map(str::to_string)
                    .collect();
                std::iter::once(whole).chain(parts)
            })
            .filter(|n| !n.is_empty())
            .collect();
        // Longest first, so a whole name goes before its parts.
        out.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        out.dedup();
        out
    }

    /// Records a value from `from` on. A version that starts on the same day is corrected
    /// (a typo mended); otherwise a new version is added and the old ones stay, so the
    /// history is never lost.
    pub fn set(&mut self, key: &FactKey, value: String, from: Option<Date>, given: Provenance) {
        self.put(key, Fact::new(value, from, given));
    }

    /// Like `set`, with the start following the answer `question` of the giving case.
    pub fn set_from_answer(
        &mut self,
        key: &FactKey,
        value: String,
        from: Date,
        question: &str,
        given: Provenance,
    ) {
        self.put(
            key,
            Fact {
                value,
                from: Some(from),
                from_answer: Some(question.into()),
                seen: None,
                given,
                last_used: None,
            },
        );
    }

    /// Records that the value held on `day`, when the citizen does not say since when:
    /// the version that holds on that day is corrected, or a version with no start is
    /// added, with the day as its evidence.
    pub fn observe(&mut self, key: &FactKey, value: String, day: Date, given: Provenance) {
        match self.at(key, day).map(|f| (f.from, f.seen)) {
            Some((from, seen)) => self.put(
                key,
                Fact {
                    value,
                    from,
                    from_answer: None,
                    seen,
                    given,
                    last_used: None,
                },
            ),
            None => self.put(
                key,
                Fact {
                    value,
                    from: None,
                    from_answer: None,
                    seen: Some(day),
                    given,
                    last_used: None,
                },
            ),
        }
    }

    fn put(&mut self, key: &FactKey, fact: Fact) {
        let versions = self
            .facts
            .entry(key.owner.clone())
            .or_default()
            .entry(key.attribute.clone())
            .or_default();
        match versions.iter_mut().find(|f| f.from == fact.from) {
            Some(same) => {
                let last_used = same.last_used;
                let from_answer = fact.from_answer.clone().or(same.from_answer.clone());
                *same = Fact {
                    last_used,
                    from_answer,
                    ..fact
                };
            }
            None => {
                let at = versions
                    .iter()
                    .position(|f| starts_before(fact.from, f.from))
                    .unwrap_or(versions.len());
                versions.insert(at, fact);
            }
        }
        settle(versions);
    }

    /// A case's answer that versions start from has changed (the moving day moved): the
    /// versions it gave start on the new day.
    pub fn retime(&mut self, case: &str, question: &str, day: Date) {
        for versions in self.facts.values_mut().flat_map(|m| m.values_mut()) {
            let mut moved = false;
            for f in versions.iter_mut() {
                if f.given.case == case
                    && f.from_answer.as_deref() == Some(question)
                    && f.from != Some(day)
                {
                    f.from = Some(day);
                    moved = true;
                }
            }
            if moved {
                // The moved version wins a tie: it is the newer statement about that day.
                let moved_one = versions.iter().position(|f| {
                    f.given.case == case && f.from_answer.as_deref() == Some(question)
                });
                if let Some(i) = moved_one {
                    let f = versions.remove(i);
                    versions.retain(|o| o.from != f.from);
                    let at = versions
                        .iter()
                        .position(|o| starts_before(f.from, o.from))
                        .unwrap_or(versions.len());
                    versions.insert(at, f);
                }
                settle(versions);
            }
        }
    }

    /// Records that the version valid on `at` was used on `today`.
    /// Records that the version holding on `at` was used `today`; returns the day it was
    /// last used before (Some(None): never), so that a hand-over taken back restores it.
    pub fn mark_used(&mut self, key: &FactKey, at: Date, today: Date) -> Option<Option<Date>> {
        let f = self.version_on_mut(key, at)?;
        Some(f.last_used.replace(today))
    }

    /// Puts back the day the version holding on `at` was last used, if it is still `used`
    /// (a later use stays).
    pub fn restore_used(&mut self, key: &FactKey, at: Date, used: Date, before: Option<Date>) {
        if let Some(f) = self.version_on_mut(key, at) {
            if f.last_used == Some(used) {
                f.last_used = before;
            }
        }
    }

    fn version_on_mut(&mut self, key: &FactKey, at: Date) -> Option<&mut Fact> {
        self.facts
            .get_mut(&key.owner)?
            .get_mut(&key.attribute)?
            .iter_mut()
            .rev()
            .find(|f| f.from.is_none_or(|d| d <= at))
    }

    /// Removes one version (index into `history`); the fact goes when its last one does.
    pub fn remove_version(&mut self, key: &FactKey, index: usize) {
        if let Some(m) = self.facts.get_mut(&key.owner) {
            if let Some(v) = m.get_mut(&key.attribute) {
                if index < v.len() {
                    v.remove(index);
                }
                if v.is_empty() {
                    m.remove(&key.attribute);
                }
            }
        }
    }

    /// Removes a fact with its whole history, and gives it back (for an undo).
    pub fn remove(&mut self, key: &FactKey) -> Vec<Fact> {
        let taken = self
            .facts
            .get_mut(&key.owner)
            .and_then(|m| m.remove(&key.attribute))
            .unwrap_or_default();
        if self.facts.get(&key.owner).is_some_and(BTreeMap::is_empty) {
            self.facts.remove(&key.owner);
        }
        taken
    }

    /// Puts back a fact removed by mistake, history and all.
    pub fn restore(&mut self, key: &FactKey, versions: Vec<Fact>) {
        if !versions.is_empty() {
            self.facts
                .entry(key.owner.clone())
                .or_default()
                .insert(key.attribute.clone(), versions);
        }
    }

    /// Removes a person, their facts and relations; the citizen stays.
    pub fn remove_person(&mut self, id: &str) {
        if id != ME {
            self.people.retain(|p| p.id != id);
            self.facts.remove(id);
            self.relations.retain(|r| !r.involves(id));
        }
    }

    /// The value of a person's attribute valid on `date`.
    pub fn value_at(&self, owner: &str, attribute: &str, date: Date) -> Option<&str> {
        self.at(&FactKey::new(owner, attribute), date)
            .map(|f| f.value.as_str())
    }

    /// A person's name as it was on `date` (or their newest, when none was given by then).
    pub fn name_at(&self, person: &str, date: Date) -> Option<&str> {
        let key = FactKey::new(person, "name");
        self.at(&key, date)
            .or_else(|| self.latest(&key))
            .map(|f| f.value.as_str())
    }

    /// The day a person died, if the vault knows it.
    pub fn death_date(&self, person: &str) -> Option<Date> {
        self.latest(&FactKey::new(person, "death_date"))
            .and_then(|f| crate::iso_date::parse(&f.value))
    }

    /// Whether the person lives in the citizen's household on `date`: the citizen unless
    /// said otherwise, others when said so; nobody after their death.
    pub fn in_household(&self, person: &str, date: Date) -> bool {
        if self.death_date(person).is_some_and(|d| d < date) {
            return false;
        }
        match self.value_at(person, IN_HOUSEHOLD, date) {
            Some(v) => v == "yes",
            None => person == ME,
        }
    }

    /// The household on `date`, the citizen first, then in the order people were added.
    pub fn members_at(&self, date: Date) -> Vec<String> {
        self.people
            .iter()
            .filter(|p| self.in_household(&p.id, date))
            .map(|p| p.id.clone())
            .collect()
    }

    /// The head of the household (世帯主) on `date`, if the vault knows who.
    pub fn head_at(&self, date: Date) -> Option<&str> {
        self.value_at(HOUSEHOLD, HEAD, date)
            .filter(|id| self.person(id).is_some())
    }

    pub fn relate(&mut self, r: Relation) {
        if !self.relations.iter().any(|o| o.same_as(&r)) {
            self.relations.push(r);
        }
    }

    pub fn spouses_of(&self, p: &str) -> Vec<String> {
        self.relations
            .iter()
            .filter_map(|r| match r {
                Relation::Spouse { a, b } if a == p => Some(b.clone()),
                Relation::Spouse { a, b } if b == p => Some(a.clone()),
                _ => None,
            })
            .collect()
    }

    pub fn parents_of(&self, p: &str) -> Vec<String> {
        self.relations
            .iter()
            .filter_map(|r| match r {
                Relation::Parent { parent, child } if child == p => Some(parent.clone()),
                _ => None,
            })
            .collect()
    }

    pub fn children_of(&self, p: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .relations
            .iter()
            .filter_map(|r| match r {
                Relation::Parent { parent, child } if parent == p => Some(child.clone()),
                _ => None,
            })
            .collect();
        out.sort_by_key(|c| self.people.iter().position(|q| q.id == *c));
        out
    }

    /// Brothers and sisters: said so, or sharing a parent.
    pub fn siblings_of(&self, p: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .relations
            .iter()
            .filter_map(|r| match r {
                Relation::Sibling { a, b } if a == p => Some(b.clone()),
                Relation::Sibling { a, b } if b == p => Some(a.clone()),
                _ => None,
            })
            .collect();
        for parent in self.parents_of(p) {
            for c in self.children_of(&parent) {
                if c != p && !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out
    }

    pub fn grandparents_of(&self, p: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .parents_of(p)
            .iter()
            .flat_map(|q| self.parents_of(q))
            .collect();
        for r in &self.relations {
            if let Relation::Grandparent { grandparent, of } = r {
                if of == p && !out.contains(grandparent) {
                    out.push(grandparent.clone());
                }
            }
        }
        out
    }
}

impl Relation {
    pub fn involves(&self, id: &str) -> bool {
        match self {
            Relation::Spouse { a, b } | Relation::Sibling { a, b } => a == id || b == id,
            Relation::Parent { parent, child } => parent == id || child == id,
            Relation::Grandparent { grandparent, of } => grandparent == id || of == id,
        }
    }

    pub fn same_as(&self, other: &Relation) -> bool {
        match (self, other) {
            (Relation::Spouse { a, b }, Relation::Spouse { a: c, b: d })
            | (Relation::Sibling { a, b }, Relation::Sibling { a: c, b: d }) => {
                (a == c && b == d) || (a == d && b == c)
            }
            _ => self == other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn given(case: &str) -> Provenance {
        Provenance {
            case: case.into(),
            event: "moving".into(),
            how: How::Typed,
            date: date(2026, 5, 1),
        }
    }

    #[test]
    fn every_name_and_its_parts_are_known_for_titles_to_leave_out() {
        let mut v = Vault::new();
        v.set(
            &FactKey::new(ME, "name"),
            "高橋 大輔".into(),
            None,
            given("c1"),
        );
        v.set(
            &FactKey::new(ME, "name_kana"),
            "タカハシ ダイスケ".into(),
            None,
            given("c1"),
        );
        v.set(
            &FactKey::new("p1", "name"),
            "高橋 由".into(),
            None,
            given("c1"),
        );
        // A former name stays a name of theirs.
        v.set(
            &FactKey::new("p1", "name"),
            "佐藤 由".into(),
            Some(date(2026, 6, 1)),
            given("c2"),
        );
        v.set(
            &FactKey::new(HOUSEHOLD, "address"),
            "北見市".into(),
            None,
            given("c1"),
        );
        let names = v.names();
        for n in [
            "高橋 大輔",
            "タカハシ ダイスケ",
            "高橋",
            "大輔",
            "佐藤 由",
            "佐藤",
            "高橋 由",
        ] {
            assert!(names.contains(&n.to_string()), "{n} in {names:?}");
        }
        // A one-character given name alone would blank out ordinary words; the whole name
        // still goes.
        assert!(!names.contains(&"由".to_string()));
        assert!(!names.contains(&"北見市".to_string()));
        let title = crate::ui_text::title_without_names(
            crate::i18n::Lang::Ja,
            "高橋 大輔について — ひとつ",
            &names,
        );
        assert_eq!(title, "（氏名）について — ひとつ");
        let title = crate::ui_text::title_without_names(
            crate::i18n::Lang::En,
            "About 高橋 由 and 大輔",
            &names,
        );
        assert_eq!(title, "About (name) and (name)");
    }

    #[test]
    fn an_address_history_answers_for_every_date() {
        let mut v = Vault::new();
        let address = FactKey::new(HOUSEHOLD, "address");
        v.set(&address, "千代田区".into(), None, given("c1"));
        v.set_from_answer(
            &address,
            "横浜市".into(),
            date(2026, 6, 1),
            "move_date",
            given("c2"),
        );
        assert_eq!(v.at(&address, date(2026, 5, 31)).unwrap().value, "千代田区");
        assert_eq!(v.at(&address, date(2026, 6, 1)).unwrap().value, "横浜市");
        assert_eq!(v.history(&address).len(), 2, "nothing overwritten");
        // The moving day changes: the new address moves with it.
        v.retime("c2", "move_date", date(2026, 6, 5));
        assert_eq!(v.at(&address, date(2026, 6, 3)).unwrap().value, "千代田区");
        assert_eq!(
            v.starting(&address, date(2026, 6, 5)).unwrap().value,
            "横浜市"
        );
        // A correction of the same period replaces that version only.
        v.set(&address, "千代田区千代田1-1".into(), None, given("c1"));
        assert_eq!(
            v.history(&address)
                .iter()
                .map(|f| f.value.as_str())
                .collect::<Vec<_>>(),
            ["千代田区千代田1-1", "横浜市"]
        );
    }

    #[test]
    fn a_move_entered_late_supersedes_what_was_only_seen_after_it() {
        let mut v = Vault::new();
        let address = FactKey::new(HOUSEHOLD, "address");
        // The 2027 move is entered first: the address before it was said to be 横浜.
        v.observe(&address, "横浜市".into(), date(2027, 5, 31), given("c2"));
        v.set_from_answer(
            &address,
            "大阪市".into(),
            date(2027, 6, 1),
            "move_date",
            given("c2"),
        );
        assert_eq!(
            v.at(&address, date(2026, 1, 1)).unwrap().value,
            "横浜市",
            "nothing else known"
        );
        // Then the 2026 move to 横浜: before it, the address is not known any more.
        v.set_from_answer(
            &address,
            "横浜市".into(),
            date(2026, 6, 1),
            "move_date",
            given("c3"),
        );
        assert_eq!(v.at(&address, date(2026, 5, 31)), None);
        v.observe(&address, "千代田区".into(), date(2026, 5, 31), given("c3"));
        let values: Vec<&str> = v
            .history(&address)
            .iter()
            .map(|f| f.value.as_str())
            .collect();
        assert_eq!(values, ["千代田区", "横浜市", "大阪市"]);
    }

    #[test]
    fn household_membership_follows_birth_and_death() {
        let mut v = Vault::new();
        let baby = v.add_person("c1");
        v.set(
            &FactKey::new(&baby, IN_HOUSEHOLD),
            "yes".into(),
            Some(date(2026, 4, 16)),
            given("c1"),
        );
        let grandpa = v.add_person("c3");
        v.set(
            &FactKey::new(&grandpa, IN_HOUSEHOLD),
            "yes".into(),
            None,
            given("c3"),
        );
        v.set(
            &FactKey::new(&grandpa, "death_date"),
            "2026-11-30".into(),
            None,
            given("c3"),
        );
        assert_eq!(
            v.members_at(date(2026, 4, 1)),
            [ME.to_string(), grandpa.clone()]
        );
        assert_eq!(
            v.members_at(date(2026, 11, 30)),
            [ME.to_string(), baby.clone(), grandpa.clone()]
        );
        assert_eq!(v.members_at(date(2026, 12, 1)), [ME.to_string(), baby]);
    }

    #[test]
    fn a_removed_fact_can_be_put_back_whole() {
        let mut v = Vault::new();
        let address = FactKey::new(HOUSEHOLD, "address");
        v.set(&address, "千代田区".into(), None, given("c1"));
        v.set(
            &address,
            "横浜市".into(),
            Some(date(2026, 6, 1)),
            given("c2"),
        );
        let before = v.clone();
        let taken = v.remove(&address);
        assert!(v.history(&address).is_empty() && !v.facts.contains_key(HOUSEHOLD));
        v.restore(&address, taken);
        assert_eq!(v, before);
    }

    #[test]
    fn ids_are_never_reused() {
        let mut v = Vault::new();
        let a = v.add_person("c1");
        v.next_person = 1; // a damaged counter
        let b = v.add_person("c2");
        assert_ne!(a, b);
    }

    #[test]
    fn relations_give_siblings_and_grandparents() {
        let mut v = Vault::new();
        let (dad, sister, baby) = (v.add_person("c"), v.add_person("c"), v.add_person("c"));
        v.relate(Relation::Parent {
            parent: dad.clone(),
            child: ME.into(),
        });
        v.relate(Relation::Parent {
            parent: dad.clone(),
            child: sister.clone(),
        });
        v.relate(Relation::Parent {
            parent: ME.into(),
            child: baby.clone(),
        });
        v.relate(Relation::Parent {
            parent: ME.into(),
            child: baby.clone(),
        });
        assert_eq!(v.relations.len(), 3, "the same relation once");
        assert_eq!(v.siblings_of(ME), [sister]);
        assert_eq!(v.grandparents_of(&baby), [dad]);
    }
}
