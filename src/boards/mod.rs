//! Known job boards: Greenhouse, Lever, Ashby and Wanted. Their posting pages
//! are JavaScript shells, but each has a public JSON API, so a posting URL of
//! one of them is read from the API instead of the page, and a whole board
//! (`greenhouse:COMPANY`) can be listed for `batch`.
//!
//! [`recognize`] tells a board's posting URL from any other and checks the
//! names in it before they go into an API URL; [`fetch`] reads a posting;
//! [`Listing`] reads a whole board. Each board's JSON is mapped onto a
//! [`Structured`] posting by its own module, which names the section kind of
//! every field the board has.

mod ashby;
mod date;
mod greenhouse;
mod json;
mod lever;
mod urls;
mod wanted;

use reqwest::Url;
use serde_json::Value;

use crate::extract::structured::Structured;
use crate::fetch::{Body, FetchError, Fetched, Fetcher};

pub use urls::{BoardUrls, parse_board_url};

/// A job board rolefit reads through its public API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Board {
    Greenhouse,
    Lever,
    Ashby,
    Wanted,
}

impl Board {
    pub const ALL: [Board; 4] = [Board::Greenhouse, Board::Lever, Board::Ashby, Board::Wanted];

    /// The name used in `--board-url` and `batch BOARD:NAME`.
    pub fn key(self) -> &'static str {
        match self {
            Board::Greenhouse => "greenhouse",
            Board::Lever => "lever",
            Board::Ashby => "ashby",
            Board::Wanted => "wanted",
        }
    }

    /// The name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Board::Greenhouse => "Greenhouse",
            Board::Lever => "Lever",
            Board::Ashby => "Ashby",
            Board::Wanted => "Wanted",
        }
    }

    pub fn from_key(key: &str) -> Option<Board> {
        Board::ALL
            .into_iter()
            .find(|b| b.key().eq_ignore_ascii_case(key))
    }

    /// Whether `batch BOARD:NAME` can list the board's postings.
    fn lists_companies(self) -> bool {
        !matches!(self, Board::Wanted)
    }

    /// What a posting URL of this board looks like, for messages.
    fn url_shape(self) -> &'static str {
        match self {
            Board::Greenhouse => "https://boards.greenhouse.io/COMPANY/jobs/ID",
            Board::Lever => "https://jobs.lever.co/COMPANY/ID",
            Board::Ashby => "https://jobs.ashbyhq.com/ORG/ID",
            Board::Wanted => "https://www.wanted.co.kr/wd/ID",
        }
    }
}

/// One posting on a board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingRef {
    pub board: Board,
    /// The company's name on the board (empty for Wanted, whose ids are global).
    pub org: String,
    pub id: String,
}

/// Whether a URL is a known board's, and if so which posting it names.
/// `None`: not a board URL, read it as a page. `Some(Err)`: a board's URL
/// that names no posting, or names that cannot be one (the message says why).
pub fn recognize(url: &str) -> Option<Result<PostingRef, String>> {
    let parsed = Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?.to_ascii_lowercase();
    let board = match host.as_str() {
        "boards.greenhouse.io" | "job-boards.greenhouse.io" => Board::Greenhouse,
        "jobs.lever.co" => Board::Lever,
        "jobs.ashbyhq.com" => Board::Ashby,
        "www.wanted.co.kr" | "wanted.co.kr" => Board::Wanted,
        _ => return None,
    };
    let segments: Vec<&str> = parsed
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    let posting = |org: &str, id: &str| -> Result<PostingRef, String> {
        Ok(PostingRef {
            board,
            org: check_org(board, org)?,
            id: check_id(board, id)?,
        })
    };
    let not_a_posting = || {
        Err(format!(
            "not a {} posting URL (expected {})",
            board.name(),
            board.url_shape()
        ))
    };
    let whole_board = |org: &str| {
        Err(format!(
            "a whole {} board, not one posting; to read every posting on it, run `rolefit batch {}:{org}`",
            board.name(),
            board.key()
        ))
    };
    Some(match (board, segments.as_slice()) {
        (Board::Greenhouse, ["embed", "job_app"]) => {
            let query = |name: &str| {
                parsed
                    .query_pairs()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.into_owned())
            };
            match (query("for"), query("token")) {
                (Some(org), Some(id)) => posting(&org, &id),
                _ => not_a_posting(),
            }
        }
        (Board::Greenhouse, [org, "jobs", id]) => posting(org, id),
        (Board::Greenhouse | Board::Lever | Board::Ashby, [org]) => match check_org(board, org) {
            Ok(org) => whole_board(&org),
            Err(e) => Err(e),
        },
        (Board::Lever, [org, id] | [org, id, "apply"]) => posting(org, id),
        (Board::Ashby, [org, id] | [org, id, "application"]) => posting(org, id),
        (Board::Wanted, ["wd", id]) => posting("", id),
        // Wanted's other pages (companies, events) are ordinary pages.
        (Board::Wanted, _) => return None,
        _ => not_a_posting(),
    })
}

