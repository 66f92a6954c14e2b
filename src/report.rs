//! The record every output format writes for one posting: what was read, the
//! role it was given, and why. JSON output is this struct, serialized.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::classify::{Classification, Evidence};
use crate::extract::{Posting, SectionKind};
use crate::fit::Fit;
use crate::requirements::Requirements;
use crate::role::Role;

/// Per-role scores, by name.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Scores {
    pub modeling: f64,
    pub backend: f64,
    pub frontend: f64,
    pub research: f64,
}

impl Scores {
    pub fn get(&self, role: Role) -> f64 {
        match role {
            Role::Modeling => self.modeling,
            Role::Backend => self.backend,
            Role::Frontend => self.frontend,
            Role::Research => self.research,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionSummary {
    pub kind: SectionKind,
    pub heading: Option<String>,
    pub lines: usize,
}

/// One output row: a classified posting, or the error that stopped it.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// The source as given (a URL, a path, `-`, or a batch row's id).
    pub id: String,
    pub source: String,
    /// "ok" or "error".
    pub status: &'static str,
    pub error: Option<String>,
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub date_posted: Option<String>,
    pub employment_type: Option<String>,
    pub lang: Option<&'static str>,
    /// modeling, backend, frontend, research, or none.
    pub role: Option<&'static str>,
    pub secondary: Option<&'static str>,
    pub confidence: Option<f64>,
    pub scores: Option<Scores>,
    pub ai_signal: Option<f64>,
    pub evidence: Vec<Evidence>,
    pub sections: Vec<SectionSummary>,
    /// What the posting asks for (skills, years, degree, evidence).
    pub requirements: Option<Requirements>,
    /// The fit for the user's profile, when one was given.
    pub fit: Option<Fit>,
    /// In a batch: the id of an earlier row with the same text.
    pub duplicate_of: Option<String>,
    /// The text of every line the evidence points to (0 = the title), for
    /// reports that show a hit in its line. Not part of the JSON.
    #[serde(skip)]
    pub lines: BTreeMap<usize, String>,
}

impl Record {
    /// The record of a classified posting.
    pub fn ok(
        id: String,
        source: String,
        posting: &Posting,
        c: Classification,
        requirements: Requirements,
        fit: Option<Fit>,
    ) -> Record {
        let s = c.scores;
        let lines = evidence_lines(posting, &c.evidence);
        Record {
            id,
            source,
            status: "ok",
            error: None,
            title: posting.title.clone(),
            company: posting.company.clone(),
            location: posting.location.clone(),
            date_posted: posting.date_posted.clone(),
            employment_type: posting.employment_type.clone(),
            lang: Some(posting.lang.code()),
            role: Some(c.role.map(Role::name).unwrap_or("none")),
            secondary: c.secondary.map(Role::name),
            confidence: Some(c.confidence),
            scores: Some(Scores {
                modeling: s[0],
                backend: s[1],
                frontend: s[2],
                research: s[3],
            }),
            ai_signal: Some(c.ai_signal),
            evidence: c.evidence,
            sections: posting
                .sections
                .iter()
                .map(|s| SectionSummary {
                    kind: s.kind,
                    heading: s.heading.clone(),
                    lines: s.lines.len(),
                })
                .collect(),
            requirements: Some(requirements),
            fit,
            duplicate_of: None,
            lines,
        }
    }

    /// The record of a source that failed.
    pub fn error(id: String, source: String, error: String) -> Record {
        Record {
            id,
            source,
            status: "error",
            error: Some(error),
            title: None,
            company: None,
            location: None,
            date_posted: None,
            employment_type: None,
            lang: None,
            role: None,
            secondary: None,
            confidence: None,
            scores: None,
            ai_signal: None,
            evidence: Vec::new(),
            sections: Vec::new(),
            requirements: None,
            fit: None,
            duplicate_of: None,
            lines: BTreeMap::new(),
        }
    }

    pub fn is_ok(&self) -> bool {
        self.status == "ok"
    }
}

/// The lines of a posting that evidence points to, by line number.
fn evidence_lines(posting: &Posting, evidence: &[Evidence]) -> BTreeMap<usize, String> {
    let wanted: std::collections::BTreeSet<usize> = evidence.iter().map(|e| e.line).collect();
    let mut lines = BTreeMap::new();
    if wanted.contains(&0)
        && let Some(t) = &posting.title
    {
        lines.insert(0, t.clone());
    }
    for l in posting.sections.iter().flat_map(|s| &s.lines) {
        if l.number != 0 && wanted.contains(&l.number) {
            lines.insert(l.number, l.text.clone());
        }
    }
    lines
}
