//! The handoff code: a life event prepared at home, carried to the city office's counter
//! as one QR code, so staff start from what the citizen already gave (once-only).
//!
//! Encoded as the EU digital COVID certificate encodes its QR — CBOR, deflate, base45 —
//! behind a prefix of our own. The frame carries a version byte and a CRC-32 over
//! version and compressed bytes: a single changed character of the text changes at most
//! two bytes of the frame, a burst a CRC-32 always detects. It carries no provenance,
//! no other event, no outbox and no record of sharing: only the event's answers, its
//! people and the facts its procedures read. There is no signature (nothing on the
//! device could keep a key secret): the checksum finds damage and careless edits, and
//! the citizen confirms every section at the counter.

use crate::case::{Case, Step};
use crate::catalog::Catalog;
use crate::household::Role;
use crate::state::AppState;
use crate::vault::{Fact, FactKey, How, Person, Provenance, Relation, Vault, HOUSEHOLD, ME};
use crc::{Crc, NoTable, CRC_32_ISO_HDLC};
use jiff::civil::Date;
use minicbor::{Decode, Encode};
use std::collections::{BTreeMap, BTreeSet};

/// What every hitotsu handoff text starts with; all of it is in the QR alphanumeric set.
pub const PREFIX: &str = "HT:";
/// The frame version this build writes and reads.
pub const VERSION: u8 = 1;
/// The most a frame may inflate to: far above a household of six, far below harm.
const MAX_CBOR: usize = 64 * 1024;
/// The most characters read: a version 40 QR code holds 4,296 alphanumerics at level L.
const MAX_TEXT: usize = 4_296;
/// The owner standing for the case itself in the code (the case's id is the device's).
const CASE_OWNER: &str = "case";
/// The CRC-32 of zlib, PNG and Ethernet.
const CRC32: Crc<u32, NoTable> = Crc::<u32, NoTable>::new(&CRC_32_ISO_HDLC);

/// Why a code was refused. Nothing of it was loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum HandoffError {
    /// Not a hitotsu handoff code (another QR code, a web address …).
    NotOurs,
    /// Longer than any QR code holds.
    TooLong,
    /// Characters that a QR code cannot have carried, or a checksum that does not match:
    /// a part of the code was damaged or changed.
    Damaged,
    /// Made by a newer (or unknown) version of hitotsu.
    UnknownVersion(u8),
    /// The checksum holds but the content does not: what is wrong, as written in it.
    Invalid(String),
    /// An event this catalog does not have.
    UnknownEvent(String),
    /// A value the phone's own form field would have refused (a name with a hidden
    /// character, a My Number whose check digit is wrong …): which, and why.
    BadValue {
        what: crate::i18n::Text,
        why: crate::fields::FieldError,
    },
    /// An answer its question would have refused, or an answer to no question.
    BadAnswer(String),
    /// More people than a household in hitotsu has.
    TooManyPeople(usize),
}

#[derive(Encode, Decode, Debug, PartialEq)]
#[cbor(array)]
struct Wire {
    #[n(0)]
    event: String,
    #[n(1)]
    started: u32,
    #[n(2)]
    answers: BTreeMap<String, String>,
    /// (role index in ROLES, person ids)
    #[n(3)]
    roles: Vec<(u8, Vec<String>)>,
    #[n(4)]
    people: Vec<String>,
    #[n(5)]
    relations: Vec<WireRelation>,
    #[n(6)]
    facts: Vec<WireFact>,
    #[n(7)]
    people_confirmed: bool,
    #[n(8)]
    done: Vec<String>,
}

#[derive(Encode, Decode, Debug, PartialEq)]
#[cbor(array)]
struct WireRelation {
    /// 0 spouse, 1 parent (a is the parent), 2 sibling, 3 grandparent (a is the grandparent)
    #[n(0)]
    kind: u8,
    #[n(1)]
    a: String,
    #[n(2)]
    b: String,
}

#[derive(Encode, Decode, Debug, PartialEq)]
#[cbor(array)]
struct WireFact {
    #[n(0)]
    owner: String,
    #[n(1)]
    attribute: String,
    /// (value, first day it holds as yyyymmdd or 0 for "since always", the day it was
    /// given, how (0 typed, 1 confirmed, 2 derived), the event it was given in): the
    /// counter shows where each value came from, as the phone does.
    #[n(2)]
    versions: Vec<(String, u32, u32, u8, String)>,
}

