//! `--lang ko|en`: every word rolefit says to a person follows the language,
//! the data (JSON, CSV) never does. Snapshots of the table, Markdown and the
//! market summary in both languages, where the language comes from, the
//! Korean profile template, the common errors, and columns that line up
//! with Hangul.
//!
//! Like tests/output.rs, the snapshots hold classification results: re-accept
//! them (`INSTA_UPDATE=always cargo test --test i18n`, then review the diff)
//! when the pattern files change.

mod util;

use unicode_width::UnicodeWidthStr;
use util::{Dir, in_repo};

/// An English posting whose label is not in doubt.
const EN_SAMPLE: &str = "samples/en-ml-engineer-ranking.md";
/// A Korean posting whose label is not in doubt.
const KO_SAMPLE: &str = "samples/ko-rag-search-backend.md";

// ---- snapshots ---------------------------------------------------------------

#[test]
fn table_in_korean_of_an_english_posting() {
    let out = in_repo(["analyze", EN_SAMPLE, "--color", "never", "--lang", "ko"]).run();
    insta::assert_snapshot!("table_ko", out.success());
}

#[test]
fn table_in_english_of_a_korean_posting() {
    let out = in_repo(["analyze", KO_SAMPLE, "--color", "never", "--lang", "en"]).run();
    insta::assert_snapshot!("table_en_of_ko", out.success());
}

#[test]
fn markdown_in_korean_of_an_english_posting() {
    let out = in_repo(["analyze", EN_SAMPLE, "--format", "md", "--lang", "ko"]).run();
    insta::assert_snapshot!("markdown_ko", out.success());
}

#[test]
fn markdown_in_english_of_a_korean_posting() {
    let out = in_repo(["analyze", KO_SAMPLE, "--format", "md", "--lang", "en"]).run();
    insta::assert_snapshot!("markdown_en_of_ko", out.success());
}

// ---- a close second role and a misleading title --------------------------------

/// The table's role line and title note of one posting, and its JSON record.
fn role_line_note_and_record(
    sample: &str,
    lang: &str,
) -> (String, Option<String>, serde_json::Value) {
    let table = in_repo(["analyze", sample, "--color", "never", "--lang", lang]).run();
    let table = table.success();
    let (role_word, title_word) = if lang == "ko" {
        ("직무: ", "제목: ")
    } else {
        ("role: ", "title: ")
    };
    let after = |word: &str| {
        table
            .lines()
            .find_map(|l| l.trim_start().strip_prefix(word).map(str::to_string))
    };
    let role = after(role_word).unwrap_or_else(|| panic!("{table}"));
    let json = in_repo(["analyze", sample, "--format", "json"]).run();
    let v: serde_json::Value = serde_json::from_str(json.success()).unwrap();
    (role, after(title_word), v[0].clone())
}

#[test]
fn a_close_second_role_reads_as_either_in_both_languages() {
    // A hybrid of recommendation modeling and serving: JSON carries the
    // runner-up as `alternative`, and the table says both with their odds.
    let sample = "samples/ko-hard-recsys-hybrid-model-serving.md";
    for (lang, or, names) in [
        (
            "en",
            "or",
            [("modeling", "modeling"), ("backend", "backend")],
        ),
        (
            "ko",
            "또는",
            [("modeling", "모델링"), ("backend", "백엔드")],
        ),
    ] {
        let (line, _, v) = role_line_note_and_record(sample, lang);
        let name = |role: &str| names.iter().find(|n| n.0 == role).unwrap().1;
        let alt = &v["alternative"];
        assert!(alt.is_object(), "{v}");
        let want = format!(
            "{} ({:.2}) {or} {} ({:.2})",
            name(v["role"].as_str().unwrap()),
            v["confidence"].as_f64().unwrap(),
            name(alt["role"].as_str().unwrap()),
            alt["probability"].as_f64().unwrap(),
        );
        assert!(
            line.starts_with(&want),
            "{lang}: {line:?} should start {want:?}"
        );
    }
    // A clear-cut posting names one role and no alternative.
    for (sample, lang) in [(EN_SAMPLE, "en"), (KO_SAMPLE, "ko")] {
        let (line, _, v) = role_line_note_and_record(sample, lang);
        assert!(v["alternative"].is_null(), "{v}");
        assert!(!line.contains(" or ") && !line.contains("또는"), "{line}");
    }
}

