//! Known job boards: posting URLs of Greenhouse, Lever, Ashby and Wanted are
//! read from each board's JSON API, whole boards are listed by `batch
//! BOARD:NAME`, and a Next.js page is read from its `__NEXT_DATA__`.
//!
//! Every board's API is served by a local server (`ROLEFIT_<BOARD>_API` or
//! `--board-url` point rolefit at it) with JSON written here, shaped like each
//! board's public API. A proxy that refuses every connection stands between
//! rolefit and any other host, so a URL that is not read from the local
//! server fails instead of reaching the internet.

mod util;

use serde_json::{Value, json};
use util::site::{Site, analyze, json_response, rolefit};
use util::{Dir, fields, kinds, sections};
use wiremock::ResponseTemplate;

const GH_URL: &str = "https://boards.greenhouse.io/acme/jobs/4012345";
const LEVER_ID: &str = "5ac21346-8e0c-4494-8e7a-3eb92ff77902";
const ASHBY_ID: &str = "0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

/// HTML with its markup entity-escaped, as Greenhouse sends `content`.
fn escaped(html: &str) -> String {
    html.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn greenhouse_job(id: u64, title: &str, html: &str) -> Value {
    json!({
        "id": id,
        "internal_job_id": id + 1000,
        "title": title,
        "updated_at": "2026-10-02T09:15:00-04:00",
        "requisition_id": "REQ-1",
        "location": {"name": "Seoul, South Korea"},
        "absolute_url": format!("https://boards.greenhouse.io/acme/jobs/{id}"),
        "company_name": "Acme Robotics",
        "first_published": "2026-09-30T10:00:00-04:00",
        "metadata": null,
        "content": escaped(html),
        "departments": [{"id": 11, "name": "Machine Learning", "parent_id": null, "child_ids": []}],
        "offices": [{"id": 21, "name": "Seoul", "location": "Seoul, South Korea", "parent_id": null, "child_ids": []}]
    })
}

const GH_MODELING: &str = "<p>Acme builds search for warehouse robots.</p>\
<h2>What you will do</h2><ul>\
<li>Train and evaluate deep learning ranking models in PyTorch</li>\
<li>Fine-tune transformer models on our click logs and run offline evaluation</li>\
<li>Design features and training data pipelines for model training</li></ul>\
<h2>What you will need</h2><ul><li>3+ years of machine learning model development</li>\
<li>Strong Python and PyTorch</li></ul>\
<h2>Nice to have</h2><ul><li>Experience with learning to rank</li></ul>\
<h2>Benefits</h2><ul><li>Lunch every day and a yearly learning budget</li></ul>";

fn lever_posting() -> Value {
    json!({
        "id": LEVER_ID,
        "text": "Backend Engineer, LLM Inference Platform",
        "categories": {"commitment": "Full-time", "department": "Engineering", "location": "Berlin", "team": "Inference"},
        "country": "DE",
        // 2024-11-01 12:00 UTC
        "createdAt": 1_730_462_400_000_i64,
        "workplaceType": "hybrid",
        "opening": "<div>We serve language models to millions of people.</div>",
        "openingPlain": "We serve language models to millions of people.",
        "description": "<div>We serve language models to millions of people, and this team owns the serving stack end to end.</div>",
        "descriptionPlain": "We serve language models to millions of people, and this team owns the serving stack end to end.",
        "lists": [
            {"text": "What you'll do", "content": "<li>Build and operate model serving APIs for LLM inference with vLLM and Triton</li><li>Cut inference latency and raise GPU throughput</li>"},
            {"text": "What you'll need", "content": "<li>Backend services in Go or Rust</li><li>Kubernetes in production</li>"},
            {"text": "Nice to have", "content": "<li>CUDA kernels</li>"},
            {"text": "Team rituals", "content": "<li>Demo Friday</li>"}
        ],
        "additional": "<div>We sponsor visas and help with relocation to Berlin.</div>",
        "additionalPlain": "We sponsor visas and help with relocation to Berlin.",
        "hostedUrl": format!("https://jobs.lever.co/acme/{LEVER_ID}"),
        "applyUrl": format!("https://jobs.lever.co/acme/{LEVER_ID}/apply")
    })
}

fn ashby_job(id: &str, title: &str, html: &str, listed: bool) -> Value {
    json!({
        "id": id,
        "title": title,
        "department": "Research",
        "team": "Foundations",
        "employmentType": "FullTime",
        "location": "London",
        "secondaryLocations": [],
        "isRemote": false,
        "workplaceType": "OnSite",
        "publishedAt": "2026-08-14T12:30:00.000+00:00",
        "isListed": listed,
        "jobUrl": format!("https://jobs.ashbyhq.com/acme/{id}"),
        "applyUrl": format!("https://jobs.ashbyhq.com/acme/{id}/application"),
        "descriptionHtml": html,
        "descriptionPlain": "plain text of the same description"
    })
}

const ASHBY_RESEARCH: &str = "<h3>About the role</h3><p>You will conduct research on reasoning in large language models \
and publish papers at top venues such as NeurIPS and ICML.</p><h3>Requirements</h3><ul><li>PhD in machine learning \
or a related field</li><li>A publication record at NeurIPS, ICML or ICLR</li></ul>";

fn ashby_board() -> Value {
    json!({
        "apiVersion": "1",
        "jobs": [
            ashby_job("9f8e7d6c-0000-4000-8000-000000000001", "Account Executive", "<p>Sell our API to enterprises across Europe and grow revenue.</p>", true),
            ashby_job(ASHBY_ID, "Research Scientist, Reasoning", ASHBY_RESEARCH, true),
            ashby_job("9f8e7d6c-0000-4000-8000-000000000003", "Internal Transfer Only", "<p>Not shown on the board: an internal transfer only posting.</p>", false)
        ]
    })
}

fn wanted_job() -> Value {
    json!({
        "job": {
            "id": 234567,
            "status": "active",
            "position": "머신러닝 엔지니어 (추천 모델)",
            "company": {"id": 77, "name": "가나다랩", "industry_name": "IT, 컨텐츠"},
            "address": {"country": "한국", "location": "서울", "district": "강남구", "full_location": "서울 강남구 테헤란로 1"},
            "detail": {
                "intro": "가나다랩은 쇼핑 추천 서비스를 만드는 팀입니다.",
                "main_tasks": "• 추천 모델을 설계하고 학습합니다\n• PyTorch로 딥러닝 모델을 개발하고 오프라인 평가를 수행합니다",
                "requirements": "• 머신러닝 모델 개발 경력 3년 이상\n• Python 능숙자",
                "preferred_points": "• 추천 시스템 논문 구현 경험",
                "benefits": "• 점심 식대 지원\n• 자기계발비 지원",
                "hire_rounds": null
            },
            "skill_tags": [{"title": "PyTorch"}]
        }
    })
}

// ---- one posting: analyze on each board's URL ----

#[test]
fn greenhouse_posting_is_read_from_the_boards_api() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve(
        "/v1/boards/acme/jobs/4012345",
        json_response(&greenhouse_job(
            4012345,
            "Machine Learning Engineer, Search Ranking",
            GH_MODELING,
        )),
    );
    let r = analyze(&dir, &site, GH_URL);
    assert_eq!(r["source"], GH_URL);
    assert_eq!(r["title"], "Machine Learning Engineer, Search Ranking");
    assert_eq!(r["company"], "Acme Robotics");
    assert_eq!(r["location"], "Seoul, South Korea");
    assert_eq!(r["date_posted"], "2026-09-30T10:00:00-04:00");
    assert_eq!(r["role"], "modeling");
    // The escaped markup was read as HTML: its headings made the sections.
    assert_eq!(
        sections(&r),
        [
            ("other", None),
            ("responsibilities", Some("What you will do")),
            ("requirements", Some("What you will need")),
            ("preferred", Some("Nice to have")),
            ("benefits", Some("Benefits")),
        ]
    );
    assert_eq!(site.requested_paths(), ["/v1/boards/acme/jobs/4012345"]);
}

