//! Plans for several households, built from the shipped catalog.

mod common;
use common::{answers, catalog};

use hitotsu::plan::{build, Group, Plan};
use hitotsu::questionnaire::{asked, check_answer, first_unanswered, AnswerError};
use jiff::civil::{date, Date};
use std::collections::BTreeSet;


fn ids<'a>(plan: &'a Plan<'a>) -> Vec<&'a str> {
    plan.items.iter().map(|i| i.procedure.id.as_str()).collect()
}

fn due_of(plan: &Plan, id: &str) -> Option<Date> {
    plan.items.iter().find(|i| i.procedure.id == id).unwrap().due.as_ref().map(|d| d.due)
}

fn position(plan: &Plan, id: &str) -> usize {
    ids(plan).iter().position(|p| *p == id).unwrap_or_else(|| panic!("{id} not in plan"))
}

#[test]
fn birth_in_japan_with_national_insurance() {
    let c = catalog();
    let birth = c.event("birth").unwrap();
    let a = answers(&[
        ("birth_date", "2026-04-16"),
        ("born_abroad", "no"),
        ("parent_insurance", "national"),
        ("birth_weight_g", "2980"),
        ("direct_payment", "yes"),
    ]);
    assert!(first_unanswered(birth, &a).is_none());
    let plan = build(birth, &a, &BTreeSet::new(), date(2026, 4, 20), &c.closed_days());
    let got: BTreeSet<&str> = ids(&plan).into_iter().collect();
    let expected: BTreeSet<&str> = [
        "birth_registration",
        "child_allowance",
        "baby_national_insurance",
        "child_medical_subsidy",
        "newborn_visit_card",
    ]
    .into();
    assert_eq!(got, expected);
    // Day 14 is 29 April (昭和の日): the next open day.
    assert_eq!(due_of(&plan, "birth_registration"), Some(date(2026, 4, 30)));
    assert_eq!(due_of(&plan, "baby_national_insurance"), Some(date(2026, 4, 30)));
    assert_eq!(due_of(&plan, "child_allowance"), Some(date(2026, 5, 1)));
    assert!(position(&plan, "birth_registration") < position(&plan, "child_allowance"));
    assert!(position(&plan, "baby_national_insurance") < position(&plan, "child_medical_subsidy"));
    let first = &plan.items[0];
    assert_eq!((first.group, first.days_left), (Group::Month, Some(10)), "8–30 days left");
    let subsidy = plan.items.iter().find(|i| i.procedure.id == "child_medical_subsidy").unwrap();
    assert_eq!(subsidy.group, Group::NoFixed);
    assert_eq!(subsidy.waits_for.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["baby_national_insurance"]);
}

#[test]
fn small_baby_born_abroad_with_employer_insurance() {
    let c = catalog();
    let birth = c.event("birth").unwrap();
    let a = answers(&[
        ("birth_date", "2026-01-20"),
        ("born_abroad", "yes"),
        ("parent_insurance", "employee"),
        ("birth_weight_g", "2100"),
        ("direct_payment", "unsure"),
    ]);
    let plan = build(birth, &a, &BTreeSet::new(), date(2026, 4, 1), &c.closed_days());
    let got = ids(&plan);
    for id in ["birth_registration_abroad", "baby_employee_insurance", "low_birth_weight_notice", "childbirth_lump_sum"] {
        assert!(got.contains(&id), "{id} in {got:?}");
    }
    assert!(!got.contains(&"birth_registration") && !got.contains(&"baby_national_insurance"));
    // Three months counting the birth day: 20 Jan → 19 Apr (a Sunday) → Mon 20 Apr.
    assert_eq!(due_of(&plan, "birth_registration_abroad"), Some(date(2026, 4, 20)));
    // A limitation period does not move: 2 years from the day after the birth.
    assert_eq!(due_of(&plan, "childbirth_lump_sum"), Some(date(2028, 1, 20)));
}

#[test]
fn moving_to_another_city_with_the_card_and_a_car() {
    let c = catalog();
    let moving = c.event("moving").unwrap();
    let a = answers(&[
        ("move_kind", "other_city"),
        ("move_date", "2026-03-28"),
        ("has_card", "yes"),
        ("foreign_resident", "no"),
        ("national_insurance", "yes"),
        ("child_allowance", "yes"),
        ("school_children", "yes"),
        ("seal_registered", "no"),
        ("has_licence", "yes"),
        ("has_vehicle", "yes"),
    ]);
    assert!(first_unanswered(moving, &a).is_none());
    let plan = build(moving, &a, &BTreeSet::new(), date(2026, 3, 20), &c.closed_days());
    let got = ids(&plan);
    for id in ["moving_out", "moving_in_with_card", "my_number_card_continue", "national_insurance_join", "child_allowance_new_city", "school_transfer", "driving_licence_address", "vehicle_registration", "mail_forwarding"] {
        assert!(got.contains(&id), "{id} in {got:?}");
    }
    for id in ["moving_in", "change_of_address_within", "seal_registration", "residence_card_address", "moving_abroad"] {
        assert!(!got.contains(&id), "{id} should not apply");
    }
    // Moving out beforehand: due on the (Saturday) moving day itself, which stays.
    assert_eq!(due_of(&plan, "moving_out"), Some(date(2026, 3, 28)));
    // 14 days from the day after 28 March: 11 April is a Saturday → Mon 13 April.
    assert_eq!(due_of(&plan, "moving_in_with_card"), Some(date(2026, 4, 13)));
    // Vehicles: 15 days → 12 April (Sun) → 13 April.
    assert_eq!(due_of(&plan, "vehicle_registration"), Some(date(2026, 4, 13)));
    assert!(position(&plan, "moving_out") < position(&plan, "moving_in_with_card"));
    assert!(position(&plan, "moving_in_with_card") < position(&plan, "national_insurance_join"));
}

