//! Postal codes to addresses (issue 27): the split files against a sample drawn from the
//! source itself by scripts/postal.py, and the offices named from a municipality.

use hitotsu::postal::{split, Block, Municipality, Place};
use std::collections::BTreeMap;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn block(prefix: &str) -> Option<Block> {
    let path = root().join("public/postal").join(format!("{prefix}.json"));
    let text = std::fs::read_to_string(path).ok()?;
    Some(Block::parse(&text).unwrap_or_else(|e| panic!("{prefix}.json: {e}")))
}

fn lookup(raw: &str) -> Vec<Place> {
    let Some((prefix, last4)) = split(raw) else {
        return vec![];
    };
    block(&prefix).map_or(vec![], |b| b.places(&last4))
}

fn town(raw: &str) -> Vec<(String, String)> {
    lookup(raw)
        .into_iter()
        .map(|p| (p.municipality.name, p.town))
        .collect()
}

#[test]
fn every_code_of_the_sample_names_what_the_source_names() {
    #[derive(serde::Deserialize)]
    struct Sample {
        codes: Vec<Entry>,
    }
    #[derive(serde::Deserialize)]
    struct Entry {
        code: String,
        towns: Vec<(String, String, String, String)>,
    }
    let text = std::fs::read_to_string(root().join("tests/data/postal-sample.json")).unwrap();
    let sample: Sample = serde_json::from_str(&text).unwrap();
    assert!(
        sample.codes.len() > 500,
        "a sample of {}",
        sample.codes.len()
    );
    assert!(sample.codes.iter().any(|e| e.towns.len() > 1));
    for e in &sample.codes {
        let found: Vec<(String, String, String, String)> = lookup(&e.code)
            .into_iter()
            .map(|p| {
                let m = p.municipality;
                (m.code, m.prefecture, m.name, p.town)
            })
            .collect();
        assert_eq!(found, e.towns, "{}", e.code);
    }
}

#[test]
fn the_files_hold_every_code_the_about_file_counts() {
    let about: BTreeMap<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(root().join("public/postal/about.json")).unwrap(),
    )
    .unwrap();
    let mut codes = 0;
    let mut files = 0;
    for prefix in 0..1000 {
        if let Some(b) = block(&format!("{prefix:03}")) {
            codes += b.len();
            files += 1;
        }
    }
    assert_eq!(serde_json::json!(codes), about["codes"]);
    assert_eq!(serde_json::json!(files), about["files"]);
}

#[test]
fn a_code_as_people_type_it_gives_its_town() {
    let kitami = vec![("北見市".to_string(), "小泉".to_string())];
    for typed in [
        "090-0001",
        "0900001",
        "〒090-0001",
        "０９０－０００１",
        "090 0001",
    ] {
        assert_eq!(town(typed), kitami, "{typed}");
    }
    // A designated city's ward.
    assert_eq!(
        town("060-0042"),
        [("札幌市中央区".to_string(), "大通西".to_string())]
    );
    // One code over two wards: both offered, for the citizen to choose.
    assert_eq!(
        town("004-0000"),
        [
            ("札幌市厚別区".to_string(), String::new()),
            ("札幌市清田区".to_string(), String::new())
        ]
    );
    // A code not in the list, and what is no postal code at all.
    assert!(lookup("999-9999").is_empty());
    assert!(lookup("090-00").is_empty());
    assert!(split("12345").is_none());
}

fn muni(code: &str, prefecture: &str, name: &str) -> Municipality {
    Municipality {
        code: code.into(),
        prefecture: prefecture.into(),
        name: name.into(),
    }
}

#[test]
fn the_office_is_named_as_the_municipality_is() {
    let kitami = &lookup("090-0001")[0].municipality;
    assert_eq!(kitami.full_code(), "012084");
    assert_eq!(kitami.head(), "北見市長");
    assert_eq!(kitami.office(), "北見市役所");
    assert!(!kitami.is_designated_ward());

    let chuo = &lookup("060-0042")[0].municipality;
    assert_eq!(chuo.full_code(), "011011");
    assert!(chuo.is_designated_ward());
    assert_eq!(chuo.head(), "札幌市中央区長");
    assert_eq!(chuo.office(), "札幌市中央区役所");
    assert!(chuo.same_prefecture(kitami));

    let chiyoda = &lookup("100-0001")[0].municipality;
    assert!(
        !chiyoda.is_designated_ward(),
        "a special ward is a municipality"
    );
    assert_eq!(chiyoda.head(), "千代田区長");
    assert!(!chiyoda.same_prefecture(kitami));

    // A town in a district, a village on an island: the name their head goes by.
    let toya = &lookup("049-5600")[0].municipality;
    assert_eq!(toya.name, "虻田郡洞爺湖町");
    assert_eq!(
        (toya.head(), toya.office()),
        ("洞爺湖町長".into(), "洞爺湖町役場".into())
    );
    let miyake = &lookup("100-1101")[0].municipality;
    assert_eq!(miyake.name, "三宅島三宅村");
    assert_eq!(miyake.head(), "三宅村長");
    // An island's own name is kept where it is the municipality's.
    assert_eq!(muni("13361", "東京都", "大島町").head(), "大島町長");
    assert_eq!(muni("13382", "東京都", "御蔵島村").head(), "御蔵島村長");
    // A city with 郡 in its own name keeps it.
    assert_eq!(muni("07203", "福島県", "郡山市").head(), "郡山市長");
    assert_eq!(
        muni("15586", "新潟県", "岩船郡粟島浦村").head(),
        "粟島浦村長"
    );
    // Check digits of the 総務省 list.
    assert_eq!(muni("01100", "北海道", "札幌市").full_code(), "011002");
    assert_eq!(muni("01202", "北海道", "函館市").full_code(), "012025");
    assert_eq!(muni("40130", "福岡県", "福岡市").full_code(), "401307");
}
