//! The one helper the integration tests drive rolefit through: a temp dir to
//! put files in, and a command that runs the built binary there (or in the
//! repository root, for the bundled samples) and hands back what it printed.
//!
//! Modelled on ripgrep's `tests/util.rs` and xsv's `tests/workdir.rs`.

// Every test crate includes this module and uses a different part of it.
#![allow(dead_code)]

pub mod fixtures;
pub mod hostile;
pub mod raw;
pub mod site;

use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{self, Child};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A run that takes longer than this is killed and the test fails, so that a
/// pattern that makes rolefit hang shows up as a failure, not a stuck suite.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The repository root: where `samples/` and `patterns/` are.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The path of the built `rolefit` binary.
pub fn bin() -> &'static Path {
    assert_cmd::cargo::cargo_bin!("rolefit")
}

/// A command run from the repository root, so that `samples/x.md` is a stable
/// relative path (and so a stable record id).
pub fn in_repo<I, S>(args: I) -> TestCommand
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    TestCommand::new(&repo_root()).args(args)
}

/// A temporary directory that is removed when the test ends.
pub struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        let tmp = tempfile::Builder::new()
            .prefix("rolefit-test-")
            .tempdir()
            .expect("create a temp dir");
        Dir { tmp }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Writes `contents` to `name` (relative to the dir), creating parent
    /// folders; returns the full path.
    pub fn create(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create parent folders");
        }
        fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }

    /// Creates the folder `name` (relative to the dir); returns the full path.
    pub fn create_dir(&self, name: &str) -> PathBuf {
        let path = self.path().join(name);
        fs::create_dir_all(&path).unwrap_or_else(|e| panic!("mkdir {}: {e}", path.display()));
        path
    }

    /// Copies every file of the repository folder `from` into `to`.
    pub fn copy_repo_dir(&self, from: &str, to: &str) -> PathBuf {
        let dest = self.create_dir(to);
        for entry in fs::read_dir(repo_root().join(from)).expect("read the repository folder") {
            let entry = entry.expect("a folder entry");
            if entry.file_type().expect("a file type").is_file() {
                fs::copy(entry.path(), dest.join(entry.file_name())).expect("copy a file");
            }
        }
        dest
    }

    /// Reads a file of the dir as UTF-8.
    pub fn read(&self, name: &str) -> String {
        let path = self.path().join(name);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    /// A `rolefit` command with `args`, run in this dir.
    pub fn command<I, S>(&self, args: I) -> TestCommand
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        TestCommand::new(self.path()).args(args)
    }
}

/// `rolefit` with arguments, stdin and environment, ready to run.
pub struct TestCommand {
    cmd: assert_cmd::Command,
}

impl TestCommand {
    fn new(cwd: &Path) -> TestCommand {
        let mut cmd = assert_cmd::Command::new(bin());
        cmd.current_dir(cwd).timeout(TIMEOUT);
        // The developer's own setting must not change what tests see.
        cmd.env_remove("NO_COLOR");
        // Nor the language: English unless a test asks for another.
        for var in ["ROLEFIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            cmd.env_remove(var);
        }
        // Nor may their history database: a test names its own with --db.
        cmd.env_remove("ROLEFIT_DB");
        cmd.env_remove("ROLEFIT_NOW");
        // Empty stdin unless a test gives some, so `-` never waits on a terminal.
        cmd.write_stdin(Vec::new());
        TestCommand { cmd }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> TestCommand {
        self.cmd.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> TestCommand
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.cmd.args(args);
        self
    }

    /// Bytes to feed on stdin (without this, stdin is empty).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> TestCommand {
        self.cmd.write_stdin(bytes);
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> TestCommand {
        self.cmd.env(key, value);
        self
    }

    /// Kills the run after `limit` instead of the default two minutes.
    pub fn timeout(mut self, limit: Duration) -> TestCommand {
        self.cmd.timeout(limit);
        self
    }

    /// Every request to a host other than 127.0.0.1 goes to a proxy on a
    /// port where nothing listens, so nothing can reach the internet.
    pub fn no_internet(self) -> TestCommand {
        self.env("HTTP_PROXY", "http://127.0.0.1:9")
            .env("HTTPS_PROXY", "http://127.0.0.1:9")
            .env("ALL_PROXY", "http://127.0.0.1:9")
            .env("NO_PROXY", "127.0.0.1,localhost")
    }

    /// No proxy from the environment is asked for the 127.0.0.1 servers.
    pub fn no_proxy(mut self) -> TestCommand {
        for var in [
            "HTTP_PROXY",
            "http_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "ALL_PROXY",
            "all_proxy",
        ] {
            self.cmd.env_remove(var);
        }
        self.cmd.env("NO_PROXY", "127.0.0.1,localhost");
        self
    }

    /// Runs the command to the end.
    pub fn run(mut self) -> Output {
        let out = self.cmd.output().expect("run rolefit");
        let text = |bytes: Vec<u8>, stream: &str| {
            String::from_utf8(bytes)
                .unwrap_or_else(|e| panic!("rolefit's {stream} is not UTF-8: {e}"))
        };
        Output {
            // None: killed by a signal, most likely the timeout.
            code: out.status.code(),
            stdout: text(out.stdout, "stdout"),
            stderr: text(out.stderr, "stderr"),
        }
    }

    /// Runs the command to the end; panics if it panicked or was killed.
    #[track_caller]
    pub fn run_checked(self) -> Output {
        let out = self.run();
        out.no_panic();
        out
    }
}

/// What one run printed and how it ended.
pub struct Output {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Panics, showing both streams, unless the exit code is `code`.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Output {
        assert_eq!(self.code, Some(code), "unexpected exit code\n{self:?}");
        self
    }

