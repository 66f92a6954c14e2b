//! `rolefit batch` end to end: CSV/TSV/JSON Lines in, every output format
//! out, one output row per input row in input order, bad rows as that row's
//! error, exit codes, fetching URL rows from a server on 127.0.0.1 (with the
//! cache and the politeness limits), Ctrl-C and a closed stdout.
//!
//! Nothing here touches the internet: every URL is a wiremock server or a
//! tiny hand-written one on 127.0.0.1, or one that fails before connecting.

mod util;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::Ordering;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, ResponseTemplate};

use util::fixtures::{POSTING_HTML, POSTING_HTML_TITLE};
use util::raw::counting_server;
use util::site::{Site, html};
use util::{Dir, Output, TestCommand, csv_of, interrupt, wait_or_kill};

// ---------------------------------------------------------------------------
// The documented CSV columns.

const HEADER: &str = "id,title,company,location,lang,role,secondary,confidence,\
score_modeling,score_backend,score_frontend,score_research,alternative,alternative_probability,title_role,seniority,places,work_mode,limits,\
work_languages,status,error,duplicate_of";

const HEADER_WITH_FIT: &str = "id,title,company,location,lang,role,secondary,confidence,\
score_modeling,score_backend,score_frontend,score_research,alternative,alternative_probability,title_role,seniority,places,work_mode,limits,\
work_languages,fit_score,matched,missing_required,status,error,duplicate_of";

// ---------------------------------------------------------------------------
// Postings for CSV cells (made up). `{n}` makes each one's text unique, so
// that rows are not marked as duplicates of each other.

const MODELING: &str = "\
Machine Learning Engineer, Fraud Models {n}

## What you'll do
- Train and evaluate fraud detection models in PyTorch.
- Fine-tune gradient-boosted models and build offline evaluation for them.

## Requirements
- 3+ years building machine learning models that reached production.
- Strong Python and statistics.";

const BACKEND: &str = "\
LLM Platform Engineer {n}

## What you'll do
- Build and operate model serving APIs for our LLMs with vLLM on Kubernetes.
- Scale GPU inference infrastructure, caching and rate limiting.

## Requirements
- 4+ years of backend development in Go or Python.
- Experience running production services on Kubernetes.";

const FRONTEND: &str = "\
Frontend Engineer, AI Assistant {n}

## What you'll do
- Build the React and TypeScript chat UI for our LLM assistant, with streaming responses.
- Design the interface for citations, feedback and conversation history.

## Requirements
- 3+ years of frontend development with React and TypeScript.";

const RESEARCH: &str = "\
Research Scientist, Speech {n}

## What you'll do
- Conduct novel research on self-supervised speech representation learning.
- Publish at top venues such as NeurIPS, ICML and Interspeech.

## Requirements
- PhD in machine learning, speech processing or a related field.
- A strong publication record at top-tier conferences.";

/// The four postings and the role each one is.
const KINDS: [(&str, &str); 4] = [
    (MODELING, "modeling"),
    (BACKEND, "backend"),
    (FRONTEND, "frontend"),
    (RESEARCH, "research"),
];

/// Posting number `n`: kind `n % 4`. Returns its text and its role.
fn posting(n: usize) -> (String, &'static str) {
    let (text, role) = KINDS[n % 4];
    (text.replace("{n}", &n.to_string()), role)
}

/// The first line of posting `n`: its title.
fn posting_title(n: usize) -> String {
    posting(n).0.lines().next().unwrap().to_string()
}

/// A Korean posting for a modeling role (made up).
const POSTING_KO: &str = "\
머신러닝 엔지니어 (비전 모델)

주요업무
- 흉부 X-ray 영상의 병변 검출 및 분할 딥러닝 모델을 개발하고 학습합니다.
- PyTorch로 모델을 학습하고 평가 지표(AUROC, 민감도)로 성능을 검증합니다.
- 데이터 증강과 라벨 품질 개선으로 모델 정확도를 높입니다.

자격요건
- 컴퓨터 비전 모델 개발 경험 3년 이상
- PyTorch 및 Python 활용 능력";

// ---------------------------------------------------------------------------
// Building inputs and reading outputs.

/// `n` postings as CSV with id, title, company, location and description.
fn postings_csv(ids: &[String]) -> Vec<u8> {
    let mut rows = vec![vec![
        "id".to_string(),
        "title".into(),
        "company".into(),
        "location".into(),
        "description".into(),
    ]];
    for (n, id) in ids.iter().enumerate() {
        rows.push(vec![
            id.clone(),
            posting_title(n),
            format!("Company {n}"),
            format!("City {n}"),
            posting(n).0,
        ]);
    }
    csv_of(rows)
}

/// CSV output, parsed strictly: every row has as many fields as the header.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    #[track_caller]
    fn parse(csv_text: &str) -> Table {
        let mut r = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(csv_text.as_bytes());
        let header = r
            .headers()
            .unwrap_or_else(|e| panic!("no CSV header ({e}): {csv_text:?}"))
            .iter()
            .map(str::to_string)
            .collect();
        let rows = r
            .records()
            .map(|rec| {
                rec.unwrap_or_else(|e| panic!("malformed CSV row ({e}) in:\n{csv_text}"))
                    .iter()
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        Table { header, rows }
    }

    fn header_line(&self) -> String {
        self.header.join(",")
    }

    #[track_caller]
    fn index(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header))
    }

    /// Every row's cell of column `name`.
    #[track_caller]
    fn col(&self, name: &str) -> Vec<&str> {
        let i = self.index(name);
        self.rows.iter().map(|r| r[i].as_str()).collect()
    }

    #[track_caller]
    fn cell(&self, row: usize, name: &str) -> &str {
        &self.rows[row][self.index(name)]
    }
}

/// `rolefit batch ARGS...` run in `dir`. A proxy from the environment must
/// never be asked for the 127.0.0.1 servers.
fn batch<I, S>(dir: &Dir, args: I) -> TestCommand
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    dir.command(["batch"])
        .args(args)
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost")
}

/// Asserts the run's rows are exactly `expected` (id, error; "" for an ok
/// row) in this order, with `status` to match; that the exit code is 0 when
/// every row is ok and 1 otherwise; and that stderr has one line per failed
/// row, naming it, in input order. Returns the parsed output.
#[track_caller]
fn assert_rows(out: &Output, expected: &[(&str, &str)]) -> Table {
    let t = Table::parse(&out.stdout);
    assert_eq!(t.header_line(), HEADER, "{out:?}");
    let got: Vec<(&str, &str, &str)> = t
        .col("id")
        .into_iter()
        .zip(t.col("status"))
        .zip(t.col("error"))
        .map(|((id, status), error)| (id, status, error))
        .collect();
    let want: Vec<(&str, &str, &str)> = expected
        .iter()
        .map(|&(id, error)| (id, if error.is_empty() { "ok" } else { "error" }, error))
        .collect();
    assert_eq!(got, want, "{out:?}");
    let errors: Vec<&str> = expected
        .iter()
        .map(|&(_, e)| e)
        .filter(|e| !e.is_empty())
        .collect();
    out.expect_code(if errors.is_empty() { 0 } else { 1 });
    let stderr: String = errors.iter().map(|e| format!("rolefit: {e}\n")).collect();
    assert_eq!(out.stderr, stderr, "{out:?}");
    for (i, row) in t.rows.iter().enumerate() {
        if row[t.index("status")] == "error" {
            for col in ["lang", "role", "confidence", "score_modeling"] {
                assert_eq!(t.cell(i, col), "", "row {i}: an error row has no {col}");
            }
        }
    }
    t
}

