//! The skills taxonomy (`patterns/skills.toml`): canonical skills with English
//! and Korean aliases, a category and role affinities, and careful matching of
//! them in posting lines and in the user's strengths.

use regex::Regex;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::role::Role;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::RegexBuilder;

use crate::rules::{RulesError, SourceFile, keyword_regex, user_regex};

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
}

/// One skill, compiled.
#[derive(Debug)]
pub struct Skill {
    pub name: String,
    pub category: Category,
    pub roles: Vec<Role>,
    /// For `exact` (case-sensitive) aliases: what must also be on the line.
    context: Option<Regex>,
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
    pub fn is_language(&self) -> bool {
        let n = self.name.to_lowercase();
        LANGUAGE_NAMES.iter().any(|l| n.contains(l))
    }
}

/// The literal a keyword alias cannot match without: its longest word, lower
/// case ("fine tuning" -> "tuning", which "finetuning" and "fine-tuning" also
/// hold). A one-letter word is no filter at all.
fn literal_of(alias: &str) -> Option<String> {
    let word = alias.split([' ', '-']).max_by_key(|w| w.chars().count())?;
    (word.chars().count() >= 2).then(|| word.to_lowercase())
}

/// A skill found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillHit {
    pub skill: usize,
    pub start: usize,
    pub end: usize,
}

/// A skill's regex, compiled on first use: most runs meet only a fraction of
/// the taxonomy, and compiling all of it up front would dominate start-up.
#[derive(Debug)]
struct LazyRegex {
    source: String,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    fn new(source: String) -> LazyRegex {
        LazyRegex {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// Compiles now, for loading a user's folder and for `patterns check`.
    fn compile(&self) -> Result<&Regex, String> {
        if let Some(Some(re)) = self.compiled.get() {
            return Ok(re);
        }
        let re = RegexBuilder::new(&self.source)
            .size_limit(SIZE_LIMIT)
            .build()
            .map_err(|e| crate::rules::one_line(&e.to_string()))?;
        Ok(self
            .compiled
            .get_or_init(|| Some(re))
            .as_ref()
            .expect("just set"))
    }

    /// The regex; one that cannot compile matches nothing (the bundled set is
    /// checked by tests, a folder is compiled eagerly when loaded).
    fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| {
                RegexBuilder::new(&self.source)
                    .size_limit(SIZE_LIMIT)
                    .build()
                    .ok()
            })
            .as_ref()
    }
}

const SIZE_LIMIT: usize = 2 * 1024 * 1024;

/// All skills and what finds them: a literal scan picks the skills a line
/// could mention, and only their regexes run.
#[derive(Debug)]
pub struct SkillSet {
    pub skills: Vec<Skill>,
    /// Per skill: the regex of its case-insensitive aliases and `regex`.
    loose: Vec<Option<LazyRegex>>,
    /// Per skill: the regex of its case-sensitive `exact` aliases.
    exact: Vec<Option<LazyRegex>>,
    /// Literal words of the aliases (ASCII case-insensitive); pattern i is skill `literal_owner[i]`.
    literals: AhoCorasick,
    literal_owner: Vec<usize>,
    /// Skills that must be tried on every line (a `regex`, or exact aliases).
    always: Vec<usize>,
}

