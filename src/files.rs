//! The files on one device. A family tablet or a neighbour's phone is used by several
//! people: each keeps a file of their own (one `AppState` under a storage key of its own),
//! chooses it when the app opens, and may lock it with a passcode. A locked file is kept
//! sealed (AES-GCM, the key derived from the passcode): what is stored of it is an
//! envelope with nothing of the person in plain but the language and display settings
//! its unlock page is drawn in.
//!
//! Plain data and rules, so what opens and what is refused is tested natively; the
//! browser's crypto sits behind `app::services::seal`.

use crate::i18n::Lang;
use crate::state::{AppState, Display, STORAGE_KEY};
use serde::{Deserialize, Serialize};

/// The first file: the one the app has always kept, under the app's first storage key, so
/// a device that holds one person's file needs no migration.
pub const FIRST: &str = "";
/// More files than a household and its visitors could use; a device refuses the next one
/// rather than filling its storage.
pub const MAX_FILES: usize = 12;
/// PBKDF2-SHA256 iterations for a passcode (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).
pub const PASSCODE_ITERATIONS: u32 = 600_000;
/// Shortest passcode accepted: six characters, as a phone's own lock asks at least.
pub const PASSCODE_MIN: usize = 6;
pub const PASSCODE_MAX: usize = 128;
/// The envelope format this build writes.
pub const SEALED_FORMAT: u32 = 1;
/// Which file a tab works on, in its session storage (so a reload stays in the file).
pub const ACTIVE_KEY: &str = "hitotsu.file";

/// The storage key of a file.
pub fn storage_key(file: &str) -> String {
    if file.is_empty() {
        STORAGE_KEY.to_string()
    } else {
        format!("{STORAGE_KEY}.{file}")
    }
}

/// Where a file's unreadable copy is kept aside (never deleted).
pub fn kept_aside_key(file: &str) -> String {
    format!("{}.unreadable", storage_key(file))
}

/// A file id other than the first: `f` and eight lower-case hex digits.
pub fn is_file_id(id: &str) -> bool {
    id.strip_prefix('f').is_some_and(|hex| {
        hex.len() == 8
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The file a storage key holds, if it holds one.
pub fn file_of_key(key: &str) -> Option<&str> {
    if key == STORAGE_KEY {
        return Some(FIRST);
    }
    key.strip_prefix(STORAGE_KEY)
        .and_then(|rest| rest.strip_prefix('.'))
        .filter(|id| is_file_id(id))
}

/// A new file's id from random bits; never one in use (ids are not reused, so a tab still
/// open on a deleted file can never write into the next person's).
pub fn new_file_id(random: u32, existing: &[String]) -> Option<String> {
    if existing.len() >= MAX_FILES {
        return None;
    }
    (0..=u32::MAX)
        .map(|i| format!("f{:08x}", random.wrapping_add(i)))
        .find(|id| !existing.iter().any(|e| e == id))
}

/// What the chooser shows of a file: the owner's name only when the file is not locked.
#[derive(Clone, Debug, PartialEq)]
pub struct FileSummary {
    pub id: String,
    pub locked: bool,
    /// The citizen's name in an unlocked file, when it has one.
    pub owner: Option<String>,
    /// Open life events (an unlocked file's).
    pub cases: usize,
}

impl FileSummary {
    /// Reads what the chooser needs of a stored file; None for what is not a file of ours.
    pub fn of(id: &str, raw: &str) -> Option<FileSummary> {
        if let Some(sealed) = Sealed::parse(raw) {
            let _ = sealed;
            return Some(FileSummary {
                id: id.to_string(),
                locked: true,
                owner: None,
                cases: 0,
            });
        }
        let (state, problem) = AppState::from_stored(Some(raw));
        // An unreadable file is still someone's: it is listed (its page says what is wrong).
        let _ = problem;
        Some(FileSummary {
            id: id.to_string(),
            locked: false,
            owner: state.whose().map(str::to_string),
            cases: state.cases.len(),
        })
    }
}

/// What a tab opens when it starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Opening {
    /// This file (it may be locked: then its unlock page).
    File(String),
    /// Several files, or a locked one: who is using the app is asked first.
    Choose,
}

/// The file a tab opens: the one it was working on (a reload), the device's only unlocked
/// file, the first file on a device that holds none; otherwise the chooser, so nobody
/// lands in someone else's file when the device holds several, and a locked file is
/// never the only way in.
pub fn opening(files: &[FileSummary], remembered: Option<&str>) -> Opening {
    if let Some(r) = remembered.filter(|r| files.iter().any(|f| f.id == *r)) {
        return Opening::File(r.to_string());
    }
    match files {
        [] => Opening::File(FIRST.to_string()),
        [only] if !only.locked => Opening::File(only.id.clone()),
        _ => Opening::Choose,
    }
}

/// How a sealed file's key was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kdf {
    /// "PBKDF2-SHA256".
    pub name: String,
    pub iterations: u32,
    /// base45 of 16 random bytes.
    pub salt: String,
}

/// A sealed file as stored: AES-GCM (256-bit key, 96-bit nonce) over the state's JSON,
/// with the storage key as additional data (a sealed file moved under another key does
/// not open). The language and display are in plain so the unlock page is readable by
/// its owner at the size they need; nothing else is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sealed {
    pub sealed: u32,
    /// None: the key is not derived from a passcode (a counter session's random key).
    #[serde(default)]
    pub kdf: Option<Kdf>,
    /// base45 of the 12-byte nonce.
    pub iv: String,
    /// base45 of the ciphertext and its tag.
    pub data: String,
    #[serde(default)]
    pub lang: Lang,
    #[serde(default)]
    pub display: Display,
}

