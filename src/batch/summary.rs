//! The market summary of a batch (being written on branch `summary`).

use crate::fit::Strengths;
use crate::output::Style;
use crate::report::Record;

/// Placeholder until the summary lands: counts rows only.
pub struct Summary {
    rows: usize,
}

impl Summary {
    pub fn new(_strengths: Option<&Strengths>) -> Summary {
        Summary { rows: 0 }
    }

    pub fn add(&mut self, _record: &Record) {
        self.rows += 1;
    }

    pub fn write_text(&self, out: &mut dyn std::io::Write, _style: Style) -> std::io::Result<()> {
        writeln!(out, "{} rows", self.rows)
    }

    pub fn write_markdown(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        writeln!(out, "{} rows", self.rows)
    }
}
