//! Saramin and JobKorea: a posting's page shows its title and company and
//! frames its text, which each site serves as a document of its own. A
//! posting URL is read from both: the page for the fields, the framed
//! document for the text (see `extract::sites::{saramin, jobkorea}`).
//!
//! Saramin: `/zf_user/jobs/view?rec_idx=N` (also `/zf_user/jobs/relay/view`
//! and the detail document's own URL) -> `/zf_user/jobs/relay/view-detail?rec_idx=N`.
//! JobKorea: `/Recruit/GI_Read/N` -> `/Recruit/GI_Read_Comt_Ifrm?Gno=N`.

use reqwest::Url;

use super::{Board, PostingRef, check_id, not_a_posting};
use crate::extract::ExtractError;
use crate::extract::sites::{self, Framed};
use crate::extract::structured::Structured;
use crate::fetch::{FetchError, Fetcher};

fn posting(board: Board, id: &str) -> Result<PostingRef, String> {
    check_id(board, id).map(|id| PostingRef {
        board,
        org: String::new(),
        id,
        eu: false,
    })
}

fn query(url: &Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.into_owned())
}

/// A Saramin posting URL; Saramin's other pages are read as pages.
pub fn recognize_saramin(url: &Url) -> Option<Result<PostingRef, String>> {
    let path = url.path().trim_end_matches('/');
    if !matches!(
        path,
        "/zf_user/jobs/view" | "/zf_user/jobs/relay/view" | "/zf_user/jobs/relay/view-detail"
    ) {
        return None;
    }
    Some(match query(url, "rec_idx") {
        Some(id) => posting(Board::Saramin, &id),
        None => not_a_posting(Board::Saramin),
    })
}

/// A JobKorea posting URL; JobKorea's other pages are read as pages.
pub fn recognize_jobkorea(url: &Url) -> Option<Result<PostingRef, String>> {
    let segments: Vec<String> = url
        .path_segments()
        .map(|s| {
            s.filter(|s| !s.is_empty())
                .map(str::to_ascii_lowercase)
                .collect()
        })
        .unwrap_or_default();
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    match segments.as_slice() {
        ["recruit", "gi_read", id, ..] => Some(posting(Board::JobKorea, id)),
        ["recruit", "gi_read_comt_ifrm"] => Some(match query(url, "Gno") {
            Some(id) => posting(Board::JobKorea, &id),
            None => not_a_posting(Board::JobKorea),
        }),
        _ => None,
    }
}

/// The posting's page on the site (or on `base`).
pub fn page_url(board: Board, base: &str, id: &str) -> String {
    match board {
        Board::Saramin => format!("{base}/zf_user/jobs/view?rec_idx={id}"),
        _ => format!("{base}/Recruit/GI_Read/{id}"),
    }
}

/// The document the posting's page frames.
fn detail_url(board: Board, base: &str, id: &str) -> String {
    match board {
        Board::Saramin => format!("{base}/zf_user/jobs/relay/view-detail?rec_idx={id}"),
        _ => format!("{base}/Recruit/GI_Read_Comt_Ifrm?Gno={id}"),
    }
}

/// Reads the posting `id`: its text from the framed document, its fields
/// from its page.
pub fn read(
    fetcher: &Fetcher,
    board: Board,
    base: &str,
    id: &str,
    hint: &dyn Fn(&FetchError) -> &'static str,
) -> Result<Structured, String> {
    let get = |url: &str| {
        fetcher
            .get(url)
            .map(|p| p.body.text().into_owned())
            .map_err(|e| format!("{e}{}", hint(&e)))
    };
    let detail_url = detail_url(board, base, id);
    let detail = get(&detail_url)?;
    let page = get(&page_url(board, base, id))?;
    let site = match board {
        Board::Saramin => Framed::Saramin,
        _ => Framed::JobKorea,
    };
    sites::framed(site, &page, &detail).map_err(|e| match e {
        ExtractError::Empty => format!("{detail_url}: the posting's text is empty"),
        other => format!("{detail_url}: {other}"),
    })
}
