//! The adversarial catalogue (issue 6): hostile pages, broken files, flaky
//! servers, bad pattern files and profiles, and pipes that close. Every case
//! asserts the exact outcome (a one-line error naming the source, or the
//! correct result) and that rolefit neither panicked (exit code 101) nor hung
//! (each run is killed after a short timeout, which fails the test).
//!
//! Big inputs (a 50 MB line, 100,000 nested elements, a million columns) are
//! generated into a temp dir when the test runs. Servers run on 127.0.0.1;
//! nothing here touches the internet.

mod util;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;
use util::fixtures::{
    KOREAN_HTML, POSTING_BODY, POSTING_HTML, POSTING_HTML_TITLE, POSTING_MD, POSTING_MD_TITLE,
};
use util::hostile::{self, cmd, run};
use util::raw::{Handler, raw_server, read_request, respond, response_head};
use util::site::{Site, html, redirect};
use util::{Dir, Output, csv_of, interrupt, repo_root, spawn, wait_or_kill};
use wiremock::ResponseTemplate;

const ESC: char = '\x1b';
const BEL: char = '\x07';

/// `analyze SOURCE --format jsonl`: the one record, with the exit code and stderr.
struct Analyzed {
    out: Output,
    record: Value,
}

#[track_caller]
fn analyze(dir: &Dir, source: &str, extra: &[&str]) -> Analyzed {
    let out = run(
        dir,
        ["analyze", source, "--format", "jsonl"]
            .iter()
            .chain(extra)
            .copied(),
    );
    let records = out.json_lines();
    assert_eq!(records.len(), 1, "{out:?}");
    let record = records.into_iter().next().expect("one record");
    Analyzed { out, record }
}

/// The source failed with exactly `message`: exit 1, the message on stderr
/// (one line) and in the record.
#[track_caller]
fn assert_failed(a: &Analyzed, message: &str) {
    a.out.expect_code(1);
    assert_eq!(a.out.stderr, format!("rolefit: {message}\n"), "{:?}", a.out);
    assert_eq!(a.record["status"], "error");
    assert_eq!(a.record["error"], message);
}

/// The source was read and classified: exit 0, nothing on stderr.
#[track_caller]
fn assert_ok(a: &Analyzed, title: &str, role: &str) {
    a.out.expect_code(0);
    assert_eq!(a.out.stderr, "", "{:?}", a.out);
    assert_eq!(a.record["status"], "ok", "{:?}", a.out);
    assert_eq!(a.record["title"], title, "{:?}", a.out);
    assert_eq!(a.record["role"], role, "{:?}", a.out);
}

/// Writes `contents` to `name` in a fresh dir and analyzes it.
#[track_caller]
fn analyze_file(name: &str, contents: impl AsRef<[u8]>) -> Analyzed {
    let dir = Dir::new();
    dir.create(name, contents);
    analyze(&dir, name, &[])
}

/// `batch INPUT --format jsonl` (plus `extra`) in `dir`: the records in order.
#[track_caller]
fn batch_jsonl(dir: &Dir, input: &str, extra: &[&str]) -> (Output, Vec<Value>) {
    let out = run(
        dir,
        ["batch", input, "--format", "jsonl"]
            .iter()
            .chain(extra)
            .copied(),
    );
    let records = out.json_lines();
    (out, records)
}

/// (id, error or "" when ok) of each record.
fn outcomes(records: &[Value]) -> Vec<(String, String)> {
    records
        .iter()
        .map(|r| {
            let error = match r["status"].as_str() {
                Some("ok") => String::new(),
                _ => r["error"].as_str().unwrap_or("?").to_string(),
            };
            (r["id"].as_str().unwrap_or("?").to_string(), error)
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

// ===========================================================================
// Files.

#[test]
fn empty_file_has_no_posting_text() {
    let a = analyze_file("empty.txt", b"");
    assert_failed(&a, "empty.txt: no posting text: the input is empty");
}

#[test]
fn binary_file_is_refused_as_binary() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
    let a = analyze_file("logo.txt", png);
    assert_failed(&a, "logo.txt: binary content, not text (NUL bytes)");
}

#[test]
fn nul_bytes_inside_a_text_posting_are_refused_as_binary() {
    let text = POSTING_MD.replacen("PyTorch", "Py\0Torch", 1);
    let a = analyze_file("posting.md", text);
    assert_failed(&a, "posting.md: binary content, not text (NUL bytes)");
}

#[test]
fn invalid_utf8_is_read_with_replacement_characters() {
    // Stray bytes that are neither UTF-8 nor EUC-KR in the middle of a line.
    let mut bytes = POSTING_MD.as_bytes().to_vec();
    let at = POSTING_MD.find("PyTorch").unwrap();
    bytes.splice(at..at, b"\xff\xfe\xc3\x28 ".iter().copied());
    let a = analyze_file("posting.md", &bytes);
    assert_ok(&a, POSTING_MD_TITLE, "modeling");
    let sections = a.record["evidence"].to_string();
    assert!(sections.contains("PyTorch"), "{sections}");
}

#[test]
fn utf16_with_a_bom_reads_like_utf8() {
    for (name, bom, big_endian) in [
        ("le.md", [0xFF, 0xFE], false),
        ("be.md", [0xFE, 0xFF], true),
    ] {
        let mut bytes = bom.to_vec();
        for unit in POSTING_MD.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&b);
        }
        let a = analyze_file(name, bytes);
        assert_ok(&a, POSTING_MD_TITLE, "modeling");
        let utf8 = analyze_file(name, POSTING_MD);
        for field in ["company", "lang", "scores", "sections", "evidence"] {
            assert_eq!(a.record[field], utf8.record[field], "{field}");
        }
    }
}

#[test]
fn fifty_megabyte_single_line_is_read_within_the_time_limit() {
    // A title, one line of posting, then one line of 50 MB of words that no
    // pattern knows.
    let dir = Dir::new();
    let filler = "lorem ipsum dolor sit amet consectetur adipiscing elit ";
    let mut text = String::from(
        "Machine Learning Engineer\n\nTrain deep learning models in PyTorch and fine-tune them. ",
    );
    text.push_str(&filler.repeat(50 * 1024 * 1024 / filler.len()));
    assert!(text.len() >= 50_000_000);
    let r = analyze_long_line(&dir, &text);
    assert_eq!(r["role"], "modeling");
}

/// Analyzes one posting under the usual time limit; it is read (status ok,
/// title kept) and its JSON record is returned.
fn analyze_long_line(dir: &Dir, text: &str) -> Value {
    dir.create("line.txt", text);
    let out = cmd(dir, ["analyze", "line.txt", "--format", "jsonl"])
        .timeout(Duration::from_secs(120))
        .run_checked();
    out.expect_code(0);
    let r = out.json_lines().remove(0);
    assert_eq!(r["status"], "ok");
    assert_eq!(r["title"], "Machine Learning Engineer");
    r
}

