//! Notices: what the app tells the citizen before they ask (プッシュ型通知).
//!
//! Derived, never stored: from the cases and their plans (a reminder ahead of each due
//! date, on the day, and once overdue), from the people of the vault and the life-stage
//! checkpoints of the catalog (`checkpoints.json`: health checkups, vaccinations, school,
//! turning 65 and 75), and from the statuses recipients reported for packets. The same
//! state and the same day always give the same notices with the same ids, so what the
//! citizen did with one (read, dismissed, snoozed; `Marks`) stays with it.
//!
//! One situation is one digest: notices of one case (or one person) shown on the same day
//! go together, so a birth's 出生届 and 児童手当 reminders are one message, not two.

use crate::calendar::ClosedDays;
use crate::case::PacketStatus;
use crate::catalog::Procedure;
use crate::catalog::{Catalog, CatalogError};
use crate::condition::Answers;
use crate::deadline::{add_days, Deadline, Due};
use crate::i18n::Text;
use crate::plan::{build, days_between};
use crate::state::AppState;
use jiff::civil::{Date, DateTime};
use jiff::Span;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How much a notice asks of the citizen. Ordered: the least first.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    /// For information.
    #[default]
    Info,
    /// Should know: something comes up they may want to prepare for.
    ShouldKnow,
    /// Must act: a legal duty falls due.
    MustAct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A procedure's due date: ahead, on the day, overdue.
    Deadline,
    /// A checkpoint of a person's life stage.
    LifeStage,
    /// A recipient's news about a packet.
    Status,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Deadline, Kind::LifeStage, Kind::Status];
}

/// Where a deadline notice stands against its due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// This many days before the due date.
    Ahead(i32),
    Due,
    Overdue,
}

/// What a notice is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum About {
    Deadline {
        case: String,
        event: String,
        procedure: String,
        due: Date,
        phase: Phase,
    },
    Checkpoint {
        person: String,
        checkpoint: String,
        /// The day it happens (a checkup's age, the school's first day, turning 65).
        at: Date,
    },
    Status {
        case: String,
        packet: String,
        agency: String,
        status: PacketStatus,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Stable: the same thing to tell has the same id at every recomputation; a due date
    /// that moves is a new thing to tell (its old notices go, new ones come).
    pub id: String,
    pub kind: Kind,
    pub importance: Importance,
    /// The first day it is shown.
    pub from: Date,
    /// The last day it is shown; None: until what it is about is settled.
    pub until: Option<Date>,
    /// The situation it belongs to (a case, a person): one digest per situation and day.
    pub bundle: String,
    pub about: About,
}

impl Notice {
    pub fn shown_on(&self, day: Date) -> bool {
        self.from <= day && self.until.is_none_or(|u| day <= u)
    }
}

/// The notices of one situation that start on one day: one message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digest {
    pub id: String,
    pub bundle: String,
    pub from: Date,
    /// The highest importance among its notices.
    pub importance: Importance,
    pub notices: Vec<Notice>,
}

/// How many days ahead a due date is recalled, by the length of its period: a short duty
/// early in proportion (half of a 7- or 14-day period) and again the day before, a long
/// one early in days but late in proportion (60 days of a 10-month period), with a second,
/// nearer reminder when the period is long enough for a first one to be forgotten.
pub fn reminders(period_days: i32) -> Vec<i32> {
    match period_days {
        ..=1 => vec![],
        2..=3 => vec![1],
        4..=31 => vec![(period_days + 1) / 2, 1],
        32..=124 => vec![30, 7],
        125..=366 => vec![60, 14],
        _ => vec![90, 30],
    }
}

/// A duty due by an event itself (転出届, before the move): its period is however long
/// before the event the citizen learns of it, so it is recalled a week, three days and the
/// day before.
pub const BY_EVENT: [i32; 3] = [7, 3, 1];

/// How many days before `due` (the day it is really due, after the closed days) a
/// procedure is recalled: by the length of its period as the law counts it, from its
/// anchor (an answer of the case, or the transitional start) to its nominal last day; a
/// closed-day move does not lengthen the period, so it does not bring the reminder earlier.
pub(crate) fn leads_of(p: &Procedure, answers: &Answers, due: &Due) -> Vec<i32> {
    match &p.deadline {
        Deadline::ByAnchor { .. } => BY_EVENT.to_vec(),
        Deadline::NoFixed { .. } => vec![],
        Deadline::Period { anchor, .. } => {
            let start = due
                .started_on
                .or_else(|| answers.get(anchor).and_then(|a| crate::iso_date::parse(a)));
            reminders(start.map_or(0, |a| days_between(a, due.last_day)))
        }
    }
}

