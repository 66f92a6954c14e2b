//! rolefit: reads AI job postings closely, says which AI role each one is
//! (modeling, backend, frontend, research, or none) and why.
//!
//! The pipeline, one module per stage: [`source`] -> [`fetch`] -> (core:
//! [`extract`] -> [`classify`] -> [`requirements`] -> [`fit`]) -> [`output`].
//! The binary does the I/O around the pure stages of `rolefit_core`.

pub mod batch;
pub mod boards;
pub mod cli;
pub mod commands;
pub mod config;
pub mod fetch;
pub mod history;
pub mod load;
pub mod output;
pub mod report;
pub mod source;
pub mod summary;

// The pure stages live in the core crate; these names keep one path for each
// across both crates (`rolefit::classify` is `rolefit_core::classify`).
pub use rolefit_core::{
    analysis, classify, decode, extract, fit, model, profile, requirements, role, rules, salary,
    skills, text,
};

use std::ffi::OsString;

use clap::Parser;

use cli::{Cli, Command};

/// Exit code: every source was processed.
pub const EXIT_OK: i32 = 0;
/// Exit code: some sources or rows failed; the rest were written.
pub const EXIT_SOME_FAILED: i32 = 1;
/// Exit code: usage or configuration error; nothing was processed.
pub const EXIT_USAGE: i32 = 2;
/// Exit code: interrupted by Ctrl-C (128 + SIGINT).
pub const EXIT_INTERRUPTED: i32 = 130;

/// Runs rolefit with command-line arguments; returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        }
    };
    let result = match cli.command {
        Command::Analyze(args) => commands::analyze::run(args),
        Command::Batch(args) => {
            config::BatchConfig::from_args(args).and_then(|c| batch::run::run(&c))
        }
        Command::History(args) => commands::history::run(args),
        Command::Patterns(cmd) => commands::patterns::run(cmd),
        Command::Profile(cmd) => commands::profile::run(cmd),
    };
    match result {
        Ok(true) => EXIT_OK,
        Ok(false) => EXIT_SOME_FAILED,
        Err(e) if is_broken_pipe(&e) => EXIT_OK,
        Err(e) if e.downcast_ref::<batch::run::Interrupted>().is_some() => {
            eprintln!("rolefit: {e}");
            EXIT_INTERRUPTED
        }
        Err(e) => {
            eprintln!("rolefit: {}", text::sanitize(&format!("{e:#}")));
            EXIT_USAGE
        }
    }
}

/// A closed stdout (`rolefit ... | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
