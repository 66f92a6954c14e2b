//! The skills taxonomy (`patterns/skills.toml`): canonical skills with English
//! and Korean aliases, a category and role affinities, and careful matching of
//! them in posting lines and in the user's strengths.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use foldhash::{HashSet, HashSetExt};

use super::{Doc, Entry, Hit, Matcher, PatternInfo, RulesError, SourceFile, user_regex};
use crate::role::Role;

/// What kind of thing a skill is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Language,
    Framework,
    MlMethod,
    Infrastructure,
    Domain,
    Evidence,
    SoftSkill,
}

impl Category {
    /// Technical skills are what coverage of a posting is measured on.
    pub fn is_technical(self) -> bool {
        !matches!(self, Category::Evidence | Category::SoftSkill)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillsFile {
    skill: Vec<Spanned<SkillDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillDef {
    name: Spanned<String>,
    category: Category,
    #[serde(default)]
    roles: Vec<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<String>,
    regex: Option<Spanned<String>>,
    #[serde(default)]
    exact: Vec<String>,
    context: Option<Spanned<String>>,
    unless: Option<Spanned<String>>,
    #[serde(default)]
    broad: bool,
    evidence: Option<EvidenceKind>,
    #[serde(default)]
    implies: Vec<Spanned<String>>,
}

/// What an evidence skill proves, for the requirements that ask for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    Publications,
    Competitions,
    Scale,
}

/// One skill, compiled.
#[derive(Debug)]
pub struct Skill {
    pub name: String,
    pub category: Category,
    pub roles: Vec<Role>,
    /// Case-sensitive aliases; a strength that is just one of them names the skill.
    pub exact: Vec<String>,
    /// A whole field ("Frontend development"): it sets a direction, but it is
    /// never named as a gap or as the user's edge.
    pub broad: bool,
    /// What an evidence skill proves, if anything a posting can require.
    pub evidence: Option<EvidenceKind>,
    /// Skills a user who has this one also has (indexes): "RLHF" implies
    /// "Large language models".
    pub implies: Vec<usize>,
    /// A spoken language (see [`Skill::is_language`]), known when loaded.
    language: bool,
}

/// Spoken languages asked for are reported apart from other soft skills.
const LANGUAGE_NAMES: &[&str] = &[
    "english",
    "korean",
    "japanese",
    "chinese",
    "mandarin",
    "german",
    "french",
    "spanish",
    "vietnamese",
];

impl Skill {
    /// Whether the skill is a spoken language: its name holds one of
    /// [`LANGUAGE_NAMES`].
    pub fn is_language(&self) -> bool {
        self.language
    }

    fn names_a_language(name: &str) -> bool {
        let n = name.to_lowercase();
        LANGUAGE_NAMES.iter().any(|l| n.contains(l))
    }
}

/// A skill found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillHit {
    pub skill: usize,
    pub start: usize,
    pub end: usize,
}

/// All skills and what finds them. Pattern `2 * i` of the matcher holds
/// skill i's case-insensitive aliases and `regex`, pattern `2 * i + 1` its
/// case-sensitive `exact` aliases.
#[derive(Debug)]
pub struct SkillSet {
    pub skills: Vec<Skill>,
    matcher: Matcher,
    /// `matcher`, then the negation cues; see [`SkillSet::find_lines`].
    with_cues: Option<super::WithCues>,
    /// Per skill: the `context` its exact aliases need on their line.
    contexts: Vec<Option<Matcher>>,
    /// Per skill: the `unless` regex; a hit inside one of its matches does not count.
    unless: Vec<Option<regex::Regex>>,
}

impl SkillSet {
    /// Loads `skills.toml`. With `eager`, every regex is compiled now so that
    /// a mistake is reported with its line (a user's folder, `patterns check`);
    /// otherwise each compiles on first use.
    pub fn load(f: &SourceFile, eager: bool) -> Result<SkillSet, RulesError> {
        let def: SkillsFile = f.parse()?;
        let n = def.skill.len();
        let mut skills = Vec::with_capacity(n);
        let mut entries = Vec::with_capacity(2 * n);
        // Where each entry is written, for errors.
        let mut places = Vec::with_capacity(2 * n);
        let mut contexts = Vec::with_capacity(n);
        let mut unless = Vec::with_capacity(n);
        for entry in &def.skill {
            let at = entry.span().start;
            let s = entry.get_ref();
            let name = s.name.get_ref().trim().to_string();
            if name.is_empty() {
                return Err(f.error_at(s.name.span().start, "a skill needs a name"));
            }
            if skills
                .iter()
                .any(|k: &Skill| k.name.eq_ignore_ascii_case(&name))
            {
                return Err(f.error_at(
                    s.name.span().start,
                    format!("skill '{name}' is defined twice"),
                ));
            }
            let mut roles = Vec::new();
            for r in &s.roles {
                roles.push(
                    r.get_ref()
                        .parse::<Role>()
                        .map_err(|e| f.error_at(r.span().start, e))?,
                );
            }
            let loose: Vec<(String, bool)> = s
                .aliases
                .iter()
                .chain(std::iter::once(&name).filter(|n| !s.exact.iter().any(|e| e == *n)))
                .filter(|a| !a.trim().is_empty())
                .map(|a| (a.clone(), false))
                .collect();
            let exact: Vec<(String, bool)> = s
                .exact
                .iter()
                .filter(|a| !a.trim().is_empty())
                .map(|a| (a.clone(), true))
                .collect();
            // Only the matcher reads these; a skill is reported by its name.
            let info = || PatternInfo {
                name: String::new(),
                source: String::new(),
                weight: 1.0,
                origin: String::new(),
            };
            let regex = s.regex.as_ref().map(|re| user_regex(re.get_ref(), false));
            entries.push(Entry {
                info: info(),
                keywords: loose,
                regex,
            });
            places.push(s.regex.as_ref().map(|r| r.span().start).unwrap_or(at));
            entries.push(Entry {
                info: info(),
                keywords: exact,
                regex: None,
            });
            places.push(at);
            // A context is only read on a line where an exact alias matched,
            // so it is a matcher of its own, not part of the scan.
            let context = match &s.context {
                Some(c) => {
                    let here = |(_, msg): (usize, String)| f.error_at(c.span().start, msg);
                    let m = Matcher::new(vec![Entry {
                        info: info(),
                        keywords: Vec::new(),
                        regex: Some(user_regex(c.get_ref(), true)),
                    }])
                    .map_err(here)?;
                    if eager {
                        m.compile_all().map_err(here)?;
                    }
                    Some(m)
                }
                None => None,
            };
            contexts.push(context);
            // Few skills have one, so they compile now.
            let not_here = match &s.unless {
                Some(u) => Some(regex::Regex::new(&user_regex(u.get_ref(), false)).map_err(
                    |e| f.error_at(u.span().start, crate::rules::one_line(&e.to_string())),
                )?),
                None => None,
            };
            unless.push(not_here);
            if s.evidence.is_some() && s.category != Category::Evidence {
                return Err(f.error_at(
                    at,
                    format!("skill '{name}': only an evidence skill can say evidence ="),
                ));
            }
            skills.push(Skill {
                language: Skill::names_a_language(&name),
                name,
                category: s.category,
                roles,
                exact: s.exact.iter().map(|e| e.trim().to_string()).collect(),
                broad: s.broad,
                evidence: s.evidence,
                implies: Vec::new(),
            });
        }
        for (i, entry) in def.skill.iter().enumerate() {
            for name in &entry.get_ref().implies {
                let Some(j) = skills
                    .iter()
                    .position(|k: &Skill| k.name == name.get_ref().trim())
                else {
                    return Err(f.error_at(
                        name.span().start,
                        format!("implies an unknown skill '{}'", name.get_ref()),
                    ));
                };
                skills[i].implies.push(j);
            }
        }
        let at = |(i, msg): (usize, String)| f.error_at(places.get(i).copied().unwrap_or(0), msg);
        let matcher = Matcher::new(entries).map_err(at)?;
        if eager {
            matcher.compile_all().map_err(at)?;
        }
        Ok(SkillSet {
            skills,
            matcher,
            with_cues: None,
            contexts,
            unless,
        })
    }

