//! Extraction: from the bytes of a source to a [`Posting`] with typed sections.
//!
//! HTML goes through JSON-LD first ([`jsonld`]), then main-content extraction
//! ([`content`]); plain text and Markdown become [`Block`]s directly. Every path
//! ends in [`sections::split`], which groups blocks under headings and gives each
//! section a [`SectionKind`].

pub mod content;
pub mod html;
pub mod jsonld;
pub mod lang;
pub mod markdown;
pub mod next_data;
pub mod sections;
pub mod sites;
pub mod structured;

pub use crate::model::{Lang, Line, Posting, PostingMeta, Section, SectionKind};

/// A piece of text as it stood on the page: a paragraph, a list item, a line,
/// or a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    /// True for `<h1>`..`<h6>`, bold-only paragraphs, and markdown `#` lines.
    pub heading: bool,
}

impl Block {
    pub fn text(text: impl Into<String>) -> Block {
        Block {
            text: text.into(),
            heading: false,
        }
    }

    pub fn heading(text: impl Into<String>) -> Block {
        Block {
            text: text.into(),
            heading: true,
        }
    }
}

/// What the HTML-specific extractors find in a page, before sections are split.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFields {
    pub meta: PostingMeta,
    pub blocks: Vec<Block>,
}

/// How a source's text is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Text,
}

impl Format {
    /// Guesses the format from a file name, falling back to sniffing the text.
    pub fn guess(name: Option<&str>, text: &str) -> Format {
        let ext = name
            .and_then(|n| n.rsplit_once('.'))
            .map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => Format::Html,
            // A page saved with the wrong name is still a page.
            Some("md" | "markdown" | "txt") if is_html_document(text) => Format::Html,
            Some("md" | "markdown") => Format::Markdown,
            Some("txt") => Format::Text,
            _ => Format::sniff(text),
        }
    }

    /// HTML when the text starts like a document; plain text otherwise.
    pub fn sniff(text: &str) -> Format {
        let head: String = text
            .trim_start()
            .chars()
            .take(256)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with("<!doctype html")
            || head.starts_with("<html")
            || head.starts_with("<?xml")
            || (head.starts_with('<')
                && (head.contains("<body") || head.contains("<head") || head.contains("<div")))
        {
            Format::Html
        } else if looks_like_markdown(text) {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// Whether the text opens as a whole HTML document (`<!DOCTYPE html>`,
/// `<html>`, after any BOM, spaces or comments), not merely with a tag.
fn is_html_document(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    while let Some(after) = rest.strip_prefix("<!--") {
        match after.find("-->") {
            Some(end) => rest = after[end + 3..].trim_start(),
            None => return false,
        }
    }
    let head: String = rest
        .chars()
        .take(14)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Markdown when ATX headings (`# Title`, `## Requirements`) lead lines.
fn looks_like_markdown(text: &str) -> bool {
    let headings = text
        .lines()
        .take(200)
        .filter(|l| {
            let hashes = l.bytes().take_while(|&b| b == b'#').count();
            (1..=6).contains(&hashes) && l[hashes..].starts_with(' ')
        })
        .count();
    headings >= 2
}

/// Why no posting could be read from a source.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("no posting text found (the page is empty or only scripts; it may need JavaScript)")]
    Empty,
    /// A text or Markdown source (a file, standard input) with no text.
    #[error("no posting text: the input is empty")]
    EmptyText,
    #[error("no posting text found: the page asks to sign in (a login wall)")]
    LoginWall,
    /// A row (CSV, JSON Lines, a board's API) whose description is empty.
    #[error("no posting text: the description is empty")]
    EmptyRow,
    #[error(
        "the page nests elements more than {} levels deep; rolefit does not read pages built like that",
        html::MAX_DEPTH
    )]
    TooDeep,
    /// A saved page of a site that frames the posting's text (Saramin, JobKorea).
    #[error("a saved {site} page without its posting text (the site loads it in a frame the saved page lacks); {}", .url.as_ref().map_or("analyze the posting's URL instead".to_string(), |u| format!("analyze {u} instead")))]
    Framed {
        site: &'static str,
        url: Option<String>,
    },
}

