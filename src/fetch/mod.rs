//! Fetching a posting over HTTP(S): limits on time, size and redirects; the
//! charset from the header or the page; retries for transient failures; clear
//! one-line errors that name the URL.
//!
//! [`Fetcher::get`] runs attempts until one succeeds, fails for good, or the
//! retries or the time budget run out. The parts live in submodules:
//! [`body`] (content types, the size cap), [`errors`] (turning transport errors
//! into messages, the redirect policy) and [`retry`] (what is retried, and when).

mod body;
mod errors;
mod redact;
mod refresh;
mod retry;

pub use redact::{redact, redact_all};

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, Response};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderValue, LOCATION, RETRY_AFTER};
use reqwest::{StatusCode, Url};

use crate::decode;
use crate::extract::structured::{self, Structured};
use crate::extract::{self, ExtractError, Format, Posting};
use crate::rules::SectionRules;
use retry::Retry;

/// The User-Agent sent with every request, so site owners can tell who is asking.
const USER_AGENT: &str = concat!(
    "rolefit/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/rolefit/rolefit)"
);

/// What rolefit can read, best first; anything else is still asked for
/// (`*/*`) because many servers answer a narrow Accept with 406.
const ACCEPT_VALUE: &str =
    "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.8,*/*;q=0.1";

/// Limits and identity for fetching.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Total time for one URL: connecting, redirects, the body and any retries.
    pub timeout: Duration,
    /// Time to open a connection (DNS, TCP and TLS).
    pub connect_timeout: Duration,
    /// Largest body accepted (after decompression).
    pub max_bytes: u64,
    /// Largest job board listing accepted: a board's list carries every
    /// posting in full, so it is many pages long (800 postings are ~6 MB).
    /// At least `max_bytes`.
    pub max_listing_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Extra attempts after a 429, a 5xx or a reset connection.
    pub retries: u32,
    /// Follow redirects to link-local and cloud metadata addresses.
    pub allow_private: bool,
}

impl Default for FetchOptions {
    fn default() -> FetchOptions {
        FetchOptions {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_bytes: 5 * 1024 * 1024,
            max_listing_bytes: 64 * 1024 * 1024,
            max_redirects: 10,
            retries: 2,
            allow_private: false,
        }
    }
}

/// A fetched page, decoded to text, or a posting a job board's API gave.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: String,
    /// The Content-Type header as the server sent it.
    pub content_type: Option<String>,
    pub body: Body,
}

/// What a source holds: text to extract a posting from, or a posting a
/// board's API already split into fields.
#[derive(Debug, Clone)]
pub enum Body {
    Text {
        /// Decoded text (charset from the header, else the page).
        text: String,
        /// How to read it: from the content type or file name, else sniffed.
        format: Format,
    },
    Posting(Box<Structured>),
}

impl Body {
    /// Extracts the posting.
    pub fn extract(&self, rules: &SectionRules) -> Result<Posting, ExtractError> {
        match self {
            Body::Text { text, format } => extract::extract(text, *format, rules),
            Body::Posting(data) => structured::posting(data, rules),
        }
    }

    /// The text, for telling two sources with the same posting apart from
    /// others: the page, or the board posting's parts.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Body::Text { text, .. } => text.into(),
            Body::Posting(data) => data
                .parts
                .iter()
                .map(|p| p.body.as_str())
                .collect::<Vec<_>>()
                .join("\n")
                .into(),
        }
    }
}

/// Why a URL could not be fetched; every message names the URL as given.
#[derive(Debug, Clone, thiserror::Error)]
pub enum FetchError {
    /// The server answered with a status other than 2xx.
    #[error("{url}: HTTP {}", status_line(*.status))]
    Status { url: String, status: u16 },
    /// Any other failure: network, limits, content type, redirects.
    #[error("{url}: {message}")]
    Failed { url: String, message: String },
}

impl FetchError {
    /// The URL that failed, as it was given to [`Fetcher::get`].
    pub fn url(&self) -> &str {
        match self {
            FetchError::Status { url, .. } | FetchError::Failed { url, .. } => url,
        }
    }

    /// The HTTP status, when the server answered with a non-2xx one.
    pub fn status(&self) -> Option<u16> {
        match self {
            FetchError::Status { status, .. } => Some(*status),
            FetchError::Failed { .. } => None,
        }
    }

    fn failed(url: &str, message: impl Into<String>) -> FetchError {
        FetchError::Failed {
            url: url.to_string(),
            message: message.into(),
        }
    }
}

