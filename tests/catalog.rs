//! The real catalog under public/catalog loads, and malformed files are refused with a
//! message that names the file, the entry and what is wrong.

use hitotsu::catalog::{Catalog, CatalogError};
use hitotsu::deadline::Deadline;
use hitotsu::i18n::Lang;

mod common;
use common::{catalog, event_files as events, read};

fn load_with(file: &str, edit: impl Fn(&mut serde_json::Value)) -> Result<Catalog, CatalogError> {
    let mut index = read("index.json");
    let mut fields = read("fields.json");
    let mut evs = events();
    let target = match file {
        "index.json" => &mut index,
        "fields.json" => &mut fields,
        f => &mut evs.iter_mut().find(|(n, _)| n == f).unwrap().1,
    };
    let mut v: serde_json::Value = serde_json::from_str(target).unwrap();
    edit(&mut v);
    *target = serde_json::to_string(&v).unwrap();
    Catalog::load(&index, &fields, &evs)
}

#[test]
fn the_shipped_catalog_loads_with_enough_procedures() {
    let c = catalog();
    let count = |id: &str| c.event(id).unwrap().procedures.len();
    assert!(count("birth") >= 8, "birth has {}", count("birth"));
    assert!(count("moving") >= 10, "moving has {}", count("moving"));
    assert!(count("death") >= 15, "death has {}", count("death"));
    for e in &c.events {
        for p in &e.procedures {
            for lang in Lang::ALL {
                assert!(!p.title.get(lang).is_empty());
            }
            assert!(p.source.starts_with("https://"), "{} cites a source", p.id);
            // A procedure with no period in law says why in its note.
            if let Deadline::NoFixed { note } = &p.deadline {
                assert!(note.missing().is_none());
            }
        }
    }
}

fn expect_error(result: Result<Catalog, CatalogError>, file: &str, entry: &str, words: &str) {
    let e = result.expect_err("a malformed catalog must be refused");
    assert_eq!(e.file, file, "{e}");
    assert!(
        e.entry.contains(entry),
        "entry of {e} should contain {entry}"
    );
    assert!(
        e.message.contains(words),
        "message of {e} should say {words}"
    );
    assert!(e.to_string().starts_with(file));
}

#[test]
fn broken_json_names_the_file_and_position() {
    let e = Catalog::load("{\"version\": 1,", &read("fields.json"), &events()).unwrap_err();
    assert_eq!(e.file, "index.json");
    assert!(e.message.contains("EOF"), "{e}");
}

#[test]
fn a_wrong_type_names_the_entry() {
    expect_error(
        load_with("death.json", |v| {
            v["procedures"][3]["deadline"]["length"] = serde_json::json!({"weeks": 2})
        }),
        "death.json",
        "procedures[3].deadline",
        "unknown variant",
    );
}

#[test]
fn an_unknown_field_is_refused() {
    expect_error(
        load_with("birth.json", |v| {
            v["procedures"][0]["dependson"] = serde_json::json!([])
        }),
        "birth.json",
        "procedures[0]",
        "unknown field `dependson`",
    );
}

#[test]
fn a_missing_translation_is_refused() {
    expect_error(
        load_with("moving.json", |v| {
            v["procedures"][2]["title"]["easy"] = serde_json::json!(" ")
        }),
        "moving.json",
        "procedures[2] (moving_in).title",
        "easy text is empty",
    );
}

#[test]
fn references_are_checked() {
    expect_error(
        load_with("birth.json", |v| {
            v["procedures"][1]["agency"] = serde_json::json!("moon_office")
        }),
        "birth.json",
        "agency",
        "moon_office",
    );
    expect_error(
        load_with("birth.json", |v| {
            v["procedures"][0]["fields"][0] = serde_json::json!("shoe_size")
        }),
        "birth.json",
        "fields",
        "field dictionary",
    );
    // A fact a procedure can wait for is one of its own fields.
    expect_error(
        load_with("birth.json", |v| {
            v["procedures"][0]["can_wait"] = serde_json::json!(["death_date"])
        }),
        "birth.json",
        "procedures[0] (birth_registration).can_wait",
        "\"death_date\" is not one of its fields",
    );
    expect_error(
        load_with("birth.json", |v| {
            v["procedures"][0]["bring"][0] = serde_json::json!("nothing")
        }),
        "birth.json",
        "bring",
        "not a document",
    );
    expect_error(
        load_with("death.json", |v| {
            v["procedures"][0]["deadline"]["anchor"] = serde_json::json!("will")
        }),
        "death.json",
        "deadline.anchor",
        "not a date question",
    );
    expect_error(
        load_with("moving.json", |v| {
            v["procedures"][0]["when"] = serde_json::json!({"eq": ["move_kind", "to_the_moon"]})
        }),
        "moving.json",
        "when",
        "can never be",
    );
    expect_error(
        load_with("moving.json", |v| {
            v["questions"][0]["when"] = serde_json::json!({"eq": ["has_card", "yes"]})
        }),
        "moving.json",
        "questions[0] (move_kind).when",
        "not an earlier question",
    );
    expect_error(
        load_with("death.json", |v| {
            v["procedures"][0]["source"] = serde_json::json!("http://example.org")
        }),
        "death.json",
        "source",
        "https://",
    );
}

