//! Dates as people type them: 2026-04-16, 2026/4/16, 2026.4.16, 令和8年4月16日, 令和元年5月1日,
//! R8.4.16, H31/4/30, れいわ8ねん4がつ16にち, がんねん — with full-width digits and spaces
//! tolerated. A month and a day without a year are told apart from what cannot be read, so
//! the citizen is told what is missing.

use jiff::civil::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    Empty,
    Unrecognised,
    /// A month or day that does not exist (2026-02-30, 13月).
    NoSuchDay,
    /// An era year outside that era (平成32年, 令和1年4月1日).
    EraOutOfRange,
    /// A month and a day without a year (12月30日, 12/30).
    MissingYear,
}

struct Era {
    names: &'static [&'static str],
    first: (i16, i8, i8),
    /// The last day of the era; None for the current one.
    last: Option<(i16, i8, i8)>,
}

const ERAS: [Era; 5] = [
    Era {
        names: &["令和", "れいわ", "レイワ", "R", "r"],
        first: (2019, 5, 1),
        last: None,
    },
    Era {
        names: &["平成", "へいせい", "ヘイセイ", "H", "h"],
        first: (1989, 1, 8),
        last: Some((2019, 4, 30)),
    },
    Era {
        names: &["昭和", "しょうわ", "ショウワ", "S", "s"],
        first: (1926, 12, 25),
        last: Some((1989, 1, 7)),
    },
    Era {
        names: &["大正", "たいしょう", "タイショウ", "T", "t"],
        first: (1912, 7, 30),
        last: Some((1926, 12, 24)),
    },
    Era {
        names: &["明治", "めいじ", "メイジ", "M", "m"],
        first: (1868, 1, 25),
        last: Some((1912, 7, 29)),
    },
];

/// Full-width digits, letters and punctuation to ASCII (the fields' own normaliser);
/// drops spaces; the first year of an era and the units as they are read aloud, in kana
/// (がんねん, ねん, がつ, にち), as their kanji.
fn normalise(input: &str) -> String {
    let s: String = crate::width::to_half_width(input)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    s.replace("がんねん", "元年")
        .replace("ガンネン", "元年")
        .replace("ねん", "年")
        .replace("がつ", "月")
        .replace("にち", "日")
}

