//! The command line resolved into plain values before any work starts (fd:
//! `cli.rs` -> `config.rs`): pattern set, strengths, fetch options, where
//! input comes from and where output goes. Commands and batch take these,
//! never clap's argument structs.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::batch::input::{ColumnNames, InputFormat};
use crate::boards::BoardUrls;
use crate::cli::{BatchArgs, CommonArgs, FetchArgs, ProfileArgs};
use crate::fetch::FetchOptions;
use crate::fit::Strengths;
use crate::load::folder_files;
use crate::output::{ColorChoice, OutputFormat};
use crate::profile::Profile;
use crate::rules::{PatternSet, SourceFile};

/// What every classifying command needs: the compiled patterns and, when
/// the user gave some, their strengths read with those patterns' skills.
pub struct Analysis {
    pub set: PatternSet,
    pub strengths: Option<Strengths>,
    pub color: ColorChoice,
}

impl Analysis {
    pub fn from_args(common: &CommonArgs, profile: &ProfileArgs) -> anyhow::Result<Analysis> {
        let set = load_patterns_from(common.patterns.as_deref())?;
        let strengths = load_strengths(profile, &set)?;
        Ok(Analysis {
            set,
            strengths,
            color: common.color,
        })
    }
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

impl BatchConfig {
    pub fn from_args(args: BatchArgs) -> anyhow::Result<BatchConfig> {
        if args.jobs == 0 || args.per_host == 0 {
            anyhow::bail!("--jobs and --per-host must be at least 1");
        }
        let analysis = Analysis::from_args(&args.common, &args.profile)?;
        let fetch = fetch_options(&args.fetch)?;
        let boards = board_urls(&args.fetch)?;
        let db = crate::history::db::resolve(args.db.db.as_deref(), args.db.new_only)?;
        let lower = args.input.to_ascii_lowercase();
        let input_format = args.input_format.unwrap_or(
            if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
                InputFormat::Jsonl
            } else {
                InputFormat::Csv
            },
        );
        let delimiter = match args.delimiter {
            Some(c) => c,
            None if lower.ends_with(".tsv") || lower.ends_with(".tab") => b'\t',
            None => b',',
        };
        Ok(BatchConfig {
            fetch,
            boards,
            input: args.input,
            input_format,
            delimiter,
            columns: ColumnNames {
                id: args.id_column,
                title: args.title_column,
                text: args.text_column,
                url: args.url_column,
                known: analysis.set.columns.clone(),
            },
            format: args.format,
            output: args.output,
            report: args.report,
            summary: args.summary,
            summary_out: args.summary_out,
            explain: args.explain,
            jobs: args.jobs,
            per_host: args.per_host,
            cache: args.cache,
            db,
            new_only: args.db.new_only,
            analysis,
        })
    }
}

/// Fetch limits and board endpoints from the flags and the environment.
pub fn fetch_options(args: &FetchArgs) -> anyhow::Result<FetchOptions> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        anyhow::bail!(
            "--timeout must be a positive number of seconds, not {}",
            args.timeout
        );
    }
    let total = Duration::try_from_secs_f64(args.timeout)
        .map_err(|_| anyhow::anyhow!("--timeout {} is too large", args.timeout))?;
    Ok(FetchOptions {
        timeout: total,
        connect_timeout: total.min(Duration::from_secs(10)),
        max_bytes: args.max_bytes,
        ..FetchOptions::default()
    })
}

/// Where each job board's API lives: `--board-url`, else `ROLEFIT_<BOARD>_API`,
/// else the public one.
pub fn board_urls(args: &FetchArgs) -> anyhow::Result<BoardUrls> {
    BoardUrls::configure(&args.board_urls, |var| std::env::var(var).ok())
        .map_err(|e| anyhow::anyhow!("{e}"))
}

/// Loads the pattern set of a folder, or the built-in set.
pub fn load_patterns_from(dir: Option<&Path>) -> anyhow::Result<PatternSet> {
    Ok(PatternSet::load(pattern_files(dir)?)?)
}

/// The files of a pattern folder, or the built-in ones.
pub fn pattern_files(dir: Option<&Path>) -> anyhow::Result<Vec<SourceFile>> {
    Ok(match dir {
        Some(dir) => folder_files(dir)?,
        None => crate::rules::builtin_files(),
    })
}

/// The strengths a command was given, read with the pattern set's skills.
pub fn load_strengths(args: &ProfileArgs, set: &PatternSet) -> anyhow::Result<Option<Strengths>> {
    let profile = match (&args.profile, &args.strengths) {
        (Some(path), _) => crate::load::profile(path)?,
        (None, Some(list)) => Profile::inline(list)?,
        (None, None) => return Ok(None),
    };
    Ok(Some(Strengths::new(&profile, &set.skills)))
}

/// Opens the output: a file, or stdout for none or `-`.
pub fn open_output(path: Option<&Path>) -> anyhow::Result<(Box<dyn Write>, bool)> {
    match path {
        Some(p) if p != Path::new("-") => {
            let f = File::create(p).map_err(write_error(path))?;
            Ok((Box::new(BufWriter::new(f)), false))
        }
        _ => {
            use std::io::IsTerminal;
            let tty = io::stdout().is_terminal();
            Ok((Box::new(BufWriter::new(io::stdout().lock())), tty))
        }
    }
}

/// A failure to write the output as a one-line error naming it ("out.csv:
/// cannot write: No space left on device"). A closed pipe stays the I/O
/// error it is, so that it still ends the run quietly.
pub fn write_error(path: Option<&Path>) -> impl Fn(io::Error) -> anyhow::Error + '_ {
    move |e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return e.into();
        }
        let name = match path {
            Some(p) if p != Path::new("-") => p.display().to_string(),
            _ => "<stdout>".to_string(),
        };
        anyhow::anyhow!("{name}: cannot write: {}", crate::source::io_message(&e))
    }
}
