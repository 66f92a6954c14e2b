//! Who a posting is for beyond skills: its seniority, where the job is and
//! whether it is remote, the limits it sets on residency, citizenship, work
//! permits, time zones and clearances, and the languages the work is done in.
//! Every fact keeps the line it came from (0: the title or location field).

use serde::Serialize;

use super::Need;
use crate::model::{Lang, Posting, SectionKind};
use crate::rules::Doc;
use crate::rules::phrases::{GateHits, Level, LimitKind, ReqRules, gate_id};

/// The posting's seniority.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Seniority {
    pub level: Level,
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WorkMode {
    Remote,
    Hybrid,
    Onsite,
}

/// A place the posting names, with its region.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Place {
    pub name: String,
    pub region: String,
    pub line: usize,
}

/// Where the job is done.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Location {
    pub places: Vec<Place>,
    pub mode: Option<WorkMode>,
    /// The words that said remote, hybrid or onsite, and their line.
    pub mode_text: Option<String>,
    pub mode_line: Option<usize>,
    /// A remote job open to every country.
    pub anywhere: bool,
    /// The region assumed from the posting's language when it names no place.
    pub assumed_region: Option<String>,
}

/// A limit on who may apply.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Limit {
    pub kind: LimitKind,
    /// The region the limit names, if any.
    pub region: Option<String>,
    pub text: String,
    pub line: usize,
}

/// A language the work is done in.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WorkLanguage {
    pub name: String,
    pub need: Need,
    pub text: String,
    pub line: usize,
}

/// The posting's lines, in order, as one document for the phrase gates.
fn doc(posting: &Posting) -> Doc {
    Doc::new(lines(posting).map(|(_, _, t)| t))
}

/// Which requirement phrases may match on which of the posting's lines
/// (numbered as [`lines`] gives them): one scan of the posting.
pub fn gate_hits(posting: &Posting, rules: &ReqRules) -> GateHits {
    rules.line_gates().scan(&doc(posting))
}

fn lines(posting: &Posting) -> impl Iterator<Item = (SectionKind, usize, &str)> {
    posting.sections.iter().flat_map(|s| {
        s.lines
            .iter()
            .map(move |l| (s.kind, l.number, l.text.as_str()))
    })
}

/// The seniority: a level word in the title, else in the seniority a job
/// board states ("Entry level", "Associate"), else a line open to beginners.
pub fn seniority(posting: &Posting, rules: &ReqRules) -> Option<Seniority> {
    seniority_with(posting, rules, &gate_hits(posting, rules))
}

/// [`seniority`], with the posting's gate hits.
pub fn seniority_with(posting: &Posting, rules: &ReqRules, hits: &GateHits) -> Option<Seniority> {
    for stated in [&posting.meta.title, &posting.meta.seniority]
        .into_iter()
        .flatten()
    {
        for (level, re) in &rules.seniority {
            if let Some(m) = re.find(stated) {
                return Some(Seniority {
                    level: *level,
                    text: m.as_str().to_string(),
                    line: 0,
                });
            }
        }
    }
    if !hits.anywhere(gate_id::ENTRY) {
        return None;
    }
    lines(posting)
        .enumerate()
        .filter(|(i, _)| hits.may(gate_id::ENTRY, *i))
        .filter(|(_, (k, _, _))| !matches!(k, SectionKind::About | SectionKind::Benefits))
        .find_map(|(_, (_, n, t))| {
            rules.entry_lines.regex().find(t).map(|m| Seniority {
                level: Level::Entry,
                text: m.as_str().to_string(),
                line: n,
            })
        })
}

/// Where a text that may name the job's place is: the location field or
/// the title (by index among those present), or a line of the posting.
#[derive(Clone, Copy)]
enum At {
    Field(usize),
    Line(usize),
}

/// Where the job is and how it is worked.
pub fn location(posting: &Posting, rules: &ReqRules) -> Location {
    location_with(posting, rules, &gate_hits(posting, rules))
}

