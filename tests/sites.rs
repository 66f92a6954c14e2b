//! The sites rolefit reads in their own way: LinkedIn, Indeed, SEEK,
//! Saramin, JobKorea and Workday pages and URLs, `wanted:` and `workday:`
//! listings, and the boards' European hosts, paging and per-run board cache.
//!
//! Each source is read in an analyze and a batch path, from pages and JSON
//! in `util::fixtures` served on 127.0.0.1; the sites' own hosts are moved
//! there with `ROLEFIT_<BOARD>_API` or `--board-url`, and a proxy that
//! refuses every connection stands between rolefit and any other host.

mod util;

use serde_json::{Value, json};
use util::fixtures::*;
use util::site::{Site, analyze, html, json_response, rolefit};
use util::{Dir, Output, fields, kinds, sections};
use wiremock::matchers::{body_partial_json, method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

/// The records of `batch` over a CSV of these URLs, as JSON Lines.
fn batch_urls(dir: &Dir, site: &Site, urls: &[&str]) -> Vec<Value> {
    let mut csv = String::from("id,url\n");
    for (i, u) in urls.iter().enumerate() {
        csv.push_str(&format!("r{},{u}\n", i + 1));
    }
    dir.create("links.csv", csv);
    let out = rolefit(dir, site, &["batch", "links.csv", "--format", "jsonl"]).run();
    out.expect_code(0);
    let records = out.json_lines();
    assert_eq!(records.len(), urls.len(), "{out:?}");
    records
}

/// `title`, `company`, `location` of a record.
fn who(r: &Value) -> (&str, &str, &str) {
    (
        r["title"].as_str().unwrap_or(""),
        r["company"].as_str().unwrap_or(""),
        r["location"].as_str().unwrap_or(""),
    )
}

// ---- LinkedIn ----

#[test]
fn linkedin_job_urls_are_read_as_the_guest_page() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve("/jobs/view/4012345678", html(LINKEDIN_GUEST));
    let r = analyze(
        &dir,
        &site,
        "https://www.linkedin.com/jobs/view/machine-learning-engineer-perception-at-hanbit-robotics-4012345678/?trk=public_jobs",
    );
    assert_eq!(
        who(&r),
        (
            "Machine Learning Engineer, Perception",
            "Hanbit Robotics",
            "Seoul, Seoul, South Korea"
        )
    );
    assert_eq!(r["seniority"], "Mid-Senior level");
    assert_eq!(r["employment_type"], "Full-time");
    assert_eq!(r["role"], "modeling");
    // The description only: no similar jobs, no criteria list, no footer.
    assert_eq!(
        sections(&r),
        [
            ("other", None),
            ("responsibilities", Some("What you will do")),
            ("requirements", Some("Qualifications")),
            ("preferred", Some("Preferred qualifications")),
        ]
    );
    // A search page's currentJobId names the same posting.
    let records = batch_urls(
        &dir,
        &site,
        &["https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4012345678"],
    );
    assert_eq!(records[0]["title"], "Machine Learning Engineer, Perception");
    assert_eq!(records[0]["company"], "Hanbit Robotics");
    assert_eq!(records[0]["seniority"], "Mid-Senior level");
    assert_eq!(
        site.requested_paths(),
        ["/jobs/view/4012345678", "/jobs/view/4012345678"]
    );
}

#[test]
fn a_saved_linkedin_page_of_either_kind_names_title_and_company() {
    let (dir, site) = (Dir::new(), Site::start());
    dir.create("guest.html", LINKEDIN_GUEST);
    dir.create("signed-in.html", LINKEDIN_SIGNED_IN);
    let r = analyze(&dir, &site, "guest.html");
    assert_eq!(r["title"], "Machine Learning Engineer, Perception");
    assert_eq!(r["company"], "Hanbit Robotics");
    let r = analyze(&dir, &site, "signed-in.html");
    assert_eq!(
        who(&r),
        (
            "Backend Engineer, Model Serving",
            "Dasol AI",
            "Pangyo, Gyeonggi, South Korea"
        )
    );
    assert_eq!(r["employment_type"], "Full-time");
    assert_eq!(r["seniority"], "Mid-Senior level");
    assert_eq!(r["role"], "backend");
    // The job list beside the posting and the company box below it are not read.
    assert_eq!(
        kinds(&r),
        ["other", "responsibilities", "requirements"],
        "{r}"
    );
    // The same saved page served from a web server, in a batch.
    site.serve("/saved/job.html", html(LINKEDIN_SIGNED_IN));
    let records = batch_urls(&dir, &site, &[&site.url("/saved/job.html")]);
    assert_eq!(
        who(&records[0]),
        (
            "Backend Engineer, Model Serving",
            "Dasol AI",
            "Pangyo, Gyeonggi, South Korea"
        )
    );
}

