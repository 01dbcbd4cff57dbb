//! Every decoder of outside data — the stored state, an imported file, the endpoint's
//! answers, the deployment's config, a catalog file — meets inputs made by mutating real
//! ones: none may panic, and whatever is accepted must come back the same from its own
//! output. FUZZ_CASES sets how many inputs each decoder gets: the test command gives
//! 10^5 (`FUZZ_CASES=100000 cargo test --profile fuzz --test decoders`), a plain
//! `cargo test` a quick 5,000; more in a longer run.

use hitotsu::outbox::{interpret, Config, Reply};
use hitotsu::state::AppState;

fn cases() -> usize {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000)
}

/// A small deterministic generator (xorshift64*): the same inputs on every run, so a
/// failure can be reproduced from its case number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that have broken decoders before: far dates, wrong types, huge and negative
/// numbers, ids that clash, hidden characters.
const TOKENS: &[&str] = &[
    "\"9999-12-31\"",
    "\"-009999-01-01\"",
    "\"2026-02-30\"",
    "null",
    "[]",
    "{}",
    "-1",
    "0",
    "1e400",
    "18446744073709551616",
    "4294967295",
    "\"3\"",
    "true",
    "\"p1\"",
    "\"me\"",
    "\"c1\"",
    "\"\\u0000\"",
    "\"\\u202e\"",
    "\"\"",
    "\"household\"",
    "\"delivered\"",
    "\"waiting\"",
    "\"needs_action\"",
    "NaN",
    "\"𠮷\"",
];

