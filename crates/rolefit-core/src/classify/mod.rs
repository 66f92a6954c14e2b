//! Classification: the probability of each role, from pattern hits, with evidence.
//!
//! Two steps, in one model ([`crate::learn`]): is this AI work at all ("none"
//! against the four roles), and which role, read from the job's own sections
//! first. Every hit in the job's sections adds its pattern's learned weight for
//! that kind of section; the title and the company blurb are bounded priors.
//! Beside those counts the model reads bounded totals of the job's sections:
//! how far they are AI work at all, and how much work of each role they hold.
//! Repeated hits of one pattern decay. A hit in a clause with a negation cue
//! ("no PhD required", "필요하지 않습니다") does not count, and a hit on a
//! line that says "a plus" or "우대" counts as preferred. Text is normalised
//! (NFKC, zero-width characters removed) before anything matches it. The
//! decision comes with its reasons: each hit's weight for its own label,
//! and the [`Lead`] of the label over the runner-up, in parts and per hit.

mod split;

use std::borrow::Cow;
use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use serde::Serialize;

use crate::extract::{MIN_TEXT_CHARS, Posting, SectionKind};
use crate::learn::{self, Features};
use crate::role::{Label, Role};
use crate::rules::{Doc, Hit, Matcher, PatternSet, SentenceKind};
use crate::text::round2;

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
    /// What the hit added to the logit of its role (for general AI
    /// vocabulary: taken from "none"), after repeat decay.
    pub weight: f64,
    /// What the hit added to the lead of the label given over the runner-up
    /// ([`Lead`]), in log-odds: negative when it speaks for the runner-up.
    /// Unlike `weight`, it counts what the hit adds to every label.
    pub lead: f64,
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
    /// The probability of the chosen label (role or none).
    pub confidence: f64,
    /// Per-role probabilities, indexed by [`Role::index`].
    pub scores: [f64; 4],
    /// The probability that the posting is AI work at all (1 - P(none)).
    pub ai_signal: f64,
    /// Score of non-AI job functions (its share of the "none" logit).
    pub function_score: f64,
    /// The second most likely label when it is close: its probability is
    /// at least the model's `alternative_min`.
    pub alternative: Option<(Label, f64)>,
    /// The role the title alone suggests (`Some(Label(None))`: a non-AI job
    /// title; `None`: the title names nothing).
    pub title_role: Option<Label>,
    /// Why the label given beat the runner-up.
    pub lead: Lead,
    /// Every hit, strongest first.
    pub evidence: Vec<Evidence>,
}

/// Why the label given beat the runner-up: the difference of their logits
/// (the log of their odds), in parts that add up to it (give or take
/// rounding). Each hit's share is its evidence's `lead`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Lead {
    /// The runner-up.
    pub over: Label,
    /// The label's logit less the runner-up's. Negative only when a non-AI
    /// job function that the title names and the duties confirm made the
    /// label `none` against the model's odds.
    pub total: f64,
    /// The pattern hits in the job's own sections.
    pub hits: f64,
    /// The title: its bounded prior and its patterns' title weights.
    pub title: f64,
    /// The company blurb's bounded prior.
    pub blurb: f64,
    /// The totals of the job's own sections (generic skills, AI work, a
    /// stated split, each role's share and bounded score).
    pub totals: f64,
    /// The model's bias between the two labels.
    pub bias: f64,
    /// How far the text is evidence enough for the model's odds: 1, or for
    /// a text of a few words less, and the probabilities shown are then
    /// the model's mixed with even odds by the rest (closer than `total`
    /// says).
    pub text_share: f64,
}

impl Classification {
    pub fn score(&self, role: Role) -> f64 {
        self.scores[role.index()]
    }

    /// The label the posting was given.
    pub fn label(&self) -> Label {
        Label(self.role)
    }

    /// True when the title suggests another label than the duties do.
    pub fn title_differs(&self) -> bool {
        self.title_role.is_some_and(|t| t != self.label())
    }
}

/// The most hits of one pattern kept as evidence per kind of section: with
/// the repeat decay at 0.65 the 64th repeat counts about 1e-12 of the first,
/// nothing after rounding.
const MAX_REPEATS: u32 = 64;

/// Which matchers a hit list belongs to.
#[derive(Clone, Copy)]
enum Source {
    Role(Role),
    Ai,
    Function,
}

/// Where a hit counts in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Place {
    /// A job section, by index into [`learn::JOB_GROUPS`].
    Job(usize),
    Title,
    Blurb,
}

fn place_of(kind: SectionKind) -> Place {
    match kind {
        SectionKind::Title => Place::Title,
        SectionKind::Responsibilities => Place::Job(0),
        SectionKind::Requirements => Place::Job(1),
        SectionKind::Preferred => Place::Job(2),
        SectionKind::Other => Place::Job(3),
        SectionKind::About | SectionKind::Benefits | SectionKind::Process => Place::Blurb,
    }
}

/// The sentences of a line, as byte ranges: a scraped page often glues a
/// whole posting onto a few lines. A sentence ends at `.`, `!`, `?`, `;` or
/// `。` followed by a space, or before a bullet (` • `, ` - `, ` * `).
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let alpha = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
    for (i, c) in text.char_indices() {
        let next_space = bytes
            .get(i + c.len_utf8())
            .is_some_and(u8::is_ascii_whitespace);
        match c {
            '.' | '!' | '?' | ';' if next_space => {
                // "e.g. ", "U.S. ": one letter before the dot ends no sentence.
                let initial = i >= 1 && alpha(i - 1) && (i < 2 || !alpha(i - 2));
                if !initial {
                    out.push((start, i + 1));
                    start = i + 1;
                }
            }
            '。' => {
                out.push((start, i + c.len_utf8()));
                start = i + c.len_utf8();
            }
            '•' | '·' | '▪' | '■' | '●' if i > start => {
                out.push((start, i));
                start = i;
            }
            ' ' if matches!(bytes.get(i + 1), Some(b'-' | b'*'))
                && bytes.get(i + 2) == Some(&b' ') =>
            {
                out.push((start, i));
                start = i;
            }
            _ => {}
        }
    }
    if start < text.len() || out.is_empty() {
        out.push((start, text.len()));
    }
    out
}

