//! Known job boards and job sites. Greenhouse, Lever, Ashby, Wanted and
//! Workday serve their postings as JavaScript shells with a public JSON API
//! behind them, so a posting URL of one of them is read from the API instead
//! of the page, and a whole board (`greenhouse:COMPANY`) can be listed for
//! `batch`. LinkedIn's job URLs are read as the public guest page; Saramin's
//! and JobKorea's through the document their page frames.
//!
//! [`recognize`] tells a board's posting URL from any other and checks the
//! names in it before they go into an API URL; [`Client::fetch`] reads a
//! posting; [`Listing`] reads a whole board. Each board's JSON is mapped onto
//! a [`Structured`] posting by its own module, which names the section kind
//! of every field the board has.

mod ashby;
mod date;
mod framed;
mod greenhouse;
mod json;
mod lever;
mod linkedin;
mod listing;
mod reader;
mod urls;
mod wanted;
mod workday;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use reqwest::Url;
use serde_json::Value;

use crate::extract::structured::Structured;
use crate::fetch::{Body, FetchError, Fetched, Fetcher};

pub use listing::{ListedJob, Listing, Store};
pub use urls::{BadBoardUrl, BoardUrls, board_names, parse_board_url};

/// A job board or site rolefit reads in its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Board {
    Greenhouse,
    Lever,
    Ashby,
    Wanted,
    Workday,
    LinkedIn,
    Saramin,
    JobKorea,
}

impl Board {
    pub const ALL: [Board; 8] = [
        Board::Greenhouse,
        Board::Lever,
        Board::Ashby,
        Board::Wanted,
        Board::Workday,
        Board::LinkedIn,
        Board::Saramin,
        Board::JobKorea,
    ];

    /// The name used in `--board-url` and `batch BOARD:NAME`.
    pub fn key(self) -> &'static str {
        match self {
            Board::Greenhouse => "greenhouse",
            Board::Lever => "lever",
            Board::Ashby => "ashby",
            Board::Wanted => "wanted",
            Board::Workday => "workday",
            Board::LinkedIn => "linkedin",
            Board::Saramin => "saramin",
            Board::JobKorea => "jobkorea",
        }
    }

    /// The name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Board::Greenhouse => "Greenhouse",
            Board::Lever => "Lever",
            Board::Ashby => "Ashby",
            Board::Wanted => "Wanted",
            Board::Workday => "Workday",
            Board::LinkedIn => "LinkedIn",
            Board::Saramin => "Saramin",
            Board::JobKorea => "JobKorea",
        }
    }

    pub fn from_key(key: &str) -> Option<Board> {
        Board::ALL
            .into_iter()
            .find(|b| b.key().eq_ignore_ascii_case(key))
    }

    /// Whether `batch BOARD:NAME` can list the board's postings.
    fn lists_companies(self) -> bool {
        !matches!(self, Board::LinkedIn | Board::Saramin | Board::JobKorea)
    }

    /// What a posting URL of this board looks like, for messages.
    fn url_shape(self) -> &'static str {
        match self {
            Board::Greenhouse => "https://boards.greenhouse.io/COMPANY/jobs/ID",
            Board::Lever => "https://jobs.lever.co/COMPANY/ID",
            Board::Ashby => "https://jobs.ashbyhq.com/ORG/ID",
            Board::Wanted => "https://www.wanted.co.kr/wd/ID",
            Board::Workday => "https://TENANT.wdN.myworkdayjobs.com/SITE/job/PLACE/TITLE_ID",
            Board::LinkedIn => "https://www.linkedin.com/jobs/view/ID",
            Board::Saramin => "https://www.saramin.co.kr/zf_user/jobs/view?rec_idx=ID",
            Board::JobKorea => "https://www.jobkorea.co.kr/Recruit/GI_Read/ID",
        }
    }
}

/// One posting on a board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingRef {
    pub board: Board,
    /// The company's name on the board (empty where ids are global: Wanted,
    /// LinkedIn, Saramin, JobKorea; `HOST/SITE` on Workday).
    pub org: String,
    pub id: String,
    /// On the board's European host (Greenhouse and Lever keep one).
    pub eu: bool,
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
    let (board, eu) = match host.as_str() {
        "boards.greenhouse.io" | "job-boards.greenhouse.io" => (Board::Greenhouse, false),
        "boards.eu.greenhouse.io" | "job-boards.eu.greenhouse.io" => (Board::Greenhouse, true),
        "jobs.lever.co" => (Board::Lever, false),
        "jobs.eu.lever.co" => (Board::Lever, true),
        "jobs.ashbyhq.com" => (Board::Ashby, false),
        "www.wanted.co.kr" | "wanted.co.kr" => (Board::Wanted, false),
        h if h.ends_with(".myworkdayjobs.com") => return Some(workday::recognize(&parsed, h)),
        h if h == "linkedin.com" || h.ends_with(".linkedin.com") => {
            return linkedin::recognize(&parsed);
        }
        "saramin.co.kr" | "www.saramin.co.kr" | "m.saramin.co.kr" => {
            return framed::recognize_saramin(&parsed);
        }
        "jobkorea.co.kr" | "www.jobkorea.co.kr" | "m.jobkorea.co.kr" => {
            return framed::recognize_jobkorea(&parsed);
        }
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
            eu,
        })
    };
    let not_a_posting = || not_a_posting(board);
    let whole_board = |org: &str| whole_board(board, if eu { "-eu" } else { "" }, org);
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

fn not_a_posting<T>(board: Board) -> Result<T, String> {
    Err(format!(
        "not a {} posting URL (expected {})",
        board.name(),
        board.url_shape()
    ))
}