/// One mutation of `seed`: bytes flipped, cut, repeated, or a token put in place of a
/// value. Kept valid UTF-8 (the decoders take text).
fn mutate(seed: &str, rng: &mut Rng) -> String {
    let mut s = seed.to_string();
    for _ in 0..=rng.below(3) {
        let len = s.len();
        let at = floor_char(&s, rng.below(len + 1));
        match rng.below(5) {
            0 => {
                let end = floor_char(&s, (at + 1 + rng.below(8)).min(len));
                s.replace_range(at..end, "");
            }
            1 => {
                let end = floor_char(&s, (at + rng.below(40)).min(len));
                let piece = s[at..end].to_string();
                s.insert_str(at, &piece);
            }
            2 => s.insert_str(at, TOKENS[rng.below(TOKENS.len())]),
            3 => {
                // A value replaced: from a separator to the next one.
                let from = s[..at].rfind([':', ',', '[']).map_or(0, |i| i + 1);
                let to = s[at..].find([',', '}', ']']).map_or(len, |i| at + i);
                if from <= to {
                    s.replace_range(from..to, TOKENS[rng.below(TOKENS.len())]);
                }
            }
            _ => {
                let c = char::from(b" \"{}[],:0123456789-ae"[rng.below(21)]);
                s.insert(at, c);
            }
        }
    }
    s
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn stored_seed() -> String {
    let raw = std::fs::read_to_string(format!(
        "{}/tests/data/state-v2.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    AppState::from_stored(Some(&raw)).0.to_stored()
}

#[test]
fn the_stored_state_decoder_never_panics_and_round_trips() {
    let seed = stored_seed();
    let mut rng = Rng(0x5EED_0001);
    let mut accepted = 0;
    for _ in 0..cases() {
        let input = mutate(&seed, &mut rng);
        let (state, problem) = AppState::from_stored(Some(&input));
        if problem.is_none() {
            accepted += 1;
            let again = AppState::from_stored(Some(&state.to_stored()));
            assert_eq!(again, (state, None), "round trip of {input}");
        }
    }
    assert!(accepted > 0, "some mutations must still be readable");
}

#[test]
fn the_import_decoder_never_panics_and_round_trips() {
    let (state, _) = AppState::from_stored(Some(&stored_seed()));
    let today = jiff::civil::date(2026, 11, 23);
    let seed = state.export(today).replace("\n", "").replace("  ", "");
    let mut rng = Rng(0x5EED_0002);
    let mut accepted = 0;
    for _ in 0..cases() {
        let input = mutate(&seed, &mut rng);
        if let Ok(s) = AppState::import(&input) {
            accepted += 1;
            assert_eq!(
                AppState::import(&s.export(today)).as_ref(),
                Ok(&s),
                "round trip of {input}"
            );
        }
    }
    assert!(accepted > 0);
}

#[test]
fn the_endpoint_answer_and_config_decoders_never_panic() {
    let answer = r#"{"receipt": "R-0001", "status": "received"}"#;
    let config = r#"{"submission_endpoint": "https://city.example.jp/api", "request_timeout_ms": 20000,
        "push": {"public_key": "BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U", "subscription_url": "/api/push"}}"#;
    let mut rng = Rng(0x5EED_0003);
    for _ in 0..cases() {
        let input = mutate(answer, &mut rng);
        let status = [200, 201, 204, 400, 409, 422, 500, 503][rng.below(8)];
        let _ = interpret(status, &input);
        if let Some(r) = Reply::parse(&input) {
            let json = serde_json::json!({ "receipt": r.receipt, "status": r.status }).to_string();
            assert_eq!(Reply::parse(&json), Some(r));
        }
        let input = mutate(config, &mut rng);
        if let Ok(c) = Config::parse(&input) {
            let json = serde_json::json!({
                "submission_endpoint": c.submission_endpoint,
                "request_timeout_ms": c.request_timeout_ms,
                "push": c.push,
            })
            .to_string();
            assert_eq!(Config::parse(&json), Ok(c));
        }
    }
}

mod common;

/// The catalog a municipality edits: each input is the shipped catalog with one of its
/// files mutated. A load reads all five files, so a plain `cargo test` gives it a tenth.
#[test]
fn the_catalog_decoder_never_panics() {
    use hitotsu::catalog::Catalog;
    let n = if std::env::var("FUZZ_CASES").is_ok() {
        cases()
    } else {
        cases() / 10
    };
    let (index, fields) = (common::read("index.json"), common::read("fields.json"));
    let events = common::event_files();
    let mut rng = Rng(0x5EED_0004);
    for _ in 0..n {
        let which = rng.below(events.len() + 2);
        let (mut i, mut f, mut e) = (index.clone(), fields.clone(), events.clone());
        match which {
            0 => i = mutate(&index, &mut rng),
            1 => f = mutate(&fields, &mut rng),
            k => e[k - 2].1 = mutate(&events[k - 2].1, &mut rng),
        }
        let _ = Catalog::load(&i, &f, &e);
    }
}

/// The handoff code read at the counter: inputs mutated at each of its layers — the text
/// a camera read, the compressed frame and the CBOR inside (with the checksum made right
/// again, so the mutation reaches the reader behind it, as a forged code would).
#[test]
fn the_handoff_decoder_never_panics_and_round_trips() {
    use hitotsu::handoff;
    let catalog = common::catalog();
    let today = jiff::civil::date(2026, 5, 1);
    let state = AppState::from_stored(Some(&stored_seed())).0;
    let case = &state.cases[0].id;
    let code = handoff::encode(&state, &catalog, case)
        .expect("the seed's case has a code")
        .text;
    let frame = base45::decode(code.strip_prefix(handoff::PREFIX).unwrap()).unwrap();
    let cbor = miniz_oxide::inflate::decompress_to_vec(&frame[1..frame.len() - 4]).unwrap();
    let seal = |mut f: Vec<u8>| {
        let crc = crc32fast::hash(&f).to_be_bytes();
        f.extend(crc);
        format!("{}{}", handoff::PREFIX, base45::encode(&f))
    };
    let mut rng = Rng(0x5EED_0005);
    let bytes = |seed: &[u8], rng: &mut Rng| {
        let mut b = seed.to_vec();
        for _ in 0..=rng.below(3) {
            let at = rng.below(b.len() + 1);
            match rng.below(4) {
                0 if at < b.len() => b[at] = rng.next() as u8,
                1 if at < b.len() => {
                    b.remove(at);
                }
                // Bytes that mean "huge", "endless" or "nested" to a CBOR reader.
                2 => {
                    let t: &[u8] = [
                        &[0x1b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff][..],
                        &[0x9f],
                        &[0xff],
                        &[0x7b, 0xff, 0xff, 0xff],
                        &[0x98, 0xff],
                    ][rng.below(5)];
                    b.splice(at..at, t.iter().copied());
                }
                _ => b.insert(at.min(b.len()), rng.next() as u8),
            }
        }
        b
    };
    let mut accepted = 0;
    for i in 0..cases() {
        let input = match i % 3 {
            0 => {
                let mut t: Vec<char> = code.chars().collect();
                let at = rng.below(t.len());
                t[at] = char::from(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"[rng.below(45)]);
                t.into_iter().collect()
            }
            1 => {
                let mut f = vec![handoff::VERSION];
                f.extend(bytes(&frame[1..frame.len() - 4], &mut rng));
                seal(f)
            }
            _ => {
                let mut f = vec![handoff::VERSION];
                f.extend(miniz_oxide::deflate::compress_to_vec(
                    &bytes(&cbor, &mut rng),
                    6,
                ));
                seal(f)
            }
        };
        if let Ok(read) = handoff::decode(&input, &catalog, today) {
            accepted += 1;
            let again = handoff::encode(&read, &catalog, &read.cases[0].id)
                .unwrap()
                .text;
            assert_eq!(
                handoff::decode(&again, &catalog, today),
                Ok(read),
                "round trip of case {i}"
            );
        }
    }
    assert!(accepted > 0, "some mutations must still be readable");
}
