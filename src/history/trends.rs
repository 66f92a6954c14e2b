//! What the history holds, read back for `rolefit history`: the postings
//! that were new, changed, reposted or closed, and per week or month the
//! role mix, the skills asked most and (with a profile) how many fit well.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{Connection, params};
use serde::Serialize;

use super::db::{civil, days_from_civil};
use super::render::ROLES;
use crate::fit::Strengths;
use crate::rules::PatternSet;

/// A fit score at or above this fits well (as in the summary).
pub const GOOD_FIT: u32 = 60;
/// Skills listed per period.
const TOP_SKILLS: usize = 5;

/// How long a period of the trends is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Week,
    Month,
}

/// What happened to a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    New,
    Changed,
    Reposted,
    Closed,
}

impl EventKind {
    pub fn name(self) -> &'static str {
        match self {
            EventKind::New => "new",
            EventKind::Changed => "changed",
            EventKind::Reposted => "reposted",
            EventKind::Closed => "closed",
        }
    }
}

/// One thing that happened to one posting.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub kind: EventKind,
    /// The day of the run that saw it (YYYY-MM-DD).
    pub date: String,
    pub posting: i64,
    pub title: Option<String>,
    pub company: Option<String>,
    pub role: String,
    pub url: Option<String>,
    /// The source (file or board) of the run.
    pub source: Option<String>,
}

/// A skill and how many postings of a period require it.
#[derive(Debug, Clone, Serialize)]
pub struct SkillCount {
    pub skill: String,
    pub postings: usize,
}

/// One week or month.
#[derive(Debug, Clone, Serialize)]
pub struct Period {
    /// `2026-11-02` (the Monday of a week) or `2026-11`.
    pub period: String,
    /// Distinct postings seen in it.
    pub postings: usize,
    pub new: usize,
    pub changed: usize,
    pub reposted: usize,
    pub closed: usize,
    /// Postings per role (modeling ... none).
    pub roles: BTreeMap<String, usize>,
    pub top_skills: Vec<SkillCount>,
    /// With a profile: postings that fit well (score 60 or more).
    pub fits_well: Option<usize>,
}

/// Everything `rolefit history` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Trends {
    pub since: Option<String>,
    pub by: Granularity,
    /// Runs since `since` (all runs without it).
    pub runs: usize,
    /// Distinct postings those runs saw.
    pub postings: usize,
    pub events: Vec<Event>,
    pub periods: Vec<Period>,
}

/// A posting as one run read it (a version of it).
struct Stored {
    title: Option<String>,
    company: Option<String>,
    role: String,
    url: Option<String>,
    skills: Vec<String>,
    text: String,
}

/// (posting, version, time, seen, source of the run) of a sighting.
type Sighting = (i64, Option<i64>, String, String, Option<String>);

