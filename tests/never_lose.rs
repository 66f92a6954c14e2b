//! Issue 14, "never lose a byte": outputs written atomically, inputs never
//! clobbered, signals, hostile caches and sources, credentials in URLs,
//! hidden text, odd encodings and pattern files. Each test here failed
//! before the fix it names. Servers run on 127.0.0.1 only.

mod util;

use std::io::Write;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;
use util::site::Site;
use util::{Dir, Output, TestCommand};
use wiremock::ResponseTemplate;

/// A short posting for a modeling role, as Markdown (made up).
const POSTING_MD: &str = "\
# Machine Learning Engineer, Fraud Models

Acme Payments

## What you'll do

- Train and evaluate fraud detection models in PyTorch.
- Fine-tune gradient-boosted models and build offline evaluation for them.

## Requirements

- 3+ years building machine learning models that reached production.
";

/// The same posting's body as one paragraph, for CSV cells.
const POSTING_BODY: &str = "Train and evaluate fraud detection models in PyTorch. \
    Fine-tune gradient-boosted models and build offline evaluation for them. \
    3+ years building machine learning models that reached production.";

const LIMIT: Duration = Duration::from_secs(30);

fn run<I, S>(dir: &Dir, args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = cmd(dir, args).run();
    out.no_panic();
    out
}

fn cmd<I, S>(dir: &Dir, args: I) -> TestCommand
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    dir.command(args).timeout(LIMIT).no_proxy()
}

fn csv_of<R, S>(rows: impl IntoIterator<Item = R>) -> Vec<u8>
where
    R: IntoIterator<Item = S>,
    S: AsRef<[u8]>,
{
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(row).expect("write a CSV row");
    }
    w.into_inner().expect("flush the CSV")
}

fn html(body: impl Into<Vec<u8>>) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body.into(), "text/html; charset=utf-8")
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A server that accepts connections and never answers; returns a URL on it.
fn silent_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    format!("http://{addr}/slow")
}

fn spawn(dir: &Dir, args: &[&str]) -> Child {
    Command::new(util::bin())
        .args(args)
        .current_dir(dir.path())
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rolefit")
}

fn signal(pid: u32, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
}

