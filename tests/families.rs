//! Real families on real forms (issue 23): the right person and the right relation on every
//! sheet, for households unlike the one in tests/household.rs — a widow whose husband dies,
//! with a son in Japan and a daughter abroad.

mod common;
use common::{my_number, Drive};

use hitotsu::household::{PeopleQuestion, Role};
use hitotsu::onestop::{next_step, NextStep};
use hitotsu::resolve::Ask;
use hitotsu::state::AppState;
use hitotsu::vault::{FactKey, ME};
use jiff::civil::{date, Date};

const HOME: &str = "東京都世田谷区世田谷4-21-27";

fn name(s: &AppState, owner: &str) -> String {
    s.vault
        .latest(&FactKey::new(owner, "name"))
        .map_or(String::new(), |f| f.value.clone())
}

/// What the widow types on each detail page.
fn widow_value(s: &AppState, ask: &Ask) -> String {
    let who = if ask.key.owner == ME {
        "高橋 和子".to_string()
    } else {
        name(s, &ask.key.owner)
    };
    match (who.as_str(), ask.key.attribute.as_str()) {
        (_, "address") => HOME.into(),
        (_, "postal_code") => "154-0017".into(),
        ("高橋 和子", "name") => "高橋 和子".into(),
        ("高橋 和子", "birth_date") => "1945-03-10".into(),
        ("高橋 和子", "my_number") => my_number("22233344455"),
        ("高橋 和子", "bank_account") => "みずほ銀行 世田谷支店 1234567".into(),
        ("高橋 正", "birth_date") => "1942-08-15".into(),
        ("高橋 正", "my_number") => my_number("33344455566"),
        (_, "my_number") => my_number("44455566677"),
        (_, "phone") => "03-3412-0000".into(),
        (_, "insurance_number") => "12-345".into(),
        (_, "income_summary" | "estate_value") => "1000000".into(),
        (_, "sex") => "male".into(),
        (_, "honseki") => "東京都世田谷区世田谷4".into(),
        (_, a) if a.contains("date") => "2026-01-01".into(),
        (p, a) => format!("{p}の{a}"),
    }
}

