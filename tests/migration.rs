//! Data written by the previous release (state version 2, as stored in a browser) is read
//! by this one with nothing lost: facts become histories, the baby becomes the citizen's
//! child living with them, the head typed as a name becomes a person, packets keep their
//! receipts apart from this device's references.

use hitotsu::case::PacketStatus;
use hitotsu::household::{kin, Kin, Role};
use hitotsu::state::{AppState, STATE_VERSION};
use hitotsu::vault::{FactKey, HOUSEHOLD, ME};
use jiff::civil::date;

fn v2() -> String {
    std::fs::read_to_string(format!(
        "{}/tests/data/state-v2.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn version_2_as_stored_is_migrated_with_nothing_lost() {
    let (s, problem) = AppState::from_stored(Some(&v2()));
    assert_eq!(problem, None);
    assert_eq!(s.version, STATE_VERSION);
    assert_eq!(s.cases.len(), 2);
    let v = &s.vault;
    // Every fact is there, as a history of one version that holds from always.
    let name = v.history(&FactKey::new(ME, "name"));
    assert_eq!(
        (name.len(), name[0].value.as_str(), name[0].from),
        (1, "山田 太郎", None)
    );
    assert_eq!(name[0].last_used, Some(date(2026, 4, 21)));
    assert_eq!(
        v.latest(&FactKey::new("p1", "name")).unwrap().value,
        "山田 𠮷子"
    );
    assert_eq!(
        v.latest(&FactKey::new(HOUSEHOLD, "household_members"))
            .unwrap()
            .value,
        "山田 太郎、山田 𠮷子",
        "kept, visible"
    );
    // The baby is the citizen's child, in the household from the day of birth.
    assert_eq!(kin(v, "p1", ME), Kin::Child);
    assert!(!v.in_household("p1", date(2026, 4, 15)) && v.in_household("p1", date(2026, 4, 16)));
    // The head typed as 山田 花子, whom the vault did not know, is now a person.
    let head = v.head_at(date(2026, 4, 20)).unwrap();
    assert_ne!(head, ME);
    assert_eq!(v.name_at(head, date(2026, 4, 20)), Some("山田 花子"));
    assert!(v.in_household(head, date(2026, 4, 20)));
    assert_eq!(v.members_at(date(2026, 4, 20)).len(), 3);
    // Cases: roles as lists, the draft being typed kept.
    let birth = s.case("c1").unwrap();
    assert_eq!(birth.role(Role::Child), ["p1"]);
    assert_eq!(s.case("c2").unwrap().drafts["move_date"], "2026/6/");
    // Packets by id: a local number is a reference, an endpoint's is a receipt.
    let city = &birth.packets["c1-city_office"];
    assert_eq!(
        (
            city.agency.as_str(),
            city.reference.as_str(),
            city.receipt.as_ref(),
            city.status
        ),
        (
            "city_office",
            "H-20260421-c1-city_office",
            None,
            PacketStatus::Prepared
        )
    );
    let employer = &birth.packets["c1-employer"];
    assert_eq!(
        (employer.receipt.as_deref(), employer.status),
        (Some("R-0001"), PacketStatus::Received)
    );
    assert_eq!(s.shared[0].date, date(2026, 4, 21));
    // And it saves and loads again as the new version.
    let (again, problem) = AppState::from_stored(Some(&s.to_stored()));
    assert_eq!((again, problem), (s, None));
}

#[test]
fn an_export_of_version_2_imports() {
    let state: serde_json::Value = serde_json::from_str(&v2()).unwrap();
    let file = serde_json::json!({ "format": "hitotsu-export", "version": 2, "exported": "2026-04-21", "state": state }).to_string();
    let s = AppState::import(&file).expect("a version-2 export imports");
    assert_eq!(s.cases.len(), 2);
}

#[test]
fn a_birth_that_said_an_employers_insurance_keeps_whose_it_meant() {
    // The last release asked only "an employer's insurance" and took the citizen (here the
    // father) for the insured parent; the answer now says whose.
    let raw = std::fs::read_to_string(format!(
        "{}/tests/data/state-v3-employer-insurance.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let (s, problem) = AppState::from_stored(Some(&raw));
    assert_eq!(problem, None);
    assert_eq!(
        s.cases[0]
            .answers
            .get("parent_insurance")
            .map(String::as_str),
        Some("employee_father")
    );
    // The citizen as a woman: her own employer's insurance.
    let mut her: serde_json::Value = serde_json::from_str(&raw).unwrap();
    her["vault"]["facts"]["me"]["sex"][0]["value"] = "female".into();
    let (s, _) = AppState::from_stored(Some(&her.to_string()));
    assert_eq!(
        s.cases[0]
            .answers
            .get("parent_insurance")
            .map(String::as_str),
        Some("employee_mother")
    );
    // Loaded twice, the same.
    let again = AppState::from_stored(Some(&serde_json::to_string(&s).unwrap())).0;
    assert_eq!(again.cases[0].answers, s.cases[0].answers);
}
