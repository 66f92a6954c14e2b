//! Terminal layout by display width (cells), not characters: Hangul and
//! other East Asian wide characters take two cells, so columns padded by
//! `chars().count()` drift as soon as a Korean word is in them.

use unicode_width::UnicodeWidthChar;
use unicode_width::UnicodeWidthStr;

/// The cells `s` takes in a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` padded with spaces on the right to `cells` cells (never cut).
pub fn pad(s: &str, cells: usize) -> String {
    let w = width(s);
    format!("{s}{}", " ".repeat(cells.saturating_sub(w)))
}

/// `s` cut to at most `max` cells, ending in `…` when cut; never splits a
/// wide character (a cut that would leave half of one stops before it).
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let room = max.saturating_sub(1);
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_takes_two_cells() {
        assert_eq!(width("모델링"), 6);
        assert_eq!(width("ML 엔지니어"), 11);
        assert_eq!(pad("백엔드", 9), "백엔드   ");
        assert_eq!(width(&pad("프론트엔드", 4)), 10);
    }

    #[test]
    fn cuts_at_a_cell_boundary() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("머신러닝 엔지니어 채용", 8), "머신러…");
        // 7 cells of room before the ellipsis: a fourth syllable would need 8.
        assert_eq!(truncate("머신러닝엔지니어", 8), "머신러…");
        assert!(width(&truncate("머신러닝엔지니어", 9)) <= 9);
        assert_eq!(truncate("abcdefghij", 5), "abcd…");
    }
}
