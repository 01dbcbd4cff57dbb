//! Checking and normalising what a citizen types into a field of the field dictionary.
//! Lenient in what it accepts (hiragana becomes katakana, full-width digits become ASCII,
//! any separator in a postal code), strict in what it stores.

use crate::catalog::FieldKind;
use crate::date_input::{parse_date, DateError};
pub use crate::width::{full_width_kana, to_half_width};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    Empty,
    /// Kana fields: something that is not katakana (or hiragana, which is converted).
    NotKana,
    /// Names: digits or symbols that no name has.
    NotAName,
    TooLong(usize),
    PostalCode,
    Phone,
    Date(DateError),
    NotANumber,
    /// A choice field left unchosen or given a value that is not one of its options.
    NoChoice,
    /// Not 12 digits, or the last digit is not the check digit of the other eleven.
    MyNumber,
    /// Not a time of day (14:05, 2:05 PM, 午後2時5分).
    Time,
    /// Not two letters, eight digits and two letters (在留カード番号, 入管法19条の4第1項5号).
    ResidenceCard,
    /// A control or text-direction character (NUL, U+202E…): a printed sheet would read
    /// differently from what the screen shows.
    HiddenCharacter,
}

/// Characters that change how text reads without being seen: controls and the bidi
/// embeddings, overrides and isolates.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A time of day as people write it: 14:05, 14時5分, 2:05 PM, 午後2時5分 (午前0時 is
/// midnight, 午後0時 noon, as the 戸籍 writes them), full-width digits too.
pub fn parse_time(raw: &str) -> Option<(u32, u32)> {
    let s: String = to_half_width(raw)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (pm, am) = (
        s.starts_with("午後") || s.ends_with("pm") || s.ends_with("p.m."),
        s.starts_with("午前") || s.ends_with("am") || s.ends_with("a.m."),
    );
    let core = s
        .trim_start_matches("午後")
        .trim_start_matches("午前")
        .trim_end_matches("p.m.")
        .trim_end_matches("a.m.")
        .trim_end_matches("pm")
        .trim_end_matches("am");
    let (h, m) = if let Some((h, rest)) = core.split_once('時') {
        (h, rest.trim_end_matches('分'))
    } else if let Some((h, m)) = core.split_once(':') {
        (h, m)
    } else {
        return None;
    };
    let digits = |x: &str| !x.is_empty() && x.len() <= 2 && x.chars().all(|c| c.is_ascii_digit());
    if !digits(h) || !(m.is_empty() || digits(m)) {
        return None;
    }
    let (h, m): (u32, u32) = (
        h.parse().ok()?,
        if m.is_empty() { 0 } else { m.parse().ok()? },
    );
    if m > 59 {
        return None;
    }
    let h = match (am, pm) {
        (false, false) if h <= 23 => h,
        // 午前12時 is noon (明治5年太政官達第337号), 12 am midnight.
        (true, false) if h == 12 && s.starts_with("午前") => 12,
        (true, false) if h <= 12 => h % 12,
        (false, true) if h <= 12 => h % 12 + 12,
        _ => return None,
    };
    Some((h, m))
}

/// Invisible leftovers of copy and paste, dropped without a word.
fn is_paste_residue(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Text from elsewhere (an endpoint's message) without hidden characters.
pub fn visible_text(s: &str) -> String {
    s.chars()
        .filter(|c| !is_hidden(*c) && !is_paste_residue(*c))
        .collect()
}

/// The check digit of the eleven digits of an Individual Number (施行令8条): weights
/// 2–7 then 2–6 from the right, remainder by 11, 0 when it is 0 or 1, else 11 less it.
fn my_number_check_digit(first11: &[u32]) -> u32 {
    let sum: u32 = first11
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| d * if i < 6 { i as u32 + 2 } else { i as u32 - 4 })
        .sum();
    match sum % 11 {
        0 | 1 => 0,
        r => 11 - r,
    }
}

/// Hiragana to katakana (ぁ..ゖ and ゝゞ shift by 0x60); other characters unchanged.
pub fn hiragana_to_katakana(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309E}' => {
                char::from_u32(c as u32 + 0x60).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | 'ヽ' | 'ヾ' | ' ')
}

