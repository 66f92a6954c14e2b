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

use std::io::{self, Write};

pub use csv::neutralize;
pub use style::{ColorChoice, Style};

use crate::report::Record;

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

/// The writer for a format.
pub fn writer<'a>(
    format: OutputFormat,
    out: Box<dyn Write + 'a>,
    style: Style,
    explain: bool,
    with_fit: bool,
) -> Box<dyn RecordWriter + 'a> {
    match format {
        OutputFormat::Csv => Box::new(csv::CsvWriter::new(out, with_fit)),
        OutputFormat::Table => Box::new(table::TableWriter::new(out, style, explain)),
        OutputFormat::Json => Box::new(json::JsonWriter::array(out)),
        OutputFormat::Jsonl => Box::new(json::JsonWriter::lines(out)),
        OutputFormat::Md => Box::new(markdown::MarkdownWriter::new(out, explain)),
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