#[test]
fn glued_words_headings_and_brackets_in_one_long_line_are_read_within_the_time_limit() {
    // Each run makes the cutting of glued lines work hardest: a capital
    // glued to every word, a closing bracket with no opening one, a heading
    // label before every colon, a heading in capitals glued to every word
    // (each one read forward and back). It was cubic in the first and
    // quadratic in the second before their searches were bounded.
    let dir = Dir::new();
    let mut text = String::from(
        "Machine Learning Engineer\n\nTrain deep learning models in PyTorch and fine-tune them. ",
    );
    text.push_str(&"abCde".repeat(100_000));
    text.push_str(&"dataSKILLS AND TASKS TASKS TASKS TASKS TASKS TASKSKnowledge ".repeat(10_000));
    text.push_str(&format!("x{} y", "Q".repeat(500_000)));
    text.push(' ');
    text.push_str(&"]".repeat(1_000_000));
    text.push(' ');
    text.push_str(&"Skills Skills: ".repeat(30_000));
    text.push_str(&"[자격요건] 파이썬 ".repeat(10_000));
    analyze_long_line(&dir, &text);
}

/// Not in CI: classifying a 50 MB line of posting text is now linear (it was
/// quadratic in the hits on a line, and kept every one of its millions of
/// hits as evidence), but it still takes about 7 s and 0.9 GB in a release
/// build, more in the debug build the tests use. Run it with
/// `cargo test --release --test adversarial -- --ignored`.
#[test]
#[ignore = "slow and memory-hungry by nature (about 7 s and 0.9 GB in release); see the doc comment"]
fn fifty_megabyte_single_line_of_posting_text_is_read_within_the_time_limit() {
    let dir = Dir::new();
    let phrase = "Train deep learning models in PyTorch and fine-tune them. ";
    let line = phrase.repeat(50 * 1024 * 1024 / phrase.len());
    dir.create("line.txt", &line);
    let a = analyze(&dir, "line.txt", &[]);
    a.out.expect_code(0);
    assert_eq!(a.record["role"], "modeling");
}

#[test]
fn file_over_the_size_limit_is_refused_before_reading() {
    let dir = Dir::new();
    let f = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    // Sparse: 65 MiB that take no disk space.
    f.set_len(65 * 1024 * 1024).unwrap();
    let a = analyze(&dir, "huge.txt", &[]);
    assert_failed(&a, "huge.txt: file is 65 MiB, over the 64 MiB limit");
}

