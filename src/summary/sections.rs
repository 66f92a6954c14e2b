//! The summary as a document of headings, sentences and tables, built once
//! from the counts so that the text and Markdown renderings say the same.

use super::counts::RolesFrom;
use super::{
    DEGREE_LEVELS, Demand, EVIDENCE, FIT_BANDS, GOOD_FIT, ProfileCounts, Summary, Tally,
    YEAR_BUCKETS,
};
use crate::i18n::Messages;
use crate::model::Lang;
use crate::role::Role;
use crate::tr;

const TOP_SKILLS: usize = 15;
const TOP_SKILLS_PER_ROLE: usize = 8;
const TOP_TO_LEARN: usize = 10;

/// One part of the summary.
#[derive(Debug)]
pub enum Part {
    Heading(String),
    Text(String),
    Table(Table),
}

/// Rows of counts of postings, with an optional bar and share column.
#[derive(Debug)]
pub struct Table {
    /// The header of the label column.
    pub label: String,
    /// The header of the note column, when the rows have notes.
    pub note: Option<String>,
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

/// The whole summary, in reading order, in the language of `m`.
pub fn build(s: &Summary, m: Messages) -> Vec<Part> {
    let mut parts = vec![
        Part::Heading(tr!(m, "summary-title")),
        Part::Text(overview(s, m)),
    ];
    if s.ok == 0 {
        return parts;
    }
    roles(s, m, &mut parts);
    skills(s, m, &mut parts);
    degree(s, m, &mut parts);
    years(s, m, &mut parts);
    evidence(s, m, &mut parts);
    pay(s, m, &mut parts);
    if let Some(p) = &s.profile {
        fit(p, m, &mut parts);
        strengths(s.ok, p, m, &mut parts);
        to_learn(p, m, &mut parts);
    }
    parts
}

fn overview(s: &Summary, m: Messages) -> String {
    let mut langs = format!(
        "{} {}, {} {}",
        m.lang(Lang::En),
        s.langs[0],
        m.lang(Lang::Ko),
        s.langs[1]
    );
    if s.langs[2] > 0 {
        langs.push_str(&format!(", {} {}", tr!(m, "lang-other"), s.langs[2]));
    }
    let text = tr!(
        m,
        "summary-overview",
        rows = s.rows,
        ok = s.ok,
        errors = s.errors
    );
    let text = if s.duplicates == 0 {
        text
    } else {
        tr!(m, "summary-duplicates", text = text, n = s.duplicates)
    };
    if s.ok == 0 {
        text
    } else {
        tr!(m, "summary-overview-langs", text = text, langs = langs)
    }
}

/// Pay bands per role and currency, on a yearly scale.
fn pay(s: &Summary, m: Messages, parts: &mut Vec<Part>) {
    parts.push(Part::Heading(tr!(m, "summary-pay")));
    let mut text = tr!(m, "summary-pay-stated", n = s.pay_stated, ok = s.ok);
    if s.pay_negotiable > 0 {
        text = tr!(
            m,
            "summary-pay-negotiable",
            text = text,
            n = s.pay_negotiable
        );
    }
    if s.pay.is_empty() {
        parts.push(Part::Text(format!("{text}.")));
        return;
    }
    parts.push(Part::Text(tr!(m, "summary-pay-yearly", text = text)));
    let slots = Role::ALL.iter().map(|r| m.role(*r)).chain([m.label(None)]);
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
                note: tr!(
                    m,
                    "summary-pay-band",
                    median = money(median),
                    low = money(lo),
                    high = money(hi),
                    code = code
                ),
            });
        }
    }
    parts.push(Part::Table(Table {
        label: tr!(m, "summary-pay-col"),
        note: Some(tr!(m, "summary-pay-note")),
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

fn roles(s: &Summary, m: Messages, parts: &mut Vec<Part>) {
    let names = Role::ALL.iter().map(|r| m.role(*r)).chain([m.label(None)]);
    parts.push(Part::Heading(tr!(m, "summary-roles")));
    parts.push(Part::Table(Table {
        label: tr!(m, "table-role"),
        note: None,
        bars: true,
        of: Some(s.ok),
        rows: names.zip(s.roles).map(|(n, c)| row(n, c)).collect(),
    }));
    if s.uncertain > 0 {
        parts.push(Part::Text(tr!(
            m,
            "summary-uncertain",
            n = s.uncertain,
            of = s.ok
        )));
    }
    if !s.titles.is_empty() {
        let name = |i: usize| m.label(Role::ALL.get(i).copied());
        let mut rows: Vec<Row> = s
            .titles
            .iter()
            .map(|(&(t, r), &c)| row(format!("{} → {}", name(t), name(r)), c))
            .collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        parts.push(Part::Heading(tr!(m, "summary-titles")));
        parts.push(Part::Text(tr!(m, "summary-titles-note")));
        parts.push(Part::Table(Table {
            label: tr!(m, "summary-col-title-role"),
            note: None,
            bars: true,
            of: Some(s.ok),
            rows,
        }));
    }
}

fn skills(s: &Summary, m: Messages, parts: &mut Vec<Part>) {
    parts.push(Part::Heading(tr!(m, "summary-skills")));
    let top = s.required.top(TOP_SKILLS);
    if top.is_empty() {
        parts.push(Part::Text(tr!(m, "summary-no-skills")));
        return;
    }
    parts.push(Part::Text(tr!(m, "summary-skills-note", n = TOP_SKILLS)));
    parts.push(Part::Table(Table {
        label: tr!(m, "summary-col-skill"),
        note: None,
        bars: true,
        of: Some(s.ok),
        rows: top.into_iter().map(|(n, d)| row(n, d.postings)).collect(),
    }));
    let by_role: Vec<Row> = Role::ALL
        .iter()
        .filter(|r| s.roles[r.index()] > 0)
        .map(|r| Row {
            label: m.role(*r),
            count: s.roles[r.index()],
            note: listing(&s.required_by_role[r.index()], TOP_SKILLS_PER_ROLE),
        })
        .collect();
    if !by_role.is_empty() {
        parts.push(Part::Heading(tr!(m, "summary-skills-by-role")));
        parts.push(Part::Table(Table {
            label: tr!(m, "table-role"),
            note: Some(tr!(m, "summary-col-top-skills")),
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

fn degree(s: &Summary, m: Messages, parts: &mut Vec<Part>) {
    let d = &s.degree;
    let (hard, soft) = (d.hard.iter().sum::<usize>(), d.soft.iter().sum::<usize>());
    parts.push(Part::Heading(tr!(m, "summary-degree")));
    parts.push(Part::Text(tr!(
        m,
        "summary-degree-note",
        hard = hard,
        ok = s.ok,
        soft = soft
    )));
    parts.push(Part::Table(Table {
        label: tr!(m, "summary-col-degree"),
        note: Some(tr!(m, "summary-col-levels")),
        bars: true,
        of: Some(s.ok),
        rows: vec![
            Row {
                note: levels(&d.hard, m),
                ..row(tr!(m, "summary-degree-hard"), hard)
            },
            Row {
                note: levels(&d.soft, m),
                ..row(tr!(m, "summary-degree-soft"), soft)
            },
            row(tr!(m, "req-degree-not-required"), d.not_required),
            row(tr!(m, "summary-not-mentioned"), d.unstated),
        ],
    }));
}

/// "BS 2, PhD 1": the levels with a count.
fn levels(counts: &[usize; DEGREE_LEVELS], m: Messages) -> String {
    let names = [
        tr!(m, "degree-bs"),
        tr!(m, "degree-ms"),
        tr!(m, "degree-phd"),
        tr!(m, "summary-degree-unspecified"),
    ];
    let items: Vec<String> = names
        .iter()
        .zip(counts)
        .filter(|(_, c)| **c > 0)
        .map(|(l, c)| format!("{l} {c}"))
        .collect();
    items.join(", ")
}

fn years(s: &Summary, m: Messages, parts: &mut Vec<Part>) {
    parts.push(Part::Heading(tr!(m, "summary-years")));
    let names: [String; YEAR_BUCKETS] = [
        tr!(m, "req-years-any-short"),
        tr!(m, "summary-years-range", from = 0, to = 2),
        tr!(m, "summary-years-range", from = 3, to = 5),
        tr!(m, "summary-years-range", from = 6, to = 9),
        tr!(m, "summary-years-over", n = 10),
        tr!(m, "summary-not-stated"),
    ];
    parts.push(Part::Table(Table {
        label: tr!(m, "summary-col-years"),
        note: None,
        bars: true,
        of: Some(s.ok),
        rows: names
            .into_iter()
            .zip(s.years)
            .map(|(b, c)| row(b, c))
            .collect(),
    }));
}

/// "2 required, 1 preferred": how the postings that ask for something ask.
fn need_note(d: Demand, m: Messages) -> String {
    tr!(
        m,
        "summary-need-note",
        required = d.required,
        preferred = d.postings - d.required
    )
}

fn evidence(s: &Summary, m: Messages, parts: &mut Vec<Part>) {
    parts.push(Part::Heading(tr!(m, "summary-evidence")));
    let names: [String; EVIDENCE] = [
        tr!(m, "evidence-publications"),
        tr!(m, "evidence-competitions"),
        tr!(m, "summary-evidence-large-scale"),
    ];
    parts.push(Part::Table(Table {
        label: tr!(m, "summary-col-evidence"),
        note: Some(tr!(m, "summary-col-need")),
        bars: true,
        of: Some(s.ok),
        rows: names
            .into_iter()
            .zip(s.evidence)
            .map(|(e, d)| Row {
                note: need_note(d, m),
                ..row(e, d.postings)
            })
            .collect(),
    }));
}

fn fit(p: &ProfileCounts, m: Messages, parts: &mut Vec<Part>) {
    parts.push(Part::Heading(tr!(m, "summary-fit")));
    parts.push(Part::Text(tr!(
        m,
        "summary-fit-note",
        well = p.fits_well,
        scored = p.scored,
        good = GOOD_FIT
    )));
    parts.push(Part::Table(Table {
        label: tr!(m, "summary-col-score"),
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

fn strengths(ok: usize, p: &ProfileCounts, m: Messages, parts: &mut Vec<Part>) {
    parts.push(Part::Heading(tr!(m, "summary-strengths")));
    if p.strengths.0.is_empty() {
        parts.push(Part::Text(tr!(m, "summary-strengths-none")));
        return;
    }
    parts.push(Part::Text(tr!(m, "summary-strengths-note")));
    parts.push(demand_table(&p.strengths, usize::MAX, ok, m));
}

fn to_learn(p: &ProfileCounts, m: Messages, parts: &mut Vec<Part>) {
    parts.push(Part::Heading(tr!(m, "summary-to-learn")));
    let roles: Vec<String> = p.roles.iter().map(|r| m.role(*r)).collect();
    let whose = match p.roles_from {
        RolesFrom::Preferred => tr!(m, "summary-whose-preferred"),
        RolesFrom::Inferred => tr!(m, "summary-whose-inferred"),
        RolesFrom::All => tr!(m, "summary-whose-all"),
    };
    parts.push(Part::Text(tr!(
        m,
        "summary-to-learn-note",
        n = p.in_roles,
        whose = whose,
        roles = roles.join(", ")
    )));
    if !p.missing.0.is_empty() {
        parts.push(demand_table(&p.missing, TOP_TO_LEARN, p.in_roles, m));
    }
}

fn demand_table(t: &Tally, n: usize, of: usize, m: Messages) -> Part {
    Part::Table(Table {
        label: tr!(m, "summary-col-skill"),
        note: Some(tr!(m, "summary-col-need")),
        bars: true,
        of: Some(of),
        rows: t
            .top(n)
            .into_iter()
            .map(|(name, d)| Row {
                note: need_note(d, m),
                ..row(name, d.postings)
            })
            .collect(),
    })
}
