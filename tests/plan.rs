//! Plans for several households, built from the shipped catalog, and the deadlines each
//! procedure gets, counted as the law counts them.

mod common;
use common::{answers, catalog};

use hitotsu::case::Case;
use hitotsu::catalog::Catalog;
use hitotsu::condition::Answers;
use hitotsu::plan::{build, Group};
use hitotsu::questionnaire::{asked, check_answer, first_unanswered, AnswerError};
use hitotsu::resolve::CaseScope;
use hitotsu::vault::Vault;
use jiff::civil::{date, Date};
use std::collections::BTreeSet;

/// What the tests read of a plan item.
#[derive(Debug)]
struct Item {
    id: String,
    due: Option<Date>,
    days_left: Option<i32>,
    group: Group,
    waits_for: Vec<String>,
    closed: bool,
}

struct Plan {
    items: Vec<Item>,
}

/// The plan of a case with these answers and procedures done, on `today`.
fn build_plan(c: &Catalog, event: &str, a: &Answers, done: &BTreeSet<String>, today: Date) -> Plan {
    let e = c.event(event).unwrap();
    let case = Case {
        id: "c1".into(),
        event: event.into(),
        started: today,
        answers: a.clone(),
        drafts: Default::default(),
        step: hitotsu::case::Step::Plan,
        done: done.clone(),
        roles: Default::default(),
        people_confirmed: false,
        packets: Default::default(),
        learned: Default::default(),
        open: Default::default(),
    };
    let vault = Vault::new();
    let scope = CaseScope::new(c, e, &case, &vault, today);
    let plan = build(&scope, &c.closed_days());
    Plan {
        items: plan
            .items
            .iter()
            .map(|i| Item {
                id: i.procedure.id.clone(),
                due: i.due.as_ref().map(|d| d.due),
                days_left: i.days_left,
                group: i.group,
                waits_for: i.waits_for.iter().map(|p| p.id.clone()).collect(),
                closed: matches!(i.state, hitotsu::plan::ItemState::Closed(_)),
            })
            .collect(),
    }
}

fn ids(plan: &Plan) -> Vec<&str> {
    plan.items.iter().map(|i| i.id.as_str()).collect()
}

fn item<'p>(plan: &'p Plan, id: &str) -> &'p Item {
    plan.items
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("{id} not in plan {:?}", ids(plan)))
}

fn due_of(plan: &Plan, id: &str) -> Option<Date> {
    item(plan, id).due
}

fn position(plan: &Plan, id: &str) -> usize {
    ids(plan)
        .iter()
        .position(|p| *p == id)
        .unwrap_or_else(|| panic!("{id} not in plan"))
}

#[test]
fn birth_in_japan_with_national_insurance() {
    let c = catalog();
    let birth = c.event("birth").unwrap();
    let a = answers(&[
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
    ]);
    assert!(first_unanswered(birth, &a).is_none());
    let plan = build_plan(&c, "birth", &a, &BTreeSet::new(), date(2026, 4, 20));
    let got: BTreeSet<&str> = ids(&plan).into_iter().collect();
    let expected: BTreeSet<&str> = [
        "birth_registration",
        "child_allowance",
        "baby_national_insurance",
        "child_medical_subsidy",
        "newborn_visit_card",
        // The mother in the national pension: her contributions around the birth are
        // waived (国年法88条の2); the support for pregnant women's second claim.
        "pension_maternity_exemption",
        "pregnancy_support_second",
    ]
    .into();
    assert_eq!(got, expected);
    // Day 14 is 29 April (昭和の日): the next open day.
    assert_eq!(due_of(&plan, "birth_registration"), Some(date(2026, 4, 30)));
    assert_eq!(
        due_of(&plan, "baby_national_insurance"),
        Some(date(2026, 4, 30))
    );
    assert_eq!(due_of(&plan, "child_allowance"), Some(date(2026, 5, 1)));
    assert!(position(&plan, "birth_registration") < position(&plan, "child_allowance"));
    assert!(position(&plan, "baby_national_insurance") < position(&plan, "child_medical_subsidy"));
    let first = &plan.items[0];
    assert_eq!(
        (first.group, first.days_left),
        (Group::Month, Some(10)),
        "8–30 days left"
    );
    let subsidy = item(&plan, "child_medical_subsidy");
    assert_eq!(subsidy.group, Group::NoFixed);
    assert_eq!(subsidy.waits_for, ["baby_national_insurance"]);
}