/// A fact the citizen typed in the death case `case`, as a detail page records it.
fn typed(
    h: &mut Drive,
    case: &str,
    today: Date,
    owner: &str,
    attribute: &str,
    value: impl Into<String>,
) {
    h.s.vault.set(
        &FactKey::new(owner, attribute),
        value.into(),
        None,
        hitotsu::vault::Provenance {
            case: case.into(),
            event: "death".into(),
            how: hitotsu::vault::How::Typed,
            date: today,
        },
    );
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// The death of the citizen's husband on 1 December 2026: a pensioner of 84.
const HUSBAND_DIES: [(&str, &str); 18] = [
    ("death_date", "2026-12-01"),
    ("known_date", "2026-12-01"),
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
    ("had_income", "yes"),
    ("estate_large", "yes"),
    ("life_insurance", "no"),
    ("funeral_done", "yes"),
    ("funeral_date", "2026-12-04"),
];

/// What the mother (the citizen) types for her family at the birth and the move.
fn family_value(s: &AppState, ask: &Ask) -> String {
    let who = if ask.key.owner == ME {
        "ME".to_string()
    } else {
        name(s, &ask.key.owner)
    };
    match (who.as_str(), ask.key.attribute.as_str()) {
        ("ME", "name") => "グエン ティ ラン".into(),
        ("ME", "my_number") => my_number("66677788899"),
        ("佐藤 健", "my_number") => my_number("55566677788"),
        ("佐藤 健", "bank_account") => "三井住友銀行 本店 7654321".into(),
        ("佐藤 健", "insurance_kind") => "employee".into(),
        ("ME", "nationality") => "ベトナム".into(),
        (_, "my_number") => my_number("77788899900"),
        (_, "insurance_kind") => "dependent".into(),
        (_, "bank_account") => "ゆうちょ 10180-22222222".into(),
        ("", "name") => "佐藤 花".into(),
        (_, "name_kana") => "サトウ ハナ".into(),
        (_, "birth_time") => "午後2時5分".into(),
        (_, "sex") => "female".into(),
        (_, "address") if ask.starts.is_some() => "大阪府大阪市北区中之島1-3-20".into(),
        (_, "postal_code") if ask.starts.is_some() => "530-0005".into(),
        (_, "address") => HOME.into(),
        (_, "postal_code") => "154-0017".into(),
        (_, "phone") => "090-1111-2222".into(),
        (_, "insurance_number") => "12-345".into(),
        (_, "birth_date") => "1992-03-03".into(),
        (_, a) if a.contains("date") => "2026-01-01".into(),
        (p, a) => format!("{p}の{a}"),
    }
}

/// The heirs' relations to the deceased, as a sheet prints them.
fn heir_relations(h: &Drive, case: &str, today: Date, procedure: &str) -> String {
    h.form(case, today, procedure)
        .get("heir_relation")
        .cloned()
        .unwrap_or_default()
}

#[test]
fn heirs_added_one_by_one_keep_their_relation_to_the_deceased() {
    let mut h = Drive::new();
    let today = date(2026, 12, 6);
    let case = h.open("death", today);
    typed(&mut h, &case, today, ME, "name", "高橋 和子");
    h.answer(&case, today, &HUSBAND_DIES);
    // The husband was nobody on the device: the deceased is new, named on the people page.
    let deceased = h.case(&case).first(Role::Deceased).unwrap().to_string();
    typed(&mut h, &case, today, &deceased, "name", "高橋 正");
    // First save: the husband, and the son.
    h.people(
        &case,
        today,
        &[
            ("deceased_kin", "spouse-male"),
            ("lived_with", "yes"),
            ("new_heir_name", "高橋 大輔"),
            ("new_heir_kin", "child"),
        ],
    );
    // Second save: the daughter abroad is added the same way.
    h.people(
        &case,
        today,
        &[("new_heir_name", "高橋 美咲"), ("new_heir_kin", "child")],
    );
    let heirs = h.case(&case).role(Role::Heirs).to_vec();
    assert_eq!(heirs.len(), 3, "the widow and both children: {heirs:?}");
    let relations_after_two = h.s.vault.relations.clone();
    // A third save that changes nothing changes nothing.
    h.people(&case, today, &[]);
    assert_eq!(
        h.s.vault.relations, relations_after_two,
        "saving the page unchanged is idempotent"
    );
    h.fill(&case, today, &widow_value);
    for procedure in [
        "quasi_final_return",
        "inheritance_tax_return",
        "inheritance_registration",
        "bank_accounts",
    ] {
        assert_eq!(
            heir_relations(&h, &case, today, procedure),
            "配偶者、子、子",
            "{procedure}: every heir with their relation to the deceased"
        );
    }
    let _ = d("2026-12-01");
}

#[test]
fn the_previous_years_return_is_asked_up_to_the_real_filing_deadline() {
    // 所得税法124条1項 with 国税通則法10条2項: 15 March 2026 is a Sunday, so a death on
    // Monday 16 March came before that year's deadline.
    let c = common::catalog();
    let e = c.event("death").unwrap();
    let q = e
        .questions
        .iter()
        .find(|q| q.id == "previous_return")
        .unwrap();
    let asked = |day: &str| q.when.holds(&common::answers(&[("death_date", day)]));
    assert!(asked("2026-03-16"));
    assert!(!asked("2026-03-17"));
    assert!(asked("2027-03-15"));
    assert!(!asked("2027-03-16"), "15 March 2027 is a Monday");
    assert!(asked("2026-01-01"));
}

#[test]
fn a_newborn_is_not_offered_as_head_of_household() {
    let mut h = Drive::new();
    let today = date(2026, 4, 20);
    let birth = h.open("birth", today);
    h.answer(&birth, today, &common::BIRTH_ANSWERS);
    h.people(&birth, today, &common::BIRTH_PEOPLE);
    let baby = h.case(&birth).first(Role::Child).unwrap().to_string();
    let scope = h.s.people_scope(&h.c, &birth, today).unwrap();
    let form = scope.propose();
    let heads: Vec<String> = scope
        .candidates("head", &form)
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert!(!heads.contains(&baby), "{heads:?}");
    assert!(heads.iter().any(|p| p == ME), "{heads:?}");
}

#[test]
fn an_heir_whose_relation_was_lost_is_asked_and_it_is_restored() {
    let mut h = Drive::new();
    let today = date(2026, 12, 6);
    let case = h.open("death", today);
    h.answer(&case, today, &HUSBAND_DIES);
    h.people(
        &case,
        today,
        &[
            ("deceased_kin", "spouse-male"),
            ("lived_with", "yes"),
            ("new_heirs", "2"),
            ("new_heir_name", "高橋 大輔"),
            ("new_heir_kin", "child"),
            ("new_heir2_name", "高橋 美咲"),
            ("new_heir2_kin", "child"),
        ],
    );
    let heirs = h.case(&case).role(Role::Heirs).to_vec();
    assert_eq!(heirs.len(), 3, "two heirs added on one page: {heirs:?}");
    let deceased = h.case(&case).first(Role::Deceased).unwrap().to_string();
    let son = heirs[1].clone();
    // Data saved by the release that lost relations: the son is nobody to the deceased.
    h.s.vault
        .relations
        .retain(|r| !(r.involves(&son) && r.involves(&deceased)));
    let scope = h.s.people_scope(&h.c, &case, today).unwrap();
    let form = scope.propose();
    let asked: Vec<String> = scope
        .heirs_without_kin(&form)
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(
        asked,
        std::slice::from_ref(&son),
        "only the heir without a relation is asked"
    );
    let control = hitotsu::people::heir_kin_control(&son);
    h.people(&case, today, &[(control.as_str(), "child")]);
    assert_eq!(
        hitotsu::household::kin(&h.s.vault, &son, &deceased),
        hitotsu::household::Kin::Child
    );
    let scope = h.s.people_scope(&h.c, &case, today).unwrap();
    assert!(scope.heirs_without_kin(&scope.propose()).is_empty());
}

#[test]
fn a_new_heir_without_a_relation_is_refused_next_to_the_field() {
    let mut h = Drive::new();
    let today = date(2026, 12, 6);
    let case = h.open("death", today);
    h.answer(&case, today, &HUSBAND_DIES);
    let scope = h.s.people_scope(&h.c, &case, today).unwrap();
    let mut form = scope.propose();
    for (k, v) in [
        ("deceased_kin", "spouse-male"),
        ("lived_with", "yes"),
        ("new_heir_name", "高橋 大輔"),
    ] {
        form.insert(k.into(), v.into());
    }
    let errors =
        h.s.confirm_people(&h.c, &case, &form, today)
            .expect_err("a relation is needed");
    assert_eq!(
        errors,
        [(
            "new_heir_kin".to_string(),
            hitotsu::people::PeopleError::Choose
        )]
    );
}

/// A move within the city on 20 December with school-age children moving, on a device
/// that knows only the citizen: the questions answered, the "who is who" page next.
fn school_family_moves_within_the_city(today: Date) -> (Drive, String) {
    let mut h = Drive::new();
    let case = h.open("moving", today);
    h.answer_all(&case, today, &|q, known| match q.id.as_str() {
        "move_kind" => "within_city".into(),
        "move_date" => "2026-12-20".into(),
        "school_children" => "yes".into(),
        _ => known.map_or("no".into(), str::to_string),
    });
    (h, case)
}

#[test]
fn a_family_the_device_did_not_know_moves_within_the_city() {
    let today = date(2026, 12, 6);
    let (mut h, case) = school_family_moves_within_the_city(today);
    // The husband and the son are added on the page, and the husband, added there, can be
    // chosen as the head at once.
    let scope = h.s.people_scope(&h.c, &case, today).unwrap();
    let mut form = scope.propose();
    for (k, v) in [
        ("new_movers", "2"),
        ("new_mover_name", "高橋 健一"),
        ("new_mover_kin", "spouse-male"),
        ("new_mover2_name", "高橋 翔太"),
        ("new_mover2_kin", "child"),
    ] {
        form.insert(k.into(), v.into());
    }
    let heads = scope.candidates("head", &form);
    let husband = heads
        .iter()
        .find(|c| c.name.as_deref() == Some("高橋 健一"))
        .expect("the husband added on the page is offered as head")
        .id
        .clone();
    form.insert("head".into(), husband.clone());
    h.s.confirm_people(&h.c, &case, &form, today).unwrap();
    assert_eq!(h.case(&case).role(Role::Members).len(), 3);
    assert_eq!(
        h.case(&case).role(Role::Child).len(),
        1,
        "the son is a child who moves"
    );
    h.fill(&case, today, &|s, ask| match (
        name(s, &ask.key.owner).as_str(),
        ask.key.attribute.as_str(),
    ) {
        ("高橋 健一", "birth_date") => "1980-05-01".into(),
        ("高橋 翔太", "birth_date") => "2016-09-09".into(),
        (_, "birth_date") => "1982-02-02".into(),
        ("", "name") => "高橋 由美".into(),
        (_, "address") => HOME.into(),
        (_, "postal_code") => "154-0017".into(),
        (_, "phone") => "03-3412-0000".into(),
        (_, "child_grade") => "4".into(),
        (p, a) => format!("{p}の{a}"),
    });
    for p in h.packets(&case, today) {
        assert!(p.missing.is_empty(), "{} lacks {:?}", p.agency, p.missing);
    }
    let notice = h.form(&case, today, "change_of_address_within");
    assert_eq!(notice["household_head"], "高橋 健一");
    assert_eq!(
        notice["household_members"],
        "高橋 健一（世帯主・1980年5月1日生）、高橋 由美（妻・1982年2月2日生）、高橋 翔太（子・2016年9月9日生）"
    );
    let school = h.form(&case, today, "school_transfer");
    assert_eq!(school["child_name"], "高橋 翔太");
    assert_eq!(school["child_birth_date"], "2016-09-09");
}

/// The procedures a death case applies, by id.
fn applicable(h: &Drive, case: &str, today: Date) -> Vec<String> {
    let scope = h.s.scope(&h.c, case, today).unwrap();
    scope
        .applicable(&scope.answers())
        .into_iter()
        .map(|p| p.id.clone())
        .collect()
}

#[test]
fn a_working_parents_death_gives_a_survivors_pension_and_no_unpaid_one() {
    // 国民年金法37条, 厚生年金保険法58条1項: the death of an insured person, not only of a
    // pensioner; 未支給年金 (国民年金法19条) needs a pension that was being paid.
    let today = date(2026, 12, 6);
    let mut answers: Vec<(&str, &str)> = HUSBAND_DIES.to_vec();
    // A working man of 50: asked whether he was 65 (not for the 75-and-over insurance).
    answers[4] = ("insurance", "employee");
    answers.insert(5, ("dependants_covered", "no"));
    answers.insert(6, ("age_65", "no"));
    answers[7] = ("pension", "no");
    answers.insert(8, ("pension_insured", "employee"));
    answers.insert(9, ("spouse_category3", "no"));
    answers.insert(10, ("national_premiums_3y", "no"));
    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &answers);
    let ps = applicable(&h, &case, today);
    assert!(ps.contains(&"survivors_pension".to_string()), "{ps:?}");
    assert!(!ps.contains(&"unpaid_pension".to_string()), "{ps:?}");
    assert!(!ps.contains(&"pension_death_notice".to_string()), "{ps:?}");

    answers[8] = ("pension_insured", "none");
    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &answers);
    let ps = applicable(&h, &case, today);
    assert!(!ps.contains(&"survivors_pension".to_string()), "{ps:?}");

    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &HUSBAND_DIES);
    let ps = applicable(&h, &case, today);
    // 75 and over (後期高齢者医療): not asked whether 65 or over, and the care insurance
    // ends all the same (介護保険法9条1号: everyone 65 and over is insured).
    for p in [
        "survivors_pension",
        "unpaid_pension",
        "pension_death_notice",
        "care_insurance_loss",
    ] {
        assert!(ps.contains(&p.to_string()), "a pensioner: {p} in {ps:?}");
    }
}

