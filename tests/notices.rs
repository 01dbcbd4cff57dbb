//! Notices over ten years of a household's life, day by day with a fake clock: a baby is
//! born (the family already has a boy of two), the family moves, the grandfather dies and
//! the grandmother survives him. Every checkpoint and deadline notice must appear exactly
//! once, on the day the law and the catalog give, none for what is done; one situation on
//! one day is one digest; ids are the same at every recomputation and after a reload.

mod common;
use common::{my_number, read, Drive};

use hitotsu::case::PacketStatus;
use hitotsu::i18n::Lang;
use hitotsu::notice::{self, About, Checkpoints, Importance, Kind, Notice, Phase};
use hitotsu::resolve::Ask;
use hitotsu::state::AppState;
use hitotsu::vault::{FactKey, Provenance, Relation, HOUSEHOLD, ME};
use jiff::civil::{date, Date};
use jiff::Span;
use std::collections::{BTreeMap, BTreeSet};

fn checkpoints() -> Checkpoints {
    Checkpoints::parse(&read("checkpoints.json")).expect("the shipped checkpoints load")
}

fn days(d: Date, n: i64) -> Date {
    d.checked_add(Span::new().days(n)).unwrap()
}

/// What the citizen types on the detail pages (as tests/household.rs, with the people of
/// this household).
fn value(s: &AppState, ask: &Ask) -> String {
    let name = s
        .vault
        .latest(&FactKey::new(&ask.key.owner, "name"))
        .map(|f| f.value.clone());
    let v = match (
        ask.key.owner.as_str(),
        name.as_deref(),
        ask.key.attribute.as_str(),
    ) {
        (HOUSEHOLD, _, "address") if ask.starts.is_some() => "神奈川県横浜市中区山下町1-1",
        (HOUSEHOLD, _, "address") => "東京都千代田区千代田1-1",
        (HOUSEHOLD, _, "postal_code") if ask.starts.is_some() => "231-0023",
        (HOUSEHOLD, _, "postal_code") => "100-0001",
        (ME, _, "name") => "山田 太郎",
        (ME, _, "birth_date") => "1988-05-01",
        (_, Some("山田 花子"), "birth_date") => "1990-07-07",
        (_, Some("山田 和子"), "birth_date") => "1956-03-10",
        (_, Some("山田 一郎"), "birth_date") => "1950-02-01",
        (_, _, "birth_date") => "1960-01-01",
        (_, _, "insurance_kind") => "national",
        (_, _, "my_number") => return my_number("12345678901"),
        (_, _, "name") => "山田 𠮷子",
        (_, _, "name_kana") => "ヤマダ ヨシコ",
        (_, _, "sex") => "female",
        (_, _, "birth_time") => "午前10時30分",
        (_, _, "phone") => "090-1234-5678",
        (_, _, "bank_account") => "ゆうちょ 10180-11111111",
        (_, _, "insurance_number") => "12-345",
        (_, _, "income_summary" | "estate_value") => "1000000",
        (_, _, a) if a.contains("date") => "2026-01-01",
        (_, _, a) => return format!("{a}の記入"),
    };
    v.to_string()
}

/// The household's life, and what it has seen: for each notice id, every day it came into
/// view (a notice shown on consecutive days comes into view once).
struct Life {
    h: Drive,
    cp: Checkpoints,
    came: BTreeMap<String, Vec<Date>>,
    shown_yesterday: Vec<String>,
    /// Digests shown per day they started, for the first year's count.
    digests: BTreeMap<String, Date>,
    notices: BTreeMap<String, Notice>,
}

impl Life {
    fn day(&mut self, today: Date) {
        let all = notice::derive(
            &self.h.s,
            &self.h.c,
            &self.cp,
            &self.h.c.closed_days(),
            today,
        );
        let shown: Vec<String> = all
            .iter()
            .filter(|n| self.h.s.notices.wants(n, today))
            .map(|n| n.id.clone())
            .collect();
        for id in &shown {
            if !self.shown_yesterday.contains(id) {
                self.came.entry(id.clone()).or_default().push(today);
            }
        }
        for d in notice::digests(&all, &self.h.s.notices, today) {
            self.digests.entry(d.id.clone()).or_insert(today);
        }
        for n in all {
            self.notices.entry(n.id.clone()).or_insert(n);
        }
        self.shown_yesterday = shown;
    }

    /// The days a notice came into view, found by what it is about.
    fn came(&self, pick: impl Fn(&Notice) -> bool) -> Vec<(String, Vec<Date>)> {
        self.notices
            .values()
            .filter(|n| pick(n))
            .map(|n| {
                (
                    n.id.clone(),
                    self.came.get(&n.id).cloned().unwrap_or_default(),
                )
            })
            .collect()
    }

    fn checkpoint(&self, person: &str, checkpoint: &str) -> Vec<Date> {
        let found = self.came(|n| {
            matches!(&n.about, About::Checkpoint { person: p, checkpoint: c, .. } if p == person && c == checkpoint)
        });
        assert!(
            found.len() <= 1,
            "one notice per checkpoint and person: {found:?}"
        );
        found.into_iter().flat_map(|(_, d)| d).collect()
    }

    fn deadline(&self, procedure: &str, phase: Phase) -> Vec<Date> {
        self.came(|n| {
            matches!(&n.about, About::Deadline { procedure: p, phase: f, .. } if p == procedure && *f == phase)
        })
        .into_iter()
        .flat_map(|(_, d)| d)
        .collect()
    }
}