#[test]
fn a_second_child_of_a_working_mother_raises_the_allowance_and_pays_her_leave() {
    let c = catalog();
    let a = answers(&[
        ("birth_date", "2026-04-16"),
        ("born_abroad", "no"),
        ("japanese_parent", "yes"),
        ("japanese_parents", "both"),
        ("allowance_older_child", "yes"),
        ("parent_insurance", "employee_mother"),
        ("birth_weight_g", "3010"),
        ("direct_payment", "yes"),
        ("birth_cost_below_grant", "yes"),
        ("parental_leave", "yes"),
        ("parental_leave_parent", "mother"),
    ]);
    assert_eq!(
        first_unanswered(c.event("birth").unwrap(), &a).map(|q| q.id.as_str()),
        None,
        "the mother's own insurance is the baby's: not asked again"
    );
    let plan = build_plan(&c, "birth", &a, &BTreeSet::new(), date(2026, 4, 20));
    let got = ids(&plan);
    // Already receiving: a 額改定請求 (児童手当法9条), not a second 認定請求.
    assert!(got.contains(&"child_allowance_increase") && !got.contains(&"child_allowance"));
    // 15 days from the day after the birth, as for a first claim.
    assert_eq!(
        due_of(&plan, "child_allowance_increase"),
        Some(date(2026, 5, 1))
    );
    for id in [
        "maternity_allowance",
        "childbirth_lump_sum_difference",
        "childcare_leave_benefit",
        "baby_employee_insurance",
    ] {
        assert!(got.contains(&id), "{id} in {got:?}");
    }
    // Time bars of 2 years from the day after the birth (健保法193条), not moved.
    assert_eq!(
        due_of(&plan, "childbirth_lump_sum_difference"),
        Some(date(2028, 4, 16))
    );
    assert!(!got.contains(&"pension_maternity_exemption"));
    // 出産手当金 (健保法102条1項・193条1項): each day off has its own 2 years from the next day;
    // the first of the 42 days before the birth (the birth day among them), 6 March, lapses
    // first: on 6 March 2028, not on the birth's 16 April.
    assert_eq!(due_of(&plan, "maternity_allowance"), Some(date(2028, 3, 6)));
    assert!(
        !got.contains(&"childcare_leave_benefit_father"),
        "only the mother takes leave: {got:?}"
    );
}

