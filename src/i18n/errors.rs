//! The errors a person meets most, in their language: a missing file, a CSV
//! with no text column, a profile that cannot be read, a URL that cannot be
//! reached. Typed errors are rendered from their fields; the one-line
//! messages of a failed source or row (which JSON and CSV keep in English,
//! as data) are translated when shown, by their known English endings.
//! Anything else is shown as it is.

use fluent_bundle::FluentValue;

use crate::input_error::InputError;
use crate::profile::ProfileError;

use super::{Locale, Messages};

/// The English endings of per-source messages (after "PATH: " or "URL: "),
/// each with the catalogue id that says it. `{name}` is a part that varies,
/// given to the message as `$name`:
///
/// - `{reason}` and `{size}` are messages themselves ("cannot write: {reason}"
///   with "No space left on device"), translated in turn when known;
/// - the names of [`NUMBERS`] match digits (and a decimal point) only;
/// - any other name matches whatever text is there, kept as it is.
///
/// Of two endings that fit a message, the one that starts first wins, then
/// the one listed first: a specific ending goes before a general one. An OS
/// error's " (os error 28)" is left out of a translated line.
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
    ("timed out after {detail} s", "err-timeout"),
    ("could not connect within {detail} s", "err-connect-timeout"),
    ("could not connect: {detail}", "err-connect"),
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
    // Writing files and making folders (outfile, output, history, cache).
    // Writing makes the file: what is missing is the folder it goes in.
    ("cannot write: no such file", "err-cannot-write-no-folder"),
    ("cannot write: {reason}", "err-cannot-write"),
    (
        "cannot create the folder: {reason}",
        "err-cannot-create-folder",
    ),
    // The operating system's words (strerror), the same on Linux and macOS.
    ("Is a directory", "err-os-is-a-directory"),
    ("Not a directory", "err-os-not-a-directory"),
    ("No space left on device", "err-os-no-space"),
    ("File exists", "err-os-file-exists"),
    ("Read-only file system", "err-os-read-only"),
    ("No such file or directory", "err-os-not-found"),
    ("Permission denied", "err-os-permission-denied"),
    // Reading a file or a batch input.
    ("binary content, not text (NUL bytes)", "err-binary"),
    (
        "file is {n} MiB, over the {max} MiB limit",
        "err-file-too-big",
    ),
    ("input is over the {max} MiB limit", "err-input-too-big"),
    ("the file is empty (no header row)", "err-no-header-row"),
    ("cannot read the header row: {reason}", "err-header-row"),
    (
        "the header looks separated by {sep}: use {flag}",
        "err-delimiter-hint",
    ),
    (
        "the header looks like a JSON object: for JSON Lines use --input-format jsonl",
        "err-json-hint",
    ),
    (
        "no such column (the header has: {headers})",
        "err-no-such-column",
    ),
    (
        "has {fields} fields, the header has {header}",
        "err-field-count",
    ),
    ("empty, and the row has no URL", "err-empty-cell"),
    ("no URL", "err-no-url"),
    ("invalid UTF-8", "err-invalid-utf8"),
    (
        "field is {n} MiB, over the {max} MiB limit",
        "err-field-too-big",
    ),
    (
        "a quoted field never closes, so the rest of the file was read into this row",
        "err-unclosed-quote",
    ),
    ("not JSON ({detail} at column {column})", "err-not-json"),
    ("not a JSON object", "err-not-json-object"),
    // Fetching.
    ("HTTP {status}", "err-http-status"),
    (
        "redirect to {url} refused: only http and https are followed",
        "err-redirect-scheme",
    ),
    (
        "redirect to {url} refused: a link-local or cloud metadata address (--allow-private allows it)",
        "err-redirect-private",
    ),
    (
        "redirect loop: {url} redirects back to a page already visited",
        "err-redirect-loop",
    ),
    ("more than {n} redirects", "err-redirect-many"),
    ("refresh to {url}: {reason}", "err-refresh"),
    (
        "page is larger than {size} (--max-bytes)",
        "err-page-too-large",
    ),
    ("{n} bytes", "err-bytes"),
    (
        "unsupported content type {mime} (rolefit reads HTML and text pages)",
        "err-content-type",
    ),
    (
        "not a file, and only http:// and https:// URLs are supported",
        "err-not-http",
    ),
    ("not a valid URL ({reason})", "err-bad-url"),
    // Why a URL does not parse: the url crate's words.
    ("empty host", "err-url-empty-host"),
    ("invalid port number", "err-url-port"),
    ("invalid IPv4 address", "err-url-ipv4"),
    ("invalid IPv6 address", "err-url-ipv6"),
    ("invalid domain character", "err-url-domain-character"),
    ("invalid international domain name", "err-url-idna"),
    // Options and commands.
    ("is a folder, not a file", "err-is-folder-not-file"),
    ("is a file, not a folder", "err-is-file-not-folder"),
    ("no strengths given", "err-no-strengths"),
    ("not a folder of pattern files", "err-not-pattern-folder"),
    (
        "no history yet; record runs with `rolefit batch ... --db`",
        "err-no-history",
    ),
    ("not a date; write it as YYYY-MM-DD", "err-not-a-date"),
];

