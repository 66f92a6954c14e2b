//! A Markdown report: a summary table of all postings, then a section each.

use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};

use super::RecordWriter;
use crate::report::Record;
use crate::role::Role;
use crate::text::sanitize;

pub struct MarkdownWriter<'a> {
    out: Box<dyn Write + 'a>,
    explain: bool,
    /// Whether the table has a fit column (a profile was given).
    with_fit: bool,
    started: bool,
    /// The postings' sections, written after the table.
    sections: Option<BufWriter<File>>,
}

impl<'a> MarkdownWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>, explain: bool, with_fit: bool) -> MarkdownWriter<'a> {
        MarkdownWriter {
            out,
            explain,
            with_fit,
            started: false,
            sections: None,
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

impl MarkdownWriter<'_> {
    fn header(&mut self) -> io::Result<()> {
        let out = &mut self.out;
        writeln!(out, "# rolefit report\n")?;
        if self.with_fit {
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
        Ok(())
    }
}

impl RecordWriter for MarkdownWriter<'_> {
    /// The table row goes out now; the posting's section waits in a
    /// temporary file until the table is complete, so memory stays flat.
    fn write(&mut self, r: &Record) -> io::Result<()> {
        if !self.started {
            self.header()?;
            self.started = true;
        }
        let with_fit = self.with_fit;
        let out = &mut self.out;
        if r.is_ok() {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {:.2} |{}",
                cell(&r.id),
                cell(r.meta.title.as_deref().unwrap_or("")),
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
            if self.sections.is_none() {
                self.sections = Some(BufWriter::new(tempfile::tempfile()?));
            }
            let sections = self.sections.as_mut().expect("just made");
            section(sections, r, self.explain)?;
        } else {
            writeln!(
                out,
                "| {} | error: {} | | | | |{}",
                cell(&r.id),
                cell(r.error.as_deref().unwrap_or("")),
                if with_fit { " |" } else { "" }
            )?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.started {
            self.header()?;
            self.started = true;
        }
        if let Some(sections) = self.sections.take() {
            let mut file = sections.into_inner().map_err(|e| e.into_error())?;
            file.seek(io::SeekFrom::Start(0))?;
            io::copy(&mut file, &mut self.out)?;
        }
        self.out.flush()
    }
}

/// A posting's own section: source, role, scores, fit and evidence.
fn section(out: &mut dyn Write, r: &Record, explain: bool) -> io::Result<()> {
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
    if let Some(req) = &r.requirements {
        for (label, text) in crate::requirements::limits::describe(req) {
            writeln!(out, "- {label}: {}", cell(&text))?;
        }
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
        if explain {
            for c in &fit.explain.components {
                writeln!(
                    out,
                    "- fit part {}: {:.0} points: {}",
                    c.name,
                    c.points,
                    cell(&c.detail)
                )?;
            }
            for p in &fit.explain.penalties {
                writeln!(out, "- points off: {}", cell(p))?;
            }
            for g in &fit.explain.gates {
                writeln!(
                    out,
                    "- gate {} (keeps {:.0}%): {}",
                    g.kind,
                    g.cap,
                    cell(&g.reason)
                )?;
            }
        }
    }
    let limit = if explain { usize::MAX } else { 8 };
    let shown: Vec<_> = r
        .evidence
        .iter()
        .filter(|e| explain || !e.negated)
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// A sink the test can read while the writer still holds it.
    struct Shared(Rc<RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn rows_go_out_as_they_come_not_at_the_end() {
        let buf = Rc::new(RefCell::new(Vec::new()));
        let mut w = MarkdownWriter::new(Box::new(Shared(buf.clone())), false, false);
        for i in 0..3 {
            w.write(&Record::error(format!("r{i}"), "x".into(), "boom".into()))
                .unwrap();
            let so_far = String::from_utf8(buf.borrow().clone()).unwrap();
            assert!(
                so_far.contains(&format!("| r{i} | error: boom |")),
                "{so_far}"
            );
        }
        w.finish().unwrap();
        let all = String::from_utf8(buf.borrow().clone()).unwrap();
        assert!(all.starts_with("# rolefit report\n\n| id |"), "{all}");
    }
}
