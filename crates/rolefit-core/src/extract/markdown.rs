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
                LIST_MARK.replace(trimmed, "")
            } else {
                trimmed.into()
            };
            let body = body.trim_start_matches('>').trim();
            out.push(Block::text(inline(body)));
        }
    }
    out
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
