//! The computed holidays against the Cabinet Office's official list, year by year.

use hitotsu::holidays::holidays_of_year;
use std::collections::BTreeSet;

fn official() -> Vec<(i16, BTreeSet<(i8, i8)>)> {
    include_str!("data/syukujitsu.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let (year, days) = line.split_once(':').expect("YEAR: M/D ...");
            let days = days
                .split_whitespace()
                .map(|md| {
                    let (m, d) = md.split_once('/').expect("M/D");
                    (m.parse().unwrap(), d.parse().unwrap())
                })
                .collect();
            (year.trim().parse().unwrap(), days)
        })
        .collect()
}

#[test]
fn every_year_of_the_official_list_matches() {
    let years = official();
    assert_eq!(years.len(), 2027 - 1955 + 1, "the fixture covers 1955–2027");
    let mut wrong = Vec::new();
    for (year, expected) in years {
        let computed: BTreeSet<(i8, i8)> = holidays_of_year(year)
            .iter()
            .map(|(d, _)| (d.month(), d.day()))
            .collect();
        if computed != expected {
            let missing: Vec<_> = expected.difference(&computed).collect();
            let extra: Vec<_> = computed.difference(&expected).collect();
            wrong.push(format!("{year}: missing {missing:?}, extra {extra:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
