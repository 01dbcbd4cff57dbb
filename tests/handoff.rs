//! The handoff code a citizen brings to the counter: for households of one to six and
//! every event, what the counter reads back fills every form exactly as the phone would;
//! every single changed character is refused; the largest still fits one QR code at
//! level M; no input makes the reader panic.

mod common;
use common::{my_number, Drive};

use hitotsu::handoff::{self, HandoffError};
use hitotsu::onestop::{packets, used};
use hitotsu::resolve::Ask;
use hitotsu::state::AppState;
use hitotsu::vault::{FactKey, How, Provenance, Relation, HOUSEHOLD, ME};
use jiff::civil::{date, Date};
use std::collections::BTreeMap;

const ADDRESS: &str = "東京都千代田区千代田一丁目一番一号 千代田ハイツ百二十三号室";
const NEW_ADDRESS: &str =
    "神奈川県横浜市中区山下町二百七十九番地の二十五 山下町パークタワー二千五百一号室";

const NAMES: [(&str, &str, &str); 8] = [
    ("山田 太郎", "ヤマダ タロウ", "1984-05-01"),
    ("山田 花子", "ヤマダ ハナコ", "1986-07-07"),
    ("山田 健太郎", "ヤマダ ケンタロウ", "2012-09-10"),
    ("山田 美咲", "ヤマダ ミサキ", "2015-02-14"),
    ("山田 翔太", "ヤマダ ショウタ", "2018-11-30"),
    ("山田 陽菜", "ヤマダ ヒナ", "2021-06-21"),
    ("山田 ひまわり", "ヤマダ ヒマワリ", "2023-08-31"),
    ("山田 龍之介", "ヤマダ リュウノスケ", "2025-12-24"),
];

/// What the citizen types for each fact a detail page asks: long, real-looking values,
/// so the codes measured are as large as a real household's.
fn value(_: &AppState, ask: &Ask) -> String {
    let a = ask.key.attribute.as_str();
    match a {
        "address" if ask.starts.is_some() => NEW_ADDRESS.into(),
        "address" => ADDRESS.into(),
        "postal_code" if ask.starts.is_some() => "231-0023".into(),
        "postal_code" => "100-0001".into(),
        "name" => "山田 一郎".into(),
        "name_kana" => "ヤマダ イチロウ".into(),
        "phone" => "090-1234-5678".into(),
        "my_number" => my_number("12345678901"),
        "bank_account" => "ゆうちょ銀行 〇一八支店 普通 1234567".into(),
        "honseki" => "東京都千代田区千代田一丁目一番".into(),
        "insurance_number" => "12-345678".into(),
        "insurance_kind" => "national".into(),
        "income_summary" | "estate_value" => "12000000".into(),
        "sex" => "male".into(),
        "birth_time" => "午前10時30分".into(),
        "birth_place" => "東京都千代田区神田駿河台二丁目三番地 駿河台病院".into(),
        a if a.contains("date") => "1950-02-01".into(),
        a => format!("{a}の内容"),
    }
}

/// A household of `n`: the citizen, from two a spouse, from three children; each with a
/// name, reading and date of birth, all living together, given two years ago.
fn household(n: usize) -> Drive {
    let mut h = Drive::new();
    let given = Provenance {
        case: "c0".into(),
        event: "birth".into(),
        how: How::Typed,
        date: date(2024, 4, 1),
    };
    let mut ids = vec![ME.to_string()];
    for _ in 1..n {
        ids.push(h.s.vault.add_person("c0"));
    }
    for (id, (name, kana, born)) in ids.iter().zip(NAMES) {
        for (attribute, v) in [
            ("name", name),
            ("name_kana", kana),
            ("birth_date", born),
            ("in_household", "yes"),
        ] {
            h.s.vault
                .set(&FactKey::new(id, attribute), v.into(), None, given.clone());
        }
    }
    h.s.vault
        .set(&FactKey::new(ME, "sex"), "male".into(), None, given.clone());
    h.s.vault.set(
        &FactKey::new(HOUSEHOLD, "address"),
        ADDRESS.into(),
        None,
        given.clone(),
    );
    h.s.vault
        .set(&FactKey::new(HOUSEHOLD, "head"), ME.into(), None, given);
    if n >= 2 {
        h.s.vault.relate(Relation::Spouse {
            a: ME.into(),
            b: ids[1].clone(),
        });
    }
    for child in ids.iter().skip(2) {
        for parent in [ME.to_string(), ids[1].clone()] {
            h.s.vault.relate(Relation::Parent {
                parent,
                child: child.clone(),
            });
        }
    }
    h
}

