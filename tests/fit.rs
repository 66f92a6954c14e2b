//! Profiles and fit through the built binary: `profile init` and `profile
//! show`, every way a profile can be wrong, `--strengths`, the fit in every
//! output format, and whether the scores rank postings sensibly.

mod util;

use serde_json::Value;
use util::{Dir, Output, in_repo};

/// A clear-cut frontend posting: a streaming chat UI in React and Next.js.
const FRONTEND_SAMPLE: &str = "samples/en-frontend-legal-assistant-chat.md";
/// A research lab posting (Korean): LLM reasoning, publications, a PhD.
const RESEARCH_KO_SAMPLE: &str = "samples/ko-research-scientist-korean-llm.md";
/// Marketing at an LLM company: not an AI role.
const MARKETING_SAMPLE: &str = "samples/en-hard-marketing-at-llm-company.txt";
/// Speech research with publications.
const RESEARCH_SPEECH_SAMPLE: &str = "samples/en-research-scientist-speech.txt";
/// LLM serving on a GPU fleet: backend.
const SERVING_SAMPLE: &str = "samples/en-llm-serving-platform.html";

/// Someone who builds web UIs, and says so.
const FRONTEND_PROFILE: &str = r#"name = "Han Min-ji"
strengths = [
  "React, TypeScript and Next.js product UIs",
  "chat interface that streams answers with server-sent events",
  "component library documented in Storybook",
  "Playwright end-to-end tests",
]
preferred_roles = ["frontend"]
"#;

/// Someone who runs services, with no stated preference.
const BACKEND_PROFILE: &str = r#"name = "Oh Tae-yang"
strengths = [
  "Go and Java microservices with gRPC",
  "PostgreSQL and Redis",
  "Kubernetes and Terraform on AWS",
  "Kafka event pipelines",
]
"#;

/// Someone who publishes research.
const RESEARCH_PROFILE: &str = r#"name = "Seo Yu-na"
strengths = [
  "self-supervised learning for speech",
  "first-author paper at NeurIPS and two Interspeech papers",
  "PyTorch and JAX research code",
  "careful ablations and evaluation benchmarks",
]
preferred_roles = ["research"]
"#;

/// A small posting that requires a PhD.
const PHD_POSTING: &str = "\
# Research Scientist, Speech Recognition

## Responsibilities

- Develop new self-supervised methods for speech recognition in PyTorch.
- Publish the results and share them with the research community.

## Requirements

- PhD in machine learning required.
- Experience with PyTorch.
";

/// A small posting that only prefers a master's degree.
const MASTERS_PREFERRED_POSTING: &str = "\
# Machine Learning Engineer, Search Ranking

## Responsibilities

- Train and evaluate ranking models in PyTorch.

## Requirements

- 3+ years building machine learning models in production.
- A master's degree is preferred.
";

/// A posting that says outright it does not need machine learning.
const NO_ML_NEEDED_POSTING: &str = "\
# Frontend Engineer, AI Assistant

## Responsibilities

- Build the chat interface in React and TypeScript.

## Requirements

- 3+ years with React.
- No machine learning experience is required.
";

/// A posting whose hiring process (not the job) mentions Kafka.
const PROCESS_POSTING: &str = "\
# Frontend Engineer, AI Assistant

## Responsibilities

- Build the chat interface in React and TypeScript.

## Process

1. A pair-programming session on a small Kafka exercise.
";

const PHD_STRENGTHS: &str = "PyTorch, self-supervised learning, speech recognition";

// ---- helpers ---------------------------------------------------------------

/// A temp dir holding `profile.toml` = `profile`; returns the dir and the
/// profile's full path.
fn with_profile(profile: &str) -> (Dir, String) {
    let dir = Dir::new();
    let path = dir.create("profile.toml", profile);
    (dir, path.display().to_string())
}

/// The one JSON record of `analyze SOURCE --format jsonl EXTRA...`, run from
/// the repository root.
#[track_caller]
fn analyze_json(source: &str, extra: &[&str]) -> Value {
    let out = in_repo(["analyze", source, "--format", "jsonl"])
        .args(extra)
        .run();
    out.success();
    let mut records = out.json_lines();
    assert_eq!(records.len(), 1, "{out:?}");
    records.remove(0)
}

