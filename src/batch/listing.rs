//! `rolefit batch greenhouse:COMPANY` (and `lever:`, `ashby:`, `wanted:`,
//! `workday:`): every open posting on a company's board, as rows, each with
//! its posting already read, or its posting's URL to read like a CSV row's
//! (see `boards::Listing`). Every answer is kept in `--cache` like a page.

use super::cache::Cache;
use super::input::Row;
use crate::boards::{Client, Listing, Store};
use crate::fetch::Fetched;

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
    let jobs = listing
        .read(client, cache.map(|c| c as &dyn Store))
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
                // Read from its URL with the other rows' URLs.
                None => (None, None),
                Some(Ok(page)) => (Some(page), None),
                Some(Err(e)) => (
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

impl Store for Cache {
    fn get(&self, key: &str) -> Option<Fetched> {
        Cache::get(self, key)
    }

    fn put(&self, key: &str, page: &Fetched) {
        Cache::put(self, key, page)
    }
}
