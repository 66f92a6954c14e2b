//! The catalogue is whole in both languages, every id the code asks for is
//! in it, and the output code says nothing to a person outside it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::*;

/// Message ids of a `.ftl` file, each with the variables it uses.
fn messages(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in ftl.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let starts_message =
            line.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && line.contains('=');
        if starts_message {
            let id = line.split('=').next().unwrap().trim().to_string();
            assert!(!out.contains_key(&id), "message {id} is defined twice");
            out.insert(id.clone(), BTreeSet::new());
            current = Some(id);
        }
        if let Some(id) = &current {
            let vars = out.get_mut(id).unwrap();
            for part in line.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                vars.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_message_is_in_both_languages_with_the_same_arguments() {
    let en = messages(EN_FTL);
    let ko = messages(KO_FTL);
    let only_en: Vec<&String> = en.keys().filter(|k| !ko.contains_key(*k)).collect();
    let only_ko: Vec<&String> = ko.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing from ko.ftl: {only_en:?}");
    assert!(only_ko.is_empty(), "missing from en.ftl: {only_ko:?}");
    for (id, vars) in &en {
        assert_eq!(
            vars, &ko[id],
            "{id}: the two languages take different arguments"
        );
    }
    assert!(en.len() > 100, "{} messages", en.len());
}

#[test]
fn both_catalogues_parse() {
    for l in Locale::ALL {
        let m = Messages::new(l);
        assert!(m.has("role-modeling"));
        // No Unicode isolation marks around arguments.
        assert!(!tr!(m, "table-fit-more", n = 2).contains('\u{2068}'));
    }
}

#[test]
fn plurals_and_words() {
    let en = Messages::new(Locale::En);
    let ko = Messages::new(Locale::Ko);
    assert_eq!(tr!(en, "progress-errors", n = 1), "1 error");
    assert_eq!(tr!(en, "progress-errors", n = 2), "2 errors");
    assert_eq!(tr!(ko, "progress-errors", n = 2), "오류 2건");
    assert_eq!(en.label(None), "none");
    assert_eq!(ko.label(None), "AI 아님");
    assert_eq!(ko.role(crate::role::Role::Frontend), "프론트엔드");
    assert_eq!(
        ko.section(crate::model::SectionKind::Responsibilities),
        "주요업무"
    );
    assert_eq!(ko.line(12), "12행");
    assert_eq!(en.line(12), "l.12");
    assert_eq!(ko.number(1234567), "1,234,567");
    assert_eq!(
        en.date("2026-12-04T09:00:00Z").as_deref(),
        Some("4 Dec 2026")
    );
    assert_eq!(ko.date("2026-12-04").as_deref(), Some("2026년 12월 4일"));
    assert_eq!(ko.date("yesterday"), None);
    assert_eq!(ko.date("2026-13-01"), None);
    // A message missing from every catalogue shows as its id.
    assert_eq!(en.get("no-such-message"), "no-such-message");
}

#[test]
fn language_comes_from_the_flag_then_rolefit_lang_then_the_locale() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Locale::detect(env(&[])), Ok(Locale::En));
    assert_eq!(
        Locale::detect(env(&[("LANG", "ko_KR.UTF-8")])),
        Ok(Locale::Ko)
    );
    // POSIX order: LC_ALL wins over LANG, and an empty one is skipped.
    assert_eq!(
        Locale::detect(env(&[("LC_ALL", "C"), ("LANG", "ko_KR.UTF-8")])),
        Ok(Locale::En)
    );
    assert_eq!(
        Locale::detect(env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "ko_KR"),
            ("LANG", "en_US")
        ])),
        Ok(Locale::Ko)
    );
    assert_eq!(
        Locale::detect(env(&[("ROLEFIT_LANG", "en"), ("LANG", "ko_KR.UTF-8")])),
        Ok(Locale::En)
    );
    assert_eq!(
        Locale::detect(env(&[("ROLEFIT_LANG", "ko")])),
        Ok(Locale::Ko)
    );
    assert!(Locale::detect(env(&[("ROLEFIT_LANG", "fr")])).is_err());
}

