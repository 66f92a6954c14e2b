//! Hand-built records and strengths for the summary's tests.

use crate::extract::SectionKind;
use crate::fit::{Fit, FitExplain, Strength, Strengths};
use crate::model::Lang;
use crate::report::{Record, Status};
use crate::requirements::{Degree, DegreeLevel, Need, SkillAsk, Years};
use crate::role::Role;
use crate::skills::Category;

/// An ok record with a role ("none" for no AI role), in English, asking for nothing.
pub fn posting(role: &'static str) -> Record {
    let mut r = Record::error(role.into(), role.into(), String::new());
    r.status = Status::Ok;
    r.error = None;
    r.lang = Some(Lang::En);
    r.role = Some(role.parse().expect("a role name or none"));
    r.requirements = Some(Default::default());
    r
}

fn asks(r: &mut Record, name: &str, category: Category, need: Need) {
    let section = match need {
        Need::Required => SectionKind::Requirements,
        Need::Preferred => SectionKind::Preferred,
    };
    let req = r.requirements.as_mut().expect("an ok record");
    req.skills.push(SkillAsk {
        skill: name.into(),
        category,
        need,
        section,
        line: req.skills.len() + 1,
        matched: name.into(),
        roles: Vec::new(),
        broad: false,
    });
}

/// Adds technical skills asked with `need`.
pub fn skills(mut r: Record, need: Need, names: &[&str]) -> Record {
    for name in names {
        asks(&mut r, name, Category::Framework, need);
    }
    r
}

/// Adds a soft skill, which is not technical.
pub fn soft(mut r: Record, name: &str) -> Record {
    asks(&mut r, name, Category::SoftSkill, Need::Required);
    r
}

pub fn degree(
    mut r: Record,
    level: Option<DegreeLevel>,
    need: Need,
    equivalent_ok: bool,
) -> Record {
    r.requirements.as_mut().expect("ok").degree = Some(Degree {
        level,
        need,
        equivalent_ok,
        not_required: false,
        text: String::new(),
        line: 1,
    });
    r
}

pub fn years(mut r: Record, min: u32, any: bool) -> Record {
    r.requirements.as_mut().expect("ok").years = Some(Years {
        min,
        max: None,
        need: Need::Required,
        any,
        text: String::new(),
        line: 1,
    });
    r
}

pub fn scored(mut r: Record, score: u32) -> Record {
    r.fit = Some(Fit {
        score,
        matched: Vec::new(),
        missing_required: Vec::new(),
        missing_preferred: Vec::new(),
        edge: Vec::new(),
        advice: Vec::new(),
        advice_facts: Vec::new(),
        explain: FitExplain {
            role_fit: 0.0,
            required_coverage: None,
            preferred_coverage: None,
            literal_matches: Vec::new(),
            penalties: Vec::new(),
            penalty_facts: Vec::new(),
            components: Vec::new(),
            gates: Vec::new(),
        },
    });
    r
}

/// Strengths naming `skills`, with preferred and inferred roles.
pub fn strengths(skills: &[&str], preferred: &[Role], inferred: &[Role]) -> Strengths {
    Strengths {
        items: vec![Strength {
            text: skills.join(", "),
            skills: skills.iter().map(|s| s.to_string()).collect(),
            literal: skills.is_empty(),
            summary: false,
        }],
        role_shares: [0.0; 4],
        none_share: 0.0,
        inferred_roles: inferred.to_vec(),
        preferred_roles: preferred.to_vec(),
        has_publications: false,
        has_phd: false,
        has_masters: false,
        has_competitions: false,
        has_scale: false,
        person: Default::default(),
        skill_roles: Vec::new(),
    }
}

/// Adds stated pay: `min`..`max` of `currency` a `period` (`times` a year).
pub fn pay(
    mut r: Record,
    min: f64,
    max: f64,
    currency: crate::salary::Currency,
    period: crate::salary::Period,
    times: f64,
) -> Record {
    r.requirements.as_mut().expect("an ok record").salary = Some(crate::salary::Salary {
        min: Some(min),
        max: Some(max),
        currency: Some(currency),
        period: Some(period),
        negotiable: false,
        text: String::new(),
        line: 1,
        per_year: Some((min * times, max * times)),
    });
    r
}