/// A checkpoint of a life stage, as the catalog states it (`checkpoints.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    pub id: String,
    /// The day everything counts from.
    pub anchor: CheckpointAnchor,
    /// After the anchor (a negative offset: before it), as the calendar counts months.
    pub at: Offset,
    /// Shown this many days before the day, …
    pub lead_days: u16,
    /// … until this many days after it: a person added later is not told of a checkpoint
    /// long past.
    pub window_days: u16,
    pub importance: Importance,
    pub title: Text,
    pub body: Text,
    pub legal_basis: Text,
    pub source: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckpointAnchor {
    /// The day of birth.
    Birth,
    /// The day the person reaches the age `at` (years and months): the day before the
    /// corresponding day, or the month's end without one (年齢計算ニ関スル法律, 民法143条).
    AgeReached,
    /// The first day the person is over that age (「満1歳6か月を超え」, 75歳の誕生日):
    /// the day after it is reached.
    OverAge,
    /// The first day of elementary school (学校教育法17条1項: 1 April after reaching six).
    SchoolEntry,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offset {
    #[serde(default)]
    pub years: i16,
    #[serde(default)]
    pub months: i16,
    #[serde(default)]
    pub days: i16,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoints {
    /// What the file is, for whoever edits it.
    #[serde(default)]
    pub about: String,
    pub checkpoints: Vec<Checkpoint>,
}

impl Checkpoints {
    /// Reads and checks `checkpoints.json`: ids unique, every text in three languages, a
    /// source on the web, an offset the calendar can add.
    pub fn parse(json: &str) -> Result<Checkpoints, CatalogError> {
        let file = "checkpoints.json";
        let err = |entry: String, message: String| CatalogError {
            file: file.into(),
            entry,
            message,
        };
        let c: Checkpoints =
            serde_json::from_str(json).map_err(|e| err(String::new(), e.to_string()))?;
        let mut ids = BTreeSet::new();
        for (i, p) in c.checkpoints.iter().enumerate() {
            let entry = format!("checkpoints[{i}] ({})", p.id);
            if p.id.is_empty() || !ids.insert(p.id.as_str()) {
                return Err(err(entry, "an id must be given and unique".into()));
            }
            for (name, t) in [
                ("title", &p.title),
                ("body", &p.body),
                ("legal_basis", &p.legal_basis),
            ] {
                if [&t.ja, &t.en, &t.easy].iter().any(|s| s.trim().is_empty()) {
                    return Err(err(entry, format!("{name} needs ja, en and easy")));
                }
            }
            if !p.source.starts_with("https://") {
                return Err(err(entry, "the source must be an https: address".into()));
            }
            let o = p.at;
            let signs = [o.years, o.months, o.days].map(i16::signum);
            if signs.contains(&1) && signs.contains(&-1) {
                return Err(err(
                    entry,
                    "an offset goes one way: all ≥ 0 or all ≤ 0".into(),
                ));
            }
            let age_anchor = matches!(
                p.anchor,
                CheckpointAnchor::AgeReached | CheckpointAnchor::OverAge
            );
            if age_anchor && (o.years < 0 || o.months < 0 || o.years == 0 && o.months == 0) {
                return Err(err(entry, "an age needs its years or months".into()));
            }
        }
        Ok(c)
    }

    pub fn get(&self, id: &str) -> Option<&Checkpoint> {
        self.checkpoints.iter().find(|c| c.id == id)
    }
}

impl Checkpoint {
    /// The day this checkpoint falls on for someone born on `birth`.
    pub fn day_for(&self, birth: Date) -> Option<Date> {
        let o = self.at;
        let age = i32::from(o.years) * 12 + i32::from(o.months);
        let (base, years, months) = match self.anchor {
            CheckpointAnchor::Birth => (birth, o.years, o.months),
            CheckpointAnchor::AgeReached => (crate::household::reaches_months(birth, age)?, 0, 0),
            CheckpointAnchor::OverAge => (crate::household::over_age_months(birth, age)?, 0, 0),
            CheckpointAnchor::SchoolEntry => {
                (crate::household::school_entry(birth)?, o.years, o.months)
            }
        };
        let span = Span::new()
            .try_years(years)
            .and_then(|s| s.try_months(months))
            .and_then(|s| s.try_days(o.days))
            .ok()?;
        base.checked_add(span).ok()
    }
}

/// What the citizen did with a notice; kept in the stored state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    #[serde(default)]
    pub read: bool,
    #[serde(default)]
    pub dismissed: bool,
    /// Not shown before this day.
    #[serde(default, with = "crate::iso_date::option")]
    pub snoozed_until: Option<Date>,
}

/// A button on a system notification: the worker keeps which was pressed, on which
/// notices and when, until the app takes it into the stored marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acted {
    Read,
    /// Remind me tomorrow.
    Snoozed,
}