#[test]
fn html_nested_100000_levels_deep_is_refused_quickly() {
    let depth = 100_000;
    let page = format!(
        "<html><body>{}<p>Train deep learning models in PyTorch and evaluate them offline.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let started = Instant::now();
    let a = analyze_file("deep.html", page);
    assert_failed(
        &a,
        "deep.html: the page nests elements more than 1024 levels deep; rolefit does not read pages built like that",
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn unclosed_list_items_100000_deep_are_refused_quickly() {
    // Each <ul><li> opens two levels and nothing closes them.
    let page = format!(
        "<html><body><h1>ML Engineer</h1>{}Train models</body></html>",
        "<ul><li>".repeat(100_000)
    );
    let a = analyze_file("lists.html", page);
    assert_failed(
        &a,
        "lists.html: the page nests elements more than 1024 levels deep; rolefit does not read pages built like that",
    );
}

#[test]
fn html_nested_a_thousand_deep_is_still_read() {
    let depth = 1000;
    let page = format!(
        "<html><body><h1>{POSTING_HTML_TITLE}</h1>{}<h2>Responsibilities</h2><p>Train and evaluate deep learning ranking models in PyTorch.</p><p>Fine-tune embedding models for retrieval.</p>{}</body></html>",
        "<div class=\"content\">".repeat(depth),
        "</div>".repeat(depth)
    );
    let a = analyze_file("deep.html", page);
    assert_ok(&a, POSTING_HTML_TITLE, "modeling");
}

#[test]
fn ten_thousand_json_ld_blocks_are_not_all_parsed() {
    // 10,000 blocks of which the last is a JobPosting: only the first 64 are
    // looked at, so the page's own content is read, quickly.
    let mut page = String::from("<!doctype html><html><head>");
    for i in 0..9_999 {
        page.push_str(&format!(
            "<script type=\"application/ld+json\">{{\"@type\":\"Organization\",\"name\":\"Org {i}\"}}</script>"
        ));
    }
    page.push_str(
        "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Hidden Title\",\
         \"description\":\"<p>Design React components for a chat app and build the TypeScript UI.</p>\"}</script>",
    );
    page.push_str("</head><body>");
    page.push_str(&POSTING_HTML[POSTING_HTML.find("<h1>").unwrap()..]);
    let started = Instant::now();
    let a = analyze_file("many.html", page);
    assert_ok(&a, POSTING_HTML_TITLE, "modeling");
    assert!(started.elapsed() < Duration::from_secs(15));
}

#[test]
fn malformed_json_ld_falls_back_to_the_page() {
    let page = POSTING_HTML.replace(
        "</head>",
        "<script type=\"application/ld+json\">{\"@type\": \"JobPosting\", \"title\": \"Broken\", \"description\": \"<p>x</p>\",</script></head>",
    );
    let a = analyze_file("broken.html", page);
    assert_ok(&a, POSTING_HTML_TITLE, "modeling");
}

#[test]
fn json_ld_description_that_is_not_a_string_falls_back_to_the_page() {
    for description in [
        "{\"html\": \"<p>Build React UIs</p>\"}",
        "[\"Build React UIs\"]",
        "42",
        "null",
    ] {
        let page = POSTING_HTML.replace(
            "</head>",
            &format!(
                "<script type=\"application/ld+json\">{{\"@type\": \"JobPosting\", \"title\": \"Frontend Engineer\", \"description\": {description}}}</script></head>"
            ),
        );
        let a = analyze_file("odd.html", page);
        assert_ok(&a, POSTING_HTML_TITLE, "modeling");
    }
}

#[test]
fn page_of_only_scripts_has_no_posting_text() {
    let page = "<!doctype html><html><head><title></title></head><body>\
        <script>window.__APP__ = {jobs: [], text: 'Machine learning engineer wanted, \
        PyTorch, model training, evaluation and deployment at scale'};</script>\
        <noscript></noscript><style>body { color: red }</style></body></html>";
    let a = analyze_file("app.html", page);
    assert_failed(
        &a,
        "app.html: no posting text found (the page is empty or only scripts; it may need JavaScript)",
    );
}

/// A page whose JSON-LD title and company carry escape sequences.
const PAGE_WITH_ESCAPES: &str = r#"<!doctype html><html><head>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
 "title": "ML Engineer\u001b]0;pwned\u0007 \u001b[31mRanking\u001b[0m\u202e",
 "hiringOrganization": {"name": "Evil\u001b[2J Co"},
 "description": "<h2>What you will do</h2><ul><li>Train and evaluate ranking models in PyTorch for search.</li><li>Fine-tune embedding models on our catalogue and ship them.</li></ul>"}
</script></head><body></body></html>"#;

#[test]
fn terminal_escapes_in_a_title_never_reach_any_output() {
    let dir = Dir::new();
    dir.create("evil.html", PAGE_WITH_ESCAPES);
    let a = analyze(&dir, "evil.html", &[]);
    assert_ok(&a, "ML Engineer Ranking", "modeling");
    assert_eq!(a.record["company"], "Evil Co");
    for format in ["table", "md", "csv", "json"] {
        let out = run(
            &dir,
            [
                "analyze",
                "evil.html",
                "--format",
                format,
                "--color",
                "always",
            ],
        );
        let shown = out.success();
        assert!(shown.contains("ML Engineer"), "{format}: {shown}");
        for bad in ["\x1b]", "\x1b[31m", "\x1b[2J", "\x07", "\u{202e}", "pwned"] {
            assert!(!shown.contains(bad), "{format}: {bad:?} in {shown:?}");
        }
    }
}

#[test]
fn terminal_escapes_in_a_file_name_never_reach_stderr() {
    let dir = Dir::new();
    let out = run(&dir, ["analyze", "no\x1b]0;pwned\x07such\x1b[2J.md"]);
    out.expect_code(1);
    assert_eq!(out.stderr, "rolefit: nosuch.md: no such file\n");
    assert!(!out.stdout.contains(ESC) && !out.stdout.contains(BEL));
}

/// `analyze NAME --format md` of a file `name` holding `contents`: the report.
#[track_caller]
fn markdown_report(name: &str, contents: &str) -> String {
    let dir = Dir::new();
    dir.create(name, contents);
    run(&dir, ["analyze", name, "--format", "md"])
        .success()
        .to_string()
}

#[test]
fn html_in_a_title_is_escaped_in_the_markdown_report() {
    let md = markdown_report(
        "x.md",
        &POSTING_MD.replacen(
            POSTING_MD_TITLE,
            "ML <script>alert(1)</script> | Engineer",
            1,
        ),
    );
    assert!(!md.contains("<script>"), "{md}");
    assert!(
        md.contains("ML &lt;script&gt;alert(1)&lt;/script&gt; \\| Engineer"),
        "{md}"
    );
}

#[test]
fn a_link_in_a_title_is_text_in_the_markdown_report() {
    let md = markdown_report(
        "x.txt",
        "ML Engineer [click](javascript:alert(1))\n\nResponsibilities\n- Train deep learning models in PyTorch\n- Evaluate models offline\n",
    );
    assert!(!md.contains("[click]("), "{md}");
    assert!(
        md.contains("ML Engineer \\[click\\](javascript:alert(1))"),
        "{md}"
    );
}

// ===========================================================================
// HTTP: servers on 127.0.0.1.

#[test]
fn gzip_bomb_is_stopped_after_decompression() {
    use flate2::{Compression, write::GzEncoder};

    // 16 MiB of HTML that compresses to a few KiB: under the 1 MiB cap on
    // the wire, far over it once decompressed.
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(b"<!DOCTYPE html><html><body><p>").unwrap();
    let chunk = vec![b'a'; 64 * 1024];
    for _ in 0..256 {
        gz.write_all(&chunk).unwrap();
    }
    let bomb = gz.finish().unwrap();
    assert!(bomb.len() < 1024 * 1024, "{} bytes compressed", bomb.len());
    let head = response_head(bomb.len(), "Content-Encoding: gzip\r\n");
    let url = raw_server(vec![respond(head, bomb)]);
    let a = analyze(&Dir::new(), &url, &["--max-bytes", "1048576"]);
    assert_failed(
        &a,
        &format!("{url}: page is larger than 1 MiB (--max-bytes)"),
    );
}

#[test]
fn server_dripping_a_byte_a_second_is_cut_off_at_the_total_timeout() {
    // Each byte comes well within any per-read timeout; only a total one stops it.
    let url = raw_server(vec![Box::new(|mut stream: TcpStream| {
        read_request(&mut stream);
        if stream
            .write_all(response_head(100_000, "").as_bytes())
            .is_err()
        {
            return;
        }
        for _ in 0..60 {
            if stream.write_all(b"<").is_err() {
                return;
            }
            thread::sleep(Duration::from_secs(1));
        }
    })]);
    let started = Instant::now();
    let a = analyze(&Dir::new(), &url, &["--timeout", "2"]);
    assert_failed(&a, &format!("{url}: timed out after 2 s"));
    assert!(started.elapsed() < Duration::from_secs(10));
}

/// Serves the redirects `hops` (path, status, Location) on `site` and
/// analyzes the first path; returns its URL and the run.
#[track_caller]
fn analyze_redirects(site: &Site, hops: &[(&str, u16, &str)]) -> (String, Analyzed) {
    for (path, status, location) in hops {
        site.serve(path, redirect(*status, location));
    }
    let url = site.url(hops[0].0);
    let a = analyze(&Dir::new(), &url, &[]);
    (url, a)
}

/// The error of a run from `url` that was redirected to `target`.
fn redirect_refused(url: &str, target: &str) -> String {
    format!("{url}: redirect to {target} refused: only http and https are followed")
}

#[test]
fn redirect_loop_is_reported() {
    let site = Site::start();
    let (url, a) = analyze_redirects(&site, &[("/a", 302, "/b"), ("/b", 302, "/a")]);
    let b = site.url("/b");
    assert_failed(
        &a,
        &format!("{url}: redirect loop: {b} redirects back to a page already visited"),
    );
}

#[test]
fn redirect_to_file_is_refused_and_nothing_local_is_read() {
    let site = Site::start();
    let (url, a) = analyze_redirects(&site, &[("/job", 302, "file:///etc/passwd")]);
    assert_failed(&a, &redirect_refused(&url, "file:///etc/passwd"));
    assert!(!a.out.stdout.contains("root:"));
}

#[test]
fn redirect_to_ftp_is_refused() {
    let site = Site::start();
    let (url, a) = analyze_redirects(&site, &[("/job", 301, "ftp://files.example/job.pdf")]);
    assert_failed(&a, &redirect_refused(&url, "ftp://files.example/job.pdf"));
}

#[test]
fn redirect_to_file_after_an_http_hop_is_refused_too() {
    let site = Site::start();
    let (url, a) = analyze_redirects(
        &site,
        &[("/a", 302, "/b"), ("/b", 307, "file:///etc/hostname")],
    );
    assert_failed(&a, &redirect_refused(&url, "file:///etc/hostname"));
    assert_eq!(site.requested_paths(), ["/a", "/b"]);
}

#[test]
fn connection_closed_mid_body_is_reported() {
    let mut head_and_part = response_head(POSTING_HTML.len(), "").into_bytes();
    head_and_part.extend_from_slice(&POSTING_HTML.as_bytes()[..POSTING_HTML.len() / 10]);
    // The promised page never comes whole, on the first try or the retries.
    let handlers: Vec<Handler> = (0..3)
        .map(|_| respond(String::new(), head_and_part.clone()))
        .collect();
    let url = raw_server(handlers);
    let a = analyze(&Dir::new(), &url, &[]);
    assert_failed(
        &a,
        &format!("{url}: connection closed before the whole page arrived"),
    );
}

#[test]
fn content_length_longer_than_the_body_is_a_cut_connection() {
    // Says 100 bytes more than it sends, then closes.
    let head = response_head(POSTING_HTML.len() + 100, "");
    let url = raw_server(vec![respond(head, POSTING_HTML.as_bytes().to_vec())]);
    let a = analyze(&Dir::new(), &url, &[]);
    assert_failed(
        &a,
        &format!("{url}: connection closed before the whole page arrived"),
    );
}

#[test]
fn content_length_shorter_than_the_body_reads_only_what_it_declares() {
    // The declared length ends right after the posting; what follows it
    // (a second, frontend posting) is never read.
    let mut body = POSTING_HTML.as_bytes().to_vec();
    let declared = body.len();
    body.extend_from_slice(
        b"<h2>Also hiring</h2><ul><li>React and TypeScript frontend engineer for our design system</li></ul>",
    );
    let url = raw_server(vec![respond(response_head(declared, ""), body)]);
    let a = analyze(&Dir::new(), &url, &[]);
    assert_ok(&a, POSTING_HTML_TITLE, "modeling");
    assert!(!a.record.to_string().contains("React"), "{}", a.record);
}

#[test]
fn declared_utf8_on_an_euc_kr_page_is_overruled() {
    let html = KOREAN_HTML.replace("{meta}", "");
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(&html);
    assert!(!unmappable);
    let site = Site::start();
    site.serve(
        "/job",
        ResponseTemplate::new(200).set_body_raw(bytes.into_owned(), "text/html; charset=utf-8"),
    );
    let a = analyze(&Dir::new(), &site.url("/job"), &[]);
    assert_ok(&a, "머신러닝 엔지니어 (추천 시스템)", "modeling");
    assert_eq!(a.record["lang"], "ko");
}

#[test]
fn declared_euc_kr_on_a_utf8_page_is_overruled() {
    let html = KOREAN_HTML.replace("{meta}", "<meta charset=\"euc-kr\">");
    let site = Site::start();
    site.serve(
        "/job",
        ResponseTemplate::new(200).set_body_raw(html.into_bytes(), "text/html; charset=euc-kr"),
    );
    let a = analyze(&Dir::new(), &site.url("/job"), &[]);
    assert_ok(&a, "머신러닝 엔지니어 (추천 시스템)", "modeling");
}

#[test]
fn server_error_then_success_is_retried() {
    let site = Site::start();
    site.serve_first(1, "/job", ResponseTemplate::new(500));
    site.serve("/job", html(POSTING_HTML));
    let a = analyze(&Dir::new(), &site.url("/job"), &[]);
    assert_ok(&a, POSTING_HTML_TITLE, "modeling");
    assert_eq!(site.requests(), 2);
}

#[test]
fn too_many_requests_waits_for_retry_after() {
    let site = Site::start();
    site.serve_first(
        1,
        "/job",
        ResponseTemplate::new(429).insert_header("Retry-After", "1"),
    );
    site.serve("/job", html(POSTING_HTML));
    let started = Instant::now();
    let a = analyze(&Dir::new(), &site.url("/job"), &[]);
    assert_ok(&a, POSTING_HTML_TITLE, "modeling");
    assert_eq!(site.requests(), 2);
    // A lower bound only: the run cannot be quicker than the wait it was told.
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[test]
fn retry_after_longer_than_the_timeout_gives_up_with_the_429() {
    let site = Site::start();
    site.serve(
        "/job",
        ResponseTemplate::new(429).insert_header("Retry-After", "3600"),
    );
    let url = site.url("/job");
    let started = Instant::now();
    let a = analyze(&Dir::new(), &url, &["--timeout", "3"]);
    assert_failed(&a, &format!("{url}: HTTP 429 Too Many Requests"));
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(site.requests(), 1);
}

#[test]
fn cookies_are_never_sent_back() {
    // The first answer sets a cookie and redirects; the second request must
    // come without it.
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let tx2 = tx.clone();
    let url = raw_server(vec![
        Box::new(move |mut stream: TcpStream| {
            let _ = tx.send(read_request(&mut stream));
            let _ = stream.write_all(
                b"HTTP/1.1 302 Found\r\nLocation: /next\r\nSet-Cookie: session=secret; Path=/\r\n\
                  Content-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }),
        Box::new(move |mut stream: TcpStream| {
            let _ = tx2.send(read_request(&mut stream));
            let _ = stream.write_all(response_head(POSTING_HTML.len(), "").as_bytes());
            let _ = stream.write_all(POSTING_HTML.as_bytes());
        }),
    ]);
    let a = analyze(&Dir::new(), &url, &[]);
    assert_ok(&a, POSTING_HTML_TITLE, "modeling");
    let first = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    let second = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(second.starts_with("GET /next "), "{second}");
    for head in [&first, &second] {
        assert!(!head.to_ascii_lowercase().contains("\r\ncookie:"), "{head}");
    }
}

#[test]
fn local_file_urls_are_never_read() {
    let dir = Dir::new();
    let secret = dir.create("secret.md", POSTING_MD);
    let url = format!("file://{}", secret.display());
    let a = analyze(&dir, &url, &[]);
    assert_failed(
        &a,
        &format!("{url}: not a file, and only http:// and https:// URLs are supported"),
    );
}

#[test]
fn a_page_pointing_at_a_local_file_is_not_followed() {
    // A meta refresh, a canonical link and an iframe naming a local posting:
    // rolefit reads the page it was given and nothing else.
    let dir = Dir::new();
    let secret = dir.create("secret.md", POSTING_MD);
    let target = format!("file://{}", secret.display());
    let page = POSTING_HTML.replace(
        "</head>",
        &format!(
            "<meta http-equiv=\"refresh\" content=\"0; url={target}\"><link rel=\"canonical\" href=\"{target}\"></head>"
        ),
    )
    .replace("</body>", &format!("<iframe src=\"{target}\"></iframe></body>"));
    let site = Site::start();
    site.serve("/job", html(page));
    let a = analyze(&dir, &site.url("/job"), &[]);
    assert_ok(&a, POSTING_HTML_TITLE, "modeling");
    assert!(!a.record.to_string().contains("Fraud"), "{}", a.record);
}

// ===========================================================================
// Batch input.

#[test]
fn ragged_rows_are_their_own_errors_and_keep_their_neighbours() {
    let dir = Dir::new();
    let mut input = csv_of([
        vec!["id", "title", "description"],
        vec!["a", "First", POSTING_BODY],
    ]);
    input.extend_from_slice(b"b,short\n");
    input.extend(csv_of([vec!["c", "Third", POSTING_BODY]]));
    input.extend_from_slice(b"d,long,x,y,z\n");
    input.extend(csv_of([vec!["e", "Fifth", POSTING_BODY]]));
    dir.create("in.csv", input);
    let (out, records) = batch_jsonl(&dir, "in.csv", &[]);
    out.expect_code(1);
    assert_eq!(
        outcomes(&records),
        pairs(&[
            ("a", ""),
            ("b", "row 2: has 2 fields, the header has 3"),
            ("c", ""),
            ("d", "row 4: has 5 fields, the header has 3"),
            ("e", ""),
        ])
    );
    assert_eq!(
        out.stderr,
        "rolefit: row 2: has 2 fields, the header has 3\nrolefit: row 4: has 5 fields, the header has 3\n"
    );
}

#[test]
fn a_million_columns_in_the_header_without_text_is_one_short_line() {
    let dir = Dir::new();
    let mut header: Vec<String> = (0..1_000_000).map(|i| format!("c{i}")).collect();
    header[0] = "id".into();
    let mut input = header.join(",").into_bytes();
    input.extend_from_slice(b"\n1,2\n");
    dir.create("wide.csv", input);
    let out = run(&dir, ["batch", "wide.csv"]);
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr.lines().count(), 1, "{}", &out.stderr[..200]);
    assert!(out.stderr.len() < 1000, "{} bytes", out.stderr.len());
    assert_eq!(
        out.stderr,
        "rolefit: wide.csv: no text or URL column (looked for description, text, content, body, url, link; \
         the header has: id, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19 \
         and 999980 more); use --text-column or --url-column\n"
    );
}

#[test]
fn a_million_column_row_is_its_own_error() {
    let dir = Dir::new();
    let mut input = csv_of([["id", "description"], ["a", POSTING_BODY]]);
    input.extend_from_slice(b"b");
    input.extend(std::iter::repeat_n(b',', 999_999));
    input.push(b'\n');
    input.extend(csv_of([["c", POSTING_BODY]]));
    dir.create("in.csv", input);
    let (out, records) = batch_jsonl(&dir, "in.csv", &[]);
    out.expect_code(1);
    assert_eq!(
        outcomes(&records),
        pairs(&[
            ("a", ""),
            ("b", "row 2: has 1000000 fields, the header has 2"),
            ("c", ""),
        ])
    );
}

#[test]
fn a_quoted_field_that_never_closes_is_the_last_rows_error() {
    let dir = Dir::new();
    let mut input = csv_of([["id", "description"], ["a", POSTING_BODY]]);
    input.extend_from_slice(b"b,\"Research scientist for speech models\nc,more text\nd,and more\n");
    dir.create("in.csv", input);
    let (out, records) = batch_jsonl(&dir, "in.csv", &[]);
    out.expect_code(1);
    assert_eq!(
        outcomes(&records),
        pairs(&[
            ("a", ""),
            (
                "b",
                "row 2: a quoted field never closes, so the rest of the file was read into this row"
            ),
        ])
    );
}

#[test]
fn formula_cells_are_neutralised_in_csv_output() {
    let dir = Dir::new();
    let body = format!("{POSTING_BODY} Python, SQL.");
    dir.create(
        "in.csv",
        csv_of([
            vec!["id", "title", "company", "location", "description"],
            vec![
                "=cmd|' /C calc'!A0",
                "+SUM(1,2)",
                "-2+3",
                "@HYPERLINK(\"http://x.example\")",
                &body,
            ],
            vec![" =spaced", "\t@tabbed", "Acme", "Seoul", &body],
        ]),
    );
    let out = run(&dir, ["batch", "in.csv"]);
    out.expect_code(0);
    let mut r = csv::Reader::from_reader(out.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][0], "'=cmd|' /C calc'!A0");
    assert_eq!(&rows[0][1], "'+SUM(1,2)");
    assert_eq!(&rows[0][2], "'-2+3");
    assert_eq!(&rows[0][3], "'@HYPERLINK(\"http://x.example\")");
    // Row 2 has the same text: its duplicate_of names row 1, neutralised.
    assert_eq!(rows[1].iter().next_back(), Some("'=cmd|' /C calc'!A0"));
    // Cells are trimmed when read, so what follows leading blanks leads.
    assert_eq!(&rows[1][0], "'=spaced");
    assert_eq!(&rows[1][1], "'@tabbed");
    // No cell of the output starts like a formula.
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
        }
    }
}

#[test]
fn duplicate_header_names_use_the_first_column() {
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([
            ["id", "description", "description"],
            [
                "a",
                POSTING_BODY,
                "Build React and TypeScript user interfaces for our design system.",
            ],
        ]),
    );
    let (out, records) = batch_jsonl(&dir, "in.csv", &[]);
    out.expect_code(0);
    assert_eq!(records[0]["role"], "modeling");
    assert!(!records[0].to_string().contains("React"));
}

#[test]
fn no_header_at_all_stops_with_a_hint() {
    // The first line is a posting, not a header: no column is recognised.
    let dir = Dir::new();
    dir.create(
        "rows.csv",
        csv_of([
            ["7", "ML Engineer", "Train models in PyTorch"],
            ["8", "Frontend", "React"],
        ]),
    );
    let out = run(&dir, ["batch", "rows.csv"]);
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "rolefit: rows.csv: no text or URL column (looked for description, text, content, body, url, link; \
         the header has: 7, ML Engineer, Train models in PyTorch); use --text-column or --url-column\n"
    );
}

