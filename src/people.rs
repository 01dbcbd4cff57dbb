//! The "who is who" page of a case: the household's people proposed from the vault and
//! confirmed — the baby's parents, who moves, how the deceased was related, the heirs, the
//! 喪主, who files — and what confirming it records: relations, household membership and
//! the case's roles. The page's controls are a plain map of strings (the same map is kept
//! as a draft), so everything here is testable without a browser.

use crate::case::Case;
use crate::catalog::Event;
use crate::catalog::FieldKind;
use crate::fields::{check, FieldError};
use crate::household::{self, Kin, PeopleQuestion, Role, Sex};
use crate::vault::{FactKey, How, Provenance, Relation, Vault, HEAD, HOUSEHOLD, IN_HOUSEHOLD, ME};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// The controls of the page by name, as typed or chosen.
pub type PeopleForm = BTreeMap<String, String>;

/// A radio value that adds someone new (their name in `<control>_name`).
pub const NEW: &str = "new";
/// The household's fact that names who claims the child allowance (a person id).
pub const ALLOWANCE_CLAIMANT: &str = "allowance_claimant";

/// A radio value for "nobody" (no other parent to register, no living spouse).
pub const NOBODY: &str = "nobody";

/// The kinships the page offers for the deceased, in order, with the sex they tell
/// (a father is a man: the 続柄 of his widow is then 妻).
pub const DECEASED_KIN: [(Kin, Option<Sex>); 11] = [
    (Kin::Spouse, Some(Sex::Male)),
    (Kin::Spouse, Some(Sex::Female)),
    (Kin::Parent, Some(Sex::Male)),
    (Kin::Parent, Some(Sex::Female)),
    (Kin::ParentInLaw, Some(Sex::Male)),
    (Kin::ParentInLaw, Some(Sex::Female)),
    (Kin::Grandparent, Some(Sex::Male)),
    (Kin::Grandparent, Some(Sex::Female)),
    (Kin::Child, None),
    (Kin::Sibling, None),
    (Kin::Other, None),
];
/// How an heir the citizen adds, or one whose relation the device does not know, is
/// related to the deceased (the 続柄 the inheritance sheets print).
pub const HEIR_KIN: [(Kin, Option<Sex>); 5] = [
    (Kin::Child, None),
    (Kin::Grandchild, None),
    (Kin::Parent, None),
    (Kin::Grandparent, None),
    (Kin::Sibling, None),
];
/// How many people can be added on one page (ten heirs, or ten who move, is rare).
pub const MAX_ADDED_PEOPLE: usize = 10;

/// How someone the citizen adds as moving with them (or as a new head) is related to the
/// citizen: with the sex where the 住民票's 続柄 says it (夫, 妻, 父, 母).
pub const MOVER_KIN: [(Kin, Option<Sex>); 8] = [
    (Kin::Spouse, Some(Sex::Male)),
    (Kin::Spouse, Some(Sex::Female)),
    (Kin::Child, None),
    (Kin::Parent, Some(Sex::Male)),
    (Kin::Parent, Some(Sex::Female)),
    (Kin::Sibling, None),
    (Kin::Grandchild, None),
    (Kin::Grandparent, None),
];

/// A relation chosen among `offered`, from its radio value.
fn offered_relation(
    form: &PeopleForm,
    control: &str,
    offered: &[(Kin, Option<Sex>)],
) -> Option<(Kin, Option<Sex>)> {
    pick(form, control)
        .and_then(relation_from_code)
        .filter(|r| offered.contains(r))
}

/// The controls of the rows that add people (`base` "new_heir" or "new_mover"):
/// `<prefix>_name` and `<prefix>_kin`; the first row always, more as the citizen asks for
/// them (`<base>s` counts the rows).
pub fn added_rows(form: &PeopleForm, base: &str) -> Vec<String> {
    let n = pick(form, &format!("{base}s"))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_ADDED_PEOPLE);
    (0..n)
        .map(|i| {
            if i == 0 {
                base.to_string()
            } else {
                format!("{base}{}", i + 1)
            }
        })
        .collect()
}

/// The control that says how an heir is related to the deceased.
pub fn heir_kin_control(heir: &str) -> String {
    format!("heir_kin_{heir}")
}

