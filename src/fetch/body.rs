//! The response body: which content types rolefit reads, and reading at most
//! `max_bytes` of it.

use std::io::{self, Read};

use crate::extract::Format;

/// A content type that is not a page of text (a PDF, an image, a download).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported content type {0} (rolefit reads HTML and text pages)")]
pub(super) struct Unsupported(String);

/// The media type of a Content-Type header, lower case, without parameters
/// ("text/html; charset=utf-8" -> "text/html"); empty when there is none.
fn essence(content_type: Option<&str>) -> String {
    content_type
        .and_then(|ct| ct.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// How to read a page with this Content-Type: `Ok(None)` when there is none
/// and the text must be sniffed.
pub(super) fn format_for(content_type: Option<&str>) -> Result<Option<Format>, Unsupported> {
    let essence = essence(content_type);
    match essence.as_str() {
        "" => Ok(None),
        "text/html" | "application/xhtml+xml" => Ok(Some(Format::Html)),
        "text/markdown" | "text/x-markdown" => Ok(Some(Format::Markdown)),
        "text/plain" => Ok(Some(Format::Text)),
        _ => Err(Unsupported(essence)),
    }
}

/// An API answered with something other than JSON (an HTML error page).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the API answered with content type {0}, not JSON")]
pub(super) struct NotJson(String);

/// JSON from an API, read as text: a JSON content type, text, or none.
/// Anything else (an HTML error page) is refused.
pub(super) fn json_for(content_type: Option<&str>) -> Result<Option<Format>, NotJson> {
    let essence = essence(content_type);
    if essence.is_empty()
        || essence == "application/json"
        || essence.ends_with("+json")
        || essence == "text/json"
        || essence == "text/plain"
        || essence == "text/javascript"
    {
        Ok(Some(Format::Text))
    } else {
        Err(NotJson(essence))
    }
}

/// Reads the whole body unless it is longer than `max` bytes (`Ok(None)`).
/// The reader yields decompressed bytes, so this also stops a gzip bomb after
/// `max + 1` bytes, whatever its compressed size.
pub(super) fn read_capped(reader: &mut impl Read, max: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// The message for a body over the cap.
pub(super) fn too_large(max: u64) -> String {
    format!("page is larger than {} (--max-bytes)", size(max))
}

/// "5 MiB", "64 KiB", "1000 bytes": the exact limit in the largest unit that fits.
fn size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_to_formats() {
        assert_eq!(format_for(Some("text/html")), Ok(Some(Format::Html)));
        assert_eq!(
            format_for(Some("Text/HTML; charset=EUC-KR")),
            Ok(Some(Format::Html))
        );
        assert_eq!(
            format_for(Some("application/xhtml+xml")),
            Ok(Some(Format::Html))
        );
        assert_eq!(
            format_for(Some("text/markdown; charset=utf-8")),
            Ok(Some(Format::Markdown))
        );
        assert_eq!(format_for(Some("text/plain")), Ok(Some(Format::Text)));
        assert_eq!(format_for(None), Ok(None));
        assert_eq!(format_for(Some("  ")), Ok(None));
    }

    #[test]
    fn other_content_types_are_refused() {
        let e = format_for(Some("application/pdf")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unsupported content type application/pdf (rolefit reads HTML and text pages)"
        );
        assert!(format_for(Some("image/png")).is_err());
        assert!(format_for(Some("application/octet-stream")).is_err());
        assert!(format_for(Some("application/json")).is_err());
    }

    #[test]
    fn reads_up_to_the_cap() {
        let data = vec![b'a'; 100];
        assert_eq!(
            read_capped(&mut &data[..], 100).unwrap(),
            Some(data.clone())
        );
        assert_eq!(read_capped(&mut &data[..], 99).unwrap(), None);
        assert_eq!(read_capped(&mut &b""[..], 0).unwrap(), Some(vec![]));
    }

    #[test]
    fn sizes_in_messages() {
        assert_eq!(
            too_large(5 * 1024 * 1024),
            "page is larger than 5 MiB (--max-bytes)"
        );
        assert_eq!(
            too_large(1000),
            "page is larger than 1000 bytes (--max-bytes)"
        );
        assert_eq!(size(64 * 1024), "64 KiB");
        assert_eq!(size(1536), "1536 bytes");
    }
}