/// Builds the HTTP client. Cookies are off (reqwest's `cookies` feature is
/// not enabled), so every request is anonymous.
fn build_client(opts: &FetchOptions) -> Result<Client, String> {
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT, HeaderValue::from_static(ACCEPT_VALUE));
    Client::builder()
        .user_agent(USER_AGENT)
        .default_headers(headers)
        .gzip(true)
        .brotli(true)
        .deflate(true)
        .connect_timeout(opts.connect_timeout)
        // Overridden per request by the time left; see `attempt`.
        .timeout(opts.timeout)
        .redirect(errors::redirect_policy(
            opts.max_redirects,
            opts.allow_private,
        ))
        .build()
        .map_err(|e| format!("cannot set up the HTTP client: {e}"))
}

/// "404 Not Found", or just "599" for a code without a standard reason.
fn status_line(status: u16) -> String {
    match StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

/// What a request asks for: a page to read, or JSON from an API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Page,
    Json,
    /// A board's list of every posting: JSON, with its own size limit.
    Listing,
}

/// An HTTP client with rolefit's limits, shared across requests and threads.
#[derive(Debug)]
pub struct Fetcher {
    opts: FetchOptions,
    /// Built once, on the first URL: it holds the connection pool and the
    /// runtime thread that reqwest's blocking client drives requests on, which
    /// a run over local files never needs.
    client: OnceLock<Result<Client, String>>,
}

impl Fetcher {
    /// A fetcher with these limits; the HTTP client is built on first use.
    pub fn new(opts: FetchOptions) -> anyhow::Result<Fetcher> {
        Ok(Fetcher {
            opts,
            client: OnceLock::new(),
        })
    }

    /// The shared client, built on first use.
    fn client(&self, url: &str) -> Result<&Client, FetchError> {
        self.client
            .get_or_init(|| build_client(&self.opts))
            .as_ref()
            .map_err(|e| FetchError::failed(url, e.clone()))
    }

    /// The limits this fetcher was built with.
    pub fn options(&self) -> &FetchOptions {
        &self.opts
    }

