//! The command line: help, exit codes, every kind of source (files, stdin,
//! odd encodings, things that are not postings), colour, untrusted text and a
//! closed stdout.

mod util;

use std::io::Read;
use std::process::{Command, Stdio};

use util::fixtures::POSTING_MD;
use util::{Dir, in_repo};

/// A posting like [`POSTING_MD`] in Korean, every character of it in EUC-KR.
const POSTING_KO: &str = "\
머신러닝 엔지니어 (비전 모델)
메디스캔

주요업무
- 흉부 X-ray 영상의 병변 검출 및 분할 딥러닝 모델을 개발하고 학습합니다.
- PyTorch로 모델을 학습하고 평가 지표(AUROC, 민감도)로 성능을 검증합니다.
- 데이터 증강과 라벨 품질 개선으로 모델 정확도를 높입니다.

자격요건
- 컴퓨터 비전 모델 개발 경험 3년 이상
- PyTorch 및 Python 활용 능력
";

const ESC: char = '\x1b';
const BEL: char = '\x07';

// ---- help, version, usage errors -------------------------------------------

#[test]
fn help_lists_the_exit_codes() {
    let out = in_repo(["--help"]).run();
    let help = out.success();
    for line in [
        "Exit codes:",
        "0  every source",
        "1  some sources failed",
        "2  a usage error",
    ] {
        assert!(help.contains(line), "--help lacks {line:?}:\n{help}");
    }
}

#[test]
fn analyze_help_lists_the_exit_codes() {
    let out = in_repo(["analyze", "--help"]).run();
    let help = out.success();
    for line in [
        "Exit codes:",
        "0  every source",
        "1  some sources failed",
        "2  a usage error",
    ] {
        assert!(
            help.contains(line),
            "analyze --help lacks {line:?}:\n{help}"
        );
    }
}

#[test]
fn version_prints_the_package_version() {
    let out = in_repo(["--version"]).run();
    assert_eq!(
        out.success(),
        format!("rolefit {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn no_arguments_is_a_usage_error() {
    let out = in_repo(Vec::<&str>::new()).run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("Usage: rolefit"), "{out:?}");
}

#[test]
fn analyze_without_sources_is_a_usage_error() {
    let out = in_repo(["analyze"]).run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("<SOURCE>"), "{out:?}");
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let out = in_repo([
        "analyze",
        "--frobnicate",
        "samples/en-ml-engineer-ranking.md",
    ])
    .run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("--frobnicate"), "{out:?}");
}

// ---- sources that fail -------------------------------------------------------

#[test]
fn missing_file_exits_1_and_names_it_on_stderr() {
    let dir = Dir::new();
    let out = dir.command(["analyze", "missing.txt"]).run();
    out.expect_code(1);
    assert_eq!(out.stderr, "rolefit: missing.txt: no such file\n");
}

#[test]
fn missing_file_still_gets_an_error_record_in_jsonl() {
    let dir = Dir::new();
    let out = dir
        .command(["analyze", "missing.txt", "--format", "jsonl"])
        .run();
    out.expect_code(1);
    let records = out.json_lines();
    assert_eq!(records.len(), 1, "{out:?}");
    let r = &records[0];
    assert_eq!(r["id"], "missing.txt");
    assert_eq!(r["status"], "error");
    assert_eq!(r["error"], "missing.txt: no such file");
    assert!(r["role"].is_null(), "{r}");
}

#[test]
fn one_missing_source_of_two_keeps_the_other_and_the_input_order() {
    let dir = Dir::new();
    dir.create("posting.md", POSTING_MD);
    let out = dir
        .command(["analyze", "missing.txt", "posting.md", "--format", "jsonl"])
        .run();
    out.expect_code(1);
    assert_eq!(out.stderr, "rolefit: missing.txt: no such file\n");
    let records = out.json_lines();
    let summary: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["status"].as_str().unwrap()))
        .collect();
    assert_eq!(summary, [("missing.txt", "error"), ("posting.md", "ok")]);
}