#[test]
fn small_baby_born_abroad_with_employer_insurance() {
    let c = catalog();
    let a = answers(&[
        ("birth_date", "2026-01-20"),
        ("born_abroad", "yes"),
        ("japanese_parent", "yes"),
        ("japanese_parents", "both"),
        ("allowance_older_child", "no"),
        ("parent_insurance", "employee_father"),
        ("mother_insurance", "dependent"),
        ("birth_weight_g", "2100"),
        ("direct_payment", "unsure"),
        ("parental_leave", "no"),
    ]);
    let plan = build_plan(&c, "birth", &a, &BTreeSet::new(), date(2026, 4, 1));
    let got = ids(&plan);
    for id in [
        "birth_registration_abroad",
        "baby_employee_insurance",
        "low_birth_weight_notice",
        "childbirth_lump_sum",
    ] {
        assert!(got.contains(&id), "{id} in {got:?}");
    }
    assert!(!got.contains(&"birth_registration") && !got.contains(&"baby_national_insurance"));
    // Three months counting the birth day: 20 Jan → 19 Apr (a Sunday) → Mon 20 Apr.
    assert_eq!(
        due_of(&plan, "birth_registration_abroad"),
        Some(date(2026, 4, 20))
    );
    // A limitation period does not move: 2 years from the day after the birth.
    assert_eq!(
        due_of(&plan, "childbirth_lump_sum"),
        Some(date(2028, 1, 20))
    );
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
        ("insurance", "national"),
        ("child_allowance", "yes"),
        ("children_move", "yes"),
        ("vaccination_children", "yes"),
        ("school_children", "yes"),
        // The grandmother of 78 moves with them, across a prefecture border, certified
        // for care; and the dog.
        ("elderly_moves", "yes"),
        ("other_prefecture", "yes"),
        ("care_certified", "yes"),
        ("seal_registered", "no"),
        ("has_licence", "yes"),
        ("has_vehicle", "yes"),
        ("vehicle_kind", "registered"),
        ("has_dog", "yes"),
    ]);
    assert_eq!(first_unanswered(moving, &a).map(|q| q.id.as_str()), None);
    let plan = build_plan(&c, "moving", &a, &BTreeSet::new(), date(2026, 3, 20));
    let got = ids(&plan);
    for id in [
        "moving_out",
        "moving_in_with_card",
        "my_number_card_continue",
        "national_insurance_join",
        "child_allowance_new_city",
        "school_transfer",
        "driving_licence_address",
        "vehicle_registration",
        "mail_forwarding",
        "child_medical_subsidy_new_city",
        "vaccination_forms_new_city",
        "late_elderly_leave",
        "late_elderly_join",
        "care_certificate_old",
        "care_certification_new",
        "dog_registration_change",
    ] {
        assert!(got.contains(&id), "{id} in {got:?}");
    }
    // 14 days from the move (高確法施行規則10条, 介護保険法36条): 11 April is a Saturday.
    assert_eq!(due_of(&plan, "late_elderly_join"), Some(date(2026, 4, 13)));
    assert_eq!(
        due_of(&plan, "care_certification_new"),
        Some(date(2026, 4, 13))
    );
    // 30 days for the dog (狂犬病予防法4条4項).
    assert_eq!(
        due_of(&plan, "dog_registration_change"),
        Some(date(2026, 4, 27))
    );
    for id in [
        "moving_in",
        "change_of_address_within",
        "seal_registration",
        "residence_card_address",
        "moving_abroad",
    ] {
        assert!(!got.contains(&id), "{id} should not apply");
    }
    // Moving out beforehand: due on the (Saturday) moving day itself, which stays.
    assert_eq!(due_of(&plan, "moving_out"), Some(date(2026, 3, 28)));
    // 14 days from the day after 28 March: 11 April is a Saturday → Mon 13 April.
    assert_eq!(
        due_of(&plan, "moving_in_with_card"),
        Some(date(2026, 4, 13))
    );
    // Vehicles: 15 days → 12 April (Sun) → 13 April.
    assert_eq!(
        due_of(&plan, "vehicle_registration"),
        Some(date(2026, 4, 13))
    );
    assert!(position(&plan, "moving_out") < position(&plan, "moving_in_with_card"));
    assert!(position(&plan, "moving_in_with_card") < position(&plan, "national_insurance_join"));
}

#[test]
fn moving_within_the_city_or_abroad_changes_everything() {
    let c = catalog();
    let moving = c.event("moving").unwrap();
    let within = answers(&[("move_kind", "within_city"), ("move_date", "2026-06-01")]);
    let qs: Vec<&str> = asked(moving, &within)
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert!(!qs.contains(&"seal_registered") && qs.contains(&"has_card"));
    let abroad = answers(&[("move_kind", "abroad_out"), ("move_date", "2026-05-03")]);
    let plan = build_plan(&c, "moving", &abroad, &BTreeSet::new(), date(2026, 4, 1));
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
        ("residence_card", "no"),
        ("insurance", "elderly"),
        ("age_65", "yes"),
        ("pension", "yes"),
        ("householder", "yes"),
        ("household_remaining", "yes"),
        ("child_allowance", "no"),
        ("high_medical_bills", "yes"),
        ("will", "handwritten_home"),
        ("real_estate", "yes"),
        ("vehicle", "kei"),
        ("disability_handbook", "yes"),
        ("had_income", "unsure"),
        ("estate_large", "no"),
        ("life_insurance", "yes"),
        ("funeral_done", "no"),
    ]);
    assert!(first_unanswered(death, &a).is_none());
    let mut done = BTreeSet::new();
    let plan = build_plan(&c, "death", &a, &done, date(2026, 12, 1));
    assert!(plan.items.len() >= 15, "{} procedures", plan.items.len());
    // 7 days counting the day of learning: 6 Dec is a Sunday → 7 Dec.
    assert_eq!(due_of(&plan, "death_registration"), Some(date(2026, 12, 7)));
    assert_eq!(
        due_of(&plan, "pension_death_notice"),
        Some(date(2026, 12, 10))
    );
    // 3 months from 1 Dec end on 28 Feb 2027, a Sunday → 1 March.
    assert_eq!(due_of(&plan, "renunciation"), Some(date(2027, 3, 1)));
    assert_eq!(due_of(&plan, "quasi_final_return"), Some(date(2027, 3, 31)));
    assert_eq!(
        due_of(&plan, "inheritance_registration"),
        Some(date(2029, 11, 30))
    );
    assert!(!ids(&plan).contains(&"inheritance_tax_return"));
    // A 75-year-old's last hospital bills: the heirs claim the high-cost refund (the
    // deceased was their own insured, not the head's dependant); the kei car, the
    // certificate to return, the property tax representative.
    for p in [
        "high_cost_medical_heirs",
        "light_vehicle_inheritance",
        "disability_handbook_return",
        "fixed_asset_tax_representative",
    ] {
        assert!(ids(&plan).contains(&p), "{p} in {:?}", ids(&plan));
    }
    for p in [
        "vehicle_inheritance",
        "high_cost_medical_head",
        "death_lump_sum",
    ] {
        assert!(!ids(&plan).contains(&p), "{p} not in the plan");
    }
    // The funeral grant's date is not known yet: no due date, no guess.
    let grant = item(&plan, "funeral_grant");
    assert_eq!((grant.due, grant.group), (None, Group::NoFixed));
    // Marking the death notification done frees the cremation permit.
    let permit = item(&plan, "cremation_permit");
    assert_eq!(permit.waits_for.len(), 1);
    done.insert("death_registration".to_string());
    let plan = build_plan(&c, "death", &a, &done, date(2026, 12, 1));
    let permit = item(&plan, "cremation_permit");
    assert!(permit.waits_for.is_empty());
    assert_eq!(item(&plan, "death_registration").group, Group::Done);
}

