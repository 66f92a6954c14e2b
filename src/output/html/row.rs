//! One posting as a row of the report's table: title, role, confidence, fit,
//! and a collapsed "why" with the lines that decided it, each hit marked.

use std::fmt::Write;

use super::escape::{esc, escape_only, href, num};
use crate::classify::{Evidence, Signal};
use crate::i18n::Messages;
use crate::report::Record;
use crate::role::Role;
use crate::text::clean_inline;
use crate::tr;

/// Lines shown open in a posting's "why"; the next ones are one click further.
const OPEN_LINES: usize = 8;
/// Lines shown at most, so that a batch of thousands stays a file a browser
/// opens quickly; JSON output has every hit.
pub(super) const MAX_LINES: usize = 16;
/// A line longer than this many characters is shown around its first hit.
const LINE_CHARS: usize = 240;
/// Skills listed in the table's matched and missing cells.
const LISTED: usize = 5;

/// The `<tr>` of record number `n` (1-based, input order).
pub fn row(n: usize, r: &Record, with_fit: bool, m: Messages) -> String {
    let role = if r.is_ok() { r.role_name() } else { "error" };
    let role_text = if r.is_ok() {
        m.label(r.ai_role())
    } else {
        tr!(m, "error")
    };
    let title = r.meta.title.as_deref().filter(|t| !t.trim().is_empty());
    let mut s = String::with_capacity(2048);
    let _ = write!(
        s,
        r#"<tr id="p-{n}" data-n="{n}" data-id="{id}" data-title="{sort_title}" data-role="{role}" data-confidence="{conf}" data-fit="{fit}">"#,
        id = esc(&r.id),
        sort_title = esc(&title.unwrap_or(&r.id).to_lowercase()),
        conf = r.confidence.map(|c| format!("{c:.3}")).unwrap_or_default(),
        fit = r
            .fit
            .as_ref()
            .map(|f| f.score.to_string())
            .unwrap_or_default(),
    );
    let _ = write!(s, r#"<td class="n">{n}</td><td class="posting">"#);
    let shown_title = esc(title.unwrap_or(&r.id));
    match href(&r.source) {
        Some(url) => {
            let _ = write!(
                s,
                r#"<div class="title"><a href="{url}" rel="noopener noreferrer nofollow">{shown_title}</a></div>"#
            );
        }
        None => {
            let _ = write!(s, r#"<div class="title">{shown_title}</div>"#);
        }
    }
    s.push_str(&meta(r, m));
    if !r.is_ok() {
        let _ = write!(
            s,
            r#"<div class="error">{}: {}</div>"#,
            esc(&role_text),
            esc(&crate::i18n::errors::line(
                r.error.as_deref().unwrap_or(""),
                m
            ))
        );
    } else {
        s.push_str(&why(r, m));
    }
    s.push_str("</td>");
    let _ = write!(
        s,
        r#"<td class="role"><span class="chip r-{role}">{}</span>"#,
        esc(&role_text)
    );
    if let Some(sec) = r.secondary {
        let _ = write!(
            s,
            r#"<span class="secondary">+ {}</span>"#,
            esc(&m.role(sec))
        );
    }
    if let (Some(a), Some(c)) = (&r.alternative, r.confidence) {
        let _ = write!(
            s,
            r#"<span class="secondary">{}</span>"#,
            esc(&tr!(
                m,
                "report-alternative",
                p = format!("{c:.2}"),
                alternative = m.label(a.role.0),
                q = format!("{:.2}", a.probability)
            ))
        );
    }
    if let Some(note) = m.title_note(r) {
        let _ = write!(s, r#"<span class="secondary">{}</span>"#, esc(&note));
    }
    s.push_str("</td>");
    let _ = write!(
        s,
        r#"<td class="num">{}</td>"#,
        r.confidence.map(|c| format!("{c:.2}")).unwrap_or_default()
    );
    if with_fit {
        s.push_str(&fit_cells(r));
    }
    s.push_str("</tr>\n");
    s
}

/// Company, location, id, language and date posted, under the title.
fn meta(r: &Record, m: Messages) -> String {
    let mut parts: Vec<String> = [&r.meta.company, &r.meta.location]
        .into_iter()
        .flatten()
        .filter(|x| !x.trim().is_empty())
        .map(|x| esc(x))
        .collect();
    parts.push(format!(r#"<code class="id">{}</code>"#, esc(&r.id)));
    if let Some(lang) = r.lang {
        parts.push(esc(&m.lang(lang)));
    }
    if let Some(date) = r.meta.date_posted.as_deref().and_then(|d| m.date(d)) {
        parts.push(esc(&tr!(m, "report-posted", date = date)));
    }
    let mut s = format!(r#"<div class="meta">{}</div>"#, parts.join(" · "));
    if let Some(first) = &r.duplicate_of {
        let _ = write!(
            s,
            r#"<div class="dup">{} <code>{}</code></div>"#,
            esc(&tr!(m, "report-duplicate-of")),
            esc(first)
        );
    }
    s
}

fn fit_cells(r: &Record) -> String {
    let Some(fit) = &r.fit else {
        return r#"<td class="fit"></td><td class="skills"></td>"#.into();
    };
    let mut s = format!(
        r#"<td class="fit"><span class="score">{score}</span><meter min="0" max="100" low="40" high="60" optimum="100" value="{score}">{score}/100</meter></td><td class="skills">"#,
        score = fit.score
    );
    let matched: Vec<&str> = fit.matched.iter().map(|m| m.skill.as_str()).collect();
    if !matched.is_empty() {
        let _ = write!(s, r#"<div class="have">✓ {}</div>"#, listing(&matched));
    }
    let missing: Vec<&str> = fit.missing_required.iter().map(String::as_str).collect();
    if !missing.is_empty() {
        let _ = write!(s, r#"<div class="miss">✗ {}</div>"#, listing(&missing));
    }
    s.push_str("</td>");
    s
}

/// "a, b, c +2", escaped.
fn listing(items: &[&str]) -> String {
    let shown: Vec<String> = items.iter().take(LISTED).map(|x| esc(x)).collect();
    let mut s = shown.join(", ");
    if items.len() > LISTED {
        let _ = write!(s, " +{}", items.len() - LISTED);
    }
    s
}

/// The collapsed evidence: role scores, the lines with their hits marked
/// (strongest first), and the fit's details.
fn why(r: &Record, m: Messages) -> String {
    let role = r.role_name();
    let deciding = |e: &Evidence| !e.negated && decides(e, role);
    let mut phrases: Vec<(String, &str)> = Vec::new();
    for e in r.evidence.iter().filter(|e| deciding(e)) {
        let p = clean_inline(&e.matched);
        if !phrases.iter().any(|(x, _)| x.eq_ignore_ascii_case(&p)) {
            phrases.push((p, e.signal.name()));
        }
        if phrases.len() == 3 {
            break;
        }
    }
    let hits = r.evidence.len();
    let why = tr!(m, "report-why", role = m.label(r.ai_role()), n = hits);
    let mut s = format!(r#"<details class="why"><summary>{}"#, esc(&why));
    if !phrases.is_empty() {
        let marked: Vec<String> = phrases
            .iter()
            .map(|(p, sig)| format!(r#"<mark class="s-{sig}">{}</mark>"#, esc(p)))
            .collect();
        let _ = write!(s, " · {}", marked.join(" "));
    }
    s.push_str("</summary>");
    s.push_str(&scores(r, m));
    if let Some(lead) = &r.lead {
        let [head, parts] = m.lead_lines(lead, r.ai_role());
        let note = m.lead_mixed(lead).map(|n| format!("<br>{}", esc(&n)));
        let _ = write!(
            s,
            r#"<p class="lead">{}<br><span class="parts">{}{}</span></p>"#,
            esc(&head),
            esc(&parts),
            note.unwrap_or_default()
        );
    }
    s.push_str(&asks_for(r, m));
    let lines = lines_by_strength(r);
    let negated = format!("({})", tr!(m, "explain-negated"));
    let line_html = |(line, ev): &(usize, Vec<&Evidence>)| -> String {
        let text = r.lines.get(line).map(String::as_str).unwrap_or("");
        let section = ev.first().map(|e| m.section(e.section)).unwrap_or_default();
        let place = if *line == 0 {
            m.section(crate::model::SectionKind::Title)
        } else {
            tr!(m, "report-where", section = section, line = *line)
        };
        let notes: Vec<String> = ev
            .iter()
            .map(|e| {
                format!(
                    r#"<span class="hit s-{sig}{neg}">{pattern} {w}{negated}</span>"#,
                    sig = e.signal.name(),
                    neg = if e.negated { " negated" } else { "" },
                    pattern = esc(&e.pattern),
                    w = if e.negated {
                        String::new()
                    } else {
                        format!("{:+.2}", e.weight)
                    },
                    negated = if e.negated { negated.as_str() } else { "" },
                )
            })
            .collect();
        format!(
            r#"<li><span class="where">{}</span> <span class="text">{}</span> <span class="hits">{}</span></li>"#,
            esc(&place),
            highlight(text, ev, role),
            notes.join(" ")
        )
    };
    if lines.is_empty() {
        let _ = write!(
            s,
            r#"<p class="none">{}</p>"#,
            esc(&tr!(m, "report-no-match"))
        );
    } else {
        s.push_str(r#"<ol class="lines">"#);
        for l in lines.iter().take(OPEN_LINES) {
            s.push_str(&line_html(l));
        }
        s.push_str("</ol>");
        if lines.len() > OPEN_LINES {
            let shown = lines.len().min(MAX_LINES);
            let more = tr!(m, "report-more-lines", n = shown - OPEN_LINES);
            let _ = write!(
                s,
                r#"<details class="more"><summary>{}</summary><ol class="lines">"#,
                esc(&more)
            );
            for l in &lines[OPEN_LINES..shown] {
                s.push_str(&line_html(l));
            }
            s.push_str("</ol>");
            if lines.len() > shown {
                let hidden = tr!(m, "report-hidden-lines", n = lines.len() - shown);
                let _ = write!(
                    s,
                    r#"<p class="hint">{} <code>--format json</code>{}</p>"#,
                    esc(&hidden),
                    escape_only(&tr!(m, "report-hidden-lines-after"))
                );
            }
            s.push_str("</details>");
        }
    }
    s.push_str(&fit_details(r, m));
    s.push_str("</details>");
    s
}

/// Each label's probability as a small bar (a full bar is 1).
fn scores(r: &Record, m: Messages) -> String {
    let Some(labels) = r.label_probabilities() else {
        return String::new();
    };
    let mut s = String::from(r#"<div class="scores">"#);
    for (role, v) in labels {
        let _ = write!(
            s,
            r#"<span class="sc"><span class="chip r-{n}">{name}</span><span class="hbar"><span class="r-{n}" style="width:{w}%"></span></span>{v:.2}</span>"#,
            n = role.map_or("none", Role::name),
            name = esc(&m.label(role)),
            w = num(100.0 * v.clamp(0.0, 1.0)),
        );
    }
    s.push_str("</div>");
    s
}

/// What the posting asks for beyond skills: years, degree, seniority, place,
/// work arrangement, limits and languages, each with where it was read.
fn asks_for(r: &Record, m: Messages) -> String {
    let Some(req) = &r.requirements else {
        return String::new();
    };
    let plain = m.years_and_degree(req);
    let labeled = m.requirement_lines(req);
    if plain.is_empty() && labeled.is_empty() {
        return String::new();
    }
    let mut s = format!(
        r#"<div class="asks"><h4>{}</h4><ul>"#,
        esc(&tr!(m, "req-asks-for"))
    );
    for line in plain {
        let _ = write!(s, "<li>{}</li>", esc(&line));
    }
    for (label, text) in labeled {
        let _ = write!(s, "<li>{}: {}</li>", esc(&label), esc(&text));
    }
    s.push_str("</ul></div>");
    s
}

/// Evidence grouped by line, lines in the order of their strongest hit.
fn lines_by_strength(r: &Record) -> Vec<(usize, Vec<&Evidence>)> {
    let mut lines: Vec<(usize, Vec<&Evidence>)> = Vec::new();
    let mut ordered: Vec<&Evidence> = r.evidence.iter().collect();
    // Negated hits count nothing: they come after every counted one.
    ordered.sort_by(|a, b| {
        a.negated
            .cmp(&b.negated)
            .then(b.weight.total_cmp(&a.weight))
    });
    for e in ordered {
        match lines.iter_mut().find(|(l, _)| *l == e.line) {
            Some((_, v)) => v.push(e),
            None => lines.push((e.line, vec![e])),
        }
    }
    lines
}

/// The line's text, escaped, with every hit in it marked: the deciding
/// role's hits strongly, others lightly, negated ones struck through. A long
/// line is cut to a window around its first hit.
pub fn highlight(text: &str, hits: &[&Evidence], role: &str) -> String {
    let text = clean_inline(text);
    let lower = text.to_lowercase();
    let lower_ok = lower.len() == text.len();
    let mut ranges: Vec<(usize, usize, &Evidence)> = Vec::new();
    for e in hits {
        let needle = clean_inline(&e.matched);
        if needle.is_empty() {
            continue;
        }
        let found = free_match(&text, &needle, &ranges).or_else(|| {
            lower_ok
                .then(|| free_match(&lower, &needle.to_lowercase(), &ranges))
                .flatten()
        });
        if let Some(start) = found {
            ranges.push((start, start + needle.len(), e));
        }
    }
    ranges.sort_by_key(|r| r.0);
    let (from, to) = window(&text, ranges.first().map(|r| r.0));
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut pos = from;
    for (start, end, e) in ranges {
        if start < pos || end > to {
            continue;
        }
        out.push_str(&escape_only(&text[pos..start]));
        let class = match (e.negated, decides(e, role)) {
            (true, _) => format!("s-{} negated", e.signal.name()),
            (false, true) => format!("s-{} deciding", e.signal.name()),
            (false, false) => format!("s-{}", e.signal.name()),
        };
        let _ = write!(
            out,
            r#"<mark class="{class}">{}</mark>"#,
            escape_only(&text[start..end])
        );
        pos = end;
    }
    out.push_str(&escape_only(&text[pos..to]));
    if to < text.len() {
        out.push('…');
    }
    out
}

/// Whether a hit speaks for the role the posting was given: a hit for that
/// role, or for a posting with no AI role, a non-AI job function.
fn decides(e: &Evidence, role: &str) -> bool {
    match e.signal {
        Signal::Function => role == "none",
        s => s.name() == role,
    }
}

/// The first place `needle` occurs in `hay` that no range covers yet.
fn free_match(hay: &str, needle: &str, taken: &[(usize, usize, &Evidence)]) -> Option<usize> {
    hay.match_indices(needle)
        .map(|(i, _)| i)
        .find(|&i| !taken.iter().any(|&(s, e, _)| i < e && s < i + needle.len()))
}

/// The byte range of `text` to show: all of it when short, else
/// `LINE_CHARS` characters starting a little before `first`.
fn window(text: &str, first: Option<usize>) -> (usize, usize) {
    if text.chars().count() <= LINE_CHARS {
        return (0, text.len());
    }
    let first = first.unwrap_or(0);
    let before = text[..first].chars().count().saturating_sub(LINE_CHARS / 3);
    let from = text.char_indices().nth(before).map_or(0, |(i, _)| i);
    let to = text[from..]
        .char_indices()
        .nth(LINE_CHARS)
        .map_or(text.len(), |(i, _)| from + i);
    (from, to)
}

/// Matches, gaps, edge and advice.
fn fit_details(r: &Record, m: Messages) -> String {
    let Some(fit) = &r.fit else {
        return String::new();
    };
    let mut s = format!(
        r#"<div class="fitbox"><h4>{}</h4><dl>"#,
        esc(&tr!(m, "report-your-fit", score = fit.score))
    );
    let mut item = |name: String, items: Vec<&str>| {
        if !items.is_empty() {
            let list: Vec<String> = items.iter().map(|x| esc(x)).collect();
            let _ = write!(s, "<dt>{}</dt><dd>{}</dd>", esc(&name), list.join(", "));
        }
    };
    item(
        tr!(m, "fit-matches"),
        fit.matched.iter().map(|x| x.skill.as_str()).collect(),
    );
    item(
        tr!(m, "fit-missing-required"),
        fit.missing_required.iter().map(String::as_str).collect(),
    );
    item(
        tr!(m, "fit-missing-preferred"),
        fit.missing_preferred.iter().map(String::as_str).collect(),
    );
    item(
        tr!(m, "fit-edge"),
        fit.edge.iter().map(String::as_str).collect(),
    );
    // What holds the score down: a gate caps it, a penalty takes points off.
    for g in &fit.explain.gates {
        item(m.gate_label(g, false), vec![&m.gate_why(&g.why)]);
    }
    for p in &fit.explain.penalty_facts {
        item(tr!(m, "md-points-off"), vec![&m.penalty_why(p)]);
    }
    s.push_str("</dl>");
    if !fit.advice_facts.is_empty() {
        s.push_str(r#"<ul class="advice">"#);
        for a in &fit.advice_facts {
            let _ = write!(s, "<li>{}</li>", esc(&m.advice(a)));
        }
        s.push_str("</ul>");
    }
    s.push_str("</div>");
    s
}
