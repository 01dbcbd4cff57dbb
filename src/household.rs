//! The household as people: who plays which part in a case (the baby, the deceased, who
//! moves, the heirs, the 喪主), who files each procedure, and the kinship (続柄) between
//! any two people, derived from the vault's relations.

use crate::vault::{Relation, Vault, ME};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A part people play in one case, recorded in the case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The baby of a birth; in a move, the children who move with the household.
    Child,
    /// The person who died.
    Deceased,
    /// Who moves.
    Members,
    /// The heirs (相続人) of the deceased.
    Heirs,
    /// 喪主: who held the funeral and claims the funeral grant.
    FuneralHost,
    /// 届出人: who files the birth or death notification.
    Informant,
    /// The parent who claims child allowance (the one with the higher income).
    AllowanceClaimant,
    /// Who goes to the offices in the citizen's place (代理人), when not the citizen.
    Helper,
}

/// Who files or claims a procedure, as the catalog says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Claimant {
    /// The citizen using the app.
    #[default]
    Me,
    Informant,
    AllowanceClaimant,
    /// The head of the household (世帯主) on the procedure's date.
    Head,
    /// The deceased's husband or wife, alive.
    SurvivingSpouse,
    /// The deceased husband's wife, alive (寡婦年金, 国年法49条1項): a procedure for her is
    /// not in the plan when the device knows the deceased was a woman or the spouse a man.
    Widow,
    FuneralHost,
    /// An heir who files for themself: the citizen when they are one.
    Heir,
    /// Who a survivors' pension goes to: the first rank alive of spouse, children, parents,
    /// grandchildren, grandparents (国年法37条の2, 厚年法59条1項).
    Survivor,
    /// Who claims what the deceased was owed (未支給年金, 死亡一時金): the same ranks, then
    /// brothers and sisters (国年法19条1項・52条の3, 厚年法37条1項).
    NextOfKin,
    /// The baby's mother (出産手当金, the pension's 産前産後 exemption, the support for
    /// pregnant women: hers by law, whoever uses the app).
    Mother,
    /// The insured person whose employer insurance covered the deceased as a dependant
    /// (家族埋葬料, 健保法113条; 高額療養費, 115条1項): the citizen, the surviving spouse
    /// or a child of the deceased, as the death's answer says.
    DeceasedsInsured,
    /// One who moves and is in the 後期高齢者医療 (75 or over on the moving day, 高齢者の医療
    /// の確保に関する法律50条1号): each files their own; the citizen when they are one, or
    /// when the device knows no mover's age (a 65-to-74 with a recognised disability).
    ElderlyMover,
    /// The baby's father (his own childcare leave benefit, 雇用保険法61条の7).
    Father,
    /// The insured person whose health insurance covers the baby: the parent insured
    /// through an employer (健保法101条・114条, 健保則38条), or for the National Health
    /// Insurance the head of the household (国保法58条, 国保則2条).
    InsuredParent,
    /// The insured person of the mother's own health insurance, who claims the 出産育児一時金
    /// (健保法101条 when she is insured herself, 114条 for a dependant: her insured; 国保
    /// 58条: the head of the household).
    MothersInsured,
}

/// The answer of a birth that says whose insurance covers the baby.
pub const BABY_INSURANCE: &str = "parent_insurance";
/// The answer of a birth that says which parent is Japanese, when one is.
pub const JAPANESE_PARENTS: &str = "japanese_parents";
/// The answer of a death that says a child of the basic survivors' pension's age is left
/// (国年法37条の2第1項).
pub const SURVIVOR_CHILD: &str = "survivor_child";
/// The answer of a death that says whose dependant the deceased was.
pub const DECEASED_INSURED_BY: &str = "deceased_insured_by";
/// The answer of a birth that says the mother's own insurance, when the baby's does not.
pub const MOTHER_INSURANCE: &str = "mother_insurance";

/// What a birth's answers tell of each parent's own health insurance (the value of the
/// attribute `insurance_kind`): the parent insured through an employer whose insurance
/// covers the baby, and the mother's as she said it. Nothing is told of a parent the
/// answers do not name: a dependant is not taken for the insured.
pub fn birth_insurance(answers: &crate::condition::Answers) -> Vec<(Sex, &'static str)> {
    let mut out = Vec::new();
    match answers.get(BABY_INSURANCE).map(String::as_str) {
        Some("employee_father") => out.push((Sex::Male, "employee")),
        // The mother's own insurance is the baby's: her answer is not asked, and one left
        // from before is not hers any more.
        Some("employee_mother") => return vec![(Sex::Female, "employee")],
        _ => {}
    }
    match answers.get(MOTHER_INSURANCE).map(String::as_str) {
        Some("employee_self") => out.push((Sex::Female, "employee")),
        Some("national") => out.push((Sex::Female, "national")),
        Some("dependent") => out.push((Sex::Female, "dependent")),
        _ => {}
    }
    out
}