/// Goes through one event as the app does, to the check page.
fn live(h: &mut Drive, event: &str, n: usize, today: Date) -> String {
    let case = h.open(event, today);
    match event {
        "birth" => {
            h.answer(&case, today, &common::BIRTH_ANSWERS);
            let mut changes = vec![("my_part", "father"), ("allowance_claimant", ME)];
            if n == 1 {
                changes.extend([("other_parent", "new"), ("other_parent_name", "山田 花子")]);
            }
            h.people(&case, today, &changes);
        }
        "moving" => {
            h.answer_all(&case, today, &common::moving_answer);
            h.people(&case, today, &[]);
        }
        "death" => {
            h.answer(&case, today, &common::DEATH_ANSWERS);
            h.people(
                &case,
                today,
                &[
                    ("deceased_kin", "parent-male"),
                    ("lived_with", "no"),
                    ("surviving_spouse", "new"),
                    ("surviving_spouse_name", "山田 和子"),
                ],
            );
        }
        e => panic!("no event {e}"),
    }
    h.fill(&case, today, &value);
    case
}

fn today_of(event: &str) -> Date {
    match event {
        "birth" => date(2026, 4, 20),
        "moving" => date(2026, 5, 20),
        _ => date(2026, 12, 5),
    }
}

/// Every household and event's code, with the drive it came from.
fn codes() -> Vec<(usize, &'static str, Drive, String, String)> {
    let mut out = Vec::new();
    for n in 1..=8 {
        for event in ["birth", "moving", "death"] {
            let mut h = household(n);
            let today = today_of(event);
            let case = live(&mut h, event, n, today);
            let code = handoff::encode(&h.s, &h.c, &case)
                .expect("a case has a code")
                .text;
            out.push((n, event, h, case, code));
        }
    }
    out
}

