//! Readers for job sites whose pages the generic reader gets wrong: the
//! posting sits in a container of the site's own (LinkedIn, Indeed, SEEK), or
//! in a frame the saved page lacks (Saramin, JobKorea). Each reader knows the
//! site's class names; a page none of them recognises is read generically.
//!
//! Every reader returns `None` for a page that is not its site's, so the
//! order below only matters for pages that carry two sites' markup.

pub mod indeed;
pub mod jobkorea;
pub mod linkedin;
pub mod saramin;
pub mod seek;

use scraper::{ElementRef, Html, Selector};

use super::structured::{Part, Structured};
use super::{Block, ExtractError, PageFields, PostingMeta, content, jsonld};
use crate::text::clean_inline;

/// A known site's page, read by that site's reader; `None` when no reader
/// recognises the page.
pub fn page(doc: &Html) -> Option<Result<PageFields, ExtractError>> {
    let read = linkedin::page(doc)
        .or_else(|| indeed::page(doc))
        .or_else(|| seek::page(doc))
        .map(Ok)
        .or_else(|| saramin::page(doc))
        .or_else(|| jobkorea::page(doc))?;
    Some(read.map(|mut fields| {
        if fields.meta.title.is_none() {
            fields.meta.title =
                content::meta(doc, "og:title").or_else(|| content::first_text(doc, "h1"));
        }
        fields
    }))
}

/// A site whose posting text is served apart from the posting's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framed {
    Saramin,
    JobKorea,
}

/// A posting whose fields come from its page (`main`) and whose text comes
/// from the document its page frames (`detail`).
pub fn framed(site: Framed, main: &str, detail: &str) -> Result<Structured, ExtractError> {
    let main = super::html::parse_document(main).map_err(|_| ExtractError::TooDeep)?;
    let detail = super::html::parse_document(detail).map_err(|_| ExtractError::TooDeep)?;
    let (meta, body) = match site {
        Framed::Saramin => (saramin::meta(&main), saramin::detail_body(&detail)),
        Framed::JobKorea => (jobkorea::meta(&main), jobkorea::detail_body(&detail)),
    };
    let Some(body) = body else {
        return Err(ExtractError::Empty);
    };
    Ok(Structured {
        meta: with_page_fallbacks(meta, &main),
        parts: vec![Part::new(None, None, body.html())],
    })
}

/// Fields the site's own markup lacked, from the page's JSON-LD posting,
/// then its `og:title`.
fn with_page_fallbacks(mut meta: PostingMeta, doc: &Html) -> PostingMeta {
    if let Some(ld) = jsonld::job_posting(doc) {
        fill(&mut meta, ld.meta);
    }
    if meta.title.is_none() {
        meta.title = content::meta(doc, "og:title");
    }
    meta
}

/// Fills the fields of `meta` that are empty from `other`.
fn fill(meta: &mut PostingMeta, other: PostingMeta) {
    let PostingMeta {
        title,
        company,
        location,
        date_posted,
        employment_type,
        seniority,
    } = other;
    meta.title = meta.title.take().or(title);
    meta.company = meta.company.take().or(company);
    meta.location = meta.location.take().or(location);
    meta.date_posted = meta.date_posted.take().or(date_posted);
    meta.employment_type = meta.employment_type.take().or(employment_type);
    meta.seniority = meta.seniority.take().or(seniority);
}

/// The first element matching one of `selectors`, in their order, that has text.
fn first<'a>(doc: &'a Html, selectors: &[&str]) -> Option<ElementRef<'a>> {
    selectors.iter().find_map(|s| {
        let sel = Selector::parse(s).expect("a valid site selector");
        doc.select(&sel).find(|e| !text(*e).is_empty())
    })
}

/// The text of the first element matching one of `selectors`.
fn first_text(doc: &Html, selectors: &[&str]) -> Option<String> {
    first(doc, selectors).map(text)
}

/// An element's text on one line.
fn text(el: ElementRef) -> String {
    clean_inline(&el.text().collect::<String>())
}

/// Whether any element matches one of `selectors`.
fn has(doc: &Html, selectors: &[&str]) -> bool {
    selectors.iter().any(|s| {
        let sel = Selector::parse(s).expect("a valid site selector");
        doc.select(&sel).next().is_some()
    })
}

/// The blocks of the first of `selectors` that holds posting text.
fn body(doc: &Html, selectors: &[&str]) -> Option<Vec<Block>> {
    let el = first(doc, selectors)?;
    let blocks = content::text_blocks(el);
    (!blocks.is_empty()).then_some(blocks)
}

/// `<dt>NAME</dt><dd>VALUE</dd>` pairs under `scope`, as the Korean sites
/// lay out a posting's summary (근무지역, 고용형태...).
fn definitions(doc: &Html, scope: &str) -> Vec<(String, String)> {
    let sel = Selector::parse(&format!("{scope} dt")).expect("a valid site selector");
    doc.select(&sel)
        .filter_map(|dt| {
            let dd = dt
                .next_siblings()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "dd")?;
            Some((text(dt), text(dd)))
        })
        .collect()
}

/// The value of the first definition whose name is one of `names`.
fn definition(pairs: &[(String, String)], names: &[&str]) -> Option<String> {
    pairs
        .iter()
        .find(|(k, v)| names.iter().any(|n| k.replace(' ', "") == *n) && !v.is_empty())
        .map(|(_, v)| v.clone())
}

/// The value of `name` in a URL's query (`rec_idx=123`), digits only.
fn query_number(url: &str, name: &str) -> Option<String> {
    let (_, query) = url.split_once('?')?;
    query.split(['&', ';']).find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        let v = v.split('#').next().unwrap_or(v);
        (k.eq_ignore_ascii_case(name) && !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
            .then(|| v.to_string())
    })
}

/// The page's own address, as saved pages keep it: the canonical link, then `og:url`.
fn page_url(doc: &Html) -> Option<String> {
    let sel = Selector::parse(r#"link[rel="canonical"]"#).expect("a valid selector");
    doc.select(&sel)
        .filter_map(|l| l.value().attr("href"))
        .map(str::to_string)
        .next()
        .or_else(|| content::meta(doc, "og:url"))
}

/// Every `src` of the page's frames.
fn frame_sources(doc: &Html) -> Vec<String> {
    let sel = Selector::parse("iframe[src]").expect("a valid selector");
    doc.select(&sel)
        .filter_map(|f| f.value().attr("src"))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_numbers() {
        assert_eq!(
            query_number("/zf_user/jobs/relay/view-detail?rec_idx=42&t=1", "rec_idx"),
            Some("42".into())
        );
        assert_eq!(query_number("/x?rec_idx=4a", "rec_idx"), None);
        assert_eq!(query_number("/x", "rec_idx"), None);
    }

    #[test]
    fn definitions_pair_names_with_values() {
        let doc = Html::parse_document(
            "<div class=s><dl><dt>근무 지역</dt><dd>서울 강남구</dd><dt>고용형태</dt><dd>정규직</dd></dl></div>",
        );
        let pairs = definitions(&doc, ".s");
        assert_eq!(
            definition(&pairs, &["근무지역"]).as_deref(),
            Some("서울 강남구")
        );
        assert_eq!(definition(&pairs, &["고용형태"]).as_deref(), Some("정규직"));
    }
}
