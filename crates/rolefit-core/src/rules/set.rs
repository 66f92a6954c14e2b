//! The whole pattern set: role patterns, what decides "none", negation cues and
//! section headings, loaded from the files of [`super::FILES`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::matcher::{keyword_regex, user_regex};
use super::{Entry, Matcher, PatternInfo, RulesError, SectionWeights, SourceFile};
use crate::model::SectionKind;
use crate::role::Role;

/// One `[[pattern]]`-style entry as written in a file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDef {
    name: Option<String>,
    keywords: Option<Spanned<Vec<String>>>,
    regex: Option<Spanned<String>>,
    weight: Option<Spanned<f64>>,
    #[serde(default)]
    generic: bool,
    #[serde(default)]
    case_sensitive: bool,
    /// Weights learned by `rolefit patterns learn`, per kind of job section.
    learned: Option<Spanned<BTreeMap<String, f64>>>,
    /// Learned weights toward other classes than the pattern's own, per
    /// class ("modeling", ..., "none") and kind of job section.
    learned_for: Option<Spanned<BTreeMap<String, BTreeMap<String, f64>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleFile {
    role: Spanned<String>,
    #[serde(default)]
    pattern: Vec<Spanned<EntryDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoneFile {
    thresholds: Thresholds,
    #[serde(default)]
    ai: Vec<Spanned<EntryDef>>,
    #[serde(default)]
    function: Vec<Spanned<EntryDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NegationFile {
    clause_split: Spanned<String>,
    #[serde(default)]
    cue: Vec<Spanned<EntryDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionsFile {
    #[serde(default)]
    login_wall: Vec<String>,
    #[serde(default)]
    sole_list_required: Vec<String>,
    weights: BTreeMap<String, Spanned<f64>>,
    #[serde(default)]
    kind: Vec<Spanned<KindDef>>,
    #[serde(default)]
    sentence: Vec<Spanned<SentenceDef>>,
}

/// Words that say what a sentence outside any recognised section is about.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SentenceDef {
    kind: Spanned<String>,
    keywords: Spanned<Vec<String>>,
    /// Read in the job's own sections too, not only in untitled text.
    #[serde(default)]
    anywhere: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KindDef {
    kind: Spanned<String>,
    headings: Vec<Spanned<String>>,
}

/// The header names batch input looks for, per field; see `patterns/columns.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderNames {
    pub id: Vec<String>,
    pub title: Vec<String>,
    pub company: Vec<String>,
    pub location: Vec<String>,
    pub text: Vec<String>,
    pub url: Vec<String>,
}

impl Default for HeaderNames {
    /// The built-in names.
    fn default() -> HeaderNames {
        let text = super::BUILTIN
            .iter()
            .find(|(name, _)| *name == "columns.toml")
            .map(|(_, text)| *text)
            .unwrap_or_default();
        toml::from_str(text).expect("the built-in columns.toml parses (a test checks it)")
    }
}

/// The numbers that turn scores into a decision; see `patterns/none.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// AI signal in the job's own sections below this: not an AI role.
    pub min_ai: f64,
    /// The same bar for a posting whose top role is frontend: UI work is AI
    /// work by the product it serves, so its sections name AI less often.
    pub min_ai_frontend: f64,
    /// A non-AI job function (sales, recruiting) scoring above this share of
    /// the top role's score makes the posting "none".
    pub function_ratio: f64,
    /// A second role at or above this share of the first is reported as secondary.
    pub secondary_ratio: f64,
    /// ... and only when its own score is at least this.
    pub min_secondary: f64,
    /// A non-AI job function's hits in the title count this many times over.
    pub function_title_boost: f64,
    /// Share of a general AI hit's weight that counts toward modeling.
    pub ai_to_modeling: f64,
    /// Repeated hits of one pattern count this much less each time (0.5: half).
    pub repeat_decay: f64,
}

/// Compiled role patterns, with which entries are generic (not AI by themselves).
#[derive(Debug)]
pub struct RolePatterns {
    pub role: Role,
    pub matcher: Matcher,
    pub generic: Vec<bool>,
}

/// Section headings of one kind.
#[derive(Debug)]
pub struct KindHeadings {
    pub kind: SectionKind,
    pub matcher: Matcher,
}

/// What section splitting needs: the heading patterns per kind.
#[derive(Debug)]
pub struct SectionRules {
    /// Words of a login wall, lower case.
    pub login_wall: Vec<String>,
    /// First words of a preferred heading that, with no requirements
    /// section, heads what the posting asks for; lower case.
    sole_list_required: Vec<String>,
    pub kinds: Vec<KindHeadings>,
    pub weights: SectionWeights,
    /// Every kind's headings joined, in order, to test a line once.
    all: Matcher,
    /// The kind of each pattern of `all`.
    kind_of_pattern: Vec<SectionKind>,
    /// Words that say what a sentence is about, for text under no heading.
    sentences: Matcher,
    /// The kind of each pattern of `sentences`.
    kind_of_sentence: Vec<SentenceKind>,
    /// Every word of the pattern files, lower case: a word glued to the next
    /// ("PythonBig") is cut unless the whole is one of these ("PyTorch",
    /// "FinTech"). Filled by [`PatternSet::load`].
    words: std::collections::HashSet<String>,
}

impl SectionRules {
    /// Whether a preferred section with this heading, in a posting with no
    /// requirements section, is what the posting asks for ("Preferred
    /// Qualifications" as its only list; not "Nice to have").
    pub fn sole_list_required(&self, heading: &str) -> bool {
        let heading = heading.to_lowercase();
        self.sole_list_required
            .iter()
            .any(|w| heading.starts_with(w.as_str()))
    }

    /// Whether a word (any case) is one the pattern files use.
    pub fn knows_word(&self, word: &str) -> bool {
        self.words.contains(&word.to_ascii_lowercase())
    }

    /// The kind a heading names, if any of the heading patterns match it:
    /// the first kind in the file with a pattern that does.
    pub fn kind_of(&self, heading: &str) -> Option<SectionKind> {
        self.all
            .first_match(heading)
            .map(|p| self.kind_of_pattern[p])
    }

    /// The kind a sentence reads as by its words ("we offer", "you will",
    /// "우대"), if any: the first `[[sentence]]` entry in the file that matches.
    pub fn kind_of_sentence(&self, sentence: &str) -> Option<SectionKind> {
        self.sentences
            .first_match(sentence)
            .map(|p| self.kind_of_sentence[p].kind)
    }

    /// The kind of each sentence of a line (byte ranges, in order and
    /// apart), as [`SectionRules::kind_of_sentence`] reads them, from one
    /// scan of the whole line.
    pub fn kinds_of_sentences(
        &self,
        line: &str,
        sentences: &[(usize, usize)],
    ) -> Vec<Option<SentenceKind>> {
        let mut hits = Vec::new();
        self.sentences.hits(line, &mut hits);
        sentences
            .iter()
            .map(|&(s, e)| {
                hits.iter()
                    .filter(|h| h.start >= s && h.end <= e)
                    .map(|h| h.pattern)
                    .min()
                    .map(|p| self.kind_of_sentence[p])
            })
            .collect()
    }
}

/// What a sentence reads as by its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceKind {
    pub kind: SectionKind,
    /// Whether it is read so in the job's own sections too (its entry says
    /// `anywhere = true`), not only in text under no heading.
    pub anywhere: bool,
}

