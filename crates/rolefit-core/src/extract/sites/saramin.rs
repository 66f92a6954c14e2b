//! Saramin (사람인) postings. The page of a posting
//! (`/zf_user/jobs/view?rec_idx=N`) shows its title, company and summary
//! (`.jv_header`, `.jv_summary`), and frames the posting's text, which is
//! served on its own at `/zf_user/jobs/relay/view-detail?rec_idx=N` inside
//! `.user_content`. A page saved from the browser keeps the frame but not
//! what it showed: it is refused with the URL to analyze instead.

use scraper::{ElementRef, Html, Selector};

use super::{definition, definitions, first, first_text, frame_sources, page_url, query_number};
use crate::extract::{ExtractError, PageFields, PostingMeta, content};

/// Where the posting's text sits, in the detail document and in a page that inlines it.
const BODY: &[&str] = &[".user_content", ".jv_detail .cont", "#job_content"];

const TITLE: &[&str] = &[".jv_header .tit_job", ".tit_job", ".jv_header h1"];
const COMPANY: &[&str] = &[
    ".jv_header .company",
    ".jv_header a.company",
    ".company_name",
];

/// Whether the page is Saramin's.
fn is_saramin(doc: &Html) -> bool {
    page_url(doc).is_some_and(|u| u.contains("saramin.co.kr"))
        || frame_sources(doc).iter().any(|s| s.contains("view-detail"))
        || first(doc, &[".wrap_jv_cont", ".jv_header"]).is_some()
}

/// The posting's number, from the frame, the page's address or its links.
fn rec_idx(doc: &Html) -> Option<String> {
    frame_sources(doc)
        .iter()
        .chain(page_url(doc).iter())
        .find_map(|u| query_number(u, "rec_idx"))
}

/// The address of a Saramin posting's page.
pub fn posting_url(rec_idx: &str) -> String {
    format!("https://www.saramin.co.kr/zf_user/jobs/view?rec_idx={rec_idx}")
}

/// A Saramin page: read when its text is in it, refused when only the
/// frame of it is.
pub fn page(doc: &Html) -> Option<Result<PageFields, ExtractError>> {
    if !is_saramin(doc) {
        return None;
    }
    match first(doc, BODY) {
        Some(body) => Some(Ok(PageFields {
            meta: meta(doc),
            blocks: content::text_blocks(body),
        })),
        None if frame_sources(doc).iter().any(|s| s.contains("view-detail")) => {
            Some(Err(ExtractError::Framed {
                site: "Saramin",
                url: rec_idx(doc).map(|n| posting_url(&n)),
            }))
        }
        None => None,
    }
}

/// The element holding the posting's text in the detail document, when it
/// holds some: its own container, else the document's body.
pub fn detail_body(doc: &Html) -> Option<ElementRef<'_>> {
    first(doc, BODY).or_else(|| {
        let sel = Selector::parse("body").expect("valid selector");
        doc.select(&sel)
            .next()
            .filter(|_| first(doc, &[".jv_header"]).is_none())
            .filter(|b| !content::text_blocks(*b).is_empty())
    })
}

/// Title, company, place and employment type from a posting's page; the
/// document's title ("[Company] Title(D-14) - 사람인") fills what the header lacks.
pub fn meta(doc: &Html) -> PostingMeta {
    let summary = definitions(doc, ".jv_summary");
    let (company, title) = content::first_text(doc, "title")
        .as_deref()
        .and_then(from_title)
        .unzip();
    PostingMeta {
        title: first_text(doc, TITLE).or(title),
        company: first_text(doc, COMPANY).or(company),
        location: definition(&summary, &["근무지역", "근무지"]),
        employment_type: definition(&summary, &["근무형태", "고용형태"]),
        ..PostingMeta::default()
    }
}

/// `(company, title)` of "[Company] Title(D-14) - 사람인".
fn from_title(full: &str) -> Option<(String, String)> {
    let rest = full.trim().strip_suffix("- 사람인")?.trim_end();
    let (company, title) = rest.strip_prefix('[')?.split_once(']')?;
    // The deadline Saramin appends: "(D-14)", "(~12.31)", "(상시)".
    let title = match title.trim().rsplit_once('(') {
        Some((t, tail))
            if tail.starts_with("D-") || tail.starts_with('~') || tail.starts_with("상시") =>
        {
            t
        }
        _ => title,
    };
    let (company, title) = (company.trim(), title.trim());
    (!company.is_empty() && !title.is_empty()).then(|| (company.to_string(), title.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_title_names_company_and_title() {
        assert_eq!(
            from_title("[누리소프트] AI 백엔드 개발자 (LLM 서빙)(D-14) - 사람인"),
            Some(("누리소프트".into(), "AI 백엔드 개발자 (LLM 서빙)".into()))
        );
        assert_eq!(
            from_title("[가나다] 데이터 엔지니어 - 사람인"),
            Some(("가나다".into(), "데이터 엔지니어".into()))
        );
        assert_eq!(from_title("채용정보 - 사람인"), None);
        let doc = Html::parse_document(
            "<title>[가나다] 데이터 엔지니어(~12.31) - 사람인</title><div class=jv_header></div>",
        );
        let m = meta(&doc);
        assert_eq!(m.title.as_deref(), Some("데이터 엔지니어"));
        assert_eq!(m.company.as_deref(), Some("가나다"));
    }
}
