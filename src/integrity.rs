//! Whether a state's values hold together, beyond its shape: dates a life can have, ids
//! that are unique, references to people, cases and packets that exist, counters ahead of
//! every id they handed out. An imported file is checked before anything is replaced.

use crate::state::AppState;
use jiff::civil::Date;
use serde_json::Value;
use std::collections::BTreeSet;

/// The dates a citizen's records can hold: from the first day of 明治 (the earliest date
/// the date field reads) to a horizon far beyond any deadline.
pub const EARLIEST: Date = jiff::civil::date(1868, 1, 1);
pub const LATEST: Date = jiff::civil::date(2200, 12, 31);

/// The first thing found wrong, as it is written in the data.
#[derive(Clone, Debug, PartialEq)]
pub enum Invalid {
    /// A date outside EARLIEST..=LATEST.
    DateOutOfRange(String),
    /// Two cases, people or outbox items with one id.
    DuplicateId(String),
    /// A relation, role or fact about a person who is not in the household's list.
    UnknownPerson(String),
    /// An outbox item for a packet no case holds.
    UnknownPacket(String),
    /// A counter behind an id it already handed out: the next case or person would take
    /// an existing one's id (and its facts).
    Counter(String),
    /// An outbox time or count that is not a number a clock gives.
    BadNumber(String),
    /// A fact's history whose versions do not each start after the one before (two on
    /// one date): the phone's code for the counter could not carry it.
    HistoryOrder(String),
    /// More people than a household in hitotsu has.
    TooManyPeople(usize),
}

/// A counter of cases or people no device reaches by use (a million of either): a file
/// at it was not made by hitotsu, and the next id could not be given.
pub const MAX_COUNTER: u32 = 1_000_000;

/// Checks everything; the first problem found.
pub fn check(state: &AppState) -> Result<(), Invalid> {
    check_dates(state)?;
    let people = unique(state.vault.people.iter().map(|p| p.id.as_str()))?;
    if people.len() > crate::vault::MAX_PEOPLE {
        return Err(Invalid::TooManyPeople(people.len()));
    }
    for (owner, by_attribute) in &state.vault.facts {
        for (attribute, versions) in by_attribute {
            if versions.windows(2).any(|w| w[0].from >= w[1].from) {
                return Err(Invalid::HistoryOrder(format!("{owner}.{attribute}")));
            }
        }
    }
    let cases = unique(state.cases.iter().map(|c| c.id.as_str()))?;
    unique(state.outbox.items.iter().map(|i| i.id.as_str()))?;
    let known_person = |id: &str| people.contains(id);
    for r in &state.vault.relations {
        if let Some(id) = related(r).into_iter().find(|id| !known_person(id)) {
            return Err(Invalid::UnknownPerson(id.to_string()));
        }
    }
    for case in &state.cases {
        for id in case.roles.values().flatten() {
            if !known_person(id) {
                return Err(Invalid::UnknownPerson(id.clone()));
            }
        }
    }
    for owner in state.vault.facts.keys() {
        let is_owner = known_person(owner)
            || owner == crate::vault::HOUSEHOLD
            || cases.contains(owner.as_str());
        if !is_owner {
            return Err(Invalid::UnknownPerson(owner.clone()));
        }
    }
    let packets: BTreeSet<&str> = state
        .cases
        .iter()
        .flat_map(|c| c.packets.keys().map(String::as_str))
        .collect();
    for item in &state.outbox.items {
        if !packets.contains(item.id.as_str()) {
            return Err(Invalid::UnknownPacket(item.id.clone()));
        }
        let delivered_at = match &item.delivery {
            crate::outbox::Delivery::Delivered { at_ms, .. } => Some(*at_ms),
            _ => None,
        };
        if !clock_ms(item.next_try_ms) || delivered_at.is_some_and(|t| !clock_ms(t)) {
            return Err(Invalid::BadNumber(item.id.clone()));
        }
    }
    // Quiet hours are hours of a day: 24 or more would never end.
    if let Some(q) = state.notices.settings.quiet {
        if q.from > 23 || q.to > 23 {
            return Err(Invalid::BadNumber("notices.settings.quiet".into()));
        }
    }
    let highest = |ids: &mut dyn Iterator<Item = &str>, prefix: char| {
        ids.filter_map(|id| id.strip_prefix(prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
    };
    let last_case = highest(&mut state.cases.iter().map(|c| c.id.as_str()), 'c');
    if state.next_id <= last_case || state.next_id > MAX_COUNTER {
        return Err(Invalid::Counter(format!("next_id {}", state.next_id)));
    }
    let last_person = highest(
        &mut state
            .vault
            .people
            .iter()
            .map(|p| p.id.as_str())
            .chain(state.vault.facts.keys().map(String::as_str)),
        'p',
    );
    if state.vault.next_person <= last_person || state.vault.next_person > MAX_COUNTER {
        return Err(Invalid::Counter(format!(
            "next_person {}",
            state.vault.next_person
        )));
    }
    Ok(())
}

/// A time as the browser's clock gives it: whole milliseconds, not negative, within the
/// integers a double holds exactly (so it reads back as written; 1.2e20 would not).
fn clock_ms(t: f64) -> bool {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    t.is_finite() && (0.0..=MAX_SAFE).contains(&t) && t.fract() == 0.0
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>) -> Result<BTreeSet<&'a str>, Invalid> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(Invalid::DuplicateId(id.to_string()));
        }
    }
    Ok(seen)
}

fn related(r: &crate::vault::Relation) -> [&str; 2] {
    use crate::vault::Relation::*;
    match r {
        Spouse { a, b } | Sibling { a, b } => [a, b],
        Parent { parent, child } => [parent, child],
        Grandparent { grandparent, of } => [grandparent, of],
    }
}

/// Every date anywhere in the state, typed or kept as text (answers, fact values): what
/// reads as an ISO date must lie in EARLIEST..=LATEST.
fn check_dates(state: &AppState) -> Result<(), Invalid> {
    fn walk(v: &Value) -> Result<(), Invalid> {
        match v {
            Value::String(s) => match looks_like_date(s) {
                Some(d) if !(EARLIEST..=LATEST).contains(&d) => {
                    Err(Invalid::DateOutOfRange(s.clone()))
                }
                _ => Ok(()),
            },
            Value::Array(a) => a.iter().try_for_each(walk),
            Value::Object(o) => o.iter().try_for_each(|(k, v)| {
                if looks_like_date(k).is_some_and(|d| !(EARLIEST..=LATEST).contains(&d)) {
                    return Err(Invalid::DateOutOfRange(k.clone()));
                }
                walk(v)
            }),
            _ => Ok(()),
        }
    }
    walk(&serde_json::to_value(state).unwrap_or(Value::Null))
}

/// A text that is an ISO calendar date (2026-04-16, or jiff's -000001-01-01, +010000-…).
fn looks_like_date(s: &str) -> Option<Date> {
    let digits = s.trim_start_matches(['-', '+']);
    let shaped = s.len() <= 17
        && digits.len() >= 10
        && digits.as_bytes().get(digits.len() - 3) == Some(&b'-')
        && digits.as_bytes().get(digits.len() - 6) == Some(&b'-');
    if !shaped {
        return None;
    }
    crate::iso_date::parse(s)
}
