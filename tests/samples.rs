//! The bundled samples classify as `samples/manifest.csv` says, and the
//! manifest lists every sample.

mod util;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::Value;
use util::{in_repo, repo_root};

/// One row of `samples/manifest.csv` (see `samples/README.md`).
#[derive(Debug, Deserialize)]
struct Row {
    file: String,
    lang: String,
    role: String,
    secondary: String,
}

const ROLES: [&str; 5] = ["modeling", "backend", "frontend", "research", "none"];

fn manifest() -> Vec<Row> {
    let path = repo_root().join("samples/manifest.csv");
    let mut reader =
        csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    reader
        .deserialize()
        .map(|row| row.unwrap_or_else(|e| panic!("manifest.csv: {e}")))
        .collect()
}

/// Every sample in the manifest, analyzed in one run, by file name.
fn records() -> &'static BTreeMap<String, Value> {
    static RECORDS: OnceLock<BTreeMap<String, Value>> = OnceLock::new();
    RECORDS.get_or_init(|| {
        let paths: Vec<String> = manifest()
            .iter()
            .map(|r| format!("samples/{}", r.file))
            .collect();
        let out = in_repo(["analyze", "--format", "jsonl"]).args(&paths).run();
        out.expect_code(0);
        let records = out.json_lines();
        assert_eq!(records.len(), paths.len(), "{out:?}");
        records
            .into_iter()
            .map(|r| {
                let id = r["id"].as_str().expect("a string id");
                let file = id.strip_prefix("samples/").expect("a samples/ id");
                (file.to_string(), r)
            })
            .collect()
    })
}

fn field<'a>(record: &'a Value, name: &str) -> &'a str {
    record[name].as_str().unwrap_or("")
}

#[test]
fn every_sample_classifies_as_the_manifest_says() {
    let records = records();
    let mut mismatches = Vec::new();
    for row in manifest() {
        let Some(r) = records.get(&row.file) else {
            mismatches.push(format!("{}: no record", row.file));
            continue;
        };
        if field(r, "role") != row.role {
            mismatches.push(format!(
                "{}: role: expected {}, got {}",
                row.file,
                row.role,
                field(r, "role")
            ));
        }
        if !row.secondary.is_empty() && field(r, "secondary") != row.secondary {
            mismatches.push(format!(
                "{}: secondary: expected {}, got {}",
                row.file, row.secondary, r["secondary"]
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} samples differ from samples/manifest.csv:\n  {}",
        mismatches.len(),
        records.len(),
        mismatches.join("\n  ")
    );
}

#[test]
fn every_sample_is_read_in_its_manifest_language() {
    let records = records();
    let mismatches: Vec<String> = manifest()
        .iter()
        .filter(|row| field(&records[&row.file], "lang") != row.lang)
        .map(|row| {
            format!(
                "{}: expected {}, got {}",
                row.file, row.lang, records[&row.file]["lang"]
            )
        })
        .collect();
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn every_sample_file_is_in_the_manifest() {
    let listed: BTreeSet<String> = manifest().into_iter().map(|r| r.file).collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(repo_root().join("samples"))
        .expect("read samples/")
        .map(|e| {
            e.expect("a folder entry")
                .file_name()
                .into_string()
                .unwrap()
        })
        .filter(|name| name != "manifest.csv" && name != "README.md")
        .collect();
    let unlisted: Vec<&String> = on_disk.difference(&listed).collect();
    let missing: Vec<&String> = listed.difference(&on_disk).collect();
    assert!(unlisted.is_empty(), "not in manifest.csv: {unlisted:?}");
    assert!(
        missing.is_empty(),
        "in manifest.csv but not in samples/: {missing:?}"
    );
}

#[test]
fn manifest_rows_are_unique_and_use_known_labels() {
    let rows = manifest();
    let mut seen = BTreeSet::new();
    for row in &rows {
        assert!(seen.insert(&row.file), "{} is listed twice", row.file);
        assert!(ROLES.contains(&row.role.as_str()), "{row:?}");
        assert!(
            row.secondary.is_empty()
                || (ROLES[..4].contains(&row.secondary.as_str()) && row.secondary != row.role),
            "{row:?}"
        );
        assert!(row.lang == "en" || row.lang == "ko", "{row:?}");
    }
}