/// What the "who is who" page of an event asks, in the catalog's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeopleQuestion {
    /// Birth: the citizen's part (mother, father) and the other parent.
    Parents,
    /// Who is the head of the household (after the move, for a move).
    Head,
    Informant,
    AllowanceClaimant,
    /// Moving: who moves.
    Members,
    /// Death: how the deceased was related to the citizen, and whether they lived with them.
    DeceasedRelation,
    /// Death: the deceased's husband or wife, if alive.
    SurvivingSpouse,
    Heirs,
    FuneralHost,
    /// Who goes to the offices for the citizen (代理人: the son at the pension office for
    /// his mother), or the citizen themself.
    Helper,
}

/// How one person is related to another (the 続柄 a form asks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kin {
    Myself,
    Spouse,
    Child,
    Parent,
    Grandchild,
    Grandparent,
    Sibling,
    ParentInLaw,
    ChildInLaw,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

pub fn sex(vault: &Vault, person: &str) -> Option<Sex> {
    match vault
        .latest(&crate::vault::FactKey::new(person, "sex"))
        .map(|f| f.value.as_str())
    {
        Some("male") => Some(Sex::Male),
        Some("female") => Some(Sex::Female),
        _ => None,
    }
}

/// How `who` is related to `of`: "who is of's …".
pub fn kin(vault: &Vault, who: &str, of: &str) -> Kin {
    let has = |list: Vec<String>| list.iter().any(|p| p == who);
    if who == of {
        Kin::Myself
    } else if has(vault.spouses_of(of)) {
        Kin::Spouse
    } else if has(vault.children_of(of)) {
        Kin::Child
    } else if has(vault.parents_of(of)) {
        Kin::Parent
    } else if has(vault.grandparents_of(of)) {
        Kin::Grandparent
    } else if vault.grandparents_of(who).iter().any(|g| g == of) {
        Kin::Grandchild
    } else if has(vault.siblings_of(of)) {
        Kin::Sibling
    } else if vault
        .spouses_of(of)
        .iter()
        .any(|s| has(vault.parents_of(s)))
    {
        Kin::ParentInLaw
    } else if vault
        .children_of(of)
        .iter()
        .any(|c| has(vault.spouses_of(c)))
    {
        Kin::ChildInLaw
    } else {
        Kin::Other
    }
}

/// The relation that makes `who` the `kin` of `of` ("who is of's child"): the inverse of
/// `kin` for the kinships a relation states; None for the others (in-laws, "other").
pub fn relation_for(who: &str, kin: Kin, of: &str) -> Option<Relation> {
    let (who, of) = (who.to_string(), of.to_string());
    Some(match kin {
        Kin::Spouse => Relation::Spouse { a: of, b: who },
        Kin::Parent => Relation::Parent {
            parent: who,
            child: of,
        },
        Kin::Child => Relation::Parent {
            parent: of,
            child: who,
        },
        Kin::Sibling => Relation::Sibling { a: of, b: who },
        Kin::Grandparent => Relation::Grandparent {
            grandparent: who,
            of,
        },
        Kin::Grandchild => Relation::Grandparent {
            grandparent: of,
            of: who,
        },
        Kin::Myself | Kin::ParentInLaw | Kin::ChildInLaw | Kin::Other => return None,
    })
}

fn alive_on(vault: &Vault, p: &str, day: Date) -> bool {
    vault.death_date(p).is_none_or(|d| d >= day)
}

/// The deceased's husband or wife who outlived them, if the vault knows one.
pub fn surviving_spouse(vault: &Vault, deceased: &str) -> Option<String> {
    let died = vault.death_date(deceased)?;
    vault
        .spouses_of(deceased)
        .into_iter()
        .find(|s| vault.death_date(s).is_none_or(|d| d > died))
}