/// Reads the trends since `since` (YYYY-MM-DD).
pub fn read(
    conn: &Connection,
    since: Option<&str>,
    by: Granularity,
    fit: Option<(&PatternSet, &Strengths)>,
) -> rusqlite::Result<Trends> {
    let since_key = since.unwrap_or("");
    let versions = stored(conn)?;
    let runs: usize = conn.query_row(
        "SELECT COUNT(*) FROM runs WHERE started >= ?1",
        [since_key],
        |r| r.get::<_, i64>(0),
    )? as usize;

    // (posting, version, day, seen, source) of each sighting.
    let mut stmt = conn.prepare(
        "SELECT s.posting_id, s.version_id, s.at, s.seen, r.source FROM sightings s
         JOIN runs r ON r.id = s.run_id WHERE s.at >= ?1 ORDER BY s.at, s.run_id, s.posting_id",
    )?;
    let sightings: Vec<Sighting> = stmt
        .query_map([since_key], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    let postings = sightings
        .iter()
        .map(|s| s.0)
        .collect::<BTreeSet<i64>>()
        .len();

    // Each event names the posting as the run that saw it read it.
    let event = |kind, posting: i64, version: Option<i64>, at: &str, source: Option<String>| {
        let p = version.and_then(|v| versions.get(&v));
        Event {
            kind,
            date: at.get(..10).unwrap_or(at).to_string(),
            posting,
            title: p.and_then(|p| p.title.clone()),
            company: p.and_then(|p| p.company.clone()),
            role: p.map_or_else(|| "none".to_string(), |p| p.role.clone()),
            url: p.and_then(|p| p.url.clone()),
            source,
        }
    };
    let mut events: Vec<Event> = Vec::new();
    for (posting, version, at, seen, source) in &sightings {
        let kind = match seen.as_str() {
            "new" => EventKind::New,
            "changed" => EventKind::Changed,
            "reposted" => EventKind::Reposted,
            _ => continue,
        };
        events.push(event(kind, *posting, *version, at, source.clone()));
    }
    // A closed posting is named as the run before last saw it.
    for (posting, version, at, source) in closed(conn)? {
        if at.as_str() >= since_key {
            events.push(event(
                EventKind::Closed,
                posting,
                version,
                &at,
                Some(source),
            ));
        }
    }
    events.sort_by(|a, b| (&a.date, a.kind, a.posting).cmp(&(&b.date, b.kind, b.posting)));

    // Fit is read anew from each version's text, once.
    let mut fits: HashMap<i64, bool> = HashMap::new();
    // Per period, each posting seen in it and the version its latest run in
    // the period read: a period keeps what its runs made of a posting.
    type Seen = (BTreeMap<i64, Option<i64>>, [usize; 4]);
    let mut periods: BTreeMap<String, Seen> = BTreeMap::new();
    for (posting, version, at, seen, _) in &sightings {
        let entry = periods.entry(period_of(at, by)).or_default();
        entry.0.insert(*posting, *version);
        match seen.as_str() {
            "new" => entry.1[0] += 1,
            "changed" => entry.1[1] += 1,
            "reposted" => entry.1[2] += 1,
            _ => {}
        }
    }
    for e in events.iter().filter(|e| e.kind == EventKind::Closed) {
        periods.entry(period_of(&e.date, by)).or_default().1[3] += 1;
    }
    let periods = periods
        .into_iter()
        .map(|(period, (ids, [new, changed, reposted, closed]))| {
            // Every role, with 0 when the period has none of it.
            let mut roles: BTreeMap<String, usize> =
                ROLES.iter().map(|r| (r.to_string(), 0)).collect();
            let mut skills: BTreeMap<&str, usize> = BTreeMap::new();
            for p in ids
                .values()
                .filter_map(|v| v.and_then(|v| versions.get(&v)))
            {
                *roles.entry(p.role.clone()).or_insert(0) += 1;
                for s in &p.skills {
                    *skills.entry(s).or_insert(0) += 1;
                }
            }
            let mut top: Vec<SkillCount> = skills
                .into_iter()
                .map(|(skill, postings)| SkillCount {
                    skill: skill.to_string(),
                    postings,
                })
                .collect();
            top.sort_by(|a, b| b.postings.cmp(&a.postings).then(a.skill.cmp(&b.skill)));
            top.truncate(TOP_SKILLS);
            let fits_well = fit.map(|(set, strengths)| {
                ids.values()
                    .filter(|v| {
                        v.is_some_and(|v| {
                            *fits.entry(v).or_insert_with(|| {
                                versions
                                    .get(&v)
                                    .is_some_and(|p| fits_well(p, set, strengths))
                            })
                        })
                    })
                    .count()
            });
            Period {
                period,
                postings: ids.len(),
                new,
                changed,
                reposted,
                closed,
                roles,
                top_skills: top,
                fits_well,
            }
        })
        .collect();
    Ok(Trends {
        since: since.map(str::to_string),
        by,
        runs,
        postings,
        events,
        periods,
    })
}

fn fits_well(p: &Stored, set: &PatternSet, strengths: &Strengths) -> bool {
    let Ok(posting) = crate::extract::from_row(
        p.title.as_deref(),
        p.company.as_deref(),
        None,
        &p.text,
        &set.sections,
    ) else {
        return false;
    };
    crate::analysis::analyze(posting, set, Some(strengths))
        .fit
        .is_some_and(|f| f.score >= GOOD_FIT)
}

fn stored(conn: &Connection) -> rusqlite::Result<HashMap<i64, Stored>> {
    let mut stmt = conn.prepare(
        "SELECT v.id, v.title, v.company, v.role, p.url, v.record, v.text
         FROM versions v JOIN postings p ON p.id = v.posting_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let record: String = r.get(5)?;
        Ok((
            r.get::<_, i64>(0)?,
            Stored {
                title: r.get(1)?,
                company: r.get(2)?,
                role: r
                    .get::<_, Option<String>>(3)?
                    .unwrap_or_else(|| "none".into()),
                url: r.get(4)?,
                skills: required_skills(&record),
                text: r.get(6)?,
            },
        ))
    })?;
    rows.collect()
}

