//! `rolefit history`: reads the history database and writes what changed.

use super::{load_patterns_from, load_strengths};
use crate::cli::HistoryArgs;
use crate::history::{db, render, trends};
use crate::output::{open_output, write_error};

/// Runs the command.
pub fn run(args: HistoryArgs) -> anyhow::Result<bool> {
    if let Some(d) = &args.since
        && trends::parse_date(d).is_none()
    {
        anyhow::bail!("--since {d}: not a date; write it as YYYY-MM-DD");
    }
    let path = db::resolve(Some(args.db.as_deref().unwrap_or("".as_ref())), false)?
        .expect("a path is always resolved for history");
    // The database is only read here (it is no output, unlike batch's).
    let mut inputs = super::config_inputs(args.patterns.as_deref(), &args.profile);
    inputs.extend(super::db_files(&path));
    crate::outfile::check_distinct(
        &super::outputs(args.output.as_deref(), args.report.as_deref(), None),
        &inputs,
    )?;
    if !path.exists() {
        anyhow::bail!(
            "{}: no history yet; record runs with `rolefit batch ... --db`",
            path.display()
        );
    }
    let conn = db::open_read_only(&path)?;
    let set = load_patterns_from(args.patterns.as_deref())?;
    let strengths = load_strengths(&args.profile, &set)?;
    let t = trends::read(
        &conn,
        args.since.as_deref(),
        args.by,
        strengths.as_ref().map(|s| (&set, s)),
    )
    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let (mut out, _, pending) = open_output(args.output.as_deref())?;
    render::write(&t, args.format, &mut out)
        .and_then(|_| out.flush())
        .map_err(write_error(args.output.as_deref()))?;
    drop(out);
    pending.commit()?;
    if let Some(report) = &args.report {
        crate::output::html::history::write(&t, report)?;
    }
    Ok(true)
}