impl Sealed {
    /// A sealed envelope, or None for anything else (a plain state is not one).
    pub fn parse(raw: &str) -> Option<Sealed> {
        let s: Sealed = serde_json::from_str(raw).ok()?;
        (s.sealed == SEALED_FORMAT).then_some(s)
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).expect("an envelope serialises")
    }

    pub fn iv_bytes(&self) -> Option<Vec<u8>> {
        base45::decode(&self.iv).ok().filter(|iv| iv.len() == 12)
    }

    pub fn data_bytes(&self) -> Option<Vec<u8>> {
        base45::decode(&self.data).ok().filter(|d| d.len() >= 16)
    }

    pub fn salt_bytes(&self) -> Option<Vec<u8>> {
        let kdf = self.kdf.as_ref()?;
        base45::decode(&kdf.salt).ok().filter(|s| s.len() >= 16)
    }
}

/// The envelope for a state's ciphertext: `kdf` as the file's key was made.
pub fn envelope(kdf: Option<Kdf>, iv: &[u8], data: &[u8], state: &AppState) -> Sealed {
    Sealed {
        sealed: SEALED_FORMAT,
        kdf,
        iv: base45::encode(iv),
        data: base45::encode(data),
        lang: state.lang,
        display: state.display,
    }
}

/// A passcode's KDF record for new random salt bytes.
pub fn passcode_kdf(salt: &[u8]) -> Kdf {
    Kdf {
        name: "PBKDF2-SHA256".into(),
        iterations: PASSCODE_ITERATIONS,
        salt: base45::encode(salt),
    }
}

/// Why a passcode is refused when a file is locked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasscodeError {
    Empty,
    TooShort,
    TooLong,
    /// The second entry differs from the first.
    Mismatch,
}

