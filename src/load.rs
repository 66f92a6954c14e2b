//! Reading the user's own files that configure a run: a pattern folder and a
//! profile. The core crate parses text; this is where the text comes from.

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
        if path.exists() {
            let text = std::fs::read_to_string(&path).map_err(|e| RulesError::File {
                file: path.display().to_string(),
                message: e.to_string(),
            })?;
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

/// Reads a profile file.
pub fn profile(path: &Path) -> Result<Profile, ProfileError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ProfileError::File {
        file: file.clone(),
        message: io_message(&e),
    })?;
    Profile::parse(&text, &file)
}