#[test]
fn a_binary_file_as_batch_input_is_one_clean_line() {
    let dir = Dir::new();
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\x1b[2J\x07".to_vec();
    bytes.extend((0..=255u8).cycle().take(4096));
    dir.create("logo.csv", bytes);
    let out = run(&dir, ["batch", "logo.csv"]);
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.starts_with("rolefit: logo.csv: "), "{out:?}");
    assert_eq!(out.stderr.lines().count(), 1, "{out:?}");
    assert!(!out.stderr.contains(ESC) && !out.stderr.contains(BEL));
}

#[test]
fn a_deeply_nested_html_cell_is_that_rows_error() {
    let dir = Dir::new();
    let deep = format!("<p>ML</p>{}x", "<ul><li>".repeat(50_000));
    dir.create(
        "in.csv",
        csv_of([
            ["id", "description"],
            ["a", POSTING_BODY],
            ["b", &deep],
            ["c", POSTING_BODY],
        ]),
    );
    let (out, records) = batch_jsonl(&dir, "in.csv", &[]);
    out.expect_code(1);
    assert_eq!(
        outcomes(&records),
        pairs(&[
            ("a", ""),
            (
                "b",
                "row 2: the page nests elements more than 1024 levels deep; rolefit does not read pages built like that"
            ),
            ("c", ""),
        ])
    );
    // Row c has a's text: a duplicate, still classified.
    assert_eq!(records[2]["duplicate_of"], "a");
}