#[test]
fn a_school_transfer_with_no_child_among_the_movers_asks_who_moves() {
    // The 転校 sheet once printed 「子の氏名 —」 while the send page named nothing missing.
    let today = date(2026, 12, 6);
    let (mut h, case) = school_family_moves_within_the_city(today);
    h.people(&case, today, &[]);
    let scope = h.s.scope(&h.c, &case, today).unwrap();
    assert_eq!(
        hitotsu::onestop::next_step(&scope, None),
        hitotsu::onestop::NextStep::People,
        "the people page, where the child who moves is added"
    );
}

#[test]
fn the_child_allowance_claimant_of_the_birth_claims_it_again_after_the_move() {
    // The citizen is the mother; the father claimed the allowance at the birth. At the move
    // the new city's claim is his, not hers (児童手当法7条: the claimant is the one who
    // receives it).
    let mut h = Drive::new();
    let today = date(2026, 4, 20);
    let birth = h.open("birth", today);
    h.answer(&birth, today, &common::BIRTH_ANSWERS);
    h.people(
        &birth,
        today,
        &[
            ("my_part", "mother"),
            ("other_parent", "new"),
            ("other_parent_name", "佐藤 健"),
            ("allowance_claimant", ME),
        ],
    );
    let baby = h.case(&birth).first(Role::Child).unwrap().to_string();
    let father = hitotsu::household::parents(&h.s.vault, &baby)
        .into_iter()
        .find(|p| p != ME)
        .unwrap();
    h.people(&birth, today, &[("allowance_claimant", father.as_str())]);
    h.fill(&birth, today, &family_value);
    assert_eq!(
        h.form(&birth, today, "child_allowance")["applicant_name"],
        "佐藤 健"
    );
    h.hand_over_all(&birth, today);

    let today = date(2026, 5, 20);
    let moving = h.open("moving", today);
    h.answer_all(&moving, today, &common::moving_answer);
    let proposed = h.people(&moving, today, &[]);
    assert_eq!(
        proposed.get("allowance_claimant"),
        Some(&father),
        "the claimant of the birth is proposed"
    );
    h.fill(&moving, today, &family_value);
    let claim = h.form(&moving, today, "child_allowance_new_city");
    assert_eq!(claim["applicant_name"], "佐藤 健");
    assert_eq!(claim["my_number"], my_number("55566677788"));
    assert_eq!(claim["bank_account"], "三井住友銀行 本店 7654321");
}

