//! Markdown to blocks: headings stay headings, list markers and inline markup go.

use std::sync::LazyLock;

use regex::Regex;

use super::Block;

static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").expect("valid regex"));
static EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\*\*|__|\*|`)").expect("valid regex"));
static LIST_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+").expect("valid regex"));
static BOLD_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\*\*|__)([^*_]{1,80})(?:\*\*|__)\s*:?\s*$").expect("valid regex")
});

/// One block per line of the source, so line numbers stay those of the file.
/// Blank lines become empty blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            out.push(Block::text(""));
            continue;
        }
        if in_fence {
            out.push(Block::text(trimmed));
            continue;
        }
        if let Some(rest) = heading_text(trimmed) {
            out.push(Block::heading(inline(rest)));
        } else if let Some(c) = (trimmed.starts_with("**") || trimmed.starts_with("__"))
            .then(|| BOLD_ONLY.captures(trimmed))
            .flatten()
        {
            out.push(Block::heading(c[1].trim()));
        } else if is_rule(trimmed) {
            out.push(Block::text(""));
        } else {
            // The regexes run only on lines that hold what they look for.
            let marked = trimmed.starts_with(['-', '*', '+'])
                || trimmed.starts_with(|c: char| c.is_ascii_digit());
            let body = if marked {
                without_list_mark(trimmed)
            } else {
                trimmed
            };
            let body = body.trim_start_matches('>').trim();
            out.push(Block::text(inline(body)));
        }
    }
    out
}

/// A list item's text without its mark (`- `, `* `, `+ `, `1. `, `12) `): what
/// [`LIST_MARK`] leaves, found by hand where the mark is ASCII (the regex's
/// set-up cost more than the rest of the line's reading, on every bullet).
fn without_list_mark(line: &str) -> &str {
    let b = line.as_bytes();
    let mark = match b.first() {
        Some(b'-' | b'*' | b'+') => 1,
        Some(c) if c.is_ascii_digit() => {
            let digits = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
            match b.get(digits) {
                Some(b'.' | b')') => digits + 1,
                // `\d` is any decimal digit: others go to the regex.
                Some(c) if !c.is_ascii() => return regex_without_list_mark(line),
                _ => return line,
            }
        }
        Some(c) if !c.is_ascii() => return regex_without_list_mark(line),
        _ => return line,
    };
    let rest = &line[mark..];
    let after = rest.trim_start();
    if after.len() == rest.len() {
        line
    } else {
        after
    }
}

/// [`LIST_MARK`] (anchored at the start) stripped off `line`.
fn regex_without_list_mark(line: &str) -> &str {
    LIST_MARK.find(line).map_or(line, |m| &line[m.end()..])
}

/// The text of an ATX heading (`## Title`), if the line is one.
fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
        Some(line[hashes..].trim().trim_end_matches('#').trim())
    } else {
        None
    }
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3 && line.chars().all(|c| matches!(c, '-' | '*' | '_' | ' '))
}

/// Strips links to their text and removes emphasis and code marks; table rows
/// become cells separated by " | ".
fn inline(text: &str) -> String {
    let text = if text.contains('[') {
        LINK.replace_all(text, "$1")
    } else {
        text.into()
    };
    // A byte search: a search for any of several characters decodes each.
    let text = if text.bytes().any(|b| matches!(b, b'*' | b'_' | b'`')) {
        EMPHASIS.replace_all(&text, "")
    } else {
        text
    };
    let text = text.trim();
    if text.starts_with('|') && text.ends_with('|') {
        if text.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            return String::new();
        }
        let cells: Vec<&str> = text.trim_matches('|').split('|').map(str::trim).collect();
        return cells.join(" | ");
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_and_links() {
        let md = "# ML Engineer\n\n## What you'll do\n- Train **ranking** models\n\
                  1. Ship [them](https://x.example)\n**Nice to have**\n";
        let b = blocks(md);
        assert_eq!(b[0], Block::heading("ML Engineer"));
        assert_eq!(b[1], Block::text(""));
        assert_eq!(b[2], Block::heading("What you'll do"));
        assert_eq!(b[3], Block::text("Train ranking models"));
        assert_eq!(b[4], Block::text("Ship them"));
        assert_eq!(b[5], Block::heading("Nice to have"));
    }

    #[test]
    fn list_marks_are_stripped_as_the_regex_strips_them() {
        let lines = [
            "- Train models",
            "-Train",
            "* 모델 학습",
            "+\u{3000}서빙",
            "+",
            "1. Ship",
            "12) 배포",
            "123. x",
            "1234. x",
            "12.5 x",
            "3.",
            "4) ",
            "7 days",
            "1١. Arabic-Indic digit",
            "1１) fullwidth",
            "１. fullwidth first",
            "--- rule",
            "-\tTab",
            "1.\u{a0}nbsp",
            "2)x",
        ];
        for line in lines {
            let want = LIST_MARK.replace(line, "");
            assert_eq!(without_list_mark(line), want, "{line:?}");
        }
    }

    #[test]
    fn hashtag_without_space_is_text() {
        assert_eq!(blocks("#hiring now"), vec![Block::text("#hiring now")]);
    }

    #[test]
    fn tables_become_cells() {
        let b = blocks("| a | b |\n|---|---|\n| 1 | 2 |");
        assert_eq!(b[0].text, "a | b");
        assert_eq!(b[1].text, "");
        assert_eq!(b[2].text, "1 | 2");
    }
}
