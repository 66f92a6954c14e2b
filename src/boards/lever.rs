//! Lever's Postings API: `GET /v0/postings/{company}/{id}` answers a posting
//! with its title in `text`, `categories` (location, commitment, team), the
//! description as HTML (`description`) and plain text (`descriptionPlain`),
//! `lists` of `{text, content}` (a heading and its `<li>` items) and the
//! closing `additional`; `GET /v0/postings/{company}?mode=json` lists them all.
//!
//! Sections: the description is split at its own headings; each list is a
//! section of the kind its heading names ("Requirements", "Nice to have" by
//! `patterns/sections.toml`), or `other`; `additional` is `other` unless its
//! own headings say more.

use serde_json::Value;

use super::date;
use super::json::{self, Object};
use super::{Entry, entries};
use crate::extract::PostingMeta;
use crate::extract::structured::{Part, Structured};

/// A posting; Lever does not name the company, so the board's name does.
pub fn posting(value: &Value, company: &str) -> Result<Structured, String> {
    read(json::object(value, "the posting")?, company)
}

fn read(p: &Object, company: &str) -> Result<Structured, String> {
    let title = json::required_text(p, "text", "its title")?;
    let categories = p.get("categories").and_then(Value::as_object);
    let mut parts = Vec::new();
    let description = match json::body(p, "description")? {
        Some(html) => Some(html),
        None => json::body(p, "descriptionPlain")?,
    };
    if let Some(d) = description {
        parts.push(Part::new(None, None, d));
    }
    match p.get("lists") {
        None | Some(Value::Null) => {}
        Some(Value::Array(lists)) => {
            for list in lists.iter().filter_map(Value::as_object) {
                if let Some(items) = json::body(list, "content")? {
                    let heading = json::text(list, "text");
                    parts.push(Part::new(None, heading.as_deref(), items));
                }
            }
        }
        Some(other) => {
            return Err(format!(
                "the posting's `lists` is {}, not a list",
                json::kind(other)
            ));
        }
    }
    let additional = match json::body(p, "additional")? {
        Some(html) => Some(html),
        None => json::body(p, "additionalPlain")?,
    };
    if let Some(a) = additional {
        parts.push(Part::new(None, None, a));
    }
    if parts.is_empty() {
        return Err(
            "the posting has no text: `description`, `descriptionPlain`, `lists` and `additional` are all missing or empty"
                .to_string(),
        );
    }
    let category = |key: &str| categories.and_then(|c| json::text(c, key));
    let mut location = category("location").or_else(|| {
        let all = categories?.get("allLocations")?.as_array()?;
        let names: Vec<&str> = all.iter().filter_map(Value::as_str).collect();
        (!names.is_empty()).then(|| names.join("; "))
    });
    if json::text(p, "workplaceType").as_deref() == Some("remote") {
        location = Some(match location {
            Some(l) if !l.to_lowercase().contains("remote") => format!("Remote; {l}"),
            Some(l) => l,
            None => "Remote".to_string(),
        });
    }
    Ok(Structured {
        meta: PostingMeta {
            title: Some(title),
            company: Some(company.to_string()),
            location,
            date_posted: p
                .get("createdAt")
                .and_then(Value::as_i64)
                .map(date::from_millis),
            employment_type: category("commitment"),
            seniority: None,
        },
        parts,
    })
}

/// Every posting of a company's list, each with its id, its page and its posting.
pub(super) fn listing(value: &Value, company: &str) -> Result<Vec<Entry>, String> {
    let postings = match value {
        Value::Array(items) => items,
        // Lever answers an unknown company with `{"ok": false, "error": ...}`.
        Value::Object(m) if m.get("ok") == Some(&Value::Bool(false)) => {
            let error = json::text(m, "error").unwrap_or_else(|| "no message".into());
            return Err(format!("the API answered with an error: {error}"));
        }
        other => {
            return Err(format!(
                "expected the list of postings as a JSON array, got {}",
                json::kind(other)
            ));
        }
    };
    Ok(entries(
        postings.iter(),
        company,
        ("id", "hostedUrl"),
        |company, id| format!("https://jobs.lever.co/{company}/{id}"),
        |p| read(p, company),
    ))
}