#[test]
fn the_insured_father_files_the_babys_dependant_notice_and_the_mother_stays_a_dependant() {
    // 健保則38条1項: the insured person files the 被扶養者（異動）届 through the employer;
    // 健保法101条・114条: the lump sum is the insured's. Insurance is each person's fact.
    let mut h = Drive::new();
    let today = date(2026, 4, 20);
    let birth = h.open("birth", today);
    let mut answers = common::BIRTH_ANSWERS.to_vec();
    // A Vietnamese mother (the citizen) and a Japanese father.
    answers[3] = ("japanese_parents", "father");
    answers[5] = ("parent_insurance", "employee_father");
    answers[6] = ("mother_insurance", "dependent");
    answers[8] = ("direct_payment", "no");
    answers.remove(9);
    h.answer(&birth, today, &answers);
    h.people(
        &birth,
        today,
        &[
            ("my_part", "mother"),
            ("other_parent", "new"),
            ("other_parent_name", "佐藤 健"),
            ("allowance_claimant", ME),
        ],
    );
    h.fill(&birth, today, &family_value);
    for p in ["baby_employee_insurance", "childbirth_lump_sum"] {
        let form = h.form(&birth, today, p);
        assert_eq!(form["applicant_name"], "佐藤 健", "{p}: the insured father");
        assert_eq!(form["insurance_number"], "12-345", "{p}");
    }
    assert_eq!(
        h.form(&birth, today, "baby_employee_insurance")["my_number"],
        my_number("55566677788")
    );
    assert_eq!(
        h.form(&birth, today, "baby_employee_insurance")["employer_name"],
        "佐藤 健のemployer_name"
    );
    // The 出生届: the child enters the Japanese father's family register (戸籍法18条2項),
    // so its 本籍 is his; the mother's nationality has its own row (戸籍法49条2項3号).
    let registration = h.form(&birth, today, "birth_registration");
    assert_eq!(registration["parents_honseki"], "佐藤 健のhonseki");
    assert_eq!(registration["mother_nationality"], "ベトナム");
    assert!(!registration.contains_key("father_nationality"));
    let baby = h.case(&birth).first(Role::Child).unwrap().to_string();
    let father =
        hitotsu::household::parent_of_sex(&h.s.vault, &baby, hitotsu::household::Sex::Male)
            .unwrap();
    let insurance = |s: &AppState, who: &str| {
        s.vault
            .latest(&FactKey::new(who, "insurance_kind"))
            .map(|f| f.value.clone())
    };
    assert_eq!(insurance(&h.s, &father).as_deref(), Some("employee"));
    assert_eq!(insurance(&h.s, ME).as_deref(), Some("dependent"));
    // No maternity allowance for a dependant; no insured's form names her.
    let scope = h.s.scope(&h.c, &birth, today).unwrap();
    let ps: Vec<&str> = scope
        .applicable(&scope.answers())
        .into_iter()
        .map(|p| p.id.as_str())
        .collect();
    assert!(!ps.contains(&"maternity_allowance"), "{ps:?}");
    h.hand_over_all(&birth, today);

    // At the move her own insurance is known: a dependant, not "employer's, as the insured".
    let today = date(2026, 5, 20);
    let moving = h.open("moving", today);
    h.answer(
        &moving,
        today,
        &[("move_kind", "other_city"), ("move_date", "2026-06-01")],
    );
    let scope = h.s.scope(&h.c, &moving, today).unwrap();
    assert_eq!(
        scope.known("insurance").map(|k| k.value),
        Some("dependent".to_string())
    );
}

#[test]
fn child_allowance_stored_on_the_citizen_by_the_last_release_is_the_households_now() {
    // The last release's settle gave "receives child allowance" to the citizen: the same
    // state, the fact where that release wrote it.
    let mut h = Drive::new();
    let today = date(2026, 4, 20);
    let birth = h.open("birth", today);
    h.answer(&birth, today, &common::BIRTH_ANSWERS);
    h.people(&birth, today, &common::BIRTH_PEOPLE);
    h.fill(&birth, today, &family_value);
    h.hand_over_all(&birth, today);
    let mut stored: serde_json::Value = serde_json::from_str(&h.s.to_stored()).unwrap();
    let facts = stored["vault"]["facts"].as_object_mut().unwrap();
    let fact = facts["household"]
        .as_object_mut()
        .unwrap()
        .remove("child_allowance_recipient")
        .expect("the birth's claim gives the fact");
    facts["me"]
        .as_object_mut()
        .unwrap()
        .insert("child_allowance_recipient".into(), fact);
    let (s, problem) = AppState::from_stored(Some(&stored.to_string()));
    assert_eq!(problem, None);
    let key = FactKey::new(hitotsu::vault::HOUSEHOLD, "child_allowance_recipient");
    assert_eq!(s.vault.latest(&key).unwrap().value, "yes");
    assert!(s
        .vault
        .latest(&FactKey::new(ME, "child_allowance_recipient"))
        .is_none());
    // Read again: nothing changes.
    let (again, _) = AppState::from_stored(Some(&s.to_stored()));
    assert_eq!(again.vault.facts, s.vault.facts);
}