/// Where a hit counts, once its sentence is read: company and legal
/// boilerplate goes to the blurb wherever it stands; under no heading, a
/// sentence of duties or requirements counts as one; "X is a plus" counts
/// as preferred; a team's record (`anywhere`) is blurb in any job section.
fn place_by_sentence(place: Place, read: Option<SentenceKind>) -> Place {
    let Some(SentenceKind { kind, anywhere }) = read else {
        return place;
    };
    match (place, Some(kind)) {
        (Place::Job(_), Some(SectionKind::Benefits | SectionKind::Process)) => Place::Blurb,
        (Place::Job(3), Some(SectionKind::About)) => Place::Blurb,
        (Place::Job(_), Some(SectionKind::About)) if anywhere => Place::Blurb,
        (Place::Job(0 | 1 | 3), Some(SectionKind::Preferred)) => Place::Job(2),
        (Place::Job(3), Some(SectionKind::Responsibilities)) => Place::Job(0),
        (Place::Job(3), Some(SectionKind::Requirements)) => Place::Job(1),
        _ => place,
    }
}

/// How much a hit in each job section counts toward a role's share.
const JOB_SECTION_WEIGHT: [f64; 4] = [1.0, 0.9, 0.5, 0.6];

/// A sentence of a line (byte range) and the kind of section it reads as.
type SentenceRead = ((usize, usize), Option<SentenceKind>);

/// One hit before the model weighs it.
struct Found {
    q: usize,
    place: Place,
    slot: usize,
    signal: Signal,
    generic: bool,
    hand: f64,
    evidence: Evidence,
}

/// Classifies a posting with a pattern set.
pub fn classify(posting: &Posting, set: &PatternSet) -> Classification {
    let (features, found) = read(posting, set);
    decide(&features, found, set, evidence_share(posting))
}

/// What the role model reads from a posting (for `patterns learn`).
pub fn features(posting: &Posting, set: &PatternSet) -> Features {
    read(posting, set).0
}

/// [`classify`] for several postings, in two passes: the pattern scan of
/// all, then the decision for each, so that the scan's automaton stays in
/// the processor's cache from one posting to the next.
pub fn classify_all(postings: &[Posting], set: &PatternSet) -> Vec<Classification> {
    let scans: Vec<Scan> = postings.iter().map(|p| scan(p, set)).collect();
    postings
        .iter()
        .zip(scans)
        .map(|(p, scan)| {
            let (features, found) = read_scanned(p, set, scan);
            decide(&features, found, set, evidence_share(p))
        })
        .collect()
}

/// A posting's lines as the classifier reads them (section kind, line
/// number, text, index of the section), every hit of its patterns on them
/// (line by line, each line's in pattern order), and which lines hold a
/// negation cue.
struct Scan<'p> {
    texts: Vec<(SectionKind, usize, Cow<'p, str>, usize)>,
    found: Vec<(usize, Hit)>,
    negation_lines: Vec<bool>,
}

fn scan<'p>(posting: &'p Posting, set: &PatternSet) -> Scan<'p> {
    let mut texts: Vec<(SectionKind, usize, Cow<'_, str>, usize)> = Vec::new();
    if let Some(t) = &posting.meta.title {
        texts.push((SectionKind::Title, 0, normalize(t), usize::MAX));
    }
    for (i, s) in posting.sections.iter().enumerate() {
        for l in &s.lines {
            texts.push((s.kind, l.number, normalize(&l.text), i));
        }
    }
    // The posting's lines are scanned joined, once, for all patterns.
    let doc = Doc::new(texts.iter().map(|t| t.2.as_ref()));
    let mut found: Vec<(usize, Hit)> = Vec::new();
    let negation_lines = set.classifier_cues.doc_hits(&doc, &mut found);
    Scan {
        texts,
        found,
        negation_lines,
    }
}

fn read(posting: &Posting, set: &PatternSet) -> (Features, Vec<Found>) {
    read_scanned(posting, set, scan(posting, set))
}

