//! The skills taxonomy (`patterns/skills.toml`): canonical skills with English
//! and Korean aliases, a category and role affinities, and careful matching of
//! them in posting lines and in the user's strengths.

use regex::Regex;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::role::Role;
use crate::rules::{Hit, Matcher, PatternInfo, RulesError, SourceFile, keyword_regex, user_regex};

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

/// A skill found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillHit {
    pub skill: usize,
    pub start: usize,
    pub end: usize,
}

/// All skills and the matchers that find them.
#[derive(Debug)]
pub struct SkillSet {
    pub skills: Vec<Skill>,
    /// Case-insensitive aliases and regexes; pattern i belongs to `owner[i]`.
    loose: Matcher,
    loose_owner: Vec<usize>,
    /// Case-sensitive `exact` aliases, which also need their skill's context.
    exact: Matcher,
    exact_owner: Vec<usize>,
}

impl SkillSet {
    /// Loads `skills.toml`.
    pub fn load(f: &SourceFile) -> Result<SkillSet, RulesError> {
        let def: SkillsFile = f.parse()?;
        let mut skills = Vec::with_capacity(def.skill.len());
        let (mut loose, mut loose_owner, mut loose_at) = (Vec::new(), Vec::new(), Vec::new());
        let (mut exact, mut exact_owner, mut exact_at) = (Vec::new(), Vec::new(), Vec::new());
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
            let origin = format!("{}:{}", f.display, f.line_of(at));
            let info = |source: String| PatternInfo {
                name: name.clone(),
                source,
                weight: 1.0,
                origin: origin.clone(),
            };
            let mut alts: Vec<String> = s
                .aliases
                .iter()
                .chain(std::iter::once(&name).filter(|n| !s.exact.iter().any(|e| e == *n)))
                .filter(|a| !a.trim().is_empty())
                .map(|a| keyword_regex(a, false))
                .collect();
            alts.dedup();
            if let Some(re) = &s.regex {
                alts.push(user_regex(re.get_ref(), false));
            }
            if !alts.is_empty() {
                loose.push(info(format!("(?:{})", alts.join("|"))));
                loose_owner.push(i);
                loose_at.push(s.regex.as_ref().map(|r| r.span().start).unwrap_or(at));
            }
            let exact_alts: Vec<String> = s
                .exact
                .iter()
                .filter(|a| !a.trim().is_empty())
                .map(|a| keyword_regex(a, true))
                .collect();
            if !exact_alts.is_empty() {
                exact.push(info(format!("(?:{})", exact_alts.join("|"))));
                exact_owner.push(i);
                exact_at.push(at);
            }
            let context = match &s.context {
                Some(c) => Some(Regex::new(&user_regex(c.get_ref(), true)).map_err(|e| {
                    f.error_at(
                        c.span().start,
                        e.to_string()
                            .lines()
                            .last()
                            .unwrap_or("")
                            .trim()
                            .to_string(),
                    )
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
        let loose = Matcher::new(loose).map_err(|(i, m)| f.error_at(loose_at[i], m))?;
        let exact = Matcher::new(exact).map_err(|(i, m)| f.error_at(exact_at[i], m))?;
        Ok(SkillSet {
            skills,
            loose,
            loose_owner,
            exact,
            exact_owner,
        })
    }

    /// Every skill in a line of text, each once, leftmost-longest where two overlap.
    pub fn find(&self, text: &str) -> Vec<SkillHit> {
        let mut hits: Vec<Hit> = Vec::new();
        let mut out: Vec<SkillHit> = Vec::new();
        self.loose.hits(text, &mut hits);
        out.extend(hits.iter().map(|h| SkillHit {
            skill: self.loose_owner[h.pattern],
            start: h.start,
            end: h.end,
        }));
        hits.clear();
        self.exact.hits(text, &mut hits);
        for h in &hits {
            let skill = self.exact_owner[h.pattern];
            if self.skills[skill]
                .context
                .as_ref()
                .is_none_or(|c| c.is_match(text))
            {
                // The exact regex may take one trailing character to rule out "C++".
                let end = text[h.start..h.end]
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .len()
                    + h.start;
                out.push(SkillHit {
                    skill,
                    start: h.start,
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
