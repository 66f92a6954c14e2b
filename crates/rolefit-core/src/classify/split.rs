//! A split the posting states outright ("about 60% serving infrastructure and
//! 40% model work", "모델 개발 70%, 서빙 30%"): the plainest evidence of a
//! primary and a secondary role there is.

use std::sync::LazyLock;

use regex::Regex;

use crate::role::Role;

static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,3})\s*(?:%|％|퍼센트|percent)").expect("valid regex"));

/// Whether a line can state a share at all (what [`PERCENT`] needs), so that
/// most lines skip the regex.
///
/// Asked of every line: each mark is searched for on its own (the byte
/// and substring searches are vectorised; a search for either of two
/// characters decodes every character), the non-ASCII ones only in a line
/// that has something outside ASCII.
fn mentions_percent(text: &str) -> bool {
    text.as_bytes().contains(&b'%')
        || text.contains("percent")
        || (!text.is_ascii() && (text.contains('％') || text.contains("퍼센트")))
}

/// A role hit on a line: where it starts and what it weighs.
#[derive(Debug, Clone, Copy)]
pub struct RoleHit {
    pub role: Role,
    pub start: usize,
    pub weight: f64,
}

/// Two roles with the share of the work the line gives each, larger first.
pub type Split = [(Role, u32); 2];

/// The least share a role needs to count as part of a stated split.
const MIN_SHARE: u32 = 20;

/// Shares stated one per line, as in a list ("About 60% model development: ...",
/// "About 40% on-robot inference: ..."), gathered across a section.
#[derive(Debug, Default)]
pub struct ListedShares {
    shares: Vec<(Role, u32)>,
}

impl ListedShares {
    /// Adds a line that states exactly one share, giving it the line's strongest role.
    pub fn add_line(&mut self, text: &str, hits: &[RoleHit]) {
        if let Some(pct) = one_share(text)
            && let Some(role) = strongest_role(hits, 0, text.len())
        {
            self.add(role, pct);
        }
    }

    fn add(&mut self, role: Role, pct: u32) {
        match self.shares.iter_mut().find(|(r, _)| *r == role) {
            Some((_, p)) => *p += pct,
            None => self.shares.push((role, pct)),
        }
    }

    /// The split, when exactly two roles got shares that add up to at most 100.
    pub fn split(&self) -> Option<Split> {
        let mut shares = self.shares.clone();
        if shares.len() != 2 || shares.iter().map(|(_, p)| p).sum::<u32>() > 100 {
            return None;
        }
        shares.sort_by_key(|s| std::cmp::Reverse(s.1));
        Some([shares[0], shares[1]])
    }
}

/// The one share a text states ("(약 70%)"), if it states exactly one.
fn one_share(text: &str) -> Option<u32> {
    if !mentions_percent(text) {
        return None;
    }
    let marks: Vec<u32> = PERCENT
        .captures_iter(text)
        .filter_map(|c| c[1].parse().ok())
        .collect();
    match marks[..] {
        [pct] if (MIN_SHARE..=90).contains(&pct) => Some(pct),
        _ => None,
    }
}

/// Shares stated in the headings of the job's sections ("추천 모델 개발 (약
/// 70%)", "Serving (30%)"): each heading's one share goes to the role its
/// section's lines speak for most (hand-weighted role hits per role).
pub fn headed_split<'a>(sections: impl IntoIterator<Item = (&'a str, [f64; 4])>) -> Option<Split> {
    let mut listed = ListedShares::default();
    for (heading, roles) in sections {
        let best = Role::ALL
            .into_iter()
            .max_by(|a, b| roles[a.index()].total_cmp(&roles[b.index()]))
            .filter(|r| roles[r.index()] > 0.0);
        if let (Some(pct), Some(role)) = (one_share(heading), best) {
            listed.add(role, pct);
        }
    }
    listed.split()
}

/// Reads a stated split from one line and its role hits.
pub fn stated_split(text: &str, hits: &[RoleHit]) -> Option<Split> {
    if !mentions_percent(text) {
        return None;
    }
    let marks: Vec<(usize, usize, u32)> = PERCENT
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            Some((m.start(), m.end(), c[1].parse().ok()?))
        })
        .filter(|&(_, _, p)| (MIN_SHARE..=90).contains(&p))
        .collect();
    if marks.len() < 2 || hits.is_empty() {
        return None;
    }
    // English puts the work after the share ("60% serving"), Korean before it
    // ("서빙 60%"): whichever way leaves role words by the last share wins.
    let after_last = hits.iter().any(|h| h.start >= marks[marks.len() - 1].1);
    let mut shares: Vec<(Role, u32)> = Vec::new();
    for (i, &(start, end, pct)) in marks.iter().enumerate() {
        let (from, to) = if after_last {
            (end, marks.get(i + 1).map(|m| m.0).unwrap_or(text.len()))
        } else {
            (if i == 0 { 0 } else { marks[i - 1].1 }, start)
        };
        let Some(role) = strongest_role(hits, from, to) else {
            continue;
        };
        match shares.iter_mut().find(|(r, _)| *r == role) {
            Some((_, p)) => *p += pct,
            None => shares.push((role, pct)),
        }
    }
    if shares.len() != 2 {
        return None;
    }
    shares.sort_by_key(|s| std::cmp::Reverse(s.1));
    Some([shares[0], shares[1]])
}

