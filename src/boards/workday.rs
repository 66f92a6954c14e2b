//! Workday career sites (`TENANT.wdN.myworkdayjobs.com/SITE`), read from
//! the JSON the site's own pages load ("CXS"):
//!
//! - a posting, `GET /wday/cxs/TENANT/SITE/job/PLACE/TITLE_ID`, answers
//!   `{"jobPostingInfo": {title, jobDescription (HTML), location,
//!   additionalLocations, startDate, timeType, externalUrl}, "hiringOrganization": {name}}`;
//! - the list, `POST /wday/cxs/TENANT/SITE/jobs` with `{"appliedFacets": {},
//!   "limit": 20, "offset": N, "searchText": ""}`, answers `{"total",
//!   "jobPostings": [{title, externalPath, locationsText, bulletFields}]}`,
//!   20 at a time and without the text, so each posting is then read from
//!   its own URL, like a posting URL in a CSV file.
//!
//! A posting URL names its site's host; a listing is `workday:TENANT.wdN/SITE`
//! as the URL shows them (`wd1` when `.wdN` is left out).
//!
//! Sections: the description is split at its own headings.

use reqwest::Url;
use serde_json::{Value, json};

use super::json::{self as j, Object};
use super::reader::{MAX_PAGES, Reader};
use super::{Board, Entry, PostingRef, check_org, whole_board};
use crate::extract::PostingMeta;
use crate::extract::structured::{Part, Structured};

/// Postings Workday gives per page of its list; it refuses more.
const PAGE: usize = 20;

/// A Workday URL: a posting (`[/LOCALE]/SITE/job/...`), or a whole site.
pub fn recognize(url: &Url, host: &str) -> Result<PostingRef, String> {
    let label = host.trim_end_matches(".myworkdayjobs.com");
    let segments: Vec<&str> = url
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    // "en-US" in front of the site is the page's language.
    let rest = match segments.as_slice() {
        [first, rest @ ..] if is_locale(first) => rest,
        all => all,
    };
    match rest {
        [site, "job", path @ ..] if !path.is_empty() => Ok(PostingRef {
            board: Board::Workday,
            org: format!("{label}/{}", check_org(Board::Workday, site)?),
            id: check_path(&path.join("/"))?,
            eu: false,
        }),
        [site, ..] => whole_board(Board::Workday, "", &format!("{label}/{site}")),
        [] => super::not_a_posting(Board::Workday),
    }
}

fn is_locale(s: &str) -> bool {
    let b = s.as_bytes();
    (b.len() == 2 && b.iter().all(u8::is_ascii_lowercase))
        || (b.len() == 5
            && b[..2].iter().all(u8::is_ascii_lowercase)
            && b[2] == b'-'
            && b[3..].iter().all(u8::is_ascii_uppercase))
}

/// A posting's path after `job/`: segments of URL-safe characters, none of
/// them `.` or `..` (escaped or not), so it stays below the site's `job/`
/// in the API URL.
fn check_path(path: &str) -> Result<String, String> {
    let ok = path.len() <= 500
        && path.split('/').all(|seg| {
            !seg.is_empty()
                && seg != "."
                && seg != ".."
                // An escaped slash or dot could become a `..` on the server.
                && !["%2f", "%5c", "%2e"].iter().any(|e| seg.to_ascii_lowercase().contains(e))
                && seg.bytes().all(|b| {
                    b.is_ascii_alphanumeric() || b"-_.~%(),'!*+".contains(&b)
                })
        });
    if ok {
        Ok(path.to_string())
    } else {
        Err(format!(
            "the Workday posting path {path:?} is not one rolefit can read"
        ))
    }
}

/// `TENANT[.wdN]/SITE` of a listing.
pub fn check_listing(org: &str) -> Result<String, String> {
    let shape = || {
        format!(
            "{org:?} is not a Workday site: expected TENANT.wdN/SITE, as in https://TENANT.wdN.myworkdayjobs.com/SITE"
        )
    };
    let (label, site) = org.split_once('/').ok_or_else(shape)?;
    let label_ok = !label.is_empty()
        && label.len() <= 100
        && label
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    if !label_ok {
        return Err(shape());
    }
    let site = check_org(Board::Workday, site).map_err(|_| shape())?;
    Ok(format!("{label}/{site}"))
}

/// `TENANT.wdN` of a site's host; `wd1` when the name leaves it out.
fn host_label(label: &str) -> String {
    if label.contains('.') {
        label.to_string()
    } else {
        format!("{label}.wd1")
    }
}

