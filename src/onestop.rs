//! Connected one-stop: what all the procedures of a case need, asked once; and one packet
//! per recipient carrying only what that recipient's procedures need.

use crate::catalog::{Catalog, Event};
use crate::condition::Answers;
use crate::questionnaire::effective_answers;
use crate::vault::{fact_key, FactKey, Roles, Vault};
use std::collections::BTreeSet;

/// One fact the case needs: the first field (in catalog order) that stands for it, and
/// every procedure that uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct Need {
    pub field: String,
    pub key: FactKey,
    pub procedures: Vec<String>,
}

/// The facts the applicable procedures need, each once, in the order they are first
/// needed; `skip` are procedures already done (nothing is gathered for them).
pub fn needs(catalog: &Catalog, event: &Event, answers: &Answers, case_id: &str, roles: &Roles, skip: &BTreeSet<String>) -> Vec<Need> {
    let answers = effective_answers(event, answers);
    let mut out: Vec<Need> = Vec::new();
    for p in event.procedures.iter().filter(|p| p.when.holds(&answers) && !skip.contains(&p.id)) {
        for field in &p.fields {
            let Some(key) = fact_key(catalog, field, case_id, roles) else { continue };
            match out.iter_mut().find(|n| n.key == key) {
                Some(n) => {
                    if !n.procedures.contains(&p.id) {
                        n.procedures.push(p.id.clone())
                    }
                }
                None => out.push(Need { field: field.clone(), key, procedures: vec![p.id.clone()] }),
            }
        }
    }
    out
}

/// Of `needs`, those the vault cannot fill yet.
pub fn missing<'n>(needs: &'n [Need], vault: &Vault) -> Vec<&'n Need> {
    needs.iter().filter(|n| vault.get(&n.key).is_none()).collect()
}

/// What goes to one recipient: its procedures, the facts they need and nothing more,
/// and the documents to bring or attach.
#[derive(Clone, Debug, PartialEq)]
pub struct Packet {
    pub agency: String,
    pub procedures: Vec<String>,
    /// (field id, value) for every field the recipient's procedures name, each once.
    pub facts: Vec<(String, String)>,
    pub documents: Vec<String>,
    /// Fields a procedure needs that the vault does not have yet.
    pub missing: Vec<String>,
}

impl Packet {
    /// The JSON a submission endpoint receives (the contract is in the README).
    pub fn body(&self, id: &str, event: &str, today: &str) -> String {
        let facts: std::collections::BTreeMap<&str, &str> = self.facts.iter().map(|(f, v)| (f.as_str(), v.as_str())).collect();
        serde_json::json!({
            "packet": id, "recipient": self.agency, "event": event, "date": today,
            "procedures": self.procedures, "facts": facts, "documents": self.documents,
        })
        .to_string()
    }
}

pub fn packets(catalog: &Catalog, event: &Event, answers: &Answers, case_id: &str, roles: &Roles, vault: &Vault, skip: &BTreeSet<String>) -> Vec<Packet> {
    let answers = effective_answers(event, answers);
    let mut out: Vec<Packet> = Vec::new();
    for p in event.procedures.iter().filter(|p| p.when.holds(&answers) && !skip.contains(&p.id)) {
        let i = match out.iter().position(|k| k.agency == p.agency) {
            Some(i) => i,
            None => {
                out.push(Packet { agency: p.agency.clone(), procedures: vec![], facts: vec![], documents: vec![], missing: vec![] });
                out.len() - 1
            }
        };
        let packet = &mut out[i];
        packet.procedures.push(p.id.clone());
        for field in &p.fields {
            if packet.facts.iter().any(|(f, _)| f == field) || packet.missing.contains(field) {
                continue;
            }
            match fact_key(catalog, field, case_id, roles).and_then(|k| vault.get(&k)) {
                Some(fact) => packet.facts.push((field.clone(), fact.value.clone())),
                None => packet.missing.push(field.clone()),
            }
        }
        for d in &p.bring {
            if !packet.documents.contains(d) {
                packet.documents.push(d.clone());
            }
        }
    }
    out
}

/// Puts into the vault what questionnaire answers already give (the date of birth, the
/// moving day), so the detail pages never ask them again.
pub fn take_answers(catalog: &Catalog, event: &Event, answers: &Answers, case_id: &str, roles: &Roles, vault: &mut Vault, today: &str) {
    use crate::vault::{How, Provenance};
    let answers = effective_answers(event, answers);
    for q in &event.questions {
        let (Some(field), Some(value)) = (&q.fills, answers.get(&q.id)) else { continue };
        let Some(key) = fact_key(catalog, field, case_id, roles) else { continue };
        if vault.get(&key).map(|f| &f.value) != Some(value) {
            let given = Provenance { case: case_id.into(), event: event.id.clone(), how: How::Typed, date: today.into() };
            vault.set(&key, value.clone(), given);
        }
    }
}