/// The fit score of `source` for the profile file `profile`.
#[track_caller]
fn score(source: &str, profile: &str) -> u64 {
    let record = analyze_json(source, &["--profile", profile]);
    record["fit"]["score"]
        .as_u64()
        .unwrap_or_else(|| panic!("no integer fit.score: {}", record["fit"]))
}

/// The fit of a posting written in the test, for `--strengths strengths`.
#[track_caller]
fn fit_of_posting(posting: &str, strengths: &str) -> Value {
    let dir = Dir::new();
    dir.create("posting.md", posting);
    let out = dir
        .command([
            "analyze",
            "posting.md",
            "--strengths",
            strengths,
            "--format",
            "jsonl",
        ])
        .run();
    out.success();
    let records = out.json_lines();
    assert_eq!(records.len(), 1, "{out:?}");
    records[0]["fit"].clone()
}

/// The strings of a JSON array.
#[track_caller]
fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| {
            s.as_str()
                .unwrap_or_else(|| panic!("not a string: {s}"))
                .to_string()
        })
        .collect()
}

/// Asserts a profile error: exit 2, nothing on stdout, and exactly the one
/// stderr line `expected`.
#[track_caller]
fn expect_profile_error(out: &Output, expected: &str) {
    out.expect_code(2);
    assert_eq!(out.stdout, "", "{out:?}");
    assert_eq!(out.stderr, format!("{expected}\n"), "{out:?}");
}

/// Asserts a profile error whose message may be worded by the TOML parser:
/// exit 2, nothing on stdout, one stderr line starting with `prefix`.
#[track_caller]
fn expect_profile_error_starting(out: &Output, prefix: &str) {
    out.expect_code(2);
    assert_eq!(out.stdout, "", "{out:?}");
    assert!(out.stderr.starts_with(prefix), "want {prefix:?}\n{out:?}");
    assert_eq!(out.stderr.lines().count(), 1, "not one line:\n{out:?}");
}

/// `analyze FRONTEND_SAMPLE --profile bad.toml` in a dir holding `bad.toml`.
fn analyze_with_bad_profile(profile: &str) -> Output {
    let dir = Dir::new();
    dir.create("bad.toml", profile);
    let sample = util::repo_root().join(FRONTEND_SAMPLE);
    dir.command(["analyze".as_ref(), sample.as_os_str()])
        .args(["--profile", "bad.toml"])
        .run()
}

/// `analyze FRONTEND_SAMPLE --profile PROFILE EXTRA...`, run from the
/// repository root.
fn frontend_sample_with(profile: &str, extra: &[&str]) -> Output {
    in_repo(["analyze", FRONTEND_SAMPLE, "--profile", profile])
        .args(extra)
        .run()
}

/// `profile show profile.toml` in a dir holding `profile.toml` = `profile`.
fn profile_show(profile: &str) -> Output {
    let (dir, _) = with_profile(profile);
    dir.command(["profile", "show", "profile.toml"]).run()
}

/// The strongest role `profile show` says `profile` points to is `role`.
#[track_caller]
fn assert_points_first_to(profile: &str, role: &str) {
    let out = profile_show(profile);
    let roles = points_to(out.success());
    assert_eq!(roles.first().map(String::as_str), Some(role), "{out:?}");
}

/// The roles after "points to:" in `profile show`'s output, strongest first.
#[track_caller]
fn points_to(show: &str) -> Vec<String> {
    let line = show
        .lines()
        .find_map(|l| l.strip_prefix("points to: "))
        .unwrap_or_else(|| panic!("no 'points to:' line:\n{show}"));
    line.split(", ")
        .map(|part| part.split_whitespace().next().unwrap_or("").to_string())
        .collect()
}

// ---- profile init ------------------------------------------------------------

#[test]
fn profile_init_writes_a_template_that_profile_show_accepts() {
    let dir = Dir::new();
    let out = dir.command(["profile", "init", "me.toml"]).run();
    out.success();
    assert!(out.stderr.contains("me.toml"), "{out:?}");
    let show = dir.command(["profile", "show", "me.toml"]).run();
    let stdout = show.success();
    assert!(stdout.contains("points to: "), "{show:?}");
}

#[test]
fn profile_init_template_is_accepted_by_analyze() {
    let dir = Dir::new();
    dir.command(["profile", "init", "me.toml"]).run().success();
    let profile = dir.path().join("me.toml").display().to_string();
    let record = analyze_json(FRONTEND_SAMPLE, &["--profile", &profile]);
    assert!(record["fit"]["score"].is_u64(), "{}", record["fit"]);
}

