//! Pattern files: the bundled set parses and compiles, `patterns list` shows
//! it, a folder can override one file, and every kind of mistake in a file is
//! reported as `rolefit: <file>:<line>: <message>` with exit code 2.

mod util;

use std::collections::BTreeMap;

use util::{Dir, Output, in_repo, repo_root};

const ROLE_FILES: [&str; 4] = ["modeling", "backend", "frontend", "research"];

/// A backend.toml with one entry whose `regex` line (line 5) is `regex_line`.
fn backend_toml_with(regex_line: &str) -> String {
    format!("role = \"backend\"\n\n[[pattern]]\nname = \"broken\"\n{regex_line}\nweight = 1.0\n")
}

/// Runs `patterns check pats` on a folder holding only `file` = `text`.
fn check_folder_with(file: &str, text: &str) -> Output {
    let dir = Dir::new();
    dir.create(&format!("pats/{file}"), text);
    dir.command(["patterns", "check", "pats"]).run()
}

/// Asserts a pattern error: exit 2, nothing on stdout, and one stderr line
/// `rolefit: <location>: <message>`; returns the message.
#[track_caller]
fn expect_pattern_error(out: &Output, location: &str) -> String {
    out.expect_code(2);
    assert_eq!(out.stdout, "", "{out:?}");
    let prefix = format!("rolefit: {location}: ");
    assert!(
        out.stderr.starts_with(&prefix),
        "stderr should start with {prefix:?}\n{out:?}"
    );
    assert!(out.stderr.ends_with('\n'), "{out:?}");
    assert_eq!(out.stderr.lines().count(), 1, "not one line:\n{out:?}");
    let message = out.stderr[prefix.len()..].trim_end().to_string();
    assert!(!message.is_empty(), "{out:?}");
    message
}

// ---- the bundled set -------------------------------------------------------

#[test]
fn check_on_the_builtin_set_prints_one_ok_line() {
    let out = in_repo(["patterns", "check"]).run();
    let stdout = out.success();
    assert!(stdout.starts_with("built-in patterns: ok ("), "{stdout:?}");
    assert_eq!(stdout.lines().count(), 1, "{stdout:?}");
    assert_eq!(out.stderr, "");
}

#[test]
fn bundled_pattern_files_check_ok_from_a_folder() {
    // Read from disk, not from the copy compiled into the binary: every file
    // in patterns/ parses and every regex in it compiles.
    let dir = Dir::new();
    dir.copy_repo_dir("patterns", "pats");
    let from_folder = dir.command(["patterns", "check", "pats"]).run();
    let builtin = in_repo(["patterns", "check"]).run();
    let counts = builtin
        .success()
        .strip_prefix("built-in patterns: ok ")
        .expect("an ok line")
        .to_string();
    assert_eq!(from_folder.success(), format!("pats: ok {counts}"));
}

#[test]
fn list_prints_every_pattern_of_every_role_file() {
    let out = in_repo(["patterns", "list"]).run();
    let listed = sections_of(out.success());
    for role in ROLE_FILES {
        let file = format!("patterns/{role}.toml");
        let names = pattern_names(&repo_root().join(&file));
        let lines = listed
            .get(role)
            .unwrap_or_else(|| panic!("no `# {role}` section in the listing"));
        assert_eq!(
            lines.len(),
            names.len(),
            "{file} has {} patterns, the listing shows {}:\n{}",
            names.len(),
            lines.len(),
            lines.join("\n")
        );
        for (name, line) in names.iter().zip(lines) {
            assert!(
                line.contains(name.as_str()) && line.contains(&format!("{file}:")),
                "expected pattern {name:?} from {file}, got {line:?}"
            );
        }
    }
}

/// The listing's sections, by title (`# modeling` -> "modeling"), each a list
/// of its non-empty lines.
fn sections_of(listing: &str) -> BTreeMap<String, Vec<String>> {
    let mut sections: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current = None;
    for line in listing.lines() {
        if let Some(title) = line.strip_prefix("# ") {
            current = Some(title.to_string());
            sections.entry(title.to_string()).or_default();
        } else if !line.trim().is_empty() {
            let title = current.clone().expect("a pattern line before any title");
            sections.get_mut(&title).unwrap().push(line.to_string());
        }
    }
    sections
}

/// The names `patterns list` shows for a role file's entries, in file order:
/// `name`, or else the first keyword, or else the regex.
fn pattern_names(path: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("read a pattern file");
    let table: toml::Table = toml::from_str(&text).expect("a TOML pattern file");
    let entries = table["pattern"].as_array().expect("[[pattern]] entries");
    entries
        .iter()
        .map(|e| {
            let name = e.get("name").and_then(|n| n.as_str());
            let keyword = e
                .get("keywords")
                .and_then(|k| k.as_array())
                .and_then(|k| k.first())
                .and_then(|k| k.as_str());
            let regex = e.get("regex").and_then(|r| r.as_str());
            name.or(keyword)
                .or(regex)
                .expect("an entry with a name, keywords or regex")
                .to_string()
        })
        .collect()
}

