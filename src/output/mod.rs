//! Output: one writer per format behind a small trait. Records arrive in input
//! order; a writer may stream them (JSON Lines, table) or close a document at
//! the end (JSON array, Markdown).

mod csv;
pub mod html;
mod json;
mod markdown;
mod style;
pub mod summary;
mod table;
pub mod width;

use std::io::{self, BufWriter, Write};
use std::path::Path;

pub use csv::neutralize;
pub use style::{ColorChoice, Style};

use crate::i18n::Messages;
use crate::outfile::Pending;
use crate::report::Record;

/// A pattern whose hits moved the lead by less than this is not worth a
/// line: the lead is in log-odds, and 0.05 moves the odds by 5%.
const MIN_LEAD_SHOWN: f64 = 0.05;

/// One pattern's hits in a posting, with their summed share of the lead of
/// the label given over the runner-up.
pub struct PatternLead<'r> {
    pub lead: f64,
    pub hits: usize,
    /// The hit with the largest share: what it matched, and where.
    pub strongest: &'r crate::classify::Evidence,
}

/// The patterns whose hits did most for the label given (`for_label`), or
/// most for the runner-up, by the summed shares of the lead of their hits;
/// the largest first, none under [`MIN_LEAD_SHOWN`].
pub fn lead_by_pattern(r: &Record, for_label: bool) -> Vec<PatternLead<'_>> {
    let sign = if for_label { 1.0 } else { -1.0 };
    let mut by: Vec<PatternLead<'_>> = Vec::new();
    for e in r.evidence.iter().filter(|e| !e.negated && e.lead != 0.0) {
        match by.iter_mut().find(|p| p.strongest.origin == e.origin) {
            Some(p) => {
                p.lead += e.lead;
                p.hits += 1;
                if e.lead.abs() > p.strongest.lead.abs() {
                    p.strongest = e;
                }
            }
            None => by.push(PatternLead {
                lead: e.lead,
                hits: 1,
                strongest: e,
            }),
        }
    }
    by.retain(|p| p.lead * sign >= MIN_LEAD_SHOWN);
    by.sort_by(|a, b| b.lead.abs().total_cmp(&a.lead.abs()));
    by
}

/// Writes records in one format.
pub trait RecordWriter {
    fn write(&mut self, record: &Record) -> io::Result<()>;
    /// Closes the document (a JSON array's `]`) and flushes.
    fn finish(&mut self) -> io::Result<()>;
    /// Pushes the records written so far to the output, for a reader that
    /// waits on them (a pipe); a writer that holds its document to the end
    /// has nothing to push.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// The run records a history (`--db`): a writer with fixed columns adds
    /// one for what the history made of each posting. Called before the
    /// first record.
    fn with_history(&mut self) {}
}

/// The writer for a format. `msg` is the language of the formats people
/// read (table, Markdown); JSON and CSV are data and stay English.
pub fn writer<'a>(
    format: OutputFormat,
    out: Box<dyn Write + 'a>,
    style: Style,
    explain: bool,
    with_fit: bool,
    msg: Messages,
) -> Box<dyn RecordWriter + 'a> {
    match format {
        OutputFormat::Csv => Box::new(csv::CsvWriter::new(out, with_fit)),
        OutputFormat::Table => Box::new(table::TableWriter::new(out, style, explain, msg)),
        OutputFormat::Json => Box::new(json::JsonWriter::array(out)),
        OutputFormat::Jsonl => Box::new(json::JsonWriter::lines(out)),
        OutputFormat::Md => Box::new(markdown::MarkdownWriter::new(out, explain, with_fit, msg)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
/// The output formats; one writer each.
pub enum OutputFormat {
    /// Aligned text for people.
    Table,
    /// One JSON array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A Markdown report.
    Md,
    /// Comma-separated values, one row per posting.
    Csv,
}

/// Opens the output: a file, or stdout for none or `-`. A file is written
/// to a temporary file beside it; [`Pending::commit`] puts it in place once
/// the writer is flushed.
pub fn open_output(path: Option<&Path>) -> anyhow::Result<(Box<dyn Write>, bool, Pending)> {
    match path {
        Some(p) if p != Path::new("-") => {
            let (f, pending) = crate::outfile::create(p)?;
            Ok((Box::new(BufWriter::new(f)), false, pending))
        }
        _ => {
            use std::io::IsTerminal;
            let tty = io::stdout().is_terminal();
            Ok((
                Box::new(BufWriter::new(io::stdout().lock())),
                tty,
                Pending::none(),
            ))
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
