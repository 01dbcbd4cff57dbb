//! An imported file is checked for its values, not only its shape, before anything is
//! replaced: each of these was accepted before and then broke the app or the household.

mod common;

use hitotsu::integrity::Invalid;
use hitotsu::state::{AppState, ImportError};
use serde_json::{json, Value};

/// A real export of this version: the version-2 file as stored, migrated and exported.
fn export() -> Value {
    let raw = std::fs::read_to_string(format!(
        "{}/tests/data/state-v2.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let (state, problem) = AppState::from_stored(Some(&raw));
    assert_eq!(problem, None);
    serde_json::from_str(&state.export(jiff::civil::date(2026, 11, 23))).unwrap()
}

fn import(edit: impl Fn(&mut Value)) -> Result<AppState, ImportError> {
    let mut file = export();
    edit(&mut file);
    AppState::import(&file.to_string())
}

#[test]
fn a_real_export_imports_and_round_trips() {
    let s = import(|_| {}).unwrap();
    let again = AppState::import(&s.export(jiff::civil::date(2026, 11, 23))).unwrap();
    assert_eq!(again, s);
}

#[test]
fn a_far_future_date_is_refused_with_the_date() {
    let first_child = |f: &mut Value| {
        let people = f["state"]["vault"]["people"].as_array().unwrap().clone();
        let child = people[1]["id"].as_str().unwrap().to_string();
        f["state"]["vault"]["facts"][&child]["birth_date"][0]["value"] = json!("9999-12-31");
    };
    assert_eq!(
        import(first_child).unwrap_err(),
        ImportError::Invalid(Invalid::DateOutOfRange("9999-12-31".into()))
    );
    assert!(matches!(
        import(|f| f["state"]["cases"][0]["started"] = json!("1200-01-01")).unwrap_err(),
        ImportError::Invalid(Invalid::DateOutOfRange(_))
    ));
    assert!(matches!(
        import(|f| f["state"]["cases"][0]["answers"]["birth_date"] = json!("2999-01-01"))
            .unwrap_err(),
        ImportError::Invalid(Invalid::DateOutOfRange(_))
    ));
}

#[test]
fn the_version_must_be_exactly_one_this_app_reads() {
    for bad in [json!("3"), json!(-1), json!(2.5), Value::Null] {
        assert_eq!(
            import(|f| f["version"] = bad.clone()).unwrap_err(),
            ImportError::NotOurs,
            "{bad}"
        );
    }
    assert_eq!(
        import(|f| {
            f.as_object_mut().unwrap().remove("version");
        })
        .unwrap_err(),
        ImportError::NotOurs
    );
    assert_eq!(
        import(|f| f["version"] = json!(4)).unwrap_err(),
        ImportError::Newer(4)
    );
}

#[test]
fn ids_references_and_counters_must_hold_together() {
    // Two cases with one id.
    assert!(matches!(
        import(|f| {
            let first = f["state"]["cases"][0].clone();
            f["state"]["cases"].as_array_mut().unwrap().push(first);
        })
        .unwrap_err(),
        ImportError::Invalid(Invalid::DuplicateId(_))
    ));
    // A counter behind the people it handed out: the next child would take p1's facts.
    assert!(matches!(
        import(|f| f["state"]["vault"]["next_person"] = json!(1)).unwrap_err(),
        ImportError::Invalid(Invalid::Counter(_))
    ));
    assert!(matches!(
        import(|f| f["state"]["vault"]["next_person"] = json!(u64::MAX)).unwrap_err(),
        ImportError::Damaged(_) | ImportError::Invalid(_)
    ));
    // Quiet hours from 22 to 25 o'clock would never end.
    assert!(matches!(
        import(|f| f["state"]["notices"] = json!({"settings": {"quiet": {"from": 22, "to": 25}}}))
            .unwrap_err(),
        ImportError::Invalid(Invalid::BadNumber(_))
    ));
    // Facts about someone who is not in the list: a new person with that id inherits them.
    assert!(matches!(
        import(|f| f["state"]["vault"]["facts"]["p77"] = f["state"]["vault"]["facts"]["p1"].clone())
            .unwrap_err(),
        ImportError::Invalid(Invalid::UnknownPerson(p)) if p == "p77"
    ));
    // A relation to nobody.
    assert!(matches!(
        import(|f| f["state"]["vault"]["relations"]
            .as_array_mut()
            .unwrap()
            .push(json!({"kind": "spouse", "a": "me", "b": "p99"})))
        .unwrap_err(),
        ImportError::Invalid(Invalid::UnknownPerson(_))
    ));
}

#[test]
fn a_counter_at_its_end_is_refused_and_never_wraps_to_an_id_in_use() {
    // Accepted before: the next case took id c1 again (the counter wrapped in a release).
    assert!(matches!(
        import(|f| f["state"]["next_id"] = json!(u32::MAX)).unwrap_err(),
        ImportError::Invalid(Invalid::Counter(_))
    ));
    assert!(matches!(
        import(|f| f["state"]["vault"]["next_person"] = json!(u32::MAX)).unwrap_err(),
        ImportError::Invalid(Invalid::Counter(_))
    ));
    // A state whose counter is at the end anyway: a new case gets an id not in use.
    let mut s = import(|_| {}).unwrap();
    s.next_id = u32::MAX;
    let catalog = common::catalog();
    let event = catalog.event("birth").unwrap();
    let before: Vec<String> = s.cases.iter().map(|c| c.id.clone()).collect();
    let id = s.open_case(event, jiff::civil::date(2026, 11, 23));
    assert!(!before.contains(&id), "{id} reused");
    assert_eq!(s.next_id, u32::MAX);
}

#[test]
fn a_history_with_two_versions_on_one_date_is_refused() {
    // The counter refuses such a history in a code; the phone must never hold one.
    let e = import(|f| {
        let facts = &mut f["state"]["vault"]["facts"];
        let (owner, attribute) = facts
            .as_object()
            .unwrap()
            .iter()
            .find_map(|(o, a)| Some((o.clone(), a.as_object()?.keys().next()?.clone())))
            .unwrap();
        let history = facts[&owner][&attribute].as_array_mut().unwrap();
        let again = history[0].clone();
        history.push(again);
    })
    .unwrap_err();
    assert!(
        matches!(e, ImportError::Invalid(Invalid::HistoryOrder(_))),
        "{e:?}"
    );
}

#[test]
fn more_people_than_a_household_has_is_refused() {
    let e = import(|f| {
        let vault = &mut f["state"]["vault"];
        for n in 100..400 {
            vault["people"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": format!("p{n}"), "added_in": null}));
        }
        vault["next_person"] = json!(401);
    })
    .unwrap_err();
    assert!(
        matches!(e, ImportError::Invalid(Invalid::TooManyPeople(_))),
        "{e:?}"
    );
}
