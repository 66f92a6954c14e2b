//! The counters a summary is made of: demand per skill, degree asks, and the
//! parts kept for the user's profile.

use std::collections::BTreeMap;

use super::{FIT_BANDS, GOOD_FIT};
use crate::fit::Strengths;
use crate::report::Record;
use crate::requirements::{Degree, DegreeLevel, Need, Requirements};
use crate::role::Role;

/// How many postings ask for something, and how many of them require it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Demand {
    pub(super) postings: usize,
    pub(super) required: usize,
}

impl Demand {
    pub(super) fn add(&mut self, required: bool) {
        self.postings += 1;
        self.required += usize::from(required);
    }
}

/// Demand per skill name.
#[derive(Debug, Default)]
pub(super) struct Tally(pub(super) BTreeMap<String, Demand>);

impl Tally {
    pub(super) fn add(&mut self, name: &str, required: bool) {
        match self.0.get_mut(name) {
            Some(d) => d.add(required),
            None => {
                let mut d = Demand::default();
                d.add(required);
                self.0.insert(name.to_string(), d);
            }
        }
    }

    /// The `n` most asked-for names: most postings first, then most
    /// required, then by name (ignoring ASCII case, so "PyTorch" follows
    /// "Python"), so equal counts always come out the same way.
    pub(super) fn top(&self, n: usize) -> Vec<(&str, Demand)> {
        let mut all: Vec<(&str, Demand)> = self.0.iter().map(|(k, d)| (k.as_str(), *d)).collect();
        all.sort_by(|(a, da), (b, db)| {
            db.postings
                .cmp(&da.postings)
                .then(db.required.cmp(&da.required))
                .then(by_name(a, b))
        });
        all.truncate(n);
        all
    }
}

/// Names in ASCII-case-insensitive order, then byte order.
fn by_name(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
        .then(a.cmp(b))
}

/// How postings ask for a degree.
#[derive(Debug, Default)]
pub(super) struct DegreeCounts {
    /// Required, with no "or equivalent experience", by `DEGREE_LEVELS`.
    pub(super) hard: [usize; 4],
    /// Only preferred, or replaceable by experience, by `DEGREE_LEVELS`.
    pub(super) soft: [usize; 4],
    /// "No degree required".
    pub(super) not_required: usize,
    /// No degree mentioned.
    pub(super) unstated: usize,
}

impl DegreeCounts {
    pub(super) fn add(&mut self, degree: Option<&Degree>) {
        let Some(d) = degree else {
            self.unstated += 1;
            return;
        };
        let level = match d.level {
            Some(DegreeLevel::Bachelor) => 0,
            Some(DegreeLevel::Master) => 1,
            Some(DegreeLevel::Doctorate) => 2,
            None => 3,
        };
        if d.not_required {
            self.not_required += 1;
        } else if d.need == Need::Required && !d.equivalent_ok {
            self.hard[level] += 1;
        } else {
            self.soft[level] += 1;
        }
    }
}

/// Where the roles "what to learn next" looks at came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RolesFrom {
    Preferred,
    Inferred,
    /// The strengths point to no role: every AI role counts.
    All,
}

/// The counts kept when the user gave their strengths.
#[derive(Debug)]
pub(super) struct ProfileCounts {
    /// Postings with a fit score, how many fit well, and the score bands.
    pub(super) scored: usize,
    pub(super) fits_well: usize,
    pub(super) bands: [usize; FIT_BANDS.len()],
    /// Demand for each of the user's skills, zero included.
    pub(super) strengths: Tally,
    pub(super) roles: Vec<Role>,
    pub(super) roles_from: RolesFrom,
    /// Postings in one of `roles`, and the technical skills they ask for
    /// that the user does not list.
    pub(super) in_roles: usize,
    pub(super) missing: Tally,
}

impl ProfileCounts {
    pub(super) fn new(s: &Strengths) -> ProfileCounts {
        let mut strengths = Tally::default();
        for name in s.skill_names() {
            strengths.0.entry(name.to_string()).or_default();
        }
        let (roles, roles_from) = if !s.preferred_roles.is_empty() {
            (s.preferred_roles.clone(), RolesFrom::Preferred)
        } else if !s.inferred_roles.is_empty() {
            (s.inferred_roles.clone(), RolesFrom::Inferred)
        } else {
            (Role::ALL.to_vec(), RolesFrom::All)
        };
        ProfileCounts {
            scored: 0,
            fits_well: 0,
            bands: [0; FIT_BANDS.len()],
            strengths,
            roles,
            roles_from,
            in_roles: 0,
            missing: Tally::default(),
        }
    }

    pub(super) fn add(&mut self, role: Option<Role>, record: &Record, req: &Requirements) {
        if let Some(fit) = &record.fit {
            self.scored += 1;
            self.bands[(fit.score as usize / 20).min(FIT_BANDS.len() - 1)] += 1;
            self.fits_well += usize::from(fit.score >= GOOD_FIT);
        }
        for (name, demand) in self.strengths.0.iter_mut() {
            let mut asks = req.skills.iter().filter(|s| s.skill == *name).peekable();
            if asks.peek().is_some() {
                demand.add(asks.any(|s| s.need == Need::Required));
            }
        }
        if role.is_some_and(|r| self.roles.contains(&r)) {
            self.in_roles += 1;
            for need in [Need::Required, Need::Preferred] {
                for name in req.technical_skill_names(need) {
                    if !self.strengths.0.contains_key(name) {
                        self.missing.add(name, need == Need::Required);
                    }
                }
            }
        }
    }
}
