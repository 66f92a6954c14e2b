//! Small text helpers shared by the stages: whitespace folding, making
//! untrusted text safe to print, and numbers rounded as outputs show them.

/// Folds runs of whitespace (including non-breaking spaces) into one space and
/// drops control characters, terminal escape sequences whole.
pub fn clean_inline(s: &str) -> String {
    let s = strip_escapes(s);
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        if ch.is_whitespace() || ch == '\u{a0}' || ch == '\u{200b}' || ch == '\u{feff}' {
            space = !out.is_empty();
        } else if ch.is_control() || is_bidi_override(ch) {
            continue;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(ch);
        }
    }
    out
}

/// Characters that only hide inside words: zero-width space, non-joiner and
/// joiner, word joiner, soft hyphen, byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{00ad}' | '\u{feff}'
    )
}

/// `x` rounded to two decimals, as probabilities and scores are shown.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `parts` rounded to two decimals so that they add up to their sum rounded
/// to two decimals (largest remainder): a total shown beside its parts is
/// their sum as shown. Returns the rounded sum and the parts.
pub fn round2_adding_up<const N: usize>(parts: [f64; N]) -> (f64, [f64; N]) {
    let cents = parts.map(|p| p * 100.0);
    let mut rounded = cents.map(f64::round);
    let total = cents.iter().sum::<f64>().round();
    let mut off = total - rounded.iter().sum::<f64>();
    // Each step moves the part whose rounding went furthest the other way.
    while off.abs() >= 0.5 && N > 0 {
        let step = off.signum();
        let i = (0..N)
            .max_by(|&a, &b| {
                let gap = |i: usize| (cents[i] - rounded[i]) * step;
                gap(a).total_cmp(&gap(b))
            })
            .expect("N > 0");
        rounded[i] += step;
        off -= step;
    }
    (total / 100.0, rounded.map(|c| c / 100.0))
}

/// Whether `s` has a character one can see: not white space, not a control
/// character, not an invisible one ([`is_invisible`]).
pub fn has_visible(s: &str) -> bool {
    s.chars()
        .any(|c| !c.is_whitespace() && !c.is_control() && !is_invisible(c))
}

/// Text as patterns read it: compatibility forms folded by NFKC (fullwidth
/// `ＰｙＴｏｒｃｈ` and `［자격요건］` become ASCII, decomposed Hangul jamo
/// compose into syllables) and invisible characters removed. ASCII text, and
/// text already in that form, is returned as it is, without copying.
pub fn normalize(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    // The Korean middle dot "ㆍ" is a compatibility letter: NFKC makes it
    // the vowel U+119E, which composes with nothing around it, so a line
    // that is otherwise stable needs only that replaced.
    let mut araea = false;
    if s.chars().all(|c| {
        stable(c) || {
            araea |= c == ARAEA;
            c == ARAEA
        }
    }) {
        return match araea {
            true => std::borrow::Cow::Owned(s.replace(ARAEA, "\u{119e}")),
            false => std::borrow::Cow::Borrowed(s),
        };
    }
    let invisible = s.chars().any(is_invisible);
    if !invisible && is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().filter(|&c| !is_invisible(c)).nfkc().collect())
}

/// HANGUL LETTER ARAEA, written as a middle dot ("AIㆍML").
const ARAEA: char = '\u{318d}';

/// Characters NFKC leaves as they are and that are not invisible, checked
/// without a table: ASCII, Hangul syllables, and the common punctuation of
/// postings (bullets, dashes, quotes). Most lines are made of nothing else.
fn stable(c: char) -> bool {
    c.is_ascii()
        || ('\u{ac00}'..='\u{d7a3}').contains(&c)
        || matches!(
            c,
            '·' | '•'
                | '–'
                | '—'
                | '‘'
                | '’'
                | '“'
                | '”'
                | '※'
                | '○'
                | '●'
                | '■'
                | '□'
                | '▪'
                | '►'
                | '▶'
                | '★'
                | '☆'
                | '→'
        )
}

/// Bidirectional embeddings, overrides and isolates, which can make text
/// show in another order than it is.
fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Removes terminal escape sequences (CSI `ESC [ ... final`, OSC `ESC ] ...
/// BEL` or `ESC ] ... ESC \\`, and two-byte `ESC x`) with their bodies.
fn strip_escapes(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\u{1b}') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch != '\u{1b}' {
            out.push(ch);
            continue;
        }
        match chars.peek() {
            Some('[') => {
                chars.next();
                for c in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                chars.next();
                while let Some(c) = chars.next() {
                    if c == '\u{7}' {
                        break;
                    }
                    if c == '\u{1b}' && chars.peek() == Some(&'\\') {
                        chars.next();
                        break;
                    }
                }
            }
            Some(_) => {
                chars.next();
            }
            None => {}
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Text from the web made safe for a terminal: escape sequences and other
/// control characters are removed (tabs and newlines become spaces), as are
/// bidirectional overrides that could disguise what is shown.
pub fn sanitize(s: &str) -> String {
    strip_escapes(s)
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c if is_bidi_override(c) => None,
            c => Some(c),
        })
        .collect()
}

