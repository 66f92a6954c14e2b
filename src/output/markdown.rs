//! A Markdown report: a summary table of all postings, then a section each.
//! The table goes out row by row; the sections wait in a temporary file
//! until the table is complete, so memory stays flat however many rows.

use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};

use super::RecordWriter;
use crate::i18n::Messages;
use crate::report::Record;
use crate::text::sanitize;
use crate::tr;

pub struct MarkdownWriter<'a> {
    out: Box<dyn Write + 'a>,
    explain: bool,
    /// Whether the table has a fit column (a profile was given).
    with_fit: bool,
    msg: Messages,
    started: bool,
    /// The postings' sections, written after the table.
    sections: Option<BufWriter<File>>,
}

impl<'a> MarkdownWriter<'a> {
    pub fn new(
        out: Box<dyn Write + 'a>,
        explain: bool,
        with_fit: bool,
        msg: Messages,
    ) -> MarkdownWriter<'a> {
        MarkdownWriter {
            out,
            explain,
            with_fit,
            msg,
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
        let (out, m) = (&mut self.out, self.msg);
        writeln!(out, "# {}\n", tr!(m, "md-title"))?;
        let mut head = vec![
            tr!(m, "md-col-id"),
            tr!(m, "md-col-title"),
            tr!(m, "md-col-company"),
            tr!(m, "table-role"),
            tr!(m, "table-secondary"),
            tr!(m, "table-confidence"),
        ];
        if self.with_fit {
            head.push(tr!(m, "table-fit"));
        }
        writeln!(out, "| {} |", head.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(head.len()))?;
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
        let (with_fit, m) = (self.with_fit, self.msg);
        let out = &mut self.out;
        if r.is_ok() {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {:.2} |{}",
                cell(&r.id),
                title_cell(r, m),
                cell(r.meta.company.as_deref().unwrap_or("")),
                m.role_text(r),
                r.secondary.map(|s| m.role(s)).unwrap_or_default(),
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
            section(sections, r, self.explain, m)?;
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

/// The title, marked when the history (`--db`) found the posting reposted.
fn title_cell(r: &Record, m: Messages) -> String {
    let title = cell(r.meta.title.as_deref().unwrap_or(""));
    match r.seen {
        Some(crate::history::Seen::Reposted) => format!("{title} ({})", tr!(m, "md-reposted")),
        _ => title,
    }
}

/// A posting's own section: source, role, scores, fit and evidence.
fn section(out: &mut dyn Write, r: &Record, explain: bool, m: Messages) -> io::Result<()> {
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
    let role = m.role_text(r);
    writeln!(out, "- {}: **{role}**", tr!(m, "table-role"))?;
    if let Some(note) = m.title_note(r) {
        writeln!(out, "- {}: {note}", tr!(m, "md-col-title"))?;
    }
    if let Some(s) = r.secondary {
        writeln!(out, "- {}: {}", tr!(m, "table-secondary"), m.role(s))?;
    }
    if let Some(labels) = r.label_probabilities() {
        let parts: Vec<String> = labels
            .iter()
            .map(|&(role, v)| format!("{} {v:.2}", m.label(role)))
            .collect();
        writeln!(out, "- {}: {}", tr!(m, "md-scores"), parts.join(", "))?;
    }
    if explain && let Some(lead) = &r.lead {
        let [head, parts] = m.lead_lines(lead, r.ai_role());
        writeln!(out, "- {}; {parts}", cell(&head))?;
        if let Some(note) = m.lead_mixed(lead) {
            writeln!(out, "- {}", cell(&note))?;
        }
        for (label, for_label) in [(r.ai_role(), true), (lead.over.0, false)] {
            let patterns: Vec<String> = super::lead_by_pattern(r, for_label)
                .into_iter()
                .take(5)
                .map(|p| {
                    let times = if p.hits > 1 {
                        format!(" ×{}", p.hits)
                    } else {
                        String::new()
                    };
                    let e = p.strongest;
                    format!(
                        "{} \"{}\"{times} {:+.2}",
                        cell(&e.pattern),
                        cell(&e.matched),
                        p.lead
                    )
                })
                .collect();
            if !patterns.is_empty() {
                let what = tr!(m, "explain-lead-for", label = m.label(label));
                writeln!(out, "- {what}: {}", patterns.join(", "))?;
            }
        }
    }
    if let Some(req) = &r.requirements {
        for line in m.years_and_degree(req) {
            writeln!(out, "- {}", cell(&line))?;
        }
        for (label, text) in m.requirement_lines(req) {
            writeln!(out, "- {label}: {}", cell(&text))?;
        }
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
        for a in &fit.advice_facts {
            writeln!(out, "- {}: {}", tr!(m, "md-advice"), cell(&m.advice(a)))?;
        }
        if explain {
            for c in &fit.explain.components {
                let part = tr!(
                    m,
                    "md-fit-part",
                    name = m.fit_part(&c.name),
                    points = format!("{:.0}", c.points)
                );
                writeln!(out, "- {part}: {}", cell(&m.part_why(&c.why)))?;
            }
            for p in &fit.explain.penalty_facts {
                let p = m.penalty_why(p);
                writeln!(out, "- {}: {}", tr!(m, "md-points-off"), cell(&p))?;
            }
            for g in &fit.explain.gates {
                let gate = m.gate_label(g, false);
                writeln!(out, "- {gate}: {}", cell(&m.gate_why(&g.why)))?;
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
        let mut w = MarkdownWriter::new(
            Box::new(Shared(buf.clone())),
            false,
            false,
            Messages::new(crate::i18n::Locale::En),
        );
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

    /// The section of one posting that asks for 5+ years and an MS, in `lang`.
    fn section_with_years_and_degree(lang: crate::i18n::Locale) -> String {
        use crate::requirements::{Degree, DegreeLevel, Need, Requirements, Years};
        let mut r = Record::error("p1".into(), "p1.md".into(), String::new());
        r.status = crate::report::Status::Ok;
        r.error = None;
        r.role = Some("modeling".parse().unwrap());
        r.requirements = Some(Requirements {
            years: Some(Years {
                min: 5,
                max: None,
                need: Need::Required,
                any: false,
                text: "5+ years".into(),
                line: 4,
            }),
            degree: Some(Degree {
                level: Some(DegreeLevel::Master),
                need: Need::Preferred,
                equivalent_ok: false,
                not_required: false,
                text: "MS".into(),
                line: 5,
            }),
            ..Default::default()
        });
        let buf = Rc::new(RefCell::new(Vec::new()));
        let mut w = MarkdownWriter::new(
            Box::new(Shared(buf.clone())),
            false,
            false,
            Messages::new(lang),
        );
        w.write(&r).unwrap();
        w.finish().unwrap();
        String::from_utf8(buf.borrow().clone()).unwrap()
    }

    #[test]
    fn a_section_says_the_years_and_degree_asked_for() {
        let en = section_with_years_and_degree(crate::i18n::Locale::En);
        assert!(
            en.contains("- experience: 5+ years (required, l.4)\n"),
            "{en}"
        );
        assert!(en.contains("- degree: MS preferred (l.5)\n"), "{en}");
        let ko = section_with_years_and_degree(crate::i18n::Locale::Ko);
        assert!(ko.contains("- 경력: 경력 5년 이상 ("), "{ko}");
        assert!(ko.contains("- 학력: "), "{ko}");
    }
}