const ROLES: [Role; 7] = [
    Role::Child,
    Role::Deceased,
    Role::Members,
    Role::Heirs,
    Role::FuneralHost,
    Role::Informant,
    Role::AllowanceClaimant,
];

/// Attributes the household's own logic reads, beside those the catalog's fields name.
const HOUSEHOLD_ATTRIBUTES: [&str; 6] = [
    "name",
    "sex",
    "birth_date",
    "death_date",
    crate::vault::IN_HOUSEHOLD,
    crate::vault::HEAD,
];

/// What a code never carries, though forms read it. The My Number: any QR reader app can
/// read the code off the phone's screen, and the counter must see the card itself anyway
/// to check the number and who holds it (番号法16条: 番号確認 and 身元確認), so staff take it
/// from the card. A code without it costs nothing at the counter and exposes no number.
pub const NOT_CARRIED: [&str; 1] = ["my_number"];

/// The attributes a code carries: those the catalog's fields name, and the household's,
/// but never what `NOT_CARRIED` lists.
fn attributes(catalog: &Catalog) -> BTreeSet<&str> {
    let mut out: BTreeSet<&str> = catalog
        .fields
        .fields
        .iter()
        .map(|(id, f)| f.attribute(id))
        .collect();
    out.extend(HOUSEHOLD_ATTRIBUTES);
    out.retain(|a| !NOT_CARRIED.contains(a));
    out
}

fn ymd(d: Date) -> u32 {
    // Dates are checked to lie in 1868..=2200 before a state is kept, so this is positive.
    (d.year().max(0) as u32) * 10_000 + d.month() as u32 * 100 + d.day() as u32
}

fn from_ymd(n: u32) -> Result<Date, HandoffError> {
    let bad = || HandoffError::Invalid(format!("{n}"));
    let (y, m, d) = (n / 10_000, (n / 100) % 100, n % 100);
    let y = i16::try_from(y).map_err(|_| bad())?;
    Date::new(y, m as i8, d as i8).map_err(|_| bad())
}

/// The people the case's procedures can reach: the citizen, everyone in a role, everyone
/// one relation away from them (a surviving spouse, a parent), and the household.
fn people_of(case: &Case, vault: &Vault) -> BTreeSet<String> {
    let mut core: BTreeSet<String> = case.roles.values().flatten().cloned().collect();
    core.insert(ME.into());
    let mut out = core.clone();
    for r in &vault.relations {
        let (a, b) = ends(r);
        if core.contains(a) {
            out.insert(b.to_string());
        }
        if core.contains(b) {
            out.insert(a.to_string());
        }
    }
    for p in &vault.people {
        let key = FactKey::new(&p.id, crate::vault::IN_HOUSEHOLD);
        if !vault.history(&key).is_empty() {
            out.insert(p.id.clone());
        }
    }
    out.retain(|id| vault.people.iter().any(|p| &p.id == id));
    out
}

fn ends(r: &Relation) -> (&str, &str) {
    match r {
        Relation::Spouse { a, b } | Relation::Sibling { a, b } => (a, b),
        Relation::Parent { parent, child } => (parent, child),
        Relation::Grandparent { grandparent, of } => (grandparent, of),
    }
}

fn wire_relation(r: &Relation) -> WireRelation {
    let kind = match r {
        Relation::Spouse { .. } => 0,
        Relation::Parent { .. } => 1,
        Relation::Sibling { .. } => 2,
        Relation::Grandparent { .. } => 3,
    };
    let (a, b) = ends(r);
    WireRelation {
        kind,
        a: a.into(),
        b: b.into(),
    }
}

fn relation(w: WireRelation) -> Result<Relation, HandoffError> {
    let WireRelation { kind, a, b } = w;
    Ok(match kind {
        0 => Relation::Spouse { a, b },
        1 => Relation::Parent {
            parent: a,
            child: b,
        },
        2 => Relation::Sibling { a, b },
        3 => Relation::Grandparent {
            grandparent: a,
            of: b,
        },
        k => return Err(HandoffError::Invalid(format!("relation {k}"))),
    })
}

