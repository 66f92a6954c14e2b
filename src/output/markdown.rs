//! A Markdown report: a summary table of all postings, then a section each.

use std::io::{self, Write};

use super::RecordWriter;
use crate::i18n::Messages;
use crate::report::Record;
use crate::role::Role;
use crate::text::sanitize;
use crate::tr;

pub struct MarkdownWriter<'a> {
    out: Box<dyn Write + 'a>,
    explain: bool,
    msg: Messages,
    records: Vec<Record>,
}

impl<'a> MarkdownWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>, explain: bool, msg: Messages) -> MarkdownWriter<'a> {
        MarkdownWriter {
            out,
            explain,
            msg,
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
        let (out, m) = (&mut self.out, self.msg);
        writeln!(out, "# {}\n", tr!(m, "md-title"))?;
        let with_fit = self.records.iter().any(|r| r.fit.is_some());
        let mut head = vec![
            tr!(m, "md-col-id"),
            tr!(m, "md-col-title"),
            tr!(m, "md-col-company"),
            tr!(m, "table-role"),
            tr!(m, "table-secondary"),
            tr!(m, "table-confidence"),
        ];
        if with_fit {
            head.push(tr!(m, "table-fit"));
        }
        writeln!(out, "| {} |", head.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(head.len()))?;
        for r in &self.records {
            if r.is_ok() {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {:.2} |{}",
                    cell(&r.id),
                    cell(r.meta.title.as_deref().unwrap_or("")),
                    cell(r.meta.company.as_deref().unwrap_or("")),
                    m.label(r.ai_role()),
                    r.secondary.map(|s| m.role(s)).unwrap_or_default(),
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
                    "| {} | {}: {} | | | | |{}",
                    cell(&r.id),
                    tr!(m, "error"),
                    cell(&crate::i18n::errors::line(
                        r.error.as_deref().unwrap_or(""),
                        m
                    )),
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
            let source = sanitize(&r.source).replace('`', "'");
            writeln!(out, "- {}: `{source}`", tr!(m, "md-source"))?;
            if let Some(c) = &r.meta.company {
                writeln!(out, "- {}: {}", tr!(m, "md-col-company"), cell(c))?;
            }
            let role = m.label(r.ai_role());
            writeln!(out, "- {}: **{role}**", tr!(m, "table-role"))?;
            if let Some(s) = r.secondary {
                writeln!(out, "- {}: {}", tr!(m, "table-secondary"), m.role(s))?;
            }
            if let Some(scores) = &r.scores {
                let parts: Vec<String> = Role::ALL
                    .iter()
                    .map(|&x| format!("{} {:.1}", m.role(x), scores.get(x)))
                    .collect();
                writeln!(out, "- {}: {}", tr!(m, "md-scores"), parts.join(", "))?;
            }
            if let Some(fit) = &r.fit {
                writeln!(out, "- {}: **{}/100**", tr!(m, "table-fit"), fit.score)?;
                let list = |v: Vec<&str>| v.iter().map(|x| cell(x)).collect::<Vec<_>>().join(", ");
                if !fit.matched.is_empty() {
                    writeln!(
                        out,
                        "- {}: {}",
                        tr!(m, "fit-matches"),
                        list(fit.matched.iter().map(|x| x.skill.as_str()).collect())
                    )?;
                }
                if !fit.missing_required.is_empty() {
                    writeln!(
                        out,
                        "- {}: {}",
                        tr!(m, "fit-missing-required"),
                        list(fit.missing_required.iter().map(String::as_str).collect())
                    )?;
                }
                if !fit.missing_preferred.is_empty() {
                    writeln!(
                        out,
                        "- {}: {}",
                        tr!(m, "fit-missing-preferred"),
                        list(fit.missing_preferred.iter().map(String::as_str).collect())
                    )?;
                }
                if !fit.edge.is_empty() {
                    writeln!(
                        out,
                        "- {}: {}",
                        tr!(m, "fit-edge"),
                        list(fit.edge.iter().map(String::as_str).collect())
                    )?;
                }
                for a in &fit.advice {
                    writeln!(out, "- {}: {}", tr!(m, "md-advice"), cell(a))?;
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
                writeln!(out, "\n| {} |", tr!(m, "md-evidence-head"))?;
                writeln!(out, "|---|---|---|---|---|---|")?;
                let negated = format!(" ({})", tr!(m, "explain-negated"));
                for e in shown {
                    writeln!(
                        out,
                        "| {}{} | {} | {} | {} | {} | {:.2} |",
                        m.signal(e.signal),
                        if e.negated { negated.as_str() } else { "" },
                        cell(&e.pattern),
                        cell(&e.matched),
                        m.section(e.section),
                        e.line,
                        e.weight
                    )?;
                }
            }
        }
        out.flush()
    }
}