#[test]
fn a_household_over_ten_years_day_by_day() {
    let mut life = Life {
        h: Drive::new(),
        cp: checkpoints(),
        came: BTreeMap::new(),
        shown_yesterday: Vec::new(),
        digests: BTreeMap::new(),
        notices: BTreeMap::new(),
    };
    let start = date(2026, 4, 20);
    // The boy of two the device already knows (added on a "who is who" page before).
    let given = Provenance {
        case: "c0".into(),
        event: "birth".into(),
        how: hitotsu::vault::How::Typed,
        date: date(2024, 1, 10),
    };
    let kenta = life.h.s.vault.add_person("c0");
    life.h.s.vault.set(
        &FactKey::new(&kenta, "name"),
        "山田 健太".into(),
        None,
        given.clone(),
    );
    life.h.s.vault.set(
        &FactKey::new(&kenta, "birth_date"),
        "2023-09-10".into(),
        None,
        given,
    );
    life.h.s.vault.relate(Relation::Parent {
        parent: ME.into(),
        child: kenta.clone(),
    });

    let (mut birth, mut moving, mut death) = (String::new(), String::new(), String::new());
    let mut packet = String::new();
    let end = date(2036, 4, 20);
    let mut today = start;
    while today <= end {
        let h = &mut life.h;
        match today.to_string().as_str() {
            // The baby was born on 16 April; the birth is entered four days later.
            "2026-04-20" => {
                birth = h.open("birth", today);
                h.answer(&birth, today, &common::BIRTH_ANSWERS);
                h.people(&birth, today, &common::BIRTH_PEOPLE);
                h.fill(&birth, today, &value);
            }
            // The registration and the allowance done at the counter; the baby's health
            // insurance forgotten.
            "2026-04-27" => {
                for p in ["birth_registration", "child_allowance"] {
                    h.s.mark_done(&h.c, &birth, p, true, today);
                }
            }
            // The move on 1 June, entered on 20 May; everything handed over on 3 June.
            "2026-05-20" => {
                moving = h.open("moving", today);
                h.answer_all(&moving, today, &common::moving_answer);
                h.people(&moving, today, &[]);
                h.fill(&moving, today, &value);
            }
            "2026-06-03" => h.hand_over_all(&moving, today),
            // The grandfather dies on 30 November; entered on 5 December.
            "2026-12-05" => {
                death = h.open("death", today);
                h.answer(&death, today, &common::DEATH_ANSWERS);
                h.people(
                    &death,
                    today,
                    &[
                        ("deceased_kin", "parent-male"),
                        ("lived_with", "no"),
                        ("surviving_spouse", "new"),
                        ("surviving_spouse_name", "山田 和子"),
                    ],
                );
                h.fill(&death, today, &value);
                // The grandmother's date of birth, added on "My information".
                let ichiro = h
                    .case(&death)
                    .first(hitotsu::household::Role::Deceased)
                    .unwrap()
                    .to_string();
                let kazuko = hitotsu::household::surviving_spouse(&h.s.vault, &ichiro).unwrap();
                let given = Provenance {
                    case: death.clone(),
                    event: "death".into(),
                    how: hitotsu::vault::How::Typed,
                    date: today,
                };
                h.s.vault.set(
                    &FactKey::new(&kazuko, "birth_date"),
                    "1956-03-10".into(),
                    None,
                    given,
                );
                // The pension service's packet is prepared and sent at once.
                let p = h
                    .packets(&death, today)
                    .into_iter()
                    .find(|p| p.procedures.iter().any(|x| x == "pension_death_notice"))
                    .expect("a packet for the pension service");
                packet = h.s.prepare(&death, &p, today).unwrap();
                h.s.hand_over(&h.c, &death, &packet, false, today);
            }
            // The pension service reports it received it, then that it needs something.
            "2026-12-10" => h.s.record_status(&packet, PacketStatus::Received, today),
            "2026-12-20" => h.s.record_status(&packet, PacketStatus::NeedsAction, today),
            _ => {}
        }
        life.day(today);
        today = today.tomorrow().unwrap();
    }

    let baby = life
        .h
        .case(&birth)
        .first(hitotsu::household::Role::Child)
        .unwrap()
        .to_string();
    // ── Life stages of the baby, born 16 April 2026: each notice on its day, once.
    let expect = [
        ("checkup_1_month", "2026-05-09"),    // 16 May less 7 days
        ("vaccination_start", "2026-06-01"),  // 15 June (2 months reached) less 14 days
        ("checkup_3_4_months", "2026-07-02"), // 16 July less 14 days
        ("checkup_1y6m", "2027-09-16"),       // 16 October 2027 less 30 days
        ("checkup_3y", "2029-03-17"),         // 16 April 2029 less 30 days
        // Six on 15 April 2032 (the day before the birthday): school from 1 April 2033;
        // the health check by 30 November 2032, told from 1 October (as the README says).
        ("school_health_check", "2032-10-01"),
        ("school_entry", "2033-01-01"), // 1 April 2033 less 90 days
    ];
    for (checkpoint, day) in expect {
        assert_eq!(
            life.checkpoint(&baby, checkpoint),
            vec![day.parse::<Date>().unwrap()],
            "the baby's {checkpoint}"
        );
    }
    // Not read, the vaccinations' notice stays while the first vaccinations are usually
    // begun (to the seventh month: 16 November), not a month past the second.
    let vaccination = life
        .notices
        .values()
        .find(|n| matches!(&n.about, About::Checkpoint { person, checkpoint, .. } if *person == baby && checkpoint == "vaccination_start"))
        .expect("the baby's vaccinations are told of");
    assert!(vaccination.shown_on(date(2026, 11, 10)), "{vaccination:?}");
    assert!(!vaccination.shown_on(date(2026, 12, 1)), "{vaccination:?}");
    // The boy, born 10 September 2023: already past his early checkups when the device
    // learnt of him on 20 April 2026 — only what is still to come, or still open.
    assert!(
        life.checkpoint(&kenta, "checkup_1y6m").is_empty(),
        "long past: never told"
    );
    assert_eq!(
        life.checkpoint(&kenta, "checkup_3y"),
        vec![date(2026, 8, 11)],
        "three on 10 September 2026, told 30 days ahead"
    );
    assert_eq!(
        life.checkpoint(&kenta, "school_health_check"),
        vec![date(2029, 10, 1)],
        "six on 9 September 2029: school from 1 April 2030; told from 1 October"
    );
    // The grandmother, born 10 March 1956: 75 on 10 March 2031 (the birthday itself).
    let kazuko = life
        .h
        .s
        .vault
        .people
        .iter()
        .find(|p| life.h.s.vault.name_at(&p.id, end) == Some("山田 和子"))
        .expect("the surviving spouse is in the vault")
        .id
        .clone();
    assert_eq!(
        life.checkpoint(&kazuko, "elderly_medical_75"),
        vec![date(2031, 2, 8)]
    );
    assert!(
        life.checkpoint(&kazuko, "care_insurance_65").is_empty(),
        "65 long ago"
    );
    // The grandfather died: nothing for him after his death.
    let ichiro = life
        .h
        .case(&death)
        .first(hitotsu::household::Role::Deceased)
        .unwrap()
        .to_string();
    let about_him =
        life.came(|n| matches!(&n.about, About::Checkpoint { person, .. } if *person == ichiro));
    assert!(about_him.is_empty(), "{about_him:?}");

    // ── Deadlines. 出生届: due Thursday 30 April (the 14th day, counting the birth day, is
    // Showa Day 29 April); told 7 days ahead, done on 27 April: nothing after.
    assert_eq!(
        life.deadline("birth_registration", Phase::Ahead(7)),
        vec![date(2026, 4, 23)]
    );
    assert!(
        life.deadline("birth_registration", Phase::Due).is_empty(),
        "done before it fell due"
    );
    assert!(life
        .deadline("birth_registration", Phase::Overdue)
        .is_empty());
    // The baby's health insurance was forgotten: due 30 April, then overdue for good.
    assert_eq!(
        life.deadline("baby_national_insurance", Phase::Due),
        vec![date(2026, 4, 30)]
    );
    assert_eq!(
        life.deadline("baby_national_insurance", Phase::Overdue),
        vec![date(2026, 5, 1)]
    );
    // The move, all handed over on 3 June: its reminders stop there.
    let moving_shown: Vec<Date> = life
        .came(|n| matches!(&n.about, About::Deadline { case, .. } if *case == moving))
        .into_iter()
        .flat_map(|(_, d)| d)
        .collect();
    assert!(!moving_shown.is_empty() && moving_shown.iter().all(|d| *d <= date(2026, 6, 3)));
    assert!(life
        .shown_yesterday
        .iter()
        .all(|id| !id.contains(&format!(":{moving}:"))));
    // 転出届, due by the move itself (Monday 1 June; entered 20 May): told 7, 3 and 1 days
    // ahead like any other duty, not first on the day of the move.
    for (lead, day) in [
        (7, date(2026, 5, 25)),
        (3, date(2026, 5, 29)),
        (1, date(2026, 5, 31)),
    ] {
        assert_eq!(
            life.deadline("moving_out", Phase::Ahead(lead)),
            vec![day],
            "転出届 {lead} days ahead"
        );
    }
    // The death: the timeline to the registration of the inheritance, three years from
    // knowing of it (30 November 2029, a Friday), told 90 and 30 days ahead.
    assert_eq!(
        life.deadline("inheritance_registration", Phase::Ahead(90)),
        vec![date(2029, 9, 1)]
    );
    assert_eq!(
        life.deadline("inheritance_registration", Phase::Ahead(30)),
        vec![date(2029, 10, 31)]
    );
    // 相続放棄: three months from 30 November, 28 February 2027 a Sunday → 1 March.
    assert_eq!(
        life.deadline("renunciation", Phase::Ahead(30)),
        vec![date(2027, 1, 30)]
    );

    // ── The recipient's news: received (for information), then needs action (must act).
    let status: BTreeMap<String, (Importance, Vec<Date>)> = life
        .notices
        .values()
        .filter(|n| n.kind == Kind::Status)
        .map(|n| (n.id.clone(), (n.importance, life.came[&n.id].clone())))
        .collect();
    assert_eq!(
        status.values().cloned().collect::<Vec<_>>(),
        vec![
            (Importance::MustAct, vec![date(2026, 12, 20)]),
            (Importance::Info, vec![date(2026, 12, 10)]),
        ],
        "{status:?}"
    );

    // ── Every notice in words, in every language; a digest of several under its situation.
    for lang in [Lang::Ja, Lang::En, Lang::Easy] {
        let words = notice::Sources {
            state: &life.h.s,
            catalog: &life.h.c,
            checkpoints: &life.cp,
            lang,
            today: start,
            tray: false,
        };
        for n in life.notices.values() {
            let w = words.notice(n);
            assert!(
                !w.title.is_empty() && !w.body.is_empty(),
                "{} in {lang:?}: {w:?}",
                n.id
            );
        }
    }

    // ── Exactly once: no notice ever came into view twice.
    for (id, came) in &life.came {
        assert_eq!(came.len(), 1, "{id} came into view on {came:?}");
    }

    // The first year, for the note: notices and digests that came into view.
    let year = days(start, 365);
    let notices = life.came.values().filter(|d| d[0] < year).count();
    let digests = life.digests.values().filter(|d| **d < year).count();
    println!(
        "first year of a household of four (and a death): {notices} notices in {digests} digests"
    );
}

