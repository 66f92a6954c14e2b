//! Pattern files: loading `patterns/*.toml` (built in, or from a folder) and
//! compiling them into matchers.
//!
//! Every regex error is reported as `patterns/backend.toml:12: <regex message>`,
//! so a user editing a file is pointed at the line that is wrong.

mod doc;
mod file;
mod gate;
mod keywords;
mod matcher;
pub mod phrases;
pub mod salary;
mod set;
pub mod skills;
pub mod weights;

pub use doc::Doc;
pub use file::{Origin, SourceFile};
pub use matcher::{Entry, Hit, Matcher, PatternInfo, keyword_regex, one_line, user_regex};
pub use set::{
    HeaderNames, Negation, PatternSet, RolePatterns, SectionRules, SentenceKind, Thresholds,
    WithCues,
};

use crate::model::SectionKind;

/// Errors in a pattern folder; each names the file and, where known, the line.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{file}:{line}: {message}")]
    Entry {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{dir}: {message}")]
    Dir { dir: String, message: String },
}

/// The files a pattern set is made of, in the order they are read.
pub const FILES: [&str; 13] = [
    "modeling.toml",
    "backend.toml",
    "frontend.toml",
    "research.toml",
    "none.toml",
    "negation.toml",
    "sections.toml",
    "skills.toml",
    "columns.toml",
    "requirements.toml",
    "fit.toml",
    "salary.toml",
    "model.toml",
];

/// The bundled pattern files, compiled into the binary.
pub const BUILTIN: [(&str, &str); 13] = [
    (
        "modeling.toml",
        include_str!("../../../../patterns/modeling.toml"),
    ),
    (
        "backend.toml",
        include_str!("../../../../patterns/backend.toml"),
    ),
    (
        "frontend.toml",
        include_str!("../../../../patterns/frontend.toml"),
    ),
    (
        "research.toml",
        include_str!("../../../../patterns/research.toml"),
    ),
    ("none.toml", include_str!("../../../../patterns/none.toml")),
    (
        "negation.toml",
        include_str!("../../../../patterns/negation.toml"),
    ),
    (
        "sections.toml",
        include_str!("../../../../patterns/sections.toml"),
    ),
    (
        "skills.toml",
        include_str!("../../../../patterns/skills.toml"),
    ),
    (
        "columns.toml",
        include_str!("../../../../patterns/columns.toml"),
    ),
    (
        "requirements.toml",
        include_str!("../../../../patterns/requirements.toml"),
    ),
    ("fit.toml", include_str!("../../../../patterns/fit.toml")),
    (
        "salary.toml",
        include_str!("../../../../patterns/salary.toml"),
    ),
    (
        "model.toml",
        include_str!("../../../../patterns/model.toml"),
    ),
];

/// Where a pattern set came from, for messages and `patterns list`.
pub fn builtin_files() -> Vec<SourceFile> {
    BUILTIN
        .iter()
        .map(|(name, text)| SourceFile {
            display: format!("patterns/{name}"),
            name: (*name).to_string(),
            text: (*text).to_string(),
            origin: Origin::Builtin,
        })
        .collect()
}

/// How much a hit counts depending on the section it occurs in.
#[derive(Debug, Clone)]
pub struct SectionWeights(pub Vec<(SectionKind, f64)>);

impl SectionWeights {
    pub fn get(&self, kind: SectionKind) -> f64 {
        self.0
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, w)| *w)
            .unwrap_or(0.5)
    }
}