/// Header `id,title,description,url`, a good row 1, `bad` as row 2 (raw
/// bytes, with its line end) and a good row 3; asserts rows 1 and 3 are ok and
/// row 2 fails with `error`.
#[track_caller]
fn one_bad_row(bad: &[u8], error: &str) {
    let dir = Dir::new();
    let mut input = csv_of([
        ["id", "title", "description", "url"],
        ["1", "First", &posting(0).0, ""],
    ]);
    input.extend_from_slice(bad);
    input.extend(csv_of([["3", "Third", &posting(1).0, ""]]));
    dir.create("in.csv", input);
    let out = batch(&dir, ["in.csv"]).run();
    let t = assert_rows(&out, &[("1", ""), ("2", error), ("3", "")]);
    assert_eq!(t.col("role"), ["modeling", "", "backend"]);
}

// ===========================================================================
// CSV in, CSV out.

#[test]
fn csv_in_csv_out_one_row_per_input_row_in_input_order() {
    let dir = Dir::new();
    // 36 rows, more than there are cores, with ids in no sorted order: the
    // output must follow the input, not the order rows finish in.
    let ids: Vec<String> = (0..36)
        .map(|i| format!("job-{:02}", (i * 17) % 36))
        .collect();
    dir.create("postings.csv", postings_csv(&ids));
    let out = batch(&dir, ["postings.csv"]).run();
    let expected: Vec<(&str, &str)> = ids.iter().map(|id| (id.as_str(), "")).collect();
    let t = assert_rows(&out, &expected);
    for n in 0..ids.len() {
        assert_eq!(t.cell(n, "title"), posting_title(n), "row {n}");
        assert_eq!(t.cell(n, "company"), format!("Company {n}"));
        assert_eq!(t.cell(n, "location"), format!("City {n}"));
        assert_eq!(t.cell(n, "lang"), "en");
        assert_eq!(t.cell(n, "role"), posting(n).1, "row {n}: {:?}", t.rows[n]);
        assert_eq!(t.cell(n, "duplicate_of"), "");
        let confidence: f64 = t.cell(n, "confidence").parse().unwrap();
        assert!((0.0..=1.0).contains(&confidence), "{confidence}");
        for col in [
            "score_modeling",
            "score_backend",
            "score_frontend",
            "score_research",
        ] {
            let score: f64 = t.cell(n, col).parse().unwrap();
            assert!(score >= 0.0, "{col} = {score}");
        }
    }
}

#[test]
fn strengths_add_fit_columns_before_status() {
    let dir = Dir::new();
    let mut input = postings_csv(&["a".into(), "b".into(), "c".into()]);
    input.extend_from_slice(b"d,Empty,,,\n");
    dir.create("in.csv", input);
    let out = batch(&dir, ["in.csv", "--strengths", "PyTorch, React"]).run();
    out.expect_code(1);
    let t = Table::parse(&out.stdout);
    assert_eq!(t.header_line(), HEADER_WITH_FIT);
    assert_eq!(t.col("id"), ["a", "b", "c", "d"]);
    assert_eq!(t.col("status"), ["ok", "ok", "ok", "error"]);
    for n in 0..3 {
        let fit: f64 = t.cell(n, "fit_score").parse().unwrap();
        assert!((0.0..=100.0).contains(&fit), "{fit}");
    }
    // The modeling posting asks for PyTorch, the frontend one for React.
    assert!(t.cell(0, "matched").contains("PyTorch"), "{:?}", t.rows[0]);
    assert!(t.cell(2, "matched").contains("React"), "{:?}", t.rows[2]);
    for col in ["fit_score", "matched", "missing_required"] {
        assert_eq!(t.cell(3, col), "", "an error row has no {col}");
    }
    assert_eq!(
        out.stderr,
        "rolefit: row 4, column description: empty, and the row has no URL\n"
    );
}

#[test]
fn profile_adds_fit_columns_before_status() {
    let dir = Dir::new();
    dir.create(
        "me.toml",
        "name = \"Test\"\nstrengths = [\"PyTorch and Python\", \"statistics\"]\n",
    );
    dir.create("in.csv", postings_csv(&["a".into(), "b".into()]));
    let out = batch(&dir, ["in.csv", "--profile", "me.toml"]).run();
    out.expect_code(0);
    let t = Table::parse(&out.stdout);
    assert_eq!(t.header_line(), HEADER_WITH_FIT);
    assert_eq!(t.col("id"), ["a", "b"]);
    assert!(t.cell(0, "matched").contains("PyTorch"), "{:?}", t.rows[0]);
    assert_eq!(out.stderr, "");
}

#[test]
fn empty_input_with_a_header_writes_only_the_header() {
    let dir = Dir::new();
    dir.create("in.csv", "id,description\n");
    let out = batch(&dir, ["in.csv"]).run();
    assert_eq!(out.success(), format!("{HEADER}\n"));
    assert_eq!(out.stderr, "");
}

// ===========================================================================
// Finding the columns.

#[test]
fn english_headers_in_other_cases_and_spellings_are_found() {
    let dir = Dir::new();
    let (text, role) = posting(3);
    dir.create(
        "in.csv",
        csv_of([
            [
                "Job ID",
                "JOB TITLE",
                "Company Name",
                "City",
                "Job-Description",
            ],
            ["r-1", "Speech Scientist", "Acme", "Seoul", &text],
        ]),
    );
    let out = batch(&dir, ["in.csv"]).run();
    let t = assert_rows(&out, &[("r-1", "")]);
    assert_eq!(t.cell(0, "title"), "Speech Scientist");
    assert_eq!(t.cell(0, "company"), "Acme");
    assert_eq!(t.cell(0, "location"), "Seoul");
    assert_eq!(t.cell(0, "role"), role);
}

#[test]
fn korean_headers_are_found() {
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([
            ["번호", "제목", "회사", "근무지", "내용"],
            [
                "공고-7",
                "머신러닝 엔지니어 (비전 모델)",
                "메디스캔",
                "서울",
                POSTING_KO,
            ],
        ]),
    );
    let out = batch(&dir, ["in.csv"]).run();
    let t = assert_rows(&out, &[("공고-7", "")]);
    assert_eq!(t.cell(0, "title"), "머신러닝 엔지니어 (비전 모델)");
    assert_eq!(t.cell(0, "company"), "메디스캔");
    assert_eq!(t.cell(0, "location"), "서울");
    assert_eq!(t.cell(0, "lang"), "ko");
    assert_eq!(t.cell(0, "role"), "modeling");
}

