//! Who a posting is for beyond skills: its seniority, where the job is and
//! whether it is remote, the limits it sets on residency, citizenship, work
//! permits, time zones and clearances, and the languages the work is done in.
//! Every fact keeps the line it came from (0: the title or location field).

use serde::Serialize;

use super::Need;
use super::rules::{Level, LimitKind, ReqRules};
use crate::model::{Lang, Posting, SectionKind};

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

fn lines(posting: &Posting) -> impl Iterator<Item = (SectionKind, usize, &str)> {
    posting.sections.iter().flat_map(|s| {
        s.lines
            .iter()
            .map(move |l| (s.kind, l.number, l.text.as_str()))
    })
}

/// The seniority: a level word in the title, else a line open to beginners.
pub fn seniority(posting: &Posting, rules: &ReqRules) -> Option<Seniority> {
    if let Some(title) = &posting.meta.title {
        for (level, re) in &rules.seniority {
            if let Some(m) = re.find(title) {
                return Some(Seniority {
                    level: *level,
                    text: m.as_str().to_string(),
                    line: 0,
                });
            }
        }
    }
    lines(posting)
        .filter(|(k, _, _)| !matches!(k, SectionKind::About | SectionKind::Benefits))
        .find_map(|(_, n, t)| {
            rules.entry_lines.find(t).map(|m| Seniority {
                level: Level::Entry,
                text: m.as_str().to_string(),
                line: n,
            })
        })
}

/// Where the job is and how it is worked.
pub fn location(posting: &Posting, rules: &ReqRules) -> Location {
    let mut loc = Location::default();
    let mut sources: Vec<(usize, &str)> = Vec::new();
    if let Some(l) = &posting.meta.location {
        sources.push((0, l));
    }
    if let Some(t) = &posting.meta.title {
        sources.push((0, t));
    }
    let cue_lines: Vec<(usize, &str)> = lines(posting)
        .filter(|(_, _, t)| rules.location_cue.is_match(t))
        .map(|(_, n, t)| (n, t))
        .collect();
    sources.extend(cue_lines.iter().copied());
    for (n, text) in &sources {
        for i in rules.regions_in(text) {
            let r = &rules.regions[i];
            if loc.places.iter().any(|p| p.region == r.name) {
                continue;
            }
            let name = r.places.find(text).map(|m| m.as_str()).unwrap_or_default();
            loc.places.push(Place {
                name: name.to_string(),
                region: r.name.clone(),
                line: *n,
            });
        }
    }
    // The mode: first from the location field, title and location lines,
    // then from any line of the job's own sections.
    let body: Vec<(usize, &str)> = lines(posting)
        .filter(|(k, _, _)| !matches!(k, SectionKind::Benefits | SectionKind::Process))
        .map(|(_, n, t)| (n, t))
        .collect();
    'found: for group in [&sources, &body] {
        for (n, text) in group.iter() {
            for (mode, re) in [
                (WorkMode::Hybrid, &rules.hybrid),
                (WorkMode::Remote, &rules.remote),
                (WorkMode::Onsite, &rules.onsite),
            ] {
                if let Some(m) = re.find(text) {
                    loc.mode = Some(mode);
                    loc.mode_text = Some(m.as_str().to_string());
                    loc.mode_line = Some(*n);
                    break 'found;
                }
            }
        }
    }
    loc.anywhere = loc.mode == Some(WorkMode::Remote)
        && sources
            .iter()
            .chain(body.iter())
            .any(|(_, t)| rules.anywhere.is_match(t));
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
    let home = loc
        .places
        .first()
        .map(|p| p.region.clone())
        .or_else(|| loc.assumed_region.clone());
    let mut out: Vec<Limit> = Vec::new();
    for (_, n, text) in lines(posting) {
        for (kind, re) in &rules.limits {
            let Some(m) = re.find(text) else { continue };
            let after = rules.first_place(&text[m.start()..]);
            let place = after.or_else(|| rules.first_place(text));
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
    for (kind, n, text) in lines(posting) {
        if matches!(kind, SectionKind::About | SectionKind::Benefits) || !rules.fluency.is_match(text) {
            continue;
        }
        for l in &rules.languages {
            let Some(m) = l.words.find(text) else { continue };
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

/// Where a fact came from, for people: "title" for line 0, else "l.N".
fn at(line: usize) -> String {
    if line == 0 {
        "title/location".to_string()
    } else {
        format!("l.{line}")
    }
}

/// The seniority, location, limits and work languages as short labelled
/// lines ("location", "Berlin (DE), hybrid (l.4)"), for the text formats.
pub fn describe(req: &super::Requirements) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(s) = &req.seniority {
        out.push((
            "seniority",
            format!("{} (\"{}\", {})", s.level.name(), s.text, at(s.line)),
        ));
    }
    let loc = &req.location;
    let mut parts: Vec<String> = loc
        .places
        .iter()
        .map(|p| format!("{} ({}, {})", p.name, p.region, at(p.line)))
        .collect();
    if parts.is_empty()
        && let Some(r) = &loc.assumed_region
    {
        parts.push(format!("{r} (from the posting's language)"));
    }
    if let (Some(mode), Some(line)) = (loc.mode, loc.mode_line) {
        let m = match mode {
            WorkMode::Remote if loc.anywhere => "remote, anywhere",
            WorkMode::Remote => "remote",
            WorkMode::Hybrid => "hybrid",
            WorkMode::Onsite => "onsite",
        };
        parts.push(format!("{m} ({})", at(line)));
    }
    if !parts.is_empty() {
        out.push(("location", parts.join(", ")));
    }
    for l in &req.limits {
        let region = l.region.as_deref().map(|r| format!(" {r}")).unwrap_or_default();
        out.push((
            "limit",
            format!("{}{region}: \"{}\" ({})", l.kind.name(), l.text, at(l.line)),
        ));
    }
    if !req.work_languages.is_empty() {
        let langs: Vec<String> = req
            .work_languages
            .iter()
            .map(|w| {
                let need = match w.need {
                    Need::Required => "required",
                    Need::Preferred => "preferred",
                };
                let from = if w.line == 0 {
                    "the posting's language".to_string()
                } else {
                    at(w.line)
                };
                format!("{} {need} ({from})", w.name)
            })
            .collect();
        out.push(("work language", langs.join(", ")));
    }
    out
}