fn read_scanned(posting: &Posting, set: &PatternSet, scan: Scan) -> (Features, Vec<Found>) {
    let Scan {
        texts,
        found,
        negation_lines,
    } = scan;
    // Each matcher's share of a line's hits is a run of them.
    let mut matchers: Vec<(Source, &Matcher)> = set
        .roles
        .iter()
        .map(|r| (Source::Role(r.role), &r.matcher))
        .collect();
    matchers.push((Source::Ai, &set.ai));
    matchers.push((Source::Function, &set.functions));
    let mut offsets = Vec::with_capacity(matchers.len());
    let mut offset = 0;
    for (_, m) in &matchers {
        offsets.push(offset);
        offset += m.len();
    }
    let mut next = 0;

    let mut out: Vec<Found> = Vec::new();
    let mut repeats: HashMap<(usize, usize, SectionKind, bool), u32> = HashMap::new();
    let mut hits: Vec<Hit> = Vec::new();
    let mut stated: Option<split::Split> = None;
    let mut line_roles: Vec<split::RoleHit> = Vec::new();
    let mut listed = split::ListedShares::default();
    let mut listed_section = usize::MAX;
    // Hand-weighted role hits per section, for shares stated in headings.
    let mut section_roles = vec![[0.0f64; 4]; posting.sections.len()];
    for (i, (kind, line, text, section)) in texts.iter().enumerate() {
        let (kind, line, section) = (*kind, *line, *section);
        let text = text.as_ref();
        if section != listed_section {
            stated = stated.or_else(|| listed.split());
            listed = split::ListedShares::default();
            listed_section = section;
        }
        let mut clauses: Option<Vec<(usize, usize, bool)>> = None;
        // The line's sentences and what each reads as, once a hit needs them.
        let mut kinds: Option<Vec<SentenceRead>> = None;
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
                let (signal, generic, slot) = match source {
                    Source::Role(r) => (Signal::of(r), set.role(r).generic[h.pattern], r.index()),
                    Source::Ai => (Signal::Ai, false, learn::PRIOR_AI),
                    Source::Function => (Signal::Function, false, learn::PRIOR_FUNCTION),
                };
                if let (Source::Role(role), false) = (source, negated) {
                    line_roles.push(split::RoleHit {
                        role,
                        start: h.start,
                        weight: info.weight,
                    });
                }
                // Past a few dozen repeats in one kind of section a hit adds
                // nothing (repeat decay shrinks each), so a pathological
                // posting (one pattern a million times) keeps a bounded list.
                let seen = repeats.entry((m, h.pattern, kind, negated)).or_insert(0u32);
                *seen += 1;
                if *seen > MAX_REPEATS {
                    continue;
                }
                let mut place = place_of(kind);
                // A non-AI job function named under the duties heading is the
                // job's own, even in a sentence that reads as the hiring
                // process ("면접 일정 조율 및 채용 프로세스 운영" for a recruiter).
                let a_duty = matches!(source, Source::Function) && place == Place::Job(0);
                if let Place::Job(_) = place
                    && !a_duty
                {
                    let kinds = kinds.get_or_insert_with(|| {
                        let spans = sentences(text);
                        let kinds = set.sections.kinds_of_sentences(text, &spans);
                        spans.into_iter().zip(kinds).collect()
                    });
                    let at = kinds.partition_point(|((s, _), _)| *s <= h.start);
                    if at > 0 {
                        place = place_by_sentence(place, kinds[at - 1].1);
                    }
                }
                out.push(Found {
                    q: offsets[m] + h.pattern,
                    place,
                    slot,
                    signal,
                    generic,
                    hand: info.weight,
                    evidence: Evidence {
                        signal,
                        pattern: info.name.clone(),
                        matched: text[h.start..h.end].to_string(),
                        section: kind,
                        line,
                        weight: 0.0,
                        lead: 0.0,
                        negated,
                        ai: !generic && signal != Signal::Function,
                        origin: info.origin.clone(),
                    },
                });
            }
        }
        if stated.is_none() && states_the_work(kind) {
            stated = split::stated_split(text, &line_roles);
            listed.add_line(text, &line_roles);
        }
        if let Some(roles) = section_roles.get_mut(section) {
            for h in &line_roles {
                roles[h.role.index()] += h.weight;
            }
        }
    }
    stated = stated.or_else(|| listed.split()).or_else(|| {
        split::headed_split(
            posting
                .sections
                .iter()
                .zip(&section_roles)
                .filter(|(s, _)| states_the_work(s.kind))
                .filter_map(|(s, r)| Some((s.heading.as_deref()?, *r))),
        )
    });

    // Generic engineering words ("backend engineer", React, Kubernetes) speak
    // for a role only as far as the job's own sections are AI work: in a
    // plain web job at an AI company they say nothing about an AI role.
    let ai_work: f64 = out
        .iter()
        .filter(|h| {
            matches!(h.place, Place::Job(_))
                && !h.generic
                && !h.evidence.negated
                && h.signal != Signal::Function
        })
        .map(|h| h.hand)
        .sum();
    let gate = ai_gate(ai_work, set.model.params.ai_gate);

    // Decay: the n-th hit of a pattern in one place counts decay^n.
    let decay = set.thresholds.repeat_decay;
    let mut seen: HashMap<(usize, Place), i32> = HashMap::new();
    let mut f = Features {
        ai_work: ai_gate(ai_work, set.model.params.ai_work_scale),
        ..Features::default()
    };
    let mut job: HashMap<(usize, usize), f64> = HashMap::new();
    for h in &mut out {
        if h.evidence.negated {
            continue;
        }
        let n = seen.entry((h.q, h.place)).or_insert(0);
        let mut x = decay.powi(*n);
        *n += 1;
        if h.generic && h.signal.role().is_some() && matches!(h.place, Place::Job(_)) {
            x *= gate;
        }
        // The evidence weight holds the decayed count until `decide`.
        h.evidence.weight = x;
        match h.place {
            Place::Job(g) => {
                *job.entry((h.q, g)).or_insert(0.0) += x;
                if h.generic {
                    f.generic[g] += h.hand * x;
                }
            }
            Place::Title => {
                f.title[h.slot] += h.hand * x;
                // A pattern's own title weight counts its first title hit only.
                if x == 1.0 {
                    job.insert((h.q, learn::TITLE_GROUP), 1.0);
                }
            }
            Place::Blurb => f.blurb[h.slot] += h.hand * x,
        }
    }
    f.hits = job.into_iter().map(|((q, g), x)| (q, g, x)).collect();
    // Shares of the hand-weighted role score in the job's own sections.
    let mut role_score = [0.0f64; 4];
    for h in &out {
        if let (Place::Job(g), Some(r), false) = (h.place, h.signal.role(), h.evidence.negated) {
            role_score[r.index()] += h.hand * h.evidence.weight * JOB_SECTION_WEIGHT[g];
        }
    }
    f.role_work = role_score.map(|s| (s / set.model.params.role_work_scale).tanh());
    let total: f64 = role_score.iter().sum();
    if total > 0.0 {
        f.shares = role_score.map(|s| s / total);
    }
    // A long posting repeats its point: its hits in the job's own sections
    // are damped together, so that length alone does not make the model sure.
    let counted: f64 = f
        .hits
        .iter()
        .filter(|h| h.1 != learn::TITLE_GROUP)
        .map(|h| h.2)
        .sum();
    let damping = learn::length_damping(counted, set.model.params.length_scale);
    if damping < 1.0 {
        for h in f.hits.iter_mut().filter(|h| h.1 != learn::TITLE_GROUP) {
            h.2 *= damping;
        }
        for h in out.iter_mut().filter(|h| matches!(h.place, Place::Job(_))) {
            h.evidence.weight *= damping;
        }
    }
    f.hits.sort_by_key(|&(q, g, _)| (q, g));
    if let Some([(a, _), (b, _)]) = stated {
        f.stated[b.index()] = 0.5;
        f.stated[a.index()] = 1.0;
    }
    (f, out)
}

/// How far generic role words count, given the AI work in the job's own
/// sections (hand-weighted hits): `tanh(ai_work / scale)`; a scale of 0
/// turns the gate off.
fn ai_gate(ai_work: f64, scale: f64) -> f64 {
    if scale <= 0.0 {
        1.0
    } else {
        (ai_work / scale).tanh()
    }
}

/// Text as the patterns read it: see [`crate::text::normalize`].
pub fn normalize(text: &str) -> Cow<'_, str> {
    crate::text::normalize(text)
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

/// How far a posting's text is evidence enough for the model's answer: 1
/// from [`MIN_TEXT_CHARS`] characters of body text on, less for fewer (a
/// few words in a cell, a one-line text). The model learned from whole
/// postings; on a few words it knows less than it thinks.
fn evidence_share(posting: &Posting) -> f64 {
    let mut chars = 0;
    for line in posting.sections.iter().flat_map(|s| &s.lines) {
        chars += crate::text::count_chars_to(line.text.trim(), MIN_TEXT_CHARS - chars);
        if chars >= MIN_TEXT_CHARS {
            return 1.0;
        }
    }
    chars as f64 / MIN_TEXT_CHARS as f64
}

