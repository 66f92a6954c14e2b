//! `<meta http-equiv="refresh" content="0; url=...">`: a page that only
//! sends the browser on to the posting.

use reqwest::Url;

/// Only a refresh within this many seconds sends the reader on; a page
/// that reloads itself every few minutes is a page to read.
const MAX_DELAY_SECS: f64 = 10.0;

/// Where the page's meta refresh leads, resolved against `base`, if it has
/// one that moves on soon to another URL.
pub(super) fn target(html: &str, base: &str) -> Option<Url> {
    // The tag belongs in the head; a page's first 16 KiB hold it.
    let head = &html[..html.floor_char_boundary(16 * 1024)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta") {
        let start = from + at;
        let end = start + lower[start..].find('>').unwrap_or(lower.len() - start);
        from = end;
        let tag = &head[start..end];
        // One inside <noscript> is for browsers without JavaScript, often
        // to a "please enable JavaScript" page: not the posting.
        let before = &lower[..start];
        let in_noscript = before
            .rfind("<noscript")
            .is_some_and(|open| before.rfind("</noscript").is_none_or(|close| close < open));
        if in_noscript {
            continue;
        }
        if attr(tag, "http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
            && let Some(content) = attr(tag, "content")
        {
            return parse_content(&content, base);
        }
    }
    None
}

/// "5; url=/jobs/42" (quotes around the URL allowed), resolved.
fn parse_content(content: &str, base: &str) -> Option<Url> {
    let (delay, rest) = content.split_once([';', ','])?;
    let delay: f64 = delay.trim().parse().ok()?;
    if !(0.0..=MAX_DELAY_SECS).contains(&delay) {
        return None;
    }
    let rest = rest.trim();
    let url = if rest.len() >= 4 && rest[..4].eq_ignore_ascii_case("url=") {
        &rest[4..]
    } else {
        rest
    };
    let url = url.trim().trim_matches(['\'', '"']).trim();
    if url.is_empty() {
        return None;
    }
    let target = Url::parse(base).ok()?.join(url).ok()?;
    (target.as_str() != base).then_some(target)
}

/// The value of attribute `name` in a tag's text, entity `&amp;` decoded.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(name) {
        let start = from + at;
        from = start + name.len();
        let before_ok = start > 0 && lower.as_bytes()[start - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - rest.len() + 1;
        let value = tag[value_at..].trim_start();
        let v = match value.chars().next()? {
            q @ ('"' | '\'') => value[1..].split(q).next()?,
            _ => value
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()?,
        };
        return Some(v.replace("&amp;", "&"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_target() {
        let page = r#"<html><head><META HTTP-EQUIV="Refresh" CONTENT="0; URL='/jobs/42?a=1&amp;b=2'"></head></html>"#;
        assert_eq!(
            target(page, "https://x.example/old").unwrap().as_str(),
            "https://x.example/jobs/42?a=1&b=2"
        );
        let slow = r#"<meta http-equiv="refresh" content="300; url=/other">"#;
        assert_eq!(target(slow, "https://x.example/"), None);
        let reload = r#"<meta http-equiv="refresh" content="5">"#;
        assert_eq!(target(reload, "https://x.example/"), None);
        let same = r#"<meta http-equiv=refresh content="0;url=https://x.example/a">"#;
        assert_eq!(target(same, "https://x.example/a"), None);
        let unquoted = r#"<meta content="1;url=https://y.example/j" http-equiv=refresh>"#;
        assert_eq!(
            target(unquoted, "https://x.example/a").unwrap().as_str(),
            "https://y.example/j"
        );
        let noscript = r#"<noscript><meta http-equiv="refresh" content="0; url=/nojs"></noscript>"#;
        assert_eq!(target(noscript, "https://x.example/a"), None);
    }
}
