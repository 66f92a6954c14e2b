//! What a posting asks for: skills, years of experience, degree, and the kinds
//! of evidence the lecture says count (publications, competitions, scale),
//! each marked required or preferred by the section it came from.

pub mod limits;

use serde::Serialize;

use crate::extract::{Line, Posting, SectionKind};
use crate::rules::phrases::GateHits;
use crate::rules::{Doc, PatternSet};
use crate::skills::{Category, EvidenceKind, SkillHit};

pub use crate::rules::phrases::{Level, LimitKind, Phrase, PostingRules, ReqRules, gate_id};
pub use limits::{Limit, Location, Place, Seniority, WorkLanguage, WorkMode};

/// Whether the posting requires something or only prefers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Need {
    Required,
    Preferred,
}

/// A skill the posting names, with where it asks for it.
#[derive(Debug, Clone, Serialize)]
pub struct SkillAsk {
    pub skill: String,
    pub category: Category,
    pub need: Need,
    pub section: SectionKind,
    pub line: usize,
    #[serde(rename = "match")]
    pub matched: String,
    /// The roles the skill points to.
    #[serde(skip)]
    pub roles: Vec<crate::role::Role>,
    /// A whole field ("Frontend development"), never named as a gap.
    #[serde(skip)]
    pub broad: bool,
}

/// Years of experience asked for. `min` 0 with `any` true: "신입/경력 무관".
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Years {
    pub min: u32,
    pub max: Option<u32>,
    pub need: Need,
    /// Experience is not required at all ("경력 무관", "new grads welcome").
    pub any: bool,
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum DegreeLevel {
    #[serde(rename = "BS")]
    Bachelor,
    #[serde(rename = "MS")]
    Master,
    #[serde(rename = "PhD")]
    Doctorate,
}

/// The degree asked for.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Degree {
    /// The lowest level that satisfies the posting ("MS or PhD" -> MS).
    pub level: Option<DegreeLevel>,
    pub need: Need,
    /// "or equivalent experience": the degree can be replaced by experience.
    pub equivalent_ok: bool,
    /// "학력 무관", "no degree required".
    pub not_required: bool,
    pub text: String,
    pub line: usize,
}

/// Everything a posting asks for.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Requirements {
    pub skills: Vec<SkillAsk>,
    pub years: Option<Years>,
    pub degree: Option<Degree>,
    /// Publications at top venues, if asked for.
    pub publications: Option<Need>,
    /// Competition results (Kaggle, ICPC), if asked for.
    pub competitions: Option<Need>,
    /// Experience running large-scale services, if asked for.
    pub large_scale: Option<Need>,
    pub languages: Vec<NamedNeed>,
    pub soft_skills: Vec<NamedNeed>,
    /// The seniority the title or text states.
    pub seniority: Option<Seniority>,
    /// Where the job is, and remote, hybrid or onsite.
    pub location: Location,
    /// Residency, citizenship, work-permit, time-zone and clearance limits.
    pub limits: Vec<Limit>,
    /// The languages the work is done in.
    pub work_languages: Vec<WorkLanguage>,
    /// What the posting says it pays, if it says.
    pub salary: Option<crate::salary::Salary>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NamedNeed {
    pub name: String,
    pub need: Need,
}

impl Requirements {
    /// The technical skills (see [`Category::is_technical`]) asked with
    /// `need`, each once; a skill both required and preferred is required only.
    pub fn technical_skill_names(&self, need: Need) -> Vec<&str> {
        self.skill_names(need)
            .into_iter()
            .filter(|name| {
                self.skills
                    .iter()
                    .any(|s| s.skill == *name && s.category.is_technical())
            })
            .collect()
    }

    /// Skill names asked with `need`, each once, in the order first asked; a
    /// skill both required and preferred is listed as required only.
    pub fn skill_names(&self, need: Need) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for s in &self.skills {
            if s.need == need && !out.contains(&s.skill.as_str()) {
                out.push(&s.skill);
            }
        }
        if need == Need::Preferred {
            let required = self.skill_names(Need::Required);
            out.retain(|s| !required.contains(s));
        }
        out
    }
}