/// Quiet hours: no system notification from `from` o'clock to `to` o'clock (over
/// midnight when `from` > `to`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuietHours {
    pub from: u8,
    pub to: u8,
}

impl QuietHours {
    pub fn contains(&self, hour: u8) -> bool {
        match self.from.cmp(&self.to) {
            std::cmp::Ordering::Less => self.from <= hour && hour < self.to,
            std::cmp::Ordering::Greater => hour >= self.from || hour < self.to,
            std::cmp::Ordering::Equal => false,
        }
    }

    /// The first moment at or after `now` outside the quiet hours.
    pub fn next_allowed(&self, now: DateTime) -> DateTime {
        if !self.contains(now.hour() as u8) {
            return now;
        }
        let end = now.date().at(self.to as i8, 0, 0, 0);
        if end > now {
            end
        } else {
            now.date()
                .tomorrow()
                .map_or(now, |d| d.at(self.to as i8, 0, 0, 0))
        }
    }
}

/// The citizen's choices about notices, remembered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeSettings {
    /// The kinds they want; all by default.
    #[serde(default = "all_kinds")]
    pub kinds: BTreeSet<Kind>,
    /// The lowest importance shown.
    #[serde(default)]
    pub lowest: Importance,
    /// No system notification at night, by default from 21:00 to 8:00.
    #[serde(default = "night")]
    pub quiet: Option<QuietHours>,
    /// System notifications: off until the citizen turns them on (and the browser allows).
    #[serde(default)]
    pub system: bool,
}

fn all_kinds() -> BTreeSet<Kind> {
    Kind::ALL.into_iter().collect()
}

fn night() -> Option<QuietHours> {
    Some(QuietHours { from: 21, to: 8 })
}

impl Default for NoticeSettings {
    fn default() -> Self {
        NoticeSettings {
            kinds: all_kinds(),
            lowest: Importance::Info,
            quiet: night(),
            system: false,
        }
    }
}

/// What the stored state keeps of notices: the citizen's settings and marks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeBook {
    #[serde(default)]
    pub settings: NoticeSettings,
    /// By notice id. Marks of notices that no longer exist are dropped by `tidy`.
    #[serde(default)]
    pub marks: BTreeMap<String, Mark>,
}

impl NoticeBook {
    pub fn mark(&self, id: &str) -> Mark {
        self.marks.get(id).cloned().unwrap_or_default()
    }

    /// Whether the citizen sees this notice on `day`: its time, its kind and importance
    /// wanted, not dismissed, not snoozed.
    pub fn wants(&self, n: &Notice, day: Date) -> bool {
        let m = self.mark(&n.id);
        n.shown_on(day)
            && self.settings.kinds.contains(&n.kind)
            && n.importance >= self.settings.lowest
            && !m.dismissed
            && m.snoozed_until.is_none_or(|s| day >= s)
    }

    /// The day a notice starts, or comes back after a snooze: the day of its digest, so
    /// what came back is news again (a digest of its own, shown anew).
    pub fn back_on(&self, n: &Notice) -> Date {
        self.mark(&n.id)
            .snoozed_until
            .map_or(n.from, |s| s.max(n.from))
    }