#[test]
fn profile_init_refuses_to_overwrite_without_force() {
    let dir = Dir::new();
    dir.create("me.toml", "keep me\n");
    let out = dir.command(["profile", "init", "me.toml"]).run();
    expect_profile_error(
        &out,
        "rolefit: me.toml: already exists (use --force to overwrite)",
    );
    assert_eq!(dir.read("me.toml"), "keep me\n");
}

#[test]
fn profile_init_onto_a_folder_says_it_is_a_folder() {
    let dir = Dir::new();
    dir.create_dir("profiles");
    for force in [false, true] {
        let mut args = vec!["profile", "init", "profiles"];
        if force {
            args.push("--force");
        }
        let out = dir.command(args.clone()).run();
        expect_profile_error(&out, "rolefit: profiles: is a folder, not a file");
        args.extend(["--lang", "ko"]);
        let out = dir.command(args).run();
        expect_profile_error(&out, "rolefit: profiles: 파일이 아니라 폴더입니다");
    }
}

#[test]
fn profile_init_force_overwrites() {
    let dir = Dir::new();
    dir.create("me.toml", "keep me\n");
    dir.command(["profile", "init", "me.toml", "--force"])
        .run()
        .success();
    assert!(dir.read("me.toml").contains("strengths = ["));
}

#[test]
fn profile_init_dash_prints_the_template_to_stdout() {
    let dir = Dir::new();
    let out = dir.command(["profile", "init", "-"]).run();
    let stdout = out.success().to_string();
    dir.command(["profile", "init", "written.toml"])
        .run()
        .success();
    assert_eq!(stdout, dir.read("written.toml"));
    assert!(
        !dir.path().join("-").exists() && !dir.path().join("profile.toml").exists(),
        "profile init - wrote a file"
    );
}

// ---- bad profiles --------------------------------------------------------------

#[test]
fn toml_syntax_error_names_the_line() {
    let out = analyze_with_bad_profile("name = \"x\"\nstrengths = [\"React\" \"Vue\"]\n");
    expect_profile_error_starting(&out, "rolefit: bad.toml:2: ");
}

#[test]
fn unknown_key_names_the_line_and_the_key() {
    let out =
        analyze_with_bad_profile("name = \"x\"\nstrengths = [\"React\"]\ncolour = \"blue\"\n");
    expect_profile_error_starting(&out, "rolefit: bad.toml:3: unknown field `colour`");
}

#[test]
fn unknown_role_names_the_line_and_the_role() {
    let out = analyze_with_bad_profile("strengths = [\"React\"]\npreferred_roles = [\"devops\"]\n");
    expect_profile_error(
        &out,
        "rolefit: bad.toml:2: unknown role 'devops' (expected modeling, backend, frontend or research)",
    );
}

#[test]
fn unknown_role_is_an_error_in_profile_show_too() {
    let dir = Dir::new();
    dir.create(
        "bad.toml",
        "strengths = [\"React\"]\npreferred_roles = [\"devops\"]\n",
    );
    let out = dir.command(["profile", "show", "bad.toml"]).run();
    expect_profile_error(
        &out,
        "rolefit: bad.toml:2: unknown role 'devops' (expected modeling, backend, frontend or research)",
    );
}

#[test]
fn empty_strengths_is_an_error() {
    let out = analyze_with_bad_profile("name = \"x\"\nstrengths = []\n");
    expect_profile_error(
        &out,
        "rolefit: bad.toml:2: strengths is empty: list at least one strength",
    );
}

#[test]
fn missing_strengths_is_an_error() {
    let out = analyze_with_bad_profile("name = \"x\"\n");
    expect_profile_error(&out, "rolefit: bad.toml:1: missing field `strengths`");
}

#[test]
fn missing_profile_file_is_an_error() {
    let dir = Dir::new();
    let sample = util::repo_root().join(FRONTEND_SAMPLE);
    let out = dir
        .command(["analyze".as_ref(), sample.as_os_str()])
        .args(["--profile", "missing.toml"])
        .run();
    expect_profile_error(&out, "rolefit: missing.toml: no such file");
}

#[test]
fn profile_and_strengths_together_is_a_usage_error() {
    let (_dir, profile) = with_profile(FRONTEND_PROFILE);
    let out = in_repo([
        "analyze",
        FRONTEND_SAMPLE,
        "--profile",
        &profile,
        "--strengths",
        "React",
    ])
    .run();
    out.expect_code(2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .contains("'--profile <FILE>' cannot be used with"),
        "{out:?}"
    );
}