/// One case's handoff text, and what it carries in numbers (the citizen is told).
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    pub text: String,
    pub answers: usize,
    pub people: usize,
    /// The attributes it carries a value of, for the citizen to be told plainly.
    pub attributes: BTreeSet<String>,
}

/// The handoff text of one case: what the counter needs to fill in every form of it.
pub fn encode(state: &AppState, catalog: &Catalog, case_id: &str) -> Option<Code> {
    let case = state.case(case_id)?;
    let vault = &state.vault;
    let people = people_of(case, vault);
    let attributes = attributes(catalog);
    let mut facts = Vec::new();
    for (owner, by_attribute) in &vault.facts {
        let wire_owner = if owner == &case.id {
            CASE_OWNER
        } else if owner == HOUSEHOLD || people.contains(owner) {
            owner.as_str()
        } else {
            continue;
        };
        for (attribute, versions) in by_attribute {
            if !attributes.contains(attribute.as_str()) || versions.is_empty() {
                continue;
            }
            facts.push(WireFact {
                owner: wire_owner.into(),
                attribute: attribute.clone(),
                versions: versions
                    .iter()
                    .map(|f| {
                        let how = match f.given.how {
                            How::Typed => 0,
                            How::Confirmed => 1,
                            How::Derived => 2,
                        };
                        let from = f.from.map_or(0, ymd);
                        (
                            f.value.clone(),
                            from,
                            ymd(f.given.date),
                            how,
                            f.given.event.clone(),
                        )
                    })
                    .collect(),
            });
        }
    }
    let wire = Wire {
        event: case.event.clone(),
        started: ymd(case.started),
        answers: case.answers.clone(),
        roles: ROLES
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i as u8, case.roles.get(r)?.clone())))
            .collect(),
        people: people.iter().cloned().collect(),
        relations: vault
            .relations
            .iter()
            .filter(|r| {
                let (a, b) = ends(r);
                people.contains(a) && people.contains(b)
            })
            .map(wire_relation)
            .collect(),
        facts,
        people_confirmed: case.people_confirmed,
        done: case.done.iter().cloned().collect(),
    };
    let (answers, people) = (wire.answers.len(), wire.people.len());
    let carried = wire.facts.iter().map(|f| f.attribute.clone()).collect();
    let cbor = minicbor::to_vec(&wire).ok()?;
    let mut frame = vec![VERSION];
    frame.extend(miniz_oxide::deflate::compress_to_vec(&cbor, 10));
    let crc = CRC32.checksum(&frame);
    frame.extend(crc.to_be_bytes());
    Some(Code {
        text: format!("{PREFIX}{}", base45::encode(&frame)),
        answers,
        people,
        attributes: carried,
    })
}

/// The code as `encode` makes it, read back as the counter will read it: a code the
/// counter would refuse is never shown, and the phone says why instead.
pub fn encode_checked(
    state: &AppState,
    catalog: &Catalog,
    case_id: &str,
    today: Date,
) -> Result<Code, HandoffError> {
    let code = encode(state, catalog, case_id)
        .ok_or_else(|| HandoffError::Invalid(case_id.to_string()))?;
    decode(&code.text, catalog, today)?;
    Ok(code)
}

/// A handoff text read and checked, before it meets the catalog.
#[derive(Debug, PartialEq)]
pub struct Handoff(Wire);

impl Handoff {
    /// The event it is about: its file must be loaded before `into_state`.
    pub fn event(&self) -> &str {
        &self.0.event
    }
}

/// Reads a handoff text: ours, whole, unchanged and of this version, or refused.
pub fn read(text: &str) -> Result<Handoff, HandoffError> {
    // A scanner may add a line end; nothing else is trimmed.
    let text = text.trim_end_matches(['\r', '\n']);
    let body = text.strip_prefix(PREFIX).ok_or(HandoffError::NotOurs)?;
    if text.len() > MAX_TEXT {
        return Err(HandoffError::TooLong);
    }
    let frame = base45::decode(body).map_err(|_| HandoffError::Damaged)?;
    read_frame(&frame)
}