    /// What the citizen did from a system notification (its buttons): the digest's notices
    /// read, or kept back until the day after `day`, the day the button was pressed.
    pub fn act(&mut self, ids: &[String], acted: Acted, day: Date) {
        for id in ids {
            let m = self.marks.entry(id.clone()).or_default();
            match acted {
                Acted::Read => m.read = true,
                Acted::Snoozed => m.snoozed_until = day.tomorrow().ok(),
            }
        }
    }

    /// Keeps only the marks of notices that still exist, so the state does not grow.
    pub fn tidy(&mut self, notices: &[Notice]) {
        let ids: BTreeSet<&str> = notices.iter().map(|n| n.id.as_str()).collect();
        self.marks.retain(|id, _| ids.contains(id.as_str()));
    }
}

/// Every notice the state gives as of `today`, shown or still to come, in order of the
/// day they start. Cases whose event file is not in `catalog` yet are left out (the app
/// loads every case's event first).
pub fn derive(
    state: &AppState,
    catalog: &Catalog,
    checkpoints: &Checkpoints,
    closed: &ClosedDays,
    today: Date,
) -> Vec<Notice> {
    let mut out = deadlines(state, catalog, closed, today);
    out.extend(life_stages(state, checkpoints));
    out.extend(statuses(state));
    out.sort_by(|a, b| (a.from, &a.bundle, &a.id).cmp(&(b.from, &b.bundle, &b.id)));
    out
}

fn deadlines(state: &AppState, catalog: &Catalog, closed: &ClosedDays, today: Date) -> Vec<Notice> {
    let mut out = Vec::new();
    for case in &state.cases {
        let Some(scope) = state.scope(catalog, &case.id, today) else {
            continue;
        };
        let plan = build(&scope, closed);
        let answers = scope.answers();
        for item in &plan.items {
            // A sheet prepared is still to do: it is reminded like the rest.
            let (Some(due), false) = (&item.due, item.state.settled()) else {
                continue;
            };
            let leads = leads_of(item.procedure, &answers, due);
            let due = due.due;
            let p = &item.procedure.id;
            let notice = |phase: Phase, from: Date, until: Option<Date>| Notice {
                id: format!(
                    "d:{}:{p}:{due}:{}",
                    case.id,
                    match phase {
                        Phase::Ahead(d) => format!("a{d}"),
                        Phase::Due => "due".into(),
                        Phase::Overdue => "over".into(),
                    }
                ),
                kind: Kind::Deadline,
                importance: Importance::MustAct,
                from,
                until,
                bundle: format!("case:{}", case.id),
                about: About::Deadline {
                    case: case.id.clone(),
                    event: case.event.clone(),
                    procedure: p.clone(),
                    due,
                    phase,
                },
            };
            for (i, lead) in leads.iter().enumerate() {
                let Some(from) = add_days(due, -i64::from(*lead)) else {
                    continue;
                };
                // A reminder meant for before the case began is not sent late, unless it
                // is the nearest one (then it is the first word of a duty not yet known).
                let nearest = i + 1 == leads.len();
                if from < case.started && !nearest {
                    continue;
                }
                let until = leads
                    .get(i + 1)
                    .and_then(|next| add_days(due, -i64::from(*next)))
                    .and_then(|d| d.yesterday().ok())
                    .or(due.yesterday().ok());
                out.push(notice(Phase::Ahead(*lead), from, until));
            }
            out.push(notice(Phase::Due, due, Some(due)));
            if let Ok(after) = due.tomorrow() {
                out.push(notice(Phase::Overdue, after, None));
            }
        }
    }
    out
}

fn life_stages(state: &AppState, checkpoints: &Checkpoints) -> Vec<Notice> {
    let vault = &state.vault;
    let mut out = Vec::new();
    for person in &vault.people {
        let Some(birth) = vault
            .latest(&crate::vault::FactKey::new(&person.id, "birth_date"))
            .and_then(|f| crate::iso_date::parse(&f.value))
        else {
            continue;
        };
        // Nobody is told of the life stages of someone who has died: not the ones after
        // the death, and not one still in view (a checkup of a child who died).
        if vault.death_date(&person.id).is_some() {
            continue;
        }
        for c in &checkpoints.checkpoints {
            let Some(at) = c.day_for(birth) else { continue };
            let (Some(from), Some(until)) = (
                add_days(at, -i64::from(c.lead_days)),
                add_days(at, i64::from(c.window_days)),
            ) else {
                continue;
            };
            out.push(Notice {
                id: format!("c:{}:{}", person.id, c.id),
                kind: Kind::LifeStage,
                importance: c.importance,
                from,
                until: Some(until),
                bundle: format!("person:{}", person.id),
                about: About::Checkpoint {
                    person: person.id.clone(),
                    checkpoint: c.id.clone(),
                    at,
                },
            });
        }
    }
    out
}

