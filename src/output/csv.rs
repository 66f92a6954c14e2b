//! CSV: one row per record with the documented columns. Cells that came from a
//! posting are neutralised against formula injection before a spreadsheet sees them.

use std::io::{self, Write};

use super::RecordWriter;
use crate::model::Lang;
use crate::report::Record;
use crate::role::{Label, Role};

pub struct CsvWriter<'a> {
    out: csv::Writer<Box<dyn Write + 'a>>,
    with_fit: bool,
    /// A `seen` column (new, reposted, changed, seen), with `--db`.
    with_seen: bool,
    wrote_header: bool,
}

impl<'a> CsvWriter<'a> {
    pub fn new(out: Box<dyn Write + 'a>, with_fit: bool) -> CsvWriter<'a> {
        CsvWriter {
            out: csv::Writer::from_writer(out),
            with_fit,
            with_seen: false,
            wrote_header: false,
        }
    }

    fn header(&self) -> Vec<&'static str> {
        let mut h = vec![
            "id",
            "title",
            "company",
            "location",
            "lang",
            "role",
            "secondary",
            "confidence",
            "score_modeling",
            "score_backend",
            "score_frontend",
            "score_research",
            "alternative",
            "alternative_probability",
            "title_role",
            "seniority",
            "places",
            "work_mode",
            "limits",
            "work_languages",
        ];
        if self.with_fit {
            h.extend(["fit_score", "matched", "missing_required"]);
        }
        h.extend(["status", "error", "duplicate_of"]);
        if self.with_seen {
            h.push("seen");
        }
        h
    }
}

/// A cell made safe: terminal escape sequences and control characters are
/// removed (tabs and line breaks become spaces), and a cell a spreadsheet
/// would read as a formula (`=`, `+`, `-`, `@`, also after leading spaces)
/// gets a leading apostrophe.
pub fn neutralize(cell: &str) -> String {
    let cell = crate::text::sanitize(cell);
    if cell.trim_start().starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The csv crate's error as the I/O error underneath, so that a closed pipe
/// is still recognised as one (`csv::Error` has no `source()`).
fn into_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The seniority, places, work mode, limits and work languages cells.
fn limit_cells(req: Option<&crate::requirements::Requirements>) -> [String; 5] {
    use crate::requirements::{Need, WorkMode};
    let Some(req) = req else {
        return Default::default();
    };
    let loc = &req.location;
    let mut places: Vec<String> = loc
        .places
        .iter()
        .map(|p| format!("{} ({})", p.name, p.region))
        .collect();
    if places.is_empty()
        && let Some(r) = &loc.assumed_region
    {
        places.push(format!("{r} (assumed)"));
    }
    let mode = match loc.mode {
        Some(WorkMode::Remote) if loc.anywhere => "remote anywhere",
        Some(WorkMode::Remote) => "remote",
        Some(WorkMode::Hybrid) => "hybrid",
        Some(WorkMode::Onsite) => "onsite",
        None => "",
    };
    let limits: Vec<String> = req
        .limits
        .iter()
        .map(|l| {
            let region = l
                .region
                .as_deref()
                .map(|r| format!(" {r}"))
                .unwrap_or_default();
            format!("{}{region}: {} (l.{})", l.kind.name(), l.text, l.line)
        })
        .collect();
    let langs: Vec<String> = req
        .work_languages
        .iter()
        .map(|w| {
            let need = if w.need == Need::Required {
                "required"
            } else {
                "preferred"
            };
            format!("{} {need}", w.name)
        })
        .collect();
    [
        req.seniority
            .as_ref()
            .map(|s| s.level.name().to_string())
            .unwrap_or_default(),
        places.join("; "),
        mode.to_string(),
        limits.join("; "),
        langs.join("; "),
    ]
}

fn num(x: Option<f64>) -> String {
    x.map(|v| format!("{v}")).unwrap_or_default()
}

impl RecordWriter for CsvWriter<'_> {
    fn write(&mut self, r: &Record) -> io::Result<()> {
        if !self.wrote_header {
            self.out.write_record(self.header()).map_err(into_io)?;
            self.wrote_header = true;
        }
        let text = |s: &Option<String>| neutralize(s.as_deref().unwrap_or(""));
        let score = |role: Role| num(r.scores.as_ref().map(|s| s.get(role)));
        let mut row = vec![
            neutralize(&r.id),
            text(&r.meta.title),
            text(&r.meta.company),
            text(&r.meta.location),
            r.lang.map_or("", Lang::code).to_string(),
            r.role.map_or("", Label::name).to_string(),
            r.secondary.map_or("", Role::name).to_string(),
            num(r.confidence),
            score(Role::Modeling),
            score(Role::Backend),
            score(Role::Frontend),
            score(Role::Research),
            r.alternative.map_or("", |a| a.role.name()).to_string(),
            num(r.alternative.map(|a| a.probability)),
            r.title_role.map_or("", Label::name).to_string(),
        ];
        row.extend(limit_cells(r.requirements.as_ref()).map(|c| neutralize(&c)));
        if self.with_fit {
            match &r.fit {
                Some(f) => {
                    row.push(f.score.to_string());
                    row.push(neutralize(
                        &f.matched
                            .iter()
                            .map(|m| m.skill.as_str())
                            .collect::<Vec<_>>()
                            .join("; "),
                    ));
                    row.push(neutralize(&f.missing_required.join("; ")));
                }
                None => row.extend([String::new(), String::new(), String::new()]),
            }
        }
        row.push(r.status.name().to_string());
        row.push(text(&r.error));
        row.push(text(&r.duplicate_of));
        if self.with_seen {
            row.push(r.seen.map_or("", crate::history::Seen::name).to_string());
        }
        self.out.write_record(&row).map_err(into_io)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn with_history(&mut self) {
        self.with_seen = true;
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.wrote_header {
            self.out.write_record(self.header()).map_err(into_io)?;
            self.wrote_header = true;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralized() {
        assert_eq!(neutralize("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("-2+3"), "'-2+3");
        assert_eq!(neutralize("ML Engineer"), "ML Engineer");
        assert_eq!(neutralize("\t=1+1"), "' =1+1");
        assert_eq!(neutralize("  @x"), "'  @x");
        assert_eq!(neutralize("a\u{1b}[2Jb\u{7}"), "ab");
    }
}
