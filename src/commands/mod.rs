//! One module per subcommand.

pub mod analyze;
pub mod patterns;
pub mod profile;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Context;

use crate::cli::CommonArgs;
use crate::rules::{PatternSet, folder_files};

/// Loads the pattern set a command asked for: a folder, or the built-in set.
pub fn load_patterns(common: &CommonArgs) -> anyhow::Result<PatternSet> {
    load_patterns_from(common.patterns.as_deref())
}

pub fn load_patterns_from(dir: Option<&Path>) -> anyhow::Result<PatternSet> {
    Ok(PatternSet::load(pattern_files(dir)?)?)
}

/// The files of a pattern folder, or the built-in ones.
pub fn pattern_files(dir: Option<&Path>) -> anyhow::Result<Vec<crate::rules::SourceFile>> {
    Ok(match dir {
        Some(dir) => folder_files(dir)?,
        None => crate::rules::builtin_files(),
    })
}

/// Opens the output: a file, or stdout for none or `-`.
pub fn open_output(path: Option<&Path>) -> anyhow::Result<(Box<dyn Write>, bool)> {
    match path {
        Some(p) if p != Path::new("-") => {
            let f = File::create(p).with_context(|| format!("{}: cannot write", p.display()))?;
            Ok((Box::new(BufWriter::new(f)), false))
        }
        _ => {
            use std::io::IsTerminal;
            let tty = io::stdout().is_terminal();
            Ok((Box::new(BufWriter::new(io::stdout().lock())), tty))
        }
    }
}