#[test]
fn board_url_flag_overrides_the_environment() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve(
        "/gh/v1/boards/acme/jobs/4012345",
        json_response(&greenhouse_job(
            4012345,
            "Machine Learning Engineer",
            GH_MODELING,
        )),
    );
    // The environment points at a port where nothing listens; the flag wins.
    let out = dir
        .command([
            "analyze",
            "https://job-boards.greenhouse.io/acme/jobs/4012345",
            "--board-url",
            &format!("greenhouse={}", site.url("/gh/")),
            "--format",
            "jsonl",
        ])
        .no_internet()
        .env("ROLEFIT_GREENHOUSE_API", "http://127.0.0.1:9")
        .run();
    out.expect_code(0);
    assert_eq!(out.json_lines()[0]["title"], "Machine Learning Engineer");
    assert_eq!(site.requested_paths(), ["/gh/v1/boards/acme/jobs/4012345"]);
}

#[test]
fn lever_lists_become_sections_of_the_kind_their_heading_names() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve(
        &format!("/v0/postings/acme/{LEVER_ID}"),
        json_response(&lever_posting()),
    );
    let url = format!("https://jobs.lever.co/acme/{LEVER_ID}");
    let r = analyze(&dir, &site, &url);
    assert_eq!(r["title"], "Backend Engineer, LLM Inference Platform");
    assert_eq!(r["company"], "acme");
    assert_eq!(r["location"], "Berlin");
    assert_eq!(r["employment_type"], "Full-time");
    assert_eq!(r["date_posted"], "2024-11-01");
    assert_eq!(r["role"], "backend");
    assert_eq!(
        sections(&r),
        [
            ("other", None),
            ("responsibilities", Some("What you'll do")),
            ("requirements", Some("What you'll need")),
            ("preferred", Some("Nice to have")),
            ("other", Some("Team rituals")),
            ("other", None),
        ]
    );
}