// ---- Indeed and SEEK ----

#[test]
fn indeed_reads_json_ld_when_it_is_a_posting_else_its_job_container() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve("/viewjob", html(indeed_page(true)));
    site.serve("/m/viewjob", html(indeed_page(false)));
    let with = analyze(&dir, &site, &site.url("/viewjob?jk=1a2b"));
    assert_eq!(with["date_posted"], "2026-10-01");
    assert_eq!(with["employment_type"], "FULL_TIME");
    assert_eq!(with["location"], "Seoul, KR");
    let without = analyze(&dir, &site, &site.url("/m/viewjob?jk=1a2b"));
    assert_eq!(without["location"], "Seoul");
    assert_eq!(without["date_posted"], Value::Null);
    for r in [&with, &without] {
        assert_eq!(r["title"], "ML Platform Engineer");
        assert_eq!(r["company"], "Gaon Data");
        assert_eq!(r["role"], "backend");
        // Not the related searches or the footer.
        assert_eq!(
            sections(r),
            [
                ("other", None),
                ("responsibilities", Some("What you will do")),
                ("requirements", Some("Requirements")),
            ]
        );
    }
    let records = batch_urls(
        &dir,
        &site,
        &[&site.url("/viewjob?jk=1"), &site.url("/m/viewjob?jk=2")],
    );
    for r in &records {
        assert_eq!(who(r).0, "ML Platform Engineer");
        assert_eq!(who(r).1, "Gaon Data");
    }
}

#[test]
fn seek_with_only_a_website_json_ld_reads_its_job_details() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve("/job/81234567", html(SEEK_PAGE));
    let r = analyze(&dir, &site, &site.url("/job/81234567"));
    assert_eq!(
        who(&r),
        (
            "Senior Frontend Engineer, AI Assistant",
            "Wattle Labs",
            "Sydney NSW"
        )
    );
    assert_eq!(r["employment_type"], "Full time");
    assert_eq!(r["role"], "frontend");
    assert_eq!(
        sections(&r),
        [
            ("other", None),
            ("other", Some("The role")),
            ("requirements", Some("About you")),
        ],
        "{r}"
    );
    let records = batch_urls(&dir, &site, &[&site.url("/job/81234567")]);
    assert_eq!(records[0]["company"], "Wattle Labs");
    assert_eq!(records[0]["role"], "frontend");
}

// ---- Saramin and JobKorea: the framed text ----

fn serve_saramin(site: &Site) {
    site.serve("/zf_user/jobs/relay/view-detail", html(SARAMIN_DETAIL));
    site.serve(
        "/zf_user/jobs/view",
        html(saramin_page(&format!(
            "/zf_user/jobs/relay/view-detail?rec_idx={SARAMIN_REC_IDX}&rec_seq=0"
        ))),
    );
}

#[test]
fn a_saramin_posting_is_read_through_its_detail_document() {
    let (dir, site) = (Dir::new(), Site::start());
    serve_saramin(&site);
    let r = analyze(
        &dir,
        &site,
        &format!("https://www.saramin.co.kr/zf_user/jobs/view?rec_idx={SARAMIN_REC_IDX}"),
    );
    assert_eq!(
        who(&r),
        ("AI 백엔드 개발자 (LLM 서빙)", "누리소프트", "서울 강남구")
    );
    assert_eq!(r["employment_type"], "정규직");
    assert_eq!(r["lang"], "ko");
    assert_eq!(r["role"], "backend");
    assert_eq!(
        kinds(&r),
        [
            "other",
            "responsibilities",
            "requirements",
            "preferred",
            "benefits"
        ]
    );
    assert_eq!(
        site.requested_paths(),
        ["/zf_user/jobs/relay/view-detail", "/zf_user/jobs/view"]
    );
    let records = batch_urls(
        &dir,
        &site,
        &[&format!(
            "https://www.saramin.co.kr/zf_user/jobs/relay/view?view_type=search&rec_idx={SARAMIN_REC_IDX}&location=ts"
        )],
    );
    assert_eq!(who(&records[0]).1, "누리소프트");
    assert_eq!(records[0]["role"], "backend");
}