    /// The set, with the negation cues joined to its matcher, so that
    /// [`SkillSet::find_lines`] finds the lines with a cue in the same scan.
    pub fn with_cues(mut self, negation: &super::Negation) -> SkillSet {
        self.with_cues = Some(negation.join(&self.matcher));
        self
    }

    /// Every skill in a line of text, each once, leftmost-longest where two overlap.
    pub fn find(&self, text: &str) -> Vec<SkillHit> {
        let mut hits = Vec::new();
        self.matcher.hits(text, &mut hits);
        self.resolve(text, &hits)
    }

    /// [`SkillSet::find`] for every line of a document, in one scan, and
    /// for each line whether a negation cue is on it ([`Negation::cue_lines`]);
    /// the cues are found in the same scan when the set was made
    /// [`SkillSet::with_cues`].
    ///
    /// [`Negation::cue_lines`]: super::Negation::cue_lines
    pub fn find_lines(
        &self,
        doc: &Doc,
        negation: &super::Negation,
    ) -> (Vec<Vec<SkillHit>>, Vec<bool>) {
        let mut hits = Vec::new();
        let cue_lines = match &self.with_cues {
            Some(joined) => joined.doc_hits(doc, &mut hits),
            None => {
                self.matcher.doc_hits(doc, &mut hits);
                negation.cue_lines(doc)
            }
        };
        let mut out = vec![Vec::new(); doc.len()];
        let mut rest = &hits[..];
        while let Some(&(line, _)) = rest.first() {
            let n = rest.iter().take_while(|(l, _)| *l == line).count();
            let of_line: Vec<Hit> = rest[..n].iter().map(|(_, h)| *h).collect();
            out[line] = self.resolve(doc.line(line), &of_line);
            rest = &rest[n..];
        }
        (out, cue_lines)
    }

