//! The exit codes, and the one place a command's outcome becomes one (fd:
//! `src/exit_codes.rs`). `--help` and the README list the same codes.

use crate::i18n::Messages;
use crate::tr;

/// How a run ended, as the process reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Every source was processed.
    Ok,
    /// Some sources or rows failed; the rest were written.
    SomeFailed,
    /// Usage or configuration error; nothing was processed.
    Usage,
    /// Interrupted (Ctrl-C, SIGTERM or SIGHUP): the rows written so far are
    /// whole (128 + SIGINT).
    Interrupted,
}

impl ExitCode {
    pub fn code(self) -> i32 {
        match self {
            ExitCode::Ok => 0,
            ExitCode::SomeFailed => 1,
            ExitCode::Usage => 2,
            ExitCode::Interrupted => 130,
        }
    }

    /// The code of a command's outcome: `Ok(all_ok)`, or the error that
    /// stopped it, which is printed here as one line. A closed stdout
    /// (`rolefit ... | head`) is not an error.
    pub fn of(result: anyhow::Result<bool>, msg: Messages) -> ExitCode {
        match result {
            Ok(true) => ExitCode::Ok,
            Ok(false) => ExitCode::SomeFailed,
            Err(e) if is_broken_pipe(&e) => ExitCode::Ok,
            Err(e) if e.downcast_ref::<crate::batch::run::Interrupted>().is_some() => {
                crate::say!("rolefit: {}", tr!(msg, "err-interrupted"));
                ExitCode::Interrupted
            }
            Err(e) => {
                // In the user's language; a URL's user:password@ is never printed.
                let line = crate::i18n::errors::render(&e, msg);
                let line = crate::fetch::redact_all(&line);
                crate::say!("rolefit: {}", crate::text::sanitize(&line));
                ExitCode::Usage
            }
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