fn statuses(state: &AppState) -> Vec<Notice> {
    state
        .cases
        .iter()
        .flat_map(|case| {
            case.packets.values().filter_map(|r| {
                status_notice(&case.id, r, r.status, r.status_since.unwrap_or(r.date))
            })
        })
        .collect()
}

/// A recipient's news about a packet as a notice, from the day it was first reported; none
/// for a status that is not news from the recipient (prepared, handed over, sent).
fn status_notice(
    case: &str,
    r: &crate::case::PacketRecord,
    status: PacketStatus,
    from: Date,
) -> Option<Notice> {
    let importance = match status {
        PacketStatus::NeedsAction => Importance::MustAct,
        PacketStatus::Received | PacketStatus::Done => Importance::Info,
        _ => return None,
    };
    Some(Notice {
        id: format!("s:{}:{}", r.id, status_word(status)),
        kind: Kind::Status,
        importance,
        from,
        // News is news for a month; what needs action stays until it is done.
        until: (status != PacketStatus::NeedsAction)
            .then(|| add_days(from, 30))
            .flatten(),
        bundle: format!("case:{case}"),
        about: About::Status {
            case: case.into(),
            packet: r.id.clone(),
            agency: r.agency.clone(),
            status,
        },
    })
}

/// A packet delivered to the endpoint whose recipient may still have news: what the
/// service worker asks about when a push wakes it with the app closed, and the notice each
/// answer would be (the same one, with the same id, the app makes once it records it).
#[derive(Clone, Debug, PartialEq)]
pub struct Watched {
    pub case: String,
    pub packet: String,
    /// The packet's idempotency key: its address at the endpoint.
    pub key: String,
    pub status: PacketStatus,
    /// Each status the recipient may report next, with its notice as of `today`.
    pub news: Vec<(PacketStatus, Notice)>,
}

/// Every delivered packet not yet done, with the news it may bring.
pub fn watched(state: &AppState, today: Date) -> Vec<Watched> {
    let mut out = Vec::new();
    for case in &state.cases {
        for (packet, key) in state.delivered(&case.id) {
            let Some(r) = case.packets.get(&packet) else {
                continue;
            };
            if r.status == PacketStatus::Done {
                continue;
            }
            let news = [
                PacketStatus::Received,
                PacketStatus::NeedsAction,
                PacketStatus::Done,
            ]
            .into_iter()
            .filter(|s| *s != r.status)
            .filter_map(|s| Some((s, status_notice(&case.id, r, s, today)?)))
            .collect();
            out.push(Watched {
                case: case.id.clone(),
                packet,
                key,
                status: r.status,
                news,
            });
        }
    }
    out
}

pub fn status_word(s: PacketStatus) -> &'static str {
    match s {
        PacketStatus::Prepared => "prepared",
        PacketStatus::HandedOver => "handed_over",
        PacketStatus::Sent => "sent",
        PacketStatus::Received => "received",
        PacketStatus::NeedsAction => "needs_action",
        PacketStatus::Done => "done",
    }
}

/// The notices the citizen sees on `day`, as digests: one per situation and first day
/// (a snoozed one's is the day it came back), most important first, then newest.
pub fn digests(notices: &[Notice], book: &NoticeBook, day: Date) -> Vec<Digest> {
    group(
        notices
            .iter()
            .filter(|n| book.wants(n, day))
            .map(|n| (book.back_on(n), n)),
    )
}

/// The digests still to come after `day` (for the service worker's schedule), soonest
/// first; what the citizen turned off, dismissed or already read is left out. A notice
/// snoozed past `day` comes back on its snooze day, with what starts then.
pub fn upcoming(notices: &[Notice], book: &NoticeBook, day: Date) -> Vec<Digest> {
    let mut out = group(notices.iter().filter_map(|n| {
        let at = book.back_on(n);
        (at > day && book.wants(n, at) && !book.mark(&n.id).read).then_some((at, n))
    }));
    out.sort_by(|a, b| (a.from, &a.id).cmp(&(b.from, &b.id)));
    out
}