#[test]
fn life_stages_fall_on_the_days_the_law_counts() {
    use hitotsu::notice::Checkpoints;
    let cp = Checkpoints::parse(&common::read("checkpoints.json")).unwrap();
    let day = |id: &str, birth: Date| {
        cp.checkpoints
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .day_for(birth)
            .unwrap()
    };
    // 予防接種法施行令: from the day 2 months are reached (the day before the 16th).
    assert_eq!(day("vaccination_start", d("2026-04-16")), d("2026-06-15"));
    // 母子保健法12条: "over 1 year 6 months": born 31 August, 1y6m are reached at the end
    // of February (no 31st), so the checkup starts on 1 March.
    assert_eq!(day("checkup_1y6m", d("2025-08-31")), d("2027-03-01"));
    assert_eq!(day("checkup_1y6m", d("2025-08-15")), d("2027-02-15"));
    assert_eq!(day("checkup_3y", d("2023-01-31")), d("2026-01-31"));
    // 後期高齢者医療: from the 75th birthday; born 29 February, on 1 March.
    assert_eq!(day("elderly_medical_75", d("1952-02-29")), d("2027-03-01"));
    assert_eq!(day("elderly_medical_75", d("1951-12-06")), d("2026-12-06"));
}

/// Who claims a procedure of the case (an error when the page must still say who).
fn claimant_of(h: &Drive, case: &str, today: Date, procedure: &str) -> Option<String> {
    let scope = h.s.scope(&h.c, case, today).unwrap();
    let answers = scope.answers();
    let p = scope
        .applicable(&answers)
        .into_iter()
        .find(|p| p.id == procedure)
        .unwrap_or_else(|| panic!("{procedure} applies"));
    scope.claimant(p, &answers).ok()
}

#[test]
fn with_no_spouse_the_pensions_go_to_the_next_rank_the_acts_name() {
    // 国年法19条1項・37条の2, 厚年法37条1項・59条1項: spouse, children, parents, grandchildren,
    // grandparents (and for what was owed, brothers and sisters).
    let today = date(2026, 12, 6);
    let father_dies: Vec<(&str, &str)> = HUSBAND_DIES.to_vec();
    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &father_dies);
    h.people(
        &case,
        today,
        &[
            ("deceased_kin", "parent-male"),
            ("lived_with", "no"),
            ("surviving_spouse", "nobody"),
        ],
    );
    for p in ["unpaid_pension", "survivors_pension"] {
        assert_eq!(
            claimant_of(&h, &case, today, p).as_deref(),
            Some(ME),
            "{p}: a widower's child claims"
        );
    }

    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &father_dies);
    h.people(
        &case,
        today,
        &[
            ("deceased_kin", "sibling"),
            ("lived_with", "yes"),
            ("surviving_spouse", "nobody"),
        ],
    );
    assert_eq!(
        claimant_of(&h, &case, today, "unpaid_pension").as_deref(),
        Some(ME),
        "an unmarried brother's pension owed: his sister claims (国年法19条1項)"
    );
    assert_eq!(
        claimant_of(&h, &case, today, "survivors_pension"),
        None,
        "a sister is not among the survivors: the page must name one the law does"
    );
}

#[test]
fn the_national_insurance_ends_by_the_head_of_household_alive() {
    // 国保法9条1項 (国保則11条): the 世帯主 files the loss. The widow's son is the head:
    // his form, hers as his proxy. Had the husband been the head, the citizen files.
    let today = date(2026, 12, 6);
    let mut answers: Vec<(&str, &str)> = HUSBAND_DIES.to_vec();
    answers[4] = ("insurance", "national");
    answers.insert(5, ("age_65", "yes"));
    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &answers);
    h.people(
        &case,
        today,
        &[
            ("deceased_kin", "spouse-male"),
            ("lived_with", "yes"),
            ("new_heir_name", "高橋 大輔"),
            ("new_heir_kin", "child"),
        ],
    );
    // A head the device does not know: the page asks it, proposing the citizen.
    let scope = h.s.people_scope(&h.c, &case, today).unwrap();
    assert!(scope
        .questions(&scope.propose())
        .contains(&PeopleQuestion::Head));
    assert_eq!(
        claimant_of(&h, &case, today, "national_insurance_loss").as_deref(),
        Some(ME),
        "the head the page proposed and she confirmed: the citizen"
    );
    let son = h
        .case(&case)
        .role(Role::Heirs)
        .iter()
        .find(|p| *p != ME)
        .unwrap()
        .clone();
    // Changed later in "my information" to the son, from the day of the death.
    let head = |h: &mut Drive, who: &str| {
        h.s.vault.set(
            &FactKey::new(hitotsu::vault::HOUSEHOLD, "head"),
            who.into(),
            Some(d("2026-12-01")),
            hitotsu::vault::Provenance {
                case: "c9".into(),
                event: "death".into(),
                how: hitotsu::vault::How::Typed,
                date: today,
            },
        )
    };
    head(&mut h, &son);
    assert_eq!(
        claimant_of(&h, &case, today, "national_insurance_loss"),
        Some(son),
        "the son, the head"
    );
    let deceased = h.case(&case).first(Role::Deceased).unwrap().to_string();
    head(&mut h, &deceased);
    assert_eq!(
        claimant_of(&h, &case, today, "national_insurance_loss"),
        None,
        "the head who died files nothing: the page asks who heads the household now"
    );
    let scope = h.s.scope(&h.c, &case, today).unwrap();
    assert_eq!(next_step(&scope, None), NextStep::People);
}

