//! The record every output format writes for one posting: what was read, the
//! role it was given, and why. JSON output is this struct, serialized; it is
//! built at the output edge from the core's typed [`Analysis`].

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::classify::{Evidence, Lead};
use crate::fit::Fit;
use crate::model::{Lang, Posting, PostingMeta, SectionKind};
use crate::requirements::Requirements;
use crate::role::{Label, Role};

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

/// The second most likely label, when it is close to the first.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Alternative {
    pub role: Label,
    pub probability: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionSummary {
    pub kind: SectionKind,
    pub heading: Option<String>,
    pub lines: usize,
}

/// Whether a source was read and classified, or failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Error,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Error => "error",
        }
    }
}

/// One output row: a classified posting, or the error that stopped it. The
/// serde view of an [`Analysis`] that every output format writes.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// The source as given (a URL, a path, `-`, or a batch row's id).
    pub id: String,
    pub source: String,
    pub status: Status,
    pub error: Option<String>,
    /// The HTTP status of a page that could not be fetched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    #[serde(flatten)]
    pub meta: PostingMeta,
    pub lang: Option<Lang>,
    /// modeling, backend, frontend, research, or none.
    pub role: Option<Label>,
    pub secondary: Option<Role>,
    /// The probability of `role` (calibrated on labeled postings).
    pub confidence: Option<f64>,
    /// The second most likely label when its probability is close.
    pub alternative: Option<Alternative>,
    /// The role the title alone suggests (`none`: a non-AI job title).
    pub title_role: Option<Label>,
    /// True when `title_role` differs from `role`.
    pub title_differs: bool,
    pub scores: Option<Scores>,
    pub ai_signal: Option<f64>,
    /// Why `role` beat the runner-up, in log-odds and its parts.
    pub lead: Option<Lead>,
    pub evidence: Vec<Evidence>,
    pub sections: Vec<SectionSummary>,
    /// What the posting asks for (skills, years, degree, evidence).
    pub requirements: Option<Requirements>,
    /// The fit for the user's profile, when one was given.
    pub fit: Option<Fit>,
    /// In a batch: the id of an earlier row with the same text.
    pub duplicate_of: Option<String>,
    /// With `--db`: what the history made of the posting (new, reposted,
    /// changed, seen).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seen: Option<Seen>,
    /// Who the posting is, for the history (`--db`): fingerprints and text.
    /// Set by [`Record::identified`], only when a history is kept.
    #[serde(skip)]
    pub identity: Option<rolefit_core::identity::Identity>,
    /// The text of every line the evidence points to (0 = the title), for
    /// reports that show a hit in its line. Not part of the JSON.
    #[serde(skip)]
    pub lines: BTreeMap<usize, String>,
}

/// `s` with every URL's `user:password@` replaced by `***@`.
fn redacted(s: String) -> String {
    match crate::fetch::redact_all(&s) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(r) => r,
    }
}

impl Record {
    /// The record of an analysed posting, which it takes apart. A password
    /// in a URL is never kept (issue 14). With `identify`, it carries the
    /// identity the history (`--db`) recognises the posting by: fingerprints
    /// of its text, worth computing only then.
    pub fn ok(id: String, source: String, a: Analysis, identify: bool) -> Record {
        let (id, source) = (redacted(id), redacted(source));
        let Analysis {
            posting,
            classification: c,
            requirements,
            fit,
        } = a;
        let s = c.scores;
        let identity = identify.then(|| rolefit_core::identity::Identity::of(&posting));
        let lines = evidence_lines(&posting, &c.evidence);
        Record {
            id,
            source,
            status: Status::Ok,
            error: None,
            http_status: None,
            lang: Some(posting.lang),
            role: Some(Label(c.role)),
            secondary: c.secondary,
            confidence: Some(c.confidence),
            alternative: c
                .alternative
                .map(|(role, probability)| Alternative { role, probability }),
            title_role: c.title_role,
            title_differs: c.title_differs(),
            scores: Some(Scores {
                modeling: s[0],
                backend: s[1],
                frontend: s[2],
                research: s[3],
            }),
            ai_signal: Some(c.ai_signal),
            lead: Some(c.lead),
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
            seen: None,
            identity,
            lines,
            evidence: c.evidence,
            meta: posting.meta,
        }
    }

    /// The record of a source that failed.
    pub fn error(id: String, source: String, error: String) -> Record {
        Record {
            id: redacted(id),
            source: redacted(source),
            status: Status::Error,
            error: Some(redacted(error)),
            http_status: None,
            meta: PostingMeta::default(),
            lang: None,
            role: None,
            secondary: None,
            confidence: None,
            alternative: None,
            title_role: None,
            title_differs: false,
            scores: None,
            ai_signal: None,
            lead: None,
            evidence: Vec::new(),
            sections: Vec::new(),
            requirements: None,
            fit: None,
            duplicate_of: None,
            seen: None,
            identity: None,
            lines: BTreeMap::new(),
        }
    }

    pub fn is_ok(&self) -> bool {
        self.status == Status::Ok
    }

    /// The role's name for people and tables: `none` also for a failed row.
    pub fn role_name(&self) -> &'static str {
        self.role.map_or("none", Label::name)
    }

    /// The AI role, if the posting was classified as one.
    pub fn ai_role(&self) -> Option<Role> {
        self.role.and_then(|l| l.0)
    }

    /// The probability of each label: the four roles in [`Role::ALL`] order,
    /// then none (`None`). They add up to 1, give or take rounding.
    pub fn label_probabilities(&self) -> Option<[(Option<Role>, f64); 5]> {
        let s = self.scores.as_ref()?;
        let none = 1.0 - self.ai_signal?;
        let [a, b, c, d] = Role::ALL;
        Some([
            (Some(a), s.get(a)),
            (Some(b), s.get(b)),
            (Some(c), s.get(c)),
            (Some(d), s.get(d)),
            (None, rolefit_core::text::round2(none)),
        ])
    }
}

/// The lines of a posting that evidence points to, by line number.
fn evidence_lines(posting: &Posting, evidence: &[Evidence]) -> BTreeMap<usize, String> {
    let wanted: std::collections::BTreeSet<usize> = evidence.iter().map(|e| e.line).collect();
    let mut lines = BTreeMap::new();
    if wanted.contains(&0)
        && let Some(t) = &posting.meta.title
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

/// What the history made of a posting when a run saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Seen {
    /// Never seen before.
    New,
    /// Seen before, gone (closed) since, and listed again.
    Reposted,
    /// Seen before, and its duties or requirements read differently now.
    Changed,
    /// Seen before, unchanged.
    Seen,
}

impl Seen {
    pub fn name(self) -> &'static str {
        match self {
            Seen::New => "new",
            Seen::Reposted => "reposted",
            Seen::Changed => "changed",
            Seen::Seen => "seen",
        }
    }

    pub(crate) fn parse(s: &str) -> Seen {
        match s {
            "new" => Seen::New,
            "reposted" => Seen::Reposted,
            "changed" => Seen::Changed,
            _ => Seen::Seen,
        }
    }

    /// What `--new-only` keeps: postings new to the history, or back after
    /// they were gone.
    pub fn is_news(self) -> bool {
        matches!(self, Seen::New | Seen::Reposted)
    }
}
