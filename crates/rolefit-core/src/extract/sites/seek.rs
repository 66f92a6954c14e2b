//! SEEK job pages (`seek.com.au/job/ID`, `seek.co.nz`): the schema.org
//! `JobPosting` when the page has one (its JSON-LD is often only a
//! `WebSite`), otherwise the job's own `data-automation` fields and its
//! `jobAdDetails` container, never the search and the site chrome.

use scraper::Html;

use super::{body, fill, first_text, has};
use crate::extract::{PageFields, PostingMeta, jsonld};

const MARKERS: &[&str] = &[
    r#"[data-automation="jobAdDetails"]"#,
    r#"[data-automation="job-detail-title"]"#,
];

/// An element of SEEK's by its `data-automation` name.
fn field(doc: &Html, name: &str) -> Option<String> {
    first_text(doc, &[&format!(r#"[data-automation="{name}"]"#)])
}

/// A SEEK job page.
pub fn page(doc: &Html) -> Option<PageFields> {
    if !has(doc, MARKERS) {
        return None;
    }
    let header = PostingMeta {
        title: field(doc, "job-detail-title"),
        company: field(doc, "advertiser-name"),
        location: field(doc, "job-detail-location"),
        employment_type: field(doc, "job-detail-work-type"),
        ..PostingMeta::default()
    };
    let mut fields = match jsonld::job_posting(doc) {
        Some(ld) => ld,
        None => PageFields {
            meta: PostingMeta::default(),
            blocks: body(doc, &[r#"[data-automation="jobAdDetails"]"#])?,
        },
    };
    fill(&mut fields.meta, header);
    Some(fields)
}