#[test]
fn ashby_posting_is_found_on_its_board() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve("/posting-api/job-board/acme", json_response(&ashby_board()));
    let url = format!("https://jobs.ashbyhq.com/acme/{ASHBY_ID}");
    let r = analyze(&dir, &site, &url);
    assert_eq!(r["title"], "Research Scientist, Reasoning");
    assert_eq!(r["company"], "acme");
    assert_eq!(r["location"], "London");
    assert_eq!(r["employment_type"], "FullTime");
    assert_eq!(r["role"], "research");
    assert_eq!(kinds(&r), ["other", "requirements"]);
    assert_eq!(site.requested_paths(), ["/posting-api/job-board/acme"]);
}

#[test]
fn wanted_detail_fields_map_onto_section_kinds() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve("/api/v4/jobs/234567", json_response(&wanted_job()));
    let r = analyze(&dir, &site, "https://www.wanted.co.kr/wd/234567");
    assert_eq!(r["title"], "머신러닝 엔지니어 (추천 모델)");
    assert_eq!(r["company"], "가나다랩");
    assert_eq!(r["location"], "서울 강남구 테헤란로 1");
    assert_eq!(r["lang"], "ko");
    assert_eq!(r["role"], "modeling");
    // hire_rounds is null: no process section.
    assert_eq!(
        sections(&r),
        [
            ("about", None),
            ("responsibilities", Some("주요업무")),
            ("requirements", Some("자격요건")),
            ("preferred", Some("우대사항")),
            ("benefits", Some("혜택 및 복지")),
        ]
    );
    assert_eq!(site.requested_paths(), ["/api/v4/jobs/234567"]);
}

// ---- whole boards: batch BOARD:NAME ----

fn greenhouse_board() -> Value {
    json!({
        "jobs": [
            greenhouse_job(101, "Machine Learning Engineer, Ranking", GH_MODELING),
            greenhouse_job(102, "ML Platform Engineer", "<h2>What you will do</h2><ul><li>Build model serving and inference APIs on Kubernetes</li>\
    <li>Own GPU clusters and the MLOps platform for training and serving</li></ul><h2>Requirements</h2><ul><li>Go or Python backend services</li></ul>"),
            greenhouse_job(103, "Frontend Engineer, AI Chat", "<h2>What you will do</h2><ul><li>Build the streaming chat UI for our LLM assistant in React and TypeScript</li>\
    <li>Ship accessible web interfaces for AI features</li></ul>")
        ],
        "meta": {"total": 3}
    })
}

#[test]
fn batch_lists_every_posting_of_a_greenhouse_board() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve("/v1/boards/acme/jobs", json_response(&greenhouse_board()));
    let out = rolefit(&dir, &site, &["batch", "greenhouse:acme", "--summary"]).run();
    out.expect_code(0);
    let mut csv = csv::Reader::from_reader(out.stdout.as_bytes());
    let headers = csv.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<Vec<String>> = csv
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let cells: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r[col("id")].as_str(),
                r[col("title")].as_str(),
                r[col("company")].as_str(),
                r[col("status")].as_str(),
            )
        })
        .collect();
    assert_eq!(
        cells,
        [
            (
                "101",
                "Machine Learning Engineer, Ranking",
                "Acme Robotics",
                "ok"
            ),
            ("102", "ML Platform Engineer", "Acme Robotics", "ok"),
            ("103", "Frontend Engineer, AI Chat", "Acme Robotics", "ok"),
        ]
    );
    let roles: Vec<&str> = rows.iter().map(|r| r[col("role")].as_str()).collect();
    assert_eq!(roles, ["modeling", "backend", "frontend"]);
    assert!(out.stderr.contains("3 rows: 3 ok"), "{out:?}");
    // One request lists the board in full: no request per posting.
    assert_eq!(site.requested_paths(), ["/v1/boards/acme/jobs"]);
}

