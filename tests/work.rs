//! The work a death asks of a widow on a device that knows nobody (issue 26): questions,
//! entries typed, taps and screens, counted from the flow the app runs (the questions it
//! asks next, the "who is who" page, each detail page, the check page), not by hand.
//! `cargo test --test work -- --nocapture` prints the count; the test fails if the flow
//! grows past today's, so a change that cuts it lowers the bound with it.

mod common;
use common::{my_number, Drive};

use hitotsu::catalog::{FieldKind, Question, QuestionKind};
use hitotsu::onestop::{needs, next_step, NextStep};
use hitotsu::questionnaire::{first_unanswered, page};
use jiff::civil::date;

/// The death of her husband on 1 December 2026, a pensioner of 84, as death.spec.js
/// answers it in easy Japanese.
const HUSBAND_DIES: [(&str, &str); 19] = [
    ("death_date", "2026-11-30"),
    ("known_date", "2026-11-30"),
    ("died_abroad", "no"),
    ("residence_card", "no"),
    ("insurance", "national"),
    ("age_65", "yes"),
    ("pension", "yes"),
    ("householder", "yes"),
    ("household_remaining", "yes"),
    ("child_allowance", "no"),
    ("high_medical_bills", "yes"),
    ("will", "handwritten_home"),
    ("real_estate", "yes"),
    ("vehicle", "none"),
    ("disability_handbook", "no"),
    ("had_income", "unsure"),
    ("estate_large", "no"),
    ("life_insurance", "yes"),
    ("funeral_done", "no"),
];

/// What she types into a field of this kind.
fn value(kind: FieldKind, options: &[String]) -> String {
    match kind {
        FieldKind::Name => "高橋 正".into(),
        FieldKind::Kana => "タカハシ タダシ".into(),
        FieldKind::Date => "1942-03-03".into(),
        FieldKind::Address => "東京都千代田区千代田1-1".into(),
        FieldKind::PostalCode => "100-0001".into(),
        FieldKind::Phone => "03-1234-5678".into(),
        FieldKind::MyNumber => my_number("12345678901"),
        FieldKind::ResidenceCard => "AB12345678CD".into(),
        FieldKind::Time => "10:30".into(),
        FieldKind::Choice => options[0].clone(),
        FieldKind::Number => "1".into(),
        FieldKind::Account => "ゆうちょ 10180-22222".into(),
        FieldKind::Text | FieldKind::Document => "あり".into(),
    }
}

#[derive(Debug, Default)]
struct Work {
    questions: usize,
    typed: usize,
    taps: usize,
    screens: usize,
}

/// Her husband was the head of the household, on the 国民健康保険: its loss names the
/// head, which the death's "who is who" page does not ask. The flow still reaches the
/// check page (it came back to "who is who" without end, in the browser too).
#[test]
fn the_work_of_reporting_a_husbands_death() {
    let w = report(&HUSBAND_DIES);
    println!("a husband's death, to the check page: {w:?}");
    // Today's count: the bound a change that cuts the work lowers with it. The issue
    // counted 33 screens and about 81 taps; what he had and received on one page of
    // checkboxes, and the day she learned of it proposed as the day of the death, took
    // the count from 27 screens and 68 taps to this. Every question the law needs is
    // still asked: `report` fails on an answer no page asked for.
    assert!(w.screens <= 19, "{w:?}");
    assert!(w.taps <= 56, "{w:?}");
}

/// Not the head, and no head known on the device: the same.
#[test]
fn a_death_on_a_device_that_knows_no_head_reaches_the_check_page() {
    let answers: Vec<(&str, &str)> = HUSBAND_DIES
        .iter()
        .filter(|(q, _)| *q != "household_remaining")
        .map(|&(q, a)| {
            if q == "householder" {
                (q, "no")
            } else {
                (q, a)
            }
        })
        .collect();
    report(&answers);
}

fn report(answers: &[(&'static str, &'static str)]) -> Work {
    let mut h = Drive::new();
    let today = date(2026, 12, 1);
    let mut w = Work::default();
    // Home: the language, then the event.
    w.screens += 1;
    w.taps += 2;
    let case = h.open("death", today);
    let mut rest: Vec<(&str, &str)> = answers.to_vec();
    // The questions, a page each (a group's on one page of checkboxes), until the app
    // asks no more (the funeral last).
    loop {
        let scope = h.s.scope(&h.c, &case, today).unwrap();
        let answers = scope.answers();
        let Some(q) = first_unanswered(scope.event, &answers).cloned() else {
            break;
        };
        let on_page: Vec<Question> = page(scope.event, &answers, &q.id)
            .into_iter()
            .cloned()
            .collect();
        let proposed = scope.proposed(&q.id);
        let mut given: Vec<(String, String)> = Vec::new();
        for q in &on_page {
            let answer = match rest.iter().position(|(id, _)| *id == q.id) {
                Some(i) => rest.remove(i).1.to_string(),
                None => panic!("a question death.spec.js does not answer: {}", q.id),
            };
            given.push((q.id.clone(), answer));
        }
        w.questions += on_page.len();
        w.screens += 1;
        w.taps += if on_page.len() > 1 {
            // A tap on each box that applies, or on 「どれも該当しない」; and 「つぎへ」.
            given.iter().filter(|(_, a)| a == "yes").count().max(1) + 1
        } else if proposed.as_deref() == Some(given[0].1.as_str()) {
            // The answer the page proposes: 「つぎへ」 only.
            1
        } else {
            // A choice is one tap and 「つぎへ」; a date or a number, a tap into the
            // field, typing, and 「つぎへ」.
            if matches!(q.kind, QuestionKind::Date | QuestionKind::Number) {
                w.typed += 1;
            }
            2
        };
        let pairs: Vec<(&str, &str)> = given
            .iter()
            .map(|(q, a)| (q.as_str(), a.as_str()))
            .collect();
        h.answer(&case, today, &pairs);
    }
    assert!(rest.is_empty(), "questions not asked: {rest:?}");
    // The plan, and on from it.
    w.screens += 1;
    w.taps += 1;
    // Who is who: the husband, by his relation to her; his name.
    let typed_before = h.typed;
    h.people(
        &case,
        today,
        &[("deceased_kin", "spouse-male"), ("lived_with", "yes")],
    );
    w.screens += 1;
    w.taps += (h.typed - typed_before) + 1;

    // The detail pages, each fact once, until the check page.
    for _ in 0..30 {
        let Some((_, asks)) = h.next_page(&case, today) else {
            break;
        };
        w.screens += 1;
        w.taps += 1;
        for ask in asks {
            let def = h.c.fields.fields[&ask.field].clone();
            let options: Vec<String> = def.options.iter().map(|o| o.id.clone()).collect();
            let v = hitotsu::fields::check_field(&def, &value(def.kind, &options))
                .unwrap_or_else(|e| panic!("{}: {e:?}", ask.field));
            w.taps += 1;
            if def.kind != FieldKind::Choice {
                w.typed += 1;
            }
            h.s.give(&case, &ask, v, hitotsu::vault::How::Typed, today);
        }
    }
    let scope = h.s.scope(&h.c, &case, today).unwrap();
    assert_eq!(
        next_step(&scope, None),
        NextStep::Check,
        "{:?}",
        needs(&scope).iter().map(|n| &n.gap).collect::<Vec<_>>()
    );
    // The check page.
    w.screens += 1;
    w.taps += 1;
    w
}