#[test]
fn column_overrides_win_over_recognised_names() {
    let dir = Dir::new();
    // `id`, `title` and `description` would be found by name; the overrides
    // point elsewhere, and are matched case-insensitively.
    let (backend, _) = posting(1);
    let (research, _) = posting(3);
    dir.create(
        "in.csv",
        csv_of([
            ["id", "ref", "title", "headline", "description", "summary"],
            [
                "wrong-id",
                "ref-1",
                "Wrong Title",
                "Speech Research Scientist",
                &backend,
                &research,
            ],
        ]),
    );
    let out = batch(
        &dir,
        [
            "in.csv",
            "--id-column",
            "REF",
            "--title-column",
            "Headline",
            "--text-column",
            "summary",
        ],
    )
    .run();
    let t = assert_rows(&out, &[("ref-1", "")]);
    assert_eq!(t.cell(0, "title"), "Speech Research Scientist");
    assert_eq!(t.cell(0, "role"), "research");
}

#[test]
fn unknown_override_column_exits_2_naming_it() {
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([["id", "description"], ["1", &posting(0).0]]),
    );
    for flag in [
        "--text-column",
        "--id-column",
        "--title-column",
        "--url-column",
    ] {
        let out = batch(&dir, ["in.csv", flag, "nope"]).run();
        out.expect_code(2);
        assert_eq!(out.stdout, "", "{flag}");
        assert_eq!(
            out.stderr,
            format!(
                "rolefit: in.csv: {flag} nope: no such column (the header has: id, description)\n"
            )
        );
    }
}

#[test]
fn no_text_or_url_column_exits_2_with_nothing_on_stdout() {
    let dir = Dir::new();
    dir.create("in.csv", "name,salary\nAda,100\n");
    let out = batch(&dir, ["in.csv"]).run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "rolefit: in.csv: no text or URL column (looked for description, text, content, body, \
         url, link; the header has: name, salary); use --text-column or --url-column\n"
    );
}

#[test]
fn rows_without_an_id_get_their_row_number() {
    let dir = Dir::new();
    // No id column at all.
    dir.create(
        "no-id.csv",
        csv_of([
            ["title", "description"],
            ["a", &posting(0).0],
            ["b", &posting(1).0],
            ["c", &posting(2).0],
        ]),
    );
    let out = batch(&dir, ["no-id.csv"]).run();
    assert_rows(&out, &[("1", ""), ("2", ""), ("3", "")]);
    // An id column with an empty (or blank) cell.
    dir.create(
        "some-id.csv",
        csv_of([
            ["id", "description"],
            ["x", &posting(0).0],
            ["", &posting(1).0],
            ["  ", &posting(2).0],
        ]),
    );
    let out = batch(&dir, ["some-id.csv"]).run();
    assert_rows(&out, &[("x", ""), ("2", ""), ("3", "")]);
}

/// The rows of a small tab-separated file: a quoted cell with a tab in it too.
fn tsv_input() -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(Vec::new());
    w.write_record(["id", "title", "description"]).unwrap();
    w.write_record(["t1", "Fraud\tModels", &posting(0).0])
        .unwrap();
    w.write_record(["t2", "Platform", &posting(1).0]).unwrap();
    w.into_inner().unwrap()
}

#[test]
fn tsv_is_read_by_extension() {
    for name in ["in.tsv", "IN.TSV", "in.tab"] {
        let dir = Dir::new();
        dir.create(name, tsv_input());
        let out = batch(&dir, [name]).run();
        let t = assert_rows(&out, &[("t1", ""), ("t2", "")]);
        // A tab inside a quoted cell is read; the title is cleaned to one line.
        assert_eq!(t.col("title"), ["Fraud Models", "Platform"], "{name}");
        assert_eq!(t.col("role"), ["modeling", "backend"], "{name}");
    }
}

#[test]
fn tsv_is_read_with_a_tab_delimiter_flag() {
    let dir = Dir::new();
    dir.create("in.txt", tsv_input());
    // As `--delimiter $'\t'` passes it: one tab character.
    let out = batch(&dir, ["in.txt", "--delimiter", "\t"]).run();
    let t = assert_rows(&out, &[("t1", ""), ("t2", "")]);
    assert_eq!(t.col("role"), ["modeling", "backend"]);
    // Without the flag the file is read as CSV: one column, no text column.
    let out = batch(&dir, ["in.txt"]).run();
    out.expect_code(2);
    assert!(
        out.stderr
            .starts_with("rolefit: in.txt: no text or URL column"),
        "{out:?}"
    );
}

#[test]
fn tsv_is_read_with_a_backslash_t_delimiter() {
    let dir = Dir::new();
    dir.create("in.txt", tsv_input());
    let out = batch(&dir, ["in.txt", "--delimiter", r"\t"]).run();
    let t = assert_rows(&out, &[("t1", ""), ("t2", "")]);
    assert_eq!(t.col("role"), ["modeling", "backend"]);
}

