//! LinkedIn job URLs: `/jobs/view/ID` (also `/jobs/view/SLUG-ID`, as guest
//! links are written) and any jobs page with `currentJobId=ID` (search,
//! collections). Each is read as the public guest page of the posting,
//! `/jobs/view/ID`, which needs no sign-in; other LinkedIn pages are read
//! as pages.

use reqwest::Url;

use super::{Board, PostingRef, check_id};

pub fn recognize(url: &Url) -> Option<Result<PostingRef, String>> {
    let segments: Vec<&str> = url
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    let id = match segments.as_slice() {
        ["jobs", "view", last, ..] => {
            // "machine-learning-engineer-at-acme-4012345678" ends in the id.
            last.rsplit('-').next().unwrap_or(last).to_string()
        }
        ["jobs", ..] | ["comm", "jobs", ..] => url
            .query_pairs()
            .find(|(k, _)| k == "currentJobId")
            .map(|(_, v)| v.into_owned())?,
        _ => return None,
    };
    Some(check_id(Board::LinkedIn, &id).map(|id| PostingRef {
        board: Board::LinkedIn,
        org: String::new(),
        id,
        eu: false,
    }))
}
