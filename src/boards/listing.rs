//! Every open posting of one company on a board: `greenhouse:COMPANY`,
//! `lever:COMPANY`, `ashby:ORG`, `wanted:COMPANY_ID`, `workday:TENANT/SITE`
//! (`greenhouse-eu:` and `lever-eu:` for the boards' European hosts).
//!
//! Greenhouse and Ashby list every posting in full in one answer; Lever in
//! pages of [`LEVER_PAGE`]. Wanted and Workday list only ids and pages, so
//! their postings are left for the caller to read from each posting's URL
//! (batch reads them like the URLs of a CSV file: concurrently, politely,
//! through its cache). Every answer is kept in the [`Store`] when there is
//! one (batch's `--cache`), under its URL.

use super::reader::MAX_PAGES;
pub use super::reader::{Reader, Store};
use super::{Board, BoardUrls, Client, Entry, board_page, check_org, wanted, workday};
use super::{ashby, greenhouse, lever};
use crate::fetch::Fetched;

/// Postings Lever is asked for at once (`skip`/`limit` paging).
const LEVER_PAGE: usize = 100;

/// A board listing, as `batch BOARD:NAME` names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    // Private: only `Listing::parse` makes one, so the board is one that can be listed.
    board: Board,
    org: String,
    eu: bool,
}

/// One posting of a listing, read (or not) from the listing itself.
#[derive(Debug, Clone)]
pub struct ListedJob {
    pub id: String,
    /// The posting's own page, where people read it.
    pub url: String,
    /// The posting, or why the listing's entry for it cannot be read;
    /// `None` when it is to be read from `url`.
    pub posting: Option<Result<Fetched, String>>,
}

impl Listing {
    /// The board listed.
    pub fn board(&self) -> Board {
        self.board
    }

    /// `BOARD:NAME` as a listing; `None` when the text before the colon is no
    /// board's name (a file name, a URL).
    pub fn parse(input: &str) -> Option<Result<Listing, String>> {
        let (key, org) = input.split_once(':')?;
        let (key, eu) = match key.strip_suffix("-eu") {
            Some(k) => (k, true),
            None => (key, false),
        };
        let board = Board::from_key(key)?;
        if !board.lists_companies() || (eu && !matches!(board, Board::Greenhouse | Board::Lever)) {
            return Some(Err(format!(
                "{input}: {} postings are read one by one ({}); `{}:` lists are not supported",
                board.name(),
                board.url_shape(),
                if eu {
                    format!("{key}-eu")
                } else {
                    key.to_string()
                }
            )));
        }
        let org = match board {
            Board::Workday => workday::check_listing(org),
            Board::Wanted if !org.is_empty() && org.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(org.to_string())
            }
            Board::Wanted => Err(format!(
                "{org:?} is not a Wanted company id (the number in https://www.wanted.co.kr/company/ID)"
            )),
            _ => check_org(board, org),
        };
        Some(
            org.map(|org| Listing { board, org, eu })
                .map_err(|e| format!("{input}: {e}")),
        )
    }

    /// `greenhouse:acme`, as the user wrote it.
    pub fn name(&self) -> String {
        let eu = if self.eu { "-eu" } else { "" };
        format!("{}{eu}:{}", self.board.key(), self.org)
    }

    /// Where the board lists its postings (the first page of them).
    pub fn api_url(&self, urls: &BoardUrls) -> String {
        let base = urls.base_in(self.board, self.eu);
        match self.board {
            Board::Greenhouse => format!("{base}/v1/boards/{}/jobs?content=true", self.org),
            Board::Lever => lever_page(base, &self.org, 0),
            Board::Ashby => format!("{base}/posting-api/job-board/{}", self.org),
            Board::Wanted => format!("{base}/api/v4/companies/{}/jobs", self.org),
            Board::Workday => workday::listing_api(base, &self.org),
            Board::LinkedIn | Board::Saramin | Board::JobKorea => {
                unreachable!("Listing::parse refuses boards without lists")
            }
        }
    }

    /// Reads the listing. A posting the board lists in a shape rolefit
    /// cannot read is that posting's error; a listing that cannot be read at
    /// all is the listing's.
    pub fn read(
        &self,
        client: &Client,
        store: Option<&dyn Store>,
    ) -> Result<Vec<ListedJob>, String> {
        let reader = Reader { client, store };
        let base = client.urls.base_in(self.board, self.eu);
        let api = self.api_url(&client.urls);
        let org = &self.org;
        let entries = match self.board {
            Board::Greenhouse => greenhouse::listing(&reader.json(&api, None)?, org)?,
            Board::Ashby => ashby::listing(&reader.json(&api, None)?, org)?,
            Board::Lever => {
                let mut all = Vec::new();
                for page in 0..MAX_PAGES {
                    let url = lever_page(base, org, page * LEVER_PAGE);
                    let entries = lever::listing(&reader.json(&url, None)?, org)?;
                    let full = entries.len() == LEVER_PAGE;
                    all.extend(entries);
                    if !full {
                        break;
                    }
                }
                all
            }
            Board::Wanted => wanted::listing(&reader, base, &api)?,
            Board::Workday => workday::listing(&reader, base, org)?,
            Board::LinkedIn | Board::Saramin | Board::JobKorea => {
                unreachable!("Listing::parse refuses boards without lists")
            }
        };
        Ok(entries
            .into_iter()
            .map(|e: Entry| ListedJob {
                posting: e
                    .posting
                    .map(|p| p.map(|data| board_page(api.clone(), data))),
                id: e.id,
                url: e.url,
            })
            .collect())
    }
}

fn lever_page(base: &str, org: &str, skip: usize) -> String {
    format!("{base}/v0/postings/{org}?mode=json&skip={skip}&limit={LEVER_PAGE}")
}
