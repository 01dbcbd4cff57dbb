//! When a question is asked or a procedure applies: a small condition language over the
//! questionnaire's answers, written in the catalog as JSON:
//! `"always"`, `{"eq": ["q", "value"]}`, `{"in": ["q", ["a", "b"]]}`, `{"lt": ["q", 2500]}`,
//! `{"day_in": ["q", "01-01", "03-15"]}` (a date answer's day of the year, inclusive),
//! `{"day_in_tax": ["q", "01-01", "03-15"]}` (the same, the last day being a tax deadline
//! that moves to the next open day of the tax office, 国税通則法10条2項),
//! `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Answers by question id, each in canonical form: an option id ("yes"/"no" for yes-no
/// questions), an ISO date, or a number in digits.
pub type Answers = BTreeMap<String, String>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    #[default]
    Always,
    Eq(String, String),
    In(String, Vec<String>),
    Lt(String, f64),
    /// A date answer whose month and day (MM-DD) lie within the range, inclusive.
    DayIn(String, String, String),
    /// As DayIn, the last day a tax deadline: when the tax office is closed that day (a
    /// Saturday, a Sunday, a holiday), the range runs to the next open day (国税通則法10条2項:
    /// 15 March 2026 is a Sunday, so the previous year's return was due on 16 March).
    DayInTax(String, String, String),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// An unanswered question satisfies no comparison (so `not` of it holds).
    pub fn holds(&self, answers: &Answers) -> bool {
        match self {
            Condition::Always => true,
            Condition::Eq(q, v) => answers.get(q) == Some(v),
            Condition::In(q, vs) => answers.get(q).is_some_and(|a| vs.contains(a)),
            Condition::Lt(q, n) => answers
                .get(q)
                .and_then(|a| a.parse::<f64>().ok())
                .is_some_and(|a| a < *n),
            Condition::DayIn(q, from, to) => answers
                .get(q)
                .and_then(|a| a.get(5..10))
                .is_some_and(|md| md >= from.as_str() && md <= to.as_str()),
            Condition::DayInTax(q, from, to) => {
                let Some(day) = answers.get(q).and_then(|a| crate::iso_date::parse(a)) else {
                    return false;
                };
                let md = |s: &str| -> Option<jiff::civil::Date> {
                    let (m, d) = s.split_once('-')?;
                    jiff::civil::Date::new(day.year(), m.parse().ok()?, d.parse().ok()?).ok()
                };
                let (Some(start), Some(last)) = (md(from), md(to)) else {
                    return false;
                };
                crate::calendar::ClosedDays::default()
                    .open_day(crate::calendar::Calendar::Tax, last, false)
                    .is_some_and(|last| day >= start && day <= last)
            }
            Condition::All(cs) => cs.iter().all(|c| c.holds(answers)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(answers)),
            Condition::Not(c) => !c.holds(answers),
        }
    }

    /// The questions whose answers make the condition hold, for these answers: of `any`,
    /// only the branches that hold; of `not`, the question it negates. Empty when it does
    /// not hold.
    pub fn held_by(&self, answers: &Answers) -> Vec<&str> {
        if !self.holds(answers) {
            return Vec::new();
        }
        match self {
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().flat_map(|c| c.held_by(answers)).collect()
            }
            Condition::Not(c) => c.references().into_iter().map(|(q, _)| q).collect(),
            other => other.references().into_iter().map(|(q, _)| q).collect(),
        }
    }

    /// Every (question, compared value) the condition refers to; the value is None for
    /// numeric comparisons. The catalog checks them against its questions.
    pub fn references(&self) -> Vec<(&str, Option<&str>)> {
        match self {
            Condition::Always => vec![],
            Condition::Eq(q, v) => vec![(q, Some(v))],
            Condition::In(q, vs) => vs.iter().map(|v| (q.as_str(), Some(v.as_str()))).collect(),
            Condition::Lt(q, _) | Condition::DayIn(q, ..) | Condition::DayInTax(q, ..) => {
                vec![(q, None)]
            }
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().flat_map(|c| c.references()).collect()
            }
            Condition::Not(c) => c.references(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn parses_and_evaluates() {
        let c: Condition = serde_json::from_str(
            r#"{"all": [{"in": ["move", ["other_city", "abroad_in"]]}, {"not": {"eq": ["card", "no"]}}, {"any": [{"lt": ["weight", 2500]}, "always"]}]}"#,
        )
        .unwrap();
        assert!(c.holds(&answers(&[("move", "other_city"), ("card", "yes")])));
        assert!(!c.holds(&answers(&[("move", "within_city"), ("card", "yes")])));
        assert!(!c.holds(&answers(&[("move", "abroad_in"), ("card", "no")])));
        assert!(
            c.holds(&answers(&[("move", "abroad_in")])),
            "unanswered card: not(eq) holds"
        );
    }

    #[test]
    fn a_day_of_the_year_range() {
        let c: Condition = serde_json::from_str(r#"{"day_in": ["d", "01-01", "03-15"]}"#).unwrap();
        assert!(c.holds(&answers(&[("d", "2027-03-15")])));
        assert!(c.holds(&answers(&[("d", "2027-01-01")])));
        assert!(!c.holds(&answers(&[("d", "2027-03-16")])));
        assert!(!c.holds(&answers(&[("d", "2026-11-30")])));
        assert!(!c.holds(&answers(&[])));
    }

    #[test]
    fn numeric_comparison_needs_a_number() {
        let c = Condition::Lt("w".into(), 2500.0);
        assert!(c.holds(&answers(&[("w", "2499")])));
        assert!(!c.holds(&answers(&[("w", "2500")])));
        assert!(!c.holds(&answers(&[("w", "heavy")])));
        assert!(!c.holds(&answers(&[])));
    }

    #[test]
    fn a_tax_deadline_on_a_closed_day_moves_the_end_of_the_range() {
        let c: Condition =
            serde_json::from_str(r#"{"day_in_tax": ["d", "01-01", "03-15"]}"#).unwrap();
        let on = |d: &str| c.holds(&answers(&[("d", d)]));
        // 15 March 2025 was a Saturday: due Monday 17 March.
        assert!(on("2025-03-17"));
        assert!(!on("2025-03-18"));
        // 15 March 2026 is a Sunday: due Monday 16 March.
        assert!(on("2026-03-16"));
        assert!(!on("2026-03-17"));
        // 15 March 2027 is a Monday: no move.
        assert!(on("2027-03-15"));
        assert!(!on("2027-03-16"));
        assert!(on("2027-01-01"));
        assert!(!on("2026-12-31"));
        assert!(!c.holds(&answers(&[])), "unanswered");
    }
}
