//! Reading the user's own files that configure a run: a pattern folder and a
//! profile. The core crate parses text; this is where the text comes from.

use std::io::Read;
use std::path::Path;

use crate::profile::{Profile, ProfileError};
use crate::rules::{BUILTIN, Origin, RulesError, SourceFile};
use crate::source::io_message;

/// Reads the pattern files of a folder. A file the folder lacks is taken from
/// the built-in set, so a user can override just the file they care about.
pub fn folder_files(dir: &Path) -> Result<Vec<SourceFile>, RulesError> {
    if !dir.is_dir() {
        return Err(RulesError::Dir {
            dir: dir.display().to_string(),
            message: "not a folder of pattern files".to_string(),
        });
    }
    let mut out = Vec::new();
    for (name, text) in BUILTIN {
        let path = dir.join(name);
        let file_error = |message: String| RulesError::File {
            file: path.display().to_string(),
            message,
        };
        // A symlink to nothing is a mistake to report, not a file to skip.
        if std::fs::symlink_metadata(&path).is_ok() && !path.exists() {
            return Err(file_error(
                "a symlink to a file that does not exist".to_string(),
            ));
        }
        if path.exists() {
            let text = read_capped(&path, MAX_PATTERN_FILE).map_err(file_error)?;
            out.push(SourceFile {
                display: path.display().to_string(),
                name: name.to_string(),
                text,
                origin: Origin::Folder,
            });
        } else {
            out.push(SourceFile {
                display: format!("patterns/{name}"),
                name: name.to_string(),
                text: text.to_string(),
                origin: Origin::Builtin,
            });
        }
    }
    Ok(out)
}

/// A pattern file larger than this is refused (the largest built-in one,
/// skills.toml, is about 115 KB).
pub const MAX_PATTERN_FILE: u64 = 4 * 1024 * 1024;

/// A profile larger than this is refused (a long one is a few KB).
pub const MAX_PROFILE: u64 = 1024 * 1024;

/// Reads a profile file.
pub fn profile(path: &Path) -> Result<Profile, ProfileError> {
    let file = path.display().to_string();
    let text = read_capped(path, MAX_PROFILE).map_err(|message| ProfileError::File {
        file: file.clone(),
        message,
    })?;
    Profile::parse(&text, &file)
}

/// A configuration file as UTF-8, refused past `max` bytes, however it is
/// fed (`/dev/zero`, a FIFO, `<(cmd)`): at most `max + 1` bytes are read.
fn read_capped(path: &Path, max: u64) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| io_message(&e))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err("is a folder, not a file".to_string());
    }
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > max {
        return Err(format!("over the {} KiB limit for this file", max / 1024));
    }
    String::from_utf8(bytes).map_err(|_| "stream did not contain valid UTF-8".to_string())
}

/// What `patterns check DIR` reports besides errors in the files: files that
/// look like pattern files but are not ones rolefit reads (a misspelt
/// `modelling.toml` would otherwise be ignored in silence).
pub fn unknown_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") && !BUILTIN.iter().any(|(b, _)| b == n))
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|n| {
            let path = dir.join(&n).display().to_string();
            match BUILTIN
                .iter()
                .map(|(b, _)| *b)
                .find(|b| edit_distance(b, &n) <= 2)
            {
                Some(near) => {
                    format!("{path}: not a pattern file rolefit reads (did you mean {near}?)")
                }
                None => format!("{path}: not a pattern file rolefit reads"),
            }
        })
        .collect()
}

/// Levenshtein distance, for "did you mean".
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
