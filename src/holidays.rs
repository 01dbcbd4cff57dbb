//! Japanese national holidays, computed by the 国民の祝日に関する法律 (Act No. 178 of 1948)
//! with its amendments, the 振替休日 (from 1973-04-12), the 国民の休日 (from 1985-12-27), the
//! one-off holidays of special laws and the Tokyo 2020 moves of 2020 and 2021.
//!
//! Equinox days are fixed each February in the official gazette for the next year; the
//! astronomical formula used here matches every announced day from 1955 on (see
//! tests/holidays_official.rs, which checks the Cabinet Office list) and is the best forecast
//! for later years.

use crate::i18n::Lang;
use jiff::civil::{Date, Weekday};

/// The first and last year the holiday law is computed for: the law took effect in July
/// 1948, and the equinox formula is published up to 2150.
pub const FIRST_YEAR: i16 = 1949;
pub const LAST_YEAR: i16 = 2150;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    NewYear,
    ComingOfAge,
    FoundationDay,
    EmperorsBirthday,
    VernalEquinox,
    ShowaDay,
    GreeneryDay,
    ConstitutionDay,
    ChildrensDay,
    MarineDay,
    MountainDay,
    RespectForTheAged,
    AutumnalEquinox,
    /// 体育の日 until 2019, スポーツの日 from 2020.
    SportsDay,
    CultureDay,
    LabourThanksgiving,
    /// A holiday of a special law (an imperial wedding, funeral or enthronement).
    Special(SpecialDay),
    /// 振替休日: the day after a holiday that fell on a Sunday.
    Substitute,
    /// 国民の休日: a day between two holidays.
    Citizens,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialDay {
    CrownPrinceWedding1959,
    ShowaFuneral1989,
    Enthronement1990,
    CrownPrinceWedding1993,
    Accession2019,
    Enthronement2019,
}

impl Holiday {
    /// A holiday "of the law" (国民の祝日) as opposed to the rest days derived from them.
    fn is_statutory(self) -> bool {
        !matches!(self, Holiday::Substitute | Holiday::Citizens)
    }

    pub fn name(self, year: i16, lang: Lang) -> &'static str {
        use Holiday::*;
        let [ja, en, easy] = match self {
            NewYear => ["元日", "New Year's Day", "がんじつ（1がつ1にち）"],
            ComingOfAge => ["成人の日", "Coming of Age Day", "せいじんの ひ"],
            FoundationDay => [
                "建国記念の日",
                "National Foundation Day",
                "けんこく きねんの ひ",
            ],
            EmperorsBirthday => ["天皇誕生日", "Emperor's Birthday", "てんのう たんじょうび"],
            VernalEquinox => ["春分の日", "Vernal Equinox Day", "しゅんぶんの ひ"],
            ShowaDay => ["昭和の日", "Showa Day", "しょうわの ひ"],
            GreeneryDay => ["みどりの日", "Greenery Day", "みどりの ひ"],
            ConstitutionDay => [
                "憲法記念日",
                "Constitution Memorial Day",
                "けんぽう きねんび",
            ],
            ChildrensDay => ["こどもの日", "Children's Day", "こどもの ひ"],
            MarineDay => ["海の日", "Marine Day", "うみの ひ"],
            MountainDay => ["山の日", "Mountain Day", "やまの ひ"],
            RespectForTheAged => ["敬老の日", "Respect for the Aged Day", "けいろうの ひ"],
            AutumnalEquinox => ["秋分の日", "Autumnal Equinox Day", "しゅうぶんの ひ"],
            SportsDay if year >= 2020 => ["スポーツの日", "Sports Day", "スポーツの ひ"],
            SportsDay => ["体育の日", "Health and Sports Day", "たいいくの ひ"],
            CultureDay => ["文化の日", "Culture Day", "ぶんかの ひ"],
            LabourThanksgiving => [
                "勤労感謝の日",
                "Labour Thanksgiving Day",
                "きんろう かんしゃの ひ",
            ],
            Special(SpecialDay::CrownPrinceWedding1959 | SpecialDay::CrownPrinceWedding1993) => {
                ["結婚の儀", "Imperial Wedding", "こうたいしの けっこんしき"]
            }
            Special(SpecialDay::ShowaFuneral1989) => {
                ["大喪の礼", "Imperial Funeral", "しょうわ てんのうの そうぎ"]
            }
            Special(SpecialDay::Enthronement1990 | SpecialDay::Enthronement2019) => {
                ["即位礼正殿の儀", "Enthronement Ceremony", "そくいの ぎしき"]
            }
            Special(SpecialDay::Accession2019) => ["即位の日", "Accession Day", "そくいの ひ"],
            Substitute => ["振替休日", "substitute holiday", "ふりかえ きゅうじつ"],
            Citizens => ["国民の休日", "citizens' holiday", "こくみんの きゅうじつ"],
        };
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
            Lang::Easy => easy,
        }
    }
}

