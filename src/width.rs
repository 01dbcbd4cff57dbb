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