/// `(base, tenant, site)` of a site: its own host unless the base was moved.
fn parts<'a>(base: &str, org: &'a str) -> (String, &'a str, &'a str) {
    let (label, site) = org.split_once('/').unwrap_or((org, ""));
    let tenant = label.split('.').next().unwrap_or(label);
    let base = if base.is_empty() {
        format!("https://{}.myworkdayjobs.com", host_label(label))
    } else {
        base.to_string()
    };
    (base, tenant, site)
}

pub fn posting_api(base: &str, org: &str, path: &str) -> String {
    let (base, tenant, site) = parts(base, org);
    format!("{base}/wday/cxs/{tenant}/{site}/job/{path}")
}

pub fn listing_api(base: &str, org: &str) -> String {
    let (base, tenant, site) = parts(base, org);
    format!("{base}/wday/cxs/{tenant}/{site}/jobs")
}

/// A posting; without `hiringOrganization`, the tenant names the company.
pub fn posting(value: &Value, org: &str) -> Result<Structured, String> {
    let root = j::object(value, "the posting")?;
    let info = match root.get("jobPostingInfo") {
        Some(v) => j::object(v, "`jobPostingInfo`")?,
        None => return Err("the answer has no `jobPostingInfo` (the posting)".to_string()),
    };
    let title = j::required_text(info, "title", "its title")?;
    let description = j::body(info, "jobDescription")?
        .ok_or_else(|| "the posting has no `jobDescription` (its text)".to_string())?;
    let mut places: Vec<String> = j::text(info, "location").into_iter().collect();
    if let Some(Value::Array(more)) = info.get("additionalLocations") {
        places.extend(more.iter().filter_map(Value::as_str).map(str::to_string));
    }
    let tenant = org.split(['.', '/']).next().unwrap_or(org);
    let company = root
        .get("hiringOrganization")
        .and_then(Value::as_object)
        .and_then(|o| j::text(o, "name"))
        .unwrap_or_else(|| tenant.to_string());
    Ok(Structured {
        meta: PostingMeta {
            title: Some(title),
            company: Some(company),
            location: (!places.is_empty()).then(|| places.join("; ")),
            date_posted: j::text(info, "startDate"),
            employment_type: j::text(info, "timeType"),
            seniority: None,
        },
        parts: vec![Part::new(None, None, description)],
    })
}

/// Every posting of a site's list, by its page: the list holds no text, so
/// each posting is read from its URL.
pub(super) fn listing(reader: &Reader, base: &str, org: &str) -> Result<Vec<Entry>, String> {
    let api = listing_api(base, org);
    let (label, site) = org.split_once('/').unwrap_or((org, ""));
    let host = format!("{}.myworkdayjobs.com", host_label(label));
    let mut jobs: Vec<Object> = Vec::new();
    let mut total = None;
    for page in 0..MAX_PAGES {
        let body =
            json!({"appliedFacets": {}, "limit": PAGE, "offset": page * PAGE, "searchText": ""});
        let value = reader.json(&api, Some(&body.to_string()))?;
        let root = j::object(&value, "the list of jobs")?;
        let listed = j::array(root, "jobPostings", "the list of jobs")?;
        // Workday states the total on the first page only.
        if total.is_none() {
            total = root.get("total").and_then(Value::as_u64);
        }
        jobs.extend(listed.iter().filter_map(Value::as_object).cloned());
        if listed.len() < PAGE || total.is_some_and(|t| jobs.len() as u64 >= t) {
            break;
        }
    }
    Ok(jobs
        .iter()
        .enumerate()
        .map(|(i, job)| {
            let path = j::text(job, "externalPath");
            let id = job
                .get("bulletFields")
                .and_then(Value::as_array)
                .and_then(|b| b.first())
                .and_then(Value::as_str)
                .map(str::to_string)
                .or_else(|| {
                    path.as_deref()
                        .and_then(|p| p.rsplit('/').next())
                        .map(str::to_string)
                })
                .unwrap_or_else(|| format!("{org}-{}", i + 1));
            let page = path
                .as_deref()
                .ok_or_else(|| "the listed job has no `externalPath` (its page)".to_string())
                .and_then(|p| check_path(p.strip_prefix("/job/").unwrap_or(p)));
            match page {
                Ok(p) => Entry {
                    id,
                    url: format!("https://{host}/{site}/job/{p}"),
                    posting: None,
                },
                Err(e) => Entry {
                    id,
                    url: format!("https://{host}/{site}"),
                    posting: Some(Err(e)),
                },
            }
        })
        .collect())
}
