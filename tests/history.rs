//! `--db`, `--new-only` and `rolefit history`: what is new since last time,
//! what came back, and a database that survives concurrent and killed runs.

mod util;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use util::{Dir, Output, repo_root};

/// The bundled samples written as plain text (no HTML): distinct postings.
fn samples() -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(repo_root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| (n.ends_with(".md") || n.ends_with(".txt")) && n != "README.md")
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(repo_root().join("samples").join(&n)).unwrap();
            (n, text)
        })
        .collect()
}

/// A CSV of (id, text) rows.
fn csv(rows: &[(String, String)]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "text"]).unwrap();
    for (id, text) in rows {
        w.write_record([id, text]).unwrap();
    }
    w.into_inner().unwrap()
}

/// The same text, spaced and cased differently.
fn respaced(text: &str) -> String {
    text.lines()
        .map(|l| {
            format!(
                "  {}  ",
                l.split_whitespace().collect::<Vec<_>>().join("   ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn run(dir: &Dir, args: &[&str], now: &str) -> Output {
    dir.command(args).env("ROLEFIT_NOW", now).run()
}

/// (id, seen) of each JSON line.
fn seen(out: &Output) -> Vec<(String, String)> {
    out.json_lines()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["seen"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn new_only_gives_exactly_the_postings_the_first_run_had_not_seen() {
    let s = samples();
    assert!(s.len() >= 10, "the samples hold enough postings");
    let dir = Dir::new();
    dir.create("week1.csv", csv(&s[..6]));
    // Week 2 overlaps week 1 in three postings, respaced.
    let week2: Vec<(String, String)> = s[3..10]
        .iter()
        .map(|(id, t)| (id.clone(), respaced(t)))
        .collect();
    dir.create("week2.csv", csv(&week2));

    let first = run(
        &dir,
        &["batch", "week1.csv", "--db", "h.db", "-f", "jsonl"],
        "2026-11-02T08:00:00Z",
    );
    first.expect_code(0);
    assert!(seen(&first).iter().all(|(_, s)| s == "new"), "{first:?}");

    let second = run(
        &dir,
        &[
            "batch",
            "week2.csv",
            "--db",
            "h.db",
            "--new-only",
            "-f",
            "jsonl",
            "--summary-out",
            "summary.md",
            "--report",
            "report.html",
        ],
        "2026-11-09T08:00:00Z",
    );
    second.expect_code(0);
    let expected: Vec<(String, String)> = s[6..10]
        .iter()
        .map(|(id, _)| (id.clone(), "new".to_string()))
        .collect();
    assert_eq!(seen(&second), expected);
    // The summary and the report hold the new postings only.
    let summary = dir.read("summary.md");
    assert!(summary.contains("4 rows: 4 ok, 0 errors."), "{summary}");
    let report = dir.read("report.html");
    for (id, _) in &s[3..6] {
        assert!(!report.contains(id.as_str()), "{id} is not new");
    }
    for (id, _) in &s[6..10] {
        assert!(report.contains(id.as_str()), "{id} is new");
    }

    // Without --new-only every row is written, each marked.
    let third = run(
        &dir,
        &["batch", "week2.csv", "--db", "h.db", "-f", "jsonl"],
        "2026-11-16T08:00:00Z",
    );
    assert!(seen(&third).iter().all(|(_, s)| s == "seen"), "{third:?}");
    assert_eq!(third.json_lines().len(), 7);

    // CSV has a `seen` column with --db, and none without.
    let csv_out = run(
        &dir,
        &["batch", "week2.csv", "--db", "h.db", "-f", "csv"],
        "2026-11-23T08:00:00Z",
    );
    let mut r = csv::Reader::from_reader(csv_out.success().as_bytes());
    let header = r.headers().unwrap().clone();
    assert_eq!(header.iter().next_back(), Some("seen"));
    assert!(
        r.records()
            .all(|row| row.unwrap().iter().next_back() == Some("seen"))
    );
    let plain = run(
        &dir,
        &["batch", "week2.csv", "-f", "csv"],
        "2026-11-23T08:00:00Z",
    );
    assert!(!plain.success().lines().next().unwrap().contains("seen"));
}

#[test]
fn a_posting_gone_and_back_is_reposted_not_new() {
    let s = samples();
    let dir = Dir::new();
    let board = |rows: &[(String, String)]| dir.create("board.csv", csv(rows));
    let db = ["--db", "h.db", "-f", "jsonl"];
    let cmd = |extra: &[&str]| {
        let mut a = vec!["batch", "board.csv"];
        a.extend(db);
        a.extend(extra);
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    board(&[s[0].clone(), s[1].clone()]);
    let a: Vec<&str> = Vec::new();
    let args = cmd(&a);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&dir, &args, "2026-11-02T08:00:00Z").expect_code(0);
    // Week 2: posting 0 is gone from the board.
    board(&[s[1].clone()]);
    run(&dir, &args, "2026-11-09T08:00:00Z").expect_code(0);
    // Week 3: it is back, with a new one beside it.
    board(&[s[0].clone(), s[1].clone(), s[2].clone()]);
    let new_only = cmd(&["--new-only"]);
    let new_only: Vec<&str> = new_only.iter().map(String::as_str).collect();
    let out = run(&dir, &new_only, "2026-11-16T08:00:00Z");
    out.expect_code(0);
    assert_eq!(
        seen(&out),
        [
            (s[0].0.clone(), "reposted".to_string()),
            (s[2].0.clone(), "new".to_string())
        ]
    );
}

#[test]
fn a_small_edit_is_the_same_posting_changed() {
    let s = samples();
    let dir = Dir::new();
    let (id, text) = &s[4];
    dir.create("a.csv", csv(&[(id.clone(), text.clone())]));
    // One line of the posting edited, the rest as it was.
    let mut lines: Vec<&str> = text.lines().collect();
    let at = lines.len() / 2;
    let edited = format!("{} (updated)", lines[at]);
    lines[at] = &edited;
    dir.create("b.csv", csv(&[("other-id".into(), lines.join("\n"))]));
    run(
        &dir,
        &["batch", "a.csv", "--db", "h.db"],
        "2026-11-02T08:00:00Z",
    )
    .expect_code(0);
    let out = run(
        &dir,
        &["batch", "b.csv", "--db", "h.db", "-f", "jsonl"],
        "2026-11-09T08:00:00Z",
    );
    assert_eq!(
        seen(&out),
        [("other-id".to_string(), "changed".to_string())]
    );
}

#[test]
fn analyze_records_too() {
    let dir = Dir::new();
    let db = dir.path().join("h.db");
    let db = db.to_str().unwrap();
    let sample = "samples/en-ml-engineer-ranking.md";
    let first = util::in_repo(["analyze", sample, "--db", db, "-f", "jsonl"]).run();
    assert_eq!(first.json_lines()[0]["seen"], "new");
    let again = util::in_repo(["analyze", sample, "--db", db, "--new-only", "-f", "jsonl"]).run();
    again.expect_code(0);
    assert_eq!(again.stdout, "", "nothing new the second time");
    // The table says what the history made of it.
    let table = util::in_repo(["analyze", sample, "--db", db]).run();
    assert!(table.success().contains("  history: seen"), "{table:?}");
    let ko = util::in_repo(["--lang", "ko", "analyze", sample, "--db", db]).run();
    assert!(ko.success().contains("  이력: 이미 봄"), "{ko:?}");
}

/// A bare `--db` (followed by another option, or last on the line) and
/// `--db=` record in `ROLEFIT_DB`, as the README's weekly recipe uses it.
#[test]
fn a_bare_db_flag_records_in_the_default_database() {
    let dir = Dir::new();
    let db = dir.path().join("default.db");
    let sample = "samples/en-ml-engineer-ranking.md";
    let runs: [&[&str]; 3] = [
        &["analyze", "--db", "-f", "jsonl", sample],
        &["analyze", sample, "-f", "jsonl", "--db"],
        &["analyze", sample, "-f", "jsonl", "--db="],
    ];
    let mut seen = Vec::new();
    for args in runs {
        let out = util::in_repo(args.iter().copied())
            .env("ROLEFIT_DB", db.to_str().unwrap())
            .run();
        out.expect_code(0);
        seen.push(out.json_lines()[0]["seen"].as_str().unwrap().to_string());
    }
    assert_eq!(seen, ["new", "seen", "seen"]);
    assert_eq!(count(&check_db(&db), "SELECT count(*) FROM runs"), 3);
}

/// Opens the database the way a reader would and checks it is whole.
fn check_db(path: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    conn
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn two_concurrent_runs_on_one_database() {
    let s = samples();
    let dir = Dir::new();
    // Many rows each, overlapping in the middle samples.
    let many = |range: std::ops::Range<usize>| -> Vec<(String, String)> {
        (0..20)
            .flat_map(|k| {
                s[range.clone()]
                    .iter()
                    .map(move |(id, t)| (format!("{k}-{id}"), t.clone()))
            })
            .collect()
    };
    dir.create("a.csv", csv(&many(0..8)));
    dir.create("b.csv", csv(&many(4..12)));
    let spawn = |input: &str| {
        Command::new(util::bin())
            .current_dir(dir.path())
            .args(["batch", input, "--db", "h.db", "-f", "jsonl"])
            .env_remove("ROLEFIT_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn("a.csv"), spawn("b.csv"));
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let conn = check_db(&dir.path().join("h.db"));
    // Twelve distinct postings, each recorded once however many rows held it.
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM postings"), 12);
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM runs WHERE finished IS NOT NULL"
        ),
        2
    );
    assert_eq!(count(&conn, "SELECT SUM(rows) FROM runs"), 320);
    // Every posting was new to exactly one of the runs.
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM sightings WHERE seen = 'new'"),
        12
    );
}

#[test]
fn a_run_killed_mid_write_leaves_a_whole_database() {
    let s = samples();
    let dir = Dir::new();
    let mut child = Command::new(util::bin())
        .current_dir(dir.path())
        .args(["batch", "-", "--db", "h.db", "-f", "jsonl"])
        .env_remove("ROLEFIT_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The CSV reader holds the last row back until it sees the next or the
    // end, so six rows are sent for five to be processed.
    stdin.write_all(&csv(&s[..6])).unwrap();
    stdin.flush().unwrap();
    // The five records are out (so recorded); the input is still open.
    let mut out = BufReader::new(child.stdout.take().unwrap());
    for _ in 0..5 {
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert!(line.contains("\"seen\":\"new\""), "{line}");
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    drop(stdin);

    let conn = check_db(&dir.path().join("h.db"));
    let recorded = count(&conn, "SELECT COUNT(*) FROM postings");
    assert!((5..=6).contains(&recorded), "{recorded} postings recorded");
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM runs WHERE finished IS NULL"),
        1,
        "the killed run stays unfinished"
    );
    drop(conn);
    // The next run reads the same database and sees those postings.
    dir.create("again.csv", csv(&s[..6]));
    let again = dir
        .command([
            "batch",
            "again.csv",
            "--db",
            "h.db",
            "--new-only",
            "-f",
            "jsonl",
        ])
        .run();
    again.expect_code(0);
    assert_eq!(seen(&again), [(s[5].0.clone(), "new".to_string())]);
}

#[test]
fn a_database_that_is_not_one_is_a_clear_error() {
    let dir = Dir::new();
    dir.create(
        "h.db",
        "this is not a database, it is text of some length ..........",
    );
    dir.create("a.csv", csv(&samples()[..1]));
    let out = dir.command(["batch", "a.csv", "--db", "h.db"]).run();
    out.expect_code(2);
    assert!(out.stderr.starts_with("rolefit: h.db: "), "{out:?}");
    assert_eq!(out.stderr.lines().count(), 1, "{out:?}");
}

/// Three weekly runs of one board file: posting 1 closes in week 2 and is
/// back in week 3, beside a new posting 2.
fn three_weeks(dir: &Dir) {
    let s = samples();
    let weeks: [(&str, Vec<usize>); 3] = [
        ("2026-11-02T08:00:00Z", vec![0, 1]),
        ("2026-11-09T08:00:00Z", vec![0]),
        ("2026-11-16T08:00:00Z", vec![0, 1, 2]),
    ];
    for (now, rows) in weeks {
        let rows: Vec<(String, String)> = rows.into_iter().map(|i| s[i].clone()).collect();
        dir.create("board.csv", csv(&rows));
        run(dir, &["batch", "board.csv", "--db", "h.db"], now).expect_code(0);
    }
}

#[test]
fn history_reports_new_closed_and_reposted_in_every_format() {
    let dir = Dir::new();
    three_weeks(&dir);
    let history = |args: &[&str]| {
        let mut a = vec!["history", "--db", "h.db"];
        a.extend(args);
        dir.command(a).run()
    };

    let json = history(&["-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(json.success()).unwrap();
    let events: Vec<(String, String, String)> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap().to_string(),
                e["kind"].as_str().unwrap().to_string(),
                e["title"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let kinds: Vec<(&str, &str)> = events
        .iter()
        .map(|(d, k, _)| (d.as_str(), k.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("2026-11-02", "new"),
            ("2026-11-02", "new"),
            ("2026-11-09", "closed"),
            ("2026-11-16", "new"),
            ("2026-11-16", "reposted"),
        ]
    );
    // The posting that closed is the one reposted: the second of week 1.
    assert_eq!(events[2].2, events[1].2);
    assert_eq!(events[4].2, events[1].2);
    assert_ne!(events[3].2, events[1].2);
    let periods = v["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 3);
    assert_eq!(periods[0]["period"], "2026-11-02");
    assert_eq!(periods[2]["postings"], 3);
    assert_eq!(periods[1]["closed"], 1);

    let jsonl = history(&["-f", "jsonl"]);
    let lines = jsonl.json_lines();
    assert_eq!(lines.iter().filter(|l| l["type"] == "event").count(), 5);
    assert_eq!(lines.iter().filter(|l| l["type"] == "period").count(), 3);

    let csv_out = history(&["-f", "csv"]);
    let mut r = csv::Reader::from_reader(csv_out.success().as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 8);
    assert!(
        rows.iter()
            .any(|r| &r[3] == "reposted" && r[5] == events[4].2)
    );

    let md = history(&["-f", "md", "--by", "month"]);
    assert!(
        md.success().contains("| 2026-11 | 3 | 3 | 0 | 1 | 1 |"),
        "{md:?}"
    );

    let table = history(&[]);
    assert!(table.success().contains("2026-11-09  closed"), "{table:?}");

    // --since leaves out what came before.
    let since = history(&["--since", "2026-11-10", "-f", "jsonl"]);
    let kinds: Vec<String> = since
        .json_lines()
        .iter()
        .filter(|l| l["type"] == "event")
        .map(|l| l["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kinds, ["new", "reposted"]);
}

#[test]
fn history_report_draws_trend_charts() {
    let dir = Dir::new();
    three_weeks(&dir);
    dir.command([
        "history",
        "--db",
        "h.db",
        "--report",
        "trends.html",
        "--strengths",
        "Python, PyTorch",
    ])
    .run()
    .expect_code(0);
    let html = dir.read("trends.html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    for id in [
        "h-new",
        "h-closed",
        "h-reposted",
        "h-fit",
        "h-role-modeling",
    ] {
        assert!(html.contains(&format!("<svg id=\"{id}\"")), "no chart {id}");
    }
    assert!(!html.contains("<script src"), "self-contained");
}

#[test]
fn history_reads_a_database_and_never_changes_a_file() {
    let dir = Dir::new();
    // An empty file (not a database yet) is refused as it is.
    dir.create("notes.txt", "");
    let out = dir.command(["history", "--db", "notes.txt"]).run();
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: notes.txt: not a rolefit history database; \
         record runs with `rolefit batch ... --db`\n"
    );
    assert_eq!(dir.read("notes.txt"), "");
    assert_eq!(util::names_in(dir.path()), ["notes.txt"]);
    // So is another program's database.
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    let out = dir.command(["history", "--db", "other.sqlite"]).run();
    out.expect_code(2);
    assert!(
        out.stderr
            .starts_with("rolefit: other.sqlite: not a rolefit history database"),
        "{out:?}"
    );
    assert_eq!(std::fs::read(&other).unwrap(), before);
    // A history database is read, and left byte for byte as it was.
    three_weeks(&dir);
    let before = std::fs::read(dir.path().join("h.db")).unwrap();
    let out = dir
        .command([
            "history", "--db", "h.db", "-f", "json", "--report", "t.html",
        ])
        .run();
    let v: serde_json::Value = serde_json::from_str(out.success()).unwrap();
    assert_eq!(v["periods"].as_array().map(Vec::len), Some(3));
    assert_eq!(std::fs::read(dir.path().join("h.db")).unwrap(), before);
}

#[test]
fn history_errors_name_what_is_wrong() {
    let dir = Dir::new();
    let out = dir.command(["history", "--db", "none.db"]).run();
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: none.db: no history yet; record runs with `rolefit batch ... --db`\n"
    );
    three_weeks(&dir);
    let out = dir
        .command(["history", "--db", "h.db", "--since", "last week"])
        .run();
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: --since last week: not a date; write it as YYYY-MM-DD\n"
    );
}

/// A CSV of (id, text, url) rows.
fn csv_with_urls(rows: &[(&str, &str, &str)]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "text", "url"]).unwrap();
    for row in rows {
        w.write_record([row.0, row.1, row.2]).unwrap();
    }
    w.into_inner().unwrap()
}

fn sample(name: &str) -> String {
    std::fs::read_to_string(repo_root().join("samples").join(name)).unwrap()
}

/// Week 1: a research posting and a frontend one; week 2: the research
/// posting's page (same URL) now describes an MLOps backend job.
fn a_posting_changes_role(dir: &Dir) -> serde_json::Value {
    let research = sample("ko-hard-ml-engineer-title-lab-research.md");
    let backend = sample("ko-speech-mlops-platform.txt");
    let frontend = sample("ko-frontend-photo-editing-app.txt");
    let (a, b) = (
        "https://jobs.example.com/p/a",
        "https://jobs.example.com/p/b",
    );
    dir.create(
        "w1.csv",
        csv_with_urls(&[("a", &research, a), ("b", &frontend, b)]),
    );
    dir.create(
        "w2.csv",
        csv_with_urls(&[("a", &backend, a), ("b", &frontend, b)]),
    );
    run(
        dir,
        &["batch", "w1.csv", "--db", "h.db"],
        "2026-01-05T00:00:00Z",
    )
    .expect_code(0);
    let week1 = dir.command(["history", "--db", "h.db", "-f", "json"]).run();
    let week1: serde_json::Value = serde_json::from_str(week1.success()).unwrap();
    run(
        dir,
        &["batch", "w2.csv", "--db", "h.db"],
        "2026-01-12T00:00:00Z",
    )
    .expect_code(0);
    week1
}

#[test]
fn history_keeps_each_week_as_its_runs_read_it() {
    let dir = Dir::new();
    let before = a_posting_changes_role(&dir);
    let out = dir.command(["history", "--db", "h.db", "-f", "json"]).run();
    let v: serde_json::Value = serde_json::from_str(out.success()).unwrap();
    let periods = v["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 2, "{v}");
    // Week 1 reads as it did before week 2 was recorded.
    assert_eq!(periods[0], before["periods"][0], "{v}");
    assert_eq!(periods[0]["roles"]["research"], 1, "{v}");
    assert_eq!(periods[0]["roles"]["backend"], 0, "{v}");
    assert_eq!(periods[1]["roles"]["research"], 0, "{v}");
    assert_eq!(periods[1]["roles"]["backend"], 1, "{v}");
    assert_eq!(periods[1]["changed"], 1, "{v}");
    let events: Vec<(&str, &str, &str)> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap(),
                e["kind"].as_str().unwrap(),
                e["role"].as_str().unwrap(),
            )
        })
        .filter(|e| e.2 != "frontend")
        .collect();
    assert_eq!(
        events,
        [
            ("2026-01-05", "new", "research"),
            ("2026-01-12", "changed", "backend"),
        ]
    );
}

#[test]
fn history_since_counts_the_postings_of_the_runs_since() {
    let s = samples();
    let dir = Dir::new();
    dir.create("board.csv", csv(&s[..3]));
    run(
        &dir,
        &["batch", "board.csv", "--db", "h.db"],
        "2026-11-02T08:00:00Z",
    )
    .expect_code(0);
    dir.create("board.csv", csv(&s[..1]));
    run(
        &dir,
        &["batch", "board.csv", "--db", "h.db"],
        "2026-11-09T08:00:00Z",
    )
    .expect_code(0);
    let since = |args: &[&str]| {
        let mut a = vec!["history", "--db", "h.db", "--since", "2026-11-09"];
        a.extend(args);
        dir.command(a).run()
    };
    let v: serde_json::Value = serde_json::from_str(since(&["-f", "json"]).success()).unwrap();
    assert_eq!(
        (v["runs"].clone(), v["postings"].clone()),
        (1.into(), 1.into())
    );
    let table = since(&[]);
    assert!(
        table
            .success()
            .contains("1 runs, 1 postings since 2026-11-09"),
        "{table:?}"
    );
    // Without --since: every posting.
    let all = dir.command(["history", "--db", "h.db", "-f", "json"]).run();
    let v: serde_json::Value = serde_json::from_str(all.success()).unwrap();
    assert_eq!(
        (v["runs"].clone(), v["postings"].clone()),
        (2.into(), 3.into())
    );
}

#[test]
fn history_json_names_every_role_of_every_period() {
    let dir = Dir::new();
    three_weeks(&dir);
    let out = dir.command(["history", "--db", "h.db", "-f", "json"]).run();
    let v: serde_json::Value = serde_json::from_str(out.success()).unwrap();
    for p in v["periods"].as_array().unwrap() {
        let roles = p["roles"].as_object().unwrap();
        let names: Vec<&str> = roles.keys().map(String::as_str).collect();
        let mut expected = ["modeling", "backend", "frontend", "research", "none"];
        expected.sort();
        assert_eq!(names, expected, "{p}");
        let total: u64 = roles.values().map(|n| n.as_u64().unwrap()).sum();
        assert_eq!(Some(total), p["postings"].as_u64(), "{p}");
    }
    // Week 2 saw one posting: the other roles are there with 0.
    let week2 = &v["periods"][1]["roles"];
    assert_eq!(
        week2
            .as_object()
            .unwrap()
            .values()
            .filter(|n| **n == 0)
            .count(),
        4,
        "{week2}"
    );
}

/// The first schema (rolefit 0.1.0), to test that a database recorded by
/// it is updated in place by the next recording run.
fn to_first_schema(db: &std::path::Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(
        "CREATE TABLE old_sightings AS SELECT run_id, posting_id, seen, at FROM sightings;
         DROP TABLE sightings;
         DROP TABLE versions;
         CREATE TABLE sightings (
             run_id     INTEGER NOT NULL REFERENCES runs(id),
             posting_id INTEGER NOT NULL REFERENCES postings(id),
             seen       TEXT NOT NULL,
             at         TEXT NOT NULL,
             PRIMARY KEY (run_id, posting_id)
         );
         INSERT INTO sightings SELECT * FROM old_sightings;
         DROP TABLE old_sightings;
         CREATE INDEX sightings_posting ON sightings(posting_id);
         PRAGMA user_version = 1;",
    )
    .unwrap();
}

#[test]
fn an_older_database_is_refused_by_history_and_updated_by_a_run() {
    let dir = Dir::new();
    let research = sample("ko-hard-ml-engineer-title-lab-research.md");
    let backend = sample("ko-speech-mlops-platform.txt");
    let url = "https://jobs.example.com/p/a";
    dir.create("w1.csv", csv_with_urls(&[("a", &research, url)]));
    dir.create("w2.csv", csv_with_urls(&[("a", &backend, url)]));
    run(
        &dir,
        &["batch", "w1.csv", "--db", "h.db"],
        "2026-01-05T00:00:00Z",
    )
    .expect_code(0);
    to_first_schema(&dir.path().join("h.db"));
    let before = std::fs::read(dir.path().join("h.db")).unwrap();
    let out = dir.command(["history", "--db", "h.db"]).run();
    out.expect_code(2);
    assert_eq!(
        out.stderr,
        "rolefit: h.db: written by an older rolefit; record one run with \
         `rolefit batch ... --db h.db` to update it\n"
    );
    assert_eq!(std::fs::read(dir.path().join("h.db")).unwrap(), before);
    // The next run updates it in place; week 1 keeps what it was recorded as.
    run(
        &dir,
        &["batch", "w2.csv", "--db", "h.db"],
        "2026-01-12T00:00:00Z",
    )
    .expect_code(0);
    let out = dir.command(["history", "--db", "h.db", "-f", "json"]).run();
    let v: serde_json::Value = serde_json::from_str(out.success()).unwrap();
    assert_eq!(v["periods"][0]["roles"]["research"], 1, "{v}");
    assert_eq!(v["periods"][1]["roles"]["backend"], 1, "{v}");
    assert_eq!(v["events"][0]["role"], "research", "{v}");
}
