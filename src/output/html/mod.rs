//! `--report FILE`: one self-contained HTML page, written alongside the
//! normal output. Charts are inline SVG, the style sheet and the sorting
//! script are compiled in, and nothing is fetched: the file works offline
//! and, sorting aside, without JavaScript.
//!
//! Rows are rendered as they come and kept in a temporary file, so a batch
//! of any length keeps flat memory; the charts and the market summary, which
//! need every row, are written above them when the batch ends.

mod charts;
mod escape;
pub mod history;
mod row;
mod summary;

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use escape::{code_spans, italics};
pub use escape::{esc, href, num};

use crate::fit::Strengths;
use crate::i18n::Messages;
use crate::report::Record;
use crate::role::Role;
use crate::summary::Summary;
use crate::tr;
use charts::Bar;

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");
/// Postings in the fit ranking chart.
const TOP_FIT: usize = 20;
/// Skills in the skills-in-demand chart.
const TOP_SKILLS: usize = 15;
/// The role slots of the role chart: the four roles, then none. These are
/// CSS classes and data keys; people read [`Messages::label`].
const ROLE_NAMES: [&str; 5] = ["modeling", "backend", "frontend", "research", "none"];
/// The roles of `ROLE_NAMES`, in order.
const ROLE_SLOTS: [Option<Role>; 5] = [
    Some(Role::Modeling),
    Some(Role::Backend),
    Some(Role::Frontend),
    Some(Role::Research),
    None,
];

/// An HTML report being written.
pub struct Report {
    path: PathBuf,
    out: BufWriter<File>,
    /// Renames the page into place once it is complete.
    pending: crate::outfile::Pending,
    rows: RowsFile,
    strengths: Option<Vec<String>>,
    summary: Summary,
    msg: Messages,
    n: usize,
    roles: [usize; 5],
    errors: usize,
    /// Fit scores by band of 20 points, lowest first.
    bands: [usize; 5],
    /// The best fits so far, best first, at most `TOP_FIT`.
    top: Vec<Ranked>,
    /// Rows that repeat an earlier row's posting: listed, counted once.
    duplicates: usize,
}

/// A posting in the fit ranking.
struct Ranked {
    score: u32,
    n: usize,
    label: String,
    role: &'static str,
}

impl Report {
    /// Creates a temporary file beside `path` now, so that a path that
    /// cannot be written stops the run before any work; the page is written
    /// by [`Report::finish`], and only then replaces `path`.
    pub fn create(
        path: &Path,
        strengths: Option<&Strengths>,
        msg: Messages,
    ) -> anyhow::Result<Report> {
        let (file, pending) = crate::outfile::create(path)?;
        Ok(Report {
            path: path.to_path_buf(),
            out: BufWriter::new(file),
            pending,
            rows: RowsFile::new()?,
            strengths: strengths.map(|s| s.items.iter().map(|i| i.text.clone()).collect()),
            summary: Summary::new(strengths),
            msg,
            n: 0,
            roles: [0; 5],
            errors: 0,
            bands: [0; 5],
            top: Vec::new(),
            duplicates: 0,
        })
    }

    /// Adds the next record, in input order.
    pub fn add(&mut self, r: &Record) -> anyhow::Result<()> {
        self.n += 1;
        self.summary.add(r);
        // A duplicate is listed with its row, but counted (roles, fit
        // ranking) only once, by the row it repeats.
        let counted = r.duplicate_of.is_none();
        self.duplicates += usize::from(!counted && r.is_ok());
        if !r.is_ok() {
            self.errors += 1;
        } else if counted {
            let role = r.role_name();
            let slot = role.parse::<Role>().map_or(4, Role::index);
            self.roles[slot] += 1;
        }
        if let Some(fit) = r.fit.as_ref().filter(|_| counted) {
            self.bands[(fit.score as usize / 20).min(4)] += 1;
            self.rank(Ranked {
                score: fit.score,
                n: self.n,
                label: r.meta.title.clone().unwrap_or_else(|| r.id.clone()),
                role: r.role_name(),
            });
        }
        let html = row::row(self.n, r, self.strengths.is_some(), self.msg);
        self.rows
            .out
            .write_all(html.as_bytes())
            .context("writing the report's rows to a temporary file")
    }