#[test]
fn other_delimiters_and_a_non_ascii_one() {
    let dir = Dir::new();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    w.write_record(["id", "description"]).unwrap();
    w.write_record(["s1", &posting(2).0]).unwrap();
    dir.create("in.csv", w.into_inner().unwrap());
    let out = batch(&dir, ["in.csv", "--delimiter", ";"]).run();
    let t = assert_rows(&out, &[("s1", "")]);
    assert_eq!(t.col("role"), ["frontend"]);
    let out = batch(&dir, ["in.csv", "--delimiter", "§"]).run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.starts_with(
            "error: invalid value '§' for '--delimiter <CHAR>': must be one ASCII character"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn utf8_bom_and_crlf_line_ends_read_like_plain_lf() {
    let dir = Dir::new();
    let plain = String::from_utf8(postings_csv(&["a".into(), "b".into(), "c".into()])).unwrap();
    // CRLF everywhere, inside the quoted multi-line descriptions too.
    let windows = format!("\u{feff}{}", plain.replace('\n', "\r\n"));
    dir.create("plain.csv", &plain);
    dir.create("windows.csv", &windows);
    let a = batch(&dir, ["plain.csv"]).run();
    let b = batch(&dir, ["windows.csv"]).run();
    let t = assert_rows(&b, &[("a", ""), ("b", ""), ("c", "")]);
    assert_eq!(
        t.cell(0, "title"),
        posting_title(0),
        "no \\r left in a cell"
    );
    assert_eq!(t.cell(2, "location"), "City 2", "no \\r left in a cell");
    assert_eq!(a.success(), b.success());
    // A BOM right before a quoted header cell.
    let quoted = format!("\u{feff}\"id\",{}", plain.split_once(',').unwrap().1);
    dir.create("quoted.csv", &quoted);
    let c = batch(&dir, ["quoted.csv"]).run();
    assert_eq!(c.success(), a.stdout);
}

// ===========================================================================
// JSON Lines and stdin.

/// The postings as JSON Lines (a numeric id on the first).
fn postings_jsonl() -> String {
    let mut s = String::new();
    for n in 0..4 {
        let id: Value = if n == 0 {
            Value::from(7)
        } else {
            Value::from(format!("j{n}"))
        };
        let row = serde_json::json!({
            "id": id,
            "title": posting_title(n),
            "company": format!("Company {n}"),
            "description": posting(n).0,
        });
        s.push_str(&row.to_string());
        s.push('\n');
    }
    s
}

const JSONL_IDS: [(&str, &str); 4] = [("7", ""), ("j1", ""), ("j2", ""), ("j3", "")];

#[test]
fn jsonl_by_extension_and_by_flag() {
    let dir = Dir::new();
    dir.create("in.jsonl", postings_jsonl());
    dir.create("in.ndjson", postings_jsonl());
    dir.create("in.txt", postings_jsonl());
    let by_ext = batch(&dir, ["in.jsonl"]).run();
    let t = assert_rows(&by_ext, &JSONL_IDS);
    assert_eq!(
        t.col("role"),
        ["modeling", "backend", "frontend", "research"]
    );
    assert_eq!(t.cell(1, "company"), "Company 1");
    let ndjson = batch(&dir, ["in.ndjson"]).run();
    assert_eq!(ndjson.success(), by_ext.stdout);
    let by_flag = batch(&dir, ["in.txt", "--input-format", "jsonl"]).run();
    assert_eq!(by_flag.success(), by_ext.stdout);
}

#[test]
fn stdin_dash_reads_csv_and_jsonl() {
    let dir = Dir::new();
    let csv_input = postings_csv(&["a".into(), "b".into()]);
    dir.create("in.csv", &csv_input);
    let from_file = batch(&dir, ["in.csv"]).run();
    let from_stdin = batch(&dir, ["-"]).stdin(csv_input).run();
    assert_rows(&from_stdin, &[("a", ""), ("b", "")]);
    assert_eq!(from_stdin.stdout, from_file.stdout);

    let from_stdin = batch(&dir, ["-", "--input-format", "jsonl"])
        .stdin(postings_jsonl())
        .run();
    let t = assert_rows(&from_stdin, &JSONL_IDS);
    assert_eq!(
        t.col("role"),
        ["modeling", "backend", "frontend", "research"]
    );
}

#[test]
fn malformed_json_lines_are_those_rows_errors() {
    let dir = Dir::new();
    let good: Vec<String> = postings_jsonl().lines().map(str::to_string).collect();
    let input = [
        good[0].as_str(),
        "{\"id\": oops",
        good[1].as_str(),
        "[1, 2, 3]",
        "",
        good[2].as_str(),
        "{\"id\": \"e\", \"text\": \"   \"}",
    ]
    .join("\n");
    dir.create("in.jsonl", input);
    let out = batch(&dir, ["in.jsonl"]).run();
    // A blank line is not a row.
    let t = assert_rows(
        &out,
        &[
            ("7", ""),
            ("2", "row 2 (line 2): not JSON (expected value at column 8)"),
            ("j1", ""),
            ("4", "row 4 (line 4): not a JSON object"),
            ("j2", ""),
            ("e", "row 6, column text: empty, and the row has no URL"),
        ],
    );
    assert_eq!(
        t.col("role"),
        ["modeling", "", "backend", "", "frontend", ""]
    );
}

#[test]
fn jsonl_line_of_invalid_utf8_is_its_error() {
    let dir = Dir::new();
    let good: Vec<String> = postings_jsonl().lines().map(str::to_string).collect();
    let mut input = format!("{}\r\n", good[0]).into_bytes();
    input.extend_from_slice(b"{\"id\":\"b\",\"text\":\"bad \xff\xfe\"}\r\n");
    input.extend(format!("{}\r\n", good[1]).into_bytes());
    dir.create("in.jsonl", input);
    let out = batch(&dir, ["in.jsonl"]).run();
    assert_rows(
        &out,
        &[
            ("7", ""),
            ("2", "row 2 (line 2): stream did not contain valid UTF-8"),
            ("j1", ""),
        ],
    );
}

#[test]
fn jsonl_ten_megabyte_text_is_its_error() {
    let dir = Dir::new();
    let good: Vec<String> = postings_jsonl().lines().map(str::to_string).collect();
    let big = serde_json::json!({"id": "big", "text": "x".repeat(10 * 1024 * 1024)});
    dir.create("in.jsonl", format!("{}\n{big}\n{}\n", good[0], good[1]));
    let out = batch(&dir, ["in.jsonl"]).run();
    assert_rows(
        &out,
        &[
            ("7", ""),
            ("big", "row 2, field text: over the 2 MiB limit"),
            ("j1", ""),
        ],
    );
}

#[test]
fn jsonl_errors_name_the_key_they_read() {
    let dir = Dir::new();
    let big = serde_json::json!({"id": "big", "description": "x".repeat(3 * 1024 * 1024)});
    dir.create(
        "in.jsonl",
        format!("{{\"id\": \"e\", \"description\": \"\"}}\n{big}\n"),
    );
    let out = batch(&dir, ["in.jsonl"]).run();
    out.expect_code(1);
    let t = Table::parse(&out.stdout);
    assert_eq!(t.col("status"), ["error", "error"]);
    for (i, error) in t.col("error").into_iter().enumerate() {
        assert!(error.starts_with(&format!("row {}, ", i + 1)), "{error}");
        assert!(error.contains("description"), "{error}");
    }
}

#[test]
fn empty_file_exits_2() {
    let dir = Dir::new();
    dir.create("in.csv", "");
    let out = batch(&dir, ["in.csv"]).run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "rolefit: in.csv: the file is empty (no header row)\n"
    );
}

// ===========================================================================
// Bad input never loses data: each bad row is that row's error.

#[test]
fn row_with_too_many_fields_is_its_error() {
    one_bad_row(b"2,b,x,y,z,w\n", "row 2: has 6 fields, the header has 4");
}

#[test]
fn row_with_too_few_fields_is_its_error() {
    one_bad_row(b"2,b\n", "row 2: has 2 fields, the header has 4");
}

#[test]
fn invalid_utf8_in_the_description_is_its_error() {
    one_bad_row(
        b"2,b,\"ML Engineer \xff\xfe models\",\n",
        "row 2, column description: invalid UTF-8",
    );
}

#[test]
fn empty_description_without_a_url_is_its_error() {
    one_bad_row(
        b"2,b,\"  \",\n",
        "row 2, column description: empty, and the row has no URL",
    );
}

#[test]
fn ten_megabyte_field_is_its_error() {
    let mut bad = b"2,b,\"".to_vec();
    bad.extend(std::iter::repeat_n(b'x', 10 * 1024 * 1024));
    bad.extend_from_slice(b"\",\n");
    one_bad_row(
        &bad,
        "row 2, column description: field is 10.0 MiB, over the 2 MiB limit",
    );
}

#[test]
fn url_with_an_unknown_scheme_is_its_error() {
    one_bad_row(
        b"2,b,,notaurl://x\n",
        "row 2: notaurl://x: URL scheme is not allowed",
    );
}

#[test]
fn url_without_a_host_is_its_error() {
    one_bad_row(
        b"2,b,,http://\n",
        "row 2: http://: not a valid URL (empty host)",
    );
}

#[test]
fn million_column_row_is_its_error() {
    let mut bad = b"2".to_vec();
    bad.extend(std::iter::repeat_n(b',', 1_000_000));
    bad.push(b'\n');
    one_bad_row(&bad, "row 2: has 1000001 fields, the header has 4");
}

#[test]
fn every_kind_of_bad_row_at_once_keeps_every_good_row() {
    let dir = Dir::new();
    let good = |id: &str, n: usize| csv_of([[id, "Good", &posting(n).0, ""]]);
    let mut input = csv_of([["id", "title", "description", "url"]]);
    let bad: [&[u8]; 6] = [
        b"b1,x,y,z,w\n",
        b"b2\n",
        b"b3,t,\"bad \xc3\x28 bytes\",\n",
        b"b4,t,,\n",
        b"b5,t,,notaurl://x\n",
        b"b6,t,,http://\n",
    ];
    for (i, b) in bad.iter().enumerate() {
        input.extend(good(&format!("g{i}"), i));
        input.extend_from_slice(b);
    }
    input.extend(good("g6", 6));
    dir.create("in.csv", input);
    let out = batch(&dir, ["in.csv"]).run();
    let t = assert_rows(
        &out,
        &[
            ("g0", ""),
            // A ragged row keeps its id when it has one.
            ("b1", "row 2: has 5 fields, the header has 4"),
            ("g1", ""),
            ("b2", "row 4: has 1 fields, the header has 4"),
            ("g2", ""),
            ("b3", "row 6, column description: invalid UTF-8"),
            ("g3", ""),
            (
                "b4",
                "row 8, column description: empty, and the row has no URL",
            ),
            ("g4", ""),
            ("b5", "row 10: notaurl://x: URL scheme is not allowed"),
            ("g5", ""),
            ("b6", "row 12: http://: not a valid URL (empty host)"),
            ("g6", ""),
        ],
    );
    assert_eq!(t.rows.len(), 13);
}

/// Runs a batch on `input`; asserts the run ended normally (no panic) with
/// whole rows: a header, rows that parse strictly, row 1 intact, and every
/// error naming its own row. Returns the parsed output.
#[track_caller]
fn ends_sanely(input: Vec<u8>) -> (Output, Table) {
    let dir = Dir::new();
    dir.create("in.csv", input);
    let out = batch(&dir, ["in.csv"]).run();
    assert!(matches!(out.code, Some(0 | 1)), "{out:?}");
    assert!(!out.stderr.contains("panicked"), "{out:?}");
    let t = Table::parse(&out.stdout);
    assert_eq!(t.header_line(), HEADER);
    assert_eq!(t.cell(0, "id"), "1");
    assert_eq!(t.cell(0, "status"), "ok");
    assert_eq!(t.cell(0, "role"), "modeling");
    for (i, row) in t.rows.iter().enumerate() {
        let error = &row[t.index("error")];
        let named = format!("row {}", i + 1);
        assert!(
            error.is_empty() || error.starts_with(&named),
            "{error:?} does not name {named}\n{out:?}"
        );
    }
    (out, t)
}

#[test]
fn quoted_field_that_never_closes_ends_sanely() {
    // Row 2 opens a quote and never closes it; row 3 is a normal quoted
    // multi-line posting, whose opening quote then closes row 2's field.
    let mut input = csv_of([
        ["id", "title", "description"],
        ["1", "First", &posting(0).0],
    ]);
    input.extend_from_slice(b"2,Second,\"Research Scientist, Speech\n\n");
    input.extend(csv_of([["3", "Third", &posting(3).0]]));
    let (out, t) = ends_sanely(input);
    // Observed: row 2 gets 4 fields and each later line of the file becomes
    // a ragged row of its own, all errors; the run exits 1.
    out.expect_code(1);
    assert_eq!(t.cell(1, "id"), "2");
    assert_eq!(t.cell(1, "error"), "row 2: has 4 fields, the header has 3");
    assert!(t.rows.len() > 3, "{out:?}");

    // With no quote after it, the open quote swallows the rest of the file
    // into row 2's description.
    let mut input = csv_of([
        ["id", "title", "description"],
        ["1", "First", &posting(0).0],
    ]);
    input.extend_from_slice(b"2,Second,\"Research Scientist, Speech\n\n");
    input.extend_from_slice(b"3,Third,no quotes here\n4,Fourth,nor here\n");
    let (out, t) = ends_sanely(input);
    // Nothing is lost silently: row 2 is an error that says what happened.
    assert_eq!(t.col("id"), ["1", "2"], "{out:?}");
    assert_eq!(
        t.cell(1, "error"),
        "row 2: a quoted field never closes, so the rest of the file was read into this row"
    );
    out.expect_code(1);
}

// ===========================================================================
// Exit code 2: nothing is processed.

#[test]
fn no_such_input_file_exits_2() {
    let dir = Dir::new();
    let out = batch(&dir, ["missing.csv"]).run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, "rolefit: missing.csv: no such file\n");
}

