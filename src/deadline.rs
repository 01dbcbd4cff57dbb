//! Deadline rules and how the law counts them.
//!
//! - 戸籍法43条: a period of the 戸籍法 counts the first day (出生届: 14 days with the day of
//!   birth as day 1).
//! - 民法140条: otherwise the first day is not counted, unless the period starts at midnight.
//! - 民法143条 (and 国税通則法10条1項 for tax): a period of months or years ends on the day
//!   before the day of the last month that corresponds to the starting day, or at the end
//!   of that month when it has no such day.
//! - 民法142条, 地方自治法4条の2第4項, 行政機関の休日に関する法律2条, 民事訴訟法95条3項,
//!   国税通則法10条2項: a last day on a closed day moves to the next open day.

use crate::calendar::{Calendar, ClosedDays, ClosedReason};
use crate::i18n::Text;
use jiff::civil::Date;
use jiff::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Length {
    Days(u16),
    Months(u16),
    Years(u16),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// 初日算入: the anchor day is day 1 (戸籍法43条).
    FirstDayIncluded,
    /// 初日不算入: counting starts the day after the anchor (民法140条, tax law).
    FirstDayExcluded,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosedDayRule {
    /// The last day moves to the next day the recipient is open.
    NextOpenDay,
    /// For "beforehand" duties: do it on the last open day on or before the anchor.
    PreviousOpenDay,
    /// The law gives no extension (private contracts, prescription periods).
    Stays,
}

/// When a procedure is due, as the catalog states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Deadline {
    /// A period after the anchor day.
    Period {
        anchor: String,
        length: Length,
        count: Counting,
        closed: ClosedDayRule,
        calendar: Calendar,
        /// A transitional rule: when the anchor is on or before this day, the period runs
        /// from this day instead, counting it (it starts at midnight, 民法140条ただし書).
        /// 相続登記: an inheritance known before 2024-04-01 runs from 2024-04-01
        /// (令和3年法律第24号附則5条6項).
        #[serde(
            default,
            with = "crate::iso_date::option",
            skip_serializing_if = "Option::is_none"
        )]
        not_before: Option<Date>,
        /// The period runs from this many days before the anchor: a claim that arises
        /// day by day before the event, whose earliest day lapses first (出産手当金: each
        /// day off from the 42nd before the birth, the birth day among them, 健保法102条1項;
        /// each day's 2 years from the next, 193条1項).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from_days_before: Option<u16>,
    },
    /// Due by the anchor day itself (e.g. 転出届 "あらかじめ", before moving out).
    ByAnchor {
        anchor: String,
        closed: ClosedDayRule,
        calendar: Calendar,
    },
    /// No period in law; the text says what the law asks ("without delay", "before the
    /// cremation") or that it is only advisable.
    NoFixed { note: Text },
}

impl Deadline {
    pub fn anchor(&self) -> Option<&str> {
        match self {
            Deadline::Period { anchor, .. } | Deadline::ByAnchor { anchor, .. } => Some(anchor),
            Deadline::NoFixed { .. } => None,
        }
    }
}

/// A computed due date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    /// The last day of the period before any closed-day move.
    pub last_day: Date,
    /// The day it is really due.
    pub due: Date,
    /// Why `last_day` was closed, when the due date moved.
    pub moved_because: Option<ClosedReason>,
    /// The transitional start that replaced the anchor, when it did.
    pub started_on: Option<Date>,
    /// A last day the law does not move (a time bar, a private contract) on which the
    /// office is closed: why, and the last open day before it — the day to go by.
    pub closed_on: Option<(ClosedReason, Date)>,
}

/// The last day of a period of `months` months whose first counted day is `start`
/// (民法143条); None beyond the calendar's end (year 9999).
pub fn end_of_months(start: Date, months: u32) -> Option<Date> {
    let total = i64::from(start.year()) * 12 + i64::from(start.month()) - 1 + i64::from(months);
    let year = i16::try_from(total.div_euclid(12)).ok()?;
    let month = (total.rem_euclid(12) + 1) as i8;
    let first_of_target = Date::new(year, month, 1).ok()?;
    if start.day() <= first_of_target.days_in_month() {
        Date::new(year, month, start.day()).ok()?.yesterday().ok()
    } else {
        Some(first_of_target.last_of_month())
    }
}

