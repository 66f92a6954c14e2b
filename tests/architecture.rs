//! The house rules of `ARCHITECTURE.md` that the compiler does not check:
//! the core crate depends on nothing that does I/O or reads the command line,
//! and its code opens no files or sockets.

use std::path::Path;

const CORE: &str = "crates/rolefit-core";
/// Crates the core must never depend on.
const FORBIDDEN_CRATES: [&str; 6] = ["clap", "reqwest", "tokio", "anyhow", "indicatif", "ctrlc"];
/// What would let core code reach the world.
const FORBIDDEN_CODE: [&str; 6] = [
    "std::fs",
    "std::net",
    "std::process",
    "std::env",
    "File::open",
    "File::create",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_core_crate_depends_on_no_io_or_command_line_crate() {
    let manifest = std::fs::read_to_string(root().join(CORE).join("Cargo.toml")).unwrap();
    let doc: toml::Table = manifest.parse().unwrap();
    let deps = doc["dependencies"]
        .as_table()
        .expect("a [dependencies] table");
    assert!(
        deps.contains_key("regex"),
        "read the wrong manifest? {deps:?}"
    );
    for name in FORBIDDEN_CRATES {
        assert!(!deps.contains_key(name), "{CORE} depends on {name}");
    }
}

#[test]
fn the_core_crate_code_touches_no_files_sockets_or_environment() {
    let mut stack = vec![root().join(CORE).join("src")];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                for bad in FORBIDDEN_CODE {
                    assert!(
                        !line.contains(bad),
                        "{}:{}: {bad} in the core crate: {line}",
                        path.display(),
                        n + 1
                    );
                }
            }
        }
    }
    assert!(
        files > 20,
        "found only {files} source files under {CORE}/src"
    );
}