/// Sections whose asks count, and how: the job's own sections ask; the
/// company blurb, benefits and process do not.
fn need_of_section(kind: SectionKind) -> Option<Need> {
    match kind {
        SectionKind::Requirements
        | SectionKind::Responsibilities
        | SectionKind::Other
        | SectionKind::Title => Some(Need::Required),
        SectionKind::Preferred => Some(Need::Preferred),
        SectionKind::About | SectionKind::Benefits | SectionKind::Process => None,
    }
}

/// Extracts every requirement of a posting. A skill in a negated clause ("No
/// machine learning experience is required") is not asked for.
pub fn extract(posting: &Posting, set: &PatternSet) -> Requirements {
    let skills = scan_skills(posting, set);
    let hits = limits::gate_hits(posting, &set.requirements);
    extract_scanned(posting, set, skills, hits)
}

/// [`extract`] for several postings, scan by scan: the skills of all, then
/// the phrase gates of all, then the rest, so that each scan's automaton
/// stays in the processor's cache from one posting to the next.
pub fn extract_all(postings: &[Posting], set: &PatternSet) -> Vec<Requirements> {
    let skills: Vec<SkillScan> = postings.iter().map(|p| scan_skills(p, set)).collect();
    let hits: Vec<GateHits> = postings
        .iter()
        .map(|p| limits::gate_hits(p, &set.requirements))
        .collect();
    postings
        .iter()
        .zip(skills)
        .zip(hits)
        .map(|((p, skills), hits)| extract_scanned(p, set, skills, hits))
        .collect()
}

/// The lines of a posting that ask, with their section and need, joined,
/// and the skills and negation cues found on each.
struct SkillScan<'p> {
    asks: Vec<(SectionKind, Need, &'p Line)>,
    doc: Doc,
    found: Vec<Vec<SkillHit>>,
    negations: Vec<bool>,
}

fn scan_skills<'p>(posting: &'p Posting, set: &PatternSet) -> SkillScan<'p> {
    // The lines that ask, with their need, scanned together: each pattern
    // runs once over the posting, not once per line.
    let mut asks: Vec<(SectionKind, Need, &Line)> = Vec::new();
    for section in &posting.sections {
        if let Some(need) = need_of_section(section.kind) {
            asks.extend(section.lines.iter().map(|l| (section.kind, need, l)));
        }
    }
    let doc = Doc::new(asks.iter().map(|(_, _, l)| l.text.as_str()));
    // The skills, and the lines with a negation cue, in one scan.
    let (found, negations) = set.skills.find_lines(&doc, &set.negation);
    SkillScan {
        asks,
        doc,
        found,
        negations,
    }
}