/// Reads a frame (version, deflated CBOR, CRC-32), from one code or put together from
/// several.
fn read_frame(frame: &[u8]) -> Result<Handoff, HandoffError> {
    let (head, crc) = frame.split_last_chunk::<4>().ok_or(HandoffError::Damaged)?;
    if head.is_empty() || CRC32.checksum(head) != u32::from_be_bytes(*crc) {
        return Err(HandoffError::Damaged);
    }
    if head[0] != VERSION {
        return Err(HandoffError::UnknownVersion(head[0]));
    }
    let cbor = miniz_oxide::inflate::decompress_to_vec_with_limit(&head[1..], MAX_CBOR)
        .map_err(|_| HandoffError::Invalid("deflate".into()))?;
    // One CBOR item and nothing after it: the phone writes no trailing bytes.
    let mut decoder = minicbor::Decoder::new(&cbor);
    let wire: Wire = decoder
        .decode()
        .map_err(|_| HandoffError::Invalid("cbor".into()))?;
    if decoder.position() != cbor.len() {
        return Err(HandoffError::Invalid("trailing bytes".into()));
    }
    Ok(Handoff(wire))
}

/// A counter session's state from a handoff text: one case, its people and facts, each
/// with the day and event it was given in on the phone. All or nothing.
pub fn decode(text: &str, catalog: &Catalog, today: Date) -> Result<AppState, HandoffError> {
    read(text)?.into_state(catalog, today)
}

impl Handoff {
    pub fn into_state(self, catalog: &Catalog, today: Date) -> Result<AppState, HandoffError> {
        let wire = self.0;
        let event = catalog
            .event(&wire.event)
            .ok_or_else(|| HandoffError::UnknownEvent(wire.event.clone()))?;
        // The people as the phone writes them: each once, in order, no more than a
        // household has.
        if wire.people.len() > crate::vault::MAX_PEOPLE {
            return Err(HandoffError::TooManyPeople(wire.people.len()));
        }
        if wire.people.windows(2).any(|w| w[0] >= w[1]) {
            return Err(HandoffError::Invalid("people".into()));
        }
        let mut state = AppState::default();
        let case_id = state.open_case(event, today);
        // open_case made the event's own people; the code's people replace them.
        state.vault = Vault::new();
        for id in &wire.people {
            if id != ME {
                if id.is_empty() || id == HOUSEHOLD || id == CASE_OWNER || id == &case_id {
                    return Err(HandoffError::Invalid(id.clone()));
                }
                state.vault.people.push(Person {
                    id: id.clone(),
                    added_in: None,
                });
            }
        }
        state.vault.next_person = wire
            .people
            .iter()
            .filter_map(|id| id.strip_prefix('p')?.parse::<u32>().ok())
            .max()
            .map_or(1, |n| n.saturating_add(1));
        for r in wire.relations {
            state.vault.relations.push(relation(r)?);
        }
        for f in wire.facts {
            let owner = if f.owner == CASE_OWNER {
                case_id.clone()
            } else {
                f.owner
            };
            let mut versions = Vec::with_capacity(f.versions.len());
            for (value, from, given, how, given_in) in f.versions {
                let from = if from == 0 {
                    None
                } else {
                    Some(from_ymd(from)?)
                };
                let how = match how {
                    0 => How::Typed,
                    1 => How::Confirmed,
                    2 => How::Derived,
                    h => return Err(HandoffError::Invalid(format!("how {h}"))),
                };
                // The day and event the citizen gave it in, as the phone shows them.
                let given = Provenance {
                    case: case_id.clone(),
                    event: given_in,
                    how,
                    date: from_ymd(given)?,
                };
                versions.push(Fact::new(value, from, given));
            }
            // A history runs in the order its versions start, as the vault keeps it.
            if versions.windows(2).any(|w| w[0].from >= w[1].from) {
                return Err(HandoffError::Invalid(f.attribute));
            }
            let slot = state.vault.facts.entry(owner).or_default();
            if slot.insert(f.attribute.clone(), versions).is_some() {
                return Err(HandoffError::Invalid(f.attribute));
            }
        }
        let case = state.case_mut(&case_id).expect("opened above");
        case.started = from_ymd(wire.started)?;
        case.answers = wire.answers;
        case.roles.clear();
        for (i, people) in wire.roles {
            let role = *ROLES
                .get(usize::from(i))
                .ok_or_else(|| HandoffError::Invalid(format!("role {i}")))?;
            if case.roles.insert(role, people).is_some() {
                return Err(HandoffError::Invalid(format!("role {i}")));
            }
        }
        case.people_confirmed = wire.people_confirmed;
        // Procedures of this event only, each once.
        let done_count = wire.done.len();
        case.done = wire.done.into_iter().collect();
        if case.done.len() != done_count {
            return Err(HandoffError::Invalid("done".into()));
        }
        if let Some(p) = case
            .done
            .iter()
            .find(|p| event.procedures.iter().all(|q| q.id != **p))
        {
            return Err(HandoffError::Invalid(p.clone()));
        }
        case.step = Step::Plan;
        // Every answer as its question on the phone would have taken it.
        for (q, value) in &case.answers {
            let question = event
                .questions
                .iter()
                .find(|x| x.id == *q)
                .ok_or_else(|| HandoffError::BadAnswer(q.clone()))?;
            match crate::questionnaire::check_answer(question, value, &case.answers, today) {
                Ok(v) if v == *value => {}
                _ => return Err(HandoffError::BadAnswer(q.clone())),
            }
        }
        // Every person named in a role is one of the code's people.
        let people: BTreeSet<&str> = std::iter::once(ME)
            .chain(wire.people.iter().map(String::as_str))
            .collect();
        if let Some(p) = case
            .roles
            .values()
            .flatten()
            .find(|p| !people.contains(p.as_str()))
        {
            return Err(HandoffError::Invalid(p.clone()));
        }
        crate::integrity::check(&state).map_err(|e| HandoffError::Invalid(format!("{e:?}")))?;
        // Exactly what this build writes: nobody the case cannot reach, no attribute no
        // form reads. Anything else was not made by hitotsu.
        let case = state.case(&case_id).expect("opened above");
        let reach = people_of(case, &state.vault);
        if let Some(p) = state.vault.people.iter().find(|p| !reach.contains(&p.id)) {
            return Err(HandoffError::Invalid(p.id.clone()));
        }
        let attributes = attributes(catalog);
        for by_attribute in state.vault.facts.values() {
            if let Some(a) = by_attribute
                .keys()
                .find(|a| !attributes.contains(a.as_str()))
            {
                return Err(HandoffError::Invalid(a.clone()));
            }
            // Every value as the phone's own form field would have stored it.
            for (attribute, versions) in by_attribute {
                for f in versions {
                    check_value(catalog, &state.vault, attribute, &f.value)?;
                }
            }
        }
        Ok(state)
    }
}

