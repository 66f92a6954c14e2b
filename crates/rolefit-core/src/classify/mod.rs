//! Classification: role scores from weighted pattern hits, with evidence.
//!
//! Every hit counts its pattern's weight times the weight of the section it is
//! in (`patterns/sections.toml`): the job's own sections count most, the company
//! blurb and benefits little. Repeated hits of one pattern decay. A hit in a
//! clause with a negation cue ("no PhD required", "필요하지 않습니다") does not
//! count. A posting is "none" when its own sections carry too little AI signal,
//! or when a non-AI job function (sales, recruiting) outweighs every role.

mod split;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::extract::{Posting, SectionKind};
use crate::role::Role;
use crate::rules::{Doc, Hit, Matcher, PatternSet};

/// What a piece of evidence speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Signal {
    Modeling,
    Backend,
    Frontend,
    Research,
    /// AI work in general, no role in particular.
    Ai,
    /// A non-AI job function such as sales or recruiting.
    Function,
}

impl Signal {
    fn of(role: Role) -> Signal {
        match role {
            Role::Modeling => Signal::Modeling,
            Role::Backend => Signal::Backend,
            Role::Frontend => Signal::Frontend,
            Role::Research => Signal::Research,
        }
    }

    pub fn role(self) -> Option<Role> {
        match self {
            Signal::Modeling => Some(Role::Modeling),
            Signal::Backend => Some(Role::Backend),
            Signal::Frontend => Some(Role::Frontend),
            Signal::Research => Some(Role::Research),
            Signal::Ai | Signal::Function => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Signal::Ai => "ai",
            Signal::Function => "function",
            other => other.role().map(Role::name).unwrap_or(""),
        }
    }
}

/// One pattern hit: which pattern, what it matched, where, and what it counted.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub signal: Signal,
    pub pattern: String,
    #[serde(rename = "match")]
    pub matched: String,
    pub section: SectionKind,
    pub line: usize,
    /// What the hit added to the score, after section weight and repeat decay.
    pub weight: f64,
    /// True when a negation cue in the same clause cancelled the hit.
    pub negated: bool,
    /// True when the hit is AI work (not a generic skill such as React or Kafka).
    pub ai: bool,
    /// The pattern's place in the pattern files, e.g. `patterns/backend.toml:40`.
    pub origin: String,
}

/// The outcome of classifying one posting.
#[derive(Debug, Clone, Serialize)]
pub struct Classification {
    /// The primary role, or `None` for a posting with no AI work.
    pub role: Option<Role>,
    pub secondary: Option<Role>,
    pub confidence: f64,
    /// Per-role scores, indexed by [`Role::index`].
    pub scores: [f64; 4],
    /// AI signal in the job's own sections (role-specific and general AI hits).
    pub ai_signal: f64,
    /// Score of non-AI job functions.
    pub function_score: f64,
    /// Every hit, strongest first.
    pub evidence: Vec<Evidence>,
}

impl Classification {
    pub fn score(&self, role: Role) -> f64 {
        self.scores[role.index()]
    }
}

/// The most hits of one pattern kept as evidence per kind of section: the
/// 64th repeat counts 2^-63 of the first, nothing after rounding.
const MAX_REPEATS: u32 = 64;

/// Which matchers a hit list belongs to.
#[derive(Clone, Copy)]
enum Source {
    Role(Role),
    Ai,
    Function,
}

/// Sections whose AI vocabulary says what the job is (for the AI gate). AI
/// that is only preferred ("ML experience is a plus") does not make the job AI
/// work, and neither does the company blurb.
fn is_job_section(kind: SectionKind) -> bool {
    matches!(
        kind,
        SectionKind::Title
            | SectionKind::Responsibilities
            | SectionKind::Requirements
            | SectionKind::Other
    )
}