#[test]
fn the_counter_fills_every_form_as_the_phone_does_for_households_of_one_to_eight() {
    println!("household  event   characters  QR version (level M)");
    for (n, event, h, case, code) in codes() {
        let today = today_of(event);
        let mut counter =
            handoff::decode(&code, &h.c, today).unwrap_or_else(|e| panic!("{n} {event}: {e:?}"));
        assert_eq!(counter.cases.len(), 1, "one case, nothing else");
        // No My Number travels in the code: staff take each one from the card at the
        // counter (a form that needs one lists it as missing until then).
        let numbers: Vec<(String, Vec<hitotsu::vault::Fact>)> =
            h.s.vault
                .facts
                .iter()
                .filter_map(|(owner, a)| Some((owner.clone(), a.get("my_number")?.clone())))
                .filter(|(_, v)| !v.is_empty())
                .collect();
        assert!(
            counter
                .vault
                .facts
                .values()
                .all(|a| !a.contains_key("my_number")),
            "{n} {event}: a My Number in the code"
        );
        if !numbers.is_empty() {
            let id = counter.cases[0].id.clone();
            let scope = counter.scope(&h.c, &id, today).unwrap();
            let asked: Vec<String> = packets(&scope)
                .iter()
                .flat_map(|p| p.missing.iter().map(|g| format!("{g:?}")))
                .collect();
            assert!(
                asked.iter().any(|g| g.contains("my_number")),
                "{n} {event}: the counter must ask for the card's number: {asked:?}"
            );
        }
        for (owner, versions) in numbers {
            let owner = if owner == case {
                counter.cases[0].id.clone()
            } else {
                owner
            };
            counter
                .vault
                .facts
                .entry(owner)
                .or_default()
                .insert("my_number".into(), versions);
        }
        let at_counter = &counter.cases[0];
        let phone = h.s.scope(&h.c, &case, today).unwrap();
        let there = counter.scope(&h.c, &at_counter.id, today).unwrap();
        // The same values on every form, for the same procedures and recipients.
        let forms = |p: Vec<hitotsu::onestop::Packet>| {
            p.into_iter()
                .map(|p| (p.agency, p.forms, p.missing))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            forms(packets(&there)),
            forms(packets(&phone)),
            "{n} {event}"
        );
        let values = |u: Vec<hitotsu::onestop::Used>| {
            u.into_iter()
                .map(|u| (u.field, u.value, u.procedures))
                .collect::<Vec<_>>()
        };
        assert_eq!(values(used(&there)), values(used(&phone)), "{n} {event}");
        assert_eq!(at_counter.answers, h.case(&case).answers);
        // Each fact carried with its history and where it came from, as the phone shows it.
        let mut carried = 0;
        for (owner, by_attribute) in &counter.vault.facts {
            let phone_owner = if owner == &at_counter.id {
                &case
            } else {
                owner
            };
            for (attribute, versions) in by_attribute {
                let there = h.s.vault.history(&FactKey::new(phone_owner, attribute));
                let seen = |f: &hitotsu::vault::Fact| {
                    (
                        f.value.clone(),
                        f.from,
                        f.given.date,
                        f.given.how,
                        f.given.event.clone(),
                    )
                };
                assert_eq!(
                    versions.iter().map(seen).collect::<Vec<_>>(),
                    there.iter().map(seen).collect::<Vec<_>>(),
                    "{n} {event} {owner} {attribute}"
                );
                carried += 1;
            }
        }
        assert!(carried >= 10 + n, "{n} {event}: only {carried} facts");
        // Only the case's people: nobody of another event, no outbox, no sharing record.
        assert!(counter.outbox.items.is_empty() && counter.shared.is_empty());
        let qr = handoff::qr(&code).expect("fits one QR code at level M");
        println!("{n:>9}  {event:<7} {:>10}  {:>2}", code.len(), qr.version);
    }
}

#[test]
fn a_household_of_six_through_every_event_fits_one_qr_code_at_level_m() {
    // Six people who went through a birth, then a move, then a death: the largest vault.
    let mut h = household(6);
    let mut last = String::new();
    for event in ["birth", "moving", "death"] {
        last = live(&mut h, event, 6, today_of(event));
    }
    let code = handoff::encode(&h.s, &h.c, &last).unwrap().text;
    let qr = handoff::qr(&code).expect("fits one QR code");
    println!(
        "a household of six after three events: {} characters, version {}",
        code.len(),
        qr.version
    );
    assert!(qr.version <= 40);
    assert!(handoff::decode(&code, &h.c, today_of("death")).is_ok());
}

#[test]
fn every_single_changed_character_is_refused() {
    let alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    let (_, _, h, _, code) = codes()
        .into_iter()
        .find(|c| c.0 == 3 && c.1 == "birth")
        .unwrap();
    let today = today_of("birth");
    let bytes: Vec<char> = code.chars().collect();
    let mut tried = 0;
    for i in 0..bytes.len() {
        for c in alphabet.chars().filter(|&c| c != bytes[i]) {
            let mut changed = bytes.clone();
            changed[i] = c;
            let text: String = changed.into_iter().collect();
            let got = handoff::decode(&text, &h.c, today);
            assert!(got.is_err(), "position {i} changed to {c:?} was accepted");
            tried += 1;
        }
    }
    assert!(tried > 40 * code.len());
}