#[test]
fn dependency_cycles_and_duplicates_are_refused() {
    expect_error(
        load_with("birth.json", |v| {
            v["procedures"][0]["depends_on"] = serde_json::json!(["child_allowance"])
        }),
        "birth.json",
        "procedures",
        "circle",
    );
    expect_error(
        load_with("birth.json", |v| {
            v["procedures"][1]["id"] = serde_json::json!("birth_registration")
        }),
        "birth.json",
        "procedures",
        "used twice",
    );
}

#[test]
fn index_problems_are_named() {
    expect_error(
        load_with("index.json", |v| v["version"] = serde_json::json!(7)),
        "index.json",
        "version",
        "reads version 1",
    );
    let e = Catalog::load(&read("index.json"), &read("fields.json"), &events()[..2]).unwrap_err();
    assert_eq!(e.file, "death.json");
    assert!(e.message.contains("could not be read"));
}

/// The shipped files are pretty-printed: the entry is found from the reader's line and
/// column in the file as written, not only in one-line JSON.
#[test]
fn the_entry_is_named_in_a_file_as_written() {
    let src = read("birth.json");
    let broken = src.replacen("\"bring\": [", "\"bring\": [\"seal\", 5, ", 1);
    let mut evs = events();
    evs.iter_mut().find(|(n, _)| n == "birth.json").unwrap().1 = broken;
    let e = Catalog::load(&read("index.json"), &read("fields.json"), &evs).unwrap_err();
    assert_eq!(e.file, "birth.json");
    assert_eq!(e.entry, "procedures[0].bring[1]", "{e}");
    assert!(e.message.contains("invalid type: integer `5`"), "{e}");
    // A struct missing a field is named itself.
    let src = read("birth.json");
    let broken = src.replacen("\n  \"id\": \"birth\",", "", 1);
    assert_ne!(broken, src);
    let mut evs = events();
    evs.iter_mut().find(|(n, _)| n == "birth.json").unwrap().1 = broken;
    let e = Catalog::load(&read("index.json"), &read("fields.json"), &evs).unwrap_err();
    assert!(e.message.contains("missing field `id`"), "{e}");
    assert_eq!(e.entry, "", "the event itself lacks its id: {e}");
}

#[test]
fn json_paths_follow_objects_arrays_and_strings() {
    use hitotsu::catalog::json_path_at;
    let src = "{\"a\": [1, {\"b\": \"x,]}\", \"c\": [true, 7]}], \"d\": {}}";
    let at = |needle: &str| src.find(needle).unwrap() + needle.len();
    assert_eq!(json_path_at(src, at("[1")), "a[0]");
    assert_eq!(json_path_at(src, at("\"x,]}\"")), "a[1].b");
    assert_eq!(json_path_at(src, at("7")), "a[1].c[1]");
    assert_eq!(json_path_at(src, at("7]")), "a[1].c");
    assert_eq!(json_path_at(src, at("7]}")), "a[1]");
    assert_eq!(json_path_at(src, at("\"d\": {}")), "d");
    assert_eq!(json_path_at(src, 0), "");
}

#[test]
fn an_event_without_questions_or_with_an_endless_period_is_refused() {
    expect_error(
        load_with("birth.json", |v| v["questions"] = serde_json::json!([])),
        "birth.json",
        "questions",
        "no questions",
    );
    // A period of thousands of years would overflow the date arithmetic (or become a wrong
    // deadline): no procedure in law runs longer than ten years.
    expect_error(
        load_with("death.json", |v| {
            v["procedures"][3]["deadline"]["length"] = serde_json::json!({"years": 5000})
        }),
        "death.json",
        "procedures[3] (",
        "between",
    );
    expect_error(
        load_with("death.json", |v| {
            v["procedures"][3]["deadline"]["length"] = serde_json::json!({"days": 0})
        }),
        "death.json",
        "procedures[3] (",
        "between",
    );
}

/// Any anchor day the vault can hold, every deadline of the catalog: a due date or none,
/// never a panic (the far ends of the calendar included).
#[test]
fn no_deadline_panics_at_the_ends_of_the_calendar() {
    let catalog = Catalog::load(&read("index.json"), &read("fields.json"), &events()).unwrap();
    let closed = catalog.closed_days();
    for event in &catalog.events {
        for p in &event.procedures {
            for anchor in [
                jiff::civil::date(-9999, 1, 1),
                jiff::civil::date(1868, 1, 1),
                jiff::civil::date(2200, 12, 31),
                jiff::civil::date(9999, 12, 31),
                jiff::civil::date(9999, 1, 31),
            ] {
                let _ = hitotsu::deadline::compute(&p.deadline, anchor, &closed);
            }
        }
    }
}