/// The requirements of a posting from its skill scan and the hits of its
/// phrase gates ([`limits::gate_hits`]: one scan of the posting for the
/// gates of every phrase read line by line; a regex whose gate finds none of
/// its literals matches on no line, and is not run at all).
fn extract_scanned(
    posting: &Posting,
    set: &PatternSet,
    scan: SkillScan,
    hits: GateHits,
) -> Requirements {
    let skills = &set.skills;
    let rules = &set.requirements;
    let mut req = Requirements::default();
    let mut degree_mentions: Vec<Degree> = Vec::new();
    let SkillScan {
        asks,
        doc,
        found,
        negations,
    } = scan;
    // The lines each of these can match on; `years` and `degree` read only
    // lines where one of their regexes can match.
    let flags = |res: &[(&Phrase, usize)]| {
        let mut flags = vec![false; doc.len()];
        for &(re, id) in res {
            if hits.anywhere(id) {
                doc.lines_touched(re.regex(), &mut flags);
            }
        }
        flags
    };
    let p = &rules.posting;
    let preferred = flags(&[(&p.preferred, gate_id::PREFERRED)]);
    let years_lines = flags(&[
        (&p.years_any, gate_id::YEARS_ANY),
        (&p.years, gate_id::YEARS),
        (&p.years_ko, gate_id::YEARS_KO),
    ]);
    let degree_lines = flags(&[
        (&p.degree_not_required, gate_id::NOT_REQUIRED),
        (&p.bachelor, gate_id::BACHELOR),
        (&p.master, gate_id::MASTER),
        (&p.phd, gate_id::PHD),
    ]);
    for (i, &(kind, section_need, line)) in asks.iter().enumerate() {
        let need = if section_need == Need::Required && preferred[i] {
            Need::Preferred
        } else {
            section_need
        };
        let negated = if negations[i] {
            set.negation.negated_spans(&line.text)
        } else {
            Vec::new()
        };
        for hit in &found[i] {
            if negated
                .iter()
                .any(|&(s, e)| hit.start >= s && hit.start < e)
            {
                continue;
            }
            let skill = &skills.skills[hit.skill];
            match skill.category {
                Category::Evidence => {
                    if let Some(kind) = skill.evidence {
                        note(evidence_slot(&mut req, kind), need)
                    }
                }
                Category::SoftSkill if skill.is_language() => {
                    add_named(&mut req.languages, &skill.name, need)
                }
                Category::SoftSkill => add_named(&mut req.soft_skills, &skill.name, need),
                _ => {}
            }
            req.skills.push(SkillAsk {
                skill: skill.name.clone(),
                category: skill.category,
                need,
                section: kind,
                line: line.number,
                matched: line.text[hit.start..hit.end].to_string(),
                roles: skill.roles.clone(),
                broad: skill.broad,
            });
        }
        if years_lines[i]
            && let Some(y) = years(&line.text, need, line.number, &rules.posting)
        {
            req.years = Some(match req.years.take() {
                // The required ask wins over a preferred one; the first of a kind stays.
                Some(old) if old.need <= y.need => old,
                _ => y,
            });
        }
        if degree_lines[i]
            && let Some(d) = degree(&line.text, need, line.number, &rules.posting)
        {
            degree_mentions.push(d);
        }
    }
    req.degree = merge_degrees(degree_mentions);
    req.seniority = limits::seniority_with(posting, rules, &hits);
    req.location = limits::location_with(posting, rules, &hits);
    req.limits = limits::limits_with(posting, rules, &req.location, &hits);
    req.work_languages = limits::work_languages_with(
        posting,
        rules,
        |kind, text| kind == SectionKind::Preferred || rules.posting.preferred.is_match(text),
        &hits,
    );
    req.salary = crate::salary::find(posting, &set.salary);
    req
}

/// Which evidence slot an evidence skill fills.
fn evidence_slot(req: &mut Requirements, kind: EvidenceKind) -> &mut Option<Need> {
    match kind {
        EvidenceKind::Publications => &mut req.publications,
        EvidenceKind::Competitions => &mut req.competitions,
        EvidenceKind::Scale => &mut req.large_scale,
    }
}

/// Keeps the stronger need: required beats preferred.
fn note(slot: &mut Option<Need>, need: Need) {
    *slot = Some(match *slot {
        Some(old) => old.min(need),
        None => need,
    });
}

fn add_named(list: &mut Vec<NamedNeed>, name: &str, need: Need) {
    match list.iter_mut().find(|n| n.name == name) {
        Some(n) => n.need = n.need.min(need),
        None => list.push(NamedNeed {
            name: name.to_string(),
            need,
        }),
    }
}