/// The people of the first rank alive on the day of the death, in the pension Acts'
/// order: spouse, children, parents, grandchildren, grandparents, and with `siblings` the
/// brothers and sisters (what the deceased was owed: 国年法19条1項, 厚年法37条1項, no age
/// bar). For a survivors' pension (`siblings` false) only those the Acts can pay count
/// (厚年法59条1項): a child or grandchild up to the 31 March after reaching 18, a husband,
/// parent or grandparent of 55 or over on the day of the death (the husband too when a
/// child of age makes him the basic pension's spouse, `with_child`: 国年法37条の2第1項1号).
/// A date of birth the vault does not know is no reason to pass someone over. Living with
/// the deceased (生計同一) is a condition the office checks; the vault cannot know it.
pub fn survivors(vault: &Vault, deceased: &str, siblings: bool, with_child: bool) -> Vec<String> {
    let Some(died) = vault.death_date(deceased) else {
        return Vec::new();
    };
    let outlived = |p: &String| vault.death_date(p).is_none_or(|d| d > died);
    let born = |p: &String| {
        vault
            .latest(&crate::vault::FactKey::new(p, "birth_date"))
            .and_then(|f| crate::iso_date::parse(&f.value))
    };
    let of_age = |p: &String| siblings || born(p).is_none_or(|b| allowance_age(b, died));
    let over_55 =
        |p: &String| siblings || born(p).is_none_or(|b| reaches(b, 55).is_some_and(|d| d <= died));
    let children = vault.children_of(deceased);
    let with_child = with_child
        || children
            .iter()
            .any(|c| outlived(c) && born(c).is_some_and(|b| allowance_age(b, died)));
    let spouse_paid =
        |p: &String| siblings || with_child || sex(vault, p) != Some(Sex::Male) || over_55(p);
    let grandchildren: Vec<String> = children.iter().flat_map(|c| vault.children_of(c)).collect();
    let mut ranks: Vec<Vec<String>> = vec![
        surviving_spouse(vault, deceased)
            .into_iter()
            .filter(spouse_paid)
            .collect(),
        children.into_iter().filter(of_age).collect(),
        vault
            .parents_of(deceased)
            .into_iter()
            .filter(over_55)
            .collect(),
        grandchildren.into_iter().filter(of_age).collect(),
        vault
            .grandparents_of(deceased)
            .into_iter()
            .filter(over_55)
            .collect(),
    ];
    if siblings {
        ranks.push(vault.siblings_of(deceased));
    }
    ranks
        .into_iter()
        .map(|rank| rank.into_iter().filter(|p| outlived(p)).collect::<Vec<_>>())
        .find(|rank| !rank.is_empty())
        .unwrap_or_default()
}

/// Whether the deceased's surviving spouse can be a widow (寡婦年金 is the wife's:
/// 国年法49条1項): false when the vault knows the deceased was a woman or the spouse a man.
pub fn widow_possible(vault: &Vault, deceased: &str) -> bool {
    sex(vault, deceased) != Some(Sex::Female)
        && surviving_spouse(vault, deceased).is_none_or(|s| sex(vault, &s) != Some(Sex::Male))
}

/// The heirs the law names (民法887条〜890条) among the people the vault knows: the
/// surviving spouse always; then the children, a child who died first being represented by
/// their children and theirs in turn (887条2項・3項); if none, the nearest lineal
/// ascendants — the parents, or the grandparents when both parents died first (889条1項1号);
/// if none, the brothers and sisters, one who died first being represented by their
/// children only (889条1項2号・2項: 887条2項 applies, its 3項 does not).
pub fn legal_heirs(vault: &Vault, deceased: &str) -> Vec<String> {
    let Some(died) = vault.death_date(deceased) else {
        return Vec::new();
    };
    let outlived = |p: &String| vault.death_date(p).is_none_or(|d| d > died);
    let mut heirs: Vec<String> = surviving_spouse(vault, deceased).into_iter().collect();
    // A descendant who died first passes their place to their own descendants.
    fn descendants(
        vault: &Vault,
        of: &str,
        outlived: &dyn Fn(&String) -> bool,
        depth: u8,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for c in vault.children_of(of) {
            if outlived(&c) {
                out.push(c);
            } else if depth > 0 {
                out.extend(descendants(vault, &c, outlived, depth - 1));
            }
        }
        out
    }
    let mut rank = descendants(vault, deceased, &outlived, 8);
    if rank.is_empty() {
        rank = vault
            .parents_of(deceased)
            .into_iter()
            .filter(|p| outlived(p))
            .collect();
    }
    if rank.is_empty() {
        rank = vault
            .grandparents_of(deceased)
            .into_iter()
            .filter(|p| outlived(p))
            .collect();
    }
    if rank.is_empty() {
        rank = descendants_of_siblings(vault, deceased, &outlived);
    }
    for p in rank {
        if !heirs.contains(&p) {
            heirs.push(p);
        }
    }
    heirs
}