/// Records how an heir is related to the deceased, replacing what was said before (a
/// child when the kinship states no relation).
fn relate_heir(v: &mut Vault, deceased: &str, heir: &str, kin: Kin) {
    let want = household::relation_for(heir, kin, deceased).unwrap_or(Relation::Parent {
        parent: deceased.into(),
        child: heir.into(),
    });
    v.relations
        .retain(|r| r.same_as(&want) || !(r.involves(heir) && r.involves(deceased)));
    v.relate(want);
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeopleError {
    /// A radio group left unchosen.
    Choose,
    /// "Someone else" chosen and no name given, or a name that is not a name.
    Name(FieldError),
    /// Nobody ticked where someone must be.
    ChooseOne,
}

/// One person a control offers.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub id: String,
    /// Their name, if the vault knows it.
    pub name: Option<String>,
    /// How they are related to the citizen (to the deceased, for the heirs).
    pub kin: Kin,
    pub sex: Option<Sex>,
}

/// What the page needs to know about the case.
pub struct PeopleScope<'a> {
    pub event: &'a Event,
    pub case: &'a Case,
    pub vault: &'a Vault,
    /// The case's date (the birth, the move, the death); today when not yet answered.
    pub day: Date,
    /// The moving day, in a move: who moves and the new head hold from it.
    pub moving_day: Option<Date>,
    pub today: Date,
}

fn pick<'f>(form: &'f PeopleForm, control: &str) -> Option<&'f str> {
    form.get(control)
        .map(String::as_str)
        .filter(|v| !v.is_empty())
}

fn list(form: &PeopleForm, control: &str) -> Vec<String> {
    form.get(control).map_or(Vec::new(), |v| {
        v.split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    })
}

/// The controls a question of the page has, the first being what an error links to.
pub fn controls(q: PeopleQuestion) -> &'static [&'static str] {
    match q {
        PeopleQuestion::Parents => &["my_part", "other_parent"],
        PeopleQuestion::Head => &["head"],
        PeopleQuestion::Informant => &["informant"],
        PeopleQuestion::AllowanceClaimant => &["allowance_claimant"],
        PeopleQuestion::Members => &["movers"],
        PeopleQuestion::DeceasedRelation => &["deceased_kin", "lived_with"],
        PeopleQuestion::SurvivingSpouse => &["surviving_spouse"],
        PeopleQuestion::Heirs => &["heirs"],
        PeopleQuestion::FuneralHost => &["funeral_host"],
        PeopleQuestion::Helper => &["helper"],
    }
}

impl<'a> PeopleScope<'a> {
    fn given(&self, how: How) -> Provenance {
        Provenance {
            case: self.case.id.clone(),
            event: self.event.id.clone(),
            how,
            date: self.today,
        }
    }

    fn deceased(&self) -> Option<&str> {
        self.case.first(Role::Deceased)
    }

    fn child(&self) -> Option<&str> {
        self.case.first(Role::Child)
    }

    fn candidate(&self, vault: &Vault, id: &str) -> Candidate {
        Candidate {
            id: id.into(),
            name: vault.name_at(id, self.day).map(str::to_string),
            kin: household::kin(vault, id, ME),
            sex: household::sex(vault, id),
        }
    }

    /// The questions this page asks for the form as it is now (the surviving spouse is
    /// not asked when the citizen is that spouse).
    pub fn questions(&self, form: &PeopleForm) -> Vec<PeopleQuestion> {
        // Who claims the child allowance is asked where a procedure of the case is claimed
        // by them (in a move, only when the family receives it).
        let allowance = self.event.procedures.iter().any(|p| {
            p.claimant == household::Claimant::AllowanceClaimant && p.when.holds(&self.case.answers)
        });
        let head = self.deceased().is_none() || self.asks_head_after_death();
        self.event
            .household
            .iter()
            .copied()
            .filter(|q| {
                !(*q == PeopleQuestion::SurvivingSpouse
                    && pick(form, "deceased_kin")
                        .and_then(relation_from_code)
                        .is_some_and(|(k, _)| k == Kin::Spouse))
                    && (*q != PeopleQuestion::AllowanceClaimant || allowance)
                    && (*q != PeopleQuestion::Head || head)
            })
            .collect()
    }

    /// In a death, who heads the household is asked where a procedure of the case names
    /// the head (the 世帯主変更届 names the new one, the 国民健康保険's loss is filed by
    /// the head) and the device knows no living head on the day: the deceased was the
    /// head, or the device never knew. Asked again on a page it was answered on before.
    pub fn asks_head_after_death(&self) -> bool {
        let names_head = self.event.procedures.iter().any(|p| {
            p.when.holds(&self.case.answers)
                && (p.claimant == household::Claimant::Head
                    || p.fields.iter().any(|f| f.field == "household_head"))
        });
        let key = FactKey::new(HOUSEHOLD, HEAD);
        let known = self.vault.at(&key, self.day).is_some_and(|f| {
            f.given.case != self.case.id
                && self.vault.person(&f.value).is_some()
                && self.vault.death_date(&f.value).is_none_or(|d| d > self.day)
        });
        names_head && !known
    }