/// Runs `analyze NAME` on a file holding `contents`; expects exit 1 and returns stderr.
fn failing_file(name: &str, contents: &[u8]) -> String {
    let dir = Dir::new();
    dir.create(name, contents);
    let out = dir.command(["analyze", name]).run();
    out.expect_code(1);
    assert_eq!(out.stderr.lines().count(), 1, "{out:?}");
    out.stderr
}

#[test]
fn login_wall_says_it_asks_to_sign_in() {
    let page = "<!doctype html><html><body><h1>Acme Careers</h1>\
        <p>Please sign in to continue.</p></body></html>";
    let stderr = failing_file("wall.html", page.as_bytes());
    assert!(stderr.starts_with("rolefit: wall.html: "), "{stderr}");
    assert!(stderr.contains("login"), "{stderr}");
}

#[test]
fn folder_as_a_source_is_an_error() {
    let dir = Dir::new();
    dir.create_dir("postings");
    let out = dir.command(["analyze", "postings"]).run();
    out.expect_code(1);
    assert_eq!(
        out.stderr,
        "rolefit: postings: is a folder, not a posting file\n"
    );
}

#[test]
fn ftp_url_says_only_http_and_https_are_supported() {
    let dir = Dir::new();
    let out = dir.command(["analyze", "ftp://x/y"]).run();
    out.expect_code(1);
    assert!(out.stderr.starts_with("rolefit: ftp://x/y: "), "{out:?}");
    assert!(out.stderr.contains("only http:// and https://"), "{out:?}");
}

// ---- stdin -----------------------------------------------------------------

#[test]
fn stdin_dash_reads_a_posting_with_id_dash() {
    let dir = Dir::new();
    let out = dir
        .command(["analyze", "-", "--format", "jsonl"])
        .stdin(POSTING_MD)
        .run();
    out.expect_code(0);
    let records = out.json_lines();
    assert_eq!(records.len(), 1, "{out:?}");
    assert_eq!(records[0]["id"], "-");
    assert_eq!(records[0]["source"], "-");
    assert_eq!(records[0]["status"], "ok");
    // The same text from a file reaches the same verdict.
    dir.create("posting.md", POSTING_MD);
    let from_file = dir
        .command(["analyze", "posting.md", "--format", "jsonl"])
        .run();
    let from_file = &from_file.json_lines()[0];
    for field in ["role", "secondary", "scores"] {
        assert_eq!(records[0][field], from_file[field], "{field} differs");
    }
}

#[test]
fn stdin_markdown_title_loses_its_hash_marks() {
    let dir = Dir::new();
    let out = dir
        .command(["analyze", "-", "--format", "jsonl"])
        .stdin(POSTING_MD)
        .run();
    out.expect_code(0);
    assert_eq!(
        out.json_lines()[0]["title"],
        "Machine Learning Engineer, Fraud Models"
    );
}

#[test]
fn stdin_given_twice_is_a_usage_error() {
    let dir = Dir::new();
    let out = dir.command(["analyze", "-", "-"]).stdin(POSTING_MD).run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, "rolefit: - (stdin) can be given only once\n");
}

// ---- encodings -------------------------------------------------------------

#[test]
fn euc_kr_korean_posting_is_decoded_and_read_as_korean() {
    let dir = Dir::new();
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(POSTING_KO);
    assert!(!unmappable, "the test posting must be pure EUC-KR");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the EUC-KR bytes must not also be UTF-8"
    );
    dir.create("posting.txt", &bytes);
    let out = dir
        .command(["analyze", "posting.txt", "--format", "jsonl"])
        .run();
    out.expect_code(0);
    let r = &out.json_lines()[0];
    assert_eq!(r["status"], "ok");
    assert_eq!(r["lang"], "ko");
    assert_eq!(r["title"], "머신러닝 엔지니어 (비전 모델)");
    assert_eq!(r["company"], "메디스캔");
}

// ---- colour ----------------------------------------------------------------

