//! `/case/:case/people`: who is who in this event — the baby's parents, who moves, how the
//! deceased was related, the heirs, the 喪主, who files — proposed from the vault and
//! confirmed. What is chosen or typed is kept as a draft until confirmed.

use crate::app::components::form::{
    option_id, Checkboxes, ErrorSummary, Label, Radios, Reveal, TextInput,
};
use crate::app::components::layout::{BackLink, PageHeading};
use crate::app::context::{tr, use_case, use_catalog, use_lang, use_store, use_today};
use crate::app::routes;
use hitotsu::household::{Kin, PeopleQuestion, Sex};
use hitotsu::i18n::Lang;
use hitotsu::onestop::next_step;
use hitotsu::people::{
    added_rows, heir_kin_control, relation_code, Candidate, PeopleError, PeopleForm, DECEASED_KIN,
    HEIR_KIN, MAX_ADDED_PEOPLE, MOVER_KIN, NEW, NOBODY,
};
use hitotsu::state::PEOPLE_DRAFT;
use hitotsu::ui_text::{
    added_person_kin_legend, added_person_label, candidate_label, heir_kin_legend, heir_label,
    kin_word, people_error, people_legend, t, yes_no_options, Msg,
};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let today = use_today();
    let catalog = use_catalog();
    let case = use_case();
    let event = catalog
        .event(&case.event)
        .cloned()
        .expect("the case layout found it");
    // The form as drafted, or as the vault proposes it.
    let initial: PeopleForm = store.with_untracked(|s| {
        let drafted: PeopleForm = s
            .case(&case.id)
            .map(|c| {
                c.drafts
                    .iter()
                    .filter_map(|(k, v)| {
                        k.strip_prefix(PEOPLE_DRAFT)
                            .map(|k| (k.to_string(), v.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let proposed = s
            .people_scope(&catalog, &case.id, today)
            .map(|p| p.propose())
            .unwrap_or_default();
        proposed.into_iter().chain(drafted).collect()
    });
    let form = RwSignal::new(initial);
    let errors = RwSignal::new(Vec::<(String, PeopleError)>::new());
    let set = {
        let case_id = case.id.clone();
        move |control: &str, value: String| {
            form.update(|f| {
                f.insert(control.to_string(), value.clone());
            });
            store.update(|s| {
                if let Some(c) = s.case_mut(&case_id) {
                    c.drafts.insert(format!("{PEOPLE_DRAFT}{control}"), value);
                }
            });
        }
    };
    let questions = {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        Memo::new(move |_| {
            let f = form.get();
            store.with_untracked(|s| {
                s.people_scope(&catalog, &case_id, today)
                    .map(|p| p.questions(&f))
                    .unwrap_or_default()
            })
        })
    };
    // Who each control offers, following the choices made so far.
    let lists: std::collections::BTreeMap<&'static str, Memo<Vec<Candidate>>> = [
        "other_parent",
        "head",
        "informant",
        "allowance_claimant",
        "movers",
        "surviving_spouse",
        "heirs",
        "funeral_host",
        "helper",
    ]
    .into_iter()
    .map(|control| {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        let memo = Memo::new(move |_| {
            let f = form.get();
            store.with_untracked(|s| {
                s.people_scope(&catalog, &case_id, today)
                    .map(|p| p.candidates(control, &f))
                    .unwrap_or_default()
            })
        });
        (control, memo)
    })
    .collect();
    let candidates = {
        let lists = lists.clone();
        move |control: &'static str| lists[control]
    };
    let chosen_heirs = {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        Memo::new(move |_| {
            let f = form.get();
            store.with_untracked(|s| {
                s.people_scope(&catalog, &case_id, today)
                    .map(|p| p.chosen_heirs(&f))
                    .unwrap_or_default()
            })
        })
    };
    let error_of = move |control: &str| error_of(errors, lang, control);
    let value_of = move |control: &str| value_of(form, control);
    let setter = {
        let set = set.clone();
        move |control: &str| {
            let (set, control) = (set.clone(), control.to_string());
            Callback::new(move |v: String| set(&control, v))
        }
    };
    let set_cb = {
        let set = set.clone();
        Callback::new(move |(control, value): (String, String)| set(&control, value))
    };
    let without_kin = {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        Memo::new(move |_| {
            let f = form.get();
            store.with_untracked(|s| {
                s.people_scope(&catalog, &case_id, today)
                    .map(|p| p.heirs_without_kin(&f))
                    .unwrap_or_default()
            })
        })
    };
    // Radios over people: the candidates, then "someone else" (with a name) and "nobody".
    let person_radios = {
        let candidates = candidates.clone();
        let setter = setter.clone();
        move |control: &'static str,
              legend: Signal<String>,
              hint: Option<Msg>,
              someone_else: bool,
              nobody: Option<Msg>| {
            let list = candidates(control);
            let options = Signal::derive(move || {
                let lang = lang.get();
                let mut o: Vec<(String, String)> = list
                    .get()
                    .into_iter()
                    .map(|c| (c.id.clone(), label(lang, &c)))
                    .collect();
                if someone_else {
                    o.push((NEW.into(), t(lang, Msg::SomeoneElse).into()));
                }
                if let Some(n) = nobody {
                    o.push((NOBODY.into(), t(lang, n).into()));
                }
                o
            });
            let name_control: &'static str = match control {
                "other_parent" => "other_parent_name",
                "head" => "head_name",
                "informant" => "informant_name",
                "surviving_spouse" => "surviving_spouse_name",
                "helper" => "helper_name",
                _ => "funeral_host_name",
            };
            let name_setter = setter.clone();
            let reveal = someone_else.then(|| Reveal {
                when: NEW.into(),
                view: ViewFn::from(move || {
                    let setter = name_setter.clone();
                    // A new head: how they are related to the citizen, since every member's
                    // 続柄 on the sheets is counted from the head.
                    // A helper new to the device: how they are related, for the 委任状.
                    let head_kin = matches!(control, "head" | "helper").then(|| {
                        let kin_control: &'static str = if control == "head" { "head_kin" } else { "helper_kin" };
                        let options = kin_options(lang, &MOVER_KIN);
                        let legend = Label::Plain(Signal::derive(move || added_person_kin_legend(lang.get(), control, 1)));
                        view! { <Radios name=kin_control legend error=error_of(kin_control) options value=value_of(kin_control) on_change=setter(kin_control)/> }
                    });
                    view! {
                        <TextInput id=name_control label=Label::Plain(Signal::derive(move || t(lang.get(), Msg::NameOfNew).to_string()))
                            error=error_of(name_control) value=value_of(name_control) on_input=setter(name_control) autocomplete="off"/>
                        {head_kin}
                    }
                }),
            });
            let hint = hint.map(|m| Signal::derive(move || t(lang.get(), m).to_string()));
            let legend = Label::Plain(legend);
            match (hint, reveal) {
                (Some(h), Some(r)) => view! { <Radios name=control legend hint=h error=error_of(control) options value=value_of(control) on_change=setter(control) reveal=r/> }.into_any(),
                (Some(h), None) => view! { <Radios name=control legend hint=h error=error_of(control) options value=value_of(control) on_change=setter(control)/> }.into_any(),
                (None, Some(r)) => view! { <Radios name=control legend error=error_of(control) options value=value_of(control) on_change=setter(control) reveal=r/> }.into_any(),
                (None, None) => view! { <Radios name=control legend error=error_of(control) options value=value_of(control) on_change=setter(control)/> }.into_any(),
            }
        }
    };
    let legend = move |q: PeopleQuestion, part: &'static str| {
        Signal::derive(move || {
            people_legend(
                lang.get(),
                q,
                part,
                form.with(|f| f.get("my_part").cloned()).as_deref(),
            )
        })
    };
    let moving = event.household.contains(&PeopleQuestion::Members);
    // The deceased was the head: the head asked is the one from now on.
    let new_head = store.with_untracked(|s| {
        s.people_scope(&catalog, &case.id, today)
            .is_some_and(|p| p.new_head())
    });
    let head_part = if moving {
        "after_move"
    } else if new_head {
        "after_death"
    } else {
        ""
    };
    let sections = {
        let person_radios = person_radios.clone();
        let candidates = candidates.clone();
        move || {
            let (person_radios, candidates, set) =
                (person_radios.clone(), candidates.clone(), set.clone());
            questions
                .get()
                .into_iter()
                .map(|q| match q {
                    PeopleQuestion::Parents => {
                        let parts = Signal::derive(move || {
                            let lang = lang.get();
                            ["mother", "father", "other"].into_iter().map(|p| (p.to_string(), hitotsu::ui_text::my_part(lang, p))).collect::<Vec<_>>()
                        });
                        view! {
                            <Radios name="my_part" legend=Label::Plain(legend(q, "my_part")) error=error_of("my_part") options=parts
                                value=value_of("my_part") on_change=setter("my_part")/>
                            {person_radios("other_parent", legend(q, "other_parent"), None, true, Some(Msg::NoOtherParent))}
                        }
                        .into_any()
                    }
                    PeopleQuestion::Head => person_radios("head", legend(q, head_part), Some(Msg::HeadHint), true, None),
                    PeopleQuestion::Informant => person_radios("informant", legend(q, ""), Some(Msg::InformantHint), true, None),
                    PeopleQuestion::FuneralHost => person_radios("funeral_host", legend(q, ""), None, true, None),
                    PeopleQuestion::Helper => {
                        // Someone the device knows but not how they are related to the
                        // citizen (the deceased's son): asked, as for someone new.
                        let list = candidates("helper");
                        let needs_kin = Signal::derive(move || {
                            let chosen = form.with(|f| f.get("helper").cloned());
                            chosen.is_some_and(|c| {
                                c != hitotsu::vault::ME && c != NEW && list.get().iter().any(|x| x.id == c && x.kin == Kin::Other)
                            })
                        });
                        let kin_setter = setter.clone();
                        let kin_group = move || {
                            needs_kin.get().then(|| {
                                let options = kin_options(lang, &MOVER_KIN);
                                let legend = Label::Plain(Signal::derive(move || added_person_kin_legend(lang.get(), "helper", 1)));
                                view! { <Radios name="helper_kin" legend error=error_of("helper_kin") options value=value_of("helper_kin") on_change=kin_setter("helper_kin")/> }
                            })
                        };
                        view! {
                            {person_radios("helper", legend(q, ""), Some(Msg::HelperHint), true, None)}
                            {kin_group}
                        }
                        .into_any()
                    }
                    PeopleQuestion::SurvivingSpouse => {
                        person_radios("surviving_spouse", legend(q, ""), Some(Msg::SurvivingSpouseHint), true, Some(Msg::NoSurvivingSpouse))
                    }
                    PeopleQuestion::AllowanceClaimant => {
                        person_radios("allowance_claimant", legend(q, ""), Some(Msg::AllowanceClaimantHint), false, None)
                    }
                    PeopleQuestion::Members => {
                        let list = candidates("movers");
                        let options = Signal::derive(move || list.get().into_iter().map(|c| (c.id.clone(), label(lang.get(), &c))).collect::<Vec<_>>());
                        let values = Signal::derive(move || form.with(|f| f.get("movers").map_or(vec![], |v| v.split(',').filter(|x| !x.is_empty()).map(str::to_string).collect())));
                        let on_change = {
                            let set = set.clone();
                            Callback::new(move |v: Vec<String>| set("movers", v.join(",")))
                        };
                        view! {
                            <Checkboxes name="movers" legend=Label::Plain(legend(q, "")) error=error_of("movers") options values on_change/>
                            <AddedPeople base="new_mover" kinds=&MOVER_KIN form errors on_set=set_cb/>
                        }
                        .into_any()
                    }
                    PeopleQuestion::DeceasedRelation => {
                        let kin_options = Signal::derive(move || {
                            let lang = lang.get();
                            DECEASED_KIN.iter().map(|(k, s)| (relation_code(*k, *s), kin_word(lang, *k, *s))).collect::<Vec<_>>()
                        });
                        let yes_no = Signal::derive(move || yes_no_options(lang.get()).into_iter().map(|(v, l)| (v.to_string(), l.to_string())).collect::<Vec<_>>());
                        view! {
                            <Radios name="deceased_kin" legend=Label::Plain(legend(q, "deceased_kin")) error=error_of("deceased_kin")
                                options=kin_options value=value_of("deceased_kin") on_change=setter("deceased_kin")/>
                            <Radios name="lived_with" legend=Label::Plain(legend(q, "lived_with")) error=error_of("lived_with")
                                options=yes_no value=value_of("lived_with") on_change=setter("lived_with")/>
                        }
                        .into_any()
                    }
                    PeopleQuestion::Heirs => {
                        let list = candidates("heirs");
                        let options = Signal::derive(move || {
                            let lang = lang.get();
                            list.get().into_iter().map(|c| (c.id.clone(), heir_label(lang, c.name.as_deref(), c.kin, c.sex, c.id == hitotsu::vault::ME))).collect::<Vec<_>>()
                        });
                        let on_change = {
                            let set = set.clone();
                            Callback::new(move |v: Vec<String>| set("heirs", v.join(",")))
                        };
                        let kin_options = move || kin_options(lang, &HEIR_KIN);
                        let setter = setter.clone();
                        let kin_setter = setter.clone();
                        // Each heir whose relation to the deceased is not known gets asked it.
                        let unknown_kin = move || {
                            let setter = kin_setter.clone();
                            without_kin.get().into_iter().map(|c| {
                                let control = heir_kin_control(&c.id);
                                let name = c.name.clone().unwrap_or_default();
                                view! {
                                    <Radios name=control.clone() legend=Label::Plain(Signal::derive(move || heir_kin_legend(lang.get(), &name)))
                                        error=error_of(&control) options=kin_options() value=value_of(&control) on_change=setter(&control)/>
                                }
                            }).collect_view()
                        };
                        view! {
                            <Checkboxes name="heirs" legend=Label::Plain(legend(q, ""))
                                hint=Signal::derive(move || t(lang.get(), Msg::HeirsHint).to_string())
                                error=error_of("heirs") options values=Signal::derive(move || chosen_heirs.get()) on_change/>
                            {unknown_kin}
                            <AddedPeople base="new_heir" kinds=&HEIR_KIN form errors on_set=set_cb/>
                        }
                        .into_any()
                    }
                })
                .collect_view()
        }
    };
    let summary = Signal::derive(move || {
        let lang = lang.get();
        errors.with(|es| {
            es.iter()
                .map(|(c, e)| (error_target(c, &lists), people_error(lang, c, *e)))
                .collect::<Vec<_>>()
        })
    });
    let has_error = Signal::derive(move || errors.with(|e| !e.is_empty()));
    let navigate = use_navigate();
    let submit = {
        let (catalog, case_id) = (catalog.clone(), case.id.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let f = form.get_untracked();
            let mut result = Ok(());
            let mut next = String::new();
            store.update(|s| {
                result = s.confirm_people(&catalog, &case_id, &f, today);
                if let Some(scope) = s.scope(&catalog, &case_id, today) {
                    next = routes::next(&case_id, next_step(&scope, None));
                }
            });
            match result {
                Ok(()) => navigate(&next, Default::default()),
                Err(es) => errors.set(es),
            }
        }
    };
    let caption = Signal::derive(move || event.title.get(lang.get()).to_string());
    view! {
        <div class="page">
            <BackLink href=routes::plan(&case.id)/>
            <form novalidate on:submit=submit>
                <ErrorSummary errors=summary/>
                <PageHeading text=Signal::derive(move || t(lang.get(), Msg::PeopleTitle).to_string()) caption error=has_error/>
                <p>{tr(Msg::PeopleIntro)}</p>
                {sections}
                <button type="submit" class="button">{tr(Msg::SaveAndContinue)}</button>
            </form>
        </div>
    }
}

/// What the error summary links to for a control: a radio group's first option, else the
/// input itself. Radio groups over people start with the citizen.
fn error_target(
    control: &str,
    lists: &std::collections::BTreeMap<&'static str, Memo<Vec<Candidate>>>,
) -> String {
    match control {
        "my_part" => option_id(control, "mother"),
        "lived_with" => option_id(control, "yes"),
        "deceased_kin" => option_id(
            control,
            &relation_code(DECEASED_KIN[0].0, DECEASED_KIN[0].1),
        ),
        c if c.starts_with("new_heir") && c.ends_with("_kin") || c.starts_with("heir_kin_") => {
            option_id(c, "child")
        }
        c if c.starts_with("new_mover") && c.ends_with("_kin")
            || c == "head_kin"
            || c == "helper_kin" =>
        {
            option_id(c, &relation_code(MOVER_KIN[0].0, MOVER_KIN[0].1))
        }
        c if c.ends_with("_name") => c.to_string(),
        // The first person offered, or "someone else" when nobody is.
        c => {
            let first = lists
                .get(c)
                .and_then(|l| l.with_untracked(|l| l.first().map(|p| p.id.clone())));
            option_id(c, &first.unwrap_or_else(|| NEW.to_string()))
        }
    }
}

fn label(lang: Lang, c: &Candidate) -> String {
    candidate_label(
        lang,
        c.name.as_deref(),
        (c.id != hitotsu::vault::ME)
            .then(|| kin_word(lang, c.kin, c.sex))
            .as_deref(),
        c.id == hitotsu::vault::ME,
    )
}

/// A control's error, as the page shows it beside the control.
fn error_of(
    errors: RwSignal<Vec<(String, PeopleError)>>,
    lang: Memo<Lang>,
    control: &str,
) -> Signal<Option<String>> {
    let control = control.to_string();
    Signal::derive(move || {
        errors.with(|es| {
            es.iter()
                .find(|(c, _)| *c == control)
                .map(|(c, e)| people_error(lang.get(), c, *e))
        })
    })
}

/// A control's value as typed or chosen so far.
fn value_of(form: RwSignal<PeopleForm>, control: &str) -> Signal<String> {
    let control = control.to_string();
    Signal::derive(move || form.with(|f| f.get(&control).cloned().unwrap_or_default()))
}

/// The radio options of a list of relations, in the page's language.
fn kin_options(
    lang: Memo<Lang>,
    kinds: &'static [(Kin, Option<Sex>)],
) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let lang = lang.get();
        kinds
            .iter()
            .map(|(k, s)| (relation_code(*k, *s), kin_word(lang, *k, *s)))
            .collect()
    })
}