/// Weighs the hits with the model and makes the decision. `share` is
/// [`evidence_share`]: the probabilities are mixed with even odds by the rest.
fn decide(f: &Features, found: Vec<Found>, set: &PatternSet, share: f64) -> Classification {
    let model = &set.model;
    let terms = model.terms(f);
    let mut p =
        learn::softmax(terms.sum()).map(|x| share * x + (1.0 - share) / learn::CLASSES as f64);
    // A non-AI job function that the title names and the duties confirm
    // ("Technical Recruiter, AI" who runs interview loops) is the job, however
    // much AI vocabulary the posting carries: "none" takes the first place.
    let first_function = set.classifier.len() - set.functions.len();
    let duties_name_function = f
        .hits
        .iter()
        .any(|&(q, g, _)| q >= first_function && g != learn::TITLE_GROUP);
    if title_role(f) == Some(Label(None)) && duties_name_function {
        let top = learn::ranked(&p)[0].0;
        p.swap(top, learn::NONE);
    }
    let ranked = learn::ranked(&p);
    let (first, p1) = ranked[0];
    let (second, p2) = ranked[1];

    // Each hit's share of each class's logit: its own class's is its
    // weight, the label's less the runner-up's its lead.
    let mut evidence: Vec<Evidence> = found
        .into_iter()
        .map(|h| {
            let mut e = h.evidence;
            if e.negated {
                e.weight = 0.0;
                return e;
            }
            let x = e.weight;
            let z: [f64; learn::CLASSES] = match h.place {
                Place::Job(g) => model.patterns.weights[h.q].map(|w| w[g] * x),
                Place::Title | Place::Blurb => {
                    let (raw, coef) = if h.place == Place::Title {
                        (f.title[h.slot], model.params.title[h.slot])
                    } else {
                        (f.blurb[h.slot], model.params.blurb[h.slot])
                    };
                    let mut z = [0.0; learn::CLASSES];
                    if raw != 0.0 {
                        z[learn::prior_class(h.slot)] =
                            coef * learn::bounded(raw) * h.hand * x / raw;
                    }
                    // A pattern's own title weights count its first title hit.
                    if h.place == Place::Title && x == 1.0 {
                        for (z, w) in z.iter_mut().zip(&model.patterns.weights[h.q]) {
                            *z += w[learn::TITLE_GROUP];
                        }
                    }
                    z
                }
            };
            let own = match h.place {
                Place::Job(_) => z[model.patterns.class[h.q]],
                Place::Title | Place::Blurb => z[learn::prior_class(h.slot)],
            };
            // General AI vocabulary speaks against "none": shown as for AI.
            e.weight = round2(if h.signal == Signal::Ai { -own } else { own });
            e.lead = round2(z[first] - z[second]);
            e
        })
        .collect();
    evidence.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));

    let role = Role::ALL.get(first).copied();
    let alternative =
        (p2 >= model.params.alternative_min).then(|| (learn::label_of(second), round2(p2)));
    // A second role: one the posting states, or a close AI role behind an AI role.
    let secondary = role.and_then(|_| {
        let stated = (0..4)
            .filter(|&r| r != first && f.stated[r] > 0.0)
            .max_by(|&a, &b| f.stated[a].total_cmp(&f.stated[b]));
        stated
            .or_else(|| (second < 4 && p2 >= model.params.alternative_min).then_some(second))
            .map(|c| Role::ALL[c])
    });
    let function_score: f64 = model.params.title[learn::PRIOR_FUNCTION]
        * learn::bounded(f.title[learn::PRIOR_FUNCTION])
        + f.hits
            .iter()
            .filter(|&&(q, _, _)| q >= first_function)
            .map(|&(q, g, x)| model.patterns.weights[q][learn::NONE][g] * x)
            .sum::<f64>();
    let lead_of = |z: [f64; learn::CLASSES]| z[first] - z[second];
    // Rounded so that the parts shown add up to the lead shown.
    let (total, [hits, title, blurb, totals, bias]) = crate::text::round2_adding_up(
        [
            terms.hits,
            terms.title,
            terms.blurb,
            terms.totals,
            terms.bias,
        ]
        .map(lead_of),
    );
    let lead = Lead {
        over: learn::label_of(second),
        total,
        hits,
        title,
        blurb,
        totals,
        bias,
        text_share: round2(share),
    };
    Classification {
        role,
        secondary,
        confidence: round2(p1),
        scores: [p[0], p[1], p[2], p[3]].map(round2),
        ai_signal: round2(1.0 - p[learn::NONE]),
        function_score: round2(function_score),
        alternative,
        title_role: title_role(f),
        lead,
        evidence,
    }
}

