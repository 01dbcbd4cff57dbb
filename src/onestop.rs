//! Connected one-stop: what all the open procedures of a case still need, each thing
//! asked once; and one packet per recipient carrying only what that recipient's
//! procedures need, as of each procedure's own date.

use crate::case::Form;
use crate::resolve::{CaseScope, Gap, Resolved};
use crate::vault::{FactKey, ME};
use jiff::civil::Date;

/// One thing the case still lacks, and every procedure that waits for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Need {
    pub gap: Gap,
    pub procedures: Vec<String>,
    /// Every procedure that waits for it can be filed without it (the catalog's
    /// `can_wait`): its page offers 「まだ分からない」.
    pub may_wait: bool,
    /// Left open by the citizen (「まだ分からない」) where it may wait: asked on its page,
    /// but no page waits for it.
    pub open: bool,
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
        None => out.push(Need {
            gap,
            procedures: vec![procedure.into()],
            may_wait: false,
            open: false,
        }),
    }
}

/// What the open procedures (not done, closed or already in a packet) still lack, each
/// once, in the order first needed.
pub fn needs(scope: &CaseScope) -> Vec<Need> {
    let answers = scope.answers();
    let mut out = Vec::new();
    for p in scope
        .applicable(&answers)
        .into_iter()
        .filter(|p| !scope.settled(p, &answers))
    {
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
    for n in &mut out {
        n.may_wait = match &n.gap {
            Gap::Fact(ask) => n.procedures.iter().all(|id| {
                scope
                    .event
                    .procedures
                    .iter()
                    .any(|p| p.id == *id && p.can_wait(&ask.field))
            }),
            Gap::Person(_) => false,
        };
        n.open = n.may_wait && left_open(scope, &n.gap);
    }
    out
}

/// Whether the citizen left this gap open (「まだ分からない」); whether a procedure may
/// go without it is the catalog's (`Procedure::can_wait`).
fn left_open(scope: &CaseScope, gap: &Gap) -> bool {
    matches!(gap, Gap::Fact(ask) if scope.case.open.contains(&ask.open_key()))
}

/// The order detail pages come in: the case's people first (the baby, the deceased),
/// then the citizen, other people, the household, and the case itself.
pub fn owner_rank(scope: &CaseScope, owner: &str) -> (u8, usize) {
    let pos = scope
        .vault
        .people
        .iter()
        .position(|p| p.id == owner)
        .unwrap_or(usize::MAX);
    let role_people = [
        crate::household::Role::Child,
        crate::household::Role::Deceased,
    ];
    let rank = if role_people
        .iter()
        .any(|r| scope.case.role(*r).iter().any(|p| p == owner))
    {
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
    // A page whose every fact is left open waits for nothing: the flow goes on.
    let mut owners: Vec<&str> = all
        .iter()
        .filter(|n| !n.open)
        .filter_map(Need::owner)
        .collect();
    owners.sort_by_key(|o| owner_rank(scope, o));
    owners.dedup();
    let start = after.map(|a| owner_rank(scope, a));
    owners
        .into_iter()
        .find(|o| start.is_none_or(|s| owner_rank(scope, o) > s))
        .map_or(NextStep::Check, |o| NextStep::Details(o.to_string()))
}

/// The page before the detail page of `owner`, for its back link: the detail page of the
/// owner asked before it, else the "who is who" page where the event has one; None: the
/// plan, where the detail pages begin.
pub fn previous_step(scope: &CaseScope, owner: &str) -> Option<NextStep> {
    let all = needs(scope);
    let rank = owner_rank(scope, owner);
    // The pages asked: those that still lack something, and those whose facts were typed
    // in this case (a page filled in is no longer in `needs`).
    let typed = scope.vault.facts.iter().filter_map(|(who, facts)| {
        facts
            .values()
            .flatten()
            .any(|f| {
                f.given.case == scope.case.id
                    && f.given.how == crate::vault::How::Typed
                    && f.from_answer.is_none()
            })
            .then_some(who.as_str())
    });
    let before = all
        .iter()
        .filter_map(Need::owner)
        .chain(typed)
        .filter(|o| *o != owner && owner_rank(scope, o) < rank)
        .max_by_key(|o| owner_rank(scope, o));
    match before {
        Some(o) => Some(NextStep::Details(o.to_string())),
        None if !scope.event.household.is_empty() => Some(NextStep::People),
        None => None,
    }
}

/// The next step once the detail page of `owner` is saved. Saving can make someone need
/// more on a page already passed (the movers' dates of birth tell who is 75 and over, who
/// then files the 後期高齢者 change with their own insurance number): back to the first
/// such page before the check page.
pub fn after_saving(scope: &CaseScope, owner: &str) -> NextStep {
    match next_step(scope, Some(owner)) {
        NextStep::Check => next_step(scope, None),
        next => next,
    }
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
    /// What the citizen left open (「まだ分からない」): its forms carry it blank, to be
    /// given at the counter or added later; it holds nothing back.
    pub open: Vec<Gap>,
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
                let facts: serde_json::Map<String, serde_json::Value> = f
                    .facts
                    .iter()
                    .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                    .collect();
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

/// One procedure's form as the vault fills it now: its values, what it lacks, and the
/// facts it uses with the day each is taken on.
pub fn form_of(
    scope: &CaseScope,
    p: &crate::catalog::Procedure,
    answers: &crate::condition::Answers,
) -> (Form, Vec<Gap>, Vec<(FactKey, Date)>) {
    let mut form = Form {
        procedure: p.id.clone(),
        facts: vec![],
    };
    let (mut missing, mut used) = (Vec::new(), Vec::new());
    if let Err(g) = scope.claimant(p, answers) {
        missing.push(g);
    }
    for field in scope.fields_of(p, answers) {
        match scope.resolve(p, field, answers) {
            Resolved::Value { text, used: u } => {
                form.facts.push((field.to_string(), text));
                used.extend(u);
            }
            Resolved::Blank => form.facts.push((field.to_string(), String::new())),
            Resolved::Missing(gaps) => {
                for g in gaps {
                    if !missing.contains(&g) {
                        missing.push(g);
                    }
                }
            }
        }
    }
    (form, missing, used)
}

/// The packets of the open procedures, one per recipient, in the order first needed.
pub fn packets(scope: &CaseScope) -> Vec<Packet> {
    let answers = scope.answers();
    let mut out: Vec<Packet> = Vec::new();
    for p in scope
        .applicable(&answers)
        .into_iter()
        .filter(|p| !scope.settled(p, &answers))
    {
        let i = match out.iter().position(|k| k.agency == p.agency) {
            Some(i) => i,
            None => {
                out.push(Packet {
                    agency: p.agency.clone(),
                    procedures: vec![],
                    forms: vec![],
                    documents: vec![],
                    missing: vec![],
                    open: vec![],
                    used: vec![],
                });
                out.len() - 1
            }
        };
        let packet = &mut out[i];
        packet.procedures.push(p.id.clone());
        let (form, missing, used) = form_of(scope, p, &answers);
        for g in missing {
            let may_wait = matches!(&g, Gap::Fact(ask) if p.can_wait(&ask.field));
            if may_wait && left_open(scope, &g) {
                if !packet.open.contains(&g) && !packet.missing.contains(&g) {
                    packet.open.push(g);
                }
            } else if !packet.missing.contains(&g) {
                // Another of its procedures cannot go without it: missing, not open.
                packet.open.retain(|o| *o != g);
                packet.missing.push(g);
            }
        }
        packet.used.extend(used);
        packet.forms.push(form);
        for d in scope.documents_of(p, &answers) {
            if !packet.documents.iter().any(|x| x == d) {
                packet.documents.push(d.to_string());
            }
        }
    }
    out
}

/// One value the case's open forms carry, once however many forms carry it.
#[derive(Clone, Debug, PartialEq)]
pub struct Used {
    /// The first field that carries it: its label.
    pub field: String,
    pub value: String,
    /// The fact it is (with the day its version holds), or None when it is worked out
    /// from several (the heirs' names) or from people and relations (a 続柄).
    pub fact: Option<(FactKey, Date)>,
    pub procedures: Vec<String>,
}

/// Every value the open procedures' forms carry, each fact version once, in the order
/// first used: what "check your answers" shows.
pub fn used(scope: &CaseScope) -> Vec<Used> {
    used_by(scope, false)
}

/// `used`, with the values of sheets already made or sent too (`with_sheets`): what was
/// printed can still be read and confirmed.
fn used_by(scope: &CaseScope, with_sheets: bool) -> Vec<Used> {
    let answers = scope.answers();
    let mut out: Vec<Used> = Vec::new();
    for p in scope.applicable(&answers).into_iter().filter(|p| {
        !scope.settled(p, &answers)
            || (with_sheets
                && scope.case.packet_of(&p.id).is_some()
                && !scope.case.done.contains(&p.id))
    }) {
        for field in scope.fields_of(p, &answers) {
            let Resolved::Value { text, used } = scope.resolve(p, field, &answers) else {
                continue;
            };
            let fact = match used.as_slice() {
                [(key, day)] => {
                    // The version, not the day: two days of one version are one fact.
                    let from = scope.vault.at(key, *day).map(|f| f.from);
                    Some((key.clone(), *day, from))
                }
                _ => None,
            };
            let same = |u: &Used| match (&u.fact, &fact) {
                (Some((k, d)), Some((k2, _, from))) => {
                    k == k2 && scope.vault.at(k, *d).map(|f| f.from) == *from
                }
                (None, None) => u.field == field && u.value == text,
                _ => false,
            };
            match out.iter_mut().find(|u| same(u)) {
                Some(u) => {
                    if !u.procedures.contains(&p.id) {
                        u.procedures.push(p.id.clone());
                    }
                }
                None => out.push(Used {
                    field: field.to_string(),
                    value: text,
                    fact: fact.map(|(k, d, _)| (k, d)),
                    procedures: vec![p.id.clone()],
                }),
            }
        }
    }
    out
}

/// The values of `used` grouped by whose they are: each person, the household and the case
/// in the order first used, what is worked out from several (`owner` None) last. "Check
/// your answers" and the counter's citizen screen show them so.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub owner: Option<String>,
    pub rows: Vec<Used>,
}

pub fn sections(scope: &CaseScope) -> Vec<Section> {
    sections_of(used(scope))
}

/// `sections`, with the values of sheets already made or sent: the counter's citizen
/// screen keeps what was printed, for the citizen to confirm again.
pub fn sections_with_sheets(scope: &CaseScope) -> Vec<Section> {
    sections_of(used_by(scope, true))
}

fn sections_of(used: Vec<Used>) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for u in used {
        let owner = u.fact.as_ref().map(|(k, _)| k.owner.clone());
        match out.iter_mut().find(|s| s.owner == owner) {
            Some(s) => s.rows.push(u),
            None => out.push(Section {
                owner,
                rows: vec![u],
            }),
        }
    }
    out.sort_by_key(|s| s.owner.is_none());
    out
}
