//! The main content of an HTML page as blocks: navigation, scripts, banners,
//! forms and sidebars dropped; headings kept as headings.

use scraper::{ElementRef, Html, Node, Selector};

use super::{Block, PageFields, PostingMeta};
use crate::text::clean_inline;

/// Elements whose content is never posting text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "header", "footer", "aside",
    "form", "button", "select", "option", "head", "canvas", "video", "audio", "object", "dialog",
];

/// Words in a class or id that mark page furniture rather than the posting.
/// Class and id values are split into words at spaces, `-` and `_`, so
/// "recruit-side" and "rec_jobs" are caught but "inside" is not.
const SKIP_MARKERS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "banner",
    "modal",
    "popup",
    "sidebar",
    "side",
    "aside",
    "sidepanel",
    "related",
    "similar",
    "recommend",
    "recommended",
    "recommendations",
    "rec",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "navbar",
    "nav",
    "menu",
    "gnb",
    "lnb",
    "footer",
    "newsletter",
    "subscribe",
    "skip",
    "ads",
    "advert",
    "advertisement",
    "promo",
    "login",
    "signup",
];

/// Block-level elements: each starts a new block.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "hr",
    "body",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
];

/// Main-content extraction for a page without a usable JSON-LD posting.
pub fn main_content(doc: &Html) -> PageFields {
    let blocks = [
        "main",
        "article",
        "[role=main]",
        "#content",
        ".content",
        "body",
    ]
    .iter()
    .filter_map(|s| Selector::parse(s).ok())
    .find_map(|sel| largest(doc, &sel))
    .unwrap_or_else(|| text_blocks(doc.root_element()));
    let title = meta(doc, "og:title")
        .or_else(|| first_text(doc, "h1"))
        .or_else(|| first_text(doc, "title"));
    let company = meta(doc, "og:site_name");
    PageFields {
        meta: PostingMeta {
            title,
            company,
            ..PostingMeta::default()
        },
        blocks,
    }
}

/// Blocks of an HTML fragment, such as a JSON-LD description; a fragment
/// nested too deeply to read is refused.
pub fn fragment_blocks(html: &str) -> Result<Vec<Block>, super::html::TooDeep> {
    let frag = super::html::parse_fragment(html)?;
    Ok(text_blocks(frag.root_element()))
}

/// The blocks of the element matching `sel` with the most text, if any has
/// text. Only the outermost matches are read: one nested in another has no
/// text its ancestor lacks, and reading each of a thousand nested matches
/// would read the page a thousand times.
fn largest(doc: &Html, sel: &Selector) -> Option<Vec<Block>> {
    let matches: Vec<ElementRef> = doc.select(sel).collect();
    let ids: std::collections::HashSet<ego_tree::NodeId> = matches.iter().map(|e| e.id()).collect();
    matches
        .into_iter()
        .filter(|e| !e.ancestors().any(|a| ids.contains(&a.id())))
        .map(text_blocks)
        .filter(|b| !b.is_empty())
        .max_by_key(|b| b.iter().map(|b| b.text.len()).sum::<usize>())
}

/// The content of a `<meta property=NAME>` or `<meta name=NAME>` tag.
pub fn meta(doc: &Html, name: &str) -> Option<String> {
    let sel = Selector::parse(&format!("meta[property=\"{name}\"], meta[name=\"{name}\"]")).ok()?;
    doc.select(&sel)
        .filter_map(|m| m.value().attr("content"))
        .map(clean_inline)
        .find(|s| !s.is_empty())
}

/// The text of the first element matching a selector.
pub fn first_text(doc: &Html, selector: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    doc.select(&sel)
        .map(|e| clean_inline(&e.text().collect::<String>()))
        .find(|s| !s.is_empty())
}

/// Walks an element and collects its text as blocks.
pub fn text_blocks(root: ElementRef) -> Vec<Block> {
    let mut out = Walker {
        blocks: Vec::new(),
        buf: String::new(),
        heading: false,
    };
    out.walk(root);
    out.flush();
    out.blocks
}

struct Walker {
    blocks: Vec<Block>,
    buf: String,
    heading: bool,
}

