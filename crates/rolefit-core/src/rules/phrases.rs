//! `patterns/requirements.toml`, compiled: the phrases a posting's limits and
//! a person's facts are read with. See the file's header for every field.

use std::collections::BTreeMap;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::{RulesError, SourceFile, one_line, user_regex};
use crate::role::Role;

/// A seniority level, lowest first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Entry,
    Junior,
    Mid,
    Senior,
    Lead,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Entry,
        Level::Junior,
        Level::Mid,
        Level::Senior,
        Level::Lead,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Level::Entry => "entry",
            Level::Junior => "junior",
            Level::Mid => "mid",
            Level::Senior => "senior",
            Level::Lead => "lead",
        }
    }

    /// The level a number of years of experience usually means.
    pub fn of_years(years: u32) -> Level {
        match years {
            0 => Level::Entry,
            1..=2 => Level::Junior,
            3..=5 => Level::Mid,
            6..=9 => Level::Senior,
            _ => Level::Lead,
        }
    }

    /// The fewest years a level usually asks for.
    pub fn min_years(self) -> u32 {
        match self {
            Level::Entry => 0,
            Level::Junior => 1,
            Level::Mid => 3,
            Level::Senior => 5,
            Level::Lead => 8,
        }
    }
}

impl std::str::FromStr for Level {
    type Err = String;
    fn from_str(s: &str) -> Result<Level, String> {
        Level::ALL
            .into_iter()
            .find(|l| l.name() == s.trim().to_lowercase())
            .ok_or_else(|| {
                format!("unknown level '{s}' (expected entry, junior, mid, senior or lead)")
            })
    }
}

/// The kinds of limit a posting can set on who may apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitKind {
    Residency,
    Citizenship,
    Permit,
    TimeZone,
    Clearance,
}