    fn rank(&mut self, p: Ranked) {
        // Highest score first; equal scores in input order.
        let at = self.top.partition_point(|q| q.score >= p.score);
        if at < TOP_FIT {
            self.top.insert(at, p);
            self.top.truncate(TOP_FIT);
        }
    }

    /// Writes the page: head, charts, market, then the rows kept so far.
    pub fn finish(mut self) -> anyhow::Result<()> {
        let head = self.head();
        let m = self.msg;
        let result = (|| -> io::Result<()> {
            self.out.write_all(head.as_bytes())?;
            self.rows.out.flush()?;
            let rows = self.rows.out.get_mut();
            rows.seek(io::SeekFrom::Start(0))?;
            io::copy(rows, &mut self.out)?;
            write!(
                self.out,
                "</tbody></table></section>\n<section id=\"summary\">\n<h2>{}</h2>\n\
                 <div class=\"cards\">{}</div>\n</section>\n</main>\n<footer>{}</footer>\n\
                 <script>\n{JS}</script>\n</body>\n</html>\n",
                esc(&tr!(m, "summary-title")),
                summary::cards(&self.summary, m),
                esc(&tr!(
                    m,
                    "report-footer",
                    version = env!("CARGO_PKG_VERSION")
                ))
            )?;
            self.out.flush()
        })();
        result.map_err(crate::output::write_error(Some(&self.path)))?;
        self.pending.commit()
    }