#[test]
fn folder_as_input_exits_2() {
    let dir = Dir::new();
    dir.create_dir("postings");
    let out = batch(&dir, ["postings"]).run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "rolefit: postings: is a folder, not a CSV or JSON Lines file\n"
    );
}

#[test]
fn zero_jobs_exits_2() {
    let dir = Dir::new();
    dir.create("in.csv", postings_csv(&["a".into()]));
    for flag in ["--jobs", "--per-host"] {
        let out = batch(&dir, ["in.csv", flag, "0"]).run();
        out.expect_code(2);
        assert_eq!(out.stdout, "");
        assert!(
            out.stderr.starts_with(&format!(
                "error: invalid value '0' for '{flag} <N>': must be a whole number, at least 1"
            )),
            "{out:?}"
        );
    }
}

// ===========================================================================
// Untrusted cells.

#[test]
fn formula_cells_are_neutralised_in_csv_and_kept_in_json() {
    let dir = Dir::new();
    let (text, _) = posting(0);
    dir.create(
        "in.csv",
        csv_of([
            ["id", "title", "company", "location", "description"],
            ["@evil", "=cmd|' /C calc'!A0", "+Acme", "-Seoul", &text],
            // The same text: its duplicate_of names the first row's id.
            ["safe", "ML Engineer", "Acme", "Seoul", &text],
        ]),
    );
    let out = batch(&dir, ["in.csv"]).run();
    let t = assert_rows(&out, &[("'@evil", ""), ("safe", "")]);
    assert_eq!(t.cell(0, "title"), "'=cmd|' /C calc'!A0");
    assert_eq!(t.cell(0, "company"), "'+Acme");
    assert_eq!(t.cell(0, "location"), "'-Seoul");
    assert_eq!(t.cell(1, "title"), "ML Engineer");
    assert_eq!(t.cell(1, "duplicate_of"), "'@evil");

    let out = batch(&dir, ["in.csv", "--format", "jsonl"]).run();
    out.expect_code(0);
    let records = out.json_lines();
    assert_eq!(records[0]["id"], "@evil");
    assert_eq!(records[0]["title"], "=cmd|' /C calc'!A0");
    assert_eq!(records[0]["company"], "+Acme");
    assert_eq!(records[0]["location"], "-Seoul");
    assert_eq!(records[1]["duplicate_of"], "@evil");

    let out = batch(&dir, ["in.csv", "--format", "json"]).run();
    out.expect_code(0);
    let array: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(array[0]["id"], "@evil");
    assert_eq!(array[0]["title"], "=cmd|' /C calc'!A0");
}

// ===========================================================================
// Duplicates.

#[test]
fn same_text_in_other_case_and_spacing_is_a_duplicate_of_the_first() {
    let dir = Dir::new();
    let (text, _) = posting(0);
    let shouted = text
        .to_uppercase()
        .replace(' ', "   ")
        .replace('\n', " \n\n ");
    dir.create(
        "in.csv",
        csv_of([
            ["id", "description"],
            ["first", text.as_str()],
            ["other", &posting(1).0],
            ["again", &shouted],
            ["third", &text],
        ]),
    );
    let out = batch(&dir, ["in.csv"]).run();
    let t = assert_rows(
        &out,
        &[("first", ""), ("other", ""), ("again", ""), ("third", "")],
    );
    assert_eq!(t.col("duplicate_of"), ["", "", "first", "first"]);
}

