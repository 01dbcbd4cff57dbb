//! Which parts of a text are Japanese: an English page marks them with `lang="ja"` so a
//! screen reader speaks 出生届, 山田 花子 or 令和8年4月16日 with a Japanese voice.

/// Japanese writing: kana, kanji (the supplementary planes too, 𠮷), Japanese punctuation
/// and brackets, and full-width forms.
pub fn is_japanese(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F      // punctuation: 、。「」
        | 0x3040..=0x30FF    // hiragana, katakana
        | 0x31F0..=0x31FF    // katakana extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFF00..=0xFFEF    // full-width forms: （）０-９
        | 0x20000..=0x3134F  // CJK extensions B–H (𠮷)
        | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF // variation selectors (異体字)
    )
}

/// The text in runs, each Japanese or not. Spaces and characters that belong to neither
/// (digits, hyphens) join the Japanese run they sit inside ("山田 花子", "令和8年4月16日"),
/// so one name or date is one run.
pub fn runs(text: &str) -> Vec<(bool, String)> {
    let neutral = |c: char| c == ' ' || c.is_ascii_digit() || matches!(c, '-' | '.' | '/');
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut pending = String::new();
    for c in text.chars() {
        if neutral(c) {
            pending.push(c);
            continue;
        }
        let ja = is_japanese(c);
        match out.last_mut() {
            Some((last, s)) if *last == ja => {
                s.push_str(&pending);
                s.push(c);
            }
            _ => {
                // Between two scripts, spaces belong to the English side; digits and
                // hyphens to the Japanese one (an address ends in 1-1, a year is 2026年).
                let split = if ja {
                    pending.rfind(' ').map_or(0, |i| i + 1)
                } else {
                    pending.find(' ').unwrap_or(pending.len())
                };
                let (before, after) = pending.split_at(split);
                match out.last_mut() {
                    Some((_, s)) => s.push_str(before),
                    None if !before.is_empty() => out.push((false, before.to_string())),
                    None => {}
                }
                out.push((ja, format!("{after}{c}")));
            }
        }
        pending.clear();
    }
    match out.last_mut() {
        Some((_, s)) => s.push_str(&pending),
        None if !pending.is_empty() => out.push((false, pending)),
        None => {}
    }
    // A run that starts English but only leads into Japanese with neutral characters
    // keeps them: "2026/4/16, 令和8年4月16日" → ["2026/4/16, ", "令和8年4月16日"].
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ja(text: &str) -> Vec<String> {
        runs(text)
            .into_iter()
            .filter(|(j, _)| *j)
            .map(|(_, s)| s)
            .collect()
    }

    #[test]
    fn japanese_runs_are_whole_names_dates_and_terms() {
        assert_eq!(ja("Birth notification (出生届)"), ["出生届"]);
        assert_eq!(ja("About 山田 花子 (wife)"), ["山田 花子"]);
        assert_eq!(
            ja("For example 2026-04-16, 2026/4/16, 令和8年4月16日 or R8.4.16"),
            ["令和8年4月16日"]
        );
        assert_eq!(ja("山田 𠮷子"), ["山田 𠮷子"]);
        assert_eq!(ja("東京都千代田区千代田1-1"), ["東京都千代田区千代田1-1"]);
        assert_eq!(
            ja("Used for: 出生届, 児童手当 認定請求"),
            ["出生届", "児童手当 認定請求"]
        );
        assert!(ja("Your plan: A birth").is_empty());
        let all: String = runs("Child allowance (児童手当): 15 days")
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(all, "Child allowance (児童手当): 15 days", "nothing lost");
    }
}