// ---- --strengths and profile show ----------------------------------------------

#[test]
fn inline_strengths_give_a_fit() {
    let record = analyze_json(FRONTEND_SAMPLE, &["--strengths", "PyTorch, React"]);
    let matched: Vec<&str> = record["fit"]["matched"]
        .as_array()
        .expect("fit.matched")
        .iter()
        .filter_map(|m| m["skill"].as_str())
        .collect();
    assert!(matched.contains(&"React"), "{}", record["fit"]);
}

#[test]
fn profile_show_lists_each_strength_with_its_skills() {
    let out = profile_show(FRONTEND_PROFILE);
    let stdout = out.success();
    for line in [
        "Han Min-ji",
        "  React, TypeScript and Next.js product UIs  ->  React, TypeScript, Next.js",
        "  Playwright end-to-end tests  ->  ",
        "preferred: frontend",
    ] {
        assert!(stdout.contains(line), "lacks {line:?}:\n{stdout}");
    }
    assert_eq!(
        stdout.lines().filter(|l| l.contains("  ->  ")).count(),
        4,
        "one line per strength:\n{stdout}"
    );
}

#[test]
fn backend_profile_points_to_backend() {
    assert_points_first_to(BACKEND_PROFILE, "backend");
}

#[test]
fn frontend_profile_points_to_frontend() {
    assert_points_first_to(FRONTEND_PROFILE, "frontend");
}

#[test]
fn strength_without_a_known_skill_is_matched_word_for_word() {
    let out = profile_show("strengths = [\"typography\", \"React\"]\n");
    let stdout = out.success();
    assert!(
        stdout.contains("  typography  ->  (no known skill: matched word for word)"),
        "{stdout}"
    );
}

#[test]
fn literal_strength_found_in_the_posting_is_a_literal_match() {
    // The frontend sample asks for "an eye for typography".
    let record = analyze_json(FRONTEND_SAMPLE, &["--strengths", "typography, React"]);
    let literal = strings(&record["fit"]["explain"]["literal_matches"]);
    assert_eq!(literal, ["typography"], "{}", record["fit"]);
}

// ---- the fit in every format -----------------------------------------------------

#[test]
fn jsonl_fit_has_every_field() {
    let (_dir, profile) = with_profile(FRONTEND_PROFILE);
    let record = analyze_json(FRONTEND_SAMPLE, &["--profile", &profile]);
    let fit = &record["fit"];

    let score = fit["score"].as_u64().unwrap_or_else(|| panic!("{fit}"));
    assert!(score <= 100, "{fit}");

    let matched = fit["matched"].as_array().unwrap_or_else(|| panic!("{fit}"));
    assert!(!matched.is_empty(), "{fit}");
    for m in matched {
        assert!(m["skill"].is_string(), "{m}");
        assert!(m["need"] == "required" || m["need"] == "preferred", "{m}");
        assert!(m["section"].is_string(), "{m}");
        assert!(m["line"].is_u64(), "{m}");
    }
    strings(&fit["missing_required"]);
    strings(&fit["missing_preferred"]);
    strings(&fit["edge"]);
    let advice = strings(&fit["advice"]);
    assert!((1..=3).contains(&advice.len()), "{fit}");
    assert!(record["requirements"]["skills"].is_array(), "{record}");
}

#[test]
fn jsonl_has_requirements_without_a_profile() {
    let record = analyze_json(FRONTEND_SAMPLE, &[]);
    assert!(record["fit"].is_null(), "{}", record["fit"]);
    let skills = record["requirements"]["skills"]
        .as_array()
        .unwrap_or_else(|| panic!("{}", record["requirements"]));
    assert!(
        skills.iter().any(|s| s["skill"] == "React"),
        "{}",
        record["requirements"]
    );
}

#[test]
fn table_shows_a_fit_line() {
    let (_dir, profile) = with_profile(FRONTEND_PROFILE);
    let score = score(FRONTEND_SAMPLE, &profile);
    let out = frontend_sample_with(&profile, &["--color", "never"]);
    let stdout = out.success();
    let want = format!("fit: {score}/100");
    assert!(
        stdout.lines().any(|l| l.trim() == want),
        "no {want:?} line:\n{stdout}"
    );
}