#[test]
fn a_jobkorea_posting_is_read_through_its_frame() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve("/Recruit/GI_Read_Comt_Ifrm", html(JOBKOREA_DETAIL));
    site.serve(
        &format!("/Recruit/GI_Read/{JOBKOREA_GNO}"),
        html(jobkorea_page()),
    );
    let url =
        format!("https://www.jobkorea.co.kr/Recruit/GI_Read/{JOBKOREA_GNO}?Oem_Code=C1&logpath=1");
    let r = analyze(&dir, &site, &url);
    assert_eq!(
        who(&r),
        (
            "프론트엔드 개발자 (AI 챗봇)",
            "다온테크",
            "경기 성남시 분당구"
        )
    );
    assert_eq!(r["employment_type"], "정규직");
    assert_eq!(r["role"], "frontend");
    assert_eq!(kinds(&r), ["other", "responsibilities", "requirements"]);
    let records = batch_urls(&dir, &site, &[&url]);
    assert_eq!(who(&records[0]).0, "프론트엔드 개발자 (AI 챗봇)");
    let mut paths = site.requested_paths();
    paths.dedup();
    assert_eq!(
        paths,
        [
            "/Recruit/GI_Read_Comt_Ifrm".to_string(),
            format!("/Recruit/GI_Read/{JOBKOREA_GNO}"),
            "/Recruit/GI_Read_Comt_Ifrm".to_string(),
            format!("/Recruit/GI_Read/{JOBKOREA_GNO}"),
        ]
    );
}

#[test]
fn a_saved_shell_page_names_the_url_to_analyze_instead() {
    let (dir, site) = (Dir::new(), Site::start());
    // A browser's "save page" points the frame at a local copy.
    dir.create(
        "saramin.html",
        saramin_page("./saramin_files/view-detail.html"),
    );
    dir.create("jobkorea.html", jobkorea_page());
    let out = rolefit(&dir, &site, &["analyze", "saramin.html"]).run();
    out.expect_code(1);
    assert_eq!(
        out.stderr,
        format!(
            "rolefit: saramin.html: a saved Saramin page without its posting text (the site loads it in a frame the saved page lacks); analyze https://www.saramin.co.kr/zf_user/jobs/view?rec_idx={SARAMIN_REC_IDX} instead\n"
        )
    );
    let out = rolefit(&dir, &site, &["analyze", "jobkorea.html"]).run();
    out.expect_code(1);
    assert_eq!(
        out.stderr,
        format!(
            "rolefit: jobkorea.html: a saved JobKorea page without its posting text (the site loads it in a frame the saved page lacks); analyze https://www.jobkorea.co.kr/Recruit/GI_Read/{JOBKOREA_GNO} instead\n"
        )
    );
    assert_eq!(site.requests(), 0);
}

// ---- Workday ----

const WD_PATH: &str = "/wday/cxs/acme/External/job/Seoul-Korea/Title_R-1042";

#[test]
fn a_workday_posting_is_read_from_its_sites_json() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve(
        WD_PATH,
        json_response(&workday_posting(
            "R-1042",
            "Senior ML Engineer, Forecasting",
            WORKDAY_MODELING,
        )),
    );
    let url = "https://acme.wd5.myworkdayjobs.com/en-US/External/job/Seoul-Korea/Title_R-1042";
    let r = analyze(&dir, &site, url);
    assert_eq!(
        who(&r),
        (
            "Senior ML Engineer, Forecasting",
            "Acme Mobility",
            "Seoul, Korea; Busan, Korea"
        )
    );
    assert_eq!(r["date_posted"], "2026-11-20");
    assert_eq!(r["employment_type"], "Full time");
    assert_eq!(r["role"], "modeling");
    assert_eq!(kinds(&r), ["other", "responsibilities", "requirements"]);
    let records = batch_urls(&dir, &site, &[url]);
    assert_eq!(records[0]["title"], "Senior ML Engineer, Forecasting");
    assert_eq!(site.requested_paths(), [WD_PATH, WD_PATH]);
}

