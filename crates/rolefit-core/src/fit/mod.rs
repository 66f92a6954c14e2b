//! Fit: how a posting compares with the user. Three parts (skills covered,
//! the direction of the role, the seniority gap), points off for soft gaps,
//! and hard gates (language, location and residency, clearance, a degree or
//! years far out of reach) that cap the score and say why. Every number is in
//! `patterns/fit.toml`. Deterministic: the same inputs give the same score.

mod advice;
mod person;

pub use crate::rules::weights::FitRules;
pub use advice::Advice;
pub use person::{Fact, Person};

use serde::Serialize;

use crate::profile::{DegreeHeld, Profile};
use crate::requirements::{DegreeLevel, Level, LimitKind, Need, ReqRules, Requirements, WorkMode};
use crate::role::Role;
use crate::rules::PatternSet;
use crate::skills::{Category, SkillSet};
use crate::text::round2;

/// The "no role" slot of role shares: technical skills with no role affinity.
const NONE: usize = 4;

/// The user's strengths and facts, read once per run.
#[derive(Debug, Clone, Serialize)]
pub struct Strengths {
    /// Each strength as written, with the skills found in it.
    pub items: Vec<Strength>,
    /// Role shares the strengths point to, in `Role::ALL` order, summing to 1
    /// with `none_share`.
    pub role_shares: [f64; 4],
    /// The share of skills of no AI role (analytics, BI).
    pub none_share: f64,
    /// The roles the strengths point to, strongest first.
    pub inferred_roles: Vec<Role>,
    pub preferred_roles: Vec<Role>,
    pub has_publications: bool,
    pub has_phd: bool,
    pub has_masters: bool,
    pub has_competitions: bool,
    pub has_scale: bool,
    /// Years, degree, level, places, languages and what the user avoids.
    pub person: Person,
    /// Per skill name: the roles it points to, and whether it is broad.
    #[serde(skip)]
    pub skill_roles: Vec<(String, Vec<Role>, bool)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Strength {
    pub text: String,
    pub skills: Vec<String>,
    /// No known skill was found: the phrase is matched word for word.
    pub literal: bool,
    /// Read from the summary, not a strength.
    pub summary: bool,
}

/// A strength's pieces that can be a bare skill name: "Go", "R", "Spark".
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '/', '(', ')', '·'])
        .flat_map(|p| p.split(" and ").flat_map(|q| q.split(" & ")))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

fn vector(roles: &[Role]) -> [f64; 5] {
    let mut v = [0.0; 5];
    if roles.is_empty() {
        v[NONE] = 1.0;
    } else {
        for r in roles {
            v[r.index()] += 1.0 / roles.len() as f64;
        }
    }
    v
}

