//! `rolefit batch greenhouse:COMPANY` (and `lever:`, `ashby:`): every open
//! posting on a company's board, as rows. The board's list carries every
//! posting in full, so one request (kept in `--cache` like a page) gives
//! every row, each with its posting already read.

use super::cache::Cache;
use super::input::Row;
use crate::boards::{Client, Listing};

/// The rows of a board listing, or `None` when `input` names no board
/// (`BOARD:NAME`). A listing that cannot be read, or lists nothing, stops the run.
pub fn open(
    input: &str,
    client: &Client,
    cache: Option<&Cache>,
) -> Option<anyhow::Result<Vec<Row>>> {
    let listing = match Listing::parse(input)? {
        Ok(listing) => listing,
        Err(e) => return Some(Err(anyhow::anyhow!("{e}"))),
    };
    Some(rows(&listing, client, cache))
}

fn rows(listing: &Listing, client: &Client, cache: Option<&Cache>) -> anyhow::Result<Vec<Row>> {
    let name = listing.name();
    let board = listing.board().name();
    let api = listing.api_url(&client.urls);
    let page = match cache.and_then(|c| c.get(&api)) {
        Some(page) => page,
        None => {
            let page = client.fetcher.get_listing(&api).map_err(|e| {
                let hint = if e.status() == Some(404) {
                    " (no such board)"
                } else {
                    ""
                };
                anyhow::anyhow!("{name}: {board}: {e}{hint}")
            })?;
            if let Some(c) = cache {
                c.put(&api, &page);
            }
            page
        }
    };
    let jobs = listing
        .jobs(&page.body.text(), &api)
        .map_err(|e| anyhow::anyhow!("{name}: {board}: {e}"))?;
    if jobs.is_empty() {
        anyhow::bail!("{name}: the board lists no open postings");
    }
    Ok(jobs
        .into_iter()
        .enumerate()
        .map(|(i, job)| {
            let number = i + 1;
            let (page, error) = match job.posting {
                Ok(page) => (Some(page), None),
                Err(e) => (
                    None,
                    Some(format!("row {number}: {name} job {}: {board}: {e}", job.id)),
                ),
            };
            Row {
                number,
                id: job.id,
                url: Some(job.url),
                page,
                error,
                ..Row::default()
            }
        })
        .collect())
}