/// Below this many characters of body text a page has no posting to read:
/// it is a JavaScript shell or an error page. Text that has no page behind
/// it (a text or Markdown file, standard input, a row's description) is
/// read however short, and the classifier is as much less sure as it is
/// shorter than this.
pub const MIN_TEXT_CHARS: usize = 60;

/// Reads a posting from the text of a source.
pub fn extract(
    text: &str,
    format: Format,
    rules: &crate::rules::SectionRules,
) -> Result<Posting, ExtractError> {
    let fields = match format {
        Format::Html => {
            let doc = html::parse_document(text).map_err(|_| ExtractError::TooDeep)?;
            let fields = match sites::page(&doc) {
                Some(site) => (site?, 0),
                None => from_html(&doc),
            };
            // A JavaScript shell shows nothing; a Next.js one still carries
            // the page's data in `__NEXT_DATA__`.
            if !has_body_chars(&fields.0.blocks, MIN_TEXT_CHARS)
                && let Some(data) = next_data::posting(&doc)
            {
                return structured::posting(&data, rules);
            }
            fields
        }
        Format::Markdown => {
            let fields = with_leading_title(markdown::blocks(text), true);
            return short_text(fields, rules, ExtractError::EmptyText);
        }
        Format::Text => {
            let fields = with_leading_title(text_blocks(text), false);
            return short_text(fields, rules, ExtractError::EmptyText);
        }
    };
    build(fields, rules)
}

/// A posting from text that has no page behind it (a text or Markdown file,
/// standard input, a row's description): it is what it is, however short.
/// A few words still say something (with little evidence, the classifier is
/// unsure), and no JavaScript would have filled it. No text at all is
/// `empty`.
fn short_text(
    (fields, offset): (PageFields, usize),
    rules: &crate::rules::SectionRules,
    empty: ExtractError,
) -> Result<Posting, ExtractError> {
    if !fields
        .blocks
        .iter()
        .any(|b| crate::text::has_visible(&b.text))
    {
        return Err(empty);
    }
    if !has_body_chars(&fields.blocks, MIN_TEXT_CHARS) && is_login_wall(&fields.blocks, rules) {
        return Err(ExtractError::LoginWall);
    }
    let sections = sections::split(&fields.blocks, rules, offset);
    Ok(assemble(fields, sections))
}

/// Reads a posting whose fields come from elsewhere (a CSV row, a board's
/// API) and whose body is plain text, Markdown-ish text or an HTML fragment.
/// Without a title, the body's first line is taken as one, as for text files;
/// with one, a first line that repeats it is dropped so the title is not
/// counted twice.
pub fn from_row(
    title: Option<&str>,
    company: Option<&str>,
    location: Option<&str>,
    body: &str,
    rules: &crate::rules::SectionRules,
) -> Result<Posting, ExtractError> {
    let blocks = if looks_like_html_fragment(body) {
        content::fragment_blocks(body).map_err(|_| ExtractError::TooDeep)?
    } else {
        markdown::blocks(body)
    };
    let (mut fields, offset) = match title {
        Some(t) => {
            let mut blocks = blocks;
            let mut offset = 0;
            // The first line of text, dropped only when more text follows.
            let mut text = (0..blocks.len()).filter(|&i| !blocks[i].text.trim().is_empty());
            if let (Some(i), Some(_)) = (text.next(), text.next())
                && repeats_title(&blocks[i].text, t)
            {
                blocks.drain(..=i);
                offset = i + 1;
            }
            let title = Some(crate::text::clean_inline(t));
            (
                PageFields {
                    meta: PostingMeta {
                        title,
                        ..PostingMeta::default()
                    },
                    blocks,
                },
                offset,
            )
        }
        None => with_leading_title(blocks, false),
    };
    if let Some(c) = company {
        fields.meta.company = Some(crate::text::clean_inline(c));
    }
    if let Some(l) = location {
        fields.meta.location = Some(crate::text::clean_inline(l));
    }
    short_text((fields, offset), rules, ExtractError::EmptyRow)
}