/// The numbers of a date, split at any of - / . 年 月 日.
fn numbers(s: &str) -> Option<Vec<i32>> {
    let s = s.strip_suffix('日').unwrap_or(s);
    let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    parts
        .iter()
        .map(|p| {
            p.chars()
                .all(|c| c.is_ascii_digit())
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect()
}

/// A month and a day, and nothing else: 12月30日, 12/30, 12-30.
fn month_and_day(s: &str) -> bool {
    let s = s.strip_suffix('日').unwrap_or(s);
    let parts: Vec<&str> = s.split(['-', '/', '.', '月']).collect();
    let [m, d] = parts[..] else { return false };
    let number = |p: &str, max: u8| {
        !p.is_empty()
            && p.len() <= 2
            && p.chars().all(|c| c.is_ascii_digit())
            && p.parse::<u8>().is_ok_and(|n| (1..=max).contains(&n))
    };
    number(m, 12) && number(d, 31)
}

fn make(y: i32, m: i32, d: i32) -> Result<Date, DateError> {
    let (y, m, d) = (
        i16::try_from(y).map_err(|_| DateError::NoSuchDay)?,
        i8::try_from(m).map_err(|_| DateError::NoSuchDay)?,
        i8::try_from(d).map_err(|_| DateError::NoSuchDay)?,
    );
    if !(1868..=2200).contains(&y) {
        return Err(DateError::NoSuchDay);
    }
    Date::new(y, m, d).map_err(|_| DateError::NoSuchDay)
}

pub fn parse_date(input: &str) -> Result<Date, DateError> {
    let s = normalise(input);
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    for era in &ERAS {
        if let Some(rest) = era.names.iter().find_map(|n| s.strip_prefix(n)) {
            // 元年 is the first year of an era, and only that: "20元6" is no date.
            let rest = match rest.strip_prefix("元年") {
                Some(after) => format!("1年{after}"),
                None => rest.to_string(),
            };
            let [y, m, d] = numbers(&rest).ok_or(DateError::Unrecognised)?[..] else {
                return Err(DateError::Unrecognised);
            };
            if y < 1 {
                return Err(DateError::EraOutOfRange);
            }
            let date = make(i32::from(era.first.0) + y - 1, m, d)?;
            let first = make(era.first.0.into(), era.first.1.into(), era.first.2.into())?;
            let after_end = era
                .last
                .map(|(y, m, d)| make(y.into(), m.into(), d.into()))
                .transpose()?;
            if date < first || after_end.is_some_and(|last| date > last) {
                return Err(DateError::EraOutOfRange);
            }
            return Ok(date);
        }
    }
    if !s.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Err(DateError::Unrecognised);
    }
    if month_and_day(&s) {
        return Err(DateError::MissingYear);
    }
    let [y, m, d] = numbers(&s).ok_or(DateError::Unrecognised)?[..] else {
        return Err(DateError::Unrecognised);
    };
    if y < 1000 {
        return Err(DateError::Unrecognised);
    }
    make(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn gan_is_only_the_first_year_of_an_era() {
        assert_eq!(parse_date("20元6-4-16"), Err(DateError::Unrecognised));
        assert_eq!(parse_date("2026-元-16"), Err(DateError::Unrecognised));
        assert_eq!(parse_date("令和2年元月1日"), Err(DateError::Unrecognised));
        assert_eq!(parse_date("令和元年5月1日"), Ok(date(2019, 5, 1)));
        assert_eq!(parse_date("平成元年1月8日"), Ok(date(1989, 1, 8)));
    }

    #[test]
    fn western_forms() {
        for s in [
            "2026-04-16",
            "2026/4/16",
            "2026.4.16",
            "2026年4月16日",
            "２０２６／４／１６",
            " 2026 / 04 / 16 ",
        ] {
            assert_eq!(parse_date(s), Ok(date(2026, 4, 16)), "{s}");
        }
    }

    #[test]
    fn japanese_eras() {
        for s in ["令和8年4月16日", "R8.4.16", "r8/4/16", "Ｒ８．４．１６"] {
            assert_eq!(parse_date(s), Ok(date(2026, 4, 16)), "{s}");
        }
        assert_eq!(parse_date("令和元年5月1日"), Ok(date(2019, 5, 1)));
        assert_eq!(parse_date("平成31年4月30日"), Ok(date(2019, 4, 30)));
        assert_eq!(parse_date("H1.1.8"), Ok(date(1989, 1, 8)));
        assert_eq!(parse_date("昭和64年1月7日"), Ok(date(1989, 1, 7)));
        assert_eq!(parse_date("S20.8.15"), Ok(date(1945, 8, 15)));
    }

    #[test]
    fn eras_as_they_are_read_aloud() {
        for s in [
            "れいわ8年4月16日",
            "れいわ8ねん4がつ16にち",
            "レイワ８年４月１６日",
            "れいわ 8年 4月 16日",
        ] {
            assert_eq!(parse_date(s), Ok(date(2026, 4, 16)), "{s}");
        }
        assert_eq!(parse_date("れいわ8年12月30日"), Ok(date(2026, 12, 30)));
        assert_eq!(parse_date("れいわがんねん5がつ1にち"), Ok(date(2019, 5, 1)));
        assert_eq!(parse_date("へいせい31年4月30日"), Ok(date(2019, 4, 30)));
        assert_eq!(parse_date("しょうわ20年8月15日"), Ok(date(1945, 8, 15)));
        assert_eq!(parse_date("たいしょう15年12月24日"), Ok(date(1926, 12, 24)));
        assert_eq!(parse_date("めいじ45年7月29日"), Ok(date(1912, 7, 29)));
        assert_eq!(
            parse_date("へいせい32年1月1日"),
            Err(DateError::EraOutOfRange)
        );
    }

    #[test]
    fn a_date_without_its_year_is_said_to_miss_it() {
        for s in [
            "12月30日",
            "１２月３０日",
            "12/30",
            "12-30",
            "12がつ30にち",
            "4月16",
        ] {
            assert_eq!(parse_date(s), Err(DateError::MissingYear), "{s}");
        }
        assert_eq!(parse_date("13月1日"), Err(DateError::Unrecognised));
    }

    #[test]
    fn era_bounds_are_enforced() {
        assert_eq!(parse_date("平成32年1月1日"), Err(DateError::EraOutOfRange));
        assert_eq!(parse_date("平成31年5月1日"), Err(DateError::EraOutOfRange));
        assert_eq!(parse_date("令和元年4月30日"), Err(DateError::EraOutOfRange));
        assert_eq!(parse_date("昭和64年1月8日"), Err(DateError::EraOutOfRange));
        assert_eq!(parse_date("令和0年5月1日"), Err(DateError::EraOutOfRange));
    }

    #[test]
    fn impossible_and_unreadable_dates() {
        assert_eq!(parse_date(""), Err(DateError::Empty));
        assert_eq!(parse_date("   "), Err(DateError::Empty));
        assert_eq!(parse_date("2026-02-30"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("2026/13/1"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("2028-02-29"), Ok(date(2028, 2, 29)));
        assert_eq!(parse_date("2027-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("yesterday"), Err(DateError::Unrecognised));
        assert_eq!(parse_date("16/4"), Err(DateError::Unrecognised));
        assert_eq!(parse_date("2026/4"), Err(DateError::Unrecognised));
        assert_eq!(
            parse_date("26/4/16"),
            Err(DateError::Unrecognised),
            "two-digit years are ambiguous"
        );
        assert_eq!(parse_date("2026-04-16x"), Err(DateError::Unrecognised));
    }
}