#[test]
fn a_refusal_names_what_is_wrong() {
    let (_, _, h, _, code) = codes()
        .into_iter()
        .find(|c| c.0 == 1 && c.1 == "moving")
        .unwrap();
    let today = today_of("moving");
    let err = |t: &str| handoff::decode(t, &h.c, today).unwrap_err();
    assert_eq!(err("https://example.jp/"), HandoffError::NotOurs);
    assert_eq!(err(""), HandoffError::NotOurs);
    // A character no QR code in alphanumeric mode carries.
    assert_eq!(err(&format!("{code}a")), HandoffError::Damaged);
    // Cut short, as a partly read code would be.
    assert_eq!(err(&code[..code.len() - 3]), HandoffError::Damaged);
    assert_eq!(
        err(&format!("{}{}", handoff::PREFIX, "0".repeat(5000))),
        HandoffError::TooLong
    );
    // A newer version's code, with its checksum right.
    let frame = base45::decode(code.strip_prefix(handoff::PREFIX).unwrap()).unwrap();
    let mut newer = frame[..frame.len() - 4].to_vec();
    newer[0] = 2;
    let crc = crc32fast::hash(&newer).to_be_bytes();
    newer.extend(crc);
    let newer = format!("{}{}", handoff::PREFIX, base45::encode(&newer));
    assert_eq!(err(&newer), HandoffError::UnknownVersion(2));
    // Right checksum, content not ours (deliberately made, as tampering would).
    let mut junk = vec![handoff::VERSION];
    junk.extend(miniz_oxide::deflate::compress_to_vec(b"\xa1\x61x\x01", 6));
    let crc = crc32fast::hash(&junk).to_be_bytes();
    junk.extend(crc);
    let junk = format!("{}{}", handoff::PREFIX, base45::encode(&junk));
    assert!(matches!(err(&junk), HandoffError::Invalid(_)));
    // A code is read whole even when the scanner adds a line end.
    assert!(handoff::decode(&format!("{code}\r\n"), &h.c, today).is_ok());
}

/// A picture of a code as a camera sees it: each module `scale` pixels, grey rather than
/// black and white, on a background wider than the quiet zone.
fn picture(qr: &handoff::Qr, scale: usize, margin: usize) -> (usize, Vec<u8>) {
    let side = (qr.size() * scale) + 2 * margin;
    let mut luma = vec![200u8; side * side];
    for (i, &dark) in qr.dark.iter().enumerate() {
        let (x, y) = (i % qr.width + 4, i / qr.width + 4);
        if dark {
            for dy in 0..scale {
                for dx in 0..scale {
                    luma[(margin + y * scale + dy) * side + margin + x * scale + dx] = 40;
                }
            }
        }
    }
    (side, luma)
}

#[test]
fn the_counter_reads_the_code_from_its_picture() {
    let (_, _, h, _, code) = codes()
        .into_iter()
        .find(|c| c.0 == 6 && c.1 == "death")
        .unwrap();
    let qr = handoff::qr(&code).unwrap();
    let (side, luma) = picture(&qr, 3, 17);
    let read = handoff::scan(side, side, &luma).expect("the picture holds a code");
    assert_eq!(read, code);
    assert!(handoff::decode(&read, &h.c, today_of("death")).is_ok());
    // No code in the picture: nothing read, nothing loaded.
    assert_eq!(handoff::scan(side, side, &vec![200u8; side * side]), None);
    assert_eq!(handoff::scan(side, side, &luma[1..]), None);
}

/// A code made by this build's encoder from a state the app itself would never hold (each
/// accepted before by the reader), and what the reader says of it.
fn refusal(edit: impl FnOnce(&mut Drive, &str)) -> HandoffError {
    let mut h = household(2);
    let today = today_of("birth");
    let case = live(&mut h, "birth", 2, today);
    edit(&mut h, &case);
    // The phone checks its own code the same way, and says so rather than show it.
    let phone = handoff::encode_checked(&h.s, &h.c, &case, today).unwrap_err();
    let code = handoff::encode(&h.s, &h.c, &case).unwrap().text;
    let counter = handoff::decode(&code, &h.c, today).unwrap_err();
    assert_eq!(phone, counter);
    counter
}