/// Notices by situation and the day each starts (or comes back): one digest each.
fn group<'n>(notices: impl Iterator<Item = (Date, &'n Notice)>) -> Vec<Digest> {
    let mut by: BTreeMap<(Date, String), Vec<Notice>> = BTreeMap::new();
    for (from, n) in notices {
        by.entry((from, n.bundle.clone()))
            .or_default()
            .push(n.clone());
    }
    let mut out: Vec<Digest> = by
        .into_iter()
        .map(|((from, bundle), notices)| Digest {
            id: format!("{bundle}:{from}"),
            importance: notices
                .iter()
                .map(|n| n.importance)
                .max()
                .unwrap_or_default(),
            bundle,
            from,
            notices,
        })
        .collect();
    out.sort_by(|a, b| (b.importance, b.from, &a.id).cmp(&(a.importance, a.from, &b.id)));
    out
}

/// Unread notices among those shown on `day`.
pub fn unread(notices: &[Notice], book: &NoticeBook, day: Date) -> usize {
    notices
        .iter()
        .filter(|n| book.wants(n, day) && !book.mark(&n.id).read)
        .count()
}

/// A notice or a digest in words, in the citizen's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub title: String,
    pub body: String,
}

/// What the texts of notices are made from.
pub struct Sources<'a> {
    pub state: &'a AppState,
    pub catalog: &'a Catalog,
    pub checkpoints: &'a Checkpoints,
    pub lang: crate::i18n::Lang,
    /// The day the words are read: a count of days left is counted to it.
    pub today: Date,
    /// Words for a system notification, which may wait in the tray for days: no count of
    /// days left, the due date instead.
    pub tray: bool,
}

