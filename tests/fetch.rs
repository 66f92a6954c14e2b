//! Fetching URLs end to end: the built binary (`rolefit analyze URL --format
//! jsonl`) against servers on 127.0.0.1. Nothing here touches the internet.
//!
//! Most servers are wiremock, run on a tokio runtime the test keeps alive; the
//! binary is a separate process, so its blocking client never runs inside that
//! runtime. What wiremock cannot do (reset a connection) is done by a tiny
//! hand-written server. The hostile servers (gzip bomb, dripping body,
//! redirect loops and schemes, cut connections, lying lengths, retries) are in
//! `tests/adversarial.rs`.

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

mod util;

use assert_cmd::Command;
use serde_json::Value;
use util::fixtures::{KOREAN_HTML, POSTING_HTML};
use util::raw::{raw_server, read_request, response_head};
use util::site::Site;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, ResponseTemplate};

// ---------------------------------------------------------------------------
// Postings served by the mock sites (made up).

const POSTING_TITLE: &str = "Machine Learning Engineer, Ranking";

/// A page whose visible text is a generic careers page; the posting's fields
/// are only in its JSON-LD.
const JSON_LD_HTML: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Careers | Lumenfold</title>
<script type="application/ld+json">
{"@context": "https://schema.org/", "@type": "JobPosting",
 "title": "Senior Machine Learning Engineer, Search",
 "hiringOrganization": {"@type": "Organization", "name": "Lumenfold Labs"},
 "jobLocation": {"@type": "Place", "address": {"addressLocality": "Berlin", "addressCountry": "DE"}},
 "description": "<h2>Responsibilities</h2><ul><li>Train and evaluate deep learning ranking models in PyTorch</li><li>Fine-tune embedding models for query and document retrieval</li></ul><h2>Requirements</h2><ul><li>3+ years training machine learning models that shipped to production</li><li>Strong Python and PyTorch</li></ul>"}
</script>
</head>
<body><h1>Join us</h1><p>We are hiring across the company. See the posting below.</p></body>
</html>
"#;

const KOREAN_TITLE: &str = "머신러닝 엔지니어 (추천 시스템)";

fn korean_euc_kr(meta: &str) -> Vec<u8> {
    let html = KOREAN_HTML.replace("{meta}", meta);
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(&html);
    assert!(!unmappable, "the Korean sample must be encodable as EUC-KR");
    bytes.into_owned()
}

// ---------------------------------------------------------------------------
// Running the binary.

/// What one `rolefit analyze URL --format jsonl` run produced.
struct Run {
    code: i32,
    stderr: String,
    record: Value,
}

fn analyze(url: &str, extra: &[&str]) -> Run {
    let out = Command::cargo_bin("rolefit")
        .unwrap()
        .args(["analyze", url, "--format", "jsonl"])
        .args(extra)
        .env("NO_COLOR", "1")
        // A proxy from the environment would be asked for 127.0.0.1 pages.
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let record = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("stdout is not one JSON line ({e}): {stdout:?}"));
    Run {
        code: out.status.code().expect("rolefit exited normally"),
        stderr: String::from_utf8(out.stderr).unwrap(),
        record,
    }
}

/// The run succeeded and classified the posting.
fn assert_ok(run: &Run, title: &str, role: &str) {
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(run.record["status"], "ok");
    assert_eq!(run.record["title"], title);
    assert_eq!(run.record["role"], role);
}

/// The run failed with exactly this message, on stderr and in the record.
fn assert_failed(run: &Run, message: &str) {
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, format!("rolefit: {message}\n"));
    assert_eq!(run.record["status"], "error");
    assert_eq!(run.record["error"], message);
}

// ---------------------------------------------------------------------------
// A wiremock site on its own runtime.

fn html(body: impl Into<Vec<u8>>) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body.into(), "text/html; charset=utf-8")
}

fn redirect(status: u16, location: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).insert_header("Location", location)
}

// ---------------------------------------------------------------------------
// A hand-written HTTP/1.1 server (tests/util/raw.rs).

fn serve_page(mut stream: TcpStream) {
    read_request(&mut stream);
    let _ = stream.write_all(response_head(POSTING_HTML.len(), "").as_bytes());
    let _ = stream.write_all(POSTING_HTML.as_bytes());
}

// ---------------------------------------------------------------------------
// Success.

#[test]
fn html_page_is_classified() {
    let site = Site::start();
    let user_agent = format!(
        "rolefit/{} (+https://github.com/rolefit/rolefit)",
        env!("CARGO_PKG_VERSION")
    );
    // Only a request with rolefit's User-Agent gets the page; others get 404.
    site.mount(
        Mock::given(method("GET"))
            .and(path("/job"))
            .and(header("user-agent", user_agent.as_str()))
            .respond_with(html(POSTING_HTML)),
    );
    let run = analyze(&site.url("/job"), &[]);
    assert_ok(&run, POSTING_TITLE, "modeling");
    assert_eq!(run.record["lang"], "en");
}