#[test]
fn batch_lists_a_lever_board_in_jsonl() {
    let (dir, site) = (Dir::new(), Site::start());
    let mut second = lever_posting();
    second["id"] = json!("00000000-1111-4222-8333-444444444444");
    second["text"] = json!("Senior Backend Engineer, Inference");
    second["hostedUrl"] = json!("https://jobs.lever.co/acme/00000000-1111-4222-8333-444444444444");
    site.serve(
        "/v0/postings/acme",
        json_response(&json!([lever_posting(), second])),
    );
    let out = rolefit(&dir, &site, &["batch", "lever:acme", "--format", "jsonl"]).run();
    out.expect_code(0);
    let records = out.json_lines();
    assert_eq!(
        fields(&records, ["id", "source", "title"]),
        [
            [
                LEVER_ID,
                &*format!("https://jobs.lever.co/acme/{LEVER_ID}"),
                "Backend Engineer, LLM Inference Platform"
            ],
            [
                "00000000-1111-4222-8333-444444444444",
                "https://jobs.lever.co/acme/00000000-1111-4222-8333-444444444444",
                "Senior Backend Engineer, Inference"
            ],
        ]
    );
    assert_eq!(records[0]["employment_type"], "Full-time");
}

#[test]
fn batch_lists_an_ashby_board_without_its_unlisted_jobs() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve("/posting-api/job-board/acme", json_response(&ashby_board()));
    let out = rolefit(&dir, &site, &["batch", "ashby:acme", "--format", "jsonl"]).run();
    out.expect_code(0);
    let titles: Vec<String> = out
        .json_lines()
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        titles,
        ["Account Executive", "Research Scientist, Reasoning"]
    );
}

#[test]
fn a_cached_listing_is_not_fetched_again() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve("/v1/boards/acme/jobs", json_response(&greenhouse_board()));
    let args = [
        "batch",
        "greenhouse:acme",
        "--cache",
        "cache",
        "--format",
        "jsonl",
    ];
    let first = rolefit(&dir, &site, &args).run();
    first.expect_code(0);
    assert_eq!(site.requests(), 1);
    site.reset();
    let second = rolefit(&dir, &site, &args).run();
    second.expect_code(0);
    assert_eq!(site.requests(), 0, "{second:?}");
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn a_listed_job_in_a_shape_rolefit_cannot_read_is_its_rows_error() {
    let (dir, site) = (Dir::new(), Site::start());
    let mut board = greenhouse_board();
    board["jobs"][1].as_object_mut().unwrap().remove("content");
    site.serve("/v1/boards/acme/jobs", json_response(&board));
    let out = rolefit(
        &dir,
        &site,
        &["batch", "greenhouse:acme", "--format", "jsonl"],
    )
    .run();
    out.expect_code(1);
    let records = out.json_lines();
    let status: Vec<&str> = records
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(status, ["ok", "error", "ok"]);
    let message = "row 2: greenhouse:acme job 102: Greenhouse: the posting has no `content` (its description); the API may have changed";
    assert_eq!(records[1]["error"], message);
    assert_eq!(out.stderr, format!("rolefit: {message}\n"));
}

