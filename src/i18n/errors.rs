//! The errors a person meets most, in their language: a missing file, a CSV
//! with no text column, a profile that cannot be read, a URL that cannot be
//! reached. Typed errors are rendered from their fields; the one-line
//! messages of a failed source or row (which JSON and CSV keep in English,
//! as data) are translated when shown, by their known English endings.
//! Anything else is shown as it is.

use crate::input_error::InputError;
use crate::profile::ProfileError;

use super::{Locale, Messages};

/// The English endings of per-source messages (after "PATH: " or "URL: "),
/// with `{}` for the one part that varies, and the catalogue id of each.
pub const KNOWN: &[(&str, &str)] = &[
    ("no such file", "err-no-such-file"),
    ("permission denied", "err-permission-denied"),
    ("is a folder, not a posting file", "err-is-folder"),
    ("connection refused", "err-connection-refused"),
    ("host not found (DNS lookup failed)", "err-dns"),
    ("connection reset by the server", "err-reset"),
    (
        "connection closed before the whole page arrived",
        "err-closed",
    ),
    ("timed out after {} s", "err-timeout"),
    ("could not connect within {} s", "err-connect-timeout"),
    ("could not connect: {}", "err-connect"),
    ("nothing to read", "err-nothing-to-read"),
    (
        "no posting text found (the page is empty or only scripts; it may need JavaScript)",
        "err-empty-page",
    ),
    (
        "no posting text found: the page asks to sign in (a login wall)",
        "err-login-wall",
    ),
    ("no posting text: the description is empty", "err-empty-row"),
    ("no posting text: the input is empty", "err-empty-text"),
];

/// The line after `rolefit: ` for an error that stopped the run.
pub fn render(e: &anyhow::Error, m: Messages) -> String {
    let english = format!("{e:#}");
    if m.locale() == Locale::En {
        return english;
    }
    if let Some(InputError::NoTextColumn {
        file,
        headers,
        hint,
    }) = e.downcast_ref::<InputError>()
    {
        let line = m.args(
            "err-no-text-column",
            &[
                ("file", file.as_str().into()),
                ("headers", headers.as_str().into()),
            ],
        );
        return format!("{line}{hint}");
    }
    if let Some(p) = e.downcast_ref::<ProfileError>() {
        return match p {
            ProfileError::File { file, message } if message == "no such file" => {
                format!("{file}: {}", m.get("err-no-such-file"))
            }
            ProfileError::File { file, message } => m.args(
                "err-bad-profile",
                &[
                    ("file", file.as_str().into()),
                    ("detail", message.as_str().into()),
                ],
            ),
            ProfileError::At {
                file,
                line,
                message,
            } => m.args(
                "err-bad-profile-at",
                &[
                    ("file", file.as_str().into()),
                    ("line", (*line).into()),
                    ("detail", message.as_str().into()),
                ],
            ),
            ProfileError::Inline(message) => {
                m.args("err-bad-strengths", &[("detail", message.as_str().into())])
            }
        };
    }
    line(&english, m)
}

/// A one-line message of a failed source or row ("posting.html: no such
/// file", "https://x.example/1: connection refused"), in the language of
/// `m`: its known ending translated, the place it names kept.
pub fn line(text: &str, m: Messages) -> String {
    if m.locale() == Locale::En {
        return text.to_string();
    }
    // "row 12: ..." names a batch row.
    if let Some((n, rest)) = text
        .strip_prefix("row ")
        .and_then(|t| t.split_once(": "))
        .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        let row = m.args("err-row", &[("n", n.into())]);
        return format!("{row}: {}", ending(rest, m));
    }
    ending(text, m)
}

/// `text` with its known ending translated: the whole text, or what
/// follows its last place ("PATH: ").
fn ending(text: &str, m: Messages) -> String {
    // With ": " in front, a message that is only the ending is found too.
    let padded = format!(": {text}");
    for (en, id) in KNOWN {
        let (pre, post) = en.split_once("{}").unwrap_or((en, ""));
        let Some(at) = padded.find(&format!(": {pre}")) else {
            continue;
        };
        let place = &padded[2.min(at + 2)..at + 2];
        let rest = &padded[at + 2 + pre.len()..];
        let said = if en.contains("{}") {
            rest.strip_suffix(post)
                .map(|detail| m.args(id, &[("detail", detail.into())]))
        } else {
            rest.is_empty().then(|| m.get(id))
        };
        if let Some(said) = said {
            return format!("{place}{said}");
        }
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ko() -> Messages {
        Messages::new(Locale::Ko)
    }

    #[test]
    fn known_endings_are_translated_and_places_kept() {
        assert_eq!(
            line("posting.html: no such file", ko()),
            "posting.html: 파일이 없습니다"
        );
        assert_eq!(
            line("https://x.example/1: timed out after 30 s", ko()),
            "https://x.example/1: 30초 안에 응답이 없어 그만두었습니다"
        );
        assert_eq!(
            line("row 3: https://x.example/1: connection refused", ko()),
            "3행: https://x.example/1: 연결이 거부되었습니다 (서버에 닿을 수 없음)"
        );
        // Unknown messages and English stay as they are.
        assert_eq!(line("x: something else", ko()), "x: something else");
        assert_eq!(
            line("row 7: nothing to read", ko()),
            "7행: 읽을 내용이 없습니다"
        );
        let en = Messages::new(Locale::En);
        assert_eq!(line("a: no such file", en), "a: no such file");
        // An ending that only starts like a known one is not touched.
        assert_eq!(
            line("a: no such file or folder", ko()),
            "a: no such file or folder"
        );
    }

    #[test]
    fn typed_errors_render_from_their_fields() {
        let e: anyhow::Error = ProfileError::At {
            file: "me.toml".into(),
            line: 4,
            message: "invalid type".into(),
        }
        .into();
        assert_eq!(
            render(&e, ko()),
            "me.toml:4: 프로필을 읽을 수 없습니다: invalid type"
        );
        assert_eq!(render(&e, Messages::default()), "me.toml:4: invalid type");
        let e: anyhow::Error = InputError::NoTextColumn {
            file: "t.csv".into(),
            headers: "a, b".into(),
            hint: String::new(),
        }
        .into();
        assert!(render(&e, ko()).starts_with("t.csv: 본문(텍스트)이나 URL 열이 없습니다"));
        assert!(render(&e, Messages::default()).starts_with("t.csv: no text or URL column"));
    }
}