/// Waits for the child to end (killing it after 10 s); its exit code.
fn finish(mut child: Child) -> (Option<i32>, String) {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() && start.elapsed() < Duration::from_secs(10) {
        thread::sleep(Duration::from_millis(20));
    }
    if child.try_wait().unwrap().is_none() {
        let _ = child.kill();
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

// ===========================================================================
// Outputs are the old file or the complete new one.

#[cfg(unix)]
#[test]
fn sigterm_and_sighup_in_a_url_batch_keep_the_rows_so_far_and_leave_no_temp_files() {
    for sig in ["TERM", "HUP", "INT"] {
        let slow = silent_server();
        let dir = Dir::new();
        dir.create(
            "in.csv",
            csv_of([
                ["id", "description", "url"],
                ["a", POSTING_BODY, ""],
                ["b", "", &slow],
            ]),
        );
        dir.create("out.csv", "old contents\n");
        dir.create("r.html", "old report\n");
        let child = spawn(
            &dir,
            &[
                "batch",
                "in.csv",
                "-o",
                "out.csv",
                "--report",
                "r.html",
                "--timeout",
                "4",
            ],
        );
        let pid = child.id();
        thread::sleep(Duration::from_millis(1500));
        signal(pid, sig);
        let (code, stderr) = finish(child);
        assert_eq!(code, Some(130), "SIG{sig}: {stderr}");
        let out = dir.read("out.csv");
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let ids: Vec<String> = r
            .records()
            .map(|rec| rec.expect("a whole CSV row")[0].to_string())
            .collect();
        // Row b was in flight: it ends (timed out) or is left out, whole either way.
        assert_eq!(ids[0], "a", "SIG{sig}: {out}");
        assert!(ids.len() <= 2, "SIG{sig}: {out}");
        assert!(dir.read("r.html").starts_with("<!DOCTYPE html>"));
        assert_eq!(
            names(dir.path()),
            ["in.csv", "out.csv", "r.html"],
            "SIG{sig}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_stopped_analyze_leaves_the_old_output_untouched() {
    for sig in ["TERM", "HUP", "INT"] {
        let slow = silent_server();
        let dir = Dir::new();
        dir.create("posting.md", POSTING_MD);
        dir.create("out.json", "old contents\n");
        dir.create("r.html", "old report\n");
        let child = spawn(
            &dir,
            &[
                "analyze",
                "posting.md",
                &slow,
                "-o",
                "out.json",
                "--report",
                "r.html",
                "--format",
                "jsonl",
            ],
        );
        let pid = child.id();
        thread::sleep(Duration::from_millis(1500));
        signal(pid, sig);
        let (code, stderr) = finish(child);
        assert_eq!(code, Some(130), "SIG{sig}: {stderr}");
        assert_eq!(dir.read("out.json"), "old contents\n");
        assert_eq!(dir.read("r.html"), "old report\n");
        assert_eq!(
            names(dir.path()),
            ["out.json", "posting.md", "r.html"],
            "SIG{sig}"
        );
    }
}

#[test]
fn a_failed_run_leaves_the_old_output() {
    // A bad pattern folder stops the run after the output was opened.
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([["id", "description"], ["a", POSTING_BODY]]),
    );
    dir.create("out.csv", "old contents\n");
    let out = run(
        &dir,
        [
            "batch",
            "in.csv",
            "-o",
            "out.csv",
            "--summary-out",
            "/nonexistent-dir/s.md",
        ],
    );
    out.expect_code(2);
    assert_eq!(dir.read("out.csv"), "old contents\n");
    assert_eq!(names(dir.path()), ["in.csv", "out.csv"]);
}

#[test]
fn profile_init_force_replaces_whole_and_leaves_no_temp() {
    let dir = Dir::new();
    dir.create("me.toml", "old\n");
    run(&dir, ["profile", "init", "me.toml"]).expect_code(2);
    assert_eq!(dir.read("me.toml"), "old\n");
    run(&dir, ["profile", "init", "me.toml", "--force"]).expect_code(0);
    assert!(dir.read("me.toml").contains("strengths"));
    assert_eq!(names(dir.path()), ["me.toml"]);
}

// ===========================================================================
// An output that is an input, or another output, is refused.

#[test]
fn an_output_onto_an_input_is_refused_before_anything_is_read() {
    let dir = Dir::new();
    let input = csv_of([["id", "description"], ["a", POSTING_BODY]]);
    dir.create("in.csv", &input);
    dir.create("f.md", POSTING_MD);
    dir.create("me.toml", "strengths = [\"PyTorch\"]\n");
    dir.create_dir("pats");
    let modeling =
        std::fs::read_to_string(util::repo_root().join("patterns/modeling.toml")).unwrap();
    dir.create("pats/modeling.toml", &modeling);
    std::fs::hard_link(dir.path().join("in.csv"), dir.path().join("link.csv")).unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["batch", "in.csv", "-o", "in.csv"],
            "-o in.csv is the same file as the input in.csv",
        ),
        (
            vec!["batch", "in.csv", "-o", "./link.csv"],
            "-o ./link.csv is the same file as the input in.csv",
        ),
        (
            vec!["batch", "in.csv", "--summary-out", "in.csv"],
            "--summary-out in.csv is the same file as the input in.csv",
        ),
        (
            vec!["analyze", "f.md", "-o", "f.md"],
            "-o f.md is the same file as the input f.md",
        ),
        (
            vec!["analyze", "f.md", "--report", "./f.md"],
            "--report ./f.md is the same file as the input f.md",
        ),
        (
            vec!["analyze", "f.md", "--profile", "me.toml", "-o", "me.toml"],
            "-o me.toml is the same file as the profile me.toml",
        ),
        (
            vec![
                "analyze",
                "f.md",
                "--patterns",
                "pats",
                "-o",
                "pats/modeling.toml",
            ],
            "-o pats/modeling.toml is the same file as the pattern file pats/modeling.toml",
        ),
        (
            vec!["batch", "in.csv", "-o", "x.csv", "--summary-out", "x.csv"],
            "--summary-out x.csv is the same file as -o x.csv",
        ),
    ];
    for (args, message) in cases {
        let out = run(&dir, &args);
        out.expect_code(2);
        assert_eq!(
            out.stderr,
            format!("rolefit: {message}: nothing was read or written\n"),
            "{args:?}"
        );
        assert_eq!(std::fs::read(dir.path().join("in.csv")).unwrap(), input);
        assert_eq!(dir.read("f.md"), POSTING_MD);
        assert_eq!(dir.read("me.toml"), "strengths = [\"PyTorch\"]\n");
        assert_eq!(dir.read("pats/modeling.toml"), modeling);
        assert!(!dir.path().join("x.csv").exists());
    }
    // /dev/null and stdout are never "the same file".
    run(
        &dir,
        [
            "batch",
            "in.csv",
            "-o",
            "/dev/null",
            "--report",
            "/dev/null",
        ],
    )
    .expect_code(0);
}
