//! Runs for the hostile-input tests (`adversarial.rs`, `never_lose.rs`):
//! each is killed after [`LIMIT`], so a hang fails the test, and asks no
//! proxy for the 127.0.0.1 servers.

use std::ffi::OsStr;
use std::time::Duration;

use super::{Dir, Output, TestCommand};

/// How long any one run may take before it counts as a hang.
pub const LIMIT: Duration = Duration::from_secs(30);

/// `rolefit ARGS` in `dir`, killed after [`LIMIT`].
pub fn cmd<I, S>(dir: &Dir, args: I) -> TestCommand
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    dir.command(args).timeout(LIMIT).no_proxy()
}

/// [`cmd`] run to the end; panics if it panicked or hung.
#[track_caller]
pub fn run<I, S>(dir: &Dir, args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    cmd(dir, args).run_checked()
}
