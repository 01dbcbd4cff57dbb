//! A household as it lives: a baby is born, the family moves to another city six weeks
//! later, and in the autumn the citizen's father dies. Every sheet is checked for the
//! address valid on its own date, the right claimant, both parents, and nothing asked
//! twice; the numbers the note reports are printed.

mod common;
use common::{my_number, Drive};

use hitotsu::plan::{build, ItemState};
use hitotsu::resolve::Ask;
use hitotsu::state::AppState;
use hitotsu::vault::{FactKey, HOUSEHOLD, ME};
use jiff::civil::{date, Date};
use std::collections::BTreeSet;

const CHIYODA: &str = "東京都千代田区千代田1-1";
const YOKOHAMA: &str = "神奈川県横浜市中区山下町1-1";
const FATHER_HOME: &str = "静岡県静岡市葵区追手町9-6";

/// Who a person is, by their name, role or id.
fn who(s: &AppState, owner: &str) -> &'static str {
    if owner == ME {
        return "taro";
    }
    if owner == HOUSEHOLD {
        return "household";
    }
    if s.cases.iter().any(|c| c.id == owner) {
        return "case";
    }
    match s
        .vault
        .latest(&FactKey::new(owner, "name"))
        .map(|f| f.value.as_str())
    {
        Some("山田 花子") => "hanako",
        Some("山田 和子") => "kazuko",
        _ if s.cases.iter().any(|c| {
            c.event == "birth" && c.first(hitotsu::household::Role::Child) == Some(owner)
        }) =>
        {
            "baby"
        }
        _ if s.cases.iter().any(|c| {
            c.event == "death" && c.first(hitotsu::household::Role::Deceased) == Some(owner)
        }) =>
        {
            "ichiro"
        }
        _ => "someone",
    }
}

