//! The report page: structure, charts, rows, and that nothing a posting
//! says can become markup, a script or a link to anything but the web.

use super::*;
use crate::classify::{Evidence, Signal};
use crate::extract::SectionKind;
use crate::fit::Match;
use crate::requirements::Need;
use crate::summary::fixture::{posting, scored, skills, strengths};

fn hit(signal: Signal, pattern: &str, matched: &str, line: usize, weight: f64) -> Evidence {
    Evidence {
        signal,
        pattern: pattern.into(),
        matched: matched.into(),
        section: SectionKind::Requirements,
        line,
        weight,
        lead: weight,
        negated: false,
        ai: true,
        origin: "patterns/backend.toml:1".into(),
    }
}

/// The finished page for `records`.
fn page(records: &[Record], me: Option<&Strengths>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let mut report = Report::create(&path, me, Messages::default()).unwrap();
    for r in records {
        report.add(r).unwrap();
    }
    report.finish().unwrap();
    std::fs::read_to_string(&path).unwrap()
}

const HOSTILE: &str =
    r#"<script>alert(1)</script>"onmouseover="alert(2)" '</style><img src=x onerror=alert(3)>"#;

fn hostile() -> Record {
    let mut r = scored(posting("backend"), 77);
    r.id = HOSTILE.into();
    r.meta.title = Some(format!("Title {HOSTILE}"));
    r.meta.company = Some(format!("Company {HOSTILE}"));
    r.meta.location = Some(HOSTILE.into());
    r.source = "javascript:alert(4)".into();
    r.secondary = Some(crate::role::Role::Modeling);
    r.duplicate_of = Some(HOSTILE.into());
    r.evidence = vec![hit(Signal::Backend, HOSTILE, "<script>", 3, 2.0)];
    r.lines
        .insert(3, format!("serve <script>alert(5)</script> and {HOSTILE}"));
    let fit = r.fit.as_mut().unwrap();
    fit.matched.push(Match {
        skill: HOSTILE.into(),
        need: Need::Required,
        section: "requirements".into(),
        line: 3,
        strength: None,
    });
    fit.missing_required.push(HOSTILE.into());
    fit.advice_facts.push(crate::fit::Advice::LeadWith {
        skill: HOSTILE.into(),
    });
    fit.edge.push(HOSTILE.into());
    r
}

