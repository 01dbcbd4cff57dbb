//! Property: whatever a household goes through — births, moves and deaths months apart, in
//! any mix, with moving days changed and addresses corrected afterwards — no sheet ever
//! carries an address that was not the household's address on that sheet's own date.
//!
//! Events are entered in the order they happen, as a household lives them (an app cannot
//! know of a move nobody has told it about); the edits come at any time after.

mod common;
use common::Drive;

use hitotsu::catalog::{FieldKind, Question, QuestionKind};
use hitotsu::onestop::packets;
use hitotsu::resolve::{Ask, Resolved};
use hitotsu::vault::{FactKey, HOUSEHOLD};
use jiff::civil::{date, Date};
use jiff::Span;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Kind {
    Birth,
    Move,
    Death,
}

#[derive(Clone, Debug)]
enum Edit {
    /// Move the n-th move's day by this many days.
    Retime(usize, i64),
    /// Correct the n-th move's new address.
    Correct(usize),
}

/// The household's real history: where it lived from which day.
struct Truth {
    first: String,
    moves: Vec<(Date, String)>,
}

impl Truth {
    fn at(&self, day: Date) -> &str {
        self.moves
            .iter()
            .filter(|(d, _)| *d <= day)
            .max_by_key(|(d, _)| *d)
            .map_or(&self.first, |(_, a)| a)
    }
}

fn plus(d: Date, days: i64) -> Date {
    d.checked_add(Span::new().days(days)).unwrap()
}

/// What the citizen types: the truth for the household's address, anything valid else.
fn value(truth: &Truth, ask: &Ask, kind: FieldKind) -> String {
    if ask.key.owner == HOUSEHOLD && ask.key.attribute == "address" {
        return match &ask.starts {
            Some((d, _)) => truth
                .moves
                .iter()
                .find(|(m, _)| m == d)
                .map(|(_, a)| a.clone())
                .expect("a move starts it"),
            None => truth.at(ask.at).to_string(),
        };
    }
    match kind {
        FieldKind::Name => "山田 太郎".into(),
        FieldKind::Kana => "ヤマダ タロウ".into(),
        FieldKind::Date => "2000-01-01".into(),
        FieldKind::PostalCode => "100-0001".into(),
        FieldKind::Phone => "03-1234-5678".into(),
        FieldKind::MyNumber => common::my_number("12345678901"),
        FieldKind::Number => "1000".into(),
        FieldKind::Choice => "male".into(),
        _ => "記入".into(),
    }
}

/// The day a field of a procedure must hold on, read from the catalog and the case's own
/// answers: the field's own day (the new address on the moving day, the old one the day
/// before), else the procedure's, else the event's.
fn expected_day(
    h: &Drive,
    case: &hitotsu::case::Case,
    p: &hitotsu::catalog::Procedure,
    field: &str,
) -> Date {
    use hitotsu::catalog::FieldTime;
    let event = h.c.event(&case.event).unwrap();
    let answer = |q: &str| case.answers[q].parse::<Date>().unwrap();
    let of = |t: &FieldTime| match t {
        FieldTime::Before(q) => answer(q).yesterday().unwrap(),
        FieldTime::Starts(q) | FieldTime::On(q) => answer(q),
    };
    match (&h.c.fields.fields[field].at, &p.as_of) {
        (Some(t), _) | (None, Some(t)) => of(t),
        (None, None) => answer(&event.as_of),
    }
}

/// Every address a sheet of any case carries now, with the day it must hold on.
fn addresses_on_sheets(h: &Drive, today: Date) -> Vec<(String, String, Date)> {
    let mut out = Vec::new();
    for case in &h.s.cases {
        let scope = h.s.scope(&h.c, &case.id, today).unwrap();
        let answers = scope.answers();
        for p in packets(&scope).iter().flat_map(|k| &k.procedures) {
            let p = scope.event.procedures.iter().find(|x| x.id == *p).unwrap();
            for field in scope.fields_of(p, &answers) {
                if let Resolved::Value { text, used } = scope.resolve(p, field, &answers) {
                    if let [(key, _)] = used.as_slice() {
                        if *key == FactKey::new(HOUSEHOLD, "address") {
                            out.push((
                                format!("{} {}.{field}", case.id, p.id),
                                text,
                                expected_day(h, case, p, field),
                            ));
                        }
                    }
                }
            }
        }
    }
    out
}

fn answer(q: &Question, known: Option<&str>, day: Date) -> String {
    if let Some(k) = known {
        return k.to_string();
    }
    match (q.id.as_str(), q.kind) {
        ("move_kind", _) => "other_city".into(),
        ("birth_weight_g", _) => "3000".into(),
        (_, QuestionKind::Date) => day.to_string(),
        (_, QuestionKind::YesNo) => "no".into(),
        (_, QuestionKind::Number) => "1".into(),
        (_, QuestionKind::Choice) => q.options[0].id.clone(),
    }
}

