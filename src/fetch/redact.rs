//! Credentials in URLs (`https://user:password@host/`) are used to fetch,
//! and never printed, cached or written: everywhere else the user part is
//! `***`.

use std::borrow::Cow;

/// The URL with any `user:password@` replaced by `***@`.
pub fn redact(url: &str) -> Cow<'_, str> {
    redact_all(url)
}

/// Every URL in `text` with its `user:password@` replaced by `***@`, for
/// messages that quote a URL (a fetch error, a redirect's target).
pub fn redact_all(text: &str) -> Cow<'_, str> {
    if !text.contains("://") || !text.contains('@') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (before, after) = rest.split_at(at + 3);
        out.push_str(before);
        // The authority ends at the path, query, fragment or any space.
        let end = after
            .find(|c: char| matches!(c, '/' | '?' | '#') || c.is_whitespace())
            .unwrap_or(after.len());
        let authority = &after[..end];
        match authority.rfind('@') {
            Some(i) => {
                out.push_str("***");
                out.push_str(&authority[i..]);
            }
            None => out.push_str(authority),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_replaced() {
        assert_eq!(
            redact("https://me:s3cret@jobs.example:8080/a?b=c@d"),
            "https://***@jobs.example:8080/a?b=c@d"
        );
        assert_eq!(
            redact("https://jobs.example/a@b"),
            "https://jobs.example/a@b"
        );
        assert_eq!(
            redact_all("row 3: http://u:p@x.example/j: HTTP 404 (from http://a@b/)"),
            "row 3: http://***@x.example/j: HTTP 404 (from http://***@b/)"
        );
        assert_eq!(redact_all("no urls @ all"), "no urls @ all");
    }
}
