//! The human format: a short card per posting with a bar per role and the
//! evidence that decided it; `--explain` lists every hit per role.

use std::io::{self, Write};

use super::width::{pad, truncate, width};
use super::{RecordWriter, Style};
use crate::classify::{Evidence, Signal};
use crate::fit::Fit;
use crate::i18n::{Messages, errors};
use crate::report::Record;
use crate::requirements::{Need, Requirements};
use crate::text::sanitize;
use crate::tr;

const BAR_WIDTH: usize = 20;
const TOP_EVIDENCE: usize = 5;
/// The pattern column of `--explain`, in terminal cells.
const PATTERN_CELLS: usize = 28;

pub struct TableWriter<'a> {
    out: Box<dyn Write + 'a>,
    style: Style,
    explain: bool,
    msg: Messages,
    count: usize,
}

impl<'a> TableWriter<'a> {
    pub fn new(
        out: Box<dyn Write + 'a>,
        style: Style,
        explain: bool,
        msg: Messages,
    ) -> TableWriter<'a> {
        TableWriter {
            out,
            style,
            explain,
            msg,
            count: 0,
        }
    }

    fn card(&mut self, r: &Record) -> io::Result<()> {
        let (st, m) = (self.style, self.msg);
        let title = r
            .meta
            .title
            .as_deref()
            .map(sanitize)
            .unwrap_or_else(|| tr!(m, "table-untitled"));
        let company = r.meta.company.as_deref().map(sanitize);
        writeln!(self.out, "{}", st.bold(&sanitize(&r.id)))?;
        match company {
            Some(c) => writeln!(self.out, "  {title} · {c}")?,
            None => writeln!(self.out, "  {title}")?,
        }
        let role = m.role_text(r);
        let mut line = format!("  {}: {}", tr!(m, "table-role"), st.bold(&st.green(&role)));
        if let Some(s) = r.secondary {
            let name = m.role(s);
            line.push_str(&format!(
                "  {}: {}",
                tr!(m, "table-secondary"),
                st.green(&name)
            ));
        }
        if let Some(c) = r.confidence {
            line.push_str(&format!("  {}: {c:.2}", tr!(m, "table-confidence")));
        }
        if let Some(lang) = r.lang {
            line.push_str(&format!("  {}: {}", tr!(m, "table-lang"), m.lang(lang)));
        }
        if let Some(seen) = r.seen {
            line.push_str(&format!("  {}: {}", tr!(m, "table-history"), m.seen(seen)));
        }
        writeln!(self.out, "{line}")?;
        if let Some(note) = m.title_note(r) {
            writeln!(
                self.out,
                "  {}: {}",
                tr!(m, "md-col-title"),
                st.yellow(&note)
            )?;
        }
        if let Some(labels) = r.label_probabilities() {
            // Each label's probability: a full bar is 1, and the bars add up to 1.
            let names = labels.map(|(role, _)| m.label(role));
            let name_w = names.iter().map(|n| width(n)).max().unwrap_or(0).max(9);
            for ((role, v), name) in labels.into_iter().zip(&names) {
                let filled = (v.clamp(0.0, 1.0) * BAR_WIDTH as f64).round() as usize;
                let bar = format!("{}{}", "█".repeat(filled), "·".repeat(BAR_WIDTH - filled));
                let bar = if r.role.is_some() && role == r.ai_role() {
                    st.green(&bar)
                } else {
                    st.dim(&bar)
                };
                writeln!(self.out, "    {} {bar} {v:>5.2}", pad(name, name_w))?;
            }
        }
        if let Some(fit) = &r.fit {
            self.fit(fit)?;
        }
        if self.explain {
            if let Some(req) = &r.requirements {
                self.requirements(req)?;
            }
            self.explain_evidence(r)?;
        } else {
            let cite = |e: &Evidence| {
                format!(
                    "\"{}\" ({} {})",
                    sanitize(&e.matched),
                    m.section(e.section),
                    m.line(e.line)
                )
            };
            let top: Vec<String> = match r.ai_role() {
                Some(role) => r
                    .evidence
                    .iter()
                    .filter(|e| !e.negated && e.signal.role() == Some(role))
                    .take(TOP_EVIDENCE)
                    .map(cite)
                    .collect(),
                // No AI role: the non-AI job functions (sales, recruiting)
                // that spoke for none against the runner-up.
                None => super::lead_by_pattern(r, true)
                    .into_iter()
                    .filter(|p| p.strongest.signal == Signal::Function)
                    .take(TOP_EVIDENCE)
                    .map(|p| cite(p.strongest))
                    .collect(),
            };
            if !top.is_empty() {
                writeln!(
                    self.out,
                    "  {}: {}",
                    tr!(m, "table-evidence"),
                    top.join(", ")
                )?;
            }
        }
        Ok(())
    }

    /// The fit, compactly; with --explain, every part of it.
    fn fit(&mut self, fit: &Fit) -> io::Result<()> {
        let (st, m) = (self.style, self.msg);
        let score = format!("{}/100", fit.score);
        let score = if fit.score >= 60 {
            st.green(&score)
        } else if fit.score >= 40 {
            st.yellow(&score)
        } else {
            st.red(&score)
        };
        writeln!(self.out, "  {}: {}", tr!(m, "table-fit"), st.bold(&score))?;
        let names = |v: &[String], n: usize| -> String {
            let shown: Vec<String> = v.iter().take(n).map(|s| sanitize(s)).collect();
            let more = if v.len() > n {
                format!(" {}", tr!(m, "table-fit-more", n = v.len() - n))
            } else {
                String::new()
            };
            format!("{}{more}", shown.join(", "))
        };
        let matched: Vec<String> = fit.matched.iter().map(|m| m.skill.clone()).collect();
        let limit = if self.explain { usize::MAX } else { 6 };
        if !matched.is_empty() {
            let what = tr!(m, "fit-matches");
            writeln!(self.out, "    {what}: {}", names(&matched, limit))?;
        }
        if !fit.missing_required.is_empty() {
            let what = tr!(m, "fit-missing-required");
            writeln!(
                self.out,
                "    {what}: {}",
                names(&fit.missing_required, limit)
            )?;
        }
        if self.explain && !fit.missing_preferred.is_empty() {
            let what = tr!(m, "fit-missing-preferred");
            writeln!(
                self.out,
                "    {what}: {}",
                names(&fit.missing_preferred, limit)
            )?;
        }
        if !fit.edge.is_empty() {
            let what = tr!(m, "fit-edge");
            writeln!(self.out, "    {what}: {}", names(&fit.edge, 3))?;
        }
        let advice = if self.explain {
            fit.advice_facts.len()
        } else {
            1
        };
        for a in fit.advice_facts.iter().take(advice) {
            writeln!(self.out, "    {}", st.dim(&sanitize(&m.advice(a))))?;
        }
        if self.explain {
            let e = &fit.explain;
            let pct = |x: Option<f64>| {
                x.map(|v| format!("{:.0}%", v * 100.0))
                    .unwrap_or_else(|| tr!(m, "not-applicable"))
            };
            let line = tr!(
                m,
                "table-fit-parts",
                role = format!("{:.0}%", e.role_fit * 100.0),
                required = pct(e.required_coverage),
                preferred = pct(e.preferred_coverage)
            );
            writeln!(self.out, "    {line}")?;
            for c in &e.components {
                let line = c
                    .line
                    .filter(|&l| l > 0)
                    .map(|l| format!(", {}", m.line(l)))
                    .unwrap_or_default();
                let points = tr!(
                    m,
                    "table-fit-component",
                    name = m.fit_part(&c.name),
                    points = format!("{:.0}", c.points),
                    share = format!("{:.0}%", c.value * 100.0),
                    line = line
                );
                writeln!(self.out, "    {points}: {}", sanitize(&m.part_why(&c.why)))?;
            }
            for p in &e.penalty_facts {
                writeln!(self.out, "    {}", sanitize(&m.penalty_why(p)))?;
            }
            for g in &e.gates {
                let gate = m.gate_label(g, true);
                writeln!(self.out, "    {gate}: {}", sanitize(&m.gate_why(&g.why)))?;
            }
            if !e.literal_matches.is_empty() {
                let what = tr!(m, "fit-literal");
                writeln!(
                    self.out,
                    "    {what}: {}",
                    names(&e.literal_matches, usize::MAX)
                )?;
            }
        }
        Ok(())
    }

    /// What the posting asks for.
    fn requirements(&mut self, req: &Requirements) -> io::Result<()> {
        let (st, m) = (self.style, self.msg);
        writeln!(self.out, "  {}", st.cyan(&tr!(m, "req-asks-for")))?;
        for need in [Need::Required, Need::Preferred] {
            let names = req.skill_names(need);
            if !names.is_empty() {
                let label = m.need(need);
                writeln!(self.out, "    {label}: {}", sanitize(&names.join(", ")))?;
            }
        }
        for line in m.years_and_degree(req) {
            writeln!(self.out, "    {line}")?;
        }
        for (label, text) in m.requirement_lines(req) {
            writeln!(self.out, "    {label}: {}", sanitize(&text))?;
        }
        let evidence = [
            (tr!(m, "evidence-publications"), req.publications),
            (tr!(m, "evidence-competitions"), req.competitions),
            (tr!(m, "evidence-large-scale"), req.large_scale),
        ];
        for (name, need) in evidence {
            if let Some(n) = need {
                writeln!(self.out, "    {name}: {}", m.need(n))?;
            }
        }
        Ok(())
    }

    fn explain_evidence(&mut self, r: &Record) -> io::Result<()> {
        let (st, m) = (self.style, self.msg);
        let groups = [
            Signal::Modeling,
            Signal::Backend,
            Signal::Frontend,
            Signal::Research,
            Signal::Ai,
            Signal::Function,
        ];
        if let Some(ai) = r.ai_signal {
            let line = tr!(m, "explain-ai-signal", score = format!("{ai:.2}"));
            writeln!(self.out, "  {line}")?;
        }
        if let Some(lead) = &r.lead {
            let [head, parts] = m.lead_lines(lead, r.ai_role());
            writeln!(self.out, "  {}", st.cyan(&head))?;
            writeln!(self.out, "    {parts}")?;
            if let Some(note) = m.lead_mixed(lead) {
                writeln!(self.out, "    {note}")?;
            }
            // The patterns that did most for each side, by their hits'
            // shares of the lead.
            for (label, for_label) in [(r.ai_role(), true), (lead.over.0, false)] {
                let patterns = super::lead_by_pattern(r, for_label);
                if patterns.is_empty() {
                    continue;
                }
                let what = tr!(m, "explain-lead-for", label = m.label(label));
                writeln!(self.out, "    {what}")?;
                for p in patterns.into_iter().take(TOP_EVIDENCE) {
                    let value = format!("{:+.2}", p.lead);
                    let line = self.hit_line(&value, p.strongest, p.hits);
                    writeln!(self.out, "      {line}")?;
                }
            }
        }
        for g in groups {
            let hits: Vec<&Evidence> = r.evidence.iter().filter(|e| e.signal == g).collect();
            if hits.is_empty() {
                continue;
            }
            writeln!(
                self.out,
                "  {}",
                st.cyan(&tr!(
                    m,
                    "explain-hits",
                    signal = m.signal(g),
                    n = hits.len()
                ))
            )?;
            for e in hits {
                let text = format!("    {}", self.hit_line(&format!("{:.2}", e.weight), e, 1));
                if e.negated {
                    let negated = tr!(m, "explain-negated");
                    writeln!(self.out, "{}", st.dim(&format!("{text}  ({negated})")))?;
                } else {
                    writeln!(self.out, "{text}")?;
                }
            }
        }
        let sections: Vec<String> = r
            .sections
            .iter()
            .map(|s| match &s.heading {
                Some(h) => format!("{} \"{}\"", m.section(s.kind), truncate(&sanitize(h), 30)),
                None => m.section(s.kind),
            })
            .collect();
        if !sections.is_empty() {
            let what = tr!(m, "explain-sections");
            writeln!(self.out, "  {what}: {}", sections.join(" | "))?;
        }
        Ok(())
    }
}

