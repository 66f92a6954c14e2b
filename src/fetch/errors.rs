//! Transport failures turned into one-line messages, and the redirect policy
//! whose refusals those messages report.
//!
//! reqwest's own `Display` says "error sending request for url (...)" and its
//! `Debug` spans many lines; neither is for users. The cause is found by walking
//! the error's `source()` chain instead.

use std::error::Error;
use std::io;
use std::time::Duration;

use reqwest::Url;
use reqwest::redirect::Policy;

use super::FetchOptions;

/// Why the redirect policy stopped a chain of redirects.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub(super) enum RedirectError {
    #[error("redirect to {0} refused: only http and https are followed")]
    Scheme(String),
    #[error("redirect loop: {0} redirects back to a page already visited")]
    Loop(String),
    #[error("more than {0} redirects")]
    TooMany(usize),
    #[error(
        "redirect to {0} refused: a link-local or cloud metadata address (--allow-private allows it)"
    )]
    Private(String),
}

/// Follows at most `max` redirects, only to http(s), and never in a circle;
/// unless `allow_private`, never to a link-local or cloud metadata address
/// (169.254.0.0/16, fe80::/10), where a page could make rolefit read a
/// cloud machine's credentials.
pub(super) fn redirect_policy(max: usize, allow_private: bool) -> Policy {
    Policy::custom(move |attempt| {
        let refused = check_redirect(attempt.url(), attempt.previous(), max).or_else(|| {
            (!allow_private && resolves_to_link_local(attempt.url()))
                .then(|| RedirectError::Private(attempt.url().to_string()))
        });
        match refused {
            Some(refused) => attempt.error(refused),
            None => attempt.follow(),
        }
    })
}

/// Whether a `<meta http-equiv="refresh">` from `from` to `next` may be
/// followed: the rules of a redirect.
pub(super) fn check_refresh(next: &Url, from: &str, allow_private: bool) -> Option<RedirectError> {
    let previous: Vec<Url> = Url::parse(from).into_iter().collect();
    check_redirect(next, &previous, usize::MAX - 1).or_else(|| {
        (!allow_private && resolves_to_link_local(next))
            .then(|| RedirectError::Private(next.to_string()))
    })
}

/// Whether the URL's host is, or resolves to, a link-local address.
fn resolves_to_link_local(url: &Url) -> bool {
    use std::net::{IpAddr, ToSocketAddrs};
    let port = url.port_or_known_default().unwrap_or(80);
    let Some(host) = url.host_str() else {
        return false;
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<IpAddr>() {
        Ok(ip) => is_link_local(ip),
        Err(_) => (bare, port)
            .to_socket_addrs()
            .is_ok_and(|mut addrs| addrs.any(|a| is_link_local(a.ip()))),
    }
}

/// 169.254.0.0/16 and fe80::/10 (and IPv4 ones mapped into IPv6), and the
/// IPv6 address of EC2's metadata service, fd00:ec2::254.
pub(super) fn is_link_local(ip: std::net::IpAddr) -> bool {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v4) => v4.is_link_local(),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return v4.is_link_local();
            }
            (v6.segments()[0] & 0xffc0) == 0xfe80
                || v6 == std::net::Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254)
        }
    }
}

/// Whether a redirect to `next` may be followed; `previous` starts with the
/// URL first asked for, so it holds one more URL than redirects taken.
fn check_redirect(next: &Url, previous: &[Url], max: usize) -> Option<RedirectError> {
    if !is_followable(next) {
        // A page must not send the fetcher to file:// or another scheme.
        Some(RedirectError::Scheme(next.to_string()))
    } else if previous.contains(next) {
        // Without cookies a server cannot change its answer, so a revisit is a loop.
        let from = previous.last().map_or_else(String::new, Url::to_string);
        Some(RedirectError::Loop(from))
    } else if previous.len() > max {
        Some(RedirectError::TooMany(max))
    } else {
        None
    }
}

/// Only http and https URLs are fetched.
pub(super) fn is_followable(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

/// What went wrong below HTTP, as far as a user needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cause {
    /// The total time budget ran out.
    Timeout,
    /// No connection within the connect timeout.
    ConnectTimeout,
    Refused,
    Dns,
    /// The server reset the connection: often a restart or an overloaded proxy.
    Reset,
    /// The connection ended before the body did.
    Closed,
    Redirect(String),
    /// Another failure while connecting (TLS, an unreachable network...).
    Connect(String),
    Other(String),
}

impl Cause {
    /// A reset is usually transient; the other causes would fail again.
    pub(super) fn is_retryable(&self) -> bool {
        matches!(self, Cause::Reset)
    }

    /// The message after "URL: ".
    pub(super) fn message(&self, opts: &FetchOptions) -> String {
        match self {
            Cause::Timeout => format!("timed out after {}", seconds(opts.timeout)),
            Cause::ConnectTimeout => {
                format!("could not connect within {}", seconds(opts.connect_timeout))
            }
            Cause::Refused => "connection refused".to_string(),
            Cause::Dns => "host not found (DNS lookup failed)".to_string(),
            Cause::Reset => "connection reset by the server".to_string(),
            Cause::Closed => "connection closed before the whole page arrived".to_string(),
            Cause::Redirect(m) | Cause::Other(m) => m.clone(),
            Cause::Connect(m) => format!("could not connect: {m}"),
        }
    }
}

/// "30 s", "1.5 s".
fn seconds(d: Duration) -> String {
    format!("{} s", d.as_secs_f64())
}

