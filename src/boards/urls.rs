//! Where each board's API lives: the public one by default, or another base
//! URL from `--board-url BOARD=URL` or `ROLEFIT_<BOARD>_API` (for tests
//! against a local server, or a mirror). The API's own paths are appended.

use reqwest::Url;

use super::Board;

/// The base URL of each board's API, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardUrls {
    bases: [String; Board::ALL.len()],
}

impl Default for BoardUrls {
    fn default() -> BoardUrls {
        BoardUrls {
            bases: Board::ALL.map(|b| default_base(b).to_string()),
        }
    }
}

/// The public APIs.
fn default_base(board: Board) -> &'static str {
    match board {
        Board::Greenhouse => "https://boards-api.greenhouse.io",
        Board::Lever => "https://api.lever.co",
        Board::Ashby => "https://api.ashbyhq.com",
        Board::Wanted => "https://www.wanted.co.kr",
        // Each company's Workday site has a host of its own, named in its URLs.
        Board::Workday => "",
        Board::LinkedIn => "https://www.linkedin.com",
        Board::Saramin => "https://www.saramin.co.kr",
        Board::JobKorea => "https://www.jobkorea.co.kr",
    }
}

/// The public APIs of boards that keep European companies apart.
fn eu_base(board: Board) -> Option<&'static str> {
    match board {
        Board::Greenhouse => Some("https://boards-api.eu.greenhouse.io"),
        Board::Lever => Some("https://api.eu.lever.co"),
        _ => None,
    }
}

fn index(board: Board) -> usize {
    Board::ALL
        .iter()
        .position(|b| *b == board)
        .expect("every board is in ALL")
}

/// The environment variable that moves a board's API: `ROLEFIT_GREENHOUSE_API`.
pub fn env_var(board: Board) -> String {
    format!("ROLEFIT_{}_API", board.key().to_ascii_uppercase())
}

impl BoardUrls {
    pub fn base(&self, board: Board) -> &str {
        &self.bases[index(board)]
    }

    /// The base for a board's European host (`job-boards.eu.greenhouse.io`,
    /// `jobs.eu.lever.co`): its own public API, unless the base was moved.
    pub fn base_in(&self, board: Board, eu: bool) -> &str {
        let base = self.base(board);
        match eu_base(board) {
            Some(eu_base) if eu && base == default_base(board) => eu_base,
            _ => base,
        }
    }

    /// The defaults, moved by the environment (`lookup` reads a variable),
    /// then by `--board-url` flags, the last flag for a board winning.
    pub fn configure(
        flags: &[(Board, String)],
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<BoardUrls, String> {
        let mut urls = BoardUrls::default();
        for board in Board::ALL {
            let var = env_var(board);
            if let Some(value) = lookup(&var).filter(|v| !v.trim().is_empty()) {
                urls.bases[index(board)] =
                    check_base(&value).map_err(|e| format!("{var}={value}: {e}"))?;
            }
        }
        for (board, url) in flags {
            urls.bases[index(*board)] = url.clone();
        }
        Ok(urls)
    }
}

/// Why `--board-url` or `ROLEFIT_<BOARD>_API` was refused. Its English is
/// here; `src/i18n/help.ko.toml` has the Korean.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadBoardUrl {
    #[error("expected BOARD=URL, where BOARD is one of {names}", names = board_names())]
    Form,
    #[error("unknown board {0:?} (known: {names})", names = board_names())]
    UnknownBoard(String),
    #[error("not a URL ({0})")]
    NotUrl(String),
    #[error("only http:// and https:// URLs can be a board's API")]
    Scheme,
    #[error("the URL has no host")]
    NoHost,
    #[error("a base URL cannot have a query (?) or a fragment (#)")]
    Query,
}

/// The boards' names, as `--board-url` takes them.
pub fn board_names() -> String {
    Board::ALL.map(Board::key).join(", ")
}

/// An API base must be an http(s) URL without a query or fragment, since the
/// API's paths are appended to it.
fn check_base(value: &str) -> Result<String, BadBoardUrl> {
    let url = Url::parse(value.trim()).map_err(|e| BadBoardUrl::NotUrl(e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(BadBoardUrl::Scheme);
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(BadBoardUrl::NoHost);
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(BadBoardUrl::Query);
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

/// Reads `--board-url BOARD=URL`.
pub fn parse_board_url(s: &str) -> Result<(Board, String), BadBoardUrl> {
    let (key, url) = s.split_once('=').ok_or(BadBoardUrl::Form)?;
    let board =
        Board::from_key(key.trim()).ok_or_else(|| BadBoardUrl::UnknownBoard(key.to_string()))?;
    Ok((board, check_base(url)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_the_environment() {
        let env = |var: &str| {
            (var == "ROLEFIT_LEVER_API" || var == "ROLEFIT_WANTED_API")
                .then(|| "http://127.0.0.1:9/lever/".to_string())
        };
        let flags = [parse_board_url("wanted=http://127.0.0.1:8/").unwrap()];
        let urls = BoardUrls::configure(&flags, env).unwrap();
        assert_eq!(urls.base(Board::Lever), "http://127.0.0.1:9/lever");
        assert_eq!(urls.base(Board::Wanted), "http://127.0.0.1:8");
        assert_eq!(
            urls.base(Board::Greenhouse),
            "https://boards-api.greenhouse.io"
        );
    }

    #[test]
    fn bad_bases_are_refused_with_their_source() {
        assert_eq!(
            parse_board_url("greenhouse=file:///etc")
                .unwrap_err()
                .to_string(),
            "only http:// and https:// URLs can be a board's API"
        );
        assert!(
            parse_board_url("monster=http://x")
                .unwrap_err()
                .to_string()
                .starts_with("unknown board \"monster\"")
        );
        assert!(
            parse_board_url("http://x")
                .unwrap_err()
                .to_string()
                .starts_with("expected BOARD=URL")
        );
        let env = |var: &str| (var == "ROLEFIT_ASHBY_API").then(|| "http://x/?a=1".to_string());
        assert_eq!(
            BoardUrls::configure(&[], env).unwrap_err(),
            "ROLEFIT_ASHBY_API=http://x/?a=1: a base URL cannot have a query (?) or a fragment (#)"
        );
    }
}
