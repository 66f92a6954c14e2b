//! `--report FILE`: the HTML report beside the normal output, and the report
//! rendered in a real browser (headless Chromium, run from the local file,
//! with networking off): charts, every posting, sorting, a screenshot.

mod util;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scraper::{Html, Selector};
use util::Dir;

const STRENGTHS: &str =
    "PyTorch and Python, model serving with Triton and Kubernetes, FastAPI backends, React";
/// The five bars of the role chart, in order.
const ROLES: [&str; 5] = ["modeling", "backend", "frontend", "research", "none"];

/// The bundled Markdown and text samples as a batch CSV (id, url,
/// description), plus one row with nothing to read; returns the ids.
fn samples_csv(dir: &Dir) -> Vec<String> {
    let root = util::repo_root().join("samples");
    let mut files: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| (n.ends_with(".md") || n.ends_with(".txt")) && n != "README.md")
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "url", "description"]).unwrap();
    for f in &files {
        let text = std::fs::read_to_string(root.join(f)).unwrap();
        let url = format!("https://jobs.example/{f}");
        w.write_record([f.as_str(), url.as_str(), text.as_str()])
            .unwrap();
    }
    w.write_record(["empty-row", "", ""]).unwrap();
    dir.create("postings.csv", w.into_inner().unwrap());
    files.push("empty-row".into());
    files
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let sel = Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"));
    doc.select(&sel).collect()
}

/// The attribute `attr` of each element of `doc` that matches `css`.
#[track_caller]
fn attrs<'a>(doc: &'a Html, css: &str, attr: &str) -> Vec<&'a str> {
    select(doc, css)
        .iter()
        .map(|e| {
            e.attr(attr)
                .unwrap_or_else(|| panic!("{css} without {attr}"))
        })
        .collect()
}

#[test]
fn batch_report_is_extra_and_holds_every_row() {
    let dir = Dir::new();
    let ids = samples_csv(&dir);
    let plain = dir
        .command(["batch", "postings.csv", "--strengths", STRENGTHS])
        .run();
    plain.expect_code(1); // the empty row
    let with = dir
        .command(["batch", "postings.csv", "--strengths", STRENGTHS])
        .args(["--report", "report.html"])
        .run();
    with.expect_code(1);
    assert_eq!(with.stdout, plain.stdout, "--report changed the CSV output");
    assert_eq!(with.stderr, plain.stderr);

    let doc = Html::parse_document(&dir.read("report.html"));
    let rows = select(&doc, "#postings-table tbody tr");
    let row_ids: Vec<&str> = rows.iter().map(|r| r.attr("data-id").unwrap()).collect();
    assert_eq!(row_ids, ids);
    let empty = rows.last().unwrap();
    assert_eq!(empty.attr("data-role"), Some("error"));
    let message = plain.stderr.trim().strip_prefix("rolefit: ").unwrap();
    let shown: String = select(&doc, "tr[data-id=empty-row] .error")[0]
        .text()
        .collect();
    assert_eq!(shown, format!("error: {message}"));
    assert_eq!(select(&doc, "svg#chart-fit").len(), 1);
    assert!(select(&doc, "#no-strengths").is_empty());
    // Links go to the rows' http(s) sources.
    let links = select(&doc, "#postings-table .title a");
    assert_eq!(links.len(), ids.len() - 1);
    assert!(
        links
            .iter()
            .all(|a| a.attr("href").unwrap().starts_with("https://jobs.example/"))
    );
}