/// The brothers and sisters who outlived the deceased, and the children of those who did
/// not (one generation only: 民法889条2項).
fn descendants_of_siblings(
    vault: &Vault,
    deceased: &str,
    outlived: &dyn Fn(&String) -> bool,
) -> Vec<String> {
    let mut out = Vec::new();
    for s in vault.siblings_of(deceased) {
        if outlived(&s) {
            out.push(s);
        } else {
            out.extend(vault.children_of(&s).into_iter().filter(|c| outlived(c)));
        }
    }
    out
}

/// The parents of a child, the vault's order (the citizen first when they are one).
pub fn parents(vault: &Vault, child: &str) -> Vec<String> {
    let mut ps = vault.parents_of(child);
    ps.sort_by_key(|p| (p != ME, vault.people.iter().position(|q| q.id == *p)));
    ps
}

/// The parent of this sex, if the vault knows the parents' sexes.
pub fn parent_of_sex(vault: &Vault, child: &str, wanted: Sex) -> Option<String> {
    parents(vault, child)
        .into_iter()
        .find(|p| sex(vault, p) == Some(wanted))
}

/// The day a person reaches an age (年齢計算ニ関スル法律: the day before the birthday).
pub fn reaches(birth: Date, years: i16) -> Option<Date> {
    reaches_months(birth, i32::from(years) * 12)
}

/// The day a person reaches an age in months: counted from the day of birth (年齢計算ニ
/// 関スル法律), the period ends the day before the corresponding day of the last month, or
/// at that month's end when it has no such day (民法143条2項) — born 31 August, 1 year
/// and 6 months are reached on 28 February.
pub fn reaches_months(birth: Date, months: i32) -> Option<Date> {
    let total = i32::from(birth.year()) * 12 + i32::from(birth.month()) - 1 + months;
    let (year, month) = (
        i16::try_from(total.div_euclid(12)).ok()?,
        total.rem_euclid(12) + 1,
    );
    let first = Date::new(year, i8::try_from(month).ok()?, 1).ok()?;
    if birth.day() <= first.days_in_month() {
        Date::new(year, first.month(), birth.day())
            .ok()?
            .yesterday()
            .ok()
    } else {
        Date::new(year, first.month(), first.days_in_month()).ok()
    }
}

/// The first day a person is over an age (「満n歳を超え」): the day after it is reached —
/// the birthday, or the 1st of the next month for a birthday the month lacks (29 February:
/// 1 March).
pub fn over_age_months(birth: Date, months: i32) -> Option<Date> {
    reaches_months(birth, months)?.tomorrow().ok()
}

/// The end of the school year (31 March) in which `day` falls.
fn school_year_end(day: Date) -> Option<Date> {
    let year = if day.month() >= 4 {
        day.year() + 1
    } else {
        day.year()
    };
    Date::new(year, 3, 31).ok()
}

/// The day a child starts elementary school (学校教育法17条1項): the first 1 April after
/// the day they reach six.
pub fn school_entry(birth: Date) -> Option<Date> {
    let six = reaches(birth, 6)?;
    let april = Date::new(six.year(), 4, 1).ok()?;
    if april > six {
        Some(april)
    } else {
        Date::new(six.year() + 1, 4, 1).ok()
    }
}

/// Of compulsory-school age on `day` (学齢, 学校教育法17条): from school entry to the end of
/// the school year in which they reach fifteen.
pub fn school_age(birth: Date, day: Date) -> bool {
    match (
        school_entry(birth),
        reaches(birth, 15).and_then(school_year_end),
    ) {
        (Some(start), Some(end)) => start <= day && day <= end,
        _ => false,
    }
}

/// A 児童 of the child allowance on `day` (児童手当法3条1項, as amended in 2024): up to the
/// first 31 March after the day they reach eighteen.
pub fn allowance_age(birth: Date, day: Date) -> bool {
    birth <= day
        && reaches(birth, 18)
            .and_then(school_year_end)
            .is_some_and(|end| day <= end)
}

