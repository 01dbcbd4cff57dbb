//! Once-only and one-stop over the shipped catalog: each fact asked once across all the
//! procedures of a case and across cases; packets carry only what their recipient needs.

mod common;
use common::{answers, catalog};

use hitotsu::catalog::{Catalog, Subject};
use hitotsu::condition::Answers;
use hitotsu::onestop::{missing, needs, packets, take_answers};
use hitotsu::vault::{How, PersonKind, Provenance, Roles, Vault};
use std::collections::BTreeSet;


fn given(case: &str, event: &str) -> Provenance {
    Provenance { case: case.into(), event: event.into(), how: How::Typed, date: "2026-04-20".into() }
}

/// The citizen answers every missing fact with some value; returns how many they typed.
fn fill_all(c: &Catalog, event: &str, a: &Answers, case: &str, roles: &Roles, vault: &mut Vault) -> usize {
    let e = c.event(event).unwrap();
    take_answers(c, e, a, case, roles, vault, "2026-04-20");
    let needed = needs(c, e, a, case, roles, &BTreeSet::new());
    let todo: Vec<_> = missing(&needed, vault).into_iter().cloned().collect();
    for n in &todo {
        vault.set(&n.key, format!("value of {}", n.field), given(case, event));
    }
    todo.len()
}

/// Field entries the paper forms of the applicable procedures have: every form asks its
/// own fields again.
fn paper_entries(c: &Catalog, event: &str, a: &Answers) -> usize {
    let e = c.event(event).unwrap();
    e.procedures.iter().filter(|p| p.when.holds(a)).map(|p| p.fields.len()).sum()
}

fn birth_answers() -> Answers {
    answers(&[("birth_date", "2026-04-16"), ("born_abroad", "no"), ("parent_insurance", "national"), ("birth_weight_g", "2980"), ("direct_payment", "no")])
}

#[test]
fn a_fact_needed_by_many_procedures_is_asked_once() {
    let c = catalog();
    let mut vault = Vault::new();
    let child = vault.add_person(PersonKind::Child, "c1");
    let roles: Roles = [(Subject::Child, child.clone())].into();
    let birth = c.event("birth").unwrap();
    let a = birth_answers();
    let needed = needs(&c, birth, &a, "c1", &roles, &BTreeSet::new());
    let keys: BTreeSet<_> = needed.iter().map(|n| &n.key).collect();
    assert_eq!(keys.len(), needed.len(), "each fact once");
    // applicant_name and parent_name are both "my name": one need, used by several forms.
    let my_name = needed.iter().find(|n| n.key.owner == "me" && n.key.attribute == "name").unwrap();
    assert!(my_name.procedures.contains(&"birth_registration".to_string()));
    assert!(my_name.procedures.contains(&"child_allowance".to_string()));
    assert!(needed.len() < paper_entries(&c, "birth", &a), "fewer than the forms' entries");
    // The date of birth came with the questionnaire: the detail pages do not ask it.
    take_answers(&c, birth, &a, "c1", &roles, &mut vault, "2026-04-20");
    let todo: Vec<&str> = missing(&needed, &vault).iter().map(|n| n.field.as_str()).collect();
    assert!(!todo.contains(&"child_birth_date") && todo.contains(&"child_name"));
}