#[test]
fn workday_listing_posts_for_pages_and_reads_each_posting() {
    let (dir, site) = (Dir::new(), Site::start());
    let list = "/wday/cxs/acme/External/jobs";
    // 21 postings: a full page of 20, then one more.
    let reqs: Vec<(String, String)> = (1..=21)
        .map(|i| (format!("R-{i:03}"), format!("Engineer {i}")))
        .collect();
    let refs: Vec<(&str, &str)> = reqs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    site.mount(
        Mock::given(method("POST"))
            .and(path(list))
            .and(body_partial_json(json!({"offset": 0, "limit": 20})))
            .respond_with(json_response(&workday_list(21, &refs[..20]))),
    );
    site.mount(
        Mock::given(method("POST"))
            .and(path(list))
            .and(body_partial_json(json!({"offset": 20, "limit": 20})))
            .respond_with(json_response(&workday_list(0, &refs[20..]))),
    );
    for (i, (req, title)) in reqs.iter().enumerate() {
        let body = if i % 2 == 0 {
            WORKDAY_MODELING
        } else {
            WORKDAY_BACKEND
        };
        site.serve(
            &format!("/wday/cxs/acme/External/job/Seoul-Korea/Title_{req}"),
            json_response(&workday_posting(req, title, body)),
        );
    }
    let out = rolefit(
        &dir,
        &site,
        &["batch", "workday:acme.wd5/External", "--format", "jsonl"],
    )
    .run();
    out.expect_code(0);
    let records = out.json_lines();
    assert_eq!(records.len(), 21, "{out:?}");
    assert_eq!(records[0]["id"], "R-001");
    assert_eq!(
        records[0]["source"],
        "https://acme.wd5.myworkdayjobs.com/External/job/Seoul-Korea/Title_R-001"
    );
    assert_eq!(records[0]["role"], "modeling");
    assert_eq!(records[1]["role"], "backend");
    assert_eq!(records[20]["title"], "Engineer 21");
    let posts = site
        .requested_paths()
        .iter()
        .filter(|p| p.as_str() == list)
        .count();
    assert_eq!(posts, 2);
}

// ---- Wanted company listings ----

fn wanted_job(id: u64, position: &str, tasks: &str) -> Value {
    json!({
        "job": {
            "id": id,
            "status": "active",
            "position": position,
            "company": {"id": 812, "name": "라온데이터"},
            "address": {"full_location": "서울 마포구"},
            "detail": {
                "intro": "라온데이터는 물류 수요를 예측합니다.",
                "main_tasks": tasks,
                "requirements": "• 관련 경력 3년 이상",
                "preferred_points": null,
                "benefits": "• 점심 식대 지원",
                "hire_rounds": null
            }
        }
    })
}