/// Who among `people` is of school age (or allowance age) on `day`: Some (perhaps none)
/// when that can be told — every one of them has a known date of birth, or one of them
/// already is of age; None when it cannot be told.
pub fn of_age(
    vault: &Vault,
    people: &[String],
    day: Date,
    test: fn(Date, Date) -> bool,
) -> Option<Vec<String>> {
    let mut unknown = false;
    let mut found = Vec::new();
    for p in people {
        match vault
            .latest(&crate::vault::FactKey::new(p, "birth_date"))
            .and_then(|f| crate::iso_date::parse(&f.value))
        {
            Some(b) if test(b, day) => found.push(p.clone()),
            Some(_) => {}
            None if p == ME => {} // the citizen is an adult filing for the household
            None => unknown = true,
        }
    }
    (!unknown || !found.is_empty()).then_some(found)
}

/// Who is alive on `day` among `people`.
pub fn alive(vault: &Vault, people: &[String], day: Date) -> Vec<String> {
    people
        .iter()
        .filter(|p| alive_on(vault, p, day))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::{FactKey, How, Provenance, Relation};
    use jiff::civil::date;

    fn given() -> Provenance {
        Provenance {
            case: "c3".into(),
            event: "death".into(),
            how: How::Typed,
            date: date(2026, 12, 1),
        }
    }

    #[test]
    fn school_age_follows_the_april_after_the_sixth_birthday() {
        // Born 2 April 2020: reaches six on 1 April 2026 → starts school 1 April 2027.
        assert_eq!(school_entry(date(2020, 4, 2)), Some(date(2027, 4, 1)));
        // Born 1 April 2020: reaches six on 31 March 2026 → starts 1 April 2026 (早生まれ).
        assert_eq!(school_entry(date(2020, 4, 1)), Some(date(2026, 4, 1)));
        assert!(school_age(date(2020, 4, 1), date(2026, 4, 1)));
        assert!(!school_age(date(2020, 4, 2), date(2026, 4, 1)));
        // Junior high ends with the school year in which they reach fifteen.
        assert!(school_age(date(2011, 4, 2), date(2027, 3, 31)));
        assert!(!school_age(date(2011, 4, 2), date(2027, 4, 1)));
        assert!(!school_age(date(2026, 4, 16), date(2026, 6, 1)), "a baby");
        assert_eq!(
            school_entry(date(2020, 2, 29)),
            Some(date(2026, 4, 1)),
            "leap-day birthdays reach six on 28 Feb"
        );
    }

    #[test]
    fn child_allowance_runs_to_the_march_after_eighteen() {
        assert!(allowance_age(date(2008, 4, 2), date(2027, 3, 31)));
        assert!(!allowance_age(date(2008, 4, 2), date(2027, 4, 1)));
        assert!(allowance_age(date(2026, 4, 16), date(2026, 6, 1)));
    }

    #[test]
    fn heirs_by_rank_and_kinship_by_relation() {
        let mut v = Vault::new();
        let (grandpa, grandma, sister) =
            (v.add_person("c3"), v.add_person("c3"), v.add_person("c3"));
        v.relate(Relation::Parent {
            parent: grandpa.clone(),
            child: ME.into(),
        });
        v.relate(Relation::Parent {
            parent: grandpa.clone(),
            child: sister.clone(),
        });
        v.relate(Relation::Spouse {
            a: grandpa.clone(),
            b: grandma.clone(),
        });
        v.set(
            &FactKey::new(&grandpa, "death_date"),
            "2026-11-30".into(),
            None,
            given(),
        );
        assert_eq!(surviving_spouse(&v, &grandpa), Some(grandma.clone()));
        assert_eq!(
            legal_heirs(&v, &grandpa),
            [grandma.clone(), ME.to_string(), sister.clone()]
        );
        assert_eq!(kin(&v, ME, &grandpa), Kin::Child);
        assert_eq!(kin(&v, &grandpa, ME), Kin::Parent);
        assert_eq!(kin(&v, &grandma, &grandpa), Kin::Spouse);
        assert_eq!(kin(&v, &sister, ME), Kin::Sibling);
        // A child who died first is represented by their own children (代襲相続).
        let nephew = v.add_person("c3");
        v.relate(Relation::Parent {
            parent: sister.clone(),
            child: nephew.clone(),
        });
        v.set(
            &FactKey::new(&sister, "death_date"),
            "2020-01-01".into(),
            None,
            given(),
        );
        assert_eq!(legal_heirs(&v, &grandpa), [grandma, ME.to_string(), nephew]);
    }

    #[test]
    fn without_children_the_parents_then_the_siblings_inherit() {
        let mut v = Vault::new();
        let (uncle, great) = (v.add_person("c"), v.add_person("c"));
        v.relate(Relation::Sibling {
            a: uncle.clone(),
            b: ME.into(),
        });
        v.set(
            &FactKey::new(&uncle, "death_date"),
            "2026-11-30".into(),
            None,
            given(),
        );
        assert_eq!(legal_heirs(&v, &uncle), [ME.to_string()]);
        v.relate(Relation::Parent {
            parent: great.clone(),
            child: uncle.clone(),
        });
        assert_eq!(
            legal_heirs(&v, &uncle),
            [great],
            "a living parent comes before siblings"
        );
    }

    fn died(v: &mut Vault, p: &str, day: &str) {
        v.set(&FactKey::new(p, "death_date"), day.into(), None, given());
    }

    #[test]
    fn grandparents_inherit_when_both_parents_died_first() {
        // 民法889条1項1号: the nearest lineal ascendants, before any brother or sister.
        let mut v = Vault::new();
        let (son, father, mother, grandma) = (
            v.add_person("c"),
            v.add_person("c"),
            v.add_person("c"),
            v.add_person("c"),
        );
        for p in [&father, &mother] {
            v.relate(Relation::Parent {
                parent: p.clone(),
                child: son.clone(),
            });
        }
        v.relate(Relation::Parent {
            parent: grandma.clone(),
            child: father.clone(),
        });
        v.relate(Relation::Sibling {
            a: son.clone(),
            b: ME.into(),
        });
        died(&mut v, &son, "2026-11-30");
        assert_eq!(legal_heirs(&v, &son), [father.clone(), mother.clone()]);
        died(&mut v, &father, "2019-05-01");
        assert_eq!(
            legal_heirs(&v, &son),
            std::slice::from_ref(&mother),
            "one parent is enough"
        );
        died(&mut v, &mother, "2021-05-01");
        assert_eq!(
            legal_heirs(&v, &son),
            std::slice::from_ref(&grandma),
            "a grandmother comes before the brother"
        );
        died(&mut v, &grandma, "2022-05-01");
        assert_eq!(legal_heirs(&v, &son), [ME.to_string()]);
    }

    #[test]
    fn a_sibling_who_died_first_is_represented_by_their_children_only() {
        // 民法889条2項 applies 887条2項 (children of a sibling) and not 3項.
        let mut v = Vault::new();
        let (aunt, brother, niece, grandniece) = (
            v.add_person("c"),
            v.add_person("c"),
            v.add_person("c"),
            v.add_person("c"),
        );
        v.relate(Relation::Sibling {
            a: aunt.clone(),
            b: brother.clone(),
        });
        v.relate(Relation::Parent {
            parent: brother.clone(),
            child: niece.clone(),
        });
        v.relate(Relation::Parent {
            parent: niece.clone(),
            child: grandniece.clone(),
        });
        died(&mut v, &aunt, "2026-11-30");
        died(&mut v, &brother, "2010-01-01");
        assert_eq!(legal_heirs(&v, &aunt), std::slice::from_ref(&niece));
        died(&mut v, &niece, "2015-01-01");
        assert!(
            legal_heirs(&v, &aunt).is_empty(),
            "no representation past a sibling's children"
        );
    }

    #[test]
    fn a_grandchild_who_died_first_is_represented_in_turn() {
        // 民法887条3項: 再代襲 among descendants.
        let mut v = Vault::new();
        let (grandpa, son, grandson, great) = (
            v.add_person("c"),
            v.add_person("c"),
            v.add_person("c"),
            v.add_person("c"),
        );
        for (p, c) in [(&grandpa, &son), (&son, &grandson), (&grandson, &great)] {
            v.relate(Relation::Parent {
                parent: p.clone(),
                child: c.clone(),
            });
        }
        died(&mut v, &grandpa, "2026-11-30");
        died(&mut v, &son, "2000-01-01");
        died(&mut v, &grandson, "2020-01-01");
        assert_eq!(legal_heirs(&v, &grandpa), [great]);
    }

    #[test]
    fn a_relation_for_a_kinship_reads_back_as_that_kinship() {
        for k in [
            Kin::Spouse,
            Kin::Parent,
            Kin::Child,
            Kin::Sibling,
            Kin::Grandparent,
            Kin::Grandchild,
        ] {
            let mut v = Vault::new();
            let (a, b) = (v.add_person("c"), v.add_person("c"));
            v.relate(relation_for(&a, k, &b).unwrap());
            assert_eq!(kin(&v, &a, &b), k, "{k:?}");
        }
        assert_eq!(relation_for("a", Kin::Other, "b"), None);
    }
}