impl Walker {
    /// Depth-first walk with an explicit stack, so a page nested 100,000
    /// levels deep cannot overflow the call stack.
    fn walk(&mut self, root: ElementRef) {
        enum Step<'a> {
            Enter(ego_tree::NodeRef<'a, Node>),
            Leave(&'a str),
        }
        let mut stack = vec![Step::Enter(*root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave(tag) => {
                    if BLOCK_TAGS.contains(&tag) {
                        self.flush();
                    }
                }
                Step::Enter(node) => match node.value() {
                    Node::Text(t) => self.buf.push_str(t),
                    Node::Element(_) => {
                        let Some(el) = ElementRef::wrap(node) else {
                            continue;
                        };
                        if skip(el) {
                            continue;
                        }
                        let tag = el.value().name();
                        if BLOCK_TAGS.contains(&tag) {
                            self.flush();
                        }
                        if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") || bold_only(el) {
                            self.heading = true;
                        }
                        stack.push(Step::Leave(tag));
                        let children: Vec<_> = node.children().collect();
                        for child in children.into_iter().rev() {
                            stack.push(Step::Enter(child));
                        }
                    }
                    _ => {}
                },
            }
        }
    }

    fn flush(&mut self) {
        let text = clean_inline(&self.buf);
        self.buf.clear();
        if !text.is_empty() {
            self.blocks.push(Block {
                text,
                heading: self.heading,
            });
        }
        self.heading = false;
    }
}

/// Whether an inline style hides the element (`display: none`,
/// `visibility: hidden` or `collapse`): text a reader never sees is not
/// evidence, however it is hidden.
fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((property, value)) = decl.split_once(':') else {
            return false;
        };
        let value = value.trim().to_ascii_lowercase();
        let value = value.split_whitespace().next().unwrap_or("");
        match property.trim().to_ascii_lowercase().as_str() {
            "display" => value == "none",
            "visibility" => value == "hidden" || value == "collapse",
            _ => false,
        }
    })
}

/// Whether an element is page furniture to skip.
fn skip(el: ElementRef) -> bool {
    let v = el.value();
    if SKIP_TAGS.contains(&v.name())
        || v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
        || v.attr("style").is_some_and(style_hides)
    {
        return true;
    }
    if matches!(
        v.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary" | "dialog")
    ) {
        return true;
    }
    ["class", "id"]
        .iter()
        .filter_map(|a| v.attr(a))
        .any(|value| {
            value
                .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|word| SKIP_MARKERS.iter().any(|m| word.eq_ignore_ascii_case(m)))
        })
}

/// A paragraph whose only text is inside `<strong>`/`<b>`: a heading in disguise.
fn bold_only(el: ElementRef) -> bool {
    if !matches!(el.value().name(), "p" | "div") {
        return false;
    }
    let mut bold = false;
    for child in el.children() {
        match child.value() {
            Node::Text(t) if !t.trim().is_empty() => return false,
            Node::Element(e) if matches!(e.name(), "strong" | "b") => bold = true,
            Node::Element(e) if e.name() == "br" => {}
            Node::Element(_) => return false,
            _ => {}
        }
    }
    bold
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_of(html: &str) -> Vec<Block> {
        main_content(&Html::parse_document(html)).blocks
    }

    #[test]
    fn page_furniture_is_dropped() {
        let html = r#"<html><body>
            <header><nav><a>Jobs</a><a>Login</a></nav></header>
            <div class="cookie-banner">We use cookies</div>
            <main><h2>What you'll do</h2><ul><li>Train ranking models</li></ul></main>
            <aside class="similar-jobs"><h3>Similar jobs</h3><p>ML Engineer</p></aside>
            <div class="recruit-side">AI 추천 공고</div>
            <footer>© Example</footer></body></html>"#;
        let b = blocks_of(html);
        assert_eq!(
            b,
            vec![
                Block::heading("What you'll do"),
                Block::text("Train ranking models")
            ]
        );
    }

    #[test]
    fn bold_only_paragraphs_are_headings() {
        let b = blocks_of(
            "<body><p><strong>Requirements</strong></p><p>Python and <b>SQL</b></p></body>",
        );
        assert_eq!(
            b,
            vec![
                Block::heading("Requirements"),
                Block::text("Python and SQL")
            ]
        );
    }

    #[test]
    fn title_and_company_from_meta() {
        let doc = Html::parse_document(
            r#"<html><head><title>Jobs | X</title><meta property="og:title" content="ML Engineer">
               <meta property="og:site_name" content="Acme Careers"></head><body><h1>Other</h1><p>Text</p></body></html>"#,
        );
        let f = main_content(&doc);
        assert_eq!(f.meta.title.as_deref(), Some("ML Engineer"));
        assert_eq!(f.meta.company.as_deref(), Some("Acme Careers"));
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 20_000;
        let html = format!(
            "<body>{}<p>deep text</p>{}</body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let b = blocks_of(&html);
        assert_eq!(b.last().map(|b| b.text.as_str()), Some("deep text"));
    }
}