/// Negation: cues that cancel a pattern hit in the same clause.
#[derive(Debug)]
pub struct Negation {
    pub clause_split: regex::Regex,
    pub cues: Matcher,
}

impl Negation {
    /// Splits a line into clauses, as `(start, end, negated)` byte ranges.
    pub fn clauses(&self, text: &str) -> Vec<(usize, usize, bool)> {
        let mut out = Vec::new();
        let mut start = 0;
        let ends = self
            .clause_split
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .chain(std::iter::once((text.len(), text.len())));
        for (s, e) in ends {
            if s > start {
                out.push((start, s, self.cues.is_match(&text[start..s])));
            }
            start = e;
        }
        out
    }

    /// For each line of a document, whether a negation cue is on it (and
    /// [`Negation::negated_spans`] can find anything there).
    pub fn cue_lines(&self, doc: &super::Doc) -> Vec<bool> {
        let mut hits = Vec::new();
        self.cues.doc_hits(doc, &mut hits);
        let mut lines = vec![false; doc.len()];
        for (line, _) in hits {
            lines[line] = true;
        }
        lines
    }

    /// `matcher` followed by the cues, so that one scan of a document finds
    /// the hits of both; see [`WithCues::doc_hits`].
    pub fn join(&self, matcher: &Matcher) -> WithCues {
        WithCues {
            matcher: Matcher::join(&[matcher, &self.cues]),
            cues_from: matcher.len(),
        }
    }