#[test]
fn analyze_report_without_strengths_says_so() {
    let args = [
        "analyze",
        "samples/en-ml-engineer-ranking.md",
        "samples/ko-rag-search-backend.md",
        "--format",
        "jsonl",
    ];
    let plain = util::in_repo(args).run();
    let dir = Dir::new();
    let report = dir.path().join("r.html");
    let with = util::in_repo(args).arg("--report").arg(&report).run();
    assert_eq!(with.success(), plain.success());
    let doc = Html::parse_document(&std::fs::read_to_string(&report).unwrap());
    assert_eq!(select(&doc, "#no-strengths").len(), 1);
    assert!(select(&doc, "svg#chart-fit").is_empty());
    assert!(select(&doc, "button[data-key=fit]").is_empty());
    let roles = attrs(&doc, "#postings-table tbody tr", "data-role");
    let expected: Vec<String> = with
        .json_lines()
        .iter()
        .map(|r| r["role"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(roles, expected);
}

#[test]
fn a_report_that_cannot_be_written_stops_the_run_first() {
    let dir = Dir::new();
    samples_csv(&dir);
    let out = dir
        .command(["batch", "postings.csv", "--report", "no/such/dir/r.html"])
        .run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .starts_with("rolefit: no/such/dir/r.html: cannot write: "),
        "{}",
        out.stderr
    );
}

// ===========================================================================
// In a real browser.

/// Chromium: `ROLEFIT_CHROMIUM`, else Debian's `/usr/bin/chromium`. Without
/// it the browser test is skipped with the reason printed, except in CI (`CI`
/// set), where a missing browser fails the test: CI must render the report.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("ROLEFIT_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if path.is_file() {
        return Some(path);
    }
    let why = format!(
        "the browser test needs Chromium at {}, and it is not there. Install it \
         (Debian/Ubuntu: `apt-get install -y chromium`), or run `scripts/test`, \
         which installs it; set ROLEFIT_CHROMIUM to use another Chromium binary.",
        path.display()
    );
    assert!(std::env::var_os("CI").is_none(), "{why}");
    eprintln!("skipped: {why}");
    None
}

/// Runs headless Chromium on `url` with `args`; returns its stdout.
fn run_chromium(chromium: &Path, profile: &Path, url: &str, args: &[&str]) -> String {
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(args)
    .arg(url)
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start chromium");
    // Read both pipes while it runs: a DOM larger than a pipe's buffer would
    // otherwise block it forever.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut v).map(|_| v)
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut v).map(|_| v)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took more than 90 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = out.join().unwrap().expect("chromium's stdout");
    let err = err.join().unwrap().expect("chromium's stderr");
    assert!(
        status.success(),
        "chromium failed on {url}: {}",
        String::from_utf8_lossy(&err)
    );
    String::from_utf8(out).expect("chromium's DOM is UTF-8")
}

/// Where cargo puts its builds: `<target>/<profile>/deps/<this test>`.
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.ancestors().nth(3).unwrap().to_path_buf()
}

#[test]
fn report_renders_in_headless_chromium() {
    let Some(browser) = chromium() else { return };
    let dir = Dir::new();
    let ids = samples_csv(&dir);
    dir.command(["batch", "postings.csv", "--strengths", STRENGTHS])
        .args(["--report", "report.html", "-o", "roles.csv"])
        .run()
        .expect_code(1);
    let url = format!("file://{}", dir.path().join("report.html").display());
    let profile = dir.create_dir("chromium-profile");
    let budget = "--virtual-time-budget=5000";

    let dom = run_chromium(&browser, &profile, &url, &[budget, "--dump-dom"]);
    let doc = Html::parse_document(&dom);
    // The script ran (it marks the page), and the charts are there.
    let root = select(&doc, "html")[0];
    assert_eq!(
        root.attr("class"),
        Some("js"),
        "the sort script did not run"
    );
    let bars = attrs(&doc, "svg#chart-roles rect.bar", "data-key");
    assert_eq!(bars, ROLES);
    let csv = std::fs::read_to_string(dir.path().join("roles.csv")).unwrap();
    let scored = csv.lines().skip(1).filter(|l| l.contains(",ok,")).count();
    assert_eq!(select(&doc, "svg#chart-fit rect.bar").len(), scored.min(20));
    assert!(!select(&doc, "svg#chart-skills rect.bar").is_empty());
    // Every posting has its row, in input order.
    let rows = attrs(&doc, "#postings-table tbody tr", "data-id");
    assert_eq!(rows, ids);

    // Opened at #sort=fit, the script sorts the table by fit, best first.
    let dom = run_chromium(
        &browser,
        &profile,
        &format!("{url}#sort=fit"),
        &[budget, "--dump-dom"],
    );
    let doc = Html::parse_document(&dom);
    let table = select(&doc, "#postings-table")[0];
    assert_eq!(table.attr("data-sorted"), Some("fit-desc"));
    let fits: Vec<Option<u32>> = select(&doc, "#postings-table tbody tr")
        .iter()
        .map(|r| r.attr("data-fit").unwrap().parse().ok())
        .collect();
    assert_eq!(fits.len(), ids.len());
    let mut sorted = fits.clone();
    sorted.sort_by(|a, b| match (a, b) {
        (Some(x), Some(y)) => y.cmp(x),
        (None, None) => std::cmp::Ordering::Equal,
        (None, _) => std::cmp::Ordering::Greater,
        (_, None) => std::cmp::Ordering::Less,
    });
    assert_eq!(fits, sorted);
    assert_ne!(
        fits[0],
        fits[fits.len() - 2],
        "every fit is the same: sorting proves nothing"
    );

    // A screenshot, kept as a CI artifact.
    let shot = target_dir().join("report-screenshot.png");
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &browser,
        &profile,
        &url,
        &[
            budget,
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000",
        ],
    );
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("{}: {e}", shot.display()));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1280, 2000));
    // A blank page compresses to a few kilobytes; this one has charts and text.
    assert!(png.len() > 50_000, "{} bytes: a blank page?", png.len());
}