fn run(events: Vec<(Kind, i64)>, edits: Vec<(usize, Edit)>) {
    let mut h = Drive::new();
    let mut truth = Truth {
        first: "東京都千代田区1-0".into(),
        moves: Vec::new(),
    };
    let mut day = date(2026, 1, 10);
    let mut move_cases: Vec<String> = Vec::new();
    let mut today;
    for (i, (kind, gap)) in events.into_iter().enumerate() {
        day = plus(day, gap);
        today = plus(day, 2);
        let event = match kind {
            Kind::Birth => "birth",
            Kind::Move => "moving",
            Kind::Death => "death",
        };
        if let Kind::Move = kind {
            truth
                .moves
                .push((day, format!("横浜市{}-{}", i, truth.moves.len())));
        }
        let case = h.open(event, today);
        // The move is entered on its day; births and deaths two days after.
        let entered = if matches!(kind, Kind::Move) {
            day
        } else {
            today
        };
        h.answer_all(&case, entered, &|q, known| answer(q, known, day));
        let form = h.s.people_scope(&h.c, &case, entered).unwrap().propose();
        let mut form = form;
        for (k, v) in [
            ("my_part", "father"),
            ("other_parent", "nobody"),
            ("allowance_claimant", "me"),
            ("deceased_kin", "parent-male"),
            ("lived_with", "no"),
            ("surviving_spouse", "nobody"),
        ] {
            form.entry(k.to_string()).or_insert_with(|| v.to_string());
        }
        h.s.confirm_people(&h.c, &case, &form, entered).unwrap();
        if let Kind::Move = kind {
            move_cases.push(case.clone());
        }
        for (_, edit) in edits.iter().filter(|(at, _)| *at == i) {
            match edit {
                Edit::Retime(n, delta) if !move_cases.is_empty() => {
                    let n = n % move_cases.len();
                    let new_day = plus(truth.moves[n].0, *delta);
                    if truth.moves.iter().any(|(d, _)| *d == new_day) || new_day < date(2025, 1, 1)
                    {
                        continue;
                    }
                    truth.moves[n].0 = new_day;
                    h.s.record_answer(
                        &h.c,
                        &move_cases[n],
                        "move_date",
                        new_day.to_string(),
                        today,
                    );
                }
                Edit::Correct(n) if !move_cases.is_empty() => {
                    let n = n % move_cases.len();
                    let (d, a) = truth.moves[n].clone();
                    let corrected = format!("{a}（訂正）");
                    let key = FactKey::new(HOUSEHOLD, "address");
                    let given = h.s.vault.starting(&key, d).map(|f| f.given.clone());
                    if let Some(given) = given {
                        h.s.vault.set(&key, corrected.clone(), Some(d), given);
                        truth.moves[n].1 = corrected;
                    }
                }
                _ => {}
            }
        }
        // Whatever any case now lacks, the citizen gives (truthfully).
        for c in h.s.cases.iter().map(|c| c.id.clone()).collect::<Vec<_>>() {
            fill(&mut h, &c, today, &truth);
        }
        for (sheet, text, on) in addresses_on_sheets(&h, today) {
            assert_eq!(
                text,
                truth.at(on),
                "{sheet} on {on} carries {text}, but the household lived at {} then",
                truth.at(on)
            );
        }
    }
}

fn fill(h: &mut Drive, case: &str, today: Date, truth: &Truth) {
    for _ in 0..10 {
        let asks: Vec<Ask> = {
            let scope = h.s.scope(&h.c, case, today).unwrap();
            hitotsu::onestop::needs(&scope)
                .into_iter()
                .filter_map(|n| match n.gap {
                    hitotsu::resolve::Gap::Fact(a) => Some(a),
                    _ => None,
                })
                .collect()
        };
        if asks.is_empty() {
            return;
        }
        for ask in asks {
            let kind = h.c.fields.fields[&ask.field].kind;
            let def = &h.c.fields.fields[&ask.field];
            let raw = value(truth, &ask, kind);
            let v = hitotsu::fields::check_field(def, &raw).unwrap_or_else(|_| raw.clone());
            h.s.give(case, &ask, v, hitotsu::vault::How::Typed, today);
        }
    }
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![2 => Just(Kind::Move), 1 => Just(Kind::Birth), 1 => Just(Kind::Death)]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..4, -200i64..200).prop_map(|(n, d)| Edit::Retime(n, d)),
        (0usize..4).prop_map(Edit::Correct)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_sheet_carries_an_address_not_valid_on_its_date(
        events in prop::collection::vec((kind(), 10i64..300), 1..6),
        edits in prop::collection::vec((0usize..6, edit()), 0..4),
    ) {
        run(events, edits);
    }
}

#[test]
fn a_moving_day_changed_after_the_birth_is_followed() {
    // Born in April; the move, first entered for June, really was in March.
    run(
        vec![(Kind::Birth, 96), (Kind::Move, 50)],
        vec![(1, Edit::Retime(0, -90))],
    );
}