// The holidays lie within FIRST_YEAR..=LAST_YEAR, far from the ends of the calendar, and
// every date below exists. The fallbacks are never taken; they are there instead of
// `expect`, whose panic message would format jiff's error type and bring 30 KB of its
// messages into the app.

fn ymd(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap_or_default()
}

fn nth_monday(y: i16, m: i8, nth: i8) -> Date {
    let first = ymd(y, m, 1);
    first
        .nth_weekday_of_month(nth, Weekday::Monday)
        .unwrap_or(first)
}

fn next_day(d: Date) -> Date {
    d.tomorrow().unwrap_or(d)
}

/// Day of March of the vernal equinox. The 1900–1979 formula truncates toward zero, as
/// the published one does (it matters for the years before 1983).
fn vernal_equinox_day(y: i16) -> i8 {
    equinox_day(y, [20.8357, 20.8431, 21.8510])
}

fn autumnal_equinox_day(y: i16) -> i8 {
    equinox_day(y, [23.2588, 23.2488, 24.2488])
}

fn equinox_day(y: i16, base: [f64; 3]) -> i8 {
    let y = i32::from(y);
    let (b, leap_ref) = match y {
        ..=1979 => (base[0], 1983),
        1980..=2099 => (base[1], 1980),
        _ => (base[2], 1980),
    };
    (b + 0.242194 * f64::from(y - 1980) - f64::from((y - leap_ref) / 4)).floor() as i8
}

/// The 国民の祝日 proper of one year, as the law stood on each day.
fn statutory(y: i16) -> Vec<(Date, Holiday)> {
    use Holiday::*;
    let mut out = vec![(ymd(y, 1, 1), NewYear)];
    out.push((
        if y >= 2000 {
            nth_monday(y, 1, 2)
        } else {
            ymd(y, 1, 15)
        },
        ComingOfAge,
    ));
    if y >= 1967 {
        out.push((ymd(y, 2, 11), FoundationDay));
    }
    if y >= 2020 {
        out.push((ymd(y, 2, 23), EmperorsBirthday));
    }
    out.push((ymd(y, 3, vernal_equinox_day(y)), VernalEquinox));
    match y {
        ..=1988 => out.push((ymd(y, 4, 29), EmperorsBirthday)),
        1989..=2006 => out.push((ymd(y, 4, 29), GreeneryDay)),
        _ => {
            out.push((ymd(y, 4, 29), ShowaDay));
            out.push((ymd(y, 5, 4), GreeneryDay));
        }
    }
    out.push((ymd(y, 5, 3), ConstitutionDay));
    out.push((ymd(y, 5, 5), ChildrensDay));
    match y {
        ..=1995 => {}
        1996..=2002 => out.push((ymd(y, 7, 20), MarineDay)),
        2020 => out.push((ymd(y, 7, 23), MarineDay)),
        2021 => out.push((ymd(y, 7, 22), MarineDay)),
        _ => out.push((nth_monday(y, 7, 3), MarineDay)),
    }
    match y {
        ..=2015 => {}
        2020 => out.push((ymd(y, 8, 10), MountainDay)),
        2021 => out.push((ymd(y, 8, 8), MountainDay)),
        _ => out.push((ymd(y, 8, 11), MountainDay)),
    }
    match y {
        ..=1965 => {}
        1966..=2002 => out.push((ymd(y, 9, 15), RespectForTheAged)),
        _ => out.push((nth_monday(y, 9, 3), RespectForTheAged)),
    }
    out.push((ymd(y, 9, autumnal_equinox_day(y)), AutumnalEquinox));
    match y {
        ..=1965 => {}
        1966..=1999 => out.push((ymd(y, 10, 10), SportsDay)),
        2020 => out.push((ymd(y, 7, 24), SportsDay)),
        2021 => out.push((ymd(y, 7, 23), SportsDay)),
        _ => out.push((nth_monday(y, 10, 2), SportsDay)),
    }
    out.push((ymd(y, 11, 3), CultureDay));
    out.push((ymd(y, 11, 23), LabourThanksgiving));
    if (1989..=2018).contains(&y) {
        out.push((ymd(y, 12, 23), EmperorsBirthday));
    }
    let special = match y {
        1959 => Some((ymd(y, 4, 10), SpecialDay::CrownPrinceWedding1959)),
        1989 => Some((ymd(y, 2, 24), SpecialDay::ShowaFuneral1989)),
        1990 => Some((ymd(y, 11, 12), SpecialDay::Enthronement1990)),
        1993 => Some((ymd(y, 6, 9), SpecialDay::CrownPrinceWedding1993)),
        _ => None,
    };
    out.extend(special.map(|(d, s)| (d, Special(s))));
    if y == 2019 {
        out.push((ymd(y, 5, 1), Special(SpecialDay::Accession2019)));
        out.push((ymd(y, 10, 22), Special(SpecialDay::Enthronement2019)));
    }
    out.sort_by_key(|(d, _)| *d);
    out
}

