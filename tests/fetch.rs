//! Fetching URLs end to end: the built binary (`rolefit analyze URL --format
//! jsonl`) against servers on 127.0.0.1. Nothing here touches the internet.
//!
//! Most servers are wiremock, run on a tokio runtime the test keeps alive; the
//! binary is a separate process, so its blocking client never runs inside that
//! runtime. What wiremock cannot do (drip a body byte by byte, send a gzip
//! bomb, reset or cut a connection) is done by a tiny hand-written server.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

mod util;

use assert_cmd::Command;
use serde_json::Value;
use util::site::Site;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, ResponseTemplate};

// ---------------------------------------------------------------------------
// Postings served by the mock sites (made up).

/// A short English posting for a modeling role.
const POSTING_HTML: &str = r#"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Machine Learning Engineer, Ranking - Northwind Labs</title></head>
<body>
<h1>Machine Learning Engineer, Ranking</h1>
<p>Northwind Labs builds a recipe search app used by two million home cooks. Our ranking team decides which recipes people see first.</p>
<h2>Responsibilities</h2>
<ul>
<li>Train and evaluate deep learning ranking models in PyTorch on billions of search interactions</li>
<li>Design features, loss functions and offline metrics such as NDCG, and run A/B tests for new models</li>
<li>Fine-tune embedding models for query and recipe retrieval</li>
</ul>
<h2>Requirements</h2>
<ul>
<li>3+ years training machine learning models that shipped to production</li>
<li>Strong Python and PyTorch; a solid grasp of statistics and experiment design</li>
</ul>
</body>
</html>
"#;

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

/// A Korean posting; `{meta}` is replaced by a `<meta>` tag (or nothing).
const KOREAN_HTML: &str = r#"<!DOCTYPE html>
<html lang="ko">
<head>{meta}<title>머신러닝 엔지니어 (추천 시스템) - 한빛랩스</title></head>
<body>
<h1>머신러닝 엔지니어 (추천 시스템)</h1>
<p>한빛랩스는 요리 레시피 추천 서비스를 만듭니다. 추천팀은 사용자에게 보여줄 레시피의 순서를 정합니다.</p>
<h2>주요 업무</h2>
<ul>
<li>PyTorch로 딥러닝 추천 모델을 학습하고 평가합니다</li>
<li>오프라인 지표와 A/B 테스트로 새 모델의 성능을 검증합니다</li>
</ul>
<h2>자격 요건</h2>
<ul>
<li>머신러닝 모델 개발 경력 3년 이상</li>
<li>Python과 통계에 대한 깊은 이해</li>
</ul>
</body>
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
    elapsed: Duration,
}

fn analyze(url: &str, extra: &[&str]) -> Run {
    let started = Instant::now();
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
        elapsed: started.elapsed(),
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
// A hand-written HTTP/1.1 server, one handler per connection in order.

type Handler = Box<dyn FnOnce(TcpStream) + Send>;

/// Serves connections on 127.0.0.1 with `handlers`, one each; returns the URL.
fn raw_server(handlers: Vec<Handler>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        for handler in handlers {
            match listener.accept() {
                Ok((stream, _)) => handler(stream),
                Err(_) => return,
            }
        }
    });
    format!("http://{addr}/job")
}

/// Reads the request head, so closing the socket later is a clean FIN, not
/// a reset for unread data.
fn read_request(stream: &mut TcpStream) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
}

/// A response head for an HTML body; `extra` holds more header lines.
fn response_head(content_length: usize, extra: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
         Content-Length: {content_length}\r\n{extra}Connection: close\r\n\r\n"
    )
}

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
fn server_error_then_success_is_retried() {
    let site = Site::start();
    site.serve_first(1, "/job", ResponseTemplate::new(500));
    site.serve("/job", html(POSTING_HTML));
    let run = analyze(&site.url("/job"), &[]);
    assert_ok(&run, POSTING_TITLE, "modeling");
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
    let run = analyze(&site.url("/job"), &[]);
    assert_ok(&run, POSTING_TITLE, "modeling");
    assert_eq!(site.requests(), 2);
    // A lower bound only: the run cannot be quicker than the wait it was told.
    assert!(run.elapsed >= Duration::from_secs(1), "{:?}", run.elapsed);
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
// Redirects refused.

#[test]
fn redirect_to_ftp_is_refused() {
    let site = Site::start();
    site.serve("/job", redirect(302, "ftp://files.example/job.pdf"));
    let url = site.url("/job");
    let run = analyze(&url, &[]);
    assert_failed(
        &run,
        &format!(
            "{url}: redirect to ftp://files.example/job.pdf refused: only http and https are followed"
        ),
    );
}

#[test]
fn redirect_to_file_is_refused() {
    let site = Site::start();
    site.serve("/job", redirect(302, "file:///etc/passwd"));
    let url = site.url("/job");
    let run = analyze(&url, &[]);
    assert_failed(
        &run,
        &format!("{url}: redirect to file:///etc/passwd refused: only http and https are followed"),
    );
}

#[test]
fn redirect_loop_is_reported() {
    let site = Site::start();
    site.serve("/a", redirect(302, "/b"));
    site.serve("/b", redirect(302, "/a"));
    let url = site.url("/a");
    let run = analyze(&url, &[]);
    let b = site.url("/b");
    assert_failed(
        &run,
        &format!("{url}: redirect loop: {b} redirects back to a page already visited"),
    );
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
fn dripping_body_is_cut_off_at_the_total_timeout() {
    // Each byte comes well within any per-read timeout; only a total one stops it.
    let url = raw_server(vec![Box::new(|mut stream: TcpStream| {
        read_request(&mut stream);
        if stream
            .write_all(response_head(100_000, "").as_bytes())
            .is_err()
        {
            return;
        }
        for _ in 0..300 {
            if stream.write_all(b"<").is_err() {
                return;
            }
            thread::sleep(Duration::from_millis(200));
        }
    })]);
    let run = analyze(&url, &["--timeout", "2"]);
    assert_failed(&run, &format!("{url}: timed out after 2 s"));
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

    let url = raw_server(vec![Box::new(move |mut stream: TcpStream| {
        read_request(&mut stream);
        let head = response_head(bomb.len(), "Content-Encoding: gzip\r\n");
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&bomb);
    })]);
    let run = analyze(&url, &["--max-bytes", "1048576"]);
    assert_failed(
        &run,
        &format!("{url}: page is larger than 1 MiB (--max-bytes)"),
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
fn connection_closed_mid_body() {
    let url = raw_server(vec![Box::new(|mut stream: TcpStream| {
        read_request(&mut stream);
        // Promise the whole page, send a tenth of it, hang up.
        let _ = stream.write_all(response_head(POSTING_HTML.len(), "").as_bytes());
        let _ = stream.write_all(&POSTING_HTML.as_bytes()[..POSTING_HTML.len() / 10]);
    })]);
    let run = analyze(&url, &[]);
    assert_failed(
        &run,
        &format!("{url}: connection closed before the whole page arrived"),
    );
}

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