    /// Turns the matcher's hits on one line into skills: exact aliases only
    /// where their context is on the line, each skill once, and of two that
    /// overlap the one that starts first (then the longer).
    fn resolve(&self, text: &str, hits: &[Hit]) -> Vec<SkillHit> {
        let mut out: Vec<SkillHit> = Vec::with_capacity(hits.len());
        for h in hits {
            let skill = h.pattern / 2;
            let exact = h.pattern % 2 == 1;
            if exact
                && !self.contexts[skill]
                    .as_ref()
                    .is_none_or(|c| c.is_match(text))
            {
                continue;
            }
            if self.unless[skill].as_ref().is_some_and(|u| {
                u.find_iter(text)
                    .any(|m| m.start() <= h.start && h.start < m.end())
            }) {
                continue;
            }
            // An exact alias may take one trailing character to rule out "C++".
            let end = if exact {
                text[h.start..h.end]
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .len()
                    + h.start
            } else {
                h.end
            };
            out.push(SkillHit {
                skill,
                start: h.start,
                end,
            });
        }
        out.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then((b.end - b.start).cmp(&(a.end - a.start)))
        });
        // In order of start, so the last one kept is the only one that can
        // overlap the next.
        let mut kept: Vec<SkillHit> = Vec::with_capacity(out.len());
        let mut seen: HashSet<usize> = HashSet::new();
        for h in out {
            let overlaps = kept.last().is_some_and(|k| h.start < k.end);
            if !overlaps && seen.insert(h.skill) {
                kept.push(h);
            }
        }
        kept
    }

    pub fn len(&self) -> usize {
        self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    /// The skill a short phrase is, when it is exactly one of a skill's
    /// case-sensitive aliases ("Go", "R", "Spark"): in a list of strengths
    /// such a phrase needs no context.
    pub fn exact_alias(&self, phrase: &str) -> Option<usize> {
        let phrase = phrase.trim();
        self.skills
            .iter()
            .position(|s| s.exact.iter().any(|e| e == phrase))
    }

    /// The skills `found` imply, transitively, that are not in it yet.
    pub fn implied(&self, found: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut todo: Vec<usize> = found.to_vec();
        while let Some(i) = todo.pop() {
            for &j in &self.skills[i].implies {
                if !found.contains(&j) && !out.contains(&j) {
                    out.push(j);
                    todo.push(j);
                }
            }
        }
        out
    }

    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.skills.iter().position(|s| s.name == name)
    }
}
