//! Dates in stored and exported JSON as ISO calendar dates ("2026-04-16"), read and written
//! here rather than by jiff's serde support: that one formats jiff's full error text for a
//! bad date, which brings 30 KB of messages into the app for an error it never shows.

use crate::Date;
use serde::{de::Error, Deserialize, Deserializer, Serializer};

pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    text.parse()
        .map_err(|_| D::Error::custom("not a date (YYYY-MM-DD)"))
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
        text.map(|t| {
            t.parse()
                .map_err(|_| D::Error::custom("not a date (YYYY-MM-DD)"))
        })
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
            .map(|t| {
                t.parse()
                    .map_err(|_| D::Error::custom("not a date (YYYY-MM-DD)"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::Date;
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
