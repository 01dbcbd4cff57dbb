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

/// The questions asked on the page of `question`: the question alone, or every asked
/// question of its group (a page of checkboxes), in order.
pub fn page<'e>(event: &'e Event, answers: &Answers, question: &str) -> Vec<&'e Question> {
    let asked = asked(event, answers);
    let Some(q) = asked.iter().find(|q| q.id == question) else {
        return vec![];
    };
    match &q.group {
        None => vec![*q],
        Some(g) => asked
            .into_iter()
            .filter(|x| x.group.as_ref() == Some(g))
            .collect(),
    }
}

/// The pages of the questions asked, each named by its first question.
fn pages<'e>(event: &'e Event, answers: &Answers) -> Vec<&'e Question> {
    let mut out: Vec<&Question> = Vec::new();
    for q in asked(event, answers) {
        let same_page = q.group.is_some() && out.last().is_some_and(|p| p.group == q.group);
        if !same_page {
            out.push(q);
        }
    }
    out
}

fn page_index(
    pages: &[&Question],
    event: &Event,
    answers: &Answers,
    current: &str,
) -> Option<usize> {
    let first = page(event, answers, current).first()?.id.clone();
    pages.iter().position(|q| q.id == first)
}

/// Which page this question is on, from 1: "question 7" is the seventh page she sees.
pub fn page_number(event: &Event, answers: &Answers, current: &str) -> Option<usize> {
    page_index(&pages(event, answers), event, answers, current).map(|i| i + 1)
}

/// The first question of the page after `current`'s, given the answers so far; None
/// after the last.
pub fn next_after<'e>(event: &'e Event, answers: &Answers, current: &str) -> Option<&'e Question> {
    let pages = pages(event, answers);
    let i = page_index(&pages, event, answers, current)?;
    pages.get(i + 1).copied()
}

/// The first question of the page before `current`'s.
pub fn previous_before<'e>(
    event: &'e Event,
    answers: &Answers,
    current: &str,
) -> Option<&'e Question> {
    let pages = pages(event, answers);
    let i = page_index(&pages, event, answers, current)?;
    i.checked_sub(1).map(|p| pages[p])
}

/// The checkbox that says none of a group's questions apply.
pub const NONE_OF_THESE: &str = "none";

/// The answers a group page gives: "yes" for each question checked, "no" for the rest;
/// all "no" for 「どれも該当しない」, which cannot go with another box. Nothing
/// checked is no answer: a page skipped unread must not say "no" to all.
pub fn check_group(
    members: &[&Question],
    checked: &[String],
) -> Result<Vec<(String, String)>, AnswerError> {
    let none = checked.iter().any(|c| c == NONE_OF_THESE);
    let chosen: Vec<&String> = checked.iter().filter(|c| *c != NONE_OF_THESE).collect();
    if chosen.iter().any(|c| !members.iter().any(|q| q.id == **c)) {
        return Err(AnswerError::NoChoice);
    }
    match (none, chosen.is_empty()) {
        (false, true) => Err(AnswerError::NothingChecked),
        (true, false) => Err(AnswerError::NoneWithOthers),
        _ => Ok(members
            .iter()
            .map(|q| {
                let yes = chosen.iter().any(|c| **c == q.id);
                (q.id.clone(), if yes { "yes" } else { "no" }.to_string())
            })
            .collect()),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum AnswerError {
    NoChoice,
    /// A group page with no box checked, not even 「どれも該当しない」.
    NothingChecked,
    /// 「どれも該当しない」 checked together with something that applies.
    NoneWithOthers,
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