/// Classifies a posting with a pattern set.
pub fn classify(posting: &Posting, set: &PatternSet) -> Classification {
    // (section kind, line number, text, index of the section)
    let mut texts: Vec<(SectionKind, usize, &str, usize)> = Vec::new();
    if let Some(t) = &posting.meta.title {
        texts.push((SectionKind::Title, 0, t.as_str(), usize::MAX));
    }
    for (i, s) in posting.sections.iter().enumerate() {
        for l in &s.lines {
            texts.push((s.kind, l.number, l.text.as_str(), i));
        }
    }

    let mut matchers: Vec<(Source, &Matcher)> = set
        .roles
        .iter()
        .map(|r| (Source::Role(r.role), &r.matcher))
        .collect();
    matchers.push((Source::Ai, &set.ai));
    matchers.push((Source::Function, &set.functions));

    // The posting's lines are scanned joined, once, for all patterns; the
    // hits come back line by line, each line's in pattern order, so that
    // each matcher's share of a line is a run of them.
    let doc = Doc::new(texts.iter().map(|t| t.2));
    let mut found: Vec<(usize, Hit)> = Vec::new();
    set.classifier.doc_hits(&doc, &mut found);
    let mut offsets = Vec::with_capacity(matchers.len());
    let mut offset = 0;
    for (_, m) in &matchers {
        offsets.push(offset);
        offset += m.len();
    }
    let negation_lines = set.negation.cue_lines(&doc);
    let mut next = 0;

    let mut evidence = Vec::new();
    let mut repeats: HashMap<(usize, usize, SectionKind, bool), u32> = HashMap::new();
    let mut hits: Vec<Hit> = Vec::new();
    let mut stated: Option<split::Split> = None;
    let mut line_roles: Vec<split::RoleHit> = Vec::new();
    let mut listed = split::ListedShares::default();
    let mut listed_section = usize::MAX;
    for (i, &(kind, line, text, section)) in texts.iter().enumerate() {
        if section != listed_section {
            stated = stated.or_else(|| listed.split());
            listed = split::ListedShares::default();
            listed_section = section;
        }
        let section_weight = set.sections.weights.get(kind);
        let mut clauses: Option<Vec<(usize, usize, bool)>> = None;
        line_roles.clear();
        for (m, &(source, matcher)) in matchers.iter().enumerate() {
            hits.clear();
            let end = offsets[m] + matcher.len();
            while let Some(&(line, h)) = found.get(next)
                && line == i
                && h.pattern < end
            {
                hits.push(Hit {
                    pattern: h.pattern - offsets[m],
                    ..h
                });
                next += 1;
            }
            keep_strongest_of_overlaps(&mut hits, matcher);
            for h in &hits {
                // A line without a negation cue has no negated clause.
                let clauses = clauses.get_or_insert_with(|| {
                    if negation_lines[i] {
                        set.negation.clauses(text)
                    } else {
                        Vec::new()
                    }
                });
                // Clauses are in order and apart: the one the hit starts in.
                let at = clauses.partition_point(|&(s, _, _)| s <= h.start);
                let negated = at > 0 && {
                    let (_, e, neg) = clauses[at - 1];
                    neg && h.start < e
                };
                let info = &matcher.infos[h.pattern];
                let (signal, generic) = match source {
                    Source::Role(r) => (Signal::of(r), set.role(r).generic[h.pattern]),
                    Source::Ai => (Signal::Ai, false),
                    Source::Function => (Signal::Function, false),
                };
                if let (Source::Role(role), false) = (source, negated) {
                    line_roles.push(split::RoleHit {
                        role,
                        start: h.start,
                        weight: info.weight,
                    });
                }
                // Past a few dozen repeats in one kind of section a hit adds
                // nothing (repeat decay halves each), so a pathological
                // posting (one pattern a million times) keeps a bounded list.
                let seen = repeats.entry((m, h.pattern, kind, negated)).or_insert(0u32);
                *seen += 1;
                if *seen > MAX_REPEATS {
                    continue;
                }
                evidence.push(Evidence {
                    signal,
                    pattern: info.name.clone(),
                    matched: text[h.start..h.end].to_string(),
                    section: kind,
                    line,
                    weight: if negated {
                        0.0
                    } else {
                        info.weight * section_weight
                    },
                    negated,
                    ai: !generic && signal != Signal::Function,
                    origin: info.origin.clone(),
                });
            }
        }
        if stated.is_none() && states_the_work(kind) {
            stated = split::stated_split(text, &line_roles);
            listed.add_line(text, &line_roles);
        }
    }
    stated = stated.or_else(|| listed.split());
    decide(evidence, stated, set)
}

