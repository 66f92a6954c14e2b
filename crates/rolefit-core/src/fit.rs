//! Fit: how a posting compares with the user's strengths. What matches, what
//! is missing, which strength is the user's edge here, and a few sentences of
//! advice grounded in the lecture. Deterministic: the same inputs always give
//! the same score.

use serde::Serialize;

use crate::profile::Profile;
use crate::requirements::{DegreeLevel, Need, Requirements};
use crate::role::Role;
use crate::skills::{Category, SkillSet};

/// The user's strengths, read against the skills taxonomy once per run.
#[derive(Debug, Clone, Serialize)]
pub struct Strengths {
    /// Each strength as written, with the skills found in it.
    pub items: Vec<Strength>,
    /// Role shares the strengths point to, in `Role::ALL` order, summing to 1.
    pub role_shares: [f64; 4],
    /// The roles the strengths point to, strongest first.
    pub inferred_roles: Vec<Role>,
    pub preferred_roles: Vec<Role>,
    pub has_publications: bool,
    pub has_phd: bool,
    pub has_masters: bool,
    pub has_competitions: bool,
    pub has_scale: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Strength {
    pub text: String,
    pub skills: Vec<String>,
    /// No known skill was found: the phrase is matched word for word.
    pub literal: bool,
}

impl Strengths {
    /// Reads a profile's strengths with the skills taxonomy.
    pub fn new(profile: &Profile, skills: &SkillSet) -> Strengths {
        let mut items = Vec::with_capacity(profile.strengths.len());
        let mut shares = [0.0f64; 4];
        let (mut pubs, mut phd, mut ms, mut comp, mut scale) = (false, false, false, false, false);
        for text in &profile.strengths {
            let lower = text.to_lowercase();
            phd |= ["phd", "ph.d", "doctoral", "doctorate", "박사"]
                .iter()
                .any(|w| lower.contains(w));
            ms |= ["master", "msc", "m.s.", "석사"]
                .iter()
                .any(|w| lower.contains(w));
            let mut found = Vec::new();
            for hit in skills.find(text) {
                let skill = &skills.skills[hit.skill];
                if skill.category == Category::Evidence {
                    let n = skill.name.to_lowercase();
                    if n.contains("kaggle")
                        || n.contains("competit")
                        || n.contains("icpc")
                        || n.contains("대회")
                    {
                        comp = true;
                    } else if n.contains("scale")
                        || n.contains("traffic")
                        || n.contains("million")
                        || n.contains("대규모")
                        || n.contains("production")
                        || n.contains("on-call")
                    {
                        scale = true;
                    } else {
                        pubs = true;
                    }
                }
                for r in &skill.roles {
                    shares[r.index()] += 1.0 / skill.roles.len() as f64;
                }
                if !found.contains(&skill.name) {
                    found.push(skill.name.clone());
                }
            }
            let literal = found.is_empty();
            items.push(Strength {
                text: text.clone(),
                skills: found,
                literal,
            });
        }
        let total: f64 = shares.iter().sum();
        if total > 0.0 {
            shares.iter_mut().for_each(|s| *s /= total);
        }
        let mut inferred: Vec<Role> = Role::ALL
            .iter()
            .copied()
            .filter(|r| shares[r.index()] >= 0.2)
            .collect();
        inferred.sort_by(|a, b| shares[b.index()].total_cmp(&shares[a.index()]));
        Strengths {
            items,
            role_shares: shares.map(|s| (s * 100.0).round() / 100.0),
            inferred_roles: inferred,
            preferred_roles: profile.preferred_roles.clone(),
            has_publications: pubs,
            has_phd: phd,
            has_masters: ms || phd,
            has_competitions: comp,
            has_scale: scale,
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

    /// The strength phrases that mention a skill.
    fn phrase_of(&self, skill: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|s| s.skills.iter().any(|k| k == skill))
            .map(|s| s.text.as_str())
    }

    /// How much the user's strengths point to a role, 0..1, relative to their
    /// strongest role; preferred roles count fully.
    fn role_affinity(&self, role: Role) -> f64 {
        if self.preferred_roles.contains(&role) {
            return 1.0;
        }
        let max = self.role_shares.iter().copied().fold(0.0, f64::max);
        let inferred = if max > 0.0 {
            self.role_shares[role.index()] / max
        } else {
            0.0
        };
        if self.preferred_roles.is_empty() {
            inferred
        } else {
            0.6 * inferred
        }
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
    pub advice: Vec<String>,
    /// How the score was made, part by part (0..1 each, and points taken off).
    pub explain: FitExplain,
}

#[derive(Debug, Clone, Serialize)]
pub struct FitExplain {
    pub role_fit: f64,
    pub required_coverage: Option<f64>,
    pub preferred_coverage: Option<f64>,
    pub literal_matches: Vec<String>,
    pub penalties: Vec<String>,
}

const W_ROLE: f64 = 0.45;
const W_REQUIRED: f64 = 0.35;
const W_PREFERRED: f64 = 0.10;
const W_LITERAL: f64 = 0.10;

/// Scores a posting (its role, secondary role, text and requirements) for the user.
pub fn fit(
    role: Option<Role>,
    secondary: Option<Role>,
    posting_text: &str,
    req: &Requirements,
    strengths: &Strengths,
) -> Fit {
    let role_fit = match role {
        None => 0.0,
        Some(r) => {
            let primary = strengths.role_affinity(r);
            let second = secondary
                .map(|s| 0.5 * strengths.role_affinity(s))
                .unwrap_or(0.0);
            primary.max(second)
        }
    };

    let mut matched = Vec::new();
    for ask in &req.skills {
        if strengths.has(&ask.skill) && !matched.iter().any(|m: &Match| m.skill == ask.skill) {
            matched.push(Match {
                skill: ask.skill.clone(),
                need: ask.need,
                section: ask.section.name().to_string(),
                line: ask.line,
                strength: strengths.phrase_of(&ask.skill).map(str::to_string),
            });
        }
    }
    let (required, preferred) = (
        req.technical_skill_names(Need::Required),
        req.technical_skill_names(Need::Preferred),
    );
    let coverage = |names: &[&str]| -> Option<f64> {
        (!names.is_empty())
            .then(|| names.iter().filter(|n| strengths.has(n)).count() as f64 / names.len() as f64)
    };
    let required_coverage = coverage(&required);
    let preferred_coverage = coverage(&preferred);
    let missing_required: Vec<String> = required
        .iter()
        .filter(|n| !strengths.has(n))
        .map(|s| s.to_string())
        .collect();
    let missing_preferred: Vec<String> = preferred
        .iter()
        .filter(|n| !strengths.has(n))
        .map(|s| s.to_string())
        .collect();

    // Strengths no skill was found in are matched word for word.
    let literal_matches: Vec<String> = if strengths.has_literal() {
        let text_lower = posting_text.to_lowercase();
        strengths
            .items
            .iter()
            .filter(|s| s.literal && contains_words(&text_lower, &s.text.to_lowercase()))
            .map(|s| s.text.clone())
            .collect()
    } else {
        Vec::new()
    };
    let literal_count = strengths.items.iter().filter(|s| s.literal).count();
    let literal_share = if literal_count == 0 {
        None
    } else {
        Some(literal_matches.len() as f64 / literal_count as f64)
    };

    let mut penalties = Vec::new();
    let mut minus = 0.0;
    if let Some(d) = &req.degree
        && d.need == Need::Required
        && !d.equivalent_ok
        && !d.not_required
    {
        if d.level == Some(DegreeLevel::Doctorate) && !strengths.has_phd {
            minus += 15.0;
            penalties.push("a PhD is required and the profile lists none (-15)".to_string());
        } else if d.level == Some(DegreeLevel::Master) && !strengths.has_masters {
            minus += 5.0;
            penalties
                .push("a master's degree is required and the profile lists none (-5)".to_string());
        }
    }
    if req.publications == Some(Need::Required) && !strengths.has_publications {
        minus += 10.0;
        penalties.push("publications are required and the profile lists none (-10)".to_string());
    }
    if req.competitions == Some(Need::Required) && !strengths.has_competitions {
        minus += 3.0;
        penalties
            .push("competition results are asked for and the profile lists none (-3)".to_string());
    }

    // Parts that the posting does not speak to count as half met.
    let parts = W_ROLE * role_fit
        + W_REQUIRED * required_coverage.unwrap_or(0.5)
        + W_PREFERRED * preferred_coverage.unwrap_or(0.5)
        + W_LITERAL * literal_share.unwrap_or(required_coverage.unwrap_or(0.5));
    let score = (100.0 * parts - minus).round().clamp(0.0, 100.0) as u32;

    let edge = edge(&matched, req);
    let advice = advice(role, req, strengths, &edge, &missing_required);
    Fit {
        score,
        matched,
        missing_required,
        missing_preferred,
        edge,
        advice,
        explain: FitExplain {
            role_fit: round2(role_fit),
            required_coverage: required_coverage.map(round2),
            preferred_coverage: preferred_coverage.map(round2),
            literal_matches,
            penalties,
        },
    }
}

/// The matched strengths the posting values most: asked as required, asked
/// often, technical first.
fn edge(matched: &[Match], req: &Requirements) -> Vec<String> {
    let mut ranked: Vec<(&Match, usize)> = matched
        .iter()
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

/// One to three plain sentences, grounded in the lecture.
fn advice(
    role: Option<Role>,
    req: &Requirements,
    s: &Strengths,
    edge: &[String],
    missing: &[String],
) -> Vec<String> {
    let mut out = Vec::new();
    match role {
        None => out.push(
            "This is not an AI role: weigh it only if the work itself appeals to you.".to_string(),
        ),
        Some(r) if !s.preferred_roles.is_empty() && !s.preferred_roles.contains(&r) => {
            out.push(format!(
                "This is a {r} role; you said you want {}.",
                join_roles(&s.preferred_roles)
            ))
        }
        Some(r)
            if s.preferred_roles.is_empty()
                && !s.inferred_roles.is_empty()
                && !s.inferred_roles.contains(&r) =>
        {
            out.push(format!(
                "This is a {r} role; your strengths point to {}.",
                join_roles(&s.inferred_roles)
            ))
        }
        _ => {}
    }
    if let Some(first) = edge.first() {
        out.push(format!(
            "Your strongest match here is {first}: lead with it, with a result you achieved."
        ));
    }
    if let Some(d) = &req.degree {
        let level = match d.level {
            Some(DegreeLevel::Doctorate) => "PhD",
            Some(DegreeLevel::Master) => "master's degree",
            _ => "degree",
        };
        if d.not_required {
            out.push("No degree is required: the market tests real skill.".to_string());
        } else if d.need == Need::Preferred || d.equivalent_ok {
            if matches!(d.level, Some(DegreeLevel::Doctorate | DegreeLevel::Master))
                && !s.has_masters
            {
                out.push(format!("The {level} is only preferred (or equivalent experience counts): don't let it put you off."));
            }
        } else if d.level == Some(DegreeLevel::Doctorate) && !s.has_phd {
            out.push("It requires a PhD and your profile lists none.".to_string());
        }
    }
    if let Some(need) = req.publications
        && !s.has_publications
    {
        let how = if need == Need::Required {
            "requires"
        } else {
            "values"
        };
        out.push(format!("The posting {how} publications and your profile lists none: show other evidence of results."));
    }
    if out.len() < 3
        && let Some(m) = missing.first()
    {
        out.push(format!(
            "The biggest gap is {m}; a small project that uses it would close it."
        ));
    }
    out.truncate(3);
    out
}

fn join_roles(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.name())
        .collect::<Vec<_>>()
        .join(" or ")
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

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
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
