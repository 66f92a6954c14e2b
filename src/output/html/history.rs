//! `rolefit history --report FILE`: the trends as one self-contained HTML
//! page, with the same inline SVG bar charts and style as the batch report.

use std::fmt::Write as _;
use std::path::Path;

use super::CSS;
use super::charts::{Bar, bars};
use super::escape::esc;
use crate::history::trends::{EventKind, Period, Trends};

const ROLES: [&str; 5] = ["modeling", "backend", "frontend", "research", "none"];

/// Writes the page to `path`.
pub fn write(t: &Trends, path: &Path) -> anyhow::Result<()> {
    // Written whole beside the target, then renamed into place.
    let (mut file, pending) = crate::outfile::create(path)?;
    std::io::Write::write_all(&mut file, page(t).as_bytes())
        .and_then(|()| std::io::Write::flush(&mut file))
        .map_err(crate::output::write_error(Some(path)))?;
    drop(file);
    pending.commit()
}

fn chart(id: &str, title: &str, periods: &[Period], value: impl Fn(&Period) -> usize) -> String {
    let max = periods.iter().map(&value).max().unwrap_or(0) as f64;
    let list: Vec<Bar> = periods
        .iter()
        .map(|p| {
            let v = value(p);
            Bar {
                label: p.period.clone(),
                value: v as f64,
                value_text: v.to_string(),
                class: "r-modeling".into(),
                key: p.period.clone(),
                link: None,
            }
        })
        .collect();
    format!(
        "<figure><figcaption>{}</figcaption>{}</figure>\n",
        esc(title),
        bars(id, title, &list, max.max(1.0), 12)
    )
}

/// The page.
pub fn page(t: &Trends) -> String {
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"rolefit {v}\">\n\
         <title>rolefit history</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <header>\n<h1>rolefit history</h1>\n<p class=\"sub\">{runs} runs, {n} postings{since}.</p>\n</header>\n<main>\n",
        v = env!("CARGO_PKG_VERSION"),
        runs = t.runs,
        n = t.postings,
        since = t
            .since
            .as_ref()
            .map_or_else(String::new, |d| format!(" since {}", esc(d))),
    );
    let count = |k: EventKind| t.events.iter().filter(|e| e.kind == k).count();
    s.push_str("<section class=\"stats\">");
    for k in [
        EventKind::New,
        EventKind::Changed,
        EventKind::Reposted,
        EventKind::Closed,
    ] {
        let _ = write!(s, "<div><b>{}</b><span>{}</span></div>", count(k), k.name());
    }
    s.push_str("</section>\n<section id=\"trends\">\n<h2>Trends</h2>\n");
    let p = &t.periods;
    s.push_str(&chart("h-seen", "Postings seen", p, |p| p.postings));
    s.push_str(&chart("h-new", "New postings", p, |p| p.new));
    s.push_str(&chart("h-closed", "Closed postings", p, |p| p.closed));
    s.push_str(&chart("h-reposted", "Reposted postings", p, |p| p.reposted));
    if p.iter().any(|p| p.fits_well.is_some()) {
        s.push_str(&chart("h-fit", "Postings that fit you well", p, |p| {
            p.fits_well.unwrap_or(0)
        }));
    }
    for role in ROLES {
        s.push_str(&chart(
            &format!("h-role-{role}"),
            &format!("{role} postings"),
            p,
            |p| p.roles.get(role).copied().unwrap_or(0),
        ));
    }
    s.push_str("</section>\n<section id=\"skills\">\n<h2>Skills asked most</h2>\n<table>\n<thead><tr><th>period</th><th>skills (postings that require each)</th></tr></thead><tbody>\n");
    for p in p {
        let skills: Vec<String> = p
            .top_skills
            .iter()
            .map(|k| format!("{} ({})", esc(&k.skill), k.postings))
            .collect();
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(&p.period),
            skills.join(", ")
        );
    }
    s.push_str("</tbody></table>\n</section>\n<section id=\"events\">\n<h2>Postings</h2>\n<table>\n<thead><tr><th>date</th><th>event</th><th>role</th><th>title</th><th>company</th></tr></thead><tbody>\n");
    for e in &t.events {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&e.date),
            e.kind.name(),
            esc(&e.role),
            esc(e.title.as_deref().unwrap_or("")),
            esc(e.company.as_deref().unwrap_or(""))
        );
    }
    let _ = write!(
        s,
        "</tbody></table>\n</section>\n</main>\n<footer>Made by rolefit {} from its history database. \
         This page is self-contained: it loads nothing and works offline.</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    s
}