/// The label the title alone suggests: the role with the highest title
/// score, or "none" for a non-AI job function that outweighs them; `None`
/// when the title names nothing.
fn title_role(f: &Features) -> Option<Label> {
    let (best, score) = (0..4)
        .map(|r| (r, f.title[r]))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    let function = f.title[learn::PRIOR_FUNCTION];
    if function > 0.0 && function >= score {
        return Some(Label(None));
    }
    (score > 0.0).then(|| learn::label_of(best))
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
    fn a_few_words_are_read_with_even_odds_mixed_in() {
        // The same duty alone and in a whole posting: alone it is evidence
        // for the same order of roles, but nearer even odds, in proportion
        // to how much shorter than a page's worth of text it is.
        let set = PatternSet::builtin().unwrap();
        for (short, long) in [
            (
                "Fine-tune LLMs with DPO",
                "# ML Engineer\n\n## Responsibilities\n- Fine-tune LLMs with DPO on our preference data\n- Train and evaluate ranking models in PyTorch\n- Run offline evaluation of every model change\n",
            ),
            (
                "LLM 파인튜닝과 모델 학습",
                "# 머신러닝 엔지니어\n\n## 주요업무\n- LLM 파인튜닝과 모델 학습, 성능 평가를 맡습니다\n- 추천 모델 개발 및 학습 데이터 구축\n- 모델 성능 개선을 위한 실험 설계와 분석\n",
            ),
        ] {
            let read = |text: &str| {
                let posting = extract(text, Format::Text, &set.sections).unwrap();
                (evidence_share(&posting), classify(&posting, &set))
            };
            let (share, few) = read(short);
            let chars = short.chars().count() as f64;
            assert!(
                (share - chars / MIN_TEXT_CHARS as f64).abs() < 1e-9,
                "{share}"
            );
            // Even odds are 0.2 each: mixed in by 1 - share, no label is
            // below that share of them, and none above share + its rest.
            let floor = (1.0 - share) * 0.2;
            let all = [few.scores.as_slice(), &[1.0 - few.ai_signal]].concat();
            assert!(all.iter().all(|&p| p >= floor - 0.011), "{all:?}");
            assert!(
                few.confidence <= share + floor + 0.005,
                "{}",
                few.confidence
            );
            if let Some((_, q)) = few.alternative {
                assert!(q <= few.confidence, "{q} > {}", few.confidence);
            }
            // The lead says how much of its odds the text is evidence for.
            assert_eq!(few.lead.text_share, round2(share));
            let (whole, many) = read(long);
            assert_eq!(whole, 1.0);
            assert_eq!(many.lead.text_share, 1.0);
            assert_eq!(many.role, Some(Role::Modeling), "{short}");
            assert!(many.confidence > few.confidence, "{short}");
        }
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

    /// A recruiter's duties that speak of the hiring process ("면접",
    /// "interview process": the words of a posting's own process blurb)
    /// still name the job function, so a recruiter for an AI team is none.
    #[test]
    fn a_recruiters_duties_about_the_hiring_process_name_the_function() {
        for text in [
            "# Technical Recruiter\n\n## Responsibilities\n- Recruit for our team that trains deep learning models in PyTorch, fine-tunes LLMs with RLHF and builds computer vision models\n- Manage the candidate pipeline and the interview process for machine learning engineers\n",
            "# 테크 리크루터\n\n## 주요업무\n- 딥러닝 모델 학습, LLM 파인튜닝, 컴퓨터 비전 모델 개발을 하는 팀의 인재 채용\n- 모델 학습과 평가를 이해하고 머신러닝 엔지니어 후보자 검토\n- 면접 일정 조율 및 채용 프로세스 운영\n",
        ] {
            let c = classify_md(text);
            assert_eq!(c.role, None, "{text}\n{:?}", c.evidence);
        }
    }

    #[test]
    fn serving_work_is_backend_even_under_an_ml_title() {
        let text = "# ML Engineer\n\n## Responsibilities\n- Build our model serving platform on Kubernetes with vLLM and Triton\n- Own inference latency and GPU cluster utilization\n- Run the feature store and model registry\n";
        assert_eq!(role_of(text), Some(Role::Backend));
    }

    /// A short test posting with a neutral company section, so that it has
    /// the text extraction needs.
    fn padded(text: &str) -> String {
        format!(
            "{text}\n## Benefits\n- Flexible hours, a yearly learning budget and lunch on Fridays\n"
        )
    }

    fn classify_md(text: &str) -> Classification {
        let set = PatternSet::builtin().unwrap();
        let posting = extract(&padded(text), Format::Markdown, &set.sections).unwrap();
        classify(&posting, &set)
    }

    /// The decayed count the model reads for a pattern, summed over the
    /// job's sections.
    fn job_count(set: &PatternSet, text: &str, name: &str) -> f64 {
        let posting = extract(&padded(text), Format::Markdown, &set.sections).unwrap();
        let f = features(&posting, set);
        let q = set
            .classifier
            .infos
            .iter()
            .position(|i| i.name == name)
            .expect("a pattern of that name");
        f.hits
            .iter()
            .filter(|&&(p, g, _)| p == q && g != learn::TITLE_GROUP)
            .map(|&(_, _, x)| x)
            .sum()
    }

    #[test]
    fn an_acronym_that_is_also_a_venue_counts_only_in_a_list_of_venues() {
        let set = PatternSet::builtin().unwrap();
        let venues = |duty: &str| {
            job_count(
                &set,
                &format!("# Engineer\n\n## Responsibilities\n- {duty}\n"),
                "top venues",
            )
        };
        // An access-control list, a feed, the web: no venue.
        assert_eq!(venues("Apply each document's ACL at search time"), 0.0);
        assert_eq!(venues("문서별 접근 권한(ACL)을 검색 단계에서 반영"), 0.0);
        assert_eq!(venues("Ingest RSS feeds from the WWW"), 0.0);
        // Listed with other venues, in English and Korean.
        let listed = venues("Publish at ICLR and ACL");
        assert!(listed > venues("Publish at ICLR"), "{listed}");
        assert!(venues("매년 ACL·EMNLP에 논문 발표") > venues("매년 EMNLP에 논문 발표"));
    }

    #[test]
    fn generic_role_words_count_only_as_far_as_the_duties_are_ai_work() {
        let set = PatternSet::builtin().unwrap();
        assert!(set.model.params.ai_gate > 0.0);
        let plain = "# Senior Engineer\n\n## Responsibilities\n- Own the backend of our checkout\n- Write Go services and PostgreSQL schemas\n";
        let ai = "# Senior Engineer\n\n## Responsibilities\n- Own the backend of our model serving platform\n- Run LLM inference with vLLM on our GPU cluster\n";
        let (p, a) = (
            job_count(&set, plain, "backend engineer"),
            job_count(&set, ai, "backend engineer"),
        );
        assert!(p < 0.05 && a > 0.3, "plain {p}, ai {a}");
        let plain_ko =
            "# 개발자\n\n## 주요업무\n- 결제 시스템 백엔드 개발\n- Spring 기반 API 운영\n";
        let ai_ko = "# 개발자\n\n## 주요업무\n- 모델 서빙 플랫폼 백엔드 개발\n- LLM 추론 서버와 GPU 클러스터 운영\n";
        let (p, a) = (
            job_count(&set, plain_ko, "백엔드 (ko)"),
            job_count(&set, ai_ko, "백엔드 (ko)"),
        );
        assert!(p < 0.05 && a > 0.3, "plain {p}, ai {a}");
    }

    #[test]
    fn gate_off_counts_generic_words_fully() {
        assert_eq!(ai_gate(0.0, 0.0), 1.0);
        assert_eq!(ai_gate(0.0, 8.0), 0.0);
        assert!(ai_gate(16.0, 8.0) > 0.95);
    }

    #[test]
    fn fullwidth_and_decomposed_text_still_matches() {
        let plain = classify_md(
            "# ML Engineer\n\n## Responsibilities\n- Train and fine-tune PyTorch models\n",
        );
        let wide = classify_md(
            "# ML Engineer\n\n## Responsibilities\n- Ｔｒａｉｎ and fine\u{00ad}-tune ＰｙＴｏｒｃｈ models\n",
        );
        assert_eq!(plain.role, wide.role);
        assert!(
            wide.evidence.iter().any(|e| e.matched.contains("PyTorch")),
            "{:?}",
            wide.evidence
        );
        let ko = "\u{1106}\u{1169}\u{1103}\u{1166}\u{11af} \u{1112}\u{1161}\u{11a8}\u{1109}\u{1173}\u{11b8}";
        let c = classify_md(&format!(
            "# AI 엔지니어\n\n## 주요업무\n- 딥러닝 {ko} 및 평가\n"
        ));
        assert!(
            c.evidence.iter().any(|e| e.matched.contains("모델")),
            "{:?}",
            c.evidence
        );
    }

    #[test]
    fn sentences_split_glued_text() {
        let text = "We build models. You will train them, e.g. rankers! Benefits include dental; apply now";
        let parts: Vec<&str> = sentences(text)
            .iter()
            .map(|&(s, e)| text[s..e].trim())
            .collect();
        assert_eq!(
            parts,
            [
                "We build models.",
                "You will train them, e.g. rankers!",
                "Benefits include dental;",
                "apply now"
            ]
        );
        let ko = "모델을 개발합니다. 우대사항: 논문 실적 · 4대보험 제공";
        let parts: Vec<&str> = sentences(ko)
            .iter()
            .map(|&(s, e)| ko[s..e].trim())
            .collect();
        assert_eq!(
            parts,
            [
                "모델을 개발합니다.",
                "우대사항: 논문 실적",
                "· 4대보험 제공"
            ]
        );
    }

    /// What the company or its team has achieved is its blurb even under the
    /// job's own headings; an about sentence of the general kind ("our
    /// platform") is not, and a duty that publishes stays a duty.
    #[test]
    fn a_teams_record_under_the_duties_is_its_blurb() {
        let set = PatternSet::builtin().unwrap();
        let places = |text: &str| -> Vec<Place> {
            let posting = extract(&padded(text), Format::Markdown, &set.sections).unwrap();
            read(&posting, &set)
                .1
                .into_iter()
                .filter(|h| h.signal == Signal::Research)
                .map(|h| h.place)
                .collect()
        };
        for (record, duty) in [
            (
                "# ML Engineer\n\n## Responsibilities\n- Train detection models\n- Our team has published papers at CVPR and NeurIPS.\n",
                "# ML Engineer\n\n## Responsibilities\n- Train detection models\n- Publish papers at CVPR and NeurIPS.\n",
            ),
            (
                "# ML 엔지니어\n\n## 주요업무\n- 검출 모델 개발\n- 저희 팀은 CVPR에 논문을 발표하며 기술력을 증명했습니다.\n",
                "# ML 엔지니어\n\n## 주요업무\n- 검출 모델 개발\n- CVPR 등 학회에 논문을 발표합니다.\n",
            ),
        ] {
            let (record, duty) = (places(record), places(duty));
            assert!(
                !record.is_empty() && record.iter().all(|&p| p == Place::Blurb),
                "{record:?}"
            );
            assert!(
                !duty.is_empty() && duty.iter().all(|&p| p == Place::Job(0)),
                "{duty:?}"
            );
        }
    }

    #[test]
    fn sentence_kinds_move_hits_out_of_untitled_text() {
        let set = PatternSet::builtin().unwrap();
        let k = |s: &str| set.sections.kind_of_sentence(s);
        assert_eq!(
            k("We are an equal opportunity employer."),
            Some(SectionKind::Benefits)
        );
        assert_eq!(
            k("We are a leading AI company backed by top investors."),
            Some(SectionKind::About)
        );
        assert_eq!(
            k("Experience with Kubernetes is a plus."),
            Some(SectionKind::Preferred)
        );
        assert_eq!(
            k("You will train ranking models."),
            Some(SectionKind::Responsibilities)
        );
        assert_eq!(k("저희는 AI 스타트업입니다."), Some(SectionKind::About));
        assert_eq!(k("논문 실적 우대"), Some(SectionKind::Preferred));
        assert_eq!(k("4대보험 및 퇴직금 제공"), Some(SectionKind::Benefits));
        assert_eq!(k("Kubernetes"), None);
        let read = |kind, anywhere| Some(SentenceKind { kind, anywhere });
        assert_eq!(
            place_by_sentence(Place::Job(3), read(SectionKind::About, false)),
            Place::Blurb
        );
        assert_eq!(
            place_by_sentence(Place::Job(0), read(SectionKind::About, false)),
            Place::Job(0)
        );
        assert_eq!(
            place_by_sentence(Place::Job(0), read(SectionKind::About, true)),
            Place::Blurb
        );
        assert_eq!(
            place_by_sentence(Place::Job(1), read(SectionKind::Preferred, false)),
            Place::Job(2)
        );
        assert_eq!(
            place_by_sentence(Place::Job(1), read(SectionKind::Benefits, false)),
            Place::Blurb
        );
    }

    #[test]
    fn ai_in_the_blurb_only_does_not_make_an_ai_job() {
        // One glued paragraph: the AI is the company's, the job is web work.
        let en = "Full Stack Engineer\n\nWe are a leading AI company using machine learning and deep learning for healthcare. You will build checkout pages in React and TypeScript and improve web performance.\n";
        let set = PatternSet::builtin().unwrap();
        let p = extract(en, Format::Text, &set.sections).unwrap();
        let c = classify(&p, &set);
        assert_eq!(c.role, None, "{:?}", c.evidence);
        let ko = "프론트엔드 개발자\n\n저희는 머신러닝과 딥러닝으로 의료 AI를 만드는 회사입니다. React와 TypeScript로 결제 화면을 개발하는 업무를 담당합니다.\n";
        let p = extract(ko, Format::Text, &set.sections).unwrap();
        let c = classify(&p, &set);
        assert_eq!(c.role, None, "{:?}", c.evidence);
    }

    #[test]
    fn confidence_is_a_probability_and_alternative_is_the_runner_up() {
        for text in [
            "# ML Engineer\n\n## Responsibilities\n- Train ranking models in PyTorch\n- Build the model serving platform with vLLM and Kubernetes\n",
            "# AI 엔지니어\n\n## 주요업무\n- 추천 모델 개발 및 학습\n- 모델 서빙 인프라 구축 및 운영\n",
        ] {
            let c = classify_md(text);
            let p_role = c.role.map_or(1.0 - c.ai_signal, |r| c.score(r));
            assert!((c.confidence - p_role).abs() < 0.011, "{c:?}");
            if let Some((alt, p)) = c.alternative {
                assert_ne!(alt, c.label());
                assert!(p <= c.confidence && p >= set_alt_min());
            }
            let total: f64 = c.scores.iter().sum::<f64>() + (1.0 - c.ai_signal);
            assert!((total - 1.0).abs() < 0.03, "{total}");
        }
    }

    /// The lead of the label over the runner-up is their logit difference,
    /// its parts add up to it, and each hit's lead adds up to its part: the
    /// hits in the job's own sections to `hits`, the title's to `title`, the
    /// blurb's to `blurb`. English and Korean.
    #[test]
    fn the_lead_over_the_runner_up_adds_up_from_its_parts_and_hits() {
        let set = PatternSet::builtin().unwrap();
        for text in [
            "# Research Scientist, Machine Learning\n\n## About us\nWe are an AI lab: our team fine-tunes large language models in PyTorch for hospitals.\n\n## Responsibilities\n- Train and evaluate deep learning models in PyTorch\n- Publish papers at NeurIPS and ICML\n",
            "# 딥러닝 연구원\n\n## 회사 소개\n저희는 의료 AI를 만드는 회사로, 파이토치로 딥러닝 모델을 학습합니다.\n\n## 주요업무\n- 딥러닝 모델 개발 및 학습\n- 연구 결과를 CVPR 등 학회에 논문으로 발표\n",
        ] {
            let posting = extract(&padded(text), Format::Markdown, &set.sections).unwrap();
            let c = classify(&posting, &set);
            let (f, lead) = (features(&posting, &set), c.lead);
            let z = set.model.logits(&f);
            let (first, second) = (learn::class_of(c.label()), learn::class_of(lead.over));
            assert_ne!(first, second);
            assert!(lead.total > 0.0, "{lead:?}");
            assert!(
                (lead.total - (z[first] - z[second])).abs() < 0.006,
                "{lead:?} {z:?}"
            );
            let parts = lead.hits + lead.title + lead.blurb + lead.totals + lead.bias;
            assert!((parts - lead.total).abs() < 0.03, "{lead:?}");
            let (mut hits, mut title, mut blurb, mut n) = (0.0, 0.0, 0.0, 0);
            for e in c.evidence.iter().filter(|e| !e.negated) {
                n += 1;
                match e.section {
                    SectionKind::Title => title += e.lead,
                    SectionKind::About | SectionKind::Benefits | SectionKind::Process => {
                        blurb += e.lead
                    }
                    _ => hits += e.lead,
                }
            }
            let near = |a: f64, b: f64| (a - b).abs() <= 0.006 * n as f64;
            assert!(near(hits, lead.hits), "{hits} {lead:?}");
            assert!(near(title, lead.title), "{title} {lead:?}");
            assert!(near(blurb, lead.blurb), "{blurb} {lead:?}");
            // Not vacuous: the title and the blurb each have a hit that
            // moves the lead.
            for kind in [SectionKind::Title, SectionKind::About] {
                let moved = c
                    .evidence
                    .iter()
                    .any(|e| e.section == kind && e.lead != 0.0);
                assert!(moved, "{kind:?}: {:?}", c.evidence);
            }
            // Research words speak for research against modeling, whichever
            // of the two is given.
            let venue = c
                .evidence
                .iter()
                .find(|e| e.matched == "CVPR" || e.matched == "NeurIPS");
            let venue = venue.expect("a venue hit").lead;
            match (c.role, lead.over.0) {
                (Some(Role::Research), Some(Role::Modeling)) => assert!(venue > 0.0),
                (Some(Role::Modeling), Some(Role::Research)) => assert!(venue < 0.0),
                other => panic!("{other:?}"),
            }
        }
    }

    /// A recruiter for an AI team is "none" by the job-function rule, here
    /// against the model's odds: the lead says so with a negative total.
    #[test]
    fn a_lead_against_the_model_is_negative() {
        let set = PatternSet::builtin().unwrap();
        let text = "# Technical Recruiter\n\n## What you will do\n- Recruit for our team that trains deep learning models in PyTorch, fine-tunes LLMs with RLHF and builds computer vision models\n- Understand model training, evaluation and fine-tuning well enough to screen machine learning engineers\n- Run interview loops and close offers\n";
        let posting = extract(&padded(text), Format::Markdown, &set.sections).unwrap();
        let c = classify(&posting, &set);
        let z = set.model.logits(&features(&posting, &set));
        assert_eq!(c.role, None);
        let lead = c.lead;
        assert_eq!(lead.over, Label(Some(Role::Modeling)));
        assert!(z[learn::NONE] < z[0], "{z:?}");
        assert!(
            (lead.total - (z[learn::NONE] - z[0])).abs() < 0.006,
            "{lead:?}"
        );
        assert!(lead.total < 0.0, "{lead:?}");
    }

    /// A long posting's hits in the job's own sections are damped together,
    /// the title's are not, and the evidence shows the damped counts: what
    /// each hit really adds. English and Korean.
    #[test]
    fn hits_of_a_long_posting_are_damped_together_and_evidence_shows_it() {
        let damped = PatternSet::builtin().unwrap();
        let scale = damped.model.params.length_scale;
        assert!(scale > 0.0);
        let mut undamped = PatternSet::builtin().unwrap();
        undamped.model.params.length_scale = 0.0;
        for text in [
            "# ML Engineer\n\n## Responsibilities\n- Train and fine-tune recommendation models in PyTorch\n- Improve model accuracy with feature engineering\n- Build data pipelines in Spark and Airflow\n- Serve models behind a REST API\n",
            "# ML 엔지니어\n\n## 주요업무\n- 추천 모델 개발 및 학습\n- 피처 엔지니어링으로 모델 성능 개선\n- 데이터 파이프라인 구축\n- 모델 서빙 API 개발\n",
        ] {
            let posting = extract(text, Format::Markdown, &damped.sections).unwrap();
            let (f, found) = read(&posting, &damped);
            let (raw, raw_found) = read(&posting, &undamped);
            let job = |f: &Features| -> f64 {
                f.hits
                    .iter()
                    .filter(|h| h.1 != learn::TITLE_GROUP)
                    .map(|h| h.2)
                    .sum()
            };
            let title = |f: &Features| -> Vec<(usize, usize, f64)> {
                f.hits
                    .iter()
                    .copied()
                    .filter(|h| h.1 == learn::TITLE_GROUP)
                    .collect()
            };
            let d = learn::length_damping(job(&raw), scale);
            assert!(job(&raw) > 2.0 && d < 1.0, "{text}");
            assert!((job(&f) - job(&raw) * d).abs() < 1e-9, "{text}");
            assert!(!title(&f).is_empty() && title(&f) == title(&raw), "{text}");
            for (h, r) in found.iter().zip(&raw_found) {
                let want = match h.place {
                    Place::Job(_) => r.evidence.weight * d,
                    _ => r.evidence.weight,
                };
                assert!((h.evidence.weight - want).abs() < 1e-12, "{text}");
            }
        }
    }

    fn set_alt_min() -> f64 {
        PatternSet::builtin().unwrap().model.params.alternative_min - 0.005
    }

    #[test]
    fn title_role_is_what_the_title_alone_says() {
        let c = classify_md(
            "# Research Scientist\n\n## Responsibilities\n- Build and ship recommendation models to production\n- Improve model accuracy with feature engineering\n",
        );
        assert_eq!(c.title_role, Some(Label(Some(Role::Research))));
        assert_eq!(c.role, Some(Role::Modeling));
        assert!(c.title_differs());
        let c =
            classify_md("# 테크 리크루터\n\n## 주요업무\n- AI 연구원 채용 담당\n- 채용 브랜딩\n");
        assert_eq!(c.title_role, Some(Label(None)));
        assert_eq!(c.role, None);
        assert!(!c.title_differs());
        let c = classify_md("# Acme\n\n## Responsibilities\n- Train models\n");
        assert_eq!(c.title_role, None);
        // The abbreviation, in capitals only: "mle" in a sentence is the
        // statistician's maximum likelihood, not a title.
        for title in ["Staff MLE", "Senior MLE, Ads", "MLE (추천 모델)"] {
            let c = classify_md(&format!(
                "# {title}\n\n## Responsibilities\n- Own the team's roadmap\n"
            ));
            assert_eq!(c.title_role, Some(Label(Some(Role::Modeling))), "{title}");
        }
        let c = classify_md("# Acme mle tools\n\n## Responsibilities\n- Own the roadmap\n");
        assert_eq!(c.title_role, None);
    }

    #[test]
    fn a_plus_in_requirements_counts_as_preferred() {
        let set = PatternSet::builtin().unwrap();
        let text = "# Backend Engineer\n\n## Requirements\n- Go and Kubernetes\n- Experience with PyTorch is a plus\n";
        let posting = extract(&padded(text), Format::Markdown, &set.sections).unwrap();
        let (f, found) = read(&posting, &set);
        let torch = found
            .iter()
            .find(|h| h.evidence.matched == "PyTorch")
            .unwrap();
        assert_eq!(torch.place, Place::Job(2));
        assert!(f.hits.iter().any(|&(q, g, _)| q == torch.q && g == 2));
        let ko = "# 백엔드 개발자\n\n## 자격요건\n- Go, Kubernetes\n- PyTorch 경험자 우대\n";
        let posting = extract(&padded(ko), Format::Markdown, &set.sections).unwrap();
        let (_, found) = read(&posting, &set);
        let torch = found
            .iter()
            .find(|h| h.evidence.matched == "PyTorch")
            .unwrap();
        assert_eq!(torch.place, Place::Job(2));
    }

    /// The features of a short test posting.
    fn features_of(text: &str) -> Features {
        let set = PatternSet::builtin().unwrap();
        let posting = extract(&padded(text), Format::Markdown, &set.sections).unwrap();
        features(&posting, &set)
    }

    #[test]
    fn ai_work_is_bounded_and_read_from_the_duties() {
        for (plain, ai, more) in [
            (
                "# Engineer\n\n## Responsibilities\n- Build checkout pages in React\n- Write Go services\n",
                "# Engineer\n\n## Responsibilities\n- Fine-tune LLMs for our assistant\n",
                "# Engineer\n\n## Responsibilities\n- Fine-tune LLMs for our assistant\n- Train ranking models in PyTorch\n- Run RLHF and offline evaluation\n",
            ),
            (
                "# 개발자\n\n## 주요업무\n- 결제 화면 개발\n- Spring 기반 API 운영\n",
                "# 개발자\n\n## 주요업무\n- 추천 모델 학습 및 파인튜닝\n",
                "# 개발자\n\n## 주요업무\n- 추천 모델 학습 및 파인튜닝\n- 딥러닝 모델 개발 및 성능 평가\n- 자연어 처리 모델 고도화\n",
            ),
        ] {
            let (p, a, m) = (
                features_of(plain).ai_work,
                features_of(ai).ai_work,
                features_of(more).ai_work,
            );
            assert!(p < 0.05, "plain {p}");
            assert!(a > 0.5 && m > a && m < 1.0, "ai {a}, more {m}");
        }
        // AI named only in the company blurb is not AI work of the job.
        let blurb = features_of(
            "# Engineer\n\n## About us\n- We are a leading machine learning and LLM company\n\n## Responsibilities\n- Build checkout pages in React\n",
        );
        assert!(blurb.ai_work < 0.05, "{}", blurb.ai_work);
    }

    #[test]
    fn role_work_counts_each_roles_duties_bounded() {
        let modeling = Role::Modeling.index();
        let backend = Role::Backend.index();
        for (one, many) in [
            (
                "# Engineer\n\n## Responsibilities\n- Own our serving infrastructure with vLLM\n",
                "# Engineer\n\n## Responsibilities\n- Own our serving infrastructure with vLLM\n- Own inference latency on our GPU clusters\n- Run the feature store and the MLOps platform\n- Train ranking models in PyTorch\n",
            ),
            (
                "# 개발자\n\n## 주요업무\n- 모델 서빙 인프라 구축\n",
                "# 개발자\n\n## 주요업무\n- 모델 서빙 인프라 구축\n- 추론 서버 최적화 및 GPU 클러스터 운영\n- MLOps 플랫폼 운영\n- 추천 모델 학습\n",
            ),
        ] {
            let (a, b) = (features_of(one), features_of(many));
            assert!(a.role_work[backend] > 0.0, "{:?}", a.role_work);
            assert_eq!(a.role_work[modeling], 0.0, "{:?}", a.role_work);
            assert!(
                b.role_work[backend] > a.role_work[backend] && b.role_work[backend] < 1.0,
                "{:?} {:?}",
                a.role_work,
                b.role_work
            );
            assert!(b.role_work[modeling] > 0.0, "{:?}", b.role_work);
        }
    }

    /// Korean says what English does: a data pipeline is backend work, an
    /// analyst who derives insights is a non-AI job function.
    #[test]
    fn korean_data_pipelines_and_analysts_read_as_their_english() {
        let signals = |text: &str| -> Vec<(Signal, String)> {
            classify_md(text)
                .evidence
                .into_iter()
                .map(|e| (e.signal, e.matched))
                .collect()
        };
        for (en, ko) in [
            (
                "# Engineer\n\n## Responsibilities\n- Build data pipelines for model training data\n",
                "# 엔지니어\n\n## 주요업무\n- 모델 학습용 데이터 파이프라인 구축\n",
            ),
            (
                "# Analyst\n\n## Responsibilities\n- Work as a data analyst delivering business insights\n",
                "# 분석가\n\n## 주요업무\n- 서비스 데이터 분석 및 인사이트 도출\n",
            ),
        ] {
            let (en, ko) = (signals(en), signals(ko));
            let kinds = |s: &[(Signal, String)]| {
                let mut k: Vec<Signal> = s
                    .iter()
                    .map(|x| x.0)
                    .filter(|&x| x == Signal::Backend || x == Signal::Function)
                    .collect();
                k.dedup();
                k
            };
            assert!(!kinds(&en).is_empty(), "{en:?}");
            assert_eq!(kinds(&en), kinds(&ko), "{en:?} / {ko:?}");
        }
    }

    #[test]
    fn korean_model_development_is_modeling() {
        let text = "# AI 연구원\n\n## 주요업무\n- 딥러닝 기반 OCR 모델 개발 및 학습\n- 학습 데이터 구축과 모델 성능 평가\n\n## 자격요건\n- PyTorch를 활용한 모델 개발 경험\n";
        assert_eq!(role_of(text), Some(Role::Modeling));
    }
}
