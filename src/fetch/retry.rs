//! What is retried, and how long to wait first.
//!
//! Only failures that a second try can fix are retried: rate limiting (429),
//! server errors (5xx) and reset connections. The wait doubles each time,
//! unless the server says how long in `Retry-After`.

use std::time::Duration;

/// The first wait; later ones double it.
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
/// The longest wait, whatever a server asks for; `Fetcher::get` also stops
/// waiting when the total time budget would run out.
pub(super) const MAX_WAIT: Duration = Duration::from_secs(30);

/// Whether a failed attempt may be tried again, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Retry {
    /// Trying again would fail the same way.
    Never,
    /// Transient: wait with exponential backoff.
    Backoff,
    /// The server said how long to wait (`Retry-After`).
    After(Duration),
}

/// How long to wait before retry number `attempt + 1` (`attempt` counts the
/// retries already made), or `None` when the failure is not worth retrying.
pub(super) fn wait(retry: Retry, attempt: u32) -> Option<Duration> {
    match retry {
        Retry::Never => None,
        Retry::Backoff => Some(backoff(attempt)),
        Retry::After(d) => Some(d.min(MAX_WAIT)),
    }
}

/// 250 ms, 500 ms, 1 s, ... up to [`MAX_WAIT`].
fn backoff(attempt: u32) -> Duration {
    FIRST_BACKOFF
        .checked_mul(2u32.saturating_pow(attempt))
        .map_or(MAX_WAIT, |d| d.min(MAX_WAIT))
}

/// How a response status is retried: 429 and 5xx are, except the 5xx codes
/// that say the server will never handle the request (501 Not Implemented,
/// 505 HTTP Version Not Supported).
pub(super) fn for_status(status: u16, retry_after: Option<Duration>) -> Retry {
    let transient = status == 429 || ((500..600).contains(&status) && !matches!(status, 501 | 505));
    match (transient, retry_after) {
        (false, _) => Retry::Never,
        (true, Some(d)) => Retry::After(d),
        (true, None) => Retry::Backoff,
    }
}

/// A `Retry-After` in seconds. The HTTP-date form is rare on the pages
/// rolefit reads and falls back to the backoff, as does anything unreadable.
pub(super) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Too many digits for a u64 is still "a very long time".
    let secs = value.parse::<u64>().unwrap_or(u64::MAX);
    Some(Duration::from_secs(secs).min(MAX_WAIT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(wait(Retry::Backoff, 0), Some(Duration::from_millis(250)));
        assert_eq!(wait(Retry::Backoff, 1), Some(Duration::from_millis(500)));
        assert_eq!(wait(Retry::Backoff, 2), Some(Duration::from_secs(1)));
        assert_eq!(wait(Retry::Backoff, 40), Some(MAX_WAIT));
        assert_eq!(wait(Retry::Never, 0), None);
    }

    #[test]
    fn retry_after_seconds() {
        assert_eq!(parse_retry_after("1"), Some(Duration::from_secs(1)));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("3600"), Some(MAX_WAIT));
        assert_eq!(parse_retry_after("99999999999999999999999"), Some(MAX_WAIT));
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("1.5"), None);
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after(""), None);
    }

    #[test]
    fn which_statuses_are_retried() {
        assert_eq!(for_status(404, None), Retry::Never);
        assert_eq!(for_status(403, Some(Duration::from_secs(1))), Retry::Never);
        assert_eq!(for_status(500, None), Retry::Backoff);
        assert_eq!(for_status(503, None), Retry::Backoff);
        assert_eq!(for_status(501, None), Retry::Never);
        assert_eq!(
            for_status(429, Some(Duration::from_secs(2))),
            Retry::After(Duration::from_secs(2))
        );
    }
}
