//! Greenhouse's Job Board API: `GET /v1/boards/{board}/jobs/{id}` answers a
//! job with `title`, `location.name`, `absolute_url` and its description in
//! `content`, HTML whose markup is entity-escaped (`&lt;p&gt;`); the list
//! `GET /v1/boards/{board}/jobs?content=true` answers `{"jobs": [...]}`.
//!
//! Sections: `content` is one piece of HTML, split at its own headings
//! ("Responsibilities", "What you'll need"...) like any page.

use serde_json::Value;

use super::json::{self, Object};
use super::{Entry, entries};
use crate::extract::PostingMeta;
use crate::extract::structured::{Part, Structured};

/// A job's posting. The board's `company_name` names the company when
/// Greenhouse gives it; else the board's name does.
pub fn posting(value: &Value, board: &str) -> Result<Structured, String> {
    read(json::object(value, "the posting")?, board)
}

fn read(job: &Object, board: &str) -> Result<Structured, String> {
    let title = json::required_text(job, "title", "its title")?;
    let content = json::body(job, "content")?.ok_or_else(|| match job.get("content") {
        None | Some(Value::Null) => {
            "the posting has no `content` (its description); the API may have changed".to_string()
        }
        Some(_) => "the posting's `content` (its description) is empty".to_string(),
    })?;
    Ok(Structured {
        meta: PostingMeta {
            title: Some(title),
            company: json::text(job, "company_name").or_else(|| Some(board.to_string())),
            location: json::place(job.get("location")),
            date_posted: json::text(job, "first_published"),
            employment_type: None,
            seniority: None,
        },
        parts: vec![Part::new(None, None, content)],
    })
}

/// Every job of a board's list, each with its id, its page and its posting.
pub(super) fn listing(value: &Value, board: &str) -> Result<Vec<Entry>, String> {
    let root = json::object(value, "the list of jobs")?;
    let jobs = json::array(root, "jobs", "the list of jobs")?;
    Ok(entries(
        jobs.iter(),
        board,
        ("id", "absolute_url"),
        |board, id| format!("https://boards.greenhouse.io/{board}/jobs/{id}"),
        |job| read(job, board),
    ))
}