/// The words of a report that are not data: headings, captions, table
/// headers, the cards' labels, the navigation and the role chart's labels.
fn report_words(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    let lang = select(&doc, "html")[0]
        .attr("lang")
        .unwrap_or("")
        .to_string();
    out.push_str(&format!("lang: {lang}\n"));
    for css in [
        "head title",
        "h1",
        "nav a",
        ".stats span",
        "figcaption",
        "svg#chart-roles text.label",
        "h2",
        "#postings-table th",
        ".cards h3",
        ".cards th",
    ] {
        let texts: Vec<String> = select(&doc, css)
            .iter()
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect();
        out.push_str(&format!("{css}: {}\n", texts.join(" | ")));
    }
    out
}

#[test]
fn report_words_in_both_languages() {
    let dir = Dir::new();
    samples_csv(&dir);
    for lang in ["en", "ko"] {
        dir.command(["batch", "postings.csv", "--strengths", STRENGTHS])
            .args(["--report", "report.html", "-o", "roles.csv", "--lang", lang])
            .run()
            .expect_code(1);
        let html = dir.read("report.html");
        insta::assert_snapshot!(format!("report_words_{lang}"), report_words(&html));
    }
}

#[test]
fn korean_report_renders_in_headless_chromium() {
    let Some(browser) = chromium() else { return };
    let dir = Dir::new();
    samples_csv(&dir);
    dir.command(["batch", "postings.csv", "--strengths", STRENGTHS])
        .args(["--report", "report.html", "-o", "roles.csv", "--lang", "ko"])
        .run()
        .expect_code(1);
    let url = format!("file://{}", dir.path().join("report.html").display());
    let profile = dir.create_dir("chromium-profile");
    let budget = "--virtual-time-budget=5000";
    let dom = run_chromium(&browser, &profile, &url, &[budget, "--dump-dom"]);
    let doc = Html::parse_document(&dom);
    let root = select(&doc, "html")[0];
    assert_eq!(root.attr("lang"), Some("ko"));
    assert_eq!(
        root.attr("class"),
        Some("js"),
        "the sort script did not run"
    );
    let text = |css: &str| -> Vec<String> {
        select(&doc, css)
            .iter()
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    };
    assert_eq!(text("h1"), ["rolefit 보고서"]);
    assert_eq!(text("h2"), ["채용 시장", "공고", "채용 시장 요약"]);
    assert_eq!(
        text("#postings-table th"),
        [
            "#",
            "공고",
            "직무",
            "확신도",
            "적합도",
            "기술: ✓ 보유, ✗ 부족 (필수)"
        ]
    );
    assert_eq!(
        text("svg#chart-roles text.label"),
        ["모델링", "백엔드", "프론트엔드", "리서치", "AI 아님"]
    );
    // The data keys stay English: CSS and sorting use them.
    let keys = attrs(&doc, "svg#chart-roles rect.bar", "data-key");
    assert_eq!(keys, ROLES);
    // Sorting works the same in Korean.
    let dom = run_chromium(
        &browser,
        &profile,
        &format!("{url}#sort=fit"),
        &[budget, "--dump-dom"],
    );
    let sorted = Html::parse_document(&dom);
    assert_eq!(
        select(&sorted, "#postings-table")[0].attr("data-sorted"),
        Some("fit-desc")
    );
    // A screenshot with the Korean font stack, kept as a CI artifact.
    let shot = target_dir().join("report-screenshot-ko.png");
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &browser,
        &profile,
        &url,
        &[
            budget,
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000",
        ],
    );
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("{}: {e}", shot.display()));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(png.len() > 50_000, "{} bytes: a blank page?", png.len());
}
