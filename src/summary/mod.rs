//! The market summary of a batch (`--summary`), the lecture's point 6, "weigh
//! the market": which roles and skills the postings ask for, how hard they ask
//! for degrees, years and evidence, and how the user's strengths cover them.
//!
//! A [`Summary`] keeps counts only, so its memory grows with the number of
//! distinct skills, never with the number of rows. For the same reason it
//! cannot tell two rows apart: every row counts, duplicates included (drop
//! duplicate sources before the batch if they matter). Error rows count as
//! rows and errors and nowhere else.

mod counts;
#[cfg(test)]
pub(crate) mod fixture;
pub mod sections;

use crate::fit::Strengths;
use crate::model::Lang;
use crate::report::Record;
use crate::requirements::{Need, Requirements, Years};
use crate::role::Role;
use std::collections::BTreeMap;

use crate::salary::{Currency, Salary};
use counts::{DegreeCounts, Demand, ProfileCounts, Tally};

/// The slot of postings with no AI role, after the four roles of `Role::ALL`.
const NONE_SLOT: usize = 4;
/// A fit score at or above this fits well.
const GOOD_FIT: u32 = 60;

/// Years-of-experience buckets, by the lowest number of years asked.
/// any / new grad, 0-2, 3-5, 6-9, 10+, not stated (named in the catalogue).
const YEAR_BUCKETS: usize = 6;
/// Fit score bands, 20 points wide.
const FIT_BANDS: [&str; 5] = ["0-19", "20-39", "40-59", "60-79", "80-100"];
/// Degree levels; the last is a degree of no stated level.
/// BS, MS, PhD, unspecified (named in the catalogue).
const DEGREE_LEVELS: usize = 4;
/// The evidence the lecture's point 4 says counts, in the order of the
/// `publications`, `competitions` and `large_scale` fields of `Requirements`.
/// Publications, competitions, large-scale experience.
const EVIDENCE: usize = 3;

/// The market summary of a batch: counts of what the postings ask for.
#[derive(Debug)]
pub struct Summary {
    rows: usize,
    ok: usize,
    errors: usize,
    /// Postings per role, in `Role::ALL` order, then none.
    roles: [usize; 5],
    /// Postings whose second most likely role is close (an `alternative`).
    uncertain: usize,
    /// Postings by the role their title suggests and the role they were
    /// given (both in `Role::ALL` order, then none), where the two differ.
    titles: std::collections::BTreeMap<(usize, usize), usize>,
    /// Postings per language: en, ko, other.
    langs: [usize; 3],
    /// Technical skills required, each once per posting, overall and per role.
    required: Tally,
    required_by_role: [Tally; 4],
    degree: DegreeCounts,
    years: [usize; YEAR_BUCKETS],
    /// Publications, competitions, large-scale experience.
    evidence: [Demand; EVIDENCE],
    profile: Option<ProfileCounts>,
    /// Rows whose posting an earlier row already had: counted once.
    duplicates: usize,
    /// Yearly pay per role slot and currency: (low, high) of each posting.
    pay: BTreeMap<(usize, Currency), Vec<(f64, f64)>>,
    /// Postings that state an amount, and those that say only "negotiable".
    pay_stated: usize,
    pay_negotiable: usize,
}

impl Summary {
    /// An empty summary; `strengths` are the user's when a profile was given,
    /// and add the parts about the user's fit.
    pub fn new(strengths: Option<&Strengths>) -> Summary {
        Summary {
            rows: 0,
            ok: 0,
            errors: 0,
            roles: [0; 5],
            uncertain: 0,
            titles: Default::default(),
            langs: [0; 3],
            required: Tally::default(),
            required_by_role: Default::default(),
            degree: DegreeCounts::default(),
            years: [0; YEAR_BUCKETS],
            evidence: [Demand::default(); EVIDENCE],
            profile: strengths.map(ProfileCounts::new),
            duplicates: 0,
            pay: BTreeMap::new(),
            pay_stated: 0,
            pay_negotiable: 0,
        }
    }

