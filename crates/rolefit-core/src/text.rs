//! Small text helpers shared by the stages: whitespace folding and making
//! untrusted text safe to print.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_whitespace() {
        assert_eq!(clean_inline("  a \n\t b\u{a0}c  "), "a b c");
        assert_eq!(
            clean_inline("ML \u{1b}]0;pwned\u{7} \u{1b}[31mEngineer"),
            "ML Engineer"
        );
        assert_eq!(clean_inline("ML\u{202e} Engineer\u{9b}"), "ML Engineer");
    }

    #[test]
    fn strips_escape_sequences() {
        assert_eq!(sanitize("ML \u{1b}[31mEngineer\u{1b}[0m"), "ML Engineer");
        assert_eq!(sanitize("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(sanitize("a\u{7}b\u{202e}c"), "abc");
    }
}