/// Two patterns of one matcher that match the same words ("모델 개발" and
/// "모델 개발자") would count those words twice; only the heavier one counts.
fn keep_strongest_of_overlaps(hits: &mut Vec<Hit>, matcher: &Matcher) {
    if hits.len() < 2 {
        return;
    }
    hits.sort_by(|a, b| {
        let (wa, wb) = (
            matcher.infos[a.pattern].weight,
            matcher.infos[b.pattern].weight,
        );
        wb.total_cmp(&wa).then(a.start.cmp(&b.start))
    });
    // Kept hits never overlap, so by start they also end in order: only the
    // last one starting before a hit ends can overlap it.
    let mut kept: BTreeMap<usize, Hit> = BTreeMap::new();
    for h in hits.drain(..) {
        let overlaps = kept
            .range(..h.end)
            .next_back()
            .is_some_and(|(_, k)| k.end > h.start);
        if !overlaps {
            kept.insert(h.start, h);
        }
    }
    *hits = kept.into_values().collect();
}

/// Sections where a posting says how the work is split ("about 60% ..."): the
/// job's own, and the introduction, but not benefits ("5% match") or process.
fn states_the_work(kind: SectionKind) -> bool {
    !matches!(
        kind,
        SectionKind::Title | SectionKind::Benefits | SectionKind::Process
    )
}

