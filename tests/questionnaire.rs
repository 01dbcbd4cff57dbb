//! Pages of questions: one question a page, or a group's yes-no questions on one page of
//! checkboxes; back and forward by page; what a group page's boxes answer.

mod common;
use common::{answers, catalog};

use hitotsu::questionnaire::{
    check_group, first_unanswered, next_after, page, page_number, previous_before, AnswerError,
    NONE_OF_THESE,
};

const BEFORE_GROUP: [(&str, &str); 4] = [
    ("death_date", "2026-11-30"),
    ("known_date", "2026-11-30"),
    ("died_abroad", "no"),
    ("insurance", "national"),
];

fn ids(qs: &[&hitotsu::catalog::Question]) -> Vec<String> {
    qs.iter().map(|q| q.id.clone()).collect()
}

#[test]
fn what_a_deceased_had_is_one_page_and_back_and_forward_go_by_page() {
    let c = catalog();
    let death = c.event("death").unwrap();
    let a = answers(&BEFORE_GROUP);
    let first = first_unanswered(death, &a).unwrap();
    assert_eq!(first.id, "residence_card");
    let on_page = page(death, &a, &first.id);
    assert_eq!(
        ids(&on_page),
        [
            "residence_card",
            "age_65",
            "pension",
            "householder",
            "child_allowance",
            "disability_handbook",
            "high_medical_bills",
            "real_estate",
            "life_insurance"
        ]
    );
    // Any of its questions names the same page (a link to a reason on the plan).
    assert_eq!(ids(&page(death, &a, "real_estate")), ids(&on_page));
    // The fifth page she sees, after four questions; back is the insurance, from any box.
    assert_eq!(page_number(death, &a, "life_insurance"), Some(5));
    assert_eq!(
        previous_before(death, &a, "pension").unwrap().id,
        "insurance"
    );
    assert_eq!(
        next_after(death, &a, "insurance").unwrap().id,
        "residence_card"
    );

    // On the 後期高齢者医療 the age question is not asked: the page holds one box fewer.
    let elderly = answers(&[
        ("death_date", "2026-11-30"),
        ("known_date", "2026-11-30"),
        ("died_abroad", "no"),
        ("insurance", "elderly"),
    ]);
    assert!(!ids(&page(death, &elderly, "pension")).contains(&"age_65".to_string()));

    // The boxes answered: the page after is what their answers ask next.
    let mut a = a;
    let checked = vec!["pension".to_string(), "householder".to_string()];
    for (q, v) in check_group(&on_page, &checked).unwrap() {
        a.insert(q, v);
    }
    assert_eq!(a["pension"], "yes");
    assert_eq!(a["life_insurance"], "no");
    assert_eq!(
        next_after(death, &a, "age_65").unwrap().id,
        "household_remaining"
    );
    assert_eq!(
        previous_before(death, &a, "household_remaining")
            .unwrap()
            .id,
        "residence_card"
    );
    assert_eq!(page_number(death, &a, "household_remaining"), Some(6));
    // Nothing of it received a pension: the pension it was insured for is asked after.
    a.insert("pension".into(), "no".into());
    assert_eq!(
        next_after(death, &a, "age_65").unwrap().id,
        "pension_insured"
    );
}

#[test]
fn a_group_page_says_no_only_when_told_so() {
    let c = catalog();
    let death = c.event("death").unwrap();
    let a = answers(&BEFORE_GROUP);
    let on_page = page(death, &a, "pension");
    // Left unread, nothing checked: no answer at all, not "no" to everything.
    assert_eq!(check_group(&on_page, &[]), Err(AnswerError::NothingChecked));
    let none = vec![NONE_OF_THESE.to_string()];
    let all_no = check_group(&on_page, &none).unwrap();
    assert_eq!(all_no.len(), on_page.len());
    assert!(all_no.iter().all(|(_, v)| v == "no"));
    assert_eq!(
        check_group(&on_page, &[NONE_OF_THESE.into(), "pension".into()]),
        Err(AnswerError::NoneWithOthers)
    );
    // A box of no question on this page (a page of an earlier release) is refused.
    assert_eq!(
        check_group(&on_page, &["will".into()]),
        Err(AnswerError::NoChoice)
    );
}

#[test]
fn the_day_one_learned_of_a_death_is_proposed_as_the_day_of_the_death() {
    let mut h = common::Drive::new();
    let today = jiff::civil::date(2026, 12, 1);
    let case = h.open("death", today);
    h.answer(&case, today, &[("death_date", "2026-11-28")]);
    let scope = h.s.scope(&h.c, &case, today).unwrap();
    assert_eq!(scope.proposed("known_date").as_deref(), Some("2026-11-28"));
    // Only proposed: no answer until she confirms it.
    assert!(!scope.answers().contains_key("known_date"));
    assert_eq!(scope.proposed("died_abroad"), None);
}