#[test]
fn duplicates_are_found_across_chunks() {
    let dir = Dir::new();
    // More rows than one chunk holds (256); the last repeats the first.
    let mut ids: Vec<String> = (0..600).map(|i| format!("r{i}")).collect();
    let mut input = String::from_utf8(postings_csv(&ids)).unwrap();
    input.push_str(&String::from_utf8(csv_of([["last", "", "", "", &posting(0).0]])).unwrap());
    ids.push("last".into());
    dir.create("in.csv", input);
    let out = batch(&dir, ["in.csv"]).run();
    let expected: Vec<(&str, &str)> = ids.iter().map(|id| (id.as_str(), "")).collect();
    let t = assert_rows(&out, &expected);
    let dups: Vec<(usize, &str)> = t
        .col("duplicate_of")
        .into_iter()
        .enumerate()
        .filter(|(_, d)| !d.is_empty())
        .collect();
    assert_eq!(dups, [(600, "r0")]);
}

// ===========================================================================
// Sample postings as cells classify as they do from their files.

#[test]
fn sample_files_as_cells_classify_like_analyze() {
    let root = util::repo_root();
    let mut files: Vec<String> = std::fs::read_dir(root.join("samples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".md") || n.ends_with(".txt"))
        .filter(|n| n != "README.md")
        .collect();
    files.sort();
    assert!(files.len() >= 8, "{files:?}");
    let dir = Dir::new();
    let mut rows = vec![vec!["id".to_string(), "description".to_string()]];
    for f in &files {
        let text = std::fs::read_to_string(root.join("samples").join(f)).unwrap();
        rows.push(vec![f.clone(), text]);
    }
    dir.create("samples.csv", csv_of(rows));
    let out = batch(&dir, ["samples.csv", "--format", "jsonl"]).run();
    out.expect_code(0);
    let records = out.json_lines();
    assert_eq!(records.len(), files.len());
    let mut analyze = util::in_repo(["analyze", "--format", "jsonl"]);
    for f in &files {
        analyze = analyze.arg(format!("samples/{f}"));
    }
    let analyzed = analyze.run();
    analyzed.expect_code(0);
    for (b, a) in records.iter().zip(analyzed.json_lines()) {
        assert_eq!(
            b["id"],
            a["id"].as_str().unwrap().trim_start_matches("samples/")
        );
        for field in ["lang", "role", "secondary"] {
            assert_eq!(b[field], a[field], "{}: {field}", b["id"]);
        }
    }
}

// ===========================================================================
// Fetching URL rows.

#[test]
fn url_rows_without_text_are_fetched() {
    let site = Site::start();
    site.serve("/job/1", html(POSTING_HTML));
    site.serve(
        "/job/2",
        html(POSTING_HTML.replace("two million", "three million")),
    );
    let dir = Dir::new();
    let (text, _) = posting(2);
    dir.create(
        "links.csv",
        csv_of([
            ["id", "title", "company", "description", "link"],
            ["a", "", "", "", &site.url("/job/1")],
            // Text wins: the URL is not fetched.
            ["b", "Frontend", "Acme", &text, &site.url("/never")],
            // The page's own title wins; the row's company fills a gap.
            ["c", "Row Title", "Row Company", "", &site.url("/job/2")],
        ]),
    );
    let out = batch(&dir, ["links.csv"]).run();
    let t = assert_rows(&out, &[("a", ""), ("b", ""), ("c", "")]);
    assert_eq!(t.col("role"), ["modeling", "frontend", "modeling"]);
    assert_eq!(
        t.col("title"),
        [POSTING_HTML_TITLE, "Frontend", POSTING_HTML_TITLE]
    );
    assert_eq!(t.cell(2, "company"), "Row Company");
    let mut paths = site.requested_paths();
    paths.sort();
    assert_eq!(paths, ["/job/1", "/job/2"]);
}

#[test]
fn url_column_override_is_fetched() {
    let site = Site::start();
    site.serve("/p", html(POSTING_HTML));
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([["ref", "page"], ["k-1", &site.url("/p")]]),
    );
    let out = batch(
        &dir,
        ["in.csv", "--url-column", "page", "--id-column", "ref"],
    )
    .run();
    let t = assert_rows(&out, &[("k-1", "")]);
    assert_eq!(t.cell(0, "title"), POSTING_HTML_TITLE);
    // JSON Lines rows are fetched the same way.
    dir.create(
        "in.jsonl",
        format!("{{\"id\":\"k-2\",\"url\":\"{}\"}}\n", site.url("/p")),
    );
    let out = batch(&dir, ["in.jsonl"]).run();
    let t = assert_rows(&out, &[("k-2", "")]);
    assert_eq!(t.cell(0, "role"), "modeling");
}

#[test]
fn too_many_requests_then_ok_succeeds() {
    let site = Site::start();
    site.serve_first(
        1,
        "/job",
        ResponseTemplate::new(429).insert_header("Retry-After", "1"),
    );
    site.serve("/job", html(POSTING_HTML));
    let dir = Dir::new();
    dir.create("in.csv", csv_of([["id", "url"], ["r", &site.url("/job")]]));
    let started = Instant::now();
    let out = batch(&dir, ["in.csv"]).run();
    let t = assert_rows(&out, &[("r", "")]);
    assert_eq!(t.cell(0, "title"), POSTING_HTML_TITLE);
    assert_eq!(site.requested_paths(), ["/job", "/job"]);
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[test]
fn not_found_row_is_its_error_naming_the_url() {
    let site = Site::start();
    site.serve("/ok", html(POSTING_HTML));
    site.serve("/gone", ResponseTemplate::new(404).set_body_string("gone"));
    let dir = Dir::new();
    let gone = site.url("/gone");
    dir.create(
        "in.csv",
        csv_of([
            ["id", "url"],
            ["1", &site.url("/ok")],
            ["2", &gone],
            ["3", &site.url("/ok")],
        ]),
    );
    let out = batch(&dir, ["in.csv"]).run();
    let error = format!("row 2: {gone}: HTTP 404 Not Found");
    let t = assert_rows(&out, &[("1", ""), ("2", &error), ("3", "")]);
    // Row 3 is the same page as row 1.
    assert_eq!(t.col("duplicate_of"), ["", "", "1"]);
}

#[test]
fn a_fetch_error_row_keeps_its_http_status() {
    let site = Site::start();
    site.serve("/ok", html(POSTING_HTML));
    site.serve("/gone", ResponseTemplate::new(404).set_body_string("gone"));
    let dir = Dir::new();
    dir.create(
        "in.csv",
        csv_of([
            ["id", "url"],
            ["1", &site.url("/ok")],
            ["2", &site.url("/gone")],
        ]),
    );
    let out = batch(&dir, ["in.csv", "--format", "jsonl"]).run();
    let rows = out.json_lines();
    assert_eq!(rows[1]["status"], "error");
    assert_eq!(rows[1]["http_status"], 404);
    // A row that was read has no HTTP status to report.
    assert!(rows[0].get("http_status").is_none());
}

/// Every file under `dir`, relative, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(
                    p.strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    out.sort();
    out
}

#[test]
fn cache_answers_a_rerun_while_the_server_fails() {
    let site = Site::start();
    site.serve("/job/1", html(POSTING_HTML));
    site.serve(
        "/job/2",
        html(POSTING_HTML.replace("two million", "three million")),
    );
    let dir = Dir::new();
    // Hostile ids: the cache must never use them for file names.
    dir.create(
        "in.csv",
        csv_of([
            ["id", "url"],
            ["../../evil", site.url("/job/1").as_str()],
            ["/tmp/evil2", site.url("/job/2").as_str()],
        ]),
    );
    let run = || batch(&dir, ["in.csv", "--cache", "cache", "--format", "jsonl"]).run();
    let first = run();
    first.expect_code(0);
    assert_eq!(first.stderr, "");
    assert_eq!(site.requested_paths().len(), 2);

    let files = files_under(dir.path());
    assert_eq!(files.len(), 3, "{files:?}");
    assert_eq!(files[2], "in.csv");
    for f in &files[..2] {
        let name = f.strip_prefix("cache/").expect("inside the cache");
        assert_eq!(name.len(), 64 + 5, "{f}");
        let (hash, ext) = name.split_at(64);
        assert_eq!(ext, ".json", "{f}");
        assert!(
            hash.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)),
            "{f}"
        );
    }
    // `../../evil` from inside the cache folder, and the absolute one.
    assert!(!dir.path().parent().unwrap().join("evil").exists());
    assert!(!Path::new("/tmp/evil2").exists());

    // Now every request fails; the cache answers instead.
    site.reset();
    site.mount(Mock::given(method("GET")).respond_with(ResponseTemplate::new(500)));
    let second = run();
    second.expect_code(0);
    assert_eq!(second.stderr, "");
    assert_eq!(site.requested_paths(), Vec::<String>::new());
    assert_eq!(second.stdout, first.stdout);
    let records = second.json_lines();
    assert_eq!(records[0]["id"], "../../evil");
    assert_eq!(records[0]["title"], POSTING_HTML_TITLE);
    assert_eq!(records[1]["status"], "ok");
    assert_eq!(files_under(dir.path()), files);

    // Without the cache the failure shows.
    let third = batch(&dir, ["in.csv"]).run();
    third.expect_code(1);
    assert_eq!(third.stderr.lines().count(), 2, "{third:?}");
    assert!(
        third.stderr.contains("HTTP 500 Internal Server Error"),
        "{third:?}"
    );
}