    /// Whether the deceased was the head, so the head asked is a new one.
    pub fn new_head(&self) -> bool {
        self.deceased().is_some()
            && self.case.answers.get("householder").map(String::as_str) == Some("yes")
    }

    /// What the page proposes before the citizen changes anything: what the vault and the
    /// case already say.
    pub fn propose(&self) -> PeopleForm {
        let v = self.vault;
        let mut f = PeopleForm::new();
        let set = |f: &mut PeopleForm, k: &str, v: String| {
            f.insert(k.into(), v);
        };
        if let Some(child) = self.child() {
            let parents = household::parents(v, child);
            if parents.iter().any(|p| p == ME) {
                match household::sex(v, ME) {
                    Some(household::Sex::Female) => set(&mut f, "my_part", "mother".into()),
                    Some(household::Sex::Male) => set(&mut f, "my_part", "father".into()),
                    None => {}
                }
            }
            let other = parents
                .iter()
                .find(|p| *p != ME)
                .cloned()
                .or_else(|| self.living_spouses(v).into_iter().next());
            if let Some(o) = other {
                set(&mut f, "other_parent", o);
            }
        }
        let head_day = self.moving_day.unwrap_or(self.day);
        // The head the device knows, while living (not the deceased, after the death).
        let living_head = v
            .head_at(head_day)
            .filter(|h| v.death_date(h).is_none_or(|d| d > head_day));
        if let Some(h) = living_head {
            set(&mut f, "head", h.to_string());
        } else if self.event.household.contains(&PeopleQuestion::Head) {
            set(&mut f, "head", ME.into());
        }
        for (role, control) in [
            (Role::Informant, "informant"),
            (Role::AllowanceClaimant, "allowance_claimant"),
            (Role::FuneralHost, "funeral_host"),
            (Role::Helper, "helper"),
        ] {
            let chosen = self.case.first(role).map(str::to_string);
            // Who claimed the child allowance before (at the birth) still does.
            let known = (role == Role::AllowanceClaimant)
                .then(|| v.value_at(HOUSEHOLD, ALLOWANCE_CLAIMANT, self.day))
                .flatten()
                .filter(|p| v.person(p).is_some() && v.death_date(p).is_none())
                .map(str::to_string);
            let chosen = chosen.or(known);
            let default = match role {
                Role::AllowanceClaimant if f.get("my_part").is_some_and(|p| p != "other") => {
                    Some(ME.to_string())
                }
                Role::AllowanceClaimant => None,
                _ => Some(ME.to_string()),
            };
            if let Some(p) = chosen.or(default) {
                set(&mut f, control, p);
            }
        }
        let movers = if self.case.role(Role::Members).is_empty() {
            self.members_before_move()
        } else {
            self.case.role(Role::Members).to_vec()
        };
        set(&mut f, "movers", movers.join(","));
        if let Some(d) = self.deceased() {
            let k = household::kin(v, d, ME);
            if k != Kin::Other || self.case.people_confirmed {
                set(
                    &mut f,
                    "deceased_kin",
                    relation_code(k, household::sex(v, d)),
                );
            }
            if let Some(lived) = v.value_at(d, IN_HOUSEHOLD, self.day) {
                set(&mut f, "lived_with", lived.into());
            }
            if let Some(s) = household::surviving_spouse(v, d) {
                set(&mut f, "surviving_spouse", s);
            }
            // Left unset, the heirs the law names follow the choices above as they change.
            if !self.case.role(Role::Heirs).is_empty() {
                set(&mut f, "heirs", self.case.role(Role::Heirs).join(","));
            }
        }
        f
    }

    fn living_spouses(&self, v: &Vault) -> Vec<String> {
        household::alive(v, &v.spouses_of(ME), self.day)
    }

    /// The household the day before the move (or on the case's day).
    fn members_before_move(&self) -> Vec<String> {
        let day = self
            .moving_day
            .and_then(|d| d.yesterday().ok())
            .unwrap_or(self.day);
        self.vault.members_at(day)
    }