/// The parts of [`KNOWN`] endings that are numbers: a row, a limit, a count.
pub const NUMBERS: &[&str] = &["n", "max", "fields", "header", "column"];

/// The parts of [`KNOWN`] endings that are messages themselves.
pub const NESTED: &[&str] = &["reason", "size"];

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
        // "; the header looks separated by tabs: ...": a sentence of its own.
        return match hint.strip_prefix("; ").and_then(|h| whole(h, m)) {
            Some(hint) => format!("{line}. {hint}"),
            None => format!("{line}{hint}"),
        };
    }
    if let Some(p) = e.downcast_ref::<ProfileError>() {
        return match p {
            ProfileError::File { file, message } => match whole(message, m) {
                Some(said) => format!("{file}: {said}"),
                None => m.args(
                    "err-bad-profile",
                    &[
                        ("file", file.as_str().into()),
                        ("detail", message.as_str().into()),
                    ],
                ),
            },
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
            ProfileError::Inline(message) => match whole(message, m) {
                Some(said) => format!("--strengths: {said}"),
                None => m.args("err-bad-strengths", &[("detail", message.as_str().into())]),
            },
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
    // "MESSAGE; HINT": a known hint is a sentence of its own.
    if let Some((said, hint)) = text.rsplit_once("; ")
        && let Some(hint) = whole(hint, m)
    {
        return format!("{}. {hint}", line(said, m));
    }
    // "row 12: ...", "row 2 (line 3): ...", "row 4, column text: ..."
    // name a batch row.
    if let Some((row, rest)) = row_prefix(text, m) {
        let said = translate(rest, m).unwrap_or_else(|| rest.to_string());
        return format!("{row}: {said}");
    }
    translate(text, m).unwrap_or_else(|| text.to_string())
}

/// The row a batch message starts with, in the language of `m`, and the
/// rest of the message.
fn row_prefix(text: &str, m: Messages) -> Option<(String, &str)> {
    let rest = text.strip_prefix("row ")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let (n, rest) = rest.split_at(digits);
    if let Some(rest) = rest.strip_prefix(": ") {
        return Some((m.args("err-row", &[("n", n.into())]), rest));
    }
    if let Some((line, rest)) = rest
        .strip_prefix(" (line ")
        .and_then(|r| r.split_once("): "))
        .filter(|(line, _)| is_number(line))
    {
        let row = m.args("err-row-line", &[("n", n.into()), ("line", line.into())]);
        return Some((row, rest));
    }
    let (column, rest) = rest.strip_prefix(", column ")?.split_once(": ")?;
    let row = m.args(
        "err-row-column",
        &[("n", n.into()), ("column", column.into())],
    );
    Some((row, rest))
}

/// `text` with its known ending translated: the whole text, or what
/// follows one of its places ("PATH: "), the first place that works.
/// `None` when no ending is known.
fn translate(text: &str, m: Messages) -> Option<String> {
    let starts = std::iter::once(0).chain(text.match_indices(": ").map(|(i, _)| i + 2));
    for start in starts {
        if let Some(said) = whole(&text[start..], m) {
            return Some(format!("{}{said}", &text[..start]));
        }
    }
    // "No space left on device (os error 28)": the number is for developers.
    let (bare, code) = text.strip_suffix(')')?.rsplit_once(" (os error ")?;
    code.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| translate(bare, m))
        .flatten()
}

/// `text` translated when all of it is one known ending.
fn whole(text: &str, m: Messages) -> Option<String> {
    KNOWN.iter().find_map(|(en, id)| {
        let args: Vec<(&str, FluentValue)> = parts(en, text)?
            .into_iter()
            .map(|(name, value)| {
                let value = if NESTED.contains(&name) {
                    translate(value, m).unwrap_or_else(|| value.to_string())
                } else {
                    value.to_string()
                };
                (name, value.into())
            })
            .collect();
        Some(m.args(id, &args))
    })
}

/// The names of the parts of a [`KNOWN`] ending, in order.
#[cfg(test)]
pub(super) fn names(pattern: &str) -> Vec<&str> {
    pattern
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name))
        .collect()
}