#[test]
fn color_always_puts_ansi_escapes_in_the_table() {
    let out = in_repo([
        "analyze",
        "samples/en-ml-engineer-ranking.md",
        "--color",
        "always",
    ])
    .run();
    let table = out.success();
    assert!(table.contains("\x1b[1m"), "no bold escape:\n{table:?}");
    assert!(table.contains("\x1b[0m"), "no reset escape:\n{table:?}");
}

#[test]
fn color_never_has_no_escapes() {
    let out = in_repo([
        "analyze",
        "samples/en-ml-engineer-ranking.md",
        "--color",
        "never",
    ])
    .run();
    assert!(!out.success().contains(ESC), "{out:?}");
}

#[test]
fn no_color_env_on_a_pipe_has_no_escapes() {
    let out = in_repo(["analyze", "samples/en-ml-engineer-ranking.md"])
        .env("NO_COLOR", "1")
        .run();
    assert!(!out.success().contains(ESC), "{out:?}");
}

/// Runs rolefit under a pseudo-terminal (util-linux `script`), so that
/// `--color auto` sees a terminal; returns what the terminal showed.
#[cfg(target_os = "linux")]
fn on_a_terminal(args: &str, no_color: Option<&str>) -> String {
    let cmdline = format!("'{}' {args}", util::bin().display());
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &cmdline, "/dev/null"])
        .current_dir(util::repo_root())
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let out = cmd
        .output()
        .expect("this test needs util-linux `script` to get a terminal");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[cfg(target_os = "linux")]
#[test]
fn color_auto_on_a_terminal_has_escapes() {
    let shown = on_a_terminal("analyze samples/en-ml-engineer-ranking.md", None);
    assert!(shown.contains("\x1b[1m"), "{shown:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn no_color_env_turns_color_off_on_a_terminal() {
    let shown = on_a_terminal("analyze samples/en-ml-engineer-ranking.md", Some("1"));
    assert!(shown.contains("role: modeling"), "{shown:?}");
    assert!(!shown.contains(ESC), "{shown:?}");
}

// ---- untrusted text ----------------------------------------------------------

/// A Markdown posting whose title carries an OSC (set window title) and a CSI
/// (red) escape sequence.
fn posting_with_escapes_in_title() -> String {
    POSTING_MD.replacen(
        "# Machine Learning Engineer, Fraud Models",
        "# Machine Learning Engineer \x1b]0;pwned\x07 \x1b[31mFraud Models",
        1,
    )
}

/// A page whose JSON-LD title and company carry escape sequences as JSON
/// `\u001b` escapes, which survive HTML parsing.
const PAGE_WITH_ESCAPES_IN_JSONLD: &str = r#"<!doctype html><html><head>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
 "title": "ML Engineer\u001b]0;pwned\u0007 \u001b[31mRanking",
 "hiringOrganization": {"name": "Evil\u001b[2J Co"},
 "description": "<h2>What you will do</h2><ul><li>Train and evaluate ranking models in PyTorch for search.</li><li>Fine-tune embedding models on our catalogue and ship them.</li></ul>"}
</script></head><body></body></html>"#;

/// The table of a file `name` holding `contents`, with `--color auto` and
/// `never`, shows `title` and neither ESC nor BEL.
#[track_caller]
fn assert_no_escapes_in_table(name: &str, contents: &str, title: &str) {
    let dir = Dir::new();
    dir.create(name, contents);
    for color in ["auto", "never"] {
        let out = dir.command(["analyze", name, "--color", color]).run();
        let table = out.success();
        assert!(table.contains(title), "{out:?}");
        assert!(!table.contains(ESC), "ESC with --color {color}: {table:?}");
        assert!(!table.contains(BEL), "BEL with --color {color}: {table:?}");
    }
}

#[test]
fn escapes_in_a_markdown_title_never_reach_the_table() {
    assert_no_escapes_in_table(
        "evil.md",
        &posting_with_escapes_in_title(),
        "Machine Learning Engineer",
    );
}

