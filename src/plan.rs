//! The plan: for one case, the procedures that apply, each with its due date, who files
//! it, where it stands, what it waits for, grouped by urgency and in the order they must
//! be done; and what to do first, grouped into trips to one recipient each.

use crate::calendar::ClosedDays;
use crate::case::PacketStatus;
use crate::catalog::{Closure, Procedure};
use crate::deadline::{compute, Due};
use crate::resolve::CaseScope;
use jiff::civil::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Overdue,
    Week,
    Month,
    Later,
    /// No period in law, or its anchor date is not known yet.
    NoFixed,
    /// Done, handed over, sent, or closed: never overdue.
    Done,
}

/// Where a procedure stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ItemState<'e> {
    Open,
    /// A sheet is prepared but not yet handed over: still to do.
    Prepared,
    /// Marked done by the citizen.
    Done,
    /// Handed over or sent; with the recipient's status.
    Provided(PacketStatus),
    /// An answer made it moot or shows it was done already.
    Closed(&'e Closure),
}

impl ItemState<'_> {
    pub fn settled(&self) -> bool {
        matches!(
            self,
            ItemState::Done | ItemState::Provided(_) | ItemState::Closed(_)
        )
    }
}

#[derive(Clone, Debug)]
pub struct PlanItem<'e> {
    pub procedure: &'e Procedure,
    pub due: Option<Due>,
    /// Days from today to the due date; negative when overdue.
    pub days_left: Option<i32>,
    pub group: Group,
    /// Procedures of this plan, not yet settled, that must come first.
    pub waits_for: Vec<&'e Procedure>,
    pub state: ItemState<'e>,
    /// Who files it, when known (a person id).
    pub claimant: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Plan<'e> {
    pub items: Vec<PlanItem<'e>>,
}

/// One trip: the open procedures at one recipient that are due soonest, and everything
/// to bring, once.
#[derive(Clone, Debug)]
pub struct Trip<'p, 'e> {
    pub agency: &'e str,
    pub items: Vec<&'p PlanItem<'e>>,
    pub bring: Vec<&'e str>,
    /// The earliest due date among them.
    pub due: Option<Date>,
}

