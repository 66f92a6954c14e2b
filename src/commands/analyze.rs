//! `rolefit analyze SOURCE...`: read, extract, classify every source on all
//! cores, then write the records in the order the sources were given; a
//! failing source is reported and the rest go on.

use rayon::prelude::*;

use crate::analysis::analyze;
use crate::boards::Client;
use crate::cli::AnalyzeArgs;
use crate::fetch::Fetcher;
use crate::fit::Strengths;
use crate::history::{History, Seen};
use crate::i18n::Messages;
use crate::outfile::Named;
use crate::output::html::Report;
use crate::output::{Style, writer};
use crate::output::{open_output, write_error};
use crate::report::Record;
use crate::rules::PatternSet;
use crate::source::{self, Source};
use crate::text::sanitize;

/// Runs the command; returns whether every source succeeded.
pub fn run(args: AnalyzeArgs, msg: Messages) -> anyhow::Result<bool> {
    let mut inputs = super::config_inputs(args.common.patterns.as_deref(), &args.profile);
    for arg in &args.sources {
        match Source::parse(arg) {
            Source::File(path) => {
                if looks_like_a_table(&path) {
                    let file = sanitize(arg);
                    crate::say!(
                        "rolefit: {}",
                        crate::tr!(msg, "note-table-to-batch", file = file)
                    );
                }
                inputs.push(Named::new("the input", path));
            }
            Source::Stdin => inputs.push(Named::new("the standard input", "-")),
            Source::Url(_) => {}
        }
    }
    let db = crate::history::db::resolve(args.db.db.as_deref(), args.db.new_only)?;
    super::check_files(
        &super::outputs(args.output.as_deref(), args.report.as_deref(), None),
        inputs,
        db.as_deref(),
    )?;
    let crate::config::Analysis {
        set,
        strengths,
        color,
        msg,
    } = super::analysis(&args.common, &args.profile, msg)?;
    let client = Client::new(
        Fetcher::new(super::fetch_options(&args.fetch)?)?,
        super::board_urls(&args.fetch)?,
    );
    let stdin_count = args.sources.iter().filter(|s| *s == "-").count();
    if stdin_count > 1 {
        anyhow::bail!("- (stdin) can be given only once");
    }
    let (out, tty, pending) = open_output(args.output.as_deref())?;
    let style = if args.output.is_some() && tty {
        Style::new(color, false)
    } else {
        Style::new(color, tty)
    };
    let mut w = writer(
        args.format,
        out,
        style,
        args.explain,
        strengths.is_some(),
        msg,
    );
    let mut report = args
        .report
        .as_deref()
        .map(|p| Report::create(p, strengths.as_ref(), msg))
        .transpose()?;
    let err_style = Style::for_stderr(color);

    let mut history = db
        .as_deref()
        .map(|p| History::start(p, "analyze", None))
        .transpose()?;
    // Only the history needs each posting's identity.
    let identify = history.is_some();
    let mut records: Vec<Record> = args
        .sources
        .par_iter()
        .map(|arg| analyze_one(arg, &set, &client, strengths.as_ref(), identify))
        .collect();
    if let Some(h) = history.as_mut() {
        h.record(records.iter_mut())?;
        w.with_history();
    }
    let mut all_ok = true;
    for r in &records {
        if !r.is_ok() {
            all_ok = false;
            crate::say!(
                "{}: {}",
                err_style.red("rolefit"),
                sanitize(&crate::i18n::errors::line(
                    r.error.as_deref().unwrap_or(""),
                    msg
                ))
            );
        }
        if args.db.new_only && !r.seen.is_some_and(Seen::is_news) {
            continue;
        }
        w.write(r).map_err(write_error(args.output.as_deref()))?;
        if let Some(rep) = report.as_mut() {
            rep.add(r)?;
        }
    }
    w.finish().map_err(write_error(args.output.as_deref()))?;
    drop(w);
    pending.commit()?;
    if let Some(rep) = report {
        rep.finish()?;
    }
    if let Some(h) = history {
        h.finish()?;
    }
    Ok(all_ok)
}

/// One source through the pipeline to a record; with `identify` (a
/// history is kept), the record carries the posting's identity.
pub fn analyze_one(
    arg: &str,
    set: &PatternSet,
    client: &Client,
    strengths: Option<&Strengths>,
    identify: bool,
) -> Record {
    let src = Source::parse(arg);
    let body = match source::read(&src, client) {
        Ok(doc) => doc,
        Err(e) => return Record::error(arg.to_string(), arg.to_string(), e.to_string()),
    };
    match body.extract(&set.sections) {
        Ok(posting) => {
            let a = analyze(posting, set, strengths);
            Record::ok(arg.to_string(), arg.to_string(), a, identify)
        }
        Err(e) => {
            let name = if arg == "-" { "<stdin>" } else { arg };
            Record::error(arg.to_string(), arg.to_string(), format!("{name}: {e}"))
        }
    }
}

/// A file named like a table of postings (CSV, TSV, JSON Lines), which
/// `analyze` reads as one posting: `batch` reads it a posting per row.
fn looks_like_a_table(path: &std::path::Path) -> bool {
    path.is_file()
        && path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["csv", "tsv", "jsonl", "ndjson"].contains(&e.to_ascii_lowercase().as_str())
        })
}