#[test]
fn reminders_of_one_case_on_one_day_are_one_digest() {
    let mut h = Drive::new();
    let today = date(2026, 4, 20);
    let birth = h.open("birth", today);
    h.answer(&birth, today, &common::BIRTH_ANSWERS);
    let cp = checkpoints();
    let day = date(2026, 4, 23);
    let all = notice::derive(&h.s, &h.c, &cp, &h.c.closed_days(), day);
    let digests = notice::digests(&all, &h.s.notices, day);
    let case: Vec<_> = digests
        .iter()
        .filter(|d| d.bundle == format!("case:{birth}"))
        .collect();
    assert_eq!(case.len(), 1, "{digests:#?}");
    let procedures: Vec<&str> = case[0]
        .notices
        .iter()
        .map(|n| match &n.about {
            About::Deadline { procedure, .. } => procedure.as_str(),
            _ => "",
        })
        .collect();
    // 出生届 (due 30 Apr, 7 ahead), 児童手当 (due 1 May, 15 days: 8 ahead), the baby's
    // national health insurance (due 30 Apr, 7 ahead): together on 23 April.
    for p in [
        "birth_registration",
        "child_allowance",
        "baby_national_insurance",
    ] {
        assert!(procedures.contains(&p), "{p} in {procedures:?}");
    }
    assert_eq!(case[0].importance, Importance::MustAct);
    // In words: one message under its situation, each reminder a line of it.
    let en = notice::Sources {
        state: &h.s,
        catalog: &h.c,
        checkpoints: &cp,
        lang: Lang::En,
        today: day,
        tray: false,
    };
    let w = en.digest(case[0]);
    assert_eq!(
        w.title,
        format!("A birth: {} notices", case[0].notices.len())
    );
    assert!(
        w.body
            .contains("Birth notification (出生届): due in 7 days"),
        "{}",
        w.body
    );
    let ja = notice::Sources {
        lang: Lang::Ja,
        ..en
    };
    assert!(ja.digest(case[0]).body.contains("出生届の期限まであと7日"));
    // Shown at 8:00 that day, when the night's quiet hours end; at midnight without them.
    assert_eq!(
        case[0].notify_at(h.s.notices.settings.quiet),
        day.at(8, 0, 0, 0)
    );
    assert_eq!(case[0].notify_at(None), day.at(0, 0, 0, 0));

    // The same notices at every recomputation, and after the state is stored and read.
    let again = notice::derive(&h.s, &h.c, &cp, &h.c.closed_days(), day);
    assert_eq!(all, again);
    let (reloaded, problem) = AppState::from_stored(Some(&h.s.to_stored()));
    assert!(problem.is_none());
    assert_eq!(
        all,
        notice::derive(&reloaded, &h.c, &cp, &h.c.closed_days(), day)
    );
}