/// What the citizen types for each fact a detail page asks.
fn value(s: &AppState, ask: &Ask) -> String {
    let person = who(s, &ask.key.owner);
    let v = match (person, ask.key.attribute.as_str()) {
        ("household", "address") if ask.starts.is_some() => YOKOHAMA.into(),
        ("household", "address") => CHIYODA.into(),
        ("household", "postal_code") if ask.starts.is_some() => "231-0023".into(),
        ("household", "postal_code") => "100-0001".into(),
        ("taro", "name") => "山田 太郎".into(),
        ("taro", "birth_date") => "1988-05-01".into(),
        ("taro", "phone") => "090-1234-5678".into(),
        ("taro", "my_number") => my_number("12345678901"),
        ("taro", "bank_account") => "ゆうちょ 10180-11111111".into(),
        ("taro", "honseki") => "東京都千代田区千代田1".into(),
        ("hanako", "birth_date") => "1990-07-07".into(),
        ("hanako", "phone") => "090-8765-4321".into(),
        ("hanako", "my_number") => my_number("23456789012"),
        ("hanako", "bank_account") => "ゆうちょ 10180-22222222".into(),
        ("baby", "name") => "山田 𠮷子".into(),
        ("baby", "name_kana") => "ヤマダ ヨシコ".into(),
        ("baby", "sex") => "female".into(),
        ("baby", "birth_time") => "午前10時30分".into(),
        ("baby", "birth_place") => "東京都千代田区神田1-1".into(),
        ("ichiro", "name") => "山田 一郎".into(),
        ("ichiro", "address") => FATHER_HOME.into(),
        ("ichiro", "birth_date") => "1950-02-01".into(),
        ("ichiro", "my_number") => my_number("98765432109"),
        ("kazuko", "phone") => "054-221-1111".into(),
        ("kazuko", "my_number") => my_number("11122233344"),
        ("kazuko", "bank_account") => "静岡銀行 本店 2222222".into(),
        ("kazuko", "address") => FATHER_HOME.into(),
        (_, "insurance_number") => "12-345".into(),
        (_, "insurance_kind") => "national".into(),
        (_, "income_summary" | "estate_value") => "1000000".into(),
        (_, "sex") => "male".into(),
        (_, a) if a.contains("date") => "2026-01-01".into(),
        (p, a) => format!("{p}の{a}"),
    };
    v
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn a_household_through_a_birth_a_move_and_a_death() {
    let mut h = Drive::new();

    // ── The birth: Taro (the father) with Hanako; the baby 𠮷子 on 16 April 2026.
    let today = date(2026, 4, 20);
    let birth = h.open("birth", today);
    h.answer(&birth, today, &common::BIRTH_ANSWERS);
    h.people(&birth, today, &common::BIRTH_PEOPLE);
    h.fill(&birth, today, &value);
    let registration = h.form(&birth, today, "birth_registration");
    assert_eq!(registration["father_name"], "山田 太郎");
    assert_eq!(
        registration["mother_name"], "山田 花子",
        "both parents on the birth notification"
    );
    assert_eq!(registration["mother_birth_date"], "1990-07-07");
    assert_eq!(registration["address"], CHIYODA);
    assert_eq!(registration["household_head"], "山田 太郎");
    assert_eq!(
        (
            registration["applicant_name"].as_str(),
            registration["applicant_relation"].as_str()
        ),
        ("山田 太郎", "父")
    );
    assert_eq!(
        h.form(&birth, today, "child_allowance")["applicant_name"],
        "山田 太郎"
    );
    assert_eq!(
        h.form(&birth, today, "baby_national_insurance")["my_number"],
        my_number("12345678901"),
        "filed by the head"
    );
    h.hand_over_all(&birth, today);
    assert!(
        h.s.finished(&h.c, &birth, today),
        "every packet handed over: the birth is finished"
    );
    let birth_typed = h.typed;

    // ── The move to Yokohama on 1 June 2026, prepared on 20 May.
    let today = date(2026, 5, 20);
    let moving = h.open("moving", today);
    let before = h.confirmed;
    h.answer(
        &moving,
        today,
        &[
            ("move_kind", "other_city"),
            ("move_date", "2026-06-01"),
            ("has_card", "yes"),
            ("foreign_resident", "no"),
            // Known from the birth: the insurance and the child allowance claimed; and the
            // household's only child is a baby, so no school-age children.
            ("insurance", "national"),
            ("child_allowance", "yes"),
            ("children_move", "yes"),
            // The baby's vaccinations: the new city's forms (予防接種法5条1項).
            ("vaccination_children", "yes"),
            ("school_children", "no"),
            ("elderly_moves", "no"),
            ("care_certified", "no"),
            ("seal_registered", "no"),
            ("has_licence", "no"),
            ("has_vehicle", "no"),
            ("has_dog", "no"),
        ],
    );
    assert_eq!(
        h.confirmed - before,
        4,
        "insurance, child allowance, children of allowance age and of school age are \
         confirmed, not asked"
    );
    let proposed = h.people(&moving, today, &[]);
    assert_eq!(
        proposed["movers"].split(',').count(),
        3,
        "the baby of the birth is proposed as moving: {proposed:?}"
    );
    h.fill(&moving, today, &value);
    let asked_now: Vec<&str> = h
        .asked
        .iter()
        .filter(|(_, s)| s.is_some())
        .map(|(k, _)| k.attribute.as_str())
        .collect();
    assert_eq!(
        asked_now,
        ["address", "postal_code"],
        "the move asks only the new address and its postal code"
    );
    let packets = h.packets(&moving, today);
    assert!(
        packets.iter().all(|p| p.missing.is_empty()),
        "every packet of the move can be produced: {packets:?}"
    );
    let out = h.form(&moving, today, "moving_out");
    assert_eq!(
        (out["old_address"].as_str(), out["new_address"].as_str()),
        (CHIYODA, YOKOHAMA)
    );
    let moving_in = h.form(&moving, today, "moving_in_with_card");
    assert_eq!(
        (
            moving_in["old_address"].as_str(),
            moving_in["new_address"].as_str()
        ),
        (CHIYODA, YOKOHAMA)
    );
    assert_eq!(
        moving_in["household_members"],
        "山田 太郎（世帯主・1988年5月1日生）、山田 花子（妻・1990年7月7日生）、山田 𠮷子（子・2026年4月16日生）"
    );
    assert_eq!(
        h.form(&moving, today, "child_allowance_new_city")["child_name"],
        "山田 𠮷子",
        "the baby is linked to the move"
    );
    h.hand_over_all(&moving, today);
    assert!(h.s.finished(&h.c, &moving, today));
    let address = FactKey::new(HOUSEHOLD, "address");
    assert_eq!(
        h.s.vault.at(&address, d("2026-05-31")).unwrap().value,
        CHIYODA
    );
    assert_eq!(
        h.s.vault.at(&address, d("2026-06-01")).unwrap().value,
        YOKOHAMA
    );
    assert_eq!(
        h.s.vault.history(&address).len(),
        2,
        "the old address stays in the history"
    );
    // The birth's sheets keep the address of their own date.
    assert_eq!(
        h.s.case(&birth)
            .unwrap()
            .packets
            .values()
            .flat_map(|r| &r.forms)
            .find(|f| f.procedure == "birth_registration")
            .unwrap()
            .facts
            .iter()
            .find(|(k, _)| k == "address")
            .unwrap()
            .1,
        CHIYODA
    );
    let moving_typed = h.typed - birth_typed;

    // ── Taro's father Ichiro dies on 30 November; his wife Kazuko survives him. The
    // funeral was on 3 December; Taro is the 喪主 and files the death notification.
    let today = date(2026, 12, 5);
    let death = h.open("death", today);
    h.answer(&death, today, &common::DEATH_ANSWERS);
    let proposed = h.people(
        &death,
        today,
        &[
            ("deceased_kin", "parent-male"),
            ("lived_with", "no"),
            ("surviving_spouse", "new"),
            ("surviving_spouse_name", "山田 和子"),
        ],
    );
    assert_eq!(proposed["informant"], ME);
    h.fill(&death, today, &value);
    // The funeral is done: the death notification and the cremation permit were filed
    // already, and never show as overdue.
    let scope = h.s.scope(&h.c, &death, today).unwrap();
    let plan = build(&scope, &h.c.closed_days());
    for id in ["death_registration", "cremation_permit"] {
        let item = plan.items.iter().find(|i| i.procedure.id == id).unwrap();
        assert!(
            matches!(item.state, ItemState::Closed(_)),
            "{id} is closed with a reason"
        );
        assert_eq!(item.group, hitotsu::plan::Group::Done);
    }
    let pension = h.form(&death, today, "survivors_pension");
    assert_eq!(
        pension["applicant_name"], "山田 和子",
        "the survivors' pension is the surviving spouse's"
    );
    assert_eq!(pension["applicant_relation"], "妻");
    assert_eq!(
        pension["bank_account"], "静岡銀行 本店 2222222",
        "paid to her account"
    );
    assert_eq!(pension["my_number"], my_number("11122233344"));
    assert_eq!(
        (
            pension["proxy_name"].as_str(),
            pension["proxy_relation"].as_str()
        ),
        ("山田 太郎", "子"),
        "Taro files as her proxy"
    );
    let pension_packet = h
        .packets(&death, today)
        .into_iter()
        .find(|p| p.agency == "pension_office")
        .unwrap();
    assert!(pension_packet
        .documents
        .contains(&"power_of_attorney".to_string()));
    let grant = h.form(&death, today, "funeral_grant");
    assert_eq!(
        (
            grant["applicant_name"].as_str(),
            grant["bank_account"].as_str()
        ),
        ("山田 太郎", "ゆうちょ 10180-11111111"),
        "the 喪主 is paid"
    );
    let notice = h.form(&death, today, "pension_death_notice");
    assert_eq!(
        notice["address"], YOKOHAMA,
        "Taro's address at the death is the new one"
    );
    assert_eq!(notice["deceased_name"], "山田 一郎");
    let tax = h.form(&death, today, "quasi_final_return");
    assert!(
        !tax.contains_key("income_summary"),
        "income unknown: no amount is asked"
    );
    assert_eq!(tax["heir_name"], "山田 和子、山田 太郎");
    assert_eq!(tax["heir_relation"], "妻、子");
    assert_eq!(tax["deceased_address"], FATHER_HOME);
    assert_eq!(
        h.form(&death, today, "renunciation")["applicant_name"],
        "山田 太郎",
        "the heir files for himself"
    );
    h.hand_over_all(&death, today);
    assert!(h.s.finished(&h.c, &death, today));
    let death_typed = h.typed - birth_typed - moving_typed;

    // Nothing asked twice across the three events.
    let unique: BTreeSet<_> = h.asked.iter().collect();
    assert_eq!(
        unique.len(),
        h.asked.len(),
        "a fact asked twice: {:?}",
        h.asked
    );

    // The paper forms: every applicable procedure's fields, each form asking again.
    let paper: usize = [&birth, &moving, &death]
        .iter()
        .map(|c| {
            let scope = h.s.scope(&h.c, c, today).unwrap();
            let a = scope.answers();
            scope
                .applicable(&a)
                .iter()
                .filter(|p| scope.closure(p, &a).is_none())
                .map(|p| scope.fields_of(p, &a).len())
                .sum::<usize>()
        })
        .sum();
    println!(
        "household of four over three events: typed {} (birth {birth_typed}, move {moving_typed}, death {death_typed}), confirmed {}, paper forms {paper} entries",
        h.typed, h.confirmed
    );
    assert!(
        h.typed * 2 < paper,
        "typed {} should be well under half of {paper}",
        h.typed
    );
}

#[test]
fn a_shared_device_knows_whose_details_it_holds() {
    let mut h = Drive::new();
    assert_eq!(h.s.whose(), None, "a fresh device holds nobody's details");
    let today = date(2026, 4, 20);
    let birth = h.open("birth", today);
    h.answer(
        &birth,
        today,
        &[
            ("birth_date", "2026-04-16"),
            ("born_abroad", "no"),
            ("japanese_parent", "yes"),
            ("japanese_parents", "both"),
            ("allowance_older_child", "no"),
            ("parent_insurance", "employee_mother"),
            ("birth_weight_g", "3100"),
            ("direct_payment", "yes"),
            ("birth_cost_below_grant", "no"),
            ("parental_leave", "no"),
        ],
    );
    h.people(
        &birth,
        today,
        &[
            ("my_part", "mother"),
            ("other_parent", "nobody"),
            ("allowance_claimant", ME),
        ],
    );
    h.fill(&birth, today, &value);
    assert_eq!(
        h.s.whose(),
        Some("山田 太郎"),
        "the next event asks whether this is still the same person"
    );
    // A mother registering alone: the father's column is left empty, not asked.
    let registration = h.form(&birth, today, "birth_registration");
    assert_eq!(
        (
            registration["mother_name"].as_str(),
            registration["father_name"].as_str()
        ),
        ("山田 太郎", "")
    );
}