/// [`location`], with the posting's gate hits.
pub fn location_with(posting: &Posting, rules: &ReqRules, hits: &GateHits) -> Location {
    let mut loc = Location::default();
    // The location field and the title, with the gate hits of their own.
    let meta: Vec<&str> = [&posting.meta.location, &posting.meta.title]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let meta_hits = rules.line_gates().scan(&Doc::new(meta.iter().copied()));
    // (line number, text, where: a field (Err) or a line of the posting (Ok))
    let mut sources: Vec<(usize, &str, At)> = meta
        .iter()
        .enumerate()
        .map(|(i, t)| (0, *t, At::Field(i)))
        .collect();
    // Lines that say where, and every line under a heading that does.
    let mut i = 0;
    for s in &posting.sections {
        let under = s
            .heading
            .as_deref()
            .is_some_and(|h| rules.location_cue.is_match(h));
        for l in &s.lines {
            if under || (hits.may(gate_id::CUE, i) && rules.location_cue.regex().is_match(&l.text))
            {
                sources.push((l.number, l.text.as_str(), At::Line(i)));
            }
            i += 1;
        }
    }
    let may = |id: usize, at: &At| match *at {
        At::Line(i) => hits.may(id, i),
        At::Field(i) => meta_hits.may(id, i),
    };
    for (n, text, at) in &sources {
        for i in rules.regions_in_where(text, |r| may(rules.region_gate(r), at)) {
            let r = &rules.regions[i];
            if loc.places.iter().any(|p| p.region == r.name) {
                continue;
            }
            let name = r
                .places
                .regex()
                .find(text)
                .map(|m| m.as_str())
                .unwrap_or_default();
            loc.places.push(Place {
                name: name.to_string(),
                region: r.name.clone(),
                line: *n,
            });
        }
    }
    // The mode: first from the location field, title and location lines,
    // then from any line of the job's own sections.
    let body: Vec<(usize, &str, At)> = lines(posting)
        .enumerate()
        .filter(|(_, (k, _, _))| !matches!(k, SectionKind::Benefits | SectionKind::Process))
        .map(|(i, (_, n, t))| (n, t, At::Line(i)))
        .collect();
    let modes = [
        (WorkMode::Hybrid, &rules.hybrid, gate_id::HYBRID),
        (WorkMode::Remote, &rules.remote, gate_id::REMOTE),
        (WorkMode::Onsite, &rules.onsite, gate_id::ONSITE),
    ];
    'found: for group in [&sources, &body] {
        for (n, text, at) in group.iter() {
            for &(mode, re, id) in &modes {
                if !may(id, at) {
                    continue;
                }
                if let Some(m) = re.regex().find(text) {
                    loc.mode = Some(mode);
                    loc.mode_text = Some(m.as_str().to_string());
                    loc.mode_line = Some(*n);
                    break 'found;
                }
            }
        }
    }
    let anywhere = |group: &[(usize, &str, At)]| {
        group
            .iter()
            .any(|(_, t, at)| may(gate_id::ANYWHERE, at) && rules.anywhere.regex().is_match(t))
    };
    loc.anywhere = loc.mode == Some(WorkMode::Remote) && (anywhere(&sources) || anywhere(&body));
    if loc.places.is_empty() {
        let code = posting.lang.code();
        loc.assumed_region = rules
            .regions
            .iter()
            .find(|r| r.lang.as_deref() == Some(code))
            .map(|r| r.name.clone());
    }
    loc
}

/// The limits on who may apply, each kind once per region.
pub fn limits(posting: &Posting, rules: &ReqRules, loc: &Location) -> Vec<Limit> {
    limits_with(posting, rules, loc, &gate_hits(posting, rules))
}

/// [`limits`], with the posting's gate hits.
pub fn limits_with(
    posting: &Posting,
    rules: &ReqRules,
    loc: &Location,
    hits: &GateHits,
) -> Vec<Limit> {
    let home = loc
        .places
        .first()
        .map(|p| p.region.clone())
        .or_else(|| loc.assumed_region.clone());
    let mut out: Vec<Limit> = Vec::new();
    let ids: Vec<usize> = (0..rules.limits.len())
        .map(|k| gate_id::LIMITS + k)
        .collect();
    if !ids.iter().any(|&id| hits.anywhere(id)) {
        return out;
    }
    for (i, (_, n, text)) in lines(posting).enumerate() {
        for ((kind, re), &id) in rules.limits.iter().zip(&ids) {
            if !hits.may(id, i) {
                continue;
            }
            let Some(m) = re.regex().find(text) else {
                continue;
            };
            let may = |r: usize| hits.may(rules.region_gate(r), i);
            let after = rules.first_place_where(&text[m.start()..], may);
            let place = after.or_else(|| rules.first_place_where(text, may));
            let region = match (place, kind) {
                (Some((i, _)), _) => Some(rules.regions[i].name.clone()),
                (None, LimitKind::Citizenship | LimitKind::Permit | LimitKind::Residency) => {
                    home.clone()
                }
                _ => None,
            };
            if out.iter().any(|l| l.kind == *kind && l.region == region) {
                continue;
            }
            out.push(Limit {
                kind: *kind,
                region,
                text: m.as_str().trim().to_string(),
                line: n,
            });
        }
    }
    out
}

/// The languages the work is done in: the posting's own language, and any
/// language a line asks fluency in.
pub fn work_languages(
    posting: &Posting,
    rules: &ReqRules,
    preferred_line: impl Fn(SectionKind, &str) -> bool,
) -> Vec<WorkLanguage> {
    work_languages_with(posting, rules, preferred_line, &gate_hits(posting, rules))
}