#[test]
fn moving_within_the_city_or_abroad_changes_everything() {
    let c = catalog();
    let moving = c.event("moving").unwrap();
    let within = answers(&[("move_kind", "within_city"), ("move_date", "2026-06-01")]);
    let qs: Vec<&str> = asked(moving, &within).iter().map(|q| q.id.as_str()).collect();
    assert!(!qs.contains(&"seal_registered") && qs.contains(&"has_card"));
    let abroad = answers(&[("move_kind", "abroad_out"), ("move_date", "2026-05-03")]);
    let plan = build(moving, &abroad, &BTreeSet::new(), date(2026, 4, 1), &c.closed_days());
    assert_eq!(ids(&plan), ["moving_abroad"]);
    // Beforehand, and 3 May is a Sunday in Golden Week: the last open day before is 1 May.
    assert_eq!(due_of(&plan, "moving_abroad"), Some(date(2026, 5, 1)));
}

#[test]
fn a_death_at_the_end_of_november() {
    let c = catalog();
    let death = c.event("death").unwrap();
    let a = answers(&[
        ("death_date", "2026-11-30"),
        ("known_date", "2026-11-30"),
        ("died_abroad", "no"),
        ("insurance", "elderly"),
        ("age_65", "yes"),
        ("pension", "yes"),
        ("householder", "yes"),
        ("household_remaining", "yes"),
        ("child_allowance", "no"),
        ("will", "handwritten_home"),
        ("real_estate", "yes"),
        ("had_income", "unsure"),
        ("estate_large", "no"),
        ("life_insurance", "yes"),
        ("funeral_done", "no"),
    ]);
    assert!(first_unanswered(death, &a).is_none());
    let mut done = BTreeSet::new();
    let plan = build(death, &a, &done, date(2026, 12, 1), &c.closed_days());
    assert!(plan.items.len() >= 15, "{} procedures", plan.items.len());
    // 7 days counting the day of learning: 6 Dec is a Sunday → 7 Dec.
    assert_eq!(due_of(&plan, "death_registration"), Some(date(2026, 12, 7)));
    assert_eq!(due_of(&plan, "pension_death_notice"), Some(date(2026, 12, 10)));
    // 3 months from 1 Dec end on 28 Feb 2027, a Sunday → 1 March.
    assert_eq!(due_of(&plan, "renunciation"), Some(date(2027, 3, 1)));
    assert_eq!(due_of(&plan, "quasi_final_return"), Some(date(2027, 3, 31)));
    assert_eq!(due_of(&plan, "inheritance_registration"), Some(date(2029, 11, 30)));
    assert!(!ids(&plan).contains(&"inheritance_tax_return"));
    // The funeral grant's date is not known yet: no due date, no guess.
    let grant = plan.items.iter().find(|i| i.procedure.id == "funeral_grant").unwrap();
    assert_eq!((grant.due.as_ref(), grant.group), (None, Group::NoFixed));
    // Marking the death notification done frees the cremation permit.
    let permit = plan.items.iter().find(|i| i.procedure.id == "cremation_permit").unwrap();
    assert_eq!(permit.waits_for.len(), 1);
    done.insert("death_registration".to_string());
    let plan = build(death, &a, &done, date(2026, 12, 1), &c.closed_days());
    let permit = plan.items.iter().find(|i| i.procedure.id == "cremation_permit").unwrap();
    assert!(permit.waits_for.is_empty());
    assert_eq!(plan.items.iter().find(|i| i.procedure.id == "death_registration").unwrap().group, Group::Done);
}

#[test]
fn changed_answers_drop_questions_no_longer_asked() {
    let c = catalog();
    let death = c.event("death").unwrap();
    // household_remaining was answered while householder was "yes"; now it is "no".
    let a = answers(&[("householder", "no"), ("household_remaining", "yes")]);
    let plan = build(death, &a, &BTreeSet::new(), date(2026, 12, 1), &c.closed_days());
    assert!(!ids(&plan).contains(&"householder_change"));
}

#[test]
fn answers_are_checked_against_the_question() {
    let c = catalog();
    let death = c.event("death").unwrap();
    let q = |id: &str| death.questions.iter().find(|q| q.id == id).unwrap();
    let today = date(2026, 12, 1);
    let a = answers(&[("death_date", "2026-11-30")]);
    assert_eq!(check_answer(q("known_date"), "R8.11.29", &a, today), Err(AnswerError::DateBefore("death_date".into())));
    assert_eq!(check_answer(q("known_date"), "令和8年12月1日", &a, today), Ok("2026-12-01".into()));
    assert_eq!(check_answer(q("death_date"), "2026/12/2", &a, today), Err(AnswerError::DateInFuture));
    assert_eq!(check_answer(q("insurance"), "", &a, today), Err(AnswerError::NoChoice));
    let birth = c.event("birth").unwrap();
    let weight = birth.questions.iter().find(|q| q.id == "birth_weight_g").unwrap();
    assert_eq!(check_answer(weight, "２，９８０", &a, today), Ok("2980".into()));
    assert_eq!(check_answer(weight, "3kg", &a, today), Err(AnswerError::NotANumber));
    assert_eq!(check_answer(weight, "12000", &a, today), Err(AnswerError::OutOfRange { min: 200.0, max: 7000.0 }));
}
