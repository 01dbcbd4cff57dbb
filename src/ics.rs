//! The calendar export: every open due date as an all-day event of an iCalendar file
//! (RFC 5545), with a reminder alarm as far ahead as the notices remind (at 9:00), the place
//! and the legal basis in its description.
//!
//! A UID names the procedure of a case, not its date: importing the file again after a
//! due date moved updates the event instead of adding a second one.

use crate::calendar::ClosedDays;
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::plan::build;
use crate::state::AppState;
use crate::ui_text::format_date;
use jiff::civil::{Date, DateTime};

/// One due date, as the calendar shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueEntry {
    pub uid: String,
    pub due: Date,
    pub summary: String,
    pub location: String,
    pub description: String,
    /// The alarm, this many days before.
    pub remind_days: i32,
}

/// The open due dates of every case (or of one), in the citizen's language.
pub fn due_entries(
    state: &AppState,
    catalog: &Catalog,
    closed: &ClosedDays,
    today: Date,
    lang: Lang,
    only: Option<&str>,
) -> Vec<DueEntry> {
    let mut out = Vec::new();
    for case in state
        .cases
        .iter()
        .filter(|c| only.is_none_or(|o| o == c.id))
    {
        let Some(scope) = state.scope(catalog, &case.id, today) else {
            continue;
        };
        let answers = scope.answers();
        for item in build(&scope, closed).items {
            let (Some(due), false) = (&item.due, item.state.settled()) else {
                continue;
            };
            let p = item.procedure;
            let location = catalog.agency_name(&p.agency, lang);
            let due_line = match lang {
                Lang::Ja => format!("期限: {}", format_date(due.due, lang)),
                Lang::En => format!("Due: {}", format_date(due.due, lang)),
                Lang::Easy => format!("きげん: {}", format_date(due.due, lang)),
            };
            let basis = match lang {
                Lang::Ja | Lang::Easy => format!("根拠: {}", p.legal_basis.get(lang)),
                Lang::En => format!("Legal basis: {}", p.legal_basis.get(lang)),
            };
            out.push(DueEntry {
                uid: format!("{}-{}-{}@hitotsu", state.calendar_id, case.id, p.id),
                due: due.due,
                summary: p.title.get(lang).to_string(),
                description: [due_line, location.clone(), basis, p.source.clone()].join("\n"),
                location,
                remind_days: crate::notice::leads_of(p, &answers, due)
                    .first()
                    .copied()
                    .unwrap_or(1),
            });
        }
    }
    out.sort_by(|a, b| (a.due, &a.uid).cmp(&(b.due, &b.uid)));
    out
}

/// The calendar file. `stamp` (UTC) is when it was made: a calendar program takes the
/// newer of two copies of an event by it.
pub fn calendar(entries: &[DueEntry], stamp: DateTime) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//hitotsu//life-event procedures//JA".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    // Written by hand, not with jiff's strftime: its formatter is bytes the app need not carry.
    let day = |d: Date| format!("{:04}{:02}{:02}", d.year(), d.month(), d.day());
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        day(stamp.date()),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    );
    for e in entries {
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", text(&e.uid)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", day(e.due)),
            format!(
                "DTEND;VALUE=DATE:{}",
                day(e.due.tomorrow().unwrap_or(e.due))
            ),
            format!("SUMMARY:{}", text(&e.summary)),
            format!("LOCATION:{}", text(&e.location)),
            format!("DESCRIPTION:{}", text(&e.description)),
            "TRANSP:TRANSPARENT".into(),
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!("DESCRIPTION:{}", text(&e.summary)),
            format!("TRIGGER:{}", alarm(e.remind_days)),
            "END:VALARM".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// When the alarm rings, from the start of the all-day event (midnight, local time): at 9:00
/// on the day `days` before the due date, never at midnight, inside the quiet hours the
/// app keeps for its own notices.
fn alarm(days: i32) -> String {
    match days.max(0) {
        0 => "PT9H".to_string(),
        1 => "-PT15H".to_string(),
        n => format!("-P{}DT15H", n - 1),
    }
}

/// A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (RFC 5545 3.1), never inside a character; each
/// continuation starts with a space; CRLF after each.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alarm_rings_at_nine_on_its_day() {
        // From midnight of the due date: 9 hours later; a day before at 9:00; three days.
        assert_eq!(super::alarm(0), "PT9H");
        assert_eq!(super::alarm(1), "-PT15H");
        assert_eq!(super::alarm(3), "-P2DT15H");
        assert_eq!(super::alarm(-2), "PT9H", "never after the due date");
    }

    #[test]
    fn long_japanese_lines_fold_between_characters() {
        let line = format!("SUMMARY:{}", "相続登記".repeat(20));
        let folded = fold(&line);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
