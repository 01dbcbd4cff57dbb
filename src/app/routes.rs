//! Every address of the app: the typed parameters each route reads and the link builders
//! every page uses. The only place a URL is spelled or a route parameter read.

use hitotsu::case::Step;
use leptos::prelude::*;
use leptos::Params;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

pub fn home() -> String {
    "/".into()
}

/// Whose file: the files this device holds, to choose one, start one or delete one.
pub fn files() -> String {
    "/files".into()
}

/// The lock of this file: lock it with a passcode, change the passcode or remove it.
pub fn lock() -> String {
    "/lock".into()
}

/// An address in a given file (one person's, on a shared device): a notification's click
/// opens that file whichever one a tab was on. The query goes before any fragment.
pub fn in_file(url: &str, file: &str) -> String {
    let (base, fragment) = url
        .split_once('#')
        .map_or((url, None), |(b, f)| (b, Some(f)));
    let join = if base.contains('?') { '&' } else { '?' };
    let mut out = format!("{base}{join}file={file}");
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The file an address names (`in_file`), from its query.
pub fn file_in(search: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("file="))
        .map(str::to_string)
}

/// "Is this you?" before a new event starts on a device that holds someone's details.
pub fn start(event: &str) -> String {
    format!("/start/{event}")
}

pub fn question(case: &str, question: &str) -> String {
    format!("/case/{case}/q/{question}")
}

pub fn plan(case: &str) -> String {
    format!("/case/{case}/plan")
}

/// The id of a procedure's card on the plan, for a link to it.
pub fn procedure_anchor(procedure: &str) -> String {
    format!("proc-{procedure}")
}

/// The plan, at one procedure's card.
pub fn plan_at(case: &str, procedure: &str) -> String {
    format!("{}#{}", plan(case), procedure_anchor(procedure))
}

pub fn people(case: &str) -> String {
    format!("/case/{case}/people")
}

pub fn details(case: &str, owner: &str) -> String {
    format!("/case/{case}/details/{owner}")
}

/// The same detail page asked again after a save made its owner need more: another
/// address than the one it has (`search`), so that it is drawn afresh.
pub fn details_again(case: &str, owner: &str, search: &str) -> String {
    if search.is_empty() {
        format!("{}?more", details(case, owner))
    } else {
        details(case, owner)
    }
}

pub fn check(case: &str) -> String {
    format!("/case/{case}/check")
}

/// Changes the value of `owner`'s `attribute` that holds on `day`.
pub fn change(case: &str, owner: &str, attribute: &str, day: hitotsu::Date) -> String {
    format!("/case/{case}/change/{owner}/{attribute}/{day}")
}

pub fn send(case: &str) -> String {
    format!("/case/{case}/send")
}

pub fn receipts(case: &str) -> String {
    format!("/case/{case}/receipts")
}

/// What is done and what is left, to take home.
pub fn summary(case: &str) -> String {
    format!("/case/{case}/summary")
}

/// The code to show at the counter.
pub fn handoff(case: &str) -> String {
    format!("/case/{case}/handoff")
}

pub fn sheet(case: &str, packet: &str) -> String {
    format!("/case/{case}/sheet/{packet}")
}

pub fn my_info() -> String {
    "/me".into()
}

pub fn edit_fact(owner: &str, attribute: &str) -> String {
    format!("/me/edit/{owner}/{attribute}")
}

pub fn shared() -> String {
    "/shared".into()
}

pub fn data() -> String {
    "/data".into()
}

pub fn data_deleted() -> String {
    "/data?deleted=1".into()
}

pub fn notices() -> String {
    "/notices".into()
}

/// The counter's start page after a session ended: says nothing is left.
#[allow(dead_code)] // the counter's build only
pub fn counter_ended() -> String {
    "/counter/?ended=1".into()
}

pub fn settings() -> String {
    "/settings".into()
}

pub fn accessibility() -> String {
    "/accessibility".into()
}

