//! An independent set of legal cases (`tests/data/legal-cases.json`): due dates worked out
//! by hand from the statutes, apart from the catalog and the deadline code, by someone who
//! did not write them. Each case is answered as the app asks and its plan compared.

mod common;
use common::{answers, catalog};

use hitotsu::case::Case;
use hitotsu::plan::build;
use hitotsu::questionnaire::first_unanswered;
use hitotsu::resolve::CaseScope;
use hitotsu::vault::Vault;
use jiff::civil::Date;
use std::collections::BTreeSet;

#[derive(serde::Deserialize)]
struct Cases {
    cases: Vec<LegalCase>,
}

#[derive(serde::Deserialize)]
struct LegalCase {
    name: String,
    event: String,
    today: String,
    answers: std::collections::BTreeMap<String, String>,
    due: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    absent: Vec<String>,
}

#[test]
fn every_independent_legal_case_comes_out_as_the_law_counts_it() {
    let c = catalog();
    let file: Cases = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/tests/data/legal-cases.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    assert!(file.cases.len() >= 12, "a set worth the name");
    let mut wrong = Vec::new();
    for case in &file.cases {
        let event = c.event(&case.event).unwrap();
        let pairs: Vec<(&str, &str)> = case
            .answers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let a = answers(&pairs);
        if let Some(q) = first_unanswered(event, &a) {
            wrong.push(format!("{}: {} is asked and not answered", case.name, q.id));
            continue;
        }
        let today: Date = case.today.parse().unwrap();
        let record = Case {
            id: "c1".into(),
            event: case.event.clone(),
            started: today,
            answers: a.clone(),
            drafts: Default::default(),
            step: hitotsu::case::Step::Plan,
            done: BTreeSet::new(),
            roles: Default::default(),
            people_confirmed: false,
            packets: Default::default(),
            learned: Default::default(),
            open: Default::default(),
        };
        let vault = Vault::new();
        let scope = CaseScope::new(&c, event, &record, &vault, today);
        let plan = build(&scope, &c.closed_days());
        for (id, due) in &case.due {
            let got = plan
                .items
                .iter()
                .find(|i| i.procedure.id == *id)
                .map(|i| i.due.as_ref().map(|d| d.due));
            let want: Date = due.parse().unwrap();
            if got != Some(Some(want)) {
                wrong.push(format!(
                    "{}: {id} due {want}, the app says {got:?}",
                    case.name
                ));
            }
        }
        for id in &case.absent {
            if plan.items.iter().any(|i| i.procedure.id == *id) {
                wrong.push(format!("{}: {id} should not be in the plan", case.name));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