#[test]
fn an_employees_death_leaves_his_dependants_to_join_the_national_schemes_in_14_days() {
    // 国保法施行規則3条 and 国年法施行規則6条の2第1項: 14 days; the dependants lose the
    // employer's insurance the day after the death, which is the first day counted.
    let c = catalog();
    let death = c.event("death").unwrap();
    let a = answers(&[
        ("death_date", "2026-11-30"),
        ("known_date", "2026-11-30"),
        ("died_abroad", "no"),
        ("residence_card", "no"),
        ("insurance", "employee"),
        ("dependants_covered", "yes"),
        ("age_65", "no"),
        ("pension", "no"),
        ("pension_insured", "employee"),
        ("spouse_category3", "yes"),
        ("national_premiums_3y", "yes"),
        ("householder", "no"),
        ("child_allowance", "no"),
        ("high_medical_bills", "no"),
        ("will", "none"),
        ("real_estate", "no"),
        ("vehicle", "car"),
        ("disability_handbook", "no"),
        ("had_income", "no"),
        ("estate_large", "no"),
        ("life_insurance", "no"),
        ("funeral_done", "no"),
    ]);
    assert_eq!(first_unanswered(death, &a).map(|q| q.id.as_str()), None);
    let plan = build_plan(&c, "death", &a, &BTreeSet::new(), date(2026, 12, 1));
    assert_eq!(
        due_of(&plan, "national_insurance_join_dependants"),
        Some(date(2026, 12, 14))
    );
    assert_eq!(
        due_of(&plan, "pension_category_change"),
        Some(date(2026, 12, 14))
    );
    // 36 months of national pension premiums paid earlier: the lump sum, 2 years (国年法
    // 102条4項), a time bar not moved off a closed day; the widow's pension as the choice.
    assert_eq!(due_of(&plan, "death_lump_sum"), Some(date(2028, 11, 30)));
    assert!(ids(&plan).contains(&"widows_pension"));
    assert!(ids(&plan).contains(&"vehicle_inheritance"));
    assert!(!ids(&plan).contains(&"light_vehicle_inheritance"));
    let asides: Vec<&str> = death
        .nothing_to_file
        .iter()
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(
        asides,
        [
            "driving_licence_after_death",
            "passport_after_death",
            "seal_registration_after_death"
        ]
    );
}

#[test]
fn changed_answers_drop_questions_no_longer_asked() {
    let c = catalog();
    // household_remaining was answered while householder was "yes"; now it is "no".
    let a = answers(&[("householder", "no"), ("household_remaining", "yes")]);
    let plan = build_plan(&c, "death", &a, &BTreeSet::new(), date(2026, 12, 1));
    assert!(!ids(&plan).contains(&"householder_change"));
}

