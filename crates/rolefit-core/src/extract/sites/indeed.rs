//! Indeed job pages (`indeed.com/viewjob?jk=...`): the schema.org
//! `JobPosting` when the page has one, otherwise the job's own container
//! (`#jobDescriptionText`) and header (`jobsearch-JobInfoHeader-*`,
//! `inlineHeader-*`), never the search, the sign-in prompts or the footer
//! around it.

use scraper::Html;

use super::{body, fill, first_text, has};
use crate::extract::{PageFields, PostingMeta, jsonld};

const MARKERS: &[&str] = &[
    "#jobDescriptionText",
    ".jobsearch-JobComponent",
    r#"[data-testid="jobsearch-JobInfoHeader-title"]"#,
];

const TITLE: &[&str] = &[
    r#"[data-testid="jobsearch-JobInfoHeader-title"]"#,
    ".jobsearch-JobInfoHeader-title",
];

const COMPANY: &[&str] = &[
    r#"[data-testid="inlineHeader-companyName"]"#,
    r#"[data-company-name="true"]"#,
    ".jobsearch-CompanyInfoContainer a",
];

const LOCATION: &[&str] = &[
    r#"[data-testid="inlineHeader-companyLocation"]"#,
    r#"[data-testid="job-location"]"#,
    "#jobLocationText",
];

const DESCRIPTION: &[&str] = &["#jobDescriptionText", ".jobsearch-jobDescriptionText"];

/// An Indeed job page.
pub fn page(doc: &Html) -> Option<PageFields> {
    if !has(doc, MARKERS) {
        return None;
    }
    let header = PostingMeta {
        title: first_text(doc, TITLE).map(|t| strip_suffix(&t)),
        company: first_text(doc, COMPANY),
        location: first_text(doc, LOCATION),
        ..PostingMeta::default()
    };
    let mut fields = match jsonld::job_posting(doc) {
        Some(ld) => ld,
        None => PageFields {
            meta: PostingMeta::default(),
            blocks: body(doc, DESCRIPTION)?,
        },
    };
    fill(&mut fields.meta, header);
    Some(fields)
}

/// Indeed ends the visible title with " - job post" for screen readers.
fn strip_suffix(title: &str) -> String {
    title
        .strip_suffix("- job post")
        .map_or(title, str::trim_end)
        .to_string()
}