pub fn delete_all() -> String {
    "/data/delete".into()
}

/// Where the one-stop flow goes next.
pub fn next(case: &str, step: hitotsu::onestop::NextStep) -> String {
    use hitotsu::onestop::NextStep;
    match step {
        NextStep::People => people(case),
        NextStep::Details(owner) => details(case, &owner),
        NextStep::Check => check(case),
    }
}

/// Where a case resumes.
pub fn step(case: &str, step: &Step) -> String {
    match step {
        Step::Question(q) => question(case, q),
        Step::Plan => plan(case),
        Step::People => people(case),
        Step::Details(owner) => details(case, owner),
        Step::Check => check(case),
        Step::Send => send(case),
        Step::Receipts => receipts(case),
    }
}

#[derive(Params, PartialEq, Clone, Debug)]
struct CaseParams {
    case: Option<String>,
}

#[derive(Params, PartialEq, Clone, Debug)]
struct QuestionParams {
    question: Option<String>,
}

#[derive(Params, PartialEq, Clone, Debug)]
struct OwnerParams {
    owner: Option<String>,
}

#[derive(Params, PartialEq, Clone, Debug)]
struct FactParams {
    owner: Option<String>,
    attribute: Option<String>,
    day: Option<String>,
}

#[derive(Params, PartialEq, Clone, Debug)]
struct PacketParams {
    packet: Option<String>,
}

#[derive(Params, PartialEq, Clone, Debug)]
struct EventParams {
    event: Option<String>,
}

/// A route's parameter, or "" when absent (which no case, question or person has, so the
/// page shows "not found").
fn param<T, F>(get: F) -> Memo<String>
where
    T: Params + PartialEq + Send + Sync + 'static,
    F: Fn(&T) -> Option<String> + Send + Sync + 'static,
{
    let params = use_params::<T>();
    Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(&get).unwrap_or_default()))
}

pub fn use_case_id() -> Memo<String> {
    param::<CaseParams, _>(|p| p.case.clone())
}

pub fn use_question_id() -> Memo<String> {
    param::<QuestionParams, _>(|p| p.question.clone())
}

pub fn use_owner() -> Memo<String> {
    param::<OwnerParams, _>(|p| p.owner.clone())
}

pub fn use_event_id() -> Memo<String> {
    param::<EventParams, _>(|p| p.event.clone())
}

pub fn use_packet_id() -> Memo<String> {
    param::<PacketParams, _>(|p| p.packet.clone())
}

/// The fact a change page edits: owner, attribute and the day its value holds.
pub fn use_fact() -> Memo<Option<(String, String, Option<hitotsu::Date>)>> {
    let params = use_params::<FactParams>();
    Memo::new(move |_| {
        params.with(|p| {
            let p = p.as_ref().ok()?;
            Some((
                p.owner.clone()?,
                p.attribute.clone()?,
                p.day.as_deref().and_then(hitotsu::iso_date::parse),
            ))
        })
    })
}

/// `?deleted=1` on the data page: everything was just deleted.
pub fn use_deleted_flag() -> bool {
    leptos_router::hooks::use_query_map().with_untracked(|q| q.get("deleted").is_some())
}

/// The step a case page's address stands for, to record where the case resumes.
pub fn step_of_path(path: &str) -> Option<Step> {
    let rest = path.strip_prefix("/case/")?;
    let mut parts = rest.splitn(3, '/');
    let _case = parts.next()?;
    let page = parts.next()?;
    let tail = parts.next();
    Some(match (page, tail) {
        ("q", Some(q)) => Step::Question(q.into()),
        ("plan", None) => Step::Plan,
        ("people", None) => Step::People,
        ("details", Some(owner)) => Step::Details(owner.into()),
        ("check", None) => Step::Check,
        ("send", None) => Step::Send,
        ("receipts", None) => Step::Receipts,
        _ => return None,
    })
}