#[test]
fn wanted_company_listing_reads_each_posting() {
    let (dir, site) = (Dir::new(), Site::start());
    site.mount(
        Mock::given(method("GET"))
            .and(path("/api/v4/companies/812/jobs"))
            .and(query_param("offset", "1"))
            .respond_with(json_response(
                &json!({"data": [{"id": 302, "position": "프론트엔드 개발자"}], "links": {"next": null}}),
            )),
    );
    site.serve(
        "/api/v4/companies/812/jobs",
        json_response(&json!({
            "data": [{"id": 301, "position": "머신러닝 엔지니어", "company": {"id": 812, "name": "라온데이터"}}],
            "links": {"next": "/api/v4/companies/812/jobs?offset=1&limit=1"}
        })),
    );
    site.serve(
        "/api/v4/jobs/301",
        json_response(&wanted_job(
            301,
            "머신러닝 엔지니어",
            "• PyTorch로 수요 예측 딥러닝 모델을 학습하고 평가합니다\n• 학습 데이터 파이프라인을 설계합니다",
        )),
    );
    site.serve(
        "/api/v4/jobs/302",
        json_response(&wanted_job(
            302,
            "프론트엔드 개발자",
            "• React와 TypeScript로 LLM 챗봇의 웹 프론트엔드 UI를 개발합니다\n• AI 기능의 웹 인터페이스를 만듭니다",
        )),
    );
    let out = rolefit(&dir, &site, &["batch", "wanted:812", "--format", "jsonl"]).run();
    out.expect_code(0);
    let records = out.json_lines();
    assert_eq!(
        fields(&records, ["id", "source", "company"]),
        [
            ["301", "https://www.wanted.co.kr/wd/301", "라온데이터"],
            ["302", "https://www.wanted.co.kr/wd/302", "라온데이터"],
        ]
    );
    assert_eq!(records[0]["role"], "modeling");
    assert_eq!(records[1]["role"], "frontend");
    // The analyze path of a Wanted posting is tests/boards.rs's.
    let r = analyze(&dir, &site, "https://www.wanted.co.kr/wd/302");
    assert_eq!(r["title"], "프론트엔드 개발자");
}

// ---- Boards done fully ----

fn lever_posting(id: &str, title: &str) -> Value {
    json!({
        "id": id,
        "text": title,
        "categories": {"commitment": "Full-time", "location": "Berlin", "team": "Platform"},
        "createdAt": 1_730_462_400_000_i64,
        "description": "<div>Build and operate model serving APIs for LLM inference with vLLM on Kubernetes.</div>",
        "lists": [{"text": "What you'll need", "content": "<li>Backend services in Go or Rust</li>"}],
        "hostedUrl": format!("https://jobs.eu.lever.co/acme/{id}")
    })
}

fn lever_id(i: usize) -> String {
    format!("00000000-0000-4000-8000-{i:012}")
}

#[test]
fn lever_eu_boards_are_read_page_by_page() {
    let (dir, site) = (Dir::new(), Site::start());
    let first: Vec<Value> = (0..100)
        .map(|i| lever_posting(&lever_id(i), &format!("Backend Engineer {i}")))
        .collect();
    let second = vec![lever_posting(&lever_id(100), "Backend Engineer 100")];
    for (skip, page) in [("0", first), ("100", second)] {
        site.mount(
            Mock::given(method("GET"))
                .and(path("/v0/postings/acme"))
                .and(query_param("skip", skip))
                .and(query_param("limit", "100"))
                .respond_with(json_response(&Value::Array(page))),
        );
    }
    let out = rolefit(
        &dir,
        &site,
        &["batch", "lever-eu:acme", "--format", "jsonl"],
    )
    .run();
    out.expect_code(0);
    let records = out.json_lines();
    assert_eq!(records.len(), 101);
    assert_eq!(records[100]["title"], "Backend Engineer 100");
    assert_eq!(site.requests(), 2);
    // One posting of the EU host.
    site.serve(
        &format!("/v0/postings/acme/{}", lever_id(7)),
        json_response(&lever_posting(&lever_id(7), "Backend Engineer 7")),
    );
    let url = format!("https://jobs.eu.lever.co/acme/{}", lever_id(7));
    assert_eq!(analyze(&dir, &site, &url)["title"], "Backend Engineer 7");
}

#[test]
fn greenhouse_eu_postings_and_boards_are_read() {
    let (dir, site) = (Dir::new(), Site::start());
    let job = json!({
        "id": 55, "title": "Research Scientist, Speech",
        "location": {"name": "Amsterdam"}, "company_name": "Polder AI",
        "absolute_url": "https://job-boards.eu.greenhouse.io/polder/jobs/55",
        "content": "&lt;h2&gt;Responsibilities&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;Conduct research on speech recognition and publish papers at ICASSP and NeurIPS&lt;/li&gt;&lt;/ul&gt;"
    });
    site.serve("/v1/boards/polder/jobs/55", json_response(&job));
    site.serve(
        "/v1/boards/polder/jobs",
        json_response(&json!({"jobs": [job]})),
    );
    let r = analyze(
        &dir,
        &site,
        "https://job-boards.eu.greenhouse.io/polder/jobs/55",
    );
    assert_eq!(
        who(&r),
        ("Research Scientist, Speech", "Polder AI", "Amsterdam")
    );
    assert_eq!(r["role"], "research");
    let out = rolefit(
        &dir,
        &site,
        &["batch", "greenhouse-eu:polder", "--format", "jsonl"],
    )
    .run();
    out.expect_code(0);
    assert_eq!(
        out.json_lines()[0]["source"],
        "https://job-boards.eu.greenhouse.io/polder/jobs/55"
    );
}