/// The role whose hits weigh most between two byte offsets.
fn strongest_role(hits: &[RoleHit], from: usize, to: usize) -> Option<Role> {
    let mut sums = [0.0f64; 4];
    for h in hits.iter().filter(|h| h.start >= from && h.start < to) {
        sums[h.role.index()] += h.weight;
    }
    let best = Role::ALL
        .into_iter()
        .max_by(|a, b| sums[a.index()].total_cmp(&sums[b.index()]))?;
    (sums[best.index()] > 0.0).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(role: Role, text: &str, word: &str) -> RoleHit {
        RoleHit {
            role,
            start: text.find(word).unwrap(),
            weight: 1.0,
        }
    }

    #[test]
    fn english_split_after_the_share() {
        let t = "Expect about 60% serving infrastructure and 40% model work.";
        let hits = [
            hit(Role::Backend, t, "serving"),
            hit(Role::Modeling, t, "model work"),
        ];
        assert_eq!(
            stated_split(t, &hits),
            Some([(Role::Backend, 60), (Role::Modeling, 40)])
        );
    }

    #[test]
    fn korean_split_before_the_share() {
        let t = "업무 비중: 모델 개발 70%, 서빙 및 파이프라인 30%";
        let hits = [
            hit(Role::Modeling, t, "모델 개발"),
            hit(Role::Backend, t, "서빙"),
        ];
        assert_eq!(
            stated_split(t, &hits),
            Some([(Role::Modeling, 70), (Role::Backend, 30)])
        );
    }

    #[test]
    fn shares_listed_line_by_line() {
        let mut listed = ListedShares::default();
        let a = "About 60% model development: training detection models";
        let b = "About 40% on-robot inference: the serving pipeline";
        listed.add_line(a, &[hit(Role::Modeling, a, "model development")]);
        assert_eq!(listed.split(), None);
        listed.add_line(b, &[hit(Role::Backend, b, "inference")]);
        assert_eq!(
            listed.split(),
            Some([(Role::Modeling, 60), (Role::Backend, 40)])
        );
    }

    #[test]
    fn percent_marks_are_found_as_the_searches_find_them() {
        let slow =
            |t: &str| t.contains(['%', '％']) || t.contains("퍼센트") || t.contains("percent");
        for t in [
            "70% modeling",
            "약 70％",
            "업무 비중 30퍼센트",
            "about 30 percent of the time",
            "Percent",
            "percen",
            "퍼센",
            "％",
            "",
            "모델 개발 (약 70%)",
            "no share here",
        ] {
            assert_eq!(mentions_percent(t), slow(t), "{t:?}");
        }
    }

    #[test]
    fn one_share_or_one_role_is_no_split() {
        let t = "Improve recall by 30% with better models";
        assert_eq!(stated_split(t, &[hit(Role::Modeling, t, "models")]), None);
        let t = "60% model training, 40% model evaluation";
        let hits = [
            hit(Role::Modeling, t, "model training"),
            hit(Role::Modeling, t, "model evaluation"),
        ];
        assert_eq!(stated_split(t, &hits), None);
    }

    #[test]
    fn shares_stated_in_section_headings() {
        // [modeling, backend, frontend, research] hits of each section.
        let (model, serve) = ([3.0, 1.0, 0.0, 0.0], [0.5, 2.5, 0.0, 0.0]);
        let ko = [
            ("추천 모델 개발 (약 70%)", model),
            ("서빙 및 파이프라인 (약 30%)", serve),
        ];
        assert_eq!(
            headed_split(ko),
            Some([(Role::Modeling, 70), (Role::Backend, 30)])
        );
        let en = [
            ("Serving (60% of the time)", serve),
            ("Modeling (40%)", model),
        ];
        assert_eq!(
            headed_split(en),
            Some([(Role::Backend, 60), (Role::Modeling, 40)])
        );
        // One heading with a share, or a share over no role hits: no split.
        assert_eq!(
            headed_split([("Modeling (70%)", model), ("Serving", serve)]),
            None
        );
        assert_eq!(
            headed_split([("Modeling (70%)", model), ("Other (30%)", [0.0; 4])]),
            None
        );
    }
}