/// The characters of `s`, counted only up to `n`: `min(s.chars().count(), n)`.
/// A limit check need not count a long line: a string of `4n` bytes or more
/// has at least `n` characters.
pub fn count_chars_to(s: &str, n: usize) -> usize {
    if s.len() >= 4 * n {
        n
    } else {
        s.chars().count().min(n)
    }
}

/// Whether `s` has more than `n` characters, counting no further than needed.
pub fn more_chars_than(s: &str, n: usize) -> bool {
    count_chars_to(s, n + 1) > n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_parts_add_up_to_the_rounded_total() {
        // Rounded one by one: -2.97 + 1.79 - 0.69 - 1.28 + 3.86 = 0.71,
        // while the total rounds to 0.70.
        let parts = [-2.974, 1.794, -0.694, -1.284, 3.856];
        let (total, shown) = round2_adding_up(parts);
        assert_eq!(total, 0.70);
        let sum: f64 = shown.iter().sum();
        assert!((sum - total).abs() < 1e-9, "{shown:?}");
        // Each part moved at most one hundredth from its own rounding.
        for (p, s) in parts.iter().zip(shown) {
            assert!((p - s).abs() <= 0.01 + 1e-9, "{p} -> {s}");
        }
        assert_eq!(round2_adding_up([1.234, 2.345]), (3.58, [1.23, 2.35]));
        assert_eq!(round2_adding_up::<0>([]), (0.0, []));
    }

    #[test]
    fn folds_whitespace() {
        assert_eq!(clean_inline("  a \n\t b\u{a0}c  "), "a b c");
        assert_eq!(
            clean_inline("ML \u{1b}]0;pwned\u{7} \u{1b}[31mEngineer"),
            "ML Engineer"
        );
        assert_eq!(clean_inline("ML\u{202e} Engineer\u{9b}"), "ML Engineer");
    }

    /// The middle-dot shortcut gives what NFKC gives, next to syllables,
    /// ASCII, compatibility jamo that do compose, and invisible characters.
    #[test]
    fn the_korean_middle_dot_normalizes_as_nfkc_does() {
        use unicode_normalization::UnicodeNormalization;
        for s in [
            "AIㆍML 모델ㆍ서빙",
            "기획ㆍ개발ㆍ운영 (3년 이상)",
            "ㆍ데이터 파이프라인",
            "ㄱㆍㅏ 자모",
            "머신\u{200b}러닝ㆍ딥러닝",
            "ＰｙＴｏｒｃｈㆍTensorFlow",
        ] {
            let want: String = s.chars().filter(|&c| !is_invisible(c)).nfkc().collect();
            assert_eq!(normalize(s), want, "{s:?}");
        }
        assert!(matches!(
            normalize("모델 서빙 · 운영"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn normalizes_fullwidth_decomposed_and_invisible_characters() {
        // Fullwidth Latin and brackets fold to ASCII.
        assert_eq!(normalize("ＰｙＴｏｒｃｈ"), "PyTorch");
        assert_eq!(normalize("［자격요건］"), "[자격요건]");
        // Korean in NFD (decomposed jamo) composes into syllables.
        let nfd =
            "\u{1106}\u{1169}\u{1103}\u{1166}\u{11af} \u{1100}\u{1162}\u{1107}\u{1161}\u{11af}";
        assert_eq!(normalize(nfd), "모델 개발");
        // Zero-width spaces, word joiners and soft hyphens inside words go.
        assert_eq!(
            normalize("Py\u{200b}Torch fine\u{00ad}tuning ML\u{2060}Ops"),
            "PyTorch finetuning MLOps"
        );
        assert_eq!(normalize("딥\u{200b}러닝"), "딥러닝");
        // Text already normal is not copied.
        assert!(matches!(
            normalize("plain ASCII"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(
            normalize("모델 개발"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn the_fast_path_only_passes_characters_nfkc_keeps() {
        use unicode_normalization::UnicodeNormalization;
        let every = (0u32..0x3_0000)
            .filter_map(char::from_u32)
            .filter(|&c| stable(c));
        for c in every {
            let s = c.to_string();
            assert_eq!(s.nfkc().collect::<String>(), s, "U+{:04X}", c as u32);
            assert!(!is_invisible(c));
        }
    }

    #[test]
    fn counting_up_to_a_limit_counts_exactly_below_it() {
        let texts = [
            "",
            "a",
            "abc",
            "모델",
            "모델 서빙 파이프라인",
            "😀😀x",
            &"가".repeat(40),
        ];
        for t in texts {
            for n in 0..=45 {
                let count = t.chars().count();
                assert_eq!(count_chars_to(t, n), count.min(n), "{t:?} {n}");
                assert_eq!(more_chars_than(t, n), count > n, "{t:?} {n}");
            }
        }
    }

    #[test]
    fn strips_escape_sequences() {
        assert_eq!(sanitize("ML \u{1b}[31mEngineer\u{1b}[0m"), "ML Engineer");
        assert_eq!(sanitize("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(sanitize("a\u{7}b\u{202e}c"), "abc");
    }
}