#[test]
fn markdown_mentions_the_fit() {
    let (_dir, profile) = with_profile(FRONTEND_PROFILE);
    let score = score(FRONTEND_SAMPLE, &profile).to_string();
    let out = frontend_sample_with(&profile, &["--format", "md"]);
    let stdout = out.success();
    assert!(
        stdout
            .lines()
            .any(|l| l.to_lowercase().contains("fit") && l.contains(&score)),
        "no line with the fit score {score}:\n{stdout}"
    );
}

#[test]
fn csv_has_fit_columns() {
    let (_dir, profile) = with_profile(FRONTEND_PROFILE);
    let score = score(FRONTEND_SAMPLE, &profile);
    let out = frontend_sample_with(&profile, &["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.success().as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column: {headers:?}"))
    };
    let (fit, matched, missing) = (
        column("fit_score"),
        column("matched"),
        column("missing_required"),
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 1, "{out:?}");
    assert_eq!(&rows[0][fit], score.to_string());
    assert!(rows[0][matched].contains("React"), "{:?}", rows[0]);
    assert!(!rows[0][missing].is_empty(), "{:?}", rows[0]);
}

#[test]
fn same_command_twice_gives_the_same_json() {
    let (_dir, profile) = with_profile(FRONTEND_PROFILE);
    let run = || {
        in_repo([
            "analyze",
            FRONTEND_SAMPLE,
            RESEARCH_KO_SAMPLE,
            "--profile",
            &profile,
            "--format",
            "json",
        ])
        .run()
        .success()
        .to_string()
    };
    assert_eq!(run(), run());
}

// ---- ranking ------------------------------------------------------------------------

#[test]
fn frontend_profile_ranks_the_frontend_posting_first() {
    let (_dir, profile) = with_profile(FRONTEND_PROFILE);
    let frontend = score(FRONTEND_SAMPLE, &profile);
    for other in [RESEARCH_KO_SAMPLE, MARKETING_SAMPLE] {
        let s = score(other, &profile);
        assert!(frontend > s, "{FRONTEND_SAMPLE} {frontend} <= {other} {s}");
    }
}

#[test]
fn research_profile_ranks_research_above_serving() {
    let (_dir, profile) = with_profile(RESEARCH_PROFILE);
    let research = score(RESEARCH_SPEECH_SAMPLE, &profile);
    let serving = score(SERVING_SAMPLE, &profile);
    assert!(
        research > serving,
        "{RESEARCH_SPEECH_SAMPLE} {research} <= {SERVING_SAMPLE} {serving}"
    );
}

// ---- degrees ----------------------------------------------------------------------------

#[test]
fn required_phd_costs_a_profile_without_one() {
    let without = fit_of_posting(PHD_POSTING, PHD_STRENGTHS);
    let with = fit_of_posting(
        PHD_POSTING,
        &format!("{PHD_STRENGTHS}, PhD in machine learning"),
    );
    assert!(
        without["score"].as_u64() < with["score"].as_u64(),
        "without a PhD: {without}\nwith one: {with}"
    );
    let penalties = |fit: &Value| strings(&fit["explain"]["penalties"]);
    assert!(
        penalties(&without).iter().any(|p| p.contains("PhD")),
        "{without}"
    );
    assert!(
        !penalties(&with).iter().any(|p| p.contains("PhD")),
        "{with}"
    );
}

#[test]
fn preferred_masters_is_advised_as_only_preferred() {
    let fit = fit_of_posting(MASTERS_PREFERRED_POSTING, "PyTorch, learning to rank");
    let advice = strings(&fit["advice"]);
    assert!(
        advice
            .iter()
            .any(|a| a.contains("master's") && a.contains("only preferred")),
        "{fit}"
    );
    assert!(strings(&fit["explain"]["penalties"]).is_empty(), "{fit}");
}

// ---- what the posting does not ask for -------------------------------------------------

#[test]
fn skill_the_posting_says_is_not_needed_is_not_missing() {
    let fit = fit_of_posting(NO_ML_NEEDED_POSTING, "React, TypeScript");
    let missing = strings(&fit["missing_required"]);
    assert!(!missing.iter().any(|m| m == "Machine learning"), "{fit}");
}

#[test]
fn skill_in_the_hiring_process_is_not_asked_for() {
    let fit = fit_of_posting(PROCESS_POSTING, "React, TypeScript");
    let missing = strings(&fit["missing_required"]);
    assert!(!missing.iter().any(|m| m == "Kafka"), "{fit}");
}

