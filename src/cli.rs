//! Command-line arguments (clap derive). Resolved into plain configuration by
//! the commands before any work starts.

use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand};

use crate::config::InputFormat;
use crate::i18n::Locale;
use crate::output::{ColorChoice, OutputFormat};

const EXIT_CODES: &str = "\
Exit codes:
  0  every source was read and classified
  1  some sources failed (each is reported; the others are still written)
  2  a usage error or bad configuration (unknown flag, bad pattern folder)";

/// Reads AI job postings closely and says which AI role each one is:
/// modeling, backend, frontend, research, or none.
#[derive(Debug, Parser)]
#[command(name = "rolefit", version, about, after_help = EXIT_CODES, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// The language of what rolefit says to you (tables, Markdown, summary,
    /// report, profile template, errors): en or ko. Default: ROLEFIT_LANG,
    /// else LC_ALL / LC_MESSAGES / LANG (ko_KR.UTF-8 is Korean), else en.
    /// JSON, JSON Lines and CSV stay English.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Locale>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Classify postings from URLs, files or stdin.
    #[command(after_help = "\
Examples:
  rolefit analyze samples/en-ml-engineer-ranking.md
  rolefit analyze https://careers.example/jobs/42 posting.html --format jsonl
  rolefit analyze posting.html --profile me.toml --explain
  curl -s https://careers.example/jobs/42 | rolefit analyze - --explain
  rolefit analyze https://boards.greenhouse.io/acme/jobs/4012345

Posting URLs of Greenhouse, Lever, Ashby, Workday and Wanted are read from
the board's public JSON instead of the page; LinkedIn job URLs as the public
guest page; Saramin and JobKorea URLs through the document the page frames
(see --board-url).

Exit codes:
  0  every source was read and classified
  1  some sources failed (each is reported; the others are still written)
  2  a usage error or bad configuration (or an output that is an input)
  130  interrupted (Ctrl-C, SIGTERM, SIGHUP): no output file was changed")]
    Analyze(AnalyzeArgs),
    /// Classify every posting of a CSV, TSV or JSON Lines file or of a job board, one output row per input row.
    #[command(after_help = "\
Examples:
  rolefit batch postings.csv -o roles.csv
  rolefit batch postings.csv --profile me.toml --summary --format table
  rolefit batch links.csv --url-column link --cache .rolefit-cache --jobs 16
  cat part-0001.jsonl | rolefit batch - --input-format jsonl --format jsonl
  rolefit batch greenhouse:acme --summary      (every open posting on a board)

Columns are found by header name (id, title, company, location,
description/text/content/body, url/link; 제목, 회사, 내용 ...). A row without an
id gets its row number. Rows with a URL and no text are fetched; a posting
URL of Greenhouse, Lever, Ashby or Wanted is read from the board's API.

Exit codes:
  0  every row was processed
  1  some rows failed (every row is still written, errors included)
  2  usage or input error that stops the run (no such file, no text or URL
     column, a board listing that cannot be read or lists nothing, an output
     that is the same file as an input or another output)
  130  interrupted (Ctrl-C, SIGTERM, SIGHUP): the rows written so far are
     well-formed")]
    Batch(BatchArgs),
    /// What the history database (--db) saw: new, changed, reposted and
    /// closed postings, and per week or month the role mix, the skills asked
    /// most and, with a profile, how many postings fit you well.
    #[command(after_help = "\
Examples:
  rolefit history
  rolefit history --db market.sqlite --since 2026-09-01 --by month --format md
  rolefit history --profile me.toml --report trends.html

A posting is closed when the latest run of a source (a file or board:company)
that listed it before did not list it; reposted when it is listed again after.