fn cosine(a: &[f64; 5], b: &[f64; 5]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f64 = a.iter().map(|x| x * x).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Skills that set a direction: technical, and not a domain.
fn directional(c: Category) -> bool {
    c.is_technical() && c != Category::Domain
}

impl Strengths {
    /// Reads a profile with a pattern set's skills and profile phrases.
    pub fn new(profile: &Profile, set: &PatternSet) -> Strengths {
        let person = Person::read(profile, &set.requirements);
        // The summary's skills count too, except in a negated clause or in
        // what the user says they do not want.
        let summary = profile.summary.as_deref().map(|text| {
            let mut off = set.negation.negated_spans(text);
            for re in &set.requirements.profile.avoid {
                off.extend(re.find_iter(text).map(|m| (m.start(), m.end())));
            }
            let hits: Vec<usize> = set
                .skills
                .find(text)
                .into_iter()
                .filter(|h| !off.iter().any(|&(s, e)| h.start >= s && h.start < e))
                .map(|h| h.skill)
                .collect();
            (text, hits)
        });
        Strengths::build(profile, &set.skills, summary, person)
    }

    /// Reads a profile's strengths with the skills taxonomy alone (no
    /// summary, no facts).
    pub fn read(profile: &Profile, skills: &SkillSet) -> Strengths {
        Strengths::build(profile, skills, None, Person::default())
    }

    fn build(
        profile: &Profile,
        skills: &SkillSet,
        summary: Option<(&str, Vec<usize>)>,
        person: Person,
    ) -> Strengths {
        let mut items = Vec::with_capacity(profile.strengths.len() + 1);
        let mut shares = [0.0f64; 5];
        let (mut pubs, mut comp, mut scale) = (false, false, false);
        let mut skill_roles: Vec<(String, Vec<Role>, bool)> = Vec::new();
        let mut texts: Vec<(&str, Vec<usize>, bool)> = Vec::new();
        for text in &profile.strengths {
            let mut found: Vec<usize> = skills.find(text).iter().map(|h| h.skill).collect();
            for piece in pieces(text) {
                let head = piece.split_whitespace().next().unwrap_or_default();
                for cand in [piece, head] {
                    if let Some(i) = skills.exact_alias(cand)
                        && !found.contains(&i)
                    {
                        found.push(i);
                    }
                }
            }
            texts.push((text, found, false));
        }
        if let Some((text, found)) = summary
            && !found.is_empty()
        {
            texts.push((text, found, true));
        }
        for (text, found, from_summary) in texts {
            let direct = found.len();
            let mut found = found;
            found.extend(skills.implied(&found));
            let mut names = Vec::new();
            for (n, i) in found.into_iter().enumerate() {
                let skill = &skills.skills[i];
                match skill.evidence {
                    Some(crate::skills::EvidenceKind::Publications) => pubs = true,
                    Some(crate::skills::EvidenceKind::Competitions) => comp = true,
                    Some(crate::skills::EvidenceKind::Scale) => scale = true,
                    None => {}
                }
                if n < direct && directional(skill.category) {
                    let v = vector(&skill.roles);
                    shares.iter_mut().zip(v).for_each(|(s, x)| *s += x);
                }
                if !names.contains(&skill.name) {
                    names.push(skill.name.clone());
                }
                if !skill_roles.iter().any(|(n, _, _)| n == &skill.name) {
                    skill_roles.push((skill.name.clone(), skill.roles.clone(), skill.broad));
                }
            }
            let literal = names.is_empty();
            items.push(Strength {
                text: text.to_string(),
                skills: names,
                literal,
                summary: from_summary,
            });
        }
        let total: f64 = shares.iter().sum();
        if total > 0.0 {
            shares.iter_mut().for_each(|s| *s /= total);
        }
        let role_shares = [shares[0], shares[1], shares[2], shares[3]];
        let mut inferred: Vec<Role> = Role::ALL
            .iter()
            .copied()
            .filter(|r| role_shares[r.index()] >= 0.2)
            .collect();
        inferred.sort_by(|a, b| role_shares[b.index()].total_cmp(&role_shares[a.index()]));
        let degree = person.degree.as_ref().map(|d| d.value);
        Strengths {
            items,
            role_shares: role_shares.map(round2),
            none_share: round2(shares[NONE]),
            inferred_roles: inferred,
            preferred_roles: profile.preferred_roles.clone(),
            has_publications: pubs,
            has_phd: degree == Some(DegreeHeld::Phd),
            has_masters: degree >= Some(DegreeHeld::Master),
            has_competitions: comp,
            has_scale: scale,
            person,
            skill_roles,
        }
    }

    /// Whether some strength is matched word for word (no skill was found in it).
    pub fn has_literal(&self) -> bool {
        self.items.iter().any(|s| s.literal)
    }

    /// Every canonical skill the user has.
    pub fn skill_names(&self) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .flat_map(|s| s.skills.iter().map(String::as_str))
    }

    fn has(&self, skill: &str) -> bool {
        self.skill_names().any(|s| s == skill)
    }

    /// Has a broad skill ("Frontend development") outright, or `after` skills of its role.
    fn has_broad(&self, roles: &[Role], after: u32) -> bool {
        roles.iter().any(|r| {
            self.skill_roles
                .iter()
                .filter(|(_, rs, broad)| !broad && rs.contains(r))
                .count()
                >= after as usize
        })
    }

    /// The strength phrases that mention a skill.
    fn phrase_of(&self, skill: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|s| s.skills.iter().any(|k| k == skill))
            .map(|s| s.text.as_str())
    }

    fn avoids(&self, role: Role) -> bool {
        self.person.avoid_roles.iter().any(|f| f.value == role)
    }

    /// How much the user's strengths point to a role (`None`: no AI role),
    /// 0..1 relative to their strongest; preferred roles count fully.
    fn role_affinity(&self, role: Option<Role>, other_role: f64) -> f64 {
        if let Some(r) = role {
            if self.avoids(r) {
                return 0.0;
            }
            if self.preferred_roles.contains(&r) {
                return 1.0;
            }
        }
        let max = self
            .role_shares
            .iter()
            .copied()
            .fold(self.none_share, f64::max);
        let share = match role {
            Some(r) => self.role_shares[r.index()],
            None => self.none_share,
        };
        let inferred = if max > 0.0 { share / max } else { 0.0 };
        if self.preferred_roles.is_empty() {
            inferred
        } else {
            other_role * inferred
        }
    }

    fn vector(&self) -> [f64; 5] {
        let r = self.role_shares;
        [r[0], r[1], r[2], r[3], self.none_share]
    }
}