#[test]
fn the_lump_sum_is_claimed_by_the_insured_of_the_mothers_own_scheme() {
    // 健保法101条: a mother insured herself claims it, though the baby is on the father's
    // insurance; 114条: a dependant mother's insured claims it.
    let today = date(2026, 4, 20);
    let lump_sum = |mother_insurance: &'static str| {
        let mut h = Drive::new();
        let birth = h.open("birth", today);
        let mut answers = common::BIRTH_ANSWERS.to_vec();
        answers[5] = ("parent_insurance", "employee_father");
        answers[6] = ("mother_insurance", mother_insurance);
        answers[8] = ("direct_payment", "no");
        answers.remove(9);
        h.answer(&birth, today, &answers);
        h.people(
            &birth,
            today,
            &[
                ("my_part", "father"),
                ("other_parent", "new"),
                ("other_parent_name", "山田 花子"),
                ("allowance_claimant", ME),
            ],
        );
        let baby = h.case(&birth).first(Role::Child).unwrap().to_string();
        let mother =
            hitotsu::household::parent_of_sex(&h.s.vault, &baby, hitotsu::household::Sex::Female)
                .unwrap();
        let who = claimant_of(&h, &birth, today, "childbirth_lump_sum");
        (who, mother)
    };
    let (who, mother) = lump_sum("employee_self");
    assert_eq!(who, Some(mother), "the mother, insured herself");
    let (who, _) = lump_sum("dependent");
    assert_eq!(
        who.as_deref(),
        Some(ME),
        "the father, whose dependant she is"
    );
}

/// The husband's death as a self-employed man of 50 in the national pension, not yet a
/// pensioner: the answers up to the pension, then `rest`.
fn self_employed_husband_dies(survivor_child: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut answers: Vec<(&str, &str)> = HUSBAND_DIES.to_vec();
    answers[4] = ("insurance", "national");
    answers.insert(5, ("age_65", "no"));
    answers[6] = ("pension", "no");
    answers.insert(7, ("pension_insured", "national"));
    answers.insert(8, ("survivor_child", survivor_child));
    answers
}

#[test]
fn a_national_pension_death_with_no_child_of_age_leaves_the_widows_pension_not_the_survivors() {
    // 国年法37条の2第1項: the survivors' basic pension is a spouse's with a child of age, or
    // the child's; without one, the widow's pension (49条) or the lump sum (52条の2).
    let today = date(2026, 12, 6);
    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &self_employed_husband_dies("no"));
    let ps = applicable(&h, &case, today);
    assert!(!ps.contains(&"survivors_pension".to_string()), "{ps:?}");
    assert!(ps.contains(&"widows_pension".to_string()), "{ps:?}");
    assert!(ps.contains(&"death_lump_sum".to_string()), "{ps:?}");

    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &self_employed_husband_dies("yes"));
    let ps = applicable(&h, &case, today);
    assert!(ps.contains(&"survivors_pension".to_string()), "{ps:?}");
    assert!(
        !ps.contains(&"death_lump_sum".to_string()),
        "not paid when someone receives the basic pension (52条の2第2項): {ps:?}"
    );
}

#[test]
fn a_wifes_death_gives_no_widows_pension() {
    // 国年法49条1項: the 寡婦年金 is the wife's, on her husband's death.
    let today = date(2026, 12, 6);
    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &self_employed_husband_dies("no"));
    h.people(
        &case,
        today,
        &[("deceased_kin", "spouse-female"), ("lived_with", "yes")],
    );
    let ps = applicable(&h, &case, today);
    assert!(!ps.contains(&"widows_pension".to_string()), "{ps:?}");
    assert!(ps.contains(&"death_lump_sum".to_string()), "{ps:?}");
}

#[test]
fn an_adult_child_is_passed_over_for_a_survivors_pension_but_claims_what_was_owed() {
    // 厚年法59条1項: a child counts up to the 31 March after reaching 18; the pension owed
    // (国年法19条1項) has no age bar. A widower's son of 40 claims the unpaid pension; the
    // survivors' pension is not his (a parent of the deceased of 55 or over would be next,
    // and the device knows none).
    let today = date(2026, 12, 6);
    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &HUSBAND_DIES);
    h.people(
        &case,
        today,
        &[
            ("deceased_kin", "parent-male"),
            ("lived_with", "no"),
            ("surviving_spouse", "nobody"),
        ],
    );
    typed(&mut h, &case, today, ME, "birth_date", "1986-05-05");
    assert_eq!(
        claimant_of(&h, &case, today, "unpaid_pension").as_deref(),
        Some(ME)
    );
    assert_eq!(
        claimant_of(&h, &case, today, "survivors_pension"),
        None,
        "no one of the Acts' ranks known: the page must name one"
    );
}

#[test]
fn the_parent_on_leave_claims_the_childcare_leave_benefit() {
    // 雇用保険法61条の7: the benefit is the insured worker's who takes the leave, each parent
    // their own through their own employer.
    let today = date(2026, 4, 20);
    let mut answers = common::BIRTH_ANSWERS.to_vec();
    answers[10] = ("parental_leave", "yes");
    answers.push(("parental_leave_parent", "both"));
    let mut h = Drive::new();
    let birth = h.open("birth", today);
    h.answer(&birth, today, &answers);
    // The citizen is the mother; the father is new to the device.
    h.people(
        &birth,
        today,
        &[
            ("my_part", "mother"),
            ("other_parent", "new"),
            ("other_parent_name", "佐藤 健"),
            ("allowance_claimant", ME),
        ],
    );
    assert_eq!(
        claimant_of(&h, &birth, today, "childcare_leave_benefit").as_deref(),
        Some(ME),
        "the mother's own leave"
    );
    let father = claimant_of(&h, &birth, today, "childcare_leave_benefit_father").unwrap();
    assert_ne!(father, ME);
    assert_eq!(name(&h.s, &father), "佐藤 健");
}