#[test]
fn the_moving_flow_asks_nothing_the_birth_flow_gave() {
    let c = catalog();
    let mut vault = Vault::new();
    let child = vault.add_person(PersonKind::Child, "c1");
    let birth_roles: Roles = [(Subject::Child, child)].into();
    fill_all(&c, "birth", &birth_answers(), "c1", &birth_roles, &mut vault);
    let moving = c.event("moving").unwrap();
    let a = answers(&[("move_kind", "other_city"), ("move_date", "2026-06-01"), ("has_card", "yes"), ("foreign_resident", "no"),
        ("national_insurance", "yes"), ("child_allowance", "yes"), ("school_children", "no"), ("seal_registered", "no"),
        ("has_licence", "no"), ("has_vehicle", "no")]);
    take_answers(&c, moving, &a, "c2", &Roles::new(), &mut vault, "2026-05-20");
    let birth_keys: BTreeSet<_> = needs(&c, c.event("birth").unwrap(), &birth_answers(), "c1", &birth_roles, &BTreeSet::new())
        .into_iter()
        .map(|n| n.key)
        .collect();
    let needed = needs(&c, moving, &a, "c2", &Roles::new(), &BTreeSet::new());
    // Much of what moving needs was given at the birth: it is reused, not asked.
    let reused: BTreeSet<String> =
        needed.iter().filter(|n| birth_keys.contains(&n.key)).map(|n| format!("{}.{}", n.key.owner, n.key.attribute)).collect();
    for fact in ["me.name", "me.phone", "me.my_number", "me.bank_account", "household.address", "household.household_head"] {
        assert!(reused.contains(fact), "{fact} is reused: {reused:?}");
    }
    let asked = missing(&needed, &vault);
    assert!(asked.iter().all(|n| !birth_keys.contains(&n.key)));
    // The baby born in the birth flow is proposed as a member of the household.
    let members = vault.suggestion(hitotsu::catalog::Suggestion::HouseholdNames).unwrap();
    assert_eq!(members, "value of parent_name、value of child_name");
    let asked: BTreeSet<&str> = asked.iter().map(|n| n.field.as_str()).collect();
    assert_eq!(asked, ["new_address", "new_postal_code", "household_members"].into(), "only what is new about this move");
}

#[test]
fn packets_carry_only_what_their_recipient_needs() {
    let c = catalog();
    let mut vault = Vault::new();
    let child = vault.add_person(PersonKind::Child, "c1");
    let roles: Roles = [(Subject::Child, child)].into();
    let a = answers(&[("birth_date", "2026-04-16"), ("born_abroad", "no"), ("parent_insurance", "employee"), ("birth_weight_g", "2980"), ("direct_payment", "no")]);
    fill_all(&c, "birth", &a, "c1", &roles, &mut vault);
    let birth = c.event("birth").unwrap();
    let done: BTreeSet<String> = ["newborn_visit_card".to_string()].into();
    let all = packets(&c, birth, &a, "c1", &roles, &vault, &done);
    let agencies: Vec<&str> = all.iter().map(|p| p.agency.as_str()).collect();
    assert_eq!(agencies, ["city_office", "employer", "health_insurer"]);
    for packet in &all {
        let procs: Vec<_> = birth.procedures.iter().filter(|p| packet.procedures.contains(&p.id)).collect();
        let wanted: BTreeSet<&str> = procs.iter().flat_map(|p| p.fields.iter().map(String::as_str)).collect();
        let carried: BTreeSet<&str> = packet.facts.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(carried, wanted, "{} gets exactly its procedures' fields", packet.agency);
        assert!(packet.missing.is_empty());
    }
    let employer = all.iter().find(|p| p.agency == "employer").unwrap();
    assert_eq!(employer.procedures, ["baby_employee_insurance"]);
    assert!(!employer.facts.iter().any(|(f, _)| f == "honseki"), "the employer never sees the family register");
    assert!(!all.iter().any(|p| p.procedures.contains(&"newborn_visit_card".to_string())), "done: not sent again");
}

