//! One life event the citizen is going through: its answers, the people who play a part
//! in it, what is done, and the packets prepared, handed over or sent.

use crate::condition::Answers;
use crate::household::Role;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub event: String,
    #[serde(with = "crate::iso_date")]
    pub started: Date,
    pub answers: Answers,
    /// What is in a field right now, accepted or not: a reload shows exactly this.
    #[serde(default)]
    pub drafts: BTreeMap<String, String>,
    /// The page the citizen is on, where the case resumes.
    pub step: Step,
    /// Procedures the citizen marked as done.
    #[serde(default)]
    pub done: BTreeSet<String>,
    /// Who plays each part: the baby, the deceased, who moves, the heirs, the 喪主.
    #[serde(default)]
    pub roles: BTreeMap<Role, Vec<String>>,
    /// The "who is who" page was confirmed for this case.
    #[serde(default)]
    pub people_confirmed: bool,
    /// Packets prepared, handed over or sent, by packet id.
    #[serde(default)]
    pub packets: BTreeMap<String, PacketRecord>,
    /// The day each heir other than the citizen learned of the death (ISO dates by person):
    /// their own period to renounce runs from it (民法915条1項). The citizen's is the
    /// answer to "when did you learn of it".
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub learned: BTreeMap<String, String>,
    /// Facts the citizen does not know yet (「まだ分からない」), by `Ask::open_key`: only
    /// those the catalog says a procedure can be filed without (`Field::can_wait`). They
    /// hold back no page and no packet that does not use them; a packet that does use one
    /// names it as missing.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub open: BTreeSet<String>,
}

/// Where a case stands: a question, or a page after the questionnaire. Stored as a
/// plain string ("plan", or the question's id), as version 2 stored it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Step {
    Question(String),
    Plan,
    People,
    Details(String),
    Check,
    Send,
    Receipts,
}

impl From<String> for Step {
    fn from(s: String) -> Step {
        match s.as_str() {
            "plan" => Step::Plan,
            "people" => Step::People,
            "check" => Step::Check,
            "send" => Step::Send,
            "receipts" => Step::Receipts,
            _ => match s.strip_prefix("details:") {
                Some(owner) => Step::Details(owner.into()),
                None => Step::Question(s),
            },
        }
    }
}

impl From<Step> for String {
    fn from(s: Step) -> String {
        match s {
            Step::Question(q) => q,
            Step::Plan => "plan".into(),
            Step::People => "people".into(),
            Step::Details(o) => format!("details:{o}"),
            Step::Check => "check".into(),
            Step::Send => "send".into(),
            Step::Receipts => "receipts".into(),
        }
    }
}

impl Step {
    /// The step names a question id may not take.
    pub const RESERVED: [&'static str; 5] = ["plan", "people", "check", "send", "receipts"];

    /// Past the questionnaire.
    pub fn after_questions(&self) -> bool {
        !matches!(self, Step::Question(_))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PacketStatus {
    /// A filled-in sheet was prepared for the counter; not yet given to anyone.
    Prepared,
    /// The citizen handed the prepared sheet over at the counter.
    HandedOver,
    /// Queued for, or accepted by, the deployment's endpoint.
    Sent,
    Received,
    NeedsAction,
    Done,
}

impl PacketStatus {
    /// The recipient has it (or it is on its way through the outbox).
    pub fn provided(self) -> bool {
        self != PacketStatus::Prepared
    }
}

/// One form of a packet: a procedure and its fields' values, as taken for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Form {
    pub procedure: String,
    /// (field, value) in the procedure's order; an empty value is left blank on purpose.
    pub facts: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PacketRecord {
    pub id: String,
    pub agency: String,
    pub procedures: Vec<String>,
    pub documents: Vec<String>,
    pub status: PacketStatus,
    /// This device's own reference for the packet; not a reception number.
    pub reference: String,
    /// The recipient's reception number (受付番号), once it has given one.
    #[serde(default)]
    pub receipt: Option<String>,
    /// The day it was prepared or sent.
    #[serde(with = "crate::iso_date")]
    pub date: Date,
    /// The day it was handed over at the counter.
    #[serde(default, with = "crate::iso_date::option")]
    pub handed_over: Option<Date>,
    /// The day the recipient's present status was first reported (its notice's day).
    #[serde(default, with = "crate::iso_date::option")]
    pub status_since: Option<Date>,
    /// What the forms carried when prepared.
    #[serde(default)]
    pub forms: Vec<Form>,
    /// The facts its hand-over marked as used, each with the day it was last used
    /// before: taking the hand-over back puts those days back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used_before: Vec<UsedBefore>,
}

/// A fact a hand-over used (its version holding on `at`) and the day it was last used
/// before (None: never).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UsedBefore {
    pub key: crate::vault::FactKey,
    #[serde(with = "crate::iso_date")]
    pub at: Date,
    #[serde(default, with = "crate::iso_date::option")]
    pub last_used: Option<Date>,
}

impl Case {
    /// The record of the packet that carries this procedure, if any.
    pub fn packet_of(&self, procedure: &str) -> Option<&PacketRecord> {
        self.packets
            .values()
            .find(|r| r.procedures.iter().any(|p| p == procedure))
    }

    pub fn role(&self, role: Role) -> &[String] {
        self.roles.get(&role).map_or(&[], Vec::as_slice)
    }

    pub fn first(&self, role: Role) -> Option<&str> {
        self.role(role).first().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_stored_as_version_2_stored_them() {
        for (step, stored) in [
            (Step::Plan, "plan"),
            (Step::Question("birth_date".into()), "birth_date"),
            (Step::Details("p1".into()), "details:p1"),
        ] {
            assert_eq!(
                serde_json::to_string(&step).unwrap(),
                format!("\"{stored}\"")
            );
            assert_eq!(
                serde_json::from_str::<Step>(&format!("\"{stored}\"")).unwrap(),
                step
            );
        }
        assert!(!Step::Question("x".into()).after_questions() && Step::Receipts.after_questions());
    }
}