// ---- gates: what caps a score, and says why --------------------------------------------

/// The fit of a posting for a profile file's text.
fn fit_for_profile(posting: &str, profile: &str) -> Value {
    let dir = Dir::new();
    dir.create("posting.md", posting);
    dir.create("me.toml", profile);
    let out = dir
        .command([
            "analyze",
            "posting.md",
            "--profile",
            "me.toml",
            "--format",
            "jsonl",
        ])
        .run();
    out.success();
    out.json_lines()[0]["fit"].clone()
}

fn gate_kinds(fit: &Value) -> Vec<String> {
    fit["explain"]["gates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["kind"].as_str().unwrap().to_string())
        .collect()
}

/// A React frontend posting, written in English, in Austin.
const AUSTIN_FRONTEND: &str = "\
# Frontend Engineer, AI Assistant

Location: Austin, TX (hybrid)

## Requirements

- Three or more years building product UIs with React and TypeScript.
- Experience streaming LLM responses into a chat interface.
- Good communication with designers and teammates.
";

/// The same job, written in Korean, in Seoul.
const SEOUL_FRONTEND: &str = "\
# 프론트엔드 엔지니어 (AI 어시스턴트)

## 근무 조건

- 근무지: 서울 강남구

## 자격 요건

- React와 TypeScript로 제품 UI를 3년 이상 개발한 경험
- LLM 응답을 스트리밍하는 채팅 인터페이스 개발 경험
- 디자이너, 동료와 원활한 커뮤니케이션
";

/// The same job, limited to residents of the EU.
const EU_ONLY_FRONTEND: &str = "\
# Frontend Engineer, AI Assistant

Location: Remote

## Requirements

- You must be based in the EU.
- Three or more years building product UIs with React and TypeScript.
- Experience streaming LLM responses into a chat interface.
";

const AUSTIN_PROFILE: &str = r#"summary = "Frontend engineer with five years of React and TypeScript. English only; based in Austin, open to remote."
strengths = ["React, TypeScript and Next.js", "streaming LLM chat UI with server-sent events", "Git 협업"]
"#;

#[test]
fn a_posting_in_a_language_the_user_does_not_work_in_is_capped() {
    let home = fit_for_profile(AUSTIN_FRONTEND, AUSTIN_PROFILE);
    let korean = fit_for_profile(SEOUL_FRONTEND, AUSTIN_PROFILE);
    assert!(gate_kinds(&home).is_empty(), "{home}");
    assert!(
        gate_kinds(&korean).contains(&"language".to_string()),
        "{korean}"
    );
    assert!(
        gate_kinds(&korean).contains(&"location".to_string()),
        "{korean}"
    );
    assert!(
        home["score"].as_u64().unwrap() > 2 * korean["score"].as_u64().unwrap(),
        "{home}\n{korean}"
    );
    let advice = strings(&korean["advice"]);
    assert!(advice[0].starts_with("Hard limit:"), "{advice:?}");
}

#[test]
fn a_residency_limit_the_user_does_not_meet_is_a_gate() {
    let fit = fit_for_profile(EU_ONLY_FRONTEND, AUSTIN_PROFILE);
    assert!(gate_kinds(&fit).contains(&"residency".to_string()), "{fit}");
    let berlin = AUSTIN_PROFILE.replace("based in Austin", "based in Berlin");
    let fit = fit_for_profile(EU_ONLY_FRONTEND, &berlin);
    assert!(gate_kinds(&fit).is_empty(), "{fit}");
}

#[test]
fn years_far_out_of_reach_is_a_gate_and_a_step_down_is_not() {
    let posting = AUSTIN_FRONTEND.replace("Three or more years", "7+ years of experience");
    let junior = AUSTIN_PROFILE.replace("five years", "one year");
    let fit = fit_for_profile(&posting, &junior);
    assert!(gate_kinds(&fit).contains(&"years".to_string()), "{fit}");
    let fit = fit_for_profile(&posting, AUSTIN_PROFILE);
    assert!(!gate_kinds(&fit).contains(&"years".to_string()), "{fit}");
}

#[test]
fn advice_never_leads_with_a_soft_skill_or_names_a_role_as_a_gap() {
    for posting in [AUSTIN_FRONTEND, SEOUL_FRONTEND] {
        let fit = fit_for_profile(posting, AUSTIN_PROFILE);
        for soft in ["Collaboration", "Communication"] {
            assert!(!strings(&fit["edge"]).iter().any(|e| e == soft), "{fit}");
        }
        let missing = strings(&fit["missing_required"]);
        assert!(
            !missing.iter().any(|m| m == "Frontend development"),
            "{fit}"
        );
    }
}

#[test]
fn a_domain_is_never_a_gap_a_small_project_closes() {
    let posting = "\
# Data Analyst, Healthcare

## Requirements

- Experience in healthcare and hospital operations.
- SQL and Tableau dashboards for operations teams.
- dbt models for the analytics warehouse.
";
    let fit = fit_of_posting(posting, "SQL, Python");
    let advice = strings(&fit["advice"]).join(" ");
    assert!(!advice.contains("Healthcare"), "{fit}");
}

#[test]
fn the_summary_counts_for_degree_and_explain_lists_every_part() {
    let posting = PHD_POSTING;
    let profile = r#"summary = "Just finished a PhD in speech recognition."
strengths = ["self-supervised learning for speech", "PyTorch"]
"#;
    let fit = fit_for_profile(posting, profile);
    assert!(strings(&fit["explain"]["penalties"]).is_empty(), "{fit}");
    assert!(gate_kinds(&fit).is_empty(), "{fit}");
    let parts: Vec<&str> = fit["explain"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(parts, ["skills", "direction", "level"]);
}

// ---- fit.toml and requirements.toml can be overridden ----------------------------------

#[test]
fn fit_toml_in_a_patterns_folder_changes_the_score() {
    let dir = Dir::new();
    dir.create("posting.md", SEOUL_FRONTEND);
    dir.create("me.toml", AUSTIN_PROFILE);
    let fit_toml = std::fs::read_to_string(util::repo_root().join("patterns/fit.toml"))
        .unwrap()
        .replace("language = 40", "language = 100")
        .replace("location = 25", "location = 100");
    dir.create("pat/fit.toml", &fit_toml);
    let score = |extra: &[&str]| {
        let mut args = vec![
            "analyze",
            "posting.md",
            "--profile",
            "me.toml",
            "--format",
            "jsonl",
        ];
        args.extend(extra);
        let out = dir.command(args).run();
        out.success();
        out.json_lines()[0]["fit"]["score"].as_u64().unwrap()
    };
    assert!(score(&["--patterns", "pat"]) > score(&[]));
    dir.create(
        "pat/fit.toml",
        fit_toml.replace("skills = 0.45", "skills = 0.9"),
    );
    let out = dir
        .command([
            "analyze",
            "posting.md",
            "--profile",
            "me.toml",
            "--patterns",
            "pat",
        ])
        .run();
    assert!(
        out.stderr
            .contains("fit.toml: [weights] skills + direction + level must add up to 1"),
        "{out:?}"
    );
}

/// The coverage `--explain` shows is the one the skills points come from:
/// the skills part is the required coverage (with no preferred list), or
/// 0.75 of it and 0.25 of the preferred one. Broad skills ("machine
/// learning") count in neither.
#[test]
fn the_coverage_shown_gives_the_skills_points() {
    let skills_of = |fit: &Value| {
        let e = &fit["explain"];
        let part = e["components"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "skills")
            .unwrap()["value"]
            .as_f64()
            .unwrap();
        (
            e["required_coverage"].as_f64(),
            e["preferred_coverage"].as_f64(),
            part,
        )
    };
    let posting = "# Machine Learning Engineer\n\n## Responsibilities\n\
                   - Train and deploy machine learning models for fraud detection.\n\n\
                   ## Requirements\n- Experience with machine learning\n\
                   - Sensor fusion and autonomous driving experience\n- Git\n";
    let (r, p, part) = skills_of(&fit_of_posting(posting, "machine learning"));
    assert_eq!((r, p, part), (Some(0.0), None, 0.0));
    let (r, _, part) = skills_of(&fit_of_posting(posting, "machine learning, Git"));
    assert_eq!(r, Some(part));
    let record = analyze_json(
        "samples/en-ml-engineer-ranking.md",
        &[
            "--strengths",
            "PyTorch, learning-to-rank, A/B testing, LightGBM, Python, SQL",
        ],
    );
    let (r, p, part) = skills_of(&record["fit"]);
    let (r, p) = (r.unwrap(), p.unwrap());
    assert!((0.75 * r + 0.25 * p - part).abs() <= 0.01, "{r} {p} {part}");
}