/// One strength the posting asks for.
#[derive(Debug, Clone, Serialize)]
pub struct Match {
    pub skill: String,
    pub need: Need,
    /// Where the posting asks for it: section kind and line.
    pub section: String,
    pub line: usize,
    /// The user's own words for it.
    pub strength: Option<String>,
}

/// The fit of one posting for one profile.
#[derive(Debug, Clone, Serialize)]
pub struct Fit {
    pub score: u32,
    pub matched: Vec<Match>,
    pub missing_required: Vec<String>,
    pub missing_preferred: Vec<String>,
    /// The user's strengths this posting values most.
    pub edge: Vec<String>,
    /// The advice in English, one sentence each.
    pub advice: Vec<String>,
    /// The same advice as typed facts.
    pub advice_facts: Vec<Advice>,
    /// How the score was made, part by part.
    pub explain: FitExplain,
}

/// One part of the score: its value 0..1, the points it gave, and why.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Component {
    pub name: String,
    pub value: f64,
    pub points: f64,
    /// Why, in English (the JSON field); `why` holds the same as facts.
    pub detail: String,
    /// The posting line it rests on, if one (0: the title or location field).
    pub line: Option<usize>,
    #[serde(skip)]
    pub why: PartWhy,
}

/// Why a part of the score is what it is, as facts for a renderer.
#[derive(Debug, Clone, PartialEq)]
pub enum PartWhy {
    Skills {
        required: Option<f64>,
        preferred: Option<f64>,
        word_for_word: Vec<String>,
    },
    Direction {
        role: Option<Role>,
        role_fit: f64,
        skills_same_way: f64,
        avoided_role: Option<Role>,
        avoided_word: Option<String>,
    },
    Level(LevelWhy),
}

/// Why the level part is what it is.
#[derive(Debug, Clone, PartialEq)]
pub enum LevelWhy {
    NotAsked,
    /// The posting asks `asks`; the user counts `have` years, short of it.
    Short {
        asks: String,
        have: u32,
    },
    Met {
        asks: String,
        have: u32,
    },
    /// An entry-level role for someone well past it.
    StepDown,
}

impl PartWhy {
    /// The facts in English, as `detail` carries them.
    pub fn english(&self) -> String {
        match self {
            PartWhy::Skills {
                required,
                preferred,
                word_for_word,
            } => format!(
                "required {}, preferred {}{}",
                pct(*required),
                pct(*preferred),
                if word_for_word.is_empty() {
                    String::new()
                } else {
                    format!(", word for word: {}", word_for_word.join("; "))
                }
            ),
            PartWhy::Direction {
                role,
                role_fit,
                skills_same_way,
                avoided_role,
                avoided_word,
            } => format!(
                "role {} {:.0}%, skills point the same way {:.0}%{}",
                role.map(|r| r.name()).unwrap_or("none"),
                100.0 * role_fit,
                100.0 * skills_same_way,
                match (avoided_role, avoided_word) {
                    (Some(r), _) => format!(", a role you avoid ({r})"),
                    (None, Some(wd)) => format!(", names \"{wd}\", which you avoid"),
                    _ => String::new(),
                }
            ),
            PartWhy::Level(LevelWhy::NotAsked) => "no seniority asked".to_string(),
            PartWhy::Level(LevelWhy::Short { asks, have }) => {
                format!("asks \"{asks}\", you count {have} years")
            }
            PartWhy::Level(LevelWhy::Met { asks, have }) => {
                format!("asks \"{asks}\", you count {have} years: met")
            }
            PartWhy::Level(LevelWhy::StepDown) => "an entry-level role, a step down".to_string(),
        }
    }
}

/// A hard gate that capped the score.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Gate {
    pub kind: String,
    /// The share of the score kept, in percent.
    pub cap: f64,
    /// Why, in English (the JSON field); `why` holds the same as facts.
    pub reason: String,
    pub line: Option<usize>,
    #[serde(skip)]
    pub why: GateWhy,
}