/// A value as a form field for `attribute` would have stored it, or why not. The
/// household's own bookkeeping (who lives with whom, who is the head) is checked as such.
fn check_value(
    catalog: &Catalog,
    vault: &Vault,
    attribute: &str,
    value: &str,
) -> Result<(), HandoffError> {
    match attribute {
        crate::vault::IN_HOUSEHOLD if value == "yes" || value == "no" => return Ok(()),
        crate::vault::HEAD if vault.person(value).is_some() => return Ok(()),
        crate::vault::IN_HOUSEHOLD | crate::vault::HEAD => {
            return Err(HandoffError::Invalid(attribute.to_string()))
        }
        _ => {}
    }
    let Some((id, def)) = catalog
        .fields
        .fields
        .iter()
        .find(|(id, f)| f.attribute(id) == attribute)
    else {
        return Err(HandoffError::Invalid(attribute.to_string()));
    };
    let what = || {
        catalog
            .fields
            .attributes
            .get(attribute)
            .cloned()
            .unwrap_or_else(|| def.label.clone())
    };
    let _ = id;
    match crate::fields::check_field(def, value) {
        Ok(v) if v == value => Ok(()),
        // Stored otherwise than the field stores it (a zero-width space, full-width digits).
        Ok(_) => Err(HandoffError::BadValue {
            what: what(),
            why: crate::fields::FieldError::HiddenCharacter,
        }),
        Err(why) => Err(HandoffError::BadValue { what: what(), why }),
    }
}

