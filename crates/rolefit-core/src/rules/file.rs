//! Reading one pattern file: TOML text, where it came from, and line numbers
//! for the errors in it.

use serde::de::DeserializeOwned;

use super::RulesError;

/// Where a pattern file was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    Folder,
}

/// One pattern file's text and the name it is reported under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The file name inside a pattern folder, e.g. `backend.toml`.
    pub name: String,
    /// How messages name it: `patterns/backend.toml` or the path given.
    pub display: String,
    pub text: String,
    pub origin: Origin,
}

impl SourceFile {
    /// Parses the whole file as `T`, reporting a TOML or schema error with the
    /// line it is on.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, RulesError> {
        toml::from_str(&self.text).map_err(|e| {
            let message = e.message().to_string();
            match e.span() {
                Some(span) => self.error_at(span.start, message),
                None => RulesError::File {
                    file: self.display.clone(),
                    message,
                },
            }
        })
    }

    /// An error for the entry at byte offset `at` of the file.
    pub fn error_at(&self, at: usize, message: impl Into<String>) -> RulesError {
        RulesError::Entry {
            file: self.display.clone(),
            line: self.line_of(at),
            message: message.into(),
        }
    }

    /// Line numbers of many offsets, each found by a binary search.
    pub fn lines(&self) -> Lines {
        let mut starts = vec![0];
        starts.extend(
            self.text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines(starts)
    }

    /// The 1-based line number of byte offset `at`.
    pub fn line_of(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        self.text.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }
}

/// Where each line of a file starts; see [`SourceFile::lines`].
pub struct Lines(Vec<usize>);

impl Lines {
    /// The 1-based line number of byte offset `at`.
    pub fn of(&self, at: usize) -> usize {
        self.0.partition_point(|&s| s <= at)
    }
}
