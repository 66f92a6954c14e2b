//! A Markdown report: a summary table of all postings, then a section each.

use std::io::{self, Write};

use super::RecordWriter;
use crate::report::Record;
use crate::role::Role;
use crate::text::sanitize;

pub struct MarkdownWriter<'a> {
    out: Box<dyn Write + 'a>,
    explain: bool,
    records: Vec<Record>,
}

impl<'a> MarkdownWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>, explain: bool) -> MarkdownWriter<'a> {
        MarkdownWriter {
            out,
            explain,
            records: Vec::new(),
        }
    }
}

/// Text safe inside a Markdown table cell: no table breaks, no HTML, and no
/// link (a posting's `[x](javascript:...)` stays text).
fn cell(s: &str) -> String {
    sanitize(s)
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

impl RecordWriter for MarkdownWriter<'_> {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        self.records.push(record.clone());
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        let out = &mut self.out;
        writeln!(out, "# rolefit report\n")?;
        let with_fit = self.records.iter().any(|r| r.fit.is_some());
        if with_fit {
            writeln!(
                out,
                "| id | title | company | role | secondary | confidence | fit |"
            )?;
            writeln!(out, "|---|---|---|---|---|---|---|")?;
        } else {
            writeln!(
                out,
                "| id | title | company | role | secondary | confidence |"
            )?;
            writeln!(out, "|---|---|---|---|---|---|")?;
        }
        for r in &self.records {
            if r.is_ok() {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {:.2} |{}",
                    cell(&r.id),
                    title_cell(r),
                    cell(r.meta.company.as_deref().unwrap_or("")),
                    r.role_name(),
                    r.secondary.map_or("", Role::name),
                    r.confidence.unwrap_or(0.0),
                    match (&r.fit, with_fit) {
                        (Some(f), _) => format!(" {} |", f.score),
                        (None, true) => " |".to_string(),
                        (None, false) => String::new(),
                    }
                )?;
            } else {
                writeln!(
                    out,
                    "| {} | error: {} | | | | |{}",
                    cell(&r.id),
                    cell(r.error.as_deref().unwrap_or("")),
                    if with_fit { " |" } else { "" }
                )?;
            }
        }
        for r in self.records.iter().filter(|r| r.is_ok()) {
            writeln!(
                out,
                "\n## {}\n",
                cell(r.meta.title.as_deref().unwrap_or(&r.id))
            )?;
            writeln!(out, "- source: `{}`", sanitize(&r.source).replace('`', "'"))?;
            if let Some(c) = &r.meta.company {
                writeln!(out, "- company: {}", cell(c))?;
            }
            writeln!(out, "- role: **{}**", r.role_name())?;
            if let Some(s) = r.secondary {
                writeln!(out, "- secondary: {s}")?;
            }
            if let Some(scores) = &r.scores {
                let parts: Vec<String> = Role::ALL
                    .iter()
                    .map(|&x| format!("{} {:.1}", x.name(), scores.get(x)))
                    .collect();
                writeln!(out, "- scores: {}", parts.join(", "))?;
            }
            if let Some(fit) = &r.fit {
                writeln!(out, "- fit: **{}/100**", fit.score)?;
                let list = |v: Vec<&str>| v.iter().map(|x| cell(x)).collect::<Vec<_>>().join(", ");
                if !fit.matched.is_empty() {
                    writeln!(
                        out,
                        "- matches: {}",
                        list(fit.matched.iter().map(|m| m.skill.as_str()).collect())
                    )?;
                }
                if !fit.missing_required.is_empty() {
                    writeln!(
                        out,
                        "- missing (required): {}",
                        list(fit.missing_required.iter().map(String::as_str).collect())
                    )?;
                }
                if !fit.missing_preferred.is_empty() {
                    writeln!(
                        out,
                        "- missing (preferred): {}",
                        list(fit.missing_preferred.iter().map(String::as_str).collect())
                    )?;
                }
                if !fit.edge.is_empty() {
                    writeln!(
                        out,
                        "- your edge: {}",
                        list(fit.edge.iter().map(String::as_str).collect())
                    )?;
                }
                for a in &fit.advice {
                    writeln!(out, "- advice: {}", cell(a))?;
                }
            }
            let limit = if self.explain { usize::MAX } else { 8 };
            let shown: Vec<_> = r
                .evidence
                .iter()
                .filter(|e| self.explain || !e.negated)
                .take(limit)
                .collect();
            if !shown.is_empty() {
                writeln!(
                    out,
                    "\n| signal | pattern | match | section | line | weight |"
                )?;
                writeln!(out, "|---|---|---|---|---|---|")?;
                for e in shown {
                    writeln!(
                        out,
                        "| {}{} | {} | {} | {} | {} | {:.2} |",
                        e.signal.name(),
                        if e.negated { " (negated)" } else { "" },
                        cell(&e.pattern),
                        cell(&e.matched),
                        e.section.name(),
                        e.line,
                        e.weight
                    )?;
                }
            }
        }
        out.flush()
    }
}

/// The title, marked when the history (`--db`) found the posting reposted.
fn title_cell(r: &Record) -> String {
    let title = cell(r.meta.title.as_deref().unwrap_or(""));
    match r.seen {
        Some(crate::history::Seen::Reposted) => format!("{title} (reposted)"),
        _ => title,
    }
}