fn set_fact(h: &mut Drive, owner: &str, attribute: &str, value: &str) {
    let key = FactKey::new(owner, attribute);
    let mut versions = h.s.vault.history(&key).to_vec();
    versions.last_mut().unwrap().value = value.into();
    h.s.vault
        .facts
        .get_mut(owner)
        .unwrap()
        .insert(attribute.into(), versions);
}

#[test]
fn the_reader_refuses_what_the_phone_would_never_write() {
    use hitotsu::fields::FieldError;
    let bad_value = |e: HandoffError| match e {
        HandoffError::BadValue { why, .. } => why,
        e => panic!("{e:?}"),
    };
    // Shown as 山田 太郎, filed reversed: a text-direction override in a name.
    let e = refusal(|h, _| set_fact(h, ME, "name", "\u{202e}郎太 田山"));
    assert_eq!(bad_value(e), FieldError::HiddenCharacter);
    // A zero-width space: the sheet would not match what was checked on screen.
    let e = refusal(|h, _| set_fact(h, ME, "name", "山田\u{200b} 太郎"));
    assert_eq!(bad_value(e), FieldError::HiddenCharacter);
    let e = refusal(|h, _| set_fact(h, ME, "phone", "call me"));
    assert_eq!(bad_value(e), FieldError::Phone);
    // An answer outside its question's options, and an answer to no question.
    let e = refusal(|h, case| {
        h.s.case_mut(case)
            .unwrap()
            .answers
            .insert("born_abroad".into(), "maybe".into());
    });
    assert_eq!(e, HandoffError::BadAnswer("born_abroad".into()));
    let e = refusal(|h, case| {
        h.s.case_mut(case)
            .unwrap()
            .answers
            .insert("favourite_colour".into(), "blue".into());
    });
    assert_eq!(e, HandoffError::BadAnswer("favourite_colour".into()));
    // A procedure this event does not have, marked done.
    let e = refusal(|h, case| {
        h.s.case_mut(case)
            .unwrap()
            .done
            .insert("moon_landing".into());
    });
    assert_eq!(e, HandoffError::Invalid("moon_landing".into()));
    // Some 250 people living together.
    let e = refusal(|h, _| {
        let given = h.s.vault.history(&FactKey::new(ME, "name"))[0]
            .given
            .clone();
        for _ in 0..250 {
            let p = h.s.vault.add_person("c0");
            h.s.vault.set(
                &FactKey::new(&p, hitotsu::vault::IN_HOUSEHOLD),
                "yes".into(),
                None,
                given.clone(),
            );
        }
    });
    assert!(
        matches!(e, HandoffError::TooManyPeople(n) if n > 250),
        "{e:?}"
    );
    // A history with two versions on one date (an import used to accept one).
    let e = refusal(|h, _| {
        let key = FactKey::new(HOUSEHOLD, "address");
        let mut versions = h.s.vault.history(&key).to_vec();
        versions.push(versions[0].clone());
        h.s.vault
            .facts
            .get_mut(HOUSEHOLD)
            .unwrap()
            .insert("address".into(), versions);
    });
    assert_eq!(e, HandoffError::Invalid("address".into()));
}

#[test]
fn bytes_after_the_cbor_are_refused() {
    let (_, _, h, _, code) = codes()
        .into_iter()
        .find(|c| c.0 == 2 && c.1 == "birth")
        .unwrap();
    let frame = base45::decode(code.strip_prefix(handoff::PREFIX).unwrap()).unwrap();
    let mut cbor = miniz_oxide::inflate::decompress_to_vec(&frame[1..frame.len() - 4]).unwrap();
    cbor.push(0);
    let mut longer = vec![handoff::VERSION];
    longer.extend(miniz_oxide::deflate::compress_to_vec(&cbor, 10));
    let crc = crc32fast::hash(&longer).to_be_bytes();
    longer.extend(crc);
    let text = format!("{}{}", handoff::PREFIX, base45::encode(&longer));
    assert_eq!(
        handoff::decode(&text, &h.c, today_of("birth")).unwrap_err(),
        HandoffError::Invalid("trailing bytes".into())
    );
}