#[test]
fn a_dependants_burial_allowance_is_the_insured_sons() {
    // 健保法113条: the 家族埋葬料 is paid to the insured person, not to the 喪主; 115条1項:
    // so is the high-cost refund of a dependant's bills. The widow's son insured her
    // husband as his dependant; she holds the funeral.
    let today = date(2026, 12, 6);
    let mut answers: Vec<(&str, &str)> = HUSBAND_DIES.to_vec();
    answers[4] = ("insurance", "dependent");
    answers.insert(5, ("deceased_insured_by", "child"));
    answers.insert(6, ("age_65", "yes"));
    answers[10] = ("high_medical_bills", "yes");
    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &answers);
    h.people(
        &case,
        today,
        &[
            ("deceased_kin", "spouse-male"),
            ("lived_with", "yes"),
            ("new_heir_name", "高橋 大輔"),
            ("new_heir_kin", "child"),
        ],
    );
    let ps = applicable(&h, &case, today);
    assert!(
        ps.contains(&"family_burial_allowance".to_string()),
        "{ps:?}"
    );
    assert!(!ps.contains(&"burial_allowance".to_string()), "{ps:?}");
    for p in ["family_burial_allowance", "high_cost_medical_insured"] {
        let claimant = claimant_of(&h, &case, today, p).unwrap();
        assert_eq!(name(&h.s, &claimant), "高橋 大輔", "{p}");
    }
}

#[test]
fn the_elderly_mover_is_named_on_the_late_elderly_address_change() {
    // 高齢者の医療の確保に関する法律50条1号・施行規則: the insured of 75 and over files
    // the address change, not the son who moves with her.
    let today = date(2026, 12, 6);
    let mut h = Drive::new();
    let case = h.open("moving", today);
    h.answer_all(&case, today, &|q, known| match q.id.as_str() {
        "move_kind" => "within_city".into(),
        "move_date" => "2026-12-20".into(),
        "elderly_moves" => "yes".into(),
        _ => known.map_or("no".into(), str::to_string),
    });
    let scope = h.s.people_scope(&h.c, &case, today).unwrap();
    let mut form = scope.propose();
    for (k, v) in [
        ("new_movers", "1"),
        ("new_mover_name", "高橋 和子"),
        ("new_mover_kin", "parent-female"),
    ] {
        form.insert(k.into(), v.into());
    }
    h.s.confirm_people(&h.c, &case, &form, today).unwrap();
    h.fill(&case, today, &|s, ask| match (
        name(s, &ask.key.owner).as_str(),
        ask.key.attribute.as_str(),
    ) {
        ("高橋 和子", "birth_date") => "1945-03-03".into(),
        (_, "birth_date") => "1976-07-07".into(),
        ("", "name") => "高橋 大輔".into(),
        (_, "address") => HOME.into(),
        (_, "postal_code") => "154-0017".into(),
        (_, "phone") => "03-3412-0000".into(),
        (p, a) => format!("{p}の{a}"),
    });
    let form = h.form(&case, today, "late_elderly_address");
    assert_eq!(form["applicant_name"], "高橋 和子");
    assert_eq!(form["insurance_number"], "高橋 和子のinsurance_number");
}

#[test]
fn each_heir_has_their_own_three_months_to_renounce() {
    // 民法915条1項: 3 months from the day each learned that they inherit. The widow learned
    // on the day; her daughter abroad heard on 10 January.
    let today = date(2027, 1, 12);
    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &HUSBAND_DIES);
    h.people(
        &case,
        today,
        &[
            ("deceased_kin", "spouse-male"),
            ("lived_with", "yes"),
            ("new_heir_name", "高橋 真理"),
            ("new_heir_kin", "child"),
        ],
    );
    let daughter = h
        .case(&case)
        .role(Role::Heirs)
        .iter()
        .find(|p| *p != ME)
        .unwrap()
        .clone();
    let own = |h: &Drive| -> Vec<(String, Option<Date>)> {
        let scope = h.s.scope(&h.c, &case, today).unwrap();
        let p = scope
            .event
            .procedures
            .iter()
            .find(|p| p.id == "renunciation")
            .unwrap();
        hitotsu::plan::each_heirs_own(&scope, p, &h.c.closed_days())
            .into_iter()
            .map(|x| (x.person, x.due.map(|d| d.due)))
            .collect()
    };
    // Known 1 December 2026: from the 2nd, 3 months end on 1 March 2027.
    assert!(own(&h).contains(&(ME.to_string(), Some(date(2027, 3, 1)))));
    assert!(
        own(&h).contains(&(daughter.clone(), None)),
        "not yet known when she learned"
    );
    assert_eq!(
        h.s.set_learned(&h.c, &case, &daughter, date(2027, 1, 13), today),
        Err(hitotsu::state::LearnedError::InTheFuture)
    );
    assert_eq!(
        h.s.set_learned(&h.c, &case, &daughter, date(2026, 11, 30), today),
        Err(hitotsu::state::LearnedError::BeforeDeath(date(2026, 12, 1)))
    );
    h.s.set_learned(&h.c, &case, &daughter, date(2027, 1, 10), today)
        .unwrap();
    // From 11 January: 10 April 2027 is a Saturday; the court's period moves to Monday 12th.
    assert!(own(&h).contains(&(daughter, Some(date(2027, 4, 12)))));
}