Exit codes:
  0  the history was written
  2  a usage error, or no such database")]
    History(HistoryArgs),
    /// Check or list the pattern files.
    #[command(subcommand)]
    Patterns(PatternsCommand),
    /// Write a profile template, or show what rolefit reads in a profile.
    #[command(subcommand)]
    Profile(ProfileCommand),
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Write a commented profile template to FILE (default: profile.toml; - for stdout).
    Init {
        /// Where to write it.
        file: Option<PathBuf>,
        /// Overwrite FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Show the skills rolefit finds in each strength and the roles they point to.
    Show {
        /// The profile file.
        file: PathBuf,
        /// Use the pattern files in DIR instead of the built-in ones.
        #[arg(long, value_name = "DIR")]
        patterns: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Postings to read: http(s) URLs, files (.html, .htm, .txt, .md), or - for stdin.
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<String>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,

    /// Show why the label beat the runner-up, and every piece of evidence
    /// per role, the deciding ones first.
    #[arg(long)]
    pub explain: bool,

    /// Write the output to FILE instead of stdout (- for stdout).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write a self-contained HTML report to FILE: charts, a sortable
    /// table and each posting's evidence.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub profile: ProfileArgs,

    #[command(flatten)]
    pub fetch: FetchArgs,

    #[command(flatten)]
    pub db: DbArgs,
}

/// The user's strengths, to compare each posting with.
#[derive(Debug, Args, Clone, Default)]
pub struct ProfileArgs {
    /// A profile file (TOML: name, summary, strengths, preferred_roles); see
    /// `rolefit profile init`.
    #[arg(long, value_name = "FILE", conflicts_with = "strengths")]
    pub profile: Option<PathBuf>,

    /// Strengths given inline, separated by commas: "PyTorch, React, SQL".
    #[arg(long, value_name = "LIST")]
    pub strengths: Option<String>,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The input file (CSV, TSV by extension, or JSON Lines), - for stdin, or
    /// every open posting of a company on a job board: greenhouse:COMPANY,
    /// lever:COMPANY, ashby:ORG, workday:TENANT.wdN/SITE or wanted:COMPANY_ID
    /// (greenhouse-eu: and lever-eu: for the European hosts).
    #[arg(value_name = "FILE")]
    pub input: String,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Csv)]
    pub format: OutputFormat,

    /// Write the output to FILE instead of stdout (- for stdout).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// How the input is written (default: jsonl for .jsonl/.ndjson files, else csv).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// The field delimiter of CSV input: one ASCII character, or \t or "tab"
    /// (default: tab for .tsv files, else comma).
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,

    /// The column holding each row's id.
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,

    /// The column holding the posting text.
    #[arg(long, value_name = "NAME")]
    pub text_column: Option<String>,

    /// The column holding the posting URL.
    #[arg(long, value_name = "NAME")]
    pub url_column: Option<String>,

    /// The column holding the posting title.
    #[arg(long, value_name = "NAME")]
    pub title_column: Option<String>,

    /// Fetch at most N URLs at once.
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = at_least_one)]
    pub jobs: usize,

    /// Fetch at most N URLs at once from any one host.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = at_least_one)]
    pub per_host: usize,

    /// Keep fetched pages in DIR, so a rerun fetches nothing that succeeded.
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,

    /// Print a market summary (roles, skills in demand, degrees, years; with a
    /// profile, your fit and what to learn next) to stderr.
    #[arg(long)]
    pub summary: bool,

    /// Write the market summary as Markdown to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary_out: Option<PathBuf>,

    /// Also write a self-contained HTML report to FILE: charts, the market
    /// summary, a sortable table and each posting's evidence.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Show every piece of evidence (table and md formats).
    #[arg(long)]
    pub explain: bool,

    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub profile: ProfileArgs,

    #[command(flatten)]
    pub fetch: FetchArgs,

    #[command(flatten)]
    pub db: DbArgs,
}

/// Why a value typed for an option was refused. Its English is here;
/// `src/i18n/help.ko.toml` has the Korean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BadValue {
    #[error("must be one ASCII character, or \\t for a tab")]
    Delimiter,
    #[error("must be a whole number, at least 1")]
    AtLeastOne,
    #[error("must be a positive number of seconds")]
    Seconds,
    #[error("must be a number, 0 or more")]
    NonNegative,
}

/// A delimiter as typed in a shell: `,`, `;`, a real tab, `\t` or `tab`.
fn parse_delimiter(s: &str) -> Result<u8, BadValue> {
    match s {
        "\\t" | "tab" | "\t" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() => Ok(s.as_bytes()[0]),
        _ => Err(BadValue::Delimiter),
    }
}

/// A count of workers: 0 would never finish.
fn at_least_one(s: &str) -> Result<usize, BadValue> {
    s.trim()
        .parse()
        .ok()
        .filter(|&n| n >= 1)
        .ok_or(BadValue::AtLeastOne)
}

/// A time limit in seconds: above zero, and small enough to be a duration.
fn seconds(s: &str) -> Result<f64, BadValue> {
    s.trim()
        .parse()
        .ok()
        .filter(|&t: &f64| t > 0.0 && std::time::Duration::try_from_secs_f64(t).is_ok())
        .ok_or(BadValue::Seconds)
}

/// A strength or a power for fitting: finite and not below zero (NaN
/// would make the fit run for ever).
fn non_negative(s: &str) -> Result<f64, BadValue> {
    s.trim()
        .parse()
        .ok()
        .filter(|&x: &f64| x.is_finite() && x >= 0.0)
        .ok_or(BadValue::NonNegative)
}

/// Options every command that classifies shares.
#[derive(Debug, Args, Clone)]
pub struct CommonArgs {
    /// Use the pattern files in DIR instead of the built-in ones (files it lacks
    /// are taken from the built-in set).
    #[arg(long, value_name = "DIR")]
    pub patterns: Option<PathBuf>,

    /// When to use colors: auto (a terminal and NO_COLOR unset), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The history database (default: $ROLEFIT_DB, else history.sqlite in the
    /// user's data folder).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,

    /// Only what happened on or after DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Trends per week (weeks start on Monday) or per month.
    #[arg(long, value_enum, default_value_t = crate::history::trends::Granularity::Week)]
    pub by: crate::history::trends::Granularity,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,

