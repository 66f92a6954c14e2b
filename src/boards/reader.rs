//! Reading a board's JSON answers for a listing, through the store (the
//! `--cache`) when there is one. Shared by the listings of every board.

use serde_json::Value;

use super::Client;
use super::json;
use crate::fetch::{FetchError, Fetched};

/// Pages read from one board at most, whatever it claims: a runaway guard.
pub(super) const MAX_PAGES: usize = 100;

/// Where answers are kept between runs.
pub trait Store {
    fn get(&self, key: &str) -> Option<Fetched>;
    fn put(&self, key: &str, page: &Fetched);
}

/// Reads a listing's answers through the store.
pub struct Reader<'a> {
    pub(super) client: &'a Client,
    pub(super) store: Option<&'a dyn Store>,
}

impl Reader<'_> {
    /// The JSON at `url`: a GET, or a POST of `body`. A 404 is "no such board".
    pub(super) fn json(&self, url: &str, body: Option<&str>) -> Result<Value, String> {
        // A POST's answer depends on what was posted, so that is part of its key.
        let key = match body {
            Some(b) => format!("{url} {b}"),
            None => url.to_string(),
        };
        let page = match self.store.and_then(|s| s.get(&key)) {
            Some(page) => page,
            None => {
                let fetcher = &self.client.fetcher;
                let page = match body {
                    Some(b) => fetcher.post_json(url, b),
                    // A whole board's list: the listing size limit.
                    None => fetcher.get_listing(url),
                }
                .map_err(|e: FetchError| {
                    let hint = if e.status() == Some(404) {
                        " (no such board)"
                    } else {
                        ""
                    };
                    format!("{e}{hint}")
                })?;
                if let Some(s) = self.store {
                    s.put(&key, &page);
                }
                page
            }
        };
        json::parse(&page.body.text(), url)
    }
}