#[test]
fn error_endings_are_the_english_the_code_writes() {
    let en = Messages::new(Locale::En);
    for (english, id) in errors::KNOWN {
        assert!(Messages::new(Locale::Ko).has(id), "{id}");
        // Each part given its own name in braces says the ending back.
        let names = errors::names(english);
        let args: Vec<(&str, FluentValue)> = names
            .iter()
            .map(|&name| (name, format!("{{{name}}}").into()))
            .collect();
        assert_eq!(&en.args(id, &args), english, "{id}");
        let vars = &messages(EN_FTL)[*id];
        assert_eq!(
            vars,
            &names.iter().map(|n| n.to_string()).collect::<BTreeSet<_>>(),
            "{id}: the ending's parts are the message's arguments"
        );
        // A part that matches anything cannot open an ending.
        assert!(
            !english.starts_with('{') || errors::NUMBERS.contains(&names[0]),
            "{english}"
        );
    }
    assert_eq!(
        crate::source::io_message(&std::io::Error::from(std::io::ErrorKind::NotFound)),
        "no such file"
    );
    use crate::extract::ExtractError;
    for (e, id) in [
        (ExtractError::Empty, "err-empty-page"),
        (ExtractError::LoginWall, "err-login-wall"),
        (ExtractError::EmptyRow, "err-empty-row"),
        (ExtractError::EmptyText, "err-empty-text"),
    ] {
        assert_eq!(e.to_string(), en.get(id), "{id}");
    }
    assert_eq!(
        tr!(en, "err-interrupted"),
        crate::batch::run::Interrupted.to_string()
    );
}

/// Messages the code writes, made by the code: each is Korean in Korean
/// (the part that varies kept), and the same in English.
#[test]
fn messages_the_code_writes_are_said_in_korean() {
    use crate::batch::input::{CsvRows, JsonRows};
    use crate::config::ColumnNames;
    let (en, ko) = (Messages::new(Locale::En), Messages::new(Locale::Ko));
    let mut written: Vec<String> = Vec::new();
    written.push(format!("a.bin: {}", crate::decode::DecodeError::Binary));
    written.push(
        crate::profile::Profile::inline(" , ")
            .unwrap_err()
            .to_string(),
    );
    written.push(
        crate::load::folder_files(Path::new("/nonexistent/patterns"))
            .unwrap_err()
            .to_string(),
    );
    let names = ColumnNames {
        text: Some("description".into()),
        ..ColumnNames::default()
    };
    let input = |csv: &'static str| CsvRows::new(csv.as_bytes(), b',', &names, "t.csv");
    for csv in ["", "id;title\n1;x\n"] {
        written.push(input(csv).err().expect(csv).to_string());
    }
    let rows: Vec<_> = input("id,description\n1,a,b\n2,\n").unwrap().collect();
    written.extend(rows.into_iter().filter_map(|r| r.error));
    let rows: Vec<_> = JsonRows::new("not json\n[1]\n".as_bytes(), &names).collect();
    written.extend(rows.into_iter().filter_map(|r| r.error));
    for url in [
        "http://x.example:99999/",
        "http://[::1/",
        "http://1.2.3.999/",
    ] {
        let e = reqwest::Url::parse(url).unwrap_err();
        written.push(format!("{url}: not a valid URL ({e})"));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "").unwrap();
    written.push(
        crate::history::db::open(&file.join("h.db"))
            .unwrap_err()
            .to_string(),
    );
    let cache = crate::batch::cache::Cache::open(&file, 1000);
    written.push(format!("{:#}", cache.expect_err("a cache in a file")));
    #[cfg(unix)]
    for errno in [
        libc::ENOSPC,
        libc::EISDIR,
        libc::ENOTDIR,
        libc::EEXIST,
        libc::EROFS,
        libc::ENOENT,
        libc::EACCES,
    ] {
        let e = std::io::Error::from_raw_os_error(errno);
        written.push(format!("out.csv: cannot write: {e}"));
        written.push(format!(
            "out.csv: cannot write: {}",
            crate::source::io_message(&e)
        ));
    }
    assert!(written.len() > 20, "{written:#?}");
    let hangul = |s: &str| s.chars().any(|c| ('가'..='힣').contains(&c));
    for english in &written {
        assert_eq!(&errors::line(english, en), english);
        let korean = errors::line(english, ko);
        assert!(hangul(&korean), "still English in Korean: {english}");
        // Every part in English is one the message named (a file, a
        // flag, a header) or one the catalogue keeps (HTTP, UTF-8, NUL).
        for word in ["cannot", "file", "not ", "has ", "the ", "no "] {
            let named = [
                "t.csv",
                "a.bin",
                "/nonexistent/patterns",
                "/file",
                "out.csv",
            ];
            let rest = named.iter().fold(korean.clone(), |k, n| k.replace(n, ""));
            assert!(!rest.contains(word), "{english}\n  -> {korean}");
        }
    }
}