/// The error for a URL of a whole board: it names the `batch` that reads it.
fn whole_board<T>(board: Board, suffix: &str, org: &str) -> Result<T, String> {
    Err(format!(
        "a whole {} board, not one posting; to read every posting on it, run `rolefit batch {}{suffix}:{org}`",
        board.name(),
        board.key()
    ))
}

/// A company's name on a board: letters, digits, `.`, `_` and `-`, so that
/// it stays one path segment of the API URL whatever the link said.
fn check_org(board: Board, org: &str) -> Result<String, String> {
    if matches!(
        board,
        Board::Wanted | Board::LinkedIn | Board::Saramin | Board::JobKorea
    ) {
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

/// A posting id: a number on most boards, a UUID on Lever and Ashby, a path
/// on Workday (checked by its module).
fn check_id(board: Board, id: &str) -> Result<String, String> {
    let (ok, expected) = match board {
        Board::Lever | Board::Ashby => (
            (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-'),
            "a UUID such as 0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        ),
        _ => (
            !id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit()),
            "a number",
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
    /// Where this posting is read from: the board's API, or (for LinkedIn,
    /// Saramin and JobKorea) the posting's own page.
    pub fn api_url(&self, urls: &BoardUrls) -> String {
        let base = urls.base_in(self.board, self.eu);
        match self.board {
            Board::Greenhouse => format!("{base}/v1/boards/{}/jobs/{}", self.org, self.id),
            Board::Lever => format!("{base}/v0/postings/{}/{}", self.org, self.id),
            // Ashby serves no single posting: the board lists them all, in full.
            Board::Ashby => format!("{base}/posting-api/job-board/{}", self.org),
            Board::Wanted => format!("{base}/api/v4/jobs/{}", self.id),
            Board::Workday => workday::posting_api(base, &self.org, &self.id),
            Board::LinkedIn => format!("{base}/jobs/view/{}", self.id),
            Board::Saramin | Board::JobKorea => framed::page_url(self.board, base, &self.id),
        }
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
/// it cannot be read); `None` when the list holds no posting's text, so the
/// posting is read from its page like any other posting URL.
struct Entry {
    id: String,
    url: String,
    posting: Option<Result<Structured, String>>,
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
            Entry {
                id,
                url,
                posting: Some(posting),
            }
        })
        .collect()
}

/// An Ashby board as read once in a run, or why it could not be.
type AshbyBoard = Arc<OnceLock<Result<Arc<Value>, String>>>;

/// What reads a posting URL: the fetcher, and where each board's API lives.
#[derive(Debug)]
pub struct Client {
    pub fetcher: Fetcher,
    pub urls: BoardUrls,
    /// Ashby boards read so far in this run, by API URL: Ashby serves no
    /// single posting, so every posting of a board is found in one download.
    ashby: Mutex<HashMap<String, AshbyBoard>>,
}

impl Client {
    pub fn new(fetcher: Fetcher, urls: BoardUrls) -> Client {
        Client {
            fetcher,
            urls,
            ashby: Mutex::new(HashMap::new()),
        }
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
            Some(Ok(posting)) => self.posting(&posting, url),
        }
    }

    /// Reads a board's posting. Errors name `url` (the posting URL as
    /// given), the board, and what went wrong.
    fn posting(&self, p: &PostingRef, url: &str) -> Result<Fetched, FetchError> {
        let board = p.board;
        let fail = |message: String| FetchError::Failed {
            url: url.to_string(),
            message: format!("{}: {message}", board.name()),
        };
        let api = p.api_url(&self.urls);
        let hint = |e: &FetchError| match (e.status(), board) {
            (Some(404), Board::Ashby) => " (no such board)",
            (Some(404), _) => " (no such posting: it may be closed, or the link is wrong)",
            _ => "",
        };
        let data = match board {
            Board::LinkedIn => {
                return self
                    .fetcher
                    .get(&api)
                    .map_err(|e| fail(format!("{e}{}", hint(&e))));
            }
            Board::Saramin | Board::JobKorea => {
                framed::read(&self.fetcher, board, self.urls.base(board), &p.id, &hint)
            }
            Board::Ashby => self
                .ashby_board(&api, &hint)
                .and_then(|value| ashby::find(&value, &p.org, &p.id)),
            _ => self
                .fetcher
                .get_json(&api)
                .map_err(|e| format!("{e}{}", hint(&e)))
                .and_then(|page| json::parse(&page.body.text(), &api))
                .and_then(|value| match board {
                    Board::Greenhouse => greenhouse::posting(&value, &p.org),
                    Board::Lever => lever::posting(&value, &p.org),
                    Board::Wanted => wanted::posting(&value),
                    _ => workday::posting(&value, &p.org),
                }),
        }
        .map_err(fail)?;
        Ok(board_page(api, data))
    }

    /// An Ashby board, downloaded once per run however many of its postings
    /// are read, and by however many threads at once.
    fn ashby_board(
        &self,
        api: &str,
        hint: &dyn Fn(&FetchError) -> &'static str,
    ) -> Result<Arc<Value>, String> {
        let slot = {
            let mut boards = self.ashby.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(boards.entry(api.to_string()).or_default())
        };
        slot.get_or_init(|| {
            // The whole board, every posting in full: the listing size limit.
            let page = self
                .fetcher
                .get_listing(api)
                .map_err(|e| format!("{e}{}", hint(&e)))?;
            json::parse(&page.body.text(), api).map(Arc::new)
        })
        .clone()
    }
}

#[cfg(test)]
mod tests;
