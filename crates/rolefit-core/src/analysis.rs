//! The stages after extraction, in order: classify, requirements, fit. Shared
//! by `analyze` and `batch` so that a posting gets the same analysis either way.

use crate::classify::{Classification, classify};
use crate::fit::{Fit, Strengths, fit};
use crate::model::{Posting, SectionKind};
use crate::requirements::{self, Requirements};
use crate::rules::PatternSet;

/// Everything rolefit reads from one posting.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub posting: Posting,
    pub classification: Classification,
    pub requirements: Requirements,
    /// The fit for the user's strengths, when some were given.
    pub fit: Option<Fit>,
}

/// Classifies a posting, reads its requirements and, with strengths, its fit.
pub fn analyze(posting: Posting, set: &PatternSet, strengths: Option<&Strengths>) -> Analysis {
    let c = classify(&posting, set);
    let req = requirements::extract(&posting, set);
    let fit = strengths.map(|s| {
        // The text is read only for strengths no skill was found in, and
        // for words the user avoids.
        let text = if s.has_literal() || !s.person.avoid_words.is_empty() {
            job_text(&posting)
        } else {
            String::new()
        };
        fit(
            c.role,
            c.secondary,
            &text,
            &req,
            s,
            &set.fit,
            &set.requirements,
        )
    });
    Analysis {
        posting,
        classification: c,
        requirements: req,
        fit,
    }
}

/// The text of the job's own sections, for matching strengths word for word.
pub fn job_text(posting: &Posting) -> String {
    let mut text = posting.meta.title.clone().unwrap_or_default();
    for s in &posting.sections {
        if matches!(
            s.kind,
            SectionKind::About | SectionKind::Benefits | SectionKind::Process
        ) {
            continue;
        }
        for l in &s.lines {
            text.push('\n');
            text.push_str(&l.text);
        }
    }
    text
}
