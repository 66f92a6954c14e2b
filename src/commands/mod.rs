//! One module per subcommand, and what turns their arguments into the plain
//! configuration of [`crate::config`].

pub mod analyze;
pub mod batch;
pub mod history;
pub mod learn;
pub mod patterns;
pub mod profile;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::boards::BoardUrls;
use crate::cli::{BadValue, BatchArgs, CommonArgs, FetchArgs, ProfileArgs};
use crate::config::{Analysis, BatchConfig, ColumnNames, InputFormat};
use crate::fetch::FetchOptions;
use crate::fit::Strengths;
use crate::i18n::{Locale, Messages};
use crate::load::folder_files;
use crate::outfile::Named;
use crate::profile::Profile;
use crate::rules::{PatternSet, SourceFile};

/// The language: `--lang`, else the environment (`ROLEFIT_LANG`, then the
/// locale), else English.
pub fn messages(lang: Option<Locale>) -> anyhow::Result<Messages> {
    let locale = match lang {
        Some(l) => l,
        None => Locale::from_env().map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    Ok(Messages::new(locale))
}

/// The patterns, strengths, colours and language a classifying command asked for.
pub fn analysis(
    common: &CommonArgs,
    profile: &ProfileArgs,
    msg: Messages,
) -> anyhow::Result<Analysis> {
    let set = load_patterns_from(common.patterns.as_deref())?;
    let strengths = load_strengths(profile, &set)?;
    Ok(Analysis {
        set,
        strengths,
        color: common.color,
        msg,
    })
}

/// `rolefit batch`'s arguments, resolved.
pub fn batch_config(args: BatchArgs, msg: Messages) -> anyhow::Result<BatchConfig> {
    let db = crate::history::db::resolve(args.db.db.as_deref(), args.db.new_only)?;
    let mut inputs = config_inputs(args.common.patterns.as_deref(), &args.profile);
    inputs.push(if args.input == "-" {
        Named::new("the standard input", "-")
    } else {
        Named::new("the input", &args.input)
    });
    check_files(
        &outputs(
            args.output.as_deref(),
            args.report.as_deref(),
            args.summary_out.as_deref(),
        ),
        inputs,
        db.as_deref(),
    )?;
    let analysis = analysis(&args.common, &args.profile, msg)?;
    let fetch = fetch_options(&args.fetch)?;
    let boards = board_urls(&args.fetch)?;
    let lower = args.input.to_ascii_lowercase();
    let input_format =
        args.input_format
            .unwrap_or(if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
                InputFormat::Jsonl
            } else {
                InputFormat::Csv
            });
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

/// The files every classifying command reads besides its sources: the
/// profile and the pattern files of `--patterns`, for
/// [`crate::outfile::check_distinct`].
pub fn config_inputs(patterns: Option<&Path>, profile: &ProfileArgs) -> Vec<Named> {
    let mut inputs = Vec::new();
    if let Some(p) = &profile.profile {
        inputs.push(Named::new("the profile", p));
    }
    if let Some(dir) = patterns {
        for (name, _) in crate::rules::BUILTIN {
            let path = dir.join(name);
            if path.exists() {
                inputs.push(Named::new("the pattern file", path));
            }
        }
    }
    inputs
}

/// Refuses, before anything is read or written, an output that is an input,
/// another output or the history database `db` (or a file SQLite keeps
/// beside it), and a history database that is an input: the database is
/// read and written both.
pub fn check_files(
    outputs: &[Named],
    mut inputs: Vec<Named>,
    db: Option<&Path>,
) -> anyhow::Result<()> {
    if let Some(db) = db {
        crate::outfile::check_distinct(&[Named::new("--db", db)], &inputs)?;
        inputs.extend(db_files(db));
    }
    crate::outfile::check_distinct(outputs, &inputs)
}

/// The history database and the files SQLite keeps beside it while it is
/// open, as inputs for [`crate::outfile::check_distinct`]: an output
/// written over any of them loses the history.
pub fn db_files(db: &Path) -> Vec<Named> {
    let beside = |suffix: &str| {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    vec![
        Named::new("the history database", db),
        Named::new("the history database's WAL file", beside("-wal")),
        Named::new("the history database's shared-memory file", beside("-shm")),
        Named::new("the history database's journal", beside("-journal")),
    ]
}

/// The outputs a command was given, by flag.
pub fn outputs(output: Option<&Path>, report: Option<&Path>, summary: Option<&Path>) -> Vec<Named> {
    [
        ("-o", output),
        ("--report", report),
        ("--summary-out", summary),
    ]
    .into_iter()
    .filter_map(|(flag, p)| p.map(|p| Named::new(flag, p)))
    .collect()
}

/// Fetch limits and board endpoints from the flags and the environment.
pub fn fetch_options(args: &FetchArgs) -> anyhow::Result<FetchOptions> {
    // `cli::seconds` has refused any other value on the command line.
    let total = Duration::try_from_secs_f64(args.timeout)
        .ok()
        .filter(|t| !t.is_zero())
        .ok_or_else(|| anyhow::anyhow!("--timeout {}: {}", args.timeout, BadValue::Seconds))?;
    Ok(FetchOptions {
        timeout: total,
        connect_timeout: total.min(Duration::from_secs(10)),
        max_bytes: args.max_bytes,
        allow_private: args.allow_private,
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
    Ok(Some(Strengths::new(&profile, set)))
}
