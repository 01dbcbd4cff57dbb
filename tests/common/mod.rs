//! What the native tests share: the shipped catalog, a quick way to write answers, and a
//! driver that goes through a case as the app does (questions, the "who is who" page,
//! detail pages), counting what the citizen types.
#![allow(dead_code)] // not every test file uses every helper

use hitotsu::case::Case;
use hitotsu::catalog::Catalog;
use hitotsu::condition::Answers;
use hitotsu::fields::check_field;
use hitotsu::onestop::{next_step, packets, NextStep, Packet};
use hitotsu::people::PeopleForm;
use hitotsu::questionnaire::{check_answer, first_unanswered};
use hitotsu::resolve::Ask;
use hitotsu::state::AppState;
use hitotsu::vault::{FactKey, How};
use jiff::civil::Date;
use std::collections::BTreeMap;

pub const EVENT_FILES: [&str; 3] = ["birth.json", "moving.json", "death.json"];

pub fn read(file: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/public/catalog/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The Rust sources under `dir` (the app's, for the tests that read its source text).
pub fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

pub fn event_files() -> Vec<(String, String)> {
    EVENT_FILES
        .iter()
        .map(|f| (f.to_string(), read(f)))
        .collect()
}

/// The catalog as shipped under public/catalog.
pub fn catalog() -> Catalog {
    Catalog::load(&read("index.json"), &read("fields.json"), &event_files())
        .expect("the shipped catalog loads")
}

pub fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The check digit of an Individual Number's first eleven digits (番号法施行令8条).
pub fn my_number(first11: &str) -> String {
    let digits: Vec<u32> = first11.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| d * if i < 6 { i as u32 + 2 } else { i as u32 - 4 })
        .sum();
    let check = match sum % 11 {
        0 | 1 => 0,
        r => 11 - r,
    };
    format!("{first11}{check}")
}

/// A birth as most tests answer it: born 16 April 2026 in Japan, the first child, national
/// health insurance for baby and mother, 2980 g, the lump sum paid directly to the
/// hospital and all used, nobody taking childcare leave.
pub const BIRTH_ANSWERS: [(&str, &str); 11] = [
    ("birth_date", "2026-04-16"),
    ("born_abroad", "no"),
    ("japanese_parent", "yes"),
    ("japanese_parents", "both"),
    ("allowance_older_child", "no"),
    ("parent_insurance", "national"),
    ("mother_insurance", "national"),
    ("birth_weight_g", "2980"),
    ("direct_payment", "yes"),
    ("birth_cost_below_grant", "no"),
    ("parental_leave", "no"),
];

/// The death of the citizen's father on 30 November 2026, known that day: an elderly
/// pensioner with real estate, the funeral held on 3 December.
pub const DEATH_ANSWERS: [(&str, &str); 18] = [
    ("death_date", "2026-11-30"),
    ("known_date", "2026-11-30"),
    ("died_abroad", "no"),
    ("residence_card", "no"),
    ("insurance", "elderly"),
    ("pension", "yes"),
    ("householder", "no"),
    ("child_allowance", "no"),
    ("high_medical_bills", "no"),
    ("will", "none"),
    ("real_estate", "yes"),
    ("vehicle", "none"),
    ("disability_handbook", "no"),
    ("had_income", "unsure"),
    ("estate_large", "unsure"),
    ("life_insurance", "no"),
    ("funeral_done", "yes"),
    ("funeral_date", "2026-12-03"),
];

/// The "who is who" page of a birth as most tests fill it: the citizen is the father, the
/// mother (山田 花子) is new to the device, the citizen claims the child allowance.
pub const BIRTH_PEOPLE: [(&str, &str); 4] = [
    ("my_part", "father"),
    ("other_parent", "new"),
    ("other_parent_name", "山田 花子"),
    ("allowance_claimant", hitotsu::vault::ME),
];

/// A move to another city on 1 June 2026 as most tests answer it: with a My Number card,
/// child allowance when the household has children, national health insurance; "no" to the rest (or what is known).
pub fn moving_answer(q: &hitotsu::catalog::Question, known: Option<&str>) -> String {
    let v = match q.id.as_str() {
        "move_kind" => "other_city",
        "move_date" => "2026-06-01",
        "has_card" => "yes",
        // Known from the household's children; without any, none is claimed.
        "child_allowance" => return known.unwrap_or("no").to_string(),
        "insurance" => "national",
        _ => return known.map_or("no".into(), str::to_string),
    };
    v.into()
}

/// A household going through cases as the app does it.
pub struct Drive {
    pub c: Catalog,
    pub s: AppState,
    /// Entries the citizen typed or chose (questions answered afresh, names, facts).
    pub typed: usize,
    /// Questions shown with a known answer that the citizen only confirmed.
    pub confirmed: usize,
    /// Every fact asked on a detail page, for "nothing asked twice".
    pub asked: Vec<(FactKey, Option<Date>)>,
}

impl Drive {
    pub fn new() -> Drive {
        Drive {
            c: catalog(),
            s: AppState::default(),
            typed: 0,
            confirmed: 0,
            asked: Vec::new(),
        }
    }

    pub fn open(&mut self, event: &str, today: Date) -> String {
        let e = self.c.event(event).unwrap().clone();
        self.s.open_case(&e, today)
    }

    pub fn case(&self, id: &str) -> &Case {
        self.s.case(id).unwrap()
    }

    /// Answers the questions in the order the app asks them (the pairs in any order): the
    /// question the app asks next must be among them, until all are answered. A question
    /// shown with the answer already known counts as confirmed, not typed.
    pub fn answer(&mut self, case: &str, today: Date, pairs: &[(&str, &str)]) {
        let mut left: Vec<(&str, &str)> = pairs.to_vec();
        while !left.is_empty() {
            let scope = self.s.scope(&self.c, case, today).unwrap();
            let next = first_unanswered(scope.event, &scope.answers()).map(|q| q.id.clone());
            let Some(i) = left.iter().position(|(q, _)| Some(*q) == next.as_deref()) else {
                panic!("the app asks {next:?} next, none of {left:?}");
            };
            let (q, raw) = left.remove(i);
            let question = scope
                .event
                .questions
                .iter()
                .find(|x| x.id == q)
                .unwrap()
                .clone();
            let known = scope.known(q).map(|k| k.value);
            let value = check_answer(&question, raw, &scope.answers(), today)
                .unwrap_or_else(|e| panic!("{q}: {raw} refused: {e:?}"));
            if known.as_deref() == Some(value.as_str()) {
                self.confirmed += 1;
            } else {
                self.typed += 1;
            }
            self.s.record_answer(&self.c, case, q, value, today);
        }
    }

    /// Answers every question the app asks with what `pick` says for it (the question,
    /// and the value the app already knows, if any).
    pub fn answer_all(
        &mut self,
        case: &str,
        today: Date,
        pick: &dyn Fn(&hitotsu::catalog::Question, Option<&str>) -> String,
    ) {
        for _ in 0..40 {
            let (question, known) = {
                let scope = self.s.scope(&self.c, case, today).unwrap();
                let Some(q) = first_unanswered(scope.event, &scope.answers()) else {
                    return;
                };
                (q.clone(), scope.known(&q.id).map(|k| k.value))
            };
            let raw = pick(&question, known.as_deref());
            self.answer(case, today, &[(question.id.as_str(), raw.as_str())]);
        }
        panic!("the questions never ended");
    }

    /// Confirms the "who is who" page with these controls changed from what it proposes;
    /// each changed control is one entry typed.
    pub fn people(&mut self, case: &str, today: Date, changes: &[(&str, &str)]) -> PeopleForm {
        let mut form = self.s.people_scope(&self.c, case, today).unwrap().propose();
        let proposed = form.clone();
        for (k, v) in changes {
            form.insert(k.to_string(), v.to_string());
        }
        self.typed += form
            .iter()
            .filter(|(k, v)| proposed.get(*k) != Some(v))
            .count();
        self.s
            .confirm_people(&self.c, case, &form, today)
            .unwrap_or_else(|e| panic!("people page refused: {e:?}"));
        proposed
    }

    /// Goes through the detail pages until the check page, giving each asked fact the
    /// value `value` says (checked as the app checks it).
    pub fn fill(&mut self, case: &str, today: Date, value: &dyn Fn(&AppState, &Ask) -> String) {
        let mut after: Option<String> = None;
        for _ in 0..20 {
            // As the page does once saved: on, or back to a page passed that now needs more.
            let step = {
                let scope = self.s.scope(&self.c, case, today).unwrap();
                match after.as_deref() {
                    None => next_step(&scope, None),
                    Some(o) => hitotsu::onestop::after_saving(&scope, o),
                }
            };
            let owner = match step {
                NextStep::Check => return,
                NextStep::People => panic!("the flow sends the citizen back to the people page"),
                NextStep::Details(o) => o,
            };
            // The page's back link leads to the page before it, as the citizen came.
            {
                let scope = self.s.scope(&self.c, case, today).unwrap();
                let rank = |o: &str| hitotsu::onestop::owner_rank(&scope, o);
                let expected = match &after {
                    None if scope.event.household.is_empty() => None,
                    None => Some(NextStep::People),
                    Some(prev) => Some(NextStep::Details(prev.clone())),
                };
                if after
                    .as_deref()
                    .is_none_or(|prev| rank(prev) < rank(&owner))
                {
                    assert_eq!(
                        hitotsu::onestop::previous_step(&scope, &owner),
                        expected,
                        "the back link of {owner}'s page"
                    );
                }
            }
            let asks: Vec<Ask> = {
                let scope = self.s.scope(&self.c, case, today).unwrap();
                hitotsu::onestop::needs(&scope)
                    .into_iter()
                    .filter_map(|n| match n.gap {
                        hitotsu::resolve::Gap::Fact(a) if a.key.owner == owner => Some(a),
                        _ => None,
                    })
                    .collect()
            };
            for ask in asks {
                let raw = value(&self.s, &ask);
                let def = &self.c.fields.fields[&ask.field];
                let v = check_field(def, &raw)
                    .unwrap_or_else(|e| panic!("{} = {raw}: {e:?}", ask.field));
                self.asked
                    .push((ask.key.clone(), ask.starts.as_ref().map(|s| s.0)));
                self.typed += 1;
                self.s.give(case, &ask, v, How::Typed, today);
            }
            after = Some(owner);
        }
        panic!("the detail pages never ended");
    }

    /// The detail page the flow goes to next and what it asks that the citizen has not
    /// left open (「まだ分からない」); None once the flow is at the check page.
    pub fn next_page(&self, case: &str, today: Date) -> Option<(String, Vec<Ask>)> {
        let scope = self.s.scope(&self.c, case, today).unwrap();
        let NextStep::Details(owner) = next_step(&scope, None) else {
            return None;
        };
        let asks = hitotsu::onestop::needs(&scope)
            .into_iter()
            .filter(|n| !n.open)
            .filter_map(|n| match n.gap {
                hitotsu::resolve::Gap::Fact(a) if a.key.owner == owner => Some(a),
                _ => None,
            })
            .collect();
        Some((owner, asks))
    }

    pub fn packets(&self, case: &str, today: Date) -> Vec<Packet> {
        packets(&self.s.scope(&self.c, case, today).unwrap())
    }

    /// One form of a case as its packet carries it: field → value.
    pub fn form(&self, case: &str, today: Date, procedure: &str) -> BTreeMap<String, String> {
        let all = self.packets(case, today);
        let form = all
            .iter()
            .flat_map(|p| &p.forms)
            .find(|f| f.procedure == procedure)
            .unwrap_or_else(|| panic!("no form {procedure}"));
        form.facts.iter().cloned().collect()
    }

    /// Prepares every packet of a case and hands each over; all must be complete.
    pub fn hand_over_all(&mut self, case: &str, today: Date) {
        for p in self.packets(case, today) {
            assert!(p.missing.is_empty(), "{} lacks {:?}", p.agency, p.missing);
            let id = self.s.prepare(case, &p, today).unwrap();
            self.s.hand_over(&self.c, case, &id, false, today);
        }
    }
}
