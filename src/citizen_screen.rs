//! The counter's screen turned to the citizen: for each case of the session, the answers
//! given (what is being typed marked as such) and each person's values as the forms will
//! carry them, sheets already made included, so what was printed can still be confirmed.
//! Identity, card and account numbers are masked unless the citizen asked to see them.

use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::resolve::{detail_drafts, draft_of};
use crate::session::{fingerprint, mask, Confirmed, MASKED};
use crate::state::AppState;
use crate::ui_text::{answer_display, ct, display_value, section_heading, CounterMsg};
use jiff::civil::Date;

/// One row: what the citizen reads, and whether its value is masked until they ask.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub value: String,
    /// Set for a masked value: the id to reveal it by (`CounterSession::revealed`).
    pub masked: Option<String>,
}

/// One section of the citizen screen: what the citizen confirms in one go.
#[derive(Clone, Debug, PartialEq)]
pub struct ScreenSection {
    /// Stable across redraws and languages: "c1:answers", "c1:p1", "c1:worked-out".
    pub id: String,
    pub heading: String,
    pub rows: Vec<Row>,
    /// The print of the rows in Japanese, the language of the forms, with every value in
    /// full: a confirmation stays valid when the citizen only switches language or shows
    /// a number.
    pub print: String,
}

/// What the citizen screen shows of a session's state: for each case (the newest first)
/// the answers given (with what is being typed, marked) and each person's values as the
/// forms will carry them, those of sheets already made included.
pub fn screen(state: &AppState, catalog: &Catalog, today: Date, lang: Lang) -> Vec<ScreenSection> {
    let revealed = state.counter.as_ref().map(|c| &c.revealed);
    let mut out = Vec::new();
    for case in state.cases.iter().rev() {
        let Some(scope) = state.scope(catalog, &case.id, today) else {
            continue;
        };
        let answers = |lang: Lang| -> Vec<(String, String)> {
            scope
                .event
                .questions
                .iter()
                .filter_map(|q| {
                    let draft = case.drafts.get(&q.id).filter(|d| !d.is_empty());
                    let value = match (case.answers.get(&q.id), draft) {
                        (_, Some(draft)) if case.answers.get(&q.id) != Some(draft) => format!(
                            "{}（{}）",
                            answer_display(q, draft, lang),
                            ct(lang, CounterMsg::CitizenTyping)
                        ),
                        (Some(a), _) => answer_display(q, a, lang),
                        (None, _) => return None,
                    };
                    Some((q.text.get(lang).to_string(), value))
                })
                .collect()
        };
        let rows = answers(lang);
        if !rows.is_empty() {
            out.push(ScreenSection {
                id: format!("{}:answers", case.id),
                heading: format!(
                    "{} — {}",
                    scope.event.title.get(lang),
                    ct(lang, CounterMsg::CitizenAnswers)
                ),
                print: fingerprint(&answers(Lang::Ja)),
                rows: rows
                    .into_iter()
                    .map(|(label, value)| Row {
                        label,
                        value,
                        masked: None,
                    })
                    .collect(),
            });
        }
        for section in crate::onestop::sections_with_sheets(&scope) {
            let owner = section.owner.as_deref();
            let role = owner.and_then(|o| state.role_of(&case.id, o));
            let section_id = format!("{}:{}", case.id, owner.unwrap_or("worked-out"));
            // Each value as the forms carry it, or as staff are typing it now; and what
            // staff are typing for this person that no form value shows yet.
            let typing =
                |d: &str, lang: Lang| format!("{d}（{}）", ct(lang, CounterMsg::CitizenTyping));
            let rows_in = |lang: Lang| -> Vec<(String, String, String)> {
                let mut rows: Vec<(String, String, String)> = section
                    .rows
                    .iter()
                    .map(|u| {
                        let label = catalog.field_label(&u.field, lang);
                        let attribute = catalog.field_attribute(&u.field);
                        let draft = u.fact.as_ref().and_then(|(k, _)| {
                            draft_of(&case.drafts, &k.owner, &k.attribute)
                                .filter(|d| **d != u.value)
                        });
                        let value = match draft {
                            Some(d) => typing(d, lang),
                            None => display_value(catalog, &u.field, &u.value, lang),
                        };
                        (label, value, attribute)
                    })
                    .collect();
                if let Some(o) = owner {
                    for (attribute, d) in detail_drafts(&case.drafts, o) {
                        if rows.iter().all(|(_, _, a)| *a != attribute) {
                            let label = catalog.attribute_label(&attribute, &attribute, lang);
                            rows.push((label, typing(d, lang), attribute));
                        }
                    }
                }
                rows
            };
            let print_rows: Vec<(String, String)> = rows_in(Lang::Ja)
                .into_iter()
                .map(|(l, v, _)| (l, v))
                .collect();
            let rows = rows_in(lang)
                .into_iter()
                .map(|(label, value, attribute)| {
                    let masked = MASKED
                        .contains(&attribute.as_str())
                        .then(|| format!("{section_id}:{attribute}"));
                    let hide = masked
                        .as_ref()
                        .is_some_and(|id| revealed.is_none_or(|r| !r.contains(id)));
                    Row {
                        label,
                        value: if hide { mask(&value) } else { value },
                        masked,
                    }
                })
                .collect();
            out.push(ScreenSection {
                heading: section_heading(lang, &state.vault, owner, role, today),
                print: fingerprint(&print_rows),
                id: section_id,
                rows,
            });
        }
    }
    out
}

/// Whether a section stands confirmed: confirmed, and unchanged since.
pub fn is_confirmed(confirmed: &Confirmed, section: &ScreenSection) -> bool {
    confirmed.get(&section.id) == Some(&section.print)
}