impl SkillSet {
    /// Loads `skills.toml`. With `eager`, every regex is compiled now so that
    /// a mistake is reported with its line (a user's folder, `patterns check`);
    /// otherwise each compiles on first use.
    pub fn load(f: &SourceFile, eager: bool) -> Result<SkillSet, RulesError> {
        let def: SkillsFile = f.parse()?;
        let n = def.skill.len();
        let mut skills = Vec::with_capacity(n);
        let (mut loose, mut exact) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut literals, mut literal_owner, mut always) = (Vec::new(), Vec::new(), Vec::new());
        for (i, entry) in def.skill.iter().enumerate() {
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
            let aliases: Vec<&String> = s
                .aliases
                .iter()
                .chain(std::iter::once(&name).filter(|n| !s.exact.iter().any(|e| e == *n)))
                .filter(|a| !a.trim().is_empty())
                .collect();
            let mut alts: Vec<String> = aliases.iter().map(|a| keyword_regex(a, false)).collect();
            alts.dedup();
            for a in &aliases {
                match literal_of(a) {
                    Some(lit) => {
                        literals.push(lit);
                        literal_owner.push(i);
                    }
                    None => always.push(i),
                }
            }
            if let Some(re) = &s.regex {
                alts.push(user_regex(re.get_ref(), false));
                always.push(i);
            }
            let compile = |source: String, at: usize| -> Result<LazyRegex, RulesError> {
                let lazy = LazyRegex::new(source);
                if eager {
                    lazy.compile().map_err(|m| f.error_at(at, m))?;
                }
                Ok(lazy)
            };
            let loose_at = s.regex.as_ref().map(|r| r.span().start).unwrap_or(at);
            loose.push(if alts.is_empty() {
                None
            } else {
                Some(compile(format!("(?:{})", alts.join("|")), loose_at)?)
            });
            let exact_alts: Vec<String> = s
                .exact
                .iter()
                .filter(|a| !a.trim().is_empty())
                .map(|a| keyword_regex(a, true))
                .collect();
            exact.push(if exact_alts.is_empty() {
                None
            } else {
                always.push(i);
                Some(compile(format!("(?:{})", exact_alts.join("|")), at)?)
            });
            let context = match &s.context {
                Some(c) => Some(Regex::new(&user_regex(c.get_ref(), true)).map_err(|e| {
                    f.error_at(c.span().start, crate::rules::one_line(&e.to_string()))
                })?),
                None => None,
            };
            skills.push(Skill {
                name,
                category: s.category,
                roles,
                context,
            });
        }
        always.sort_unstable();
        always.dedup();
        let literals = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&literals)
            .map_err(|e| f.error_at(0, e.to_string()))?;
        Ok(SkillSet {
            skills,
            loose,
            exact,
            literals,
            literal_owner,
            always,
        })
    }

    /// Every skill in a line of text, each once, leftmost-longest where two overlap.
    pub fn find(&self, text: &str) -> Vec<SkillHit> {
        let mut candidate = vec![false; self.skills.len()];
        for m in self.literals.find_overlapping_iter(text) {
            candidate[self.literal_owner[m.pattern().as_usize()]] = true;
        }
        for &i in &self.always {
            candidate[i] = true;
        }
        let mut out: Vec<SkillHit> = Vec::new();
        for (skill, _) in candidate.iter().enumerate().filter(|(_, c)| **c) {
            if let Some(re) = self.loose[skill].as_ref().and_then(LazyRegex::get) {
                out.extend(re.find_iter(text).map(|m| SkillHit {
                    skill,
                    start: m.start(),
                    end: m.end(),
                }));
            }
            let Some(re) = self.exact[skill].as_ref().and_then(LazyRegex::get) else {
                continue;
            };
            if !self.skills[skill]
                .context
                .as_ref()
                .is_none_or(|c| c.is_match(text))
            {
                continue;
            }
            for m in re.find_iter(text) {
                // The exact regex may take one trailing character to rule out "C++".
                let end = text[m.start()..m.end()]
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .len()
                    + m.start();
                out.push(SkillHit {
                    skill,
                    start: m.start(),
                    end,
                });
            }
        }
        out.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then((b.end - b.start).cmp(&(a.end - a.start)))
        });
        let mut kept: Vec<SkillHit> = Vec::with_capacity(out.len());
        for h in out {
            let overlaps = kept.iter().any(|k| h.start < k.end && k.start < h.end);
            let repeated = kept.iter().any(|k| k.skill == h.skill);
            if !overlaps && !repeated {
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

    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.skills.iter().position(|s| s.name == name)
    }
}
