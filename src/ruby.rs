//! Readings over kanji (furigana), from data: a lexicon of the words the app's own texts
//! use, each with its reading (public/catalog/readings.json, proposed by
//! scripts/readings.py and checked by hand), and the readings of counting words after a
//! number (16日, 3か月, 2人), which depend on the number and so are a rule here.
//!
//! Nothing is guessed: a kanji the lexicon does not know gets no reading, and text the
//! citizen typed (a name, an address) never does — the texts mark it off with Unicode
//! isolates (U+2068 … U+2069), see [`user`].

use serde::Deserialize;
use std::collections::HashMap;

const FSI: char = '\u{2068}';
/// Brackets that open a phrase of their own.
const OPENING: &str = "（「『【(";
const PDI: char = '\u{2069}';

/// Marks text the citizen typed inside a sentence, so no reading is put over it (a name's
/// reading is the citizen's to give, not the app's to guess). The isolates also keep a
/// right-to-left name from reordering the sentence around it.
pub fn user(text: &str) -> String {
    format!("{FSI}{text}{PDI}")
}

/// A sentence's parts: (typed by the citizen, text), the isolates removed.
pub fn parts(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(FSI) {
        if start > 0 {
            out.push((false, &rest[..start]));
        }
        let inner = &rest[start + FSI.len_utf8()..];
        let end = inner.find(PDI).unwrap_or(inner.len());
        if end > 0 {
            out.push((true, &inner[..end]));
        }
        rest = inner.get(end + PDI.len_utf8()..).unwrap_or("");
    }
    if !rest.is_empty() {
        out.push((false, rest));
    }
    out
}

/// The text without its isolates (for a document title, a printed sheet, a comparison).
pub fn plain(text: &str) -> String {
    text.chars().filter(|c| *c != FSI && *c != PDI).collect()
}

/// A piece of text as shown: bare, or a base with its reading above it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Ruby {
        base: String,
        reading: String,
    },
    /// Where a phrase begins (a known word, a loanword after kana, an opening bracket,
    /// the word after が・を・は): a line of a label may break here. With readings over
    /// the kanji the browser cannot find the phrases of a label itself (each <ruby> cuts
    /// the text), so a label keeps its words whole (`word-break: keep-all`) and breaks
    /// only here or at a space.
    Break,
}

/// A part of a sentence as a page shows it. Decided here, drawn by the app (as elements)
/// and by the static first screen (as HTML, `tests/first_screen.rs`), so both show it alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    Text(String),
    /// Japanese on an English page: marked `lang="ja"` for a Japanese voice.
    Japanese(String),
    /// What the citizen typed, inside a sentence with readings: never given one.
    Typed(String),
    Ruby {
        base: String,
        reading: String,
    },
    /// Where a line may break (an empty `.wb`, whose zero-width space comes from the
    /// stylesheet, so it is in no copied text and no accessible name): see [`Piece::Break`].
    Break,
}

/// `text` on a page in English (`english`) or Japanese, with readings from `lexicon` when
/// they are shown (easy Japanese, or furigana on).
pub fn shown(text: &str, english: bool, lexicon: Option<&Lexicon>) -> Vec<Shown> {
    if !english {
        let Some(lexicon) = lexicon else {
            return vec![Shown::Text(plain(text))];
        };
        return parts(text)
            .into_iter()
            .flat_map(|(typed, part)| {
                if typed {
                    return vec![Shown::Typed(part.to_string())];
                }
                lexicon
                    .pieces(part)
                    .into_iter()
                    .map(|p| match p {
                        Piece::Text(t) => Shown::Text(t),
                        Piece::Ruby { base, reading } => Shown::Ruby { base, reading },
                        Piece::Break => Shown::Break,
                    })
                    .collect()
            })
            .collect();
    }
    let text = plain(text);
    if !text.chars().any(crate::script::is_japanese) {
        return vec![Shown::Text(text)];
    }
    crate::script::runs(&text)
        .into_iter()
        .map(|(ja, part)| {
            if ja {
                Shown::Japanese(part)
            } else {
                Shown::Text(part)
            }
        })
        .collect()
}

