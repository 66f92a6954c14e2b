//! Making posting text safe in HTML: every field from a posting goes through
//! [`esc`], and only http and https addresses become links.

use std::fmt::Write;

use crate::text::clean_inline;

/// Text safe in HTML element content and in a quoted attribute value.
/// Control characters and terminal escape sequences are dropped and runs of
/// whitespace folded, as for a terminal.
pub fn esc(s: &str) -> String {
    escape_only(&clean_inline(s))
}

/// Text already cleaned of control characters, escaped; spaces are kept as
/// they are (for the pieces of a line around a highlighted phrase).
pub fn escape_only(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The escaped value of an `href` for `url`, or None when it is not an
/// http or https address (`javascript:`, `data:`, a file path, a row number).
pub fn href(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.split_once("://").map(|(s, _)| s)?;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (web && clean && url.len() > scheme.len() + 3).then(|| esc(url))
}

/// `s` cut to at most `max` cells (Hangul and CJK take two), ending in `…`
/// when cut.
pub fn truncate(s: &str, max: usize) -> String {
    let s = clean_inline(s);
    if s.chars().map(cells).sum::<usize>() <= max {
        return s;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        used += cells(c);
        if used + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// The width of a character in a chart label: two for East Asian wide ones.
fn cells(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 => 2,
        _ => 1,
    }
}

/// A number for an attribute or SVG coordinate: at most one decimal, no `-0`.
pub fn num(x: f64) -> String {
    let mut s = String::new();
    let r = (x * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let _ = write!(s, "{r}");
    s
}

/// Escaped text with its `*words*` in `<i>` (for messages that name a
/// control on the page).
pub(super) fn italics(escaped: &str) -> String {
    let mut out = String::new();
    for (i, part) in escaped.split('*').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<i>{part}</i>");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Escaped text with its `` `code` `` spans as `<code>` (for messages that
/// name flags).
pub(super) fn code_spans(escaped: &str) -> String {
    let mut out = String::new();
    for (i, part) in escaped.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_ampersands() {
        assert_eq!(
            esc(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(esc("a\" onmouseover=\"x"), "a&quot; onmouseover=&quot;x");
        assert_eq!(esc("</style><style>"), "&lt;/style&gt;&lt;style&gt;");
    }

    #[test]
    fn drops_control_characters_and_escape_sequences() {
        assert_eq!(esc("a\u{1b}[31mred\u{1b}[0m\u{0}b\nc"), "aredb c");
    }

    #[test]
    fn only_http_and_https_become_links() {
        assert_eq!(
            href("https://jobs.example/42?a=1&b=2").as_deref(),
            Some("https://jobs.example/42?a=1&amp;b=2")
        );
        assert_eq!(
            href(" HTTP://x.example ").as_deref(),
            Some("HTTP://x.example")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript://%0aalert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "samples/a.md",
            "row 3",
            "https://",
            "https://x.example/a b",
            "https://x.example/\u{0}",
        ] {
            assert_eq!(href(bad), None, "{bad}");
        }
        assert_eq!(
            href(r#"https://x.example/"onmouseover="alert(1)"#).as_deref(),
            Some("https://x.example/&quot;onmouseover=&quot;alert(1)")
        );
    }

    #[test]
    fn truncates_by_characters() {
        assert_eq!(truncate("머신러닝 엔지니어", 7), "머신러…");
        assert_eq!(truncate("machine learning", 8), "machine…");
        assert_eq!(truncate("short", 5), "short");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(100.0), "100");
    }

    #[test]
    fn catalogue_marks_become_markup_after_escaping() {
        assert_eq!(
            italics(&esc("open *Why* <now>")),
            "open <i>Why</i> &lt;now&gt;"
        );
        assert_eq!(
            code_spans(&esc("add `--profile FILE` or `--strengths \"a\"`")),
            "add <code>--profile FILE</code> or <code>--strengths &quot;a&quot;</code>"
        );
    }
}
