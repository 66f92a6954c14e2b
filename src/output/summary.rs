//! Renders the market summary's parts for a terminal (aligned columns, bars
//! of block characters, optional color) or as Markdown (tables, bars as text).

use std::io::{self, Write};

use crate::i18n::Messages;
use crate::output::Style;
use crate::output::width::{pad, truncate, width};
use crate::summary::Summary;
use crate::summary::sections::{self, Part, Row, Table};
use crate::text::sanitize;
use crate::tr;

/// The summary for a terminal: headings, aligned numbers and bars, colored
/// when `style` says so. Text from postings is sanitized.
pub fn write_text(s: &Summary, out: &mut dyn Write, style: Style, m: Messages) -> io::Result<()> {
    text(&sections::build(s, m), out, style)
}

/// The same content as Markdown, with tables and bars as text.
pub fn write_markdown(s: &Summary, out: &mut dyn Write, m: Messages) -> io::Result<()> {
    markdown(&sections::build(s, m), out, m)
}

/// Bars are this many cells at their longest.
const BAR_WIDTH: usize = 20;
/// Labels longer than this many cells are cut short in the text rendering.
const LABEL_WIDTH: usize = 28;
/// Partial blocks, by eighths of a cell.
const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// The text rendering, for stderr.
fn text(parts: &[Part], out: &mut dyn Write, st: Style) -> io::Result<()> {
    for (i, part) in parts.iter().enumerate() {
        match part {
            Part::Heading(h) => {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "{}", st.bold(h))?;
            }
            Part::Text(t) => writeln!(out, "  {}", sanitize(t))?,
            Part::Table(t) => text_table(t, out, st)?,
        }
    }
    Ok(())
}

