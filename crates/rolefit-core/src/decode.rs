//! Bytes to text: byte-order marks, declared charsets (HTTP header or
//! `<meta>`), and the legacy Korean encodings (EUC-KR/CP949) still served.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Why bytes could not be read as text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("binary content, not text (NUL bytes)")]
    Binary,
}

/// Decodes bytes to text. `declared` is a charset label from a Content-Type
/// header, if any; a BOM wins over it, and a `<meta charset>` is used when
/// nothing was declared. Undeclared bytes that are not UTF-8 are tried as
/// EUC-KR (which encoding_rs reads as its superset, CP949) before falling back
/// to UTF-8 with replacement characters.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text.into_owned());
    }
    if looks_utf16(bytes) {
        let enc = if bytes.len() > 1 && bytes[0] == 0 {
            UTF_16BE
        } else {
            UTF_16LE
        };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok(text.into_owned());
    }
    if is_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    let declared = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    if let Some(enc) = declared {
        // A declared charset that the bytes plainly contradict (UTF-8 bytes
        // labelled EUC-KR, a common misconfiguration) is overruled.
        let (text, _, had_errors) = enc.decode(bytes);
        if !had_errors {
            return Ok(text.into_owned());
        }
        if enc == UTF_8 {
            // Bytes labelled UTF-8 that are not, but are clean EUC-KR: an
            // old Korean page behind a server that says utf-8 for everything.
            let (korean, _, korean_errors) = encoding_rs::EUC_KR.decode(bytes);
            if !korean_errors {
                return Ok(korean.into_owned());
            }
            return Ok(text.into_owned());
        }
        if let Ok(s) = std::str::from_utf8(bytes) {
            return Ok(s.to_string());
        }
        return Ok(text.into_owned());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let (text, _, had_errors) = encoding_rs::EUC_KR.decode(bytes);
    if !had_errors {
        return Ok(text.into_owned());
    }
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// A charset from the charset parameter of a Content-Type value.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"'))
    })
}

/// The charset of a `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`
/// in the first 4 KiB of a page.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let rest = head[at + 8..].trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// NUL bytes do not occur in text (UTF-16 was handled before this).
fn is_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

/// UTF-16 without a BOM: every other byte of ASCII text is zero.
fn looks_utf16(bytes: &[u8]) -> bool {
    let n = bytes.len().min(512) & !1;
    if n < 8 {
        return false;
    }
    let zeros_even = bytes[..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = bytes[1..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let half = n / 2;
    (zeros_even * 10 >= half * 9 && zeros_odd == 0)
        || (zeros_odd * 10 >= half * 9 && zeros_even == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euc_kr_declared_and_undeclared() {
        let (bytes, _, _) = encoding_rs::EUC_KR.encode("머신러닝 엔지니어 채용");
        assert_eq!(
            decode(&bytes, Some("euc-kr")).unwrap(),
            "머신러닝 엔지니어 채용"
        );
        assert_eq!(decode(&bytes, None).unwrap(), "머신러닝 엔지니어 채용");
    }

    #[test]
    fn euc_kr_labelled_utf8_is_read_as_euc_kr() {
        let (bytes, _, _) = encoding_rs::EUC_KR.encode("머신러닝 엔지니어 채용");
        assert_eq!(
            decode(&bytes, Some("utf-8")).unwrap(),
            "머신러닝 엔지니어 채용"
        );
        // Bytes that are neither stay UTF-8 with replacement characters.
        assert_eq!(
            decode(b"ML \xff engineer", Some("utf-8")).unwrap(),
            "ML \u{fffd} engineer"
        );
    }

    #[test]
    fn meta_charset_is_used() {
        let mut page = b"<html><head><meta charset=\"euc-kr\"></head><body>".to_vec();
        let (bytes, _, _) = encoding_rs::EUC_KR.encode("자격요건");
        page.extend_from_slice(&bytes);
        assert!(decode(&page, None).unwrap().contains("자격요건"));
    }

    #[test]
    fn wrong_declared_charset_is_overruled_by_valid_utf8() {
        let text = "딥러닝 모델 개발";
        assert_eq!(decode(text.as_bytes(), Some("euc-kr")).unwrap(), text);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "ML engineer".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).unwrap(), "ML engineer");
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn charset_parameter() {
        assert_eq!(charset_param("text/html; charset=EUC-KR"), Some("EUC-KR"));
        assert_eq!(charset_param("text/html"), None);
    }
}