/// A birth on 16 April told on the 20th, and its notices as of the 23rd (the first
/// reminders are due).
fn birth_on_the_23rd() -> (Drive, String, Checkpoints, Date, Vec<Notice>) {
    let mut h = Drive::new();
    let today = date(2026, 4, 20);
    let birth = h.open("birth", today);
    h.answer(
        &birth,
        today,
        &[
            ("birth_date", "2026-04-16"),
            ("born_abroad", "no"),
            ("japanese_parent", "yes"),
            ("japanese_parents", "both"),
            ("allowance_older_child", "no"),
        ],
    );
    let cp = checkpoints();
    let day = date(2026, 4, 23);
    let all = notice::derive(&h.s, &h.c, &cp, &h.c.closed_days(), day);
    (h, birth, cp, day, all)
}

/// The endpoint's first answer to a packet, on `day`: accepted, and received.
fn received(s: &mut AppState, packet: &str, day: Date) {
    let accepted = hitotsu::outbox::Attempt::Accepted {
        receipt: "R-1".into(),
    };
    s.record_attempt(packet, accepted, Some(PacketStatus::Received), 1.0, day);
}

/// A birth whose first packet is sent on `day` (queued: not yet delivered).
fn birth_packet_sent(day: Date) -> (Drive, String) {
    let mut h = Drive::new();
    let birth = h.open("birth", day);
    h.answer(&birth, day, &common::BIRTH_ANSWERS);
    h.people(&birth, day, &common::BIRTH_PEOPLE);
    h.fill(&birth, day, &value);
    let packet = h.packets(&birth, day).into_iter().next().expect("a packet");
    let id =
        h.s.send(&h.c, &birth, &packet, "key-1", 0.0, day)
            .expect("queued");
    (h, id)
}

#[test]
fn read_dismissed_and_snoozed_stay_so_across_a_reload() {
    let (mut h, _, _, day, all) = birth_on_the_23rd();
    let shown: Vec<&Notice> = all.iter().filter(|n| h.s.notices.wants(n, day)).collect();
    assert!(shown.len() >= 2, "{shown:?}");
    let unread = notice::unread(&all, &h.s.notices, day);
    let (read, dismissed) = (shown[0].id.clone(), shown[1].id.clone());
    h.s.notices.marks.entry(read.clone()).or_default().read = true;
    h.s.notices
        .marks
        .entry(dismissed.clone())
        .or_default()
        .dismissed = true;
    let (mut s, _) = AppState::from_stored(Some(&h.s.to_stored()));
    assert!(s.notices.mark(&read).read);
    assert_eq!(notice::unread(&all, &s.notices, day), unread - 2);
    let left: Vec<&Notice> = all.iter().filter(|n| s.notices.wants(n, day)).collect();
    assert!(left.iter().all(|n| n.id != dismissed));
    // Snoozed until 25 April: gone on the 24th, back on the 25th.
    let snoozed = left[0].id.clone();
    s.notices
        .marks
        .entry(snoozed.clone())
        .or_default()
        .snoozed_until = Some(date(2026, 4, 25));
    let n = all.iter().find(|n| n.id == snoozed).unwrap();
    assert!(!s.notices.wants(n, date(2026, 4, 24)));
    assert!(s.notices.wants(n, date(2026, 4, 25)) || !n.shown_on(date(2026, 4, 25)));
    // What the citizen turned off is not shown: only what must be acted on.
    s.notices.settings.lowest = Importance::MustAct;
    assert!(all
        .iter()
        .filter(|n| s.notices.wants(n, day))
        .all(|n| n.importance == Importance::MustAct));
    s.notices.settings.kinds.remove(&Kind::Deadline);
    assert!(all
        .iter()
        .all(|n| n.kind != Kind::Deadline || !s.notices.wants(n, day)));
}