#[test]
fn a_fifty_megabyte_json_line_is_its_own_error() {
    let dir = Dir::new();
    let mut input = format!(
        "{}\n",
        serde_json::json!({"id": "a", "description": POSTING_BODY})
    );
    input.push_str("{\"id\":\"b\",\"description\":\"");
    input.push_str(&"x".repeat(50 * 1024 * 1024));
    input.push_str("\"}\n");
    input.push_str(&format!(
        "{}\n",
        serde_json::json!({"id": "c", "description": POSTING_BODY})
    ));
    dir.create("in.jsonl", input);
    let (out, records) = batch_jsonl(&dir, "in.jsonl", &[]);
    out.expect_code(1);
    assert_eq!(
        outcomes(&records),
        pairs(&[
            ("a", ""),
            ("b", "row 2, field description: over the 2 MiB limit"),
            ("c", ""),
        ])
    );
}

#[test]
fn cache_files_are_named_by_hash_whatever_the_url_or_id() {
    let site = Site::start();
    site.serve("/job", html(POSTING_HTML));
    let dir = Dir::new();
    let evil_url = format!("{}/../../../escape", site.url("/job"));
    dir.create(
        "in.csv",
        csv_of([
            ["id", "url"],
            ["../../outside", site.url("/job").as_str()],
            ["/tmp/abs", evil_url.as_str()],
        ]),
    );
    let (out, records) = batch_jsonl(&dir, "in.csv", &["--cache", "cache"]);
    assert_eq!(records.len(), 2, "{out:?}");
    assert_eq!(records[0]["status"], "ok", "{out:?}");
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in &names {
        let (stem, ext) = name.split_once('.').unwrap();
        assert_eq!(ext, "json", "{name}");
        assert_eq!(stem.len(), 64, "{name}");
        assert!(stem.bytes().all(|b| b.is_ascii_hexdigit()), "{name}");
    }
    // Nothing beside the cache or above the work dir.
    let mut top: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    top.sort();
    assert_eq!(top, ["cache", "in.csv"]);
    assert!(!dir.path().parent().unwrap().join("outside").exists());
}