#[test]
fn a_son_goes_to_the_pension_office_for_his_mother_as_her_representative() {
    // Item 6: the widow names her son, added as an heir on the same page, to go for her:
    // her own claims name him as 代理人 with his relation to her, and a 委任状 is needed.
    let today = date(2026, 12, 6);
    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &HUSBAND_DIES);
    let scope = h.s.people_scope(&h.c, &case, today).unwrap();
    let mut form = scope.propose();
    assert_eq!(
        form.get("helper").map(String::as_str),
        Some(ME),
        "she goes herself unless she says otherwise"
    );
    for (k, v) in [
        ("deceased_kin", "spouse-male"),
        ("lived_with", "yes"),
        ("new_heir_name", "高橋 大輔"),
        ("new_heir_kin", "child"),
    ] {
        form.insert(k.into(), v.into());
    }
    let son = scope
        .candidates("helper", &form)
        .into_iter()
        .find(|c| c.name.as_deref() == Some("高橋 大輔"))
        .expect("the son added as an heir is offered")
        .id;
    form.insert("helper".into(), son.clone());
    // The deceased's son may be hers or a stepson: the page asks how he is related to her.
    let Err(errors) = h.s.confirm_people(&h.c, &case, &form, today) else {
        panic!("his relation to her is asked")
    };
    assert!(errors.iter().any(|(c, _)| c == "helper_kin"), "{errors:?}");
    form.insert("helper_kin".into(), "child".into());
    h.s.confirm_people(&h.c, &case, &form, today).unwrap();
    h.fill(&case, today, &|s, ask| match (
        name(s, &ask.key.owner).as_str(),
        ask.key.attribute.as_str(),
    ) {
        ("", "name") => "高橋 和子".into(),
        (_, "address") => HOME.into(),
        (_, "postal_code") => "154-0017".into(),
        (_, "phone") => "03-3412-0000".into(),
        (p, a) => widow_value(s, ask)
            .chars()
            .next()
            .map_or(format!("{p}の{a}"), |_| widow_value(s, ask)),
    });
    let form = h.form(&case, today, "survivors_pension");
    assert_eq!(form["applicant_name"], "高橋 和子");
    assert_eq!(form["proxy_name"], "高橋 大輔");
    assert_eq!(form["proxy_relation"], "子");
    let scope = h.s.scope(&h.c, &case, today).unwrap();
    let answers = scope.answers();
    let p = scope
        .event
        .procedures
        .iter()
        .find(|p| p.id == "survivors_pension")
        .unwrap();
    assert!(scope
        .documents_of(p, &answers)
        .contains(&"power_of_attorney"));
    // The pension death notice's informant files in their own right: no representative.
    assert!(!h
        .form(&case, today, "pension_death_notice")
        .contains_key("proxy_name"));
}

/// An answer told from the household's dates of birth names the people it comes from: the
/// baby of allowance age, not her mother, whose date of birth says nothing of it.
#[test]
fn an_answer_from_the_household_names_only_those_of_that_age() {
    let mut h = Drive::new();
    let today = date(2026, 4, 20);
    let birth = h.open("birth", today);
    h.answer(&birth, today, &common::BIRTH_ANSWERS);
    h.people(&birth, today, &common::BIRTH_PEOPLE);
    let baby = h.case(&birth).first(Role::Child).unwrap().to_string();
    let mother =
        hitotsu::household::parent_of_sex(&h.s.vault, &baby, hitotsu::household::Sex::Female)
            .unwrap();
    let given = hitotsu::vault::Provenance {
        case: birth.clone(),
        event: "birth".into(),
        how: hitotsu::vault::How::Typed,
        date: today,
    };
    h.s.vault.set(
        &FactKey::new(&mother, "birth_date"),
        "1990-07-07".into(),
        None,
        given,
    );
    let today = date(2026, 5, 20);
    let moving = h.open("moving", today);
    h.answer(
        &moving,
        today,
        &[("move_kind", "other_city"), ("move_date", "2026-06-01")],
    );
    let scope = h.s.scope(&h.c, &moving, today).unwrap();
    let known = scope
        .known("children_move")
        .expect("told from the household");
    assert_eq!(known.value, "yes", "{:?}", known.from);
    assert!(
        matches!(&known.from, hitotsu::resolve::KnownFrom::Household(people) if *people == vec![baby.clone()]),
        "{:?}",
        known.from
    );
    // Nobody of school age: "no", and nobody named as if they were.
    let known = scope
        .known("school_children")
        .expect("told from the household");
    assert_eq!(known.value, "no", "{:?}", known.from);
    assert!(
        matches!(&known.from, hitotsu::resolve::KnownFrom::Household(people) if people.is_empty()),
        "{:?}",
        known.from
    );
    let line = hitotsu::ui_text::known_from_household(hitotsu::i18n::Lang::En, "No", &[]);
    assert_eq!(line, "From your household's dates of birth: \u{201c}No\u{201d}, nobody is of that age. Choose again if that is wrong.");
}

#[test]
fn when_the_head_dies_the_page_asks_who_heads_the_household_now() {
    // 住民基本台帳法25条: the 世帯主変更届 names the new head, within 14 days. It named the
    // citizen, never asked: here the son who lives with her becomes the head.
    let today = date(2026, 12, 6);
    let mut answers: Vec<(&str, &str)> = HUSBAND_DIES.to_vec();
    answers[6] = ("householder", "yes");
    answers[13] = ("had_income", "no");
    answers[14] = ("estate_large", "no");
    answers.push(("household_remaining", "yes"));
    let mut h = Drive::new();
    let case = h.open("death", today);
    h.answer(&case, today, &answers);
    let scope = h.s.people_scope(&h.c, &case, today).unwrap();
    let form = scope.propose();
    assert!(scope.questions(&form).contains(&PeopleQuestion::Head));
    assert!(scope.new_head(), "asked as the head from now on");
    // The deceased is no candidate.
    let deceased = h.case(&case).first(Role::Deceased).unwrap().to_string();
    assert!(scope
        .candidates("head", &form)
        .iter()
        .all(|c| c.id != deceased));
    h.people(
        &case,
        today,
        &[
            ("deceased_kin", "spouse-male"),
            ("lived_with", "yes"),
            ("head", "new"),
            ("head_name", "高橋 大輔"),
            ("head_kin", "child"),
            ("new_heir_name", "高橋 美咲"),
            ("new_heir_kin", "child"),
        ],
    );
    h.fill(&case, today, &family_value);
    let form = h.form(&case, today, "householder_change");
    assert_eq!(
        form.get("household_head").map(String::as_str),
        Some("高橋 大輔"),
        "{form:?}"
    );
    // He heads it from the day of the death; the page asked again shows him.
    let scope = h.s.people_scope(&h.c, &case, today).unwrap();
    let again = scope.propose();
    assert!(scope.questions(&again).contains(&PeopleQuestion::Head));
    let son = again.get("head").unwrap();
    assert_eq!(h.s.vault.name_at(son, today), Some("高橋 大輔"));
}
