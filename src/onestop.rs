//! Connected one-stop: what all the open procedures of a case still need, each thing
//! asked once; and one packet per recipient carrying only what that recipient's
//! procedures need, as of each procedure's own date.

use crate::case::Form;
use crate::catalog::Catalog;
use crate::resolve::{CaseScope, Gap, Resolved};
use crate::vault::{FactKey, ME};
use jiff::civil::Date;

/// One thing the case still lacks, and every procedure that waits for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Need {
    pub gap: Gap,
    pub procedures: Vec<String>,
}

impl Need {
    /// The owner whose detail page asks it (None: the "who is who" page does).
    pub fn owner(&self) -> Option<&str> {
        match &self.gap {
            Gap::Fact(ask) => Some(&ask.key.owner),
            Gap::Person(_) => None,
        }
    }
}

fn add_gap(out: &mut Vec<Need>, gap: Gap, procedure: &str) {
    let same = |n: &Need| match (&n.gap, &gap) {
        (Gap::Fact(a), Gap::Fact(b)) => a.same_fact(b),
        (a, b) => a == b,
    };
    match out.iter_mut().find(|n| same(n)) {
        Some(n) => {
            if !n.procedures.iter().any(|p| p == procedure) {
                n.procedures.push(procedure.into());
            }
        }
        None => out.push(Need { gap, procedures: vec![procedure.into()] }),
    }
}

/// What the open procedures (not done, closed or already in a packet) still lack, each
/// once, in the order first needed.
pub fn needs(scope: &CaseScope) -> Vec<Need> {
    let answers = scope.answers();
    let mut out = Vec::new();
    for p in scope.applicable(&answers).into_iter().filter(|p| !scope.settled(p, &answers)) {
        if let Err(g) = scope.claimant(p, &answers) {
            add_gap(&mut out, g, &p.id);
        }
        for field in scope.fields_of(p, &answers) {
            if let Resolved::Missing(gaps) = scope.resolve(p, field, &answers) {
                for g in gaps {
                    add_gap(&mut out, g, &p.id);
                }
            }
        }
    }
    out
}

/// The order detail pages come in: the case's people first (the baby, the deceased),
/// then the citizen, other people, the household, and the case itself.
pub fn owner_rank(scope: &CaseScope, owner: &str) -> (u8, usize) {
    let pos = scope.vault.people.iter().position(|p| p.id == owner).unwrap_or(usize::MAX);
    let role_people = [crate::household::Role::Child, crate::household::Role::Deceased];
    let rank = if role_people.iter().any(|r| scope.case.role(*r).iter().any(|p| p == owner)) {
        0
    } else if owner == ME {
        1
    } else if scope.vault.person(owner).is_some() {
        2
    } else if owner == crate::vault::HOUSEHOLD {
        3
    } else {
        4
    };
    (rank, pos)
}

/// Where the one-stop flow goes next: the "who is who" page while anyone is unnamed,
/// then each owner with facts to give, then the check page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextStep {
    People,
    Details(String),
    Check,
}

/// The next step after the detail page of `after` (None: from the start).
pub fn next_step(scope: &CaseScope, after: Option<&str>) -> NextStep {
    let all = needs(scope);
    let people_page = !scope.event.household.is_empty() && !scope.case.people_confirmed;
    if people_page || all.iter().any(|n| n.owner().is_none()) {
        return NextStep::People;
    }
    let mut owners: Vec<&str> = all.iter().filter_map(Need::owner).collect();
    owners.sort_by_key(|o| owner_rank(scope, o));
    owners.dedup();
    let start = after.map(|a| owner_rank(scope, a));
    owners
        .into_iter()
        .find(|o| start.is_none_or(|s| owner_rank(scope, o) > s))
        .map_or(NextStep::Check, |o| NextStep::Details(o.to_string()))
}

/// What goes to one recipient: its procedures, each as a form with the facts it carries
/// and nothing more, and the documents to bring or attach.
#[derive(Clone, Debug, PartialEq)]
pub struct Packet {
    pub agency: String,
    pub procedures: Vec<String>,
    pub forms: Vec<Form>,
    pub documents: Vec<String>,
    /// What must be given before it can be prepared or sent.
    pub missing: Vec<Gap>,
    /// The facts it uses, with the day each was taken on.
    pub used: Vec<(FactKey, Date)>,
}

impl Packet {
    /// The JSON a submission endpoint receives (the contract is in the README).
    pub fn body(&self, id: &str, event: &str, today: Date) -> String {
        let forms: Vec<serde_json::Value> = self
            .forms
            .iter()
            .map(|f| {
                let facts: serde_json::Map<String, serde_json::Value> =
                    f.facts.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
                serde_json::json!({ "procedure": f.procedure, "facts": facts })
            })
            .collect();
        serde_json::json!({
            "packet": id, "recipient": self.agency, "event": event, "date": today.to_string(),
            "procedures": self.procedures, "forms": forms, "documents": self.documents,
        })
        .to_string()
    }

    /// Every value of every form, for showing what a recipient receives (each field once).
    pub fn facts(&self) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = Vec::new();
        for f in &self.forms {
            for (k, v) in &f.facts {
                if !out.iter().any(|(o, ov)| *o == k && *ov == v) {
                    out.push((k, v));
                }
            }
        }
        out
    }
}

/// The packets of the open procedures, one per recipient, in the order first needed.
pub fn packets(scope: &CaseScope) -> Vec<Packet> {
    let answers = scope.answers();
    let mut out: Vec<Packet> = Vec::new();
    for p in scope.applicable(&answers).into_iter().filter(|p| !scope.settled(p, &answers)) {
        let i = match out.iter().position(|k| k.agency == p.agency) {
            Some(i) => i,
            None => {
                out.push(Packet { agency: p.agency.clone(), procedures: vec![], forms: vec![], documents: vec![], missing: vec![], used: vec![] });
                out.len() - 1
            }
        };
        let packet = &mut out[i];
        packet.procedures.push(p.id.clone());
        let mut form = Form { procedure: p.id.clone(), facts: vec![] };
        if let Err(g) = scope.claimant(p, &answers) {
            if !packet.missing.contains(&g) {
                packet.missing.push(g);
            }
        }
        for field in scope.fields_of(p, &answers) {
            match scope.resolve(p, field, &answers) {
                Resolved::Value { text, used } => {
                    form.facts.push((field.to_string(), text));
                    packet.used.extend(used);
                }
                Resolved::Blank => form.facts.push((field.to_string(), String::new())),
                Resolved::Missing(gaps) => {
                    for g in gaps {
                        if !packet.missing.contains(&g) {
                            packet.missing.push(g);
                        }
                    }
                }
            }
        }
        packet.forms.push(form);
        for d in scope.documents_of(p, &answers) {
            if !packet.documents.iter().any(|x| x == d) {
                packet.documents.push(d.to_string());
            }
        }
    }
    out
}

/// The agency name of a recipient in a language, or its id when the catalog lacks it.
pub fn agency_name<'c>(catalog: &'c Catalog, agency: &'c str, lang: crate::i18n::Lang) -> &'c str {
    catalog.index.agencies.get(agency).map_or(agency, |a| a.name.get(lang))
}
