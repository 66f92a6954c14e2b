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