#[test]
fn a_due_date_that_moves_moves_its_notices() {
    let mut h = Drive::new();
    let today = date(2026, 4, 20);
    let birth = h.open("birth", today);
    h.answer(
        &birth,
        today,
        &[("birth_date", "2026-04-16"), ("born_abroad", "no")],
    );
    let cp = checkpoints();
    let registration = |s: &AppState, c: &hitotsu::catalog::Catalog| -> Vec<Notice> {
        notice::derive(s, c, &cp, &c.closed_days(), today)
            .into_iter()
            .filter(|n| matches!(&n.about, About::Deadline { procedure, .. } if procedure == "birth_registration"))
            .collect()
    };
    // The day its "due today" notice is shown: the due date.
    let due = |notices: &[Notice]| {
        notices
            .iter()
            .find(|n| {
                matches!(
                    n.about,
                    About::Deadline {
                        phase: Phase::Due,
                        ..
                    }
                )
            })
            .map(|n| n.from)
    };
    let before = registration(&h.s, &h.c);
    assert_eq!(due(&before), Some(date(2026, 4, 30)));
    // The birth date was mistyped: the 10th, not the 16th. Due 23 April, told from the 16th.
    h.s.record_answer(&h.c, &birth, "birth_date", "2026-04-10".into(), today);
    let after = registration(&h.s, &h.c);
    assert_eq!(due(&after), Some(date(2026, 4, 23)));
    assert!(
        after.iter().all(|n| before.iter().all(|b| b.id != n.id)),
        "new notices, new ids"
    );
}

#[test]
fn the_shipped_checkpoints_cite_their_law_and_a_bad_file_is_refused() {
    let cp = checkpoints();
    assert!(cp.checkpoints.len() >= 10);
    for c in &cp.checkpoints {
        assert!(
            c.source.starts_with("https://laws.e-gov.go.jp/law/"),
            "{}",
            c.id
        );
    }
    let good = read("checkpoints.json");
    for (bad, why) in [
        (
            good.replacen("\"checkup_3y\"", "\"checkup_1y6m\"", 1),
            "a duplicate id",
        ),
        (
            good.replacen(
                "https://laws.e-gov.go.jp/law/340AC0000000141",
                "http://example.org",
                1,
            ),
            "a plain-http source",
        ),
        (
            good.replacen("\"days\": -1", "\"days\": 1", 1),
            "an offset both ways",
        ),
        (
            good.replacen("\"en\": \"One-month health checkup\"", "\"en\": \"\"", 1),
            "a text missing in English",
        ),
    ] {
        assert_ne!(bad, good, "{why}: the mutation applies");
        assert!(Checkpoints::parse(&bad).is_err(), "{why} is refused");
    }
}

/// The events of a calendar file as a calendar program reads them: (UID, DTSTART, alarm
/// trigger, DESCRIPTION), with line folding undone by the parser.
fn read_calendar(ics: &str) -> Vec<(String, String, String, String)> {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("a valid calendar");
    assert!(calendars.next().is_none());
    let prop = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    calendar
        .events
        .iter()
        .map(|e| {
            assert_eq!(e.alarms.len(), 1, "one reminder per due date");
            (
                prop(&e.properties, "UID"),
                prop(&e.properties, "DTSTART"),
                prop(&e.alarms[0].properties, "TRIGGER"),
                prop(&e.properties, "DESCRIPTION"),
            )
        })
        .collect()
}