    /// Fetches one URL, retrying transient failures within the time budget.
    /// A page that only sends the browser on (`<meta http-equiv="refresh"
    /// content="0; url=...">`) is followed once, with the same checks as a
    /// redirect; errors still name the URL given.
    pub fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        let page = self.fetch(url, Want::Page, None)?;
        let Body::Text {
            text,
            format: Format::Html,
        } = &page.body
        else {
            return Ok(page);
        };
        let Some(target) = refresh::target(text, &page.url) else {
            return Ok(page);
        };
        // A refresh that a redirect could not make (to file://, to a
        // metadata address) is not taken: the page is read as it is.
        if errors::check_refresh(&target, &page.url, self.opts.allow_private).is_some() {
            return Ok(page);
        }
        self.fetch(target.as_str(), Want::Page, None)
            .map_err(|e| match e {
                FetchError::Status { status, .. } => FetchError::Failed {
                    url: url.to_string(),
                    message: format!("refresh to {target}: HTTP {}", status_line(status)),
                },
                FetchError::Failed { message, .. } => FetchError::Failed {
                    url: url.to_string(),
                    message: format!("refresh to {target}: {message}"),
                },
            })
    }

    /// Fetches JSON from an API (a job board's), with the same limits and
    /// retries as a page. The text is the body as sent; its format is `Text`.
    pub fn get_json(&self, url: &str) -> Result<Fetched, FetchError> {
        self.fetch(url, Want::Json, None)
    }

    /// Fetches a job board's listing: JSON, with the listing size limit.
    pub fn get_listing(&self, url: &str) -> Result<Fetched, FetchError> {
        self.fetch(url, Want::Listing, None)
    }

    /// POSTs a JSON `body` to an API that answers searches only that way
    /// (Workday's), and reads the JSON answer like [`Fetcher::get_json`].
    pub fn post_json(&self, url: &str, body: &str) -> Result<Fetched, FetchError> {
        self.fetch(url, Want::Json, Some(body))
    }

    fn fetch(&self, url: &str, want: Want, body: Option<&str>) -> Result<Fetched, FetchError> {
        let parsed = Url::parse(url)
            .map_err(|e| FetchError::failed(url, format!("not a valid URL ({e})")))?;
        let deadline = deadline_after(self.opts.timeout);
        let mut attempt = 0;
        loop {
            let (error, retry) = match self.attempt(url, &parsed, deadline, want, body) {
                Ok(page) => return Ok(page),
                Err(failure) => failure,
            };
            let Some(wait) = retry::wait(retry, attempt) else {
                return Err(error);
            };
            // Waiting past the deadline would only end in a timeout that hides
            // the real error, so give up with that error instead.
            if attempt >= self.opts.retries || Instant::now() + wait >= deadline {
                return Err(error);
            }
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    /// One request: the error and whether it is worth retrying on failure.
    fn attempt(
        &self,
        url: &str,
        parsed: &Url,
        deadline: Instant,
        want: Want,
        body: Option<&str>,
    ) -> Result<Fetched, (FetchError, Retry)> {
        // The request-level timeout covers the body too (reqwest's blocking
        // client-level one is per read), so a server that drips bytes is cut off.
        let left = deadline.saturating_duration_since(Instant::now());
        let client = self.client(url).map_err(|e| (e, Retry::Never))?;
        let mut request = match body {
            Some(b) => client
                .post(parsed.clone())
                .header(CONTENT_TYPE, "application/json")
                .body(b.to_string()),
            None => client.get(parsed.clone()),
        }
        .timeout(left);
        if want != Want::Page {
            request = request.header(ACCEPT, "application/json");
        }
        let response = request.send().map_err(|e| self.transport_error(url, &e))?;
        if !response.status().is_success() {
            return Err(status_error(url, &response));
        }
        self.read_page(url, response, want)
    }

    /// Checks the content type and size, then reads and decodes the body.
    fn read_page(
        &self,
        url: &str,
        mut response: Response,
        want: Want,
    ) -> Result<Fetched, (FetchError, Retry)> {
        let fail = |message: String| (FetchError::failed(url, message), Retry::Never);
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        let declared_format = match want {
            Want::Page => body::format_for(content_type.as_deref()).map_err(|e| e.to_string()),
            Want::Json | Want::Listing => {
                body::json_for(content_type.as_deref()).map_err(|e| e.to_string())
            }
        }
        .map_err(fail)?;
        let max = match want {
            Want::Listing => self.opts.max_listing_bytes.max(self.opts.max_bytes),
            Want::Page | Want::Json => self.opts.max_bytes,
        };
        // reqwest drops Content-Length when it decompresses, so this only
        // catches honest plain bodies early; the capped read catches the rest.
        if response.content_length().is_some_and(|len| len > max) {
            return Err(fail(body::too_large(max)));
        }
        let bytes = match body::read_capped(&mut response, max) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Err(fail(body::too_large(max))),
            Err(e) => return Err(self.transport_error(url, &e)),
        };
        let charset = content_type.as_deref().and_then(decode::charset_param);
        let text = decode::decode(&bytes, charset).map_err(|e| fail(e.to_string()))?;
        let format = declared_format.unwrap_or_else(|| Format::sniff(&text));
        Ok(Fetched {
            url: response.url().to_string(),
            content_type,
            body: Body::Text { text, format },
        })
    }

    /// A failure below HTTP (or in redirects) as a one-line message.
    fn transport_error(
        &self,
        url: &str,
        err: &(dyn std::error::Error + 'static),
    ) -> (FetchError, Retry) {
        let cause = errors::classify(err);
        let retry = if cause.is_retryable() {
            Retry::Backoff
        } else {
            Retry::Never
        };
        (FetchError::failed(url, cause.message(&self.opts)), retry)
    }
}

/// `timeout` from now; an absurd timeout (`--timeout 1e15`) means a year
/// rather than an overflow panic.
fn deadline_after(timeout: Duration) -> Instant {
    const YEAR: Duration = Duration::from_secs(365 * 24 * 3600);
    let now = Instant::now();
    now.checked_add(timeout.min(YEAR)).unwrap_or(now)
}

/// A non-2xx response as an error. A redirect that was not followed (its
/// Location could not be resolved as an http URL, e.g. `file:///...`) is
/// reported as a refused redirect rather than a bare 3xx.
fn status_error(url: &str, response: &Response) -> (FetchError, Retry) {
    let status = response.status();
    if status.is_redirection()
        && let Some(target) = response
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|loc| response.url().join(loc).ok())
        && !errors::is_followable(&target)
    {
        let refused = errors::RedirectError::Scheme(target.to_string());
        return (FetchError::failed(url, refused.to_string()), Retry::Never);
    }
    let retry_after = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(retry::parse_retry_after);
    let error = FetchError::Status {
        url: url.to_string(),
        status: status.as_u16(),
    };
    (error, retry::for_status(status.as_u16(), retry_after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_agent_names_the_version() {
        assert_eq!(
            USER_AGENT,
            format!(
                "rolefit/{} (+https://github.com/rolefit/rolefit)",
                env!("CARGO_PKG_VERSION")
            )
        );
    }

    #[test]
    fn status_errors_read_like_http() {
        let e = FetchError::Status {
            url: "https://x.example/job".into(),
            status: 404,
        };
        assert_eq!(e.to_string(), "https://x.example/job: HTTP 404 Not Found");
        assert_eq!(e.status(), Some(404));
        assert_eq!(status_line(599), "599");
    }

    #[test]
    fn fetcher_is_shared_across_threads() {
        fn assert_sync<T: Send + Sync>() {}
        assert_sync::<Fetcher>();
    }

    #[test]
    fn invalid_url_is_one_line() {
        let f = Fetcher::new(FetchOptions::default()).unwrap();
        let e = f.get("http://").unwrap_err();
        assert_eq!(e.url(), "http://");
        assert!(e.to_string().starts_with("http://: not a valid URL"), "{e}");
    }
}