#[test]
fn json_ld_fields_are_used() {
    let site = Site::start();
    site.serve("/job", html(JSON_LD_HTML));
    let run = analyze(&site.url("/job"), &[]);
    assert_ok(&run, "Senior Machine Learning Engineer, Search", "modeling");
    assert_eq!(run.record["company"], "Lumenfold Labs");
    assert_eq!(run.record["location"], "Berlin, DE");
}

#[test]
fn missing_content_type_is_sniffed_as_html() {
    let site = Site::start();
    // set_body_bytes sends no Content-Type at all.
    site.serve(
        "/job",
        ResponseTemplate::new(200).set_body_bytes(POSTING_HTML),
    );
    let run = analyze(&site.url("/job"), &[]);
    assert_ok(&run, POSTING_TITLE, "modeling");
}

#[test]
fn redirect_is_followed() {
    let site = Site::start();
    site.serve("/old", redirect(301, "/job"));
    site.serve("/job", html(POSTING_HTML));
    let run = analyze(&site.url("/old"), &[]);
    assert_ok(&run, POSTING_TITLE, "modeling");
}

// ---------------------------------------------------------------------------
// Charsets.

#[test]
fn euc_kr_from_the_header() {
    let site = Site::start();
    // The page's own <meta> wrongly says UTF-8: the header must win over it.
    let page = korean_euc_kr(r#"<meta charset="utf-8">"#);
    site.serve(
        "/job",
        ResponseTemplate::new(200).set_body_raw(page, "text/html; charset=euc-kr"),
    );
    let run = analyze(&site.url("/job"), &[]);
    assert_ok(&run, KOREAN_TITLE, "modeling");
    assert_eq!(run.record["lang"], "ko");
}

#[test]
fn euc_kr_from_meta_charset() {
    let site = Site::start();
    let page =
        korean_euc_kr(r#"<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">"#);
    site.serve(
        "/job",
        ResponseTemplate::new(200).set_body_raw(page, "text/html"),
    );
    let run = analyze(&site.url("/job"), &[]);
    assert_ok(&run, KOREAN_TITLE, "modeling");
}

// ---------------------------------------------------------------------------
// HTTP errors and retries.

#[test]
fn not_found_fails_naming_the_url() {
    let site = Site::start();
    site.serve("/job", ResponseTemplate::new(404).set_body_string("gone"));
    let url = site.url("/job");
    let run = analyze(&url, &[]);
    assert_failed(&run, &format!("{url}: HTTP 404 Not Found"));
    // A 404 is final: no retries.
    assert_eq!(site.requests(), 1);
}

#[test]
fn retries_run_out_with_the_last_error() {
    let site = Site::start();
    site.serve("/job", ResponseTemplate::new(503));
    let url = site.url("/job");
    let run = analyze(&url, &[]);
    assert_failed(&run, &format!("{url}: HTTP 503 Service Unavailable"));
    // The first try and two retries.
    assert_eq!(site.requests(), 3);
}

#[test]
fn reset_connection_is_retried() {
    let url = raw_server(vec![
        Box::new(|stream: TcpStream| {
            // Closing with the request unread makes the kernel send a reset;
            // peek waits until the request is there, unread.
            let _ = stream.peek(&mut [0u8; 1]);
            drop(stream);
        }),
        Box::new(serve_page),
    ]);
    let run = analyze(&url, &[]);
    assert_ok(&run, POSTING_TITLE, "modeling");
}

// ---------------------------------------------------------------------------
// Limits: time, size, content type.

#[test]
fn slow_response_times_out() {
    let site = Site::start();
    site.serve("/job", html(POSTING_HTML).set_delay(Duration::from_secs(5)));
    let url = site.url("/job");
    let run = analyze(&url, &["--timeout", "1"]);
    assert_failed(&run, &format!("{url}: timed out after 1 s"));
}

#[test]
fn oversized_body_is_refused() {
    let site = Site::start();
    site.serve("/job", html(POSTING_HTML));
    assert!(POSTING_HTML.len() > 500);
    let url = site.url("/job");
    let run = analyze(&url, &["--max-bytes", "500"]);
    assert_failed(
        &run,
        &format!("{url}: page is larger than 500 bytes (--max-bytes)"),
    );
}

#[test]
fn pdf_is_refused() {
    let site = Site::start();
    site.serve(
        "/job.pdf",
        ResponseTemplate::new(200).set_body_raw(b"%PDF-1.7\n".to_vec(), "application/pdf"),
    );
    let url = site.url("/job.pdf");
    let run = analyze(&url, &[]);
    assert_failed(
        &run,
        &format!(
            "{url}: unsupported content type application/pdf (rolefit reads HTML and text pages)"
        ),
    );
}

// ---------------------------------------------------------------------------
// Connections.

#[test]
fn connection_refused() {
    // A port that was free a moment ago and has nothing listening now.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/job");
    let run = analyze(&url, &[]);
    assert_failed(&run, &format!("{url}: connection refused"));
}
