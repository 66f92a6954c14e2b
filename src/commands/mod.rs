//! One module per subcommand.

pub mod analyze;
pub mod patterns;
pub mod profile;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::cli::CommonArgs;
use crate::load::folder_files;
use crate::rules::PatternSet;

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
            let f = File::create(p).map_err(write_error(path))?;
            Ok((Box::new(BufWriter::new(f)), false))
        }
        _ => {
            use std::io::IsTerminal;
            let tty = io::stdout().is_terminal();
            Ok((Box::new(BufWriter::new(io::stdout().lock())), tty))
        }
    }
}

/// A failure to write the output as a one-line error naming it ("out.csv:
/// cannot write: No space left on device"). A closed pipe stays the I/O
/// error it is, so that it still ends the run quietly.
pub fn write_error(path: Option<&Path>) -> impl Fn(io::Error) -> anyhow::Error + '_ {
    move |e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return e.into();
        }
        let name = match path {
            Some(p) if p != Path::new("-") => p.display().to_string(),
            _ => "<stdout>".to_string(),
        };
        anyhow::anyhow!("{name}: cannot write: {}", crate::source::io_message(&e))
    }
}