/// Why a gate capped the score, as facts for a renderer.
#[derive(Debug, Clone, PartialEq)]
pub enum GateWhy {
    /// The work is in a language the profile does not list.
    /// `assumed`: the posting's own language, not a line of it.
    Language {
        name: String,
        text: String,
        assumed: bool,
    },
    /// Remote, but only within places the person is not in.
    RemoteOnlyIn {
        places: String,
    },
    /// On site in places the person is not in.
    JobIn {
        places: String,
    },
    Residency {
        kind: LimitKind,
        text: String,
        region: String,
    },
    Clearance {
        text: String,
    },
    Degree {
        level: DegreeLevel,
        text: String,
        held: DegreeHeld,
    },
    Years {
        need: u32,
        text: String,
        have: u32,
    },
}

impl GateWhy {
    /// The facts in English, as `reason` carries them.
    pub fn english(&self) -> String {
        match self {
            GateWhy::Language { name, text, .. } => {
                format!("the work is in {name} ({text}) and your profile does not list it")
            }
            GateWhy::RemoteOnlyIn { places } => {
                format!("remote within {places} only, and you are not there")
            }
            GateWhy::JobIn { places } => format!("the job is in {places} and you are not"),
            GateWhy::Residency { kind, text, region } => format!(
                "{} limit \"{text}\" ({region}), which you do not meet",
                kind.name()
            ),
            GateWhy::Clearance { text } => {
                format!("it needs a security clearance (\"{text}\") and your profile names none")
            }
            GateWhy::Degree { level, text, held } => format!(
                "it requires {} (\"{text}\") and you list {}",
                degree_name(*level),
                held.name()
            ),
            GateWhy::Years { need, text, have } => {
                format!("it asks for {need}+ years (\"{text}\") and you count {have}")
            }
        }
    }
}

/// Points taken off, as facts for a renderer.
#[derive(Debug, Clone, PartialEq)]
pub enum PenaltyWhy {
    Publications { points: f64 },
    Competitions { points: f64 },
    Relocate { places: String, points: f64 },
    DegreeUnknown { level: DegreeLevel, points: f64 },
}