/// Collapses runs of spaces (any width, the no-break space of a pasted web page) into one
/// and trims the ends.
fn tidy_spaces(s: &str) -> String {
    s.split(char::is_whitespace)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name may hold any letters of any script, including kanji outside the basic plane
/// (𠮷, 𩸽) and variant selectors, plus spaces, "・", "-" and apostrophes; never digits
/// or other symbols.
fn is_name_char(c: char) -> bool {
    c.is_alphabetic()
        || matches!(
            c,
            ' ' | '・' | '-' | '\'' | '’' | '.' | 'ー' | '々' | '〆' | 'ヶ'
        )
        || matches!(c as u32, 0xFE00..=0xFE0F | 0xE0100..=0xE01EF | 0x3099..=0x309A)
}

pub const MAX_TEXT: usize = 100;

/// Checks `raw` for a field of the dictionary (choices against its options).
pub fn check_field(def: &crate::catalog::Field, raw: &str) -> Result<String, FieldError> {
    if def.kind == FieldKind::Choice {
        return def
            .options
            .iter()
            .find(|o| o.id == raw)
            .map(|o| o.id.clone())
            .ok_or(FieldError::NoChoice);
    }
    check(def.kind, raw)
}

/// Checks `raw` for a field of `kind` and returns the value to store.
pub fn check(kind: FieldKind, raw: &str) -> Result<String, FieldError> {
    let cleaned: String = raw.chars().filter(|c| !is_paste_residue(*c)).collect();
    let trimmed = cleaned.trim();
    if trimmed.chars().any(is_hidden) {
        return Err(FieldError::HiddenCharacter);
    }
    if trimmed.is_empty() {
        return Err(FieldError::Empty);
    }
    if trimmed.chars().count() > MAX_TEXT {
        return Err(FieldError::TooLong(MAX_TEXT));
    }
    match kind {
        FieldKind::Kana => {
            let kana = tidy_spaces(&hiragana_to_katakana(&full_width_kana(trimmed)));
            if kana.chars().all(is_katakana) {
                Ok(kana)
            } else {
                Err(FieldError::NotKana)
            }
        }
        FieldKind::Name => {
            let name = tidy_spaces(&full_width_kana(trimmed));
            if name.chars().all(is_name_char) {
                Ok(name)
            } else {
                Err(FieldError::NotAName)
            }
        }
        FieldKind::PostalCode => {
            let digits: String = to_half_width(trimmed)
                .chars()
                .filter(|c| !matches!(c, '-' | ' ' | '〒'))
                .collect();
            if digits.len() == 7 && digits.chars().all(|c| c.is_ascii_digit()) {
                Ok(format!("{}-{}", &digits[..3], &digits[3..]))
            } else {
                Err(FieldError::PostalCode)
            }
        }
        FieldKind::Phone => {
            let s = to_half_width(trimmed);
            let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
            let allowed = s
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '(' | ')' | '+'));
            let domestic =
                digits.starts_with('0') && (10..=11).contains(&digits.len()) && !s.starts_with('+');
            let international = s.starts_with("+81") && (11..=12).contains(&digits.len());
            if allowed && (domestic || international) {
                Ok(tidy_spaces(&s))
            } else {
                Err(FieldError::Phone)
            }
        }
        FieldKind::MyNumber => {
            let digits: Vec<u32> = to_half_width(trimmed)
                .chars()
                .filter(|c| !matches!(c, ' ' | '-'))
                .map(|c| c.to_digit(10).unwrap_or(99))
                .collect();
            if digits.len() == 12
                && digits.iter().all(|d| *d < 10)
                && my_number_check_digit(&digits[..11]) == digits[11]
            {
                Ok(digits
                    .iter()
                    .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
                    .collect())
            } else {
                Err(FieldError::MyNumber)
            }
        }
        FieldKind::Time => parse_time(trimmed)
            .map(|(h, m)| format!("{h:02}:{m:02}"))
            .ok_or(FieldError::Time),
        FieldKind::ResidenceCard => {
            // Typed as the card prints it, or in lower case, full-width, with spaces: kept
            // as the card prints it (AB12345678CD), so that a sheet and a search match it.
            let s: String = to_half_width(trimmed)
                .chars()
                .filter(|c| !matches!(c, ' ' | '-'))
                .map(|c| c.to_ascii_uppercase())
                .collect();
            let b = s.as_bytes();
            let ok = b.len() == 12
                && b[..2].iter().all(u8::is_ascii_uppercase)
                && b[2..10].iter().all(u8::is_ascii_digit)
                && b[10..].iter().all(u8::is_ascii_uppercase);
            if ok {
                Ok(s)
            } else {
                Err(FieldError::ResidenceCard)
            }
        }
        FieldKind::Date => parse_date(trimmed)
            .map(|d| d.to_string())
            .map_err(FieldError::Date),
        FieldKind::Number => {
            let typed = to_half_width(trimmed);
            // Commas group thousands (1,500); "1,5" is not fifteen.
            let mut groups = typed.split(',');
            let first = groups.next().unwrap_or("");
            let grouped = typed.contains(',');
            let well_grouped =
                !grouped || ((1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3));
            let s: String = typed.chars().filter(|c| *c != ',').collect();
            if well_grouped && !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
                Ok(s.trim_start_matches('0').to_string()).map(|v| {
                    if v.is_empty() {
                        "0".into()
                    } else {
                        v
                    }
                })
            } else {
                Err(FieldError::NotANumber)
            }
        }
        FieldKind::Text
        | FieldKind::Address
        | FieldKind::Choice
        | FieldKind::Account
        | FieldKind::Document => Ok(tidy_spaces(trimmed)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hidden_characters_are_refused_pasted_spaces_and_half_width_kana_are_not() {
        // NUL and direction overrides would make a sheet say something else than it shows.
        for kind in [
            FieldKind::Name,
            FieldKind::Text,
            FieldKind::Address,
            FieldKind::Kana,
        ] {
            assert_eq!(
                check(kind, "山田\u{0}太郎"),
                Err(FieldError::HiddenCharacter),
                "{kind:?}"
            );
            assert_eq!(
                check(kind, "abc\u{202E}def"),
                Err(FieldError::HiddenCharacter)
            );
            assert_eq!(check(kind, "x\u{2066}y"), Err(FieldError::HiddenCharacter));
        }
        // A no-break space pasted from a web page is a space.
        assert_eq!(
            check(FieldKind::Name, "山田\u{A0}花子"),
            Ok("山田 花子".into())
        );
        assert_eq!(
            check(FieldKind::Kana, "ヤマダ\u{A0}ハナコ"),
            Ok("ヤマダ ハナコ".into())
        );
        assert_eq!(
            check(FieldKind::Name, "\u{A0}山田\u{A0}"),
            Ok("山田".into())
        );
        // Half-width katakana (old systems, some keyboards) becomes full-width.
        assert_eq!(
            check(FieldKind::Kana, "ﾔﾏﾀﾞ ﾊﾅｺ"),
            Ok("ヤマダ ハナコ".into())
        );
        assert_eq!(check(FieldKind::Kana, "ﾎﾟﾁ"), Ok("ポチ".into()));
        assert_eq!(check(FieldKind::Kana, "ｳﾞｨｸﾄﾘｱ"), Ok("ヴィクトリア".into()));
    }

    #[test]
    fn commas_only_group_thousands() {
        assert_eq!(check(FieldKind::Number, "1,5"), Err(FieldError::NotANumber));
        assert_eq!(
            check(FieldKind::Number, "1,50"),
            Err(FieldError::NotANumber)
        );
        assert_eq!(
            check(FieldKind::Number, ",500"),
            Err(FieldError::NotANumber)
        );
        assert_eq!(check(FieldKind::Number, "1,500"), Ok("1500".into()));
        assert_eq!(
            check(FieldKind::Number, "１，２３４，５６７"),
            Ok("1234567".into())
        );
        assert_eq!(check(FieldKind::Number, "1500"), Ok("1500".into()));
    }

    #[test]
    fn kana_is_converted_not_rejected() {
        assert_eq!(
            check(FieldKind::Kana, "やまだ　はなこ"),
            Ok("ヤマダ ハナコ".into())
        );
        assert_eq!(
            check(FieldKind::Kana, "ヤマダ タロウ"),
            Ok("ヤマダ タロウ".into())
        );
        assert_eq!(
            check(FieldKind::Kana, "ゔぃくとりあ"),
            Ok("ヴィクトリア".into())
        );
        assert_eq!(check(FieldKind::Kana, "山田"), Err(FieldError::NotKana));
        assert_eq!(check(FieldKind::Kana, "Yamada"), Err(FieldError::NotKana));
        assert_eq!(check(FieldKind::Kana, "  "), Err(FieldError::Empty));
    }

    #[test]
    fn names_with_rare_kanji() {
        for name in [
            "𠮷田 太郎",
            "髙橋 一郎",
            "齋藤 𩸽子",
            "葛\u{E0100}城",
            "O'Brien Mary",
            "ナイ・ト",
            "山田　花子",
        ] {
            assert!(check(FieldKind::Name, name).is_ok(), "{name}");
        }
        assert_eq!(check(FieldKind::Name, "山田　花子"), Ok("山田 花子".into()));
        assert_eq!(check(FieldKind::Name, "R2-D2"), Err(FieldError::NotAName));
        assert_eq!(check(FieldKind::Name, "a@b"), Err(FieldError::NotAName));
    }

    #[test]
    fn postal_codes_and_phones() {
        for p in [
            "100-0001",
            "1000001",
            "１００－０００１",
            "〒100-0001",
            "100 0001",
        ] {
            assert_eq!(
                check(FieldKind::PostalCode, p),
                Ok("100-0001".into()),
                "{p}"
            );
        }
        assert_eq!(
            check(FieldKind::PostalCode, "100-001"),
            Err(FieldError::PostalCode)
        );
        assert_eq!(
            check(FieldKind::PostalCode, "ABC-DEFG"),
            Err(FieldError::PostalCode)
        );
        for p in [
            "03-1234-5678",
            "090-1234-5678",
            "０９０１２３４５６７８",
            "(03) 1234 5678",
            "+81 90-1234-5678",
        ] {
            assert!(check(FieldKind::Phone, p).is_ok(), "{p}");
        }
        for p in [
            "1234",
            "090-1234-56789",
            "tel 03-1234-5678",
            "+1 555 123 4567",
        ] {
            assert_eq!(check(FieldKind::Phone, p), Err(FieldError::Phone), "{p}");
        }
    }

    #[test]
    fn my_numbers_need_their_check_digit() {
        assert_eq!(
            check(FieldKind::MyNumber, "1234 5678 9018"),
            Ok("123456789018".into())
        );
        assert_eq!(
            check(FieldKind::MyNumber, "９８７６５４３２１０９３"),
            Ok("987654321093".into())
        );
        assert_eq!(
            check(FieldKind::MyNumber, "123456789012"),
            Err(FieldError::MyNumber),
            "wrong check digit"
        );
        assert_eq!(
            check(FieldKind::MyNumber, "12345678901"),
            Err(FieldError::MyNumber),
            "11 digits"
        );
        assert_eq!(
            check(FieldKind::MyNumber, "12345678901a"),
            Err(FieldError::MyNumber)
        );
    }

    proptest! {
        #[test]
        fn any_hiragana_becomes_valid_katakana(s in "[ぁ-ゖ]{1,20}") {
            let kana = check(FieldKind::Kana, &s).unwrap();
            prop_assert_eq!(kana.chars().count(), s.chars().count());
            prop_assert!(kana.chars().all(is_katakana));
            // Converting again changes nothing: what is stored is already canonical.
            prop_assert_eq!(check(FieldKind::Kana, &kana).unwrap(), kana);
        }

        #[test]
        fn any_kanji_name_is_accepted(s in "[\u{4E00}-\u{9FFF}\u{20000}-\u{2A6DF}]{1,10}") {
            prop_assert_eq!(check(FieldKind::Name, &s), Ok(s.clone()));
        }

        #[test]
        fn digits_are_never_a_name_or_kana(s in "[ァ-ヶ]{0,5}[0-9０-９][ァ-ヶ]{0,5}") {
            prop_assert_eq!(check(FieldKind::Name, &s), Err(FieldError::NotAName));
            prop_assert_eq!(check(FieldKind::Kana, &s), Err(FieldError::NotKana));
        }

        #[test]
        fn postal_codes_in_any_width_and_separator(d in "[0-9]{7}", sep in "(-|－| |)", wide in any::<bool>()) {
            let typed = format!("{}{}{}", &d[..3], sep, &d[3..]);
            let typed = if wide { typed.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c }).collect() } else { typed };
            prop_assert_eq!(check(FieldKind::PostalCode, &typed), Ok(format!("{}-{}", &d[..3], &d[3..])));
        }

        #[test]
        fn mobile_numbers_validate(n in "0[789]0[0-9]{8}") {
            let dashed = format!("{}-{}-{}", &n[..3], &n[3..7], &n[7..]);
            prop_assert!(check(FieldKind::Phone, &dashed).is_ok());
            prop_assert!(check(FieldKind::Phone, &n[..9]).is_err());
        }
    }

    #[test]
    fn a_residence_card_number_is_kept_as_the_card_prints_it() {
        assert_eq!(
            check(FieldKind::ResidenceCard, "ab12345678cd"),
            Ok("AB12345678CD".into())
        );
        assert_eq!(
            check(FieldKind::ResidenceCard, "ＡＢ １２３４５６７８ ＣＤ"),
            Ok("AB12345678CD".into())
        );
        for wrong in ["AB1234567CD", "A112345678CD", "AB12345678C1", "山田"] {
            assert_eq!(
                check(FieldKind::ResidenceCard, wrong),
                Err(FieldError::ResidenceCard),
                "{wrong}"
            );
        }
    }

    #[test]
    fn a_time_is_read_as_people_write_it_and_kept_as_24_hours() {
        for (typed, kept) in [
            ("14:05", "14:05"),
            ("１４：０５", "14:05"),
            ("2:05 PM", "14:05"),
            ("2:05pm", "14:05"),
            ("午後2時5分", "14:05"),
            ("午前10時30分", "10:30"),
            ("10時", "10:00"),
            ("午前0時15分", "00:15"),
            ("12:00 AM", "00:00"),
            ("午後0時", "12:00"),
            ("12:30 PM", "12:30"),
            ("午前12時", "12:00"),
        ] {
            assert_eq!(check(FieldKind::Time, typed), Ok(kept.into()), "{typed}");
        }
        for wrong in ["25:00", "13:00 PM", "午後13時", "10:60", "朝", "1030"] {
            assert_eq!(
                check(FieldKind::Time, wrong),
                Err(FieldError::Time),
                "{wrong}"
            );
        }
    }
}