/// The value of each part of `pattern` if `text` is that ending, whole. A
/// part ends where the literal after it first occurs, the last one where
/// the text ends (less the literal after it); none is empty.
fn parts<'p, 't>(pattern: &'p str, text: &'t str) -> Option<Vec<(&'p str, &'t str)>> {
    let mut found = Vec::new();
    let (mut pattern, mut text) = (pattern, text);
    while let Some((literal, after)) = pattern.split_once('{') {
        text = text.strip_prefix(literal)?;
        let (name, after) = after.split_once('}')?;
        let next = after.split('{').next().unwrap_or("");
        let value = if !after.contains('{') {
            text.strip_suffix(next)?
        } else if next.is_empty() {
            return None; // two parts side by side cannot be told apart
        } else {
            &text[..text.find(next)?]
        };
        if value.is_empty() || (NUMBERS.contains(&name) && !is_number(value)) {
            return None;
        }
        found.push((name, value));
        text = &text[value.len()..];
        pattern = after;
    }
    (text == pattern).then_some(found)
}

/// "12", "1.5".
fn is_number(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit()) && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
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

    /// Messages that stayed English, or half English, in Korean.
    const SAID: &[(&str, &str)] = &[
        (
            "out: cannot write: Is a directory",
            "out: 쓸 수 없습니다: 폴더입니다",
        ),
        (
            "no/out.csv: cannot write: no such file",
            "no/out.csv: 쓸 수 없습니다: 파일을 둘 폴더가 없습니다",
        ),
        (
            "/dev/full: cannot write: No space left on device (os error 28)",
            "/dev/full: 쓸 수 없습니다: 디스크에 남은 공간이 없습니다",
        ),
        (
            "<stdout>: cannot write: No space left on device",
            "<stdout>: 쓸 수 없습니다: 디스크에 남은 공간이 없습니다",
        ),
        (
            "No space left on device (os error 28)",
            "디스크에 남은 공간이 없습니다",
        ),
        (
            "--cache c: cannot create the folder: File exists",
            "--cache c: 폴더를 만들 수 없습니다: 같은 이름의 파일이 이미 있습니다",
        ),
        (
            "t.csv: the file is empty (no header row)",
            "t.csv: 빈 파일입니다 (헤더 행이 없음)",
        ),
        (
            "logo.png: binary content, not text (NUL bytes)",
            "logo.png: 텍스트가 아니라 바이너리 내용입니다 (NUL 바이트가 있음)",
        ),
        (
            "row 2: has 2 fields, the header has 3",
            "2행: 값이 2개인데 헤더의 열은 3개입니다",
        ),
        (
            "row 2 (line 3): not JSON (expected value at column 1)",
            "2행 (파일의 3번째 줄): JSON이 아닙니다 (1번째 글자: expected value)",
        ),
        (
            "row 4 (line 4): not a JSON object",
            "4행 (파일의 4번째 줄): JSON 객체가 아닙니다",
        ),
        (
            "row 4, column description: empty, and the row has no URL",
            "4행 description 열: 비어 있고, 이 행에는 URL도 없습니다",
        ),
        (
            "row 9: a quoted field never closes, so the rest of the file was read into this row",
            "9행: 따옴표로 연 값이 닫히지 않아 파일의 나머지가 모두 이 행으로 읽혔습니다",
        ),
        (
            "t.csv: --text-column body: no such column (the header has: id;body); the header looks separated by semicolons: use --delimiter ';'",
            "t.csv: --text-column body: 그런 열이 없습니다 (헤더에 있는 열: id;body). 헤더가 세미콜론(;)으로 나뉜 것 같습니다. --delimiter ';' 옵션을 쓰세요",
        ),
        (
            "https://x.example/1: HTTP 404 Not Found",
            "https://x.example/1: 서버가 오류로 응답했습니다 (HTTP 404 Not Found)",
        ),
        (
            "row 3: https://x.example/1: HTTP 500 Internal Server Error",
            "3행: https://x.example/1: 서버가 오류로 응답했습니다 (HTTP 500 Internal Server Error)",
        ),
        (
            "https://x.example/1: redirect to ftp://y.example/j.pdf refused: only http and https are followed",
            "https://x.example/1: ftp://y.example/j.pdf(으)로 가는 리디렉션을 거부했습니다: http와 https만 따라갑니다",
        ),
        (
            "https://x.example/a: redirect loop: https://x.example/b redirects back to a page already visited",
            "https://x.example/a: 리디렉션이 돌고 돕니다: https://x.example/b이(가) 이미 거친 페이지로 되돌려 보냅니다",
        ),
        (
            "https://x.example/a: more than 10 redirects",
            "https://x.example/a: 리디렉션이 10번을 넘었습니다",
        ),
        (
            "https://x.example/1: refresh to https://x.example/2: HTTP 404 Not Found",
            "https://x.example/1: 새로 고침(meta refresh)으로 옮겨 간 https://x.example/2: 서버가 오류로 응답했습니다 (HTTP 404 Not Found)",
        ),
        (
            "https://x.example/1: page is larger than 1000 bytes (--max-bytes)",
            "https://x.example/1: 페이지가 1000바이트보다 큽니다 (--max-bytes)",
        ),
        (
            "https://x.example/1: page is larger than 5 MiB (--max-bytes)",
            "https://x.example/1: 페이지가 5 MiB보다 큽니다 (--max-bytes)",
        ),
        (
            "http://x.example:99999/: not a valid URL (invalid port number)",
            "http://x.example:99999/: 올바른 URL이 아닙니다 (포트 번호가 잘못되었습니다)",
        ),
        (
            "ftp://x.example/j: not a file, and only http:// and https:// URLs are supported",
            "ftp://x.example/j: 파일이 아니며, URL은 http://와 https://만 읽을 수 있습니다",
        ),
        (
            "pats: not a folder of pattern files",
            "pats: 패턴 파일이 든 폴더가 아닙니다",
        ),
        (
            "h.db: no history yet; record runs with `rolefit batch ... --db`",
            "h.db: 아직 이력이 없습니다. `rolefit batch ... --db`로 실행을 기록하세요",
        ),
        (
            "--since yesterday: not a date; write it as YYYY-MM-DD",
            "--since yesterday: 날짜가 아닙니다. YYYY-MM-DD 형식으로 쓰세요",
        ),
    ];

    #[test]
    fn endings_that_stayed_english_are_korean_and_english_stays() {
        let en = Messages::new(Locale::En);
        for (english, korean) in SAID {
            assert_eq!(line(english, ko()), *korean);
            assert_eq!(line(english, en), *english);
        }
    }

    #[test]
    fn parts_of_an_ending_are_matched_strictly() {
        // An OS reason rolefit does not know keeps its number; so does a
        // message that is only one.
        assert_eq!(
            line("x: cannot write: Bad address (os error 14)", ko()),
            "x: 쓸 수 없습니다: Bad address (os error 14)"
        );
        assert_eq!(
            line("Bad address (os error 14)", ko()),
            "Bad address (os error 14)"
        );
        // Counts are numbers, or the ending is not the one known.
        assert_eq!(
            line("row 2: has some fields, the header has 3", ko()),
            "2행: has some fields, the header has 3"
        );
        assert_eq!(line("x: 12 bytes", ko()), "x: 12바이트");
        assert_eq!(line("x: many bytes", ko()), "x: many bytes");
        // A hint the code does not write is left where it is.
        assert_eq!(line("x: no URL; or not", ko()), "x: no URL; or not");
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
        // The hint about another separator is a Korean sentence of its own.
        let e: anyhow::Error = InputError::NoTextColumn {
            file: "t.tsv".into(),
            headers: "id\tbody".into(),
            hint: "; the header looks separated by tabs: use --delimiter '\\t'".into(),
        }
        .into();
        assert!(
            render(&e, ko()).ends_with(
                "열을 지정하세요. 헤더가 탭으로 나뉜 것 같습니다. --delimiter '\\t' 옵션을 쓰세요"
            ),
            "{}",
            render(&e, ko())
        );
        assert!(
            render(&e, Messages::default()).ends_with(
                "--url-column; the header looks separated by tabs: use --delimiter '\\t'"
            )
        );
        let e: anyhow::Error = InputError::NoTextColumn {
            file: "<stdin>".into(),
            headers: "{\"id\": \"1\"".into(),
            hint: "; the header looks like a JSON object: for JSON Lines use --input-format jsonl"
                .into(),
        }
        .into();
        assert!(
            render(&e, ko()).ends_with(
                "열을 지정하세요. 헤더가 JSON 객체로 보입니다. JSON Lines라면 --input-format jsonl 옵션을 쓰세요"
            ),
            "{}",
            render(&e, ko())
        );
        let e: anyhow::Error = ProfileError::Inline("no strengths given".into()).into();
        assert_eq!(render(&e, ko()), "--strengths: 주어진 강점이 없습니다");
        assert_eq!(
            render(&e, Messages::default()),
            "--strengths: no strengths given"
        );
        let e: anyhow::Error = ProfileError::File {
            file: "me".into(),
            message: "is a folder, not a file".into(),
        }
        .into();
        assert_eq!(render(&e, ko()), "me: 파일이 아니라 폴더입니다");
    }
}