#[test]
fn board_urls_in_a_csv_are_read_from_their_apis() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve(
        "/v1/boards/acme/jobs/4012345",
        json_response(&greenhouse_job(
            4012345,
            "Machine Learning Engineer",
            GH_MODELING,
        )),
    );
    site.serve("/api/v4/jobs/234567", json_response(&wanted_job()));
    site.serve(
        "/careers/7",
        ResponseTemplate::new(200).set_body_raw(
            "<html><body><h1>Data Analyst</h1><p>Build dashboards in SQL for the sales team and report weekly numbers.</p></body></html>",
            "text/html",
        ),
    );
    dir.create(
        "links.csv",
        format!(
            "id,url\ngh,{GH_URL}\nwd,https://www.wanted.co.kr/wd/234567\npage,{}\n",
            site.url("/careers/7")
        ),
    );
    let out = rolefit(&dir, &site, &["batch", "links.csv", "--format", "jsonl"]).run();
    out.expect_code(0);
    assert_eq!(
        fields(&out.json_lines(), ["id", "title"]),
        [
            ["gh", "Machine Learning Engineer"],
            ["wd", "머신러닝 엔지니어 (추천 모델)"],
            ["page", "Data Analyst"],
        ]
    );
    let mut paths = site.requested_paths();
    paths.sort();
    assert_eq!(
        paths,
        [
            "/api/v4/jobs/234567",
            "/careers/7",
            "/v1/boards/acme/jobs/4012345"
        ]
    );
}

#[test]
fn a_board_posting_kept_in_the_cache_is_read_back_the_same() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve(
        &format!("/v0/postings/acme/{LEVER_ID}"),
        json_response(&lever_posting()),
    );
    dir.create(
        "links.csv",
        format!("url\nhttps://jobs.lever.co/acme/{LEVER_ID}\n"),
    );
    let args = [
        "batch",
        "links.csv",
        "--cache",
        "cache",
        "--format",
        "jsonl",
    ];
    let first = rolefit(&dir, &site, &args).run();
    first.expect_code(0);
    assert_eq!(first.json_lines()[0]["role"], "backend");
    site.reset();
    let second = rolefit(&dir, &site, &args).run();
    second.expect_code(0);
    assert_eq!(site.requests(), 0);
    assert_eq!(first.stdout, second.stdout);
}

// ---- Next.js pages ----

fn next_page(visible: &str, data: &Value) -> String {
    format!(
        "<!doctype html><html><head><title>Careers</title></head><body><div id=\"__next\">{visible}</div>\
<script id=\"__NEXT_DATA__\" type=\"application/json\">{data}</script></body></html>"
    )
}

fn next_data() -> Value {
    json!({
        "props": {"pageProps": {
            "menu": [{"title": "Jobs", "href": "/jobs"}],
            "posting": {
                "jobTitle": "Research Engineer, Speech",
                "companyName": "Hana Voice",
                "location": {"name": "Busan"},
                "descriptionHtml": "<h2>Responsibilities</h2><ul><li>Conduct research on speech recognition models and publish papers at top venues like ICASSP and Interspeech</li></ul><h2>Requirements</h2><ul><li>PhD or MS in machine learning</li></ul>"
            }
        }},
        "page": "/jobs/[id]",
        "buildId": "b1"
    })
}

#[test]
fn an_empty_next_js_page_is_read_from_its_next_data() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve(
        "/jobs/7",
        ResponseTemplate::new(200).set_body_raw(next_page("", &next_data()), "text/html"),
    );
    let r = analyze(&dir, &site, &site.url("/jobs/7"));
    assert_eq!(r["title"], "Research Engineer, Speech");
    assert_eq!(r["company"], "Hana Voice");
    assert_eq!(r["location"], "Busan");
    assert_eq!(r["role"], "research");
    assert_eq!(kinds(&r), ["responsibilities", "requirements"]);
}

#[test]
fn a_next_js_page_with_visible_text_is_read_as_a_page() {
    let (dir, site) = (Dir::new(), Site::start());
    let visible = "<h1>Frontend Engineer</h1><p>Build the React and TypeScript interface of our AI writing assistant.</p>";
    site.serve(
        "/jobs/8",
        ResponseTemplate::new(200).set_body_raw(next_page(visible, &next_data()), "text/html"),
    );
    let r = analyze(&dir, &site, &site.url("/jobs/8"));
    assert_eq!(r["title"], "Frontend Engineer");
}

// ---- errors: each names the URL, the board and what was wrong ----

/// Runs `analyze URL` and returns its one line of stderr, after checking the
/// exit code and that the error is also the record's.
fn analyze_error(site: &Site, url: &str) -> String {
    let dir = Dir::new();
    let out = rolefit(&dir, site, &["analyze", url, "--format", "jsonl"]).run();
    out.expect_code(1);
    let records = out.json_lines();
    assert_eq!(records[0]["status"], "error", "{out:?}");
    assert_eq!(
        out.stderr,
        format!("rolefit: {}\n", records[0]["error"].as_str().unwrap())
    );
    out.stderr.trim_end().to_string()
}