    /// Write the output to FILE instead of stdout (- for stdout).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write the trends as a self-contained HTML page with charts.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Use the pattern files in DIR instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub patterns: Option<PathBuf>,

    #[command(flatten)]
    pub profile: ProfileArgs,
}

/// Recording runs in the history database.
#[derive(Debug, Args, Clone, Default)]
pub struct DbArgs {
    /// Record this run and every posting in it in the SQLite history FILE.
    /// Bare (--db last, or --db=): $ROLEFIT_DB, else history.sqlite in the
    /// user's data folder. ROLEFIT_DB set turns recording on by itself.
    #[arg(
        long,
        value_name = "FILE",
        num_args = 0..=1,
        default_missing_value = "",
        // clap's path parser refuses the empty value that a bare --db is.
        value_parser = clap::builder::OsStringValueParser::new().map(PathBuf::from)
    )]
    pub db: Option<PathBuf>,

    /// Output (every format, the report and the summary) only postings the
    /// history had never seen, and those back after they were gone
    /// (marked "reposted"). Implies --db.
    #[arg(long)]
    pub new_only: bool,
}

/// Limits for fetching URLs.
#[derive(Debug, Args, Clone)]
pub struct FetchArgs {
    /// Give up on a URL after this many seconds (connecting, redirects and body).
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 30.0,
        value_parser = seconds,
        allow_negative_numbers = true
    )]
    pub timeout: f64,

    /// Refuse a page larger than this many bytes (after decompression).
    #[arg(long, value_name = "BYTES", default_value_t = 5 * 1024 * 1024)]
    pub max_bytes: u64,

    /// Follow redirects to link-local and cloud metadata addresses
    /// (169.254.0.0/16, fe80::/10), which are refused by default.
    #[arg(long)]
    pub allow_private: bool,

    /// Read a job board or site from URL instead of its public host (BOARD
    /// is greenhouse, lever, ashby, wanted, workday, linkedin, saramin or
    /// jobkorea); repeatable. Overrides the ROLEFIT_<BOARD>_API environment
    /// variables (ROLEFIT_GREENHOUSE_API...). For tests and mirrors.
    #[arg(long = "board-url", value_name = "BOARD=URL", value_parser = crate::boards::parse_board_url)]
    pub board_urls: Vec<(crate::boards::Board, String)>,
}

#[derive(Debug, Subcommand)]
pub enum PatternsCommand {
    /// Validate a pattern folder: every file parses and every regex compiles.
    Check {
        /// The folder to check (default: the built-in patterns).
        dir: Option<PathBuf>,
    },
    /// Print every pattern, file by file.
    List {
        /// Use the pattern files in DIR instead of the built-in ones.
        #[arg(long, value_name = "DIR")]
        patterns: Option<PathBuf>,
    },
    /// Learn the role weights from labeled postings: prints k-fold
    /// cross-validated accuracy and calibration, and writes a pattern folder
    /// with the learned weights for --patterns.
    Learn {
        /// Labels in the labels.csv format (file, lang, primary, ...); several
        /// files may be given, each with its own --postings.
        #[arg(required = true, value_name = "LABELS.csv")]
        labels: Vec<PathBuf>,
        /// The postings the labels name: a folder of files, or a CSV/JSON Lines
        /// file of postings whose id is the file name without extension.
        #[arg(long, required = true, value_name = "DIR|FILE")]
        postings: Vec<PathBuf>,
        /// Start from the pattern files in DIR instead of the built-in ones.
        #[arg(long, value_name = "DIR")]
        patterns: Option<PathBuf>,
        /// The folder to write the learned pattern files to.
        #[arg(short = 'o', long = "output", value_name = "DIR")]
        out: PathBuf,
        /// Number of cross-validation folds.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// L2 strength toward the hand-set weights (default: chosen by
        /// cross-validation).
        #[arg(long, value_parser = non_negative, allow_negative_numbers = true)]
        lambda: Option<f64>,
        /// L2 strength of a pattern's weights toward other roles than its
        /// own, as a multiple of lambda.
        #[arg(long, default_value_t = 2.0, value_parser = non_negative, allow_negative_numbers = true)]
        cross: f64,
        /// Weigh each role by the inverse of how often it is labeled, to this
        /// power (0: as labeled; 1: every role counts alike), for label sets
        /// whose mix of roles differs from the postings the model will read.
        #[arg(long, default_value_t = 0.0, value_parser = non_negative, allow_negative_numbers = true)]
        balance: f64,
        /// Write each posting's cross-validated prediction to this CSV file.
        #[arg(long, value_name = "FILE")]
        predictions: Option<PathBuf>,
        /// Cross-validate N more times with the postings shuffled into other
        /// folds, and print the mean accuracy and its range: how far a
        /// difference of a few postings is only the draw of the folds.
        #[arg(long, value_name = "N", default_value_t = 0)]
        repeats: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