#[test]
fn ashby_postings_of_one_board_download_it_once_per_run() {
    let (dir, site) = (Dir::new(), Site::start());
    let job = |id: &str, title: &str| {
        json!({"id": id, "title": title, "location": "London", "isListed": true,
               "descriptionHtml": "<h3>Requirements</h3><ul><li>Build model serving APIs and backend services in Go for LLM inference</li></ul>"})
    };
    let ids = [
        "0b1e2c3d-4e5f-4a6b-8c7d-000000000001",
        "0b1e2c3d-4e5f-4a6b-8c7d-000000000002",
        "0b1e2c3d-4e5f-4a6b-8c7d-000000000003",
    ];
    site.serve(
        "/posting-api/job-board/acme",
        json_response(&json!({"jobs": [job(ids[0], "Backend A"), job(ids[1], "Backend B"), job(ids[2], "Backend C")]})),
    );
    let urls: Vec<String> = ids
        .iter()
        .map(|id| format!("https://jobs.ashbyhq.com/acme/{id}"))
        .collect();
    let refs: Vec<&str> = urls.iter().map(String::as_str).collect();
    let records = batch_urls(&dir, &site, &refs);
    let titles: Vec<&str> = records
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Backend A", "Backend B", "Backend C"]);
    assert_eq!(site.requests(), 1);
}

#[test]
fn board_url_flags_move_each_new_site() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve("/li/jobs/view/4012345678", html(LINKEDIN_GUEST));
    site.serve("/sr/zf_user/jobs/relay/view-detail", html(SARAMIN_DETAIL));
    site.serve(
        "/sr/zf_user/jobs/view",
        html(saramin_page("/zf_user/jobs/relay/view-detail?rec_idx=1")),
    );
    site.serve(
        &format!("/wd{WD_PATH}"),
        json_response(&workday_posting(
            "R-1042",
            "Senior ML Engineer",
            WORKDAY_MODELING,
        )),
    );
    let run = |url: &str, flag: String| -> Output {
        // No environment: only the flag points at the local server.
        dir.command(["analyze", url, "--board-url", &flag, "--format", "jsonl"])
            .env("HTTP_PROXY", "http://127.0.0.1:9")
            .env("HTTPS_PROXY", "http://127.0.0.1:9")
            .env("NO_PROXY", "127.0.0.1,localhost")
            .run()
    };
    let out = run(
        "https://www.linkedin.com/jobs/view/4012345678",
        format!("linkedin={}", site.url("/li")),
    );
    out.expect_code(0);
    assert_eq!(out.json_lines()[0]["company"], "Hanbit Robotics");
    let out = run(
        &format!("https://www.saramin.co.kr/zf_user/jobs/view?rec_idx={SARAMIN_REC_IDX}"),
        format!("saramin={}", site.url("/sr")),
    );
    out.expect_code(0);
    assert_eq!(out.json_lines()[0]["company"], "누리소프트");
    let out = run(
        "https://acme.wd5.myworkdayjobs.com/External/job/Seoul-Korea/Title_R-1042",
        format!("workday={}", site.url("/wd")),
    );
    out.expect_code(0);
    assert_eq!(out.json_lines()[0]["company"], "Acme Mobility");
}

// ---- errors name the link, the site and what was wrong ----