/// A company's name on a board: letters, digits, `.`, `_` and `-`, so that
/// it stays one path segment of the API URL whatever the link said.
fn check_org(board: Board, org: &str) -> Result<String, String> {
    if board == Board::Wanted {
        return Ok(String::new());
    }
    let ok = !org.is_empty()
        && org.len() <= 100
        && org
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        && !org.starts_with('.');
    if ok {
        Ok(org.to_string())
    } else {
        Err(format!(
            "{:?} is not a valid {} board name (letters, digits, '.', '_' and '-' only)",
            org,
            board.name()
        ))
    }
}

/// A posting id: a number on Greenhouse and Wanted, a UUID on Lever and Ashby.
fn check_id(board: Board, id: &str) -> Result<String, String> {
    let (ok, expected) = match board {
        Board::Greenhouse | Board::Wanted => (
            !id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit()),
            "a number",
        ),
        Board::Lever | Board::Ashby => (
            (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-'),
            "a UUID such as 0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        ),
    };
    if ok {
        Ok(id.to_ascii_lowercase())
    } else {
        Err(format!(
            "the {} posting id {:?} is not {expected}",
            board.name(),
            id
        ))
    }
}

impl PostingRef {
    /// Where the board's API serves this posting.
    pub fn api_url(&self, urls: &BoardUrls) -> String {
        let base = urls.base(self.board);
        match self.board {
            Board::Greenhouse => format!("{base}/v1/boards/{}/jobs/{}", self.org, self.id),
            Board::Lever => format!("{base}/v0/postings/{}/{}", self.org, self.id),
            // Ashby serves no single posting: the board lists them all, in full.
            Board::Ashby => format!("{base}/posting-api/job-board/{}", self.org),
            Board::Wanted => format!("{base}/api/v4/jobs/{}", self.id),
        }
    }

    /// Reads the posting from the board's API. Errors name `url` (the
    /// posting URL as given), the board, and what went wrong.
    fn fetch(&self, fetcher: &Fetcher, urls: &BoardUrls, url: &str) -> Result<Fetched, FetchError> {
        let fail = |message: String| FetchError::Failed {
            url: url.to_string(),
            message,
        };
        let board = self.board;
        let api = self.api_url(urls);
        let page = fetcher.get_json(&api).map_err(|e| {
            let hint = match (e.status(), board) {
                (Some(404), Board::Ashby) => " (no such board)",
                (Some(404), _) => " (no such posting: it may be closed, or the link is wrong)",
                _ => "",
            };
            fail(format!("{}: {e}{hint}", board.name()))
        })?;
        let value = json::parse(&page.body.text(), &api)
            .map_err(|e| fail(format!("{}: {e}", board.name())))?;
        let data = match board {
            Board::Greenhouse => greenhouse::posting(&value, &self.org),
            Board::Lever => lever::posting(&value, &self.org),
            Board::Ashby => ashby::find(&value, &self.org, &self.id),
            Board::Wanted => wanted::posting(&value),
        }
        .map_err(|e| fail(format!("{}: {e}", board.name())))?;
        Ok(board_page(api, data))
    }
}

/// A posting read from a board, as a fetched source: its fields as the
/// board gave them, which extraction reads without parsing a page.
fn board_page(url: String, data: Structured) -> Fetched {
    Fetched {
        url,
        content_type: Some("application/json".to_string()),
        body: Body::Posting(Box::new(data)),
    }
}

/// One job of a board's list: its id, its own page, and its posting (or why
/// it cannot be read).
struct Entry {
    id: String,
    url: String,
    posting: Result<Structured, String>,
}

/// The jobs of a board's list. Each job's id and page come from `id_key` and
/// `url_key`, else from its place in the list and `page(org, id)`; `read`
/// reads its posting.
fn entries<'a>(
    jobs: impl Iterator<Item = &'a Value>,
    org: &str,
    (id_key, url_key): (&str, &str),
    page: fn(&str, &str) -> String,
    read: impl Fn(&json::Object) -> Result<Structured, String>,
) -> Vec<Entry> {
    jobs.enumerate()
        .map(|(i, v)| {
            let job = v.as_object();
            let id = job
                .and_then(|j| json::text(j, id_key))
                .unwrap_or_else(|| format!("{org}-{}", i + 1));
            let url = job
                .and_then(|j| json::text(j, url_key))
                .unwrap_or_else(|| page(org, &id));
            let posting = job
                .ok_or_else(|| format!("expected the job as a JSON object, got {}", json::kind(v)))
                .and_then(&read);
            Entry { id, url, posting }
        })
        .collect()
}