    /// Who a control offers, with the form's choices so far applied (the heirs follow
    /// the deceased's relation and spouse as they are chosen).
    pub fn candidates(&self, control: &str, form: &PeopleForm) -> Vec<Candidate> {
        let mut vault = self.vault.clone();
        let mut case = self.case.clone();
        // Only the questions before this control count; errors are for the real save.
        let _ = self.apply_to(&mut vault, &mut case, form, Some(control));
        let ids: Vec<String> = match control {
            "other_parent" => self.living_spouses(&vault),
            "head" => {
                // In a move, those who move, people added on this page included: they were
                // added to this copy of the vault with the ids the save will give them.
                let mut m = if self.moving_day.is_some() {
                    match case.role(Role::Members) {
                        [] => list(form, "movers"),
                        movers => movers.to_vec(),
                    }
                } else {
                    vault.members_at(self.day)
                };
                // A newborn is never the head of a household, nor is the deceased.
                m.retain(|p| {
                    Some(p.as_str()) != self.child() && Some(p.as_str()) != self.deceased()
                });
                if m.is_empty() {
                    m.push(ME.into());
                }
                m
            }
            // The baby's parents at a birth; in a move, the citizen and their spouse.
            "allowance_claimant" => match self.child() {
                Some(c) => household::parents(&vault, c),
                None => {
                    let mut p = vec![ME.to_string()];
                    p.extend(self.living_spouses(&vault));
                    if let Some(known) = vault.value_at(HOUSEHOLD, ALLOWANCE_CLAIMANT, self.day) {
                        if !p.iter().any(|x| x == known) && vault.person(known).is_some() {
                            p.push(known.to_string());
                        }
                    }
                    p
                }
            },
            "movers" => self.members_before_move(),
            "surviving_spouse" => {
                let Some(d) = self.deceased() else {
                    return vec![];
                };
                let mut s = vault.spouses_of(d);
                for p in vault.parents_of(ME) {
                    if p != d && !s.contains(&p) && household::kin(&vault, d, ME) == Kin::Parent {
                        s.push(p);
                    }
                }
                s.retain(|p| p != ME && vault.death_date(p).is_none());
                s
            }
            "heirs" => {
                let Some(d) = self.deceased() else {
                    return vec![];
                };
                let mut h = household::legal_heirs(&vault, d);
                let related = [
                    vault.spouses_of(d),
                    vault.children_of(d),
                    vault.parents_of(d),
                    vault.siblings_of(d),
                ]
                .concat();
                for p in related
                    .into_iter()
                    .chain(case.role(Role::Heirs).iter().cloned())
                {
                    if p != d && !h.contains(&p) && vault.death_date(&p).is_none() {
                        h.push(p);
                    }
                }
                h
            }
            "helper" => {
                // The citizen, and the family the device knows: who lives with them, their
                // husband or wife, children and parents, the heirs; never the deceased or
                // the baby.
                let mut p = vec![ME.to_string()];
                p.extend(vault.members_at(self.day));
                p.extend(vault.spouses_of(ME));
                p.extend(vault.children_of(ME));
                p.extend(vault.parents_of(ME));
                p.extend(case.role(Role::Heirs).iter().cloned());
                p.extend(case.first(Role::Helper).map(str::to_string));
                let not = [self.deceased(), self.child()];
                let mut seen = Vec::new();
                p.retain(|x| {
                    vault.person(x).is_some()
                        && vault.death_date(x).is_none()
                        && !not.contains(&Some(x.as_str()))
                        && !seen.contains(x)
                        && {
                            seen.push(x.clone());
                            true
                        }
                });
                p
            }
            "informant" | "funeral_host" => {
                let mut p = vec![ME.to_string()];
                if let Some(child) = self.child() {
                    p.extend(household::parents(&vault, child));
                }
                if let Some(d) = self.deceased() {
                    p.extend(household::surviving_spouse(&vault, d));
                    p.extend(list(form, "heirs"));
                }
                if let Some(chosen) = case.first(if control == "informant" {
                    Role::Informant
                } else {
                    Role::FuneralHost
                }) {
                    p.push(chosen.into());
                }
                let mut seen = Vec::new();
                p.retain(|x| {
                    vault.person(x).is_some() && !seen.contains(x) && {
                        seen.push(x.clone());
                        true
                    }
                });
                p
            }
            _ => vec![],
        };
        let mut list: Vec<Candidate> = ids.iter().map(|id| self.candidate(&vault, id)).collect();
        if let (true, Some(d)) = (control == "heirs", self.deceased()) {
            for c in &mut list {
                c.kin = household::kin(&vault, &c.id, d);
            }
        }
        list
    }

    /// The heirs ticked whose relation to the deceased the device does not know: the page
    /// asks it, since the inheritance sheets print it.
    pub fn heirs_without_kin(&self, form: &PeopleForm) -> Vec<Candidate> {
        let chosen = self.chosen_heirs(form);
        self.candidates("heirs", form)
            .into_iter()
            // The citizen's own relation is the page's first question, not this one.
            .filter(|c| {
                c.id != ME
                    && chosen.contains(&c.id)
                    && (c.kin == Kin::Other || form.contains_key(&heir_kin_control(&c.id)))
            })
            .collect()
    }

