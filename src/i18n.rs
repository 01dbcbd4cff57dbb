//! The three languages every user-visible string exists in.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ja,
    En,
    /// やさしい日本語: short sentences, mostly kana, spaces between phrases.
    Easy,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ja, Lang::En, Lang::Easy];

    /// BCP 47 tag for `<html lang>`. Easy Japanese is still Japanese to a screen reader.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Ja | Lang::Easy => "ja",
            Lang::En => "en",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
            Lang::Easy => "easy",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            "easy" => Some(Lang::Easy),
            _ => None,
        }
    }

    /// The interface language for a browser's preferred languages: Japanese for a
    /// Japanese browser, English for any other (the app's only other full language).
    pub fn from_browser(preferred: &[String]) -> Lang {
        match preferred.first().map(|l| l.to_ascii_lowercase()) {
            Some(l) if l == "ja" || l.starts_with("ja-") => Lang::Ja,
            Some(_) => Lang::En,
            None => Lang::Ja,
        }
    }

    /// The language's own name, shown in the switch so each reader finds theirs.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "English",
            Lang::Easy => "やさしい にほんご",
        }
    }
}

/// A text of the catalog in the three languages; every one must be non-empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub ja: String,
    pub en: String,
    pub easy: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
            Lang::Easy => &self.easy,
        }
    }

    /// The first language whose text is blank, if any.
    pub fn missing(&self) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| self.get(*l).trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_visit_follows_the_browser() {
        let l =
            |v: &[&str]| Lang::from_browser(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["ja-JP", "en"]), Lang::Ja);
        assert_eq!(l(&["en-GB", "ja"]), Lang::En);
        assert_eq!(
            l(&["vi-VN"]),
            Lang::En,
            "no Vietnamese yet: English serves a foreign resident better than Japanese"
        );
        assert_eq!(l(&[]), Lang::Ja);
    }
}