#[test]
fn household_of_four_through_all_three_events() {
    let c = catalog();
    let mut vault = Vault::new();
    let baby = vault.add_person(PersonKind::Child, "c1");
    let birth_a = birth_answers();
    let mut typed = birth_a.len();
    typed += fill_all(&c, "birth", &birth_a, "c1", &[(Subject::Child, baby)].into(), &mut vault);
    let moving_a = answers(&[("move_kind", "other_city"), ("move_date", "2026-06-01"), ("has_card", "yes"), ("foreign_resident", "no"),
        ("national_insurance", "yes"), ("child_allowance", "yes"), ("school_children", "yes"), ("seal_registered", "yes"),
        ("has_licence", "yes"), ("has_vehicle", "yes")]);
    typed += moving_a.len();
    typed += fill_all(&c, "moving", &moving_a, "c2", &Roles::new(), &mut vault);
    let grandparent = vault.add_person(PersonKind::Deceased, "c3");
    let death_a = answers(&[("death_date", "2026-11-30"), ("known_date", "2026-11-30"), ("died_abroad", "no"), ("insurance", "elderly"),
        ("age_65", "yes"), ("pension", "yes"), ("householder", "no"), ("child_allowance", "no"), ("will", "none"),
        ("real_estate", "yes"), ("had_income", "yes"), ("estate_large", "unsure"), ("life_insurance", "yes"), ("funeral_done", "yes"),
        ("funeral_date", "2026-12-03")]);
    typed += death_a.len();
    typed += fill_all(&c, "death", &death_a, "c3", &[(Subject::Deceased, grandparent)].into(), &mut vault);
    let paper = paper_entries(&c, "birth", &birth_a) + paper_entries(&c, "moving", &moving_a) + paper_entries(&c, "death", &death_a);
    println!("household of four, three events: typed {typed} (questions and facts), paper forms {paper} field entries");
    assert!(typed * 2 < paper, "typed {typed} should be well under half of {paper}");
}

#[test]
fn handing_over_a_packet_records_exactly_what_was_shared() {
    use hitotsu::state::{AppState, PacketStatus};
    let c = catalog();
    let mut state = AppState::default();
    let case = state.open_case("birth", &[Subject::Child], "birth_date", "2026-04-20");
    let a = answers(&[("birth_date", "2026-04-16"), ("born_abroad", "no"), ("parent_insurance", "employee"), ("birth_weight_g", "2980"), ("direct_payment", "yes")]);
    state.case_mut(&case).unwrap().answers = a.clone();
    let roles = state.case(&case).unwrap().roles.clone();
    let mut vault = state.vault.clone();
    fill_all(&c, "birth", &a, &case, &roles, &mut vault);
    state.vault = vault;
    let birth = c.event("birth").unwrap();
    let all = packets(&c, birth, &a, &case, &roles, &state.vault, &BTreeSet::new());
    let employer = all.iter().find(|p| p.agency == "employer").unwrap();
    let id = state.hand_over(&c, &case, employer, "2026-04-21", Some(("key-1", 0.0))).unwrap();
    assert_eq!(id, format!("{case}-employer"));
    let fields: BTreeSet<&str> = state.shared.iter().map(|s| s.field.as_str()).collect();
    let wanted: BTreeSet<&str> = birth.procedures.iter().find(|p| p.id == "baby_employee_insurance").unwrap().fields.iter().map(String::as_str).collect();
    assert_eq!(fields, wanted, "only the employer's procedure's facts are recorded as shared");
    assert!(state.shared.iter().all(|s| s.recipient == "employer" && s.sent));
    let body: serde_json::Value = serde_json::from_str(&state.outbox.items[0].body).unwrap();
    assert_eq!(body["recipient"], "employer");
    assert!(body["facts"].get("honseki").is_none(), "the family register never leaves for the employer");
    assert_eq!(body["facts"]["child_name"], "value of child_name");
    let record = &state.case(&case).unwrap().packets["employer"];
    assert_eq!((record.status, record.receipt.as_str()), (PacketStatus::Prepared, "H-20260421-c1-employer"));
    // Prepared for the counter (no endpoint): recorded, nothing queued.
    let city = all.iter().find(|p| p.agency == "city_office").unwrap();
    state.hand_over(&c, &case, city, "2026-04-21", None).unwrap();
    assert_eq!(state.outbox.items.len(), 1);
    assert!(state.shared.iter().any(|s| s.recipient == "city_office" && !s.sent));
}