#[test]
fn a_research_title_over_modeling_duties_is_said_in_both_languages() {
    let sample = "samples/en-hard-research-title-finetuning.html";
    let (_, en, v) = role_line_note_and_record(sample, "en");
    assert_eq!(v["title_role"], "research", "{v}");
    assert_eq!(v["role"], "modeling", "{v}");
    assert_eq!(v["title_differs"], true, "{v}");
    assert_eq!(en.as_deref(), Some("titled research, reads as modeling"));
    let (_, ko, _) = role_line_note_and_record(sample, "ko");
    assert_eq!(ko.as_deref(), Some("제목은 리서치, 내용은 모델링"));
    // A title that says what the duties say gets no note.
    let (_, none, v) = role_line_note_and_record(KO_SAMPLE, "ko");
    assert_eq!(v["title_differs"], false, "{v}");
    assert_eq!(none, None);
}

/// Two English and two Korean samples as a batch CSV.
fn four_postings(dir: &Dir) {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "description"]).unwrap();
    for f in [
        EN_SAMPLE,
        "samples/en-research-scientist-speech.txt",
        KO_SAMPLE,
        "samples/ko-vision-model-engineer.txt",
    ] {
        let text = std::fs::read_to_string(util::repo_root().join(f)).unwrap();
        w.write_record([f, text.as_str()]).unwrap();
    }
    dir.create("four.csv", w.into_inner().unwrap());
}

/// Without a profile, so that only classification and requirements show;
/// the profile's parts are snapshot from fixtures in `src/output/summary.rs`.
#[test]
fn market_summary_in_both_languages() {
    let dir = Dir::new();
    four_postings(&dir);
    for lang in ["en", "ko"] {
        let out = dir
            .command(["batch", "four.csv", "-o", "out.csv", "--summary"])
            .args(["--summary-out", "summary.md", "--color", "never"])
            .args(["--lang", lang])
            .run();
        out.expect_code(0);
        insta::assert_snapshot!(format!("summary_text_{lang}"), out.stderr);
        insta::assert_snapshot!(format!("summary_md_{lang}"), dir.read("summary.md"));
    }
}

// ---- words change, data does not ---------------------------------------------

#[test]
fn json_and_csv_are_the_same_in_every_language() {
    for format in ["json", "jsonl", "csv"] {
        let run = |lang: &str| {
            in_repo(["analyze", EN_SAMPLE, KO_SAMPLE, "--format", format])
                .args(["--strengths", "Python, React", "--lang", lang])
                .run()
                .success()
                .to_string()
        };
        assert_eq!(run("en"), run("ko"), "{format}");
    }
}

#[test]
fn korean_labels_and_fit_words_with_a_profile() {
    let out = in_repo(["analyze", EN_SAMPLE, "--color", "never", "--lang", "ko"])
        .args(["--strengths", "파이썬, PyTorch, 추천 시스템", "--explain"])
        .run();
    let text = out.success();
    for word in [
        "직무: 모델링",
        "적합도: ",
        "갖춘 기술: ",
        "부족한 기술 (필수): ",
        "요구 사항",
        "필수: ",
        "근거 ",
        "주요업무",
        "자격요건",
        "섹션: ",
    ] {
        assert!(text.contains(word), "{word:?} missing:\n{text}");
    }
    for english in [
        "role:",
        "fit:",
        "matches:",
        "missing (required)",
        "asks for",
    ] {
        assert!(
            !text.contains(english),
            "{english:?} still English:\n{text}"
        );
    }
}