#[test]
fn the_calendar_holds_every_open_due_date_and_an_import_again_updates_it() {
    use hitotsu::ics::{calendar, due_entries};
    let mut h = Drive::new();
    let today = date(2026, 4, 20);
    let birth = h.open("birth", today);
    h.answer(&birth, today, &common::BIRTH_ANSWERS);
    h.s.mark_done(&h.c, &birth, "child_allowance", true, today);
    // The app names the file at its first export (a random id).
    h.s.calendar_id = "5f0c2b9e-device-one".into();
    let stamp = date(2026, 4, 20).at(3, 0, 0, 0);
    let export = |s: &AppState| {
        calendar(
            &due_entries(s, &h.c, &h.c.closed_days(), today, Lang::Ja, Some(&birth)),
            stamp,
        )
    };
    let ics = export(&h.s);
    // Kept with the file: read back after a reload, and in an export imported elsewhere.
    let (reloaded, _) = AppState::from_stored(Some(&h.s.to_stored()));
    assert_eq!(reloaded.calendar_id, h.s.calendar_id);
    let imported = AppState::import(&h.s.export(today)).expect("its own export imports");
    assert_eq!(imported.calendar_id, h.s.calendar_id);
    assert!(
        ics.lines().all(|l| l.len() <= 76),
        "folded at 75 octets (plus CR)"
    );
    let events = read_calendar(&ics);
    let registration = events
        .iter()
        .find(|e| e.0 == format!("5f0c2b9e-device-one-{birth}-birth_registration@hitotsu"))
        .expect("the birth registration is in the calendar");
    assert_eq!(
        registration.1, "20260430",
        "due Thursday 30 April (29 April is Showa Day)"
    );
    // An all-day event starts at midnight: an alarm "7 days before" rang at 00:00, inside
    // the app's own quiet hours. It rings at 9:00 of that day: midnight less 6 days 15 hours.
    assert_eq!(
        registration.2, "-P6DT15H",
        "reminded 7 days ahead, as the notices do, at 9:00"
    );
    assert!(
        registration.3.contains("戸籍法49条"),
        "the legal basis: {}",
        registration.3
    );
    assert!(
        registration.3.contains("市区町村"),
        "the place: {}",
        registration.3
    );
    assert!(
        events.iter().all(|e| !e.0.contains("child_allowance")),
        "done: not in the calendar"
    );

    // The birth date corrected: the same events, moved.
    h.s.record_answer(&h.c, &birth, "birth_date", "2026-04-10".into(), today);
    let moved = read_calendar(&export(&h.s));
    let uids = |e: &[(String, String, String, String)]| {
        e.iter()
            .map(|x| x.0.clone())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(
        uids(&events),
        uids(&moved),
        "an import again updates, never duplicates"
    );
    let again = moved.iter().find(|e| e.0 == registration.0).unwrap();
    assert_eq!(again.1, "20260423");
    // Another phone's first case is c1 too, and so is a fresh start's after "delete
    // everything": their events never replace these.
    let mut other = h.s.wiped();
    assert!(
        other.calendar_id.is_empty(),
        "a fresh start is named afresh"
    );
    let theirs = other.open_case(h.c.event("birth").unwrap(), today);
    assert_eq!(theirs, birth);
    for (q, a) in common::BIRTH_ANSWERS {
        other.record_answer(&h.c, &theirs, q, a.into(), today);
    }
    other.calendar_id = "77aa01c3-device-two".into();
    let theirs = read_calendar(&export(&other));
    assert!(!theirs.is_empty());
    assert!(uids(&theirs).is_disjoint(&uids(&moved)), "{theirs:?}");
}

#[test]
fn a_status_in_the_first_answer_dates_from_the_day_it_came() {
    // A packet queued offline on 20 April goes out five days later; the endpoint's first
    // answer says it was received. That news is news from 25 April, for a month.
    let (mut h, id) = birth_packet_sent(date(2026, 4, 20));
    let came = date(2026, 4, 25);
    received(&mut h.s, &id, came);
    let cp = checkpoints();
    let all = notice::derive(&h.s, &h.c, &cp, &h.c.closed_days(), came);
    let status: Vec<&Notice> = all.iter().filter(|n| n.kind == Kind::Status).collect();
    assert_eq!(status.len(), 1, "{status:#?}");
    assert_eq!(status[0].from, came, "from the day the answer came");
    assert_eq!(status[0].until, Some(days(came, 30)));
    // A later answer with the same status keeps its day; a new status starts a new one.
    h.s.record_status(&id, PacketStatus::Received, days(came, 3));
    let again = notice::derive(&h.s, &h.c, &cp, &h.c.closed_days(), days(came, 3));
    assert_eq!(
        again
            .iter()
            .find(|n| n.kind == Kind::Status)
            .map(|n| n.from),
        Some(came)
    );
}

#[test]
fn the_buttons_of_a_system_notification_read_or_snooze_its_notices() {
    let (mut h, birth, _, day, all) = birth_on_the_23rd();
    let digest = notice::digests(&all, &h.s.notices, day)
        .into_iter()
        .find(|d| d.bundle == format!("case:{birth}"))
        .expect("the birth's reminders");
    let ids: Vec<String> = digest.notices.iter().map(|n| n.id.clone()).collect();
    assert!(ids.len() >= 2, "{ids:?}");
    let unread = notice::unread(&all, &h.s.notices, day);

    // "Mark as read" on the notification: every notice of its digest is read.
    let mut read = h.s.notices.clone();
    read.act(&ids, notice::Acted::Read, day);
    assert_eq!(notice::unread(&all, &read, day), unread - ids.len());
    assert!(ids.iter().all(|id| read.mark(id).read));

    // "Remind me tomorrow": gone today, back tomorrow, still unread; and the worker's
    // schedule holds it again for tomorrow (a digest of its own, so it is shown anew).
    h.s.notices.act(&ids, notice::Acted::Snoozed, day);
    let (s, _) = AppState::from_stored(Some(&h.s.to_stored()));
    let tomorrow = days(day, 1);
    for id in &ids {
        let n = all.iter().find(|n| n.id == *id).unwrap();
        assert!(!s.notices.wants(n, day), "{id} kept back today");
        assert!(s.notices.wants(n, tomorrow), "{id} back tomorrow");
        assert!(!s.notices.mark(id).read);
    }
    assert!(notice::digests(&all, &s.notices, day)
        .iter()
        .all(|d| d.bundle != digest.bundle || d.from != digest.from));
    let again = notice::upcoming(&all, &s.notices, day);
    let back = again
        .iter()
        .find(|d| d.bundle == digest.bundle && d.from == tomorrow)
        .expect("back in the schedule tomorrow");
    assert_ne!(back.id, digest.id, "a new id: the worker shows it again");
    for id in &ids {
        assert!(
            back.notices.iter().any(|n| n.id == *id),
            "{id} in {back:#?}"
        );
    }
    // Tomorrow the day's digest is that same one: the worker, which may have shown it
    // from its schedule before the app opened, does not show it twice.
    assert!(notice::digests(&all, &s.notices, tomorrow)
        .iter()
        .any(|d| d.id == back.id && d.notices.len() == ids.len()));
    // Read meanwhile: nothing to remind of, the worker is not told to show it again.
    let mut seen = s.notices.clone();
    seen.act(&ids, notice::Acted::Read, day);
    assert!(notice::upcoming(&all, &seen, day)
        .iter()
        .all(|d| d.from != tomorrow || d.bundle != digest.bundle));
    // Dismissed in the centre meanwhile: it does not come back.
    let mut gone = s.notices.clone();
    gone.marks.get_mut(&ids[0]).unwrap().dismissed = true;
    assert!(notice::upcoming(&all, &gone, day)
        .iter()
        .flat_map(|d| &d.notices)
        .all(|n| n.id != ids[0]));
}

#[test]
fn a_delivered_packet_is_watched_for_the_news_the_app_would_make_of_it() {
    let day = date(2026, 4, 20);
    let (mut h, id) = birth_packet_sent(day);
    // Queued, not yet delivered: nothing to ask about.
    assert!(notice::watched(&h.s, day).is_empty());
    received(&mut h.s, &id, day);
    let later = date(2026, 4, 27);
    let watched = notice::watched(&h.s, later);
    assert_eq!(watched.len(), 1);
    assert_eq!(
        (
            watched[0].packet.as_str(),
            watched[0].key.as_str(),
            watched[0].status
        ),
        (id.as_str(), "key-1", PacketStatus::Received)
    );
    let cp = checkpoints();
    let words = |s: &AppState, n: &Notice| {
        notice::Sources {
            state: s,
            catalog: &h.c,
            checkpoints: &cp,
            lang: Lang::Ja,
            today: later,
            tray: true,
        }
        .notice(n)
    };
    // What the worker would show for "needs action" is the notice the app then makes, with
    // its id (so it is not shown twice) and its words.
    let foreseen = watched[0]
        .news
        .iter()
        .find(|(status, _)| *status == PacketStatus::NeedsAction)
        .map(|(_, n)| n.clone())
        .expect("needs action foreseen");
    // Each foreseen notice is about the status it is listed under.
    for (status, n) in &watched[0].news {
        assert!(matches!(n.about, About::Status { status: s, .. } if s == *status));
    }
    assert_eq!(watched[0].news.len(), 2, "needs action and done");
    let foreseen_words = words(&h.s, &foreseen);
    let mut s = h.s.clone();
    s.record_status(&id, PacketStatus::NeedsAction, later);
    let made = notice::derive(&s, &h.c, &cp, &h.c.closed_days(), later)
        .into_iter()
        .find(|n| n.kind == Kind::Status)
        .expect("the status notice");
    assert_eq!(made, foreseen);
    assert_eq!(words(&s, &made), foreseen_words);
    assert_eq!(made.importance, Importance::MustAct);
    // Done: no news left to wait for.
    s.record_status(&id, PacketStatus::Done, later);
    assert!(notice::watched(&s, later).is_empty());
}

/// A reminder counts the period as the law does (to its nominal last day) and is told
/// that far ahead of the day it is really due (after the closed days): born Friday 17
/// April 2026, the 児童手当's 15 days end Saturday 2 May, due Thursday 7 May after the
/// Golden Week — told 8 days before 7 May (half of 15), not 10 (half of 20).
#[test]
fn a_reminder_is_counted_from_the_due_date_after_closed_days() {
    let mut h = Drive::new();
    let today = date(2026, 4, 17);
    let birth = h.open("birth", today);
    let answers: Vec<(&str, &str)> = common::BIRTH_ANSWERS
        .iter()
        .map(|&(q, a)| {
            if q == "birth_date" {
                (q, "2026-04-17")
            } else {
                (q, a)
            }
        })
        .collect();
    h.answer(&birth, today, &answers);
    let all = notice::derive(&h.s, &h.c, &checkpoints(), &h.c.closed_days(), today);
    let ahead: Vec<(Phase, Date, Date)> = all
        .iter()
        .filter_map(|n| match &n.about {
            About::Deadline {
                procedure,
                phase,
                due,
                ..
            } if procedure == "child_allowance" && matches!(phase, Phase::Ahead(_)) => {
                Some((*phase, *due, n.from))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        ahead,
        vec![
            (Phase::Ahead(8), date(2026, 5, 7), date(2026, 4, 29)),
            (Phase::Ahead(1), date(2026, 5, 7), date(2026, 5, 6)),
        ]
    );
}

/// A heading says how things stand on the day it is read: the 出生届's reminder, first
/// shown 7 days ahead, says 5 days on the day that are left; the tray's words carry no
/// count (a notification can wait there for days) but the date.
#[test]
fn a_heading_is_counted_for_the_day_it_is_read() {
    let mut h = Drive::new();
    let started = date(2026, 4, 20);
    let birth = h.open("birth", started);
    h.answer(&birth, started, &common::BIRTH_ANSWERS);
    let cp = checkpoints();
    let day = date(2026, 4, 25);
    let all = notice::derive(&h.s, &h.c, &cp, &h.c.closed_days(), day);
    let reminder = notice::digests(&all, &h.s.notices, day)
        .into_iter()
        .flat_map(|d| d.notices)
        .find(|n| {
            matches!(&n.about, About::Deadline { procedure, phase: Phase::Ahead(7), .. } if procedure == "birth_registration")
        })
        .expect("the 7-day reminder is still shown on 25 April");
    let ja = notice::Sources {
        state: &h.s,
        catalog: &h.c,
        checkpoints: &cp,
        lang: Lang::Ja,
        today: day,
        tray: false,
    };
    assert_eq!(ja.notice(&reminder).title, "出生届の期限まであと5日");
    assert_eq!(ja.notice(&reminder).body, "2026年4月30日（木）（あと5日）");
    let en = notice::Sources {
        lang: Lang::En,
        ..ja
    };
    assert_eq!(
        en.notice(&reminder).title,
        "Birth notification (出生届): due in 5 days"
    );
    let tray = notice::Sources { tray: true, ..ja };
    assert_eq!(
        tray.notice(&reminder).title,
        "出生届の期限は2026年4月30日（木）です"
    );
    assert!(!tray.notice(&reminder).body.contains("あと"));
    // On the due day and after it, the heading says so, whatever reminder it was.
    let due_day = notice::Sources {
        today: date(2026, 4, 30),
        ..ja
    };
    assert_eq!(due_day.notice(&reminder).title, "出生届は今日が期限です");
    let later = notice::Sources {
        today: date(2026, 5, 2),
        ..ja
    };
    assert_eq!(later.notice(&reminder).title, "出生届の期限を過ぎています");
    let tray_late = notice::Sources {
        tray: true,
        ..later
    };
    assert_eq!(
        tray_late
            .notice(&notice::derive(&h.s, &h.c, &cp, &h.c.closed_days(), date(2026, 5, 2))
                .into_iter()
                .find(|n| matches!(&n.about, About::Deadline { procedure, phase: Phase::Overdue, .. } if procedure == "birth_registration"))
                .unwrap())
            .title,
        "出生届の期限（2026年4月30日（木））を過ぎています"
    );
}

/// One baby's first three months and a move, day by day, as the notice centre and the tray
/// show them (the tray as the service worker keeps it: a case's or person's notification
/// replaced by its newer one, closed once none of its notices is still to tell). Printed
/// for the README's note with `cargo test --test notices diary -- --nocapture`; what it
/// shows is held: the tray never carries a count that could go stale, every notification
/// in it is in the centre that day, each heading counts to the day it is read.
#[test]
fn diary_of_a_babys_first_three_months_and_a_move() {
    let mut h = Drive::new();
    let cp = checkpoints();
    let (mut birth, mut moving) = (String::new(), String::new());
    // tag → (title, notice ids)
    let mut tray: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    let mut lines = Vec::new();
    let mut last_centre: Vec<String> = Vec::new();
    let mut today = date(2026, 4, 20);
    while today <= date(2026, 7, 20) {
        let mut did = String::new();
        match today.to_string().as_str() {
            "2026-04-20" => {
                birth = h.open("birth", today);
                h.answer(&birth, today, &common::BIRTH_ANSWERS);
                h.people(&birth, today, &common::BIRTH_PEOPLE);
                h.fill(&birth, today, &value);
                did = "the birth (16 April) entered".into();
            }
            "2026-04-27" => {
                for p in ["birth_registration", "child_allowance"] {
                    h.s.mark_done(&h.c, &birth, p, true, today);
                }
                did = "出生届 and 児童手当 done at the counter".into();
            }
            "2026-05-20" => {
                moving = h.open("moving", today);
                h.answer_all(&moving, today, &common::moving_answer);
                h.people(&moving, today, &[]);
                h.fill(&moving, today, &value);
                did = "the move (1 June, to another city) entered".into();
            }
            "2026-06-03" => {
                h.hand_over_all(&moving, today);
                did = "the move's forms handed over".into();
            }
            _ => {}
        }
        let all = notice::derive(&h.s, &h.c, &cp, &h.c.closed_days(), today);
        let words = notice::Sources {
            state: &h.s,
            catalog: &h.c,
            checkpoints: &cp,
            lang: Lang::Ja,
            today,
            tray: false,
        };
        let last_tray: BTreeSet<String> = tray.keys().cloned().collect();
        let centre: Vec<String> = notice::digests(&all, &h.s.notices, today)
            .iter()
            .flat_map(|d| d.notices.iter().map(|n| words.notice(n).title))
            .collect();
        // Closed: a notification none of whose notices is still to tell.
        let still: BTreeSet<&str> = all
            .iter()
            .filter(|n| h.s.notices.wants(n, today) || n.from > today)
            .map(|n| n.id.as_str())
            .collect();
        let mut changes = Vec::new();
        let new: Vec<notice::Digest> = notice::digests(&all, &h.s.notices, today)
            .into_iter()
            .filter(|d| d.from == today)
            .collect();
        tray.retain(|tag, (title, ids)| {
            let keep = ids.iter().any(|id| still.contains(id.as_str()));
            // (One a newer one replaces is said with that one.)
            if !keep && new.iter().all(|d| d.bundle != *tag) {
                changes.push(format!("closed [{tag}] {title}"));
            }
            keep
        });
        let tray_words = notice::Sources {
            tray: true,
            ..words
        };
        for d in new {
            let w = tray_words.digest(&d);
            assert!(
                !w.title.contains("あと") && !w.body.contains("あと"),
                "no count in the tray: {w:?}"
            );
            let at = d.notify_at(h.s.notices.settings.quiet);
            let replaced = tray.contains_key(&d.bundle) || last_tray.contains(&d.bundle);
            changes.push(format!(
                "{} {} [{}] {} — {}",
                at.time(),
                if replaced { "replaces" } else { "shows" },
                d.bundle,
                w.title,
                w.body.replace('\n', " / ")
            ));
            tray.insert(
                d.bundle.clone(),
                (w.title, d.notices.iter().map(|n| n.id.clone()).collect()),
            );
        }
        // Every notification in the tray is about something in the centre today.
        for (tag, (_, ids)) in &tray {
            assert!(
                ids.iter().any(|id| all
                    .iter()
                    .any(|n| n.id == *id && h.s.notices.wants(n, today))),
                "{today}: [{tag}] in the tray, nothing of it in the centre"
            );
        }
        if !did.is_empty() || !changes.is_empty() || centre != last_centre {
            lines.push(format!(
                "{today} ({:?}){}",
                today.weekday(),
                if did.is_empty() {
                    String::new()
                } else {
                    format!(" — {did}")
                }
            ));
            for c in &changes {
                lines.push(format!("  tray: {c}"));
            }
            lines.push(format!(
                "  centre: {}",
                if centre.is_empty() {
                    "nothing".to_string()
                } else {
                    centre.join("; ")
                }
            ));
        }
        last_centre = centre;
        today = today.tomorrow().unwrap();
    }
    println!("{}", lines.join("\n"));
    // The move's 転出届 was in the centre before the day of the move.
    assert!(
        lines.iter().any(|l| l.contains("転出届の期限まであと3日")),
        "{}",
        lines.join("\n")
    );
}