/// The most codes one handoff is shown as.
pub const MAX_PARTS: usize = 9;
/// The largest QR code one part may be: version 15 (77 modules a side). Read from a photo
/// of the whole phone screen 1,000 pixels tall, a module of it is about 5 pixels, and from
/// a 1280×720 camera frame the code fills half of, about 4: what the counter's reader
/// takes reliably (README: sizes measured).
pub const PART_VERSION: u8 = 15;

/// A code shown as several: `HT{i}/{n}:{set}:{base45 of the i-th piece of the frame}`, the
/// set being the first four hex digits of the frame's CRC-32, so pieces of two phones'
/// codes are never put together; the whole frame's own CRC checks the result.
fn part_text(i: usize, n: usize, set: &str, piece: &[u8]) -> String {
    format!("HT{i}/{n}:{set}:{}", base45::encode(piece))
}

/// The codes a handoff text is shown as: itself when its QR code is no larger than
/// `PART_VERSION`, otherwise the fewest numbered parts of which each is (at most
/// `MAX_PARTS`; the last try is given even if larger).
pub fn parts(text: &str) -> Vec<String> {
    let fits = |t: &str| qr(t).is_some_and(|q| q.version <= PART_VERSION);
    if fits(text) {
        return vec![text.to_string()];
    }
    let Some(frame) = text
        .strip_prefix(PREFIX)
        .and_then(|b| base45::decode(b).ok())
        .filter(|f| f.len() > 4)
    else {
        return vec![text.to_string()];
    };
    let crc = &frame[frame.len() - 4..];
    let set = format!("{:02X}{:02X}", crc[0], crc[1]);
    let mut last = Vec::new();
    for n in 2..=MAX_PARTS {
        let size = frame.len().div_ceil(n);
        let pieces: Vec<String> = frame
            .chunks(size)
            .enumerate()
            .map(|(i, piece)| part_text(i + 1, frame.chunks(size).count(), &set, piece))
            .collect();
        if pieces.iter().all(|p| fits(p)) {
            return pieces;
        }
        last = pieces;
    }
    last
}

/// What reading one more code gave.
#[derive(Debug, PartialEq)]
pub enum Piece {
    /// The whole handoff: one code, or the last of its parts.
    Whole(Handoff),
    /// A part; this many of that many are in.
    Part { have: usize, total: usize },
}

/// The parts read so far, in any order, of one phone's codes. A part of another set (the
/// next citizen's phone) starts over with that set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assembly {
    set: String,
    total: usize,
    pieces: BTreeMap<usize, Vec<u8>>,
}

impl Assembly {
    /// Takes one code's text: a whole code, or a part.
    pub fn add(&mut self, text: &str) -> Result<Piece, HandoffError> {
        let text = text.trim_end_matches(['\r', '\n']);
        if text.starts_with(PREFIX) {
            return read(text).map(Piece::Whole);
        }
        let rest = text.strip_prefix("HT").ok_or(HandoffError::NotOurs)?;
        if text.len() > MAX_TEXT {
            return Err(HandoffError::TooLong);
        }
        let mut fields = rest.splitn(3, ':');
        let (Some(place), Some(set), Some(body)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(HandoffError::NotOurs);
        };
        let (i, n) = place
            .split_once('/')
            .and_then(|(i, n)| Some((i.parse::<usize>().ok()?, n.parse::<usize>().ok()?)))
            .filter(|(i, n)| (1..=MAX_PARTS).contains(n) && (1..=*n).contains(i) && *n >= 2)
            .ok_or(HandoffError::NotOurs)?;
        let well_formed = set.len() == 4
            && set
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_lowercase());
        if !well_formed {
            return Err(HandoffError::Damaged);
        }
        let piece = base45::decode(body).map_err(|_| HandoffError::Damaged)?;
        if self.set != set || self.total != n {
            *self = Assembly {
                set: set.to_string(),
                total: n,
                pieces: BTreeMap::new(),
            };
        }
        self.pieces.insert(i, piece);
        if self.pieces.len() < n {
            return Ok(Piece::Part {
                have: self.pieces.len(),
                total: n,
            });
        }
        let frame: Vec<u8> = self.pieces.values().flatten().copied().collect();
        let whole = read_frame(&frame);
        *self = Assembly::default();
        let handoff = whole?;
        Ok(Piece::Whole(handoff))
    }
}