/// Finds the cause of a failed request or body read.
pub(super) fn classify(err: &(dyn Error + 'static)) -> Cause {
    if let Some(cause) = chain(err).find_map(classify_one) {
        return cause;
    }
    let detail = innermost(err);
    let connecting = chain(err).any(|e| {
        e.downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_connect)
    });
    if connecting {
        Cause::Connect(detail)
    } else {
        Cause::Other(detail)
    }
}

/// The cause one link of the chain shows, if it is one we name.
fn classify_one(e: &(dyn Error + 'static)) -> Option<Cause> {
    if let Some(refused) = e.downcast_ref::<RedirectError>() {
        return Some(Cause::Redirect(refused.to_string()));
    }
    if let Some(re) = e.downcast_ref::<reqwest::Error>() {
        // Both look through reqwest's private error types further down.
        if re.is_timeout() {
            return Some(if re.is_connect() {
                Cause::ConnectTimeout
            } else {
                Cause::Timeout
            });
        }
        if re.is_dns() {
            return Some(Cause::Dns);
        }
    }
    let io = e.downcast_ref::<io::Error>()?;
    match io.kind() {
        io::ErrorKind::TimedOut => Some(Cause::Timeout),
        io::ErrorKind::ConnectionRefused => Some(Cause::Refused),
        io::ErrorKind::ConnectionReset
        | io::ErrorKind::ConnectionAborted
        | io::ErrorKind::BrokenPipe => Some(Cause::Reset),
        io::ErrorKind::UnexpectedEof => Some(Cause::Closed),
        _ => None,
    }
}

/// The error and its causes, outermost first.
fn chain<'a>(err: &'a (dyn Error + 'static)) -> impl Iterator<Item = &'a (dyn Error + 'static)> {
    std::iter::successors(Some(err), |e| next_cause(*e))
}

fn next_cause<'a>(e: &'a (dyn Error + 'static)) -> Option<&'a (dyn Error + 'static)> {
    match e.downcast_ref::<io::Error>() {
        // `io::Error::source` skips the error it wraps (reqwest's body errors
        // arrive as io errors wrapping a reqwest::Error); step into it instead.
        Some(io) => io.get_ref().map(|inner| inner as &(dyn Error + 'static)),
        None => e.source(),
    }
}

/// The deepest cause's message, on one line: the most specific thing known.
fn innermost(err: &(dyn Error + 'static)) -> String {
    let last = chain(err).last().unwrap_or(err);
    let text = last.to_string();
    let one_line: Vec<&str> = text.split_whitespace().collect();
    one_line.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_local_and_metadata_addresses() {
        for ip in [
            "169.254.169.254",
            "169.254.0.1",
            "fe80::1",
            "::ffff:169.254.1.1",
            "fd00:ec2::254",
        ] {
            assert!(is_link_local(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["127.0.0.1", "10.0.0.1", "::1", "fec0::1", "8.8.8.8"] {
            assert!(!is_link_local(ip.parse().unwrap()), "{ip}");
        }
        assert!(resolves_to_link_local(&url("http://2852039166/latest")));
        assert!(resolves_to_link_local(&url("http://[fe80::1]:8080/")));
        assert!(!resolves_to_link_local(&url("http://127.0.0.1/")));
    }

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn redirects_only_to_http_and_https() {
        let prev = [url("https://x.example/job")];
        assert_eq!(check_redirect(&url("https://y.example/j"), &prev, 10), None);
        assert_eq!(check_redirect(&url("http://y.example/j"), &prev, 10), None);
        let refused = check_redirect(&url("ftp://y.example/j.pdf"), &prev, 10).unwrap();
        assert_eq!(
            refused.to_string(),
            "redirect to ftp://y.example/j.pdf refused: only http and https are followed"
        );
        assert!(matches!(
            check_redirect(&url("file:///etc/passwd"), &prev, 10),
            Some(RedirectError::Scheme(_))
        ));
    }

    #[test]
    fn redirect_loops_and_limits() {
        let prev = [url("https://x.example/a"), url("https://x.example/b")];
        assert_eq!(
            check_redirect(&url("https://x.example/a"), &prev, 10),
            Some(RedirectError::Loop("https://x.example/b".into()))
        );
        // Two URLs visited means one redirect taken; a second is over a limit of 1.
        assert_eq!(
            check_redirect(&url("https://x.example/c"), &prev, 1),
            Some(RedirectError::TooMany(1))
        );
        assert_eq!(check_redirect(&url("https://x.example/c"), &prev, 2), None);
    }

    #[test]
    fn io_kinds_are_named() {
        let refused = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert_eq!(classify(&refused), Cause::Refused);
        let reset = io::Error::from(io::ErrorKind::ConnectionReset);
        assert!(classify(&reset).is_retryable());
    }

    #[test]
    fn looks_inside_wrapped_io_errors() {
        // The shape of a body read error: io::Error(Other) around the cause.
        let inner = io::Error::from(io::ErrorKind::UnexpectedEof);
        let outer = io::Error::other(inner);
        assert_eq!(classify(&outer), Cause::Closed);
    }

    #[test]
    fn unknown_errors_keep_their_deepest_message_on_one_line() {
        let e = io::Error::other("certificate\n  expired");
        assert_eq!(classify(&e), Cause::Other("certificate expired".into()));
    }

    #[test]
    fn messages() {
        let opts = FetchOptions {
            timeout: Duration::from_millis(1500),
            ..FetchOptions::default()
        };
        assert_eq!(Cause::Timeout.message(&opts), "timed out after 1.5 s");
        assert_eq!(
            Cause::Timeout.message(&FetchOptions::default()),
            "timed out after 30 s"
        );
        assert_eq!(
            Cause::ConnectTimeout.message(&opts),
            "could not connect within 10 s"
        );
    }
}
