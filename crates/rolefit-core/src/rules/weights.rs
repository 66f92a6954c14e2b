//! `patterns/fit.toml`, read: the weights, penalties and gates of fit. See the
//! file's header for what each number does.

use serde::Deserialize;

use super::{RulesError, SourceFile};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitRules {
    pub weights: Weights,
    pub skills: SkillRules,
    pub direction: DirectionRules,
    pub level: LevelRules,
    pub penalties: Penalties,
    pub gates: Gates,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub skills: f64,
    pub direction: f64,
    pub level: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillRules {
    pub required: f64,
    pub enough: u32,
    pub saturated: f64,
    pub method_weight: f64,
    pub broad_after: u32,
    pub unknown: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectionRules {
    pub label: f64,
    pub other_role: f64,
    pub secondary: f64,
    pub avoided: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRules {
    pub per_year: f64,
    pub phd_years: u32,
    pub master_years: u32,
    pub step_down_years: u32,
    pub step_down: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Penalties {
    pub publications: f64,
    pub competitions: f64,
    pub phd_unknown: f64,
    pub master_unknown: f64,
    pub relocate: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gates {
    pub language: f64,
    pub location: f64,
    pub residency: f64,
    pub clearance: f64,
    pub degree: f64,
    pub years: f64,
    pub years_gap: u32,
}

impl FitRules {
    pub fn load(f: &SourceFile) -> Result<FitRules, RulesError> {
        let r: FitRules = f.parse()?;
        let bad = |what: &str| RulesError::File {
            file: f.display.clone(),
            message: what.to_string(),
        };
        let share = |x: f64| (0.0..=1.0).contains(&x);
        let w = &r.weights;
        if !(share(w.skills) && share(w.direction) && share(w.level)) {
            return Err(bad("[weights] must each be between 0 and 1"));
        }
        if (w.skills + w.direction + w.level - 1.0).abs() > 1e-6 {
            return Err(bad("[weights] skills + direction + level must add up to 1"));
        }
        let d = &r.direction;
        let s = &r.skills;
        let l = &r.level;
        if ![
            s.required,
            s.saturated,
            s.unknown,
            d.label,
            d.other_role,
            d.secondary,
            d.avoided,
            l.per_year,
            l.step_down,
        ]
        .into_iter()
        .all(share)
        {
            return Err(bad(
                "[skills], [direction] and [level] shares must be between 0 and 1",
            ));
        }
        if !(0.0..=10.0).contains(&s.method_weight) {
            return Err(bad("[skills] method_weight must be between 0 and 10"));
        }
        if s.enough == 0 {
            return Err(bad("[skills] enough must be at least 1"));
        }
        let percent = |xs: &[f64]| xs.iter().all(|x| (0.0..=100.0).contains(x));
        let g = &r.gates;
        let caps = [
            g.language,
            g.location,
            g.residency,
            g.clearance,
            g.degree,
            g.years,
        ];
        if !percent(&caps) {
            return Err(bad("[gates] caps must be between 0 and 100"));
        }
        let p = &r.penalties;
        let points = [
            p.publications,
            p.competitions,
            p.phd_unknown,
            p.master_unknown,
            p.relocate,
        ];
        if !percent(&points) {
            return Err(bad("[penalties] must be between 0 and 100 points"));
        }
        Ok(r)
    }
}
