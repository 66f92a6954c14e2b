//! JobKorea (잡코리아) postings. A posting's page (`/Recruit/GI_Read/N`)
//! shows its title and company (`.sumTit`, `.coName`) and a summary, and
//! frames the posting's text (`#gib_frame`), which is served on its own at
//! `/Recruit/GI_Read_Comt_Ifrm?Gno=N`. A page saved from the browser keeps
//! the frame but not what it showed: it is refused with the URL to analyze
//! instead.

use scraper::{ElementRef, Html, Selector};

use super::{definition, definitions, first, first_text, frame_sources, page_url, text};
use crate::extract::{ExtractError, PageFields, PostingMeta, content};

/// The frame's address names the detail document.
const FRAME: &str = "GI_Read_Comt_Ifrm";

/// The posting's number, from the frame (`Gno=N`) or the page's address (`/GI_Read/N`).
fn gno(doc: &Html) -> Option<String> {
    let frames = frame_sources(doc);
    frames
        .iter()
        .find_map(|u| super::query_number(u, "Gno"))
        .or_else(|| {
            let url = page_url(doc)?;
            let (_, rest) = url.split_once("/GI_Read/")?;
            let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
            (!n.is_empty()).then_some(n)
        })
}

/// The address of a JobKorea posting's page.
pub fn posting_url(gno: &str) -> String {
    format!("https://www.jobkorea.co.kr/Recruit/GI_Read/{gno}")
}

/// A JobKorea posting page whose text is framed: always refused, since
/// the frame's document is not part of the page.
pub fn page(doc: &Html) -> Option<Result<PageFields, ExtractError>> {
    let framed = frame_sources(doc).iter().any(|s| s.contains(FRAME));
    let jobkorea = page_url(doc).is_some_and(|u| u.contains("jobkorea.co.kr"));
    if !(framed && (jobkorea || first(doc, &[".coName", ".sumTit"]).is_some())) {
        return None;
    }
    Some(Err(ExtractError::Framed {
        site: "JobKorea",
        url: gno(doc).map(|n| posting_url(&n)),
    }))
}

/// The element holding the posting's text in the detail document.
pub fn detail_body(doc: &Html) -> Option<ElementRef<'_>> {
    first(
        doc,
        &[".view-content", ".detailed-summary-contents", "article"],
    )
    .or_else(|| {
        let sel = Selector::parse("body").expect("valid selector");
        doc.select(&sel)
            .next()
            .filter(|b| !content::text_blocks(*b).is_empty())
    })
}

/// Title, company, place and employment type from a posting's page. The
/// title is the `.sumTit` heading without the company's name in front of
/// it; the document's title ("Company 채용 - Title | 잡코리아") fills what the
/// header lacks.
pub fn meta(doc: &Html) -> PostingMeta {
    let company = first_text(doc, &[".coName", ".sumTit .coName"]);
    let title = first(doc, &[".sumTit .hd_3", ".sumTit h3", ".sumTit h1"]).map(|h| {
        let full = text(h);
        let sel = Selector::parse(".header").expect("valid selector");
        let header: String = h.select(&sel).map(text).collect::<Vec<_>>().join(" ");
        full.strip_prefix(header.as_str())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map_or(full.clone(), str::to_string)
    });
    let summary = definitions(doc, ".tbList");
    let (doc_company, doc_title) = content::first_text(doc, "title")
        .as_deref()
        .and_then(from_title)
        .unzip();
    PostingMeta {
        title: title.or(doc_title),
        company: company.or(doc_company),
        location: definition(&summary, &["근무지역", "지역"]),
        employment_type: definition(&summary, &["고용형태"]),
        ..PostingMeta::default()
    }
}

/// `(company, title)` of "Company 채용 - Title | 잡코리아".
fn from_title(full: &str) -> Option<(String, String)> {
    let rest = full.trim().strip_suffix("| 잡코리아")?.trim_end();
    let (company, title) = rest.split_once(" - ")?;
    let company = company.trim().trim_end_matches("채용").trim();
    let title = title.trim();
    (!company.is_empty() && !title.is_empty()).then(|| (company.to_string(), title.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_title_names_company_and_title() {
        assert_eq!(
            from_title("다온테크 채용 - 프론트엔드 개발자 (AI 챗봇) | 잡코리아"),
            Some(("다온테크".into(), "프론트엔드 개발자 (AI 챗봇)".into()))
        );
        assert_eq!(from_title("잡코리아"), None);
        let doc = Html::parse_document("<title>가나다 채용 - ML 엔지니어 | 잡코리아</title>");
        let m = meta(&doc);
        assert_eq!(m.title.as_deref(), Some("ML 엔지니어"));
        assert_eq!(m.company.as_deref(), Some("가나다"));
    }
}