#[test]
fn errors_of_the_new_sites_name_the_link_and_the_site() {
    let (dir, site) = (Dir::new(), Site::start());
    site.serve(WD_PATH, ResponseTemplate::new(404));
    site.serve(
        "/zf_user/jobs/relay/view-detail",
        html("<html><body><div class=\"user_content\"></div></body></html>"),
    );
    site.serve(
        "/zf_user/jobs/view",
        html(saramin_page("/zf_user/jobs/relay/view-detail?rec_idx=7")),
    );
    let line = |url: &str| {
        let out = rolefit(&dir, &site, &["analyze", url]).run();
        out.expect_code(1);
        out.stderr
    };
    let wd = "https://acme.wd5.myworkdayjobs.com/External/job/Seoul-Korea/Title_R-1042";
    assert_eq!(
        line(wd),
        format!(
            "rolefit: {wd}: Workday: {}: HTTP 404 Not Found (no such posting: it may be closed, or the link is wrong)\n",
            site.url(WD_PATH)
        )
    );
    let sr = "https://www.saramin.co.kr/zf_user/jobs/view?rec_idx=7";
    assert_eq!(
        line(sr),
        format!(
            "rolefit: {sr}: Saramin: {}: the posting's text is empty\n",
            site.url("/zf_user/jobs/relay/view-detail?rec_idx=7")
        )
    );
    let out = rolefit(&dir, &site, &["batch", "workday:acme"]).run();
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: workday:acme: \"acme\" is not a Workday site: expected TENANT.wdN/SITE, as in https://TENANT.wdN.myworkdayjobs.com/SITE\n"
    );
    let out = rolefit(
        &dir,
        &site,
        &["analyze", "https://www.jobkorea.co.kr/Recruit/GI_Read/12ab"],
    )
    .run();
    out.expect_code(1);
    assert_eq!(
        out.stderr,
        "rolefit: https://www.jobkorea.co.kr/Recruit/GI_Read/12ab: the JobKorea posting id \"12ab\" is not a number\n"
    );
}

#[test]
fn a_workday_job_listed_without_its_page_is_its_rows_error() {
    let (dir, site) = (Dir::new(), Site::start());
    let mut list = workday_list(2, &[("R-1", "ML Engineer"), ("R-2", "Backend Engineer")]);
    list["jobPostings"][1]
        .as_object_mut()
        .unwrap()
        .remove("externalPath");
    site.mount(
        Mock::given(method("POST"))
            .and(path("/wday/cxs/acme/External/jobs"))
            .respond_with(json_response(&list)),
    );
    site.serve(
        "/wday/cxs/acme/External/job/Seoul-Korea/Title_R-1",
        json_response(&workday_posting("R-1", "ML Engineer", WORKDAY_MODELING)),
    );
    let out = rolefit(
        &dir,
        &site,
        &["batch", "workday:acme.wd5/External", "--format", "jsonl"],
    )
    .run();
    out.expect_code(1);
    let records = out.json_lines();
    let status: Vec<&str> = records
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(status, ["ok", "error"]);
    assert_eq!(
        records[1]["error"],
        "row 2: workday:acme.wd5/External job R-2: Workday: the listed job has no `externalPath` (its page)"
    );
}

#[test]
fn a_cached_workday_listing_and_its_postings_are_not_fetched_again() {
    let (dir, site) = (Dir::new(), Site::start());
    site.mount(
        Mock::given(method("POST"))
            .and(path("/wday/cxs/acme/External/jobs"))
            .respond_with(json_response(&workday_list(
                2,
                &[("R-1", "ML Engineer"), ("R-2", "Platform Engineer")],
            ))),
    );
    for (req, body) in [("R-1", WORKDAY_MODELING), ("R-2", WORKDAY_BACKEND)] {
        site.serve(
            &format!("/wday/cxs/acme/External/job/Seoul-Korea/Title_{req}"),
            json_response(&workday_posting(req, req, body)),
        );
    }
    let args = [
        "batch",
        "workday:acme.wd5/External",
        "--cache",
        "cache",
        "--format",
        "jsonl",
    ];
    let first = rolefit(&dir, &site, &args).run();
    first.expect_code(0);
    assert_eq!(site.requests(), 3);
    site.reset();
    let second = rolefit(&dir, &site, &args).run();
    second.expect_code(0);
    assert_eq!(site.requests(), 0, "{second:?}");
    assert_eq!(first.stdout, second.stdout);
}
