//! The plan: for one citizen and one event, the procedures that apply, each with its due
//! date, what it waits for, grouped by urgency and in the order they must be done.

use crate::calendar::ClosedDays;
use crate::catalog::{Event, Procedure};
use crate::condition::Answers;
use crate::deadline::{compute, Due};
use crate::questionnaire::effective_answers;
use jiff::civil::Date;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Overdue,
    Week,
    Month,
    Later,
    /// No period in law, or its anchor date is not known yet.
    NoFixed,
    Done,
}

#[derive(Clone, Debug)]
pub struct PlanItem<'e> {
    pub procedure: &'e Procedure,
    pub due: Option<Due>,
    /// Days from today to the due date; negative when overdue.
    pub days_left: Option<i32>,
    pub group: Group,
    /// Procedures of this plan, not yet done, that must come first.
    pub waits_for: Vec<&'e Procedure>,
    pub done: bool,
}

#[derive(Clone, Debug)]
pub struct Plan<'e> {
    pub items: Vec<PlanItem<'e>>,
}

impl<'e> Plan<'e> {
    pub fn group(&self, g: Group) -> impl Iterator<Item = &PlanItem<'e>> {
        self.items.iter().filter(move |i| i.group == g)
    }
}

fn group_for(days_left: Option<i32>, done: bool) -> Group {
    match (done, days_left) {
        (true, _) => Group::Done,
        (false, None) => Group::NoFixed,
        (false, Some(d)) if d < 0 => Group::Overdue,
        (false, Some(0..=7)) => Group::Week,
        (false, Some(8..=30)) => Group::Month,
        (false, Some(_)) => Group::Later,
    }
}

pub fn build<'e>(event: &'e Event, answers: &Answers, done: &BTreeSet<String>, today: Date, closed: &ClosedDays) -> Plan<'e> {
    let answers = effective_answers(event, answers);
    let applying: Vec<&Procedure> = event.procedures.iter().filter(|p| p.when.holds(&answers)).collect();
    let mut items: Vec<PlanItem> = applying
        .iter()
        .map(|p| {
            let anchor = p.deadline.anchor().and_then(|a| answers.get(a)).and_then(|a| a.parse::<Date>().ok());
            let due = anchor.and_then(|a| compute(&p.deadline, a, closed));
            let days_left = due.as_ref().map(|d| today.until(d.due).map_or(0, |s| s.get_days()));
            let is_done = done.contains(&p.id);
            let waits_for = p
                .depends_on
                .iter()
                .filter(|d| !done.contains(*d))
                .filter_map(|d| applying.iter().find(|a| a.id == **d).copied())
                .collect();
            PlanItem { procedure: p, due, days_left, group: group_for(days_left, is_done), waits_for, done: is_done }
        })
        .collect();
    // Most urgent first, then by due date, then as the catalog lists them (stable sort);
    // then a procedure never comes before what it depends on.
    items.sort_by_key(|i| (i.group, i.due.as_ref().map(|d| d.due)));
    let mut ordered: Vec<PlanItem> = Vec::with_capacity(items.len());
    while !items.is_empty() {
        let ready = items
            .iter()
            .position(|i| i.waits_for.iter().all(|w| ordered.iter().any(|o| o.procedure.id == w.id)))
            .unwrap_or(0);
        ordered.push(items.remove(ready));
    }
    Plan { items: ordered }
}