#[test]
fn a_board_answering_404_is_named_with_its_api_url() {
    let site = Site::start();
    site.serve(
        "/v1/boards/acme/jobs/999",
        ResponseTemplate::new(404).set_body_raw(
            r#"{"status":404,"error":"Job not found"}"#,
            "application/json",
        ),
    );
    assert_eq!(
        analyze_error(&site, "https://boards.greenhouse.io/acme/jobs/999"),
        format!(
            "rolefit: https://boards.greenhouse.io/acme/jobs/999: Greenhouse: {}: HTTP 404 Not Found (no such posting: it may be closed, or the link is wrong)",
            site.url("/v1/boards/acme/jobs/999")
        )
    );
}

#[test]
fn a_missing_field_is_named() {
    let site = Site::start();
    let mut posting = lever_posting();
    posting.as_object_mut().unwrap().remove("text");
    site.serve(
        &format!("/v0/postings/acme/{LEVER_ID}"),
        json_response(&posting),
    );
    let url = format!("https://jobs.lever.co/acme/{LEVER_ID}");
    assert_eq!(
        analyze_error(&site, &url),
        format!("rolefit: {url}: Lever: the posting has no `text` (its title)")
    );
}

#[test]
fn a_wrong_shape_is_named() {
    let site = Site::start();
    site.serve("/v1/boards/acme/jobs/1", json_response(&json!([{"id": 1}])));
    site.serve(
        "/api/v4/jobs/5",
        json_response(&json!({"job": {"position": "ML Engineer", "detail": "text"}})),
    );
    let mut lists_not_a_list = lever_posting();
    lists_not_a_list["lists"] = json!("Requirements: Python");
    site.serve(
        &format!("/v0/postings/acme/{LEVER_ID}"),
        json_response(&lists_not_a_list),
    );
    assert_eq!(
        analyze_error(&site, "https://boards.greenhouse.io/acme/jobs/1"),
        "rolefit: https://boards.greenhouse.io/acme/jobs/1: Greenhouse: expected the posting as a JSON object, got an array"
    );
    assert_eq!(
        analyze_error(&site, "https://www.wanted.co.kr/wd/5"),
        "rolefit: https://www.wanted.co.kr/wd/5: Wanted: expected `job.detail` as a JSON object, got a string"
    );
    let url = format!("https://jobs.lever.co/acme/{LEVER_ID}");
    assert_eq!(
        analyze_error(&site, &url),
        format!("rolefit: {url}: Lever: the posting's `lists` is a string, not a list")
    );
}

#[test]
fn an_answer_that_is_not_json_is_named() {
    let site = Site::start();
    site.serve(
        "/v1/boards/acme/jobs/2",
        ResponseTemplate::new(200)
            .set_body_raw("<html><body>Maintenance</body></html>", "text/html"),
    );
    site.serve(
        "/v1/boards/acme/jobs/3",
        ResponseTemplate::new(200).set_body_raw("{\"id\": 3, \"title\": ", "application/json"),
    );
    assert_eq!(
        analyze_error(&site, "https://boards.greenhouse.io/acme/jobs/2"),
        format!(
            "rolefit: https://boards.greenhouse.io/acme/jobs/2: Greenhouse: {}: the API answered with content type text/html, not JSON",
            site.url("/v1/boards/acme/jobs/2")
        )
    );
    let line = analyze_error(&site, "https://boards.greenhouse.io/acme/jobs/3");
    assert!(
        line.starts_with(&format!(
            "rolefit: https://boards.greenhouse.io/acme/jobs/3: Greenhouse: the answer from {} is not JSON (",
            site.url("/v1/boards/acme/jobs/3")
        )),
        "{line}"
    );
}

#[test]
fn wanted_without_detail_and_ashby_without_the_job_are_named() {
    let site = Site::start();
    site.serve(
        "/api/v4/jobs/6",
        json_response(&json!({"job": {"id": 6, "position": "ML Engineer"}})),
    );
    site.serve("/posting-api/job-board/acme", json_response(&ashby_board()));
    assert_eq!(
        analyze_error(&site, "https://www.wanted.co.kr/wd/6"),
        "rolefit: https://www.wanted.co.kr/wd/6: Wanted: the posting has no `job.detail` (its text)"
    );
    let gone = "aaaaaaaa-0000-4000-8000-000000000000";
    let url = format!("https://jobs.ashbyhq.com/acme/{gone}");
    assert_eq!(
        analyze_error(&site, &url),
        format!(
            "rolefit: {url}: Ashby: the board \"acme\" lists no job {gone} (3 jobs listed; the posting may be closed)"
        )
    );
}