/// The technical skills a stored record requires, each once.
pub(crate) fn required_skills(record: &str) -> Vec<String> {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(record) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    let skills = v["requirements"]["skills"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for s in skills {
        let technical = serde_json::from_value::<crate::skills::Category>(s["category"].clone())
            .is_ok_and(|c| c.is_technical());
        if s["need"] == "required"
            && technical
            && let Some(name) = s["skill"].as_str()
            && !out.iter().any(|o| o == name)
        {
            out.push(name.to_string());
        }
    }
    out
}

/// (posting, version last seen, day of the closing run, source).
type Closed = (i64, Option<i64>, String, String);

/// (posting, version last seen, day of the closing run, source): each time
/// a source's finished run did not list a posting its finished run before
/// it listed.
fn closed(conn: &Connection) -> rusqlite::Result<Vec<Closed>> {
    let mut stmt = conn.prepare(
        "WITH fr AS (
             SELECT id, source, started,
                    LAG(id) OVER (PARTITION BY source ORDER BY id) AS prev
             FROM runs WHERE source IS NOT NULL AND finished IS NOT NULL
         )
         SELECT s.posting_id, s.version_id, fr.started, fr.source
         FROM fr JOIN sightings s ON s.run_id = fr.prev
         WHERE NOT EXISTS (
             SELECT 1 FROM sightings s2 WHERE s2.run_id = fr.id AND s2.posting_id = s.posting_id
         )
         ORDER BY fr.id, s.posting_id",
    )?;
    let rows = stmt.query_map(params![], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    rows.collect()
}

/// The week (its Monday) or month a timestamp falls in.
pub fn period_of(at: &str, by: Granularity) -> String {
    let date = at.get(..10).unwrap_or(at);
    match by {
        Granularity::Month => date.get(..7).unwrap_or(date).to_string(),
        Granularity::Week => match parse_date(date) {
            Some(days) => {
                // 1970-01-01 was a Thursday: Monday is 3 days before.
                let monday = days - (days + 3).rem_euclid(7);
                let (y, m, d) = civil(monday);
                format!("{y:04}-{m:02}-{d:02}")
            }
            None => date.to_string(),
        },
    }
}

/// Days since 1970-01-01 of a YYYY-MM-DD date, if it is one.
pub fn parse_date(s: &str) -> Option<i64> {
    let mut it = s.splitn(3, '-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    if s.len() != 10 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let days = days_from_civil(y, m, d);
    (civil(days) == (y, m, d)).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday_and_months_are_months() {
        // 2026-11-04 is a Wednesday.
        assert_eq!(
            period_of("2026-11-04T10:00:00Z", Granularity::Week),
            "2026-11-02"
        );
        assert_eq!(
            period_of("2026-11-02T00:00:00Z", Granularity::Week),
            "2026-11-02"
        );
        assert_eq!(
            period_of("2026-11-08T23:59:59Z", Granularity::Week),
            "2026-11-02"
        );
        assert_eq!(
            period_of("2026-11-04T10:00:00Z", Granularity::Month),
            "2026-11"
        );
    }

    #[test]
    fn dates_are_checked() {
        assert!(parse_date("2026-11-04").is_some());
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("last week"), None);
        assert_eq!(parse_date("2026-1-4"), None);
    }
}