impl Sources<'_> {
    pub fn notice(&self, n: &Notice) -> Words {
        use crate::ui_text as ui;
        let lang = self.lang;
        match &n.about {
            About::Deadline {
                case,
                event,
                procedure,
                due,
                ..
            } => {
                let title = self
                    .catalog
                    .event(event)
                    .and_then(|e| e.procedures.iter().find(|p| p.id == *procedure))
                    .map_or(procedure.clone(), |p| p.title.get(lang).to_string());
                if self.tray {
                    return Words {
                        title: ui::notice_deadline_dated(lang, &title, *due, self.today > *due),
                        body: self.situation(&format!("case:{case}")),
                    };
                }
                // Counted for the day it is read, whichever reminder brought it: the
                // 7-day reminder read 5 days ahead says 5.
                let days = days_between(self.today, *due);
                let phase = match days {
                    0 => Phase::Due,
                    d if d < 0 => Phase::Overdue,
                    d => Phase::Ahead(d),
                };
                Words {
                    title: ui::notice_deadline(lang, &title, phase),
                    body: ui::due_line(lang, *due, &ui::days_left(lang, days)),
                }
            }
            About::Checkpoint {
                person,
                checkpoint,
                at,
            } => {
                let name = self.state.vault.name_at(person, self.today);
                let (title, body) = self
                    .checkpoints
                    .get(checkpoint)
                    .map_or((checkpoint.as_str(), ""), |c| {
                        (c.title.get(lang), c.body.get(lang))
                    });
                Words {
                    title: ui::notice_checkpoint(lang, name, title),
                    body: format!(
                        "{}{}{body}",
                        ui::format_date(*at, lang),
                        ui::list_separator(lang)
                    ),
                }
            }
            About::Status {
                case,
                agency,
                status,
                ..
            } => Words {
                title: ui::notice_status(lang, &self.catalog.agency_name(agency, lang), *status),
                body: self.situation(&format!("case:{case}")),
            },
        }
    }

    /// A digest as one message: a single notice as itself, several under their situation.
    pub fn digest(&self, d: &Digest) -> Words {
        if let [one] = d.notices.as_slice() {
            return self.notice(one);
        }
        Words {
            title: crate::ui_text::notice_digest(
                self.lang,
                &self.situation(&d.bundle),
                d.notices.len(),
            ),
            body: d
                .notices
                .iter()
                .map(|n| self.notice(n).title)
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// What a bundle is about: a case's event, or a person's name.
    pub fn situation(&self, bundle: &str) -> String {
        if let Some(case) = bundle.strip_prefix("case:") {
            let event = self
                .state
                .case(case)
                .map(|c| c.event.as_str())
                .unwrap_or_default();
            return self
                .catalog
                .event_refs()
                .iter()
                .find(|e| e.id == event)
                .map_or(event.to_string(), |e| e.title.get(self.lang).to_string());
        }
        let person = bundle.strip_prefix("person:").unwrap_or(bundle);
        self.state
            .vault
            .name_at(person, self.today)
            .map_or(String::new(), crate::ruby::user)
    }
}

impl Digest {
    /// When its system notification may be shown: from the start of its day, after the
    /// quiet hours if they cover that moment.
    pub fn notify_at(&self, quiet: Option<QuietHours>) -> DateTime {
        let start = self.from.at(0, 0, 0, 0);
        quiet.map_or(start, |q| q.next_allowed(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_short_duty_is_recalled_earlier_in_proportion_than_a_long_one() {
        // A short one again the day before.
        assert_eq!(reminders(3), vec![1]);
        assert_eq!(reminders(7), vec![4, 1]);
        assert_eq!(reminders(14), vec![7, 1]);
        assert_eq!(reminders(92), vec![30, 7]);
        assert_eq!(reminders(304), vec![60, 14]);
        assert_eq!(reminders(1096), vec![90, 30]);
        let share = |period: i32| f64::from(reminders(period)[0]) / f64::from(period);
        assert!(share(7) > share(92) && share(92) > share(304) && share(304) > share(1096));
    }

    #[test]
    fn quiet_hours_wait_for_the_morning() {
        let night = QuietHours { from: 21, to: 8 };
        assert!(night.contains(23) && night.contains(0) && night.contains(7));
        assert!(!night.contains(8) && !night.contains(20));
        let d = date(2026, 12, 3);
        assert_eq!(
            night.next_allowed(d.at(22, 30, 0, 0)),
            d.tomorrow().unwrap().at(8, 0, 0, 0)
        );
        assert_eq!(night.next_allowed(d.at(6, 0, 0, 0)), d.at(8, 0, 0, 0));
        assert_eq!(night.next_allowed(d.at(12, 0, 0, 0)), d.at(12, 0, 0, 0));
        let lunch = QuietHours { from: 12, to: 13 };
        assert_eq!(lunch.next_allowed(d.at(12, 15, 0, 0)), d.at(13, 0, 0, 0));
        assert!(!QuietHours { from: 9, to: 9 }.contains(9));
    }

    #[test]
    fn an_age_is_reached_the_day_before_the_birthday() {
        let c = |anchor, at| Checkpoint {
            id: "x".into(),
            anchor,
            at,
            lead_days: 0,
            window_days: 0,
            importance: Importance::Info,
            title: Text::default(),
            body: Text::default(),
            legal_basis: Text::default(),
            source: String::new(),
        };
        let birth = date(1961, 4, 1);
        let sixty_five = c(
            CheckpointAnchor::AgeReached,
            Offset {
                years: 65,
                ..Offset::default()
            },
        );
        assert_eq!(sixty_five.day_for(birth), Some(date(2026, 3, 31)));
        let two_months = c(
            CheckpointAnchor::Birth,
            Offset {
                months: 2,
                ..Offset::default()
            },
        );
        assert_eq!(
            two_months.day_for(date(2026, 12, 31)),
            Some(date(2027, 2, 28))
        );
        // Born 1 April: reaches six on 31 March, so school starts that very 1 April.
        let school = c(CheckpointAnchor::SchoolEntry, Offset::default());
        assert_eq!(school.day_for(date(2020, 4, 1)), Some(date(2026, 4, 1)));
        assert_eq!(school.day_for(date(2020, 4, 2)), Some(date(2027, 4, 1)));
        let health_check = c(
            CheckpointAnchor::SchoolEntry,
            Offset {
                months: -4,
                days: -1,
                years: 0,
            },
        );
        assert_eq!(
            health_check.day_for(date(2020, 4, 2)),
            Some(date(2026, 11, 30))
        );
    }
}
