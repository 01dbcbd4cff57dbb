//! Dates in stored and exported JSON as ISO calendar dates ("2026-04-16"), read and written
//! here rather than by jiff's serde support: that one formats jiff's full error text for a
//! bad date, which brings 30 KB of messages into the app for an error it never shows.

use crate::Date;
use serde::{de::Error, Deserialize, Deserializer, Serializer};

/// An ISO calendar date written as this app writes them: `YYYY-MM-DD`, four-digit year.
/// Read here rather than with jiff's `FromStr`, a parser for whole datetimes with time zone
/// annotations whose error messages alone are about 40 KB of the app (issue 8). Every date
/// the app stores, exports or answers is in this form, and every date it accepts lies in
/// 1868–2200 (`integrity`), so nothing it reads is lost.
pub fn parse(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |r: std::ops::Range<usize>| -> Option<i16> {
        b[r].iter().try_fold(0i16, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + i16::from(c - b'0'))
        })
    };
    let month = i8::try_from(number(5..7)?).ok()?;
    let day = i8::try_from(number(8..10)?).ok()?;
    Date::new(number(0..4)?, month, day).ok()
}

pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    parse(&text).ok_or_else(|| D::Error::custom("not a date (YYYY-MM-DD)"))
}

/// The same for an optional date: `null` or absent is None.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let text = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
        text.map(|t| parse(&t).ok_or_else(|| D::Error::custom("not a date (YYYY-MM-DD)")))
            .transpose()
    }
}

/// The same for a list of dates.
pub mod list {
    use super::*;

    pub fn serialize<S: Serializer>(days: &[Date], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(days.iter().map(|d| d.to_string()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Date>, D::Error> {
        <Vec<std::borrow::Cow<'de, str>>>::deserialize(d)?
            .iter()
            .map(|t| parse(t).ok_or_else(|| D::Error::custom("not a date (YYYY-MM-DD)")))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::Date;

    #[test]
    fn every_written_date_is_read_back_as_jiff_reads_it() {
        // Each day the app accepts (1868–2200), written as the app writes it.
        let mut day = crate::integrity::EARLIEST;
        while day <= crate::integrity::LATEST {
            let text = day.to_string();
            assert_eq!(parse(&text), Some(day), "{text}");
            assert_eq!(text.parse::<Date>().ok(), parse(&text));
            day = day.tomorrow().unwrap();
        }
    }

    #[test]
    fn anything_but_a_real_yyyy_mm_dd_is_not_a_date() {
        for text in [
            "",
            "2026-4-16",
            "2026-04-6",
            "2026/04/16",
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "2026-04-00",
            "+2026-04-16",
            "-0001-01-01",
            "2026-04-16T09:00",
            "２０２６-04-16",
            "2026-04-1６",
            " 2026-04-16",
            "2026-04-16 ",
            "2026-0a-16",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
        assert_eq!(parse("2028-02-29"), Some(jiff::civil::date(2028, 2, 29)));
        assert_eq!(parse("2026-02-29"), None);
    }
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Dated {
        #[serde(with = "super")]
        on: Date,
        #[serde(
            default,
            with = "super::option",
            skip_serializing_if = "Option::is_none"
        )]
        until: Option<Date>,
    }

    #[test]
    fn iso_dates_round_trip_and_bad_ones_are_refused() {
        let d: Dated = serde_json::from_str(r#"{"on": "2026-04-16", "until": null}"#).unwrap();
        assert_eq!(
            d,
            Dated {
                on: jiff::civil::date(2026, 4, 16),
                until: None
            }
        );
        assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"on":"2026-04-16"}"#);
        let d: Dated =
            serde_json::from_str(r#"{"on": "2026-04-16", "until": "2027-01-01"}"#).unwrap();
        assert_eq!(
            serde_json::from_str::<Dated>(&serde_json::to_string(&d).unwrap()).unwrap(),
            d
        );
        for bad in [
            r#"{"on": "2026-02-30"}"#,
            r#"{"on": 20260416}"#,
            r#"{"on": "x"}"#,
            r#"{"on": null}"#,
        ] {
            assert!(serde_json::from_str::<Dated>(bad).is_err(), "{bad}");
        }
        // From a Value too (the stored state is salvaged through one).
        let v = serde_json::json!({"on": "2026-04-16"});
        assert_eq!(
            serde_json::from_value::<Dated>(v).unwrap().on,
            jiff::civil::date(2026, 4, 16)
        );
    }
}