/// `n` days after `d` (before, when negative); None beyond the calendar. Never a panicking
/// `Span::days`: its message would bring jiff's error texts into the app.
pub(crate) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

fn shift(
    last_day: Date,
    rule: ClosedDayRule,
    calendar: Calendar,
    closed: &ClosedDays,
) -> Option<Due> {
    let moved_because = closed
        .closed(calendar, last_day)
        .filter(|_| rule != ClosedDayRule::Stays);
    let due = match rule {
        ClosedDayRule::Stays => last_day,
        ClosedDayRule::NextOpenDay => closed.open_day(calendar, last_day, false)?,
        ClosedDayRule::PreviousOpenDay => closed.open_day(calendar, last_day, true)?,
    };
    // The law keeps the day; the office is shut on it all the same.
    let closed_on = match (rule, closed.closed(calendar, last_day)) {
        (ClosedDayRule::Stays, Some(reason)) => {
            Some((reason, closed.open_day(calendar, last_day, true)?))
        }
        _ => None,
    };
    Some(Due {
        last_day,
        due,
        moved_because,
        started_on: None,
        closed_on,
    })
}

/// The due date of `deadline` when its anchor fell on `anchor_date`; None for NoFixed, and
/// for a date the calendar cannot count from (beyond year 9999).
pub fn compute(deadline: &Deadline, anchor_date: Date, closed: &ClosedDays) -> Option<Due> {
    match deadline {
        Deadline::Period {
            length,
            count,
            closed: rule,
            calendar,
            not_before,
            from_days_before,
            ..
        } => {
            let anchor_date = match from_days_before {
                Some(n) => add_days(anchor_date, -i64::from(*n))?,
                None => anchor_date,
            };
            // On the transitional day itself, the earlier of the two readings: never late.
            let floor = not_before.filter(|f| anchor_date <= *f);
            let start = match (floor, count) {
                (Some(f), _) => f,
                (None, Counting::FirstDayIncluded) => anchor_date,
                (None, Counting::FirstDayExcluded) => add_days(anchor_date, 1)?,
            };
            let last = match length {
                Length::Days(n) => add_days(start, i64::from(*n) - 1)?,
                Length::Months(n) => end_of_months(start, u32::from(*n))?,
                Length::Years(n) => end_of_months(start, u32::from(*n) * 12)?,
            };
            Some(Due {
                started_on: floor,
                ..shift(last, *rule, *calendar, closed)?
            })
        }
        Deadline::ByAnchor {
            closed: rule,
            calendar,
            ..
        } => shift(anchor_date, *rule, *calendar, closed),
        Deadline::NoFixed { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn period(length: Length, count: Counting, calendar: Calendar) -> Deadline {
        Deadline::Period {
            anchor: "a".into(),
            from_days_before: None,
            length,
            count,
            closed: ClosedDayRule::NextOpenDay,
            calendar,
            not_before: None,
        }
    }

    fn due(d: &Deadline, anchor: Date) -> Due {
        compute(d, anchor, &ClosedDays::default()).unwrap()
    }

    #[test]
    fn koseki_counts_the_day_of_birth() {
        // Born Thu 2026-04-16: day 14 is Wed 2026-04-29 (昭和の日) → Thu 4-30.
        let d = due(
            &period(
                Length::Days(14),
                Counting::FirstDayIncluded,
                Calendar::Municipal,
            ),
            date(2026, 4, 16),
        );
        assert_eq!(d.last_day, date(2026, 4, 29));
        assert_eq!(d.due, date(2026, 4, 30));
        assert!(matches!(d.moved_because, Some(ClosedReason::Holiday(_))));
        // Born Mon 2026-06-01: day 14 is Sun 06-14 → Mon 06-15.
        let d = due(
            &period(
                Length::Days(14),
                Counting::FirstDayIncluded,
                Calendar::Municipal,
            ),
            date(2026, 6, 1),
        );
        assert_eq!((d.last_day, d.due), (date(2026, 6, 14), date(2026, 6, 15)));
    }

    #[test]
    fn death_notice_seven_days_from_learning() {
        // Learned Tue 2026-03-03: day 7 is Mon 03-09, an open day.
        let d = due(
            &period(
                Length::Days(7),
                Counting::FirstDayIncluded,
                Calendar::Municipal,
            ),
            date(2026, 3, 3),
        );
        assert_eq!(
            (d.last_day, d.due, d.moved_because),
            (date(2026, 3, 9), date(2026, 3, 9), None)
        );
    }

    #[test]
    fn civil_code_months_exclude_the_first_day() {
        let renounce = period(
            Length::Months(3),
            Counting::FirstDayExcluded,
            Calendar::Court,
        );
        // Learned 2026-01-10 → counting starts 01-11 → ends 04-10 (Fri).
        assert_eq!(due(&renounce, date(2026, 1, 10)).due, date(2026, 4, 10));
        // Learned 2026-11-30 → starts 12-01, a month's beginning → ends 2027-02-28 (Sun)
        // → Mon 03-01.
        let d = due(&renounce, date(2026, 11, 30));
        assert_eq!(d.last_day, date(2027, 2, 28));
        assert_eq!(d.due, date(2027, 3, 1));
        // Learned 2027-01-31: starts 02-01 → ends 04-30 (Fri).
        assert_eq!(
            due(&renounce, date(2027, 1, 31)).last_day,
            date(2027, 4, 30)
        );
    }

    #[test]
    fn month_end_when_no_corresponding_day() {
        // Counting starts 2026-01-31: one month ends at the end of February (143条 ただし書).
        assert_eq!(
            end_of_months(date(2026, 1, 31), 1).unwrap(),
            date(2026, 2, 28)
        );
        assert_eq!(
            end_of_months(date(2028, 1, 31), 1).unwrap(),
            date(2028, 2, 29),
            "leap year"
        );
        assert_eq!(
            end_of_months(date(2026, 1, 29), 1).unwrap(),
            date(2026, 2, 28)
        );
        assert_eq!(
            end_of_months(date(2028, 1, 29), 1).unwrap(),
            date(2028, 2, 28),
            "29 Feb exists in 2028"
        );
        assert_eq!(
            end_of_months(date(2026, 3, 15), 1).unwrap(),
            date(2026, 4, 14)
        );
        assert_eq!(
            end_of_months(date(2026, 11, 15), 3).unwrap(),
            date(2027, 2, 14),
            "across the year"
        );
    }

    #[test]
    fn leap_day_and_years() {
        // Counting starts 2028-02-29; three years later there is no 29 Feb → end of Feb 2031.
        assert_eq!(
            end_of_months(date(2028, 2, 29), 36).unwrap(),
            date(2031, 2, 28)
        );
        assert_eq!(
            end_of_months(date(9999, 11, 1), 2),
            None,
            "beyond the calendar"
        );
        let registration = period(
            Length::Years(3),
            Counting::FirstDayExcluded,
            Calendar::National,
        );
        // Learned 2028-02-28 → starts 02-29 → ends 2031-02-28 (Fri).
        assert_eq!(due(&registration, date(2028, 2, 28)).due, date(2031, 2, 28));
    }

    #[test]
    fn tax_periods_from_the_day_after() {
        let quasi = period(Length::Months(4), Counting::FirstDayExcluded, Calendar::Tax);
        // Died/learned 2026-05-10 → due 2026-09-10 (Thu).
        assert_eq!(due(&quasi, date(2026, 5, 10)).due, date(2026, 9, 10));
        let inheritance = period(
            Length::Months(10),
            Counting::FirstDayExcluded,
            Calendar::Tax,
        );
        // Learned 2026-02-27 → 12-27 is a Sunday → 12-28 (Mon); 12-28 is open for tax.
        let d = due(&inheritance, date(2026, 2, 27));
        assert_eq!(
            (d.last_day, d.due),
            (date(2026, 12, 27), date(2026, 12, 28))
        );
        // Learned 2026-02-28 → starts 03-01 → ends 12-31 → closed to 01-03 (Sun) → 01-04.
        let d = due(&inheritance, date(2026, 2, 28));
        assert_eq!(d.last_day, date(2026, 12, 31));
        assert_eq!(d.moved_because, Some(ClosedReason::YearEnd));
        assert_eq!(d.due, date(2027, 1, 4));
    }

    #[test]
    fn every_closed_day_moves_the_due_date() {
        let p = period(
            Length::Days(1),
            Counting::FirstDayIncluded,
            Calendar::Municipal,
        );
        assert_eq!(
            due(&p, date(2026, 5, 2)).due,
            date(2026, 5, 7),
            "Sat, then 3–6 May holidays"
        );
        assert_eq!(
            due(&p, date(2026, 12, 28)).due,
            date(2026, 12, 28),
            "28 Dec is open"
        );
        assert_eq!(due(&p, date(2026, 12, 29)).due, date(2027, 1, 4));
        let stays = Deadline::Period {
            anchor: "a".into(),
            from_days_before: None,
            length: Length::Days(1),
            count: Counting::FirstDayIncluded,
            closed: ClosedDayRule::Stays,
            calendar: Calendar::National,
            not_before: None,
        };
        let d = due(&stays, date(2026, 5, 3));
        assert_eq!((d.due, d.moved_because), (date(2026, 5, 3), None));
    }

    #[test]
    fn inheritance_registration_known_before_2024_runs_from_2024_04_01() {
        let registration = Deadline::Period {
            anchor: "a".into(),
            from_days_before: None,
            length: Length::Years(3),
            count: Counting::FirstDayExcluded,
            closed: ClosedDayRule::NextOpenDay,
            calendar: Calendar::National,
            not_before: Some(date(2024, 4, 1)),
        };
        // Known in 2020: the three years run from 1 April 2024, that day counted.
        let d = due(&registration, date(2020, 6, 1));
        assert_eq!(
            (d.due, d.started_on),
            (date(2027, 3, 31), Some(date(2024, 4, 1)))
        );
        // Known after it: the ordinary count from the day after.
        let d = due(&registration, date(2026, 11, 30));
        assert_eq!((d.due, d.started_on), (date(2029, 11, 30), None));
    }

    #[test]
    fn beforehand_moves_back_to_an_open_day() {
        let out = Deadline::ByAnchor {
            anchor: "a".into(),
            closed: ClosedDayRule::PreviousOpenDay,
            calendar: Calendar::Municipal,
        };
        // Moving on Sun 2026-05-03 → the last open day before is Fri 05-01.
        assert_eq!(due(&out, date(2026, 5, 3)).due, date(2026, 5, 1));
    }

    #[test]
    fn a_last_day_the_law_keeps_on_a_closed_day_names_the_day_to_go_by() {
        // A 5-year time bar from 1 January 2022 (anchor 31 December 2021) ends on
        // 31 December 2026, in the New Year closure: it stays, and the last open day
        // before it is Monday 28 December.
        let d = Deadline::Period {
            anchor: "a".into(),
            from_days_before: None,
            length: Length::Years(5),
            count: Counting::FirstDayExcluded,
            closed: ClosedDayRule::Stays,
            calendar: Calendar::National,
            not_before: None,
        };
        let due = compute(&d, date(2021, 12, 31), &ClosedDays::default()).unwrap();
        assert_eq!(due.due, date(2026, 12, 31));
        assert_eq!(due.moved_because, None);
        assert_eq!(
            due.closed_on,
            Some((ClosedReason::YearEnd, date(2026, 12, 28)))
        );
        // The same period moved by the law has no such note.
        let moved = Deadline::Period {
            anchor: "a".into(),
            from_days_before: None,
            length: Length::Years(5),
            count: Counting::FirstDayExcluded,
            closed: ClosedDayRule::NextOpenDay,
            calendar: Calendar::National,
            not_before: None,
        };
        let due = compute(&moved, date(2021, 12, 31), &ClosedDays::default()).unwrap();
        assert_eq!((due.due, due.closed_on), (date(2027, 1, 4), None));
    }
}