#[test]
fn escapes_in_jsonld_never_reach_the_table() {
    assert_no_escapes_in_table("evil.html", PAGE_WITH_ESCAPES_IN_JSONLD, "ML Engineer");
}

#[test]
fn with_color_always_only_rolefits_own_escapes_appear() {
    let dir = Dir::new();
    dir.create("evil.html", PAGE_WITH_ESCAPES_IN_JSONLD);
    dir.create("evil.md", posting_with_escapes_in_title());
    let out = dir
        .command(["analyze", "evil.html", "evil.md", "--color", "always"])
        .run();
    let table = out.success();
    // rolefit colours cards with bold, dim, green and cyan; never red (31) or
    // a screen clear (2J), and never an OSC sequence.
    for bad in ["\x1b]", "\x1b[31m", "\x1b[2J", "\x07"] {
        assert!(!table.contains(bad), "{bad:?} in {table:?}");
    }
}

#[test]
fn escape_sequences_in_a_title_are_removed_whole() {
    let dir = Dir::new();
    dir.create("evil.md", posting_with_escapes_in_title());
    let out = dir
        .command(["analyze", "evil.md", "--color", "never"])
        .run();
    let table = out.success();
    assert!(table.contains("Fraud Models"), "{table}");
    assert!(!table.contains("pwned"), "{table}");
    assert!(!table.contains("[31m"), "{table}");
}

// ---- closed stdout -----------------------------------------------------------

#[test]
fn closed_stdout_exits_0_without_a_broken_pipe_message() {
    // Far more output than a pipe buffers, so rolefit is still writing when
    // the reader goes away.
    let mut args = vec!["analyze".to_string(), "--format".into(), "jsonl".into()];
    args.extend(std::iter::repeat_n(
        "samples/en-ml-engineer-ranking.md".to_string(),
        200,
    ));
    let mut child = Command::new(util::bin())
        .args(&args)
        .current_dir(util::repo_root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rolefit");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).expect("read the first bytes");
    assert_eq!(&first[..7], b"{\"id\":\"");
    drop(stdout);
    let out = child.wait_with_output().expect("wait for rolefit");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "", "a closed stdout must be quiet");
}

/// A full standard output is an error naming it, from every command that
/// prints (not a bare "No space left on device").
#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_is_named_by_every_command() {
    let dir = Dir::new();
    dir.create("me.toml", "strengths = [\"PyTorch\"]\n");
    let runs: [&[&str]; 5] = [
        &["patterns", "list"],
        &["patterns", "check"],
        &["profile", "init", "-"],
        &["profile", "show", "me.toml"],
        &["analyze", "me.toml"],
    ];
    for args in runs {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(util::bin())
            .args(args)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(
            stderr, "rolefit: <stdout>: cannot write: No space left on device\n",
            "{args:?}"
        );
    }
}

/// `analyze` on a table of postings reads it as one posting, and says that
/// `batch` reads one posting per row.
#[test]
fn analyze_of_a_table_points_to_batch() {
    let dir = Dir::new();
    dir.create("jobs.csv", "id,description\n1,Train PyTorch models\n");
    let out = dir.command(["analyze", "jobs.csv", "-f", "jsonl"]).run();
    out.expect_code(0);
    assert_eq!(out.json_lines().len(), 1);
    assert_eq!(
        out.stderr,
        "rolefit: note: jobs.csv looks like a table of postings; \
         `rolefit batch jobs.csv` reads one posting per row\n"
    );
    let ko = dir.command(["--lang", "ko", "analyze", "jobs.csv"]).run();
    assert!(ko.stderr.starts_with("rolefit: 참고: jobs.csv"), "{ko:?}");
    dir.create("job.md", "# ML Engineer\n\nTrain PyTorch models\n");
    let md = dir.command(["analyze", "job.md", "missing.csv"]).run();
    assert!(!md.stderr.contains("note:"), "{md:?}");
}
