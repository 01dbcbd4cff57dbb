//! Width normalisation shared by every check of what is typed: a phone keyboard gives
//! full-width digits and IME dashes as often as ASCII.

/// Full-width ASCII (digits, letters, punctuation) to half-width; the ideographic space
/// to a plain one; dashes, including the long-vowel mark an IME gives for "-" after
/// digits, to "-". Everything else is kept. Kana fields do not use it.
pub fn to_half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '‐' | '‑' | '–' | '—' | '−' | 'ｰ' | 'ー' => '-',
            _ => c,
        })
        .collect()
}

/// Half-width katakana (ｱ, ｶﾞ, ﾊﾟ: old systems and some keyboards) to full-width, voiced
/// marks joined to their letter. Everything else is kept.
pub fn full_width_kana(s: &str) -> String {
    const PLAIN: &str = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        let code = c as u32;
        if !(0xFF61..=0xFF9F).contains(&code) {
            out.push(c);
            continue;
        }
        let full = PLAIN.chars().nth((code - 0xFF61) as usize).unwrap_or(c);
        let joined = match (out.last().copied(), full) {
            (Some('ウ'), '゛') => Some('ヴ'),
            (Some(p @ ('カ'..='ト' | 'ハ'..='ホ')), '゛') => char::from_u32(p as u32 + 1),
            (Some(p @ 'ハ'..='ホ'), '゜') => char::from_u32(p as u32 + 2),
            _ => None,
        };
        match joined {
            Some(j) => *out.last_mut().expect("a letter before the mark") = j,
            None => out.push(full),
        }
    }
    out.into_iter().collect()
}