/// A picture shrunk by averaging each target pixel's source area, as a camera's optics and
/// a photo's downscaling blur a code's edges.
fn shrink(w: usize, h: usize, luma: &[u8], to_w: usize, to_h: usize) -> Vec<u8> {
    let mut out = vec![0u8; to_w * to_h];
    for ty in 0..to_h {
        let (y0, y1) = (ty * h / to_h, ((ty + 1) * h / to_h).max(ty * h / to_h + 1));
        for tx in 0..to_w {
            let (x0, x1) = (tx * w / to_w, ((tx + 1) * w / to_w).max(tx * w / to_w + 1));
            let mut sum = 0u32;
            for y in y0..y1 {
                for x in x0..x1 {
                    sum += u32::from(luma[y * w + x]);
                }
            }
            out[ty * to_w + tx] = (sum / ((y1 - y0) * (x1 - x0)) as u32) as u8;
        }
    }
    out
}

/// Draws a code (with its quiet zone) `side` pixels square at (x, y) on a picture.
fn draw(luma: &mut [u8], w: usize, qr: &handoff::Qr, x: usize, y: usize, side: usize) {
    for py in 0..side {
        for px in 0..side {
            let (mx, my) = (px * qr.size() / side, py * qr.size() / side);
            let dark = mx >= 4
                && my >= 4
                && mx < qr.width + 4
                && my < qr.width + 4
                && qr.dark[(my - 4) * qr.width + (mx - 4)];
            luma[(y + py) * w + x + px] = if dark { 20 } else { 250 };
        }
    }
}

/// A photo of the whole phone screen (390×844 CSS pixels, the code 358 wide) whose long
/// side is `long` pixels, as the counter reads it: larger than 1,600 it is first shrunk
/// to that, as the counter's start page does.
fn photo_reads(qr: &handoff::Qr, long: usize) -> Option<String> {
    let (w, h) = (1170, 2532);
    let mut screen = vec![245u8; w * h];
    let side = 1074;
    draw(&mut screen, w, qr, 48, 600, side);
    let long = long.min(1600);
    let (tw, th) = (w * long / h, long);
    let photo = shrink(w, h, &screen, tw, th);
    handoff::scan(tw, th, &photo)
}

/// A 1280×720 camera frame in which the code fills half the height.
fn camera_reads(qr: &handoff::Qr) -> Option<String> {
    let scale = 4;
    let (w, h) = (1280 * scale, 720 * scale);
    let mut big = vec![128u8; w * h];
    let side = 360 * scale;
    draw(&mut big, w, qr, (w - side) / 2, (h - side) / 2, side);
    let frame = shrink(w, h, &big, 1280, 720);
    handoff::scan(1280, 720, &frame)
}