    /// The byte ranges of a line's negated clauses.
    pub fn negated_spans(&self, text: &str) -> Vec<(usize, usize)> {
        if !self.cues.is_match(text) {
            return Vec::new();
        }
        self.clauses(text)
            .into_iter()
            .filter(|c| c.2)
            .map(|(s, e, _)| (s, e))
            .collect()
    }
}

/// A matcher's patterns, then the negation cues (see [`Negation::join`]):
/// a posting's lines are scanned once for both instead of once each.
#[derive(Debug)]
pub struct WithCues {
    matcher: Matcher,
    /// The first cue's pattern index.
    cues_from: usize,
}

impl WithCues {
    /// The hits of the matcher's own patterns in `doc`, added to `out` as
    /// [`Matcher::doc_hits`] of that matcher alone adds them, and for each
    /// line whether a cue is on it, as [`Negation::cue_lines`] tells.
    pub fn doc_hits(&self, doc: &super::Doc, out: &mut Vec<(usize, super::Hit)>) -> Vec<bool> {
        let mut hits = Vec::new();
        self.matcher.doc_hits(doc, &mut hits);
        let mut cue_lines = vec![false; doc.len()];
        // In line order, each line's hits in pattern order: without the
        // cues' (the last patterns), what the matcher alone gives.
        for (line, hit) in hits {
            if hit.pattern >= self.cues_from {
                cue_lines[line] = true;
            } else {
                out.push((line, hit));
            }
        }
        cue_lines
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelFile {
    model: crate::learn::Params,
}

/// Everything classification needs, compiled.
#[derive(Debug)]
pub struct PatternSet {
    pub roles: Vec<RolePatterns>,
    pub ai: Matcher,
    pub functions: Matcher,
    /// The role, AI and function patterns joined (in that order), so that a
    /// posting is scanned for all of them at once.
    pub classifier: Matcher,
    /// `classifier`, then the negation cues, for scanning a posting once.
    pub classifier_cues: WithCues,
    pub thresholds: Thresholds,
    pub negation: Negation,
    pub sections: SectionRules,
    pub skills: super::skills::SkillSet,
    /// Header names of batch input.
    pub columns: HeaderNames,
    /// `requirements.toml`: the phrases of a posting's limits and a person's facts.
    pub requirements: super::phrases::ReqRules,
    /// `fit.toml`: the weights, penalties and gates of fit.
    pub fit: super::weights::FitRules,
    /// How pay is read; see `patterns/salary.toml`.
    pub salary: super::salary::SalaryRules,
    pub files: Vec<SourceFile>,
    /// The role model: learned weights where the files have them, the
    /// hand-set ones (pattern weight times section weight) elsewhere.
    pub model: crate::learn::Model,
    /// The same model with only the hand-set weights: where learning starts.
    pub prior: crate::learn::Model,
}

impl PatternSet {
    /// The pattern set compiled into the binary.
    pub fn builtin() -> Result<PatternSet, RulesError> {
        PatternSet::load(super::builtin_files())
    }

    /// Parses and compiles a set of pattern files.
    pub fn load(files: Vec<SourceFile>) -> Result<PatternSet, RulesError> {
        PatternSet::load_with(files, false)
    }

    /// Like [`PatternSet::load`], but compiles every regex now, even those of
    /// the bundled skills that otherwise compile on first use.
    pub fn load_checked(files: Vec<SourceFile>) -> Result<PatternSet, RulesError> {
        PatternSet::load_with(files, true)
    }

    fn load_with(files: Vec<SourceFile>, check: bool) -> Result<PatternSet, RulesError> {
        // Callers pass the built-in set or `folder_files`, which fills the
        // files a folder lacks from it; a set missing one is refused.
        let missing = super::FILES
            .iter()
            .find(|name| !files.iter().any(|f| f.name == **name));
        if let Some(name) = missing {
            return Err(RulesError::File {
                file: format!("patterns/{name}"),
                message: "missing from the pattern set".to_string(),
            });
        }
        let file = |name: &str| -> &SourceFile {
            files
                .iter()
                .find(|f| f.name == name)
                .expect("every file was checked above")
        };
        let mut roles = Vec::new();
        // (class, hand weight, learned weights) of every classifier pattern, in order.
        let mut learned = Vec::new();
        for role in Role::ALL {
            let f = file(&format!("{}.toml", role.name()));
            let def: RoleFile = f.parse()?;
            if def.role.get_ref() != role.name() {
                return Err(f.error_at(
                    def.role.span().start,
                    format!("this file must say role = \"{}\"", role.name()),
                ));
            }
            let generic = def.pattern.iter().map(|e| e.get_ref().generic).collect();
            let matcher = compile_entries(f, &def.pattern, true, check)?;
            learned.extend(learned_of(f, &def.pattern, role.index(), 1.0)?);
            roles.push(RolePatterns {
                role,
                matcher,
                generic,
            });
        }

        let f = file("none.toml");
        let none: NoneFile = f.parse()?;
        let ai = compile_entries(f, &none.ai, true, check)?;
        let functions = compile_entries(f, &none.function, true, check)?;
        learned.extend(learned_of(f, &none.ai, crate::learn::NONE, -1.0)?);
        learned.extend(learned_of(f, &none.function, crate::learn::NONE, 1.0)?);

        let f = file("negation.toml");
        let neg: NegationFile = f.parse()?;
        let clause_split = regex::Regex::new(&user_regex(neg.clause_split.get_ref(), false))
            .map_err(|e| {
                f.error_at(
                    neg.clause_split.span().start,
                    super::matcher::one_line(&e.to_string()),
                )
            })?;
        let cues = compile_entries(f, &neg.cue, false, check)?;

        let f = file("sections.toml");
        let mut sections = load_sections(f, check)?;
        sections.words = pattern_words(&files);
        // The bundled skills are checked by the tests and compile lazily; a
        // user's file is compiled now, so its mistakes are reported up front.
        let skills_file = file("skills.toml");
        let skills = super::skills::SkillSet::load(skills_file, eager(skills_file, check))?;
        let columns: HeaderNames = file("columns.toml").parse()?;
        // Compiled on first use, like the bundled skills, unless checked or a user's.
        let f = file("requirements.toml");
        let requirements = super::phrases::ReqRules::load_with(f, eager(f, check))?;
        let fit = super::weights::FitRules::load(file("fit.toml"))?;
        let f = file("salary.toml");
        let salary = super::salary::SalaryRules::load_with(f, eager(f, check))?;

        let mut parts: Vec<&Matcher> = roles.iter().map(|r| &r.matcher).collect();
        parts.extend([&ai, &functions]);
        let classifier = Matcher::join(&parts);
        let negation = Negation { clause_split, cues };
        let classifier_cues = negation.join(&classifier);
        let skills = skills.with_cues(&negation);
        let f = file("model.toml");
        let params = f.parse::<ModelFile>()?.model;
        let (prior, model) = models(&learned, &sections.weights, params);
        Ok(PatternSet {
            roles,
            ai,
            functions,
            classifier,
            classifier_cues,
            thresholds: none.thresholds,
            negation,
            sections,
            skills,
            columns,
            requirements,
            fit,
            salary,
            files,
            model,
            prior,
        })
    }

    pub fn role(&self, role: Role) -> &RolePatterns {
        &self.roles[role.index()]
    }
}

/// A pattern's class in the role model, its signed hand weight, and its
/// learned weights per class and job group (NaN where the file has none).
type LearnedEntry = (usize, f64, crate::learn::PatternWeight);

/// Reads a `{ responsibilities = .., requirements = .. }` table of learned weights.
fn learned_groups(
    f: &SourceFile,
    at: usize,
    table: &BTreeMap<String, f64>,
) -> Result<[f64; crate::learn::GROUPS], RulesError> {
    let groups = crate::learn::JOB_GROUPS;
    let mut out = [f64::NAN; crate::learn::GROUPS];
    for (k, v) in table {
        let Some(g) = groups.iter().position(|g| g == k) else {
            return Err(f.error_at(
                at,
                format!(
                    "unknown section kind '{k}' in learned weights (expected {})",
                    groups.join(", ")
                ),
            ));
        };
        if !v.is_finite() || v.abs() > MAX_WEIGHT {
            return Err(f.error_at(
                at,
                format!("learned weights must be numbers from -{MAX_WEIGHT} to {MAX_WEIGHT}"),
            ));
        }
        out[g] = *v;
    }
    Ok(out)
}

fn learned_of(
    f: &SourceFile,
    entries: &[Spanned<EntryDef>],
    class: usize,
    sign: f64,
) -> Result<Vec<LearnedEntry>, RulesError> {
    entries
        .iter()
        .map(|e| {
            let e = e.get_ref();
            let weight = e.weight.as_ref().map_or(1.0, |w| *w.get_ref()) * sign;
            let mut learned = [[f64::NAN; crate::learn::GROUPS]; crate::learn::CLASSES];
            if let Some(l) = &e.learned {
                learned[class] = learned_groups(f, l.span().start, l.get_ref())?;
            }
            if let Some(l) = &e.learned_for {
                for (name, table) in l.get_ref() {
                    let c = name
                        .parse::<crate::role::Label>()
                        .map_err(|m| f.error_at(l.span().start, m))?;
                    learned[crate::learn::class_of(c)] = learned_groups(f, l.span().start, table)?;
                }
            }
            Ok((class, weight, learned))
        })
        .collect()
}

/// How a hand-set weight (times its section weight) maps to a logit.
pub const PRIOR_LOGIT_SCALE: f64 = 0.7;

/// The hand-set model and the model with learned weights filled in.
fn models(
    entries: &[LearnedEntry],
    sections: &SectionWeights,
    params: crate::learn::Params,
) -> (crate::learn::Model, crate::learn::Model) {
    use crate::learn::{JOB_GROUPS, Model, PatternWeights};
    // The title's hand weight is in the bounded title prior, not here.
    let section_weight: Vec<f64> = JOB_GROUPS
        .iter()
        .enumerate()
        .map(|(i, g)| match i {
            crate::learn::TITLE_GROUP => 0.0,
            _ => sections.get(SectionKind::from_name(g).expect("a section kind")),
        })
        .collect();
    let hand: Vec<crate::learn::PatternWeight> = entries
        .iter()
        .map(|(class, w, _)| {
            let mut pw = [[0.0; crate::learn::GROUPS]; crate::learn::CLASSES];
            pw[*class] = std::array::from_fn(|g| w * section_weight[g] * PRIOR_LOGIT_SCALE);
            pw
        })
        .collect();
    let class: Vec<usize> = entries.iter().map(|e| e.0).collect();
    // Where a file has learned weights, a class it gives none for has none.
    let weights = entries
        .iter()
        .zip(&hand)
        .map(|((_, _, l), h)| {
            if l.iter().flatten().all(|x| x.is_nan()) {
                return *h;
            }
            std::array::from_fn(|c| {
                std::array::from_fn(|g| {
                    if !l[c][g].is_nan() {
                        l[c][g]
                    } else if l[c].iter().all(|x| x.is_nan()) {
                        0.0
                    } else {
                        h[c][g]
                    }
                })
            })
        })
        .collect();
    let prior = Model {
        patterns: PatternWeights {
            class: class.clone(),
            weights: hand,
        },
        params: crate::learn::Params {
            alternative_min: params.alternative_min,
            ai_gate: params.ai_gate,
            length_scale: params.length_scale,
            ai_work_scale: params.ai_work_scale,
            role_work_scale: params.role_work_scale,
            ..crate::learn::Params::default()
        },
    };
    let model = Model {
        patterns: PatternWeights { class, weights },
        params,
    };
    (prior, model)
}

fn load_sections(f: &SourceFile, check: bool) -> Result<SectionRules, RulesError> {
    let def: SectionsFile = f.parse()?;
    let mut weights = Vec::new();
    for (name, w) in &def.weights {
        let kind = SectionKind::from_name(name)
            .ok_or_else(|| f.error_at(w.span().start, format!("unknown section kind '{name}'")))?;
        weights.push((kind, *w.get_ref()));
    }
    let mut kinds = Vec::new();
    let lines = f.lines();
    for k in &def.kind {
        let kdef = k.get_ref();
        let kind = SectionKind::from_name(kdef.kind.get_ref()).ok_or_else(|| {
            f.error_at(
                kdef.kind.span().start,
                format!("unknown section kind '{}'", kdef.kind.get_ref()),
            )
        })?;
        let entries: Vec<Entry> = kdef
            .headings
            .iter()
            .map(|h| {
                let source = user_regex(h.get_ref(), false);
                Entry {
                    info: PatternInfo {
                        name: h.get_ref().clone(),
                        source: source.clone(),
                        weight: 1.0,
                        origin: format!("{}:{}", f.display, lines.of(h.span().start)),
                    },
                    keywords: Vec::new(),
                    regex: Some(source),
                }
            })
            .collect();
        let at = |(i, msg): (usize, String)| f.error_at(kdef.headings[i].span().start, msg);
        let matcher = Matcher::new(entries).map_err(at)?;
        if eager(f, check) {
            matcher.compile_all().map_err(at)?;
        }
        kinds.push(KindHeadings { kind, matcher });
    }
    let mut sentence_entries = Vec::new();
    let mut kind_of_sentence = Vec::new();
    for d in &def.sentence {
        let d = d.get_ref();
        let kind = SectionKind::from_name(d.kind.get_ref()).ok_or_else(|| {
            f.error_at(
                d.kind.span().start,
                format!("unknown section kind '{}'", d.kind.get_ref()),
            )
        })?;
        let kws = d.keywords.get_ref();
        if kws.is_empty() || kws.iter().any(|k| k.trim().is_empty()) {
            return Err(f.error_at(
                d.keywords.span().start,
                "keywords must be non-empty strings",
            ));
        }
        let alts: Vec<String> = kws.iter().map(|k| keyword_regex(k, false)).collect();
        sentence_entries.push(Entry {
            info: PatternInfo {
                name: kws[0].clone(),
                source: format!("(?:{})", alts.join("|")),
                weight: 1.0,
                origin: format!("{}:{}", f.display, lines.of(d.keywords.span().start)),
            },
            keywords: kws.iter().map(|k| (k.clone(), false)).collect(),
            regex: None,
        });
        kind_of_sentence.push(SentenceKind {
            kind,
            anywhere: d.anywhere,
        });
    }
    let sentences = Matcher::new(sentence_entries)
        .map_err(|(i, msg)| f.error_at(def.sentence[i].get_ref().keywords.span().start, msg))?;
    let all = Matcher::join(&kinds.iter().map(|k| &k.matcher).collect::<Vec<_>>());
    let kind_of_pattern = kinds
        .iter()
        .flat_map(|k| std::iter::repeat_n(k.kind, k.matcher.len()))
        .collect();
    Ok(SectionRules {
        login_wall: def.login_wall.iter().map(|w| w.to_lowercase()).collect(),
        sole_list_required: def
            .sole_list_required
            .iter()
            .map(|w| w.to_lowercase())
            .collect(),
        kinds,
        weights: SectionWeights(weights),
        all,
        kind_of_pattern,
        sentences,
        kind_of_sentence,
        words: Default::default(),
    })
}

/// The words (runs of ASCII letters) of the pattern files, lower case.
fn pattern_words(files: &[SourceFile]) -> std::collections::HashSet<String> {
    let mut words = std::collections::HashSet::new();
    for f in files {
        // Most words are lower case already and met before: those need no copy.
        for w in f.text.split(|c: char| !c.is_ascii_alphabetic()) {
            if w.len() >= 2 && !words.contains(w) {
                words.insert(w.to_ascii_lowercase());
            }
        }
    }
    words
}

/// The largest weight a pattern may have (either sign): the bundled ones are
/// below 10, and a weight near the largest float would make scores infinite.
const MAX_WEIGHT: f64 = 1000.0;

/// Whether a regex can match the empty string (`x*`, `a|`, `^`): such a
/// pattern would be evidence in every line. One that does not parse is left
/// to the compiler to report.
fn matches_empty(source: &str) -> bool {
    regex_syntax::ParserBuilder::new()
        .multi_line(true)
        .build()
        .parse(source)
        .is_ok_and(|hir| hir.properties().minimum_len() == Some(0))
}

/// Compiles a list of entries; `need_weight` says whether `weight` is required.
fn compile_entries(
    f: &SourceFile,
    entries: &[Spanned<EntryDef>],
    need_weight: bool,
    check: bool,
) -> Result<Matcher, RulesError> {
    let mut infos = Vec::with_capacity(entries.len());
    let lines = f.lines();
    for entry in entries {
        let at = entry.span().start;
        let e = entry.get_ref();
        let (source, name, at, keywords, regex) = match (&e.keywords, &e.regex) {
            (Some(kws), None) => {
                if kws.get_ref().is_empty() || kws.get_ref().iter().any(|k| k.trim().is_empty()) {
                    return Err(f.error_at(kws.span().start, "keywords must be non-empty strings"));
                }
                let alts: Vec<String> = kws
                    .get_ref()
                    .iter()
                    .map(|k| keyword_regex(k, e.case_sensitive))
                    .collect();
                let name = e.name.clone().unwrap_or_else(|| kws.get_ref()[0].clone());
                let keywords = kws
                    .get_ref()
                    .iter()
                    .map(|k| (k.clone(), e.case_sensitive))
                    .collect();
                (
                    format!("(?:{})", alts.join("|")),
                    name,
                    kws.span().start,
                    keywords,
                    None,
                )
            }
            (None, Some(re)) => {
                let name = e.name.clone().unwrap_or_else(|| re.get_ref().clone());
                let source = user_regex(re.get_ref(), e.case_sensitive);
                if eager(f, check) && matches_empty(&source) {
                    return Err(f.error_at(
                        re.span().start,
                        "this regex can match the empty string, so it would match \
                         everywhere: make some part of it required",
                    ));
                }
                (
                    source.clone(),
                    name,
                    re.span().start,
                    Vec::new(),
                    Some(source),
                )
            }
            _ => {
                return Err(f.error_at(at, "an entry needs exactly one of `keywords` or `regex`"));
            }
        };
        let weight = match &e.weight {
            Some(w) if w.get_ref().abs() <= MAX_WEIGHT => *w.get_ref(),
            Some(w) => {
                return Err(f.error_at(
                    w.span().start,
                    format!("weight must be a number from -{MAX_WEIGHT} to {MAX_WEIGHT}"),
                ));
            }
            None if need_weight => return Err(f.error_at(at, "missing field `weight`")),
            None => 1.0,
        };
        infos.push((
            Entry {
                info: PatternInfo {
                    name,
                    source,
                    weight,
                    origin: format!("{}:{}", f.display, lines.of(at)),
                },
                keywords,
                regex,
            },
            at,
        ));
    }
    let starts: Vec<usize> = infos.iter().map(|(_, at)| *at).collect();
    let at = |(i, msg): (usize, String)| f.error_at(starts.get(i).copied().unwrap_or(0), msg);
    let matcher = Matcher::new(infos.into_iter().map(|(i, _)| i).collect()).map_err(at)?;
    if eager(f, check) {
        matcher.compile_all().map_err(at)?;
    }
    Ok(matcher)
}

/// Whether a file's regexes are all compiled when loaded: a user's files are,
/// so that their mistakes are reported up front with their line; the bundled
/// ones, checked by the tests, compile on first use unless `patterns check`
/// asks for all of them.
fn eager(f: &SourceFile, check: bool) -> bool {
    check || f.origin == super::Origin::Folder
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Doc;

    /// One scan for the classifier's patterns and the negation cues finds
    /// what a scan for each finds, in English and in Korean.
    #[test]
    fn joined_cues_find_what_separate_scans_find() {
        let set = PatternSet::builtin().unwrap();
        let doc = Doc::new([
            "No machine learning experience is required",
            "Build PyTorch models for ranking and serve them on Kubernetes",
            "파이토치를 활용한 모델 개발 경험은 필요하지 않습니다",
            "AI서비스 백엔드 개발, 딥러닝 모델 학습",
            "We do not expect React experience; it is not a requirement",
        ]);
        let mut want = Vec::new();
        set.classifier.doc_hits(&doc, &mut want);
        let want_cues = set.negation.cue_lines(&doc);
        let mut got = Vec::new();
        let cues = set.classifier_cues.doc_hits(&doc, &mut got);
        assert_eq!(got, want);
        assert_eq!(cues, want_cues);
        assert_eq!(cues, [true, false, true, false, true]);
        assert!(want.len() > 5, "{want:?}");

        // The same for the skills, whose set is joined with the cues too.
        let (skills, cues) = set.skills.find_lines(&doc, &set.negation);
        assert_eq!(cues, want_cues);
        let found: Vec<Vec<_>> = (0..doc.len())
            .map(|i| set.skills.find(doc.line(i)))
            .collect();
        assert_eq!(skills, found);
        assert!(!skills[2].is_empty(), "파이토치를: {skills:?}");
    }
}
