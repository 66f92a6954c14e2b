//! rolefit: reads AI job postings closely, says which AI role each one is
//! (modeling, backend, frontend, research, or none) and why.
//!
//! The pipeline, one module per stage: [`source`] -> [`fetch`] -> (core:
//! [`extract`] -> [`classify`] -> [`requirements`] -> [`fit`]) -> [`output`].
//! The binary does the I/O around the pure stages of `rolefit_core`.

/// `eprintln!` that never panics: a note or an error line that cannot be
/// shown (stderr closed, as by `2>&1 | head`, or full) must not stop a run
/// before it has written its output.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod batch;
pub mod boards;
pub mod cli;
pub mod commands;
pub mod config;
pub mod exit_codes;
pub mod fetch;
pub mod history;
pub mod i18n;
pub mod input_error;
pub mod load;
pub mod outfile;
pub mod output;
pub mod report;
pub mod signal;
pub mod source;
pub mod summary;

// The pure stages live in the core crate; these names keep one path for each
// across both crates (`rolefit::classify` is `rolefit_core::classify`).
pub use rolefit_core::{
    analysis, classify, decode, extract, fit, learn, model, profile, requirements, role, rules,
    salary, skills, text,
};

use std::ffi::OsString;

use clap::FromArgMatches;

use cli::{Cli, Command};

pub use exit_codes::ExitCode;

/// Runs rolefit with command-line arguments; returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let args: Vec<OsString> = args.into_iter().collect();
    // --help in the user's language: read before the arguments are.
    let locale = i18n::help::locale_of(&args);
    let mut cmd = i18n::help::command(locale);
    let parsed = cmd
        .try_get_matches_from_mut(&args)
        .and_then(|mut m| Cli::from_arg_matches_mut(&mut m).map_err(|e| e.format(&mut cmd)));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let korean = (locale == i18n::Locale::Ko)
                .then(|| i18n::help::korean_error(&e))
                .flatten();
            match korean {
                Some(text) if e.use_stderr() => {
                    use std::io::Write as _;
                    let _ = write!(std::io::stderr(), "{text}");
                }
                _ => {
                    let _ = e.print();
                }
            }
            let code = if e.use_stderr() {
                ExitCode::Usage
            } else {
                ExitCode::Ok
            };
            return code.code();
        }
    };
    let msg = match commands::messages(cli.lang) {
        Ok(m) => m,
        Err(e) => {
            crate::say!("rolefit: {e:#}");
            return ExitCode::Usage.code();
        }
    };
    // SIGTERM and SIGHUP end a run as Ctrl-C does; an output not yet
    // complete is never put in place.
    signal::install();
    let result = match cli.command {
        Command::Analyze(args) => commands::analyze::run(args, msg),
        Command::Batch(args) => commands::batch::run(args, msg),
        Command::History(args) => commands::history::run(args),
        Command::Patterns(cmd) => commands::patterns::run(cmd, msg),
        Command::Profile(cmd) => commands::profile::run(cmd, msg),
    };
    ExitCode::of(result, msg).code()
}