// ---- the code asks only for ids that exist, and says nothing outside them

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The string literals of Rust source, in order (comments skipped; raw
/// strings and escapes understood well enough for this code base).
fn literals(code: &str) -> Vec<String> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'\'' => {
                // A char literal ('"', '\'', 'x') or a lifetime ('a).
                if b.get(i + 1) == Some(&b'\\') {
                    i += 4;
                    while i < b.len() && b[i - 1] != b'\'' {
                        i += 1;
                    }
                } else if b.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            b'r' if matches!(b.get(i + 1), Some(b'#') | Some(b'"'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let start = i + 1 + hashes + 1;
                let close = format!("\"{}", "#".repeat(hashes));
                let end = code[start..].find(&close).map_or(b.len(), |e| start + e);
                out.push(code[start..end].to_string());
                i = end + close.len();
            }
            b'"' => {
                let mut s = String::new();
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                        if b.get(i) == Some(&b'\n') {
                            // A continued line: skip the next line's indent.
                            while i + 1 < b.len() && b[i + 1] == b' ' {
                                i += 1;
                            }
                        }
                        s.push(' ');
                        i += 1;
                        continue;
                    }
                    let c = code[i..].chars().next().unwrap();
                    s.push(c);
                    i += c.len_utf8();
                }
                out.push(s);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

#[test]
fn every_id_the_code_asks_for_is_in_both_catalogues() {
    let en = messages(EN_FTL);
    let ko = messages(KO_FTL);
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut asked = 0;
    for f in files.iter().filter(|f| !f.ends_with("i18n/tests.rs")) {
        let code = std::fs::read_to_string(f).unwrap();
        for (i, _) in code.match_indices("tr!(") {
            let before = code[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // include_str!( and the like
            }
            let line_start = code[..i].rfind('\n').map_or(0, |n| n + 1);
            if code[line_start..i].trim_start().starts_with("//") {
                continue; // documentation
            }
            let Some(lit) = literals(&code[i..]).into_iter().next() else {
                continue;
            };
            assert!(
                en.contains_key(&lit),
                "{}: {lit} is not in en.ftl",
                f.display()
            );
            assert!(
                ko.contains_key(&lit),
                "{}: {lit} is not in ko.ftl",
                f.display()
            );
            asked += 1;
        }
    }
    assert!(asked > 100, "{asked}");
}

/// The files that write what people read; every word in them goes through
/// the catalogue.
const OUTPUT_CODE: &[&str] = &[
    "output/table.rs",
    "output/markdown.rs",
    "output/summary.rs",
    "output/html/mod.rs",
    "output/html/row.rs",
    "output/html/summary.rs",
    "output/html/charts.rs",
    "summary/sections.rs",
    "commands/profile.rs",
    "commands/patterns.rs",
];

/// Literals in those files that are not words for people: errors about the
/// machine (a temporary file), and advice sentences that the fit stage
/// writes (issue 13 turns them into typed facts rendered here).
const NOT_FOR_TRANSLATION: &[&str] = &[
    // Rare I/O failures, kept in English like the other "cannot write" ones.
    "cannot create a temporary file for the report's rows",
    // An `expect` message: for developers, never shown in a working build.
    "just made",
    "writing the report's rows to a temporary file",
    "{}: cannot create a temporary file",
    "{}: cannot write",
    "{name}: cannot write",
    "rolefit-report-{}-{}.part",
    "profile.toml",
    "../i18n/profile.ko.toml",
    "report.css",
    "report.js",
    "CARGO_PKG_VERSION",
    // CSS classes.
    "s-{} negated",
    "s-{} deciding",
    // A flag, the same in every language.
    "<p class=\"hint\">{} <code>--format json</code>{}</p>",
];

/// Whether a literal holds words for a person: after markup, format
/// placeholders and entities are removed, a word of three letters or more
/// remains, and the literal is not one token (a CSS class, a data key, an id).
fn has_words(lit: &str) -> bool {
    let mut text = String::new();
    let mut depth_tag = 0;
    let mut depth_brace = 0;
    for c in lit.chars() {
        match c {
            '<' => depth_tag += 1,
            '>' if depth_tag > 0 => depth_tag -= 1,
            '{' => depth_brace += 1,
            '}' if depth_brace > 0 => depth_brace -= 1,
            _ if depth_tag == 0 && depth_brace == 0 => text.push(c),
            _ => {}
        }
    }
    let text = text.replace("&lt;", " ").replace("&gt;", " ");
    let token = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_#.:/%".contains(c))
    };
    if token(text.trim()) {
        return false;
    }
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 3 || !w.is_ascii())
}