/// Years of experience asked on one line.
pub fn years(text: &str, need: Need, line: usize, r: &PostingRules) -> Option<Years> {
    if let Some(m) = r.years_any.find(text) {
        return Some(Years {
            min: 0,
            max: None,
            need,
            any: true,
            text: m.as_str().to_string(),
            line,
        });
    }
    if let Some(c) = r.years.captures(text) {
        let whole = c.get(0).expect("match");
        let after = &text[whole.end()..];
        let context_ok = r
            .years_context
            .is_match(after.get(..after.len().min(40)).unwrap_or(after))
            || r.years_context.is_match(&text[..whole.start()]);
        let not_age =
            !text.to_lowercase().contains(" ago") && !text.to_lowercase().contains("years old");
        if context_ok && not_age {
            let min: u32 = c[1].parse().ok()?;
            let max = c.get(2).and_then(|m| m.as_str().parse().ok());
            if min <= 30 {
                return Some(Years {
                    min,
                    max,
                    need,
                    any: false,
                    text: whole.as_str().trim().to_string(),
                    line,
                });
            }
        }
    }
    if r.years_ko_context.is_match(text) {
        for c in r.years_ko.captures_iter(text) {
            let whole = c.get(0).expect("match");
            let suffix = c.get(3).map(|m| m.as_str());
            let has_lead = whole.as_str().starts_with("경력") || whole.as_str().starts_with("경험");
            if !has_lead && suffix.is_none() && c.get(2).is_none() {
                continue;
            }
            let min: u32 = c[1].parse().ok()?;
            if min > 30 || matches!(suffix, Some("미만" | "이하")) {
                continue;
            }
            let max = c.get(2).and_then(|m| m.as_str().parse().ok());
            return Some(Years {
                min,
                max,
                need,
                any: false,
                text: whole.as_str().trim().to_string(),
                line,
            });
        }
    }
    None
}

/// A degree asked on one line.
pub fn degree(text: &str, need: Need, line: usize, r: &PostingRules) -> Option<Degree> {
    if let Some(m) = r.degree_not_required.find(text) {
        return Some(Degree {
            level: None,
            need,
            equivalent_ok: true,
            not_required: true,
            text: m.as_str().to_string(),
            line,
        });
    }
    let mut level = None;
    let mut first: Option<(usize, &str)> = None;
    for (re, l) in [
        (&r.bachelor, DegreeLevel::Bachelor),
        (&r.master, DegreeLevel::Master),
        (&r.phd, DegreeLevel::Doctorate),
    ] {
        if let Some(m) = re.find(text) {
            if level.is_none() {
                level = Some(l);
            }
            if first.is_none_or(|(at, _)| m.start() < at) {
                first = Some((m.start(), m.as_str()));
            }
        }
    }
    let level = level?;
    Some(Degree {
        level: Some(level),
        need,
        equivalent_ok: r.equivalent.is_match(text),
        not_required: false,
        text: first.map(|(_, t)| t.trim().to_string()).unwrap_or_default(),
        line,
    })
}