/// Every holiday of `year` in date order, or an empty list outside FIRST_YEAR..=LAST_YEAR.
pub fn holidays_of_year(year: i16) -> Vec<(Date, Holiday)> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Vec::new();
    }
    // Neighbouring years too: a substitute or citizens' day may hang on a holiday across
    // the year boundary (it cannot today, but the rules should not depend on that).
    let mut all: Vec<(Date, Holiday)> = Vec::new();
    for y in [year - 1, year, year + 1] {
        if (FIRST_YEAR..=LAST_YEAR).contains(&y) {
            all.extend(statutory(y));
        }
    }
    let is_statutory =
        |d: Date, all: &[(Date, Holiday)]| all.iter().any(|(h, k)| *h == d && k.is_statutory());
    let substitute_from = ymd(1973, 4, 12);
    let new_rules = ymd(2007, 1, 1);
    let mut derived = Vec::new();
    for (d, _) in all
        .iter()
        .filter(|(d, _)| d.weekday() == Weekday::Sunday && *d >= substitute_from)
    {
        let mut next = next_day(*d);
        // Since 2007 the substitute is the first day after that is not itself a holiday;
        // before, it was simply the Monday.
        if *d >= new_rules {
            while is_statutory(next, &all) {
                next = next_day(next);
            }
        }
        if !is_statutory(next, &all) {
            derived.push((next, Holiday::Substitute));
        }
    }
    let citizens_from = ymd(1985, 12, 27);
    for (d, _) in all.iter() {
        let between = next_day(*d);
        let after = next_day(between);
        if between < citizens_from || is_statutory(between, &all) || !is_statutory(after, &all) {
            continue;
        }
        let excluded_before_2007 = between < new_rules
            && (between.weekday() == Weekday::Sunday || derived.iter().any(|(s, _)| *s == between));
        if !excluded_before_2007 && !derived.iter().any(|(s, _)| *s == between) {
            derived.push((between, Holiday::Citizens));
        }
    }
    all.extend(derived);
    all.retain(|(d, _)| d.year() == year);
    all.sort_by_key(|(d, _)| *d);
    all.dedup_by_key(|(d, _)| *d);
    all
}

/// The holiday on `date`, if it is one.
pub fn holiday_on(date: Date) -> Option<Holiday> {
    holidays_of_year(date.year())
        .into_iter()
        .find(|(d, _)| *d == date)
        .map(|(_, h)| h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn happy_monday_and_fixed_days_2026() {
        let h = holidays_of_year(2026);
        assert!(h.contains(&(ymd(2026, 1, 12), Holiday::ComingOfAge)));
        assert!(
            h.contains(&(ymd(2026, 9, 22), Holiday::Citizens)),
            "between 敬老 21st and 秋分 23rd"
        );
        assert!(
            h.contains(&(ymd(2026, 5, 6), Holiday::Substitute)),
            "5/3 is a Sunday"
        );
    }

    #[test]
    fn substitute_skips_following_holidays_since_2007() {
        // 2008-05-04 (みどりの日) is a Sunday and 5/5 is a holiday: the substitute is Tuesday 5/6.
        assert_eq!(holiday_on(ymd(2008, 5, 6)), Some(Holiday::Substitute));
        // 2019: 4/30 and 5/2 are citizens' holidays around the one-off 5/1.
        assert_eq!(holiday_on(ymd(2019, 4, 30)), Some(Holiday::Citizens));
        assert_eq!(holiday_on(ymd(2019, 5, 2)), Some(Holiday::Citizens));
        assert_eq!(holiday_on(ymd(2019, 5, 6)), Some(Holiday::Substitute));
    }

    #[test]
    fn no_substitute_before_the_1973_amendment() {
        // 1973-02-11 was a Sunday; the substitute rule came on 1973-04-12.
        assert_eq!(holiday_on(ymd(1973, 2, 12)), None);
        assert_eq!(holiday_on(ymd(1973, 4, 30)), Some(Holiday::Substitute));
    }

    #[test]
    fn sunday_between_holidays_was_no_citizens_holiday_before_2007() {
        assert_eq!(holiday_on(ymd(1986, 5, 4)), None);
        assert_eq!(holiday_on(ymd(1988, 5, 4)), Some(Holiday::Citizens));
    }

    #[test]
    fn outside_the_range_no_holiday_is_invented() {
        assert!(holidays_of_year(1900).is_empty());
        assert!(!holidays_of_year(2150).is_empty());
    }

    #[test]
    fn names_change_with_the_law() {
        assert_eq!(Holiday::SportsDay.name(2019, Lang::Ja), "体育の日");
        assert_eq!(Holiday::SportsDay.name(2020, Lang::Ja), "スポーツの日");
    }
}