// ---- overriding files from a folder ----------------------------------------

/// A frontend.toml with one pattern heavy enough to win on any posting that
/// mentions learning-to-rank.
const HEAVY_FRONTEND: &str = "\
role = \"frontend\"

[[pattern]]
name = \"ranking UI\"
keywords = [\"learning-to-rank\"]
weight = 100.0
";

#[test]
fn a_folder_with_one_file_takes_the_others_from_the_builtin_set() {
    let dir = Dir::new();
    dir.create("pats/frontend.toml", HEAVY_FRONTEND);
    let out = dir
        .command(["patterns", "list", "--patterns", "pats"])
        .run();
    let listed = sections_of(out.success());
    assert_eq!(listed["frontend"].len(), 1, "{:?}", listed["frontend"]);
    assert!(
        listed["frontend"][0].contains("ranking UI")
            && listed["frontend"][0].contains("pats/frontend.toml:5"),
        "{:?}",
        listed["frontend"]
    );
    for role in ["modeling", "backend", "research"] {
        assert!(!listed[role].is_empty(), "no {role} patterns");
        for line in &listed[role] {
            assert!(
                line.contains(&format!("patterns/{role}.toml:")),
                "{role} should come from the built-in set: {line:?}"
            );
        }
    }
}

#[test]
fn a_heavy_frontend_pattern_in_a_folder_changes_the_classification() {
    let sample = util::repo_root().join("samples/en-ml-engineer-ranking.md");
    let sample = sample.to_str().expect("a UTF-8 path");
    let dir = Dir::new();
    let role_with = |extra: &[&str]| {
        let mut args = vec!["analyze", sample, "--format", "jsonl"];
        args.extend_from_slice(extra);
        let out = dir.command(args).run();
        out.expect_code(0);
        out.json_lines()[0]["role"].as_str().unwrap().to_string()
    };
    assert_ne!(
        role_with(&[]),
        "frontend",
        "pick a sample that is not frontend"
    );
    dir.create("pats/frontend.toml", HEAVY_FRONTEND);
    assert_eq!(role_with(&["--patterns", "pats"]), "frontend");
}

#[test]
fn a_missing_pattern_folder_is_a_usage_error() {
    let dir = Dir::new();
    let out = dir.command(["analyze", "--patterns", "nope", "x.md"]).run();
    out.expect_code(2);
    assert_eq!(out.stderr, "rolefit: nope: not a folder of pattern files\n");
}

// ---- mistakes in a pattern file ----------------------------------------------

#[test]
fn bad_regex_names_file_and_line_in_one_line() {
    let out = check_folder_with("backend.toml", &backend_toml_with("regex = '(unclosed'"));
    let message = expect_pattern_error(&out, "pats/backend.toml:5");
    assert!(message.contains("unclosed group"), "{message}");
}

#[test]
fn bad_regex_stops_analyze_before_any_source_is_read() {
    let dir = Dir::new();
    dir.create(
        "pats/backend.toml",
        backend_toml_with("regex = '(unclosed'"),
    );
    let sample = repo_root().join("samples/en-ml-engineer-ranking.md");
    let out = dir
        .command(["analyze", "--patterns", "pats"])
        .arg(sample)
        .run();
    expect_pattern_error(&out, "pats/backend.toml:5");
}

#[test]
fn unknown_key_in_an_entry_names_file_and_line() {
    let text = "role = \"backend\"\n\n[[pattern]]\nname = \"x\"\nkeywords = [\"gRPC\"]\ncolour = \"red\"\nweight = 1.0\n";
    let out = check_folder_with("backend.toml", text);
    let message = expect_pattern_error(&out, "pats/backend.toml:6");
    assert!(message.contains("colour"), "{message}");
}

#[test]
fn unknown_top_level_key_names_file_and_line() {
    let out = check_folder_with("backend.toml", "role = \"backend\"\nextra = 1\n");
    let message = expect_pattern_error(&out, "pats/backend.toml:2");
    assert!(message.contains("extra"), "{message}");
}

#[test]
fn weight_of_the_wrong_type_names_file_and_line() {
    let text = "role = \"backend\"\n\n[[pattern]]\nname = \"x\"\nkeywords = [\"gRPC\"]\nweight = \"high\"\n";
    let out = check_folder_with("backend.toml", text);
    let message = expect_pattern_error(&out, "pats/backend.toml:6");
    assert!(message.contains("\"high\""), "{message}");
}

#[test]
fn an_entry_without_keywords_or_regex_names_file_and_line() {
    let text = "role = \"backend\"\n\n[[pattern]]\nname = \"x\"\nweight = 1.0\n";
    let out = check_folder_with("backend.toml", text);
    let message = expect_pattern_error(&out, "pats/backend.toml:3");
    assert!(
        message.contains("keywords") && message.contains("regex"),
        "{message}"
    );
}

#[test]
fn a_file_for_another_role_is_refused() {
    let text = HEAVY_FRONTEND;
    let out = check_folder_with("backend.toml", text);
    let message = expect_pattern_error(&out, "pats/backend.toml:1");
    assert!(message.contains("role = \"backend\""), "{message}");
}

#[test]
fn a_regex_over_the_size_limit_is_an_error_not_a_hang() {
    // Compiled naively this is a million-state program; the limit must stop
    // it at compile time (the helper kills a run that hangs).
    let out = check_folder_with(
        "backend.toml",
        &backend_toml_with(r"regex = '\w{1000}{1000}'"),
    );
    let message = expect_pattern_error(&out, "pats/backend.toml:5");
    assert!(message.contains("size limit"), "{message}");
}

#[test]
fn bad_heading_regex_in_sections_toml_names_file_and_line() {
    let text = "[weights]\ntitle = 2.0\n\n[[kind]]\nkind = \"requirements\"\nheadings = [\n  '^requirements$',\n  '^(broken$',\n]\n";
    let out = check_folder_with("sections.toml", text);
    let message = expect_pattern_error(&out, "pats/sections.toml:8");
    assert!(message.contains("unclosed group"), "{message}");
}

#[test]
fn unknown_section_kind_names_file_and_line() {
    let out = check_folder_with("sections.toml", "[weights]\ntitle = 2.0\nfooter = 1.0\n");
    let message = expect_pattern_error(&out, "pats/sections.toml:3");
    assert!(message.contains("footer"), "{message}");
}

#[test]
fn bad_clause_split_in_negation_toml_is_reported_like_other_regexes() {
    let text = "clause_split = '(oops'\n";
    let out = check_folder_with("negation.toml", text);
    let message = expect_pattern_error(&out, "pats/negation.toml:1");
    assert!(message.contains("unclosed group"), "{message}");
    // The caret diagram and its padding make no sense on one line.
    assert!(!message.contains('^'), "{message}");
    assert!(!message.contains("  "), "{message}");
}

/// The model's feature scales are read from `model.toml`: one out of range
/// (a scale not above 0, a negative length scale) is refused with its line; a changed one changes the confidence
/// (an older `model.toml` without them classifies with the defaults).
#[test]
fn model_feature_scales_are_checked_and_read() {
    let builtin = std::fs::read_to_string(repo_root().join("patterns/model.toml")).unwrap();
    // Each out-of-range value is refused with its own line.
    let refused = |field: &str, from: &str, to: &str| {
        let line = builtin.lines().position(|l| l.starts_with(field)).unwrap() + 1;
        let out = check_folder_with("model.toml", &builtin.replace(from, to));
        let message = expect_pattern_error(&out, &format!("pats/model.toml:{line}"));
        assert!(message.contains(field), "{message}");
    };
    refused(
        "role_work_scale",
        "role_work_scale = 6.0",
        "role_work_scale = 0.0",
    );
    refused("length_scale", "length_scale = 10.0", "length_scale = -1.0");

    let confidence = |model: &str| {
        let dir = Dir::new();
        dir.create("pats/model.toml", model);
        let sample = repo_root().join("samples/ko-hard-recsys-hybrid-model-serving.md");
        dir.create("job.md", std::fs::read_to_string(sample).unwrap());
        let out = dir
            .command([
                "analyze",
                "--patterns",
                "pats",
                "job.md",
                "--format",
                "jsonl",
            ])
            .run();
        out.expect_code(0);
        let v: serde_json::Value = serde_json::from_str(out.stdout.trim()).unwrap();
        v["confidence"].as_f64().unwrap()
    };
    let default = confidence(&builtin);
    let without = builtin
        .lines()
        .filter(|l| !l.starts_with("ai_work_scale") && !l.starts_with("role_work_scale"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(confidence(&without), default);
    let wide = builtin.replace("role_work_scale = 6.0", "role_work_scale = 60.0");
    assert_ne!(confidence(&wide), default);
    let undamped = builtin.replace("length_scale = 10.0", "length_scale = 0.0");
    assert_ne!(confidence(&undamped), default);
}
