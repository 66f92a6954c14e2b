//! Postings read from structured data rather than from a page: a job board's
//! public API, or the data a Next.js page carries. The source names the
//! fields (title, company...) and often the kind of each part of the text
//! ("requirements"); what it does not name is found at headings as usual.

use serde::{Deserialize, Serialize};

use super::sections::{Splitter, normalize_heading};
use super::{
    Block, ExtractError, PageFields, Posting, PostingMeta, SectionKind, content, jsonld, markdown,
};
use crate::rules::SectionRules;
use crate::text::clean_inline;

/// A posting as structured data gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Structured {
    #[serde(flatten)]
    pub meta: PostingMeta,
    /// The text, part by part, in the order a reader sees it.
    pub parts: Vec<Part>,
}

/// One part of a posting's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// The kind the source gives this part. Without one, the kind comes from
    /// the heading (by `patterns/sections.toml`), else it is `other`.
    pub kind: Option<SectionKind>,
    /// The label the source shows above the part, if any.
    pub heading: Option<String>,
    /// HTML (also entity-escaped HTML) or plain text.
    pub body: String,
}

impl Part {
    pub fn new(kind: Option<SectionKind>, heading: Option<&str>, body: impl Into<String>) -> Part {
        Part {
            kind,
            heading: heading.map(clean_inline).filter(|h| !h.is_empty()),
            body: body.into(),
        }
    }
}

impl Structured {
    /// Characters of text in all parts, markup included: zero means there is
    /// nothing to read.
    pub fn text_len(&self) -> usize {
        self.parts.iter().map(|p| p.body.trim().len()).sum()
    }
}

/// The blocks of a part's body: HTML when it looks like markup, else lines of text.
pub fn body_blocks(body: &str) -> Result<Vec<Block>, ExtractError> {
    // Greenhouse escapes the markup itself ("&lt;p&gt;").
    let decoded;
    let body = if !body.contains('<') && body.contains("&lt;") {
        decoded = jsonld::decode_entities(body);
        decoded.as_str()
    } else {
        body
    };
    if super::looks_like_html_fragment(body) || body.trim_start().starts_with('<') {
        content::fragment_blocks(body).map_err(|_| ExtractError::TooDeep)
    } else {
        Ok(markdown::blocks(body))
    }
}

/// Reads a posting from structured data: each part starts a section of the
/// kind the source gave it, and headings inside a part start sections of their own.
pub fn posting(data: &Structured, rules: &SectionRules) -> Result<Posting, ExtractError> {
    let mut splitter = Splitter::new(0);
    let mut chars = 0;
    for part in &data.parts {
        let blocks = body_blocks(&part.body)?;
        chars += super::body_chars(&blocks);
        let heading = part.heading.as_deref().map(normalize_heading);
        let kind = part
            .kind
            .or_else(|| heading.as_deref().and_then(|h| rules.kind_of(h)))
            .unwrap_or(SectionKind::Other);
        splitter.start(kind, heading.filter(|h| !h.is_empty()));
        splitter.feed(&blocks, rules);
    }
    if chars == 0 {
        return Err(ExtractError::Empty);
    }
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(clean_inline)
            .filter(|s: &String| !s.is_empty())
    };
    let m = &data.meta;
    let fields = PageFields {
        meta: PostingMeta {
            title: clean(&m.title),
            company: clean(&m.company),
            location: clean(&m.location),
            date_posted: clean(&m.date_posted),
            employment_type: clean(&m.employment_type),
            seniority: clean(&m.seniority),
        },
        blocks: Vec::new(),
    };
    Ok(super::assemble(fields, splitter.finish(rules)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::PatternSet;

    fn rules() -> PatternSet {
        PatternSet::load(crate::rules::builtin_files()).unwrap()
    }

    #[test]
    fn parts_keep_their_kind_and_headings_inside_still_count() {
        let set = rules();
        let data = Structured {
            meta: PostingMeta {
                title: Some("ML Engineer".into()),
                ..PostingMeta::default()
            },
            parts: vec![
                Part::new(
                    None,
                    None,
                    "<p>We rank things.</p><h3>Requirements</h3><ul><li>PyTorch</li></ul>",
                ),
                Part::new(
                    Some(SectionKind::Preferred),
                    Some("Bonus round"),
                    "<li>Triton kernels</li>",
                ),
                Part::new(Some(SectionKind::Benefits), None, "Lunch\nGym"),
            ],
        };
        let p = posting(&data, &set.sections).unwrap();
        let kinds: Vec<(SectionKind, Option<&str>)> = p
            .sections
            .iter()
            .map(|s| (s.kind, s.heading.as_deref()))
            .collect();
        assert_eq!(
            kinds,
            [
                (SectionKind::Other, None),
                (SectionKind::Requirements, Some("Requirements")),
                (SectionKind::Preferred, Some("Bonus round")),
                (SectionKind::Benefits, None),
            ]
        );
        assert_eq!(p.sections[3].lines[1].text, "Gym");
        // Line numbers run on across parts.
        let numbers: Vec<usize> = p
            .sections
            .iter()
            .flat_map(|s| s.lines.iter().map(|l| l.number))
            .collect();
        assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
    }

    #[test]
    fn entity_escaped_html_is_read_as_html() {
        let blocks =
            body_blocks("&lt;h2&gt;What you do&lt;/h2&gt;&lt;p&gt;Train models&lt;/p&gt;").unwrap();
        assert_eq!(blocks[0], Block::heading("What you do"));
        assert_eq!(blocks[1].text, "Train models");
    }

    #[test]
    fn no_text_is_empty() {
        let set = rules();
        let data = Structured {
            parts: vec![Part::new(None, Some("Requirements"), "  ")],
            ..Structured::default()
        };
        assert_eq!(
            posting(&data, &set.sections).unwrap_err(),
            ExtractError::Empty
        );
    }
}