#[test]
fn nothing_from_a_posting_becomes_markup() {
    let mut err = Record::error(HOSTILE.into(), HOSTILE.into(), HOSTILE.into());
    err.source = "JAVASCRIPT:alert(6)".into();
    let me = strengths(&[HOSTILE], &[], &[Role::Backend]);
    let html = page(&[hostile(), err], Some(&me));
    // The page's own style sheet and script, and nothing else.
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert_eq!(html.matches("</style>").count(), 1);
    assert_eq!(html.matches("<style").count(), 1);
    assert!(!html.contains("<img"));
    assert!(!html.contains("\"onmouseover="));
    assert!(!html.to_ascii_lowercase().contains("href=\"javascript"));
    assert!(!html.contains("alert(5)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=&quot;"));
    // The hostile phrase is still marked where it was matched, escaped.
    assert!(
        html.contains(r#"serve <mark class="s-backend deciding""#),
        "{html}"
    );
    assert!(html.contains(">&lt;script&gt;</mark>alert(5)&lt;/script&gt;"));
}

#[test]
fn only_web_addresses_become_links() {
    let mut a = posting("backend");
    a.source = "https://jobs.example/42?ref=a&b=1".into();
    a.meta.title = Some("Serving engineer".into());
    let mut b = posting("frontend");
    b.source = "samples/x.md".into();
    let html = page(&[a, b], None);
    assert!(html.contains(r#"<a href="https://jobs.example/42?ref=a&amp;b=1" rel="noopener noreferrer nofollow">Serving engineer</a>"#));
    assert!(!html.contains("href=\"samples/"));
    // Nothing is loaded from anywhere.
    for external in ["src=", "<link", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
}

#[test]
fn role_chart_has_one_bar_per_role_with_its_count() {
    let html = page(
        &[
            posting("backend"),
            posting("backend"),
            posting("research"),
            posting("none"),
            Record::error("e".into(), "e".into(), "gone".into()),
        ],
        None,
    );
    let chart = between(&html, r#"<svg id="chart-roles""#, "</svg>");
    let values: Vec<(&str, &str)> = chart
        .split("<rect ")
        .skip(1)
        .map(|r| (attr(r, "data-key"), attr(r, "data-value")))
        .collect();
    assert_eq!(
        values,
        [
            ("modeling", "0"),
            ("backend", "2"),
            ("frontend", "0"),
            ("research", "1"),
            ("none", "1")
        ]
    );
}

#[test]
fn fit_ranking_is_best_first_and_links_to_the_rows() {
    let records: Vec<Record> = [40, 90, 65, 90]
        .into_iter()
        .enumerate()
        .map(|(i, score)| {
            let mut r = scored(posting("modeling"), score);
            r.meta.title = Some(format!("posting {i}"));
            r
        })
        .collect();
    let me = strengths(&["PyTorch"], &[], &[Role::Modeling]);
    let html = page(&records, Some(&me));
    let chart = between(&html, r#"<svg id="chart-fit""#, "</svg>");
    let ranked: Vec<(&str, &str)> = chart
        .split("<a ")
        .skip(1)
        .map(|a| (attr(a, "href"), attr(a, "data-value")))
        .collect();
    assert_eq!(
        ranked,
        [
            ("#p-2", "90"),
            ("#p-4", "90"),
            ("#p-3", "65"),
            ("#p-1", "40")
        ]
    );
    for n in 1..=4 {
        assert!(html.contains(&format!(r#"<tr id="p-{n}" data-n="{n}""#)));
    }
    assert!(html.contains(r#"data-key="fit""#));
    assert!(!html.contains("no-strengths"));
}

#[test]
fn the_fit_ranking_keeps_the_best_twenty() {
    let records: Vec<Record> = (0..30).map(|i| scored(posting("backend"), i * 3)).collect();
    let me = strengths(&["Go"], &[], &[Role::Backend]);
    let html = page(&records, Some(&me));
    let chart = between(&html, r#"<svg id="chart-fit""#, "</svg>");
    assert_eq!(chart.matches("<rect").count(), TOP_FIT);
    assert!(chart.contains(r##"href="#p-30""##));
    assert!(!chart.contains(r##"href="#p-10""##));
    assert_eq!(html.matches("<tr id=\"p-").count(), 30);
}

#[test]
fn without_strengths_the_page_says_so_and_has_no_fit_column() {
    let html = page(&[posting("backend")], None);
    assert!(html.contains(r#"id="no-strengths""#));
    assert!(!html.contains(r#"data-key="fit""#));
    assert!(!html.contains(r#"id="chart-fit""#));
    assert!(html.contains(r#"id="chart-roles""#));
}

#[test]
fn skills_in_demand_are_marked_yours_or_missing() {
    let me = strengths(&["Go"], &[], &[Role::Backend]);
    let html = page(
        &[
            scored(
                skills(posting("backend"), Need::Required, &["Go", "Kafka"]),
                50,
            ),
            scored(skills(posting("backend"), Need::Required, &["Kafka"]), 30),
        ],
        Some(&me),
    );
    let chart = between(&html, r#"<svg id="chart-skills""#, "</svg>");
    let bars: Vec<(&str, &str, &str)> = chart
        .split("<rect ")
        .skip(1)
        .map(|r| (attr(r, "class"), attr(r, "data-key"), attr(r, "data-value")))
        .collect();
    assert_eq!(bars, [("bar gap", "Kafka", "2"), ("bar yours", "Go", "1")]);
}

#[test]
fn evidence_marks_every_hit_in_its_line_strongest_line_first() {
    let mut r = posting("backend");
    r.evidence = vec![
        hit(Signal::Backend, "model serving", "model serving", 4, 3.0),
        hit(Signal::Modeling, "training", "Training", 2, 1.0),
        hit(Signal::Backend, "infra", "Kubernetes", 2, 0.8),
    ];
    r.evidence[1].section = SectionKind::Responsibilities;
    r.lines.insert(2, "Training jobs on Kubernetes".into());
    r.lines.insert(4, "Own model serving at scale".into());
    let html = page(&[r], None);
    let why = between(&html, r#"<details class="why">"#, "</details>");
    assert!(why.contains(r#"<summary>Why backend: 3 hits · <mark class="s-backend">model serving</mark> <mark class="s-backend">Kubernetes</mark></summary>"#), "{why}");
    let first = why.find("Own <mark").unwrap();
    let second = why.find(r#"<mark class="s-modeling""#).unwrap();
    assert!(first < second);
    assert!(why.contains(r#">Training</mark> jobs on <mark class="s-backend deciding""#));
}

#[test]
fn a_posting_with_no_ai_role_is_decided_by_its_job_function() {
    let mut r = posting("none");
    r.evidence = vec![
        hit(Signal::Ai, "llm", "LLM", 1, 1.0),
        hit(Signal::Function, "marketing", "product marketing", 1, 4.0),
    ];
    r.lines
        .insert(1, "Own product marketing for our LLM platform".into());
    let html = page(&[r], None);
    assert!(html.contains(r#"<summary>Why none: 2 hits · <mark class="s-function">product marketing</mark></summary>"#), "{html}");
    assert!(html.contains(r#"Own <mark class="s-function deciding""#));
    assert!(html.contains(r#"for our <mark class="s-ai">LLM</mark>"#));
}

#[test]
fn negated_hits_are_struck_through_and_a_long_line_is_cut_around_its_hit() {
    let mut r = posting("research");
    let mut no = hit(Signal::Research, "publications", "publications", 1, 0.0);
    no.negated = true;
    let far = hit(Signal::Research, "papers", "papers", 2, 2.0);
    r.evidence = vec![far, no];
    r.lines.insert(1, "No publications required".into());
    let long = format!("{} papers {}", "a ".repeat(400), "b ".repeat(400));
    r.lines.insert(2, long);
    let html = page(&[r], None);
    assert!(html.contains(r#"<mark class="s-research negated""#));
    let line = between(
        &html,
        "<li><span class=\"where\">requirements, line 2",
        "</li>",
    );
    assert!(line.contains(">papers</mark>"));
    assert!(line.contains("…a a"), "{line}");
    assert!(line.chars().count() < 1000, "{}", line.chars().count());
}

#[test]
fn a_posting_shows_its_strongest_lines_and_says_how_many_are_left_out() {
    let mut r = posting("backend");
    for line in 1..=20 {
        r.evidence
            .push(hit(Signal::Backend, "api", "API", line, line as f64));
        r.lines.insert(line, format!("API number {line}"));
    }
    let html = page(&[r], None);
    assert_eq!(
        html.matches(r#"<li><span class="where">"#).count(),
        row::MAX_LINES
    );
    let open = between(&html, r#"<ol class="lines">"#, "</ol>");
    assert_eq!(open.matches("<li>").count(), 8);
    assert!(
        open.starts_with(r#"<ol class="lines"><li><span class="where">requirements, line 20<"#)
    );
    let more = row::MAX_LINES - 8;
    assert!(html.contains(&format!("<summary>{more} more lines</summary>")));
    let left = 20 - row::MAX_LINES;
    assert!(html.contains(&format!(
        "{left} more lines with weaker hits are not shown here"
    )));
}

#[test]
fn an_unwritable_path_fails_at_once_with_its_name() {
    let err = Report::create(
        Path::new("/nonexistent-dir/r.html"),
        None,
        Messages::default(),
    )
    .err()
    .unwrap();
    assert!(
        format!("{err:#}").starts_with("/nonexistent-dir/r.html: cannot write"),
        "{err:#}"
    );
}

#[test]
fn the_page_replaces_the_file_only_when_finished() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.html");
    std::fs::write(&path, "old").unwrap();
    let report = Report::create(&path, None, Messages::default()).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    report.finish().unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let dropped = Report::create(&path, None, Messages::default()).unwrap();
    drop(dropped);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    // Neither left a temporary file beside the page.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// The text from `start` (included) to the first `end` after it (excluded).
fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let from = s.find(start).unwrap_or_else(|| panic!("no {start}"));
    let to = s[from..].find(end).unwrap_or_else(|| panic!("no {end}"));
    &s[from..from + to]
}

/// The value of the first `name="..."` in `s` (which may start with it).
fn attr<'a>(s: &'a str, name: &str) -> &'a str {
    let key = format!("{name}=\"");
    let from = if s.starts_with(&key) {
        key.len()
    } else {
        let spaced = format!(" {key}");
        s.find(&spaced)
            .unwrap_or_else(|| panic!("no {name} in {s}"))
            + spaced.len()
    };
    &s[from..from + s[from..].find('"').unwrap()]
}

#[test]
fn a_korean_page_has_korean_words_and_keeps_english_keys() {
    use crate::i18n::Locale;
    let mut r = posting("backend");
    r.meta.date_posted = Some("2026-12-04".into());
    let me = strengths(&["Go"], &[], &[Role::Backend]);
    let ko = Messages::new(Locale::Ko);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ko.html");
    let mut report = Report::create(&path, Some(&me), ko).unwrap();
    report.add(&r).unwrap();
    report.finish().unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains(r#"<html lang="ko">"#));
    assert!(html.contains("<h1>rolefit 보고서</h1>"));
    assert!(html.contains("2026년 12월 4일 게시"), "the date in Korean");
    assert!(html.contains(r#"<span class="chip r-backend">백엔드</span>"#));
    assert!(html.contains(r#"data-role="backend""#), "keys stay English");
    let en = page(&[r], Some(&me));
    assert!(en.contains(r#"<html lang="en">"#));
    assert!(en.contains("posted 4 Dec 2026"));
}

#[test]
fn duplicates_are_listed_but_ranked_and_counted_once() {
    let me = strengths(&["PyTorch"], &[Role::Modeling], &[]);
    let first = scored(posting("modeling"), 90);
    let mut rows = vec![first.clone()];
    for i in 0..5 {
        let mut again = first.clone();
        again.id = format!("copy-{i}");
        again.duplicate_of = Some(first.id.clone());
        rows.push(again);
    }
    rows.push(scored(posting("backend"), 40));
    let html = page(&rows, Some(&me));
    assert!(
        html.contains("<b>5</b><span>duplicate rows (counted once)</span>"),
        "the duplicates are told"
    );
    // The fit ranking holds each posting once: two bars, not seven.
    let ranking = html.split("id=\"chart-fit\"").nth(1).unwrap();
    let ranking = &ranking[..ranking.find("</svg>").unwrap()];
    assert_eq!(ranking.matches("<rect").count(), 2, "{ranking}");
    // Every row is still in the table.
    for i in 0..5 {
        assert!(html.contains(&format!("copy-{i}")));
    }
}

#[test]
fn a_posting_shows_what_it_asks_for_and_what_caps_the_fit() {
    let mut r = scored(posting("backend"), 30);
    r.requirements = Some(crate::requirements::Requirements {
        years: Some(crate::requirements::Years {
            min: 5,
            max: None,
            need: Need::Required,
            any: false,
            text: format!("5+ years {HOSTILE}"),
            line: 4,
        }),
        ..Default::default()
    });
    let fit = r.fit.as_mut().unwrap();
    fit.explain.gates.push(crate::fit::Gate {
        kind: "location".into(),
        cap: 25.0,
        reason: String::new(),
        line: Some(2),
        why: crate::fit::GateWhy::JobIn {
            places: format!("Seattle {HOSTILE}"),
        },
    });
    let html = page(&[r], Some(&strengths(&["Python"], &[], &[Role::Backend])));
    let asks = between(&html, r#"<div class="asks">"#, "</div>");
    assert!(asks.contains("<h4>asks for</h4>"), "{asks}");
    assert!(asks.contains("5+ years"), "{asks}");
    let fitbox = between(&html, r#"<div class="fitbox">"#, "</div>");
    assert!(fitbox.contains("gate location (keeps 25%)"), "{fitbox}");
    assert!(fitbox.contains("the job is in Seattle"), "{fitbox}");
    // Both quote the posting, and neither lets it become markup.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("<img"));
}
