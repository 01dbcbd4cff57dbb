//! The eligibility questionnaire: which questions are asked, in which order, and whether
//! an answer is acceptable.

use crate::catalog::{DateRange, Event, FieldKind, Question, QuestionKind};
use crate::condition::Answers;
use crate::date_input::{parse_date, DateError};
use crate::fields::{self, FieldError};
use jiff::civil::Date;
use jiff::Span;

/// The questions asked for these answers, in order. A question is asked when its
/// condition holds over the answers to the questions asked before it; answers to
/// questions no longer asked are ignored (they stay stored, in case the citizen goes back).
pub fn asked<'e>(event: &'e Event, answers: &Answers) -> Vec<&'e Question> {
    let mut effective = Answers::new();
    let mut out = Vec::new();
    for q in &event.questions {
        if q.when.holds(&effective) {
            if let Some(a) = answers.get(&q.id) {
                effective.insert(q.id.clone(), a.clone());
            }
            out.push(q);
        }
    }
    out
}

/// Only the answers of the questions asked: what procedures and deadlines are built on.
pub fn effective_answers(event: &Event, answers: &Answers) -> Answers {
    asked(event, answers)
        .into_iter()
        .filter_map(|q| answers.get(&q.id).map(|a| (q.id.clone(), a.clone())))
        .collect()
}

/// Why a procedure is in the plan: each asked question its condition reads, with the
/// answer given, in the questionnaire's order ("did the person own a car?" — "a kei car").
/// Empty for a procedure every case of the event has.
pub fn reasons<'e>(
    event: &'e Event,
    when: &crate::condition::Condition,
    answers: &'e Answers,
) -> Vec<(&'e Question, &'e str)> {
    let effective = effective_answers(event, answers);
    let held = when.held_by(&effective);
    event
        .questions
        .iter()
        .filter(|q| held.contains(&q.id.as_str()) && effective.contains_key(&q.id))
        .filter_map(|q| answers.get(&q.id).map(|a| (q, a.as_str())))
        .collect()
}

/// The first asked question without an answer, or None when the questionnaire is complete.
pub fn first_unanswered<'e>(event: &'e Event, answers: &Answers) -> Option<&'e Question> {
    asked(event, answers)
        .into_iter()
        .find(|q| !answers.contains_key(&q.id))
}

/// The question after `current`, given the answers so far; None after the last.
pub fn next_after<'e>(event: &'e Event, answers: &Answers, current: &str) -> Option<&'e Question> {
    let asked = asked(event, answers);
    let pos = asked.iter().position(|q| q.id == current)?;
    asked.get(pos + 1).copied()
}

pub fn previous_before<'e>(
    event: &'e Event,
    answers: &Answers,
    current: &str,
) -> Option<&'e Question> {
    let asked = asked(event, answers);
    let pos = asked.iter().position(|q| q.id == current)?;
    pos.checked_sub(1).map(|p| asked[p])
}

#[derive(Clone, Debug, PartialEq)]
pub enum AnswerError {
    NoChoice,
    Date(DateError),
    DateInFuture,
    DateTooFarAhead,
    /// Earlier than the answer to another date question (its id).
    DateBefore(String),
    NumberEmpty,
    NotANumber,
    OutOfRange {
        min: f64,
        max: f64,
    },
}

/// Checks what the citizen gave for `q` and returns it in canonical form.
pub fn check_answer(
    q: &Question,
    raw: &str,
    answers: &Answers,
    today: Date,
) -> Result<String, AnswerError> {
    match q.kind {
        QuestionKind::Choice => q
            .options
            .iter()
            .find(|o| o.id == raw)
            .map(|o| o.id.clone())
            .ok_or(AnswerError::NoChoice),
        QuestionKind::YesNo => match raw {
            "yes" | "no" => Ok(raw.to_string()),
            _ => Err(AnswerError::NoChoice),
        },
        QuestionKind::Date => {
            let date = parse_date(raw).map_err(AnswerError::Date)?;
            // A year ahead, without jiff's panicking `years()` (its message would bring
            // jiff's error texts into the app).
            let a_year_ahead = Span::new()
                .try_years(1)
                .ok()
                .and_then(|y| today.checked_add(y).ok());
            match q.range {
                DateRange::Past if date > today => return Err(AnswerError::DateInFuture),
                DateRange::NearFuture if a_year_ahead.is_none_or(|l| date > l) => {
                    return Err(AnswerError::DateTooFarAhead)
                }
                _ => {}
            }
            if let Some(other) = &q.not_before {
                let earlier = answers.get(other).and_then(|a| crate::iso_date::parse(a));
                if earlier.is_some_and(|e| date < e) {
                    return Err(AnswerError::DateBefore(other.clone()));
                }
            }
            Ok(date.to_string())
        }
        QuestionKind::Number => {
            // The same normalising check as a number field of any form.
            let digits = fields::check(FieldKind::Number, raw).map_err(|e| match e {
                FieldError::Empty => AnswerError::NumberEmpty,
                _ => AnswerError::NotANumber,
            })?;
            let n: f64 = digits.parse().map_err(|_| AnswerError::NotANumber)?;
            let (min, max) = (q.min.unwrap_or(f64::MIN), q.max.unwrap_or(f64::MAX));
            if n < min || n > max {
                return Err(AnswerError::OutOfRange { min, max });
            }
            Ok(digits)
        }
    }
}
