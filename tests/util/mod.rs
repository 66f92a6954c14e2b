//! The one helper the integration tests drive rolefit through: a temp dir to
//! put files in, and a command that runs the built binary there (or in the
//! repository root, for the bundled samples) and hands back what it printed.
//!
//! Modelled on ripgrep's `tests/util.rs` and xsv's `tests/workdir.rs`.

// Every test crate includes this module and uses a different part of it.
#![allow(dead_code)]

pub mod fixtures;
pub mod raw;
pub mod site;

use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

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