fn text_table(t: &Table, out: &mut dyn Write, st: Style) -> io::Result<()> {
    let labels: Vec<String> = t
        .rows
        .iter()
        .map(|r| truncate(&sanitize(&r.label), LABEL_WIDTH))
        .collect();
    let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    let count_w = t.rows.iter().map(|r| r.count.to_string().len()).max();
    let count_w = count_w.unwrap_or(1);
    let max = t.rows.iter().map(|r| r.count).max().unwrap_or(0);
    for (row, label) in t.rows.iter().zip(&labels) {
        let mut line = format!("  {}", pad(label, label_w));
        if t.bars {
            let b = bar(row.count, max);
            let fill = " ".repeat(BAR_WIDTH - b.chars().count());
            line.push_str(&format!("  {}{fill}", st.green(&b)));
        }
        line.push_str(&format!("  {:>count_w$}", row.count));
        if let Some(of) = t.of {
            line.push_str(&format!(
                "  {}",
                st.dim(&format!("{:>4}", share(row.count, of)))
            ));
        }
        if !row.note.is_empty() {
            line.push_str(&format!("  {}", st.dim(&sanitize(&row.note))));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The Markdown rendering, for `--summary-out`.
fn markdown(parts: &[Part], out: &mut dyn Write, m: Messages) -> io::Result<()> {
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match part {
            Part::Heading(h) if i == 0 => writeln!(out, "# {h}")?,
            Part::Heading(h) => writeln!(out, "## {h}")?,
            Part::Text(t) => writeln!(out, "{}", cell(t))?,
            Part::Table(t) => markdown_table(t, out, m)?,
        }
    }
    Ok(())
}

fn markdown_table(t: &Table, out: &mut dyn Write, m: Messages) -> io::Result<()> {
    let mut header = format!("| {} | {} |", t.label, tr!(m, "summary-col-postings"));
    let mut rule = String::from("|---|---|");
    if t.of.is_some() {
        header.push_str(&format!(" {} |", tr!(m, "summary-col-share")));
        rule.push_str("---:|");
    }
    if let Some(note) = &t.note {
        header.push_str(&format!(" {note} |"));
        rule.push_str("---|");
    }
    writeln!(out, "{header}\n{rule}")?;
    let max = t.rows.iter().map(|r| r.count).max().unwrap_or(0);
    for row in &t.rows {
        writeln!(out, "{}", markdown_row(t, row, max))?;
    }
    Ok(())
}

fn markdown_row(t: &Table, row: &Row, max: usize) -> String {
    let count = if t.bars {
        format!("{} {}", bar(row.count, max), row.count)
    } else {
        row.count.to_string()
    };
    let mut line = format!("| {} | {} |", cell(&row.label), count.trim_start());
    if let Some(of) = t.of {
        line.push_str(&format!(" {} |", share(row.count, of)));
    }
    if t.note.is_some() {
        match cell(&row.note) {
            note if note.is_empty() => line.push_str(" |"),
            note => line.push_str(&format!(" {note} |")),
        }
    }
    line
}

/// Text safe in Markdown, table cells included.
fn cell(s: &str) -> String {
    sanitize(s)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A bar of `count` against the block's `max`, in eighths of a cell; a count
/// above zero always shows.
fn bar(count: usize, max: usize) -> String {
    if max == 0 || count == 0 {
        return String::new();
    }
    let eighths = ((count * BAR_WIDTH * 8 + max / 2) / max).max(1);
    format!("{}{}", "█".repeat(eighths / 8), EIGHTHS[eighths % 8])
}

/// `count` as a whole percentage of `of`.
pub fn share(count: usize, of: usize) -> String {
    if of == 0 {
        return "-".into();
    }
    format!("{}%", (count * 100 + of / 2) / of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::report::Record;
    use crate::requirements::{DegreeLevel, Need};
    use crate::role::Role;
    use crate::summary::fixture::*;

    /// Three postings and an error, no profile.
    fn small() -> Summary {
        let mut s = Summary::new(None);
        let modeling = skills(posting("modeling"), Need::Required, &["PyTorch", "Python"]);
        let modeling = degree(
            modeling,
            Some(DegreeLevel::Doctorate),
            Need::Required,
            false,
        );
        let mut backend = skills(posting("backend"), Need::Required, &["Python", "Kafka"]);
        backend = years(skills(backend, Need::Preferred, &["Go"]), 0, true);
        backend.lang = Some(crate::model::Lang::Ko);
        backend.requirements.as_mut().unwrap().large_scale = Some(Need::Preferred);
        use crate::salary::{Currency, Period};
        let modeling = pay(modeling, 150e3, 200e3, Currency::Usd, Period::Year, 1.0);
        let backend = pay(backend, 4e6, 4e6, Currency::Krw, Period::Month, 12.0);
        let mut again = posting("none");
        again.duplicate_of = Some("none".into());
        let rows = [
            years(modeling, 3, false),
            backend,
            posting("none"),
            Record::error("x".into(), "x".into(), "timed out".into()),
            again,
        ];
        rows.iter().for_each(|r| s.add(r));
        s
    }

    /// A profile (Python, PyTorch; wants modeling) over four scored postings.
    fn with_profile() -> Summary {
        let me = strengths(&["Python", "PyTorch"], &[Role::Modeling], &[]);
        let mut s = Summary::new(Some(&me));
        let rows = [
            (
                skills(posting("modeling"), Need::Required, &["PyTorch", "CUDA"]),
                85,
            ),
            (
                skills(posting("modeling"), Need::Preferred, &["CUDA", "JAX"]),
                62,
            ),
            (
                skills(posting("research"), Need::Required, &["Python", "JAX"]),
                30,
            ),
            (skills(posting("backend"), Need::Required, &["Kafka"]), 10),
        ];
        rows.into_iter()
            .for_each(|(r, score)| s.add(&scored(r, score)));
        s
    }

    fn text_of(s: &Summary) -> String {
        text_in(s, Locale::En)
    }

    fn text_in(s: &Summary, l: Locale) -> String {
        let mut out = Vec::new();
        write_text(s, &mut out, Style { color: false }, Messages::new(l)).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn markdown_of(s: &Summary) -> String {
        markdown_in(s, Locale::En)
    }

    fn markdown_in(s: &Summary, l: Locale) -> String {
        let mut out = Vec::new();
        write_markdown(s, &mut out, Messages::new(l)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn text_snapshot() {
        let expected = r#"Market summary
  5 rows: 3 ok, 1 error. 1 row repeats the text of an earlier row, counted once. Languages: en 2, ko 1.

Roles
  modeling  ████████████████████  1   33%
  backend   ████████████████████  1   33%
  frontend                        0    0%
  research                        0    0%
  none      ████████████████████  1   33%

Most required skills
  Technical skills the postings require, each counted once per posting (top 15).
  Python   ████████████████████  2   67%
  Kafka    ██████████            1   33%
  PyTorch  ██████████            1   33%

Most required skills by role
  modeling  1  Python 1, PyTorch 1
  backend   1  Kafka 1, Python 1

Degree
  1 of 3 postings hard-require a degree; 0 only prefer one or accept equivalent experience. "Preferred" is not a requirement.
  hard-required   ██████████            1   33%  PhD 1
  preferred only                        0    0%
  not required                          0    0%
  not mentioned   ████████████████████  2   67%

Years of experience
  any / new grad  ████████████████████  1   33%
  0-2                                   0    0%
  3-5             ████████████████████  1   33%
  6-9                                   0    0%
  10+                                   0    0%
  not stated      ████████████████████  1   33%

Evidence asked for
  publications                                  0    0%  0 required, 0 preferred
  competitions                                  0    0%  0 required, 0 preferred
  large-scale experience  ████████████████████  1   33%  0 required, 1 preferred

Pay
  2 postings of 3 state pay. Yearly pay per role and currency (hourly, daily, weekly and monthly pay made yearly; pay with no stated period left out): the median of each posting's midpoint, and the lowest to highest.
  modeling (USD)  1  median 175,000 USD, 150,000 to 200,000
  backend (KRW)   1  median 48,000,000 KRW, 48,000,000 to 48,000,000
"#;
        assert_eq!(text_of(&small()), expected);
    }

    #[test]
    fn markdown_snapshot() {
        let expected = r#"# Market summary

5 rows: 3 ok, 1 error. 1 row repeats the text of an earlier row, counted once. Languages: en 2, ko 1.

## Roles

| role | postings | share |
|---|---|---:|
| modeling | ████████████████████ 1 | 33% |
| backend | ████████████████████ 1 | 33% |
| frontend | 0 | 0% |
| research | 0 | 0% |
| none | ████████████████████ 1 | 33% |

## Most required skills

Technical skills the postings require, each counted once per posting (top 15).

| skill | postings | share |
|---|---|---:|
| Python | ████████████████████ 2 | 67% |
| Kafka | ██████████ 1 | 33% |
| PyTorch | ██████████ 1 | 33% |

## Most required skills by role

| role | postings | top required skills (postings) |
|---|---|---|
| modeling | 1 | Python 1, PyTorch 1 |
| backend | 1 | Kafka 1, Python 1 |

## Degree

1 of 3 postings hard-require a degree; 0 only prefer one or accept equivalent experience. "Preferred" is not a requirement.

| degree | postings | share | levels |
|---|---|---:|---|
| hard-required | ██████████ 1 | 33% | PhD 1 |
| preferred only | 0 | 0% | |
| not required | 0 | 0% | |
| not mentioned | ████████████████████ 2 | 67% | |

## Years of experience

| years | postings | share |
|---|---|---:|
| any / new grad | ████████████████████ 1 | 33% |
| 0-2 | 0 | 0% |
| 3-5 | ████████████████████ 1 | 33% |
| 6-9 | 0 | 0% |
| 10+ | 0 | 0% |
| not stated | ████████████████████ 1 | 33% |

## Evidence asked for

| evidence | postings | share | need |
|---|---|---:|---|
| publications | 0 | 0% | 0 required, 0 preferred |
| competitions | 0 | 0% | 0 required, 0 preferred |
| large-scale experience | ████████████████████ 1 | 33% | 0 required, 1 preferred |

## Pay

2 postings of 3 state pay. Yearly pay per role and currency (hourly, daily, weekly and monthly pay made yearly; pay with no stated period left out): the median of each posting's midpoint, and the lowest to highest.

| role (currency) | postings | yearly pay |
|---|---|---|
| modeling (USD) | 1 | median 175,000 USD, 150,000 to 200,000 |
| backend (KRW) | 1 | median 48,000,000 KRW, 48,000,000 to 48,000,000 |
"#;
        assert_eq!(markdown_of(&small()), expected);
    }

    #[test]
    fn profile_parts() {
        let expected = r#"
Your fit
  2 of 4 scored postings fit well (score 60 or more).
  0-19    ████████████████████  1   25%
  20-39   ████████████████████  1   25%
  40-59                         0    0%
  60-79   ████████████████████  1   25%
  80-100  ████████████████████  1   25%

Your strengths in demand
  Postings that ask for each of your skills, required or preferred.
  Python   ████████████████████  1   25%  1 required, 0 preferred
  PyTorch  ████████████████████  1   25%  1 required, 0 preferred

What to learn next
  Technical skills you do not list, by demand among the 2 postings in your preferred roles (modeling).
  CUDA  ████████████████████  2  100%  1 required, 1 preferred
  JAX   ██████████            1   50%  0 required, 1 preferred
"#;
        let text = text_of(&with_profile());
        assert!(text.ends_with(expected), "{text}");
        assert!(!text_of(&small()).contains("Your fit"));
        let md = markdown_of(&with_profile());
        assert!(md.contains("| CUDA | ████████████████████ 2 | 100% | 1 required, 1 preferred |"));
    }

    #[test]
    fn korean_snapshots() {
        let ko = Locale::Ko;
        insta::assert_snapshot!("summary_text_ko", text_in(&small(), ko));
        insta::assert_snapshot!("summary_markdown_ko", markdown_in(&small(), ko));
        insta::assert_snapshot!("summary_profile_text_ko", text_in(&with_profile(), ko));
        insta::assert_snapshot!(
            "summary_profile_markdown_ko",
            markdown_in(&with_profile(), ko)
        );
        insta::assert_snapshot!("summary_profile_markdown_en", markdown_of(&with_profile()));
    }

    #[test]
    fn untrusted_names_are_made_safe() {
        let mut s = Summary::new(None);
        let r = skills(
            posting("modeling"),
            Need::Required,
            &["Evil\u{1b}[31m|<b>\u{7}"],
        );
        s.add(&r);
        let text = text_of(&s);
        assert!(text.contains("  Evil|<b>  ████"), "{text}");
        assert!(!text.contains('\u{1b}'));
        let md = markdown_of(&s);
        assert!(md.contains("| Evil\\|&lt;b&gt; | ████"), "{md}");
    }

    #[test]
    fn wide_labels_align_and_long_ones_are_cut() {
        let mut s = Summary::new(None);
        let long = "A skill name far longer than the label column";
        s.add(&skills(
            posting("modeling"),
            Need::Required,
            &["파이토치", "Go", long],
        ));
        let text = text_of(&s);
        let rows: Vec<&str> = text
            .lines()
            .filter(|l| l.contains('█'))
            .skip(1)
            .take(3)
            .collect();
        assert_eq!(
            rows,
            [
                "  A skill name far longer tha…  ████████████████████  1  100%",
                "  Go                            ████████████████████  1  100%",
                "  파이토치                      ████████████████████  1  100%",
            ]
        );
    }

    #[test]
    fn bars_use_eighths_and_show_any_count() {
        assert_eq!(bar(0, 10), "");
        assert_eq!(bar(10, 10), "█".repeat(20));
        assert_eq!(bar(1, 3), "██████▋");
        assert_eq!(bar(1, 1000), "▏");
        assert_eq!(bar(3, 0), "");
        assert_eq!(
            (share(1, 3), share(2, 3), share(0, 0)),
            ("33%".into(), "67%".into(), "-".into())
        );
    }

    #[test]
    fn empty_and_colored() {
        assert_eq!(
            text_of(&Summary::new(None)),
            "Market summary\n  0 rows: 0 ok, 0 errors.\n"
        );
        let mut out = Vec::new();
        write_text(
            &small(),
            &mut out,
            Style { color: true },
            Messages::default(),
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("\u{1b}[1mMarket summary\u{1b}[0m\n"));
        assert!(text.contains("\u{1b}[32m████████████████████\u{1b}[0m"));
    }
}