/// `in.csv` with eight rows whose URLs are on the server at `port`.
fn eight_urls_on(dir: &Dir, port: u16) {
    let mut rows = vec![vec!["id".to_string(), "url".to_string()]];
    for i in 0..8 {
        rows.push(vec![
            format!("u{i}"),
            format!("http://127.0.0.1:{port}/job/{i}"),
        ]);
    }
    dir.create("in.csv", csv_of(rows));
}

#[test]
fn per_host_limit_holds_however_many_jobs() {
    let dir = Dir::new();
    let (port, most) = counting_server(Duration::from_millis(150), POSTING_HTML);
    eight_urls_on(&dir, port);
    let out = batch(&dir, ["in.csv", "--jobs", "4", "--per-host", "1"]).run();
    out.expect_code(0);
    assert_eq!(most.load(Ordering::SeqCst), 1);

    // With room per host, --jobs is the limit (and the server can tell).
    let (port, most) = counting_server(Duration::from_millis(150), POSTING_HTML);
    eight_urls_on(&dir, port);
    let out = batch(&dir, ["in.csv", "--jobs", "3", "--per-host", "8"]).run();
    out.expect_code(0);
    let most = most.load(Ordering::SeqCst);
    assert!((2..=3).contains(&most), "{most} requests at once");
}

// ===========================================================================
// Output formats.

/// Four good rows and one failing one.
fn mixed_input(dir: &Dir) {
    let mut input = postings_csv(&["a".into(), "b".into(), "c".into(), "d".into()]);
    input.extend_from_slice(b"e,Empty,,,\n");
    dir.create("in.csv", input);
}

const MIXED_ERROR: &str = "row 5, column description: empty, and the row has no URL";

#[test]
fn jsonl_output_carries_id_status_and_role() {
    let dir = Dir::new();
    mixed_input(&dir);
    let out = batch(&dir, ["in.csv", "--format", "jsonl"]).run();
    out.expect_code(1);
    assert_eq!(out.stderr, format!("rolefit: {MIXED_ERROR}\n"));
    let records = out.json_lines();
    let got: Vec<(&str, &str, Option<&str>)> = records
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
                r["role"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("a", "ok", Some("modeling")),
            ("b", "ok", Some("backend")),
            ("c", "ok", Some("frontend")),
            ("d", "ok", Some("research")),
            ("e", "error", None),
        ]
    );
    assert_eq!(records[4]["error"], MIXED_ERROR);
}

#[test]
fn json_output_is_one_array() {
    let dir = Dir::new();
    mixed_input(&dir);
    let out = batch(&dir, ["in.csv", "--format", "json"]).run();
    out.expect_code(1);
    let array: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not one JSON document ({e}): {out:?}"));
    let array = array.as_array().expect("a JSON array");
    let ids: Vec<&str> = array.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    assert_eq!(array[3]["role"], "research");
    assert_eq!(array[4]["status"], "error");

    // No rows at all is still one (empty) array.
    dir.create("empty.csv", "id,description\n");
    let out = batch(&dir, ["empty.csv", "--format", "json"]).run();
    let empty: Value = serde_json::from_str(out.success()).unwrap();
    assert_eq!(empty, serde_json::json!([]));
}

#[test]
fn md_and_table_outputs_run() {
    let dir = Dir::new();
    mixed_input(&dir);
    for format in ["md", "table"] {
        let out = batch(&dir, ["in.csv", "--format", format, "--color", "never"]).run();
        out.expect_code(1);
        assert_eq!(out.stderr, format!("rolefit: {MIXED_ERROR}\n"), "{format}");
        for n in 0..4 {
            assert!(
                out.stdout.contains(&posting_title(n)),
                "{format} lacks {:?}:\n{}",
                posting_title(n),
                out.stdout
            );
        }
        assert!(
            out.stdout.contains(MIXED_ERROR),
            "{format}:\n{}",
            out.stdout
        );
        assert!(!out.stdout.contains('\x1b'), "{format}");
    }
}

#[test]
fn output_file_gets_what_stdout_would() {
    let dir = Dir::new();
    mixed_input(&dir);
    for format in ["csv", "jsonl", "json", "md"] {
        let to_stdout = batch(&dir, ["in.csv", "--format", format]).run();
        let name = format!("out.{format}");
        let to_file = batch(&dir, ["in.csv", "--format", format, "-o", &name]).run();
        to_file.expect_code(1);
        assert_eq!(to_file.stdout, "", "{format}");
        assert_eq!(to_file.stderr, to_stdout.stderr, "{format}");
        assert_eq!(dir.read(&name), to_stdout.stdout, "{format}");
    }
}

// ===========================================================================
// The summary (its content is being rewritten: only its presence is checked).

