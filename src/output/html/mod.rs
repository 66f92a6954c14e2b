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
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context;

pub use escape::{esc, href, num};

use crate::fit::Strengths;
use crate::report::Record;
use crate::role::Role;
use crate::summary::Summary;
use charts::Bar;

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");
/// Postings in the fit ranking chart.
const TOP_FIT: usize = 20;
/// Skills in the skills-in-demand chart.
const TOP_SKILLS: usize = 15;
/// The role slots of the role chart: the four roles, then none.
const ROLE_NAMES: [&str; 5] = ["modeling", "backend", "frontend", "research", "none"];

/// An HTML report being written.
pub struct Report {
    path: PathBuf,
    out: BufWriter<File>,
    rows: RowsFile,
    strengths: Option<Vec<String>>,
    summary: Summary,
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
    /// Creates `path` now, so that a path that cannot be written stops the
    /// run before any work; the page is written by [`Report::finish`].
    pub fn create(path: &Path, strengths: Option<&Strengths>) -> anyhow::Result<Report> {
        let file =
            File::create(path).with_context(|| format!("{}: cannot write", path.display()))?;
        Ok(Report {
            path: path.to_path_buf(),
            out: BufWriter::new(file),
            rows: RowsFile::new()?,
            strengths: strengths.map(|s| s.items.iter().map(|i| i.text.clone()).collect()),
            summary: Summary::new(strengths),
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
        let html = row::row(self.n, r, self.strengths.is_some());
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
        let name = self.path.display().to_string();
        let head = self.head();
        let result = (|| -> io::Result<()> {
            self.out.write_all(head.as_bytes())?;
            self.rows.out.flush()?;
            let mut rows = File::open(&self.rows.path)?;
            io::copy(&mut rows, &mut self.out)?;
            write!(
                self.out,
                "</tbody></table></section>\n<section id=\"summary\">\n<h2>Market summary</h2>\n\
                 <div class=\"cards\">{}</div>\n</section>\n</main>\n<footer>Made by rolefit {} from the postings' own text. \
                 This page is self-contained: it loads nothing and works offline.</footer>\n\
                 <script>\n{JS}</script>\n</body>\n</html>\n",
                summary::cards(&self.summary),
                env!("CARGO_PKG_VERSION")
            )?;
            self.out.flush()
        })();
        result.with_context(|| format!("{name}: cannot write"))
    }

    /// Everything above the table's rows.
    fn head(&self) -> String {
        let ok = self.n - self.errors;
        let mut s = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"rolefit {v}\">\n\
             <title>rolefit report: {n} posting{pl}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
            v = env!("CARGO_PKG_VERSION"),
            n = self.n,
            pl = if self.n == 1 { "" } else { "s" },
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
        let mut s = format!(
            "<header>\n<h1>rolefit report</h1>\n<p class=\"sub\">{} postings: {ok} read, {} error{}.</p>\n",
            self.n,
            self.errors,
            if self.errors == 1 { "" } else { "s" }
        );
        match &self.strengths {
            Some(items) => {
                s.push_str("<div class=\"you\"><span>Compared with your strengths:</span><ul>");
                for i in items {
                    let _ = write!(s, "<li>{}</li>", esc(i));
                }
                s.push_str("</ul></div>\n");
            }
            None => s.push_str(
                "<p class=\"note\" id=\"no-strengths\">No strengths were given, so this report has \
                 no fit scores and no fit ranking. Add <code>--profile FILE</code> or \
                 <code>--strengths \"PyTorch, React, ...\"</code> to compare the postings with what \
                 you are good at.</p>\n",
            ),
        }
        s.push_str(
            "<nav><a href=\"#charts\">Roles and fit</a><a href=\"#market\">Skills in demand</a>\
             <a href=\"#postings\">Postings</a><a href=\"#summary\">Market summary</a></nav>\n</header>\n",
        );
        s
    }

    fn cards(&self, ok: usize) -> String {
        let ai = ok - self.roles[4];
        let mut s = String::from("<section class=\"stats\">");
        let mut card = |value: String, what: &str| {
            let _ = write!(s, "<div><b>{value}</b><span>{what}</span></div>");
        };
        card(self.n.to_string(), "postings");
        if self.duplicates > 0 {
            card(self.duplicates.to_string(), "duplicate rows (counted once)");
        }
        card(ai.to_string(), "AI roles");
        card(self.roles[4].to_string(), "not AI work");
        card(self.errors.to_string(), "errors");
        if let Some(good) = self.summary.fits_well() {
            card(good.to_string(), "fit well (60+)");
            let best = self
                .top
                .first()
                .map_or("-".to_string(), |p| p.score.to_string());
            card(best, "best fit");
        }
        s.push_str("</section>\n");
        s
    }

    fn charts(&self, ok: usize) -> String {
        let max = self.roles.iter().copied().max().unwrap_or(0) as f64;
        let bars: Vec<Bar> = ROLE_NAMES
            .iter()
            .zip(self.roles)
            .map(|(name, c)| Bar {
                label: name.to_string(),
                value: c as f64,
                value_text: format!("{c} · {}", share(c, ok)),
                class: format!("r-{name}"),
                key: name.to_string(),
                link: None,
            })
            .collect();
        let mut s = String::from(
            "<section id=\"charts\" class=\"grid\">\n<div class=\"stack\">\n<figure id=\"role-chart\">\n<figcaption>Postings per role</figcaption>\n",
        );
        s.push_str(&charts::bars(
            "chart-roles",
            "Postings per role",
            &bars,
            max,
            10,
        ));
        s.push_str("\n</figure>\n");
        if self.strengths.is_some() {
            s.push_str(&self.bands_chart());
        }
        s.push_str("</div>\n<figure id=\"fit-chart\">\n<figcaption>Fit ranking: your best matches</figcaption>\n");
        match &self.strengths {
            None => s.push_str("<p class=\"note\">No fit ranking: no strengths were given.</p>\n"),
            Some(_) if self.top.is_empty() => {
                s.push_str("<p class=\"note\">No posting could be scored.</p>\n")
            }
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
                s.push_str(&charts::bars("chart-fit", "Fit ranking", &bars, 100.0, 34));
                s.push_str(&legend());
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
        format!(
            "<figure id=\"bands-chart\">\n<figcaption>Fit scores (60 or more fits well)</figcaption>\n{}\n</figure>\n",
            charts::bars("chart-bands", "Fit scores", &bars, max, 10)
        )
    }

    fn market(&self) -> String {
        let mut s = String::from("<section id=\"market\">\n<h2>The market</h2>\n");
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
            s.push_str("<figure id=\"skills-chart\">\n<figcaption>Skills in demand: postings that require each");
            if self.strengths.is_some() {
                s.push_str(", against your strengths");
            }
            s.push_str("</figcaption>\n");
            s.push_str(&charts::bars(
                "chart-skills",
                "Skills in demand",
                &bars,
                max,
                22,
            ));
            if self.strengths.is_some() {
                s.push_str(
                    "<p class=\"legend\"><span class=\"key yours\"></span>in your strengths \
                            <span class=\"key gap\"></span>not in your strengths</p>\n",
                );
            }
            s.push_str("</figure>\n");
        }
        s.push_str(
            "<p class=\"hint\">The whole market summary (roles, skills by role, degree, years, \
             evidence asked for, and with strengths your fit and what to learn next) is \
             <a href=\"#summary\">below the postings</a>.</p>\n</section>\n",
        );
        s
    }

    fn table_head(&self) -> String {
        let mut s = String::from(
            "<section id=\"postings\">\n<h2>Postings</h2>\n<p class=\"hint\">In input order. \
             Click a column heading to sort (this needs JavaScript); open <i>Why</i> to see the \
             lines that decided a posting's role, its hits marked.</p>\n\
             <table id=\"postings-table\"><thead><tr>\
             <th class=\"n\"><button type=\"button\" data-key=\"n\" data-type=\"num\">#</button></th>\
             <th><button type=\"button\" data-key=\"title\" data-type=\"text\">Posting</button></th>\
             <th><button type=\"button\" data-key=\"role\" data-type=\"text\">Role</button></th>\
             <th class=\"num\"><button type=\"button\" data-key=\"confidence\" data-type=\"num\" data-dir=\"desc\">Confidence</button></th>",
        );
        if self.strengths.is_some() {
            s.push_str(
                "<th class=\"num\"><button type=\"button\" data-key=\"fit\" data-type=\"num\" data-dir=\"desc\">Fit</button></th>\
                 <th>Skills: ✓ yours, ✗ missing (required)</th>",
            );
        }
        s.push_str("</tr></thead>\n<tbody>\n");
        s
    }
}

/// The role colours, for charts whose bars are coloured by role.
fn legend() -> String {
    let mut s = String::from("<p class=\"legend\">");
    for name in ROLE_NAMES {
        let _ = write!(s, "<span class=\"key r-{name}\"></span>{name} ");
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

/// The rows rendered so far, in a temporary file that is removed when the
/// report is done or dropped.
struct RowsFile {
    path: PathBuf,
    out: BufWriter<File>,
}

impl RowsFile {
    fn new() -> anyhow::Result<RowsFile> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir();
        let path = dir.join(format!(
            "rolefit-report-{}-{}.part",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| format!("{}: cannot create a temporary file", path.display()))?;
        Ok(RowsFile {
            path,
            out: BufWriter::new(file),
        })
    }
}

impl Drop for RowsFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests;