#[test]
fn url_rows_with_other_schemes_are_never_fetched_or_read() {
    let dir = Dir::new();
    let secret = dir.create("secret.md", POSTING_MD);
    let file_url = format!("file://{}", secret.display());
    dir.create(
        "in.csv",
        csv_of([
            ["id", "url"],
            ["f", file_url.as_str()],
            ["g", "ftp://files.example/job.txt"],
            ["h", "/etc/passwd"],
        ]),
    );
    let (out, records) = batch_jsonl(&dir, "in.csv", &[]);
    out.expect_code(1);
    assert_eq!(
        outcomes(&records),
        pairs(&[
            (
                "f",
                &format!("row 1: {file_url}: URL scheme is not allowed")
            ),
            (
                "g",
                "row 2: ftp://files.example/job.txt: URL scheme is not allowed"
            ),
            (
                "h",
                "row 3: /etc/passwd: not a valid URL (relative URL without a base)"
            ),
        ])
    );
}

#[test]
fn terminal_escapes_in_batch_cells_never_reach_the_terminal() {
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([
            ["id", "title", "description"],
            ["x\x1b[2Jy", "ML \x1b]0;pwned\x07Engineer", POSTING_BODY],
            ["bad\x1b[31m", "t", ""],
        ]),
    );
    for format in ["table", "md", "csv"] {
        let out = run(&dir, ["batch", "in.csv", "--format", format]);
        out.expect_code(1);
        assert!(out.stdout.contains("ML Engineer"), "{format}: {out:?}");
        for shown in [&out.stdout, &out.stderr] {
            assert!(!shown.contains(ESC), "{format}: {shown:?}");
            assert!(!shown.contains(BEL), "{format}: {shown:?}");
        }
    }
}

// ===========================================================================
// Pattern files and profiles.

/// A backend.toml with one entry whose `regex` line (line 5) is `regex_line`.
fn backend_toml_with(regex_line: &str) -> String {
    format!("role = \"backend\"\n\n[[pattern]]\nname = \"broken\"\n{regex_line}\nweight = 1.0\n")
}

/// Runs `analyze --patterns pats` on a sample with `file` = `text` in `pats/`.
fn analyze_with_pattern_file(file: &str, text: &str) -> Output {
    let dir = Dir::new();
    dir.create(&format!("pats/{file}"), text);
    let sample = repo_root().join("samples/en-ml-engineer-ranking.md");
    cmd(&dir, ["analyze", "--patterns", "pats"])
        .arg(sample)
        .run_checked()
}

/// Exit 2, nothing on stdout, one stderr line `rolefit: <location>: <message>`.
#[track_caller]
fn expect_config_error(out: &Output, location: &str) -> String {
    out.expect_code(2);
    assert_eq!(out.stdout, "", "{out:?}");
    let prefix = format!("rolefit: {location}: ");
    assert!(out.stderr.starts_with(&prefix), "{prefix:?}\n{out:?}");
    assert_eq!(out.stderr.lines().count(), 1, "not one line:\n{out:?}");
    out.stderr[prefix.len()..].trim_end().to_string()
}

#[test]
fn invalid_regex_names_file_and_line() {
    let out = analyze_with_pattern_file("backend.toml", &backend_toml_with("regex = '(unclosed'"));
    let message = expect_config_error(&out, "pats/backend.toml:5");
    assert_eq!(message, "unclosed group (in `(?i:(unclosed)`)");
}

