//! What a voice is given to say: the page's text as it is read aloud, not as it is printed.
//! A weekday in brackets after a date is a word to a listener (「（木）」 is read as 「き」,
//! 「（か）」 as 「か」): it is spoken whole, 「木曜日」, 「かようび」, "Thursday".

use crate::i18n::Lang;

const JA: [(&str, &str); 7] = [
    ("（月）", "（月曜日）"),
    ("（火）", "（火曜日）"),
    ("（水）", "（水曜日）"),
    ("（木）", "（木曜日）"),
    ("（金）", "（金曜日）"),
    ("（土）", "（土曜日）"),
    ("（日）", "（日曜日）"),
];

const EASY: [(&str, &str); 7] = [
    ("（げつ）", "（げつようび）"),
    ("（か）", "（かようび）"),
    ("（すい）", "（すいようび）"),
    ("（もく）", "（もくようび）"),
    ("（きん）", "（きんようび）"),
    ("（ど）", "（どようび）"),
    ("（にち）", "（にちようび）"),
];

const EN: [(&str, &str); 7] = [
    ("Mon ", "Monday "),
    ("Tue ", "Tuesday "),
    ("Wed ", "Wednesday "),
    ("Thu ", "Thursday "),
    ("Fri ", "Friday "),
    ("Sat ", "Saturday "),
    ("Sun ", "Sunday "),
];

/// `text` as a voice of `lang` is to say it. `lang` is the language of the words (easy
/// Japanese writes its weekdays in kana, standard Japanese in kanji).
pub fn for_voice(lang: Lang, text: &str) -> String {
    let table: &[(&str, &str)] = match lang {
        Lang::Ja => &JA,
        Lang::Easy => &EASY,
        Lang::En => &EN,
    };
    let mut out = text.to_string();
    for (short, whole) in table {
        if lang == Lang::En {
            // Only a weekday before a day of the month: "Sun 12" is Sunday, "Sunday" stays.
            out = replace_before_digit(&out, short, whole);
        } else {
            out = out.replace(short, whole);
        }
    }
    out
}

fn replace_before_digit(text: &str, short: &str, whole: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(short) {
        let after = &rest[i + short.len()..];
        let starts_word = rest[..i]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..i]);
        if starts_word && after.starts_with(|c: char| c.is_ascii_digit()) {
            out.push_str(whole);
        } else {
            out.push_str(short);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_said_whole() {
        assert_eq!(
            for_voice(Lang::Easy, "きげんは 2027年 1月 12日（か）までに"),
            "きげんは 2027年 1月 12日（かようび）までに"
        );
        assert_eq!(
            for_voice(Lang::Ja, "2026年4月30日（木）（あと7日）"),
            "2026年4月30日（木曜日）（あと7日）"
        );
        assert_eq!(
            for_voice(Lang::En, "Due Thu 30 April 2026 (7 days left)"),
            "Due Thursday 30 April 2026 (7 days left)"
        );
        // Not a weekday: left as it is.
        assert_eq!(for_voice(Lang::En, "Mon Ami 3"), "Mon Ami 3");
        assert_eq!(for_voice(Lang::En, "Sunday 3"), "Sunday 3");
        assert_eq!(for_voice(Lang::Ja, "日本（日）"), "日本（日曜日）");
    }
}