#[test]
fn every_household_of_one_to_eight_is_read_from_a_photo_and_the_camera() {
    let mut largest: BTreeMap<usize, String> = BTreeMap::new();
    for (n, _, _, _, code) in codes() {
        let slot = largest.entry(n).or_default();
        if code.len() > slot.len() {
            *slot = code;
        }
    }
    println!(
        "household  characters  one code   parts (versions)   photo long side read        camera"
    );
    for (n, code) in largest {
        let single = handoff::qr(&code).map_or(0, |q| q.version);
        let parts = handoff::parts(&code);
        let qrs: Vec<handoff::Qr> = parts.iter().map(|p| handoff::qr(p).unwrap()).collect();
        assert!(
            qrs.iter().all(|q| q.version <= handoff::PART_VERSION),
            "{n}: {parts:?}"
        );
        let photos: Vec<usize> = [1000, 1200, 1600, 2000, 2400]
            .into_iter()
            .filter(|&l| {
                qrs.iter()
                    .zip(&parts)
                    .all(|(q, p)| photo_reads(q, l).as_deref() == Some(p))
            })
            .collect();
        let camera = qrs
            .iter()
            .zip(&parts)
            .all(|(q, p)| camera_reads(q).as_deref() == Some(p));
        // The same as one code, for comparison: why a large code is split.
        let whole = handoff::qr(&code).unwrap();
        let whole_photos: Vec<usize> = [1000, 1200, 1600, 2000, 2400]
            .into_iter()
            .filter(|&l| photo_reads(&whole, l).as_deref() == Some(code.as_str()))
            .collect();
        println!(
            "           as one code: photo {whole_photos:?}, camera {}",
            camera_reads(&whole).as_deref() == Some(code.as_str())
        );
        println!(
            "{n:>9}  {:>10}  version {single:>2}  {} ({})  {photos:?}  {camera}",
            code.len(),
            parts.len(),
            qrs.iter()
                .map(|q| q.version.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        );
        assert_eq!(photos, [1000, 1200, 1600, 2000, 2400], "household of {n}");
        assert!(camera, "household of {n}: the camera frame");
        // Put together in any order, the parts give the whole code back.
        let mut assembly = handoff::Assembly::default();
        let mut got = None;
        for p in parts.iter().rev() {
            if let handoff::Piece::Whole(h) = assembly.add(p).unwrap() {
                got = Some(h);
            }
        }
        assert_eq!(got.unwrap(), handoff::read(&code).unwrap());
    }
}

#[test]
fn parts_of_two_phones_are_never_put_together() {
    let all = codes();
    let big: Vec<&String> = all
        .iter()
        .filter(|c| c.0 >= 7)
        .map(|c| &c.4)
        .filter(|c| handoff::parts(c).len() > 1)
        .collect();
    let (a, b) = (handoff::parts(big[0]), handoff::parts(big[1]));
    assert_ne!(a[0].split(':').nth(1), b[0].split(':').nth(1), "two sets");
    let mut assembly = handoff::Assembly::default();
    assert!(matches!(
        assembly.add(&a[0]),
        Ok(handoff::Piece::Part { have: 1, .. })
    ));
    // The other phone's part starts over with that phone's set: 1 of its own, not 2.
    assert!(matches!(
        assembly.add(&b[1]),
        Ok(handoff::Piece::Part { have: 1, .. })
    ));
    // The same part twice counts once; a changed part fails the whole frame's check.
    let mut again = handoff::Assembly::default();
    again.add(&a[0]).unwrap();
    assert!(matches!(
        again.add(&a[0]),
        Ok(handoff::Piece::Part { have: 1, .. })
    ));
    let mut broken = handoff::Assembly::default();
    let last = a.len() - 1;
    for (i, p) in a.iter().enumerate() {
        let p = if i == last {
            let mut chars: Vec<char> = p.chars().collect();
            let k = chars.len() - 3;
            chars[k] = if chars[k] == '0' { '1' } else { '0' };
            chars.into_iter().collect()
        } else {
            p.clone()
        };
        let got = broken.add(&p);
        if i == last {
            assert!(got.is_err(), "a changed part was accepted");
        }
    }
}

/// A picture found by a search over random fields of finder patterns (120×120, one byte a
/// pixel) on which rqrr 0.11 fails an assertion instead of answering: in the app it runs in
/// a worker, which dies on it and is replaced (tests/e2e/counter.spec.js reads it there).
/// Kept so the counter's test goes on trapping the reader as long as rqrr does.
#[test]
fn the_trap_picture_still_traps_rqrr() {
    let luma = std::fs::read(format!(
        "{}/tests/data/qr-trap.luma",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert_eq!(luma.len(), 120 * 120);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let read = std::panic::catch_unwind(|| handoff::scan(120, 120, &luma));
    std::panic::set_hook(hook);
    assert!(
        read.is_err(),
        "rqrr no longer traps on it: the browser test's trap case needs a new picture"
    );
}
