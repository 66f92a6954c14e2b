//! The summary as a document of headings, sentences and tables, built once
//! from the counts so that the text and Markdown renderings say the same.

use super::counts::RolesFrom;
use super::{
    DEGREE_LEVELS, Demand, EVIDENCE, FIT_BANDS, GOOD_FIT, ProfileCounts, Summary, Tally,
    YEAR_BUCKETS,
};
use crate::role::Role;

const TOP_SKILLS: usize = 15;
const TOP_SKILLS_PER_ROLE: usize = 8;
const TOP_TO_LEARN: usize = 10;

/// One part of the summary.
#[derive(Debug)]
pub enum Part {
    Heading(&'static str),
    Text(String),
    Table(Table),
}

/// Rows of counts of postings, with an optional bar and share column.
#[derive(Debug)]
pub struct Table {
    /// The header of the label column.
    pub label: &'static str,
    /// The header of the note column, when the rows have notes.
    pub note: Option<&'static str>,
    pub bars: bool,
    /// The number of postings shares are taken of; no share column if None.
    pub of: Option<usize>,
    pub rows: Vec<Row>,
}

#[derive(Debug)]
pub struct Row {
    pub label: String,
    pub count: usize,
    pub note: String,
}

fn row(label: impl Into<String>, count: usize) -> Row {
    Row {
        label: label.into(),
        count,
        note: String::new(),
    }
}

/// The whole summary, in reading order.
pub fn build(s: &Summary) -> Vec<Part> {
    let mut parts = vec![Part::Heading("Market summary"), Part::Text(overview(s))];
    if s.ok == 0 {
        return parts;
    }
    roles(s, &mut parts);
    skills(s, &mut parts);
    degree(s, &mut parts);
    years(s, &mut parts);
    evidence(s, &mut parts);
    pay(s, &mut parts);
    if let Some(p) = &s.profile {
        fit(p, &mut parts);
        strengths(s.ok, p, &mut parts);
        to_learn(p, &mut parts);
    }
    parts
}

fn overview(s: &Summary) -> String {
    let mut langs = format!("en {}, ko {}", s.langs[0], s.langs[1]);
    if s.langs[2] > 0 {
        langs.push_str(&format!(", other {}", s.langs[2]));
    }
    let text = format!(
        "{}: {} ok, {}.",
        plural(s.rows, "row"),
        s.ok,
        plural(s.errors, "error")
    );
    let text = if s.duplicates == 0 {
        text
    } else {
        format!(
            "{text} {} the text of an earlier row, counted once.",
            if s.duplicates == 1 {
                "1 row repeats".to_string()
            } else {
                format!("{} rows repeat", s.duplicates)
            }
        )
    };
    if s.ok == 0 {
        text
    } else {
        format!("{text} Languages: {langs}.")
    }
}

/// Pay bands per role and currency, on a yearly scale.
fn pay(s: &Summary, parts: &mut Vec<Part>) {
    parts.push(Part::Heading("Pay"));
    let mut text = format!("{} of {} state pay", plural(s.pay_stated, "posting"), s.ok);
    if s.pay_negotiable > 0 {
        text.push_str(&format!(
            "; {} say only that it is negotiable",
            s.pay_negotiable
        ));
    }
    text.push('.');
    if s.pay.is_empty() {
        parts.push(Part::Text(text));
        return;
    }
    text.push_str(" Yearly pay per role and currency (hourly, daily, weekly and monthly pay made yearly; pay with no stated period left out): the median of each posting's midpoint, and the lowest to highest.");
    parts.push(Part::Text(text));
    let slots = Role::ALL.iter().map(|r| r.name()).chain(["none"]);
    let mut rows = Vec::new();
    for (slot, name) in slots.enumerate() {
        for ((sl, currency), bands) in &s.pay {
            if *sl != slot || bands.is_empty() {
                continue;
            }
            let mut mids: Vec<f64> = bands.iter().map(|(lo, hi)| (lo + hi) / 2.0).collect();
            mids.sort_by(f64::total_cmp);
            let median = mids[mids.len() / 2];
            let lo = bands.iter().map(|b| b.0).fold(f64::INFINITY, f64::min);
            let hi = bands.iter().map(|b| b.1).fold(0.0, f64::max);
            let code = currency.code();
            rows.push(Row {
                label: format!("{name} ({code})"),
                count: bands.len(),
                note: format!(
                    "median {} {code}, {} to {}",
                    money(median),
                    money(lo),
                    money(hi)
                ),
            });
        }
    }
    parts.push(Part::Table(Table {
        label: "role (currency)",
        note: Some("yearly pay"),
        bars: false,
        of: None,
        rows,
    }));
}

/// An amount with thousands separators, rounded to a whole unit.
fn money(x: f64) -> String {
    let n = x.round() as i64;
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// "1 row", "2 rows".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn roles(s: &Summary, parts: &mut Vec<Part>) {
    let names = Role::ALL.iter().map(|r| r.name()).chain(["none"]);
    parts.push(Part::Heading("Roles"));
    parts.push(Part::Table(Table {
        label: "role",
        note: None,
        bars: true,
        of: Some(s.ok),
        rows: names.zip(s.roles).map(|(n, c)| row(n, c)).collect(),
    }));
}

fn skills(s: &Summary, parts: &mut Vec<Part>) {
    parts.push(Part::Heading("Most required skills"));
    let top = s.required.top(TOP_SKILLS);
    if top.is_empty() {
        parts.push(Part::Text("No posting requires a technical skill.".into()));
        return;
    }
    parts.push(Part::Text(format!(
        "Technical skills the postings require, each counted once per posting (top {TOP_SKILLS})."
    )));
    parts.push(Part::Table(Table {
        label: "skill",
        note: None,
        bars: true,
        of: Some(s.ok),
        rows: top.into_iter().map(|(n, d)| row(n, d.postings)).collect(),
    }));
    let by_role: Vec<Row> = Role::ALL
        .iter()
        .filter(|r| s.roles[r.index()] > 0)
        .map(|r| Row {
            label: r.name().to_string(),
            count: s.roles[r.index()],
            note: listing(&s.required_by_role[r.index()], TOP_SKILLS_PER_ROLE),
        })
        .collect();
    if !by_role.is_empty() {
        parts.push(Part::Heading("Most required skills by role"));
        parts.push(Part::Table(Table {
            label: "role",
            note: Some("top required skills (postings)"),
            bars: false,
            of: None,
            rows: by_role,
        }));
    }
}

/// "Python 4, PyTorch 3": the top `n` of a tally on one line.
fn listing(t: &Tally, n: usize) -> String {
    let top = t.top(n);
    if top.is_empty() {
        return "-".into();
    }
    let items: Vec<String> = top
        .into_iter()
        .map(|(name, d)| format!("{name} {}", d.postings))
        .collect();
    items.join(", ")
}

fn degree(s: &Summary, parts: &mut Vec<Part>) {
    let d = &s.degree;
    let (hard, soft) = (d.hard.iter().sum::<usize>(), d.soft.iter().sum::<usize>());
    parts.push(Part::Heading("Degree"));
    parts.push(Part::Text(format!(
        "{hard} of {} postings hard-require a degree; {soft} only prefer one or accept \
         equivalent experience. \"Preferred\" is not a requirement.",
        s.ok
    )));
    parts.push(Part::Table(Table {
        label: "degree",
        note: Some("levels"),
        bars: true,
        of: Some(s.ok),
        rows: vec![
            Row {
                note: levels(&d.hard),
                ..row("hard-required", hard)
            },
            Row {
                note: levels(&d.soft),
                ..row("preferred only", soft)
            },
            row("not required", d.not_required),
            row("not mentioned", d.unstated),
        ],
    }));
}

/// "BS 2, PhD 1": the levels with a count.
fn levels(counts: &[usize; 4]) -> String {
    let items: Vec<String> = DEGREE_LEVELS
        .iter()
        .zip(counts)
        .filter(|(_, c)| **c > 0)
        .map(|(l, c)| format!("{l} {c}"))
        .collect();
    items.join(", ")
}

fn years(s: &Summary, parts: &mut Vec<Part>) {
    parts.push(Part::Heading("Years of experience"));
    parts.push(Part::Table(Table {
        label: "years",
        note: None,
        bars: true,
        of: Some(s.ok),
        rows: YEAR_BUCKETS
            .iter()
            .zip(s.years)
            .map(|(b, c)| row(*b, c))
            .collect(),
    }));
}

/// "2 required, 1 preferred": how the postings that ask for something ask.
fn need_note(d: Demand) -> String {
    format!(
        "{} required, {} preferred",
        d.required,
        d.postings - d.required
    )
}

fn evidence(s: &Summary, parts: &mut Vec<Part>) {
    parts.push(Part::Heading("Evidence asked for"));
    parts.push(Part::Table(Table {
        label: "evidence",
        note: Some("need"),
        bars: true,
        of: Some(s.ok),
        rows: EVIDENCE
            .iter()
            .zip(s.evidence)
            .map(|(e, d)| Row {
                note: need_note(d),
                ..row(*e, d.postings)
            })
            .collect(),
    }));
}

fn fit(p: &ProfileCounts, parts: &mut Vec<Part>) {
    parts.push(Part::Heading("Your fit"));
    parts.push(Part::Text(format!(
        "{} of {} scored postings fit well (score {GOOD_FIT} or more).",
        p.fits_well, p.scored
    )));
    parts.push(Part::Table(Table {
        label: "score",
        note: None,
        bars: true,
        of: Some(p.scored),
        rows: FIT_BANDS
            .iter()
            .zip(p.bands)
            .map(|(b, c)| row(*b, c))
            .collect(),
    }));
}

fn strengths(ok: usize, p: &ProfileCounts, parts: &mut Vec<Part>) {
    parts.push(Part::Heading("Your strengths in demand"));
    if p.strengths.0.is_empty() {
        parts.push(Part::Text(
            "None of your strengths names a skill rolefit knows.".into(),
        ));
        return;
    }
    parts.push(Part::Text(
        "Postings that ask for each of your skills, required or preferred.".into(),
    ));
    parts.push(demand_table(&p.strengths, usize::MAX, ok));
}

fn to_learn(p: &ProfileCounts, parts: &mut Vec<Part>) {
    parts.push(Part::Heading("What to learn next"));
    let roles: Vec<&str> = p.roles.iter().map(|r| r.name()).collect();
    let whose = match p.roles_from {
        RolesFrom::Preferred => "your preferred roles",
        RolesFrom::Inferred => "the roles your strengths point to",
        RolesFrom::All => "any AI role",
    };
    parts.push(Part::Text(format!(
        "Technical skills you do not list, by demand among the {} postings in {whose} ({}).",
        p.in_roles,
        roles.join(", ")
    )));
    if !p.missing.0.is_empty() {
        parts.push(demand_table(&p.missing, TOP_TO_LEARN, p.in_roles));
    }
}

fn demand_table(t: &Tally, n: usize, of: usize) -> Part {
    Part::Table(Table {
        label: "skill",
        note: Some("need"),
        bars: true,
        of: Some(of),
        rows: t
            .top(n)
            .into_iter()
            .map(|(name, d)| Row {
                note: need_note(d),
                ..row(name, d.postings)
            })
            .collect(),
    })
}