impl LimitKind {
    pub fn name(self) -> &'static str {
        match self {
            LimitKind::Residency => "residency",
            LimitKind::Citizenship => "citizenship",
            LimitKind::Permit => "work permit",
            LimitKind::TimeZone => "time zone",
            LimitKind::Clearance => "clearance",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    entry_lines: Spanned<String>,
    posting: PostingDef,
    seniority: BTreeMap<String, Spanned<Vec<String>>>,
    mode: ModeDef,
    location: LocationDef,
    region: Vec<Spanned<RegionDef>>,
    limit: Vec<LimitDef>,
    language: Vec<Spanned<LanguageDef>>,
    language_rules: LanguageRulesDef,
    profile: ProfileDef,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PostingDef {
    preferred: Spanned<String>,
    years: Spanned<String>,
    years_context: Spanned<String>,
    years_ko: Spanned<String>,
    years_ko_context: Spanned<String>,
    years_any: Spanned<String>,
    phd: Spanned<String>,
    master: Spanned<String>,
    bachelor: Spanned<String>,
    equivalent: Spanned<String>,
    degree_not_required: Spanned<String>,
}

/// The phrases of a posting's years, degree and preferred asks.
#[derive(Debug)]
pub struct PostingRules {
    pub preferred: Regex,
    pub years: Regex,
    pub years_context: Regex,
    pub years_ko: Regex,
    pub years_ko_context: Regex,
    pub years_any: Regex,
    pub phd: Regex,
    pub master: Regex,
    pub bachelor: Regex,
    pub equivalent: Regex,
    pub degree_not_required: Regex,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModeDef {
    remote: Vec<String>,
    hybrid: Vec<String>,
    onsite: Vec<String>,
    anywhere: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LocationDef {
    cue: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionDef {
    name: String,
    places: Vec<String>,
    #[serde(default)]
    members: Vec<Spanned<String>>,
    lang: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitDef {
    kind: LimitKind,
    regex: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageDef {
    name: String,
    words: Vec<String>,
    code: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageRulesDef {
    fluency: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileDef {
    years: Vec<Spanned<String>>,
    not_years: Spanned<String>,
    numbers: BTreeMap<String, u32>,
    phd: Spanned<String>,
    phd_unfinished: Spanned<String>,
    master: Spanned<String>,
    bachelor: Spanned<String>,
    negated: Spanned<String>,
    no_degree: Spanned<String>,
    remote: Spanned<String>,
    relocate: Spanned<String>,
    only: Spanned<String>,
    avoid: Vec<Spanned<String>>,
    clearance: Spanned<String>,
    roles: BTreeMap<String, Spanned<Vec<String>>>,
    level: BTreeMap<String, Spanned<Vec<String>>>,
}

/// One region: a country or a group of them.
#[derive(Debug)]
pub struct Region {
    pub name: String,
    pub places: Regex,
    /// Indexes of the regions it contains (for groups), itself included.
    pub covers: Vec<usize>,
    pub lang: Option<String>,
}

#[derive(Debug)]
pub struct Language {
    pub name: String,
    pub words: Regex,
    pub code: Option<String>,
}

/// The profile-reading phrases.
#[derive(Debug)]
pub struct ProfileRules {
    pub years: Vec<Regex>,
    pub not_years: Regex,
    pub numbers: BTreeMap<String, u32>,
    pub phd: Regex,
    pub phd_unfinished: Regex,
    pub master: Regex,
    pub bachelor: Regex,
    pub negated: Regex,
    pub no_degree: Regex,
    pub remote: Regex,
    pub relocate: Regex,
    pub only: Regex,
    pub avoid: Vec<Regex>,
    pub clearance: Regex,
    pub roles: Vec<(Role, Regex)>,
    pub levels: Vec<(Level, Regex)>,
}

/// `requirements.toml`, compiled.
#[derive(Debug)]
pub struct ReqRules {
    pub posting: PostingRules,
    pub entry_lines: Regex,
    /// Title words per level, highest level first.
    pub seniority: Vec<(Level, Regex)>,
    pub remote: Regex,
    pub hybrid: Regex,
    pub onsite: Regex,
    pub anywhere: Regex,
    pub location_cue: Regex,
    pub regions: Vec<Region>,
    pub limits: Vec<(LimitKind, Regex)>,
    pub languages: Vec<Language>,
    pub fluency: Regex,
    pub profile: ProfileRules,
}

/// One alternation of literal phrases; see the file header for the rules.
pub fn phrases(words: &[String]) -> Result<Regex, String> {
    let mut parts = Vec::new();
    for w in words {
        let w = w.trim();
        if w.is_empty() {
            continue;
        }
        let mut body = String::new();
        for (i, piece) in w.split_whitespace().enumerate() {
            if i > 0 {
                body.push_str(r"\s+");
            }
            body.push_str(&regex::escape(piece));
        }
        let first = w.chars().next().expect("not empty");
        let last = w.chars().next_back().expect("not empty");
        let b = r"(?-u:\b)";
        let pre = if first.is_ascii_alphanumeric() { b } else { "" };
        let post = if last.is_ascii_alphanumeric() { b } else { "" };
        let caps = w.chars().count() <= 3 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        let flag = if caps { "(?-i:" } else { "(?i:" };
        parts.push(format!("{flag}{pre}{body}{post})"));
    }
    if parts.is_empty() {
        // Matches nothing.
        return Regex::new(r"[^\s\S]").map_err(|e| e.to_string());
    }
    Regex::new(&parts.join("|")).map_err(|e| one_line(&e.to_string()))
}

impl ReqRules {
    pub fn load(f: &SourceFile) -> Result<ReqRules, RulesError> {
        let def: FileDef = f.parse()?;
        let re = |s: &Spanned<String>| -> Result<Regex, RulesError> {
            Regex::new(&user_regex(s.get_ref(), false))
                .map_err(|e| f.error_at(s.span().start, one_line(&e.to_string())))
        };
        let words = |w: &Spanned<Vec<String>>| -> Result<Regex, RulesError> {
            phrases(w.get_ref()).map_err(|e| f.error_at(w.span().start, e))
        };
        let plain = |w: &[String]| -> Result<Regex, RulesError> {
            phrases(w).map_err(|e| RulesError::File {
                file: f.display.clone(),
                message: e,
            })
        };
        let mut seniority = Vec::new();
        for (name, w) in &def.seniority {
            let level: Level = name
                .parse()
                .map_err(|e: String| f.error_at(w.span().start, e))?;
            seniority.push((level, words(w)?));
        }
        seniority.sort_by_key(|b| std::cmp::Reverse(b.0));

        let mut regions: Vec<Region> = Vec::new();
        for r in &def.region {
            let d = r.get_ref();
            if regions.iter().any(|x| x.name == d.name) {
                return Err(f.error_at(
                    r.span().start,
                    format!("region '{}' is defined twice", d.name),
                ));
            }
            let mut covers = vec![regions.len()];
            for m in &d.members {
                let Some(i) = regions.iter().position(|x| &x.name == m.get_ref()) else {
                    return Err(f.error_at(
                        m.span().start,
                        format!(
                            "unknown region '{}' (a member must be defined above its group)",
                            m.get_ref()
                        ),
                    ));
                };
                for c in regions[i].covers.clone() {
                    if !covers.contains(&c) {
                        covers.push(c);
                    }
                }
            }
            regions.push(Region {
                name: d.name.clone(),
                places: phrases(&d.places).map_err(|e| f.error_at(r.span().start, e))?,
                covers,
                lang: d.lang.clone(),
            });
        }
        let mut limits = Vec::new();
        for l in &def.limit {
            limits.push((l.kind, re(&l.regex)?));
        }
        let mut languages = Vec::new();
        for l in &def.language {
            let d = l.get_ref();
            languages.push(Language {
                name: d.name.clone(),
                words: phrases(&d.words).map_err(|e| f.error_at(l.span().start, e))?,
                code: d.code.clone(),
            });
        }
        let p = &def.profile;
        let mut roles = Vec::new();
        for (name, w) in &p.roles {
            let role: Role = name
                .parse()
                .map_err(|e: String| f.error_at(w.span().start, e))?;
            roles.push((role, words(w)?));
        }
        let mut levels = Vec::new();
        for (name, w) in &p.level {
            let level: Level = name
                .parse()
                .map_err(|e: String| f.error_at(w.span().start, e))?;
            levels.push((level, words(w)?));
        }
        levels.sort_by_key(|b| std::cmp::Reverse(b.0));
        let profile = ProfileRules {
            years: p.years.iter().map(&re).collect::<Result<_, _>>()?,
            not_years: re(&p.not_years)?,
            numbers: p.numbers.clone(),
            phd: re(&p.phd)?,
            phd_unfinished: re(&p.phd_unfinished)?,
            master: re(&p.master)?,
            bachelor: re(&p.bachelor)?,
            negated: re(&p.negated)?,
            no_degree: re(&p.no_degree)?,
            remote: re(&p.remote)?,
            relocate: re(&p.relocate)?,
            only: re(&p.only)?,
            avoid: p.avoid.iter().map(&re).collect::<Result<_, _>>()?,
            clearance: re(&p.clearance)?,
            roles,
            levels,
        };
        let d = &def.posting;
        let posting = PostingRules {
            preferred: re(&d.preferred)?,
            years: re(&d.years)?,
            years_context: re(&d.years_context)?,
            years_ko: re(&d.years_ko)?,
            years_ko_context: re(&d.years_ko_context)?,
            years_any: re(&d.years_any)?,
            phd: re(&d.phd)?,
            master: re(&d.master)?,
            bachelor: re(&d.bachelor)?,
            equivalent: re(&d.equivalent)?,
            degree_not_required: re(&d.degree_not_required)?,
        };
        Ok(ReqRules {
            posting,
            entry_lines: re(&def.entry_lines)?,
            seniority,
            remote: plain(&def.mode.remote)?,
            hybrid: plain(&def.mode.hybrid)?,
            onsite: plain(&def.mode.onsite)?,
            anywhere: plain(&def.mode.anywhere)?,
            location_cue: re(&def.location.cue)?,
            regions,
            limits,
            languages,
            fluency: re(&def.language_rules.fluency)?,
            profile,
        })
    }

    /// The regions whose places a text names, in order of first mention, each once.
    pub fn regions_in(&self, text: &str) -> Vec<usize> {
        let mut found: Vec<(usize, usize)> = self
            .regions
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.places.find(text).map(|m| (m.start(), i)))
            .collect();
        found.sort();
        found.into_iter().map(|(_, i)| i).collect()
    }

    /// The first place a text names, with its region.
    pub fn first_place(&self, text: &str) -> Option<(usize, String)> {
        self.regions
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                r.places
                    .find(text)
                    .map(|m| (m.start(), i, m.as_str().to_string()))
            })
            .min_by_key(|(at, i, _)| (*at, *i))
            .map(|(_, i, s)| (i, s))
    }

    pub fn region_index(&self, name: &str) -> Option<usize> {
        self.regions
            .iter()
            .position(|r| r.name.eq_ignore_ascii_case(name))
    }

    /// Whether region `inner` lies inside region `outer` (or is it).
    pub fn within(&self, inner: usize, outer: usize) -> bool {
        self.regions[outer].covers.contains(&inner)
    }

    /// Whether the region named `inner` lies inside the one named `outer`;
    /// names no region knows only match themselves.
    pub fn inside(&self, inner: &str, outer: &str) -> bool {
        match (self.region_index(inner), self.region_index(outer)) {
            (Some(i), Some(o)) => self.within(i, o),
            _ => inner.eq_ignore_ascii_case(outer),
        }
    }

    pub fn language_named(&self, name: &str) -> Option<&Language> {
        self.languages
            .iter()
            .find(|l| l.name.eq_ignore_ascii_case(name) || l.words.is_match(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_have_boundaries_and_caps() {
        let re = phrases(&["US".into(), "San Francisco".into(), "서울".into()]).unwrap();
        assert!(re.is_match("Remote (US)"));
        assert!(!re.is_match("join us today"));
        assert!(re.is_match("san  francisco office"));
        assert!(re.is_match("서울시 강남구"));
        assert!(!re.is_match("USB"));
    }

    #[test]
    fn bundled_file_loads() {
        let files = super::super::builtin_files();
        let f = files
            .iter()
            .find(|f| f.name == "requirements.toml")
            .unwrap();
        let r = ReqRules::load(f).unwrap();
        let eu = r.region_index("EU").unwrap();
        let de = r.region_index("DE").unwrap();
        let europe = r.region_index("Europe").unwrap();
        assert!(r.within(de, eu));
        assert!(r.within(de, europe));
        assert!(!r.within(r.region_index("US").unwrap(), europe));
        assert_eq!(
            r.regions_in("Berlin or 서울"),
            vec![de, r.region_index("KR").unwrap()]
        );
    }
}