/// Whether a row's first line only repeats its title ("Senior ML Engineer -
/// Acme", "[코드잇] 백엔드 개발자 채용") rather than starting its text: the
/// title as whole words, in a line not much longer and not a sentence.
/// ("Train PyTorch models as our ML Engineer." starts the text; so does
/// "Train ..." under the title "T".)
fn repeats_title(line: &str, title: &str) -> bool {
    let line = line.trim().to_lowercase();
    let title = title.trim().to_lowercase();
    if title.is_empty() || line.chars().count() > title.chars().count() + 40 {
        return false;
    }
    if line != title && line.ends_with(['.', '!', '?', '。']) {
        return false;
    }
    line.match_indices(&title).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + title.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Text from a spreadsheet cell or an API that is HTML markup rather than prose.
fn looks_like_html_fragment(text: &str) -> bool {
    let head = &text[..text.floor_char_boundary(4096)];
    // Every mark below holds `<` or `&`: text with neither (most rows of a
    // batch) is not lower-cased and searched seven times.
    if !head.contains('<') && !head.contains('&') {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    [
        "</p>",
        "</li>",
        "<br",
        "</div>",
        "</h2>",
        "</h3>",
        "&lt;p&gt;",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

fn text_blocks(text: &str) -> Vec<Block> {
    text.lines().map(Block::text).collect()
}

/// A JSON-LD description shorter than this many characters may be a stub
/// ("See below", "Apply now"): the page's own text is read when it has more.
const STUB_DESCRIPTION_CHARS: usize = 200;

fn from_html(doc: &scraper::Html) -> (PageFields, usize) {
    let mut fields = match jsonld::job_posting(doc) {
        Some(ld) if body_chars(&ld.blocks) < STUB_DESCRIPTION_CHARS => {
            let page = content::main_content(doc);
            if body_chars(&page.blocks) > body_chars(&ld.blocks) {
                // The JSON-LD's fields (title, company...) still come first.
                let mut meta = ld.meta;
                let from_page = page.meta;
                meta.title = meta.title.or(from_page.title);
                meta.company = meta.company.or(from_page.company);
                meta.location = meta.location.or(from_page.location);
                meta.date_posted = meta.date_posted.or(from_page.date_posted);
                meta.employment_type = meta.employment_type.or(from_page.employment_type);
                PageFields {
                    meta,
                    blocks: page.blocks,
                }
            } else {
                ld
            }
        }
        Some(ld) => ld,
        None => content::main_content(doc),
    };
    if fields.meta.title.is_none() {
        fields.meta.title =
            content::meta(doc, "og:title").or_else(|| content::first_text(doc, "h1"));
    }
    if fields.meta.company.is_none() {
        fields.meta.company = content::meta(doc, "og:site_name");
    }
    (fields, 0)
}

/// Plain text and Markdown: the first line is the title when it is short;
/// a short second line right before a blank one is the company ("Title\nCompany\n\n").
fn with_leading_title(mut blocks: Vec<Block>, markdown: bool) -> (PageFields, usize) {
    let mut fields = PageFields::default();
    let lead = blocks
        .iter()
        .take_while(|b| b.text.trim().is_empty())
        .count();
    let mut taken = lead;
    if let Some(first) = blocks.get(lead) {
        let t = first.text.trim();
        // A lone line is the posting itself, not its title.
        let more_follows = blocks[lead + 1..].iter().any(|b| !b.text.trim().is_empty());
        if t.chars().count() <= 150 && (!markdown || first.heading) && more_follows {
            fields.meta.title = Some(crate::text::clean_inline(t));
            taken += 1;
            if let (Some(second), Some(third)) = (blocks.get(taken), blocks.get(taken + 1)) {
                let s = second.text.trim();
                if !s.is_empty()
                    && s.chars().count() <= 60
                    && !second.heading
                    && third.text.trim().is_empty()
                    && !s.contains(':')
                    && !s.ends_with('.')
                {
                    fields.meta.company = Some(crate::text::clean_inline(s));
                    taken += 1;
                }
            }
        }
    }
    blocks.drain(..taken);
    fields.blocks = blocks;
    (fields, taken)
}

/// Characters of body text, spacing around blocks not counted.
fn body_chars(blocks: &[Block]) -> usize {
    blocks.iter().map(|b| b.text.trim().chars().count()).sum()
}

/// Whether the body text has at least `n` characters ([`body_chars`] `>= n`),
/// counting only as far as it needs to: asked of every row of a batch.
fn has_body_chars(blocks: &[Block], n: usize) -> bool {
    // Until `any` stops, `chars` is below `n`.
    let mut chars = 0;
    n == 0
        || blocks.iter().any(|b| {
            chars += crate::text::count_chars_to(b.text.trim(), n - chars);
            chars >= n
        })
}

fn build(
    (fields, offset): (PageFields, usize),
    rules: &crate::rules::SectionRules,
) -> Result<Posting, ExtractError> {
    if !has_body_chars(&fields.blocks, MIN_TEXT_CHARS) {
        if is_login_wall(&fields.blocks, rules) {
            return Err(ExtractError::LoginWall);
        }
        return Err(ExtractError::Empty);
    }
    let sections = sections::split(&fields.blocks, rules, offset);
    Ok(assemble(fields, sections))
}

/// Whether short text is a sign-in prompt rather than a posting.
fn is_login_wall(blocks: &[Block], rules: &crate::rules::SectionRules) -> bool {
    let all: String = blocks
        .iter()
        .map(|b| b.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    rules.login_wall.iter().any(|w| all.contains(w.as_str()))
}

/// A posting from its fields and its sections: fields the page lacked are
/// filled from "Company: X" lines, empty sections dropped, the language detected.
fn assemble(fields: PageFields, mut sections: Vec<Section>) -> Posting {
    let mut posting = Posting {
        meta: fields.meta,
        lang: Lang::En,
        sections: Vec::new(),
    };
    fill_from_key_values(&mut posting, &sections);
    sections.retain(|s| !s.lines.is_empty() || s.heading.is_some());
    posting.lang = lang::detect(
        posting.meta.title.iter().map(String::as_str).chain(
            sections
                .iter()
                .flat_map(|s| s.lines.iter().map(|l| l.text.as_str())),
        ),
    );
    posting.sections = sections;
    posting
}

/// "Company: X", "회사명: X", "Location: Y", "근무지: Y" near the top fill
/// fields that nothing better gave.
fn fill_from_key_values(posting: &mut Posting, sections: &[Section]) {
    let lines = sections.iter().flat_map(|s| s.lines.iter()).take(20);
    for line in lines {
        let Some((key, value)) = sections::split_at_colon(&line.text) else {
            continue;
        };
        let key = key.trim().to_lowercase();
        let value = crate::text::clean_inline(value);
        if value.is_empty() || value.chars().count() > 80 {
            continue;
        }
        match key.as_str() {
            "company" | "회사" | "회사명" | "기업명" if posting.meta.company.is_none() => {
                posting.meta.company = Some(value)
            }
            "location" | "근무지" | "근무 지역" | "근무지역" | "근무 위치" | "위치"
                if posting.meta.location.is_none() =>
            {
                posting.meta.location = Some(value)
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod body_tests {
    use super::*;

    #[test]
    fn short_text_is_read_but_a_short_page_is_not() {
        let rules = crate::rules::PatternSet::builtin().unwrap().sections;
        for text in [
            "Fine-tune LLMs with DPO",
            "LLM 파인튜닝",
            "# ML Engineer\n\nTrain models",
        ] {
            for format in [Format::Text, Format::Markdown] {
                let p = extract(text, format, &rules).unwrap();
                assert!(p.sections.iter().any(|s| !s.lines.is_empty()), "{text}");
            }
            let page = format!("<html><body><p>{text}</p></body></html>");
            assert_eq!(
                extract(&page, Format::Html, &rules).unwrap_err(),
                ExtractError::Empty
            );
        }
        for blank in ["", " \n\n\t", "\u{200B}"] {
            for format in [Format::Text, Format::Markdown] {
                let e = extract(blank, format, &rules).unwrap_err();
                assert_eq!(e, ExtractError::EmptyText, "{blank:?}");
            }
        }
        let row = from_row(Some("ML Engineer"), None, None, "  ", &rules);
        assert_eq!(row.unwrap_err(), ExtractError::EmptyRow);
    }

    /// A row's first line is dropped when it only repeats the title, never
    /// when it starts the text or is all the text there is.
    #[test]
    fn a_rows_first_line_is_dropped_only_when_it_repeats_the_title() {
        let rules = crate::rules::PatternSet::builtin().unwrap().sections;
        let text_of = |title: &str, body: &str| {
            let p = from_row(Some(title), None, None, body, &rules).unwrap();
            p.sections
                .iter()
                .flat_map(|s| s.lines.iter().map(|l| l.text.clone()))
                .collect::<Vec<_>>()
        };
        let repeats = [
            (
                "ML Engineer",
                "Senior ML Engineer - Acme (Remote)\nTrain models.",
            ),
            ("ML Engineer", "## ML Engineer\nTrain models."),
            (
                "백엔드 개발자",
                "[코드잇] 백엔드 개발자 채용\n모델 서빙 API 개발",
            ),
        ];
        for (title, body) in repeats {
            let text = text_of(title, body);
            assert_eq!(text.len(), 1, "{body:?}: {text:?}");
        }
        let starts = [
            ("T", "Train PyTorch ranking models.\nShip them."),
            (
                "ML Engineer",
                "Train PyTorch models as our ML Engineer.\nWrite SQL.",
            ),
            (
                "백엔드 개발자",
                "함께 성장할 백엔드 개발자를 찾습니다\n모델 서빙 API 개발",
            ),
            ("Backend", "RAG search backend"),
            ("모델 엔지니어", "모델 엔지니어"),
        ];
        for (title, body) in starts {
            let text = text_of(title, body);
            assert_eq!(text.len(), body.lines().count(), "{body:?}: {text:?}");
        }
    }

    #[test]
    fn has_body_chars_is_body_chars_at_least_n() {
        let texts = [
            "",
            "  ",
            "ML",
            " 모델 서빙 ",
            "ok 😀",
            &"가".repeat(70),
            &"x".repeat(300),
        ];
        for a in texts {
            for b in texts {
                let blocks = vec![Block::text(a), Block::text(""), Block::text(b)];
                for n in [0, 1, 2, 5, 59, 60, 61, 100, 400] {
                    assert_eq!(
                        has_body_chars(&blocks, n),
                        body_chars(&blocks) >= n,
                        "{a:?} {b:?} {n}"
                    );
                }
            }
        }
        assert!(!has_body_chars(&[], 1));
        assert!(has_body_chars(&[], 0));
    }
}

#[cfg(test)]
mod fragment_tests {
    use super::looks_like_html_fragment;

    #[test]
    fn html_in_a_cell_is_told_from_prose() {
        assert!(looks_like_html_fragment("<UL><LI>Train models</LI></UL>"));
        assert!(looks_like_html_fragment("주요 업무<BR/>모델 서빙"));
        assert!(looks_like_html_fragment(
            "&LT;p&gt;Escaped markup&lt;/p&gt;"
        ));
        assert!(looks_like_html_fragment("text then </div>"));
        assert!(!looks_like_html_fragment(
            "Use <, > and & in SQL; 3 < 5 & x"
        ));
        assert!(!looks_like_html_fragment("자격요건: Python <3년> & SQL"));
        assert!(!looks_like_html_fragment("ends with <b"));
        // Neither `<` nor `&`: no mark can be there.
        assert!(!looks_like_html_fragment(
            "Train models; 모델 서빙 (p > 0.5)"
        ));
        // Only the first 4 KiB are read.
        let late = format!("{}</p>", "가".repeat(2000));
        assert!(!looks_like_html_fragment(&late));
    }
}
