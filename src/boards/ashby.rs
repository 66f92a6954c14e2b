//! Ashby's public posting API: `GET /posting-api/job-board/{org}` answers
//! `{"jobs": [...]}`, every listed job in full: `id`, `title`, `location`,
//! `employmentType`, `publishedAt`, `jobUrl`, and the description as
//! `descriptionHtml` and `descriptionPlain`. There is no call for one job, so
//! a posting URL is read by finding its id in the board.
//!
//! Sections: the description is split at its own headings.

use serde_json::Value;

use super::json::{self, Object};
use super::{Entry, entries};
use crate::extract::PostingMeta;
use crate::extract::structured::{Part, Structured};

/// The job `id` on the board `org`.
pub fn find(value: &Value, org: &str, id: &str) -> Result<Structured, String> {
    let jobs = jobs(value)?;
    let job = jobs
        .iter()
        .filter_map(Value::as_object)
        .find(|j| json::text(j, "id").is_some_and(|j| j.eq_ignore_ascii_case(id)))
        .ok_or_else(|| {
            format!(
                "the board {org:?} lists no job {id} ({} jobs listed; the posting may be closed)",
                jobs.len()
            )
        })?;
    read(job, org)
}

fn jobs(value: &Value) -> Result<&Vec<Value>, String> {
    json::array(
        json::object(value, "the job board")?,
        "jobs",
        "the list of jobs",
    )
}

/// A job; Ashby does not name the company, so the board's name does.
fn read(job: &Object, org: &str) -> Result<Structured, String> {
    let title = json::required_text(job, "title", "its title")?;
    let description = match json::body(job, "descriptionHtml")? {
        Some(html) => html,
        None => json::body(job, "descriptionPlain")?.ok_or_else(|| {
            "the job has no description: `descriptionHtml` and `descriptionPlain` are both missing or empty"
                .to_string()
        })?,
    };
    let mut location = json::place(job.get("location"));
    if job.get("isRemote") == Some(&Value::Bool(true)) {
        location = Some(match location {
            Some(l) if !l.to_lowercase().contains("remote") => format!("Remote; {l}"),
            Some(l) => l,
            None => "Remote".to_string(),
        });
    }
    Ok(Structured {
        meta: PostingMeta {
            title: Some(title),
            company: Some(org.to_string()),
            location,
            date_posted: json::text(job, "publishedAt"),
            employment_type: json::text(job, "employmentType"),
            seniority: None,
        },
        parts: vec![Part::new(None, None, description)],
    })
}

/// Every listed job of a board, each with its id, its page and its posting.
/// Jobs the board marks `"isListed": false` are left out, as the board's page does.
pub(super) fn listing(value: &Value, org: &str) -> Result<Vec<Entry>, String> {
    let listed = jobs(value)?
        .iter()
        .filter(|v| v.get("isListed") != Some(&Value::Bool(false)));
    Ok(entries(
        listed,
        org,
        ("id", "jobUrl"),
        |org, id| format!("https://jobs.ashbyhq.com/{org}/{id}"),
        |job| read(job, org),
    ))
}