#[test]
fn answers_are_checked_against_the_question() {
    let c = catalog();
    let death = c.event("death").unwrap();
    let q = |id: &str| death.questions.iter().find(|q| q.id == id).unwrap();
    let today = date(2026, 12, 1);
    let a = answers(&[("death_date", "2026-11-30")]);
    assert_eq!(
        check_answer(q("known_date"), "R8.11.29", &a, today),
        Err(AnswerError::DateBefore("death_date".into()))
    );
    assert_eq!(
        check_answer(q("known_date"), "令和8年12月1日", &a, today),
        Ok("2026-12-01".into())
    );
    assert_eq!(
        check_answer(q("death_date"), "2026/12/2", &a, today),
        Err(AnswerError::DateInFuture)
    );
    assert_eq!(
        check_answer(q("insurance"), "", &a, today),
        Err(AnswerError::NoChoice)
    );
    let birth = c.event("birth").unwrap();
    let weight = birth
        .questions
        .iter()
        .find(|q| q.id == "birth_weight_g")
        .unwrap();
    assert_eq!(
        check_answer(weight, "２，９８０", &a, today),
        Ok("2980".into())
    );
    assert_eq!(
        check_answer(weight, "3kg", &a, today),
        Err(AnswerError::NotANumber)
    );
    assert_eq!(
        check_answer(weight, "12000", &a, today),
        Err(AnswerError::OutOfRange {
            min: 200.0,
            max: 7000.0
        })
    );
}

#[test]
fn born_abroad_the_allowance_and_insurance_wait_for_a_japanese_address() {
    let c = catalog();
    let a = answers(&[
        ("birth_date", "2026-01-20"),
        ("born_abroad", "yes"),
        ("japanese_parent", "yes"),
        ("japanese_parents", "both"),
        ("allowance_older_child", "no"),
        ("parent_insurance", "national"),
        ("mother_insurance", "national"),
        ("birth_weight_g", "3000"),
        ("direct_payment", "no"),
        ("parental_leave", "no"),
    ]);
    let plan = build_plan(&c, "birth", &a, &BTreeSet::new(), date(2026, 2, 1));
    for id in ["child_allowance", "baby_national_insurance"] {
        assert!(
            !ids(&plan).contains(&id),
            "{id} starts from the Japanese address, not the birth"
        );
    }
    // Coming to live in Japan: the claim is due 15 days after the move even though the
    // family receives nothing today.
    let back = answers(&[
        ("move_kind", "abroad_in"),
        ("move_date", "2026-06-01"),
        ("foreign_resident", "no"),
        ("insurance", "national"),
        ("children", "yes"),
        ("vaccination_children", "no"),
        ("school_children", "no"),
        ("has_licence", "no"),
    ]);
    let moving = c.event("moving").unwrap();
    assert!(
        first_unanswered(moving, &back).is_none(),
        "{:?}",
        first_unanswered(moving, &back).map(|q| &q.id)
    );
    let plan = build_plan(&c, "moving", &back, &BTreeSet::new(), date(2026, 6, 2));
    assert_eq!(
        due_of(&plan, "child_allowance_new_city"),
        Some(date(2026, 6, 16))
    );
}

#[test]
fn the_insured_parent_has_five_days_for_the_dependant_notification() {
    let c = catalog();
    let a = answers(&[
        ("birth_date", "2026-04-16"),
        ("born_abroad", "no"),
        ("japanese_parent", "yes"),
        ("japanese_parents", "both"),
        ("allowance_older_child", "no"),
        ("parent_insurance", "employee_father"),
        ("mother_insurance", "dependent"),
        ("birth_weight_g", "3000"),
        ("direct_payment", "yes"),
        ("birth_cost_below_grant", "no"),
        ("parental_leave", "no"),
    ]);
    let plan = build_plan(&c, "birth", &a, &BTreeSet::new(), date(2026, 4, 17));
    // From the day after the birth: 21 April (Tue).
    assert_eq!(
        due_of(&plan, "baby_employee_insurance"),
        Some(date(2026, 4, 21))
    );
}