/// [`work_languages`], with the posting's gate hits.
pub fn work_languages_with(
    posting: &Posting,
    rules: &ReqRules,
    preferred_line: impl Fn(SectionKind, &str) -> bool,
    hits: &GateHits,
) -> Vec<WorkLanguage> {
    let mut out: Vec<WorkLanguage> = Vec::new();
    let code = posting.lang.code();
    if let Some(l) = rules
        .languages
        .iter()
        .find(|l| l.code.as_deref() == Some(code))
    {
        let written = match posting.lang {
            Lang::En => "the posting is written in English",
            Lang::Ko => "the posting is written in Korean",
        };
        out.push(WorkLanguage {
            name: l.name.clone(),
            need: Need::Required,
            text: written.to_string(),
            line: 0,
        });
    }
    if !hits.anywhere(gate_id::FLUENCY) {
        return out;
    }
    for (i, (kind, n, text)) in lines(posting).enumerate() {
        if matches!(kind, SectionKind::About | SectionKind::Benefits)
            || !hits.may(gate_id::FLUENCY, i)
            || !rules.fluency.regex().is_match(text)
        {
            continue;
        }
        for l in &rules.languages {
            let Some(m) = l.words.find(text) else {
                continue;
            };
            let need = if preferred_line(kind, text) {
                Need::Preferred
            } else {
                Need::Required
            };
            match out.iter_mut().find(|w| w.name == l.name) {
                Some(w) => {
                    if need < w.need {
                        w.need = need;
                    }
                }
                None => out.push(WorkLanguage {
                    name: l.name.clone(),
                    need,
                    text: m.as_str().to_string(),
                    line: n,
                }),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::PatternSet;
    use std::sync::LazyLock;

    static SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::builtin().unwrap());

    fn posting(title: &str, location: Option<&str>, body: &str) -> Posting {
        // Long enough to be read as a posting.
        let korean = body.chars().any(|c| ('가'..='힣').contains(&c));
        let about = if korean {
            "## 회사 소개\n저희는 작은 팀과 고객을 위한 소프트웨어 도구를 만들고 매주 새 기능을 배포합니다.\n"
        } else {
            "## About us\nWe build software tools for small teams and their customers, and we ship every week.\n"
        };
        let body = format!("{body}\n{about}");
        crate::extract::from_row(Some(title), None, location, &body, &SET.sections).unwrap()
    }

    fn level(title: &str, body: &str) -> Option<Level> {
        seniority(&posting(title, None, body), &SET.requirements).map(|s| s.level)
    }

    const BODY_EN: &str = "## Requirements\n- Python and SQL for data work every day\n";
    const BODY_KO: &str = "## 자격 요건\n- Python과 SQL을 이용한 데이터 분석 경험\n";

    #[test]
    fn seniority_from_title_words() {
        assert_eq!(
            level("Senior Machine Learning Engineer", BODY_EN),
            Some(Level::Senior)
        );
        assert_eq!(
            level("Staff Software Engineer, Inference", BODY_EN),
            Some(Level::Lead)
        );
        assert_eq!(
            level("Machine Learning Intern (Summer)", BODY_EN),
            Some(Level::Entry)
        );
        assert_eq!(level("Data Scientist", BODY_EN), None);
        assert_eq!(level("[신입] AI 엔지니어", BODY_KO), Some(Level::Entry));
        assert_eq!(level("시니어 백엔드 개발자", BODY_KO), Some(Level::Senior));
        assert_eq!(level("AI 팀 리드", BODY_KO), Some(Level::Lead));
    }

    #[test]
    fn seniority_from_a_line_open_to_beginners() {
        let body = "## 자격 요건\n- 신입 지원 가능, 경력 무관\n- Python 경험\n";
        let s = seniority(&posting("AI 엔지니어", None, body), &SET.requirements).unwrap();
        assert_eq!((s.level, s.line > 0), (Level::Entry, true));
        let body = "## Requirements\n- New grads welcome; Python required\n";
        assert_eq!(level("ML Engineer", body), Some(Level::Entry));
    }

    fn loc(title: &str, location: Option<&str>, body: &str) -> Location {
        location_of(&posting(title, location, body))
    }

    fn location_of(p: &Posting) -> Location {
        location(p, &SET.requirements)
    }

    fn regions(l: &Location) -> Vec<&str> {
        l.places.iter().map(|p| p.region.as_str()).collect()
    }

    #[test]
    fn location_from_the_field_and_location_lines() {
        let l = loc("ML Engineer", Some("Berlin, Germany (hybrid)"), BODY_EN);
        assert_eq!(regions(&l), vec!["DE"]);
        assert_eq!(l.mode, Some(WorkMode::Hybrid));
        let l = loc(
            "ML Engineer",
            None,
            "## About\nLocation: Remote (US only)\n\n## Requirements\n- Python\n",
        );
        assert_eq!(regions(&l), vec!["US"]);
        assert_eq!(l.mode, Some(WorkMode::Remote));
        assert!(!l.anywhere);
        let l = loc(
            "ML Engineer",
            Some("Remote - anywhere in the world"),
            BODY_EN,
        );
        assert!(l.anywhere);
    }

    /// "PT" after a city is Portugal's code, not Pacific Time in the US.
    #[test]
    fn a_country_code_after_a_city_is_not_a_us_time_zone() {
        let l = loc("ML Engineer", Some("Lisbon, PT"), BODY_EN);
        assert_eq!(regions(&l), vec!["PT"]);
        let l = loc("AI 엔지니어", Some("Lisbon, PT"), BODY_KO);
        assert_eq!(regions(&l), vec!["PT"]);
    }

    #[test]
    fn location_in_korean() {
        let l = loc(
            "AI 엔지니어",
            None,
            "## 근무 조건\n- 근무지: 경기도 성남시 판교\n- 주 2회 재택 근무\n\n## 자격 요건\n- Python\n",
        );
        assert_eq!(regions(&l), vec!["KR"]);
        // A Korean posting that names no place is taken to be in Korea.
        let l = loc("AI 엔지니어", None, BODY_KO);
        assert!(l.places.is_empty());
        assert_eq!(l.assumed_region.as_deref(), Some("KR"));
    }

    fn limits_of(
        title: &str,
        location: Option<&str>,
        body: &str,
    ) -> Vec<(LimitKind, Option<String>)> {
        let p = posting(title, location, body);
        let l = location_of(&p);
        limits(&p, &SET.requirements, &l)
            .into_iter()
            .map(|l| (l.kind, l.region))
            .collect()
    }

    #[test]
    fn residency_citizenship_time_zone_and_clearance() {
        let body = "## Requirements\n- You must be based in the EU.\n- Python\n";
        assert_eq!(
            limits_of("ML Engineer", None, body),
            vec![(LimitKind::Residency, Some("EU".into()))]
        );
        let body = "## Requirements\n- US citizens only; an active TS/SCI clearance is required.\n";
        let got = limits_of("Research Scientist", None, body);
        assert!(
            got.contains(&(LimitKind::Citizenship, Some("US".into()))),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(k, _)| *k == LimitKind::Clearance),
            "{got:?}"
        );
        let body = "## Requirements\n- Working hours CET +/- 2h\n";
        assert_eq!(
            limits_of("Frontend Engineer", None, body),
            vec![(LimitKind::TimeZone, Some("Europe".into()))]
        );
        let body = "## Requirements\n- We cannot offer visa sponsorship.\n";
        assert_eq!(
            limits_of("Data Scientist", Some("Austin, TX"), body),
            vec![(LimitKind::Permit, Some("US".into()))]
        );
        assert!(limits_of("Data Scientist", None, BODY_EN).is_empty());
    }

    #[test]
    fn limits_in_korean() {
        let body = "## 자격 요건\n- 해외 거주자 지원 불가, 국내 거주자만 지원 가능\n";
        assert_eq!(
            limits_of("AI 엔지니어", None, body),
            vec![(LimitKind::Residency, Some("KR".into()))]
        );
        let body = "## 자격 요건\n- 비자 지원 불가\n";
        assert_eq!(
            limits_of("AI 엔지니어", None, body),
            vec![(LimitKind::Permit, Some("KR".into()))]
        );
    }

    fn langs(title: &str, body: &str) -> Vec<(String, Need)> {
        let p = posting(title, None, body);
        work_languages(&p, &SET.requirements, |k, t| {
            k == SectionKind::Preferred || t.contains("우대") || t.contains("plus")
        })
        .into_iter()
        .map(|w| (w.name, w.need))
        .collect()
    }

    #[test]
    fn work_languages_in_english_and_korean() {
        assert_eq!(
            langs("ML Engineer", BODY_EN),
            vec![("English".into(), Need::Required)]
        );
        let body = "## Requirements\n- German at C1 level is required\n- Python\n";
        assert_eq!(
            langs("ML Engineer", body),
            vec![
                ("English".into(), Need::Required),
                ("German".into(), Need::Required)
            ]
        );
        assert_eq!(
            langs("AI 엔지니어", BODY_KO),
            vec![("Korean".into(), Need::Required)]
        );
        let body = "## 자격 요건\n- Python 경험\n- 영어 능통자 우대\n";
        assert_eq!(
            langs("AI 엔지니어", body),
            vec![
                ("Korean".into(), Need::Required),
                ("English".into(), Need::Preferred)
            ]
        );
    }
}
