//! The facts about a person that decide an application beyond skills: years,
//! degree, level, where they can work, the languages they work in and what
//! they do not want. Each is taken from the profile's own field, or read from
//! its summary and strengths (English and Korean), and keeps where it came from.

use serde::Serialize;

use crate::profile::{DegreeHeld, Profile};
use crate::requirements::{Level, ReqRules};
use crate::role::Role;

/// A fact and where it was read.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Fact<T> {
    pub value: T,
    /// `profile` (its own field), or `summary: "..."` / `strength 3: "..."`
    /// with the words it was read from.
    pub from: String,
}

fn fact<T>(value: T, from: impl Into<String>) -> Fact<T> {
    Fact {
        value,
        from: from.into(),
    }
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Person {
    pub years: Option<Fact<u32>>,
    pub degree: Option<Fact<DegreeHeld>>,
    pub level: Option<Fact<Level>>,
    /// The regions the person is in (region names of `requirements.toml`).
    pub regions: Vec<Fact<String>>,
    /// Open to remote work in these regions (their own when `remote`).
    pub remote: Vec<Fact<String>>,
    pub relocate: Option<Fact<bool>>,
    pub languages: Vec<Fact<String>>,
    pub avoid_roles: Vec<Fact<Role>>,
    /// Avoided words that are not roles (domains: "crypto", "defense").
    pub avoid_words: Vec<String>,
    pub clearance: bool,
}

impl Person {
    /// Reads a profile's facts: its fields first, then its summary and strengths.
    pub fn read(p: &Profile, rules: &ReqRules) -> Person {
        let pr = &rules.profile;
        let mut texts: Vec<(String, &str)> = Vec::new();
        if let Some(s) = &p.summary {
            texts.push(("summary".to_string(), s));
        }
        for (i, s) in p.strengths.iter().enumerate() {
            texts.push((format!("strength {}", i + 1), s));
        }
        let quote = |src: &str, words: &str| format!("{src}: \"{}\"", words.trim());
        let mut person = Person::default();

        // Years: the profile's field, else the largest number of years stated.
        person.years = match p.years {
            Some(y) => Some(fact(y, "profile")),
            None => {
                let mut best: Option<Fact<u32>> = None;
                for (src, text) in &texts {
                    for re in &pr.years {
                        for c in re.captures_iter(text) {
                            let whole = c.get(0).expect("match");
                            let after = &text[whole.end()..];
                            let near: String = after.chars().take(24).collect();
                            if pr.not_years.is_match(&near) || pr.not_years.is_match(whole.as_str())
                            {
                                continue;
                            }
                            let n = c.get(1).map(|m| m.as_str().to_lowercase());
                            let Some(n) = n.and_then(|n| {
                                n.parse::<u32>()
                                    .ok()
                                    .or_else(|| pr.numbers.get(&n).copied())
                            }) else {
                                continue;
                            };
                            if n <= 50 && best.as_ref().is_none_or(|b| n > b.value) {
                                best = Some(fact(n, quote(src, whole.as_str())));
                            }
                        }
                    }
                }
                best
            }
        };

        // Degree: the field, else the highest degree named.
        person.degree = match p.degree {
            Some(d) => Some(fact(d, "profile")),
            None => {
                let mut found: Option<Fact<DegreeHeld>> = None;
                for (level, re) in [
                    (DegreeHeld::Phd, &pr.phd_unfinished),
                    (DegreeHeld::Phd, &pr.phd),
                    (DegreeHeld::Master, &pr.master),
                    (DegreeHeld::Bachelor, &pr.bachelor),
                    (DegreeHeld::None, &pr.no_degree),
                ] {
                    if found.is_some() {
                        break;
                    }
                    for (src, text) in &texts {
                        // "no PhD" is not a PhD.
                        if let Some(m) = re
                            .find_iter(text)
                            .find(|m| !pr.negated.is_match(&text[..m.start()]))
                        {
                            found = Some(fact(level, quote(src, m.as_str())));
                            break;
                        }
                    }
                }
                found
            }
        };

        // Level: the field, else the years, else the first level word.
        person.level = match (p.level, &person.years) {
            (Some(l), _) => Some(fact(l, "profile")),
            (None, Some(y)) => Some(fact(Level::of_years(y.value), y.from.clone())),
            (None, None) => texts
                .iter()
                .flat_map(|(src, text)| {
                    pr.levels
                        .iter()
                        .filter_map(move |(l, re)| re.find(text).map(|m| (m.start(), *l, src, m)))
                })
                .min_by_key(|(at, l, _, _)| (*at, *l))
                .map(|(_, l, src, m)| fact(l, quote(src, m.as_str()))),
        };

        // Where: the field, else the places the summary names.
        if p.locations.is_empty() {
            if let Some(s) = &p.summary {
                for i in rules.regions_in(s) {
                    let r = &rules.regions[i];
                    let m = r.places.find(s).map(|m| m.as_str()).unwrap_or_default();
                    person
                        .regions
                        .push(fact(r.name.clone(), quote("summary", m)));
                }
                if let Some(m) = pr.remote.find(s) {
                    for r in person.regions.clone() {
                        person
                            .remote
                            .push(fact(r.value, quote("summary", m.as_str())));
                    }
                }
                if let Some(m) = pr.relocate.find(s) {
                    person.relocate = Some(fact(true, quote("summary", m.as_str())));
                }
            }
        } else {
            let mut remote_own = false;
            for l in &p.locations {
                let lower = l.to_lowercase();
                if lower == "remote" {
                    remote_own = true;
                } else if let Some(region) = lower.strip_prefix("remote-") {
                    let name = rules
                        .region_index(region)
                        .map(|i| rules.regions[i].name.clone())
                        .unwrap_or_else(|| region.to_uppercase());
                    person.remote.push(fact(name, "profile"));
                } else if lower == "relocate" || lower == "anywhere" {
                    person.relocate = Some(fact(true, "profile"));
                } else {
                    let named = rules
                        .region_index(l)
                        .or_else(|| rules.regions_in(l).first().copied());
                    if let Some(i) = named {
                        person
                            .regions
                            .push(fact(rules.regions[i].name.clone(), "profile"));
                    }
                }
            }
            if remote_own {
                for r in person.regions.clone() {
                    person.remote.push(fact(r.value, "profile"));
                }
            }
        }

        // Languages: the field, else those named (only those with "X only")
        // and, when some are named, those the profile is written in.
        if !p.languages.is_empty() {
            for l in &p.languages {
                let name = rules
                    .language_named(l)
                    .map(|x| x.name.clone())
                    .unwrap_or_else(|| l.clone());
                person.languages.push(fact(name, "profile"));
            }
        } else {
            let mut only = false;
            for (src, text) in &texts {
                for l in &rules.languages {
                    if let Some(m) = l.words.find(text)
                        && !person.languages.iter().any(|x| x.value == l.name)
                    {
                        person
                            .languages
                            .push(fact(l.name.clone(), quote(src, m.as_str())));
                    }
                }
                for c in pr.only.captures_iter(text) {
                    if c.get(1)
                        .is_some_and(|w| rules.language_named(w.as_str()).is_some())
                    {
                        only = true;
                    }
                }
            }
            // A profile that names no language says nothing about them: no
            // language is assumed, so none is a limit.
            if !only && !person.languages.is_empty() {
                let all: String = texts.iter().map(|(_, t)| *t).collect::<Vec<_>>().join(" ");
                let hangul = all
                    .chars()
                    .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
                    .count();
                let latin = all.chars().filter(|c| c.is_ascii_alphabetic()).count();
                for (code, n) in [("ko", hangul), ("en", latin)] {
                    // Written in it: a real share of the letters, not one word.
                    if n >= 20
                        && let Some(l) = rules
                            .languages
                            .iter()
                            .find(|l| l.code.as_deref() == Some(code))
                        && !person.languages.iter().any(|x| x.value == l.name)
                    {
                        person
                            .languages
                            .push(fact(l.name.clone(), "the profile is written in it"));
                    }
                }
            }
        }

        // Avoid: the field (roles or other words), else "not looking for ..." clauses.
        if !p.avoid.is_empty() {
            for a in &p.avoid {
                if let Ok(role) = a.parse::<Role>() {
                    person.avoid_roles.push(fact(role, "profile"));
                    continue;
                }
                let roles: Vec<Role> = pr
                    .roles
                    .iter()
                    .filter(|(_, re)| re.is_match(a))
                    .map(|(r, _)| *r)
                    .collect();
                if roles.is_empty() {
                    person.avoid_words.push(a.to_lowercase());
                }
                for r in roles {
                    person.avoid_roles.push(fact(r, "profile"));
                }
            }
        } else if let Some(s) = &p.summary {
            for re in &pr.avoid {
                for m in re.find_iter(s) {
                    for (role, words) in &pr.roles {
                        if words.is_match(m.as_str())
                            && !person.avoid_roles.iter().any(|f| f.value == *role)
                            && !p.preferred_roles.contains(role)
                        {
                            person
                                .avoid_roles
                                .push(fact(*role, quote("summary", m.as_str())));
                        }
                    }
                }
            }
        }
        person.clearance = texts.iter().any(|(_, t)| pr.clearance.is_match(t));
        person
    }

    /// Years of experience as fit counts them: stated years (or the least of
    /// the stated level) plus what a graduate degree is worth.
    pub fn effective_years(&self, phd_years: u32, master_years: u32) -> Option<u32> {
        let base = match (&self.years, &self.level) {
            (Some(y), _) => y.value,
            (None, Some(l)) => l.value.min_years(),
            (None, None) => return None,
        };
        let bonus = match self.degree.as_ref().map(|d| d.value) {
            Some(DegreeHeld::Phd) => phd_years,
            Some(DegreeHeld::Master) => master_years,
            _ => 0,
        };
        Some(base + bonus)
    }

    pub fn speaks(&self, language: &str) -> bool {
        self.languages
            .iter()
            .any(|l| l.value.eq_ignore_ascii_case(language))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::PatternSet;
    use std::sync::LazyLock;

    static SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::builtin().unwrap());

    fn read(summary: &str, strengths: &[&str]) -> Person {
        let p = Profile {
            summary: Some(summary.to_string()),
            strengths: strengths.iter().map(|s| s.to_string()).collect(),
            ..Profile::default()
        };
        Person::read(&p, &SET.requirements)
    }

    fn years(summary: &str) -> Option<u32> {
        read(summary, &["Python"]).years.map(|f| f.value)
    }

    #[test]
    fn years_in_english_and_korean() {
        assert_eq!(years("Backend engineer with 6 years of Go."), Some(6));
        assert_eq!(
            years("Senior engineer, nine years, mostly payments."),
            Some(9)
        );
        assert_eq!(years("6년차 백엔드 개발자입니다."), Some(6));
        assert_eq!(years("데이터 분석 경력 3년, SQL을 주로 씁니다."), Some(3));
        // Not experience: a degree, a bootcamp, an age.
        assert_eq!(years("Five years of PhD work on speech."), None);
        assert_eq!(years("6개월 AI 부트캠프를 수료했습니다."), None);
        let p = read("Data analyst with three years at a retailer.", &["SQL"]);
        assert_eq!(p.years.unwrap().from, "summary: \"three years\"");
    }

    fn degree(summary: &str) -> Option<DegreeHeld> {
        read(summary, &["Python"]).degree.map(|f| f.value)
    }

    #[test]
    fn degrees_in_english_and_korean() {
        assert_eq!(degree("Just finished a PhD in NLP."), Some(DegreeHeld::Phd));
        assert_eq!(
            degree("컴퓨터공학 박사 수료 후 연구원으로 일했습니다."),
            Some(DegreeHeld::Phd)
        );
        assert_eq!(
            degree("MS in electrical engineering, no PhD and no papers."),
            Some(DegreeHeld::Master)
        );
        assert_eq!(degree("전자공학 석사 졸업"), Some(DegreeHeld::Master));
        assert_eq!(degree("BSc in statistics."), Some(DegreeHeld::Bachelor));
        assert_eq!(
            degree("경영학 전공, 비전공자로 개발을 시작했습니다."),
            Some(DegreeHeld::Bachelor)
        );
        // "30 ms at p99" is not a master's degree.
        assert_eq!(degree("Got the service under 30 ms at p99."), None);
    }

    fn regions(p: &Person) -> Vec<&str> {
        p.regions.iter().map(|f| f.value.as_str()).collect()
    }

    #[test]
    fn places_remote_and_relocation() {
        let p = read(
            "Frontend engineer based in Austin, open to remote.",
            &["React"],
        );
        assert_eq!(regions(&p), vec!["US"]);
        assert_eq!(p.remote.len(), 1);
        assert!(p.relocate.is_none());
        let p = read("Based in Pangyo, open to relocating.", &["PyTorch"]);
        assert_eq!(regions(&p), vec!["KR"]);
        assert!(p.relocate.is_some());
        let p = read(
            "서울에서 일할 수 있는 주니어 자리를 찾고 있어요.",
            &["Python"],
        );
        assert_eq!(regions(&p), vec!["KR"]);
        assert!(p.remote.is_empty());
    }

    #[test]
    fn locations_field_wins() {
        let p = Profile {
            strengths: vec!["Go".into()],
            summary: Some("Based in Seattle.".into()),
            locations: vec!["Berlin".into(), "remote-EU".into()],
            ..Profile::default()
        };
        let p = Person::read(&p, &SET.requirements);
        assert_eq!(regions(&p), vec!["DE"]);
        assert_eq!(p.remote[0].value, "EU");
    }

    fn languages(summary: &str, strengths: &[&str]) -> Vec<String> {
        read(summary, strengths)
            .languages
            .into_iter()
            .map(|f| f.value)
            .collect()
    }

    #[test]
    fn languages_named_written_and_only() {
        assert_eq!(
            languages("English only; based in Seattle.", &["Go"]),
            vec!["English"]
        );
        assert_eq!(
            languages("Korean and English both fine.", &["PyTorch"]),
            vec!["English", "Korean"]
        );
        assert_eq!(
            languages(
                "주니어 데이터 사이언티스트로 시작하고 싶어요. I read English documentation.",
                &["Python과 pandas로 데이터 전처리와 분석을 했습니다"]
            ),
            vec!["English", "Korean"]
        );
        // A profile that names no language assumes none.
        assert!(languages("Backend engineer with six years of Go.", &["Go"]).is_empty());
    }

    fn avoided(summary: &str) -> Vec<Role> {
        read(summary, &["React"])
            .avoid_roles
            .into_iter()
            .map(|f| f.value)
            .collect()
    }

    #[test]
    fn roles_to_avoid() {
        assert_eq!(
            avoided("Not looking for backend-heavy or ML roles."),
            vec![Role::Backend, Role::Modeling]
        );
        assert_eq!(
            avoided("I don't want to train models myself."),
            vec![Role::Modeling]
        );
        assert_eq!(
            avoided("모델 학습 업무는 원하지 않아요."),
            vec![Role::Modeling]
        );
        assert_eq!(
            avoided("리서치 직무는 원하지 않아요."),
            vec![Role::Research]
        );
        assert!(avoided("I want to build interfaces for AI products.").is_empty());
    }

    #[test]
    fn level_from_years_or_words() {
        let p = read("Senior backend engineer, nine years.", &["Go"]);
        assert_eq!(p.level.unwrap().value, Level::Senior);
        let p = read("Looking for an entry-level data science role.", &["Python"]);
        assert_eq!(p.level.unwrap().value, Level::Entry);
        let p = read("주니어 ML 엔지니어 자리를 찾습니다.", &["Python"]);
        assert_eq!(p.level.unwrap().value, Level::Junior);
        let p = read("Just finished a PhD in NLP.", &["PyTorch"]);
        assert_eq!(p.effective_years(3, 1), Some(3));
    }
}