    /// Panics if the run panicked (exit code 101) or was killed (a hang cut
    /// off by the timeout, or a crash by a signal).
    #[track_caller]
    pub fn no_panic(&self) -> &Output {
        assert!(self.code.is_some(), "killed: a hang or a crash\n{self:?}");
        assert_ne!(self.code, Some(101), "panicked\n{self:?}");
        assert!(!self.stderr.contains("panicked"), "panicked\n{self:?}");
        self
    }

    /// Panics unless the run exited 0; returns stdout.
    #[track_caller]
    pub fn success(&self) -> &str {
        self.expect_code(0);
        &self.stdout
    }

    /// stdout parsed as JSON Lines, one value per line.
    #[track_caller]
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|line| {
                serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line:?}\n{self:?}"))
            })
            .collect()
    }

    /// The one record of stdout printed as a JSON array (`--format json`).
    #[track_caller]
    pub fn only_record(&self) -> Value {
        let v: Value = serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e})\n{self:?}"));
        assert_eq!(v.as_array().map(Vec::len), Some(1), "{self:?}");
        v[0].clone()
    }
}

/// `(kind, heading)` of each section of a record.
pub fn sections(record: &Value) -> Vec<(&str, Option<&str>)> {
    record["sections"]
        .as_array()
        .expect("a record's sections")
        .iter()
        .map(|s| (s["kind"].as_str().unwrap(), s["heading"].as_str()))
        .collect()
}

/// The kind of each section of a record.
pub fn kinds(record: &Value) -> Vec<&str> {
    sections(record).into_iter().map(|(k, _)| k).collect()
}

/// The string fields `names` of each record, in order.
#[track_caller]
pub fn fields<'a, const N: usize>(records: &'a [Value], names: [&str; N]) -> Vec<[&'a str; N]> {
    records
        .iter()
        .map(|r| {
            names.map(|name| {
                r[name]
                    .as_str()
                    .unwrap_or_else(|| panic!("no string {name:?} in {r}"))
            })
        })
        .collect()
}

/// Cells to CSV bytes, quoted as needed (LF line ends).
pub fn csv_of<R, S>(rows: impl IntoIterator<Item = R>) -> Vec<u8>
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

/// Sends the signal `name` (`INT`, `TERM`, …) to the process `pid`.
pub fn signal(pid: u32, name: &str) {
    let status = process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
}

/// Sends SIGINT (Ctrl-C) to the process `pid`.
pub fn interrupt(pid: u32) {
    signal(pid, "INT");
}

/// Waits up to `limit` for `child` to end, killing it if it has not (rather
/// than hang the suite); returns what it printed and how long it was waited for.
pub fn wait_or_kill(mut child: Child, limit: Duration) -> (process::Output, Duration) {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() && start.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(20));
    }
    let waited = start.elapsed();
    if child.try_wait().unwrap().is_none() {
        let _ = child.kill();
    }
    (child.wait_with_output().expect("wait for rolefit"), waited)
}

/// Starts `rolefit ARGS` in `dir` with stdout and stderr piped, asking no
/// proxy for the 127.0.0.1 servers.
pub fn spawn(dir: &Dir, args: &[&str]) -> Child {
    process::Command::new(bin())
        .args(args)
        .current_dir(dir.path())
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .stdin(process::Stdio::null())
        .stdout(process::Stdio::piped())
        .stderr(process::Stdio::piped())
        .spawn()
        .expect("spawn rolefit")
}

/// The names of the entries of the folder `dir`, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

impl fmt::Debug for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "exit code: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}