/// A katakana letter that can begin a word (not ー, not a small kana).
fn is_katakana(c: char) -> bool {
    ('ア'..='ヺ').contains(&c) && !"ァィゥェォッャュョヮヵヶ".contains(c)
}

/// A kanji (or 々, ヶ): what needs a reading.
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2fa1f}' | '々' | '〆' | 'ヶ')
}

#[derive(Deserialize)]
struct File {
    words: HashMap<String, String>,
}

/// The words of the app's texts with their readings.
pub struct Lexicon {
    words: HashMap<String, Vec<Piece>>,
    /// The longest word, in characters: how far a match is looked for.
    longest: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub struct LexiconError(pub String);

/// `{出生|しゅっせい}{届|とどけ}` → pieces; the word itself must be what the marks spell.
fn annotation(word: &str, marked: &str) -> Result<Vec<Piece>, LexiconError> {
    let bad = || LexiconError(format!("{word}: {marked}"));
    let mut pieces = Vec::new();
    let mut rest = marked;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('{') {
            let close = inner.find('}').ok_or_else(bad)?;
            let (base, reading) = inner[..close].split_once('|').ok_or_else(bad)?;
            if base.is_empty() || reading.is_empty() || !base.chars().any(is_kanji) {
                return Err(bad());
            }
            pieces.push(Piece::Ruby {
                base: base.into(),
                reading: reading.into(),
            });
            rest = &inner[close + 1..];
        } else {
            let end = rest.find('{').unwrap_or(rest.len());
            pieces.push(Piece::Text(rest[..end].into()));
            rest = &rest[end..];
        }
    }
    let spelled: String = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.as_str(),
            Piece::Ruby { base, .. } => base.as_str(),
            Piece::Break => "",
        })
        .collect();
    if spelled != word {
        return Err(bad());
    }
    Ok(pieces)
}

/// Counting words after a number, longest first: (counter, reading).
const COUNTERS: [(&str, &str); 24] = [
    ("か月", "げつ"),
    ("ヶ月", "げつ"),
    ("週間", "しゅうかん"),
    ("時間", "じかん"),
    ("日間", "にちかん"),
    ("万円", "まんえん"),
    ("年度", "ねんど"),
    ("か所", "しょ"),
    ("日", "にち"),
    ("月", "がつ"),
    ("年", "ねん"),
    ("人", "にん"),
    ("歳", "さい"),
    ("条", "じょう"),
    ("項", "こう"),
    ("号", "ごう"),
    ("円", "えん"),
    ("回", "かい"),
    ("件", "けん"),
    ("桁", "けた"),
    ("時", "じ"),
    ("通", "つう"),
    ("枚", "まい"),
    ("名", "めい"),
];

/// The days whose reading is not number + にち: the whole "14日" takes the reading.
fn day_reading(n: u64) -> Option<&'static str> {
    Some(match n {
        1 => "ついたち",
        2 => "ふつか",
        3 => "みっか",
        4 => "よっか",
        5 => "いつか",
        6 => "むいか",
        7 => "なのか",
        8 => "ようか",
        9 => "ここのか",
        10 => "とおか",
        14 => "じゅうよっか",
        20 => "はつか",
        24 => "にじゅうよっか",
        _ => return None,
    })
}

/// How a counter after the number `n` is read: over the counter alone, or (for 1日, 1人,
/// 2人…) over number and counter together.
fn counter_pieces(number: &str, n: Option<u64>, counter: &str, reading: &str) -> Vec<Piece> {
    let whole = match (counter, n) {
        ("日", Some(n)) => day_reading(n),
        ("人", Some(1)) => Some("ひとり"),
        ("人", Some(2)) => Some("ふたり"),
        _ => None,
    };
    match whole {
        Some(r) => vec![Piece::Ruby {
            base: format!("{number}{counter}"),
            reading: r.into(),
        }],
        None => {
            let (kana, kanji) = counter.split_at(
                counter
                    .char_indices()
                    .find(|(_, c)| is_kanji(*c))
                    .map_or(0, |(i, _)| i),
            );
            let mut out = vec![Piece::Text(format!("{number}{kana}"))];
            out.push(Piece::Ruby {
                base: kanji.into(),
                reading: reading.into(),
            });
            out
        }
    }
}

