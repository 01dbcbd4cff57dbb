//! The counter's citizen screen: what the citizen confirms is what the forms carry, each
//! person once; a value typed but not yet accepted shows as being typed; a confirmation
//! holds while nothing changes, whatever language the citizen reads it in, and falls
//! when a value changes.

mod common;
use common::Drive;

use hitotsu::citizen_screen::{is_confirmed, screen};
use hitotsu::i18n::Lang;
use hitotsu::session::Confirmed;
use hitotsu::vault::{FactKey, How, ME};
use jiff::civil::date;

#[test]
fn the_citizen_screen_shows_the_answers_and_each_persons_values_and_keeps_confirmations() {
    let today = date(2026, 4, 21);
    let mut h = Drive::new();
    let birth = h.open("birth", today);
    h.answer(&birth, today, &common::BIRTH_ANSWERS);
    h.people(&birth, today, &common::BIRTH_PEOPLE);
    h.s.vault.set(
        &FactKey::new(ME, "name"),
        "山田 太郎".into(),
        None,
        hitotsu::vault::Provenance {
            case: birth.clone(),
            event: "birth".into(),
            how: How::Typed,
            date: today,
        },
    );
    let ja = screen(&h.s, &h.c, today, Lang::Ja);
    let ids: Vec<&str> = ja.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids[0], "c1:answers", "{ids:?}");
    assert!(ids.contains(&"c1:me"), "{ids:?}");
    let answers = &ja[0];
    assert!(answers.heading.starts_with("出生"), "{}", answers.heading);
    assert!(
        answers
            .rows
            .iter()
            .any(|r| r.label.contains("生まれた日") && r.value.contains("2026年4月16日")),
        "{:?}",
        answers.rows
    );
    let me = ja.iter().find(|s| s.id == "c1:me").unwrap();
    assert_eq!(
        me.heading, "あなたについて",
        "the citizen is addressed as such"
    );
    assert!(me.rows.iter().any(|r| r.value == "山田 太郎"));

    // Confirmed in English, still confirmed when read in Japanese.
    let en = screen(&h.s, &h.c, today, Lang::En);
    let mut confirmed = Confirmed::new();
    for s in &en {
        confirmed.insert(s.id.clone(), s.print.clone());
    }
    assert!(ja.iter().all(|s| is_confirmed(&confirmed, s)));
    assert_ne!(
        en[0].rows, ja[0].rows,
        "the rows are in the citizen's language"
    );

    // Staff type a weight not yet accepted: shown as being typed, the answers unconfirmed.
    h.s.case_mut(&birth)
        .unwrap()
        .drafts
        .insert("birth_weight_g".into(), "3100".into());
    // A yes-no box ticked on a group page is a draft "yes": said as the answer would be.
    h.s.case_mut(&birth)
        .unwrap()
        .drafts
        .insert("born_abroad".into(), "yes".into());
    let now = screen(&h.s, &h.c, today, Lang::Ja);
    let value = |label: &str| {
        now[0]
            .rows
            .iter()
            .find(|r| r.label == label)
            .map(|r| r.value.clone())
    };
    assert_eq!(
        value("生まれたときの体重は何グラムでしたか").as_deref(),
        Some("3100 グラム（入力中）")
    );
    assert_eq!(
        value("赤ちゃんは日本国外で生まれましたか").as_deref(),
        Some("はい（入力中）")
    );
    h.s.case_mut(&birth).unwrap().drafts.remove("born_abroad");
    let now = screen(&h.s, &h.c, today, Lang::Ja);
    assert!(!is_confirmed(&confirmed, &now[0]));
    // The citizen's own section did not change: still confirmed.
    assert!(is_confirmed(
        &confirmed,
        now.iter().find(|s| s.id == "c1:me").unwrap()
    ));
}

#[test]
fn the_take_home_summary_lists_what_is_done_and_what_is_left_soonest_first() {
    let today = date(2026, 4, 21);
    let mut h = Drive::new();
    let birth = h.open("birth", today);
    h.answer(&birth, today, &common::BIRTH_ANSWERS);
    h.s.mark_done(&h.c, &birth, "birth_registration", true, today);
    let scope = h.s.scope(&h.c, &birth, today).unwrap();
    let plan = hitotsu::plan::build(&scope, &h.c.closed_days());
    let (done, left) = plan.take_home();
    let ids = |v: &[&hitotsu::plan::PlanItem]| {
        v.iter().map(|i| i.procedure.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&done), ["birth_registration"]);
    assert!(!left.is_empty() && !ids(&left).contains(&"birth_registration".to_string()));
    // Every open procedure is on one list or the other; none closed by an answer.
    let closed = plan
        .items
        .iter()
        .filter(|i| matches!(i.state, hitotsu::plan::ItemState::Closed(_)))
        .count();
    assert_eq!(done.len() + left.len() + closed, plan.items.len());
    // Soonest due first; those with no fixed date last.
    let dues: Vec<_> = left.iter().map(|i| i.due.as_ref().map(|d| d.due)).collect();
    let first_none = dues.iter().position(Option::is_none).unwrap_or(dues.len());
    assert!(
        dues[..first_none].windows(2).all(|w| w[0] <= w[1]),
        "{dues:?}"
    );
    assert!(dues[first_none..].iter().all(Option::is_none));
}
