//! The command line resolved into plain values before any work starts (fd:
//! `cli.rs` -> `config.rs`): pattern set, strengths, fetch options, where
//! input comes from and where output goes. The commands build these from
//! clap's arguments; batch takes them, never the arguments.

use std::path::PathBuf;

use crate::boards::BoardUrls;
use crate::fetch::FetchOptions;
use crate::fit::Strengths;
use crate::i18n::Messages;
use crate::output::{ColorChoice, OutputFormat};
use crate::rules::{HeaderNames, PatternSet};

/// What every classifying command needs: the compiled patterns and, when
/// the user gave some, their strengths read with those patterns' skills.
pub struct Analysis {
    pub set: PatternSet,
    pub strengths: Option<Strengths>,
    pub color: ColorChoice,
    /// The language of the words people read.
    pub msg: Messages,
}

/// `rolefit batch`, resolved.
pub struct BatchConfig {
    pub analysis: Analysis,
    pub fetch: FetchOptions,
    pub boards: BoardUrls,
    /// A file, `-`, or a board listing (`greenhouse:acme`).
    pub input: String,
    pub input_format: InputFormat,
    /// The CSV delimiter (tab for `.tsv`, else comma, unless given).
    pub delimiter: u8,
    pub columns: ColumnNames,
    pub format: OutputFormat,
    pub output: Option<PathBuf>,
    pub report: Option<PathBuf>,
    /// Print the market summary to stderr.
    pub summary: bool,
    pub summary_out: Option<PathBuf>,
    pub explain: bool,
    pub jobs: usize,
    pub per_host: usize,
    pub cache: Option<PathBuf>,
    /// The history database to record the run in (`--db`).
    pub db: Option<PathBuf>,
    /// Output only postings new to the history (`--new-only`).
    pub new_only: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
/// How batch input is written.
pub enum InputFormat {
    /// Comma- (or tab-) separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Column names given on the command line, and the header names recognised
/// without them (`patterns/columns.toml`).
#[derive(Debug, Clone, Default)]
pub struct ColumnNames {
    pub id: Option<String>,
    pub title: Option<String>,
    pub text: Option<String>,
    pub url: Option<String>,
    pub known: HeaderNames,
}
