//! Closed days: when a recipient's office does not take filings, and so when a last day
//! moves to the next open day.
//!
//! - Municipal (地方自治法4条の2): Saturdays, Sundays, national holidays and 29 Dec–3 Jan,
//!   plus any days a municipality's ordinance adds (configured in the catalog).
//! - National offices (行政機関の休日に関する法律1条): Saturdays, Sundays, national holidays,
//!   29 Dec–3 Jan.
//! - Courts (裁判所の休日に関する法律1条; 民事訴訟法95条3項 for periods): the same days.
//! - Tax (国税通則法10条2項, 同施行令2条2項): Saturdays, Sundays, national holidays and
//!   29–31 Dec; 1–3 Jan count as "other general holidays" by the NTA's reading, so the same.
//!
//! Today the four lists coincide except for municipal extras; they stay separate because
//! the law keeps them separate and a later amendment may part them.

use crate::holidays::{holiday_on, Holiday};
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    Municipal,
    National,
    Court,
    Tax,
}

/// Why a day is closed, for the one-sentence explanation of a deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClosedReason {
    Saturday,
    Sunday,
    Holiday(Holiday),
    YearEnd,
    /// A closed day of the municipality's own ordinance.
    Municipal,
}

/// The closed days for one deployment: the law's days plus the municipality's own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClosedDays {
    pub municipal_extra: Vec<Date>,
}

impl ClosedDays {
    pub fn closed(&self, calendar: Calendar, date: Date) -> Option<ClosedReason> {
        match date.weekday() {
            Weekday::Saturday => return Some(ClosedReason::Saturday),
            Weekday::Sunday => return Some(ClosedReason::Sunday),
            _ => {}
        }
        if let Some(h) = holiday_on(date) {
            return Some(ClosedReason::Holiday(h));
        }
        let (m, d) = (date.month(), date.day());
        if (m == 12 && d >= 29) || (m == 1 && d <= 3) {
            return Some(ClosedReason::YearEnd);
        }
        if calendar == Calendar::Municipal && self.municipal_extra.contains(&date) {
            return Some(ClosedReason::Municipal);
        }
        None
    }

    /// The first day from `day` on (back from it, when `back`) that the office is open;
    /// `day` itself when it is. None beyond the calendar's ends.
    pub fn open_day(&self, calendar: Calendar, mut day: Date, back: bool) -> Option<Date> {
        while self.closed(calendar, day).is_some() {
            day = if back {
                day.yesterday()
            } else {
                day.tomorrow()
            }
            .ok()?;
        }
        Some(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn every_kind_of_closed_day() {
        let c = ClosedDays {
            municipal_extra: vec![date(2026, 6, 1)],
        };
        assert_eq!(
            c.closed(Calendar::Municipal, date(2026, 4, 18)),
            Some(ClosedReason::Saturday)
        );
        assert_eq!(
            c.closed(Calendar::Tax, date(2026, 4, 19)),
            Some(ClosedReason::Sunday)
        );
        assert_eq!(
            c.closed(Calendar::Court, date(2026, 4, 29)),
            Some(ClosedReason::Holiday(Holiday::ShowaDay))
        );
        assert_eq!(
            c.closed(Calendar::National, date(2026, 12, 29)),
            Some(ClosedReason::YearEnd)
        );
        assert_eq!(
            c.closed(Calendar::Tax, date(2027, 1, 3)),
            Some(ClosedReason::Sunday)
        );
        assert_eq!(
            c.closed(Calendar::Tax, date(2028, 1, 3)),
            Some(ClosedReason::YearEnd)
        );
        assert_eq!(
            c.closed(Calendar::Municipal, date(2026, 6, 1)),
            Some(ClosedReason::Municipal)
        );
        assert_eq!(
            c.closed(Calendar::National, date(2026, 6, 1)),
            None,
            "a city's own day closes only the city"
        );
        assert_eq!(c.closed(Calendar::Municipal, date(2026, 4, 20)), None);
    }
}