#[test]
fn a_rule_that_lives_in_an_enforcement_regulation_links_the_regulation() {
    // e-Gov law ids: "AC" an Act, "CO" a cabinet order, "M" a ministerial ordinance. A
    // procedure whose basis is first of all a 施行規則 (the pension death notice's 10 and
    // 14 days) must not send the citizen to the Act, where the rule is not.
    let c = catalog();
    for e in &c.events {
        for p in &e.procedures {
            let basis = p.legal_basis.get(Lang::Ja);
            let first = basis.split(['、', '・']).next().unwrap_or("");
            if first.contains("施行規則") {
                let id = p.source.rsplit('/').next().unwrap_or("");
                assert!(
                    id.len() == 15 && id[3..].starts_with('M'),
                    "{}: {basis} links {}",
                    p.id,
                    p.source
                );
            }
        }
    }
}

#[test]
fn every_fact_a_field_names_has_words_of_its_own() {
    // A page that names a fact (my information, the counter code's caption) names it by its
    // attribute: without a label it showed the raw id ("birth_time").
    let c = catalog();
    for (id, f) in &c.fields.fields {
        if f.derived.is_some() {
            continue;
        }
        let attribute = f.attribute(id);
        for lang in Lang::ALL {
            let label = c.attribute_label(attribute, attribute, lang);
            assert!(
                label != attribute && !label.is_empty(),
                "{id}: the fact {attribute} has no {lang:?} label"
            );
        }
    }
}

#[test]
fn every_procedure_names_who_files_or_claims_it() {
    // Read from the files themselves: a procedure without the key would fall back to the
    // citizen, which the law rarely says (所得税法124条・125条: the heirs; 厚年則41条: the
    // informant of the death).
    for (file, text) in common::event_files() {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        for p in v["procedures"].as_array().unwrap() {
            assert!(
                p.get("claimant").and_then(|c| c.as_str()).is_some(),
                "{file}: {} names no claimant",
                p["id"]
            );
        }
    }
    let c = catalog();
    let death = c.event("death").unwrap();
    let role = |id: &str| {
        death
            .procedures
            .iter()
            .find(|p| p.id == id)
            .unwrap()
            .claimant
    };
    use hitotsu::household::Claimant;
    assert_eq!(role("pension_death_notice"), Claimant::Informant);
    assert_eq!(role("quasi_final_return"), Claimant::Heir);
    assert_eq!(role("previous_year_return"), Claimant::Heir);
}

/// The index of a question in an event file, by its id.
fn question_at(v: &serde_json::Value, id: &str) -> usize {
    v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|q| q["id"] == id)
        .unwrap()
}

/// A group's page shows its questions at once as checkboxes: each is a yes-no question
/// with its checkbox's words, they follow one another, none is asked by another's
/// answer, and the group exists.
#[test]
fn a_group_of_questions_is_checked() {
    expect_error(
        load_with("death.json", |v| {
            let i = question_at(v, "pension");
            v["questions"][i]["item"] = serde_json::Value::Null;
        }),
        "death.json",
        "(pension).group",
        "needs its item",
    );
    expect_error(
        load_with("death.json", |v| {
            let i = question_at(v, "will");
            v["questions"][i]["group"] = serde_json::json!("about_deceased");
            v["questions"][i]["item"] = v["questions"][i]["text"].clone();
        }),
        "death.json",
        "(will).group",
        "only a yes-no question",
    );
    // funeral_done is yes-no, but far from the group's others.
    expect_error(
        load_with("death.json", |v| {
            let i = question_at(v, "funeral_done");
            v["questions"][i]["group"] = serde_json::json!("about_deceased");
            v["questions"][i]["item"] = v["questions"][i]["text"].clone();
        }),
        "death.json",
        "(funeral_done).group",
        "follow one another",
    );
    expect_error(
        load_with("death.json", |v| {
            let i = question_at(v, "householder");
            v["questions"][i]["when"] = serde_json::json!({"eq": ["pension", "yes"]});
        }),
        "death.json",
        "(householder).group",
        "the answer to \"pension\", a question on the same page",
    );
    expect_error(
        load_with("death.json", |v| {
            let i = question_at(v, "pension");
            v["questions"][i]["group"] = serde_json::json!("about_the_moon");
        }),
        "death.json",
        "(pension).group",
        "not a group of this event",
    );
    expect_error(
        load_with("death.json", |v| {
            let i = question_at(v, "will");
            v["questions"][i]["item"] = v["questions"][i]["text"].clone();
        }),
        "death.json",
        "(will).item",
        "only a question in a group",
    );
    expect_error(
        load_with("death.json", |v| {
            let i = question_at(v, "known_date");
            v["questions"][i]["propose"] = serde_json::json!("funeral_date");
        }),
        "death.json",
        "(known_date).propose",
        "not an earlier date question",
    );
}
