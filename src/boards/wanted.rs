//! Wanted (원티드): `GET /api/v4/jobs/{id}` answers `{"job": {...}}` with the
//! title in `position`, the company in `company.name`, the place in
//! `address`, and the posting in `detail`, one plain-text field per part.
//!
//! Sections, by field: `intro` -> about, `main_tasks` (주요업무) ->
//! responsibilities, `requirements` (자격요건) -> requirements,
//! `preferred_points` (우대사항) -> preferred, `benefits` (혜택 및 복지) ->
//! benefits, `hire_rounds` (채용 전형) -> process.

use serde_json::Value;

use super::json;
use crate::extract::PostingMeta;
use crate::extract::SectionKind;
use crate::extract::structured::{Part, Structured};

/// `detail` fields in the order Wanted shows them, with their kind and label.
const FIELDS: &[(&str, SectionKind, Option<&str>)] = &[
    ("intro", SectionKind::About, None),
    (
        "main_tasks",
        SectionKind::Responsibilities,
        Some("주요업무"),
    ),
    ("requirements", SectionKind::Requirements, Some("자격요건")),
    ("preferred_points", SectionKind::Preferred, Some("우대사항")),
    ("benefits", SectionKind::Benefits, Some("혜택 및 복지")),
    ("hire_rounds", SectionKind::Process, Some("채용 전형")),
];

pub fn posting(value: &Value) -> Result<Structured, String> {
    let root = json::object(value, "the answer")?;
    let job = match root.get("job") {
        Some(job) => json::object(job, "`job`")?,
        None => return Err("the answer has no `job`".to_string()),
    };
    let title = json::required_text(job, "position", "its title")
        .map_err(|e| e.replace("`position`", "`job.position`"))?;
    let detail = match job.get("detail") {
        Some(d) => json::object(d, "`job.detail`")?,
        None => return Err("the posting has no `job.detail` (its text)".to_string()),
    };
    let mut parts = Vec::new();
    for (key, kind, label) in FIELDS {
        let body = json::body(detail, key)
            .map_err(|e| e.replace(&format!("`{key}`"), &format!("`job.detail.{key}`")))?;
        if let Some(body) = body {
            parts.push(Part::new(Some(*kind), *label, body));
        }
    }
    if parts.is_empty() {
        return Err(
            "`job.detail` has no text: intro, main_tasks, requirements, preferred_points and benefits are all missing or empty"
                .to_string(),
        );
    }
    let company = job.get("company").and_then(|c| match c {
        Value::Object(c) => json::text(c, "name").or_else(|| json::text(c, "company_name")),
        _ => None,
    });
    let location = job.get("address").and_then(Value::as_object).and_then(|a| {
        json::text(a, "full_location").or_else(|| {
            let parts: Vec<String> = ["location", "district"]
                .iter()
                .filter_map(|k| json::text(a, k))
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        })
    });
    Ok(Structured {
        meta: PostingMeta {
            title: Some(title),
            company: company.or_else(|| json::text(job, "company_name")),
            location,
            date_posted: None,
            employment_type: None,
            seniority: None,
        },
        parts,
    })
}

/// A company's open postings: `GET /api/v4/companies/{id}/jobs` answers
/// `{"data": [{"id", "position", ...}], "links": {"next": PATH}}`, the
/// postings without their text: each is then read from its own URL
/// (`/wd/{id}`, which [`posting`] reads from `/api/v4/jobs/{id}`).
pub(super) fn listing(
    reader: &super::reader::Reader,
    base: &str,
    api: &str,
) -> Result<Vec<super::Entry>, String> {
    let mut entries = Vec::new();
    let mut next = Some(api.to_string());
    for _ in 0..super::reader::MAX_PAGES {
        let Some(url) = next.take() else { break };
        let value = reader.json(&url, None)?;
        let root = json::object(&value, "the list of jobs")?;
        for job in json::array(root, "data", "the list of jobs")? {
            let id = job
                .as_object()
                .and_then(|j| json::text(j, "id"))
                .ok_or_else(|| format!("a listed job has no `id`: {job}"))?;
            entries.push(super::Entry {
                url: format!("https://www.wanted.co.kr/wd/{id}"),
                posting: None,
                id,
            });
        }
        next = root
            .get("links")
            .and_then(Value::as_object)
            .and_then(|l| json::text(l, "next"))
            .map(|n| {
                if n.starts_with("http") {
                    n
                } else {
                    format!("{base}{n}")
                }
            });
    }
    Ok(entries)
}