    /// The heirs ticked: as the form says, or (untouched) the heirs the law names given
    /// the choices above.
    pub fn chosen_heirs(&self, form: &PeopleForm) -> Vec<String> {
        if form.contains_key("heirs") {
            return list(form, "heirs");
        }
        let (mut vault, mut case) = (self.vault.clone(), self.case.clone());
        let _ = self.apply_to(&mut vault, &mut case, form, Some("heirs"));
        self.deceased()
            .map_or(vec![], |d| household::legal_heirs(&vault, d))
    }

    /// Checks the form and records it in the vault and the case; nothing is recorded when
    /// anything is wrong.
    pub fn apply(
        &self,
        vault: &mut Vault,
        case: &mut Case,
        form: &PeopleForm,
    ) -> Result<(), Vec<(String, PeopleError)>> {
        let (mut v, mut c) = (vault.clone(), case.clone());
        self.apply_to(&mut v, &mut c, form, None)?;
        c.people_confirmed = true;
        *vault = v;
        *case = c;
        Ok(())
    }

    /// Records how someone added on the page is related to the citizen. A husband's wife
    /// is 妻 on the sheets: the citizen's sex follows from a spouse's when not yet known.
    fn relate_added(&self, v: &mut Vault, who: &str, (kin, sex): (Kin, Option<Sex>)) {
        if let Some(r) = household::relation_for(who, kin, ME) {
            v.relate(r);
        }
        if let Some(sex) = sex {
            self.set_fact(v, who, "sex", sex_code(sex), None, How::Typed);
            if kin == Kin::Spouse && household::sex(v, ME).is_none() {
                let mine = if sex == Sex::Male {
                    Sex::Female
                } else {
                    Sex::Male
                };
                self.set_fact(v, ME, "sex", sex_code(mine), None, How::Derived);
            }
        }
    }

    /// A name typed for someone new.
    fn new_name(
        &self,
        form: &PeopleForm,
        control: &str,
        errors: &mut Vec<(String, PeopleError)>,
    ) -> Option<String> {
        let name_control = format!("{control}_name");
        match check(
            FieldKind::Name,
            form.get(&name_control).map_or("", String::as_str),
        ) {
            Ok(n) => Some(n),
            Err(e) => {
                errors.push((name_control, PeopleError::Name(e)));
                None
            }
        }
    }

    /// Adds someone the citizen named, with their name and the case that brought them.
    fn add_named(&self, v: &mut Vault, name: String) -> String {
        let id = v.add_person(&self.case.id);
        v.set(
            &FactKey::new(&id, "name"),
            name,
            None,
            self.given(How::Typed),
        );
        id
    }

    /// The person a radio control names: someone known, someone new, or nobody (None).
    fn person_pick(
        &self,
        v: &mut Vault,
        form: &PeopleForm,
        control: &str,
        errors: &mut Vec<(String, PeopleError)>,
    ) -> Option<Option<String>> {
        match pick(form, control) {
            None => {
                errors.push((control.into(), PeopleError::Choose));
                None
            }
            Some(NOBODY) => Some(None),
            Some(NEW) => self
                .new_name(form, control, errors)
                .map(|n| Some(self.add_named(v, n))),
            Some(id) if v.person(id).is_some() => Some(Some(id.to_string())),
            Some(_) => {
                errors.push((control.into(), PeopleError::Choose));
                None
            }
        }
    }

    /// Records a value from `from` (the moving day) or, without it, corrects the version
    /// that holds on the case's day; nothing when the vault already says so.
    fn set_fact(
        &self,
        v: &mut Vault,
        owner: &str,
        attribute: &str,
        value: &str,
        from: Option<Date>,
        how: How,
    ) {
        let key = FactKey::new(owner, attribute);
        if v.at(&key, from.unwrap_or(self.day))
            .is_some_and(|f| f.value == value)
        {
            return;
        }
        match from {
            Some(d) => v.set_from_answer(&key, value.into(), d, &self.event.as_of, self.given(how)),
            None => v.observe(&key, value.into(), self.day, self.given(how)),
        }
    }