impl<'e> Plan<'e> {
    pub fn group(&self, g: Group) -> impl Iterator<Item = &PlanItem<'e>> {
        self.items.iter().filter(move |i| i.group == g)
    }

    /// The take-home summary: what is done (marked done, handed over or sent) and what is
    /// left to do, the soonest due first (none due last); what an answer closed is neither.
    pub fn take_home(&self) -> (Vec<&PlanItem<'e>>, Vec<&PlanItem<'e>>) {
        let done = self
            .items
            .iter()
            .filter(|i| matches!(i.state, ItemState::Done | ItemState::Provided(_)))
            .collect();
        let mut left: Vec<&PlanItem<'e>> = self
            .items
            .iter()
            .filter(|i| matches!(i.state, ItemState::Open | ItemState::Prepared))
            .collect();
        left.sort_by_key(|i| {
            (
                i.due.as_ref().map(|d| d.due).is_none(),
                i.due.as_ref().map(|d| d.due),
            )
        });
        (done, left)
    }

    pub fn settled_count(&self) -> usize {
        self.items.iter().filter(|i| i.state.settled()).count()
    }

    /// What to do first: the open procedures of the most urgent group among overdue,
    /// this week and this month, by recipient (one visit each).
    pub fn first_trips(&self) -> Option<(Group, Vec<Trip<'_, 'e>>)> {
        let group = [Group::Overdue, Group::Week, Group::Month]
            .into_iter()
            .find(|g| self.group(*g).next().is_some())?;
        let mut trips: Vec<Trip> = Vec::new();
        // Overdue and this week's go together: one visit covers both.
        let wanted = |g: Group| g == group || (group == Group::Overdue && g == Group::Week);
        for item in self.items.iter().filter(|i| wanted(i.group)) {
            let p = item.procedure;
            let i = match trips.iter().position(|t| t.agency == p.agency) {
                Some(i) => i,
                None => {
                    trips.push(Trip {
                        agency: &p.agency,
                        items: vec![],
                        bring: vec![],
                        due: None,
                    });
                    trips.len() - 1
                }
            };
            let trip = &mut trips[i];
            trip.items.push(item);
            for d in &p.bring {
                if !trip.bring.contains(&d.as_str()) {
                    trip.bring.push(d);
                }
            }
            let due = item.due.as_ref().map(|d| d.due);
            trip.due = match (trip.due, due) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        trips.sort_by_key(|t| t.due);
        Some((group, trips))
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier). Counted from the days'
/// difference rather than with jiff's `until`, whose span rounding brings jiff's whole error
/// text (tens of KB) into the app for a difference that cannot fail.
pub(crate) fn days_between(from: Date, to: Date) -> i32 {
    i32::try_from(from.duration_until(to).as_hours() / 24).unwrap_or(0)
}

fn group_for(days_left: Option<i32>, settled: bool) -> Group {
    match (settled, days_left) {
        (true, _) => Group::Done,
        (false, None) => Group::NoFixed,
        (false, Some(d)) if d < 0 => Group::Overdue,
        (false, Some(0..=7)) => Group::Week,
        (false, Some(8..=30)) => Group::Month,
        (false, Some(_)) => Group::Later,
    }
}

pub fn build<'e>(scope: &CaseScope<'e>, closed: &ClosedDays) -> Plan<'e> {
    let answers = scope.answers();
    let today = scope.today;
    let applying: Vec<&Procedure> = scope.applicable(&answers);
    let state_of = |p: &'e Procedure| -> ItemState<'e> {
        if let Some(c) = scope.closure(p, &answers) {
            ItemState::Closed(c)
        } else if scope.case.done.contains(&p.id) {
            ItemState::Done
        } else {
            match scope.case.packet_of(&p.id).map(|r| r.status) {
                Some(PacketStatus::Prepared) => ItemState::Prepared,
                Some(s) => ItemState::Provided(s),
                None => ItemState::Open,
            }
        }
    };
    let mut items: Vec<PlanItem> = applying
        .iter()
        .map(|p| {
            let anchor = p
                .deadline
                .anchor()
                .and_then(|a| answers.get(a))
                .and_then(|a| crate::iso_date::parse(a));
            let due = anchor.and_then(|a| compute(&p.deadline, a, closed));
            let days_left = due.as_ref().map(|d| days_between(today, d.due));
            let state = state_of(p);
            let waits_for = p
                .depends_on
                .iter()
                .filter_map(|d| applying.iter().find(|a| a.id == **d).copied())
                .filter(|d| !state_of(d).settled())
                .collect();
            let claimant = scope.claimant(p, &answers).ok();
            PlanItem {
                procedure: p,
                due,
                days_left,
                group: group_for(days_left, state.settled()),
                waits_for,
                state,
                claimant,
            }
        })
        .collect();
    // Most urgent first, then by due date, then as the catalog lists them (stable sort);
    // then a procedure never comes before what it depends on.
    items.sort_by_key(|i| (i.group, i.due.as_ref().map(|d| d.due)));
    let mut ordered: Vec<PlanItem> = Vec::with_capacity(items.len());
    while !items.is_empty() {
        let ready = items
            .iter()
            .position(|i| {
                i.waits_for
                    .iter()
                    .all(|w| ordered.iter().any(|o| o.procedure.id == w.id))
            })
            .unwrap_or(0);
        ordered.push(items.remove(ready));
    }
    Plan { items: ordered }
}

/// One heir's own period for a procedure each heir files on their own.
#[derive(Clone, Debug, PartialEq)]
pub struct HeirPeriod {
    pub person: String,
    /// The day they learned of the death; None: not known to the device.
    pub learned: Option<Date>,
    pub due: Option<Due>,
}

/// Each heir's own last day for a procedure each heir files (相続放棄: 3 months from the
/// day each learned that they inherit, 民法915条1項): the citizen's from their answer,
/// another heir's from the day the citizen recorded for them. Empty for other procedures.
pub fn each_heirs_own(scope: &CaseScope, p: &Procedure, closed: &ClosedDays) -> Vec<HeirPeriod> {
    if !p.each_heir {
        return Vec::new();
    }
    let answers = scope.answers();
    let mine = p
        .deadline
        .anchor()
        .and_then(|a| answers.get(a))
        .and_then(|a| crate::iso_date::parse(a));
    scope
        .case
        .role(crate::household::Role::Heirs)
        .iter()
        .map(|person| {
            let learned = if person == crate::vault::ME {
                mine
            } else {
                scope
                    .case
                    .learned
                    .get(person)
                    .and_then(|d| crate::iso_date::parse(d))
            };
            HeirPeriod {
                person: person.clone(),
                learned,
                due: learned.and_then(|d| compute(&p.deadline, d, closed)),
            }
        })
        .collect()
}
