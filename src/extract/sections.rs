//! Splitting a posting's blocks into sections at headings and naming each
//! section's kind from the heading patterns in `patterns/sections.toml`.

use super::{Block, Line, Section, SectionKind};
use crate::rules::SectionRules;

/// A heading is short; a longer line is body text even when it is bold.
const MAX_HEADING_CHARS: usize = 60;
/// Inline headings ("Requirements: Python, SQL") have a short label.
const MAX_LABEL_CHARS: usize = 30;

/// Decorations that mark a heading line in Korean and plain-text postings.
const HEADING_MARKS: &[char] = &[
    '■', '□', '▣', '◆', '◇', '●', '○', '◎', '▶', '▷', '►', '★', '☆', '◼', '◾', '▪', '#', '*', '=',
    '【', '】', '[', ']', '<', '>', '〈', '〉', '《', '》', '「', '」', '『', '』', '|', '-', '~',
    '✔', '✅', '📌', '💡', '🔥', '✨', '🙌', '👉', '💻', '🎯', '🚀', '📍', '🎁', '🤝', '⭐',
];

/// The text of a heading without its decorations, trailing colon or numbering.
pub fn normalize_heading(text: &str) -> String {
    let t = text
        .trim()
        .trim_matches(|c: char| HEADING_MARKS.contains(&c) || c.is_whitespace());
    let t = t.trim_end_matches([':', '：']).trim();
    let t = t.trim_matches(|c: char| HEADING_MARKS.contains(&c) || c.is_whitespace());
    // "1. 주요업무", "01 What you'll do", "A) Requirements"
    let t = strip_numbering(t);
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_numbering(t: &str) -> &str {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(['.', ')']) {
            return r.trim_start();
        }
        if rest.starts_with(' ') {
            return rest.trim_start();
        }
    }
    t
}

/// Whether a plain line looks like a heading by its form alone: bracketed,
/// led by a heading mark, or short and ending in a colon.
fn looks_like_heading(line: &str) -> bool {
    let t = line.trim();
    let chars = t.chars().count();
    if chars == 0 || chars > MAX_HEADING_CHARS {
        return false;
    }
    let bracketed = (t.starts_with('[') && t.ends_with(']'))
        || (t.starts_with('【') && t.ends_with('】'))
        || (t.starts_with('<') && t.ends_with('>') && !t.contains("</"))
        || (t.starts_with('〈') && t.ends_with('〉'));
    let marked = t.starts_with(['■', '□', '▣', '◆', '◇', '▶', '►', '◼', '◾', '#']);
    let colon = (t.ends_with(':') || t.ends_with('：')) && chars <= 40;
    bracketed || marked || colon
}

/// Splits blocks into sections. Line numbers count every block, blank ones
/// included, from 1, so for text files they are the file's own line numbers
/// (plus `line_offset` for lines taken off the top, such as a title).
pub fn split(blocks: &[Block], rules: &SectionRules, line_offset: usize) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut current = Section {
        kind: SectionKind::Other,
        heading: None,
        lines: Vec::new(),
    };
    let mut number = line_offset;
    for block in blocks {
        for raw in block.text.split('\n') {
            number += 1;
            let text = raw.trim();
            if text.is_empty() {
                continue;
            }
            let chars = text.chars().count();
            let (is_heading, known) = if chars <= MAX_HEADING_CHARS {
                let normal = normalize_heading(text);
                // A line is a heading by its form, or as a short label that
                // names a known kind; only then does its kind matter.
                let by_form =
                    (block.heading && !block.text.contains('\n')) || looks_like_heading(text);
                let as_label =
                    normal.chars().count() <= MAX_LABEL_CHARS && !normal.contains([':', '：']);
                let known = if !normal.is_empty() && (by_form || as_label) {
                    rules.kind_of(&normal)
                } else {
                    None
                };
                let is_heading = !normal.is_empty() && (by_form || (known.is_some() && as_label));
                (is_heading.then_some(normal), known)
            } else {
                (None, None)
            };
            if let Some(normal) = is_heading {
                let kind = known.unwrap_or_else(|| subsection_kind(current.kind));
                push(
                    &mut sections,
                    std::mem::replace(
                        &mut current,
                        Section {
                            kind,
                            heading: Some(normal),
                            lines: Vec::new(),
                        },
                    ),
                );
                continue;
            }
            if let Some((kind, label, rest)) = inline_heading(text, rules) {
                push(
                    &mut sections,
                    std::mem::replace(
                        &mut current,
                        Section {
                            kind,
                            heading: Some(label),
                            lines: Vec::new(),
                        },
                    ),
                );
                current.lines.push(Line {
                    number,
                    text: rest.to_string(),
                });
                continue;
            }
            current.lines.push(Line {
                number,
                text: text.to_string(),
            });
        }
    }
    push(&mut sections, current);
    sections
}

/// The kind of a section under a heading no pattern names. Inside the job's
/// own sections it is a sub-heading ("[AWS 데이터 파이프라인 구축]" under
/// 주요업무) and keeps the kind; elsewhere it starts an untyped section.
fn subsection_kind(current: SectionKind) -> SectionKind {
    match current {
        SectionKind::Responsibilities | SectionKind::Requirements | SectionKind::Preferred => {
            current
        }
        _ => SectionKind::Other,
    }
}

/// "Requirements: 3+ years of Python" starts a requirements section whose first
/// line is the rest. Only known heading labels count, so "Location: Seoul" does not.
fn inline_heading<'a>(
    text: &'a str,
    rules: &SectionRules,
) -> Option<(SectionKind, String, &'a str)> {
    let (label, rest) = text.split_once([':', '：'])?;
    let rest = rest.trim();
    if rest.is_empty() || label.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    let label = normalize_heading(label);
    let kind = rules.kind_of(&label)?;
    Some((kind, label, rest))
}

/// Keeps a section unless it is an empty untitled one.
fn push(sections: &mut Vec<Section>, section: Section) {
    if section.heading.is_none() && section.lines.is_empty() {
        return;
    }
    sections.push(section);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_decorated_headings() {
        assert_eq!(normalize_heading("■ 주요업무"), "주요업무");
        assert_eq!(normalize_heading("[자격요건]"), "자격요건");
        assert_eq!(normalize_heading("Requirements:"), "Requirements");
        assert_eq!(normalize_heading("1. 우대사항"), "우대사항");
        assert_eq!(normalize_heading("【 혜택 및 복지 】"), "혜택 및 복지");
    }

    #[test]
    fn form_alone_makes_a_heading() {
        assert!(looks_like_heading("[Who we are]"));
        assert!(looks_like_heading("Tech stack:"));
        assert!(!looks_like_heading(
            "We build models: big ones, small ones, and everything in between."
        ));
    }
}