/// Many lines may mention degrees: "not required" anywhere wins; else the
/// required mention with the lowest level; else the preferred one.
fn merge_degrees(mentions: Vec<Degree>) -> Option<Degree> {
    if let Some(d) = mentions.iter().find(|d| d.not_required) {
        return Some(d.clone());
    }
    let equivalent_ok = mentions.iter().any(|d| d.equivalent_ok);
    let mut best = mentions
        .into_iter()
        .min_by(|a, b| a.need.cmp(&b.need).then(a.level.cmp(&b.level)))?;
    best.equivalent_ok |= equivalent_ok;
    Some(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    static RULES: LazyLock<ReqRules> = LazyLock::new(|| {
        let files = crate::rules::builtin_files();
        let f = files
            .iter()
            .find(|f| f.name == "requirements.toml")
            .unwrap();
        ReqRules::load_with(f, true).unwrap()
    });

    /// The need of each skill a plain-text posting asks for, by skill name.
    fn needs(text: &str) -> Vec<(String, Need)> {
        let set = crate::rules::PatternSet::builtin().unwrap();
        let posting =
            crate::extract::extract(text, crate::extract::Format::Text, &set.sections).unwrap();
        extract(&posting, &set)
            .skills
            .into_iter()
            .map(|s| (s.skill, s.need))
            .collect()
    }

    #[test]
    fn a_preferred_item_of_a_glued_list_leaves_the_others_required() {
        let need = |text: &str, skill: &str| {
            let found = needs(text);
            found
                .iter()
                .find(|(s, _)| s == skill)
                .unwrap_or_else(|| panic!("{skill} not in {found:?}"))
                .1
        };
        let en = "Data Scientist\n\nMinimum QualificationsProficient in Java or \
                  PythonBig Data knowledge with Hadoop and SparkKubernetes experience \
                  preferredProven experience building models with big data";
        assert_eq!(need(en, "Python"), Need::Required);
        assert_eq!(need(en, "Apache Spark"), Need::Required);
        assert_eq!(need(en, "Kubernetes"), Need::Preferred);
        let ko = "데이터 사이언티스트\n\n[자격요건] 파이썬과 SQL로 데이터를 다뤄 본 경험이 \
                  있는 분, Spark 운영 경험이 있는 분. [우대사항] Kubernetes 운영 경험";
        assert_eq!(need(ko, "Python"), Need::Required);
        assert_eq!(need(ko, "Kubernetes"), Need::Preferred);
    }

    fn y(text: &str) -> Option<(u32, Option<u32>, bool)> {
        years(text, Need::Required, 1, &RULES.posting).map(|y| (y.min, y.max, y.any))
    }

    #[test]
    fn years_in_english() {
        assert_eq!(
            y("3+ years of experience with Python"),
            Some((3, None, false))
        );
        assert_eq!(
            y("2-4 years in backend development"),
            Some((2, Some(4), false))
        );
        assert_eq!(
            y("At least 5 years of industry experience"),
            Some((5, None, false))
        );
        assert_eq!(y("Founded 10 years ago"), None);
        assert_eq!(y("New grads welcome"), Some((0, None, true)));
        // The work the years were spent on, or "at least" / "minimum".
        assert_eq!(
            y("3+ years building machine learning models"),
            Some((3, None, false))
        );
        assert_eq!(
            y("At least 4 years writing production Python"),
            Some((4, None, false))
        );
        assert_eq!(
            y("Minimum 7 years as a backend engineer"),
            Some((7, None, false))
        );
        assert_eq!(y("Minimum 2 years"), Some((2, None, false)));
    }

    #[test]
    fn years_in_korean() {
        assert_eq!(y("경력 3년 이상"), Some((3, None, false)));
        assert_eq!(y("관련 개발 경력 5년↑"), Some((5, None, false)));
        assert_eq!(y("React 기반 개발 경험 2년 이상"), Some((2, None, false)));
        assert_eq!(y("신입/경력 무관"), Some((0, None, true)));
        assert_eq!(y("연봉 5,500만 원"), None);
    }

    fn d(text: &str) -> Option<(Option<DegreeLevel>, bool, bool)> {
        degree(text, Need::Required, 1, &RULES.posting)
            .map(|d| (d.level, d.equivalent_ok, d.not_required))
    }

    #[test]
    fn degrees() {
        use DegreeLevel::*;
        assert_eq!(
            d("PhD in Computer Science"),
            Some((Some(Doctorate), false, false))
        );
        assert_eq!(
            d("MS or PhD in CS or a related field"),
            Some((Some(Master), false, false))
        );
        assert_eq!(
            d("BS/MS in CS, or equivalent practical experience"),
            Some((Some(Bachelor), true, false))
        );
        assert_eq!(
            d("컴퓨터공학 석사 이상"),
            Some((Some(Master), false, false))
        );
        assert_eq!(d("학력 무관"), Some((None, true, true)));
        assert_eq!(d("A PhD is not required"), Some((None, true, true)));
        assert_eq!(d("Experience with MS Office"), None);
    }

    #[test]
    fn required_degree_beats_preferred_one() {
        let req = degree("MS in CS", Need::Required, 3, &RULES.posting).unwrap();
        let pref = degree("PhD preferred", Need::Preferred, 9, &RULES.posting).unwrap();
        let merged = merge_degrees(vec![pref, req]).unwrap();
        assert_eq!(merged.level, Some(DegreeLevel::Master));
        assert_eq!(merged.need, Need::Required);
    }
}