/// A day of the week after a date, "（木）": read as the day (もく), not the word (き).
fn weekday(before: Option<char>, c: char, after: Option<char>) -> Option<&'static str> {
    if !matches!(before, Some('（' | '(')) || !matches!(after, Some('）' | ')')) {
        return None;
    }
    Some(match c {
        '月' => "げつ",
        '火' => "か",
        '水' => "すい",
        '木' => "もく",
        '金' => "きん",
        '土' => "ど",
        '日' => "にち",
        _ => return None,
    })
}

impl Lexicon {
    pub fn parse(json: &str) -> Result<Lexicon, LexiconError> {
        let file: File = serde_json::from_str(json).map_err(|e| LexiconError(e.to_string()))?;
        let mut words = HashMap::new();
        let mut longest = 0;
        for (word, marked) in file.words {
            longest = longest.max(word.chars().count());
            let pieces = annotation(&word, &marked)?;
            words.insert(word, pieces);
        }
        Ok(Lexicon { words, longest })
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// One part of a sentence (not typed by the citizen) with readings over every word
    /// the lexicon knows, the longest word first.
    pub fn pieces(&self, text: &str) -> Vec<Piece> {
        let push_break = |out: &mut Vec<Piece>| {
            if !matches!(out.last(), None | Some(Piece::Break)) {
                out.push(Piece::Break);
            }
        };
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out: Vec<Piece> = Vec::new();
        let push_text = |out: &mut Vec<Piece>, s: &str| match out.last_mut() {
            Some(Piece::Text(t)) => t.push_str(s),
            _ => out.push(Piece::Text(s.into())),
        };
        let byte = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i].1;
            if c.is_ascii_digit() || ('０'..='９').contains(&c) {
                let mut j = i;
                while j < chars.len()
                    && (chars[j].1.is_ascii_digit() || ('０'..='９').contains(&chars[j].1))
                {
                    j += 1;
                }
                let number = &text[byte(i)..byte(j)];
                let n = crate::width::to_half_width(number).parse::<u64>().ok();
                let after = &text[byte(j)..];
                if let Some((counter, reading)) =
                    COUNTERS.iter().find(|(k, _)| after.starts_with(k))
                {
                    for p in counter_pieces(number, n, counter, reading) {
                        match p {
                            Piece::Text(t) => push_text(&mut out, &t),
                            ruby => out.push(ruby),
                        }
                    }
                    i = j + counter.chars().count();
                } else {
                    push_text(&mut out, number);
                    i = j;
                }
                continue;
            }
            // Before an opening bracket (マイナポータル（ぴったりサービス） is two
            // phrases), and where katakana follows hiragana (カレンダーに追加 after を,
            // サービス after ぴったり: a loanword begins).
            let prev = chars.get(i.wrapping_sub(1)).map(|c| c.1);
            if i > 0 && OPENING.contains(c)
                || (is_katakana(c) && prev.is_some_and(|p| ('ぁ'..='ゖ').contains(&p)))
            {
                push_break(&mut out);
            }
            if let Some(reading) = weekday(
                chars.get(i.wrapping_sub(1)).map(|c| c.1),
                c,
                chars.get(i + 1).map(|c| c.1),
            ) {
                out.push(Piece::Ruby {
                    base: c.into(),
                    reading: reading.into(),
                });
                i += 1;
                continue;
            }
            let found = (1..=self.longest.min(chars.len() - i))
                .rev()
                .find_map(|len| {
                    self.words
                        .get(&text[byte(i)..byte(i + len)])
                        .map(|p| (len, p))
                });
            match found {
                Some((len, word)) => {
                    // A known word begins a phrase, unless it follows a kanji (申請書,
                    // 区役所: one word of two known ones), a number (4日), an honorific
                    // prefix (お知らせ, ご確認) or an opening bracket.
                    // Nor after a verb's stem (読み上げる, 書き出し, 受け取る: a kanji and
                    // an い- or え-row kana, then the second verb).
                    let after = chars.get(i.wrapping_sub(1)).map(|c| c.1);
                    let stem = i >= 2
                        && is_kanji(chars[i - 2].1)
                        && after.is_some_and(|c| {
                            "いきしちにひみりぎじぢびぴえけげせめれべ".contains(c)
                        });
                    if !stem
                        && after.is_some_and(|c| {
                            !(is_kanji(c)
                                || c.is_ascii_digit()
                                || ('０'..='９').contains(&c)
                                || OPENING.contains(c)
                                || "おご御".contains(c))
                        })
                    {
                        push_break(&mut out);
                    }
                    for p in word {
                        match p {
                            Piece::Text(t) => push_text(&mut out, t),
                            ruby => out.push(ruby.clone()),
                        }
                    }
                    i += len;
                }
                None => {
                    push_text(&mut out, &text[byte(i)..byte(i + 1)]);
                    // After が, を or は following a word in kanji or katakana (出来事が
                    // ありましたか): the particle ends a phrase.
                    let next = chars.get(i + 1).map(|c| c.1);
                    if "がをは".contains(c)
                        && i > 0
                        && (is_kanji(chars[i - 1].1)
                            || is_katakana(chars[i - 1].1)
                            || chars[i - 1].1 == 'ー')
                        && next.is_some_and(|n| ('ぁ'..='ゖ').contains(&n))
                    {
                        push_break(&mut out);
                    }
                    i += 1;
                }
            }
        }
        out
    }

    /// The kanji of `text` (outside what the citizen typed) that would get no reading.
    pub fn unread(&self, text: &str) -> Vec<char> {
        parts(text)
            .into_iter()
            .filter(|(typed, _)| !typed)
            .flat_map(|(_, t)| self.pieces(t))
            .filter_map(|p| match p {
                Piece::Text(t) => Some(t.chars().filter(|c| is_kanji(*c)).collect::<Vec<_>>()),
                Piece::Ruby { .. } | Piece::Break => None,
            })
            .flatten()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::parse(
            r#"{"words": {"出生": "{出生|しゅっせい}", "出生届": "{出生|しゅっせい}{届|とどけ}", "届": "{届|とどけ}",
                "選ん": "{選|えら}ん", "日": "{日|ひ}", "作成済み": "{作成|さくせい}{済|ず}み", "済み": "{済|す}み"}}"#,
        )
        .unwrap()
    }

    fn shown(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Ruby { base, reading } => format!("{base}({reading})"),
                Piece::Break => String::new(),
            })
            .collect()
    }

    /// Where a label may break, as `/`.
    fn breaks(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Ruby { base, .. } => base.clone(),
                Piece::Break => "/".into(),
            })
            .collect()
    }

    #[test]
    fn a_label_may_break_where_a_known_word_begins() {
        let l = lexicon();
        assert_eq!(
            breaks(&l.pieces("出生届を選んでください")),
            "出生届を/選んでください"
        );
        assert_eq!(breaks(&l.pieces("その日")), "その/日");
        // Not inside a date, after a prefix or an opening bracket.
        assert_eq!(breaks(&l.pieces("4月16日")), "4月16日");
        assert_eq!(breaks(&l.pieces("お届け（出生届）")), "お届け/（出生届）");
        // Nor between two known words that make one (出生 + 届 when only those are known),
        // nor in a compound verb.
        assert_eq!(breaks(&l.pieces("日届")), "日届");
        assert_eq!(breaks(&l.pieces("選び届")), "選び届");
        // A loanword after a particle begins a phrase; the long vowel mark is part of it.
        assert_eq!(breaks(&l.pieces("日をカレンダーに")), "日を/カレンダーに");
        assert_eq!(breaks(&l.pieces("ぴったりサービス")), "ぴったり/サービス");
        assert_eq!(breaks(&l.pieces("日がありましたか")), "日が/ありましたか");
    }

    #[test]
    fn the_longest_known_word_wins_and_okurigana_stays_bare() {
        let l = lexicon();
        assert_eq!(
            shown(&l.pieces("出生届を選んでください")),
            "出生(しゅっせい)届(とどけ)を選(えら)んでください"
        );
        assert_eq!(shown(&l.pieces("作成済み")), "作成(さくせい)済(ず)み");
        assert_eq!(shown(&l.pieces("済み")), "済(す)み");
    }

    #[test]
    fn counters_are_read_after_their_number() {
        let l = lexicon();
        assert_eq!(shown(&l.pieces("4月16日")), "4月(がつ)16日(にち)");
        assert_eq!(shown(&l.pieces("14日以内")), "14日(じゅうよっか)以内");
        assert_eq!(
            shown(&l.pieces("1日、20日、3か月、2人、5人")),
            "1日(ついたち)、20日(はつか)、3か月(げつ)、2人(ふたり)、5人(にん)"
        );
        assert_eq!(shown(&l.pieces("２０日")), "２０日(はつか)");
        // 日 alone is a word of the lexicon (ひ), not a counter.
        assert_eq!(shown(&l.pieces("その日")), "その日(ひ)");
        // A day of the week after a date.
        assert_eq!(
            shown(&l.pieces("4月30日（木）")),
            "4月(がつ)30日(にち)（木(もく)）"
        );
        assert_eq!(shown(&l.pieces("（日）")), "（日(にち)）");
    }

    #[test]
    fn unknown_kanji_and_typed_text_get_no_reading() {
        let l = lexicon();
        assert_eq!(l.unread("出生届と婚姻届"), vec!['婚', '姻']);
        let sentence = format!("はい、{}です", user("日野 出生子"));
        assert!(l.unread(&sentence).is_empty(), "a name is not read");
        assert_eq!(
            parts(&sentence),
            vec![(false, "はい、"), (true, "日野 出生子"), (false, "です")]
        );
        assert_eq!(plain(&sentence), "はい、日野 出生子です");
    }

    #[test]
    fn a_sentence_is_shown_as_its_page_needs() {
        let l = lexicon();
        let sentence = format!("{}の出生届", user("山田 出生子"));
        // Plain Japanese: one text, the isolates gone.
        assert_eq!(
            super::shown(&sentence, false, None),
            vec![Shown::Text("山田 出生子の出生届".into())]
        );
        // With readings: what was typed gets none.
        assert_eq!(
            super::shown(&sentence, false, Some(&l)),
            vec![
                Shown::Typed("山田 出生子".into()),
                Shown::Text("の".into()),
                Shown::Break,
                Shown::Ruby {
                    base: "出生".into(),
                    reading: "しゅっせい".into()
                },
                Shown::Ruby {
                    base: "届".into(),
                    reading: "とどけ".into()
                },
            ]
        );
        // On an English page, the Japanese in it is marked for a Japanese voice.
        assert_eq!(
            super::shown("Birth notification (出生届)", true, Some(&l)),
            vec![
                Shown::Text("Birth notification (".into()),
                Shown::Japanese("出生届".into()),
                Shown::Text(")".into()),
            ]
        );
        assert_eq!(
            super::shown("Plan", true, None),
            vec![Shown::Text("Plan".into())]
        );
    }

    #[test]
    fn a_word_must_spell_itself() {
        assert!(Lexicon::parse(r#"{"words": {"出生": "{出世|しゅっせ}"}}"#).is_err());
        assert!(Lexicon::parse(r#"{"words": {"出生": "{出生|}"}}"#).is_err());
        assert!(Lexicon::parse(r#"{"words": {"の": "{の|の}"}}"#).is_err());
    }
}
