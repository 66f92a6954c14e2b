//! Renders the summary's parts as HTML for the `--report` page: one card per
//! heading, tables with a bar per row. Every label and note is escaped.

use std::fmt::Write;

use super::escape::{esc, num};
use crate::output::summary::share;
use crate::summary::Summary;
use crate::summary::sections::{self, Part, Table};

/// The market summary as HTML cards for the `--report` page, every label escaped.
pub fn cards(s: &Summary) -> String {
    parts(&sections::build(s))
}

/// The parts as `<div class="card">`s, the first heading (the page has its own) left out.
fn parts(parts: &[Part]) -> String {
    let mut s = String::new();
    let mut open = false;
    for (i, part) in parts.iter().enumerate() {
        match part {
            Part::Heading(_) if i == 0 => {
                s.push_str(r#"<div class="card wide">"#);
                open = true;
            }
            Part::Heading(h) => {
                if open {
                    s.push_str("</div>");
                }
                let _ = write!(s, r#"<div class="card"><h3>{}</h3>"#, esc(h));
                open = true;
            }
            Part::Text(t) => {
                let _ = write!(s, "<p>{}</p>", esc(t));
            }
            Part::Table(t) => s.push_str(&table(t)),
        }
    }
    if open {
        s.push_str("</div>");
    }
    s
}

fn table(t: &Table) -> String {
    let mut s = format!(
        r#"<table class="counts"><thead><tr><th>{}</th><th class="num">postings</th>"#,
        esc(t.label)
    );
    if t.of.is_some() {
        s.push_str(r#"<th class="num">share</th>"#);
    }
    if let Some(note) = t.note {
        let _ = write!(s, "<th>{}</th>", esc(note));
    }
    s.push_str("</tr></thead><tbody>");
    let max = t.rows.iter().map(|r| r.count).max().unwrap_or(0);
    for row in &t.rows {
        let _ = write!(s, "<tr><td>{}</td><td class=\"num\">", esc(&row.label));
        if t.bars {
            let w = if max == 0 {
                0.0
            } else {
                100.0 * row.count as f64 / max as f64
            };
            let _ = write!(
                s,
                r#"<span class="hbar"><span style="width:{}%"></span></span>"#,
                num(w)
            );
        }
        let _ = write!(s, "{}</td>", row.count);
        if let Some(of) = t.of {
            let share = share(row.count, of);
            let _ = write!(s, r#"<td class="num">{share}</td>"#);
        }
        if t.note.is_some() {
            let _ = write!(s, "<td>{}</td>", esc(&row.note));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    s
}

#[cfg(test)]
mod tests {
    use crate::requirements::Need;
    use crate::role::Role;
    use crate::summary::Summary;
    use crate::summary::fixture::*;

    #[test]
    fn cards_hold_every_heading_and_escape_labels() {
        let me = strengths(&["<b>Rust</b>"], &[], &[Role::Backend]);
        let mut s = Summary::new(Some(&me));
        for r in [
            skills(
                posting("backend"),
                Need::Required,
                &["<script>alert(1)</script>", "Go"],
            ),
            skills(posting("backend"), Need::Required, &["Go"]),
        ] {
            s.add(&r);
        }
        let html = super::cards(&s);
        for h in [
            "Roles",
            "Most required skills",
            "Degree",
            "What to learn next",
        ] {
            assert!(html.contains(&format!("<h3>{h}</h3>")), "{h}");
        }
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("<b>"));
        assert_eq!(html.matches("<div").count(), html.matches("</div>").count());
    }

    #[test]
    fn skills_in_demand_say_which_are_yours() {
        let me = strengths(&["Go"], &[], &[Role::Backend]);
        let mut s = Summary::new(Some(&me));
        s.add(&skills(
            posting("backend"),
            Need::Required,
            &["Go", "Kafka"],
        ));
        s.add(&skills(posting("backend"), Need::Required, &["Kafka"]));
        let top: Vec<(String, usize, Option<bool>)> = s
            .skills_in_demand(5)
            .into_iter()
            .map(|d| (d.name, d.postings, d.yours))
            .collect();
        assert_eq!(
            top,
            [
                ("Kafka".into(), 2, Some(false)),
                ("Go".into(), 1, Some(true))
            ]
        );
        let mut anon = Summary::new(None);
        anon.add(&skills(posting("backend"), Need::Required, &["Go"]));
        assert_eq!(anon.skills_in_demand(5)[0].yours, None);
    }
}