    /// Adds one output row. Error rows count as rows and errors only; a
    /// duplicate of an earlier row counts as a row and a duplicate only, so
    /// each posting counts once.
    pub fn add(&mut self, record: &Record) {
        self.rows += 1;
        if !record.is_ok() {
            self.errors += 1;
            return;
        }
        if record.duplicate_of.is_some() {
            self.duplicates += 1;
            return;
        }
        self.ok += 1;
        let role = record.ai_role();
        self.roles[role.map_or(NONE_SLOT, Role::index)] += 1;
        if record.alternative.is_some() {
            self.uncertain += 1;
        }
        if let (Some(t), true) = (record.title_role, record.title_differs) {
            let slot = |r: Option<Role>| r.map_or(NONE_SLOT, Role::index);
            *self.titles.entry((slot(t.0), slot(role))).or_insert(0) += 1;
        }
        self.langs[match record.lang {
            Some(Lang::En) => 0,
            Some(Lang::Ko) => 1,
            _ => 2,
        }] += 1;
        let none = Requirements::default();
        let req = record.requirements.as_ref().unwrap_or(&none);
        self.add_requirements(role, req);
        self.add_pay(role, req.salary.as_ref());
        if let Some(p) = &mut self.profile {
            p.add(role, record, req);
        }
    }

    fn add_requirements(&mut self, role: Option<Role>, req: &Requirements) {
        for name in req.technical_skill_names(Need::Required) {
            self.required.add(name, true);
            if let Some(r) = role {
                self.required_by_role[r.index()].add(name, true);
            }
        }
        self.degree.add(req.degree.as_ref());
        self.years[year_bucket(req.years.as_ref())] += 1;
        let asked = [req.publications, req.competitions, req.large_scale];
        for (slot, need) in self.evidence.iter_mut().zip(asked) {
            if let Some(need) = need {
                slot.add(need == Need::Required);
            }
        }
    }

    fn add_pay(&mut self, role: Option<Role>, salary: Option<&Salary>) {
        let Some(s) = salary else { return };
        match (s.currency, s.per_year) {
            (Some(c), Some(band)) => {
                self.pay_stated += 1;
                let slot = role.map_or(NONE_SLOT, Role::index);
                self.pay.entry((slot, c)).or_default().push(band);
            }
            // An amount with no period cannot be put on a yearly scale.
            (Some(_), None) => self.pay_stated += 1,
            (None, _) if s.negotiable => self.pay_negotiable += 1,
            (None, _) => {}
        }
    }

    /// The `n` technical skills most often required, most first, each with
    /// whether the user lists it (None without a profile).
    pub fn skills_in_demand(&self, n: usize) -> Vec<SkillDemand> {
        self.required
            .top(n)
            .into_iter()
            .map(|(name, d)| SkillDemand {
                name: name.to_string(),
                postings: d.postings,
                yours: self
                    .profile
                    .as_ref()
                    .map(|p| p.strengths.0.contains_key(name)),
            })
            .collect()
    }

    /// Postings that were read and classified.
    pub fn ok(&self) -> usize {
        self.ok
    }

    /// With a profile, the postings that fit well (score `GOOD_FIT` or more).
    pub fn fits_well(&self) -> Option<usize> {
        self.profile.as_ref().map(|p| p.fits_well)
    }
}

/// A skill the postings require, and whether the user has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillDemand {
    pub name: String,
    /// Postings that require it.
    pub postings: usize,
    /// Whether the user's strengths name it; None without a profile.
    pub yours: Option<bool>,
}

