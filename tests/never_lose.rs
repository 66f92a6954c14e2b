//! Issue 14, "never lose a byte": outputs written atomically, inputs never
//! clobbered, signals, hostile caches and sources, credentials in URLs,
//! hidden text, odd encodings and pattern files. Each test here failed
//! before the fix it names. Servers run on 127.0.0.1 only.

mod util;

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;
use util::fixtures::{POSTING_BODY, POSTING_MD};
use util::hostile::{cmd, run};
use util::raw::counting_server;
use util::site::{Site, html};
use util::{Dir, Output, csv_of, names_in, signal, spawn, wait_or_kill};
use wiremock::ResponseTemplate;

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

/// Makes a named pipe at `path`.
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

/// Waits for the child to end (killing it after 10 s); its exit code.
fn finish(child: Child) -> (Option<i32>, String) {
    let (out, _) = wait_or_kill(child, Duration::from_secs(10));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Starts `rolefit ARGS` in `dir`, sends it SIG`sig` 1.5 s later, and checks
/// that it stopped with exit code 130.
#[cfg(unix)]
fn stop_midway(dir: &Dir, args: &[&str], sig: &str) {
    let child = spawn(dir, args);
    thread::sleep(Duration::from_millis(1500));
    signal(child.id(), sig);
    let (code, stderr) = finish(child);
    assert_eq!(code, Some(130), "SIG{sig}: {stderr}");
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
        stop_midway(
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
            sig,
        );
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
            names_in(dir.path()),
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
        stop_midway(
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
            sig,
        );
        assert_eq!(dir.read("out.json"), "old contents\n");
        assert_eq!(dir.read("r.html"), "old report\n");
        assert_eq!(
            names_in(dir.path()),
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
    assert_eq!(names_in(dir.path()), ["in.csv", "out.csv"]);
}

/// `rolefit ARGS` in `dir`, started as a user who cannot write a folder its
/// mode forbids (root's CAP_DAC_OVERRIDE and CAP_FOWNER are dropped), with
/// TMPDIR `tmp`.
#[cfg(target_os = "linux")]
fn spawn_confined(dir: &Dir, program: &Path, args: &[&str], tmp: &Path) -> Child {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(program);
    cmd.args(args)
        .current_dir(dir.path())
        .env("TMPDIR", tmp)
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    // SAFETY: prctl and geteuid are async-signal-safe and touch only the child.
    unsafe {
        cmd.pre_exec(|| {
            if libc::geteuid() == 0 {
                // CAP_DAC_OVERRIDE (1) and CAP_FOWNER (3), from the bounding
                // set: after exec, root has them no more.
                for cap in [1, 3] {
                    if libc::prctl(libc::PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
            }
            Ok(())
        });
    }
    cmd.spawn().expect("spawn a confined process")
}

/// A folder `ro` of `dir` that the confined process cannot create files in,
/// holding `name` with `contents`, which it can write; and an empty `tmp`
/// for its TMPDIR.
#[cfg(target_os = "linux")]
fn unwritable_folder(dir: &Dir, name: &str, contents: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    dir.create(&format!("ro/{name}"), contents);
    dir.create_dir("tmp");
    let ro = dir.path().join("ro");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = spawn_confined(
        dir,
        Path::new("sh"),
        &["-c", "echo x > ro/probe"],
        &dir.path().join("tmp"),
    );
    let (out, _) = wait_or_kill(probe, Duration::from_secs(10));
    assert!(
        !out.status.success(),
        "the test cannot make a folder unwritable here"
    );
    ro
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_in_a_folder_not_writable_keeps_its_old_contents_until_the_run_completes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([["id", "description"], ["a", POSTING_BODY]]),
    );
    let ro = unwritable_folder(&dir, "out.csv", "old contents\n");
    let tmp = dir.path().join("tmp");
    let run_confined = |args: &[&str]| {
        let child = spawn_confined(&dir, util::bin(), args, &tmp);
        finish(child)
    };
    // A run that fails after the output was opened leaves it as it was.
    let (code, stderr) = run_confined(&[
        "batch",
        "in.csv",
        "-o",
        "ro/out.csv",
        "--summary-out",
        "/nonexistent-dir/s.md",
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(dir.read("ro/out.csv"), "old contents\n");
    assert!(names_in(&tmp).is_empty(), "{:?}", names_in(&tmp));
    // A stopped one too.
    let slow = silent_server();
    let child = spawn_confined(
        &dir,
        util::bin(),
        &["analyze", "in.csv", &slow, "-o", "ro/out.csv"],
        &tmp,
    );
    thread::sleep(Duration::from_millis(1500));
    signal(child.id(), "TERM");
    let (code, stderr) = finish(child);
    assert_eq!(code, Some(130), "{stderr}");
    assert_eq!(dir.read("ro/out.csv"), "old contents\n");
    assert!(names_in(&tmp).is_empty(), "{:?}", names_in(&tmp));
    // A run that completes writes it in place, and leaves no temporary file.
    let (code, stderr) = run_confined(&["batch", "in.csv", "-o", "ro/out.csv"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(dir.read("ro/out.csv").starts_with("id,"));
    assert_eq!(names_in(&ro), ["out.csv"]);
    assert!(names_in(&tmp).is_empty(), "{:?}", names_in(&tmp));
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn profile_init_force_replaces_whole_and_leaves_no_temp() {
    let dir = Dir::new();
    dir.create("me.toml", "old\n");
    run(&dir, ["profile", "init", "me.toml"]).expect_code(2);
    assert_eq!(dir.read("me.toml"), "old\n");
    // A second name for the old file: a file replaced by a rename keeps the
    // old bytes under it; one truncated and rewritten in place would not.
    std::fs::hard_link(dir.path().join("me.toml"), dir.path().join("old.toml")).unwrap();
    run(&dir, ["profile", "init", "me.toml", "--force"]).expect_code(0);
    assert!(dir.read("me.toml").contains("strengths"));
    assert_eq!(dir.read("old.toml"), "old\n");
    assert_eq!(names_in(dir.path()), ["me.toml", "old.toml"]);
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

#[test]
fn an_output_onto_the_history_database_is_refused() {
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([["id", "description"], ["a", POSTING_BODY]]),
    );
    dir.create("f.md", POSTING_MD);
    run(&dir, ["batch", "in.csv", "--db", "hd.db"]).expect_code(0);
    let db = std::fs::read(dir.path().join("hd.db")).unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["batch", "in.csv", "--db", "hd.db", "-o", "hd.db"],
            "-o hd.db is the same file as the history database hd.db",
        ),
        (
            vec![
                "batch",
                "in.csv",
                "--db",
                "hd.db",
                "--summary-out",
                "./hd.db",
            ],
            "--summary-out ./hd.db is the same file as the history database hd.db",
        ),
        (
            vec!["analyze", "f.md", "--db", "hd.db", "--report", "hd.db"],
            "--report hd.db is the same file as the history database hd.db",
        ),
        (
            vec!["history", "--db", "hd.db", "-o", "hd.db"],
            "-o hd.db is the same file as the history database hd.db",
        ),
        (
            vec!["history", "--db", "hd.db", "--report", "hd.db"],
            "--report hd.db is the same file as the history database hd.db",
        ),
        (
            vec!["batch", "in.csv", "--db", "hd.db", "-o", "hd.db-wal"],
            "-o hd.db-wal is the same file as the history database's WAL file hd.db-wal",
        ),
        (
            vec!["analyze", "f.md", "--db", "hd.db", "-o", "hd.db-shm"],
            "-o hd.db-shm is the same file as the history database's shared-memory file hd.db-shm",
        ),
        // A database the run would create is as much the database.
        (
            vec!["batch", "in.csv", "--db", "new.db", "-o", "new.db"],
            "-o new.db is the same file as the history database new.db",
        ),
        // The database is written: it cannot be an input either.
        (
            vec!["analyze", "f.md", "--db", "f.md"],
            "--db f.md is the same file as the input f.md",
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
        assert_eq!(
            std::fs::read(dir.path().join("hd.db")).unwrap(),
            db,
            "{args:?}"
        );
        assert_eq!(dir.read("f.md"), POSTING_MD);
        assert_eq!(
            names_in(dir.path()),
            ["f.md", "hd.db", "in.csv"],
            "{args:?}"
        );
    }
    // A bare --db is the database ROLEFIT_DB names.
    for args in [
        vec!["batch", "in.csv", "-o", "hd.db", "--db"],
        vec!["history", "-o", "hd.db"],
    ] {
        let out = cmd(&dir, &args).env("ROLEFIT_DB", "hd.db").run_checked();
        out.expect_code(2);
        assert_eq!(
            out.stderr,
            "rolefit: -o hd.db is the same file as the history database hd.db: \
             nothing was read or written\n",
            "{args:?}"
        );
        assert_eq!(
            std::fs::read(dir.path().join("hd.db")).unwrap(),
            db,
            "{args:?}"
        );
    }
}

#[test]
fn history_refuses_an_output_onto_its_profile_patterns_or_other_output() {
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([["id", "description"], ["a", POSTING_BODY]]),
    );
    run(&dir, ["batch", "in.csv", "--db", "hd.db"]).expect_code(0);
    dir.create("me2.toml", "strengths = [\"PyTorch\"]\n");
    let skills = std::fs::read_to_string(util::repo_root().join("patterns/skills.toml")).unwrap();
    dir.create("mp/skills.toml", &skills);
    dir.create("hh.txt", "old output\n");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "history",
                "--db",
                "hd.db",
                "--profile",
                "me2.toml",
                "-o",
                "me2.toml",
            ],
            "-o me2.toml is the same file as the profile me2.toml",
        ),
        (
            vec![
                "history",
                "--db",
                "hd.db",
                "--patterns",
                "mp",
                "-o",
                "mp/skills.toml",
            ],
            "-o mp/skills.toml is the same file as the pattern file mp/skills.toml",
        ),
        (
            vec![
                "history", "--db", "hd.db", "-o", "hh.txt", "--report", "./hh.txt",
            ],
            "--report ./hh.txt is the same file as -o hh.txt",
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
        assert_eq!(dir.read("me2.toml"), "strengths = [\"PyTorch\"]\n");
        assert_eq!(dir.read("mp/skills.toml"), skills);
        assert_eq!(dir.read("hh.txt"), "old output\n");
    }
}

/// `rolefit ARGS` in `dir` with its standard input redirected from the
/// file `stdin` of `dir`, as `rolefit ARGS < stdin` does.
fn run_with_stdin_from(dir: &Dir, args: &[&str], stdin: &str) -> Output {
    let file = std::fs::File::open(dir.path().join(stdin)).unwrap();
    let child = Command::new(util::bin())
        .args(args)
        .current_dir(dir.path())
        .stdin(file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn rolefit");
    let (out, _) = wait_or_kill(child, Duration::from_secs(30));
    Output {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn an_output_onto_the_file_stdin_is_redirected_from_is_refused() {
    let dir = Dir::new();
    let input = csv_of([["id", "description"], ["a", POSTING_BODY]]);
    dir.create("sin.csv", &input);
    dir.create("sin.md", POSTING_MD);
    let cases: [(&[&str], &str, &str); 3] = [
        (&["batch", "-", "-o", "sin.csv"], "sin.csv", "-o sin.csv"),
        (
            &["batch", "-", "--summary-out", "./sin.csv"],
            "sin.csv",
            "--summary-out ./sin.csv",
        ),
        (&["analyze", "-", "-o", "sin.md"], "sin.md", "-o sin.md"),
    ];
    for (args, stdin, output) in cases {
        let out = run_with_stdin_from(&dir, args, stdin);
        out.expect_code(2);
        assert_eq!(
            out.stderr,
            format!(
                "rolefit: {output} is the same file as the standard input: \
                 nothing was read or written\n"
            ),
            "{args:?}"
        );
        assert_eq!(std::fs::read(dir.path().join("sin.csv")).unwrap(), input);
        assert_eq!(dir.read("sin.md"), POSTING_MD);
    }
    // Another file is no conflict.
    run_with_stdin_from(&dir, &["batch", "-", "-o", "out.csv"], "sin.csv").expect_code(0);
    assert!(dir.read("out.csv").starts_with("id,"));
}

// ===========================================================================
// The cache.

/// The file a cache entry for `url` lives in.
fn entry_name(url: &str) -> String {
    use sha2::Digest;
    let hash = sha2::Sha256::digest(url.as_bytes());
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}.json")
}

const POSTING_HTML: &str = "<html><head><title>Machine Learning Engineer, Ranking</title></head><body>\
<h1>Machine Learning Engineer, Ranking</h1>\
<h2>Responsibilities</h2><ul><li>Train and evaluate deep learning ranking models in PyTorch</li>\
<li>Fine-tune embedding models for query and recipe retrieval</li></ul>\
<h2>Requirements</h2><ul><li>3+ years training machine learning models that shipped to production</li></ul>\
</body></html>";

#[cfg(unix)]
#[test]
fn a_cache_entry_that_is_not_a_good_regular_file_is_refetched_with_a_warning() {
    let site = Site::start();
    site.serve("/job", html(POSTING_HTML));
    let url = site.url("/job");
    let name = entry_name(&url);
    // A valid-looking entry outside the cache, which a symlink points to.
    let planted = serde_json::json!({
        "url": url, "content_type": "text/html", "format": "html",
        "text": "<h1>Frontend Engineer</h1><p>Build React and TypeScript user interfaces.</p>"
    })
    .to_string();
    type Plant = Box<dyn Fn(&Dir, &Path)>;
    let cases: Vec<(&str, Plant, String)> = vec![
        (
            "symlink",
            Box::new(move |dir: &Dir, entry: &Path| {
                let target = dir.create("elsewhere.json", &planted);
                std::os::unix::fs::symlink(target, entry).unwrap();
            }),
            "is a symlink, not a file rolefit wrote".to_string(),
        ),
        (
            "fifo",
            Box::new(|_: &Dir, entry: &Path| {
                mkfifo(entry);
            }),
            "not a regular file".to_string(),
        ),
        (
            "garbage",
            Box::new(|_: &Dir, entry: &Path| std::fs::write(entry, "{not json").unwrap()),
            "not a rolefit cache entry".to_string(),
        ),
        (
            "huge",
            Box::new(|_: &Dir, entry: &Path| {
                let f = std::fs::File::create(entry).unwrap();
                f.set_len(5_000_000).unwrap();
            }),
            "5000000 bytes, over the".to_string(),
        ),
    ];
    for (what, plant, warning) in cases {
        site.reset();
        site.serve("/job", html(POSTING_HTML));
        let dir = Dir::new();
        let cache = dir.create_dir("cache");
        plant(&dir, &cache.join(&name));
        dir.create("in.csv", csv_of([["id", "url"], ["a", url.as_str()]]));
        let out = run(
            &dir,
            [
                "batch",
                "in.csv",
                "--cache",
                "cache",
                "--format",
                "jsonl",
                "--max-bytes",
                "1000000",
            ],
        );
        out.expect_code(0);
        let records = out.json_lines();
        assert_eq!(records[0]["role"], "modeling", "{what}: {out:?}");
        assert_eq!(site.requests(), 1, "{what}: refetched");
        assert!(
            out.stderr.starts_with(&format!(
                "rolefit: warning: --cache cache/{name}: {warning}"
            )),
            "{what}: {out:?}"
        );
        // The entry is a good one again, and no temporary file is left.
        assert_eq!(names_in(&cache), std::slice::from_ref(&name), "{what}");
        assert!(
            std::fs::symlink_metadata(cache.join(&name))
                .unwrap()
                .is_file()
        );
        if what == "symlink" {
            assert!(dir.read("elsewhere.json").contains("Frontend Engineer"));
        }
    }
}

#[test]
fn two_runs_sharing_a_cache_leave_only_whole_entries() {
    let site = Site::start();
    site.mount(
        wiremock::Mock::given(wiremock::matchers::method("GET"))
            .respond_with(html(POSTING_HTML).set_delay(Duration::from_millis(20))),
    );
    let dir = Dir::new();
    let mut rows = vec![vec!["id".to_string(), "url".to_string()]];
    for i in 0..40 {
        rows.push(vec![format!("u{i}"), site.url(&format!("/job/{i}"))]);
    }
    dir.create("in.csv", csv_of(rows));
    let args = [
        "batch",
        "in.csv",
        "--cache",
        "c",
        "--jobs",
        "8",
        "-o",
        "/dev/null",
    ];
    let a = spawn(&dir, &args);
    let b = spawn(&dir, &args);
    assert_eq!(finish(a).0, Some(0));
    assert_eq!(finish(b).0, Some(0));
    let entries = names_in(&dir.path().join("c"));
    assert_eq!(entries.len(), 40, "{entries:?}");
    for e in entries {
        let text = std::fs::read_to_string(dir.path().join("c").join(&e)).unwrap();
        let v: Value = serde_json::from_str(&text).expect("a whole entry");
        assert!(v["text"].as_str().unwrap().contains("PyTorch"));
    }
}

// ===========================================================================
// URLs.

#[test]
fn a_password_in_a_url_is_never_printed_cached_or_written() {
    let site = Site::start();
    site.serve("/job", html(POSTING_HTML));
    site.serve("/gone", ResponseTemplate::new(404));
    let good = site.url("/job").replace("http://", "http://me:hunter2@");
    let gone = site.url("/gone").replace("http://", "http://me:hunter2@");
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([["id", "url"], ["a", good.as_str()], ["b", gone.as_str()]]),
    );
    let batch = run(
        &dir,
        [
            "batch",
            "in.csv",
            "--cache",
            "c",
            "-o",
            "out.csv",
            "--report",
            "r.html",
            "--summary-out",
            "s.md",
        ],
    );
    batch.expect_code(1);
    let analyzed = run(&dir, ["analyze", &good, &gone, "--format", "jsonl"]);
    analyzed.expect_code(1);
    let mut seen = vec![
        batch.stdout.clone(),
        batch.stderr.clone(),
        analyzed.stdout.clone(),
        analyzed.stderr.clone(),
    ];
    for f in ["out.csv", "r.html", "s.md"] {
        seen.push(dir.read(f));
    }
    for e in names_in(&dir.path().join("c")) {
        seen.push(std::fs::read_to_string(dir.path().join("c").join(e)).unwrap());
    }
    for text in &seen {
        assert!(!text.contains("hunter2"), "{text}");
    }
    assert!(dir.read("out.csv").contains("http://***@127.0.0.1"));
    assert!(
        analyzed.stderr.contains("http://***@127.0.0.1"),
        "{analyzed:?}"
    );
}

#[test]
fn a_redirect_to_a_metadata_address_is_refused_unless_allowed() {
    let site = Site::start();
    for (path, to) in [
        ("/v4", "http://169.254.169.254/latest/meta-data/"),
        ("/dec", "http://2852039166/latest/meta-data/"),
        ("/v6", "http://[fe80::1]/x"),
    ] {
        site.serve(
            path,
            ResponseTemplate::new(302).insert_header("Location", to),
        );
    }
    let dir = Dir::new();
    for (path, shown) in [
        ("/v4", "http://169.254.169.254/latest/meta-data/"),
        ("/dec", "http://169.254.169.254/latest/meta-data/"),
        ("/v6", "http://[fe80::1]/x"),
    ] {
        let url = site.url(path);
        let out = run(
            &dir,
            ["analyze", &url, "--format", "jsonl", "--timeout", "3"],
        );
        out.expect_code(1);
        assert_eq!(
            out.stderr,
            format!(
                "rolefit: {url}: redirect to {shown} refused: a link-local or cloud metadata \
                 address (--allow-private allows it)\n"
            )
        );
    }
    // Allowed, the redirect is followed (and fails to connect here).
    let url = site.url("/v4");
    let out = run(
        &dir,
        [
            "analyze",
            &url,
            "--format",
            "jsonl",
            "--timeout",
            "2",
            "--allow-private",
        ],
    );
    out.expect_code(1);
    assert!(!out.stderr.contains("refused: a link-local"), "{out:?}");
}

#[test]
fn per_host_counts_a_host_however_it_is_spelled() {
    let dir = Dir::new();
    let (port, most) = counting_server(Duration::from_millis(150), POSTING_HTML);
    let mut rows = vec![vec!["id".to_string(), "url".to_string()]];
    for (i, host) in [
        "127.0.0.1",
        "localhost",
        "127.1",
        "LocalHost",
        "0x7f.0.0.1",
        "127.0.0.1.",
    ]
    .iter()
    .enumerate()
    {
        rows.push(vec![
            format!("u{i}"),
            format!("http://{host}:{port}/job/{i}"),
        ]);
    }
    dir.create("in.csv", csv_of(rows));
    let out = cmd(&dir, ["batch", "in.csv", "--jobs", "6", "--per-host", "1"])
        .env("NO_PROXY", "*")
        .run();
    out.expect_code(0);
    assert_eq!(most.load(std::sync::atomic::Ordering::SeqCst), 1);
}

#[test]
fn a_url_in_many_rows_is_fetched_once_per_run() {
    let site = Site::start();
    site.serve("/job", html(POSTING_HTML));
    let url = site.url("/job");
    let dir = Dir::new();
    let mut with_text = vec![vec!["id".to_string(), "description".into(), "url".into()]];
    // Far apart, in different chunks of 256 rows, and twice in one chunk.
    for i in 0..600 {
        let (text, u) = if i % 299 == 0 || i == 1 {
            (String::new(), url.clone())
        } else {
            (POSTING_BODY.to_string(), String::new())
        };
        with_text.push(vec![format!("r{i}"), text, u]);
    }
    dir.create("in.csv", csv_of(with_text));
    let out = run(&dir, ["batch", "in.csv", "--format", "jsonl"]);
    out.expect_code(0);
    let records = out.json_lines();
    assert_eq!(records.len(), 600);
    for i in [0, 1, 299, 598] {
        assert_eq!(records[i]["role"], "modeling", "row {i}");
    }
    assert_eq!(site.requests(), 1);
}

#[test]
fn a_board_listing_over_the_page_limit_is_read() {
    let site = Site::start();
    let body = format!(
        "<p>{}</p><h2>What you will do</h2><ul><li>Train and evaluate deep learning ranking models in PyTorch</li></ul>",
        "We build search for warehouse robots. ".repeat(200)
    );
    let jobs: Vec<Value> = (0..800)
        .map(|i| {
            serde_json::json!({
                "id": 1000 + i,
                "title": format!("Machine Learning Engineer {i}"),
                "absolute_url": format!("https://boards.greenhouse.io/acme/jobs/{}", 1000 + i),
                "location": {"name": "Remote"},
                "company_name": "Acme Robotics",
                "content": body.replace('<', "&lt;").replace('>', "&gt;"),
            })
        })
        .collect();
    let listing = serde_json::json!({"jobs": jobs, "meta": {"total": 800}}).to_string();
    assert!(listing.len() > 6_000_000, "{}", listing.len());
    site.serve(
        "/v1/boards/acme/jobs",
        ResponseTemplate::new(200).set_body_raw(listing, "application/json"),
    );
    let dir = Dir::new();
    let out = cmd(&dir, ["batch", "greenhouse:acme", "--format", "jsonl"])
        .env("ROLEFIT_GREENHOUSE_API", &site.url(""))
        .run();
    out.expect_code(0);
    assert_eq!(out.json_lines().len(), 800);
}

// ===========================================================================
// Sources that are not regular files, and oversized configuration.

#[cfg(target_os = "linux")]
#[test]
fn dev_zero_as_a_posting_is_capped_like_stdin() {
    let dir = Dir::new();
    let out = run(&dir, ["analyze", "/dev/zero", "--format", "jsonl"]);
    out.expect_code(1);
    assert_eq!(
        out.stderr,
        "rolefit: /dev/zero: input is over the 64 MiB limit\n"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_with_no_writer_times_out() {
    let dir = Dir::new();
    let fifo = dir.path().join("posting.md");
    mkfifo(&fifo);
    let started = Instant::now();
    let out = run(
        &dir,
        [
            "analyze",
            "posting.md",
            "--format",
            "jsonl",
            "--timeout",
            "2",
        ],
    );
    out.expect_code(1);
    assert_eq!(
        out.stderr,
        "rolefit: posting.md: not a regular file, and no end of input within 2 s (--timeout)\n"
    );
    assert!(started.elapsed() < Duration::from_secs(15));
}

#[cfg(unix)]
#[test]
fn a_posting_from_process_substitution_is_read() {
    // `<(cmd)`: a pipe under /dev/fd, written and closed by another process.
    let dir = Dir::new();
    let fifo = dir.path().join("p.md");
    mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        thread::spawn(move || std::fs::write(fifo, POSTING_MD).unwrap())
    };
    let out = run(&dir, ["analyze", "p.md", "--format", "jsonl"]);
    writer.join().unwrap();
    out.expect_code(0);
    assert_eq!(out.json_lines()[0]["role"], "modeling");
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_profile_or_a_huge_pattern_file_is_refused_with_its_name() {
    let dir = Dir::new();
    dir.create("f.md", POSTING_MD);
    let out = run(&dir, ["analyze", "f.md", "--profile", "/dev/zero"]);
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: /dev/zero: over the 1024 KiB limit for this file\n"
    );
    let mut big = String::from("role = \"backend\"\n");
    while big.len() < 5_000_000 {
        big.push_str("# padding padding padding padding padding padding padding\n");
    }
    dir.create("pats/backend.toml", &big);
    let out = run(&dir, ["analyze", "f.md", "--patterns", "pats"]);
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: pats/backend.toml: over the 4096 KiB limit for this file\n"
    );
}

// ===========================================================================
// Pattern folders.

#[test]
fn a_regex_that_matches_the_empty_string_is_refused_with_file_and_line() {
    for regex in ["'(ml)?'", "'\\b(llm|)\\b'", "'x*'", "'^'"] {
        let dir = Dir::new();
        dir.create(
            "pats/backend.toml",
            format!("role = \"backend\"\n\n[[pattern]]\nname = \"empty\"\nregex = {regex}\nweight = 1.0\n"),
        );
        let out = run(&dir, ["patterns", "check", "pats"]);
        out.expect_code(2);
        assert_eq!(
            out.stderr,
            "rolefit: pats/backend.toml:5: this regex can match the empty string, so it would \
             match everywhere: make some part of it required\n",
            "{regex}"
        );
        dir.create("f.md", POSTING_MD);
        run(&dir, ["analyze", "f.md", "--patterns", "pats"]).expect_code(2);
    }
}

#[test]
fn patterns_check_reports_unknown_files_and_dangling_symlinks() {
    let dir = Dir::new();
    let modeling =
        std::fs::read_to_string(util::repo_root().join("patterns/modeling.toml")).unwrap();
    dir.create("pats/modelling.toml", &modeling);
    let out = run(&dir, ["patterns", "check", "pats"]);
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: pats/modelling.toml: not a pattern file rolefit reads (did you mean modeling.toml?)\n\
         rolefit: pats: not ok: 1 unknown file\n"
    );
    assert_eq!(out.stdout, "");

    #[cfg(unix)]
    {
        let dir = Dir::new();
        dir.create_dir("pats");
        std::os::unix::fs::symlink(
            "/nonexistent/backend.toml",
            dir.path().join("pats/backend.toml"),
        )
        .unwrap();
        let out = run(&dir, ["patterns", "check", "pats"]);
        out.expect_code(2);
        assert_eq!(
            out.stderr,
            "rolefit: pats/backend.toml: a symlink to a file that does not exist\n"
        );
    }
}

// ===========================================================================
// Input text.

#[track_caller]
fn analyze_one(dir: &Dir, source: &str) -> (Output, Value) {
    let out = run(dir, ["analyze", source, "--format", "jsonl", "--explain"]);
    let records = out.json_lines();
    assert_eq!(records.len(), 1, "{out:?}");
    let r = records.into_iter().next().unwrap();
    (out, r)
}

#[test]
fn text_hidden_by_inline_style_is_not_evidence() {
    let hidden_frontend = "<li>Build React and TypeScript user interfaces, Next.js pages, CSS design systems and accessible web frontends</li>"
        .repeat(6);
    for style in [
        "display:none",
        "DISPLAY: None !important",
        "visibility: hidden",
        "color:red; visibility:collapse",
    ] {
        let page = format!(
            "<!DOCTYPE html><html><body><h1>Machine Learning Engineer, Ranking</h1>\
             <h2>Responsibilities</h2><ul>\
             <li>Train and evaluate deep learning ranking models in PyTorch</li>\
             <li>Fine-tune embedding models for query and recipe retrieval</li></ul>\
             <div style=\"{style}\"><h2>Frontend work</h2><ul>{hidden_frontend}</ul></div>\
             </body></html>"
        );
        let dir = Dir::new();
        dir.create("p.html", page);
        let (out, r) = analyze_one(&dir, "p.html");
        out.expect_code(0);
        assert_eq!(r["role"], "modeling", "{style}");
        let evidence = r["evidence"].to_string();
        assert!(!evidence.contains("React"), "{style}: {evidence}");
    }
}

#[test]
fn an_html_page_saved_as_txt_or_md_is_read_as_html() {
    for name in ["posting.txt", "posting.md"] {
        let dir = Dir::new();
        dir.create(name, format!("\n<!-- saved -->\n{POSTING_HTML}"));
        let (out, r) = analyze_one(&dir, name);
        out.expect_code(0);
        assert_eq!(r["title"], "Machine Learning Engineer, Ranking", "{name}");
        assert_eq!(r["role"], "modeling", "{name}");
        assert!(!r.to_string().contains("<li>"), "{name}");
    }
}

#[test]
fn a_stub_json_ld_description_falls_back_to_the_page() {
    for stub in ["See below", "<p>Apply now.</p>", "Details on this page."] {
        let ld = serde_json::json!({
            "@context": "https://schema.org", "@type": "JobPosting",
            "title": "Machine Learning Engineer, Ranking",
            "hiringOrganization": {"@type": "Organization", "name": "Northwind Labs"},
            "description": stub,
        });
        let page = POSTING_HTML.replace(
            "<head>",
            &format!("<head><script type=\"application/ld+json\">{ld}</script>"),
        );
        let dir = Dir::new();
        dir.create("p.html", page);
        let (out, r) = analyze_one(&dir, "p.html");
        out.expect_code(0);
        assert_eq!(r["role"], "modeling", "{stub}: {out:?}");
        assert_eq!(r["company"], "Northwind Labs");
        assert!(r["evidence"].to_string().contains("PyTorch"), "{stub}");
    }
}

#[test]
fn a_short_csv_description_is_classified_not_refused() {
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([
            ["id", "title", "description"],
            ["a", "ML Engineer", "Train PyTorch ranking models."],
            ["b", "", "React UI for our LLM chat assistant."],
            ["c", "Anything", "   "],
        ]),
    );
    let out = run(&dir, ["batch", "in.csv", "--format", "jsonl"]);
    out.expect_code(1);
    let r = out.json_lines();
    assert_eq!(r[0]["status"], "ok", "{out:?}");
    assert_eq!(r[0]["role"], "modeling");
    assert!(
        r[0]["confidence"].as_f64().unwrap() < 0.75,
        "{}",
        r[0]["confidence"]
    );
    assert_eq!(r[1]["status"], "ok", "{out:?}");
    // 36 characters of 60: the probabilities are 0.6 the model's and 0.4
    // even odds, so at most 0.68; a UI line for an AI product is unsure.
    assert!(
        r[1]["confidence"].as_f64().unwrap() < 0.6,
        "{}",
        r[1]["confidence"]
    );
    // Blank is still nothing to read, and said so without blaming JavaScript.
    assert_eq!(
        r[2]["error"],
        "row 3, column description: empty, and the row has no URL"
    );
    assert!(!out.stderr.contains("JavaScript"), "{out:?}");
}

#[test]
fn a_short_text_file_or_stdin_is_classified_not_refused() {
    // A text or Markdown file, or standard input, is what the user gave:
    // like a row's description it is read however short (only a page under
    // 60 characters is a script shell), and the answer is unsure.
    let dir = Dir::new();
    dir.create(
        "short.txt",
        "ML Engineer\n\nTrain PyTorch ranking models.\n",
    );
    dir.create(
        "짧은.md",
        "# 머신러닝 엔지니어\n\nPyTorch로 추천 모델 학습\n",
    );
    dir.create("empty.md", "\n\n");
    let out = dir
        .command([
            "analyze",
            "short.txt",
            "짧은.md",
            "-",
            "empty.md",
            "--format",
            "jsonl",
        ])
        .stdin("Fine-tune our LLM with DPO\n")
        .run();
    out.expect_code(1);
    let r = out.json_lines();
    assert_eq!(r.len(), 4, "{out:?}");
    for (i, title) in [(0, "ML Engineer"), (1, "머신러닝 엔지니어")] {
        assert_eq!(r[i]["status"], "ok", "{out:?}");
        assert_eq!(r[i]["title"], title);
        assert_eq!(r[i]["role"], "modeling", "{}", r[i]);
        let c = r[i]["confidence"].as_f64().unwrap();
        assert!(c < 0.6, "{c}: a few words are little evidence");
    }
    assert_eq!(r[2]["status"], "ok", "{out:?}");
    assert!(r[2]["confidence"].as_f64().unwrap() < 0.6, "{}", r[2]);
    // No text at all is said so, without blaming JavaScript, in English and Korean.
    assert_eq!(
        r[3]["error"],
        "empty.md: no posting text: the input is empty"
    );
    for (lang, said) in [
        (
            "en",
            "rolefit: <stdin>: no posting text: the input is empty\n",
        ),
        (
            "ko",
            "rolefit: <stdin>: 공고 내용이 없습니다: 입력이 비어 있습니다\n",
        ),
    ] {
        let out = dir
            .command(["analyze", "-", "--lang", lang])
            .stdin("  \n")
            .run();
        out.expect_code(1);
        assert_eq!(out.stderr, said);
    }
}

#[test]
fn a_csv_in_utf16_cp949_or_cp1252_is_decoded() {
    let korean = "id,제목,내용\nk1,머신러닝 엔지니어,PyTorch로 추천 모델을 학습하고 평가합니다. 모델 성능을 오프라인 지표로 검증합니다.\n";
    let western = "id,title,description\nw1,Ingénieur ML,Train and evaluate PyTorch ranking models for our café recommendations — résumé required.\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(western.encode_utf16().flat_map(u16::to_le_bytes));
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("UTF-16LE", utf16, "w1", "Ingénieur ML"),
        (
            "CP949 (EUC-KR)",
            encoding_rs::EUC_KR.encode(korean).0.into_owned(),
            "k1",
            "머신러닝 엔지니어",
        ),
        (
            "Windows-1252",
            encoding_rs::WINDOWS_1252.encode(western).0.into_owned(),
            "w1",
            "Ingénieur ML",
        ),
    ];
    for (name, bytes, id, title) in cases {
        let dir = Dir::new();
        dir.create("in.csv", bytes);
        let out = run(&dir, ["batch", "in.csv", "--format", "jsonl"]);
        out.expect_code(0);
        assert_eq!(
            out.stderr,
            format!("rolefit: note: in.csv is not UTF-8; read as {name}\n")
        );
        let r = out.json_lines();
        assert_eq!(r[0]["id"], id, "{name}");
        assert_eq!(r[0]["title"], title, "{name}");
        assert_eq!(r[0]["role"], "modeling", "{name}");
    }
}

#[test]
fn a_tsv_or_semicolon_file_named_csv_gets_a_delimiter_hint() {
    for (sep, hint) in [
        (
            "\t",
            "the header looks separated by tabs: use --delimiter '\\t'",
        ),
        (
            ";",
            "the header looks separated by semicolons: use --delimiter ';'",
        ),
    ] {
        let dir = Dir::new();
        dir.create(
            "in.csv",
            format!("id{sep}description\na{sep}{POSTING_BODY}\n"),
        );
        let out = run(&dir, ["batch", "in.csv"]);
        out.expect_code(2);
        assert!(out.stderr.trim_end().ends_with(hint), "{out:?}");
        assert_eq!(out.stderr.lines().count(), 1);
        // With the flag it reads.
        let flag = if sep == "\t" { "\\t" } else { ";" };
        run(&dir, ["batch", "in.csv", "--delimiter", flag]).expect_code(0);
    }
}

#[test]
fn json_lines_errors_give_the_line_of_the_file() {
    let dir = Dir::new();
    let good = serde_json::json!({"id": "a", "text": POSTING_BODY}).to_string();
    dir.create("in.jsonl", format!("{good}\n\n\n{{\"id\": oops\n[1]\n"));
    let out = run(&dir, ["batch", "in.jsonl", "--format", "jsonl"]);
    out.expect_code(1);
    let r = out.json_lines();
    assert_eq!(
        r[1]["error"],
        "row 2 (line 4): not JSON (expected value at column 8)"
    );
    assert_eq!(r[2]["error"], "row 3 (line 5): not a JSON object");
}

#[test]
fn a_meta_refresh_page_is_followed_once() {
    let site = Site::start();
    let hop = |to: &str| {
        html(format!(
            "<html><head><meta http-equiv=\"refresh\" content=\"0; url={to}\"></head><body>Moved.</body></html>"
        ))
    };
    site.serve("/old", hop("/job"));
    site.serve("/job", html(POSTING_HTML));
    site.serve("/loop", hop("/loop2"));
    site.serve("/loop2", hop("/loop"));
    site.serve("/meta", hop("http://169.254.169.254/latest/"));
    let dir = Dir::new();
    let (out, r) = analyze_one(&dir, &site.url("/old"));
    out.expect_code(0);
    assert_eq!(r["title"], "Machine Learning Engineer, Ranking");
    // Once: a refresh to a refresh is not followed again.
    let (out, _) = analyze_one(&dir, &site.url("/loop"));
    out.expect_code(1);
    assert_eq!(
        site.requested_paths()
            .iter()
            .filter(|p| p.starts_with("/loop"))
            .count(),
        2
    );
    // The rules of a redirect hold: a refresh to a metadata address is not
    // taken (the page is read as it is, here nothing), at once.
    let url = site.url("/meta");
    let started = Instant::now();
    let (out, _) = analyze_one(&dir, &url);
    out.expect_code(1);
    assert_eq!(
        out.stderr,
        format!(
            "rolefit: {url}: no posting text found (the page is empty or only scripts; it may need JavaScript)\n"
        )
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}