// ---- where the language comes from ---------------------------------------------

fn role_line(out: &util::Output) -> String {
    out.success()
        .lines()
        .nth(2)
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[test]
fn language_from_flag_then_rolefit_lang_then_locale() {
    let base = || in_repo(["analyze", KO_SAMPLE, "--color", "never"]);
    assert!(role_line(&base().run()).starts_with("role: backend"));
    let ko = role_line(&base().env("LANG", "ko_KR.UTF-8").run());
    assert!(ko.starts_with("직무: 백엔드"), "{ko}");
    let ko = role_line(&base().env("LC_ALL", "ko_KR.UTF-8").env("LANG", "C").run());
    assert!(ko.starts_with("직무: 백엔드"), "{ko}");
    let en = role_line(
        &base()
            .env("ROLEFIT_LANG", "en")
            .env("LANG", "ko_KR.UTF-8")
            .run(),
    );
    assert!(en.starts_with("role: backend"), "{en}");
    let en = role_line(
        &base()
            .env("ROLEFIT_LANG", "ko")
            .arg("--lang")
            .arg("en")
            .run(),
    );
    assert!(en.starts_with("role: backend"), "{en}");
    // --lang is global: before the subcommand too.
    let ko = in_repo(["--lang", "ko", "analyze", KO_SAMPLE, "--color", "never"]).run();
    assert!(role_line(&ko).starts_with("직무: 백엔드"));

    let bad = base().env("ROLEFIT_LANG", "fr").run();
    bad.expect_code(2);
    assert_eq!(bad.stderr, "rolefit: ROLEFIT_LANG=fr: must be en or ko\n");
    let bad = base().args(["--lang", "fr"]).run();
    bad.expect_code(2);
}

// ---- the profile template -------------------------------------------------------

/// The top-level keys a profile template sets. Every field of both templates
/// is set (none is a commented-out example), so parsing the TOML finds them all.
fn template_keys(text: &str) -> Vec<String> {
    let table: toml::Table = toml::from_str(text).expect("template is TOML");
    let mut keys: Vec<String> = table.keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn korean_profile_template_documents_every_field_the_english_one_does() {
    let dir = Dir::new();
    let en = dir.command(["profile", "init", "-", "--lang", "en"]).run();
    let ko = dir.command(["profile", "init", "-", "--lang", "ko"]).run();
    let (en, ko) = (en.success(), ko.success());
    // No field is left as a commented-out example in either template.
    for t in [en, ko] {
        for line in t.lines() {
            let l = line.trim_start_matches('#').trim();
            assert!(
                !(line.starts_with('#') && l.contains(" = ")),
                "commented-out field: {line}"
            );
        }
    }
    assert_eq!(template_keys(en), template_keys(ko));
    assert_eq!(
        template_keys(ko),
        [
            "avoid",
            "degree",
            "languages",
            "level",
            "locations",
            "name",
            "preferred_roles",
            "strengths",
            "summary",
            "years"
        ]
    );
    dir.create("ko.toml", ko);
    // The Korean values are read as the English template's are.
    let shown = dir
        .command(["profile", "show", "ko.toml", "--lang", "ko"])
        .run();
    let shown = shown.success();
    for line in [
        "경력(년): 6  (프로필)",
        "학위: 학사  (프로필)",
        "수준: 시니어  (프로필)",
        "거주지: 서울 (KR, 프로필)",
        "원격 근무 가능 지역: KR (프로필)",
        "언어: 한국어 (프로필), 영어 (프로필)",
        "피하고 싶은 것: 모델링 (프로필)",
        "희망 직무: 백엔드",
    ] {
        assert!(shown.lines().any(|l| l == line), "no {line:?} in:\n{shown}");
    }
    dir.create(
        "p.md",
        "# Backend Engineer\n\nBuild Python and Go services on Kubernetes.\n",
    );
    let out = dir
        .command(["analyze", "p.md", "--profile", "ko.toml", "--lang", "ko"])
        .run();
    out.success();
}

#[test]
fn profile_show_in_korean_translates_the_facts_and_where_they_came_from() {
    let dir = Dir::new();
    let en = dir.command(["profile", "init", "-", "--lang", "en"]).run();
    dir.create("en.toml", en.success());
    let shown = dir
        .command(["profile", "show", "en.toml", "--lang", "ko"])
        .run();
    let shown = shown.success();
    for line in [
        "학위: 학사  (프로필)",
        "수준: 시니어  (프로필)",
        "거주지: Seoul (KR, 프로필)",
        "언어: 한국어 (프로필), 영어 (프로필)",
        "피하고 싶은 것: 모델링 (프로필)",
    ] {
        assert!(shown.lines().any(|l| l == line), "no {line:?} in:\n{shown}");
    }
    dir.create(
        "summary.toml",
        "summary = \"Backend engineer, 5 years of experience.\"\nstrengths = [\"Python\", \"Go\", \"PhD in statistics\"]\n",
    );
    let ko = dir
        .command(["profile", "show", "summary.toml", "--lang", "ko"])
        .run();
    let ko = ko.success();
    assert!(ko.contains("경력(년): 5  (자기소개: \"5 years\")"), "{ko}");
    assert!(ko.contains("학위: 박사  (강점 3: \"PhD\")"), "{ko}");
    assert!(!ko.contains("summary"), "{ko}");
    // English keeps its words, and names the place as written too.
    let en = dir.command(["profile", "show", "en.toml"]).run();
    let en = en.success();
    assert!(en.contains("degree: bachelor  (profile)"), "{en}");
    assert!(en.contains("located: Seoul (KR, profile)"), "{en}");
    let en = dir.command(["profile", "show", "summary.toml"]).run();
    assert!(en.success().contains("years: 5  (summary: \"5 years\")"));
}

#[test]
fn preferred_roles_take_the_korean_role_names() {
    let dir = Dir::new();
    dir.create(
        "kr_roles.toml",
        "strengths = [\"PyTorch\"]\npreferred_roles = [\"모델링\", \"백엔드\", \"프론트엔드\", \"리서치\", \"연구\"]\n",
    );
    let ko = dir
        .command(["profile", "show", "kr_roles.toml", "--lang", "ko"])
        .run();
    assert!(
        ko.success()
            .contains("희망 직무: 모델링, 백엔드, 프론트엔드, 리서치"),
        "{}",
        ko.stdout
    );
    let en = dir.command(["profile", "show", "kr_roles.toml"]).run();
    assert!(
        en.success()
            .contains("preferred: modeling, backend, frontend, research")
    );
}

#[test]
fn korean_profile_template_has_korean_strengths_that_rolefit_reads() {
    let dir = Dir::new();
    let out = dir.command(["profile", "init", "--lang", "ko"]).run();
    out.expect_code(0);
    assert!(
        out.stderr.contains("profile.toml에 썼습니다"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("한국어로 써도, 영어로 써도"),
        "{}",
        out.stderr
    );
    let template = dir.read("profile.toml");
    assert!(template.contains("쿠버네티스와 도커"), "{template}");
    assert!(
        template.contains("한국어로 써도, 영어로 써도"),
        "{template}"
    );
    let show = dir.command(["profile", "show", "profile.toml"]).run();
    let shown = show.success();
    for skill in ["Python", "Go", "Kubernetes", "Docker", "PostgreSQL"] {
        assert!(shown.contains(skill), "{skill} not read:\n{shown}");
    }
    assert!(shown.contains("points to: backend"), "{shown}");
    let shown_ko = dir
        .command(["profile", "show", "profile.toml", "--lang", "ko"])
        .run();
    assert!(shown_ko.success().contains("가리키는 직무: 백엔드"));
    // English stays the template it was.
    let en = dir.command(["profile", "init", "-", "--lang", "en"]).run();
    assert!(en.success().starts_with("# A rolefit profile"));
    let again = dir.command(["profile", "init", "--lang", "ko"]).run();
    again.expect_code(2);
    assert_eq!(
        again.stderr,
        "rolefit: profile.toml: 이미 있습니다 (덮어쓰려면 --force)\n"
    );
}

// ---- errors people meet -----------------------------------------------------------

#[test]
fn common_errors_in_korean() {
    let dir = Dir::new();
    let missing = dir.command(["analyze", "nope.md", "--lang", "ko"]).run();
    missing.expect_code(1);
    assert_eq!(missing.stderr, "rolefit: nope.md: 파일이 없습니다\n");

    dir.create("t.csv", "name,salary\nx,1\n");
    let no_text = dir.command(["batch", "t.csv", "--lang", "ko"]).run();
    no_text.expect_code(2);
    assert!(
        no_text
            .stderr
            .starts_with("rolefit: t.csv: 본문(텍스트)이나 URL 열이 없습니다"),
        "{}",
        no_text.stderr
    );
    assert!(no_text.stderr.contains("name, salary"));

    dir.create("me.toml", "strengths = 3\n");
    let bad = dir
        .command(["analyze", "nope.md", "--profile", "me.toml", "--lang", "ko"])
        .run();
    bad.expect_code(2);
    assert!(
        bad.stderr
            .starts_with("rolefit: me.toml:1: 프로필을 읽을 수 없습니다: "),
        "{}",
        bad.stderr
    );
    let no_profile = dir
        .command(["analyze", "x.md", "--profile", "none.toml", "--lang", "ko"])
        .run();
    assert_eq!(no_profile.stderr, "rolefit: none.toml: 파일이 없습니다\n");

    // A port nobody listens on: the connection is refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/job");
    let down = dir
        .command(["analyze", url.as_str(), "--lang", "ko"])
        .no_proxy()
        .run();
    down.expect_code(1);
    assert_eq!(
        down.stderr,
        format!("rolefit: {url}: 연결이 거부되었습니다 (서버에 닿을 수 없음)\n")
    );
    // The record keeps the English message: it is data.
    let json = dir
        .command(["analyze", url.as_str(), "--lang", "ko", "--format", "jsonl"])
        .no_proxy()
        .run();
    assert_eq!(
        json.json_lines()[0]["error"],
        format!("{url}: connection refused")
    );
}

// ---- layout by display width ------------------------------------------------------

#[test]
fn explain_columns_line_up_with_hangul() {
    let out = in_repo(["analyze", KO_SAMPLE, "--explain", "--color", "never"])
        .args(["--lang", "ko"])
        .run();
    let text = out.success();
    // Evidence lines: "    1.50  pattern-name   "match"  section line".
    let columns: Vec<usize> = text
        .lines()
        .filter(|l| {
            l.starts_with("    ") && l.trim_start().starts_with(|c: char| c.is_ascii_digit())
        })
        .filter_map(|l| l.find('"').map(|i| l[..i].width()))
        .collect();
    assert!(columns.len() > 5, "{text}");
    assert!(
        columns.iter().all(|&c| c == columns[0]),
        "match column drifts: {columns:?}\n{text}"
    );
    // The bars of the four roles and none start in one column too, whatever
    // the label's name.
    let bars: Vec<usize> = text
        .lines()
        .filter(|l| l.starts_with("    ") && (l.contains("██") || l.contains("···")))
        .filter_map(|l| l.find(['█', '·']).map(|i| l[..i].width()))
        .collect();
    assert_eq!(bars.len(), 5, "{text}");
    assert!(bars.iter().all(|&c| c == bars[0]), "{bars:?}\n{text}");
}

// ---- --help ------------------------------------------------------------------

/// `--help` speaks the user's language too: clap's words, every command's
/// about and every option's help, from `--lang` or the locale.
#[test]
fn help_is_in_the_users_language() {
    let out = in_repo(["analyze", "--help", "--lang", "ko"]).run();
    let ko = out.success();
    for words in [
        "사용법: rolefit analyze",
        "인자:",
        "옵션:",
        "읽을 공고",
        "종료 코드:",
    ] {
        assert!(ko.contains(words), "{words:?} not in:\n{ko}");
    }
    assert!(
        !ko.contains("Usage:") && !ko.contains("Postings to read"),
        "{ko}"
    );

    let out = in_repo(["-h"]).env("LANG", "ko_KR.UTF-8").run();
    let ko = out.success();
    assert!(
        ko.contains("명령:") && ko.contains("URL, 파일, 표준 입력의 공고를 분류합니다"),
        "{ko}"
    );

    let out = in_repo(["analyze", "-h"]).run();
    let en = out.success();
    assert!(
        en.contains("Usage: rolefit analyze") && en.contains("Postings to read"),
        "{en}"
    );
    assert!(!en.contains("사용법"), "{en}");

    // clap's notes on values are said in Korean too: each value with its
    // help, the default; with -h on the option's line.
    let out = in_repo(["analyze", "--help", "--lang", "ko"]).run();
    let ko = out.success();
    for words in [
        "가능한 값:\n",
        "- table: 사람이 읽는 정렬된 글",
        "[기본값: table]",
    ] {
        assert!(ko.contains(words), "{words:?} not in:\n{ko}");
    }
    assert!(
        !ko.contains("Possible values") && !ko.contains("[default"),
        "{ko}"
    );
    let out = in_repo(["batch", "-h", "--lang", "ko"]).run();
    let short = out.success();
    let line = "출력 형식 [기본값: csv] [가능한 값: table, json";
    assert!(short.contains(line), "{short}");
}

/// A usage error is said in the user's language too, and still exits 2.
#[test]
fn usage_errors_are_in_the_users_language() {
    let out = in_repo(["analyze", "--formt", "json", KO_SAMPLE])
        .env("LANG", "ko_KR.UTF-8")
        .run();
    out.expect_code(2);
    assert!(
        out.stderr.starts_with("오류: 모르는 인자입니다: '--formt'"),
        "{out:?}"
    );
    assert!(
        out.stderr.contains("'--format'") && out.stderr.contains("사용법:"),
        "{out:?}"
    );

    let out = in_repo(["analyze", "--formt", "json", KO_SAMPLE]).run();
    out.expect_code(2);
    assert!(
        out.stderr
            .starts_with("error: unexpected argument '--formt'"),
        "{out:?}"
    );
}

// ---- more errors people meet, each said in Korean with what is at fault -------

/// `rolefit ARGS --lang LANG` in `dir`: its exit code and what it printed
/// on stderr.
fn said(dir: &Dir, args: &[&str], lang: &str) -> (Option<i32>, String) {
    let out = dir.command(args).args(["--lang", lang]).no_proxy().run();
    (out.code, out.stderr)
}

/// Each run prints `korean` in Korean and `english` in English, with the
/// exit code `code`.
#[track_caller]
fn says(dir: &Dir, args: &[&str], code: i32, korean: &str, english: &str) {
    for (lang, want) in [("ko", korean), ("en", english)] {
        let (got, stderr) = said(dir, args, lang);
        assert_eq!(got, Some(code), "{args:?} --lang {lang}: {stderr}");
        assert!(
            stderr.lines().any(|l| l == format!("rolefit: {want}")),
            "{args:?} --lang {lang}: want\n  rolefit: {want}\ngot\n{stderr}"
        );
    }
}

#[test]
fn output_errors_in_korean() {
    let dir = Dir::new();
    dir.create("p.md", "We train PyTorch ranking models.\n");
    dir.create_dir("a-folder");
    dir.create("a-file", "");
    says(
        &dir,
        &["analyze", "p.md", "-o", "a-folder"],
        2,
        "a-folder: 쓸 수 없습니다: 폴더입니다",
        "a-folder: cannot write: Is a directory",
    );
    says(
        &dir,
        &["analyze", "p.md", "-o", "none/out.csv"],
        2,
        "none/out.csv: 쓸 수 없습니다: 파일을 둘 폴더가 없습니다",
        "none/out.csv: cannot write: no such file",
    );
    dir.create(
        "t.csv",
        "id,description\n1,We train PyTorch ranking models.\n",
    );
    says(
        &dir,
        &["batch", "t.csv", "-o", "out.csv", "--cache", "a-file"],
        2,
        "--cache a-file: 폴더가 아니라 파일입니다",
        "--cache a-file: is a file, not a folder",
    );
    if std::path::Path::new("/dev/full").exists() {
        says(
            &dir,
            &["analyze", "p.md", "-o", "/dev/full"],
            2,
            "/dev/full: 쓸 수 없습니다: 디스크에 남은 공간이 없습니다",
            "/dev/full: cannot write: No space left on device",
        );
        says(
            &dir,
            &["analyze", "p.md", "--report", "/dev/full"],
            2,
            "/dev/full: 쓸 수 없습니다: 디스크에 남은 공간이 없습니다",
            "/dev/full: cannot write: No space left on device",
        );
    }
}

#[test]
fn input_errors_in_korean() {
    let dir = Dir::new();
    dir.create("empty.csv", "");
    says(
        &dir,
        &["batch", "empty.csv", "-o", "out.csv"],
        2,
        "empty.csv: 빈 파일입니다 (헤더 행이 없음)",
        "empty.csv: the file is empty (no header row)",
    );
    dir.create("logo.txt", b"GIF89a\0\0\x01\0");
    says(
        &dir,
        &["analyze", "logo.txt"],
        1,
        "logo.txt: 텍스트가 아니라 바이너리 내용입니다 (NUL 바이트가 있음)",
        "logo.txt: binary content, not text (NUL bytes)",
    );
    dir.create(
        "short.csv",
        "id,title,description\n1,ML engineer,We train PyTorch models.\n2,short\n",
    );
    says(
        &dir,
        &["batch", "short.csv", "-o", "out.csv"],
        1,
        "2행: 값이 2개인데 헤더의 열은 3개입니다",
        "row 2: has 2 fields, the header has 3",
    );
    dir.create(
        "rows.jsonl",
        "{\"description\": \"We train PyTorch models.\"}\nnot json\n",
    );
    says(
        &dir,
        &["batch", "rows.jsonl", "-o", "out.csv"],
        1,
        "2행 (파일의 2번째 줄): JSON이 아닙니다 (2번째 글자: expected ident)",
        "row 2 (line 2): not JSON (expected ident at column 2)",
    );
    dir.create("semi.csv", "id;description\n1;We train PyTorch models.\n");
    let (code, stderr) = said(&dir, &["batch", "semi.csv", "-o", "out.csv"], "ko");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.ends_with(
            "열을 지정하세요. 헤더가 세미콜론(;)으로 나뉜 것 같습니다. --delimiter ';' 옵션을 쓰세요\n"
        ),
        "{stderr}"
    );
    let (_, stderr) = said(&dir, &["batch", "semi.csv", "-o", "out.csv"], "en");
    assert!(
        stderr.ends_with("; the header looks separated by semicolons: use --delimiter ';'\n"),
        "{stderr}"
    );
}

#[test]
fn fetch_errors_in_korean() {
    use util::site::{Site, html, redirect};
    let site = Site::start();
    site.serve("/gone-away", wiremock::ResponseTemplate::new(501));
    site.serve("/to-ftp", redirect(302, "ftp://x.example/j.pdf"));
    site.serve("/a", redirect(302, "/b"));
    site.serve("/b", redirect(302, "/a"));
    site.serve("/big", html(format!("<p>{}</p>", "x".repeat(5000))));
    let dir = Dir::new();
    let url = |p: &str| site.url(p);
    let (gone, gone_away) = (url("/gone"), url("/gone-away"));
    says(
        &dir,
        &["analyze", &gone],
        1,
        &format!("{gone}: 서버가 오류로 응답했습니다 (HTTP 404 Not Found)"),
        &format!("{gone}: HTTP 404 Not Found"),
    );
    says(
        &dir,
        &["analyze", &gone_away],
        1,
        &format!("{gone_away}: 서버가 오류로 응답했습니다 (HTTP 501 Not Implemented)"),
        &format!("{gone_away}: HTTP 501 Not Implemented"),
    );
    let to_ftp = url("/to-ftp");
    says(
        &dir,
        &["analyze", &to_ftp],
        1,
        &format!(
            "{to_ftp}: ftp://x.example/j.pdf(으)로 가는 리디렉션을 거부했습니다: http와 https만 따라갑니다"
        ),
        &format!(
            "{to_ftp}: redirect to ftp://x.example/j.pdf refused: only http and https are followed"
        ),
    );
    let (a, b) = (url("/a"), url("/b"));
    says(
        &dir,
        &["analyze", &a],
        1,
        &format!("{a}: 리디렉션이 돌고 돕니다: {b}이(가) 이미 거친 페이지로 되돌려 보냅니다"),
        &format!("{a}: redirect loop: {b} redirects back to a page already visited"),
    );
    let big = url("/big");
    says(
        &dir,
        &["analyze", &big, "--max-bytes", "1000"],
        1,
        &format!("{big}: 페이지가 1000바이트보다 큽니다 (--max-bytes)"),
        &format!("{big}: page is larger than 1000 bytes (--max-bytes)"),
    );
    says(
        &dir,
        &["analyze", "http://127.0.0.1:99999/job"],
        1,
        "http://127.0.0.1:99999/job: 올바른 URL이 아닙니다 (포트 번호가 잘못되었습니다)",
        "http://127.0.0.1:99999/job: not a valid URL (invalid port number)",
    );
    says(
        &dir,
        &["analyze", "ftp://x.example/job"],
        1,
        "ftp://x.example/job: 파일이 아니며, URL은 http://와 https://만 읽을 수 있습니다",
        "ftp://x.example/job: not a file, and only http:// and https:// URLs are supported",
    );
    // The record keeps the English: it is data.
    let json = dir
        .command(["analyze", &gone, "--lang", "ko", "--format", "jsonl"])
        .no_proxy()
        .run();
    assert_eq!(
        json.json_lines()[0]["error"],
        format!("{gone}: HTTP 404 Not Found")
    );
}

#[test]
fn option_and_history_errors_in_korean() {
    let dir = Dir::new();
    dir.create("p.md", "We train PyTorch ranking models.\n");
    dir.create("not-a-folder", "");
    says(
        &dir,
        &["analyze", "p.md", "--strengths", " , "],
        2,
        "--strengths: 주어진 강점이 없습니다",
        "--strengths: no strengths given",
    );
    says(
        &dir,
        &["analyze", "p.md", "--patterns", "not-a-folder"],
        2,
        "not-a-folder: 패턴 파일이 든 폴더가 아닙니다",
        "not-a-folder: not a folder of pattern files",
    );
    let db = dir.path().join("none.db");
    let db = db.to_str().unwrap();
    says(
        &dir,
        &["history", "--db", db],
        2,
        &format!("{db}: 아직 이력이 없습니다. `rolefit batch ... --db`로 실행을 기록하세요"),
        &format!("{db}: no history yet; record runs with `rolefit batch ... --db`"),
    );
    says(
        &dir,
        &["history", "--db", db, "--since", "yesterday"],
        2,
        "--since yesterday: 날짜가 아닙니다. YYYY-MM-DD 형식으로 쓰세요",
        "--since yesterday: not a date; write it as YYYY-MM-DD",
    );
}
