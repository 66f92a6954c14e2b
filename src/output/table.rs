//! The human format: a short card per posting with a bar per role and the
//! evidence that decided it; `--explain` lists every hit per role.

use std::io::{self, Write};

use super::{RecordWriter, Style};
use crate::classify::{Evidence, Signal};
use crate::fit::Fit;
use crate::report::Record;
use crate::requirements::{DegreeLevel, Need, Requirements};
use crate::role::Role;
use crate::text::sanitize;

const BAR_WIDTH: usize = 20;
const TOP_EVIDENCE: usize = 5;

pub struct TableWriter<'a> {
    out: Box<dyn Write + 'a>,
    style: Style,
    explain: bool,
    count: usize,
}

impl<'a> TableWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>, style: Style, explain: bool) -> TableWriter<'a> {
        TableWriter {
            out,
            style,
            explain,
            count: 0,
        }
    }

    fn card(&mut self, r: &Record) -> io::Result<()> {
        let st = self.style;
        let title = r
            .meta
            .title
            .as_deref()
            .map(sanitize)
            .unwrap_or_else(|| "(untitled)".into());
        let company = r.meta.company.as_deref().map(sanitize);
        writeln!(self.out, "{}", st.bold(&sanitize(&r.id)))?;
        match company {
            Some(c) => writeln!(self.out, "  {title} · {c}")?,
            None => writeln!(self.out, "  {title}")?,
        }
        let role = r.role_name();
        let mut line = format!("  role: {}", st.bold(&st.green(role)));
        if let Some(s) = r.secondary {
            line.push_str(&format!("  secondary: {}", st.green(s.name())));
        }
        if let Some(c) = r.confidence {
            line.push_str(&format!("  confidence: {c:.2}"));
        }
        if let Some(lang) = r.lang {
            line.push_str(&format!("  lang: {}", lang.code()));
        }
        if let Some(seen) = r.seen {
            line.push_str(&format!("  history: {}", seen.name()));
        }
        writeln!(self.out, "{line}")?;
        if let Some(scores) = &r.scores {
            let max = Role::ALL
                .iter()
                .map(|&x| scores.get(x))
                .fold(0.0f64, f64::max);
            for role in Role::ALL {
                let v = scores.get(role);
                let filled = if max > 0.0 {
                    ((v / max) * BAR_WIDTH as f64).round() as usize
                } else {
                    0
                };
                let bar = format!("{}{}", "█".repeat(filled), "·".repeat(BAR_WIDTH - filled));
                let bar = if Some(role) == r.ai_role() {
                    st.green(&bar)
                } else {
                    st.dim(&bar)
                };
                writeln!(self.out, "    {:<9} {bar} {v:>6.1}", role.name())?;
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
            let top: Vec<String> = r
                .evidence
                .iter()
                .filter(|e| {
                    !e.negated && e.signal.role().is_some() && e.signal.role() == r.ai_role()
                })
                .take(TOP_EVIDENCE)
                .map(|e| {
                    format!(
                        "\"{}\" ({} l.{})",
                        sanitize(&e.matched),
                        e.section.name(),
                        e.line
                    )
                })
                .collect();
            if !top.is_empty() {
                writeln!(self.out, "  evidence: {}", top.join(", "))?;
            }
        }
        Ok(())
    }

    /// The fit, compactly; with --explain, every part of it.
    fn fit(&mut self, fit: &Fit) -> io::Result<()> {
        let st = self.style;
        let score = format!("{}/100", fit.score);
        let score = if fit.score >= 60 {
            st.green(&score)
        } else if fit.score >= 40 {
            st.yellow(&score)
        } else {
            st.red(&score)
        };
        writeln!(self.out, "  fit: {}", st.bold(&score))?;
        let names = |v: &[String], n: usize| -> String {
            let shown: Vec<String> = v.iter().take(n).map(|s| sanitize(s)).collect();
            let more = if v.len() > n {
                format!(" (+{} more)", v.len() - n)
            } else {
                String::new()
            };
            format!("{}{more}", shown.join(", "))
        };
        let matched: Vec<String> = fit.matched.iter().map(|m| m.skill.clone()).collect();
        let limit = if self.explain { usize::MAX } else { 6 };
        if !matched.is_empty() {
            writeln!(self.out, "    matches: {}", names(&matched, limit))?;
        }
        if !fit.missing_required.is_empty() {
            writeln!(
                self.out,
                "    missing (required): {}",
                names(&fit.missing_required, limit)
            )?;
        }
        if self.explain && !fit.missing_preferred.is_empty() {
            writeln!(
                self.out,
                "    missing (preferred): {}",
                names(&fit.missing_preferred, limit)
            )?;
        }
        if !fit.edge.is_empty() {
            writeln!(self.out, "    your edge: {}", names(&fit.edge, 3))?;
        }
        let advice = if self.explain { fit.advice.len() } else { 1 };
        for a in fit.advice.iter().take(advice) {
            writeln!(self.out, "    {}", st.dim(&sanitize(a)))?;
        }
        if self.explain {
            let e = &fit.explain;
            let pct = |x: Option<f64>| {
                x.map(|v| format!("{:.0}%", v * 100.0))
                    .unwrap_or_else(|| "n/a".into())
            };
            writeln!(
                self.out,
                "    role fit {:.0}%, required skills covered {}, preferred covered {}",
                e.role_fit * 100.0,
                pct(e.required_coverage),
                pct(e.preferred_coverage)
            )?;
            for p in &e.penalties {
                writeln!(self.out, "    {}", sanitize(p))?;
            }
            if !e.literal_matches.is_empty() {
                writeln!(
                    self.out,
                    "    matched word for word: {}",
                    names(&e.literal_matches, usize::MAX)
                )?;
            }
        }
        Ok(())
    }

    /// What the posting asks for.
    fn requirements(&mut self, req: &Requirements) -> io::Result<()> {
        let st = self.style;
        writeln!(self.out, "  {}", st.cyan("asks for"))?;
        for need in [Need::Required, Need::Preferred] {
            let names = req.skill_names(need);
            if !names.is_empty() {
                let label = if need == Need::Required {
                    "required"
                } else {
                    "preferred"
                };
                writeln!(self.out, "    {label}: {}", sanitize(&names.join(", ")))?;
            }
        }
        if let Some(y) = &req.years {
            let what = if y.any {
                "any (new grads welcome)".to_string()
            } else {
                format!("{}+ years", y.min)
            };
            writeln!(
                self.out,
                "    experience: {what} ({:?}, l.{})",
                y.need, y.line
            )?;
        }
        if let Some(d) = &req.degree {
            let what = if d.not_required {
                "not required".to_string()
            } else {
                let level = match d.level {
                    Some(DegreeLevel::Doctorate) => "PhD",
                    Some(DegreeLevel::Master) => "MS",
                    _ => "BS",
                };
                let eq = if d.equivalent_ok {
                    ", or equivalent experience"
                } else {
                    ""
                };
                format!("{level} {:?}{eq}", d.need).to_lowercase()
            };
            writeln!(self.out, "    degree: {what} (l.{})", d.line)?;
        }
        let evidence = [
            ("publications", req.publications),
            ("competitions", req.competitions),
            ("large-scale services", req.large_scale),
        ];
        for (name, need) in evidence {
            if let Some(n) = need {
                writeln!(self.out, "    {name}: {}", format!("{n:?}").to_lowercase())?;
            }
        }
        Ok(())
    }

    fn explain_evidence(&mut self, r: &Record) -> io::Result<()> {
        let st = self.style;
        let groups = [
            Signal::Modeling,
            Signal::Backend,
            Signal::Frontend,
            Signal::Research,
            Signal::Ai,
            Signal::Function,
        ];
        if let Some(ai) = r.ai_signal {
            writeln!(self.out, "  ai signal in the job's own sections: {ai:.1}")?;
        }
        for g in groups {
            let hits: Vec<&Evidence> = r.evidence.iter().filter(|e| e.signal == g).collect();
            if hits.is_empty() {
                continue;
            }
            writeln!(
                self.out,
                "  {}",
                st.cyan(&format!("{} ({} hits)", g.name(), hits.len()))
            )?;
            for e in hits {
                let text = format!(
                    "    {:>5.2}  {:<28} \"{}\"  {} l.{}",
                    e.weight,
                    truncate(&sanitize(&e.pattern), 28),
                    sanitize(&e.matched),
                    e.section.name(),
                    e.line
                );
                if e.negated {
                    writeln!(self.out, "{}", st.dim(&format!("{text}  (negated)")))?;
                } else {
                    writeln!(self.out, "{text}")?;
                }
            }
        }
        let sections: Vec<String> = r
            .sections
            .iter()
            .map(|s| match &s.heading {
                Some(h) => format!("{} \"{}\"", s.kind.name(), truncate(&sanitize(h), 30)),
                None => s.kind.name().to_string(),
            })
            .collect();
        if !sections.is_empty() {
            writeln!(self.out, "  sections: {}", sections.join(" | "))?;
        }
        Ok(())
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
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
                st.red("error"),
                sanitize(r.error.as_deref().unwrap_or(""))
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