#[test]
fn regex_over_the_size_limit_is_an_error_not_a_hang() {
    let out = analyze_with_pattern_file(
        "backend.toml",
        &backend_toml_with(r"regex = '\w{1000}{1000}'"),
    );
    let message = expect_config_error(&out, "pats/backend.toml:5");
    assert!(message.contains("size limit"), "{message}");
}

#[test]
fn invalid_regex_in_a_users_skills_file_names_file_and_line() {
    let text = "[[skill]]\nname = \"Broken\"\ncategory = \"ml-method\"\nregex = '[z-a]'\n";
    let out = analyze_with_pattern_file("skills.toml", text);
    let message = expect_config_error(&out, "pats/skills.toml:4");
    assert!(
        message.contains("invalid character class range"),
        "{message}"
    );
}

#[test]
fn unknown_key_names_file_and_line() {
    let text = "role = \"backend\"\n\n[[pattern]]\nname = \"x\"\nkeywords = [\"gRPC\"]\ncolour = \"red\"\nweight = 1.0\n";
    let out = analyze_with_pattern_file("backend.toml", text);
    let message = expect_config_error(&out, "pats/backend.toml:6");
    assert!(message.starts_with("unknown field `colour`"), "{message}");
}

#[test]
fn wrong_types_name_file_and_line() {
    let cases = [
        (
            "role = \"backend\"\n\n[[pattern]]\nname = \"x\"\nkeywords = [\"gRPC\"]\nweight = \"high\"\n",
            "pats/backend.toml:6",
            "invalid type: string \"high\", expected f64",
        ),
        (
            "role = \"backend\"\n\n[[pattern]]\nname = \"x\"\nkeywords = \"gRPC\"\nweight = 1.0\n",
            "pats/backend.toml:5",
            "invalid type: string \"gRPC\", expected a sequence",
        ),
        (
            "role = 7\n",
            "pats/backend.toml:1",
            "invalid type: integer `7`, expected a string",
        ),
    ];
    for (text, location, message) in cases {
        let out = analyze_with_pattern_file("backend.toml", text);
        assert_eq!(expect_config_error(&out, location), message);
    }
}

/// A weight near the largest float would overflow to an infinite score when
/// it is scaled and summed: weights beyond +-1000 are refused, naming the
/// weight's own line.
#[test]
fn a_huge_pattern_weight_is_refused_naming_its_line() {
    for weight in ["1e308", "-1e308", "1001", "inf", "nan"] {
        let text = format!(
            "role = \"backend\"\n\n[[pattern]]\nname = \"big\"\nkeywords = [\"PyTorch\"]\nweight = {weight}\n"
        );
        let dir = Dir::new();
        dir.create("pats/backend.toml", text);
        let sample = repo_root().join("samples/en-ml-engineer-ranking.md");
        let out = cmd(&dir, ["analyze", "--patterns", "pats", "--format", "jsonl"])
            .arg(sample)
            .run_checked();
        let message = expect_config_error(&out, "pats/backend.toml:6");
        assert_eq!(
            message, "weight must be a number from -1000 to 1000",
            "{weight}"
        );
    }
}

#[test]
fn a_pattern_file_that_is_not_utf8_names_the_file() {
    let dir = Dir::new();
    dir.create("pats/backend.toml", b"role = \"backend\"\n# \xff\xfe\n");
    let out = cmd(&dir, ["patterns", "check", "pats"]).run_checked();
    let message = expect_config_error(&out, "pats/backend.toml");
    assert_eq!(message, "stream did not contain valid UTF-8");
}

#[test]
fn profile_with_10000_strengths_is_read_quickly() {
    let dir = Dir::new();
    let mut profile = String::from("name = \"Many\"\nstrengths = [\n");
    for i in 0..10_000 {
        profile.push_str(&format!("  \"PyTorch model training project {i}\",\n"));
    }
    profile.push_str("  \"Kubernetes\",\n]\n");
    dir.create("me.toml", profile);
    dir.create("posting.md", POSTING_MD);
    let started = Instant::now();
    let a = analyze(&dir, "posting.md", &["--profile", "me.toml"]);
    assert_ok(&a, POSTING_MD_TITLE, "modeling");
    let score = a.record["fit"]["score"].as_u64().expect("a fit score");
    assert!(score <= 100, "{score}");
    let matched = a.record["fit"]["matched"].to_string();
    assert!(matched.contains("PyTorch"), "{matched}");
    assert!(started.elapsed() < hostile::LIMIT);
}

#[test]
fn profile_mistakes_name_file_and_line() {
    let cases = [
        (
            "strengths = [\"Go\"]\ncolour = \"red\"\n",
            "me.toml:2",
            "unknown field `colour`, expected one of `name`, `summary`, `strengths`, `preferred_roles`, `years`, `degree`, `locations`, `languages`, `level`, `avoid`",
        ),
        (
            "name = \"x\"\nstrengths = \"PyTorch\"\n",
            "me.toml:2",
            "invalid type: string \"PyTorch\", expected a sequence",
        ),
        (
            "strengths = [1, 2]\n",
            "me.toml:1",
            "invalid type: integer `1`, expected a string",
        ),
    ];
    for (text, location, message) in cases {
        let dir = Dir::new();
        dir.create("me.toml", text);
        dir.create("posting.md", POSTING_MD);
        let out = cmd(&dir, ["analyze", "posting.md", "--profile", "me.toml"]).run_checked();
        assert_eq!(expect_config_error(&out, location), message, "{text}");
    }
}

#[test]
fn binary_profile_names_the_file() {
    let dir = Dir::new();
    dir.create("me.toml", b"\x89PNG\r\n\x1a\n\0\0\xff\xfe");
    dir.create("posting.md", POSTING_MD);
    let out = cmd(&dir, ["analyze", "posting.md", "--profile", "me.toml"]).run_checked();
    assert_eq!(
        expect_config_error(&out, "me.toml"),
        "stream did not contain valid UTF-8"
    );
}

// ===========================================================================
// Pipes.

#[test]
fn stdout_closed_by_head_exits_0_quietly() {
    let dir = Dir::new();
    dir.create("posting.md", POSTING_MD);
    let mut rows = vec![vec!["id".to_string(), "description".to_string()]];
    for i in 0..3000 {
        rows.push(vec![format!("r{i}"), format!("{POSTING_BODY} Row {i}.")]);
    }
    dir.create("in.csv", csv_of(rows));
    let bin = util::bin().display().to_string();
    let args = "analyze posting.md posting.md posting.md posting.md --format table";
    for cmdline in [
        format!("'{bin}' batch in.csv | head -1"),
        format!("'{bin}' batch in.csv --format jsonl | head -1"),
        format!("'{bin}' {args} | head -1"),
    ] {
        let out = Command::new("bash")
            .args([
                "-c",
                &format!("{cmdline}; echo \"exit=${{PIPESTATUS[0]}}\" >&2"),
            ])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stdout.lines().count(), 1, "{cmdline}: {stdout}");
        assert_eq!(stderr, "exit=0\n", "{cmdline}");
    }
}

