//! `rolefit history` written as a table, JSON, JSON Lines, CSV or Markdown.

use std::io::{self, Write};

use serde::Serialize;

use super::trends::{Event, Period, Trends};
use crate::output::OutputFormat;
use crate::text::sanitize;

/// The roles, in the order they are shown.
pub const ROLES: [&str; 5] = ["modeling", "backend", "frontend", "research", "none"];

/// Writes the trends in `format`.
pub fn write(t: &Trends, format: OutputFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, t)?;
            writeln!(out)
        }
        OutputFormat::Jsonl => jsonl(t, out),
        OutputFormat::Csv => csv(t, out),
        OutputFormat::Md => markdown(t, out),
        OutputFormat::Table => table(t, out),
    }
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Line<'a> {
    Event(&'a Event),
    Period(&'a Period),
}

fn jsonl(t: &Trends, out: &mut dyn Write) -> io::Result<()> {
    for e in &t.events {
        serde_json::to_writer(&mut *out, &Line::Event(e))?;
        writeln!(out)?;
    }
    for p in &t.periods {
        serde_json::to_writer(&mut *out, &Line::Period(p))?;
        writeln!(out)?;
    }
    Ok(())
}

fn skills(p: &Period) -> String {
    p.top_skills
        .iter()
        .map(|s| format!("{} ({})", s.skill, s.postings))
        .collect::<Vec<_>>()
        .join(", ")
}

fn opt(n: Option<usize>) -> String {
    n.map_or_else(String::new, |n| n.to_string())
}

/// One CSV: a row per event, then a row per period; `type` says which, and
/// the columns that do not apply are empty.
fn csv(t: &Trends, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec![
        "type",
        "period",
        "date",
        "event",
        "posting",
        "title",
        "company",
        "role",
        "url",
        "postings",
        "new",
        "changed",
        "reposted",
        "closed",
        "fits_well",
    ];
    header.extend(ROLES);
    header.push("top_skills");
    w.write_record(&header)?;
    for e in &t.events {
        let mut row = vec![
            "event".to_string(),
            String::new(),
            e.date.clone(),
            e.kind.name().to_string(),
            e.posting.to_string(),
            cell(e.title.as_deref()),
            cell(e.company.as_deref()),
            e.role.clone(),
            cell(e.url.as_deref()),
        ];
        row.resize(header.len(), String::new());
        w.write_record(&row)?;
    }
    for p in &t.periods {
        let mut row = vec![
            "period".to_string(),
            p.period.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            p.postings.to_string(),
            p.new.to_string(),
            p.changed.to_string(),
            p.reposted.to_string(),
            p.closed.to_string(),
            opt(p.fits_well),
        ];
        row.extend(
            ROLES
                .iter()
                .map(|r| p.roles.get(*r).copied().unwrap_or(0).to_string()),
        );
        row.push(skills(p));
        w.write_record(&row)?;
    }
    w.flush()
}

/// A cell of text from a posting: spreadsheet formulas are neutralised.
fn cell(s: Option<&str>) -> String {
    let s = sanitize(s.unwrap_or(""));
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    }
}

fn md_cell(s: &str) -> String {
    sanitize(s).replace('|', "\\|").replace('\n', " ")
}

fn markdown(t: &Trends, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# rolefit history\n")?;
    writeln!(
        out,
        "{} runs, {} postings{}.\n",
        t.runs,
        t.postings,
        t.since
            .as_ref()
            .map_or_else(String::new, |s| format!(" since {s}"))
    )?;
    writeln!(out, "## Per {}\n", by_name(t))?;
    let fit = t.periods.iter().any(|p| p.fits_well.is_some());
    write!(
        out,
        "| period | postings | new | changed | reposted | closed | {}",
        ROLES.join(" | ")
    )?;
    writeln!(
        out,
        "{} | top skills |",
        if fit { " | fit well" } else { "" }
    )?;
    writeln!(
        out,
        "|---|---:|---:|---:|---:|---:|{}{}---|",
        "---:|".repeat(ROLES.len()),
        if fit { "---:|" } else { "" }
    )?;
    for p in &t.periods {
        write!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            p.period, p.postings, p.new, p.changed, p.reposted, p.closed
        )?;
        for r in ROLES {
            write!(out, " {} |", p.roles.get(r).copied().unwrap_or(0))?;
        }
        if fit {
            write!(out, " {} |", opt(p.fits_well))?;
        }
        writeln!(out, " {} |", md_cell(&skills(p)))?;
    }
    writeln!(out, "\n## Postings\n")?;
    writeln!(out, "| date | event | role | title | company |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for e in &t.events {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            e.date,
            e.kind.name(),
            e.role,
            md_cell(e.title.as_deref().unwrap_or("")),
            md_cell(e.company.as_deref().unwrap_or(""))
        )?;
    }
    Ok(())
}

fn by_name(t: &Trends) -> &'static str {
    match t.by {
        super::trends::Granularity::Week => "week",
        super::trends::Granularity::Month => "month",
    }
}

fn table(t: &Trends, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} runs, {} postings{}",
        t.runs,
        t.postings,
        t.since
            .as_ref()
            .map_or_else(String::new, |s| format!(" since {s}"))
    )?;
    writeln!(out)?;
    let fit = t.periods.iter().any(|p| p.fits_well.is_some());
    writeln!(
        out,
        "{:<10}  {:>8}  {:>4}  {:>7}  {:>8}  {:>6}  {:>4} {:>4} {:>4} {:>4} {:>4}{}  top skills",
        by_name(t),
        "postings",
        "new",
        "changed",
        "reposted",
        "closed",
        "mod",
        "back",
        "fron",
        "res",
        "none",
        if fit { "  fit well" } else { "" }
    )?;
    for p in &t.periods {
        let r = |name: &str| p.roles.get(name).copied().unwrap_or(0);
        writeln!(
            out,
            "{:<10}  {:>8}  {:>4}  {:>7}  {:>8}  {:>6}  {:>4} {:>4} {:>4} {:>4} {:>4}{}  {}",
            p.period,
            p.postings,
            p.new,
            p.changed,
            p.reposted,
            p.closed,
            r("modeling"),
            r("backend"),
            r("frontend"),
            r("research"),
            r("none"),
            if fit {
                format!("  {:>8}", opt(p.fits_well))
            } else {
                String::new()
            },
            sanitize(&skills(p))
        )?;
    }
    if !t.events.is_empty() {
        writeln!(out)?;
        for e in &t.events {
            writeln!(
                out,
                "{}  {:<8}  {:<8}  {}{}",
                e.date,
                e.kind.name(),
                e.role,
                sanitize(e.title.as_deref().unwrap_or("(untitled)")),
                e.company
                    .as_deref()
                    .map_or_else(String::new, |c| format!(" at {}", sanitize(c)))
            )?;
        }
    }
    Ok(())
}
