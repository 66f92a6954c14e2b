//! The stages after extraction, in order: classify, requirements, fit. Shared
//! by `analyze` and `batch` so that a posting gets the same record either way.

use crate::classify::classify;
use crate::extract::{Posting, SectionKind};
use crate::fit::{Strengths, fit};
use crate::report::Record;
use crate::requirements;
use crate::rules::PatternSet;

/// Classifies a posting, reads its requirements and, with strengths, its fit.
pub fn evaluate(
    id: String,
    source: String,
    posting: &Posting,
    set: &PatternSet,
    strengths: Option<&Strengths>,
) -> Record {
    let c = classify(posting, set);
    let req = requirements::extract(posting, set);
    let fit = strengths.map(|s| {
        // The text is read only for strengths no skill was found in.
        let text = if s.has_literal() {
            job_text(posting)
        } else {
            String::new()
        };
        fit(c.role, c.secondary, &text, &req, s)
    });
    Record::ok(id, source, posting, c, req, fit)
}

/// The text of the job's own sections, for matching strengths word for word.
pub fn job_text(posting: &Posting) -> String {
    let mut text = posting.title.clone().unwrap_or_default();
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