#[test]
fn stdin_closed_reads_as_empty() {
    // `0<&-`: no stdin at all. The Rust runtime opens /dev/null in its place,
    // so it reads as an empty input.
    let bin = util::bin().display().to_string();
    for (args, expected, code) in [
        (
            "analyze - --format jsonl",
            "rolefit: <stdin>: no posting text: the input is empty\n",
            1,
        ),
        (
            "batch -",
            "rolefit: <stdin>: the file is empty (no header row)\n",
            2,
        ),
    ] {
        let out = Command::new("bash")
            .args(["-c", &format!("'{bin}' {args} 0<&-")])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args}: {stderr}");
        assert_eq!(stderr, expected, "{args}");
    }
}

#[test]
fn stdin_closed_mid_row_keeps_the_rows_before() {
    // The producer dies in the middle of a quoted field.
    let dir = Dir::new();
    let mut input = csv_of([["id", "description"], ["a", POSTING_BODY]]);
    input.extend_from_slice(b"b,\"Research scientist for\nspeech mod");
    let (out, records) = {
        let out = cmd(&dir, ["batch", "-", "--format", "jsonl"])
            .stdin(input)
            .run_checked();
        let records = out.json_lines();
        (out, records)
    };
    out.expect_code(1);
    assert_eq!(
        outcomes(&records),
        pairs(&[
            ("a", ""),
            (
                "b",
                "row 2: a quoted field never closes, so the rest of the file was read into this row"
            ),
        ])
    );
}

#[test]
fn unwritable_output_path_exits_2_naming_it() {
    let dir = Dir::new();
    dir.create("posting.md", POSTING_MD);
    dir.create(
        "in.csv",
        csv_of([["id", "description"], ["a", POSTING_BODY]]),
    );
    dir.create_dir("a-folder");
    for (args, path, message) in [
        (
            vec!["analyze", "posting.md", "-o", "missing/out.json"],
            "missing/out.json",
            "no such file",
        ),
        (
            vec!["batch", "in.csv", "-o", "missing/out.csv"],
            "missing/out.csv",
            "no such file",
        ),
        (
            vec!["batch", "in.csv", "-o", "a-folder"],
            "a-folder",
            "Is a directory",
        ),
    ] {
        let out = run(&dir, &args);
        out.expect_code(2);
        assert_eq!(out.stdout, "");
        assert_eq!(
            out.stderr,
            format!("rolefit: {path}: cannot write: {message}\n"),
            "{args:?}"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_naming_the_output() {
    let dir = Dir::new();
    let mut rows = vec![vec!["id".to_string(), "description".to_string()]];
    for i in 0..300 {
        rows.push(vec![format!("r{i}"), format!("{POSTING_BODY} Row {i}.")]);
    }
    dir.create("in.csv", csv_of(rows));
    let out = run(&dir, ["batch", "in.csv", "-o", "/dev/full"]);
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: /dev/full: cannot write: No space left on device\n"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_while_waiting_on_stdin_exits_130_with_whole_rows() {
    // The producer sends two rows and then keeps the pipe open; Ctrl-C must
    // still stop the batch at once, with those two rows written whole.
    let mut child = Command::new(util::bin())
        .args(["batch", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rolefit");
    let mut stdin = child.stdin.take().unwrap();
    let input = csv_of([
        ["id", "description"],
        ["a", POSTING_BODY],
        [
            "b",
            "Build React and TypeScript user interfaces for an AI chat product.",
        ],
    ]);
    stdin.write_all(&input).unwrap();
    stdin.flush().unwrap();
    // Lines as they come, on a thread, so the test never blocks on a read.
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let reader = thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    // Row a is written once row b is in (rows are read one ahead); row b
    // waits for what follows it, which never comes.
    let first = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("row a is written while the input is still open");
    thread::sleep(Duration::from_millis(300));
    interrupt(child.id());
    let (out, stopped_in) = wait_or_kill(child, Duration::from_secs(5));
    drop(stdin);
    reader.join().unwrap();
    let rest: Vec<String> = rx.try_iter().collect();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "stderr: {stderr}");
    assert!(stopped_in < Duration::from_secs(5), "{stopped_in:?}");
    assert_eq!(
        stderr,
        "rolefit: interrupted: the rows written so far are complete\n"
    );
    assert_eq!(rest, Vec::<String>::new());
    let record: Value = serde_json::from_str(&first).expect("a whole JSON line");
    assert_eq!(outcomes(std::slice::from_ref(&record)), pairs(&[("a", "")]));
    assert_eq!(record["role"], "modeling");
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_csv_batch_leaves_well_formed_csv() {
    // A slow server keeps the batch busy; the CSV written before Ctrl-C
    // parses strictly and its rows are whole, in input order.
    let site = Site::start();
    site.mount(
        wiremock::Mock::given(wiremock::matchers::method("GET"))
            .respond_with(html(POSTING_HTML).set_delay(Duration::from_millis(200))),
    );
    let dir = Dir::new();
    let mut rows = vec![vec!["id".to_string(), "description".into(), "url".into()]];
    for i in 0..300 {
        rows.push(vec![
            format!("t{i}"),
            format!("{POSTING_BODY} Row {i}."),
            String::new(),
        ]);
    }
    for i in 0..40 {
        rows.push(vec![
            format!("u{i}"),
            String::new(),
            site.url(&format!("/job/{i}")),
        ]);
    }
    dir.create("in.csv", csv_of(rows));
    let child = spawn(&dir, &["batch", "in.csv", "--jobs", "1"]);
    // Wait until the fetching has begun, then interrupt.
    let started = Instant::now();
    while site.requests() < 2 && started.elapsed() < Duration::from_secs(20) {
        thread::sleep(Duration::from_millis(20));
    }
    interrupt(child.id());
    // Give it a few seconds to stop; kill it rather than hang the suite.
    let (out, _) = wait_or_kill(child, Duration::from_secs(10));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "stderr: {stderr}");
    let mut r = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(stdout.as_bytes());
    let ids: Vec<String> = r
        .records()
        .map(|rec| rec.expect("a whole CSV row")[0].to_string())
        .collect();
    let expected: Vec<String> = (0..ids.len().min(300)).map(|i| format!("t{i}")).collect();
    assert_eq!(ids[..expected.len()], expected[..]);
    assert!(ids.len() < 340, "{} rows", ids.len());
}