#[test]
fn output_code_says_nothing_outside_the_catalogue() {
    let mut found = Vec::new();
    for name in OUTPUT_CODE {
        let path = src().join(name);
        let code = std::fs::read_to_string(&path).unwrap();
        let code = code.split("#[cfg(test)]").next().unwrap();
        for lit in literals(code) {
            if NOT_FOR_TRANSLATION.contains(&lit.as_str()) {
                continue;
            }
            // Ids handed to tr! are tokens and pass; so do markup and CSS.
            if has_words(&lit) {
                found.push(format!("{name}: {lit:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "human-facing text outside src/i18n/*.ftl:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_word_test_catches_words_and_lets_markup_pass() {
    assert!(has_words("missing (required)"));
    assert!(has_words("(untitled)"));
    assert!(has_words("<h2>Postings</h2>"));
    assert!(has_words("경력"));
    assert!(!has_words("r-{name}"));
    assert!(!has_words(r#"<td class="num">{}</td>"#));
    assert!(!has_words("chart-roles"));
    assert!(!has_words(" · "));
    assert!(!has_words("{:>5.2}  {} \"{}\"  {} {}"));
    let lits =
        literals("let a = \"x\\\"y\"; // \"no\"\nlet b = r#\"<b class=\"x\">\"#; let c = '\"';");
    assert_eq!(lits, ["x y", "<b class=\"x\">"]);
}

#[test]
fn every_message_formats_without_errors_given_its_arguments() {
    for (locale, ftl) in [(Locale::En, EN_FTL), (Locale::Ko, KO_FTL)] {
        let bundle = &bundles()[locale.index()];
        for (id, vars) in messages(ftl) {
            let pattern = bundle
                .get_message(&id)
                .and_then(|m| m.value())
                .unwrap_or_else(|| panic!("{id} has no value"));
            for n in [1, 2] {
                let mut args = FluentArgs::new();
                for v in &vars {
                    args.set(v.as_str(), n);
                }
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{}: {id}: {errors:?}", locale.code());
                assert!(!text.trim().is_empty() || id.ends_with("-after"), "{id}");
                assert!(!text.contains('{'), "{}: {id}: {text}", locale.code());
            }
        }
    }
}

#[test]
fn fit_parts_read_in_english_as_the_core_says_them_and_in_korean() {
    use crate::fit::{LevelWhy, PartWhy};
    use crate::role::Role;
    let cases = [
        PartWhy::Skills {
            required: Some(0.25),
            preferred: None,
            word_for_word: vec!["Rust".into()],
        },
        PartWhy::Direction {
            role: Some(Role::Backend),
            role_fit: 1.0,
            skills_same_way: 0.5,
            avoided_role: None,
            avoided_word: Some("crypto".into()),
        },
        PartWhy::Direction {
            role: None,
            role_fit: 0.2,
            skills_same_way: 0.0,
            avoided_role: Some(Role::Research),
            avoided_word: None,
        },
        PartWhy::Level(LevelWhy::NotAsked),
        PartWhy::Level(LevelWhy::Short {
            asks: "5+ years".into(),
            have: 2,
        }),
        PartWhy::Level(LevelWhy::Met {
            asks: "경력 3년 이상".into(),
            have: 4,
        }),
        PartWhy::Level(LevelWhy::StepDown),
    ];
    let (en, ko) = (Messages::new(Locale::En), Messages::new(Locale::Ko));
    for why in &cases {
        assert_eq!(en.part_why(why), why.english());
        let k = ko.part_why(why);
        assert!(k.chars().any(|c| ('가'..='힣').contains(&c)), "{k}");
    }
    assert_eq!(ko.part_why(&cases[4]), "\"5+ years\" 요구, 내 경력 2년");
}

#[test]
fn gates_and_points_off_read_in_english_as_the_core_says_them_and_in_korean() {
    use crate::fit::{GateWhy, PenaltyWhy};
    use crate::profile::DegreeHeld;
    use crate::requirements::{DegreeLevel, LimitKind};
    let gates = [
        GateWhy::Language {
            name: "Korean".into(),
            text: "fluent Korean".into(),
            assumed: false,
        },
        GateWhy::Language {
            name: "Korean".into(),
            text: "the posting is written in Korean".into(),
            assumed: true,
        },
        GateWhy::RemoteOnlyIn {
            places: "EU".into(),
        },
        GateWhy::JobIn {
            places: "Seoul, Pangyo".into(),
        },
        GateWhy::Residency {
            kind: LimitKind::Citizenship,
            text: "US citizens only".into(),
            region: "US".into(),
        },
        GateWhy::Clearance {
            text: "TS/SCI".into(),
        },
        GateWhy::Degree {
            level: DegreeLevel::Doctorate,
            text: "PhD required".into(),
            held: DegreeHeld::Master,
        },
        GateWhy::Years {
            need: 8,
            text: "8+ years".into(),
            have: 3,
        },
    ];
    let penalties = [
        PenaltyWhy::Publications { points: 8.0 },
        PenaltyWhy::Competitions { points: 4.0 },
        PenaltyWhy::Relocate {
            places: "Berlin".into(),
            points: 10.0,
        },
        PenaltyWhy::DegreeUnknown {
            level: DegreeLevel::Master,
            points: 5.0,
        },
    ];
    let (en, ko) = (Messages::new(Locale::En), Messages::new(Locale::Ko));
    let hangul = |s: &str| s.chars().any(|c| ('가'..='힣').contains(&c));
    for g in &gates {
        assert_eq!(en.gate_why(g), g.english());
        assert!(hangul(&ko.gate_why(g)), "{}", ko.gate_why(g));
    }
    for p in &penalties {
        assert_eq!(en.penalty_why(p), p.english());
        assert!(hangul(&ko.penalty_why(p)), "{}", ko.penalty_why(p));
    }
    assert_eq!(
        ko.gate_why(&gates[7]),
        "경력 8년 이상(\"8+ years\")을 요구하는데 내 경력은 3년입니다"
    );
    assert_eq!(
        ko.gate_why(&gates[1]),
        "업무 언어가 한국어(공고의 언어)인데 프로필에 없습니다"
    );
}