/// Rows that add people the device does not know (heirs, or people who move with the
/// citizen): a name and a relation each, and a button for one more row that takes the
/// focus to the new name.
#[component]
fn AddedPeople(
    base: &'static str,
    kinds: &'static [(Kin, Option<Sex>)],
    form: RwSignal<PeopleForm>,
    errors: RwSignal<Vec<(String, PeopleError)>>,
    on_set: Callback<(String, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let rows = Memo::new(move |_| form.with(|f| added_rows(f, base)));
    let error_of = move |control: String| error_of(errors, lang, &control);
    let value_of = move |control: String| value_of(form, &control);
    let setter =
        move |control: String| Callback::new(move |v: String| on_set.run((control.clone(), v)));
    let kin_options = move || kin_options(lang, kinds);
    let row_view = move |i: usize, row: String| {
        let (name, kin) = (format!("{row}_name"), format!("{row}_kin"));
        let label = Label::Plain(Signal::derive(move || {
            added_person_label(lang.get(), base, i + 1)
        }));
        let legend = Label::Plain(Signal::derive(move || {
            added_person_kin_legend(lang.get(), base, i + 1)
        }));
        let input = if i == 0 {
            let hint = Signal::derive(move || t(lang.get(), Msg::NewHeirHint).to_string());
            view! { <TextInput id=name.clone() label hint error=error_of(name.clone()) value=value_of(name.clone()) on_input=setter(name.clone()) autocomplete="off"/> }.into_any()
        } else {
            view! { <TextInput id=name.clone() label error=error_of(name.clone()) value=value_of(name.clone()) on_input=setter(name.clone()) autocomplete="off"/> }.into_any()
        };
        view! {
            <div class="add-person">
                {input}
                <Radios name=kin.clone() legend error=error_of(kin.clone()) options=kin_options() value=value_of(kin.clone()) on_change=setter(kin.clone())/>
            </div>
        }
    };
    let add_row = move |_| {
        let n = rows.get_untracked().len() + 1;
        if n <= MAX_ADDED_PEOPLE {
            on_set.run((format!("{base}s"), n.to_string()));
            // The new row's name takes the focus, so that a screen reader hears where to type.
            let id = format!("{base}{n}_name");
            request_animation_frame(move || crate::app::services::browser::focus_id(&id));
        }
    };
    view! {
        {move || rows.get().into_iter().enumerate().map(|(i, r)| row_view(i, r)).collect_view()}
        <Show when=move || rows.get().len() < MAX_ADDED_PEOPLE>
            <button type="button" class="button button-secondary" on:click=add_row>{tr(Msg::AddAnotherPerson)}</button>
        </Show>
    }
}