    /// Records the form (up to `until`, a control whose candidates are being computed).
    fn apply_to(
        &self,
        v: &mut Vault,
        c: &mut Case,
        form: &PeopleForm,
        until: Option<&str>,
    ) -> Result<(), Vec<(String, PeopleError)>> {
        let mut errors = Vec::new();
        for q in self.questions(form) {
            if until.is_some_and(|u| controls(q).contains(&u)) {
                break;
            }
            match q {
                PeopleQuestion::Parents => {
                    let Some(child) = self.child().map(str::to_string) else {
                        continue;
                    };
                    let part = pick(form, "my_part");
                    let me_parent = matches!(part, Some("mother" | "father"));
                    match part {
                        Some("mother") => self.set_fact(v, ME, "sex", "female", None, How::Typed),
                        Some("father") => self.set_fact(v, ME, "sex", "male", None, How::Typed),
                        Some("other") => {}
                        _ => errors.push(("my_part".into(), PeopleError::Choose)),
                    }
                    v.relations.retain(
                        |r| !matches!(r, Relation::Parent { child: ch, .. } if *ch == child),
                    );
                    if me_parent {
                        v.relate(Relation::Parent {
                            parent: ME.into(),
                            child: child.clone(),
                        });
                    }
                    let was_new = pick(form, "other_parent") == Some(NEW);
                    if let Some(Some(other)) =
                        self.person_pick(v, form, "other_parent", &mut errors)
                    {
                        v.relate(Relation::Parent {
                            parent: other.clone(),
                            child: child.clone(),
                        });
                        if was_new && me_parent {
                            v.relate(Relation::Spouse {
                                a: ME.into(),
                                b: other.clone(),
                            });
                            v.set(
                                &FactKey::new(&other, IN_HOUSEHOLD),
                                "yes".into(),
                                None,
                                self.given(How::Typed),
                            );
                        }
                        // The other parent of a mother is the father, and so on: the 出生届
                        // has a column for each.
                        if me_parent && household::sex(v, &other).is_none() {
                            let sex = if part == Some("mother") {
                                "male"
                            } else {
                                "female"
                            };
                            self.set_fact(v, &other, "sex", sex, None, How::Derived);
                        }
                    }
                    // The baby lives in the household from the day of birth.
                    let key = FactKey::new(&child, IN_HOUSEHOLD);
                    if v.history(&key).is_empty() {
                        v.set_from_answer(
                            &key,
                            "yes".into(),
                            self.day,
                            &self.event.as_of,
                            self.given(How::Derived),
                        );
                    }
                }
                PeopleQuestion::Head => {
                    // Someone new as head: how they are related to the citizen, since every
                    // member's 続柄 on the sheets is counted from the head.
                    let head_kin = offered_relation(form, "head_kin", &MOVER_KIN);
                    if pick(form, "head") == Some(NEW) && head_kin.is_none() {
                        errors.push(("head_kin".into(), PeopleError::Choose));
                    }
                    if let Some(Some(head)) = self.person_pick(v, form, "head", &mut errors) {
                        if pick(form, "head") == Some(NEW) {
                            v.set(
                                &FactKey::new(&head, IN_HOUSEHOLD),
                                "yes".into(),
                                None,
                                self.given(How::Typed),
                            );
                            if let Some(r) = head_kin {
                                self.relate_added(v, &head, r);
                            }
                        }
                        // Head from the move, or from the death: before it, the deceased
                        // may have been.
                        let from = self.moving_day.or(self.deceased().map(|_| self.day));
                        self.set_fact(v, HOUSEHOLD, HEAD, &head, from, How::Typed);
                    }
                }
                PeopleQuestion::Informant | PeopleQuestion::FuneralHost => {
                    let (control, role) = if q == PeopleQuestion::Informant {
                        ("informant", Role::Informant)
                    } else {
                        ("funeral_host", Role::FuneralHost)
                    };
                    if let Some(Some(p)) = self.person_pick(v, form, control, &mut errors) {
                        c.roles.insert(role, vec![p]);
                    }
                }
                PeopleQuestion::Helper => {
                    if let Some(Some(p)) = self.person_pick(v, form, "helper", &mut errors) {
                        // Someone whose relation to the citizen the device does not know
                        // (new, or the deceased's son who may be hers or not): asked, for the
                        // 委任状 and the forms' 「代理人と本人との関係」.
                        if p != ME && household::kin(v, &p, ME) == Kin::Other {
                            match offered_relation(form, "helper_kin", &MOVER_KIN) {
                                Some(kin) => self.relate_added(v, &p, kin),
                                None => errors.push(("helper_kin".into(), PeopleError::Choose)),
                            }
                        }
                        if p == ME {
                            c.roles.remove(&Role::Helper);
                        } else {
                            c.roles.insert(Role::Helper, vec![p]);
                        }
                    }
                }
                PeopleQuestion::AllowanceClaimant => match pick(form, "allowance_claimant") {
                    Some(p) if v.person(p).is_some() => {
                        c.roles.insert(Role::AllowanceClaimant, vec![p.into()]);
                        // Kept for the next event: the claimant carries over.
                        self.set_fact(v, HOUSEHOLD, ALLOWANCE_CLAIMANT, p, None, How::Typed);
                    }
                    _ => errors.push(("allowance_claimant".into(), PeopleError::Choose)),
                },
                PeopleQuestion::Members => {
                    let mut before = self.members_before_move();
                    let mut movers: Vec<String> = list(form, "movers")
                        .into_iter()
                        .filter(|m| before.contains(m))
                        .collect();
                    // People the device did not know, added as moving with the citizen:
                    // members of the household until the move, and moving.
                    let mut added_children = Vec::new();
                    for row in added_rows(form, "new_mover") {
                        if pick(form, &format!("{row}_name")).is_none() {
                            continue;
                        }
                        let kin_control = format!("{row}_kin");
                        let kin = offered_relation(form, &kin_control, &MOVER_KIN);
                        if kin.is_none() {
                            errors.push((kin_control, PeopleError::Choose));
                        }
                        if let (Some(name), Some(kin)) =
                            (self.new_name(form, &row, &mut errors), kin)
                        {
                            let m = self.add_named(v, name);
                            self.relate_added(v, &m, kin);
                            if kin.0 == Kin::Child {
                                added_children.push(m.clone());
                            }
                            v.set(
                                &FactKey::new(&m, IN_HOUSEHOLD),
                                "yes".into(),
                                None,
                                self.given(How::Typed),
                            );
                            before.push(m.clone());
                            movers.push(m);
                        }
                    }
                    // A child added here is taken as the child of the citizen's spouse who
                    // moves with them too, as a family most often is.
                    if let Some(s) = v.spouses_of(ME).into_iter().find(|s| movers.contains(s)) {
                        for child in &added_children {
                            v.relate(Relation::Parent {
                                parent: s.clone(),
                                child: child.clone(),
                            });
                        }
                    }
                    if movers.is_empty() {
                        errors.push(("movers".into(), PeopleError::ChooseOne));
                        continue;
                    }
                    let day = self.moving_day.unwrap_or(self.day);
                    for m in &before {
                        let stays = if movers.contains(m) { "yes" } else { "no" };
                        let key = FactKey::new(m, IN_HOUSEHOLD);
                        let anchored = v
                            .starting(&key, day)
                            .is_some_and(|f| f.given.case == self.case.id);
                        // Someone who does not move leaves the household on the moving day.
                        if stays == "no" || anchored {
                            v.set_from_answer(
                                &key,
                                stays.into(),
                                day,
                                &self.event.as_of,
                                self.given(How::Typed),
                            );
                        }
                    }
                    let mine: Vec<String> = [vec![ME.to_string()], v.spouses_of(ME)].concat();
                    let children: Vec<String> = movers
                        .iter()
                        .filter(|m| mine.iter().any(|p| v.children_of(p).contains(m)))
                        .cloned()
                        .collect();
                    c.roles.insert(Role::Child, children);
                    c.roles.insert(Role::Members, movers);
                }
                PeopleQuestion::DeceasedRelation => {
                    let Some(d) = self.deceased().map(str::to_string) else {
                        continue;
                    };
                    // The deceased is left out: when they were the citizen's spouse, every
                    // relation of theirs would "involve a spouse of mine", and their children
                    // (the heirs) would lose their parent on each save.
                    let spouses_of_me: Vec<String> =
                        v.spouses_of(ME).into_iter().filter(|s| *s != d).collect();
                    let kin = pick(form, "deceased_kin").and_then(relation_from_code);
                    match kin {
                        None => errors.push(("deceased_kin".into(), PeopleError::Choose)),
                        Some((k, sex)) => {
                            if let Some(sex) = sex {
                                self.set_fact(v, &d, "sex", sex_code(sex), None, How::Typed);
                            }
                            // A parent-in-law is the parent of the citizen's spouse.
                            let want = match (k, spouses_of_me.first()) {
                                (Kin::ParentInLaw, Some(s)) => {
                                    household::relation_for(&d, Kin::Parent, s)
                                }
                                (Kin::ParentInLaw, None) => {
                                    errors.push(("deceased_kin".into(), PeopleError::Choose));
                                    None
                                }
                                _ => household::relation_for(&d, k, ME),
                            };
                            // What the choice replaces goes; what it keeps stays where it
                            // is, so that saving the page unchanged changes nothing.
                            v.relations.retain(|r| {
                                want.as_ref().is_some_and(|w| r.same_as(w))
                                    || !(r.involves(&d)
                                        && (r.involves(ME)
                                            || spouses_of_me.iter().any(|s| r.involves(s))))
                            });
                            if let Some(w) = want {
                                v.relate(w);
                            }
                        }
                    }
                    match pick(form, "lived_with") {
                        Some(l @ ("yes" | "no")) => {
                            self.set_fact(v, &d, IN_HOUSEHOLD, l, None, How::Typed)
                        }
                        _ => errors.push(("lived_with".into(), PeopleError::Choose)),
                    }
                }
                PeopleQuestion::SurvivingSpouse => {
                    let Some(d) = self.deceased().map(str::to_string) else {
                        continue;
                    };
                    let was_new = pick(form, "surviving_spouse") == Some(NEW);
                    if let Some(choice) = self.person_pick(v, form, "surviving_spouse", &mut errors)
                    {
                        v.relations.retain(|r| !matches!(r, Relation::Spouse { a, b } if (*a == d || *b == d) && *a != ME && *b != ME));
                        if let Some(s) = choice {
                            v.relate(Relation::Spouse {
                                a: d.clone(),
                                b: s.clone(),
                            });
                            // A widow of a man, a widower of a woman, unless said otherwise.
                            if let (true, Some(sex)) = (was_new, household::sex(v, &d)) {
                                let other = if sex == Sex::Male {
                                    Sex::Female
                                } else {
                                    Sex::Male
                                };
                                self.set_fact(v, &s, "sex", sex_code(other), None, How::Derived);
                            }
                            // The living spouse of the citizen's parent is, most often, their
                            // other parent.
                            if was_new && household::kin(v, &d, ME) == Kin::Parent {
                                v.relate(Relation::Parent {
                                    parent: s,
                                    child: ME.into(),
                                });
                            }
                        }
                    }
                }
                PeopleQuestion::Heirs => {
                    let Some(d) = self.deceased().map(str::to_string) else {
                        continue;
                    };
                    let chosen = if form.contains_key("heirs") {
                        list(form, "heirs")
                    } else {
                        household::legal_heirs(v, &d)
                    };
                    let mut heirs: Vec<String> = chosen
                        .into_iter()
                        .filter(|h| v.person(h).is_some() && *h != d)
                        .collect();
                    // A relation said for an heir the device knows (one it had lost, or
                    // never knew) replaces what it held.
                    for h in &heirs {
                        if let Some((k, _)) =
                            offered_relation(form, &heir_kin_control(h), &HEIR_KIN)
                        {
                            relate_heir(v, &d, h, k);
                        }
                    }
                    for row in added_rows(form, "new_heir") {
                        if pick(form, &format!("{row}_name")).is_none() {
                            continue;
                        }
                        let kin_control = format!("{row}_kin");
                        let kin = offered_relation(form, &kin_control, &HEIR_KIN).map(|(k, _)| k);
                        if kin.is_none() {
                            errors.push((kin_control, PeopleError::Choose));
                        }
                        if let (Some(name), Some(kin)) =
                            (self.new_name(form, &row, &mut errors), kin)
                        {
                            let h = self.add_named(v, name);
                            relate_heir(v, &d, &h, kin);
                            heirs.push(h);
                        }
                    }
                    if heirs.is_empty() {
                        errors.push(("heirs".into(), PeopleError::ChooseOne));
                    } else {
                        c.roles.insert(Role::Heirs, heirs);
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

pub fn sex_code(s: Sex) -> &'static str {
    match s {
        Sex::Male => "male",
        Sex::Female => "female",
    }
}

/// The value of a kinship radio: "parent-male", "child".
pub fn relation_code(k: Kin, sex: Option<Sex>) -> String {
    match sex {
        Some(s) => format!("{}-{}", kin_code(k), sex_code(s)),
        None => kin_code(k).to_string(),
    }
}

pub fn relation_from_code(code: &str) -> Option<(Kin, Option<Sex>)> {
    DECEASED_KIN
        .into_iter()
        .find(|(k, s)| relation_code(*k, *s) == code)
        .or_else(|| {
            let k = kin_from_code(code)?;
            Some((k, None))
        })
}

pub fn kin_code(k: Kin) -> &'static str {
    match k {
        Kin::Myself => "myself",
        Kin::Spouse => "spouse",
        Kin::Child => "child",
        Kin::Parent => "parent",
        Kin::Grandchild => "grandchild",
        Kin::Grandparent => "grandparent",
        Kin::Sibling => "sibling",
        Kin::ParentInLaw => "parent_in_law",
        Kin::ChildInLaw => "child_in_law",
        Kin::Other => "other",
    }
}

pub fn kin_from_code(code: &str) -> Option<Kin> {
    [
        Kin::Myself,
        Kin::Spouse,
        Kin::Child,
        Kin::Parent,
        Kin::Grandchild,
        Kin::Grandparent,
        Kin::Sibling,
        Kin::ParentInLaw,
        Kin::ChildInLaw,
        Kin::Other,
    ]
    .into_iter()
    .find(|k| kin_code(*k) == code)
}