#[test]
fn summary_goes_to_stderr_and_to_a_markdown_file() {
    let dir = Dir::new();
    let ids: Vec<String> = (0..13).map(|i| format!("s{i}")).collect();
    dir.create("in.csv", postings_csv(&ids));
    let plain = batch(&dir, ["in.csv"]).run();

    let out = batch(&dir, ["in.csv", "--summary", "--color", "never"]).run();
    out.expect_code(0);
    assert_eq!(out.stdout, plain.stdout, "the summary stays off stdout");
    assert!(out.stderr.contains("13"), "{out:?}");

    let out = batch(&dir, ["in.csv", "--summary-out", "summary.md"]).run();
    out.expect_code(0);
    assert_eq!(out.stdout, plain.stdout);
    assert_eq!(out.stderr, "", "--summary-out alone prints nothing");
    let md = dir.read("summary.md");
    assert!(!md.trim().is_empty());
    assert!(md.contains("13"), "{md}");
}

// ===========================================================================
// Ctrl-C and a closed stdout.

#[cfg(unix)]
#[test]
fn ctrl_c_stops_with_130_and_whole_rows() {
    let site = Site::start();
    site.mount(
        Mock::given(method("GET"))
            .and(path_regex("^/job/"))
            .respond_with(html(POSTING_HTML).set_delay(Duration::from_millis(300))),
    );
    let dir = Dir::new();
    let total = 60;
    let mut rows = vec![vec!["id".to_string(), "url".to_string()]];
    for i in 1..=total {
        rows.push(vec![i.to_string(), site.url(&format!("/job/{i}"))]);
    }
    dir.create("in.csv", csv_of(rows));
    let child = Command::new(util::bin())
        .args(["batch", "in.csv", "--jobs", "1"])
        .current_dir(dir.path())
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rolefit");
    thread::sleep(Duration::from_millis(1500));
    interrupt(child.id());
    // Give it a few seconds to stop; kill it rather than hang the suite.
    let (out, stopped_in) = wait_or_kill(child, Duration::from_secs(8));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let report = format!("stopped in {stopped_in:?}\nstdout:\n{stdout}\nstderr:\n{stderr}");
    assert_eq!(out.status.code(), Some(130), "{report}");
    assert!(stopped_in < Duration::from_secs(5), "{report}");
    assert!(stderr.contains("interrupted"), "{report}");
    // Whole rows only: a header and complete rows that parse strictly.
    let t = Table::parse(&stdout);
    assert_eq!(t.header_line(), HEADER, "{report}");
    assert!(t.rows.len() < total, "{report}");
    let ids: Vec<String> = (1..=t.rows.len()).map(|i| i.to_string()).collect();
    assert_eq!(t.col("id"), ids, "{report}");
    assert!(t.col("status").iter().all(|s| *s == "ok"), "{report}");
}

/// Ctrl-C while every request waits on a server that never answers: the
/// run stops at once, not after the 30-second timeout, and keeps the rows
/// before the first unfinished one.
#[cfg(unix)]
#[test]
fn ctrl_c_does_not_wait_for_requests_in_flight() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        let held: Vec<_> = listener.incoming().collect();
        drop(held);
    });
    let dir = Dir::new();
    let mut rows = vec![vec![
        "id".to_string(),
        "description".to_string(),
        "url".to_string(),
    ]];
    rows.push(vec![
        "1".into(),
        "Train PyTorch ranking models.".into(),
        String::new(),
    ]);
    for i in 2..=5 {
        rows.push(vec![
            i.to_string(),
            String::new(),
            format!("http://{addr}/job/{i}"),
        ]);
    }
    dir.create("in.csv", csv_of(rows));
    let child = Command::new(util::bin())
        .args(["batch", "in.csv", "--timeout", "30", "--per-host", "4"])
        .current_dir(dir.path())
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rolefit");
    thread::sleep(Duration::from_millis(1000));
    interrupt(child.id());
    let (out, stopped_in) = wait_or_kill(child, Duration::from_secs(20));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let report = format!("stopped in {stopped_in:?}\nstdout:\n{stdout}");
    assert_eq!(out.status.code(), Some(130), "{report}");
    assert!(stopped_in < Duration::from_secs(10), "{report}");
    assert_eq!(Table::parse(&stdout).col("id"), ["1"], "{report}");
}

/// Runs a batch with far more output than a pipe buffers, reads the first
/// line, closes the pipe; asserts the run ends with 0 and nothing on stderr.
fn closed_stdout(format: &str, first_line_starts: &str) {
    let dir = Dir::new();
    let ids: Vec<String> = (0..3000).map(|i| format!("id-{i}")).collect();
    dir.create("big.csv", postings_csv(&ids));
    let mut child = Command::new(util::bin())
        .args(["batch", "big.csv", "--format", format])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rolefit");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("read the first line");
    assert!(first.starts_with(first_line_starts), "{first:?}");
    drop(stdout);
    let out = child.wait_with_output().expect("wait for rolefit");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "", "a closed stdout must be quiet");
}

#[test]
fn closed_stdout_exits_0_quietly_with_csv_output() {
    closed_stdout("csv", HEADER);
}

#[test]
fn closed_stdout_exits_0_quietly_with_jsonl_output() {
    closed_stdout("jsonl", "{\"id\":\"id-0\"");
}

/// Error lines that cannot be shown (stderr full, or closed as by
/// `2>&1 | head`) do not stop a run: every row is still written, and the
/// exit code says some failed.
#[cfg(target_os = "linux")]
#[test]
fn a_full_stderr_does_not_stop_the_run() {
    let dir = Dir::new();
    let mut rows = vec![["id", "title", "description"]];
    rows.extend(std::iter::repeat_n(["x", "ML Engineer", ""], 50));
    rows.push(["ok", "ML Engineer", "Train PyTorch ranking models."]);
    dir.create("in.csv", csv_of(rows));
    dir.create("a.md", "# ML Engineer\n\nTrain PyTorch ranking models.\n");
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let runs: [&[&str]; 2] = [
        &["batch", "in.csv", "-o", "out.csv"],
        &["analyze", "missing.md", "a.md", "-o", "out.txt"],
    ];
    for args in runs {
        let out = Command::new(util::bin())
            .args(args)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stderr(full())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
    }
    assert_eq!(dir.read("out.csv").lines().count(), 52);
    assert!(dir.read("out.txt").contains("ML Engineer"));
}

/// A row that fails keeps the title and company it was given, in every
/// format, so its error line still says which posting it is.
#[test]
fn an_error_row_keeps_its_title_and_company() {
    let dir = Dir::new();
    dir.create(
        "in.csv",
        "id,title,company,description\na,ML Engineer,Acme,\nb,백엔드 개발자,베타,\n",
    );
    let out = batch(&dir, ["in.csv", "--format", "jsonl"]).run();
    out.expect_code(1);
    let rows = out.json_lines();
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["status"].as_str().unwrap(),
                r["title"].as_str().unwrap_or(""),
                r["company"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("error", "ML Engineer", "Acme"),
            ("error", "백엔드 개발자", "베타")
        ]
    );
    let csv = batch(&dir, ["in.csv"]).run();
    assert!(csv.stdout.contains("\na,ML Engineer,Acme,"), "{csv:?}");
}