/// The QR code of a handoff text at error correction level M or better (a fold or a
/// smudge on a phone's screen still reads): its modules row by row, `true` dark; None
/// when the text does not fit one code.
pub fn qr(text: &str) -> Option<Qr> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let dark = (0..size)
        .flat_map(|y| (0..size).map(move |x| (x, y)))
        .map(|(x, y)| code.get_module(x, y))
        .collect();
    Some(Qr {
        width: size as usize,
        dark,
        version: code.version().value(),
    })
}

pub struct Qr {
    pub width: usize,
    pub dark: Vec<bool>,
    /// 1..=40: the size class of the code.
    pub version: u8,
}

impl Qr {
    /// An SVG path drawing the dark modules, one unit each, inside a four-module quiet zone.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for (i, _) in self.dark.iter().enumerate().filter(|(_, &dark)| dark) {
            let (x, y) = (i % self.width + 4, i / self.width + 4);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
        d
    }

    /// Width and height with the quiet zone, in modules.
    pub fn size(&self) -> usize {
        self.width + 8
    }
}

/// The text of the first QR code found in a greyscale picture (a photo, a camera frame),
/// `luma` row by row. None when no code can be read in it.
pub fn scan(width: usize, height: usize, luma: &[u8]) -> Option<String> {
    if width == 0 || height == 0 || luma.len() != width * height {
        return None;
    }
    let once = |w: usize, h: usize, l: &[u8]| {
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| l[y * w + x]);
        image
            .detect_grids()
            .into_iter()
            .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
    };
    // rqrr thresholds each region of the picture by itself; a camera's blur can leave a
    // code it then misses, that one threshold for the whole picture (Otsu's) brings out.
    // Small modules (a large code in a small picture) read better at twice the size.
    once(width, height, luma)
        .or_else(|| once(width, height, &otsu(luma)))
        .or_else(|| {
            if width * height > 2_000_000 {
                return None;
            }
            let (w2, h2, big) = doubled(width, height, luma);
            once(w2, h2, &big)
        })
}

/// A picture in black and white at Otsu's threshold (the one that best separates its dark
/// and light pixels).
fn otsu(luma: &[u8]) -> Vec<u8> {
    let mut histogram = [0u64; 256];
    for &v in luma {
        histogram[usize::from(v)] += 1;
    }
    let total = luma.len() as f64;
    let sum: f64 = histogram
        .iter()
        .enumerate()
        .map(|(i, &c)| i as f64 * c as f64)
        .sum();
    let (mut below, mut below_sum, mut best, mut threshold) = (0.0, 0.0, 0.0, 0u8);
    for (i, &count) in histogram.iter().enumerate() {
        below += count as f64;
        let above = total - below;
        if below == 0.0 || above == 0.0 {
            continue;
        }
        below_sum += i as f64 * count as f64;
        let (mean_below, mean_above) = (below_sum / below, (sum - below_sum) / above);
        let between = below * above * (mean_below - mean_above).powi(2);
        if between > best {
            best = between;
            threshold = i as u8;
        }
    }
    luma.iter()
        .map(|&v| if v > threshold { 255 } else { 0 })
        .collect()
}

/// A picture at twice the size, each new pixel between its neighbours.
fn doubled(width: usize, height: usize, luma: &[u8]) -> (usize, usize, Vec<u8>) {
    let (w2, h2) = (width * 2, height * 2);
    let at = |x: usize, y: usize| u32::from(luma[y.min(height - 1) * width + x.min(width - 1)]);
    let mut big = vec![0u8; w2 * h2];
    for y in 0..h2 {
        for x in 0..w2 {
            let (sx, sy, dx, dy) = (x / 2, y / 2, (x % 2) as u32, (y % 2) as u32);
            let v = (at(sx, sy) * (2 - dx) * (2 - dy)
                + at(sx + 1, sy) * dx * (2 - dy)
                + at(sx, sy + 1) * (2 - dx) * dy
                + at(sx + 1, sy + 1) * dx * dy)
                / 4;
            big[y * w2 + x] = v as u8;
        }
    }
    (w2, h2, big)
}