/// The `YEAR_BUCKETS` index of a posting, by the lowest number of years asked,
/// required or preferred (the extractor keeps one ask, the required one first).
fn year_bucket(years: Option<&Years>) -> usize {
    match years {
        None => 5,
        Some(y) if y.any => 0,
        Some(y) => match y.min {
            0..=2 => 1,
            3..=5 => 2,
            6..=9 => 3,
            _ => 4,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::counts::RolesFrom;
    use super::fixture::*;
    use super::*;
    use crate::requirements::DegreeLevel;

    fn summary(records: &[Record]) -> Summary {
        let mut s = Summary::new(None);
        records.iter().for_each(|r| s.add(r));
        s
    }

    fn names(top: Vec<(&str, Demand)>) -> Vec<(&str, usize)> {
        top.into_iter().map(|(n, d)| (n, d.postings)).collect()
    }

    #[test]
    fn counts_rows_roles_and_languages() {
        let mut ko = posting("backend");
        ko.lang = Some(Lang::Ko);
        let s = summary(&[
            posting("modeling"),
            posting("modeling"),
            ko,
            posting("none"),
            Record::error("x".into(), "x".into(), "timed out".into()),
        ]);
        assert_eq!((s.rows, s.ok, s.errors), (5, 4, 1));
        assert_eq!(s.roles, [2, 1, 0, 0, 1]);
        assert_eq!(s.langs, [3, 1, 0]);
    }

    #[test]
    fn a_duplicate_row_counts_once() {
        let first = skills(posting("modeling"), Need::Required, &["PyTorch"]);
        let mut again = first.clone();
        again.duplicate_of = Some(first.id.clone());
        let s = summary(&[first, again.clone(), again]);
        assert_eq!((s.rows, s.ok, s.duplicates), (3, 1, 2));
        assert_eq!(s.roles, [1, 0, 0, 0, 0]);
        assert_eq!(names(s.required.top(5)), [("PyTorch", 1)]);
    }

    #[test]
    fn pay_is_banded_per_role_and_currency() {
        use crate::salary::{Currency, Period};
        let usd = |lo, hi| {
            pay(
                posting("modeling"),
                lo,
                hi,
                Currency::Usd,
                Period::Year,
                1.0,
            )
        };
        let mut negotiable = posting("backend");
        negotiable.requirements.as_mut().unwrap().salary = Some(crate::salary::Salary {
            min: None,
            max: None,
            currency: None,
            period: None,
            negotiable: true,
            text: String::new(),
            line: 1,
            per_year: None,
        });
        let s = summary(&[
            usd(100e3, 120e3),
            usd(150e3, 170e3),
            pay(
                posting("modeling"),
                60.0,
                60.0,
                Currency::Eur,
                Period::Hour,
                2080.0,
            ),
            negotiable,
            posting("backend"),
        ]);
        assert_eq!((s.pay_stated, s.pay_negotiable), (3, 1));
        assert_eq!(
            s.pay[&(Role::Modeling.index(), Currency::Usd)],
            [(100e3, 120e3), (150e3, 170e3)]
        );
        assert_eq!(
            s.pay[&(Role::Modeling.index(), Currency::Eur)],
            [(124_800.0, 124_800.0)]
        );
    }

    #[test]
    fn error_rows_count_as_errors_only() {
        let s = summary(&[Record::error("x".into(), "x".into(), "bad row".into())]);
        assert_eq!((s.rows, s.ok, s.errors), (1, 0, 1));
        assert_eq!(s.roles, [0; 5]);
        assert_eq!(s.langs, [0; 3]);
        assert_eq!(s.years, [0; 6]);
        assert_eq!(s.degree.unstated, 0);
        assert!(s.required.0.is_empty());
    }

    #[test]
    fn required_skills_count_once_per_posting_technical_only() {
        let twice = skills(posting("modeling"), Need::Required, &["PyTorch", "PyTorch"]);
        let s = summary(&[
            soft(twice, "Communication"),
            skills(
                posting("backend"),
                Need::Required,
                &["Kubernetes", "PyTorch"],
            ),
            skills(posting("backend"), Need::Preferred, &["Kubernetes", "Go"]),
            skills(posting("none"), Need::Required, &["Excel"]),
        ]);
        assert_eq!(
            names(s.required.top(15)),
            [("PyTorch", 2), ("Excel", 1), ("Kubernetes", 1)]
        );
        assert_eq!(
            names(s.required_by_role[Role::Backend.index()].top(8)),
            [("Kubernetes", 1), ("PyTorch", 1)]
        );
        assert!(s.required_by_role[Role::Frontend.index()].0.is_empty());
    }

    #[test]
    fn ties_break_by_required_then_name() {
        let mut t = Tally::default();
        for (name, required) in [
            ("b", true),
            ("a", false),
            ("c", true),
            ("a", true),
            ("b", false),
        ] {
            t.add(name, required);
        }
        t.add("d", true);
        let top: Vec<(&str, usize, usize)> = t
            .top(3)
            .into_iter()
            .map(|(n, d)| (n, d.postings, d.required))
            .collect();
        assert_eq!(top, [("a", 2, 1), ("b", 2, 1), ("c", 1, 1)]);
        let mut t = Tally::default();
        for name in ["PyTorch", "pandas", "Python", "Pandas", "AWS"] {
            t.add(name, true);
        }
        let order: Vec<&str> = t.top(5).into_iter().map(|(n, _)| n).collect();
        assert_eq!(order, ["AWS", "Pandas", "pandas", "Python", "PyTorch"]);
    }

    #[test]
    fn degrees_split_hard_from_preferred() {
        use DegreeLevel::*;
        let mut no_degree = degree(posting("research"), None, Need::Required, false);
        no_degree
            .requirements
            .as_mut()
            .unwrap()
            .degree
            .as_mut()
            .unwrap()
            .not_required = true;
        let s = summary(&[
            degree(posting("research"), Some(Doctorate), Need::Required, false),
            degree(posting("modeling"), Some(Master), Need::Required, false),
            degree(posting("modeling"), Some(Master), Need::Required, true),
            degree(posting("modeling"), Some(Doctorate), Need::Preferred, false),
            degree(posting("backend"), None, Need::Required, false),
            no_degree,
            posting("backend"),
        ]);
        assert_eq!(s.degree.hard, [0, 1, 1, 1]);
        assert_eq!(s.degree.soft, [0, 1, 1, 0]);
        assert_eq!((s.degree.not_required, s.degree.unstated), (1, 1));
    }

    #[test]
    fn years_fall_in_buckets_by_minimum() {
        let s = summary(&[
            years(posting("backend"), 0, true),
            years(posting("backend"), 0, false),
            years(posting("backend"), 2, false),
            years(posting("backend"), 3, false),
            years(posting("backend"), 5, false),
            years(posting("backend"), 7, false),
            years(posting("backend"), 10, false),
            years(posting("backend"), 15, false),
            posting("backend"),
        ]);
        assert_eq!(s.years, [1, 2, 2, 1, 2, 1]);
    }

    #[test]
    fn evidence_splits_required_and_preferred() {
        let mut a = posting("research");
        let req = a.requirements.as_mut().unwrap();
        req.publications = Some(Need::Required);
        req.large_scale = Some(Need::Preferred);
        let mut b = posting("research");
        b.requirements.as_mut().unwrap().publications = Some(Need::Preferred);
        let s = summary(&[a, b, posting("backend")]);
        let d = |postings, required| Demand { postings, required };
        assert_eq!(s.evidence, [d(2, 1), d(0, 0), d(1, 0)]);
    }

    #[test]
    fn profile_counts_fit_strengths_and_gaps() {
        let me = strengths(&["Python", "PyTorch", "Rust"], &[], &[Role::Modeling]);
        let mut s = Summary::new(Some(&me));
        let records = [
            scored(
                skills(posting("modeling"), Need::Required, &["Python", "CUDA"]),
                85,
            ),
            scored(
                skills(
                    posting("modeling"),
                    Need::Preferred,
                    &["PyTorch", "CUDA", "JAX"],
                ),
                60,
            ),
            scored(
                skills(posting("modeling"), Need::Required, &["Python", "JAX"]),
                59,
            ),
            // Not one of the user's roles: counts for demand, not for gaps.
            scored(
                skills(posting("backend"), Need::Required, &["Python", "Kafka"]),
                12,
            ),
            Record::error("x".into(), "x".into(), "gone".into()),
        ];
        records.iter().for_each(|r| s.add(r));
        let p = s.profile.as_ref().unwrap();
        assert_eq!((p.scored, p.fits_well), (4, 2));
        assert_eq!(p.bands, [1, 0, 1, 1, 1]);
        assert_eq!(p.roles_from, RolesFrom::Inferred);
        assert_eq!(
            names(p.strengths.top(10)),
            [("Python", 3), ("PyTorch", 1), ("Rust", 0)]
        );
        assert_eq!(p.in_roles, 3);
        let gaps: Vec<(&str, usize, usize)> = p
            .missing
            .top(10)
            .into_iter()
            .map(|(n, d)| (n, d.postings, d.required))
            .collect();
        assert_eq!(gaps, [("CUDA", 2, 1), ("JAX", 2, 1)]);
    }

    #[test]
    fn preferred_roles_win_over_inferred_and_no_roles_mean_all() {
        let me = strengths(&["Go"], &[Role::Backend], &[Role::Modeling]);
        let p = ProfileCounts::new(&me);
        assert_eq!(
            (p.roles.as_slice(), p.roles_from),
            (&[Role::Backend][..], RolesFrom::Preferred)
        );
        let p = ProfileCounts::new(&strengths(&[], &[], &[]));
        assert_eq!(
            (p.roles, p.roles_from),
            (Role::ALL.to_vec(), RolesFrom::All)
        );
    }
}