impl TableWriter<'_> {
    /// A hit of `--explain`, or a pattern's hits (`times` of them, the
    /// strongest shown): a value (a weight, or a share of the lead), the
    /// pattern, what it matched and where.
    fn hit_line(&self, value: &str, e: &Evidence, times: usize) -> String {
        let m = self.msg;
        let times = if times > 1 {
            format!(" ×{times}")
        } else {
            String::new()
        };
        format!(
            "{value:>5}  {} \"{}\"{times}  {} {}",
            pad(
                &truncate(&sanitize(&e.pattern), PATTERN_CELLS),
                PATTERN_CELLS
            ),
            sanitize(&e.matched),
            m.section(e.section),
            m.line(e.line)
        )
    }
}

impl RecordWriter for TableWriter<'_> {
    fn write(&mut self, r: &Record) -> io::Result<()> {
        if self.count > 0 {
            writeln!(self.out)?;
        }
        self.count += 1;
        if r.is_ok() {
            self.card(r)
        } else {
            let st = self.style;
            writeln!(self.out, "{}", st.bold(&sanitize(&r.id)))?;
            writeln!(
                self.out,
                "  {}: {}",
                st.red(&tr!(self.msg, "error")),
                sanitize(&errors::line(r.error.as_deref().unwrap_or(""), self.msg))
            )
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