#[test]
fn ids_and_names_that_cannot_be_a_posting_are_refused_before_any_request() {
    let site = Site::start();
    assert_eq!(
        analyze_error(&site, "https://boards.greenhouse.io/acme/jobs/12ab"),
        "rolefit: https://boards.greenhouse.io/acme/jobs/12ab: the Greenhouse posting id \"12ab\" is not a number"
    );
    assert_eq!(
        analyze_error(&site, "https://www.wanted.co.kr/wd/abc"),
        "rolefit: https://www.wanted.co.kr/wd/abc: the Wanted posting id \"abc\" is not a number"
    );
    assert_eq!(
        analyze_error(
            &site,
            "https://jobs.lever.co/ac%2Fme/5ac21346-8e0c-4494-8e7a-3eb92ff77902"
        ),
        "rolefit: https://jobs.lever.co/ac%2Fme/5ac21346-8e0c-4494-8e7a-3eb92ff77902: \"ac%2Fme\" is not a valid Lever board name (letters, digits, '.', '_' and '-' only)"
    );
    assert_eq!(
        analyze_error(&site, "https://boards.greenhouse.io/acme"),
        "rolefit: https://boards.greenhouse.io/acme: a whole Greenhouse board, not one posting; to read every posting on it, run `rolefit batch greenhouse:acme`"
    );
    assert_eq!(site.requests(), 0);
}

#[test]
fn a_listing_with_no_jobs_stops_the_run() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve(
        "/v1/boards/acme/jobs",
        json_response(&json!({"jobs": [], "meta": {"total": 0}})),
    );
    let out = rolefit(&dir, &site, &["batch", "greenhouse:acme"]).run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "rolefit: greenhouse:acme: the board lists no open postings\n"
    );
}

#[test]
fn a_listing_that_cannot_be_read_stops_the_run() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve(
        "/v0/postings/nosuch",
        ResponseTemplate::new(404).set_body_raw(
            r#"{"ok":false,"error":"Document not found"}"#,
            "application/json",
        ),
    );
    site.serve(
        "/v1/boards/acme/jobs",
        json_response(&json!({"meta": {"total": 0}})),
    );
    let out = rolefit(&dir, &site, &["batch", "lever:nosuch"]).run();
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        format!(
            "rolefit: lever:nosuch: Lever: {}: HTTP 404 Not Found (no such board)\n",
            site.url("/v0/postings/nosuch?mode=json&skip=0&limit=100")
        )
    );
    let out = rolefit(&dir, &site, &["batch", "greenhouse:acme"]).run();
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: greenhouse:acme: Greenhouse: the answer has no `jobs` (the list of jobs)\n"
    );
}

#[test]
fn bad_listing_names_and_base_urls_are_usage_errors() {
    let (dir, site) = (Dir::new(), Site::start());
    let out = rolefit(&dir, &site, &["batch", "ashby:../../etc"]).run();
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: ashby:../../etc: \"../../etc\" is not a valid Ashby board name (letters, digits, '.', '_' and '-' only)\n"
    );
    let out = rolefit(&dir, &site, &["batch", "wanted:acme"]).run();
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: wanted:acme: \"acme\" is not a Wanted company id (the number in https://www.wanted.co.kr/company/ID)\n"
    );
    let out = rolefit(&dir, &site, &["batch", "linkedin:acme"]).run();
    out.expect_code(2);
    assert!(
        out.stderr
            .starts_with("rolefit: linkedin:acme: LinkedIn postings are read one by one"),
        "{out:?}"
    );
    let out = rolefit(
        &dir,
        &site,
        &["analyze", GH_URL, "--board-url", "greenhouse=file:///etc"],
    )
    .run();
    out.expect_code(2);
    assert!(
        out.stderr
            .contains("only http:// and https:// URLs can be a board's API"),
        "{out:?}"
    );
    let out = dir
        .command(["analyze", GH_URL])
        .no_internet()
        .env("ROLEFIT_LEVER_API", "ftp://127.0.0.1/")
        .run();
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: ROLEFIT_LEVER_API=ftp://127.0.0.1/: only http:// and https:// URLs can be a board's API\n"
    );
    assert_eq!(site.requests(), 0);
}