    /// Everything above the table's rows.
    fn head(&self) -> String {
        let ok = self.n - self.errors;
        let m = self.msg;
        let mut s = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"rolefit {v}\">\n\
             <title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
            lang = m.locale().code(),
            v = env!("CARGO_PKG_VERSION"),
            title = esc(&tr!(m, "report-page-title", n = self.n)),
        );
        s.push_str(&self.header(ok));
        s.push_str("<main>\n");
        // Shares and the AI count are of distinct postings.
        s.push_str(&self.cards(ok - self.duplicates));
        s.push_str(&self.charts(ok - self.duplicates));
        s.push_str(&self.market());
        s.push_str(&self.table_head());
        s
    }

    fn header(&self, ok: usize) -> String {
        let m = self.msg;
        let sub = tr!(
            m,
            "report-sub",
            n = m.number(self.n),
            ok = m.number(ok),
            errors = self.errors
        );
        let mut s = format!(
            "<header>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n",
            esc(&tr!(m, "md-title")),
            esc(&sub)
        );
        match &self.strengths {
            Some(items) => {
                let _ = write!(
                    s,
                    "<div class=\"you\"><span>{}</span><ul>",
                    esc(&tr!(m, "report-compared"))
                );
                for i in items {
                    let _ = write!(s, "<li>{}</li>", esc(i));
                }
                s.push_str("</ul></div>\n");
            }
            None => {
                // The message holds the flags as `code`; everything else is escaped.
                let note = esc(&tr!(m, "report-no-strengths"));
                let _ = writeln!(
                    s,
                    "<p class=\"note\" id=\"no-strengths\">{}</p>",
                    code_spans(&note)
                );
            }
        }
        let _ = writeln!(
            s,
            "<nav><a href=\"#charts\">{}</a><a href=\"#market\">{}</a>\
             <a href=\"#postings\">{}</a><a href=\"#summary\">{}</a></nav>\n</header>",
            esc(&tr!(m, "report-nav-charts")),
            esc(&tr!(m, "report-skills-in-demand")),
            esc(&tr!(m, "report-postings")),
            esc(&tr!(m, "summary-title")),
        );
        s
    }

    fn cards(&self, ok: usize) -> String {
        let ai = ok - self.roles[4];
        let mut s = String::from("<section class=\"stats\">");
        let m = self.msg;
        let mut card = |value: String, what: String| {
            let _ = write!(s, "<div><b>{value}</b><span>{}</span></div>", esc(&what));
        };
        card(m.number(self.n), tr!(m, "report-card-postings"));
        if self.duplicates > 0 {
            card(m.number(self.duplicates), tr!(m, "report-card-duplicates"));
        }
        card(m.number(ai), tr!(m, "report-card-ai"));
        card(m.number(self.roles[4]), tr!(m, "report-card-not-ai"));
        card(m.number(self.errors), tr!(m, "report-card-errors"));
        if let Some(good) = self.summary.fits_well() {
            card(m.number(good), tr!(m, "report-card-fit-well"));
            let best = self
                .top
                .first()
                .map_or("-".to_string(), |p| p.score.to_string());
            card(best, tr!(m, "report-card-best"));
        }
        s.push_str("</section>\n");
        s
    }

    fn charts(&self, ok: usize) -> String {
        let m = self.msg;
        let max = self.roles.iter().copied().max().unwrap_or(0) as f64;
        let bars: Vec<Bar> = ROLE_NAMES
            .iter()
            .zip(ROLE_SLOTS)
            .zip(self.roles)
            .map(|((name, slot), c)| Bar {
                label: m.label(slot),
                value: c as f64,
                value_text: format!("{c} · {}", share(c, ok)),
                class: format!("r-{name}"),
                key: name.to_string(),
                link: None,
            })
            .collect();
        let per_role = tr!(m, "report-per-role");
        let mut s = format!(
            "<section id=\"charts\" class=\"grid\">\n<div class=\"stack\">\n<figure id=\"role-chart\">\n<figcaption>{}</figcaption>\n",
            esc(&per_role)
        );
        s.push_str(&charts::bars("chart-roles", &per_role, &bars, max, 10));
        s.push_str("\n</figure>\n");
        if self.strengths.is_some() {
            s.push_str(&self.bands_chart());
        }
        let _ = writeln!(
            s,
            "</div>\n<figure id=\"fit-chart\">\n<figcaption>{}</figcaption>",
            esc(&tr!(m, "report-fit-ranking-caption"))
        );
        let note = |text: String| format!("<p class=\"note\">{}</p>\n", esc(&text));
        match &self.strengths {
            None => s.push_str(&note(tr!(m, "report-no-ranking"))),
            Some(_) if self.top.is_empty() => s.push_str(&note(tr!(m, "report-none-scored"))),
            Some(_) => {
                let bars: Vec<Bar> = self
                    .top
                    .iter()
                    .map(|p| Bar {
                        label: p.label.clone(),
                        value: p.score as f64,
                        value_text: p.score.to_string(),
                        class: format!("r-{}", p.role),
                        key: p.n.to_string(),
                        link: Some(format!("#p-{}", p.n)),
                    })
                    .collect();
                let title = tr!(m, "report-fit-ranking");
                s.push_str(&charts::bars("chart-fit", &title, &bars, 100.0, 34));
                s.push_str(&legend(m));
            }
        }
        s.push_str("</figure>\n</section>\n");
        s
    }

    /// How many postings score in each band of 20 points, best band first.
    fn bands_chart(&self) -> String {
        let scored: usize = self.bands.iter().sum();
        let max = self.bands.iter().copied().max().unwrap_or(0) as f64;
        let names = ["0-19", "20-39", "40-59", "60-79", "80-100"];
        let bars: Vec<Bar> = (0..5)
            .rev()
            .map(|i| Bar {
                label: names[i].to_string(),
                value: self.bands[i] as f64,
                value_text: format!("{} · {}", self.bands[i], share(self.bands[i], scored)),
                class: match i {
                    3 | 4 => "yours",
                    2 => "skill",
                    _ => "r-none",
                }
                .to_string(),
                key: names[i].to_string(),
                link: None,
            })
            .collect();
        let m = self.msg;
        format!(
            "<figure id=\"bands-chart\">\n<figcaption>{}</figcaption>\n{}\n</figure>\n",
            esc(&tr!(m, "report-bands-caption")),
            charts::bars("chart-bands", &tr!(m, "report-bands"), &bars, max, 10)
        )
    }

    fn market(&self) -> String {
        let m = self.msg;
        let mut s = format!(
            "<section id=\"market\">\n<h2>{}</h2>\n",
            esc(&tr!(m, "report-market"))
        );
        let demand = self.summary.skills_in_demand(TOP_SKILLS);
        if !demand.is_empty() {
            let ok = self.summary.ok();
            let max = demand.first().map_or(0, |d| d.postings) as f64;
            let bars: Vec<Bar> = demand
                .iter()
                .map(|d| Bar {
                    label: d.name.clone(),
                    value: d.postings as f64,
                    value_text: format!("{} · {}", d.postings, share(d.postings, ok)),
                    class: match d.yours {
                        Some(true) => "yours",
                        Some(false) => "gap",
                        None => "skill",
                    }
                    .to_string(),
                    key: d.name.clone(),
                    link: None,
                })
                .collect();
            let caption = if self.strengths.is_some() {
                tr!(m, "report-skills-caption-yours")
            } else {
                tr!(m, "report-skills-caption")
            };
            let _ = writeln!(
                s,
                "<figure id=\"skills-chart\">\n<figcaption>{}</figcaption>",
                esc(&caption)
            );
            let title = tr!(m, "report-skills-in-demand");
            s.push_str(&charts::bars("chart-skills", &title, &bars, max, 22));
            if self.strengths.is_some() {
                let _ = writeln!(
                    s,
                    "<p class=\"legend\"><span class=\"key yours\"></span>{} \
                     <span class=\"key gap\"></span>{}</p>",
                    esc(&tr!(m, "report-legend-yours")),
                    esc(&tr!(m, "report-legend-gap"))
                );
            }
            s.push_str("</figure>\n");
        }
        let _ = writeln!(
            s,
            "<p class=\"hint\">{} <a href=\"#summary\">{}</a>{}</p>\n</section>",
            esc(&tr!(m, "report-market-hint")),
            esc(&tr!(m, "report-market-hint-link")),
            escape::escape_only(&tr!(m, "report-market-hint-after"))
        );
        s
    }

    fn table_head(&self) -> String {
        let m = self.msg;
        let mut s = format!(
            "<section id=\"postings\">\n<h2>{}</h2>\n<p class=\"hint\">{}</p>\n\
             <table id=\"postings-table\"><thead><tr>\
             <th class=\"n\"><button type=\"button\" data-key=\"n\" data-type=\"num\">#</button></th>\
             <th><button type=\"button\" data-key=\"title\" data-type=\"text\">{}</button></th>\
             <th><button type=\"button\" data-key=\"role\" data-type=\"text\">{}</button></th>\
             <th class=\"num\"><button type=\"button\" data-key=\"confidence\" data-type=\"num\" data-dir=\"desc\">{}</button></th>",
            esc(&tr!(m, "report-postings")),
            italics(&esc(&tr!(m, "report-postings-hint"))),
            esc(&tr!(m, "report-col-posting")),
            esc(&tr!(m, "report-col-role")),
            esc(&tr!(m, "report-col-confidence")),
        );
        if self.strengths.is_some() {
            let _ = write!(
                s,
                "<th class=\"num\"><button type=\"button\" data-key=\"fit\" data-type=\"num\" data-dir=\"desc\">{}</button></th>\
                 <th>{}</th>",
                esc(&tr!(m, "report-col-fit")),
                esc(&tr!(m, "report-col-skills")),
            );
        }
        s.push_str("</tr></thead>\n<tbody>\n");
        s
    }
}

/// The role colours, for charts whose bars are coloured by role.
fn legend(m: Messages) -> String {
    let mut s = String::from("<p class=\"legend\">");
    for (name, slot) in ROLE_NAMES.iter().zip(ROLE_SLOTS) {
        let _ = write!(
            s,
            "<span class=\"key r-{name}\"></span>{} ",
            esc(&m.label(slot))
        );
    }
    s.push_str("</p>\n");
    s
}

/// `count` as a whole percentage of `of`.
fn share(count: usize, of: usize) -> String {
    if of == 0 {
        return "-".into();
    }
    format!("{}%", (count * 100 + of / 2) / of)
}

/// The rows rendered so far, in an anonymous temporary file: the system
/// removes it when the process ends, however it ends.
struct RowsFile {
    out: BufWriter<File>,
}

impl RowsFile {
    fn new() -> anyhow::Result<RowsFile> {
        let file =
            tempfile::tempfile().context("cannot create a temporary file for the report's rows")?;
        Ok(RowsFile {
            out: BufWriter::new(file),
        })
    }
}

#[cfg(test)]
mod tests;
