//! `rolefit analyze SOURCE...`: read, extract, classify, write, one source at a
//! time in order; a failing source is reported and the rest go on.

use std::time::Duration;

use rayon::prelude::*;

use super::{load_patterns, open_output, write_error};
use crate::analysis::analyze;
use crate::boards::BoardUrls;
use crate::cli::{AnalyzeArgs, FetchArgs};
use crate::extract::extract;
use crate::fetch::{FetchOptions, Fetcher};
use crate::fit::Strengths;
use crate::output::html::Report;
use crate::output::{Style, writer};
use crate::report::Record;
use crate::rules::PatternSet;
use crate::source::{self, Source};
use crate::text::sanitize;

/// Fetch limits from the command line.
pub fn fetch_options(args: &FetchArgs) -> anyhow::Result<FetchOptions> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        anyhow::bail!(
            "--timeout must be a positive number of seconds, not {}",
            args.timeout
        );
    }
    let total = Duration::try_from_secs_f64(args.timeout)
        .map_err(|_| anyhow::anyhow!("--timeout {} is too large", args.timeout))?;
    let boards = BoardUrls::configure(&args.board_urls, |var| std::env::var(var).ok())
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(FetchOptions {
        timeout: total,
        connect_timeout: total.min(Duration::from_secs(10)),
        max_bytes: args.max_bytes,
        boards,
        ..FetchOptions::default()
    })
}

/// Runs the command; returns whether every source succeeded.
pub fn run(args: AnalyzeArgs) -> anyhow::Result<bool> {
    let set = load_patterns(&args.common)?;
    let strengths = super::profile::load_strengths(&args.profile, &set)?;
    let fetcher = Fetcher::new(fetch_options(&args.fetch)?)?;
    let stdin_count = args.sources.iter().filter(|s| *s == "-").count();
    if stdin_count > 1 {
        anyhow::bail!("- (stdin) can be given only once");
    }
    let (out, tty) = open_output(args.output.as_deref())?;
    let style = if args.output.is_some() && tty {
        Style::new(args.common.color, false)
    } else {
        Style::new(args.common.color, tty)
    };
    let mut w = writer(args.format, out, style, args.explain, strengths.is_some());
    let mut report = args
        .report
        .as_deref()
        .map(|p| Report::create(p, strengths.as_ref()))
        .transpose()?;
    let err_style = Style::for_stderr(args.common.color);

    let records: Vec<Record> = args
        .sources
        .par_iter()
        .map(|arg| analyze_one(arg, &set, &fetcher, strengths.as_ref()))
        .collect();
    let mut all_ok = true;
    for r in &records {
        if !r.is_ok() {
            all_ok = false;
            eprintln!(
                "{}: {}",
                err_style.red("rolefit"),
                sanitize(r.error.as_deref().unwrap_or(""))
            );
        }
        w.write(r).map_err(write_error(args.output.as_deref()))?;
        if let Some(rep) = report.as_mut() {
            rep.add(r)?;
        }
    }
    w.finish().map_err(write_error(args.output.as_deref()))?;
    if let Some(rep) = report {
        rep.finish()?;
    }
    Ok(all_ok)
}

/// One source through the pipeline to a record.
pub fn analyze_one(
    arg: &str,
    set: &PatternSet,
    fetcher: &Fetcher,
    strengths: Option<&Strengths>,
) -> Record {
    let src = Source::parse(arg);
    let doc = match source::read(&src, fetcher) {
        Ok(doc) => doc,
        Err(e) => return Record::error(arg.to_string(), arg.to_string(), e.to_string()),
    };
    match extract(&doc.text, doc.format, &set.sections) {
        Ok(posting) => Record::ok(
            arg.to_string(),
            arg.to_string(),
            &analyze(posting, set, strengths),
        ),
        Err(e) => {
            let name = if arg == "-" { "<stdin>" } else { arg };
            Record::error(arg.to_string(), arg.to_string(), format!("{name}: {e}"))
        }
    }
}