/// What reads a posting URL: the fetcher, and where each board's API lives.
#[derive(Debug)]
pub struct Client {
    pub fetcher: Fetcher,
    pub urls: BoardUrls,
}

impl Client {
    pub fn new(fetcher: Fetcher, urls: BoardUrls) -> Client {
        Client { fetcher, urls }
    }

    /// Fetches a posting URL: a known board's posting from the board's API,
    /// any other URL as a page.
    pub fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        match recognize(url) {
            None => self.fetcher.get(url),
            Some(Err(message)) => Err(FetchError::Failed {
                url: url.to_string(),
                message,
            }),
            Some(Ok(posting)) => posting.fetch(&self.fetcher, &self.urls, url),
        }
    }
}

/// Every open posting of one company on a board: `greenhouse:COMPANY`,
/// `lever:COMPANY`, `ashby:ORG`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    // Private: only `Listing::parse` makes one, so the board is one that can be listed.
    board: Board,
    org: String,
}

/// One posting of a listing, read (or not) from the listing itself.
#[derive(Debug, Clone)]
pub struct ListedJob {
    pub id: String,
    /// The posting's own page, where people read it.
    pub url: String,
    pub posting: Result<Fetched, String>,
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
        let board = Board::from_key(key)?;
        if !board.lists_companies() {
            return Some(Err(format!(
                "{input}: {} postings are read one by one ({}); `{}:` lists are not supported",
                board.name(),
                board.url_shape(),
                board.key()
            )));
        }
        Some(
            check_org(board, org)
                .map(|org| Listing { board, org })
                .map_err(|e| format!("{input}: {e}")),
        )
    }

    /// `greenhouse:acme`, as the user wrote it.
    pub fn name(&self) -> String {
        format!("{}:{}", self.board.key(), self.org)
    }

    /// Where the board's API lists every open posting, in full.
    pub fn api_url(&self, urls: &BoardUrls) -> String {
        let base = urls.base(self.board);
        match self.board {
            Board::Greenhouse => format!("{base}/v1/boards/{}/jobs?content=true", self.org),
            Board::Lever => format!("{base}/v0/postings/{}?mode=json", self.org),
            Board::Ashby => format!("{base}/posting-api/job-board/{}", self.org),
            Board::Wanted => {
                unreachable!("Listing::parse refuses wanted:, and only it makes a Listing")
            }
        }
    }

    /// The postings in the board's answer. A posting the board lists in a
    /// shape rolefit cannot read is that posting's error; an answer that is
    /// not a listing at all is the listing's.
    pub fn jobs(&self, text: &str, api: &str) -> Result<Vec<ListedJob>, String> {
        let value: Value = json::parse(text, api)?;
        let jobs = match self.board {
            Board::Greenhouse => greenhouse::listing(&value, &self.org)?,
            Board::Lever => lever::listing(&value, &self.org)?,
            Board::Ashby => ashby::listing(&value, &self.org)?,
            Board::Wanted => {
                unreachable!("Listing::parse refuses wanted:, and only it makes a Listing")
            }
        };
        Ok(jobs
            .into_iter()
            .map(|e| ListedJob {
                posting: e.posting.map(|data| board_page(api.to_string(), data)),
                id: e.id,
                url: e.url,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(board: Board, org: &str, id: &str) -> Option<Result<PostingRef, String>> {
        Some(Ok(PostingRef {
            board,
            org: org.into(),
            id: id.into(),
        }))
    }

    #[test]
    fn recognizes_each_boards_posting_urls() {
        assert_eq!(
            recognize("https://boards.greenhouse.io/acme/jobs/4012345"),
            posting(Board::Greenhouse, "acme", "4012345")
        );
        assert_eq!(
            recognize("https://job-boards.greenhouse.io/acme/jobs/4012345?gh_src=x"),
            posting(Board::Greenhouse, "acme", "4012345")
        );
        assert_eq!(
            recognize("https://boards.greenhouse.io/embed/job_app?for=acme&token=77"),
            posting(Board::Greenhouse, "acme", "77")
        );
        assert_eq!(
            recognize("https://jobs.lever.co/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902/apply"),
            posting(Board::Lever, "acme", "5ac21346-8e0c-4494-8e7a-3eb92ff77902")
        );
        assert_eq!(
            recognize("https://jobs.ashbyhq.com/Acme.ai/0B1E2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"),
            posting(
                Board::Ashby,
                "Acme.ai",
                "0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
            )
        );
        assert_eq!(
            recognize("https://www.wanted.co.kr/wd/123456"),
            posting(Board::Wanted, "", "123456")
        );
        assert_eq!(recognize("https://careers.example/jobs/1"), None);
        assert_eq!(recognize("https://www.wanted.co.kr/company/9"), None);
    }

    #[test]
    fn names_that_could_leave_the_path_are_refused() {
        let err = |url: &str| recognize(url).unwrap().unwrap_err();
        assert_eq!(
            err("https://boards.greenhouse.io/acme/jobs/12ab"),
            "the Greenhouse posting id \"12ab\" is not a number"
        );
        assert!(
            err("https://boards.greenhouse.io/a%2F..%2Fb/jobs/1")
                .contains("not a valid Greenhouse board name")
        );
        assert!(
            err("https://boards.greenhouse.io/embed/job_app?for=../x&token=1")
                .contains("not a valid Greenhouse board name")
        );
        assert!(err("https://jobs.lever.co/acme/..%2Fetc").contains("is not a UUID"));
        assert_eq!(
            err("https://jobs.lever.co/acme"),
            "a whole Lever board, not one posting; to read every posting on it, run `rolefit batch lever:acme`"
        );
        assert_eq!(
            err("https://boards.greenhouse.io/acme/departments/3/x"),
            "not a Greenhouse posting URL (expected https://boards.greenhouse.io/COMPANY/jobs/ID)"
        );
    }

    #[test]
    fn api_urls() {
        let urls = BoardUrls::default();
        let p = |url: &str| recognize(url).unwrap().unwrap().api_url(&urls);
        assert_eq!(
            p("https://boards.greenhouse.io/acme/jobs/7"),
            "https://boards-api.greenhouse.io/v1/boards/acme/jobs/7"
        );
        assert_eq!(
            p("https://jobs.lever.co/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902"),
            "https://api.lever.co/v0/postings/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902"
        );
        assert_eq!(
            p("https://jobs.ashbyhq.com/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902"),
            "https://api.ashbyhq.com/posting-api/job-board/acme"
        );
        assert_eq!(
            p("https://www.wanted.co.kr/wd/42"),
            "https://www.wanted.co.kr/api/v4/jobs/42"
        );
    }

    #[test]
    fn listings() {
        let l = Listing::parse("greenhouse:acme").unwrap().unwrap();
        assert_eq!(
            l.api_url(&BoardUrls::default()),
            "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"
        );
        assert_eq!(l.name(), "greenhouse:acme");
        assert!(Listing::parse("postings.csv").is_none());
        assert!(Listing::parse("https://x.example/a.csv").is_none());
        assert!(Listing::parse("C:\\data\\a.csv").is_none());
        assert_eq!(
            Listing::parse("lever:a/b").unwrap().unwrap_err(),
            "lever:a/b: \"a/b\" is not a valid Lever board name (letters, digits, '.', '_' and '-' only)"
        );
        assert!(Listing::parse("wanted:acme").unwrap().is_err());
    }
}