#[test]
fn light_vehicles_and_registered_cars_go_to_different_offices() {
    let c = catalog();
    let mut a = answers(&[
        ("move_kind", "within_city"),
        ("move_date", "2026-06-01"),
        ("has_card", "no"),
        ("foreign_resident", "no"),
        ("school_children", "no"),
        ("has_licence", "no"),
        ("has_vehicle", "yes"),
        ("vehicle_kind", "light"),
    ]);
    let plan = build_plan(&c, "moving", &a, &BTreeSet::new(), date(2026, 5, 20));
    assert!(
        ids(&plan).contains(&"light_vehicle_address")
            && !ids(&plan).contains(&"vehicle_registration")
    );
    a.insert("vehicle_kind".into(), "both".into());
    let plan = build_plan(&c, "moving", &a, &BTreeSet::new(), date(2026, 5, 20));
    assert!(
        ids(&plan).contains(&"light_vehicle_address")
            && ids(&plan).contains(&"vehicle_registration")
    );
}

fn death_answers(extra: &[(&str, &str)]) -> Answers {
    let mut a = answers(&[
        ("death_date", "2026-11-30"),
        ("known_date", "2026-11-30"),
        ("died_abroad", "no"),
        ("residence_card", "no"),
        ("insurance", "national"),
        ("age_65", "no"),
        ("pension", "no"),
        ("householder", "no"),
        ("child_allowance", "no"),
        ("will", "none"),
        ("real_estate", "no"),
        ("had_income", "no"),
        ("estate_large", "no"),
        ("life_insurance", "no"),
        ("funeral_done", "no"),
    ]);
    for (k, v) in extra {
        a.insert(k.to_string(), v.to_string());
    }
    a
}

#[test]
fn an_inheritance_known_before_april_2024_must_be_registered_by_march_2027() {
    let c = catalog();
    // Learned of a death in 2020: the three years run from 1 April 2024 (令和3年法律第24号
    // 附則5条6項), to Wednesday 31 March 2027.
    let a = death_answers(&[
        ("death_date", "2020-06-01"),
        ("known_date", "2020-06-01"),
        ("real_estate", "yes"),
    ]);
    let plan = build_plan(&c, "death", &a, &BTreeSet::new(), date(2026, 12, 1));
    assert_eq!(
        due_of(&plan, "inheritance_registration"),
        Some(date(2027, 3, 31))
    );
}

#[test]
fn a_body_brought_home_needs_a_cremation_permit_and_a_secret_will_needs_probate() {
    let c = catalog();
    let a = death_answers(&[
        ("died_abroad", "yes"),
        ("cremation_in_japan", "yes"),
        ("will", "secret"),
    ]);
    let plan = build_plan(&c, "death", &a, &BTreeSet::new(), date(2026, 12, 1));
    assert!(
        ids(&plan).contains(&"cremation_permit"),
        "墓地埋葬法5条: cremated in Japan"
    );
    assert!(
        ids(&plan).contains(&"will_probate"),
        "民法1004条: a secret will too"
    );
    let a = death_answers(&[("died_abroad", "yes"), ("cremation_in_japan", "no")]);
    assert!(!ids(&build_plan(
        &c,
        "death",
        &a,
        &BTreeSet::new(),
        date(2026, 12, 1)
    ))
    .contains(&"cremation_permit"));
}

#[test]
fn a_death_before_15_march_can_make_last_years_return_due() {
    let c = catalog();
    let death = c.event("death").unwrap();
    let early = death_answers(&[("death_date", "2027-02-10"), ("known_date", "2027-02-10")]);
    let qs: Vec<&str> = asked(death, &early).iter().map(|q| q.id.as_str()).collect();
    assert!(
        qs.contains(&"previous_return"),
        "asked for a death between 1 January and 15 March"
    );
    let late = death_answers(&[]);
    assert!(!asked(death, &late)
        .iter()
        .any(|q| q.id == "previous_return"));
    let mut a = early.clone();
    a.insert("previous_return".into(), "no".into());
    let plan = build_plan(&c, "death", &a, &BTreeSet::new(), date(2027, 2, 20));
    // 所得税法124条: four months from the day after learning: 10 June 2027 (Thu).
    assert_eq!(
        due_of(&plan, "previous_year_return"),
        Some(date(2027, 6, 10))
    );
}

#[test]
fn after_the_funeral_the_death_notification_and_permit_are_closed_not_overdue() {
    let c = catalog();
    let a = death_answers(&[("funeral_done", "yes"), ("funeral_date", "2026-12-03")]);
    // Weeks later, the seven days are long past: still not overdue.
    let plan = build_plan(&c, "death", &a, &BTreeSet::new(), date(2027, 1, 20));
    for id in ["death_registration", "cremation_permit"] {
        let i = item(&plan, id);
        assert!(i.closed, "{id} closed");
        assert_eq!(i.group, Group::Done, "{id} never overdue");
    }
    assert!(plan
        .items
        .iter()
        .filter(|i| i.group == Group::Overdue)
        .all(|i| !i.closed));
}