/// Checks a new passcode and its repetition.
pub fn check_new_passcode(passcode: &str, repeat: &str) -> Result<(), PasscodeError> {
    let n = passcode.chars().count();
    if n == 0 {
        Err(PasscodeError::Empty)
    } else if n < PASSCODE_MIN {
        Err(PasscodeError::TooShort)
    } else if n > PASSCODE_MAX {
        Err(PasscodeError::TooLong)
    } else if passcode != repeat {
        Err(PasscodeError::Mismatch)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str, locked: bool) -> FileSummary {
        FileSummary {
            id: id.into(),
            locked,
            owner: None,
            cases: 0,
        }
    }

    #[test]
    fn keys_and_ids_name_only_files() {
        assert_eq!(storage_key(FIRST), "hitotsu.state");
        assert_eq!(storage_key("f0a1b2c3d"), "hitotsu.state.f0a1b2c3d");
        assert_eq!(file_of_key("hitotsu.state"), Some(FIRST));
        assert_eq!(file_of_key("hitotsu.state.f0a1b2c3d"), Some("f0a1b2c3d"));
        for not_a_file in [
            "hitotsu.state.unreadable",
            "hitotsu.state.f0a1b2c3d.unreadable",
            "hitotsu.state.f0A1B2C3D",
            "hitotsu.state.f123",
            "hitotsu.counter.state",
            "hitotsu.statef0a1b2c3d",
        ] {
            assert_eq!(file_of_key(not_a_file), None, "{not_a_file}");
        }
        assert_eq!(
            kept_aside_key("f0a1b2c3d"),
            "hitotsu.state.f0a1b2c3d.unreadable"
        );
    }

    #[test]
    fn a_new_id_is_never_one_in_use_and_the_device_has_a_limit() {
        let existing = vec!["f00000001".to_string(), "f00000002".to_string()];
        assert_eq!(new_file_id(1, &existing).as_deref(), Some("f00000003"));
        assert_eq!(new_file_id(9, &existing).as_deref(), Some("f00000009"));
        assert!(is_file_id(&new_file_id(u32::MAX, &existing).unwrap()));
        let full: Vec<String> = (0..MAX_FILES).map(|i| format!("f{i:08x}")).collect();
        assert_eq!(new_file_id(77, &full), None);
    }

    #[test]
    fn a_tab_opens_its_own_file_the_only_one_or_asks() {
        assert_eq!(opening(&[], None), Opening::File(FIRST.into()));
        assert_eq!(
            opening(&[summary("", false)], None),
            Opening::File("".into())
        );
        // One locked file: never the only way in; a new person can start their own.
        assert_eq!(opening(&[summary("", true)], None), Opening::Choose);
        let two = [summary("", false), summary("f00000001", false)];
        assert_eq!(opening(&two, None), Opening::Choose);
        assert_eq!(
            opening(&two, Some("f00000001")),
            Opening::File("f00000001".into())
        );
        // A remembered file that was deleted meanwhile: asked again.
        assert_eq!(opening(&two, Some("f00000009")), Opening::Choose);
    }

    #[test]
    fn a_sealed_file_shows_nothing_but_how_it_is_read() {
        let mut state = AppState {
            lang: Lang::Easy,
            ..AppState::default()
        };
        state.display.furigana = true;
        let kdf = passcode_kdf(&[7; 16]);
        let e = envelope(Some(kdf), &[1; 12], &[2; 40], &state);
        let raw = e.to_stored();
        assert_eq!(Sealed::parse(&raw).as_ref(), Some(&e));
        assert_eq!(e.iv_bytes(), Some(vec![1; 12]));
        assert_eq!(e.data_bytes(), Some(vec![2; 40]));
        assert_eq!(e.salt_bytes(), Some(vec![7; 16]));
        let listed = FileSummary::of("f00000001", &raw).unwrap();
        assert!(listed.locked && listed.owner.is_none());
        // A plain state is not an envelope, and an envelope of another format is not ours.
        assert_eq!(Sealed::parse(&AppState::default().to_stored()), None);
        assert_eq!(
            Sealed::parse(&raw.replace("\"sealed\":1", "\"sealed\":2")),
            None
        );
    }

    #[test]
    fn a_plain_file_is_listed_by_its_owner() {
        let mut state = AppState::default();
        let today = jiff::civil::date(2026, 4, 16);
        state.vault.set(
            &crate::vault::FactKey::new(crate::vault::ME, "name"),
            "山田 花子".into(),
            None,
            crate::vault::Provenance {
                case: "c1".into(),
                event: "birth".into(),
                how: crate::vault::How::Typed,
                date: today,
            },
        );
        let listed = FileSummary::of("", &state.to_stored()).unwrap();
        assert_eq!(listed.owner.as_deref(), Some("山田 花子"));
        assert!(!listed.locked);
    }

    #[test]
    fn a_new_passcode_is_long_enough_and_typed_twice_alike() {
        assert_eq!(check_new_passcode("", ""), Err(PasscodeError::Empty));
        assert_eq!(
            check_new_passcode("12345", "12345"),
            Err(PasscodeError::TooShort)
        );
        assert_eq!(
            check_new_passcode("123456", "123465"),
            Err(PasscodeError::Mismatch)
        );
        assert_eq!(
            check_new_passcode("ひみつのことば", "ひみつのことば"),
            Ok(())
        );
        let long = "x".repeat(PASSCODE_MAX + 1);
        assert_eq!(
            check_new_passcode(&long, &long),
            Err(PasscodeError::TooLong)
        );
    }
}