/// Applies repeat decay per pattern, sums scores and makes the decision.
fn decide(
    mut evidence: Vec<Evidence>,
    stated: Option<split::Split>,
    set: &PatternSet,
) -> Classification {
    let t = &set.thresholds;
    // Strongest hits of a pattern first, so decay takes away from the weaker repeats.
    evidence.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let mut seen: HashMap<(Signal, String), usize> = HashMap::new();
    let mut scores = [0.0f64; 4];
    let (mut ai_signal, mut function_score) = (0.0, 0.0);
    let mut decayed = Vec::with_capacity(evidence.len());
    for mut e in evidence {
        if !e.negated {
            let n = seen.entry((e.signal, e.origin.clone())).or_insert(0);
            e.weight *= t.repeat_decay.powi(*n as i32);
            *n += 1;
        }
        match e.signal.role() {
            Some(r) => {
                scores[r.index()] += e.weight;
                if e.ai && is_job_section(e.section) {
                    ai_signal += e.weight;
                }
            }
            None if e.signal == Signal::Ai => {
                scores[Role::Modeling.index()] += e.weight * t.ai_to_modeling;
                if is_job_section(e.section) {
                    ai_signal += e.weight;
                }
            }
            None => {
                if e.section == SectionKind::Title {
                    e.weight *= t.function_title_boost;
                }
                function_score += e.weight;
            }
        }
        decayed.push(e);
    }
    decayed.sort_by(|a, b| b.weight.total_cmp(&a.weight));

    let mut ranked: Vec<Role> = Role::ALL.to_vec();
    ranked.sort_by(|a, b| scores[b.index()].total_cmp(&scores[a.index()]));
    // A split the posting states outright decides the two roles.
    if let Some([(a, _), (b, _)]) = stated {
        ranked.retain(|r| *r != a && *r != b);
        ranked.insert(0, b);
        ranked.insert(0, a);
    }
    let (first, second) = (ranked[0], ranked[1]);
    let (s1, s2) = (scores[first.index()], scores[second.index()]);

    let min_ai = if first == Role::Frontend {
        t.min_ai_frontend
    } else {
        t.min_ai
    };
    let not_ai = ai_signal < min_ai || s1 <= 0.0;
    let other_job = function_score > t.function_ratio * s1;
    if not_ai || other_job {
        // Confidence in "none": how far below the AI bar, or how far the job
        // function outweighs the roles.
        let confidence = if other_job && !not_ai {
            (function_score / (function_score + s1)).clamp(0.5, 0.99)
        } else {
            (1.0 - ai_signal / min_ai.max(f64::EPSILON)).clamp(0.5, 0.99)
        };
        return Classification {
            role: None,
            secondary: None,
            confidence: round2(confidence),
            scores: scores.map(round2),
            ai_signal: round2(ai_signal),
            function_score: round2(function_score),
            evidence: decayed,
        };
    }
    let secondary = (stated.is_some() || (s2 >= t.min_secondary && s2 >= t.secondary_ratio * s1))
        .then_some(second);
    // Margin over the runner-up, tempered when the evidence is thin overall.
    let margin = ((s1 - s2) / s1).max(0.0);
    let strength = (s1 / (s1 + 4.0)).min(1.0);
    let confidence = (0.35 + 0.65 * margin) * (0.5 + 0.5 * strength);
    Classification {
        role: Some(first),
        secondary,
        confidence: round2(confidence.clamp(0.05, 0.99)),
        scores: scores.map(round2),
        ai_signal: round2(ai_signal),
        function_score: round2(function_score),
        evidence: decayed,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Format, extract};

    fn role_of(text: &str) -> Option<Role> {
        let set = PatternSet::builtin().unwrap();
        let posting = extract(text, Format::Markdown, &set.sections).unwrap();
        classify(&posting, &set).role
    }

    #[test]
    fn negated_research_does_not_count() {
        let set = PatternSet::builtin().unwrap();
        let text = "# Computer Vision Engineer\n\n## Requirements\n- No research experience or publications required\n- Train and evaluate detection models in PyTorch\n";
        let posting = extract(text, Format::Markdown, &set.sections).unwrap();
        let c = classify(&posting, &set);
        assert_eq!(c.role, Some(Role::Modeling));
        let research: Vec<&Evidence> = c
            .evidence
            .iter()
            .filter(|e| e.signal == Signal::Research)
            .collect();
        assert!(
            !research.is_empty() && research.iter().all(|e| e.negated),
            "{research:?}"
        );
    }

    #[test]
    fn plain_web_job_is_none() {
        let text = "# Frontend Developer\n\n## What you'll do\n- Build checkout pages in React and TypeScript\n- Improve Core Web Vitals\n\n## Requirements\n- 3+ years of React\n";
        assert_eq!(role_of(text), None);
    }

    #[test]
    fn recruiter_at_an_ai_company_is_none() {
        let text = "# Technical Recruiter, Machine Learning\n\n## What you'll do\n- Partner with hiring managers to hire ML engineers and research scientists\n- Run interview loops and close offers\n\n## Requirements\n- 3+ years of technical recruiting\n";
        assert_eq!(role_of(text), None);
    }

    #[test]
    fn serving_work_is_backend_even_under_an_ml_title() {
        let text = "# ML Engineer\n\n## Responsibilities\n- Build our model serving platform on Kubernetes with vLLM and Triton\n- Own inference latency and GPU cluster utilization\n- Run the feature store and model registry\n";
        assert_eq!(role_of(text), Some(Role::Backend));
    }

    #[test]
    fn korean_model_development_is_modeling() {
        let text = "# AI 연구원\n\n## 주요업무\n- 딥러닝 기반 OCR 모델 개발 및 학습\n- 학습 데이터 구축과 모델 성능 평가\n\n## 자격요건\n- PyTorch를 활용한 모델 개발 경험\n";
        assert_eq!(role_of(text), Some(Role::Modeling));
    }
}