#[test]
fn a_baby_without_japanese_nationality_needs_a_status_of_residence_within_30_days() {
    // 入管法22条の2第2項: within 30 days of birth (the day of birth not counted); day 30,
    // 16 May 2026, is a Saturday: the bureau's next open day (行政機関の休日に関する法律2条).
    let c = catalog();
    let a = answers(&[
        ("birth_date", "2026-04-16"),
        ("born_abroad", "no"),
        ("japanese_parent", "no"),
        ("allowance_older_child", "no"),
        ("parent_insurance", "national"),
        ("mother_insurance", "national"),
        ("birth_weight_g", "2980"),
        ("direct_payment", "yes"),
        ("birth_cost_below_grant", "no"),
        ("parental_leave", "no"),
    ]);
    let plan = build_plan(&c, "birth", &a, &BTreeSet::new(), date(2026, 4, 20));
    assert_eq!(
        due_of(&plan, "residence_status_acquisition"),
        Some(date(2026, 5, 18))
    );
    assert!(
        position(&plan, "birth_registration") < position(&plan, "residence_status_acquisition")
    );
    let japanese = answers(&[
        ("birth_date", "2026-04-16"),
        ("born_abroad", "no"),
        ("japanese_parent", "yes"),
        ("japanese_parents", "both"),
    ]);
    let plan = build_plan(&c, "birth", &japanese, &BTreeSet::new(), date(2026, 4, 20));
    assert!(!ids(&plan).contains(&"residence_status_acquisition"));
}

#[test]
fn a_foreign_residents_card_is_returned_within_14_days_of_the_death() {
    // 入管法19条の15第4項: from the day of death, that day not counted: 30 November → 14 Dec.
    let c = catalog();
    let mut a = death_answers(&[]);
    a.insert("residence_card".into(), "yes".into());
    let plan = build_plan(&c, "death", &a, &BTreeSet::new(), date(2026, 12, 1));
    assert_eq!(
        due_of(&plan, "residence_card_return"),
        Some(date(2026, 12, 14))
    );
    let plan = build_plan(
        &c,
        "death",
        &death_answers(&[]),
        &BTreeSet::new(),
        date(2026, 12, 1),
    );
    assert!(!ids(&plan).contains(&"residence_card_return"));
}

#[test]
fn each_procedure_says_which_answers_put_it_in_the_plan() {
    use hitotsu::questionnaire::reasons;
    let c = catalog();
    let death = c.event("death").unwrap();
    let a = answers(&common::DEATH_ANSWERS);
    let why = |id: &str| -> Vec<(String, String)> {
        let p = death.procedures.iter().find(|p| p.id == id).unwrap();
        reasons(death, &p.when, &a)
            .into_iter()
            .map(|(q, v)| (q.id.clone(), v.to_string()))
            .collect()
    };
    // A pensioner: the survivors' pension because of the pension; the question of being
    // insured was never asked, so it is no reason.
    assert_eq!(
        why("survivors_pension"),
        [("pension".to_string(), "yes".to_string())]
    );
    // 65 or over was not asked of someone in the 75-and-over insurance: that answer alone.
    assert_eq!(
        why("care_insurance_loss"),
        [("insurance".to_string(), "elderly".to_string())]
    );
    // Every death has a death notification: no answer to name.
    assert_eq!(why("bank_accounts"), []);
    // Of "the hospital was not paid directly, or the baby was born abroad", only what holds:
    // not "born abroad: no".
    let birth = c.event("birth").unwrap();
    let mut b = answers(&common::BIRTH_ANSWERS);
    b.insert("direct_payment".into(), "no".into());
    b.remove("birth_cost_below_grant");
    let p = birth
        .procedures
        .iter()
        .find(|p| p.id == "childbirth_lump_sum")
        .unwrap();
    let got: Vec<(&str, &str)> = reasons(birth, &p.when, &b)
        .into_iter()
        .map(|(q, v)| (q.id.as_str(), v))
        .collect();
    assert_eq!(got, [("direct_payment", "no")]);
}