impl PenaltyWhy {
    /// The facts in English, as `penalties` carries them.
    pub fn english(&self) -> String {
        match self {
            PenaltyWhy::Publications { points } => {
                format!("publications are required and the profile lists none (-{points})")
            }
            PenaltyWhy::Competitions { points } => {
                format!("competition results are asked for and the profile lists none (-{points})")
            }
            PenaltyWhy::Relocate { places, points } => {
                format!("the job is in {places}: you would relocate (-{points})")
            }
            PenaltyWhy::DegreeUnknown { level, points } => format!(
                "{} is required and the profile lists none (-{points})",
                degree_name(*level)
            ),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FitExplain {
    pub role_fit: f64,
    pub required_coverage: Option<f64>,
    pub preferred_coverage: Option<f64>,
    pub literal_matches: Vec<String>,
    /// Points taken off, each with its reason.
    pub penalties: Vec<String>,
    /// The same as facts.
    #[serde(skip)]
    pub penalty_facts: Vec<PenaltyWhy>,
    pub components: Vec<Component>,
    pub gates: Vec<Gate>,
}

/// Scores a posting (its role, secondary role, text and requirements) for the user.
pub fn fit(
    role: Option<Role>,
    secondary: Option<Role>,
    posting_text: &str,
    req: &Requirements,
    strengths: &Strengths,
    rules: &FitRules,
    places: &ReqRules,
) -> Fit {
    let s = strengths;
    let p = &s.person;

    // --- skills
    let broad = |name: &str| s.skill_roles.iter().any(|(n, _, b)| n == name && *b);
    let mut matched = Vec::new();
    for ask in &req.skills {
        if s.has(&ask.skill) && !matched.iter().any(|m: &Match| m.skill == ask.skill) {
            matched.push(Match {
                skill: ask.skill.clone(),
                need: ask.need,
                section: ask.section.name().to_string(),
                line: ask.line,
                strength: s.phrase_of(&ask.skill).map(str::to_string),
            });
        }
    }
    let (required, preferred) = (
        req.technical_skill_names(Need::Required),
        req.technical_skill_names(Need::Preferred),
    );
    let ask_roles = |name: &str| -> Vec<Role> {
        req.skills
            .iter()
            .find(|a| a.skill == name)
            .map(|a| a.roles.clone())
            .unwrap_or_default()
    };
    let is_broad =
        |name: &str| req.skills.iter().any(|a| a.skill == name && a.broad) || broad(name);
    let had = |name: &str| {
        s.has(name) || (is_broad(name) && s.has_broad(&ask_roles(name), rules.skills.broad_after))
    };
    let enough = rules.skills.enough as f64;
    // Coverage is of specific skills: a whole field is direction, not a
    // skill; the methods (the subject of the work) weigh `method_weight`.
    let weight = |name: &str| {
        let method = req
            .skills
            .iter()
            .any(|a| a.skill == name && a.category == Category::MlMethod);
        if method {
            rules.skills.method_weight
        } else {
            1.0
        }
    };
    let coverage = |names: &[&str]| -> Option<f64> {
        let specific: Vec<&str> = names.iter().copied().filter(|n| !is_broad(n)).collect();
        (!specific.is_empty()).then(|| {
            let total: f64 = specific.iter().map(|n| weight(n)).sum();
            // A fold from +0: an empty f64 sum is -0, shown as "-0%".
            let got = specific
                .iter()
                .filter(|n| had(n))
                .fold(0.0, |sum, n| sum + weight(n));
            let mean = total / specific.len() as f64;
            let sat = rules.skills.saturated;
            sat * (got / total.min(enough * mean)).min(1.0) + (1.0 - sat) * got / total
        })
    };
    let required_coverage = coverage(&required);
    let preferred_coverage = coverage(&preferred);
    let gap = |n: &&&str| !had(n) && !is_broad(n);
    let missing_required: Vec<String> =
        required.iter().filter(gap).map(|s| s.to_string()).collect();
    let missing_preferred: Vec<String> = preferred
        .iter()
        .filter(gap)
        .map(|s| s.to_string())
        .collect();

    // Strengths no skill was found in are matched word for word.
    let literal_matches: Vec<String> = if s.has_literal() {
        let text_lower = posting_text.to_lowercase();
        s.items
            .iter()
            .filter(|x| x.literal && contains_words(&text_lower, &x.text.to_lowercase()))
            .map(|x| x.text.clone())
            .collect()
    } else {
        Vec::new()
    };
    let literal_bonus = literal_matches.len() as f64 / enough;
    let sr = &rules.skills;
    let skills_part = match (required_coverage, preferred_coverage) {
        (Some(r), Some(pc)) => sr.required * r + (1.0 - sr.required) * pc,
        (Some(r), None) => r,
        (None, Some(pc)) => pc,
        (None, None) => sr.unknown,
    };
    let skills_part = (skills_part + literal_bonus).min(1.0);

    // --- direction
    let dr = &rules.direction;
    let label_aff = {
        let first = s.role_affinity(role, dr.other_role);
        let second = secondary
            .map(|r| dr.secondary * s.role_affinity(Some(r), dr.other_role))
            .unwrap_or(0.0);
        first.max(second)
    };
    let mut posting_vec = [0.0f64; 5];
    for a in &req.skills {
        if directional(a.category) {
            let w = if a.need == Need::Required { 1.0 } else { 0.5 };
            let v = vector(&a.roles);
            posting_vec.iter_mut().zip(v).for_each(|(x, y)| *x += w * y);
        }
    }
    let skills_dir = cosine(&s.vector(), &posting_vec);
    let mut direction = dr.label * label_aff + (1.0 - dr.label) * skills_dir;
    let avoided_role = role.filter(|r| s.avoids(*r));
    let avoided_word = p
        .avoid_words
        .iter()
        .find(|w| contains_words(&posting_text.to_lowercase(), w))
        .cloned();
    if avoided_role.is_some() || avoided_word.is_some() {
        direction *= dr.avoided;
    }

    // --- level
    let lr = &rules.level;
    let have = p.effective_years(lr.phd_years, lr.master_years);
    let raw_years = p
        .years
        .as_ref()
        .map(|y| y.value)
        .or(p.level.as_ref().map(|l| l.value.min_years()));
    let asked: Option<(u32, String, usize)> = match (&req.years, &req.seniority) {
        (Some(y), _) if !y.any && y.need == Need::Required => Some((y.min, y.text.clone(), y.line)),
        (_, Some(sn)) => Some((sn.level.min_years(), sn.text.clone(), sn.line)),
        _ => None,
    };
    let entry_role = req.years.as_ref().is_some_and(|y| y.any)
        || req
            .seniority
            .as_ref()
            .is_some_and(|sn| sn.level == Level::Entry);
    let mut level_part = 1.0;
    let mut level_why = LevelWhy::NotAsked;
    let mut level_line = None;
    let mut years_short = 0;
    if let (Some((need, text, line)), Some(h)) = (&asked, have) {
        level_line = Some(*line);
        if *need > h {
            years_short = need - h;
            level_part = (1.0 - lr.per_year * years_short as f64).max(0.0);
            level_why = LevelWhy::Short {
                asks: text.clone(),
                have: h,
            };
        } else {
            level_why = LevelWhy::Met {
                asks: text.clone(),
                have: h,
            };
        }
    }
    let step_down = entry_role && raw_years.is_some_and(|y| y >= lr.step_down_years);
    if step_down {
        level_part = level_part.min(lr.step_down);
        level_why = LevelWhy::StepDown;
        level_line = req.seniority.as_ref().map(|sn| sn.line);
    }

    // --- penalties
    let pen = &rules.penalties;
    let mut penalties = Vec::new();
    let mut minus = 0.0;
    if req.publications == Some(Need::Required) && !s.has_publications {
        minus += pen.publications;
        penalties.push(PenaltyWhy::Publications {
            points: pen.publications,
        });
    }
    if req.competitions == Some(Need::Required) && !s.has_competitions {
        minus += pen.competitions;
        penalties.push(PenaltyWhy::Competitions {
            points: pen.competitions,
        });
    }
    let held = p.degree.as_ref().map(|d| d.value);
    let needs = |l: DegreeLevel| match l {
        DegreeLevel::Doctorate => DegreeHeld::Phd,
        DegreeLevel::Master => DegreeHeld::Master,
        DegreeLevel::Bachelor => DegreeHeld::Bachelor,
    };

    // --- gates
    let g = &rules.gates;
    let mut gates: Vec<Gate> = Vec::new();
    for w in &req.work_languages {
        if w.need == Need::Required && !p.languages.is_empty() && !p.speaks(&w.name) {
            gates.push(Gate {
                kind: "language".into(),
                cap: g.language,
                reason: String::new(),
                why: GateWhy::Language {
                    name: w.name.clone(),
                    text: w.text.clone(),
                    assumed: w.line == 0,
                },
                line: Some(w.line),
            });
            break;
        }
    }
    // Location: where the person is, against where the job is.
    let rq = &req.location;
    if !p.regions.is_empty() {
        let posting_regions: Vec<(String, usize)> = if rq.places.is_empty() {
            rq.assumed_region.iter().map(|r| (r.clone(), 0)).collect()
        } else {
            rq.places
                .iter()
                .map(|pl| (pl.region.clone(), pl.line))
                .collect()
        };
        let rr = places;
        let inside = |have: &[String], region: &str| {
            have.iter()
                .any(|h| rr.inside(h, region) || rr.inside(region, h))
        };
        let home: Vec<String> = p.regions.iter().map(|f| f.value.clone()).collect();
        let remote: Vec<String> = p.remote.iter().map(|f| f.value.clone()).collect();
        let here = posting_regions.iter().any(|(r, _)| inside(&home, r));
        let relocate = p.relocate.as_ref().is_some_and(|f| f.value);
        let place_names = || {
            if rq.places.is_empty() {
                posting_regions
                    .iter()
                    .map(|(r, _)| r.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            } else {
                rq.places
                    .iter()
                    .map(|pl| pl.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let line = posting_regions.first().map(|(_, l)| *l);
        if posting_regions.is_empty() || here {
            // In the person's own region.
        } else if rq.mode == Some(WorkMode::Remote) {
            let open = rq.anywhere || posting_regions.iter().any(|(r, _)| inside(&remote, r));
            if !open && !rq.anywhere {
                gates.push(Gate {
                    kind: "location".into(),
                    cap: g.location,
                    reason: String::new(),
                    why: GateWhy::RemoteOnlyIn {
                        places: place_names(),
                    },
                    line,
                });
            }
        } else if relocate {
            minus += pen.relocate;
            penalties.push(PenaltyWhy::Relocate {
                places: place_names(),
                points: pen.relocate,
            });
        } else {
            gates.push(Gate {
                kind: "location".into(),
                cap: g.location,
                reason: String::new(),
                why: GateWhy::JobIn {
                    places: place_names(),
                },
                line,
            });
        }
        for l in &req.limits {
            if l.kind == LimitKind::Clearance {
                continue;
            }
            let Some(region) = &l.region else { continue };
            if !home.iter().any(|h| rr.inside(h, region)) {
                gates.push(Gate {
                    kind: "residency".into(),
                    cap: g.residency,
                    reason: String::new(),
                    why: GateWhy::Residency {
                        kind: l.kind,
                        text: l.text.clone(),
                        region: region.clone(),
                    },
                    line: Some(l.line),
                });
                break;
            }
        }
    }
    if let Some(l) = req.limits.iter().find(|l| l.kind == LimitKind::Clearance)
        && !p.clearance
    {
        gates.push(Gate {
            kind: "clearance".into(),
            cap: g.clearance,
            reason: String::new(),
            why: GateWhy::Clearance {
                text: l.text.clone(),
            },
            line: Some(l.line),
        });
    }
    if let Some(d) = &req.degree
        && !d.not_required
        && d.need == Need::Required
        && !d.equivalent_ok
        && let Some(level) = d.level
    {
        match held {
            Some(h) if h < needs(level) => gates.push(Gate {
                kind: "degree".into(),
                cap: g.degree,
                reason: String::new(),
                why: GateWhy::Degree {
                    level,
                    text: d.text.clone(),
                    held: h,
                },
                line: Some(d.line),
            }),
            Some(_) => {}
            // A profile that names no degree: points off, not a gate.
            None => {
                let points = match level {
                    DegreeLevel::Doctorate => pen.phd_unknown,
                    DegreeLevel::Master => pen.master_unknown,
                    DegreeLevel::Bachelor => 0.0,
                };
                if points > 0.0 {
                    minus += points;
                    penalties.push(PenaltyWhy::DegreeUnknown { level, points });
                }
            }
        }
    }
    if years_short >= g.years_gap
        && let Some((need, text, line)) = &asked
    {
        gates.push(Gate {
            kind: "years".into(),
            cap: g.years,
            reason: String::new(),
            why: GateWhy::Years {
                need: *need,
                text: text.clone(),
                have: have.unwrap_or(0),
            },
            line: Some(*line),
        });
    }

    for gate in &mut gates {
        gate.reason = gate.why.english();
    }
    let penalty_facts = penalties;
    let penalties: Vec<String> = penalty_facts.iter().map(PenaltyWhy::english).collect();

    // --- score
    let w = &rules.weights;
    let parts = [
        (
            "skills",
            skills_part,
            w.skills,
            matched.first().map(|m| m.line),
            PartWhy::Skills {
                required: required_coverage,
                preferred: preferred_coverage,
                word_for_word: literal_matches.clone(),
            },
        ),
        (
            "direction",
            direction,
            w.direction,
            None,
            PartWhy::Direction {
                role,
                role_fit: label_aff,
                skills_same_way: skills_dir,
                avoided_role,
                avoided_word: avoided_word.clone(),
            },
        ),
        (
            "level",
            level_part,
            w.level,
            level_line,
            PartWhy::Level(level_why),
        ),
    ];
    let components: Vec<Component> = parts
        .into_iter()
        .map(|(name, value, weight, line, why)| Component {
            name: name.into(),
            value: round2(value),
            points: round2(100.0 * weight * value),
            detail: why.english(),
            line,
            why,
        })
        .collect();
    let raw =
        100.0 * (w.skills * skills_part + w.direction * direction + w.level * level_part) - minus;
    let kept: f64 = gates.iter().map(|g| g.cap / 100.0).product();
    let score = (raw.max(0.0) * kept).round().clamp(0.0, 100.0) as u32;

    let edge = edge(&matched, req);
    let facts = advise(AdviceInput {
        role,
        req,
        s,
        edge: &edge,
        missing: &missing_required,
        gates: &gates,
        avoided: avoided_role,
        skills_dir,
        asked: asked.as_ref().map(|a| a.0),
        have,
        step_down,
    });
    Fit {
        score,
        matched,
        missing_required,
        missing_preferred,
        edge,
        advice: facts.iter().map(Advice::english).collect(),
        advice_facts: facts,
        explain: FitExplain {
            role_fit: round2(label_aff),
            // The coverage the skills part is scored from (specific skills,
            // weighted, an "enough" long list saturated), so that the points
            // shown can be checked from it.
            required_coverage: required_coverage.map(round2),
            preferred_coverage: preferred_coverage.map(round2),
            literal_matches,
            penalties,
            penalty_facts,
            components,
            gates,
        },
    }
}

fn degree_name(l: DegreeLevel) -> &'static str {
    match l {
        DegreeLevel::Doctorate => "a PhD",
        DegreeLevel::Master => "a master's degree",
        DegreeLevel::Bachelor => "a bachelor's degree",
    }
}

fn pct(x: Option<f64>) -> String {
    x.map(|v| format!("{:.0}%", 100.0 * v))
        .unwrap_or_else(|| "n/a".into())
}

/// The matched strengths the posting values most: technical and specific
/// (never a soft skill or a whole field), asked as required, asked often.
fn edge(matched: &[Match], req: &Requirements) -> Vec<String> {
    let mut ranked: Vec<(&Match, usize)> = matched
        .iter()
        .filter(|m| {
            req.skills.iter().any(|a| {
                a.skill == m.skill
                    && a.category.is_technical()
                    && a.category != Category::Domain
                    && !a.broad
            })
        })
        .map(|m| (m, req.skills.iter().filter(|s| s.skill == m.skill).count()))
        .collect();
    ranked.sort_by(|(a, ca), (b, cb)| {
        a.need
            .cmp(&b.need)
            .then(cb.cmp(ca))
            .then(a.skill.cmp(&b.skill))
    });
    ranked
        .into_iter()
        .take(3)
        .map(|(m, _)| m.skill.clone())
        .collect()
}

struct AdviceInput<'a> {
    role: Option<Role>,
    req: &'a Requirements,
    s: &'a Strengths,
    edge: &'a [String],
    missing: &'a [String],
    gates: &'a [Gate],
    avoided: Option<Role>,
    skills_dir: f64,
    asked: Option<u32>,
    have: Option<u32>,
    step_down: bool,
}

/// Up to three facts worth saying, most decisive first.
fn advise(a: AdviceInput) -> Vec<Advice> {
    let s = a.s;
    let mut out = Vec::new();
    for g in a.gates {
        out.push(Advice::Blocked {
            reason: g.reason.clone(),
            why: g.why.clone(),
        });
    }
    match a.role {
        Some(r) if a.avoided == Some(r) => out.push(Advice::AvoidedRole { role: r }),
        None if a.skills_dir < 0.5 => out.push(Advice::NotAiRole),
        Some(r) if !s.preferred_roles.is_empty() && !s.preferred_roles.contains(&r) => {
            out.push(Advice::OtherRole {
                role: r,
                wanted: s.preferred_roles.clone(),
            })
        }
        Some(r)
            if s.preferred_roles.is_empty()
                && !s.inferred_roles.is_empty()
                && !s.inferred_roles.contains(&r) =>
        {
            out.push(Advice::OtherDirection {
                role: r,
                strengths: s.inferred_roles.clone(),
            })
        }
        _ => {}
    }
    if let Some(first) = a.edge.first() {
        out.push(Advice::LeadWith {
            skill: first.clone(),
        });
    }
    if a.step_down {
        out.push(Advice::StepDown {
            level: Level::Entry,
        });
    } else if let (Some(asked), Some(have)) = (a.asked, a.have)
        && asked > have
        && !a.gates.iter().any(|g| g.kind == "years")
    {
        out.push(Advice::Stretch { asked, have });
    }
    if let Some(d) = &a.req.degree {
        if d.not_required {
            out.push(Advice::NoDegreeRequired);
        } else if (d.need == Need::Preferred || d.equivalent_ok)
            && matches!(d.level, Some(DegreeLevel::Doctorate | DegreeLevel::Master))
            && !s.has_masters
        {
            out.push(Advice::DegreeOnlyPreferred {
                level: d.level.unwrap_or(DegreeLevel::Master),
            });
        }
    }
    if let Some(need) = a.req.publications
        && !s.has_publications
    {
        out.push(Advice::Publications {
            required: need == Need::Required,
        });
    }
    // A gap worth a small project: a specific, learnable technical skill.
    let learnable = |name: &str| {
        a.req.skills.iter().any(|k| {
            k.skill == name
                && matches!(
                    k.category,
                    Category::Language
                        | Category::Framework
                        | Category::MlMethod
                        | Category::Infrastructure
                )
                && !k.broad
        })
    };
    if let Some(m) = a.missing.iter().find(|m| learnable(m)) {
        out.push(Advice::CloseGap { skill: m.clone() });
    }
    out.truncate(3);
    out
}

/// Whether `needle`'s words appear together in `hay`, at word boundaries.
fn contains_words(hay: &str, needle: &str) -> bool {
    let needle = needle.trim();
    if needle.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let start = from + i;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
        if boundary(before) && boundary(after) {
            return true;
        }
        from = start + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_words_need_boundaries() {
        assert!(contains_words("we use dbt and snowflake", "dbt"));
        assert!(!contains_words("we use dbtx", "dbt"));
        assert!(contains_words("경험: dbt를 사용", "dbt"));
    }
}
